"""The site's data as JSON: ``api/models.json`` and a model's outcomes, from the pages' views.

Every file here is made from the same view models the pages are rendered from
(profiles, :mod:`versus.join.tables` rows, :class:`~versus.join.cells.Cell` values), so
the data says exactly what the pages say: each cell's text, its state, its
detail, its value and whether it leads its row.

- ``api/models.json``: every model (card facts, a property cell per row of the
  properties table, the state of every capability of the taxonomy, each run
  with its computed figures and its score rows), the taxonomy and the suites.
  The compare-several page (``compare/?m=a,b,c``) renders its tables from it.
- ``api/outcomes/<id>.json``: a model's verdict on every prompt, for the suites whose
  run gives outcomes; where two models differ is found from two of them (a pair page
  lists a few), so that nothing is written once per pair.

Representation, fixed so that the same input gives the same bytes: UTF-8 with
sorted keys, no spaces and a final newline; whole numbers (counts, prompts,
tokens) are JSON integers, every other number (scores, prices, costs, seconds)
is a string holding the exact decimal versus computed, without exponent or
trailing zeros (``"62.68656716417910447761194030"``, ``"0.00008826"``); absent
values are ``null``.

Nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import orjson

from versus import urls as scheme
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.schema import Band, Harness, ModelCard, Source, Suite
from versus.inputs.scores import RunSummary
from versus.join import claims, lead, stats, tables
from versus.join.cells import CAPABILITY_CELLS, NOT_EVALUATED, TRY_LIVE, Cell
from versus.join.columns import PROPERTY_LABELS, SECTION_LABELS, ScoreRow, scoring_note
from versus.join.profiles import PriceSource, Profile
from versus.site.views import SiteViews
from versus.urls import Urls

SCHEMA_VERSION = 6
"""The shape of the JSON files, raised whenever a field changes meaning or goes away (a
field added leaves it as it is); README.md's "Stable bytes" says what the latest raises changed."""

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
    standard library's encoder with the same bytes: ``models.json`` is megabytes at scale.
    """
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    return text.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def cell_data(cell: Cell, value: Decimal | None = None) -> Json:
    """One table cell as the page prints it, with the value its row's leader is chosen by.

    Only ``text`` and ``state`` are always there: a field with nothing to say (no detail,
    no value, not the leader, no band) is left out, which keeps ``models.json`` small.
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


def band_data(band: Band) -> Json:
    return {"id": band.id, "label": band.label, "min": number(band.min)}


def price_source_data(price: PriceSource | None) -> Json | None:
    """Where a model's prices come from, as the line under a properties table prints it
    (``read`` as printed, ``Nov 2026``); ``None`` when its card lists no prices."""
    if price is None:
        return None
    return {"source": price.source, "url": price.url or None, "read": price.read or None}


def provenance_data(item: tables.Provenance) -> Json:
    return {
        "model": item.model,
        "text": item.text,
        "source": item.source or None,
        "source_url": item.source_url or None,
        "source_read": item.source_read or None,
    }


# --- a model's outcomes -----------------------------------------------------------------


def model_ref(profile: Profile, urls: Urls) -> Json:
    return {"id": profile.id, "name": profile.name, "url": urls(profile.path)}


def outcomes_data(profile: Profile, urls: Urls) -> Json:
    """``api/outcomes/<id>.json``: the model's verdict on each prompt its run answered, for
    every suite whose run gives outcomes, per category (in the suite's order; a category
    the run answered nothing of is left out): ``passed`` and ``failed``, prompt ids in the
    suite's order. Where two models differ is the prompts one file lists as passed and the
    other as failed: a pair page prints a few of them; no file is written per pair."""
    suites = []
    for suite_id, run in profile.runs.items():
        if not run.outcomes:
            continue
        verdicts: dict[str, tuple[list[str], list[str]]] = {
            score.category.id: ([], []) for score in run.categories
        }
        for prompt_id, outcome in run.outcomes.items():
            verdicts[outcome.category][0 if outcome.passed else 1].append(prompt_id)
        categories = [
            {"id": category, "passed": passed, "failed": failed}
            for category, (passed, failed) in verdicts.items()
            if passed or failed
        ]
        suites.append({"suite": suite_id, "categories": categories})
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "outcomes",
        "model": model_ref(profile, urls),
        "suites": suites,
    }


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
    choose the row's leader (``better``) and to keep or drop the row (``needs``).

    A row is matched by its ids, never by a label: ``section`` (a summary row, or a
    category's), then ``measure`` (a summary row's) or ``category`` (a category's id);
    ``group`` is the section's heading as printed."""
    return {
        "group": SECTION_LABELS[row.section],
        "section": row.section.value,
        "category": row.category,
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
        "price_source": price_source_data(profile.price_source),
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
        # what a score table says of the suite's scoring, as every page prints it
        "scoring_note": scoring_note(suite),
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
            "model_outcomes": urls(scheme.MODEL_OUTCOMES),
            "suite_page": urls(scheme.SUITE),
            "prompt_page": urls(scheme.PROMPT),
        },
        "bands": [band_data(band) for band in config.bands],
        # what a script needs to mark a row's best by the rules of versus.join.claims,
        # and to write a pair's lead (versus.join.lead) as its page does
        "rules": {
            "confidence": stats.CONFIDENCE,
            "z": stats.z_for(stats.CONFIDENCE),
            "alpha": stats.ALPHA,
            "listed_up_to": lead.LISTED_UP_TO,
            # the capability states in which a card claims a capability
            "claimed": list(claims.CLAIMED),
            "clear_ratio": number(claims.CLEAR_RATIO),
            "level": claims.LEVEL,
            "about_the_same": claims.ABOUT_THE_SAME,
            # the same notes in a row of three or more values
            "level_at_top": claims.LEVEL_AT_TOP,
            "about_the_same_at_top": claims.ABOUT_THE_SAME_AT_TOP,
        },
        # which pairs have a page (pair_page): those both of whose ids one group holds;
        # null when every pair has one. The others are compared on the compare page.
        "pair_groups": views.pair_groups(),
        "properties": list(PROPERTY_LABELS.values()),
        "property_ids": [prop.value for prop in PROPERTY_LABELS],
        # a score table's sections, in order, each with the heading its rows are printed under
        "sections": [
            {"id": section.value, "label": label} for section, label in SECTION_LABELS.items()
        ],
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
