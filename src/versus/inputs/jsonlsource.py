"""Reading JSON Lines text (one JSON object per line) into plain data with positions.

A suite of thousands of prompts and a run's outcomes are JSON Lines files: a line
per record, which any tool writes and ``grep`` reads. Each line is parsed on its
own, so a malformed line is one problem at that line and the others are still
read and checked. What the YAML reader refuses is refused here too: a key given
twice in an object, a key holding control characters, numbers JSON does not
have (``NaN``, ``Infinity``) and whole numbers too long to be data.

The result is a :class:`~versus.inputs.yamlsource.Document` whose data is the list
of records, so that the schema validation of YAML files places problems here
the same way: record ``i``'s field ``f`` is at the line of record ``i``, at the
column of its key ``"f"``. Columns are found only for the lines a problem is on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from versus.inputs.problems import FieldPath, Problem, printable
from versus.inputs.yamlsource import MAX_DEPTH, MAX_INT_CHARS, Document, Position, SourceMap

MAX_LINES = 20_000
"""The most records a JSON Lines file may hold: thousands of prompts, with room to spare."""

_HINT = "write one JSON object per line"
_WHITESPACE = re.compile(r"[ \t\r\n]*")
_UNFIT_KEY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class _RefusedError(ValueError):
    """What a line may not hold, found while it is decoded."""

    def __init__(
        self, message: str, key: str | None = None, hint: str = _HINT, token: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.hint = hint
        self.token = token
        """The text at fault (``NaN``, a number too long), to place the problem at."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if _UNFIT_KEY.search(key):
            raise _RefusedError(
                f"a key must be plain text; {printable(repr(key))} holds a control character "
                "or a lone surrogate"
            )
        if key in found:
            raise _RefusedError(
                f"duplicate key '{key}'; this line sets it already", key, "remove one of the two"
            )
        found[key] = value
    return found


def _constant(name: str) -> Any:
    raise _RefusedError(f"not valid JSON: {name} is not a number JSON allows", token=name)


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_CHARS:
        raise _RefusedError(
            f"a whole number of {len(text)} characters; versus reads numbers of at most "
            f"{MAX_INT_CHARS} digits",
            hint="no field takes a number this large",
            token=text,
        )
    return int(text)


def _outside_strings(line: str, token: str) -> int:
    """Where ``token`` first stands in ``line`` outside a JSON string (from 0; 0 if never)."""
    inside = escaped = False
    for at, char in enumerate(line):
        if inside:
            escaped, inside = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            inside = True
        elif line.startswith(token, at):
            return at
    return 0


_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')
"""A JSON string (to step over), or a bracket that opens or closes an array or object."""


