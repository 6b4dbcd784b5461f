"""Derived figures: pass rates, coverage, cost per task, score bands.

Everything here is computed from the inputs with exact decimal arithmetic, and
never read from a file: a file may *state* a derived figure, and then
:func:`agrees` decides whether the statement matches what we compute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from versus.inputs.schema import Band, Category, Pricing, Result, Suite

_MILLION = Decimal(1_000_000)
_HUNDRED = Decimal(100)


def percent(passed: int, total: int) -> Decimal:
    """``passed / total`` as a percentage, exact to 28 digits."""
    return Decimal(passed) * _HUNDRED / Decimal(total)


def band_for(value: Decimal, bands: Sequence[Band]) -> Band:
    """The first band (highest first) whose ``min`` the value reaches."""
    for band in bands:
        if value >= Decimal(str(band.min)):
            return band
    return bands[-1]


def agrees(stated: float | Decimal, computed: Decimal) -> bool:
    """Whether ``stated`` is ``computed`` rounded to as many places as ``stated`` shows.

    ``62.69`` agrees with 42/67 = 62.6865...; ``0.0001`` agrees with 0.00008826; ``89``
    agrees with 8/9 = 88.88...%, ``89.0`` does not (the schema keeps ``89`` whole, see
    :data:`~versus.inputs.fieldtypes.StatedPercent`).
    """
    written = Decimal(str(stated))
    places = Decimal(1).scaleb(min(written.as_tuple().exponent, 0))  # type: ignore[arg-type]
    return computed.quantize(places, rounding=ROUND_HALF_UP) == written.quantize(places)


def cost_per_task(input_tokens: int, output_tokens: int, pricing: Pricing) -> Decimal:
    """Median tokens times the price per million, input plus output."""
    return (
        Decimal(input_tokens) * pricing.input_per_million
        + Decimal(output_tokens) * pricing.output_per_million
    ) / _MILLION


@dataclass(frozen=True)
class CategoryScore:
    """One category of one run; ``passed``/``total`` are ``None`` when the run skipped it."""

    category: Category
    passed: int | None
    total: int | None
    percent: Decimal | None
    band: Band | None


@dataclass(frozen=True)
class RunSummary:
    """One model's run on one suite, with every derived figure computed."""

    suite: Suite
    result: Result
    passed: int
    covered: int
    overall: Decimal
    band: Band
    categories: tuple[CategoryScore, ...]
    usage_shown: bool
    """Whether the run covered enough prompts for token and cost figures to be shown."""
    cost_per_task: Decimal | None
    currency: str | None

    @property
    def coverage(self) -> Decimal:
        return percent(self.covered, self.suite.prompts)


def summarize(
    suite: Suite, result: Result, pricing: Pricing | None, bands: Sequence[Band]
) -> RunSummary:
    """Compute every figure of one run. Assumes the run passed :mod:`versus.inputs.checks`."""
    suite_bands = suite.bands or bands
    categories = []
    for category in suite.categories:
        entry = result.categories.get(category.id)
        if entry is None:
            categories.append(CategoryScore(category, None, None, None, None))
            continue
        value = percent(entry.passed, entry.total)
        categories.append(
            CategoryScore(category, entry.passed, entry.total, value, band_for(value, suite_bands))
        )
    passed = sum(entry.passed for entry in result.categories.values())
    covered = sum(entry.total for entry in result.categories.values())
    overall = percent(passed, covered)
    usage_shown = (
        Decimal(covered) * _HUNDRED >= Decimal(str(suite.coverage_threshold)) * suite.prompts
    )
    cost = None
    if (
        usage_shown
        and pricing is not None
        and result.median_input_tokens is not None
        and result.median_output_tokens is not None
    ):
        cost = cost_per_task(result.median_input_tokens, result.median_output_tokens, pricing)
    return RunSummary(
        suite=suite,
        result=result,
        passed=passed,
        covered=covered,
        overall=overall,
        band=band_for(overall, suite_bands),
        categories=tuple(categories),
        usage_shown=usage_shown,
        cost_per_task=cost,
        currency=pricing.currency if cost is not None and pricing is not None else None,
    )
