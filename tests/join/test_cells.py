"""Table cells: their states, the class a page gives them, their score bars."""

from __future__ import annotations

from decimal import Decimal

import pytest

from versus.join.cells import CAPABILITY_CELLS, NOT_EVALUATED, UNKNOWN, Cell, capability_cell


@pytest.mark.parametrize(
    ("cell", "classes"),
    [
        (Cell("Open weights"), ""),  # a plain value: no state class
        (Cell("62.69%", band="mid"), "band--mid"),
        (Cell("68.66%", band="mid").leading(), "band--mid is-leader"),
        (Cell("6.88 s").leading(), "is-leader"),
        (NOT_EVALUATED, "cell--not-evaluated"),
        (UNKNOWN, "cell--unknown"),
        (Cell("Not run", "not-run"), "cell--not-run"),
        (capability_cell("demo"), "cell--demo"),
    ],
)
def test_classes_name_a_state_other_than_a_plain_value(cell: Cell, classes: str) -> None:
    assert cell.classes == classes


@pytest.mark.parametrize(
    ("percent", "bar"),
    [
        (None, ""),
        (Decimal("62.6865671641791044776119403"), "62.7"),
        (Decimal(0), "0.0"),
        (Decimal(100), "100.0"),
        (Decimal("100.04"), "100.0"),  # never wider than its track
        (Decimal("-3"), "0.0"),
    ],
)
def test_a_bar_is_the_percentage_to_a_tenth_within_its_track(
    percent: Decimal | None, bar: str
) -> None:
    assert Cell("x", percent=percent).bar == bar


def test_leading_marks_the_same_value_as_best() -> None:
    cell = Cell("80%", detail="12/15", band="high", percent=Decimal(80))
    best = cell.leading()
    assert (best.leader, cell.leader) == (True, False)
    assert (best.text, best.detail, best.band, best.percent) == (
        "80%",
        "12/15",
        "high",
        Decimal(80),
    )
    assert best != cell
    assert best == cell.leading()
    assert hash(best) == hash(cell.leading())


def test_each_stated_capability_has_its_own_cell_and_silence_is_unknown() -> None:
    assert capability_cell(None) is UNKNOWN
    states = {capability_cell(state).state for state in ("supported", "demo", "no", None)}
    assert states == {"supported", "demo", "no", "unknown"}
    assert len({cell.text for cell in CAPABILITY_CELLS.values()}) == 4
