"""One model's column of every table, computed once per build.

A model's cells do not depend on the model it is compared with, except for
which value leads a row; so each model's property cells and score rows are
computed here once, and a comparison only zips columns and marks leaders.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import Literal, NamedTuple

from versus.inputs.outcomes import Outcome
from versus.inputs.schema import Band, ModelCard, Suite
from versus.inputs.scores import CategoryScore, RunSummary
from versus.join import claims, formatting
from versus.join.cells import UNKNOWN, Better, Cell
from versus.join.claims import Rate, Verdicts
from versus.join.facets import CATEGORY_LABELS

Needs = Literal["", "input", "output"]
"""Which run field a score row's presence depends on (see :func:`versus.join.tables.score_table`)."""


class Measure(Enum):
    """A summary row of a score table, by a stable id: code matches rows on it, never on the
    label a page shows (:data:`MEASURE_LABELS`)."""

    OVERALL = "overall"
    COVERED = "covered"
    RESPONSE = "response"
    INPUT_TOKENS = "input-tokens"
    OUTPUT_TOKENS = "output-tokens"
    COST = "cost"


MEASURE_LABELS: dict[Measure, str] = {
    Measure.OVERALL: "Overall score",
    Measure.COVERED: "Prompts covered",
    Measure.RESPONSE: "Average response time",
    Measure.INPUT_TOKENS: "Median input tokens",
    Measure.OUTPUT_TOKENS: "Median output tokens",
    Measure.COST: "Estimated cost per task",
}
"""Each measure's label, in the order a score table's summary lists them."""


class Section(Enum):
    """A group of a score table's rows, by a stable id: code matches rows on it, never on
    the heading a page prints (:data:`SECTION_LABELS`)."""

    SUMMARY = "summary"
    """The run's own figures: one row per :class:`Measure`."""
    CATEGORIES = "categories"
    """One row per category of the suite, its score there."""


SECTION_LABELS: dict[Section, str] = {
    Section.SUMMARY: "Summary",
    Section.CATEGORIES: "By category",
}
"""Each section's heading, in the order a score table lists them."""


class ScoreRow(NamedTuple):
    """One model's entry in one row of a suite's score table (made by :func:`score_row`)."""

    section: Section
    label: str
    cell: Cell
    value: Decimal | None
    """What the row's leader is chosen by; ``None`` when the cell holds no value."""
    better: Better | None
    needs: Needs
    leading: Cell
    """:attr:`cell` marked as the best of its row, made once instead of once per pair."""
    measure: Measure | None
    """The summary row's id; ``None`` for a category's row."""
    rate: Rate | None = None
    """A pass rate's counts, which decide whether it leads its row (:mod:`versus.join.claims`)."""
    category: str | None = None
    """A category's row: the category's id; ``None`` for a summary row."""


def score_row(
    section: Section,
    label: str,
    cell: Cell,
    value: Decimal | None,
    better: Better | None,
    needs: Needs = "",
    measure: Measure | None = None,
    rate: Rate | None = None,
    category: str | None = None,
) -> ScoreRow:
    leading = cell.leading() if value is not None else cell
    return ScoreRow(section, label, cell, value, better, needs, leading, measure, rate, category)


def _summary_row(
    measure: Measure,
    cell: Cell,
    value: Decimal | None,
    better: Better | None,
    needs: Needs = "",
    rate: Rate | None = None,
) -> ScoreRow:
    label = MEASURE_LABELS[measure]
    return score_row(Section.SUMMARY, label, cell, value, better, needs, measure, rate)


# --- properties ---------------------------------------------------------------

_MODALITY = {"vision": "Vision", "multimodal": "Multimodal (image and text)", "text": "Text"}


def _maybe(value: str | None) -> Cell:
    return Cell(value) if value is not None else UNKNOWN


def _parameters(card: ModelCard) -> Cell:
    params = card.parameters
    if params is None:
        return UNKNOWN
    if not params.disclosed:
        return Cell("Not disclosed", "undisclosed", params.note or "")
    if params.variants:
        parts = [f"{formatting.count(v.total)} ({v.name})" for v in params.variants]
        return Cell(", ".join(parts), detail=params.note or "")
    assert params.total is not None
    text = formatting.count(params.total)
    if params.active is not None:
        text += f" total, {formatting.count(params.active)} active"
    return Cell(text, detail=params.note or "")


def _price(card: ModelCard, which: Literal["input", "output"]) -> Cell:
    pricing = card.pricing
    if pricing is None:
        return UNKNOWN
    amount = pricing.input_per_million if which == "input" else pricing.output_per_million
    # the date the data gives, never the day it was read; the source is named, linked, once
    # under the table (versus.join.profiles.PriceSource), not in each of four cells
    detail = f"as of {formatting.date(pricing.as_of)}" if pricing.as_of else "no date given"
    return Cell(formatting.price(amount, pricing.currency), detail=detail)


