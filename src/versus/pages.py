"""The page plan: which files the site has, and the view model each is rendered from.

Planning is cheap and separate from building views: :func:`plan` lists a
:class:`PageSpec` (a kind, an output path and the model ids it shows) for every
file, refusing two with one path as Pelican does; :class:`SiteViews` turns one
spec into a :class:`Page` with its context only when that page is rendered.
A renderer that builds one page in a thousand therefore computes one view in
a thousand. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal
from urllib.parse import urlsplit

from markupsafe import Markup

from versus import compare, richtext, tables
from versus.catalog import Catalog
from versus.cells import Cell, capability_cell
from versus.checks import PAIR_SEPARATOR
from versus.columns import cost_cell, overall_cell, response_cell
from versus.profiles import MarkdownRenderer, Profile, build_profiles
from versus.schema import Band

PageKind = Literal["index", "model", "pair", "404", "sitemap", "sitemap-part", "robots"]

TEMPLATES: dict[PageKind, str] = {
    "index": "index.html",
    "model": "model.html",
    "pair": "pair.html",
    "404": "404.html",
    "sitemap": "sitemap.xml",
    "sitemap-part": "sitemap.xml",
    "robots": "robots.txt",
}

PAIR_LIST_LIMIT = 300
"""Up to this many pairs the index links every one; past it, a picker and the model pages do."""


@dataclass(frozen=True)
class PageSpec:
    kind: PageKind
    path: str
    """Output file, relative to the site root, POSIX separators (``compare/a-vs-b/index.html``)."""
    ids: tuple[str, ...] = ()
    """The models the page is about: one for a model page, two for a pair."""
    part: int = 0
    """Which part of a sitemap split in parts (1-based); 0 for every other page."""

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]


@dataclass(frozen=True)
class Page:
    path: str
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


def pair_spec(a: str, b: str) -> PageSpec:
    first, second = sorted((a, b))
    return PageSpec("pair", f"{compare.pair_path(first, second)}index.html", (first, second))


def model_spec(model_id: str) -> PageSpec:
    return PageSpec("model", f"models/{model_id}/index.html", (model_id,))


SINGLE_PAGES = (
    PageSpec("index", "index.html"),
    PageSpec("404", "404.html"),
    PageSpec("sitemap", "sitemap.xml"),
    PageSpec("robots", "robots.txt"),
)


SITEMAP_LIMIT = 50_000
"""The most URLs one sitemap file may list (sitemaps.org); past it sitemap.xml indexes parts."""


def sitemap_parts(model_count: int) -> int:
    """How many sitemap parts a site of this many models needs (0: one sitemap.xml)."""
    urls = 1 + model_count + model_count * (model_count - 1) // 2
    return 0 if urls <= SITEMAP_LIMIT else -(-urls // SITEMAP_LIMIT)


def sitemap_part_spec(part: int) -> PageSpec:
    return PageSpec("sitemap-part", f"sitemaps/sitemap-{part}.xml", part=part)


def plan_for(model_ids: Iterable[str]) -> list[PageSpec]:
    """Every generated file of a site with these models, in a fixed order, unique paths."""
    ids = sorted(model_ids)
    specs = [SINGLE_PAGES[0], *(model_spec(m) for m in ids)]
    separator = PAIR_SEPARATOR
    specs += [  # pair_spec(a, b), inlined: ids are sorted, and there are N*(N-1)/2 of them
        PageSpec("pair", f"compare/{a}{separator}{b}/index.html", (a, b))
        for a, b in combinations(ids, 2)
    ]
    specs += SINGLE_PAGES[1:]
    specs += [sitemap_part_spec(part) for part in range(1, sitemap_parts(len(ids)) + 1)]
    return unique(specs)


def plan(catalog: Catalog) -> list[PageSpec]:
    """Every generated file of the catalog's site."""
    return plan_for(catalog.models)


def unique(specs: Iterable[PageSpec]) -> list[PageSpec]:
    seen: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.path in seen:
            raise PathCollisionError(f"two pages would be written to {spec.path}")
        seen[spec.path] = spec
    return list(seen.values())


def shard(specs: Sequence[PageSpec], index: int, count: int) -> list[PageSpec]:
    """The ``index``-th (1-based) of ``count`` deterministic shares of a plan.

    Pair pages are dealt round-robin in plan order; every other page goes to the
    first share, so the shares' files never overlap and together are the plan.
    """
    if not 1 <= index <= count:
        raise ValueError(f"shard {index} of {count} does not exist")
    pairs = [spec for spec in specs if spec.kind == "pair"]
    mine = {spec.path for spec in pairs[index - 1 :: count]}
    return [spec for spec in specs if spec.path in mine or (spec.kind != "pair" and index == 1)]


def sitemap_urls(specs: Iterable[PageSpec]) -> list[str]:
    """URL paths of the pages a search engine should index."""
    return sorted(
        spec.path.removesuffix("index.html")
        for spec in specs
        if spec.kind in ("index", "model", "pair")
    )


# --- views ------------------------------------------------------------------------


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    profile: Profile
    overall: Cell
    response: Cell
    cost: Cell


@dataclass(frozen=True)
class Leaderboard:
    suite_id: str
    name: str
    summary: str
    prompts: int
    bands: tuple[Band, ...]
    rows: tuple[LeaderboardRow, ...]
    unevaluated: tuple[Profile, ...]


