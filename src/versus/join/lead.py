"""The lead of a comparison page: who leads on what, in a few computed sentences.

Every sentence is derived from the two models' runs and cards, never written
by hand: which model passes more prompts of each suite (counted on the prompts
both runs answered, when both give per-prompt outcomes; or scores higher, when
the runs covered different prompts), which answers faster, which costs
less per task, and which capabilities one card claims and the other does not.
A lead is said only where the rules of :mod:`versus.join.claims` support it,
the rules the tables' "best" marks follow; otherwise the sentence says the two
are level within noise, or about the same. Nothing is said about a figure one
of the models lacks, or that the rules do not compare (the time or cost of a run
under its suite's coverage threshold). Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from versus.inputs.problems import counted
from versus.inputs.schema import SiteConfig, Suite
from versus.inputs.scores import RunSummary
from versus.join import claims, formatting, tables
from versus.join.cells import UNKNOWN
from versus.join.claims import Rate
from versus.join.formatting import Name, Sentence
from versus.join.profiles import Profile


def _prompts(count: int) -> str:
    return counted(count, "more prompt")


def _overall_rate(profile: Profile, suite_id: str, run: RunSummary) -> Rate:
    """The run's overall rate, with its verdicts when it gives outcomes."""
    return tables.overall_rate(profile, suite_id) or Rate(run.passed, run.covered)


def _scores(
    a: Profile, ra: RunSummary, b: Profile, rb: RunSummary, suite_id: str, suite: Name
) -> Sentence:
    """Who passes more, only where the gap is larger than chance (:mod:`versus.join.claims`:
    the rule the score table's "best" follows, so the two agree).

    Counts are compared on the prompts both runs answered when both give their outcomes
    (saying how many those are, unless they are all the suite's prompts), or when both
    runs covered every prompt of the suite; otherwise rates, saying how much each run
    covered.
    """
    prompts = ra.suite.prompts
    na, nb = Name(a.name), Name(b.name)
    rate_a, rate_b = _overall_rate(a, suite_id, ra), _overall_rate(b, suite_id, rb)
    a_leads, b_leads = claims.leads(rate_a, rate_b), claims.leads(rate_b, rate_a)
    both = claims.paired(rate_a, rate_b)
    if both is not None and both.common < prompts:
        return _common_scores(na, nb, suite, both, a_leads, b_leads)
    if ra.covered == rb.covered == prompts:
        # Both runs answered every prompt: their counts are over the same prompts.
        if ra.passed == rb.passed:
            return Sentence(
                na,
                " and ",
                nb,
                " pass the same number of ",
                suite,
                f" prompts ({ra.passed} of {prompts}).",
            )
        leader, other, lead_run, other_run = (
            (na, nb, ra, rb) if ra.passed > rb.passed else (nb, na, rb, ra)
        )
        counts = f"{lead_run.passed} against {other_run.passed} of {prompts}"
        if not (a_leads or b_leads):
            return Sentence(
                na,
                " and ",
                nb,
                " are level within noise on ",
                suite,
                ": ",
                leader,
                f" passes {lead_run.passed} of {prompts} prompts, ",
                other,
                f" {other_run.passed}.",
            )
        return Sentence(
            leader,
            f" passes {_prompts(lead_run.passed - other_run.passed)} of ",
            suite,
            " than ",
            other,
            f" ({counts}).",
        )
    differ = a_leads or b_leads
    shown_a, shown_b = formatting.percent(ra.overall, 2), formatting.percent(rb.overall, 2)
    if not differ:
        coverage = f"the runs covered {ra.covered} and {rb.covered} of {prompts} prompts"
        if ra.overall == rb.overall:
            return Sentence(
                na, " and ", nb, " score the same on ", suite, f" ({shown_a}; {coverage})."
            )
        return Sentence(
            na,
            " and ",
            nb,
            " are level within noise on ",
            suite,
            f" ({shown_a} against {shown_b}; {coverage}).",
        )
    leader, other, lead_shown, other_shown, lead_run, other_run = (
        (na, nb, shown_a, shown_b, ra, rb) if a_leads else (nb, na, shown_b, shown_a, rb, ra)
    )
    # Figures in the order the sentence names the models: the leader's first.
    coverage = f"the runs covered {lead_run.covered} and {other_run.covered} of {prompts} prompts"
    return Sentence(
        leader,
        " scores higher on ",
        suite,
        " than ",
        other,
        f": {lead_shown} against {other_shown} of the prompts each run covered ({coverage}).",
    )


