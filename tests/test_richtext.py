"""Markdown descriptions become sanitized HTML."""

from __future__ import annotations

from versus.richtext import to_html


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
