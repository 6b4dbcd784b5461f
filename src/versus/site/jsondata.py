"""The site's tables as JSON: ``api/models.json`` and a file per pair, from the pages' views.

Every file here is made from the same view models the pages are rendered from
(profiles, :mod:`versus.join.tables` rows, :class:`~versus.join.cells.Cell` values), so
the data says exactly what the pages say: each cell's text, its state, its
detail, its value and whether it leads its row.

- ``api/models.json``: every model (card facts, a property cell per row of the
  properties table, the state of every capability of the taxonomy, each run
  with its computed figures and its score rows), the taxonomy and the suites.
  The compare-several page (``compare/?m=a,b,c``) renders its tables from it.
- ``api/pairs/<a>-vs-<b>.json``: the capabilities and score tables of one pair page, and
  where the pair's runs differ prompt by prompt (every prompt, where the page lists a few).

Representation, fixed so that the same input gives the same bytes: UTF-8 with
sorted keys, no spaces and a final newline; whole numbers (counts, prompts,
tokens) are JSON integers, every other number (scores, prices, costs, seconds)
is a string holding the exact decimal versus computed, without exponent or
trailing zeros (``"62.68656716417910447761194030"``, ``"0.00008826"``); absent
values are ``null``.

Nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import orjson

from versus import urls as scheme
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.schema import Band, Harness, ModelCard, Source, Suite
from versus.inputs.scores import RunSummary
from versus.join import claims, compare, stats, tables
from versus.join.cells import CAPABILITY_CELLS, NOT_EVALUATED, TRY_LIVE, Cell
from versus.join.columns import PROPERTY_LABELS, ScoreRow
from versus.join.differences import SuiteDifferences
from versus.join.profiles import Profile
from versus.site.views import SiteViews
from versus.urls import Urls

SCHEMA_VERSION = 5
"""The shape of the JSON files; raised whenever a field changes meaning or goes away
(2: a pair's rows list their cells column by column, :func:`row_columns`; 3: a pair's
file leaves what does not depend on the pair to ``models.json``: its models' properties,
its suites' bands, its figures' provenance, its own address and title; 4: a model's
``category`` is ``open-weights``, ``api-only`` or ``research``, no longer ``open`` or
``closed``; 5: a price's ``as_of`` is the date its source gives, ``null`` when it gives
none, and ``read`` when it was read; a demo reads "Supported, live demo" unless it links
its address, ``demos``)."""

Json = dict[str, Any]

# --- values -------------------------------------------------------------------------


def number(value: Decimal | float | None) -> str | None:
    """An exact decimal as plain text: ``Decimal("80.0")`` -> ``"80"``; ``None`` stays ``None``."""
    if value is None:
        return None
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(exact.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def dumps(data: Any) -> bytes:
    """JSON bytes, the same for the same data: sorted keys, no spaces, UTF-8, final newline.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026`` (the
    same strings to a JSON parser), so that no text from a card reads as markup even
    where the JSON is mistaken for HTML or pasted into a page. Figures are strings
    (:func:`number`), so no float is ever formatted. Encoded by orjson, faster than the
    standard library's encoder with the same bytes: a site has a JSON file per pair.
    """
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    return text.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def cell_data(cell: Cell, value: Decimal | None = None) -> Json:
    """One table cell as the page prints it, with the value its row's leader is chosen by.

    Only ``text`` and ``state`` are always there: a field with nothing to say (no detail,
    no value, not the leader, no band) is left out, which keeps a pair's file small.
    """
    data: Json = {"text": cell.text, "state": cell.state}
    # One test per field, no dict of all of them: models.json holds every model's cells.
    if cell.detail:
        data["detail"] = cell.detail
    if value is not None:
        data["value"] = number(value)
    if cell.leader:
        data["leader"] = True
    if cell.band:
        data["band"] = cell.band
    if cell.band_label:
        data["band_label"] = cell.band_label
    if cell.percent is not None:
        data["percent"] = number(cell.percent)
    if cell.low is not None:
        data["low"] = number(cell.low)
    if cell.high is not None:
        data["high"] = number(cell.high)
    if cell.href:
        data["href"] = cell.href
    return data


# --- tables ---------------------------------------------------------------------------


CellColumns = tuple[str, str, str | None, str | None, str | None, str | None]
"""A cell's entries in a row of a pair's file: text, state, detail, band, low, high."""


def cell_columns(cell: Cell) -> CellColumns:
    """What :func:`row_columns` lists of one cell."""
    return (
        cell.text,
        cell.state,
        cell.detail or None,
        cell.band or None,
        number(cell.low),
        number(cell.high),
    )


class CellFields:
    """:func:`cell_columns`, once per cell: a pair's cells are its models' own cell objects,
    the same on each of a model's N-1 pair files, so they are kept by identity (with the
    cell, so that its ``id`` is not reused while it is here)."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Cell, CellColumns]] = {}

    def __call__(self, cell: Cell) -> CellColumns:
        kept = self._kept.get(id(cell))
        if kept is None or kept[0] is not cell:
            kept = self._kept[id(cell)] = (cell, cell_columns(cell))
        return kept[1]


