"""Derived figures: pass rates, coverage, cost per task, score bands.

Everything here is computed from the inputs with exact decimal arithmetic, and
never read from a file: a file may *state* a derived figure, and then
:func:`agrees` decides whether the statement matches what we compute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import compress
from typing import NamedTuple

from versus.inputs.outcomes import Outcome
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


class Middle(NamedTuple):
    """The middle of a list of whole numbers: its middle value, or its two middle values."""

    low: int
    high: int

    @property
    def median(self) -> int:
        """The mean of the middle two (one, for an odd count), rounded half up to a whole
        number: a token count is whole, and the cost per task is priced on it."""
        total = Decimal(self.low + self.high) / 2
        return int(total.to_integral_value(rounding=ROUND_HALF_UP))

    def holds(self, value: int) -> bool:
        """Whether ``value`` is a median: for an even count, any value from the lower to
        the upper middle value splits the list in halves."""
        return self.low <= value <= self.high


def middle(values: Sequence[int]) -> Middle:
    """The middle of ``values`` (at least one)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    if len(ordered) % 2:
        return Middle(ordered[half], ordered[half])
    return Middle(ordered[half - 1], ordered[half])


def mean(values: Sequence[float]) -> Decimal:
    """The mean of ``values`` (at least one), each taken as the decimal it is written as."""
    return sum(map(Decimal, map(repr, values)), Decimal(0)) / len(values)


@dataclass(frozen=True)
class OutcomeFigures:
    """What a run's outcomes give: its categories' counts, its mean time, its median tokens.

    A figure is ``None`` when not every outcome gives what it is computed from
    (:mod:`versus.inputs.promptchecks` makes a figure given by some outcomes only an error).
    """

    categories: Mapping[str, tuple[int, int]]
    """Category id -> (passed, total) for each category the outcomes cover, in suite order."""
    seconds: Decimal | None
    input_tokens: Middle | None
    output_tokens: Middle | None


def outcome_figures(
    categories: Sequence[str],
    of: Sequence[str],
    passed: Sequence[bool],
    seconds: Sequence[float | None],
    input_tokens: Sequence[int | None],
    output_tokens: Sequence[int | None],
) -> OutcomeFigures:
    """The figures of a run from its outcomes, given field by field (``of``: each outcome's
    category; columns, not rows, as the loader holds them); ``categories`` are the suite's,
    in order."""
    if not of:
        return OutcomeFigures({}, None, None, None)
    totals = Counter(of)
    passes = Counter(compress(of, passed))
    order = [*categories, *sorted(totals.keys() - set(categories))]
    return OutcomeFigures(
        categories={cat: (passes[cat], totals[cat]) for cat in order if totals[cat]},
        seconds=None if None in seconds else mean(seconds),  # type: ignore[arg-type]
        input_tokens=None if None in input_tokens else middle(input_tokens),  # type: ignore[arg-type]
        output_tokens=None if None in output_tokens else middle(output_tokens),  # type: ignore[arg-type]
    )


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
    outcomes: Mapping[str, Outcome] = field(default_factory=dict)
    """The run's outcome of each prompt it answered, by prompt id in the order of the
    suite's prompt list; empty when the run gives category totals only."""

    @property
    def coverage(self) -> Decimal:
        return percent(self.covered, self.suite.prompts)


def summarize(
    suite: Suite,
    result: Result,
    pricing: Pricing | None,
    bands: Sequence[Band],
    outcomes: Mapping[str, Outcome] | None = None,
) -> RunSummary:
    """Compute every figure of one run. Assumes the run passed :mod:`versus.inputs.checks`.

    A run that gives its outcomes (:meth:`versus.inputs.catalog.Catalog.outcomes_of`) has
    the figures they give in ``result`` already (the loader computes its categories, mean
    time and median tokens from them: :attr:`versus.inputs.catalog.Catalog.results`);
    pass them as ``outcomes`` to keep them with the summary.
    """
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
        outcomes=outcomes if outcomes is not None else {},
    )
