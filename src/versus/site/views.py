"""The view model of each page: what its template prints, computed from the catalog.

:class:`SiteViews` turns one file of the plan (:mod:`versus.site.plan`) into the
context its template is rendered with, only when that page is rendered: a
renderer that builds one page in a thousand computes one view in a thousand.
Parts shared by many pages (profiles, leaderboards, the sitemap's lines) are
computed once per views. Everything here is pure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from versus import urls
from versus.inputs import richtext
from versus.inputs.catalog import Catalog
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.outcomes import Outcome
from versus.inputs.schema import AUTO_ALL_PAIRS, AUTO_TOP, Band, PairsSetting
from versus.join import claims, compare, differences, facets, formatting, stats, tables
from versus.join.cells import Cell, capability_cell
from versus.join.columns import (
    Measure,
    category_cell,
    cost_cell,
    covered_cell,
    overall_cell,
    response_cell,
    scoring_note,
    threshold,
)
from versus.join.profiles import MarkdownRenderer, Profile, build_profiles, latest
from versus.join.stats import competition_ranks
from versus.site import feed as atom
from versus.site import plan, structured
from versus.site.kinds import KINDS, Kind, PageSpec, Reads, Registry, Scope
from versus.site.pairs import PairSelection, pair_count, select
from versus.site.tablecsv import DataUrlFields, Download, score_table_url

_SHOWING_ALL = frozenset({Reads.ANY_MODEL, Reads.ANY_FACTS, Reads.ANY_LISTED})
"""What a page of the whole site that shows every model's data reads."""

CATEGORY_TOP = 10
"""A suite page's leaderboard of a category shows the runs ranked this high or higher
(ties at the cut included): with every run in each category's board, a suite of a dozen
categories at 200 models made a page of over half a megabyte. Each model's page gives
its score in every category."""

INDEX_BOARD_TOP = 10
"""The index's leaderboard of a suite shows the runs ranked this high or higher (ties at the
cut included), and names the models without a run when there are at most this many; the
suite's page has every run and every name. Each full board on the index made it over half
a megabyte at 200 models, too heavy for a phone to open quickly."""

INDEX_MATRIX_LIMIT = 40
"""Up to this many models the index holds the capability matrix; past it the index links the
matrix's own page (which every site has): 200 rows of it were 300 kB of the index."""

PROMPT_LINK = 90
"""A suite's page lists each prompt by its first this many characters, linked to its page."""
DESCRIPTION_CUT = 150
"""A prompt page's meta description: its first this many characters."""

COMPARE_LIMIT = 4
"""The most models the compare-several page (``compare/?m=a,b,c``) sets side by side."""

PAIR_LIST_LIMIT = 300
"""Up to this many pairs the comparisons page links every one; past it, the model pages do."""


_MARKUP = re.compile("[&<>\"']")
"""Characters :func:`markupsafe.escape` replaces."""


def escaped(value: object) -> str:
    """What :func:`markupsafe.escape` prints of ``value``: a plain string without markup
    characters is itself (most of what a page prints), and markup is itself (a fragment,
    a sentence), both found without making another ``Markup``."""
    if isinstance(value, str):
        kind = type(value)
        if kind is Markup or (kind is str and not _MARKUP.search(value)):
            return value
    return escape(value)


_SKIPPED = "Not run on this prompt (their outcomes leave it out)"
_TOTALS_ONLY = "No verdict per prompt (their runs give totals by category only)"
_UNEVALUATED = "Not evaluated (no result on this suite)"
"""What a prompt page says of the models it has no verdict of, by why."""


@dataclass(frozen=True)
class SearchMeta:
    """What a searched page gives the site's search (``partials/search_meta.html``): the
    kind of page and organization its results show, and the capabilities it is found by,
    by label and by id (``vqa`` finds what "Visual question answering" finds)."""

    type: str
    organization: str | None = None
    labels: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


