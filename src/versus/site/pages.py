"""The page plan: which files the site has, and the view model each is rendered from.

Planning is cheap and separate from building views: :func:`plan` lists a
:class:`PageSpec` (a kind, an output path and the model ids it shows) for every
file, refusing two with one path as Pelican does; :class:`SiteViews` turns one
spec into a :class:`Page` with its context only when that page is rendered.
A renderer that builds one page in a thousand therefore computes one view in
a thousand. Everything here is pure.

The plan depends on the model ids and the suite ids only, never on what the
files say: besides the pages it lists the data files of :mod:`versus.site.export`
(``api/models.json``, ``api/pairs/<a>-vs-<b>.json``, a CSV per score table
beside each pair and model page, a CSV per leaderboard, ``llms.txt``), which
have no template (:data:`DATA_KINDS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from operator import itemgetter
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from versus.inputs import richtext
from versus.inputs.catalog import Catalog
from versus.inputs.checks import PAIR_SEPARATOR
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.schema import Band
from versus.join import compare, facets, tables
from versus.join.cells import Cell, capability_cell
from versus.join.columns import cost_cell, overall_cell, response_cell, scoring_note
from versus.join.profiles import MarkdownRenderer, Profile, build_profiles, latest
from versus.site import plansize, structured
from versus.site.tablecsv import DataUrlFields, Download, score_table_url

PageKind = Literal[
    "index",
    "model",
    "pair",
    "compare",
    "404",
    "sitemap",
    "sitemap-part",
    "robots",
    "models-json",
    "pair-json",
    "model-csv",
    "leaderboard-csv",
    "llms",
]

TEMPLATES: dict[PageKind, str] = {
    "index": "index.html",
    "model": "model.html",
    "pair": "pair.html",
    "compare": "compare.html",
    "404": "404.html",
    "sitemap": "sitemap.xml",
    "sitemap-part": "sitemap.xml",
    "robots": "robots.txt",
}

DATA_KINDS: frozenset[PageKind] = frozenset(
    {"models-json", "pair-json", "model-csv", "leaderboard-csv", "llms"}
)
"""Files written by :mod:`versus.site.export` from the view models, without a template."""

PAIR_KINDS: frozenset[PageKind] = frozenset({"pair", "pair-json"})
"""The files of one pair: its page and its JSON. The CSVs of its score tables are in the
page itself, as ``data:`` links (:func:`versus.site.tablecsv.score_table_url`): two files per pair,
not two plus one per suite, which at N = 500 is the difference between 250,000 files
and 500,000."""

COMPARE_LIMIT = 4
"""The most models the compare-several page (``compare/?m=a,b,c``) sets side by side."""

STRUCTURED: frozenset[PageKind] = frozenset({"index", "model", "pair", "compare", "404"})
"""Page kinds that carry a schema.org description (JSON-LD)."""

PAIR_LIST_LIMIT = 300
"""Up to this many pairs the index links every one; past it, a picker and the model pages do."""


_MARKUP = re.compile("[&<>\"']")
"""Characters :func:`markupsafe.escape` replaces."""


def _date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """A partial date as a sort key: ``2024`` before ``2024-01``; no date before any."""
    return date.sort_key() if date else (0, 0, 0)


class PageSpec(NamedTuple):
    """One file of the plan: what it is, where it goes, which models and suite it is of.

    A named tuple, not a frozen dataclass: a plan lists N*(N-1) of them, and a tuple is
    made faster.
    """

    kind: PageKind
    path: str
    """Output file, relative to the site root, POSIX separators (``compare/a-vs-b/index.html``)."""
    ids: tuple[str, ...] = ()
    """The models the page is about: one for a model page, two for a pair."""
    part: int = 0
    """Which part of a sitemap split in parts (1-based); 0 for every other page."""
    suite: str = ""
    """The suite of a CSV file of one score table or leaderboard; empty for every other file."""

    @property
    def template(self) -> str:
        """The page's template; empty for the data files of :data:`DATA_KINDS`."""
        return TEMPLATES.get(self.kind, "")


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


def pair_json_path(a: str, b: str) -> str:
    """``api/pairs/<a>-vs-<b>.json``, the two ids in alphabetical order."""
    return f"api/pairs/{compare.pair_slug(a, b)}.json"


