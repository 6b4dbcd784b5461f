"""The neutral format: JSON Lines (one :class:`ImportRecord` a line) or CSV (a header
row naming the same fields, then one record a row; an empty cell is a field left out)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from versus.authoring.importing.records import COLUMNS, Harvest, Place
from versus.authoring.importing.source import read_text
from versus.inputs.jsonlsource import key_columns, parse_jsonl, split_lines
from versus.inputs.problems import Problem, did_you_mean

_WHOLE = ("input_tokens", "output_tokens")
_NUMBER = ("score", "seconds")
_TRUTH = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def read_neutral(path: Path, label: str) -> Harvest:
    """The records of a neutral file: CSV when its name ends in ``.csv``, else JSON Lines."""
    text = read_text(path, label, "text")
    if isinstance(text, Problem):
        return Harvest([], [text])
    if path.suffix.lower() == ".csv":
        return _csv(text, label)
    return _jsonl(text, label)


def _jsonl(text: str, label: str) -> Harvest:
    parsed = parse_jsonl(text, label)
    lines = split_lines(text)
    records: list[tuple[dict[str, Any], Place]] = []
    problems = list(parsed.problems)
    for number, data in zip(parsed.lines, parsed.records, strict=True):
        place = Place(label, number, 1, (), dict(key_columns(lines[number - 1])))
        if not isinstance(data, dict):
            problems.append(place.problem(None, "expected a JSON object (one record a line)"))
            continue
        records.append((data, place))
    return Harvest(records, problems, source=f"Imported from {Path(label).name}")


def _separator_hint(name: str) -> str:
    """For a header cell holding several column names (a file whose cells a spreadsheet
    separated with ';' or a tab): that versus reads ',' only, or ""."""
    for separator, called in ((";", "';'"), ("\t", "tabs"), ("|", "'|'")):
        parts = [part.strip() for part in name.split(separator)]
        if len(parts) > 1 and sum(part in COLUMNS for part in parts) >= 2:
            return (
                f"the file separates its cells with {called}; versus reads CSV with ',': "
                "save it again as comma-separated, or import JSON Lines"
            )
    return ""


def _csv(text: str, label: str) -> Harvest:
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[dict[str, Any], Place]] = []
    problems: list[Problem] = []
    try:
        header = next(reader, None)
        if header is None:
            return Harvest([], [Problem.of_file(label, "the file is empty")])
        names = [name.strip() for name in header]
        starts = _cell_starts(header)
        for index, name in enumerate(names):
            if name not in COLUMNS:
                hint = (
                    _separator_hint(name)
                    or did_you_mean(name, COLUMNS)
                    or f"the columns are: {', '.join(COLUMNS)}"
                )
                problems.append(
                    Problem(label, 1, starts[index], (), f"unknown column '{name}'", hint)
                )
        if problems:
            return Harvest([], problems)
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                place = Place(label, line, 1, (), {})
                if len(row) != len(names):
                    problems.append(
                        place.problem(
                            None, f"the row has {len(row)} cells; the header names {len(names)}"
                        )
                    )
                else:
                    data, found = _typed(dict(zip(names, row, strict=True)), place)
                    problems += found
                    if not found:
                        records.append((data, place))
            line = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(label, reader.line_num, 1, (), f"not valid CSV: {error}"))
    return Harvest(records, problems, source=f"Imported from {Path(label).name}")


def _cell_starts(cells: list[str]) -> list[int]:
    """The 1-based column where each cell of an unquoted header row starts."""
    starts, at = [], 1
    for cell in cells:
        starts.append(at)
        at += len(cell) + 1
    return starts


def _typed(row: dict[str, str], place: Place) -> tuple[dict[str, Any], list[Problem]]:
    """A CSV row's cells as the JSON values of a record: empty cells left out, numbers and
    true/false read from their text (everything else stays text for the schema to check)."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, cell in row.items():
        text = cell.strip() if name != "answer" else cell
        if text == "":
            continue
        if name == "passed":
            if text.lower() not in _TRUTH:
                problems.append(place.problem(name, f"expected true or false; got '{text}'"))
                continue
            data[name] = _TRUTH[text.lower()]
        elif name in _WHOLE:
            if not text.isdigit():
                problems.append(place.problem(name, f"expected a whole number; got '{text}'"))
                continue
            data[name] = int(text)
        elif name in _NUMBER:
            if not _DECIMAL.fullmatch(text):
                hint = "drop the '%': a score is 0 or 1" if text.endswith("%") else ""
                problems.append(place.problem(name, f"expected a number; got '{text}'", hint))
                continue
            number = float(text)
            data[name] = int(number) if name == "score" and number in (0, 1) else number
        else:
            data[name] = text
    return data, problems