def _searched_capabilities(profile: Profile, catalog: Catalog) -> SearchMeta:
    """A model page's search meta: found by the capabilities its card supports (with a
    demo or not), in the taxonomy's order; never by one it denies or does not state."""
    found = [
        cap
        for group in catalog.config.taxonomy
        for cap in group.capabilities
        if profile.card.capabilities.get(cap.id) in ("supported", "demo")
    ]
    return SearchMeta(
        "Model",
        profile.card.organization,
        tuple(cap.label for cap in found),
        tuple(cap.id for cap in found),
    )


def _named(name: str, summary: str) -> str:
    """A model page's description: its card's summary, after the model's name unless the
    summary names it (two cards may share a summary; their pages' descriptions do not)."""
    return summary if name in summary else f"{name}: {summary}"


def _tally(passed: int, given: int) -> str:
    """How many of the models with a verdict on a prompt passed it, in a sentence."""
    if given == 0:
        return "No run gives a verdict on this prompt."
    if given == 1:
        return (
            f"The one model whose run gives a verdict on this prompt "
            f"{'passed' if passed else 'failed'} it."
        )
    return f"{passed} of the {given} models whose runs give a verdict on this prompt passed it."


def _prompt_answer(profile: Profile, outcome: Outcome) -> PromptAnswer:
    tokens = ""
    if outcome.input_tokens is not None or outcome.output_tokens is not None:
        tokens = ", ".join(
            f"{value:,} {side}"
            for value, side in ((outcome.input_tokens, "in"), (outcome.output_tokens, "out"))
            if value is not None
        )
    counts = [n for n in (outcome.input_tokens, outcome.output_tokens) if n is not None]
    return PromptAnswer(
        profile,
        "passed" if outcome.passed else "failed",
        outcome.answer,
        formatting.seconds(outcome.seconds) if outcome.seconds is not None else "",
        tokens,
        (
            ("seconds", sort_key(outcome.seconds)),
            ("tokens", sort_key(sum(counts)) if counts else ""),
        ),
    )


def pairs_rule(setting: PairsSetting) -> str:
    """The ``pairs`` setting in a sentence, for the methodology page."""
    rule = setting.rule
    if rule == "all":
        return "Every pair of models has a comparison page of its own."
    if rule == "shared-suite":
        return (
            "A pair of models has a comparison page of its own when both have a result on "
            "the same eval suite."
        )
    if rule == "top":
        return (
            "A pair of models has a comparison page of its own when both are ranked "
            f"{setting.top} or higher on the same leaderboard (equal scores share a rank)."
        )
    if rule == "list":
        return "The pairs this site's maintainers chose have a comparison page of their own."
    models = next(n for n in itertools.count(2) if pair_count(n + 1) > AUTO_ALL_PAIRS)
    return (
        f"Every pair of models has a comparison page of its own while there are at most "
        f"{AUTO_ALL_PAIRS:,} pairs ({models} models); past that, a pair has one when both "
        f"models are ranked {AUTO_TOP} or higher on the same leaderboard."
    )


def sort_key(value: Decimal | float | int | None) -> str:
    """A figure as a sortable table's script reads it (``data-sort-<column>``): the plain
    decimal, every digit kept; ``""`` for none, which the script sorts last."""
    if value is None:
        return ""
    return format(value if isinstance(value, Decimal) else Decimal(str(value)), "f")


def _date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """A partial date as a sort key: ``2024`` before ``2024-01``; no date before any."""
    return date.sort_key() if date else (0, 0, 0)


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)

    @property
    def url_path(self) -> str:
        """The page's URL relative to the site root: ``compare/a-vs-b/``."""
        return urls.url_of(self.path)

    @property
    def root(self) -> str:
        """The relative prefix that leads from this page back to the site root."""
        return "../" * self.path.count("/")


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    """Its place, shared by equal scores: 1, 2, 2, 4."""
    profile: Profile
    overall: Cell
    covered: Cell
    response: Cell
    cost: Cell
    sort_keys: tuple[tuple[str, str], ...] = ()
    """Each sortable column's figure (:func:`sort_key`): ``rank``, ``overall``, ``covered``,
    ``response`` and ``cost``."""

    def cell(self, measure: Measure) -> Cell:
        """Its cell of one of :data:`LEADERBOARD_MEASURES`."""
        return {
            Measure.OVERALL: self.overall,
            Measure.COVERED: self.covered,
            Measure.RESPONSE: self.response,
            Measure.COST: self.cost,
        }[measure]


