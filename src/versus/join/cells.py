"""The cell: one printed value of a table, in one of a few distinct states."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from versus.inputs.schema import CapabilityState

CellState = Literal[
    "value",
    "unknown",
    "undisclosed",
    "not-evaluated",
    "not-run",
    "not-reported",
    "below-coverage",
    "supported",
    "demo",
    "no",
]

Better = Literal["higher", "lower"]


class Cell(NamedTuple):
    """One printed value and its state: immutable, hashable, equal by value.

    A tuple rather than a frozen dataclass: a build makes a cell per model and row, and a
    tuple is made (and hashed, as the renderer's caches key on cells) by C code, faster
    than a frozen dataclass's ``__init__``.
    """

    text: str
    state: CellState = "value"
    detail: str = ""
    """Secondary text, e.g. ``11/15`` under a percentage."""
    band: str = ""
    """Score band id, for values that have one."""
    leader: bool = False
    """Whether this value is the best of its row (and the row has more than one)."""
    percent: Decimal | None = None
    """The value as a percentage, for score bars."""
    band_label: str = ""
    """The band in words, for readers who do not see colour."""
    low: Decimal | None = None
    """A pass rate's 95% interval, lower bound, in percent (drawn as the bar's whisker)."""
    high: Decimal | None = None
    """A pass rate's 95% interval, upper bound, in percent."""
    href: str = ""
    """Where the cell's text links to (a capability's live demo); ``""``: plain text."""

    @property
    def classes(self) -> str:
        """The ``class`` of the cell's ``<td>``: ``cell--<state>`` unless it is a plain value,
        then its band and whether it leads its row (``""``: none)."""
        names = [] if self.state == "value" else [f"cell--{self.state}"]
        if self.band:
            names.append(f"band--{self.band}")
        if self.leader:
            names.append("is-leader")
        return " ".join(names)

    @property
    def bar(self) -> str:
        """The width of the cell's score bar in percent, for an SVG ``width``; ``""``: no bar."""
        if self.percent is None:
            return ""
        return format(
            min(max(self.percent, Decimal(0)), Decimal(100)).quantize(Decimal("0.1")), "f"
        )

    @property
    def interval(self) -> str:
        """A pass rate's 95% interval as printed (``50.7-73.6%``); ``""``: none."""
        if self.low is None or self.high is None:
            return ""
        return f"{_plain(self.low)}\u2013{_plain(self.high)}%"

    @property
    def whisker(self) -> tuple[str, str] | None:
        """Where the interval's whisker starts and ends on the bar, in percent."""
        if self.low is None or self.high is None:
            return None
        return _plain(self.low), _plain(self.high)

    def leading(self) -> Cell:
        """The same cell, marked as the best of its row."""
        return self._replace(leader=True)


def _plain(percent: Decimal) -> str:
    return format(percent, "f")


UNKNOWN = Cell("Unknown", "unknown")
NOT_EVALUATED = Cell("Not evaluated", "not-evaluated")

CAPABILITY_CELLS: dict[CapabilityState | None, Cell] = {
    "demo": Cell("Supported, live demo", "demo"),
    "supported": Cell("Supported", "supported"),
    "no": Cell("Not supported", "no"),
    None: UNKNOWN,
}
"""What each state of a capability reads; a demo reads "try live" only as a link
(:func:`capability_cell`): words that invite a click must lead somewhere."""

TRY_LIVE = "Supported, try live"


def capability_cell(state: CapabilityState | None, demo: str = "") -> Cell:
    """The cell for what a card states about a capability (``None``: it does not say); a
    capability marked ``demo`` links to ``demo``, the demo's address, when there is one."""
    if state == "demo" and demo:
        return Cell(TRY_LIVE, "demo", href=demo)
    return CAPABILITY_CELLS[state]
