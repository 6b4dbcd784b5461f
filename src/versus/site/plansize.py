"""How many files the page plan lists, from the counts of models and suites alone.

Apart from :mod:`versus.site.pages` (which holds the plan itself and delegates here)
so that a no-op build can report the size of the site it kept without importing the
page views and the schemas under them.
"""

from __future__ import annotations

SITEMAP_LIMIT = 50_000
"""The most URLs one sitemap file may list (sitemaps.org); past it sitemap.xml indexes parts."""

FIXED_FILES = 7
"""Files every site has whatever its models: ``pages.SINGLE_PAGES`` (index, 404,
sitemap.xml, robots.txt) and ``pages.SITE_FILES`` (compare page, models.json, llms.txt);
a test checks the two agree."""

FIXED_HTML = 3
"""HTML pages every site has: the index, the compare page and the 404 page."""


def sitemap_parts(model_count: int, limit: int = SITEMAP_LIMIT) -> int:
    """How many sitemap parts a site of this many models needs (0: one sitemap.xml)."""
    urls = 1 + model_count + model_count * (model_count - 1) // 2
    return 0 if urls <= limit else -(-urls // limit)


def plan_size(
    model_count: int, suite_count: int, limit: int = SITEMAP_LIMIT, fixed: int = FIXED_FILES
) -> tuple[int, int]:
    """How many HTML pages and how many files the plan lists, without listing them."""
    pairs = model_count * (model_count - 1) // 2
    html = FIXED_HTML + model_count + pairs
    files = (
        fixed
        + suite_count  # leaderboards
        + model_count * (1 + suite_count)
        + pairs * 2
        + sitemap_parts(model_count, limit)
    )
    return html, files
