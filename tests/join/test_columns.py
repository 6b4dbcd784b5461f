"""Direct tests of :mod:`versus.join.columns`: one model's column of every table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from support import fixture_project
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.inputs.schema import ModelCard, Result
from versus.inputs.scores import RunSummary, summarize
from versus.join import columns
from versus.join.cells import UNKNOWN, Cell
from versus.join.columns import (
    MEASURE_LABELS,
    PROPERTY_INDEX,
    PROPERTY_LABELS,
    SECTION_LABELS,
    Measure,
    Property,
    ScoreRow,
    Section,
)

SUITE = "vision-evals"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_project(fixture_project(tmp_path_factory.mktemp("columns") / "project"))


def card(catalog: Catalog, model_id: str, **changes: Any) -> ModelCard:
    return catalog.models[model_id].model_copy(update=changes)


def run(
    catalog: Catalog, model_id: str, pricing_of: str | None = None, **changes: Any
) -> RunSummary:
    """``model_id``'s run with ``changes``, priced as ``pricing_of``'s card (default: its own)."""
    result = catalog.result(SUITE, model_id)
    assert isinstance(result, Result)
    pricing = catalog.models[pricing_of or model_id].pricing
    suite = catalog.suites[SUITE]
    return summarize(suite, result.model_copy(update=changes), pricing, catalog.config.bands)


def by_measure(rows: tuple[ScoreRow, ...]) -> dict[Measure, ScoreRow]:
    return {row.measure: row for row in rows if row.measure is not None}


# --- properties -----------------------------------------------------------------------


def test_property_cells_follow_the_property_rows(catalog: Catalog) -> None:
    cells = columns.property_cells(catalog.models["gemma-4-26b-a4b"])
    assert list(columns.PROPERTIES) == list(PROPERTY_LABELS) == list(Property)
    assert len(cells) == len(PROPERTY_LABELS)
    texts = dict(zip(PROPERTY_LABELS, [c.text for c in cells], strict=True))
    assert texts[Property.ORGANIZATION] == "Google"
    assert texts[Property.CATEGORY] == "Open weights"
    assert texts[Property.PARAMETERS] == "25.2B total, 3.8B active"
    assert texts[Property.CONTEXT_WINDOW] == "256K tokens"
    assert texts[Property.INPUT_PRICE] == "$0.06"
    price = cells[PROPERTY_INDEX[Property.INPUT_PRICE]]
    assert price.detail.startswith("as of ")


def test_parameter_variants_are_listed_with_their_names(catalog: Catalog) -> None:
    cells = columns.property_cells(catalog.models["florence-2"])
    parameters = cells[PROPERTY_INDEX[Property.PARAMETERS]]
    assert parameters.text == "230M (Florence-2-base), 770M (Florence-2-large)"
    assert parameters.detail  # the card's note


def test_a_model_without_released_weights_is_not_open_weights(catalog: Catalog) -> None:
    cells = columns.property_cells(catalog.models["sam-clip"])
    texts = dict(zip(PROPERTY_LABELS, [c.text for c in cells], strict=True))
    assert texts[Property.CATEGORY] == "Research, no weights released"


def test_missing_figures_are_unknown(catalog: Catalog) -> None:
    bare = card(
        catalog,
        "gemma-4-26b-a4b",
        parameters=None,
        pricing=None,
        license=None,
        context_window=None,
        released=None,
    )
    cells = dict(zip(PROPERTY_LABELS, columns.property_cells(bare), strict=True))
    for prop in (
        Property.PARAMETERS,
        Property.INPUT_PRICE,
        Property.OUTPUT_PRICE,
        Property.LICENSE,
        Property.CONTEXT_WINDOW,
        Property.RELEASED,
    ):
        assert cells[prop] == UNKNOWN, prop
    assert cells[Property.ORGANIZATION].state == "value"


def test_undisclosed_parameters_are_not_unknown(catalog: Catalog) -> None:
    model = catalog.models["gemma-4-26b-a4b"]
    assert model.parameters is not None
    hidden = model.parameters.model_copy(update={"disclosed": False, "note": "kept secret"})
    cells = columns.property_cells(card(catalog, "gemma-4-26b-a4b", parameters=hidden))
    parameters = cells[PROPERTY_INDEX[Property.PARAMETERS]]
    assert (parameters.text, parameters.state, parameters.detail) == (
        "Not disclosed",
        "undisclosed",
        "kept secret",
    )


# --- score rows -----------------------------------------------------------------------


def test_score_rows_carry_their_measure_ids_in_order(catalog: Catalog) -> None:
    rows = columns.score_rows(run(catalog, "gemma-4-26b-a4b"))
    summary = [row for row in rows if row.section is Section.SUMMARY]
    assert [row.measure for row in summary] == list(MEASURE_LABELS)
    assert [row.label for row in summary] == list(MEASURE_LABELS.values())
    assert all(row.category is None for row in summary)
    categories = [row for row in rows if row.section is Section.CATEGORIES]
    suite_categories = catalog.suites[SUITE].categories
    assert [row.label for row in categories] == [c.label for c in suite_categories]
    assert all(row.measure is None for row in categories)
    assert len(rows) == len(summary) + len(categories)


def test_a_category_row_carries_its_category_id(catalog: Catalog) -> None:
    """A category's row is known by the category's id, never by its label or its place."""
    rows = columns.score_rows(run(catalog, "gemma-4-26b-a4b"))
    categories = [row for row in rows if row.section is Section.CATEGORIES]
    assert [row.category for row in categories] == [c.id for c in catalog.suites[SUITE].categories]
    assert list(SECTION_LABELS) == list(Section)


def test_score_rows_know_which_way_is_better(catalog: Catalog) -> None:
    rows = by_measure(columns.score_rows(run(catalog, "gemma-4-26b-a4b")))
    assert rows[Measure.OVERALL].better == "higher"
    assert rows[Measure.RESPONSE].better == "lower"
    assert rows[Measure.COST].better == "lower"
    assert rows[Measure.COVERED].better is None
    assert (rows[Measure.INPUT_TOKENS].needs, rows[Measure.OUTPUT_TOKENS].needs) == (
        "input",
        "output",
    )
    assert rows[Measure.COST].needs == "input"
    assert rows[Measure.OVERALL].needs == ""


def test_score_row_values_and_leading_cells(catalog: Catalog) -> None:
    summary = run(catalog, "gemma-4-26b-a4b")
    rows = by_measure(columns.score_rows(summary))
    overall = rows[Measure.OVERALL]
    assert overall.value == summary.overall
    assert overall.cell.text == "68.66%"
    assert overall.cell.detail == "46/67"
    assert not overall.cell.leader
    assert overall.leading == overall.cell._replace(leader=True)
    assert rows[Measure.RESPONSE].value == Decimal("30.23")
    assert rows[Measure.COST].value == summary.cost_per_task
    assert rows[Measure.INPUT_TOKENS].cell.text == "294"
    # a row without a value has nothing to lead by: its leading cell is its cell
    covered = rows[Measure.COVERED]
    assert covered.value is None
    assert covered.leading == covered.cell
    assert covered.cell.text == "67 of 67 prompts"


def test_a_missing_figure_is_not_reported_and_has_no_value(catalog: Catalog) -> None:
    rows = by_measure(
        columns.score_rows(
            run(
                catalog,
                "gemma-4-26b-a4b",
                avg_response_seconds=None,
                median_input_tokens=None,
                median_output_tokens=None,
                cost_per_task=None,
            )
        )
    )
    for measure in (Measure.RESPONSE, Measure.INPUT_TOKENS, Measure.OUTPUT_TOKENS, Measure.COST):
        row = rows[measure]
        assert (row.cell.text, row.cell.state) == ("Not reported", "not-reported"), measure
        assert row.value is None
        assert not row.leading.leader
    assert rows[Measure.COST].cell.detail == "no token figures"


def test_tokens_without_a_price_give_an_unknown_cost(catalog: Catalog) -> None:
    rows = by_measure(
        columns.score_rows(run(catalog, "gemma-4-26b-a4b", "gemma-4-12b", cost_per_task=None))
    )
    cost = rows[Measure.COST]
    assert (cost.cell.text, cost.cell.state, cost.cell.detail) == (
        "Unknown",
        "unknown",
        "no price listed",
    )
    assert cost.value is None
    assert rows[Measure.INPUT_TOKENS].cell.text == "294"


def test_a_run_under_the_coverage_threshold_hides_usage(catalog: Catalog) -> None:
    result = catalog.result(SUITE, "gemma-4-26b-a4b")
    assert result is not None
    # drop the largest category: 48 of 67 prompts covered, under the suite's 90%
    kept = {k: v for k, v in result.categories.items() if k != "spatial-understanding"}
    rows = columns.score_rows(run(catalog, "gemma-4-26b-a4b", categories=kept, cost_per_task=None))
    measures = by_measure(rows)
    for measure in (Measure.INPUT_TOKENS, Measure.OUTPUT_TOKENS, Measure.COST):
        assert measures[measure].cell.state == "below-coverage", measure
        assert measures[measure].cell.text == "Not shown"
        assert measures[measure].value is None
    assert measures[Measure.COVERED].cell.text == "48 of 67 prompts"
    spatial = next(row for row in rows if row.label == "Spatial Understanding")
    assert (spatial.cell.text, spatial.cell.state) == ("Not run", "not-run")
    assert spatial.cell.detail == "run covered none of the 19 prompts of this category"
    assert spatial.value is None
    assert spatial.leading == spatial.cell


def test_a_category_of_one_prompt_the_run_skipped_says_so(catalog: Catalog) -> None:
    # The suite has a prompt there: "no prompts of this category" would be false.
    suite = catalog.suites[SUITE]
    one = [
        c.model_copy(update={"prompts": 1}) if c.id == "object-counting" else c
        for c in suite.categories
    ]
    suite = suite.model_copy(update={"categories": one, "prompts": suite.prompts - 9})
    result = catalog.result(SUITE, "gemma-4-26b-a4b")
    assert isinstance(result, Result)
    kept = {k: v for k, v in result.categories.items() if k != "object-counting"}
    summary = summarize(
        suite, result.model_copy(update={"categories": kept}), None, catalog.config.bands
    )
    counting = next(row for row in columns.score_rows(summary) if row.label == "Object Counting")
    assert counting.cell == Cell(
        "Not run", "not-run", "run did not cover the one prompt of this category"
    )


def test_category_cells_have_a_band_and_a_bar(catalog: Catalog) -> None:
    rows = columns.score_rows(run(catalog, "gemma-4-26b-a4b"))
    defects = next(row for row in rows if row.label == "Defect Detection")
    assert defects.cell.text == "80%"
    assert defects.cell.detail == "12/15"
    assert defects.value == Decimal(80)
    assert defects.better == "higher"
    assert defects.cell.band
    assert defects.cell.bar == "80.0"


def test_scoring_note_states_the_threshold(catalog: Catalog) -> None:
    note = columns.scoring_note(catalog.suites[SUITE])
    assert "at least 90% of the prompts" in note


def test_thresholds_are_printed_as_configured(catalog: Catalog) -> None:
    # 48 of 67 prompts is 71.64%: under 71.645%, but not under 71.6%, as rounding would say
    suite = catalog.suites[SUITE].model_copy(update={"coverage_threshold": 71.645})
    result = catalog.result(SUITE, "gemma-4-26b-a4b")
    assert isinstance(result, Result)
    kept = {k: v for k, v in result.categories.items() if k != "spatial-understanding"}
    pricing = catalog.models["gemma-4-26b-a4b"].pricing
    summary = summarize(
        suite,
        result.model_copy(update={"categories": kept, "cost_per_task": None}),
        pricing,
        catalog.config.bands,
    )
    assert not summary.usage_shown
    rows = by_measure(columns.score_rows(summary))
    under = "run covered under 71.645% of prompts"
    # one wording for every figure the coverage rule hides or leaves uncompared
    assert rows[Measure.INPUT_TOKENS].cell.detail == under
    assert rows[Measure.OUTPUT_TOKENS].cell.detail == under
    assert (rows[Measure.COST].cell.state, rows[Measure.COST].cell.detail) == (
        "below-coverage",
        under,
    )
    assert rows[Measure.RESPONSE].cell.detail == f"not compared: {under}"
    assert "at least 71.645% of the prompts" in columns.scoring_note(suite)


def test_a_time_under_the_coverage_threshold_is_shown_but_leads_nothing(
    catalog: Catalog,
) -> None:
    """Its row value (what a leader is chosen by) is None: claims.compares_time_and_cost."""
    result = catalog.result(SUITE, "gemma-4-26b-a4b")
    assert isinstance(result, Result)
    kept = {k: v for k, v in result.categories.items() if k != "spatial-understanding"}
    summary = summarize(
        catalog.suites[SUITE],
        result.model_copy(update={"categories": kept, "cost_per_task": None}),
        catalog.models["gemma-4-26b-a4b"].pricing,
        catalog.config.bands,
    )
    assert not summary.usage_shown
    assert result.avg_response_seconds is not None
    time = by_measure(columns.score_rows(summary))[Measure.RESPONSE]
    assert time.cell.state == "value"
    assert time.cell.text.endswith(" s")
    assert time.value is None
    assert time.leading is time.cell
    assert by_measure(columns.score_rows(run(catalog, "gemma-4-26b-a4b")))[
        Measure.RESPONSE
    ].value == Decimal(str(result.avg_response_seconds))


@pytest.mark.parametrize(("threshold", "shown"), [(90, "90%"), (90.0, "90%"), (0.5, "0.5%")])
def test_whole_thresholds_read_without_decimals(
    catalog: Catalog, threshold: float, shown: str
) -> None:
    suite = catalog.suites[SUITE].model_copy(update={"coverage_threshold": threshold})
    assert f"at least {shown} of the prompts" in columns.scoring_note(suite)