LEADERBOARD_MEASURES = (Measure.OVERALL, Measure.COVERED, Measure.RESPONSE, Measure.COST)
"""A leaderboard's columns after the rank and the model, in order."""


@dataclass(frozen=True)
class Leaderboard:
    suite_id: str
    name: str
    summary: str
    prompts: int
    bands: tuple[Band, ...]
    rows: tuple[LeaderboardRow, ...]
    unevaluated: tuple[Profile, ...]
    more: int = 0
    """How many ranked runs :attr:`rows` leaves out (the index's board, cut by :meth:`top`)."""
    unlisted: int = 0
    """How many models without a run :attr:`unevaluated` leaves out (the same)."""

    def top(self, rank: int) -> Leaderboard:
        """This board with the rows ranked ``rank`` or higher, and the models without a run
        only if there are at most ``rank`` of them."""
        rows = tuple(row for row in self.rows if row.rank <= rank)
        listed = self.unevaluated if len(self.unevaluated) <= rank else ()
        return replace(
            self,
            rows=rows,
            unevaluated=listed,
            more=self.more + len(self.rows) - len(rows),
            unlisted=self.unlisted + len(self.unevaluated) - len(listed),
        )

    @property
    def ranked(self) -> int:
        """How many runs the full board ranks."""
        return len(self.rows) + self.more

    @property
    def csv_path(self) -> str:
        """Site-relative path of this leaderboard as CSV (:mod:`versus.site.leaderboardcsv`)."""
        return urls.leaderboard_csv(self.suite_id)

    @property
    def path(self) -> str:
        """Site-relative folder of its suite's page."""
        return urls.suite(self.suite_id)


@dataclass(frozen=True)
class CategoryRow:
    rank: int
    """Its place by the category's score, shared by equal scores."""
    profile: Profile
    score: Cell
    covered: Cell
    sort_keys: tuple[tuple[str, str], ...] = ()
    """Each sortable column's figure: ``rank``, ``score``, ``covered``."""


@dataclass(frozen=True)
class CategoryBoard:
    """One category of a suite: its models ranked by their score on its prompts."""

    id: str
    label: str
    prompts: int
    rows: tuple[CategoryRow, ...]
    """The runs ranked :data:`CATEGORY_TOP` or higher."""
    more: int
    """How many other runs have a score in this category."""
    not_run: tuple[Profile, ...]
    """Models evaluated on the suite whose run has no figures for this category."""


@dataclass(frozen=True)
class ImageView:
    """A prompt's image as a page shows it: a published file with its size, or a URL."""

    src: str
    """Site-relative path of the published file, or the URL of an image elsewhere."""
    width: int | None
    """The size it is shown at (:func:`versus.join.differences.enlarged`), for a file."""
    height: int | None
    pixelated: bool = False

    @property
    def published(self) -> bool:
        """Whether it is a file of the site (shown), not an image elsewhere (linked)."""
        return self.width is not None


