"""Canonical URLs of the site's files: ``base_url`` and a path inside the site."""

from __future__ import annotations


class Urls:
    """Canonical URLs of the site's files, from ``base_url`` (``https://example.org/`` + path)."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/"

    def __call__(self, path: str) -> str:
        return self.base + path.removesuffix("index.html")
