"""The statistics behind a claim: when "leads" or "best" is supported by the data.

A page may say one model passes more prompts than another only when the gap
is larger than chance would make it, under rules the methodology page states.
These are the formulas those rules use, each with its published source:

- :func:`wilson_interval`: the Wilson score interval for one pass rate
  (Wilson 1927; method 3 of Newcombe 1998a).
- :func:`difference_interval`: an interval for the difference of two
  independent pass rates, Newcombe's hybrid score method built from the two
  Wilson intervals (method 10 of Newcombe 1998b).
- :func:`mcnemar_exact`: the exact two-sided McNemar test, for two models run
  on the same prompts, computed in exact rationals.
- :func:`competition_ranks`: "1224" ranking, equal values sharing a rank.

Standard library only, pure and deterministic: the same counts give the same
floats (or fractions) on every run.

References:
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. JASA 22:209-212.
    Newcombe, R. G. (1998a). Two-sided confidence intervals for the single
    proportion: comparison of seven methods. Statistics in Medicine 17:857-872.
    Newcombe, R. G. (1998b). Interval estimation for the difference between
    independent proportions: comparison of eleven methods. Statistics in
    Medicine 17:873-890.
    McNemar, Q. (1947). Note on the sampling error of the difference between
    correlated proportions or percentages. Psychometrika 12:153-157.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from statistics import NormalDist
from typing import Final, NamedTuple, TypeVar

CONFIDENCE: Final = 0.95
"""Confidence level of every interval a page relies on."""

ALPHA: Final = 0.05
"""Significance level of the paired test: a difference counts when p <= ALPHA (= 1 - CONFIDENCE)."""

T = TypeVar("T")


class Interval(NamedTuple):
    """A closed interval ``[low, high]``."""

    low: float
    high: float

    def excludes(self, value: float) -> bool:
        """Whether ``value`` lies outside the interval (a bound itself counts as inside)."""
        return value < self.low or value > self.high


def z_for(confidence: float) -> float:
    """The two-sided standard normal quantile ``z = Phi^-1((1 + confidence) / 2)``.

    1.959963984540054 for 95% (to within 1e-15: ``statistics.NormalDist`` is
    accurate to about that), 1.6448536269514722 for 90%.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, not {confidence}")
    return NormalDist().inv_cdf((1 + confidence) / 2)


def _check_counts(passed: int, total: int) -> None:
    if total <= 0:
        # No trials is "not evaluated", not a rate with a wide interval.
        raise ValueError(f"a rate needs at least one trial, not {total}")
    if not 0 <= passed <= total:
        raise ValueError(f"passed must lie between 0 and total ({total}), not {passed}")


def wilson_interval(passed: int, total: int, confidence: float = CONFIDENCE) -> Interval:
    """The Wilson score interval for the pass rate ``passed / total``, no continuity correction.

    With ``k = passed``, ``n = total``, ``p = k / n`` and ``z = z_for(confidence)``::

        (2np + z^2 -+ z * sqrt(z^2 + 4np(1 - p))) / (2(n + z^2))

    (Wilson 1927; Newcombe 1998a, method 3). The interval always lies within
    [0, 1]; its bound is exactly 0 when nothing passed and exactly 1 when
    everything did. Example: 81/263 gives 0.2553 to 0.3662 at 95%.

    Raises ValueError when ``total`` is not positive: no trials is no rate
    (the caller reports "not evaluated"), and no interval stands in for it.
    """
    _check_counts(passed, total)
    z = z_for(confidence)
    z2 = z * z
    centre = 2 * passed + z2
    # 4np(1 - p) = 4k(n - k)/n, the integer product kept exact.
    spread = z * math.sqrt(z2 + 4 * passed * (total - passed) / total)
    denominator = 2 * (total + z2)
    # At k = 0 and k = n the bound is 0 (or 1) exactly; rounding must not move it off.
    low = 0.0 if passed == 0 else (centre - spread) / denominator
    high = 1.0 if passed == total else (centre + spread) / denominator
    return Interval(low, high)