@dataclass(frozen=True)
class PromptAnswer:
    """One model's outcome of one prompt, as a prompt's page prints it."""

    profile: Profile
    verdict: str
    """``passed`` or ``failed``."""
    answer: str | None
    """The model's answer; ``""`` when it answered nothing, ``None`` when not recorded."""
    seconds: str
    tokens: str
    """``294 in, 214 out``; empty when not recorded."""
    sort_keys: tuple[tuple[str, str], ...] = ()
    """Its time and its tokens (in and out together) as its table sorts them."""


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

    def __init__(
        self,
        catalog: Catalog,
        markdown: MarkdownRenderer = richtext.to_html,
        kinds: Registry = KINDS,
    ) -> None:
        self.catalog = catalog
        self.kinds = kinds
        self.profiles = build_profiles(catalog, markdown)
        self.methodology: dict[str, Markup] = {
            suite_id: markdown(suite.methodology) for suite_id, suite in catalog.suites.items()
        }
        """Each suite's methodology, printed under its leaderboard on the home page."""
        self.scoring_notes: dict[str, str] = {
            suite_id: scoring_note(suite) for suite_id, suite in catalog.suites.items()
        }
        """What a score table must say of its suite's scoring; it links to the methodology."""
        self.markdown = markdown
        self.glossary = tables.glossary(catalog.config)
        """What each capability means, printed once on the home page; pair pages link there."""
        self.pair_pages: PairSelection = select(catalog)
        """The pairs that have a page; every link to another pair goes to the compare page."""
        self._boards: list[Leaderboard] | None = None
        self._last_pair: compare.PairTables | None = None
        self._sitemap_lines: list[str] | None = None
        self._csv = DataUrlFields()

    def every_pair_has_a_page(self) -> bool:
        n = len(self.profiles)
        return len(self.pair_pages) == n * (n - 1) // 2

    def pair_groups(self) -> list[list[str]] | None:
        """What a script needs to tell a pair with a page from one without (``None``: every
        pair has one): the groups of :class:`~versus.site.pairs.PairSelection`."""
        if self.every_pair_has_a_page():
            return None
        return [list(group) for group in self.pair_pages.groups]

    def pair_tables(self, a: str, b: str) -> compare.PairTables:
        """The tables of the pair ``a``, ``b`` (in id order), kept for the pair's next file:
        its page, JSON and CSV files come one after another in the plan."""
        kept = self._last_pair
        if kept is None or (kept.models[0].id, kept.models[1].id) != (a, b):
            kept = compare.pair_tables(self.profiles[a], self.profiles[b], self.catalog)
            self._last_pair = kept
        return kept

    def page(self, spec: PageSpec) -> Page:
        """The page of ``spec``, from its kind's template and view."""
        kind: Kind = self.kinds[spec.kind]
        if kind.view is None:
            raise ValueError(f"{spec.path} is a data file, not a page")
        return Page(spec.path, kind.template, kind.view(self, spec))

    def methodology_page(self) -> dict[str, Any]:
        """How figures are computed and when a page may say one model leads another."""
        context: dict[str, Any] = {
            "title": "How versus compares models",
            "description": (
                "How the figures are computed, what their intervals mean, and when a page "
                "may say that one model leads another."
            ),
            "confidence": claims.confidence_shown(),
            "alpha": format(Decimal(str(stats.ALPHA)), "f"),
            "clear_ratio": format(claims.CLEAR_RATIO, "f"),
            "level": claims.LEVEL,
            "about_the_same": claims.ABOUT_THE_SAME,
            "level_at_top": claims.LEVEL_AT_TOP,
            "about_the_same_at_top": claims.ABOUT_THE_SAME_AT_TOP,
            "suites": [
                (suite_id, suite, threshold(suite))
                for suite_id, suite in self.catalog.suites.items()
            ],
            "pairs_rule": pairs_rule(self.catalog.config.pairs),
        }
        return self._plain(context, urls.METHODOLOGY)

    def not_found(self) -> dict[str, Any]:
        context: dict[str, Any] = {
            "title": "Page not found",
            "description": "There is no page at this address.",
            # Served at any depth, so its links start from the site's own path (``/sub/``
            # for a base_url of https://host.example/sub, with or without its last slash).
            "root": urls.base_path(self.catalog.config.base_url),
            # For its script to send a reversed pair address to the pair's page: a few
            # bytes per model, where api/models.json is megabytes on a large catalog.
            "names": {profile.id: profile.name for profile in self.profiles.values()},
            # and a pair without a page to the compare page
            "pair_groups": self.pair_groups(),
            # Served at every missing address: not a page of the site to index or to name
            # (no canonical link, og:url or JSON-LD url of its own).
            "noindex": True,
        }
        return self._plain(context, None)

    def suite_page(self, suite_id: str) -> dict[str, Any]:
        """A suite's page: what it measures, its categories and prompts, how it is run,
        its leaderboard and one leaderboard per category."""
        catalog = self.catalog
        suite = catalog.suites[suite_id]
        board = next(b for b in self.leaderboards() if b.suite_id == suite_id)
        prompts = catalog.prompts_of(suite_id)
        listed: dict[str, list[tuple[str, str, str]]] = {}
        for prompt in prompts.values():
            listed.setdefault(prompt.category, []).append(
                (
                    urls.prompt(suite_id, prompt.id),
                    prompt.id,
                    differences.clip(prompt.text, PROMPT_LINK).text,
                )
            )
        context: dict[str, Any] = {
            "title": f"{suite.name}: what it measures and its leaderboards",
            "description": suite.summary,
            "suite_id": suite_id,
            "suite": suite,
            "about": self.markdown(suite.description),
            "methodology": self.methodology[suite_id],
            "threshold": threshold(suite),
            "board": board,
            "categories": self._category_boards(suite_id),
            "prompts": listed,
            "source": suite.source,
            "search_meta": SearchMeta("Eval suite"),
        }
        context["structured"] = structured.suite_page(
            context["title"],
            context["description"],
            urls.suite(suite_id),
            catalog.config,
            suite_id,
            list(self.profiles.values()),
        )
        return context

    def prompt_page(self, suite_id: str, prompt_id: str) -> dict[str, Any]:
        """A prompt's page: the prompt, its image, what passes, and every model's answer."""
        catalog = self.catalog
        suite = catalog.suites[suite_id]
        prompt = catalog.prompts_of(suite_id)[prompt_id]
        category = next(c for c in suite.categories if c.id == prompt.category)
        answers = []
        # Why a model has no verdict here: no result on the suite, a result that gives
        # totals only (it may well have run the prompt), or outcomes that skip it.
        unevaluated, totals_only, skipped = [], [], []
        for model_id, profile in self.profiles.items():
            if suite_id not in profile.runs:
                unevaluated.append(profile)
                continue
            outcomes = catalog.outcomes_of(suite_id, model_id)
            outcome = outcomes.get(prompt_id)
            if outcome is not None:
                answers.append(_prompt_answer(profile, outcome))
            elif outcomes:
                skipped.append(profile)
            else:
                totals_only.append(profile)
        answers.sort(key=lambda a: (a.verdict != "passed", a.profile.name.lower(), a.profile.id))
        image = prompt.image
        shown = None
        if image is not None and image.file is not None and image.digest is not None:
            src = urls.image(image.digest, image.ending)
            if image.width is None or image.height is None:
                shown = ImageView(src, None, None)
            else:
                size = differences.enlarged(image.width, image.height, differences.PROMPT_IMAGE)
                shown = ImageView(src, *size)
        elif image is not None and image.url is not None:
            shown = ImageView(image.url, None, None)
        context: dict[str, Any] = {
            "title": f"{suite.name}, prompt {prompt_id}: every model's answer",
            # the prompt's own words, after what makes the page's description its own (two
            # prompts may ask the same)
            "description": differences.clip(
                f"{suite.name}, prompt {prompt_id}: {prompt.text}", DESCRIPTION_CUT
            ).text,
            "suite_id": suite_id,
            "suite": suite,
            "suite_path": urls.suite(suite_id),
            "prompt": prompt,
            "category": category,
            "image": shown,
            "answers": answers,
            "tally": _tally(sum(1 for a in answers if a.verdict == "passed"), len(answers)),
            "timed": any(a.seconds or a.tokens for a in answers),
            "without": [
                (_SKIPPED, skipped),
                (_TOTALS_ONLY, totals_only),
                (_UNEVALUATED, unevaluated),
            ],
        }
        return self._plain(context, urls.prompt(suite_id, prompt_id))

    def _category_boards(self, suite_id: str) -> list[CategoryBoard]:
        suite = self.catalog.suites[suite_id]
        runs = [(p, p.runs[suite_id]) for p in self.profiles.values() if suite_id in p.runs]
        boards = []
        for index, category in enumerate(suite.categories):
            scored = []
            not_run = []
            for profile, run in runs:
                score = run.categories[index]
                cell = category_cell(score)
                if cell is None or score.percent is None:
                    not_run.append(profile)
                else:
                    scored.append((profile, score, cell))
            scored.sort(key=lambda row: (-(row[1].percent or 0), row[0].name.lower(), row[0].id))
            ranks = competition_ranks([score.percent or Decimal(0) for _, score, _ in scored])
            rows = tuple(
                CategoryRow(
                    rank,
                    profile,
                    cell,
                    Cell(f"{score.total} of {category.prompts} prompts"),
                    (
                        ("rank", str(rank)),
                        ("score", sort_key(score.percent)),
                        ("covered", sort_key(score.total)),
                    ),
                )
                for rank, (profile, score, cell) in zip(ranks, scored, strict=True)
                if rank <= CATEGORY_TOP
            )
            boards.append(
                CategoryBoard(
                    category.id,
                    category.label,
                    category.prompts,
                    rows,
                    len(scored) - len(rows),
                    tuple(not_run),
                )
            )
        return boards

    def feed(self) -> dict[str, Any]:
        """``feed.xml``: the newest models and results (:mod:`versus.site.feed`)."""
        found = atom.entries(self.profiles, self.catalog.config.base_url)
        return {"entries": found, "updated": atom.updated(found)}

    def sitemap(self) -> dict[str, Any]:
        """``sitemap.xml``: every indexed page, or the index of the parts when they are many."""
        count = plan.sitemap_parts(
            len(self.profiles),
            len(self.catalog.suites),
            self.kinds,
            plan.prompt_count(self.catalog.prompt_ids()),
            len(self.pair_pages),
        )
        parts = [urls.SITEMAP_PART.format(part=part) for part in range(1, count + 1)]
        lines = [] if parts else self._sitemap()
        return {"entries": Markup("\n".join(lines)), "parts": parts}

    def sitemap_part(self, part: int) -> dict[str, Any]:
        limit = plan.SITEMAP_LIMIT
        start = (part - 1) * limit
        lines = self._sitemap()[start : start + limit]
        return {"entries": Markup("\n".join(lines)), "parts": []}

    def _plain(self, context: dict[str, Any], path: str | None) -> dict[str, Any]:
        """``context`` with the schema.org description (JSON-LD) of a page about no model
        (at ``path``; ``None`` for a page of no address of its own, the 404 page)."""
        context["structured"] = structured.plain_page(
            context["title"], context["description"], path, self.catalog.config
        )
        return context

    def _sitemap(self) -> list[str]:
        """The ``<url>`` element of every indexed page, in URL order, made once: the
        sitemap's parts each take their slice of it.

        Written here rather than looped over in the template: it is machine output of one
        line per page, and a template loop over it was costly. A page's ``<lastmod>`` is the latest date its models'
        data states (W3C date: ``2024``, ``2024-06``...), left out when none does; a
        page of the whole site that shows no model's data (the methodology) has none.
        """
        if self._sitemap_lines is not None:
            return self._sitemap_lines
        dated = {m: p.updated for m, p in self.profiles.items()}
        # each model's date as its rank among them (compared per pair as ints), printed once
        order = sorted(dated, key=lambda m: _date_key(dated[m]))
        rank = {m: place for place, m in enumerate(order)}
        printed = {m: f"<lastmod>{d.iso()}</lastmod>" if d else "" for m, d in dated.items()}
        everything = latest(dated.values())
        base = escape(urls.site_base(self.catalog.config.base_url))
        index = f"<lastmod>{everything.iso()}</lastmod>" if everything else ""
        showing_all = {
            spec_url
            for kind in self.kinds
            if kind.scope in (Scope.SITE, Scope.SUITE) and _SHOWING_ALL & kind.reads
            for spec_url in (
                urls.url_of(spec.path) for spec in kind.specs((), list(self.catalog.suites), 0)
            )
        }
        lines = []
        entries = plan.sitemap_entries(
            self.profiles,
            self.catalog.suites,
            self.kinds,
            self.catalog.prompt_ids(),
            self.pair_pages,
        )
        for url, shown in entries:
            if len(shown) == 2:
                a, b = shown
                lastmod = printed[a if rank[a] >= rank[b] else b]
            elif shown:
                lastmod = printed[shown[0]]
            else:
                lastmod = index if url in showing_all else ""
            # URLs are made of ids (slugs): escaped only in the rare case they hold markup
            loc = escaped(url)
            lines.append(f"<url><loc>{base}{loc}</loc>{lastmod}</url>")
        self._sitemap_lines = lines
        return lines

    def pair(self, a: str, b: str) -> dict[str, Any]:
        """A pair's page (``a`` < ``b``)."""
        view = compare.compare_pair(
            self.profiles[a], self.profiles[b], self.catalog, self.pair_tables(a, b)
        )
        context: dict[str, Any] = {
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
        if view.differences:
            context.update(
                per_category=differences.PER_CATEGORY,
                per_suite=differences.PER_SUITE,
                cut=differences.CUT,
                # site-relative: each model's verdicts, from which every differing prompt
                data_paths=[(self.profiles[m], urls.model_outcomes(m)) for m in (a, b)],
            )
        context["structured"] = structured.pair_page(
            [self.profiles[a], self.profiles[b]],
            urls.pair(a, b),
            context["title"],
            context["description"],
            self.catalog.config,
        )
        return context

    def model(self, model_id: str) -> dict[str, Any]:
        """A model's page."""
        profile = self.profiles[model_id]
        catalog = self.catalog
        context: dict[str, Any] = {
            # the CSV files beside the page, written by versus.site.export
            "downloads": {
                suite_id: Download(
                    # beside the page: its path from the page's folder
                    urls.model_csv(model_id, suite_id).removeprefix(urls.model(model_id)),
                    f"{model_id}-{suite_id}.csv",
                )
                for suite_id in profile.runs
            },
            "title": f"{profile.name}: capabilities, scores and comparisons",
            "description": _named(profile.name, profile.card.summary),
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
            # only the model page lists the runs before the newest
            "earlier_runs": {
                suite_id: tables.earlier_rows(profile.runs[suite_id], runs)
                for suite_id, runs in profile.earlier.items()
            },
            # a pair's page, or the compare page for a pair without one
            "comparisons": [
                (other, self.pair_pages.address(model_id, other.id))
                for other in compare.partners(model_id, self.profiles)
            ],
            "scoring_notes": self.scoring_notes,
            "search_meta": _searched_capabilities(profile, catalog),
        }
        context["structured"] = structured.model_page(
            profile, context["title"], context["description"], catalog.config
        )
        return context

    def index(self) -> dict[str, Any]:
        """The home page."""
        ordered = list(self.profiles.values())
        pair_count = len(ordered) * (len(ordered) - 1) // 2
        return {
            # what any catalog's home holds: the site's own name follows it (base.html)
            "title": "Models, leaderboards and comparisons",
            "description": self.catalog.config.description,
            "models": ordered,
            "filters": facets.facets([p.card for p in ordered]),
            "listing_columns": tables.LISTING_COLUMNS,
            "model_rows": tables.listing(ordered),
            # the models table sorts by parameters as the size filter buckets them
            "parameter_keys": {p.id: sort_key(facets.largest_parameters(p.card)) for p in ordered},
            "matrix": self._matrix(ordered) if len(ordered) <= INDEX_MATRIX_LIMIT else None,
            "leaderboards": [board.top(INDEX_BOARD_TOP) for board in self.leaderboards()],
            "methodology": self.methodology,
            "glossary": self.glossary,
            # the glossary names every capability: its id finds it too
            "search_meta": SearchMeta(
                "Overview",
                ids=tuple(c.id for g in self.catalog.config.taxonomy for c in g.capabilities),
            ),
            "pair_count": pair_count,
            "pair_groups": self.pair_groups(),
            "structured": structured.index_page(self.catalog.config, ordered),
        }

    def capabilities_page(self) -> dict[str, Any]:
        """The capability matrix of every model, with the index's filters."""
        ordered = list(self.profiles.values())
        context: dict[str, Any] = {
            "title": "Capabilities of every model",
            "description": (
                f"What each of the {len(ordered)} models can do, capability by capability: "
                "supported, with a live demo, not supported, or not stated by its card."
            ),
            "models": ordered,
            "filters": facets.facets([p.card for p in ordered]),
            "matrix": self._matrix(ordered),
            "glossary": bool(self.glossary),
        }
        return self._plain(context, urls.CAPABILITIES)

    def comparisons_page(self) -> dict[str, Any]:
        """Every pair's comparison, linked by its models' names; past :data:`PAIR_LIST_LIMIT`
        pairs, every model instead, whose page links each of its comparisons."""
        ordered = list(self.profiles.values())
        pair_count = len(ordered) * (len(ordered) - 1) // 2
        pages = len(self.pair_pages)
        context: dict[str, Any] = {
            "title": "Every comparison",
            "description": (
                f"{pair_count} side-by-side comparisons, one for each pair of models, "
                "and a picker that opens any of them."
            ),
            "models": ordered,
            "pair_count": pair_count,
            "page_count": pages,
            "pair_groups": self.pair_groups(),
            "pairs": [
                (self.profiles[a], self.profiles[b], urls.pair(a, b)) for a, b in self.pair_pages
            ]
            if pages <= PAIR_LIST_LIMIT
            else [],
        }
        return self._plain(context, urls.COMPARISONS)

    def compare_several(self) -> dict[str, Any]:
        """The compare-several page: its script renders the tables from ``api/models.json``;
        the page itself holds the model selects and, for browsers without scripts, a link to
        every model's page."""
        context: dict[str, Any] = {
            "title": "Compare several models side by side",
            "description": (
                f"Up to {COMPARE_LIMIT} models side by side: properties, capabilities and eval "
                "scores, as on a comparison page."
            ),
            "models": list(self.profiles.values()),
            "limit": COMPARE_LIMIT,
            "data_path": urls.MODELS_JSON,
        }
        return self._plain(context, urls.COMPARE)

    def leaderboards(self) -> list[Leaderboard]:
        """Each suite's full leaderboard (computed once per views); the index shows the top of
        each (:data:`INDEX_BOARD_TOP`)."""
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
        """Each suite's evaluated models, best overall score first (equal scores share a
        rank, listed by name)."""
        boards = []
        for suite_id, suite in self.catalog.suites.items():
            ranked = sorted(
                (p for p in self.profiles.values() if suite_id in p.runs),
                key=lambda p: (-p.runs[suite_id].overall, p.name.lower(), p.id),
            )
            ranks = competition_ranks([p.runs[suite_id].overall for p in ranked])
            runs = [p.runs[suite_id] for p in ranked]
            # costs in two currencies do not compare: then none sorts by its figure
            currencies = {run.currency for run in runs if run.cost_per_task is not None}
            rows = tuple(
                LeaderboardRow(
                    rank,
                    profile,
                    overall_cell(run),
                    covered_cell(run),
                    response_cell(run),
                    cost_cell(run),
                    (
                        ("rank", str(rank)),
                        ("overall", sort_key(run.overall)),
                        ("covered", sort_key(run.covered)),
                        ("response", sort_key(run.result.avg_response_seconds)),
                        ("cost", sort_key(run.cost_per_task) if len(currencies) == 1 else ""),
                    ),
                )
                for rank, profile, run in zip(ranks, ranked, runs, strict=True)
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