@dataclass(frozen=True)
class MatrixRow:
    model: Profile
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    """Every model (rows) against every capability (columns), grouped as the taxonomy."""

    groups: tuple[tuple[str, int], ...]
    """Group label and how many capability columns it spans."""
    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


class SiteViews:
    """Builds the view model of any page of one catalog, computing shared parts once."""

    def __init__(self, catalog: Catalog, markdown: MarkdownRenderer = richtext.to_html) -> None:
        self.catalog = catalog
        self.profiles = build_profiles(catalog, markdown)
        self.methodology: dict[str, Markup] = {
            suite_id: markdown(suite.methodology) for suite_id, suite in catalog.suites.items()
        }

    def page(self, spec: PageSpec, specs: Iterable[PageSpec] = ()) -> Page:
        """The page of ``spec``; the sitemap also needs every spec of the plan."""
        context: dict[str, Any]
        if spec.kind == "pair":
            context = self._pair(*spec.ids)
        elif spec.kind == "model":
            context = self._model(spec.ids[0])
        elif spec.kind == "index":
            context = self._index()
        elif spec.kind == "404":
            context = {
                "title": "Page not found",
                "description": "There is no page at this address.",
                # Served at any depth, so its links start from the site's own path.
                "root": urlsplit(self.catalog.config.base_url).path or "/",
            }
        elif spec.kind == "sitemap":
            parts = [p.path for p in specs if p.kind == "sitemap-part"]
            context = {"urls": [] if parts else sitemap_urls(specs), "parts": parts}
        elif spec.kind == "sitemap-part":
            start = (spec.part - 1) * SITEMAP_LIMIT
            context = {"urls": sitemap_urls(specs)[start : start + SITEMAP_LIMIT], "parts": []}
        else:
            context = {}
        return Page(spec.path, spec.template, context)

    def _pair(self, a: str, b: str) -> dict[str, Any]:
        view = compare.compare_pair(self.profiles[a], self.profiles[b], self.catalog)
        return {
            "title": f"{view.title}: side-by-side comparison",
            "description": f"{view.lead} {view.demo_sentence}",
            "pair": view,
            "methodology": self.methodology,
        }

    def _model(self, model_id: str) -> dict[str, Any]:
        profile = self.profiles[model_id]
        catalog = self.catalog
        return {
            "title": f"{profile.name}: capabilities, scores and comparisons",
            "description": profile.card.summary,
            "model": profile,
            "properties": tables.properties([profile]),
            "capabilities": tables.capabilities([profile], catalog.config, every=True),
            "scores": [
                tables.score_table(suite_id, suite, [profile], catalog.config.bands)
                for suite_id, suite in catalog.suites.items()
                if suite_id in profile.runs
            ],
            "unevaluated_suites": [
                s.name for sid, s in catalog.suites.items() if sid not in profile.runs
            ],
            "comparisons": [
                (other, compare.pair_path(model_id, other.id))
                for other in compare.partners(model_id, self.profiles)
            ],
            "methodology": self.methodology,
        }

    def _index(self) -> dict[str, Any]:
        ordered = list(self.profiles.values())
        pair_count = len(ordered) * (len(ordered) - 1) // 2
        return {
            "title": f"{self.catalog.config.title}: compare vision and vision-language models",
            "description": self.catalog.config.description,
            "models": ordered,
            "listing_columns": tables.LISTING_COLUMNS,
            "model_rows": tables.listing(ordered),
            "matrix": self._matrix(ordered),
            "leaderboards": self._leaderboards(),
            "pair_count": pair_count,
            "pairs": [
                (self.profiles[a], self.profiles[b], compare.pair_path(a, b))
                for a, b in compare.pairs(list(self.profiles))
            ]
            if pair_count <= PAIR_LIST_LIMIT
            else [],
        }

    def _matrix(self, ordered: list[Profile]) -> Matrix:
        taxonomy = self.catalog.config.taxonomy
        return Matrix(
            groups=tuple((group.label, len(group.capabilities)) for group in taxonomy),
            columns=tuple(cap.label for group in taxonomy for cap in group.capabilities),
            rows=tuple(
                MatrixRow(
                    p,
                    tuple(
                        capability_cell(p.card.capabilities.get(cap.id))
                        for group in taxonomy
                        for cap in group.capabilities
                    ),
                )
                for p in ordered
            ),
        )

    def _leaderboards(self) -> list[Leaderboard]:
        """Each suite's evaluated models, best overall score first (ties by name)."""
        boards = []
        for suite_id, suite in self.catalog.suites.items():
            ranked = sorted(
                (p for p in self.profiles.values() if suite_id in p.runs),
                key=lambda p: (-p.runs[suite_id].overall, p.name.lower(), p.id),
            )
            rows = tuple(
                LeaderboardRow(
                    rank,
                    profile,
                    overall_cell(profile.runs[suite_id]),
                    response_cell(profile.runs[suite_id]),
                    cost_cell(profile.runs[suite_id]),
                )
                for rank, profile in enumerate(ranked, start=1)
            )
            boards.append(
                Leaderboard(
                    suite_id,
                    suite.name,
                    suite.summary,
                    suite.prompts,
                    tuple(suite.bands or self.catalog.config.bands),
                    rows,
                    tuple(p for p in self.profiles.values() if suite_id not in p.runs),
                )
            )
        return boards
