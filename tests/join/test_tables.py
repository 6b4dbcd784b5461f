"""Direct tests of :mod:`versus.join.tables`: which rows and cells a table holds, and which
cell leads a row, over two and three columns built from the tests' own catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import fixture_project, write
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.inputs.schema import CategoryResult
from versus.inputs.scores import RunSummary, summarize
from versus.join import tables
from versus.join.cells import NOT_EVALUATED, UNKNOWN, Cell
from versus.join.claims import LEVEL, LEVEL_AT_TOP
from versus.join.columns import MEASURE_LABELS, PROPERTY_INDEX, PROPERTY_LABELS, Measure, Property
from versus.join.profiles import Profile, build_profiles

SUITE = "vision-evals"

# A third run beside the sample's two (gemma-4-12b: 42 of 67, gemma-4-26b-a4b: 46 of 67).
# It ties gemma-4-26b-a4b's overall score (46 of 67 passed); it leads object counting beyond
# chance (10 of 10 against 1 of 10 each); its 15 of 15 in defect detection is significantly
# above gemma-4-12b's 11 but not gemma-4-26b-a4b's 12; it answers fastest (5.0 s against
# 6.88 s, 1.376 times); document understanding is a three-way tie (8 of 9).
PALIGEMMA_RUN = """
provenance: self-reported
source:
  title: A test run
  url: https://example.org/run
date: "2026-05"
categories:
  defect-detection: {passed: 15, total: 15}
  document-understanding: {passed: 8, total: 9}
  object-counting: {passed: 10, total: 10}
  object-understanding: {passed: 5, total: 14}
  spatial-understanding: {passed: 8, total: 19}
avg_response_seconds: 5.0
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    project = fixture_project(tmp_path_factory.mktemp("tables") / "project")
    write(project, f"evals/{SUITE}/paligemma.yaml", PALIGEMMA_RUN)
    write(project, "models/captioner.yaml", captioner_card(project))
    return load_project(project)


def captioner_card(project: Path) -> str:
    """PaliGemma's card renamed, stating one capability only: nothing of the second group."""
    text = (project / "models" / "paligemma.yaml").read_text(encoding="utf-8")
    stated = "capabilities:\n  captioning: supported\n"
    start = text.index("capabilities:\n")
    end = text.index("\nnotes:", start) + 1
    text = text[:start] + stated + text[end:]
    return text.replace("name: PaliGemma", "name: Captioner", 1)


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> dict[str, Profile]:
    return build_profiles(catalog)


def pick(profiles: dict[str, Profile], *ids: str) -> list[Profile]:
    return [profiles[model_id] for model_id in ids]


def score_table(catalog: Catalog, columns: list[Profile]) -> tables.ScoreTable:
    return tables.score_table(SUITE, catalog.suites[SUITE], columns, catalog.config.bands)


def rows_by_label(table: tables.ScoreTable) -> dict[str, tables.Row]:
    return {row.label: row for group in table.groups for row in group.rows}


def leaders(row: tables.Row) -> list[int]:
    return [i for i, cell in enumerate(row.cells) if cell.leader]


# --- properties -------------------------------------------------------------------


def test_properties_set_each_models_cells_side_by_side(profiles: dict[str, Profile]) -> None:
    columns = pick(profiles, "gemma-4-12b", "gemma-4-26b-a4b", "florence-2")
    rows = tables.properties(columns)
    assert [row.label for row in rows] == list(PROPERTY_LABELS.values())
    for i, row in enumerate(rows):
        assert row.cells == tuple(p.properties[i] for p in columns)
        assert not any(cell.leader for cell in row.cells)
    by_label = {row.label: row for row in rows}
    assert [c.text for c in by_label["Organization"].cells] == ["Google", "Google", "Microsoft"]
    # a figure the card does not give is "Unknown", in its own state
    assert by_label["Context window"].cells[0] == UNKNOWN
    assert by_label["Context window"].cells[1].state == "value"


def test_listing_keeps_its_columns_without_details(profiles: dict[str, Profile]) -> None:
    listing = tables.listing(pick(profiles, "florence-2", "gemma-4-26b-a4b"))
    assert [row.model.id for row in listing] == ["florence-2", "gemma-4-26b-a4b"]
    for row in listing:
        assert len(row.cells) == len(tables.LISTING_COLUMNS)
        assert all(cell.detail == "" for cell in row.cells)
        expected = [row.model.properties[PROPERTY_INDEX[c.id]].text for c in tables.LISTING_COLUMNS]
        assert [cell.text for cell in row.cells] == expected
    # Florence-2's parameter cell has a note as its detail; the listing drops it
    assert profiles["florence-2"].properties[PROPERTY_INDEX[Property.PARAMETERS]].detail


