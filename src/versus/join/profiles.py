"""Everything about one model that pages need, computed once per build.

A model appears on its own page, on the index and on N-1 comparison pages.
Its profile (rendered description, run summaries, its column of every table)
is computed once and shared by all of them, so the per-pair work is only what
depends on both models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from markupsafe import Markup

from versus import urls
from versus.inputs import richtext
from versus.inputs.catalog import Catalog
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.schema import ModelCard, Result
from versus.inputs.scores import RunSummary, summarize
from versus.join import columns, facets, formatting
from versus.join.cells import UNKNOWN, Cell, capability_cell
from versus.join.columns import ScoreRow

MarkdownRenderer = Callable[[str], Markup]


class PriceSource(NamedTuple):
    """Where a card's prices come from, as the line under a properties table says it (the
    price cells give the date the source gives them, never the date it was read)."""

    source: str
    url: str
    """Where the source is online; ``""`` when the card does not say."""
    read: str
    """When the card's author read it (``Nov 2026``); ``""`` when the card does not say."""


@dataclass(frozen=True)
class Profile:
    id: str
    card: ModelCard
    description_html: Markup
    runs: Mapping[str, RunSummary]
    """Suite id -> this model's run on it (its result's top level, the newest run); absent
    when not evaluated."""
    properties: tuple[Cell, ...]
    """This model's cell in each row of :data:`versus.join.columns.PROPERTIES`."""
    score_rows: Mapping[str, tuple[ScoreRow, ...]]
    """Suite id -> this model's rows of that suite's score table."""
    capabilities: tuple[Cell, ...]
    """This model's cell for each capability of the taxonomy, in taxonomy order.

    A capability the card does not name is :data:`~versus.join.cells.UNKNOWN` itself
    (the same object), so a comparison can tell "mentioned" by identity.
    """

    earlier: Mapping[str, tuple[RunSummary, ...]] = field(default_factory=dict)
    """Suite id -> the runs its result lists before the newest, newest first; absent when
    it lists none. Only the model page shows them."""

    @property
    def name(self) -> str:
        return self.card.name

    @cached_property
    def facets(self) -> tuple[tuple[str, str], ...]:
        """``(facet, value)`` pairs the index filters by (see :mod:`versus.join.facets`); kept,
        as the index prints them on each of the model's rows (its tables and leaderboards)."""
        return facets.attributes(self.card)

    @cached_property
    def updated(self) -> PartialDate | None:
        """The latest date the model's data states: release, price, or a run's date.

        Kept once computed: the sitemap asks for it twice per pair page.
        """
        return updated(self.card, [run.result for run in self.runs.values()])

    @cached_property
    def mentioned(self) -> frozenset[int]:
        """Where in :attr:`capabilities` the card states something (not ``UNKNOWN``)."""
        return frozenset(i for i, cell in enumerate(self.capabilities) if cell is not UNKNOWN)

    @cached_property
    def demo_ids(self) -> frozenset[str]:
        """The capabilities the model can be tried on live."""
        return frozenset(cap for cap, state in self.card.capabilities.items() if state == "demo")

    @cached_property
    def demos(self) -> dict[str, str]:
        """Capability id -> where it can be tried live, for each demo the card gives an
        address for, in the card's order."""
        found = {cap: demo_address(self.card, cap) for cap in self.card.capabilities}
        return {cap: url for cap, url in found.items() if url}

    @cached_property
    def price_source(self) -> PriceSource | None:
        """Where the card's prices come from; ``None``: the card lists none."""
        pricing = self.card.pricing
        if pricing is None:
            return None
        return PriceSource(
            pricing.source,
            pricing.url or "",
            formatting.date(pricing.read) if pricing.read else "",
        )

    @property
    def path(self) -> str:
        """Site-relative folder of the model's page."""
        return urls.model(self.id)


def demo_address(card: ModelCard, capability: str) -> str:
    """Where ``capability`` can be tried live: its own address, else the model's; ``""``
    when the card marks it no ``demo`` or gives no address."""
    if card.capabilities.get(capability) != "demo":
        return ""
    return card.demos.get(capability) or card.links.demo or ""


def latest(dates: Iterable[PartialDate | None]) -> PartialDate | None:
    """The latest of some dates (``2024`` counts as before ``2024-01``); ``None`` if none."""
    known = [d for d in dates if d is not None]
    return max(known, key=PartialDate.sort_key) if known else None


def updated(card: ModelCard, results: Iterable[Result]) -> PartialDate | None:
    """The latest date a model's data states: its release, its price's date, its runs' dates.

    The sitemap prints it as each of the model's pages' ``<lastmod>``.
    """
    dates = [card.released, card.pricing.as_of if card.pricing else None]
    dates += [result.date for result in results]
    return latest(dates)


def _newest_first(result: Result) -> tuple[int, int, int]:
    """Earlier runs have dates (:func:`versus.inputs.checks.check_result_figures`)."""
    assert result.date is not None
    year, month, day = result.date.sort_key()
    return (-year, -month, -day)


def build_profile(
    model_id: str, catalog: Catalog, markdown: MarkdownRenderer = richtext.to_html
) -> Profile:
    card = catalog.models[model_id]
    runs = {}
    earlier = {}
    bands = catalog.config.bands
    for suite_id, suite in catalog.suites.items():
        result = catalog.result(suite_id, model_id)
        if result is not None:
            runs[suite_id] = summarize(
                suite,
                result,
                card.pricing,
                bands,
                outcomes=catalog.outcomes_of(suite_id, model_id),
            )
            if result.earlier_runs:
                earlier[suite_id] = tuple(
                    summarize(suite, run, card.pricing, bands)
                    for run in sorted(result.earlier(), key=_newest_first)
                )
    return Profile(
        id=model_id,
        card=card,
        description_html=markdown(card.description),
        runs=runs,
        earlier=earlier,
        properties=columns.property_cells(card),
        score_rows={suite_id: columns.score_rows(run) for suite_id, run in runs.items()},
        capabilities=capability_cells(card, catalog),
    )


def capability_cells(card: ModelCard, catalog: Catalog) -> tuple[Cell, ...]:
    """The card's cell for each capability of the taxonomy, in its order. A demo address
    is linked from the first capability it serves only: one address given for the whole
    model is one link (one tab stop) in a table, the other demos reading "live demo"."""
    linked: set[str] = set()
    cells = []
    for group in catalog.config.taxonomy:
        for cap in group.capabilities:
            address = demo_address(card, cap.id)
            if address in linked:
                address = ""
            linked.add(address)
            cells.append(capability_cell(card.capabilities.get(cap.id), address))
    return tuple(cells)


def build_profiles(
    catalog: Catalog, markdown: MarkdownRenderer = richtext.to_html
) -> dict[str, Profile]:
    """One profile per model, in id order."""
    return {model_id: build_profile(model_id, catalog, markdown) for model_id in catalog.models}