def row_columns(row: tables.Row, fields: Callable[[Cell], CellColumns] = cell_columns) -> Json:
    """A row of a pair's table, column by column: ``{"label", "text": [...]}``, plus, only
    where a cell has one, ``note``, each cell's ``state`` (where any is not a plain
    ``value``), ``detail``, ``band`` and 95% interval ``low`` and ``high`` (``null`` for a
    cell without), and ``leader``: the positions of the cells that lead the row.

    Lists of the row's cells instead of an object per cell: a pair has fifty rows, and
    its file takes about half the bytes the same cells take as objects.
    """
    cells = row.cells
    if len(cells) == 2:
        return _two_columns(row, fields(cells[0]), fields(cells[1]))
    data: Json = {"label": row.label}
    text, state, detail, band, low, high = map(list, zip(*map(fields, cells), strict=True))
    data["text"] = text
    if row.note:
        data["note"] = row.note
    if any(one != "value" for one in state):
        data["state"] = state
    if any(detail):
        data["detail"] = detail
    if any(band):
        data["band"] = band
    if any(bound is not None for bound in low):
        data["low"], data["high"] = low, high
    leaders = [place for place, cell in enumerate(row.cells) if cell.leader]
    if leaders:
        data["leader"] = leaders
    return data


def _two_columns(row: tables.Row, one: CellColumns, two: CellColumns) -> Json:
    """:func:`row_columns` of a row of two cells (a pair's every row), without the loops."""
    data: Json = {"label": row.label, "text": [one[0], two[0]]}
    if row.note:
        data["note"] = row.note
    if one[1] != "value" or two[1] != "value":
        data["state"] = [one[1], two[1]]
    if one[2] or two[2]:
        data["detail"] = [one[2], two[2]]
    if one[3] or two[3]:
        data["band"] = [one[3], two[3]]
    if one[4] is not None or two[4] is not None:
        data["low"], data["high"] = [one[4], two[4]], [one[5], two[5]]
    first, second = row.cells
    if first.leader or second.leader:
        data["leader"] = [0, 1] if first.leader and second.leader else [0 if first.leader else 1]
    return data


def group_columns(
    group: tables.RowGroup, fields: Callable[[Cell], CellColumns] = cell_columns
) -> Json:
    return {"label": group.label, "rows": [row_columns(row, fields) for row in group.rows]}


def capability_columns(group: tables.RowGroup) -> Json:
    """A group of the capabilities table: each row's label and each model's state (the text
    a state is shown as, and what each capability means, are in ``models.json``)."""
    return {
        "label": group.label,
        "rows": [{"label": row.label, "state": [c.state for c in row.cells]} for row in group.rows],
    }


def band_data(band: Band) -> Json:
    return {"id": band.id, "label": band.label, "min": number(band.min)}


def provenance_data(item: tables.Provenance) -> Json:
    return {
        "model": item.model,
        "text": item.text,
        "source": item.source or None,
        "source_url": item.source_url or None,
        "source_read": item.source_read or None,
    }


def score_table_data(
    table: tables.ScoreTable, fields: Callable[[Cell], CellColumns] = cell_columns
) -> Json:
    """A score table of a pair, row by row (:func:`row_columns`)."""
    return {
        "suite": table.suite_id,
        "name": table.suite.name,
        "evaluated": table.evaluated,
        "groups": [group_columns(group, fields) for group in table.groups],
    }


def differences_data(suite: SuiteDifferences) -> Json:
    """Where a pair differs on one suite, every prompt of it: per category, the ids of the
    prompts both runs answered that only the first model passed, and only the second
    (``only``, column by column as a row lists its cells), in the suite's order."""
    categories = [
        {"id": category.id, "label": category.label, "only": [list(ids) for ids in category.only]}
        for category in suite.categories
    ]
    return {
        "suite": suite.suite_id,
        "name": suite.name,
        "common": suite.common,
        "only": list(suite.only),
        "categories": categories,
    }


def model_ref(profile: Profile, urls: Urls) -> Json:
    return {"id": profile.id, "name": profile.name, "url": urls(profile.path)}