def difference_interval(
    passed_a: int, total_a: int, passed_b: int, total_b: int, confidence: float = CONFIDENCE
) -> Interval:
    """An interval for the difference of two independent pass rates, ``p_a - p_b``.

    Newcombe's hybrid score interval (Newcombe 1998b, method 10), built from
    the two Wilson intervals ``[l_a, u_a]`` and ``[l_b, u_b]``::

        low  = (p_a - p_b) - sqrt((p_a - l_a)^2 + (u_b - p_b)^2)
        high = (p_a - p_b) + sqrt((u_a - p_a)^2 + (p_b - l_b)^2)

    The interval lies within [-1, 1] and is exactly antisymmetric: swapping
    a and b negates and swaps its bounds. Example: 56/70 against 48/80
    (a difference of 0.2) gives 0.0524 to 0.3339 at 95%.
    """
    low_a, high_a = wilson_interval(passed_a, total_a, confidence)
    low_b, high_b = wilson_interval(passed_b, total_b, confidence)
    rate_a, rate_b = passed_a / total_a, passed_b / total_b
    difference = rate_a - rate_b
    low = difference - math.sqrt((rate_a - low_a) ** 2 + (high_b - rate_b) ** 2)
    high = difference + math.sqrt((high_a - rate_a) ** 2 + (rate_b - low_b) ** 2)
    # Mathematically within [-1, 1] already (low >= l_a - u_b); the clamp guards rounding.
    return Interval(max(-1.0, low), min(1.0, high))


def significantly_different(
    passed_a: int, total_a: int, passed_b: int, total_b: int, confidence: float = CONFIDENCE
) -> bool:
    """Whether two independent pass rates differ: their Newcombe interval excludes 0.

    For results known only as totals (passed of covered), e.g. runs on
    different prompt sets. When both models ran the same prompts and the
    per-prompt outcomes are known, :func:`significantly_different_paired`
    uses that pairing and is the stronger test.
    """
    return difference_interval(passed_a, total_a, passed_b, total_b, confidence).excludes(0.0)


def mcnemar_exact(only_a: int, only_b: int) -> Fraction:
    """The exact two-sided McNemar p-value, as an exact fraction.

    ``only_a`` prompts passed by model A alone, ``only_b`` by model B alone
    (the discordant pairs; prompts both passed or both failed carry no
    information on which is better). Under the null hypothesis each
    discordant prompt is equally likely to go either way, so with
    ``n = only_a + only_b`` and ``X ~ Binomial(n, 1/2)``::

        p = min(1, 2 * P(X <= min(only_a, only_b)))
          = min(1, 2 * sum_{i <= min} C(n, i) / 2^n)

    (McNemar 1947, exact conditional form: the two-sided sign test; Fay,
    "Exact McNemar's Test and Matching Confidence Intervals", R package
    exact2x2, Appendix B, shows the central, minlike and Blaker two-sided
    p-values all equal this one). p is 1 when there are no discordant pairs.

    Computed in integers, so it never underflows: 0 against 3000 gives
    ``2 / 2^3000``, not 0.0. ``float(p)`` converts it for printing.
    """
    if only_a < 0 or only_b < 0:
        raise ValueError(f"discordant counts cannot be negative: {only_a}, {only_b}")
    n, smaller = only_a + only_b, min(only_a, only_b)
    tail, term = 0, 1  # term = C(n, i), built up one factor at a time
    for i in range(smaller + 1):
        tail += term
        term = term * (n - i) // (i + 1)
    return min(Fraction(1), Fraction(2 * tail, 2**n))


def significantly_different_paired(only_a: int, only_b: int, alpha: float = ALPHA) -> bool:
    """Whether two models run on the same prompts differ: exact McNemar ``p <= alpha``.

    ``only_a`` and ``only_b`` are the prompts only one of the two models passed.
    """
    return mcnemar_exact(only_a, only_b) <= alpha


def competition_ranks(values: Sequence[T], key: Callable[[T], object] | None = None) -> list[int]:
    """Standard competition ("1224") ranks of ``values``, already sorted best first.

    Equal values (by ``==`` on ``key(value)``, or on the value itself; e.g.
    ``Decimal("80") == Decimal("80.0")``) share the rank of the first of
    them, and the next distinct value takes its position: 90, 80, 80, 70 rank
    1, 2, 2, 4. Keys must be hashable. Raises ValueError when a value equal to
    an earlier group comes back after a different one, which sorted input
    cannot do.
    """
    keys = [value if key is None else key(value) for value in values]
    ranks: list[int] = []
    seen: set[object] = set()
    for position, current in enumerate(keys):
        if position and current == keys[position - 1]:
            ranks.append(ranks[-1])
            continue
        if current in seen:
            raise ValueError(f"values are not sorted: {current!r} comes back at {position + 1}")
        seen.add(current)
        ranks.append(position + 1)
    return ranks
