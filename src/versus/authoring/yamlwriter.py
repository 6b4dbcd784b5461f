"""YAML as a contributor writes it, for the files that tools write for people to edit
(the example project's generator, the benchmark's catalogs).

Block style with list items indented under their key, a literal block (``|``) for text
of several lines, a :class:`~decimal.Decimal` written exactly as it is (``0.10`` stays
``0.10``, as a figure is compared at the precision written), keys in the order given.
The same data gives the same text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import yaml


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


def dump_yaml(data: object, comments: Iterable[str] = ()) -> str:
    """``data`` as YAML, after one ``# ...`` line per comment (a modeline, a note)."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, indent=2)
    return "".join(f"# {comment}\n" for comment in comments) + body