def test_listing_columns_are_keyed_on_property_ids(
    profiles: dict[str, Profile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index's columns are properties by id: relabelling one moves nothing, and the
    parameters column (by its id, not its label) sorts by the count in units."""
    assert [(c.id, c.label, c.sort) for c in tables.LISTING_COLUMNS] == [
        (Property.ORGANIZATION, "Organization", ""),
        (Property.CATEGORY, "Category", ""),
        (Property.PARAMETERS, "Parameters", "parameters"),
        (Property.LICENSE, "License", ""),
    ]
    monkeypatch.setitem(PROPERTY_LABELS, Property.PARAMETERS, "Size")
    (row,) = tables.listing([profiles["florence-2"]])
    assert row.cells[2].text == "230M (Florence-2-base), 770M (Florence-2-large)"


# --- capabilities -------------------------------------------------------------------


def capability_rows(groups: tuple[tables.RowGroup, ...]) -> dict[str, tables.Row]:
    return {row.label: row for group in groups for row in group.rows}


def test_capabilities_show_what_any_card_mentions(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "paligemma", "sam-clip")
    rows = capability_rows(tables.capabilities(columns, catalog.config))
    mentioned = set(columns[0].card.capabilities) | set(columns[1].card.capabilities)
    labels = {cap.id: cap.label for group in catalog.config.taxonomy for cap in group.capabilities}
    assert set(rows) == {labels[cap] for cap in mentioned}
    # stated "no" is "Not supported"; not stated is "Unknown": two different cells
    captioning = rows[labels["captioning"]]
    assert [(c.text, c.state) for c in captioning.cells] == [
        ("Supported", "supported"),
        ("Not supported", "no"),
    ]
    classification = rows[labels["classification"]]
    assert classification.cells == (UNKNOWN, classification.cells[1])
    assert classification.cells[1].state == "supported"


def test_capabilities_every_lists_the_whole_taxonomy_in_order(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "paligemma", "sam-clip")
    groups = tables.capabilities(columns, catalog.config, every=True)
    assert [g.label for g in groups] == [g.label for g in catalog.config.taxonomy]
    for group, defined in zip(groups, catalog.config.taxonomy, strict=True):
        assert [row.label for row in group.rows] == [cap.label for cap in defined.capabilities]
    shown = tables.capabilities(columns, catalog.config)
    assert sum(len(g.rows) for g in shown) < sum(len(g.rows) for g in groups)


def test_capabilities_drop_groups_no_card_mentions(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "captioner")
    groups = tables.capabilities(columns, catalog.config)
    assert [(g.label, [r.label for r in g.rows]) for g in groups] == [
        (catalog.config.taxonomy[0].label, ["Image captioning"])
    ]
    every = tables.capabilities(columns, catalog.config, every=True)
    assert len(every) == len(catalog.config.taxonomy) > 1


def test_capability_notes_are_the_taxonomy_descriptions_unless_turned_off(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "paligemma", "florence-2")
    descriptions = {
        cap.label: cap.description or ""
        for group in catalog.config.taxonomy
        for cap in group.capabilities
    }
    with_notes = capability_rows(tables.capabilities(columns, catalog.config))
    assert any(row.note for row in with_notes.values())
    assert all(row.note == descriptions[label] for label, row in with_notes.items())
    without = capability_rows(tables.capabilities(columns, catalog.config, notes=False))
    assert all(row.note == "" for row in without.values())


def test_shared_demo_tasks_are_those_every_model_demos(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    florence, big = pick(profiles, "florence-2", "gemma-4-26b-a4b")
    shared = florence.demo_ids & big.demo_ids
    assert shared, "the test needs two models with a live demo in common"
    labels = tables.shared_demo_tasks([florence, big], catalog.config)
    in_order = [
        cap.label
        for group in catalog.config.taxonomy
        for cap in group.capabilities
        if cap.id in shared
    ]
    assert labels == in_order
    assert tables.shared_demo_tasks([florence, profiles["paligemma"]], catalog.config) == []
    assert tables.shared_demo_tasks([], catalog.config) == []


def test_glossary_leaves_out_what_has_no_description(catalog: Catalog) -> None:
    first, second = catalog.config.taxonomy[:2]
    silent = first.model_copy(
        update={
            "capabilities": [c.model_copy(update={"description": None}) for c in first.capabilities]
        }
    )
    caps = list(second.capabilities)
    partly = second.model_copy(
        update={"capabilities": [caps[0].model_copy(update={"description": None}), *caps[1:]]}
    )
    config = catalog.config.model_copy(update={"taxonomy": [silent, partly]})
    assert tables.glossary(config) == ((second.label, tuple(caps[1:])),)
    assert all(cap.description for cap in caps[1:])


# --- scores -------------------------------------------------------------------------


def test_two_columns_lead_by_the_better_value(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    table = score_table(catalog, pick(profiles, "gemma-4-12b", "paligemma"))
    rows = rows_by_label(table)
    assert [g.label for g in table.groups] == ["Summary", "By category"]
    # higher is better, when the gap is beyond chance: 10 of 10 against 1 of 10, 15/15 against 11/15
    assert leaders(rows["Object Counting"]) == [1]
    assert leaders(rows["Defect Detection"]) == [1]
    assert leaders(rows[MEASURE_LABELS[Measure.RESPONSE]]) == [1]  # lower is better: 5.0 s
    for label in ("Object Counting", "Defect Detection", MEASURE_LABELS[Measure.RESPONSE]):
        assert rows[label].note == "", label  # a row with a leader needs no verdict
    # 11 of 14 against 5 of 14: the lower column leads, higher being better
    assert leaders(rows["Object Understanding"]) == [0]
    assert leaders(rows[MEASURE_LABELS[Measure.COVERED]]) == []  # nothing to compare
    assert rows[MEASURE_LABELS[Measure.COVERED]].note == ""


def test_two_columns_a_gap_within_noise_leads_nothing(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    table = score_table(catalog, pick(profiles, "gemma-4-12b", "gemma-4-26b-a4b"))
    rows = rows_by_label(table)
    overall = rows[MEASURE_LABELS[Measure.OVERALL]]
    # 46 of 67 against 42 of 67: higher, but within noise
    assert [c.detail for c in overall.cells] == ["42/67", "46/67"]
    assert overall.values[1] > overall.values[0]  # type: ignore[operator]
    assert leaders(overall) == []
    assert overall.note == LEVEL
    assert leaders(rows["Defect Detection"]) == []  # 12/15 against 11/15
    assert rows["Defect Detection"].note == LEVEL
    # 8 of 9 each: a tie leads nothing either
    assert [c.text for c in rows["Document Understanding"].cells] == ["88.9%", "88.9%"]
    assert leaders(rows["Document Understanding"]) == []
    assert rows["Document Understanding"].note == LEVEL
    # 30.23 s against 6.88 s is beyond the 1.1 ratio
    assert leaders(rows[MEASURE_LABELS[Measure.RESPONSE]]) == [0]
    # the only cost figure leads nothing and says nothing: one value is not a comparison
    assert leaders(rows[MEASURE_LABELS[Measure.COST]]) == []
    assert rows[MEASURE_LABELS[Measure.COST]].values[0] is None
    assert rows[MEASURE_LABELS[Measure.COST]].note == ""
    assert table.evaluated == 2


def test_three_columns_a_tie_at_the_top_leads_nothing(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "gemma-4-12b", "gemma-4-26b-a4b", "paligemma")
    rows = rows_by_label(score_table(catalog, columns))
    overall = rows[MEASURE_LABELS[Measure.OVERALL]]
    assert overall.values[1] == overall.values[2] > overall.values[0]  # type: ignore[operator]
    assert leaders(overall) == []
    assert overall.note == LEVEL_AT_TOP
    assert leaders(rows["Document Understanding"]) == []
    assert rows["Document Understanding"].note == LEVEL_AT_TOP
    assert leaders(rows[MEASURE_LABELS[Measure.RESPONSE]]) == [2]
    # beyond chance against each other column: 10/10 against 1/10 twice
    assert leaders(rows["Object Counting"]) == [2]
    assert rows["Object Counting"].note == ""
    # a leader's cell is the column's own cell, marked
    leading = rows["Object Counting"].cells[2]
    assert leading == profiles["paligemma"].score_rows[SUITE][8].leading
    assert leading.classes.split()[-1] == "is-leader"


def test_three_columns_the_top_must_beat_every_other(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    # 15/15 beats gemma-4-12b's 11/15 beyond chance, not gemma-4-26b-a4b's 12/15: no leader,
    # though a table of the first and the last alone has one.
    three = rows_by_label(
        score_table(catalog, pick(profiles, "gemma-4-12b", "gemma-4-26b-a4b", "paligemma"))
    )
    defect = three["Defect Detection"]
    assert [c.detail for c in defect.cells] == ["11/15", "12/15", "15/15"]
    assert leaders(defect) == []
    # and the row does not say the three are level: only its top scores are
    assert defect.note == LEVEL_AT_TOP == "Top scores level within noise"
    two = rows_by_label(score_table(catalog, pick(profiles, "gemma-4-12b", "paligemma")))
    assert leaders(two["Defect Detection"]) == [1]


def test_a_model_without_results_is_a_column_of_not_evaluated(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = pick(profiles, "gemma-4-12b", "florence-2", "paligemma")
    table = score_table(catalog, columns)
    for group in table.groups:
        for row in group.rows:
            assert row.cells[1] == NOT_EVALUATED, row.label
            assert row.values[1] is None
    # the column without results is skipped: the two others are compared as a pair
    rows = rows_by_label(table)
    assert leaders(rows["Object Counting"]) == [2]
    assert leaders(rows[MEASURE_LABELS[Measure.OVERALL]]) == []
    assert rows[MEASURE_LABELS[Measure.OVERALL]].note == LEVEL
    assert table.evaluated == 2
    assert [p.text for p in table.provenance] == [
        "measured, run date not stated",
        "not evaluated on this suite",
        "self-reported, run May 2026",
    ]
    assert table.provenance[1].source == ""


def test_a_lone_run_leads_no_row(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    table = score_table(catalog, pick(profiles, "florence-2", "gemma-4-26b-a4b"))
    assert table.evaluated == 1
    assert not any(cell.leader for g in table.groups for row in g.rows for cell in row.cells)
    # nor says "level" or "about the same": there is nothing to be level with
    assert all(row.note == "" for g in table.groups for row in g.rows)


def test_token_rows_only_when_some_run_has_token_figures(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    token_rows = {
        MEASURE_LABELS[m] for m in (Measure.INPUT_TOKENS, Measure.OUTPUT_TOKENS, Measure.COST)
    }
    without = rows_by_label(score_table(catalog, pick(profiles, "gemma-4-12b", "paligemma")))
    assert not token_rows & set(without)
    assert MEASURE_LABELS[Measure.OVERALL] in without
    with_tokens = rows_by_label(
        score_table(catalog, pick(profiles, "gemma-4-12b", "gemma-4-26b-a4b"))
    )
    assert token_rows <= set(with_tokens)
    assert with_tokens[MEASURE_LABELS[Measure.INPUT_TOKENS]].cells[0].state == "not-reported"


def test_no_column_evaluated_gives_empty_groups(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    table = score_table(catalog, pick(profiles, "florence-2", "sam-clip"))
    assert table.evaluated == 0
    assert all(group.rows == () for group in table.groups)
    assert {p.text for p in table.provenance} == {"not evaluated on this suite"}


def test_provenance_names_source_and_date(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    table = score_table(catalog, pick(profiles, "paligemma"))
    (only,) = table.provenance
    assert only.model == profiles["paligemma"].name
    assert only.text == "self-reported, run May 2026"
    assert (only.source, only.source_url) == ("A test run", "https://example.org/run")


def test_score_table_takes_the_suites_bands_or_the_sites(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    suite = catalog.suites[SUITE]
    table = score_table(catalog, pick(profiles, "gemma-4-12b"))
    assert table.bands == tuple(suite.bands or catalog.config.bands)
    assert table.suite_id == SUITE
    assert table.suite is suite


# --- earlier runs -----------------------------------------------------------------------


def test_the_change_to_an_earlier_run_is_given_only_over_the_same_prompts(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    newest = profiles["gemma-4-12b"].runs[SUITE]  # 42 of 67
    result = newest.result
    bands = catalog.config.bands

    def run_of(categories: dict[str, tuple[int, int]]) -> RunSummary:
        counts = {
            cat: CategoryResult(passed=passed, total=total)
            for cat, (passed, total) in categories.items()
        }
        return summarize(
            newest.suite, result.model_copy(update={"categories": counts}), None, bands
        )

    whole = {cat: (entry.passed, entry.total) for cat, entry in result.categories.items()}
    assert tables.change_cell(newest, run_of(whole)) == Cell("No change", detail="42 of 67 in both")
    better = dict(whole, **{"object-counting": (6, 10)})  # 47 of 67
    change = tables.change_cell(newest, run_of(better))
    assert (change.text, change.detail) == (
        "\u22125 passed",
        "\u22127.46 points: 42 against 47 of 67",
    )
    part = {"object-counting": (1, 10)}
    assert tables.change_cell(newest, run_of(part)) is tables.NOT_COMPARED