def pair_data(
    pair: compare.PairTables, urls: Urls, fields: Callable[[Cell], CellColumns] = cell_columns
) -> Json:
    """``api/pairs/<a>-vs-<b>.json``: what the pair page shows of the two models together,
    as it shows it: the state of each capability, each suite's score table with its leaders,
    and, where both runs of a suite give outcomes, every prompt on which they differ
    (``differences``, :func:`differences_data`; the page prints a few).

    What does not depend on the pair is in ``models.json`` once, not in each of a model's
    N-1 pair files: each model's properties (``models[].properties``), where each model's
    figures come from (``models[].runs[suite].provenance_line``, ``not_evaluated``) and
    each suite's bands (``suites[].bands``). It is about a seventh of a pair's output."""
    a, b = pair.models
    folder = scheme.pair(a.id, b.id)
    data: Json = {
        "schema_version": SCHEMA_VERSION,
        "kind": "pair",
        "url": urls(folder),
        "models": [model_ref(profile, urls) for profile in pair.models],
        "demo_tasks": list(pair.demo_tasks),
        "capabilities": [capability_columns(group) for group in pair.capabilities],
        "scores": [score_table_data(table, fields) for table in pair.shown],
        "unevaluated_suites": [
            {"id": suite_id, "name": table.suite.name}
            for suite_id, table in pair.scores.items()
            if not table.evaluated
        ],
    }
    # only where both runs of a suite give outcomes: a pair of totals-only runs has none
    if pair.differences:
        data["differences"] = [differences_data(suite) for suite in pair.differences]
    return data


# --- models.json ----------------------------------------------------------------------


def _source(source: Source | None) -> Json | None:
    if source is None:
        return None
    return {"title": source.title, "url": source.url, "read": _date(source.read)}


def card_data(card: ModelCard) -> Json:
    """The facts of a model card, as the contributor gave them (figures exact)."""
    params = card.parameters
    license_ = card.license
    pricing = card.pricing
    return {
        "name": card.name,
        "organization": card.organization,
        "category": card.category,
        "modality": card.modality,
        "summary": card.summary,
        "description": card.description,
        "released": _date(card.released),
        "parameters": None
        if params is None
        else {
            "disclosed": params.disclosed,
            "total": params.total,
            "active": params.active,
            "variants": [
                {"name": v.name, "total": v.total, "active": v.active} for v in params.variants
            ],
            "note": params.note,
        },
        "context_window": card.context_window,
        "license": None
        if license_ is None
        else {
            "name": license_.name,
            "spdx": license_.spdx,
            "url": license_.url,
            "note": license_.note,
        },
        "pricing": None
        if pricing is None
        else {
            "currency": pricing.currency,
            "input_per_million": number(pricing.input_per_million),
            "output_per_million": number(pricing.output_per_million),
            "as_of": _date(pricing.as_of),
            "source": pricing.source,
            "url": pricing.url,
            "read": _date(pricing.read),
        },
        "links": {
            "homepage": card.links.homepage,
            "paper": card.links.paper,
            "weights": card.links.weights,
            "code": card.links.code,
            "demo": card.links.demo,
        },
        "sources": [_source(source) for source in card.sources],
        "notes": list(card.notes),
        "data_notes": list(card.data_notes),
    }


def score_row_data(row: ScoreRow) -> Json:
    """One model's entry in one row of a score table, with what a wider table needs to
    choose the row's leader (``better``) and to keep or drop the row (``needs``)."""
    return {
        "group": row.group,
        "measure": row.measure.value if row.measure is not None else None,
        "label": row.label,
        "better": row.better,
        "needs": row.needs or None,
        "rate": [row.rate.passed, row.rate.total] if row.rate is not None else None,
        "cell": cell_data(row.cell, row.value),
    }


def run_data(profile: Profile, suite_id: str, run: RunSummary, urls: Urls) -> Json:
    """One model's run on one suite (its newest): every figure as computed, and its score
    table's rows; and the runs before it (``earlier_runs``, newest first, their figures)."""
    provenance = tables.column_provenance(profile, run)
    return {
        **figures_data(run),
        "provenance_line": provenance_data(provenance),
        "rows": [score_row_data(row) for row in profile.score_rows[suite_id]],
        "csv": urls(scheme.model_csv(profile.id, suite_id)),
        "earlier_runs": [figures_data(earlier) for earlier in profile.earlier.get(suite_id, ())],
    }


def _harness(harness: Harness | None) -> Json | None:
    return None if harness is None else {"name": harness.name, "version": harness.version}


