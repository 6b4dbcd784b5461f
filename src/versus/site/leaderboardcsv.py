"""A leaderboard as CSV: ``leaderboards/<suite>.csv``, from the leaderboard the index shows.

Written by :func:`versus.site.tablecsv.csv_bytes`, as the score tables' CSVs are:
RFC 4180 as Python's :mod:`csv` writes it (``\\r\\n`` line ends, quotes only where
needed), UTF-8 without byte-order mark, and any field starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that a spreadsheet
shows it as text instead of running it as a formula. Nothing here reads or writes files.
"""

from __future__ import annotations

from versus.join.cells import NOT_EVALUATED
from versus.join.columns import MEASURE_LABELS, Measure
from versus.site.tablecsv import csv_bytes
from versus.site.views import LEADERBOARD_MEASURES, Leaderboard, LeaderboardRow

INTERVAL_COLUMNS = (" interval low", " interval high")
"""After the overall score and its detail: its 95% interval, as the page prints it."""
COVERAGE_COLUMNS = ("Prompts covered count", "Prompts in suite")
"""After the prompts covered as the page words them (``47 of 85 prompts``): the two numbers."""


def leaderboard_csv(board: Leaderboard) -> bytes:
    """A leaderboard, best first, then the models not evaluated on the suite (no rank)."""
    header: list[str | int] = ["Rank", "Model", "Model id"]
    for measure in LEADERBOARD_MEASURES:
        label = MEASURE_LABELS[measure]
        header += [label, f"{label} detail"]
        if measure is Measure.OVERALL:
            header += [label + suffix for suffix in INTERVAL_COLUMNS]
        elif measure is Measure.COVERED:
            header += COVERAGE_COLUMNS
    rows: list[list[str | int]] = [header]
    rows += [_ranked(board, entry) for entry in board.rows]
    for profile in board.unevaluated:
        line: list[str | int] = ["", profile.name, profile.id]
        for measure in LEADERBOARD_MEASURES:
            line += [NOT_EVALUATED.text, ""]
            if measure is Measure.OVERALL:
                line += ["", ""]
            elif measure is Measure.COVERED:
                line += ["", board.prompts]
        rows.append(line)
    return csv_bytes(rows)


def _ranked(board: Leaderboard, entry: LeaderboardRow) -> list[str | int]:
    line: list[str | int] = [entry.rank, entry.profile.name, entry.profile.id]
    for measure in LEADERBOARD_MEASURES:
        cell = entry.cell(measure)
        line += [cell.text, cell.detail]
        if measure is Measure.OVERALL:
            line += cell.whisker or ("", "")
        elif measure is Measure.COVERED:
            line += [entry.profile.runs[board.suite_id].covered, board.prompts]
    return line
