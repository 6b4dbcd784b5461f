"""Markdown from YAML to safe HTML.

Descriptions are Markdown written by contributors. They are rendered with
Python-Markdown (:mod:`versus.inputs.markdownparser`, imported only when some
Markdown is rendered: a build whose edit changes none reuses the rendering it
keeps) and then cleaned by nh3 (the Rust ``ammonia`` sanitizer), which keeps a
short list of tags and attributes, drops raw HTML such as ``<script>`` or event
handlers, and allows only http(s) and mailto links.
"""

from __future__ import annotations

import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br", "sub", "sup"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


def raw_html(text: str) -> list[str]:
    """The raw HTML tags and comments written in Markdown ``text`` (entities aside).

    Python-Markdown sets aside every piece of raw HTML it meets, block or inline,
    in its HTML stash; code spans are not raw HTML and are not stashed.
    """
    from versus.inputs.markdownparser import converter

    markdown = converter()
    markdown.convert(text)
    stashed = (str(block).strip() for block in markdown.htmlStash.rawHtmlBlocks)
    return [block for block in stashed if block and not block.startswith("&")]


def sanitize(html: str) -> str:
    """``html`` with every tag, attribute and link scheme outside the allowed lists removed."""
    cleaned: str = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="nofollow noopener",
    )
    return cleaned


def to_html(text: str) -> Markup:
    """Render Markdown and sanitize the result; the output is safe to embed."""
    from versus.inputs.markdownparser import converter

    return Markup(sanitize(converter().convert(text)))
