"""The statistics behind a claim (versus.join.stats), checked against published figures.

Every expected number below is either a published worked example or
arithmetic on a closed form shown next to it; none is the module's own output.

Published figures and where they were checked:

- Wilson score interval, 95%, no continuity correction: Newcombe, R. G. (1998a).
  Two-sided confidence intervals for the single proportion: comparison of seven
  methods. Statistics in Medicine 17:857-872, method 3 on the paper's examples
  81/263, 15/148, 0/20 and 1/29. 81/263 and 15/148 are also asserted as
  "the results reported in Newcombe1998" by the R package propint's tests
  (m-Py/propint, tests/testthat/test_Single_Proportion_CI.R); the R package
  ratesci (tests/testthat/test3.R) uses 15/148, 0/20 and 1/29 as "Newcombe
  examples". 0/20's upper bound is also the closed form z^2 / (n + z^2).
- Newcombe hybrid score interval for a difference, 95%: Newcombe, R. G. (1998b).
  Interval estimation for the difference between independent proportions:
  comparison of eleven methods. Statistics in Medicine 17:873-890, Table II,
  method 10, examples (a) to (h). (a) and (b) are asserted by propint's tests
  (tests/testthat/test_Two_Independent_Props_CI.R); (d) by ratesci's tests
  ("Newcombe RD example (d)", -0.0381 to 0.1926); (a), (b) and (g) are SAS
  PROC FREQ's "Newcombe Score" output as printed in Lex Jansen, WUSS 2016
  paper 127, p. 9; all eight by capeconomics/mergeron-extra's tests
  ("Examples from Newcombe (1998), Table II").
- Exact McNemar test: Fagerland, Lydersen and Laake, "Statistical Analysis of
  Contingency Tables" (CRC 2017), chapter 8, the Cavo et al. (2012) table
  [[59, 6], [16, 80]]: "The McNemar exact conditional test: P = 0.052479"
  (R package contingencytables, tests/testthat/test-ch8.R). Small cases are
  worked by hand from the binomial sum, and every p-value is compared with
  the definition in M. P. Fay's exact2x2 vignette "Exact McNemar's Test and
  Matching Confidence Intervals", Appendix B: the sum of the null
  probabilities of all outcomes at least as far from n/2 as the observed one.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from versus.join.stats import (
    ALPHA,
    CONFIDENCE,
    Interval,
    competition_ranks,
    difference_interval,
    mcnemar_exact,
    significantly_different,
    significantly_different_paired,
    wilson_interval,
    z_for,
)

FOUR_DECIMALS = 5e-5  # a published figure rounded to 4 places is within half a unit of the 4th
Z95 = 1.959963984540054  # Phi^-1(0.975), the correctly rounded double

# (passed, total, low, high): Newcombe 1998a, method 3.
NEWCOMBE_WILSON = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]

# (passed_a, total_a, passed_b, total_b, low, high): Newcombe 1998b, Table II, method 10.
NEWCOMBE_DIFFERENCE = [
    (56, 70, 48, 80, 0.0524, 0.3339),  # (a)
    (9, 10, 3, 10, 0.1705, 0.8090),  # (b)
    (6, 7, 2, 7, 0.0582, 0.8062),  # (c)
    (5, 56, 0, 29, -0.0381, 0.1926),  # (d)
    (0, 10, 0, 20, -0.1611, 0.2775),  # (e)
    (0, 10, 0, 10, -0.2775, 0.2775),  # (f)
    (10, 10, 0, 20, 0.6791, 1.0000),  # (g)
    (10, 10, 0, 10, 0.6075, 1.0000),  # (h)
]


def counts(max_total: int = 2000) -> st.SearchStrategy[tuple[int, int]]:
    """(passed, total) with 1 <= total."""
    return st.integers(1, max_total).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


# z


def test_z_for_95_percent_is_the_normal_quantile() -> None:
    assert z_for(CONFIDENCE) == pytest.approx(Z95, abs=1e-15)
    assert z_for(0.90) == pytest.approx(1.6448536269514722, abs=1e-15)
    assert z_for(0.99) == pytest.approx(2.5758293035489004, abs=1e-15)


@pytest.mark.parametrize("confidence", [0.0, 1.0, -0.5, 1.5])
def test_z_for_refuses_a_confidence_outside_0_1(confidence: float) -> None:
    with pytest.raises(ValueError, match="confidence"):
        z_for(confidence)


def test_alpha_is_one_minus_confidence() -> None:
    assert pytest.approx(1 - CONFIDENCE) == ALPHA


# Wilson


@pytest.mark.parametrize(("passed", "total", "low", "high"), NEWCOMBE_WILSON)
def test_wilson_matches_newcombe(passed: int, total: int, low: float, high: float) -> None:
    interval = wilson_interval(passed, total)
    assert interval.low == pytest.approx(low, abs=FOUR_DECIMALS)
    assert interval.high == pytest.approx(high, abs=FOUR_DECIMALS)


@pytest.mark.parametrize("total", [1, 10, 20, 29, 1000])
def test_wilson_at_none_and_all_passed_is_the_closed_form(total: int) -> None:
    # k = 0: [0, z^2 / (n + z^2)]; k = n: [n / (n + z^2), 1].
    z2 = Z95 * Z95
    none, every = wilson_interval(0, total), wilson_interval(total, total)
    assert none.low == 0.0
    assert none.high == pytest.approx(z2 / (total + z2), rel=1e-12)
    assert every.low == pytest.approx(total / (total + z2), rel=1e-12)
    assert every.high == 1.0


def test_wilson_at_half_is_symmetric_about_half() -> None:
    # k = n/2: 1/2 -+ z sqrt(z^2 + n) / (2(n + z^2)); 5/10 gives 0.2366 to 0.7634.
    low, high = wilson_interval(5, 10)
    half = Z95 * math.sqrt(Z95 * Z95 + 10) / (2 * (10 + Z95 * Z95))
    assert low == pytest.approx(0.5 - half, abs=1e-12)
    assert high == pytest.approx(0.5 + half, abs=1e-12)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)


def test_wilson_is_wider_at_a_higher_confidence() -> None:
    narrow, wide = wilson_interval(30, 100, 0.90), wilson_interval(30, 100, 0.99)
    assert wide.low < narrow.low < 0.3 < narrow.high < wide.high


@pytest.mark.parametrize(("passed", "total"), [(0, 0), (1, 0), (-1, 10), (11, 10), (0, -3)])
def test_wilson_refuses_impossible_counts(passed: int, total: int) -> None:
    with pytest.raises(ValueError, match=r"trial|passed"):
        wilson_interval(passed, total)


@given(counts())
def test_wilson_lies_in_0_1_and_holds_the_rate(case: tuple[int, int]) -> None:
    passed, total = case
    low, high = wilson_interval(passed, total)
    assert 0.0 <= low <= passed / total <= high <= 1.0
    assert low < high
    assert (low == 0.0) == (passed == 0)
    assert (high == 1.0) == (passed == total)


@given(counts(), st.floats(0.5, 0.999))
def test_wilson_at_any_confidence_lies_in_0_1_and_holds_the_rate(
    case: tuple[int, int], confidence: float
) -> None:
    passed, total = case
    low, high = wilson_interval(passed, total, confidence)
    assert 0.0 <= low <= passed / total <= high <= 1.0
    assert (low == 0.0) == (passed == 0)
    assert (high == 1.0) == (passed == total)


@given(counts(500), st.integers(2, 20))
def test_wilson_narrows_with_more_trials_at_the_same_rate(
    case: tuple[int, int], factor: int
) -> None:
    passed, total = case
    few, many = wilson_interval(passed, total), wilson_interval(passed * factor, total * factor)
    assert many.high - many.low < few.high - few.low


@given(counts())
def test_wilson_mirrors_under_swapping_pass_and_fail(case: tuple[int, int]) -> None:
    passed, total = case
    low, high = wilson_interval(passed, total)
    mirrored = wilson_interval(total - passed, total)
    assert mirrored.low == pytest.approx(1 - high, abs=1e-12)
    assert mirrored.high == pytest.approx(1 - low, abs=1e-12)


# Newcombe difference


@pytest.mark.parametrize(
    ("passed_a", "total_a", "passed_b", "total_b", "low", "high"), NEWCOMBE_DIFFERENCE
)
def test_difference_matches_newcombe_table_ii(
    passed_a: int, total_a: int, passed_b: int, total_b: int, low: float, high: float
) -> None:
    interval = difference_interval(passed_a, total_a, passed_b, total_b)
    assert interval.low == pytest.approx(low, abs=FOUR_DECIMALS)
    assert interval.high == pytest.approx(high, abs=FOUR_DECIMALS)
    assert significantly_different(passed_a, total_a, passed_b, total_b) == (low > 0 or high < 0)


def test_difference_with_nothing_passed_on_either_side_is_the_two_wilson_bounds() -> None:
    # 0/10 against 0/20: low = -u_b, high = u_a, each z^2 / (n + z^2).
    z2 = Z95 * Z95
    low, high = difference_interval(0, 10, 0, 20)
    assert low == pytest.approx(-z2 / (20 + z2), rel=1e-12)
    assert high == pytest.approx(z2 / (10 + z2), rel=1e-12)


def test_significantly_different_needs_the_interval_to_clear_zero() -> None:
    assert significantly_different(56, 70, 48, 80)  # (a): 0.0524 to 0.3339
    assert significantly_different(48, 80, 56, 70)  # the same, seen from the other side
    assert not significantly_different(5, 56, 0, 29)  # (d): -0.0381 to 0.1926
    assert not significantly_different(7, 10, 7, 10)
    assert not significantly_different(0, 10, 0, 20)


def test_difference_refuses_an_empty_side() -> None:
    with pytest.raises(ValueError, match="trial"):
        difference_interval(3, 10, 0, 0)


@given(counts(), counts())
def test_difference_is_antisymmetric(a: tuple[int, int], b: tuple[int, int]) -> None:
    forward, backward = difference_interval(*a, *b), difference_interval(*b, *a)
    assert backward == Interval(-forward.high, -forward.low)
    assert significantly_different(*a, *b) == significantly_different(*b, *a)


@given(counts(), counts())
def test_difference_lies_in_minus_1_1_and_holds_the_difference(
    a: tuple[int, int], b: tuple[int, int]
) -> None:
    low, high = difference_interval(*a, *b)
    assert -1.0 <= low <= a[0] / a[1] - b[0] / b[1] <= high <= 1.0


@given(counts(300), st.integers(2, 10))
def test_same_rates_never_differ(case: tuple[int, int], factor: int) -> None:
    passed, total = case
    assert not significantly_different(passed, total, passed * factor, total * factor)


# McNemar


def fay_definition(only_a: int, only_b: int) -> Fraction:
    """Fay's p_e: the null mass of every outcome at least as far from n/2 as only_a is."""
    n = only_a + only_b
    far = abs(2 * only_a - n)
    return Fraction(sum(math.comb(n, x) for x in range(n + 1) if abs(2 * x - n) >= far), 2**n)


