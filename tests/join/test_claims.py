"""The rules of a claim (versus.join.claims): when a value leads its row, and what a row
without a leader says.

The statistics themselves (Wilson and Newcombe intervals, the exact McNemar test) are
checked against published figures in ``test_stats.py``; here, how the rules use them: at
their boundaries, with missing values, over several columns, which test a pair of rates
gets (paired on the prompts both runs answered, or on the totals), and as properties over
generated rows.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from versus.inputs.outcomes import Outcome
from versus.inputs.scores import percent
from versus.join.claims import (
    ABOUT_THE_SAME,
    ABOUT_THE_SAME_AT_TOP,
    CLEAR_RATIO,
    LEVEL,
    LEVEL_AT_TOP,
    NO_LEAD,
    Lead,
    Paired,
    Rate,
    Verdicts,
    clearly_lower,
    discordant,
    lead,
    leads,
    paired,
    rates_differ,
    verdicts,
)
from versus.join.stats import difference_interval, mcnemar_exact, significantly_different


def rate_row(*counts: tuple[int, int] | None) -> tuple[list[Decimal | None], list[Rate | None]]:
    """A row of pass rates as a score table holds it: percentages and their counts."""
    rates = [None if c is None else Rate(*c) for c in counts]
    return [None if r is None else percent(r.passed, r.total) for r in rates], rates


def rates_lead(*counts: tuple[int, int] | None) -> Lead:
    values, rates = rate_row(*counts)
    return lead(values, "higher", rates)


def lower_lead(*values: str | None) -> Lead:
    return lead([None if v is None else Decimal(v) for v in values], "lower")


# --- pass rates -------------------------------------------------------------------------


def test_the_samples_gap_is_level_within_noise() -> None:
    # 46 against 42 of 67: 68.66% against 62.69%, and the difference's interval spans zero.
    assert difference_interval(46, 67, 42, 67).low < 0
    assert not rates_differ(Rate(46, 67), Rate(42, 67))
    assert not rates_differ(Rate(42, 67), Rate(46, 67))
    assert rates_lead((42, 67), (46, 67)) == Lead(None, LEVEL)
    assert rates_lead((46, 67), (42, 67)) == Lead(None, LEVEL)


@pytest.mark.parametrize(
    ("passed", "leads"),
    [
        # Against 42 of 67, the nearest counts on each side that differ beyond chance:
        # the Newcombe interval's low bound is -0.0058 at 52, +0.0102 at 53 (test_stats.py
        # checks the interval itself against Newcombe's published examples).
        (52, False),
        (53, True),
        (31, False),
        (30, True),
    ],
)
def test_the_boundary_of_significance(passed: int, leads: bool) -> None:
    assert rates_differ(Rate(passed, 67), Rate(42, 67)) is leads
    higher = 0 if passed > 42 else 1
    expected = Lead(higher) if leads else Lead(None, LEVEL)
    assert rates_lead((passed, 67), (42, 67)) == expected


def test_a_clearly_significant_gap_leads_in_either_column() -> None:
    assert rates_lead((60, 67), (30, 67)) == Lead(0)
    assert rates_lead((30, 67), (60, 67)) == Lead(1)
    # a leading row says nothing more
    assert rates_lead((60, 67), (30, 67)).note == ""


def test_different_totals_compare_rates_not_counts() -> None:
    # 120 of 150 (80%) leads 150 of 600 (25%), though it passed fewer prompts.
    assert rates_lead((150, 600), (120, 150)) == Lead(1)


def test_three_columns_the_top_must_beat_each_other_column() -> None:
    # 15/15 differs from 11/15 beyond chance but not from 12/15: no leader.
    assert rates_differ(Rate(15, 15), Rate(11, 15))
    assert not rates_differ(Rate(15, 15), Rate(12, 15))
    # the row does not say all three are level: 15/15 is beyond noise of 11/15
    assert rates_lead((11, 15), (12, 15), (15, 15)) == Lead(None, LEVEL_AT_TOP)
    assert rates_lead((11, 15), (15, 15)) == Lead(1)
    # and beating both, it leads
    assert rates_lead((1, 10), (10, 10), (1, 10)) == Lead(1)


def test_equal_top_values_are_level() -> None:
    assert rates_lead((10, 10), (10, 10), (1, 10)) == Lead(None, LEVEL_AT_TOP)
    assert rates_lead((8, 9), (8, 9)) == Lead(None, LEVEL)
    # equal as rates, from different counts
    assert rates_lead((30, 60), (5, 10)) == Lead(None, LEVEL)


def test_fewer_than_two_values_lead_nothing_and_say_nothing() -> None:
    assert Lead(None, "") == NO_LEAD
    assert rates_lead() == NO_LEAD
    assert rates_lead((5, 10)) == NO_LEAD
    assert rates_lead((5, 10), None) == NO_LEAD
    assert rates_lead(None, (10, 10), None) == NO_LEAD
    assert rates_lead(None, None) == NO_LEAD
    assert lower_lead() == NO_LEAD
    assert lower_lead("3.0") == NO_LEAD
    assert lower_lead(None, "0") == NO_LEAD


def test_missing_values_are_skipped() -> None:
    assert rates_lead(None, (10, 10), None, (1, 10)) == Lead(1)
    assert rates_lead(None, (46, 67), None, (42, 67)) == Lead(None, LEVEL)
    assert rates_lead((1, 10), None, (10, 10)) == Lead(2)


def test_a_rate_without_counts_leads_nothing() -> None:
    # The counts decide; a row of percentages alone cannot say a gap is beyond chance.
    values, rates = rate_row((10, 10), (1, 10))
    assert lead(values, "higher") == Lead(None, LEVEL)
    assert lead(values, "higher", [rates[0], None]) == Lead(None, LEVEL)
    assert lead(values, "higher", [None, rates[1]]) == Lead(None, LEVEL)


def test_a_gap_of_one_prompt_is_never_significant() -> None:
    # Why no lead sentence says "1 more prompt": at every size up to 120 prompts, the
    # interval of k + 1 against k of n spans zero.
    for total in range(1, 121):
        for passed in range(total):
            assert not rates_differ(Rate(passed + 1, total), Rate(passed, total)), (passed, total)


# --- the paired test, when both runs give their outcomes --------------------------------


def run_of(passed: str, first: int = 0) -> Rate:
    """A run with outcomes: prompt ``p<first + i>`` answered for each character of
    ``passed``, passed where it is ``1`` (``-``: not answered)."""
    answered = {f"p{first + i}" for i, mark in enumerate(passed) if mark != "-"}
    won = {f"p{first + i}" for i, mark in enumerate(passed) if mark == "1"}
    return Rate(len(won), len(answered), Verdicts(frozenset(answered), frozenset(won)))


def test_verdicts_come_from_outcomes() -> None:
    rows = [
        Outcome("cats", "counting", True, "3", None, None, None),
        Outcome("sign", "reading", False, "", None, None, None),
        Outcome("menu", "reading", True, None, None, None, None),
    ]
    assert verdicts(rows) == Verdicts(
        frozenset({"cats", "sign", "menu"}), frozenset({"cats", "menu"})
    )
    assert verdicts([]) == Verdicts(frozenset(), frozenset())


def test_the_common_prompts_are_counted() -> None:
    # A answered p0..p7, B p2..p9: 6 in common (p2..p7). On those A passed p2 p3 p4 p6,
    # B passed p3 p5 p6 p7: only A p2 p4, only B p5 p7.
    a = run_of("11111010--")
    b = run_of("--01011111")
    assert paired(a, b) == Paired(common=6, passed=(4, 4), only=(2, 2))
    assert paired(b, a) == Paired(common=6, passed=(4, 4), only=(2, 2))
    assert a.verdicts is not None
    assert b.verdicts is not None
    only_a, only_b = discordant(a.verdicts, b.verdicts)
    assert (only_a, only_b) == (frozenset({"p2", "p4"}), frozenset({"p5", "p7"}))
    # a prompt passed by one run and not answered by the other counts nowhere
    assert "p0" not in only_a | only_b


def test_nothing_to_pair() -> None:
    with_outcomes = run_of("1100")
    assert paired(with_outcomes, Rate(2, 4)) is None  # the other gives totals only
    assert paired(Rate(2, 4), with_outcomes) is None
    assert paired(with_outcomes, run_of("1010", first=4)) is None  # no prompt in common


def test_paired_finds_a_gap_the_totals_call_noise() -> None:
    # 30 against 22 of the same 40 prompts: on the totals, Newcombe's interval spans zero;
    # paired, the 8 prompts only one passed all went to A: p = 2 / 2^8 = 0.0078.
    assert not significantly_different(30, 40, 22, 40)
    assert mcnemar_exact(8, 0) == Fraction(1, 128)
    a = run_of("1" * 30 + "0" * 10)
    b = run_of("1" * 22 + "0" * 18)
    assert paired(a, b) == Paired(40, (30, 22), (8, 0))
    assert leads(a, b)
    assert not leads(b, a)
    assert lead([percent(30, 40), percent(22, 40)], "higher", [a, b]) == Lead(0)
    # the same counts without verdicts: the totals rule, level
    assert lead([percent(30, 40), percent(22, 40)], "higher", [Rate(30, 40), Rate(22, 40)]) == (
        Lead(None, LEVEL)
    )
    # one side without verdicts is enough for the totals rule
    assert lead([percent(30, 40), percent(22, 40)], "higher", [a, Rate(22, 40)]) == Lead(
        None, LEVEL
    )


def test_paired_calls_noise_a_gap_the_totals_find() -> None:
    # 60 against 45 of 100: beyond chance as two independent rates, but the two runs passed
    # almost different prompts: 55 only A, 40 only B, p = 0.15.
    assert significantly_different(60, 100, 45, 100)
    assert mcnemar_exact(55, 40) > Fraction(1, 20)
    a = run_of("1" * 5 + "1" * 55 + "0" * 40)
    b = run_of("1" * 5 + "0" * 55 + "1" * 40)
    assert paired(a, b) == Paired(100, (60, 45), (55, 40))
    assert not leads(a, b)
    assert lead([percent(60, 100), percent(45, 100)], "higher", [a, b]) == Lead(None, LEVEL)
    assert lead([Decimal(60), Decimal(45)], "higher", [Rate(60, 100), Rate(45, 100)]) == Lead(0)


def test_paired_on_the_common_prompts_only() -> None:
    # A answered 10 and passed them all; B answered those 10 and 10 more, and passed 4 of the
    # first ten and all of the others. On the common ten, A passed 6 that B failed, B none
    # that A failed: p = 2 / 2^6 = 0.031. A's rate (100%) is higher than B's (70%).
    a = run_of("1" * 10 + "-" * 10)
    b = run_of("1111000000" + "1" * 10)
    assert paired(a, b) == Paired(10, (10, 4), (6, 0))
    assert leads(a, b)
    # with a fifth of B's first ten passed, the split is 5 to 0: p = 0.0625, not beyond chance
    assert not leads(a, run_of("1111100000" + "1" * 10))


def test_a_higher_rate_that_passed_fewer_shared_prompts_does_not_lead() -> None:
    # A: 9 of 10 answered (90%); B: 14 of 20 (70%). On the 10 prompts both answered, B passed
    # all 10 and A 9: only B passed the tenth. The rates say A, the shared prompts say B:
    # neither leads, and the row is level.
    a = run_of("1111111110" + "-" * 10)
    b = run_of("1" * 10 + "1111000000")
    assert paired(a, b) == Paired(10, (9, 10), (0, 1))
    assert not leads(a, b)
    assert not leads(b, a)  # lower rate
    assert lead([percent(9, 10), percent(14, 20)], "higher", [a, b]) == Lead(None, LEVEL)


def test_no_common_prompt_falls_back_to_the_totals() -> None:
    # Two runs on disjoint prompts are two independent samples: Newcombe's interval.
    a = run_of("1" * 60)
    b = run_of("0" * 60, first=60)
    assert paired(a, b) is None
    assert rates_differ(Rate(60, 60), Rate(0, 60))
    assert leads(a, b)


def test_equal_rates_never_lead_paired_or_not() -> None:
    a = run_of("1" * 10 + "0" * 10)
    b = run_of("0" * 10 + "1" * 10)
    assert paired(a, b) == Paired(20, (10, 10), (10, 10))
    assert not leads(a, b)
    assert not leads(b, a)


@given(
    st.lists(st.sampled_from("01-"), min_size=1, max_size=40),
    st.lists(st.sampled_from("01-"), min_size=1, max_size=40),
)
def test_paired_counts_add_up(marks_a: list[str], marks_b: list[str]) -> None:
    a, b = run_of("".join(marks_a)), run_of("".join(marks_b))
    both = paired(a, b)
    pairs = enumerate(zip(marks_a, marks_b, strict=False))  # the shorter run answered fewer
    common = {f"p{i}" for i, (x, y) in pairs if "-" not in (x, y)}
    if not common:
        assert both is None
        return
    assert both is not None
    assert both.common == len(common)
    passed_a = sum(marks_a[int(p[1:])] == "1" for p in common)
    passed_b = sum(marks_b[int(p[1:])] == "1" for p in common)
    assert both.passed == (passed_a, passed_b)
    # the prompts both passed cancel: the difference of the counts is that of the discordant
    assert both.only[0] - both.only[1] == passed_a - passed_b
    # and the rule: a lead needs a higher rate, more shared passes, and McNemar at 95%
    if leads(a, b):
        assert a.passed * b.total > b.passed * a.total
        assert both.only[0] > both.only[1]
        assert mcnemar_exact(*both.only) <= Fraction(1, 20)


# --- times and costs --------------------------------------------------------------------


def test_the_clear_ratio_is_exactly_1_1() -> None:
    assert Decimal("1.1") == CLEAR_RATIO
    assert 3.3 / 3.0 < 1.1  # in floats the ratio falls short; in decimals it is 1.1 exactly
    assert clearly_lower(Decimal("3.0"), Decimal("3.3"))
    assert lower_lead("3.3", "3.0") == Lead(1)
    assert lower_lead("3.0", "3.3") == Lead(0)


@pytest.mark.parametrize(("low", "high"), [("3.0", "3.29"), ("3.0", "3.2999"), ("3", "3")])
def test_below_the_ratio_is_about_the_same(low: str, high: str) -> None:
    assert not clearly_lower(Decimal(low), Decimal(high))
    assert lower_lead(high, low) == Lead(None, ABOUT_THE_SAME)
    assert lower_lead(low, high) == Lead(None, ABOUT_THE_SAME)


def test_the_ratio_reads_written_decimals_whatever_their_digits() -> None:
    assert clearly_lower(Decimal("0.00011"), Decimal("0.000121"))
    assert not clearly_lower(Decimal("0.00011"), Decimal("0.00012099"))
    assert clearly_lower(Decimal("10"), Decimal("11.00"))


def test_the_lowest_must_be_clearly_below_every_other() -> None:
    assert lower_lead("3.0", "3.3", "4") == Lead(0)
    assert lower_lead("3.3", "3.0", "3.29") == Lead(None, ABOUT_THE_SAME_AT_TOP)
    assert lower_lead("5", "2", "2") == Lead(None, ABOUT_THE_SAME_AT_TOP)  # equal lowest values


def test_zero_and_missing_times_and_costs() -> None:
    # A free model's cost of zero is below any positive one; two zeros are the same.
    assert clearly_lower(Decimal(0), Decimal("0.000001"))
    assert not clearly_lower(Decimal(0), Decimal(0))
    assert lower_lead("0.0011", "0") == Lead(1)
    assert lower_lead("0", "0") == Lead(None, ABOUT_THE_SAME)
    assert lower_lead("0", "0", "1") == Lead(None, ABOUT_THE_SAME_AT_TOP)
    # missing values are skipped
    assert lower_lead(None, "3.0", "3.3") == Lead(1)
    assert lower_lead(None, "3.0", None) == NO_LEAD
    assert lower_lead(None, "3.0", "3.29") == Lead(None, ABOUT_THE_SAME)


def test_clearly_lower_goes_one_way() -> None:
    assert not clearly_lower(Decimal("3.3"), Decimal("3.0"))
    assert not clearly_lower(Decimal("1"), Decimal("0"))


# --- properties ---------------------------------------------------------------------------

RateRow = tuple[list[Decimal | None], list[Rate | None]]


@st.composite
def rate_rows(draw: st.DrawFn) -> RateRow:
    """A row of two to six columns, some without a value, with totals that make gaps count."""
    cells: list[tuple[int, int] | None] = []
    for _ in range(draw(st.integers(2, 6))):
        if draw(st.integers(0, 3)) == 0:
            cells.append(None)
            continue
        total = draw(st.sampled_from([1, 5, 10, 15, 67, 200]))
        cells.append((draw(st.integers(0, total)), total))
    return rate_row(*cells)


lower_rows = st.lists(
    st.none()
    | st.decimals(min_value=0, max_value=100, places=2)
    | st.sampled_from([Decimal("3.0"), Decimal("3.3"), Decimal("3.29"), Decimal(0)]),
    max_size=6,
)


def known_rates(row: RateRow) -> list[tuple[int, Decimal, Rate]]:
    """The columns with a value: (column, value, counts)."""
    values, rates = row
    known = []
    for column, (value, rate) in enumerate(zip(values, rates, strict=True)):
        if value is not None:
            assert rate is not None  # rate_row gives both or neither
            known.append((column, value, rate))
    return known


@given(rate_rows(), st.data())
def test_the_leader_of_rates_moves_with_its_column(row: RateRow, data: st.DataObject) -> None:
    values, rates = row
    order = data.draw(st.permutations(range(len(values))))
    before = lead(values, "higher", rates)
    after = lead([values[i] for i in order], "higher", [rates[i] for i in order])
    assert after.note == before.note
    assert (after.leader is None) == (before.leader is None)
    if after.leader is not None:
        assert order[after.leader] == before.leader


@given(lower_rows, st.data())
def test_the_leader_of_times_moves_with_its_column(
    values: list[Decimal | None], data: st.DataObject
) -> None:
    order = data.draw(st.permutations(range(len(values))))
    before = lead(values, "lower")
    after = lead([values[i] for i in order], "lower")
    assert after.note == before.note
    assert (after.leader is None) == (before.leader is None)
    if after.leader is not None:
        assert order[after.leader] == before.leader


@given(rate_rows())
def test_a_leading_rate_is_the_best_of_its_row_and_differs_from_each_other(row: RateRow) -> None:
    values, rates = row
    verdict = lead(values, "higher", rates)
    known = known_rates(row)
    if len(known) < 2:
        assert verdict == NO_LEAD
        return
    if verdict.leader is None:
        assert verdict.note == (LEVEL if len(known) == 2 else LEVEL_AT_TOP)
        return
    assert verdict.note == ""
    (best, rate), *_ = [(v, r) for c, v, r in known if c == verdict.leader]
    for column, value, other in known:
        if column != verdict.leader:
            assert best > value  # strictly: a tie leads nothing
            assert rates_differ(rate, other)


@given(rate_rows())
def test_a_top_rate_beyond_chance_of_every_other_leads(row: RateRow) -> None:
    # The converse: the rule is no stricter than it says.
    values, rates = row
    known = known_rates(row)
    for column, value, rate in known:
        others = [(v, r) for c, v, r in known if c != column]
        if others and all(value > v and rates_differ(rate, r) for v, r in others):
            assert lead(values, "higher", rates) == Lead(column)


@given(lower_rows)
def test_a_leading_time_is_clearly_the_lowest_of_its_row(values: list[Decimal | None]) -> None:
    verdict = lead(values, "lower")
    known = [(column, value) for column, value in enumerate(values) if value is not None]
    if len(known) < 2:
        assert verdict == NO_LEAD
        return
    lowest = min(value for _, value in known)
    if verdict.leader is None:
        assert verdict.note == (ABOUT_THE_SAME if len(known) == 2 else ABOUT_THE_SAME_AT_TOP)
        # none of them is clearly below all the others
        for column, value in known:
            assert not all(clearly_lower(value, v) for c, v in known if c != column)
        return
    assert verdict.note == ""
    best = values[verdict.leader]
    assert best == lowest
    for column, value in known:
        if column != verdict.leader:
            assert value > best
            assert value >= best * CLEAR_RATIO


def test_a_row_of_several_says_only_its_top_values_are_level_or_about_the_same() -> None:
    """Of three or more values, one that does not lead is within noise (or close) of one
    other value, not necessarily of every one: 46 and 44 of 67 are level, 19 of 67 is far
    below both, and "Level within noise" would say it is not. Two known values keep the
    pair's words, whatever the row's width."""
    assert rates_lead((46, 67), (44, 67), (19, 67)) == Lead(None, LEVEL_AT_TOP)
    assert leads(Rate(46, 67), Rate(19, 67))
    assert rates_lead((46, 67), None, (44, 67)) == Lead(None, LEVEL)
    assert lower_lead("3.0", "3.2", "30.2") == Lead(None, ABOUT_THE_SAME_AT_TOP)
    assert lower_lead("3.0", None, "3.2") == Lead(None, ABOUT_THE_SAME)
    assert lower_lead("3.0", "3.2") == Lead(None, ABOUT_THE_SAME)
