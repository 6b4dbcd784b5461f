"""Comparison tables over any number of model columns: properties, capabilities, scores.

A table is rows of :class:`~versus.join.cells.Cell`. Each model's cells come ready
from its :class:`~versus.join.profiles.Profile`; here they are set side by side,
rows that no column needs are dropped, and the best value of each row is
marked. Templates only loop over the result and print it.

The same functions serve a pair page (two columns), a model page (one) and any
wider comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from versus.inputs.schema import Band, CapabilityDef, Result, SiteConfig, Suite
from versus.inputs.scores import RunSummary
from versus.join import claims, formatting
from versus.join.cells import NOT_EVALUATED, Cell
from versus.join.claims import NO_LEAD, Rate
from versus.join.columns import (
    PROPERTY_INDEX,
    PROPERTY_LABELS,
    SECTION_LABELS,
    Measure,
    Property,
    ScoreRow,
    Section,
    covered_cell,
    overall_cell,
)
from versus.join.profiles import Profile


class Row(NamedTuple):
    """One row of a table: its label (and a note on it), one cell per column.

    Tuples, not dataclasses: a comparison page makes about fifty of them.
    """

    label: str
    cells: tuple[Cell, ...]
    note: str = ""
    values: tuple[Decimal | None, ...] = ()
    """Score rows only: each cell's value, as the row's leader is chosen by (``None``: none)."""


class RowGroup(NamedTuple):
    label: str
    rows: tuple[Row, ...]
    sortable: bool = False
    """Whether a reader may sort its rows by a column: rows that measure one thing (each
    category's score), not a mix of scores, times and costs."""


SORTABLE_SECTIONS = frozenset({Section.CATEGORIES})
"""The score table's sections whose rows are all of one measure."""


class Provenance(NamedTuple):
    model: str
    text: str
    """How the figures were obtained and when, e.g. ``self-reported, run May 2026``."""
    source: str = ""
    """The source's title; ``""`` for a model not evaluated on the suite."""
    source_url: str = ""
    """Where the source is online, if it is."""
    notes: tuple[str, ...] = ()
    """The result's caveats about its run (why it covered fewer prompts, ...), as written."""
    source_read: str = ""
    """When the source was read (``Nov 2026``); ``""`` when the result does not say."""


class ScoreTable(NamedTuple):
    """One suite's table on one page: its rows by group, and where each column's figures
    come from. Tuples, like :class:`Row`: a comparison page makes two of them."""

    suite_id: str
    suite: Suite
    bands: tuple[Band, ...]
    groups: tuple[RowGroup, ...]
    provenance: tuple[Provenance, ...]
    evaluated: int
    """How many of the columns have a run on this suite."""


# --- properties -----------------------------------------------------------------


class ListingColumn(NamedTuple):
    """A column of the index's models table: a property, its label, and what it sorts by."""

    id: Property
    label: str
    sort: str = ""
    """The key its rows sort by (``data-sort-<sort>`` on each row), when it is not the
    text of its cells; ``""`` to sort by the text."""


LISTING_COLUMNS = tuple(
    ListingColumn(prop, PROPERTY_LABELS[prop], "parameters" if prop is Property.PARAMETERS else "")
    for prop in (Property.ORGANIZATION, Property.CATEGORY, Property.PARAMETERS, Property.LICENSE)
)
"""The properties the index lists of each model; parameters sort by the count in units."""
_LISTING_INDEX = tuple(PROPERTY_INDEX[column.id] for column in LISTING_COLUMNS)


@dataclass(frozen=True)
class ListingRow:
    model: Profile
    cells: tuple[Cell, ...]


def listing(profiles: Sequence[Profile]) -> tuple[ListingRow, ...]:
    """One row per model with the properties of :data:`LISTING_COLUMNS`, for the index."""
    return tuple(
        ListingRow(p, tuple(p.properties[i]._replace(detail="") for i in _LISTING_INDEX))
        for p in profiles
    )


def properties(profiles: Sequence[Profile]) -> tuple[Row, ...]:
    return tuple(
        Row(label, tuple(p.properties[i] for p in profiles))
        for i, label in enumerate(PROPERTY_LABELS.values())
    )


# --- capabilities ---------------------------------------------------------------


def capabilities(
    profiles: Sequence[Profile], config: SiteConfig, *, every: bool = False, notes: bool = True
) -> tuple[RowGroup, ...]:
    """The capability matrix, grouped and ordered as in the taxonomy.

    With ``every``, all capabilities of the taxonomy; otherwise the union of
    those the models' cards mention (in any state). With ``notes``, each row
    says what its capability means (the taxonomy's description).
    """
    columns = [p.capabilities for p in profiles]
    # what any card states, by place in the taxonomy: a set lookup per capability per pair
    shown = None if every else frozenset().union(*[p.mentioned for p in profiles])
    groups = []
    index = 0
    for group in config.taxonomy:
        rows = []
        for cap in group.capabilities:
            if shown is None or index in shown:
                cells = tuple([column[index] for column in columns])
                rows.append(Row(cap.label, cells, (cap.description or "") if notes else ""))
            index += 1
        if rows:
            groups.append(RowGroup(group.label, tuple(rows)))
    return tuple(groups)


def glossary(config: SiteConfig) -> tuple[tuple[str, tuple[CapabilityDef, ...]], ...]:
    """What each capability means: the taxonomy's groups (by label) and their capabilities
    that have a description, leaving out groups with none."""
    described = (
        (group.label, tuple(cap for cap in group.capabilities if cap.description))
        for group in config.taxonomy
    )
    return tuple((label, caps) for label, caps in described if caps)


def shared_demo_tasks(profiles: Sequence[Profile], config: SiteConfig) -> list[str]:
    """Labels of the capabilities every one of the models can be tried on live."""
    shared = frozenset.intersection(*[p.demo_ids for p in profiles]) if profiles else frozenset()
    if not shared:  # most pairs: no taxonomy walk
        return []
    return [
        cap.label for group in config.taxonomy for cap in group.capabilities if cap.id in shared
    ]


# --- scores -----------------------------------------------------------------------


def column_provenance(profile: Profile, run: RunSummary | None) -> Provenance:
    """Where one column's figures come from, as the line under a score table says."""
    if run is None:
        return Provenance(profile.name, "not evaluated on this suite")
    result = run.result
    return Provenance(
        profile.name,
        f"{result.provenance}, {how_run(result)}",
        result.source.title,
        result.source.url or "",
        tuple(result.notes),
        formatting.date(result.source.read) if result.source.read else "",
    )


def how_run(result: Result) -> str:
    """When and how a run was made, as far as its result says: ``run May 2026, with
    lmms-eval 0.3.1 (temperature: 0)``."""
    text = f"run {formatting.date(result.date)}" if result.date else "run date not stated"
    harness = formatting.harness(result.harness)
    if harness:
        text += f", with {harness}"
    settings = formatting.settings(result.settings)
    if settings:
        text += f" ({settings})"
    return text


class EarlierRow(NamedTuple):
    """One earlier run of a model on a suite, as the model page lists it."""

    date: str
    harness: str
    """``lmms-eval 0.2.4``; ``""`` when the result does not say."""
    settings: str
    """``temperature: 0.7``; ``""`` when the result gives none."""
    overall: Cell
    covered: Cell
    change: Cell
    """The newest run's passed prompts against this run's, where both covered every prompt."""
    source: str
    source_url: str
    notes: tuple[str, ...]
    source_read: str = ""
    """When the source was read (``Nov 2025``); ``""`` when the result does not say."""


def earlier_rows(newest: RunSummary, earlier: Sequence[RunSummary]) -> tuple[EarlierRow, ...]:
    """A model's earlier runs on a suite (newest first), each with its figures and its
    change to the newest run."""
    rows = []
    for run in earlier:
        result = run.result
        assert result.date is not None  # an earlier run has a date
        rows.append(
            EarlierRow(
                formatting.date(result.date),
                formatting.harness(result.harness),
                formatting.settings(result.settings),
                overall_cell(run),
                covered_cell(run),
                change_cell(newest, run),
                result.source.title,
                result.source.url or "",
                tuple(result.notes),
                formatting.date(result.source.read) if result.source.read else "",
            )
        )
    return tuple(rows)


NOT_COMPARED = Cell("Not compared", "unknown", "the runs did not both cover every prompt")


def change_cell(newest: RunSummary, earlier: RunSummary) -> Cell:
    """How many more prompts the newest run passed than an earlier one, and the change in
    its pass rate, in points. Only where both covered every prompt of the suite, so that
    both answered the same prompts; a figure, not a claim (two runs of one model share
    their prompts: the test for independent samples does not apply, and totals do not pair)."""
    prompts = newest.suite.prompts
    if newest.covered != prompts or earlier.covered != prompts:
        return NOT_COMPARED
    passed = newest.passed - earlier.passed
    if passed == 0:
        return Cell("No change", detail=f"{newest.passed} of {prompts} in both")
    points = formatting.signed(newest.overall - earlier.overall, 2)
    return Cell(
        f"{formatting.signed(Decimal(passed), 0)} passed",
        detail=f"{points} points: {newest.passed} against {earlier.passed} of {prompts}",
    )


def overall_rate(profile: Profile, suite_id: str) -> Rate | None:
    """The model's overall pass rate on a suite as its score table holds it, with its
    verdicts when the run gives outcomes (made once per model, not once per pair);
    ``None`` when it has no run there."""
    for row in profile.score_rows.get(suite_id, ()):
        if row.measure is Measure.OVERALL:
            return row.rate
    return None


def _needed(row: ScoreRow, inputs: bool, outputs: bool) -> bool:
    """Token and cost rows appear only when some column has token figures (``inputs``:
    some run has median input tokens; ``outputs``: output tokens)."""
    if row.needs == "input":
        return inputs
    if row.needs == "output":
        return outputs
    return True


def _pair_rows(
    template: Sequence[ScoreRow],
    first: Sequence[ScoreRow | None],
    second: Sequence[ScoreRow | None],
    grouped: dict[Section, list[Row]],
    inputs: bool,
    outputs: bool,
    cost_compares: bool,
) -> None:
    """:func:`score_table`'s rows for two columns, as its loop makes them for any number:
    the rows of every pair page, so without the lists a row of any width needs."""
    for row, one, two in zip(template, first, second, strict=True):
        if row.needs and not _needed(row, inputs, outputs):
            continue
        values = (
            one.value if one is not None else None,
            two.value if two is not None else None,
        )
        better = row.better
        if better is not None and not cost_compares and row.measure is Measure.COST:
            better = None
        verdict = NO_LEAD
        if better is not None:
            rates = (one.rate if one is not None else None, two.rate if two is not None else None)
            verdict = claims.lead_of_two(values[0], values[1], better, rates)
        leader = verdict.leader
        cells = (
            NOT_EVALUATED if one is None else one.leading if leader == 0 else one.cell,
            NOT_EVALUATED if two is None else two.leading if leader == 1 else two.cell,
        )
        grouped[row.section].append(Row(row.label, cells, verdict.note, values))


def score_table(
    suite_id: str, suite: Suite, profiles: Sequence[Profile], bands: Sequence[Band]
) -> ScoreTable:
    runs = [p.runs.get(suite_id) for p in profiles]
    present = [run for run in runs if run is not None]
    columns = [p.score_rows.get(suite_id) for p in profiles]
    template = next(column for column in columns if column is not None) if present else ()
    currencies = {run.currency for run in present if run.currency is not None}
    inputs = any(run.result.median_input_tokens is not None for run in present)
    outputs = any(run.result.median_output_tokens is not None for run in present)
    grouped: dict[Section, list[Row]] = {section: [] for section in SECTION_LABELS}
    # A pair has two columns and about twenty rows on each of its N-1 pages: one pass over
    # the rows of every column at once, a column without a run being a column of Nones.
    absent = (None,) * len(template)
    filled = [column if column is not None else absent for column in columns]
    cost_compares = len(currencies) < 2  # amounts in different currencies do not compare
    if len(filled) == 2:
        _pair_rows(template, filled[0], filled[1], grouped, inputs, outputs, cost_compares)
    else:
        for row, entries in zip(template, zip(*filled, strict=True), strict=True):
            if row.needs and not _needed(row, inputs, outputs):
                continue
            values = tuple([entry.value if entry is not None else None for entry in entries])
            better = row.better
            if better is not None and not cost_compares and row.measure is Measure.COST:
                better = None
            verdict = NO_LEAD
            if better is not None:
                rates = [entry.rate if entry is not None else None for entry in entries]
                verdict = claims.lead(values, better, rates)
            leader = verdict.leader
            cells = tuple(
                [
                    NOT_EVALUATED if entry is None else entry.leading if i == leader else entry.cell
                    for i, entry in enumerate(entries)
                ]
            )
            grouped[row.section].append(Row(row.label, cells, verdict.note, values))
    return ScoreTable(
        suite_id=suite_id,
        suite=suite,
        bands=tuple(suite.bands or bands),
        groups=tuple(
            RowGroup(SECTION_LABELS[section], tuple(rows), section in SORTABLE_SECTIONS)
            for section, rows in grouped.items()
        ),
        provenance=tuple(column_provenance(p, r) for p, r in zip(profiles, runs, strict=True)),
        evaluated=len(present),
    )