def too_deep(text: str) -> int | None:
    """The offset in ``text`` (JSON) of the ``[`` or ``{`` that opens the first array or
    object nested past :data:`MAX_DEPTH`, or ``None``: found from the text, so the limit and
    the place never depend on how deep the caller's stack is."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for found in _NESTING.finditer(text):
        char = found.group()[0]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return found.start()
        elif char in "]}":
            depth -= 1
    return None


TOO_DEEP = f"arrays and objects nested more than {MAX_DEPTH} levels deep"
"""Why JSON nested past :data:`MAX_DEPTH` is refused (:func:`too_deep` says where)."""


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_whole)
_SKIPPER = json.JSONDecoder()
"""Decodes a value only to find where it ends (:func:`key_columns`)."""
_SPACED_KEY = re.compile(r'"[ \t\r]+:')


def _quick(line: str) -> Any:
    """The object on ``line`` as :data:`_DECODER` would read it, or ``None`` when that is
    not sure: then the line is read again by :data:`_DECODER`, which says what is wrong.

    orjson reads a line many times faster than the standard library, but keeps the
    last of a key given twice (where a reader of the line sees the first). A key
    ends with ``"`` and, after any spaces, ``:``; a ``"`` in a string is escaped, so
    ``":`` can appear in a string only as ``\":``. So when ``":`` appears no more
    often than the object has keys and no key is spaced from its colon, no key is
    given twice. Other lines (and any object but a flat mapping of plain keys) take
    the slow way.
    """
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if type(value) is not dict or line.count('":') != len(value):
        return None
    if ('" ' in line or '"\t' in line or '"\r' in line) and _SPACED_KEY.search(line):
        return None
    if "\\" in line and any(_UNFIT_KEY.search(key) for key in value):
        return None
    return value


def key_columns(line: str) -> list[tuple[str, int]]:
    """The keys of the object on ``line`` (its top level) with the 1-based column of each,
    in order, as far as the line reads as JSON."""
    found: list[tuple[str, int]] = []
    at = _WHITESPACE.match(line).end()  # type: ignore[union-attr]
    if not line.startswith("{", at):
        return found
    at = _WHITESPACE.match(line, at + 1).end()  # type: ignore[union-attr]
    try:
        while line.startswith('"', at):
            key, end = json.decoder.scanstring(line, at + 1)  # type: ignore[attr-defined]
            found.append((key, at + 1))
            end = _WHITESPACE.match(line, end).end()  # type: ignore[union-attr]
            if not line.startswith(":", end):
                break
            start = _WHITESPACE.match(line, end + 1).end()  # type: ignore[union-attr]
            end = _SKIPPER.raw_decode(line, start)[1]
            end = _WHITESPACE.match(line, end).end()  # type: ignore[union-attr]
            if not line.startswith(",", end):
                break
            at = _WHITESPACE.match(line, end + 1).end()  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        pass
    return found


class _Lines:
    """The text of each record's line, and the columns of its keys once asked for."""

    def __init__(self, texts: list[str], numbers: list[int]) -> None:
        self.texts = texts
        self.numbers = numbers
        self._columns: dict[int, dict[str, int]] = {}

    def columns(self, index: int) -> dict[str, int]:
        if index not in self._columns:
            columns: dict[str, int] = {}
            for key, column in key_columns(self.texts[index]):
                columns.setdefault(key, column)
            self._columns[index] = columns
        return self._columns[index]


class _KeyPositions(Mapping[FieldPath, Position]):
    """Where each record's top-level keys are: ``(i, key)`` -> its line and column."""

    def __init__(self, lines: _Lines) -> None:
        self._lines = lines

    def __getitem__(self, path: FieldPath) -> Position:
        if len(path) != 2:
            raise KeyError(path)
        index, key = path
        if type(index) is not int or type(key) is not str:
            raise KeyError(path)
        if not 0 <= index < len(self._lines.numbers):
            raise KeyError(path)
        return Position(self._lines.numbers[index], self._lines.columns(index)[key])

    def __iter__(self) -> Iterator[FieldPath]:
        for index in range(len(self._lines.numbers)):
            for key in self._lines.columns(index):
                yield (index, key)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _RecordPositions(Mapping[FieldPath, Position]):
    """Where each record is: ``(i,)`` -> the start of its line."""

    def __init__(self, lines: _Lines) -> None:
        self._lines = lines

    def __getitem__(self, path: FieldPath) -> Position:
        if len(path) != 1 or type(path[0]) is not int:
            raise KeyError(path)
        if not 0 <= path[0] < len(self._lines.numbers):
            raise KeyError(path)
        return Position(self._lines.numbers[path[0]], 1)

    def __iter__(self) -> Iterator[FieldPath]:
        return ((index,) for index in range(len(self._lines.numbers)))

    def __len__(self) -> int:
        return len(self._lines.numbers)


@dataclass(frozen=True)
class JsonLines:
    """A JSON Lines file: the records that parse (as a document) and the problems of the
    lines that do not (in line order)."""

    document: Document
    lines: tuple[int, ...]
    """The 1-based line number of each record."""
    problems: tuple[Problem, ...]

    @property
    def records(self) -> list[Any]:
        records: list[Any] = self.document.data
        return records


