"""The page plan: which files the site has, and the view model each is rendered from.

Pure: from a :class:`Catalog` to a list of :class:`Page` values, each naming
its output path, its template and its context. Paths are unique by
construction; :func:`plan` still refuses two pages with one path, as Pelican
does, because a silent overwrite would lose a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from versus import compare, richtext, tables
from versus.catalog import Catalog
from versus.profiles import Profile, build_profiles
from versus.schema import Band


@dataclass(frozen=True)
class Page:
    path: str
    """Output file, relative to the site root, POSIX separators (``compare/a-vs-b/index.html``)."""
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)

    @property
    def url_path(self) -> str:
        """The page's URL relative to the site root: ``compare/a-vs-b/``."""
        return self.path.removesuffix("index.html")

    @property
    def root(self) -> str:
        """The relative prefix that leads from this page back to the site root."""
        return "../" * self.path.count("/")


class PathCollisionError(Exception):
    """Two pages of one plan would write the same file."""


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    profile: Profile
    overall: tables.Cell
    response: tables.Cell
    cost: tables.Cell


@dataclass(frozen=True)
class Leaderboard:
    suite_id: str
    name: str
    summary: str
    prompts: int
    bands: tuple[Band, ...]
    rows: tuple[LeaderboardRow, ...]
    unevaluated: tuple[Profile, ...]


def leaderboards(catalog: Catalog, profiles: Mapping[str, Profile]) -> list[Leaderboard]:
    """Each suite's evaluated models, best overall score first (ties by name)."""
    boards = []
    for suite_id, suite in catalog.suites.items():
        ranked = sorted(
            (p for p in profiles.values() if suite_id in p.runs),
            key=lambda p: (-p.runs[suite_id].overall, p.name.lower(), p.id),
        )
        rows = []
        for rank, profile in enumerate(ranked, start=1):
            run = profile.runs[suite_id]
            rows.append(
                LeaderboardRow(
                    rank,
                    profile,
                    tables.overall_cell(run)[0],
                    tables.response_cell(run)[0],
                    tables.cost_cell(run)[0],
                )
            )
        boards.append(
            Leaderboard(
                suite_id,
                suite.name,
                suite.summary,
                suite.prompts,
                tuple(suite.bands or catalog.config.bands),
                tuple(rows),
                tuple(p for p in profiles.values() if suite_id not in p.runs),
            )
        )
    return boards


def _index(catalog: Catalog, profiles: Mapping[str, Profile]) -> Page:
    ordered = list(profiles.values())
    pair_links = [
        (profiles[a], profiles[b], compare.pair_path(a, b))
        for a, b in compare.pairs(list(profiles))
    ]
    return Page(
        "index.html",
        "index.html",
        {
            "title": f"{catalog.config.title}: compare vision and vision-language models",
            "description": catalog.config.description,
            "models": ordered,
            "listing_columns": tables.LISTING_COLUMNS,
            "model_rows": tables.listing(ordered),
            "matrix": tables.capabilities(ordered, catalog.config, every=True),
            "leaderboards": leaderboards(catalog, profiles),
            "pairs": pair_links,
        },
    )


def _model_page(
    profile: Profile,
    catalog: Catalog,
    profiles: Mapping[str, Profile],
    methodology: Mapping[str, Markup],
) -> Page:
    config = catalog.config
    score_tables = [
        tables.score_table(suite_id, suite, [profile], config.bands)
        for suite_id, suite in catalog.suites.items()
        if suite_id in profile.runs
    ]
    others = [
        (other, compare.pair_path(profile.id, other.id))
        for other in compare.partners(profile.id, profiles)
    ]
    return Page(
        f"{profile.path}index.html",
        "model.html",
        {
            "title": f"{profile.name}: capabilities, scores and comparisons",
            "description": profile.card.summary,
            "model": profile,
            "properties": tables.properties([profile]),
            "capabilities": tables.capabilities([profile], config, every=True),
            "scores": score_tables,
            "unevaluated_suites": [
                s.name for sid, s in catalog.suites.items() if sid not in profile.runs
            ],
            "comparisons": others,
            "methodology": methodology,
        },
    )


def _pair_page(view: compare.PairView, methodology: Mapping[str, Markup]) -> Page:
    return Page(
        f"{compare.pair_path(view.a.id, view.b.id)}index.html",
        "pair.html",
        {
            "title": f"{view.title}: side-by-side comparison",
            "description": f"{view.lead} {view.demo_sentence}",
            "pair": view,
            "methodology": methodology,
        },
    )


def _pages(catalog: Catalog) -> Iterator[Page]:
    profiles = build_profiles(catalog)
    methodology = {
        suite_id: richtext.to_html(suite.methodology) for suite_id, suite in catalog.suites.items()
    }
    yield _index(catalog, profiles)
    for profile in profiles.values():
        yield _model_page(profile, catalog, profiles, methodology)
    for a, b in compare.pairs(list(profiles)):
        yield _pair_page(compare.compare_pair(profiles[a], profiles[b], catalog), methodology)
    # The 404 page is served at any depth, so its links start from the site's own path.
    yield Page(
        "404.html",
        "404.html",
        {
            "title": "Page not found",
            "description": "There is no page at this address.",
            "root": urlsplit(catalog.config.base_url).path or "/",
        },
    )


def plan(catalog: Catalog) -> list[Page]:
    """Every HTML page of the site, in a fixed order, with unique paths."""
    pages: dict[str, Page] = {}
    for page in _pages(catalog):
        if page.path in pages:
            raise PathCollisionError(f"two pages would be written to {page.path}")
        pages[page.path] = page
    return list(pages.values())


def sitemap_urls(pages: list[Page]) -> list[str]:
    """URL paths of the pages a search engine should index (not the 404 page)."""
    return sorted(page.url_path for page in pages if page.path != "404.html")
