"""The lead sentences of a comparison page (versus.join.lead): who leads on what, and nothing else.

Each test writes a small project of YAML files (a taxonomy, one or two suites,
a few cards and runs), loads it as ``versus build`` would and asks for the
lead of one pair, so the figures behind every sentence come from real input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import write
from versus.inputs.cache import DocumentCache
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.join import columns, tables
from versus.join.claims import CLEAR_RATIO
from versus.join.formatting import Name, Sentence
from versus.join.lead import LISTED_UP_TO, lead_points, mid_sentence
from versus.join.profiles import Profile, build_profiles
from versus.site.views import SiteViews

CONFIG: dict[str, Any] = {
    "title": "lead test",
    "description": "A small project for the lead sentences.",
    "base_url": "https://lead.example.org/",
    "taxonomy": [
        {
            "id": "tasks",
            "label": "Tasks",
            "capabilities": [
                {"id": "captioning", "label": "Image captioning"},
                {"id": "ocr", "label": "OCR"},
                {"id": "detection", "label": "Object detection"},
                {"id": "vqa", "label": "Visual question answering"},
                {"id": "segmentation", "label": "Instance segmentation"},
                {"id": "classification", "label": "Classification"},
            ],
        },
        {
            "id": "features",
            "label": "Features",
            "capabilities": [
                {"id": "llm", "label": "LLM with vision"},
                {"id": "foundation", "label": "Foundation vision model"},
            ],
        },
    ],
}

ALPHA: dict[str, Any] = {
    "name": "Alpha Evals",
    "summary": "Ten prompts in two categories.",
    "description": "The first suite.",
    "methodology": "Pass or fail.",
    "prompts": 10,
    "categories": [
        {"id": "reading", "label": "Reading", "prompts": 6},
        {"id": "counting", "label": "Counting", "prompts": 4},
    ],
}

BETA: dict[str, Any] = {
    "name": "Beta Evals",
    "summary": "Five prompts in one category.",
    "description": "The second suite.",
    "methodology": "Pass or fail.",
    "prompts": 5,
    "categories": [{"id": "spotting", "label": "Spotting", "prompts": 5}],
}


WIDE: dict[str, Any] = {
    **ALPHA,
    "prompts": 600,
    "categories": [
        {"id": "reading", "label": "Reading", "prompts": 300},
        {"id": "counting", "label": "Counting", "prompts": 300},
    ],
}
"""Alpha Evals with 600 prompts: enough for a gap of a few points to be beyond chance."""


def card(name: str, **fields: Any) -> dict[str, Any]:
    """A valid model card named ``name``; ``fields`` add or replace fields."""
    return {
        "name": name,
        "organization": "Example Lab",
        "category": "open",
        "modality": "multimodal",
        "summary": f"{name}, a model for tests.",
        "description": f"{name} exists for the tests of the lead sentences.",
        "sources": [{"title": "tests/join/test_lead.py"}],
        **fields,
    }


def usd(input_price: str, output_price: str, currency: str = "USD") -> dict[str, Any]:
    return {
        "currency": currency,
        "input_per_million": input_price,
        "output_per_million": output_price,
        "as_of": "2026-01",
        "source": "tests",
    }


def run(
    reading: tuple[int, int] | None = None,
    counting: tuple[int, int] | None = None,
    /,
    **fields: Any,
) -> dict[str, Any]:
    """A result of Alpha Evals: (passed, total) per category; ``fields`` add more."""
    categories = {
        category_id: {"passed": figures[0], "total": figures[1]}
        for category_id, figures in (("reading", reading), ("counting", counting))
        if figures is not None
    }
    return {
        "provenance": "measured",
        "source": {"title": "tests"},
        "categories": categories,
        **fields,
    }


def beta_run(passed: int) -> dict[str, Any]:
    return {
        "provenance": "measured",
        "source": {"title": "tests"},
        "categories": {"spotting": {"passed": passed, "total": 5}},
    }


def dump(root: Path, name: str, data: Mapping[str, Any]) -> None:
    write(root, name, yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True))


def make_project(
    root: Path,
    cards: Mapping[str, Mapping[str, Any]],
    runs: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
    suites: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[Catalog, dict[str, Profile]]:
    """Write a project into ``root``; return its catalog and its models' profiles.

    ``runs`` maps (suite id, model id) to a result; ``suites`` defaults to both suites.
    """
    dump(root, "versus.yaml", CONFIG)
    for suite_id, suite in (
        suites if suites is not None else {"alpha": ALPHA, "beta": BETA}
    ).items():
        dump(root, f"evals/{suite_id}/suite.yaml", suite)
    (root / "evals").mkdir(exist_ok=True)
    for model_id, data in cards.items():
        dump(root, f"models/{model_id}.yaml", data)
    for (suite_id, model_id), data in (runs or {}).items():
        dump(root, f"evals/{suite_id}/{model_id}.yaml", data)
    catalog = load_project(root, DocumentCache(None))
    return catalog, build_profiles(catalog)


def lead(
    root: Path,
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    run_a: Mapping[str, Any] | None = None,
    run_b: Mapping[str, Any] | None = None,
) -> tuple[str, ...]:
    """The lead of models ``a`` and ``b`` (in that order), with their Alpha Evals runs."""
    runs = {("alpha", m): r for m, r in (("a", run_a), ("b", run_b)) if r is not None}
    catalog, profiles = make_project(root, {"a": a, "b": b}, runs)
    return lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)


def swapped(points: tuple[str, ...], a: str, b: str) -> set[str]:
    """The sentences as the lead of (b, a) says them: the names of ties and "neither" swap."""
    swaps = {
        f"{a} and {b} ": f"{b} and {a} ",
        f"Neither {a} nor {b} ": f"Neither {b} nor {a} ",
    }
    result = set()
    for point in points:
        for before, after in swaps.items():
            if point.startswith(before):
                point = after + point.removeprefix(before)
                break
        result.add(point)
    return result


# --- scores ---------------------------------------------------------------------------


def test_same_coverage_more_passed(tmp_path: Path) -> None:
    # 9 against 3 of 10: Newcombe's interval for the difference excludes zero.
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((6, 6), (3, 4)), run((2, 6), (1, 4))
    )
    assert (
        points[0]
        == "Model A passes 6 more prompts of Alpha Evals than Model B (9 against 3 of 10)."
    )


def test_same_coverage_a_gap_within_noise_is_level(tmp_path: Path) -> None:
    # 8 against 5 of 10 is a gap chance alone gives: no model passes "more".
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((5, 6), (3, 4)), run((4, 6), (1, 4))
    )
    assert points == (
        "Model A and Model B are level within noise on Alpha Evals:"
        " Model A passes 8 of 10 prompts, Model B 5.",
    )


def test_level_names_the_model_that_passes_more_with_its_count(tmp_path: Path) -> None:
    # The second argument passes more: named with its count, the tie's names keep their order.
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((4, 6), (1, 4)), run((5, 6), (3, 4))
    )
    assert points == (
        "Model A and Model B are level within noise on Alpha Evals:"
        " Model B passes 8 of 10 prompts, Model A 5.",
    )


def test_the_leader_is_named_first_whichever_argument_it_is(tmp_path: Path) -> None:
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((1, 6), (1, 4)), run((6, 6), (2, 4))
    )
    assert (
        points[0]
        == "Model B passes 6 more prompts of Alpha Evals than Model A (8 against 2 of 10)."
    )


def test_one_more_prompt_is_level_within_noise(tmp_path: Path) -> None:
    # A gap of one prompt is never significant (tests/join/test_claims.py checks every count
    # up to 120 prompts), so no sentence says "1 more prompt".
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((5, 6), (3, 4)), run((5, 6), (2, 4))
    )
    assert points == (
        "Model A and Model B are level within noise on Alpha Evals:"
        " Model A passes 8 of 10 prompts, Model B 7.",
    )
    assert "more prompt" not in points[0]


def test_equal_passed_is_a_tie(tmp_path: Path) -> None:
    # Same totals from different categories: still the same number of prompts passed.
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((4, 6), (2, 4)), run((6, 6), (0, 4))
    )
    assert points == ("Model A and Model B pass the same number of Alpha Evals prompts (6 of 10).",)


def test_zero_passed_each_is_a_tie(tmp_path: Path) -> None:
    points = lead(
        tmp_path, card("Model A"), card("Model B"), run((0, 6), (0, 4)), run((0, 6), (0, 4))
    )
    assert points == ("Model A and Model B pass the same number of Alpha Evals prompts (0 of 10).",)


def test_same_partial_coverage_compares_rates_not_counts(tmp_path: Path) -> None:
    # Both covered 6 of 10 prompts, perhaps not the same 6: their counts are not compared.
    points = lead(tmp_path, card("Model A"), card("Model B"), run((0, 6)), run((0, 6)))
    assert points == (
        "Model A and Model B score the same on Alpha Evals"
        " (0%; the runs covered 6 and 6 of 10 prompts).",
    )
    assert "same number" not in points[0]


def wide_lead(root: Path, run_a: Mapping[str, Any], run_b: Mapping[str, Any]) -> tuple[str, ...]:
    """The lead of Model A and Model B on :data:`WIDE` (600 prompts): enough for a gap to count."""
    catalog, profiles = make_project(
        root,
        {"a": card("Model A"), "b": card("Model B")},
        {("alpha", "a"): run_a, ("alpha", "b"): run_b},
        suites={"alpha": WIDE},
    )
    return lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)


def test_different_coverage_compares_percentages(tmp_path: Path) -> None:
    # A passes more prompts (150 against 120) but of more: B's score is the higher, clearly.
    points = wide_lead(tmp_path, run((150, 300), (0, 300)), run((120, 150)))
    assert points == (
        "Model B scores higher on Alpha Evals than Model A:"
        " 80% against 25% of the prompts each run covered"
        " (the runs covered 150 and 600 of 600 prompts).",
    )
    assert "more prompt" not in " ".join(points)


def test_different_coverage_within_noise_is_level(tmp_path: Path) -> None:
    # 66.67% of 6 against 50% of 10: B's rate is higher, but not beyond chance.
    points = lead(tmp_path, card("Model A"), card("Model B"), run((5, 6), (0, 4)), run((4, 6)))
    assert points == (
        "Model A and Model B are level within noise on Alpha Evals"
        " (50% against 66.67%; the runs covered 10 and 6 of 10 prompts).",
    )


def test_different_coverage_percentages_are_rounded_to_two_places(tmp_path: Path) -> None:
    # 50/300 = 16.666...%; the coverage is said in the order the models are named.
    points = wide_lead(tmp_path, run((50, 300)), run((150, 300), (150, 300)))
    assert points[0] == (
        "Model B scores higher on Alpha Evals than Model A:"
        " 50% against 16.67% of the prompts each run covered"
        " (the runs covered 600 and 300 of 600 prompts)."
    )


def test_different_coverage_same_percentage_is_the_same_score(tmp_path: Path) -> None:
    points = lead(tmp_path, card("Model A"), card("Model B"), run((3, 6)), run((3, 6), (2, 4)))
    assert points == (
        "Model A and Model B score the same on Alpha Evals"
        " (50%; the runs covered 6 and 10 of 10 prompts).",
    )


# --- response time --------------------------------------------------------------------


def speed_points(
    tmp_path: Path, seconds_a: float | None, seconds_b: float | None
) -> tuple[str, ...]:
    extra_a = {} if seconds_a is None else {"avg_response_seconds": seconds_a}
    extra_b = {} if seconds_b is None else {"avg_response_seconds": seconds_b}
    points = lead(
        tmp_path,
        card("Model A"),
        card("Model B"),
        run((3, 6), (2, 4), **extra_a),
        run((3, 6), (2, 4), **extra_b),
    )
    return points[1:]  # after the scores sentence


@pytest.mark.parametrize(
    ("seconds_a", "seconds_b", "expected"),
    [
        (2.0, 8.8, "Model A answers Alpha Evals prompts 4.4x faster than Model B."),
        (9.0, 3.0, "Model B answers Alpha Evals prompts 3.0x faster than Model A."),
        (10.0, 11.0, "Model A answers Alpha Evals prompts 1.1x faster than Model B."),
        (1.0, 1.96, "Model A answers Alpha Evals prompts 2.0x faster than Model B."),
    ],
)
def test_faster_model_from_the_ratio(
    tmp_path: Path, seconds_a: float, seconds_b: float, expected: str
) -> None:
    assert speed_points(tmp_path, seconds_a, seconds_b) == (expected,)


@pytest.mark.parametrize(("seconds_a", "seconds_b"), [(10.0, 10.9), (10.9, 10.0), (5.0, 5.0)])
def test_close_times_are_about_the_same(tmp_path: Path, seconds_a: float, seconds_b: float) -> None:
    assert seconds_b / seconds_a < CLEAR_RATIO or seconds_a / seconds_b < CLEAR_RATIO
    assert speed_points(tmp_path, seconds_a, seconds_b) == (
        "Both answer Alpha Evals prompts in about the same time.",
    )


@pytest.mark.parametrize(
    ("seconds_a", "seconds_b", "expected"),
    [
        (2.0, 8.8, "Model A answers Alpha Evals prompts 4.4x faster than Model B (averages over the 9 and 10 prompts each run covered)."),
        (8.8, 2.0, "Model B answers Alpha Evals prompts 4.4x faster than Model A (averages over the 10 and 9 prompts each run covered)."),
        (5.0, 5.0, "Both answer Alpha Evals prompts in about the same time (averages over the 9 and 10 prompts each run covered)."),
    ],
)  # fmt: skip
def test_times_over_different_prompts_say_so(
    tmp_path: Path, seconds_a: float, seconds_b: float, expected: str
) -> None:
    """Each run's time is its average over the prompts it covered: when those differ (both
    at or above the suite's 90%), the sentence says how many each covered, as the scores'
    sentence does."""
    points = lead(
        tmp_path,
        card("Model A"),
        card("Model B"),
        run((3, 6), (2, 3), avg_response_seconds=seconds_a),
        run((3, 6), (2, 4), avg_response_seconds=seconds_b),
    )
    assert points[1:] == (expected,)


@pytest.mark.parametrize(("seconds_a", "seconds_b"), [(2.0, 8.8), (8.8, 2.0), (5.0, 5.0)])
@pytest.mark.parametrize("covered_a", [(3, 6), (3, 5)])
def test_a_time_under_the_coverage_threshold_is_not_compared(
    tmp_path: Path, covered_a: tuple[int, int], seconds_a: float, seconds_b: float
) -> None:
    """A run that covered 6 or 8 of 10 prompts (under the suite's 90%) shows its time, but
    no sentence calls either model faster, nor the two about the same; the time row marks
    nothing best (claims.compares_time_and_cost)."""
    cards = {"a": card("Model A"), "b": card("Model B")}
    counting = None if covered_a == (3, 6) else (2, 3)
    runs = {
        ("alpha", "a"): run((3, 6) if counting is None else (3, 5), counting, avg_response_seconds=seconds_a),
        ("alpha", "b"): run((3, 6), (2, 4), avg_response_seconds=seconds_b),
    }  # fmt: skip
    catalog, profiles = make_project(tmp_path, cards, runs)
    a, b = profiles["a"], profiles["b"]
    points = lead_points(a, b, catalog.suites, catalog.config)
    assert not [point for point in points if "faster" in point or "same time" in point]
    table = tables.score_table("alpha", catalog.suites["alpha"], [a, b], catalog.config.bands)
    rows = {row.label: row for group in table.groups for row in group.rows}
    time = rows[columns.MEASURE_LABELS[columns.Measure.RESPONSE]]
    assert [cell.leader for cell in time.cells] == [False, False]
    assert time.note == ""
    assert time.values[0] is None
    assert time.cells[0].text == f"{seconds_a:.2f} s"
    assert time.cells[0].detail == "not compared: run covered under 90% of prompts"


@pytest.mark.parametrize(("seconds_a", "seconds_b"), [(None, 3.0), (3.0, None), (None, None)])
def test_a_missing_time_says_nothing(
    tmp_path: Path, seconds_a: float | None, seconds_b: float | None
) -> None:
    assert speed_points(tmp_path, seconds_a, seconds_b) == ()


@pytest.mark.parametrize(("seconds_a", "seconds_b"), [(0.0, 3.0), (3.0, 0.0), (0.0, 0.0)])
def test_a_zero_time_says_nothing(tmp_path: Path, seconds_a: float, seconds_b: float) -> None:
    # The schema refuses 0 seconds; a result built in code may still carry it.
    catalog, profiles = make_project(
        tmp_path,
        {"a": card("Model A"), "b": card("Model B")},
        {("alpha", "a"): run((3, 6), (2, 4)), ("alpha", "b"): run((3, 6), (2, 4))},
    )

    def timed(profile: Profile, seconds: float) -> Profile:
        summary = profile.runs["alpha"]
        result = summary.result.model_copy(update={"avg_response_seconds": seconds})
        return replace(profile, runs={"alpha": replace(summary, result=result)})

    a, b = timed(profiles["a"], seconds_a), timed(profiles["b"], seconds_b)
    assert lead_points(a, b, catalog.suites, catalog.config) == (
        "Model A and Model B pass the same number of Alpha Evals prompts (5 of 10).",
    )


# --- cost per task --------------------------------------------------------------------

TOKENS = {"median_input_tokens": 1000, "median_output_tokens": 100}


def cost_points(
    tmp_path: Path,
    pricing_a: dict[str, Any] | None,
    pricing_b: dict[str, Any] | None,
    tokens_a: Mapping[str, int] = TOKENS,
    tokens_b: Mapping[str, int] = TOKENS,
) -> tuple[str, ...]:
    a = card("Model A") if pricing_a is None else card("Model A", pricing=pricing_a)
    b = card("Model B") if pricing_b is None else card("Model B", pricing=pricing_b)
    points = lead(tmp_path, a, b, run((3, 6), (2, 4), **tokens_a), run((3, 6), (2, 4), **tokens_b))
    return points[1:]


def test_cheaper_model_is_named_with_both_costs(tmp_path: Path) -> None:
    # A: (1000 x 0.5 + 100 x 1.5) / 1e6 = 0.00065; B: (1000 x 0.06 + 100 x 0.33) / 1e6 = 0.000093
    assert cost_points(tmp_path, usd("0.5", "1.5"), usd("0.06", "0.33")) == (
        "Model B costs less per Alpha Evals task than Model A ($0.000093 against $0.00065).",
    )


def test_cheaper_first_argument(tmp_path: Path) -> None:
    assert cost_points(tmp_path, usd("1", "2"), usd("3", "4")) == (
        "Model A costs less per Alpha Evals task than Model B ($0.0012 against $0.0034).",
    )


def test_cost_from_tokens_not_only_prices(tmp_path: Path) -> None:
    # Same prices, fewer tokens: A is cheaper per task.
    points = cost_points(
        tmp_path,
        usd("1", "1"),
        usd("1", "1"),
        tokens_a={"median_input_tokens": 100, "median_output_tokens": 10},
    )
    assert points == (
        "Model A costs less per Alpha Evals task than Model B ($0.00011 against $0.0011).",
    )


def test_equal_cost(tmp_path: Path) -> None:
    # Different prices and tokens, one cost: 1000 x 1 + 100 x 10 = 200 x 5 + 1000 x 1.
    points = cost_points(
        tmp_path,
        usd("1", "10"),
        usd("5", "1"),
        tokens_b={"median_input_tokens": 200, "median_output_tokens": 1000},
    )
    assert points == ("Both cost the same per Alpha Evals task ($0.002).",)


def test_close_costs_are_about_the_same(tmp_path: Path) -> None:
    # $0.0011 against $0.0012: B is not 1.1 times A, so neither is said to cost less.
    points = cost_points(
        tmp_path,
        usd("1", "1"),
        usd("1", "1"),
        tokens_b={"median_input_tokens": 1100, "median_output_tokens": 100},
    )
    assert points == ("Both cost about the same per Alpha Evals task ($0.0011 against $0.0012).",)


def test_a_cost_exactly_1_1_times_the_other_is_more(tmp_path: Path) -> None:
    # 0.0011 x 1.1 = 0.00121 exactly, in decimals: the cheaper one is named.
    points = cost_points(tmp_path, usd("1", "1"), usd("1.1", "1.1"))
    assert points == (
        "Model A costs less per Alpha Evals task than Model B ($0.0011 against $0.0012).",
    )


def test_a_free_model_costs_less_than_a_priced_one(tmp_path: Path) -> None:
    # Zero is below any positive cost by any ratio; two zeros cost the same.
    assert cost_points(tmp_path, usd("1", "1"), usd("0", "0")) == (
        "Model B costs less per Alpha Evals task than Model A ($0 against $0.0011).",
    )
    assert cost_points(tmp_path / "free", usd("0", "0"), usd("0", "0")) == (
        "Both cost the same per Alpha Evals task ($0).",
    )


def test_costs_in_other_currencies(tmp_path: Path) -> None:
    assert cost_points(tmp_path, usd("1", "1", "EUR"), usd("2", "2", "EUR")) == (
        "Model A costs less per Alpha Evals task than Model B (€0.0011 against €0.0022).",
    )


@pytest.mark.parametrize(("currency_a", "currency_b"), [("USD", "EUR"), ("GBP", "USD")])
def test_different_currencies_say_nothing(tmp_path: Path, currency_a: str, currency_b: str) -> None:
    assert cost_points(tmp_path, usd("1", "1", currency_a), usd("9", "9", currency_b)) == ()


def test_a_missing_price_says_nothing(tmp_path: Path) -> None:
    assert cost_points(tmp_path, usd("1", "1"), None) == ()
    assert cost_points(tmp_path / "other", None, usd("1", "1")) == ()


def test_missing_tokens_say_nothing(tmp_path: Path) -> None:
    assert cost_points(tmp_path, usd("1", "1"), usd("2", "2"), tokens_b={}) == ()


def test_a_run_below_the_coverage_threshold_has_no_cost(tmp_path: Path) -> None:
    # Covering 6 of 10 prompts is under the suite's 90%: no cost is computed, none is said.
    a = card("Model A", pricing=usd("1", "1"))
    b = card("Model B", pricing=usd("2", "2"))
    points = lead(tmp_path, a, b, run((3, 6), (2, 4), **TOKENS), run((3, 6), **TOKENS))
    assert points == (
        "Model A and Model B score the same on Alpha Evals"
        " (50%; the runs covered 10 and 6 of 10 prompts).",
    )


def test_scores_then_speed_then_cost(tmp_path: Path) -> None:
    a = card("Model A", pricing=usd("1", "1"))
    b = card("Model B", pricing=usd("2", "2"))
    points = lead(
        tmp_path,
        a,
        b,
        run((6, 6), (4, 4), avg_response_seconds=4.0, **TOKENS),
        run((3, 6), (1, 4), avg_response_seconds=2.0, **TOKENS),
    )
    assert points == (
        "Model A passes 6 more prompts of Alpha Evals than Model B (10 against 4 of 10).",
        "Model B answers Alpha Evals prompts 2.0x faster than Model A.",
        "Model A costs less per Alpha Evals task than Model B ($0.0011 against $0.0022).",
    )


# --- suites one or neither model ran --------------------------------------------------


def test_only_one_model_has_results(tmp_path: Path) -> None:
    assert lead(tmp_path, card("Model A"), card("Model B"), run_b=run((3, 6))) == (
        "Only Model B has results on Alpha Evals.",
    )
    assert lead(tmp_path / "other", card("Model A"), card("Model B"), run_a=run((3, 6))) == (
        "Only Model A has results on Alpha Evals.",
    )


def test_only_one_model_says_nothing_of_its_speed_or_cost(tmp_path: Path) -> None:
    priced = card("Model A", pricing=usd("1", "1"))
    points = lead(
        tmp_path, priced, card("Model B"), run((3, 6), (2, 4), avg_response_seconds=2.0, **TOKENS)
    )
    assert points == ("Only Model A has results on Alpha Evals.",)


def test_each_suite_in_turn(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {"a": card("Model A"), "b": card("Model B")},
        {
            ("alpha", "a"): run((6, 6), (4, 4)),
            ("alpha", "b"): run((1, 6), (1, 4)),
            ("beta", "b"): beta_run(4),
        },
    )
    assert lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config) == (
        "Model A passes 8 more prompts of Alpha Evals than Model B (10 against 2 of 10).",
        "Only Model B has results on Beta Evals.",
    )


def test_a_suite_neither_ran_is_not_mentioned(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {"a": card("Model A"), "b": card("Model B")},
        {("beta", "a"): beta_run(4), ("beta", "b"): beta_run(4)},
    )
    points = lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)
    assert points == ("Model A and Model B pass the same number of Beta Evals prompts (4 of 5).",)
    assert not any("Alpha" in point for point in points)


def test_neither_has_results_comes_first(tmp_path: Path) -> None:
    points = lead(
        tmp_path,
        card("Model A", capabilities={"ocr": "supported"}),
        card("Model B"),
    )
    assert points == (
        "Neither Model A nor Model B has eval results yet.",
        "Model A is stated to support OCR; Model B's card does not say.",
    )


def test_neither_has_results_alone(tmp_path: Path) -> None:
    assert lead(tmp_path, card("Model A"), card("Model B")) == (
        "Neither Model A nor Model B has eval results yet.",
    )


def test_neither_has_results_without_any_suite(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path, {"a": card("Model A"), "b": card("Model B")}, suites={}
    )
    assert lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config) == (
        "Neither Model A nor Model B has eval results yet.",
    )


def test_one_result_anywhere_is_not_neither(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {"a": card("Model A"), "b": card("Model B")},
        {("beta", "b"): beta_run(1)},
    )
    points = lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)
    assert points == ("Only Model B has results on Beta Evals.",)


# --- capabilities ---------------------------------------------------------------------


def claims(tmp_path: Path, a: Mapping[str, str], b: Mapping[str, str]) -> tuple[str, ...]:
    points = lead(
        tmp_path,
        card("Model A", capabilities=dict(a)),
        card("Model B", capabilities=dict(b)),
    )
    assert points[0] == "Neither Model A nor Model B has eval results yet."
    return points[1:]


@pytest.mark.parametrize("state", ["supported", "demo"])
def test_a_claim_the_other_card_denies(tmp_path: Path, state: str) -> None:
    assert claims(tmp_path, {"detection": state}, {"detection": "no"}) == (
        "Only Model A is stated to support object detection; Model B's card says it does not.",
    )


@pytest.mark.parametrize("state", ["supported", "demo"])
def test_a_claim_the_other_card_is_silent_on(tmp_path: Path, state: str) -> None:
    # Not "only": the other card does not say no, it says nothing (unknown).
    assert claims(tmp_path, {"detection": state}, {}) == (
        "Model A is stated to support object detection; Model B's card does not say.",
    )


@pytest.mark.parametrize(
    ("state_a", "state_b"), [("supported", "demo"), ("demo", "demo"), ("supported", "supported")]
)
def test_both_claiming_says_nothing(tmp_path: Path, state_a: str, state_b: str) -> None:
    assert claims(tmp_path, {"ocr": state_a}, {"ocr": state_b}) == ()


def test_no_and_unknown_are_no_claims(tmp_path: Path) -> None:
    assert claims(tmp_path, {"ocr": "no"}, {}) == ()
    assert claims(tmp_path / "other", {"ocr": "no"}, {"ocr": "no"}) == ()


def test_claims_on_both_sides(tmp_path: Path) -> None:
    assert claims(tmp_path, {"ocr": "demo", "vqa": "no"}, {"vqa": "supported"}) == (
        "Model A is stated to support OCR; Model B's card does not say.",
        "Only Model B is stated to support visual question answering; Model A's card says it"
        " does not.",
    )


def test_denied_and_unstated_claims_are_said_apart(tmp_path: Path) -> None:
    # What the other card denies comes first: it is the stronger contrast.
    a = {"captioning": "supported", "ocr": "demo", "detection": "supported"}
    assert claims(tmp_path, a, {"ocr": "no"}) == (
        "Only Model A is stated to support OCR; Model B's card says it does not.",
        "Model A is stated to support image captioning and object detection;"
        " Model B's card does not say.",
    )


def test_the_other_model_is_a_name_part(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {
            "a": card("Model A", capabilities={"ocr": "supported", "vqa": "supported"}),
            "b": card("Model B", capabilities={"ocr": "no"}),
        },
    )
    points = lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)
    for point in points[1:]:
        assert isinstance(point, Sentence)
        names = [part for part in point.parts if isinstance(part, Name)]
        assert names == ["Model A", "Model B"], point


def test_up_to_four_are_named_in_taxonomy_order(tmp_path: Path) -> None:
    # Written out of order on the card: named in the order of versus.yaml.
    a = {"llm": "supported", "vqa": "demo", "ocr": "supported", "captioning": "demo"}
    assert len(a) == LISTED_UP_TO
    assert claims(tmp_path, a, {}) == (
        "Model A is stated to support image captioning, OCR,"
        " visual question answering and LLM with vision; Model B's card does not say.",
    )


def test_two_are_joined_with_and(tmp_path: Path) -> None:
    assert claims(tmp_path, {"segmentation": "supported", "foundation": "demo"}, {}) == (
        "Model A is stated to support instance segmentation and foundation vision model;"
        " Model B's card does not say.",
    )


def test_acronyms_keep_their_case(tmp_path: Path) -> None:
    assert claims(tmp_path, {"ocr": "supported", "llm": "supported"}, {}) == (
        "Model A is stated to support OCR and LLM with vision; Model B's card does not say.",
    )


FIVE = {
    "captioning": "supported",
    "ocr": "demo",
    "detection": "supported",
    "vqa": "supported",
    "segmentation": "demo",
}


def test_more_than_four_unstated_are_counted(tmp_path: Path) -> None:
    a = {**FIVE, "llm": "no"}
    assert claims(tmp_path, a, {"llm": "supported"}) == (
        "Model A is stated to support 5 capabilities that Model B's card does not mention.",
        "Only Model B is stated to support LLM with vision; Model A's card says it does not.",
    )


def test_more_than_four_denied_are_counted(tmp_path: Path) -> None:
    b = dict.fromkeys(FIVE, "no")
    assert claims(tmp_path, FIVE, b) == (
        "Model A is stated to support 5 capabilities that Model B's card lists as not supported.",
    )


def test_denied_and_unstated_are_counted_apart(tmp_path: Path) -> None:
    # Five claims in all, but four denied and one unstated: each sentence names its own.
    b = dict.fromkeys(("ocr", "detection", "vqa", "segmentation"), "no")
    assert claims(tmp_path, FIVE, b) == (
        "Only Model A is stated to support OCR, object detection, visual question answering"
        " and instance segmentation; Model B's card says it does not.",
        "Model A is stated to support image captioning; Model B's card does not say.",
    )


def test_claims_shared_do_not_count(tmp_path: Path) -> None:
    # Six claims, two shared: four remain, so they are named.
    a = dict.fromkeys(("captioning", "ocr", "detection", "vqa", "segmentation", "llm"), "supported")
    b = {"captioning": "demo", "llm": "supported"}
    assert claims(tmp_path, a, b) == (
        "Model A is stated to support OCR, object detection, visual question answering"
        " and instance segmentation; Model B's card does not say.",
    )


def test_capabilities_outside_the_taxonomy_are_not_named(tmp_path: Path) -> None:
    # The loader refuses a card naming an unknown capability, so a profile built in code
    # is the only way to have one; lead_points keeps to the taxonomy.
    catalog, profiles = make_project(
        tmp_path, {"a": card("Model A", capabilities={"ocr": "demo"}), "b": card("Model B")}
    )
    a = profiles["a"]
    extra = a.card.model_copy(update={"capabilities": {"ocr": "demo", "telepathy": "supported"}})
    points = lead_points(replace(a, card=extra), profiles["b"], catalog.suites, catalog.config)
    assert points[1:] == ("Model A is stated to support OCR; Model B's card does not say.",)


# --- order of the arguments -----------------------------------------------------------


def test_swapping_the_models_keeps_the_facts(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {
            "a": card(
                "Model A", capabilities={"ocr": "demo", "vqa": "supported"}, pricing=usd("1", "1")
            ),
            "b": card("Model B", capabilities={"llm": "supported"}, pricing=usd("2", "2")),
        },
        {
            ("alpha", "a"): run((6, 6), (4, 4), avg_response_seconds=4.0, **TOKENS),
            ("alpha", "b"): run((3, 6), (1, 4), avg_response_seconds=2.0, **TOKENS),
            ("beta", "a"): beta_run(4),
        },
    )
    a, b = profiles["a"], profiles["b"]
    forward = lead_points(a, b, catalog.suites, catalog.config)
    backward = lead_points(b, a, catalog.suites, catalog.config)
    assert forward == (
        "Model A passes 6 more prompts of Alpha Evals than Model B (10 against 4 of 10).",
        "Model B answers Alpha Evals prompts 2.0x faster than Model A.",
        "Model A costs less per Alpha Evals task than Model B ($0.0011 against $0.0022).",
        "Only Model A has results on Beta Evals.",
        "Model A is stated to support OCR and visual question answering;"
        " Model B's card does not say.",
        "Model B is stated to support LLM with vision; Model A's card does not say.",
    )
    # The suites' sentences keep their order; each model's claims follow the first argument.
    assert backward == (*forward[:4], forward[5], forward[4])


@pytest.mark.parametrize(
    ("passed_a", "passed_b", "forward", "backward"),
    [
        (
            (3, 2),
            (3, 2),
            "Model A and Model B pass the same number of Alpha Evals prompts (5 of 10).",
            "Model B and Model A pass the same number of Alpha Evals prompts (5 of 10).",
        ),
        (
            (6, 2),
            (3, 2),
            "Model A and Model B are level within noise on Alpha Evals:"
            " Model A passes 8 of 10 prompts, Model B 5.",
            "Model B and Model A are level within noise on Alpha Evals:"
            " Model A passes 8 of 10 prompts, Model B 5.",
        ),
    ],
)
def test_swapping_swaps_the_names_of_ties(
    tmp_path: Path,
    passed_a: tuple[int, int],
    passed_b: tuple[int, int],
    forward: str,
    backward: str,
) -> None:
    # A tie names the models in the order given; who passes more keeps its place in the figures.
    catalog, profiles = make_project(
        tmp_path,
        {"a": card("Model A"), "b": card("Model B")},
        {
            ("alpha", "a"): run((passed_a[0], 6), (passed_a[1], 4), avg_response_seconds=1.0),
            ("alpha", "b"): run((passed_b[0], 6), (passed_b[1], 4), avg_response_seconds=1.05),
        },
        suites={"alpha": ALPHA},
    )
    a, b = profiles["a"], profiles["b"]
    same_time = "Both answer Alpha Evals prompts in about the same time."
    assert lead_points(a, b, catalog.suites, catalog.config) == (forward, same_time)
    assert lead_points(b, a, catalog.suites, catalog.config) == (backward, same_time)
    assert swapped((forward, same_time), "Model A", "Model B") == {backward, same_time}


# --- the tests' sample project --------------------------------------------------------


@pytest.fixture(scope="module")
def repo(sample_project: Path) -> tuple[Catalog, dict[str, Profile]]:
    catalog = load_project(sample_project, DocumentCache(None))
    return catalog, build_profiles(catalog)


def test_gemma_pair(repo: tuple[Catalog, dict[str, Profile]]) -> None:
    catalog, profiles = repo
    points = lead_points(
        profiles["gemma-4-12b"], profiles["gemma-4-26b-a4b"], catalog.suites, catalog.config
    )
    # 46 against 42 of 67 is within what chance gives: neither passes "more".
    assert points[:2] == (
        "Gemma 4 12B and Gemma 4 26B A4B are level within noise on Vision Evals:"
        " Gemma 4 26B A4B passes 46 of 67 prompts, Gemma 4 12B 42.",
        "Gemma 4 12B answers Vision Evals prompts 4.4x faster than Gemma 4 26B A4B.",
    )
    # Gemma 4 12B has no price: nothing is said about cost.
    assert not any("cost" in point for point in points)


def test_repo_pairs_are_symmetric(repo: tuple[Catalog, dict[str, Profile]]) -> None:
    catalog, profiles = repo
    for a, b in combinations(profiles.values(), 2):
        forward = lead_points(a, b, catalog.suites, catalog.config)
        backward = lead_points(b, a, catalog.suites, catalog.config)
        assert set(backward) == swapped(forward, a.name, b.name), (a.id, b.id)
        assert len(backward) == len(forward)


def test_repo_sentences_are_sentences(repo: tuple[Catalog, dict[str, Profile]]) -> None:
    catalog, profiles = repo
    for a, b in combinations(profiles.values(), 2):
        points = lead_points(a, b, catalog.suites, catalog.config)
        assert points, (a.id, b.id)
        for point in points:
            assert re.fullmatch(r"[A-Z].*\.", point), point
            assert "  " not in point, point
        assert len(set(points)) == len(points)


def test_cost_figures_use_exact_decimals(tmp_path: Path) -> None:
    catalog, profiles = make_project(
        tmp_path,
        {
            "a": card("Model A", pricing=usd("0.06", "0.33")),
            "b": card("Model B", pricing=usd("0.06", "0.33")),
        },
        {
            ("alpha", "a"): run((3, 6), (2, 4), median_input_tokens=294, median_output_tokens=214),
            ("alpha", "b"): run((3, 6), (2, 4), median_input_tokens=294, median_output_tokens=214),
        },
    )
    assert profiles["a"].runs["alpha"].cost_per_task == Decimal("0.00008826")
    points = lead_points(profiles["a"], profiles["b"], catalog.suites, catalog.config)
    assert points[1:] == ("Both cost the same per Alpha Evals task ($0.000088).",)


# --- figures that differ less than the page can show ----------------------------------


def test_percentages_equal_as_printed_are_level(tmp_path: Path) -> None:
    # 9/37 = 24.3243...% and 71/292 = 24.3150...%: both print as 24.32%, and differ by chance.
    points = wide_lead(tmp_path, run((9, 37)), run((71, 292)))
    assert points == (
        "Model A and Model B are level within noise on Alpha Evals"
        " (24.32% against 24.32%; the runs covered 37 and 292 of 600 prompts).",
    )


def test_a_ratio_of_exactly_1_1_is_faster_whatever_the_float_says(tmp_path: Path) -> None:
    assert 3.3 / 3.0 < 1.1  # the float ratio falls short
    assert speed_points(tmp_path, 3.0, 3.3) == (
        "Model A answers Alpha Evals prompts 1.1x faster than Model B.",
    )


@pytest.mark.parametrize(
    ("label", "written"),
    [
        ("Object detection", "object detection"),
        ("OCR", "OCR"),
        ("OCR-free parsing", "OCR-free parsing"),
        ("LaTeX rendering", "LaTeX rendering"),
        ("Visual question answering (VQA)", "visual question answering (VQA)"),
        ("LLM with vision", "LLM with vision"),
    ],
)
def test_labels_mid_sentence_keep_their_acronyms(label: str, written: str) -> None:
    assert mid_sentence(label) == written


# --- score rows are matched by their id, not their label --------------------------------


@pytest.mark.parametrize("label", ["Estimated cost per task", "Cost of one task"])
@pytest.mark.parametrize(("currency_b", "leads"), [("USD", True), ("EUR", False)])
def test_a_cost_row_leads_only_in_one_currency_whatever_its_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, label: str, currency_b: str, leads: bool
) -> None:
    monkeypatch.setitem(columns.MEASURE_LABELS, columns.Measure.COST, label)
    cards = {
        "a": card("Model A", pricing=usd("1", "1")),
        "b": card("Model B", pricing=usd("9", "9", currency_b)),
    }
    runs = {("alpha", m): run((3, 6), (2, 4), **TOKENS) for m in cards}
    catalog, profiles = make_project(tmp_path, cards, runs)
    table = tables.score_table(
        "alpha", catalog.suites["alpha"], [profiles["a"], profiles["b"]], catalog.config.bands
    )
    rows = {row.label: row for group in table.groups for row in group.rows}
    cost = rows[label]
    assert [cell.state for cell in cost.cells] == ["value", "value"]
    assert [cell.leader for cell in cost.cells] == [leads, False]


def test_the_index_shows_the_leaderboards_the_views_keep(tmp_path: Path) -> None:
    runs = {("alpha", "a"): run((3, 6), (2, 4)), ("alpha", "b"): run((1, 6), (2, 4))}
    catalog, _ = make_project(tmp_path, {"a": card("Model A"), "b": card("Model B")}, runs)
    views = SiteViews(catalog)
    boards = views.index()["leaderboards"]
    assert [row.profile.id for row in boards[0].rows] == ["a", "b"]
    kept = views.leaderboards()
    assert kept is views.leaderboards()  # computed once, for the index and the CSVs
    # the index's boards are the kept ones cut to their top, the same rows
    assert all(
        shown.rows == whole.rows[: len(shown.rows)]
        for shown, whole in zip(boards, kept, strict=True)
    )


# --- per-prompt outcomes: the paired test, counts on the prompts both runs answered -------

GAMMA: dict[str, Any] = {
    "name": "Gamma Evals",
    "summary": "A suite that lists its prompts.",
    "description": "The third suite.",
    "methodology": "Pass or fail.",
    "categories": [
        {"id": "reading", "label": "Reading"},
        {"id": "counting", "label": "Counting"},
    ],
}
"""A suite whose prompts are listed (``prompts.jsonl``): its counts come from the list."""


def marks_run(marks: str) -> list[dict[str, Any]]:
    """Outcomes of prompt ``g<i>`` for each character of ``marks``: ``1`` passed, ``0``
    failed, ``-`` not answered."""
    return [
        {"prompt": f"g{i:03d}", "passed": mark == "1"}
        for i, mark in enumerate(marks)
        if mark != "-"
    ]


def totals_of(marks: str) -> dict[str, Any]:
    """The same run as category totals only (no outcomes)."""
    half = len(marks) // 2
    categories = {}
    for category, part in (("reading", marks[:half]), ("counting", marks[half:])):
        answered = [mark for mark in part if mark != "-"]
        if answered:
            categories[category] = {"passed": answered.count("1"), "total": len(answered)}
    return {"provenance": "measured", "source": {"title": "tests"}, "categories": categories}


def gamma_project(
    root: Path, marks_a: str, marks_b: str, *, totals_b: bool = False
) -> tuple[Catalog, dict[str, Profile]]:
    """Models A and B on Gamma Evals, whose prompts are ``g000``... (the first half Reading,
    the rest Counting), with the outcomes ``marks_a`` and ``marks_b`` (B's as category totals
    only with ``totals_b``)."""
    assert len(marks_a) == len(marks_b)
    half = len(marks_a) // 2
    prompts = [
        {
            "id": f"g{i:03d}",
            "category": "reading" if i < half else "counting",
            "prompt": f"Prompt {i}?",
        }
        for i in range(len(marks_a))
    ]
    write(root, "evals/gamma/prompts.jsonl", "".join(json.dumps(p) + "\n" for p in prompts))
    result = {"provenance": "measured", "source": {"title": "tests"}}
    runs: dict[tuple[str, str], Mapping[str, Any]] = {("gamma", "a"): result}
    write(
        root,
        "evals/gamma/a.outcomes.jsonl",
        "".join(json.dumps(o) + "\n" for o in marks_run(marks_a)),
    )
    if totals_b:
        runs[("gamma", "b")] = totals_of(marks_b)
    else:
        runs[("gamma", "b")] = result
        write(
            root,
            "evals/gamma/b.outcomes.jsonl",
            "".join(json.dumps(o) + "\n" for o in marks_run(marks_b)),
        )
    return make_project(
        root, {"a": card("Model A"), "b": card("Model B")}, runs, suites={"gamma": GAMMA}
    )


def gamma_lead(root: Path, marks_a: str, marks_b: str, *, totals_b: bool = False) -> str:
    """The scores sentence of Models A and B on Gamma Evals; checks the other order says the
    same (the names of a tie swapped) and the table's overall row agrees with it."""
    catalog, profiles = gamma_project(root, marks_a, marks_b, totals_b=totals_b)
    a, b = profiles["a"], profiles["b"]
    (point,) = lead_points(a, b, catalog.suites, catalog.config)
    (back,) = lead_points(b, a, catalog.suites, catalog.config)
    assert swapped((point,), "Model A", "Model B") == {back}
    table = tables.score_table("gamma", catalog.suites["gamma"], [a, b], catalog.config.bands)
    overall = table.groups[0].rows[0]
    leaders = [name for name, cell in zip("AB", overall.cells, strict=True) if cell.leader]
    said = re.match(r"(On the .* answered, )?Model (A|B) (passes \d+ more|scores higher)", point)
    assert leaders == ([said.group(2)] if said else []), (point, leaders)
    assert overall.note == ("" if said else "Level within noise")
    return point


def test_paired_both_complete_finds_a_gap_the_totals_call_noise(tmp_path: Path) -> None:
    # 30 against 22 of the same 40: the 8 prompts only one passed all went to A (exact
    # McNemar p = 1/128); as independent totals, Newcombe's interval spans zero.
    a, b = "1" * 30 + "0" * 10, "1" * 22 + "0" * 18
    assert gamma_lead(tmp_path / "paired", a, b) == (
        "Model A passes 8 more prompts of Gamma Evals than Model B (30 against 22 of 40)."
    )
    # B's run known by its totals only: the totals rule, and the same counts are level
    assert gamma_lead(tmp_path / "totals", a, b, totals_b=True) == (
        "Model A and Model B are level within noise on Gamma Evals:"
        " Model A passes 30 of 40 prompts, Model B 22."
    )


def test_paired_both_complete_calls_noise_a_gap_the_totals_find(tmp_path: Path) -> None:
    # 60 against 45 of 100, on almost different prompts: 55 only A passed, 40 only B.
    a = "1" * 5 + "1" * 55 + "0" * 40
    b = "1" * 5 + "0" * 55 + "1" * 40
    assert gamma_lead(tmp_path / "paired", a, b) == (
        "Model A and Model B are level within noise on Gamma Evals:"
        " Model A passes 60 of 100 prompts, Model B 45."
    )
    assert gamma_lead(tmp_path / "totals", a, b, totals_b=True) == (
        "Model A passes 15 more prompts of Gamma Evals than Model B (60 against 45 of 100)."
    )


def test_different_coverage_counts_on_the_prompts_both_answered(tmp_path: Path) -> None:
    # A answered the first 10 of 20 and passed them all; B answered all 20 and passed 4 of
    # the first 10 and all the others. On the 10 both answered: 10 against 4, split 6 to 0.
    assert gamma_lead(tmp_path, "1" * 10 + "-" * 10, "1111000000" + "1" * 10) == (
        "On the 10 Gamma Evals prompts both runs answered,"
        " Model A passes 6 more than Model B (10 against 4)."
    )


def test_different_coverage_level_on_the_prompts_both_answered(tmp_path: Path) -> None:
    # On the 10 both answered, 5 against 3: level; B's rate (65%) is higher than A's (50%),
    # but the sentence counts the shared prompts, where A passed more.
    assert gamma_lead(tmp_path, "1111100000" + "-" * 10, "1110000000" + "1" * 10) == (
        "Model A and Model B are level within noise on Gamma Evals:"
        " on the 10 prompts both runs answered, Model A passes 5, Model B 3."
    )


def test_different_coverage_the_same_count_on_the_prompts_both_answered(tmp_path: Path) -> None:
    assert gamma_lead(tmp_path, "1111000000" + "-" * 10, "0000111100" + "1" * 10) == (
        "Model A and Model B pass the same number of Gamma Evals prompts"
        " (4 of the 10 prompts both runs answered)."
    )


def test_a_higher_rate_that_passed_fewer_shared_prompts_is_level(tmp_path: Path) -> None:
    # A 9 of 10 answered (90%), B 14 of 20 (70%); on the 10 both answered B passed all.
    assert gamma_lead(tmp_path, "1111111110" + "-" * 10, "1" * 10 + "1111000000") == (
        "Model A and Model B are level within noise on Gamma Evals:"
        " on the 10 prompts both runs answered, Model B passes 10, Model A 9."
    )


def test_one_prompt_in_common(tmp_path: Path) -> None:
    assert gamma_lead(tmp_path, "1-", "11") == (
        "Model A and Model B pass the same number of Gamma Evals prompts"
        " (1 of the 1 prompt both runs answered)."
    )


def test_no_prompt_in_common_compares_the_totals(tmp_path: Path) -> None:
    # Disjoint prompts: nothing to pair, two independent samples (Newcombe).
    marks_a = "1" * 30 + "-" * 30
    marks_b = "-" * 30 + "0" * 30
    assert gamma_lead(tmp_path, marks_a, marks_b) == (
        "Model A scores higher on Gamma Evals than Model B: 100% against 0% of the prompts"
        " each run covered (the runs covered 30 and 30 of 60 prompts)."
    )


def test_category_rows_use_their_own_prompts(tmp_path: Path) -> None:
    # Reading: both passed all 20. Counting: 10 against 2 of 20, the 8 only one passed all A's.
    catalog, profiles = gamma_project(tmp_path, "1" * 30 + "0" * 10, "1" * 22 + "0" * 18)
    table = tables.score_table(
        "gamma", catalog.suites["gamma"], [profiles["a"], profiles["b"]], catalog.config.bands
    )
    rows = {row.label: row for group in table.groups for row in group.rows}
    assert [cell.leader for cell in rows["Reading"].cells] == [False, False]
    assert rows["Reading"].note == "Level within noise"
    assert [cell.leader for cell in rows["Counting"].cells] == [True, False]
    reading = next(r for r in profiles["a"].score_rows["gamma"] if r.label == "Reading")
    assert reading.rate is not None
    assert reading.rate.verdicts is not None
    assert reading.rate.verdicts.answered == {f"g{i:03d}" for i in range(20)}