class Property(Enum):
    """A row of the properties table, by a stable id: code matches rows on it, never on the
    label a page shows (:data:`PROPERTY_LABELS`)."""

    ORGANIZATION = "organization"
    CATEGORY = "category"
    MODALITY = "modality"
    RELEASED = "released"
    CONTEXT_WINDOW = "context-window"
    PARAMETERS = "parameters"
    LICENSE = "license"
    INPUT_PRICE = "input-price"
    OUTPUT_PRICE = "output-price"


PROPERTY_LABELS: dict[Property, str] = {
    Property.ORGANIZATION: "Organization",
    Property.CATEGORY: "Category",
    Property.MODALITY: "Modality",
    Property.RELEASED: "Release date",
    Property.CONTEXT_WINDOW: "Context window",
    Property.PARAMETERS: "Parameters",
    Property.LICENSE: "License",
    Property.INPUT_PRICE: "Input price per 1M tokens",
    Property.OUTPUT_PRICE: "Output price per 1M tokens",
}
"""Each property's label, in the order the properties table lists them."""

PROPERTIES: dict[Property, Callable[[ModelCard], Cell]] = {
    Property.ORGANIZATION: lambda card: Cell(card.organization),
    Property.CATEGORY: lambda card: Cell(CATEGORY_LABELS[card.category]),
    Property.MODALITY: lambda card: Cell(_MODALITY[card.modality]),
    Property.RELEASED: lambda card: _maybe(
        formatting.date(card.released) if card.released else None
    ),
    Property.CONTEXT_WINDOW: lambda card: _maybe(
        f"{formatting.tokens(card.context_window)} tokens" if card.context_window else None
    ),
    Property.PARAMETERS: _parameters,
    Property.LICENSE: lambda card: (
        Cell(card.license.name, detail=card.license.note or "") if card.license else UNKNOWN
    ),
    Property.INPUT_PRICE: lambda card: _price(card, "input"),
    Property.OUTPUT_PRICE: lambda card: _price(card, "output"),
}
"""How each property's cell is made from a card."""

PROPERTY_INDEX: dict[Property, int] = {prop: i for i, prop in enumerate(PROPERTY_LABELS)}
"""Each property's place in a profile's :func:`property_cells`."""


def property_cells(card: ModelCard) -> tuple[Cell, ...]:
    """The card's cell for each row of the properties table, in the order of
    :data:`PROPERTY_LABELS`."""
    return tuple(PROPERTIES[prop](card) for prop in PROPERTY_LABELS)


# --- scores -----------------------------------------------------------------------


def _bound(proportion: float) -> Decimal:
    """An interval's bound as a percentage to one place, as printed and drawn."""
    return (Decimal(repr(proportion)) * 100).quantize(_TENTH)


_TENTH = Decimal("0.1")


@lru_cache(maxsize=1 << 14)
def _bounds(passed: int, total: int) -> tuple[Decimal, Decimal]:
    """The 95% interval of ``passed`` of ``total`` as printed; the same counts recur across
    models and categories."""
    low, high = Rate(passed, total).interval
    return _bound(low), _bound(high)


def rate_cell(text: str, rate: Rate, band: Band, percent: Decimal) -> Cell:
    """A pass rate's cell: its figure, its counts, its band and its 95% interval."""
    low, high = _bounds(rate.passed, rate.total)
    return Cell(
        text,
        detail=f"{rate.passed}/{rate.total}",
        band=band.id,
        band_label=band.label,
        percent=percent,
        low=low,
        high=high,
    )


def category_cell(score: CategoryScore) -> Cell | None:
    """A run's score on one category, as a leaderboard prints it (no verdicts: it compares
    no pair); ``None`` when the run has no figures for the category."""
    passed, total = score.passed, score.total
    if score.percent is None or score.band is None or passed is None or total is None:
        return None
    rate = Rate(passed, total)
    return rate_cell(formatting.percent(score.percent, 1), rate, score.band, score.percent)


def overall_cell(run: RunSummary) -> Cell:
    return rate_cell(
        formatting.percent(run.overall, 2), Rate(run.passed, run.covered), run.band, run.overall
    )


def covered_cell(run: RunSummary) -> Cell:
    return Cell(f"{run.covered} of {run.suite.prompts} prompts")


def response_cell(run: RunSummary) -> Cell:
    """A run's average response time; a run whose time is not compared
    (:func:`versus.join.claims.compares_time_and_cost`) says why under it."""
    value = run.result.avg_response_seconds
    if value is None:
        return Cell("Not reported", "not-reported")
    if not claims.compares_time_and_cost(run):
        return Cell(formatting.seconds(value), detail=f"not compared: {below_coverage(run.suite)}")
    return Cell(formatting.seconds(value))