def _common_scores(
    na: Name, nb: Name, suite: Name, both: claims.Paired, a_leads: bool, b_leads: bool
) -> Sentence:
    """Counts on the prompts both runs answered, when those are not all the suite's: the
    counts the paired test compares (:func:`versus.join.claims.leads`)."""
    common = both.common
    prompts = f"prompt{'s' * (common != 1)}"
    passed_a, passed_b = both.passed
    if a_leads or b_leads:
        leader, other, lead_passed, other_passed = (
            (na, nb, passed_a, passed_b) if a_leads else (nb, na, passed_b, passed_a)
        )
        return Sentence(
            f"On the {common} ",
            suite,
            f" {prompts} both runs answered, ",
            leader,
            f" passes {lead_passed - other_passed} more than ",
            other,
            f" ({lead_passed} against {other_passed}).",
        )
    if passed_a == passed_b:
        return Sentence(
            na,
            " and ",
            nb,
            " pass the same number of ",
            suite,
            f" prompts ({passed_a} of the {common} {prompts} both runs answered).",
        )
    more, fewer, more_passed, fewer_passed = (
        (na, nb, passed_a, passed_b) if passed_a > passed_b else (nb, na, passed_b, passed_a)
    )
    return Sentence(
        na,
        " and ",
        nb,
        " are level within noise on ",
        suite,
        f": on the {common} {prompts} both runs answered, ",
        more,
        f" passes {more_passed}, ",
        fewer,
        f" {fewer_passed}.",
    )


def _speed(a: Profile, ra: RunSummary, b: Profile, rb: RunSummary, suite: Name) -> Sentence | None:
    """Which answers faster, by the rule of the time row's "best"; nothing where either
    time is missing or not compared (a run under its suite's coverage threshold:
    :func:`versus.join.claims.compares_time_and_cost`)."""
    if not (claims.compares_time_and_cost(ra) and claims.compares_time_and_cost(rb)):
        return None
    sa, sb = ra.result.avg_response_seconds, rb.result.avg_response_seconds
    if sa is None or sb is None or sa <= 0 or sb <= 0:
        return None
    da, db = Decimal(str(sa)), Decimal(str(sb))  # exact: 3.3 / 3.0 is 1.1, not 1.0999...
    faster, slower, fast, slow = (a, b, da, db) if da < db else (b, a, db, da)
    # averages over different prompts say so, as the scores' sentence does
    same = ra.covered == rb.covered
    if not claims.clearly_lower(fast, slow):
        over = "" if same else _averaged_over(ra.covered, rb.covered)
        return Sentence("Both answer ", suite, f" prompts in about the same time{over}.")
    counts = (ra.covered, rb.covered) if faster is a else (rb.covered, ra.covered)
    over = "" if same else _averaged_over(*counts)
    return Sentence(
        Name(faster.name),
        " answers ",
        suite,
        f" prompts {formatting.round_to(slow / fast, 1)}x faster than ",
        Name(slower.name),
        f"{over}.",
    )


def _averaged_over(first: int, second: int) -> str:
    return f" (averages over the {first} and {second} prompts each run covered)"


def _cost(a: Profile, ra: RunSummary, b: Profile, rb: RunSummary, suite: Name) -> Sentence | None:
    if not (claims.compares_time_and_cost(ra) and claims.compares_time_and_cost(rb)):
        return None
    ca, cb = ra.cost_per_task, rb.cost_per_task
    if ca is None or cb is None or ra.currency != rb.currency or ra.currency is None:
        return None
    currency = ra.currency
    cheaper, other, low, high = (a, b, ca, cb) if ca <= cb else (b, a, cb, ca)
    shown_low, shown_high = formatting.money(low, currency), formatting.money(high, currency)
    if not claims.clearly_lower(low, high):
        same = "the same" if ca == cb else "about the same"
        figures = shown_low if shown_low == shown_high else f"{shown_low} against {shown_high}"
        return Sentence(f"Both cost {same} per ", suite, f" task ({figures}).")
    return Sentence(
        Name(cheaper.name),
        " costs less per ",
        suite,
        " task than ",
        Name(other.name),
        f" ({shown_low} against {shown_high}).",
    )