def test_mcnemar_matches_fagerland_cavo_example() -> None:
    # Cavo et al. (2012) in Fagerland et al. (2017): [[59, 6], [16, 80]], discordant 6 and 16.
    p = mcnemar_exact(6, 16)
    assert f"{float(p):.6f}" == "0.052479"
    # 2 * (C(22,0) + ... + C(22,6)) / 2^22 = 2 * 110056 / 4194304
    assert p == Fraction(2 * 110056, 2**22)
    assert not significantly_different_paired(6, 16)


@pytest.mark.parametrize(
    ("only_a", "only_b", "p"),
    [
        (0, 5, Fraction(1, 16)),  # 2 * 1/32 = 0.0625
        (1, 9, Fraction(11, 512)),  # 2 * (1 + 10)/1024 = 0.021484375
        (1, 7, Fraction(9, 128)),  # 2 * (1 + 8)/256 = 0.0703125
        (2, 9, Fraction(67, 1024)),  # 2 * (1 + 11 + 55)/2048
        (0, 1, Fraction(1)),  # 2 * 1/2, capped at 1
        (3, 3, Fraction(1)),
        (4, 5, Fraction(1)),  # P(X <= 4) = 1/2 for n = 9
        (0, 0, Fraction(1)),  # no discordant pairs, no evidence
    ],
)
def test_mcnemar_small_cases_by_hand(only_a: int, only_b: int, p: Fraction) -> None:
    assert mcnemar_exact(only_a, only_b) == p