def pair_data_specs(a: str, b: str) -> list[PageSpec]:
    """A pair's data files: its JSON (see :data:`PAIR_KINDS` for its CSVs)."""
    first, second = sorted((a, b))
    return [PageSpec("pair-json", pair_json_path(first, second), (first, second))]


def model_csv_spec(model_id: str, suite_id: str) -> PageSpec:
    """One model page's score table of ``suite_id`` as CSV, beside the page."""
    return PageSpec("model-csv", f"models/{model_id}/{suite_id}.csv", (model_id,), suite=suite_id)


def leaderboard_csv_path(suite_id: str) -> str:
    return f"leaderboards/{suite_id}.csv"


def leaderboard_csv_spec(suite_id: str) -> PageSpec:
    return PageSpec("leaderboard-csv", leaderboard_csv_path(suite_id), suite=suite_id)


INDEX = PageSpec("index", "index.html")
COMPARE_PAGE = PageSpec("compare", "compare/index.html")
MODELS_JSON = PageSpec("models-json", "api/models.json")
LLMS_TXT = PageSpec("llms", "llms.txt")

SINGLE_PAGES = (
    INDEX,
    PageSpec("404", "404.html"),
    PageSpec("sitemap", "sitemap.xml"),
    PageSpec("robots", "robots.txt"),
)

SITE_FILES = (COMPARE_PAGE, MODELS_JSON, LLMS_TXT)
"""Files of the whole site listed after the index: they depend on every model."""


SITEMAP_LIMIT = plansize.SITEMAP_LIMIT
"""The most URLs one sitemap file may list (sitemaps.org); past it sitemap.xml indexes parts."""


def sitemap_parts(model_count: int) -> int:
    """How many sitemap parts a site of this many models needs (0: one sitemap.xml)."""
    return plansize.sitemap_parts(model_count, SITEMAP_LIMIT)


def sitemap_part_spec(part: int) -> PageSpec:
    return PageSpec("sitemap-part", f"sitemaps/sitemap-{part}.xml", part=part)


def plan_for(model_ids: Iterable[str], suite_ids: Iterable[str] = ()) -> list[PageSpec]:
    """Every generated file of a site with these models and suites, in a fixed order.

    Each pair's data files follow its page, so that they render in the same
    worker and land in the same shard. Paths are unique, or
    :class:`PathCollisionError`.
    """
    ids = sorted(model_ids)
    suites = sorted(suite_ids)
    # the leaderboards' CSVs right after the index, which shows the same boards
    specs = [INDEX, *(leaderboard_csv_spec(s) for s in suites), *SITE_FILES]
    for m in ids:
        specs.append(model_spec(m))
        specs += [model_csv_spec(m, s) for s in suites]
    separator = PAIR_SEPARATOR
    make = PageSpec._make  # from the fields in order: faster than PageSpec(...) with defaults
    append = specs.append
    for a, b in combinations(ids, 2):  # pair_spec, pair_data_specs inlined: N*(N-1)/2 pairs
        pair = (a, b)
        slug = f"{a}{separator}{b}"
        append(make(("pair", f"compare/{slug}/index.html", pair, 0, "")))
        append(make(("pair-json", f"api/pairs/{slug}.json", pair, 0, "")))
    specs += SINGLE_PAGES[1:]
    specs += [sitemap_part_spec(part) for part in range(1, sitemap_parts(len(ids)) + 1)]
    return unique(specs)


def plan(catalog: Catalog) -> list[PageSpec]:
    """Every generated file of the catalog's site."""
    return plan_for(catalog.models, catalog.suites)


def plan_size(model_count: int, suite_count: int) -> tuple[int, int]:
    """How many HTML pages and how many files :func:`plan_for` lists, without listing them."""
    fixed = len(SINGLE_PAGES) + len(SITE_FILES)
    return plansize.plan_size(model_count, suite_count, SITEMAP_LIMIT, fixed)


def unique(specs: Iterable[PageSpec]) -> list[PageSpec]:
    seen: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.path in seen:
            raise PathCollisionError(f"two pages would be written to {spec.path}")
        seen[spec.path] = spec
    return list(seen.values())


