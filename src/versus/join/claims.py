"""When a page may say that one model leads another: the rules, in one place.

A score table marks the best value of a row, a lead sentence says who passes
more prompts or answers faster, and the methodology page states the rules; all
three read them here, so a table and the sentence above it never disagree.

- A **pass rate** leads its row only when it is higher than each other rate of
  the row and differs from it at 95% confidence (:func:`leads`). When both runs
  give their per-prompt outcomes and answered some prompts in common, the test
  is paired: on those common prompts, the exact McNemar test
  (:func:`versus.join.stats.significantly_different_paired`) on the prompts only
  one of the two passed, and the leader must have passed more of them.
  Otherwise, on the totals: Newcombe's interval for the difference of the two
  rates (:func:`versus.join.stats.significantly_different`) excludes zero.
  Rates that do not lead are *level within noise*; in a row of three or more,
  where the top rate may well differ from the lowest, the *top scores* are.
- A card **claims** a capability when it states it supported or supported with
  a live demo (:data:`CLAIMED`); what one card claims and the other does not is
  said, the other's "no" apart from its silence.
- A **time** or a **cost** leads its row only when every other value of the
  row is at least :data:`CLEAR_RATIO` times it; closer values are *about the
  same* (in a row of three or more, the *lowest values* are). Only the runs
  that covered their suite's coverage threshold take part
  (:func:`compares_time_and_cost`): a run under it shows its time, but an
  average over part of the prompts is not set against averages over all of
  them, so its time neither leads nor keeps another from leading.

Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Literal, NamedTuple

from versus.inputs.outcomes import Outcome
from versus.inputs.scores import RunSummary
from versus.join import formatting, stats
from versus.join.cells import CellState


def confidence_shown() -> str:
    """The confidence level of every interval and test, as pages print it (``95%``)."""
    return formatting.percent(Decimal(str(stats.CONFIDENCE)) * 100, 0)


CLAIMED: tuple[CellState, ...] = ("supported", "demo")
"""The capability states in which a card claims a capability (the lead's sentences on
what one card claims and the other does not)."""

CLEAR_RATIO = Decimal("1.1")
"""A time or cost leads only when every other is at least this many times it."""

LEVEL = "Level within noise"
"""What a row of rates says when none of them is significantly the best."""
ABOUT_THE_SAME = "About the same"
"""What a row of times or costs says when none is clearly the lowest."""
LEVEL_AT_TOP = "Top scores level within noise"
""":data:`LEVEL` in a row of three or more rates: the top one is within noise of another,
not necessarily of every one (46 and 44 of 67 are level; 19 of 67 is not)."""
ABOUT_THE_SAME_AT_TOP = "Lowest values about the same"
""":data:`ABOUT_THE_SAME` in a row of three or more times or costs: the lowest is close to
another, not necessarily to every one."""


class Verdicts(NamedTuple):
    """Which prompts a run answered and which of them it passed, by prompt id."""

    answered: frozenset[str]
    passed: frozenset[str]


def verdicts(outcomes: Iterable[Outcome]) -> Verdicts:
    """The verdicts of some outcomes (a run's, or those of one category)."""
    rows = list(outcomes)
    return Verdicts(frozenset(map(_PROMPT, rows)), frozenset(map(_PROMPT, filter(_PASSED, rows))))


_PROMPT = attrgetter("prompt")
_PASSED = attrgetter("passed")


class Rate(NamedTuple):
    """A pass rate as counts: ``passed`` of ``total`` prompts, and which prompts when the
    run gives its outcomes (``verdicts``; ``None`` for a run known by its totals only)."""

    passed: int
    total: int
    verdicts: Verdicts | None = None

    @property
    def interval(self) -> stats.Interval:
        """Its 95% Wilson score interval (a proportion, 0 to 1)."""
        return stats.wilson_interval(self.passed, self.total)


def rates_differ(a: Rate, b: Rate) -> bool:
    """Whether two pass rates differ at 95% on their totals (Newcombe's interval excludes zero)."""
    return _totals_differ(a.passed, a.total, b.passed, b.total)


@lru_cache(maxsize=1 << 16)
def _totals_differ(passed_a: int, total_a: int, passed_b: int, total_b: int) -> bool:
    """:func:`stats.significantly_different`, kept: the same counts recur on many pairs."""
    return stats.significantly_different(passed_a, total_a, passed_b, total_b)


class Paired(NamedTuple):
    """Two runs on the prompts both answered."""

    common: int
    """How many prompts both runs answered."""
    passed: tuple[int, int]
    """How many of those each run passed."""
    only: tuple[int, int]
    """How many of those each run passed and the other failed."""


def discordant(a: Verdicts, b: Verdicts) -> tuple[frozenset[str], frozenset[str]]:
    """The prompts both runs answered that only ``a``, and only ``b``, passed."""
    return (a.passed & b.answered) - b.passed, (b.passed & a.answered) - a.passed


def paired(a: Rate, b: Rate) -> Paired | None:
    """The two rates on the prompts both runs answered; ``None`` when either run has no
    per-prompt outcomes or the two answered no prompt in common (nothing to pair)."""
    if a.verdicts is None or b.verdicts is None:
        return None
    answered_a, passed_a = a.verdicts
    answered_b, passed_b = b.verdicts
    common = len(answered_a & answered_b)
    if not common:
        return None
    # A prompt's pass counts only where the other run answered it too.
    shared_a, shared_b = passed_a & answered_b, passed_b & answered_a
    return Paired(
        common,
        (len(shared_a), len(shared_b)),
        (len(shared_a - passed_b), len(shared_b - passed_a)),
    )


@lru_cache(maxsize=1 << 16)
def _paired_differ(only_a: int, only_b: int) -> bool:
    """:func:`stats.significantly_different_paired`, kept: a site asks it the same few
    hundred questions on every pair page, and its exact fractions are not free."""
    return stats.significantly_different_paired(only_a, only_b)


def leads(rate: Rate, other: Rate) -> bool:
    """Whether ``rate`` leads ``other``: it is strictly higher, and the gap is beyond chance.

    Paired when both runs give their outcomes and share prompts (:func:`paired`): on the
    prompts both answered, ``rate``'s run passed more of those only one of the two passed,
    and the exact McNemar test finds the split significant at 95%. Otherwise on the
    totals (:func:`rates_differ`). A higher rate that passed fewer of the common prompts
    does not lead: the two rates tell different stories, and neither is claimed.
    """
    if rate.passed * other.total <= other.passed * rate.total:  # exact: not higher
        return False
    if rate.verdicts is None or other.verdicts is None:
        return rates_differ(rate, other)
    # what paired() counts of ``only``, without the sets this test does not read
    answered, passed = rate.verdicts
    answered_other, passed_other = other.verdicts
    if answered.isdisjoint(answered_other):
        return rates_differ(rate, other)
    only = len((passed & answered_other) - passed_other)
    only_other = len((passed_other & answered) - passed)
    return only > only_other and _paired_differ(only, only_other)


def compares_time_and_cost(run: RunSummary) -> bool:
    """Whether a run's response time and cost per task take part in a row's lead and in the
    sentences comparing two models: only when the run covered at least its suite's coverage
    threshold, the coverage its token and cost figures need to be shown
    (:attr:`~versus.inputs.scores.RunSummary.usage_shown`). A run under it still shows its
    time; its row value for leading is ``None``
    (:func:`versus.join.columns.score_rows`), which ``models.json`` publishes as a cell
    without ``value`` for ``assets/compare.js``."""
    return run.usage_shown


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
    """:data:`LEVEL` or :data:`ABOUT_THE_SAME` when two values are known but neither
    leads (:data:`LEVEL_AT_TOP`, :data:`ABOUT_THE_SAME_AT_TOP` when three or more are);
    empty otherwise."""


NO_LEAD = Lead(None)


def lead(
    values: Sequence[Decimal | None],
    better: Literal["higher", "lower"],
    rates: Sequence[Rate | None] = (),
) -> Lead:
    """The leader of a row: the best value, if the rules above let it lead every other.

    ``values`` are the row's values by column (``None``: the column has none); with
    ``better == "higher"`` they are pass rates and ``rates`` holds their counts (and
    their verdicts, where the runs give them: :func:`leads`).
    Fewer than two values lead nothing and say nothing.
    """
    if len(values) == 2:
        return lead_of_two(values[0], values[1], better, rates)
    known = [(column, value) for column, value in enumerate(values) if value is not None]
    if len(known) < 2:
        return NO_LEAD
    if better == "higher":
        best, top = max(known, key=itemgetter(1))
        rate = rates[best] if rates else None
        others = [(column, value) for column, value in known if column != best]
        if rate is not None and all(
            value != top and (other := rates[column]) is not None and leads(rate, other)
            for column, value in others
        ):
            return Lead(best)
        return Lead(None, LEVEL if len(known) == 2 else LEVEL_AT_TOP)
    best, low = min(known, key=itemgetter(1))
    if all(clearly_lower(low, value) for column, value in known if column != best):
        return Lead(best)
    return Lead(None, ABOUT_THE_SAME if len(known) == 2 else ABOUT_THE_SAME_AT_TOP)


def lead_of_two(
    first: Decimal | None,
    second: Decimal | None,
    better: Literal["higher", "lower"],
    rates: Sequence[Rate | None],
) -> Lead:
    """:func:`lead` of a row of two values, as it decides it (the first value on a tie):
    a pair page's every row, so without the lists a row of any width needs."""
    if first is None or second is None:
        return NO_LEAD
    if better == "higher":
        if first == second:
            return Lead(None, LEVEL)
        best = 0 if first > second else 1
        rate, other = (rates[best], rates[1 - best]) if rates else (None, None)
        if rate is not None and other is not None and leads(rate, other):
            return Lead(best)
        return Lead(None, LEVEL)
    best = 0 if first <= second else 1
    low, high = (first, second) if best == 0 else (second, first)
    return Lead(best) if clearly_lower(low, high) else Lead(None, ABOUT_THE_SAME)
