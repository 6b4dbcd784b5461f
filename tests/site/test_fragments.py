"""The ``{% cache %}`` tag: a block rendered once per key, per environment."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from versus.build.fingerprint import TemplateGraph
from versus.inputs.cache import DocumentCache
from versus.site.fragments import FragmentCache


def _env(templates: dict[str, str]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        extensions=[FragmentCache],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, value: str) -> str:
        self.calls += 1
        return value


def test_a_block_renders_once_per_key() -> None:
    env = _env({"t": "{% cache key %}[{{ count(text) }}]{% endcache %}"})
    count = Counter()
    template = env.get_template("t")
    assert template.render(key=1, text="a", count=count) == "[a]"
    assert template.render(key=1, text="changed", count=count) == "[a]"  # the key says "same"
    assert template.render(key=2, text="b", count=count) == "[b]"
    assert count.calls == 2


def test_blocks_with_equal_keys_in_different_places_do_not_share() -> None:
    env = _env(
        {
            "t": "{% cache k %}first {{ k }}{% endcache %}|{% cache k %}second {{ k }}{% endcache %}",
            "u": "{% cache k %}other {{ k }}{% endcache %}",
        }
    )
    assert env.get_template("t").render(k=1) == "first 1|second 1"
    assert env.get_template("u").render(k=1) == "other 1"


def test_several_keys_and_escaping() -> None:
    env = _env({"t": "{% cache a, b %}{{ a }}&{{ b }}{% endcache %}"})
    template = env.get_template("t")
    assert template.render(a="<x>", b=1) == "&lt;x&gt;&1"
    assert template.render(a="<x>", b=2) == "&lt;x&gt;&2"


def test_each_environment_has_its_own_cache() -> None:
    source = {"t": "{% cache 0 %}{{ text }}{% endcache %}"}
    assert _env(source).get_template("t").render(text="one") == "one"
    assert _env(source).get_template("t").render(text="two") == "two"


def test_an_unclosed_block_is_a_syntax_error() -> None:
    with pytest.raises(jinja2.TemplateSyntaxError):
        _env({"t": "{% cache 1 %}never closed"}).get_template("t")


def test_templates_included_in_a_cached_block_are_in_the_pair_page_closure(
    tmp_path: Path,
) -> None:
    """The theme's, in a project of no templates."""
    closure = TemplateGraph(tmp_path / "templates", DocumentCache(None)).closure("pair.html")
    assert "partials/capability_legend.html" in closure  # inside {% cache %} in capabilities
    assert "partials/score_key.html" in closure  # inside {% cache %} in scores
