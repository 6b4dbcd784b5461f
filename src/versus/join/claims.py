"""When a page may say that one model leads another: the rules, in one place.

A score table marks the best value of a row, a lead sentence says who passes
more prompts or answers faster, and the methodology page states the rules; all
three read them here, so a table and the sentence above it never disagree.

- A **pass rate** leads its row only when it differs from each other rate of
  the row at 95% confidence (:func:`versus.join.stats.significantly_different`:
  Newcombe's interval for the difference of two rates excludes zero). Rates
  that do not are *level within noise*.
- A **time** or a **cost** leads its row only when every other value of the
  row is at least :data:`CLEAR_RATIO` times it; closer values are *about the
  same*.

Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Literal, NamedTuple

from versus.join import stats

CLEAR_RATIO = Decimal("1.1")
"""A time or cost leads only when every other is at least this many times it."""

LEVEL = "Level within noise"
"""What a row of rates says when none of them is significantly the best."""
ABOUT_THE_SAME = "About the same"
"""What a row of times or costs says when none is clearly the lowest."""


class Rate(NamedTuple):
    """A pass rate as counts: ``passed`` of ``total`` prompts."""

    passed: int
    total: int

    @property
    def interval(self) -> stats.Interval:
        """Its 95% Wilson score interval (a proportion, 0 to 1)."""
        return stats.wilson_interval(self.passed, self.total)


def rates_differ(a: Rate, b: Rate) -> bool:
    """Whether two pass rates differ at 95% (Newcombe's interval excludes zero)."""
    return stats.significantly_different(a.passed, a.total, b.passed, b.total)


def clearly_lower(low: Decimal, high: Decimal) -> bool:
    """Whether ``low`` is clearly below ``high``: ``high`` is at least :data:`CLEAR_RATIO`
    times it (exactly: 3.3 against 3.0 is 1.1, not 1.0999...). A cost of zero (a free
    model) is clearly below any positive cost, and not below another zero."""
    return high > low and high >= low * CLEAR_RATIO


class Lead(NamedTuple):
    """What a row of values supports saying."""

    leader: int | None
    """The column whose value leads the row, if one does."""
    note: str = ""
    """:data:`LEVEL` or :data:`ABOUT_THE_SAME` when two or more values are known but
    none leads; empty otherwise."""


NO_LEAD = Lead(None)


def lead(
    values: Sequence[Decimal | None],
    better: Literal["higher", "lower"],
    rates: Sequence[Rate | None] = (),
) -> Lead:
    """The leader of a row: the best value, if the rules above let it lead every other.

    ``values`` are the row's values by column (``None``: the column has none); with
    ``better == "higher"`` they are pass rates and ``rates`` holds their counts.
    Fewer than two values lead nothing and say nothing.
    """
    known = [(column, value) for column, value in enumerate(values) if value is not None]
    if len(known) < 2:
        return NO_LEAD
    if better == "higher":
        best, top = max(known, key=itemgetter(1))
        rate = rates[best] if rates else None
        others = [(column, value) for column, value in known if column != best]
        if rate is not None and all(
            value != top and (other := rates[column]) is not None and rates_differ(rate, other)
            for column, value in others
        ):
            return Lead(best)
        return Lead(None, LEVEL)
    best, low = min(known, key=itemgetter(1))
    if all(clearly_lower(low, value) for column, value in known if column != best):
        return Lead(best)
    return Lead(None, ABOUT_THE_SAME)
