"""The pairwise join: one view model per unordered pair of models. No I/O."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations

from versus import formatting, tables
from versus.catalog import Catalog
from versus.checks import PAIR_SEPARATOR
from versus.lead import lead_points
from versus.profiles import Profile


def pair_slug(a: str, b: str) -> str:
    """The canonical slug of a pair: the two ids in sorted order."""
    first, second = sorted((a, b))
    return f"{first}{PAIR_SEPARATOR}{second}"


def pair_path(a: str, b: str) -> str:
    return f"compare/{pair_slug(a, b)}/"


def pairs(ids: Iterator[str] | list[str]) -> Iterator[tuple[str, str]]:
    """Every unordered pair of ids, each as ``(a, b)`` with ``a < b``, in order."""
    return combinations(sorted(ids), 2)


@dataclass(frozen=True)
class PairView:
    a: Profile
    b: Profile
    slug: str
    title: str
    lead: str
    """One sentence saying what the page is, for its meta description."""
    lead_points: tuple[str, ...]
    """Who leads on what, computed (see :mod:`versus.lead`)."""
    demo_tasks: tuple[str, ...]
    demo_sentence: str
    properties: tuple[tables.Row, ...]
    capabilities: tuple[tables.RowGroup, ...]
    scores: tuple[tables.ScoreTable, ...]
    unevaluated_suites: tuple[str, ...]
    """Names of suites neither model has a run on."""

    @property
    def models(self) -> tuple[Profile, Profile]:
        return (self.a, self.b)


def demo_sentence(names: tuple[str, str], tasks: list[str]) -> str:
    if not tasks:
        return (
            f"{names[0]} and {names[1]} share no task that can be tried live on both; "
            "the tables below set out what each can do."
        )
    return f"Both can be tried live on {formatting.join_words(tasks)}."


def compare_pair(a: Profile, b: Profile, catalog: Catalog) -> PairView:
    """Join two model profiles into the view model of their comparison page."""
    if b.id < a.id:
        a, b = b, a
    both = (a, b)
    config = catalog.config
    tasks = tables.shared_demo_tasks(both, config)
    score_tables = []
    unevaluated = []
    for suite_id, suite in catalog.suites.items():
        table = tables.score_table(suite_id, suite, both, config.bands)
        if table.evaluated:
            score_tables.append(table)
        else:
            unevaluated.append(suite.name)
    return PairView(
        a=a,
        b=b,
        slug=pair_slug(a.id, b.id),
        title=f"{a.name} vs {b.name}",
        lead=f"{a.name} and {b.name} side by side: properties, capabilities and eval scores.",
        lead_points=lead_points(a, b, catalog.suites, config),
        demo_tasks=tuple(tasks),
        demo_sentence=demo_sentence((a.name, b.name), tasks),
        properties=tables.properties(both),
        capabilities=tables.capabilities(both, config),
        scores=tuple(score_tables),
        unevaluated_suites=tuple(unevaluated),
    )


def partners(model_id: str, profiles: Mapping[str, Profile]) -> list[Profile]:
    """Every other model, in id order: the comparisons a model page lists."""
    return [p for other_id, p in profiles.items() if other_id != model_id]
