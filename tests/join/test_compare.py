"""The pairwise join on the seed data: values in the right column, leaders, lead sentences."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.join.claims import LEVEL
from versus.join.compare import PairView, compare_pair, pairs
from versus.join.profiles import Profile, build_profiles
from versus.join.tables import Row, ScoreTable
from versus.urls import pair, pair_slug


@pytest.fixture(scope="module")
def catalog(sample_project: Path) -> Catalog:
    return load_project(sample_project)


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> dict[str, Profile]:
    return build_profiles(catalog)


def view(catalog: Catalog, profiles: dict[str, Profile], a: str, b: str) -> PairView:
    return compare_pair(profiles[a], profiles[b], catalog)


def row(table: ScoreTable, label: str) -> Row:
    return next(r for group in table.groups for r in group.rows if r.label == label)


def texts(r: Row) -> list[tuple[str, str]]:
    return [(cell.text, cell.state) for cell in r.cells]


def test_pairs_are_unordered_and_sorted() -> None:
    assert list(pairs(["c", "a", "b"])) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert pair_slug("paligemma", "florence-2") == "florence-2-vs-paligemma"
    assert pair("b", "a") == "compare/a-vs-b/"


def test_order_of_arguments_does_not_matter(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    assert view(catalog, profiles, "gemma-4-12b", "florence-2") == view(
        catalog, profiles, "florence-2", "gemma-4-12b"
    )


def test_florence_vs_gemma_12b_scores_sit_under_gemma(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    pair = view(catalog, profiles, "florence-2", "gemma-4-12b")
    assert [m.name for m in pair.models] == ["Florence-2", "Gemma 4 12B"]
    (table,) = pair.scores
    assert texts(row(table, "Overall score")) == [
        ("Not evaluated", "not-evaluated"),
        ("62.69%", "value"),
    ]
    assert row(table, "Overall score").cells[1].detail == "42/67"
    assert texts(row(table, "Average response time"))[1] == ("6.88 s", "value")
    expected = {
        "Defect Detection": ("73.3%", "11/15", "mid"),
        "Document Understanding": ("88.9%", "8/9", "high"),
        "Object Counting": ("10%", "1/10", "low"),
        "Object Understanding": ("78.6%", "11/14", "high"),
        "Spatial Understanding": ("57.9%", "11/19", "mid"),
    }
    for label, (text, detail, band) in expected.items():
        florence, gemma = row(table, label).cells
        assert florence.state == "not-evaluated"
        assert (gemma.text, gemma.detail, gemma.band) == (text, detail, band)
    # Gemma 4 12B reports no token figures, so neither do the rows exist.
    labels = [r.label for g in table.groups for r in g.rows]
    assert "Median input tokens" not in labels
    assert "Estimated cost per task" not in labels


def test_gemma_26b_cost_per_task_is_computed(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    run = profiles["gemma-4-26b-a4b"].runs["vision-evals"]
    assert run.cost_per_task == Decimal("0.00008826")
    pair = view(catalog, profiles, "florence-2", "gemma-4-26b-a4b")
    (table,) = pair.scores
    assert texts(row(table, "Estimated cost per task")) == [
        ("Not evaluated", "not-evaluated"),
        ("$0.000088", "value"),
    ]
    assert texts(row(table, "Median input tokens"))[1] == ("294", "value")
    assert texts(row(table, "Median output tokens"))[1] == ("214", "value")
    assert texts(row(table, "Overall score"))[1] == ("68.66%", "value")


def test_leaders_between_two_evaluated_models(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    (table,) = view(catalog, profiles, "gemma-4-12b", "gemma-4-26b-a4b").scores
    # 42 against 46 of 67: the higher score is within noise, so it is not marked best.
    overall = row(table, "Overall score")
    assert [c.detail for c in overall.cells] == ["42/67", "46/67"]
    assert [c.leader for c in overall.cells] == [False, False]
    assert overall.note == LEVEL
    # 30.23 s is more than 1.1 times 6.88 s: the faster leads, and the row says nothing more.
    response = row(table, "Average response time")
    assert [c.leader for c in response.cells] == [True, False]
    assert response.note == ""
    # 1/10 each: a tie leads nothing.
    assert [c.leader for c in row(table, "Object Counting").cells] == [False, False]
    assert row(table, "Object Counting").note == LEVEL
    # Every category's gap is within noise at these sizes.
    for label in ("Defect Detection", "Object Understanding", "Spatial Understanding"):
        assert not any(c.leader for c in row(table, label).cells), label
        assert row(table, label).note == LEVEL, label
    # Only one model has a cost: nothing to compare, and nothing to say.
    cost = row(table, "Estimated cost per task")
    assert [c.leader for c in cost.cells] == [False, False]
    assert cost.note == ""
    assert texts(cost)[0] == ("Not reported", "not-reported")
    # Prompts covered is no contest.
    assert row(table, "Prompts covered").note == ""


def test_single_evaluated_model_leads_nothing(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    (table,) = view(catalog, profiles, "florence-2", "gemma-4-26b-a4b").scores
    assert not any(c.leader for g in table.groups for r in g.rows for c in r.cells)


def test_shared_demo_tasks_in_the_lead(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    pair = view(catalog, profiles, "florence-2", "gemma-4-26b-a4b")
    assert pair.demo_tasks == ("Image captioning", "OCR", "Object detection")
    assert (
        pair.demo_sentence
        == "Both can be tried live on image captioning, OCR and object detection."
    )


def test_no_shared_demo_tasks_says_so(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    pair = view(catalog, profiles, "florence-2", "paligemma")
    assert pair.demo_tasks == ()
    assert "share no task that can be tried live" in pair.demo_sentence
    assert pair.scores == ()
    assert pair.unevaluated_suites == ("Vision Evals",)


def test_capability_matrix_is_the_union_in_taxonomy_order(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    pair = view(catalog, profiles, "florence-2", "sam-clip")
    tasks, features = pair.capabilities
    assert tasks.label == "Vision tasks"
    got = {r.label: tuple(c.state for c in r.cells) for r in tasks.rows}
    assert list(got) == [
        "Image captioning",
        "OCR",
        "Object detection",
        "Instance segmentation",
        "Open-vocabulary detection",
        "Phrase grounding",
        "Region proposal",
        "Classification",
        "Zero-shot segmentation",
        "Visual question answering",
    ]
    assert got["Image captioning"] == ("demo", "no")
    assert got["Classification"] == ("unknown", "supported")
    assert got["Instance segmentation"] == ("supported", "supported")
    assert [r.label for r in features.rows] == ["Foundation vision model", "Zero-shot detection"]


def test_properties_keep_unknown_and_undisclosed_apart(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    pair = view(catalog, profiles, "florence-2", "sam-clip")
    props = {r.label: r.cells for r in pair.properties}
    florence, sam = props["Parameters"]
    assert florence.text == "230M (Florence-2-base), 770M (Florence-2-large)"
    assert (sam.text, sam.state) == ("Not disclosed", "undisclosed")
    assert [c.state for c in props["Context window"]] == ["unknown", "unknown"]
    assert [c.text for c in props["Release date"]] == ["Jun 2024", "Oct 2023"]


def test_properties_of_gemma_26b(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    pair = view(catalog, profiles, "gemma-4-12b", "gemma-4-26b-a4b")
    props = {r.label: [c.text for c in r.cells] for r in pair.properties}
    assert props["Parameters"] == ["12B", "25.2B total, 3.8B active"]
    assert props["Context window"] == ["Unknown", "256K tokens"]
    assert props["Input price per 1M tokens"] == ["Unknown", "$0.06"]
    assert props["Output price per 1M tokens"] == ["Unknown", "$0.33"]
    assert props["License"] == ["Apache 2.0", "Apache 2.0"]