def figures_data(run: RunSummary) -> Json:
    """What one run gives and what versus computes from it: its figures, when and how it
    was made, where the figures come from."""
    result = run.result
    return {
        "overall": number(run.overall),
        "band": run.band.id,
        "passed": run.passed,
        "covered": run.covered,
        "prompts": run.suite.prompts,
        "coverage": number(run.coverage),
        "categories": [
            {
                "id": score.category.id,
                "label": score.category.label,
                "passed": score.passed,
                "total": score.total,
                "percent": number(score.percent),
                "band": score.band.id if score.band is not None else None,
            }
            for score in run.categories
        ],
        "avg_response_seconds": number(result.avg_response_seconds),
        "median_input_tokens": result.median_input_tokens,
        "median_output_tokens": result.median_output_tokens,
        "usage_shown": run.usage_shown,
        "cost_per_task": number(run.cost_per_task),
        "currency": run.currency,
        "provenance": result.provenance,
        "date": _date(result.date),
        "harness": _harness(result.harness),
        "settings": dict(result.settings),
        "source": _source(result.source),
        "notes": list(result.notes),
    }


def model_data(profile: Profile, views: SiteViews, urls: Urls) -> Json:
    taxonomy = views.catalog.config.taxonomy
    ids = [cap.id for group in taxonomy for cap in group.capabilities]
    return {
        "id": profile.id,
        "url": urls(profile.path),
        **card_data(profile.card),
        "properties": [cell_data(cell) for cell in profile.properties],
        "capabilities": {
            cap_id: cell.state for cap_id, cell in zip(ids, profile.capabilities, strict=True)
        },
        "demos": profile.demos,
        "runs": {
            suite_id: run_data(profile, suite_id, run, urls)
            for suite_id, run in profile.runs.items()
        },
    }


def suite_data(suite_id: str, suite: Suite, bands: Sequence[Band], urls: Urls) -> Json:
    return {
        "id": suite_id,
        "name": suite.name,
        "summary": suite.summary,
        "description": suite.description,
        "methodology": suite.methodology,
        "prompts": suite.prompts,
        "scoring": suite.scoring,
        "coverage_threshold": number(suite.coverage_threshold),
        "categories": [
            {"id": category.id, "label": category.label, "prompts": category.prompts}
            for category in suite.categories
        ],
        "bands": [band_data(band) for band in (suite.bands or bands)],
        "source": _source(suite.source),
        "leaderboard_csv": urls(scheme.leaderboard_csv(suite_id)),
    }


def models_data(views: SiteViews, urls: Urls) -> Json:
    """``api/models.json``: every model, the taxonomy and the suites."""
    catalog = views.catalog
    config = catalog.config
    profiles = list(views.profiles.values())
    not_evaluated = tables.column_provenance(profiles[0], None).text if profiles else None
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "models",
        "site": {"title": config.title, "description": config.description, "url": urls.base},
        "urls": {
            "models_json": urls(scheme.MODELS_JSON),
            "compare": urls(scheme.COMPARE),
            "llms_txt": urls(scheme.LLMS_TXT),
            "model_page": urls(scheme.MODEL),
            "model_csv": urls(scheme.MODEL_CSV),
            "pair_page": urls(scheme.PAIR),
            "pair_json": urls(scheme.PAIR_JSON),
            "suite_page": urls(scheme.SUITE),
            "prompt_page": urls(scheme.PROMPT),
        },
        "bands": [band_data(band) for band in config.bands],
        # what a script needs to mark a row's best by the rules of versus.join.claims
        "rules": {
            "confidence": stats.CONFIDENCE,
            "z": stats.z_for(stats.CONFIDENCE),
            "clear_ratio": number(claims.CLEAR_RATIO),
            "level": claims.LEVEL,
            "about_the_same": claims.ABOUT_THE_SAME,
        },
        "properties": list(PROPERTY_LABELS),
        "capability_cells": {
            (state or "unknown"): cell_data(cell) for state, cell in CAPABILITY_CELLS.items()
        },
        "demo_link_text": TRY_LIVE,
        "not_evaluated": {"cell": cell_data(NOT_EVALUATED), "provenance": not_evaluated},
        "taxonomy": [
            {
                "id": group.id,
                "label": group.label,
                "capabilities": [
                    {"id": cap.id, "label": cap.label, "description": cap.description}
                    for cap in group.capabilities
                ],
            }
            for group in config.taxonomy
        ],
        "suites": [
            suite_data(suite_id, suite, config.bands, urls)
            for suite_id, suite in catalog.suites.items()
        ],
        "models": [model_data(profile, views, urls) for profile in profiles],
    }