def threshold(suite: Suite) -> str:
    """The coverage threshold as configured, every digit kept: rounded, ``89.45`` would read
    ``89.5%`` and a run at 89.41% would be "under 89.4%" (false)."""
    threshold = Decimal(str(suite.coverage_threshold)).normalize()
    return format(threshold, "f") + "%"


def scoring_note(suite: Suite) -> str:
    """What a reader of a score table must know of how the suite scores, in two sentences;
    its full methodology is printed once, under its leaderboard. The coverage rule is
    :func:`versus.join.claims.compares_time_and_cost`'s."""
    return (
        "Scores are passed prompts over the prompts a run covered. Token and cost figures"
        f" are shown, and response times compared, only for runs that covered at least"
        f" {threshold(suite)} of the prompts."
    )


def below_coverage(suite: Suite) -> str:
    """Why a run's token and cost figures are not shown and its time is not compared: the
    one wording of every such note."""
    return f"run covered under {threshold(suite)} of prompts"


def _usage_cell(run: RunSummary, value: int | None) -> Cell:
    if value is None:
        return Cell("Not reported", "not-reported")
    if not run.usage_shown:
        return Cell("Not shown", "below-coverage", below_coverage(run.suite))
    return Cell(f"{value:,}")


def cost_cell(run: RunSummary) -> Cell:
    if run.cost_per_task is not None and run.currency is not None:
        return Cell(formatting.money(run.cost_per_task, run.currency))
    result = run.result
    if result.median_input_tokens is None or result.median_output_tokens is None:
        return Cell("Not reported", "not-reported", "no token figures")
    if not run.usage_shown:
        return Cell("Not shown", "below-coverage", below_coverage(run.suite))
    return Cell("Unknown", "unknown", "no price listed")


def _not_run(prompts: int) -> str:
    """Why a category of a run has no score: the suite has prompts there (a category has at
    least one), and the run has no figures for them."""
    if prompts == 1:
        return "run did not cover the one prompt of this category"
    return f"run covered none of the {prompts} prompts of this category"


def _value(cell: Cell, value: Decimal | None) -> Decimal | None:
    return value if cell.state == "value" else None


_OF_CATEGORY = attrgetter("category")


def _verdicts(run: RunSummary) -> tuple[Verdicts | None, dict[str, Verdicts]]:
    """The run's verdicts (for the paired test of :mod:`versus.join.claims`): overall and by
    category id; none for a run known by its totals only."""
    if not run.outcomes:
        return None, {}
    by_category: dict[str, list[Outcome]] = {}
    # groupby walks the outcomes in C: a list's prompts are mostly grouped by category
    for category, rows in groupby(run.outcomes.values(), _OF_CATEGORY):
        by_category.setdefault(category, []).extend(rows)
    categories = {category: claims.verdicts(rows) for category, rows in by_category.items()}
    # The run's, from its categories' (each outcome is of one category).
    passed = frozenset[str]().union(*(verdicts.passed for verdicts in categories.values()))
    return Verdicts(frozenset(run.outcomes), passed), categories


def score_rows(run: RunSummary) -> tuple[ScoreRow, ...]:
    """Every row a run can have in its suite's table, in display order."""
    result = run.result
    overall_verdicts, category_verdicts = _verdicts(run)
    response = response_cell(run)
    seconds = result.avg_response_seconds
    # a run under its suite's coverage threshold shows its time and cost, never leads by them
    compared = claims.compares_time_and_cost(run)
    inputs = _usage_cell(run, result.median_input_tokens)
    outputs = _usage_cell(run, result.median_output_tokens)
    cost = cost_cell(run)
    rows = [
        _summary_row(
            Measure.OVERALL,
            overall_cell(run),
            run.overall,
            "higher",
            rate=Rate(run.passed, run.covered, overall_verdicts),
        ),
        _summary_row(Measure.COVERED, covered_cell(run), None, None),
        _summary_row(
            Measure.RESPONSE,
            response,
            _value(response, Decimal(str(seconds)) if seconds is not None and compared else None),
            "lower",
        ),
        _summary_row(Measure.INPUT_TOKENS, inputs, None, None, "input"),
        _summary_row(Measure.OUTPUT_TOKENS, outputs, None, None, "output"),
        _summary_row(
            Measure.COST,
            cost,
            _value(cost, run.cost_per_task if compared else None),
            "lower",
            "input",
        ),
    ]
    for score in run.categories:
        rate = None
        passed, total = score.passed, score.total
        if score.percent is None or score.band is None or passed is None or total is None:
            cell = Cell("Not run", "not-run", _not_run(score.category.prompts))
        else:
            rate = Rate(passed, total, category_verdicts.get(score.category.id))
            cell = rate_cell(formatting.percent(score.percent, 1), rate, score.band, score.percent)
        rows.append(
            score_row(
                Section.CATEGORIES,
                score.category.label,
                cell,
                _value(cell, score.percent),
                "higher",
                rate=rate,
                category=score.category.id,
            )
        )
    return tuple(rows)
