"""Comparison tables over any number of model columns: properties, capabilities, scores.

A table is rows of :class:`Cell`; each cell says what to print, which of the
distinct states it is in (a value, unknown, not evaluated, ...), and whether
it leads its row. Templates only loop over these and print them; every
decision, including which column a value belongs to, is made here.

The same functions serve a pair page (two columns), a model page (one) and any
wider comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from versus import formatting
from versus.profiles import Profile
from versus.schema import Band, CapabilityState, SiteConfig, Suite
from versus.scores import RunSummary

CellState = Literal[
    "value",
    "unknown",
    "undisclosed",
    "not-evaluated",
    "not-run",
    "not-reported",
    "below-coverage",
    "supported",
    "demo",
    "no",
]

CAPABILITY_TEXT: dict[CapabilityState | Literal["unknown"], str] = {
    "demo": "Supported, try live",
    "supported": "Supported",
    "no": "Not supported",
    "unknown": "Unknown",
}


@dataclass(frozen=True)
class Cell:
    text: str
    state: CellState = "value"
    detail: str = ""
    """Secondary text, e.g. ``11/15`` under a percentage."""
    band: str = ""
    """Score band id, for values that have one."""
    leader: bool = False
    """Whether this value is the best of its row (and the row has more than one)."""
    percent: Decimal | None = None
    """The value as a percentage, for score bars."""
    band_label: str = ""
    """The band in words, for readers who do not see colour."""


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]
    note: str = ""


@dataclass(frozen=True)
class RowGroup:
    label: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Provenance:
    model: str
    text: str


@dataclass(frozen=True)
class ScoreTable:
    suite_id: str
    suite: Suite
    bands: tuple[Band, ...]
    groups: tuple[RowGroup, ...]
    provenance: tuple[Provenance, ...]
    evaluated: int
    """How many of the columns have a run on this suite."""


def _unknown(text: str = "Unknown") -> Cell:
    return Cell(text, "unknown")


# --- properties -----------------------------------------------------------------


def _parameters(profile: Profile) -> Cell:
    params = profile.card.parameters
    if params is None:
        return _unknown()
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


def _price(profile: Profile, which: Literal["input", "output"]) -> Cell:
    pricing = profile.card.pricing
    if pricing is None:
        return _unknown()
    amount = pricing.input_per_million if which == "input" else pricing.output_per_million
    return Cell(
        formatting.price(amount, pricing.currency),
        detail=f"as of {formatting.date(pricing.as_of)}, {pricing.source}",
    )


_CATEGORY = {"open": "Open weights", "closed": "Closed"}
_MODALITY = {"vision": "Vision", "multimodal": "Multimodal (image and text)", "text": "Text"}


def _property_rows() -> tuple[tuple[str, Callable[[Profile], Cell]], ...]:
    def maybe(value: str | None) -> Cell:
        return Cell(value) if value is not None else _unknown()

    return (
        ("Organization", lambda p: Cell(p.card.organization)),
        ("Category", lambda p: Cell(_CATEGORY[p.card.category])),
        ("Modality", lambda p: Cell(_MODALITY[p.card.modality])),
        ("Release date", lambda p: maybe(p.card.released and formatting.date(p.card.released))),
        (
            "Context window",
            lambda p: maybe(
                p.card.context_window and f"{formatting.tokens(p.card.context_window)} tokens"
            ),
        ),
        ("Parameters", _parameters),
        (
            "License",
            lambda p: (
                Cell(p.card.license.name, detail=p.card.license.note or "")
                if p.card.license
                else _unknown()
            ),
        ),
        ("Input price per 1M tokens", lambda p: _price(p, "input")),
        ("Output price per 1M tokens", lambda p: _price(p, "output")),
    )


LISTING_COLUMNS = ("Organization", "Category", "Parameters", "License")


@dataclass(frozen=True)
class ListingRow:
    model: Profile
    cells: tuple[Cell, ...]


def listing(profiles: Sequence[Profile]) -> tuple[ListingRow, ...]:
    """One row per model with the properties of :data:`LISTING_COLUMNS`, for the index."""
    getters = dict(_property_rows())
    return tuple(
        ListingRow(p, tuple(replace(getters[c](p), detail="") for c in LISTING_COLUMNS))
        for p in profiles
    )


def properties(profiles: Sequence[Profile]) -> tuple[Row, ...]:
    return tuple(
        Row(label, tuple(cell_for(p) for p in profiles)) for label, cell_for in _property_rows()
    )


# --- capabilities ---------------------------------------------------------------


def capability_cell(state: CapabilityState | None) -> Cell:
    key: CapabilityState | Literal["unknown"] = state if state is not None else "unknown"
    return Cell(CAPABILITY_TEXT[key], key)


def capabilities(
    profiles: Sequence[Profile], config: SiteConfig, *, every: bool = False
) -> tuple[RowGroup, ...]:
    """The capability matrix, grouped and ordered as in the taxonomy.

    With ``every``, all capabilities of the taxonomy; otherwise the union of
    those the models' cards mention (in any state).
    """
    groups = []
    for group in config.taxonomy:
        rows = tuple(
            Row(
                cap.label,
                tuple(capability_cell(p.card.capabilities.get(cap.id)) for p in profiles),
                note=cap.description or "",
            )
            for cap in group.capabilities
            if every or any(cap.id in p.card.capabilities for p in profiles)
        )
        if rows:
            groups.append(RowGroup(group.label, rows))
    return tuple(groups)


def shared_demo_tasks(profiles: Sequence[Profile], config: SiteConfig) -> list[str]:
    """Labels of the capabilities every one of the models can be tried on live."""
    return [
        cap.label
        for group in config.taxonomy
        for cap in group.capabilities
        if all(p.card.capabilities.get(cap.id) == "demo" for p in profiles)
    ]


# --- scores -----------------------------------------------------------------------

Better = Literal["higher", "lower"]


def _mark_leader(
    cells: list[Cell], values: list[Decimal | None], better: Better
) -> tuple[Cell, ...]:
    """Mark the single best value of a row; ties and lone values lead nothing."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return tuple(cells)
    best = max(known) if better == "higher" else min(known)
    if known.count(best) > 1:
        return tuple(cells)
    return tuple(
        replace(c, leader=True) if v == best else c for c, v in zip(cells, values, strict=True)
    )