def split_lines(text: str) -> list[str]:
    """The lines of ``text``: JSON Lines ends a line at ``\\n`` (and a ``\\r`` before it)
    only, not at the other breaks ``str.splitlines`` knows, which a JSON string may hold."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


_LONE_BRACKETS = frozenset({"[", "]", "{", "}", "},", "],", "[{", "}]"})
_PYTHON_WORDS = re.compile(r"(True|False|None)\b")
_FIELD_ALONE = re.compile(r'\s*"(?:[^"\\]|\\.)*"\s*:')


def _json_mistake(line: str, error: json.JSONDecodeError) -> tuple[int, str, str]:
    """The column, message and hint of a line that is not JSON: in plain words for the
    mistakes a hand, an editor or a Python script makes most (a trailing comma, a comment,
    a JSON document spread over lines, Python's quotes and words), else the parser's."""
    at = error.pos
    stripped = line.strip()
    start = len(line) - len(line.lstrip()) + 1
    before = line[:at].rstrip()
    here = line[at : at + 1]
    if stripped.startswith(("#", "//")):
        return start, "not valid JSON: JSON has no comments", "remove the line"
    if stripped in _LONE_BRACKETS:
        return (
            start,
            f"not valid JSON: the line holds only '{stripped}'",
            "write each record whole on one line, as one JSON object, with no list around "
            "the records and no line breaks inside one",
        )
    if error.msg == "Extra data" and _FIELD_ALONE.match(line):
        return (
            start,
            "not valid JSON: a field outside an object",
            "write each record whole on one line, as one JSON object, with no list around "
            "the records and no line breaks inside one",
        )
    if here in "}]" and here and before.endswith(","):
        return (
            len(before),
            f"not valid JSON: a ',' before the closing '{here}'",
            "remove the ','; JSON allows no comma after the last item",
        )
    if error.msg == "Extra data" and line[at:].strip() == ",":
        return (
            at + 1,
            "not valid JSON: a ',' after the object",
            "remove the ','; JSON Lines puts each object on its own line, with no comma "
            "between them",
        )
    if here == "'":
        return (
            at + 1,
            f"not valid JSON: {error.msg}",
            'JSON quotes names and text with double quotes ("), not single quotes',
        )
    word = _PYTHON_WORDS.match(line, at)
    if word is not None and error.msg == "Expecting value":
        json_word = {"True": "true", "False": "false", "None": "null"}[word.group(1)]
        return (
            at + 1,
            f"not valid JSON: {word.group(1)} is Python's word, not JSON's",
            f"write {json_word}",
        )
    return error.colno, f"not valid JSON: {error.msg}", _HINT


def parse_jsonl(text: str, file: str) -> JsonLines:
    """Parse every line of ``text`` (the file ``file``); blank lines are skipped.

    More than :data:`MAX_LINES` records is one problem for the file, and nothing is read.
    """
    texts: list[str] = []
    numbers: list[int] = []
    records: list[Any] = []
    problems: list[Problem] = []
    lines = split_lines(text)
    count = sum(1 for line in lines if line.strip())
    if count > MAX_LINES:
        problems.append(
            Problem.of_file(file, f"the file has {count} lines of JSON; the limit is {MAX_LINES}")
        )
        lines = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        deep = too_deep(line)
        if deep is not None:
            problems.append(
                Problem(
                    file,
                    number,
                    deep + 1,
                    (),
                    TOO_DEEP,
                    "a record nests a few levels; look for brackets opened and never closed",
                )
            )
            continue
        value = _quick(line)
        try:
            if value is None:
                value = _DECODER.decode(line)
        except _RefusedError as error:
            column = 1
            if error.key is not None:
                columns = [at for key, at in key_columns(line) if key == error.key]
                column = columns[1] if len(columns) > 1 else 1
            elif error.token:
                column = _outside_strings(line, error.token) + 1
            path: FieldPath = (error.key,) if error.key is not None else ()
            problems.append(Problem(file, number, column, path, error.message, error.hint))
            continue
        except json.JSONDecodeError as error:
            column, message, hint = _json_mistake(line, error)
            problems.append(Problem(file, number, column, (), message, hint))
            continue
        except RecursionError:
            problems.append(Problem(file, number, 1, (), "the JSON is nested too deeply", _HINT))
            continue
        except ValueError as error:  # int() of a number past Python's digit limit
            problems.append(Problem(file, number, 1, (), f"not valid JSON: {error}", _HINT))
            continue
        texts.append(line)
        numbers.append(number)
        records.append(value)
    positions = _Lines(texts, numbers)
    source = SourceMap(file, _KeyPositions(positions), _RecordPositions(positions))
    return JsonLines(Document(records, source), tuple(numbers), tuple(problems))
