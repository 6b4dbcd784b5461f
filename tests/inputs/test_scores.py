"""Derived figures: pass rates, agreement with stated figures, cost, bands, summaries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from versus.inputs.schema import DEFAULT_BANDS, Band, Pricing, Result, Suite
from versus.inputs.scores import agrees, band_for, cost_per_task, percent, summarize

PRICING = Pricing.model_validate(
    {
        "currency": "USD",
        "input_per_million": 0.06,
        "output_per_million": 0.33,
        "as_of": "2026-11",
        "source": "The tests",
    }
)


def make_suite(**changes: Any) -> Suite:
    """A suite of 10 prompts in two categories of 5, shown usage at 90% coverage."""
    fields: dict[str, Any] = {
        "name": "Probe Suite",
        "summary": "A suite the tests build.",
        "description": "Built by the tests.",
        "methodology": "Pass or fail.",
        "prompts": 10,
        "coverage_threshold": 90,
        "categories": [
            {"id": "first", "label": "First", "prompts": 5},
            {"id": "second", "label": "Second", "prompts": 5},
        ],
    }
    fields.update(changes)
    return Suite.model_validate(fields)


def make_result(categories: dict[str, tuple[int, int]], **changes: Any) -> Result:
    fields: dict[str, Any] = {
        "provenance": "measured",
        "source": {"title": "The tests"},
        "categories": {
            cat_id: {"passed": passed, "total": total}
            for cat_id, (passed, total) in categories.items()
        },
        "median_input_tokens": 294,
        "median_output_tokens": 214,
    }
    fields.update(changes)
    return Result.model_validate(fields)


def test_percent_is_exact() -> None:
    assert percent(42, 67) == Decimal(4200) / Decimal(67)
    assert percent(1, 2) == Decimal(50)
    assert percent(0, 7) == Decimal(0)
    assert percent(3, 3) == Decimal(100)


@pytest.mark.parametrize(
    ("stated", "computed", "result"),
    [
        (62.69, percent(42, 67), True),
        (62.7, percent(42, 67), True),
        (63, percent(42, 67), True),
        (62.68, percent(42, 67), False),
        (62.6, percent(42, 67), False),
        (62.687, percent(42, 67), True),
        (68.66, percent(46, 67), True),
        (0.0001, Decimal("0.00008826"), True),
        (0.00009, Decimal("0.00008826"), True),
        (0.0002, Decimal("0.00008826"), False),
        (Decimal("0.00008826"), Decimal("0.00008826"), True),
        (80.0, Decimal(80), True),
        (80, Decimal("79.5"), True),
        (80, Decimal("79.49"), False),
        (Decimal("89"), percent(8, 9), True),
        (Decimal("89.0"), percent(8, 9), False),
        (Decimal("88.90"), percent(8, 9), False),
    ],
)
def test_agrees_rounds_to_the_places_stated(
    stated: float | Decimal, computed: Decimal, result: bool
) -> None:
    assert agrees(stated, computed) is result


def test_cost_per_task_is_exact() -> None:
    cost = cost_per_task(294, 214, PRICING)
    assert cost == Decimal("0.00008826")
    assert isinstance(cost, Decimal)


def test_cost_per_task_of_no_tokens_is_zero() -> None:
    assert cost_per_task(0, 0, PRICING) == 0


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (Decimal(100), "high"),
        (Decimal(75), "high"),
        (Decimal("74.99"), "mid"),
        (Decimal(40), "mid"),
        (Decimal("39.9"), "low"),
        (Decimal(0), "low"),
    ],
)
def test_band_for_at_the_edges(value: Decimal, band: str) -> None:
    assert band_for(value, DEFAULT_BANDS).id == band


def test_band_for_below_every_min_is_the_last_band() -> None:
    bands = [Band(id="top", label="Top", min=50), Band(id="rest", label="Rest", min=10)]
    assert band_for(Decimal(5), bands).id == "rest"


def test_overall_is_sum_passed_over_sum_total() -> None:
    summary = summarize(
        make_suite(), make_result({"first": (1, 2), "second": (3, 8)}), PRICING, DEFAULT_BANDS
    )
    assert (summary.passed, summary.covered) == (4, 10)
    assert summary.overall == Decimal(40)  # not the mean of 50% and 37.5%
    assert summary.band.id == "mid"
    assert [c.percent for c in summary.categories] == [Decimal(50), Decimal("37.5")]
    assert [c.band.id if c.band else None for c in summary.categories] == ["mid", "low"]


def test_usage_is_shown_at_exactly_the_threshold() -> None:
    summary = summarize(
        make_suite(), make_result({"first": (5, 5), "second": (4, 4)}), PRICING, DEFAULT_BANDS
    )
    assert summary.coverage == Decimal(90)
    assert summary.usage_shown is True
    assert summary.cost_per_task == Decimal("0.00008826")
    assert summary.currency == "USD"


def test_usage_is_hidden_below_the_threshold() -> None:
    summary = summarize(
        make_suite(), make_result({"first": (5, 5), "second": (3, 3)}), PRICING, DEFAULT_BANDS
    )
    assert summary.coverage == Decimal(80)
    assert summary.usage_shown is False
    assert summary.cost_per_task is None
    assert summary.currency is None


def test_a_fractional_threshold_is_compared_exactly() -> None:
    suite = make_suite(coverage_threshold=89.9)
    summary = summarize(
        suite, make_result({"first": (5, 5), "second": (4, 4)}), PRICING, DEFAULT_BANDS
    )
    assert summary.usage_shown is True


def test_a_category_missing_from_the_result_has_no_percent() -> None:
    summary = summarize(make_suite(), make_result({"first": (4, 5)}), PRICING, DEFAULT_BANDS)
    first, second = summary.categories
    assert (first.passed, first.total, first.percent) == (4, 5, Decimal(80))
    assert (second.passed, second.total, second.percent, second.band) == (None, None, None, None)
    assert second.category.id == "second"
    assert summary.overall == Decimal(80)


@pytest.mark.parametrize("missing", ["median_input_tokens", "median_output_tokens"])
def test_no_cost_without_tokens(missing: str) -> None:
    result = make_result({"first": (5, 5), "second": (5, 5)}, **{missing: None})
    summary = summarize(make_suite(), result, PRICING, DEFAULT_BANDS)
    assert summary.usage_shown is True
    assert summary.cost_per_task is None
    assert summary.currency is None


def test_no_cost_without_pricing() -> None:
    summary = summarize(
        make_suite(), make_result({"first": (5, 5), "second": (5, 5)}), None, DEFAULT_BANDS
    )
    assert summary.cost_per_task is None
    assert summary.currency is None


def test_suite_bands_override_the_site_bands() -> None:
    suite = make_suite(
        bands=[
            {"id": "pass", "label": "Pass", "min": 50},
            {"id": "fail", "label": "Fail", "min": 0},
        ]
    )
    summary = summarize(
        suite, make_result({"first": (3, 5), "second": (2, 5)}), PRICING, DEFAULT_BANDS
    )
    assert summary.band.id == "pass"
    assert [c.band.id if c.band else None for c in summary.categories] == ["pass", "fail"]