def _score_row(
    label: str,
    runs: Sequence[RunSummary | None],
    cell_for: Callable[[RunSummary], tuple[Cell, Decimal | None]],
    better: Better | None,
) -> Row:
    cells: list[Cell] = []
    values: list[Decimal | None] = []
    for run in runs:
        if run is None:
            cells.append(Cell("Not evaluated", "not-evaluated"))
            values.append(None)
        else:
            cell, value = cell_for(run)
            cells.append(cell)
            values.append(value if cell.state == "value" else None)
    marked = _mark_leader(cells, values, better) if better else tuple(cells)
    return Row(label, marked)


def overall_cell(run: RunSummary) -> tuple[Cell, Decimal | None]:
    return (
        Cell(
            formatting.percent(run.overall, 2),
            detail=f"{run.passed}/{run.covered}",
            band=run.band.id,
            band_label=run.band.label,
            percent=run.overall,
        ),
        run.overall,
    )


def _coverage(run: RunSummary) -> tuple[Cell, Decimal | None]:
    return Cell(f"{run.covered} of {run.suite.prompts} prompts"), None


def response_cell(run: RunSummary) -> tuple[Cell, Decimal | None]:
    value = run.result.avg_response_seconds
    if value is None:
        return Cell("Not reported", "not-reported"), None
    return Cell(formatting.seconds(value)), Decimal(str(value))


def _usage(run: RunSummary, value: int | None) -> tuple[Cell, Decimal | None]:
    if value is None:
        return Cell("Not reported", "not-reported"), None
    if not run.usage_shown:
        threshold = formatting.percent(Decimal(str(run.suite.coverage_threshold)), 1)
        return Cell(
            "Not shown", "below-coverage", f"run covered under {threshold} of prompts"
        ), None
    return Cell(f"{value:,}"), Decimal(value)


def cost_cell(run: RunSummary) -> tuple[Cell, Decimal | None]:
    if run.cost_per_task is not None and run.currency is not None:
        return Cell(formatting.money(run.cost_per_task, run.currency)), run.cost_per_task
    result = run.result
    if result.median_input_tokens is None or result.median_output_tokens is None:
        return Cell("Not reported", "not-reported", "no token figures"), None
    if not run.usage_shown:
        return Cell("Not shown", "below-coverage", "run covered too few prompts"), None
    return Cell("Unknown", "unknown", "no price listed"), None


def _category(index: int) -> Callable[[RunSummary], tuple[Cell, Decimal | None]]:
    def cell_for(run: RunSummary) -> tuple[Cell, Decimal | None]:
        score = run.categories[index]
        if score.percent is None or score.band is None:
            return Cell("Not run", "not-run", "no prompts of this category"), None
        return (
            Cell(
                formatting.percent(score.percent, 1),
                detail=f"{score.passed}/{score.total}",
                band=score.band.id,
                band_label=score.band.label,
                percent=score.percent,
            ),
            score.percent,
        )

    return cell_for


def _provenance(profile: Profile, run: RunSummary | None) -> Provenance:
    if run is None:
        return Provenance(profile.name, "not evaluated on this suite.")
    result = run.result
    when = f"run {formatting.date(result.date)}" if result.date else "run date not stated"
    return Provenance(profile.name, f"{result.provenance}, {when}; source: {result.source.title}.")


def score_table(
    suite_id: str, suite: Suite, profiles: Sequence[Profile], bands: Sequence[Band]
) -> ScoreTable:
    runs = [p.runs.get(suite_id) for p in profiles]
    present = [run for run in runs if run is not None]
    summary_rows = [
        _score_row("Overall score", runs, overall_cell, "higher"),
        _score_row("Prompts covered", runs, _coverage, None),
        _score_row("Average response time", runs, response_cell, "lower"),
    ]
    if any(r.result.median_input_tokens is not None for r in present):
        summary_rows.append(
            _score_row(
                "Median input tokens", runs, lambda r: _usage(r, r.result.median_input_tokens), None
            )
        )
    if any(r.result.median_output_tokens is not None for r in present):
        summary_rows.append(
            _score_row(
                "Median output tokens",
                runs,
                lambda r: _usage(r, r.result.median_output_tokens),
                None,
            )
        )
    if any(r.result.median_input_tokens is not None for r in present):
        currencies = {r.currency for r in present if r.currency is not None}
        comparable: Better | None = "lower" if len(currencies) <= 1 else None
        summary_rows.append(_score_row("Estimated cost per task", runs, cost_cell, comparable))
    category_rows = tuple(
        _score_row(category.label, runs, _category(i), "higher")
        for i, category in enumerate(suite.categories)
    )
    return ScoreTable(
        suite_id=suite_id,
        suite=suite,
        bands=tuple(suite.bands or bands),
        groups=(RowGroup("Summary", tuple(summary_rows)), RowGroup("By category", category_rows)),
        provenance=tuple(_provenance(p, r) for p, r in zip(profiles, runs, strict=True)),
        evaluated=len(present),
    )