def _suite_points(a: Profile, b: Profile, suites: Mapping[str, Suite]) -> list[Sentence]:
    points: list[Sentence] = []
    for suite_id, suite in suites.items():
        ra, rb = a.runs.get(suite_id), b.runs.get(suite_id)
        name = Name(suite.name)
        if ra is None and rb is None:
            continue
        if ra is None or rb is None:
            only = a if ra is not None else b
            points.append(Sentence("Only ", Name(only.name), " has results on ", name, "."))
            continue
        points.append(_scores(a, ra, b, rb, suite_id, name))
        for point in (_speed(a, ra, b, rb, name), _cost(a, ra, b, rb, name)):
            if point is not None:
                points.append(point)
    return points


LISTED_UP_TO = 4
"""Up to this many capabilities are named in a sentence; more are counted."""


def _capability_points(a: Profile, b: Profile, config: SiteConfig) -> list[Sentence]:
    """What one card claims and the other does not: the capabilities the other card states
    as not supported apart from those it does not mention (unknown, not a no)."""
    points = []
    labels: list[str] = []
    # by place in the taxonomy, from each profile's cells: only what a card states is walked
    for one, other in ((a, b), (b, a)):
        theirs = other.capabilities
        claimed = sorted(i for i in one.mentioned if one.capabilities[i].state in claims.CLAIMED)
        said_no = [i for i in claimed if theirs[i].state == "no"]
        silent = [i for i in claimed if theirs[i] is UNKNOWN]  # the card does not name it
        if (said_no or silent) and not labels:
            labels = [cap.label for group in config.taxonomy for cap in group.capabilities]
        denied = [labels[i] for i in said_no]
        unstated = [labels[i] for i in silent]
        if denied:
            points.append(_claim_point(Name(one.name), Name(other.name), denied, denied=True))
        if unstated:
            points.append(_claim_point(Name(one.name), Name(other.name), unstated, denied=False))
    return points


def _claim_point(one: Name, other: Name, labels: list[str], *, denied: bool) -> Sentence:
    """``one`` claims ``labels``; ``other``'s card says no to each (``denied``) or is silent."""
    if len(labels) > LISTED_UP_TO:
        tail = "lists as not supported." if denied else "does not mention."
        return Sentence(
            one,
            f" is stated to support {len(labels)} capabilities that ",
            other,
            f"'s card {tail}",
        )
    what = formatting.join_words([mid_sentence(label) for label in labels])
    if denied:
        return Sentence(
            "Only ", one, f" is stated to support {what}; ", other, "'s card says it does not."
        )
    return Sentence(one, f" is stated to support {what}; ", other, "'s card does not say.")


def mid_sentence(label: str) -> str:
    """A label as written mid-sentence: ``Object detection`` -> ``object detection``.

    Only the first letter changes, and not when the first word is an acronym
    (``OCR``) or mixes cases (``LaTeX``).
    """
    first = label.split(" ", 1)[0]
    if len(first) > 1 and not first[1:].islower():
        return label
    return label[:1].lower() + label[1:]


def lead_points(
    a: Profile, b: Profile, suites: Mapping[str, Suite], config: SiteConfig
) -> tuple[Sentence, ...]:
    """The sentences that open the comparison of ``a`` and ``b``, most telling first."""
    points = _suite_points(a, b, suites) + _capability_points(a, b, config)
    if not any(a.runs.get(s) or b.runs.get(s) for s in suites):
        points.insert(
            0, Sentence("Neither ", Name(a.name), " nor ", Name(b.name), " has eval results yet.")
        )
    return tuple(points)
