"""Markdown descriptions become sanitized HTML."""

from __future__ import annotations

import time
from collections.abc import Callable

import markdown
import nh3
import pytest
from markupsafe import Markup

from versus.inputs.fieldtypes import MAX_MARKDOWN
from versus.inputs.markdownparser import MAX_NESTING
from versus.inputs.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_SCHEMES,
    ALLOWED_TAGS,
    raw_html,
    to_html,
)


def to_html_from(rendered: str) -> Markup:
    """What :func:`to_html` makes of HTML Python-Markdown rendered as it comes."""
    return Markup(
        nh3.clean(
            rendered,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(ALLOWED_SCHEMES),
            link_rel="nofollow noopener",
        )
    )


def test_markdown_is_rendered() -> None:
    html = to_html("Some *emphasis* and a [link](https://example.org).")
    assert "<em>emphasis</em>" in html
    assert '<a href="https://example.org" rel="nofollow noopener">link</a>' in html


def test_raw_html_and_scripts_are_removed() -> None:
    html = to_html('Hi <script>alert(1)</script><img src=x onerror="alert(2)"> there')
    assert "<script" not in html
    assert "onerror" not in html
    assert "<img" not in html


def test_javascript_links_are_dropped() -> None:
    html = to_html("[click](javascript:alert(1))")
    assert "javascript:" not in html


# --- the slowest Markdown shapes, at the length limit ------------------------------

WORST_SHAPES = {
    # quadratic in Python-Markdown as it comes: every link found again every bracket's end
    "link-chain": "[a](b) lorem ipsum ",
    "links-on-lines": "[a](b)\n",
    "short-references": "[a] ",
    # quadratic as it comes: a scan from every "(" to the end of the paragraph
    "unclosed-destinations": "[](",
    "unclosed-angle-destinations": "[a](<",
    # the rest of what was tried; html.parser is quadratic on "<" starts, hence the limit
    "autolink-starts": "<http://",
    "tag-starts": "<a",
    "open-brackets": "[",
    "nested-brackets": "[[[[[[[[[[]",
    "emphasis-runs": "*a **b ",
    "mixed-emphasis": "**_",
    "backtick-runs": "`a``b```c````d",
    "nested-quotes": "> ",
    "setext-headings": "a\n=\n",
    "html-comments": "<!--",
    "entities": "&#",
    "images": "![",
}


def _at_limit(unit: str) -> str:
    return (unit * (MAX_MARKDOWN // len(unit) + 1))[:MAX_MARKDOWN]


@pytest.mark.parametrize("unit", WORST_SHAPES.values(), ids=WORST_SHAPES.keys())
@pytest.mark.parametrize("read", [to_html, raw_html], ids=["to_html", "raw_html"])
def test_worst_markdown_at_the_limit_renders_under_a_second(
    unit: str, read: Callable[[str], object]
) -> None:
    """Issue 15: the slowest inputs known render in under 1 s at the length limit (about
    a tenth of that on a 2-core machine), and ``check`` reads them as fast. Processor
    time, not wall time: other processes on a busy machine do not count."""
    text = _at_limit(unit)
    start = time.process_time()
    read(text)
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize(
    "text",
    [
        'a [b [c]](http://x/(y)) and [d](<http://e/> "t")',
        "[ref][1] and [1] and ![img](http://i/) and [x]\n\n[1]: http://z/ 'T'",
        "[a](http://a/ 'quoted (title)') [b](http://b/\"c\") [[nested]](http://n/)",
        "[unclosed](http://u/ and [closed](http://c/)",
        "text with \\[escaped\\] brackets and `[code](x)`",
    ],
)
def test_bounded_links_render_as_python_markdown_does(text: str) -> None:
    """The bounded scans change nothing for real links."""
    converter = markdown.Markdown(output_format="html")
    assert to_html(text) == to_html_from(converter.convert(text))


def test_a_link_nested_past_the_limit_is_text() -> None:
    deep = "[" * (MAX_NESTING + 1) + "a" + "]" * (MAX_NESTING + 1) + "(http://x/)"
    assert "<a" not in to_html(deep)
    shallow = "[" * MAX_NESTING + "a" + "]" * MAX_NESTING + "(http://x/)"
    assert 'href="http://x/"' in to_html(shallow)