def test_mcnemar_does_not_underflow() -> None:
    p = mcnemar_exact(0, 3000)
    assert p == Fraction(2, 2**3000)
    assert p > 0
    assert significantly_different_paired(0, 3000)


def test_mcnemar_paired_decision_at_alpha() -> None:
    assert significantly_different_paired(1, 9)  # 0.0215
    assert not significantly_different_paired(0, 5)  # 0.0625: five to none is not enough
    assert significantly_different_paired(0, 6)  # 0.03125
    assert not significantly_different_paired(1, 9, alpha=0.01)


def test_mcnemar_refuses_negative_counts() -> None:
    with pytest.raises(ValueError, match="negative"):
        mcnemar_exact(-1, 4)


@given(st.integers(0, 400), st.integers(0, 400))
def test_mcnemar_is_fays_exact_p_symmetric_and_in_0_1(only_a: int, only_b: int) -> None:
    p = mcnemar_exact(only_a, only_b)
    assert p == fay_definition(only_a, only_b)
    assert p == mcnemar_exact(only_b, only_a)
    assert 0 < p <= 1
    assert (p == 1) == (abs(only_a - only_b) <= 1)


@given(st.integers(0, 300), st.integers(0, 300))
def test_mcnemar_falls_as_the_imbalance_grows(only_a: int, only_b: int) -> None:
    smaller, larger = sorted((only_a, only_b))
    assert mcnemar_exact(smaller, larger + 1) <= mcnemar_exact(smaller, larger)


# competition ranks


def test_competition_ranks_share_a_rank_and_skip_after_it() -> None:
    assert competition_ranks([90, 80, 80, 70]) == [1, 2, 2, 4]
    assert competition_ranks([Decimal("80"), Decimal("80.0"), Decimal("79.99")]) == [1, 1, 3]
    assert competition_ranks([5, 5, 5]) == [1, 1, 1]
    assert competition_ranks([3, 2, 1]) == [1, 2, 3]
    assert competition_ranks([]) == []


def test_competition_ranks_by_key() -> None:
    rows = [("a", Decimal("0.9")), ("b", Decimal("0.9")), ("c", Decimal("0.5"))]
    assert competition_ranks(rows, key=lambda row: row[1]) == [1, 1, 3]


def test_competition_ranks_refuse_unsorted_values() -> None:
    with pytest.raises(ValueError, match="not sorted"):
        competition_ranks([3, 2, 3])


@given(st.lists(st.integers(0, 6)))
def test_competition_ranks_count_the_better_values(values: list[int]) -> None:
    ordered = sorted(values, reverse=True)
    # 1 + the number of strictly better values, by definition of competition ranking.
    expected = [1 + sum(other > value for other in ordered) for value in ordered]
    assert competition_ranks(ordered) == expected