def shard(specs: Sequence[PageSpec], index: int, count: int) -> list[PageSpec]:
    """The ``index``-th (1-based) of ``count`` deterministic shares of a plan.

    Pairs are dealt round-robin in plan order, each with all its files (page,
    JSON, CSVs); every other file goes to the first share, so the shares' files
    never overlap and together are the plan.
    """
    if not 1 <= index <= count:
        raise ValueError(f"shard {index} of {count} does not exist")
    pairs = [spec.ids for spec in specs if spec.kind == "pair"]
    mine = set(pairs[index - 1 :: count])
    return [spec for spec in specs if (spec.ids in mine if spec.kind in PAIR_KINDS else index == 1)]


def sitemap_entries(model_ids: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The pages a search engine should index (the index, each model's page, each pair's),
    in URL order: each page's URL path and the ids of the models it shows.

    Made from the ids alone, not from the plan: an incremental build lists no plan. The
    paths are :func:`plan_for`'s (``tests/site/test_export.py`` holds the two together).
    """
    ids = sorted(model_ids)
    separator = PAIR_SEPARATOR
    entries: list[tuple[str, tuple[str, ...]]] = [("", ())]
    entries += [(f"models/{m}/", (m,)) for m in ids]
    entries += [(f"compare/{a}{separator}{b}/", (a, b)) for a, b in combinations(ids, 2)]
    entries.sort(key=itemgetter(0))  # URLs are unique: no need to compare the ids
    return entries


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

    @property
    def csv_path(self) -> str:
        """Site-relative path of this leaderboard as CSV (:mod:`versus.site.leaderboardcsv`)."""
        return leaderboard_csv_path(self.suite_id)


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
        """Each suite's methodology, printed under its leaderboard on the home page."""
        self.scoring_notes: dict[str, str] = {
            suite_id: scoring_note(suite) for suite_id, suite in catalog.suites.items()
        }
        """What a score table must say of its suite's scoring; it links to the methodology."""
        self.glossary = tables.glossary(catalog.config)
        """What each capability means, printed once on the home page; pair pages link there."""
        self._boards: list[Leaderboard] | None = None
        self._last_pair: compare.PairTables | None = None
        self._sitemap_lines: list[str] | None = None
        self._csv = DataUrlFields()

    def pair_tables(self, a: str, b: str) -> compare.PairTables:
        """The tables of the pair ``a``, ``b`` (in id order), kept for the pair's next file:
        its page, JSON and CSV files come one after another in the plan."""
        kept = self._last_pair
        if kept is None or (kept.models[0].id, kept.models[1].id) != (a, b):
            kept = compare.pair_tables(self.profiles[a], self.profiles[b], self.catalog)
            self._last_pair = kept
        return kept

    def page(self, spec: PageSpec) -> Page:
        """The page of ``spec``."""
        context: dict[str, Any]
        if spec.kind == "pair":
            context = self._pair(*spec.ids)
        elif spec.kind == "model":
            context = self._model(spec.ids[0])
        elif spec.kind == "index":
            context = self._index()
        elif spec.kind == "compare":
            context = self._compare_several()
        elif spec.kind == "404":
            context = {
                "title": "Page not found",
                "description": "There is no page at this address.",
                # Served at any depth, so its links start from the site's own path.
                "root": urlsplit(self.catalog.config.base_url).path or "/",
            }
        elif spec.kind == "sitemap":
            count = sitemap_parts(len(self.profiles))
            parts = [sitemap_part_spec(part).path for part in range(1, count + 1)]
            urls = [] if parts else self._sitemap()
            context = {"urls": Markup("\n".join(urls)), "parts": parts}
        elif spec.kind == "sitemap-part":
            start = (spec.part - 1) * SITEMAP_LIMIT
            urls = self._sitemap()[start : start + SITEMAP_LIMIT]
            context = {"urls": Markup("\n".join(urls)), "parts": []}
        else:
            context = {}
        if spec.kind in STRUCTURED:
            context["structured"] = self._structured(spec, context)
        return Page(spec.path, spec.template, context)

    def _structured(self, spec: PageSpec, context: Mapping[str, Any]) -> structured.JsonLd:
        """The page's schema.org description (JSON-LD)."""
        config = self.catalog.config
        title, description = context["title"], context["description"]
        if spec.kind == "index":
            return structured.index_page(config, list(self.profiles.values()))
        if spec.kind == "model":
            return structured.model_page(self.profiles[spec.ids[0]], title, description, config)
        if spec.kind == "pair":
            models = [self.profiles[m] for m in spec.ids]
            return structured.pair_page(
                models, spec.path.removesuffix("index.html"), title, description, config
            )
        return structured.plain_page(title, description, spec.path, config)

    def _sitemap(self) -> list[str]:
        """The ``<url>`` element of every indexed page, in URL order, made once: the
        sitemap's parts each take their slice of it.

        Written here rather than looped over in the template: it is machine output of one
        line per page, and a template loop over it was costly. A page's ``<lastmod>`` is the latest date its models'
        data states (W3C date: ``2024``, ``2024-06``...), left out when none does.
        """
        if self._sitemap_lines is not None:
            return self._sitemap_lines
        dated = {m: p.updated for m, p in self.profiles.items()}
        # each model's date as its rank among them (compared per pair as ints), printed once
        order = sorted(dated, key=lambda m: _date_key(dated[m]))
        rank = {m: place for place, m in enumerate(order)}
        printed = {m: f"<lastmod>{d.iso()}</lastmod>" if d else "" for m, d in dated.items()}
        everything = latest(dated.values())
        base = escape(self.catalog.config.base_url.rstrip("/") + "/")
        index = f"<lastmod>{everything.iso()}</lastmod>" if everything else ""
        lines = []
        for url, shown in sitemap_entries(self.profiles):
            if len(shown) == 2:
                a, b = shown
                lastmod = printed[a if rank[a] >= rank[b] else b]
            elif shown:
                lastmod = printed[shown[0]]
            else:
                lastmod = index
            # URLs are made of ids (slugs): escaped only in the rare case they hold markup
            loc = escape(url) if _MARKUP.search(url) else url
            lines.append(f"<url><loc>{base}{loc}</loc>{lastmod}</url>")
        self._sitemap_lines = lines
        return lines

    def _pair(self, a: str, b: str) -> dict[str, Any]:
        view = compare.compare_pair(
            self.profiles[a], self.profiles[b], self.catalog, self.pair_tables(a, b)
        )
        return {
            "title": f"{view.title}: side-by-side comparison",
            "description": " ".join(view.lead_points[:2]) or f"{view.lead} {view.demo_sentence}",
            "pair": view,
            "downloads": {
                table.suite_id: Download(
                    score_table_url(table, view.models, self._csv),
                    f"{view.slug}-{table.suite_id}.csv",
                )
                for table in view.scores
            },
            "scoring_notes": self.scoring_notes,
            "glossary": bool(self.glossary),
        }

    def _model(self, model_id: str) -> dict[str, Any]:
        profile = self.profiles[model_id]
        catalog = self.catalog
        return {
            # the CSV files beside the page, written by versus.site.export
            "downloads": {
                suite_id: Download(f"{suite_id}.csv", f"{model_id}-{suite_id}.csv")
                for suite_id in profile.runs
            },
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
            "scoring_notes": self.scoring_notes,
        }

    def _index(self) -> dict[str, Any]:
        ordered = list(self.profiles.values())
        pair_count = len(ordered) * (len(ordered) - 1) // 2
        return {
            "title": f"{self.catalog.config.title}: compare vision and vision-language models",
            "description": self.catalog.config.description,
            "models": ordered,
            "filters": facets.facets([p.card for p in ordered]),
            "listing_columns": tables.LISTING_COLUMNS,
            "model_rows": tables.listing(ordered),
            "matrix": self._matrix(ordered),
            "leaderboards": self.leaderboards(),
            "methodology": self.methodology,
            "glossary": self.glossary,
            "pair_count": pair_count,
            "pairs": [
                (self.profiles[a], self.profiles[b], compare.pair_path(a, b))
                for a, b in compare.pairs(list(self.profiles))
            ]
            if pair_count <= PAIR_LIST_LIMIT
            else [],
        }

    def _compare_several(self) -> dict[str, Any]:
        """The compare-several page: its script renders the tables from ``api/models.json``;
        the page itself holds the model selects and, for browsers without scripts, a link to
        every model's page."""
        return {
            "title": "Compare several models side by side",
            "description": (
                f"Up to {COMPARE_LIMIT} models side by side: properties, capabilities and eval "
                "scores, as on a comparison page."
            ),
            "models": list(self.profiles.values()),
            "limit": COMPARE_LIMIT,
            "data_path": MODELS_JSON.path,
        }

    def leaderboards(self) -> list[Leaderboard]:
        """Each suite's leaderboard, as the index shows it (computed once per views)."""
        if self._boards is None:
            self._boards = self._leaderboards()
        return self._boards

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
