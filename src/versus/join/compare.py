"""The pairwise join: one view model per unordered pair of models. No I/O."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import combinations
from types import MappingProxyType
from typing import NamedTuple

from versus import urls
from versus.inputs.catalog import Catalog
from versus.join import formatting, tables
from versus.join.differences import SuiteDifferences, differences
from versus.join.formatting import Name, Sentence
from versus.join.lead import lead_points, mid_sentence
from versus.join.profiles import Profile


def pairs(ids: Iterator[str] | list[str]) -> Iterator[tuple[str, str]]:
    """Every unordered pair of ids, each as ``(a, b)`` with ``a < b``, in order."""
    return combinations(sorted(ids), 2)


class Gap(NamedTuple):
    """A score table of a pair where one model has no run: its page says so in one line and
    in one cell down that model's column, not in a cell per row."""

    column: int
    """Which model has no run: 0 for the first, 1 for the second."""
    rows: int
    """How many rows of the table's body the one cell spans: every row, group rows too."""
    sentence: Sentence
    """``Florence-2 has no results on Vision Evals.``"""


NO_GAPS: Mapping[str, Gap] = MappingProxyType({})


def gap(table: tables.ScoreTable, models: tuple[Profile, Profile]) -> Gap | None:
    """The gap of a pair's score table where exactly one of the two models has a run."""
    if table.evaluated != 1:
        return None
    column = 0 if table.suite_id not in models[0].runs else 1
    return Gap(
        column,
        sum(len(group.rows) + 1 for group in table.groups),
        Sentence(Name(models[column].name), " has no results on ", Name(table.suite.name), "."),
    )


class PairView(NamedTuple):
    """The view model of one comparison page (a tuple: there are N*(N-1)/2 of them)."""

    a: Profile
    b: Profile
    slug: str
    title: str
    lead: Sentence
    """One sentence saying what the page is, for its meta description."""
    lead_points: tuple[Sentence, ...]
    """Who leads on what, computed (see :mod:`versus.join.lead`)."""
    demo_tasks: tuple[str, ...]
    demo_sentence: Sentence
    properties: tuple[tables.Row, ...]
    capabilities: tuple[tables.RowGroup, ...]
    scores: tuple[tables.ScoreTable, ...]
    unevaluated_suites: tuple[str, ...]
    """Names of suites neither model has a run on."""
    differences: tuple[SuiteDifferences, ...] = ()
    """Where the two differ, prompt by prompt, on each suite both runs give outcomes for."""
    gaps: Mapping[str, Gap] = NO_GAPS
    """Suite id -> its :class:`Gap`, for the shown tables where one model has no run."""

    @property
    def models(self) -> tuple[Profile, Profile]:
        return (self.a, self.b)


class PairTables(NamedTuple):
    """The tables of a pair: what its page and the CSV files in it show."""

    models: tuple[Profile, Profile]
    properties: tuple[tables.Row, ...]
    capabilities: tuple[tables.RowGroup, ...]
    scores: Mapping[str, tables.ScoreTable]
    """Every suite's table, shown on the page or not (for its CSV), in suite order."""
    demo_tasks: tuple[str, ...]
    differences: tuple[SuiteDifferences, ...] = ()
    """Where the two differ on each suite both runs give outcomes for (:mod:`versus.join.differences`)."""

    @property
    def shown(self) -> list[tables.ScoreTable]:
        """The score tables the page shows: those of suites either model ran."""
        return [table for table in self.scores.values() if table.evaluated]


def pair_tables(a: Profile, b: Profile, catalog: Catalog) -> PairTables:
    """The tables of the pair of ``a`` and ``b``, in id order."""
    if b.id < a.id:
        a, b = b, a
    both = (a, b)
    config = catalog.config
    return PairTables(
        models=both,
        properties=tables.properties(both),
        # What each capability means is said once, on the home page, not on N*(N-1)/2 pages.
        capabilities=tables.capabilities(both, config, notes=False),
        scores={
            suite_id: tables.score_table(suite_id, suite, both, config.bands)
            for suite_id, suite in catalog.suites.items()
        },
        demo_tasks=tuple(tables.shared_demo_tasks(both, config)),
        differences=differences(a, b, catalog.suites, catalog.prompts),
    )


def demo_sentence(names: tuple[str, str], tasks: list[str]) -> Sentence:
    if not tasks:
        return Sentence(
            Name(names[0]),
            " and ",
            Name(names[1]),
            " share no task that can be tried live on both; "
            "the tables below set out what each can do.",
        )
    # written mid-sentence, as the capability sentences above it write them
    what = formatting.join_words([mid_sentence(task) for task in tasks])
    return Sentence(f"Both can be tried live on {what}.")


def compare_pair(
    a: Profile, b: Profile, catalog: Catalog, joined: PairTables | None = None
) -> PairView:
    """Join two model profiles into the view model of their comparison page.

    ``joined`` is the pair's tables when the caller has them already.
    """
    joined = joined or pair_tables(a, b, catalog)
    a, b = joined.models
    config = catalog.config
    tasks = list(joined.demo_tasks)
    score_tables = [table for table in joined.scores.values() if table.evaluated]
    unevaluated = [table.suite.name for table in joined.scores.values() if not table.evaluated]
    return PairView(
        a=a,
        b=b,
        slug=urls.pair_slug(a.id, b.id),
        title=f"{a.name} vs {b.name}",
        lead=Sentence(
            Name(a.name),
            " and ",
            Name(b.name),
            " side by side: properties, capabilities and eval scores.",
        ),
        lead_points=lead_points(a, b, catalog.suites, config),
        demo_tasks=tuple(tasks),
        demo_sentence=demo_sentence((a.name, b.name), tasks),
        properties=joined.properties,
        capabilities=joined.capabilities,
        scores=tuple(score_tables),
        unevaluated_suites=tuple(unevaluated),
        differences=joined.differences,
        gaps={
            table.suite_id: found
            for table in score_tables
            if (found := gap(table, joined.models)) is not None
        },
    )


def partners(model_id: str, profiles: Mapping[str, Profile]) -> list[Profile]:
    """Every other model, in id order: the comparisons a model page lists."""
    return [p for other_id, p in profiles.items() if other_id != model_id]
