"""A leaderboard as CSV: ``leaderboards/<suite>.csv``, from the leaderboard the index shows.

Written by :func:`versus.site.tablecsv.csv_bytes`, as the score tables' CSVs are:
RFC 4180 as Python's :mod:`csv` writes it (``\\r\\n`` line ends, quotes only where
needed), UTF-8 without byte-order mark, and any field starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula. Nothing here reads or writes files.
"""

from __future__ import annotations

from versus.join.cells import NOT_EVALUATED
from versus.join.columns import MEASURE_LABELS
from versus.site.tablecsv import csv_bytes
from versus.site.views import LEADERBOARD_MEASURES, Leaderboard


def leaderboard_csv(board: Leaderboard) -> bytes:
    """A leaderboard, best first, then the models not evaluated on the suite (no rank)."""
    header: list[str | int] = ["Rank", "Model", "Model id"]
    for measure in LEADERBOARD_MEASURES:
        label = MEASURE_LABELS[measure]
        header += [label, f"{label} detail"]
    rows: list[list[str | int]] = [header]
    for entry in board.rows:
        line: list[str | int] = [entry.rank, entry.profile.name, entry.profile.id]
        for measure in LEADERBOARD_MEASURES:
            cell = entry.cell(measure)
            line += [cell.text, cell.detail]
        rows.append(line)
    for profile in board.unevaluated:
        rows.append(
            ["", profile.name, profile.id, *(NOT_EVALUATED.text, "") * len(LEADERBOARD_MEASURES)]
        )
    return csv_bytes(rows)
