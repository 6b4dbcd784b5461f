"""The YAML writer: text a contributor would write, read back as the same data."""

from __future__ import annotations

from decimal import Decimal

import yaml

from versus.authoring.yamlwriter import dump_yaml


def test_block_style_with_list_items_indented_under_their_key() -> None:
    text = dump_yaml({"name": "Iris", "tags": ["a", "b"], "sizes": {"small": 1}})
    assert text == "name: Iris\ntags:\n  - a\n  - b\nsizes:\n  small: 1\n"


def test_text_of_several_lines_is_a_literal_block_read_back_the_same() -> None:
    description = "First line.\n\n- a *list* item: with a colon\n"
    text = dump_yaml({"description": description})
    assert text.startswith("description: |\n  First line.\n")
    assert yaml.safe_load(text) == {"description": description}


def test_decimals_are_written_as_they_are() -> None:
    text = dump_yaml({"price": Decimal("0.10"), "count": Decimal("12"), "small": Decimal("1E-3")})
    assert text == "price: 0.10\ncount: 12\nsmall: 0.001\n"
    assert yaml.safe_load(text) == {"price": 0.1, "count": 12, "small": 0.001}


def test_comments_come_first_one_line_each_and_keys_keep_their_order() -> None:
    text = dump_yaml({"z": 1, "a": "é"}, ["yaml-language-server: $schema=x.json", "synthetic"])
    assert text == "# yaml-language-server: $schema=x.json\n# synthetic\nz: 1\na: é\n"
