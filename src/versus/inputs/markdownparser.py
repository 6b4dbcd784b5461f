"""Python-Markdown, with the scans of its link parsing kept local.

Python-Markdown's link parsing is quadratic in a paragraph's length for some
shapes (a paragraph of many links, or of many ``[](`` that never close): it
finds every bracket's end again after each link it replaces, and scans from
every ``(`` to the paragraph's end. :class:`_BoundedLinks` makes both scans
local (a link's text and destination nest at most :data:`MAX_NESTING` deep and
its destination is at most :data:`MAX_DESTINATION` characters long), which
changes nothing for a real link. At the schema's length limit for a Markdown
field (:data:`versus.inputs.fieldtypes.MAX_MARKDOWN`), the worst shapes
``tests/inputs/test_richtext.py`` knows render well under a second.

Only :mod:`versus.inputs.richtext` imports this, when it renders Markdown.
"""

from __future__ import annotations

import re
import types
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

MAX_NESTING = 16
"""Brackets or parentheses nested deeper than this inside one link make it plain text."""

MAX_DESTINATION = 2048
"""A link destination and title longer than this make the link plain text."""

_BRACKETS = re.compile(r"[\[\]]")
_PARENS = re.compile(r"[()]")
_LINK_PATTERNS = (
    "reference",
    "link",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
)


def _text_end(data: str, index: int) -> int | None:
    """Just past the ``]`` closing the ``[`` before ``index``, or None (unclosed, too deep)."""
    depth = 1
    for found in _BRACKETS.finditer(data, index):
        depth += 1 if found.group() == "[" else -1
        if depth == 0:
            return found.end()
        if depth > MAX_NESTING:
            return None
    return None


def _link_window(data: str, index: int) -> str:
    """``data`` cut where a destination starting at ``index`` can no longer end.

    Python-Markdown's ``getLink`` scans character by character to the closing
    ``)``; given this prefix it stops at the length or nesting limit instead.
    """
    stop = min(len(data), index + MAX_DESTINATION)
    depth = 0
    for found in _PARENS.finditer(data, index, stop):
        depth += 1 if found.group() == "(" else -1
        if depth == 0:
            return data[: found.end()]
        if depth > MAX_NESTING:
            return data[: found.start()]
    return data[:stop]


def _get_text(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, int, bool]:
    end = _text_end(data, index)
    if end is None:
        return data[index:], len(data), False
    return data[index : end - 1], end, True


def _get_link(
    self: LinkInlineProcessor, data: str, index: int
) -> tuple[str, str | None, int, bool]:
    return LinkInlineProcessor.getLink(self, _link_window(data, index), index)


class _BoundedLinks(Extension):
    """Gives each link pattern the local scans above, in place of its own."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        for name in _LINK_PATTERNS:
            processor = md.inlinePatterns[name]
            if isinstance(processor, LinkInlineProcessor):
                # on this converter's instances only: Python-Markdown itself stays as it is
                setattr(processor, "getText", types.MethodType(_get_text, processor))  # noqa: B010
                setattr(processor, "getLink", types.MethodType(_get_link, processor))  # noqa: B010


def converter() -> markdown.Markdown:
    """A new converter: HTML output, the link scans bounded."""
    extensions: list[Any] = [_BoundedLinks()]
    return markdown.Markdown(output_format="html", extensions=extensions)
