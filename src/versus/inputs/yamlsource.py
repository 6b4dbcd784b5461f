"""Reading YAML text into plain Python data while keeping every node's position.

PyYAML's composer gives a node graph with marks; we construct plain values from
it ourselves instead of using a constructor, which lets us

* remember the line and column of every key and value (a :class:`SourceMap`),
  so that a schema error deep in a file can name the exact place;
* resolve plain scalars by the YAML 1.2 core schema, so ``no`` and ``yes`` stay
  strings (a capability may well be ``no``) and dates stay text for the schema
  to parse;
* reject what a data file never needs and an attacker would use: duplicate
  keys, merge keys, custom tags, recursive aliases and alias bombs.
"""

from __future__ import annotations

import array
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.composer
import yaml.resolver

from versus.inputs.problems import FieldPath, InputError, Problem, counted, printable

# A "billion laughs" file expands a few aliases into an enormous tree; cards and
# results have a few hundred nodes, so this limit is generous for real data.
MAX_NODES = 20_000
MAX_INT_CHARS = 40
"""The longest whole number a file may write; the schema's bounds are far below it."""
MAX_DEPTH = 100
"""The most lists and mappings a file may nest inside each other. Cards and results nest
four or five; a fixed bound, checked before Python's recursion limit can be reached,
refuses a deeper file the same way (and at the same place) whoever reads it."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF_NAN = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}
_TAG = "tag:yaml.org,2002:"
_KNOWN_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {f"{_TAG}map", f"{_TAG}seq"}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


_START = Position(1, 1)


class PackedPositions(Mapping[FieldPath, Position]):
    """Positions by field path, kept as packed line and column numbers until first looked up.

    A cached document's source map is read back on every build, but consulted only
    when its file has a problem, so building every map of small tuples up front would
    be wasted work on almost every build. The paths are not stored:
    they are those of the document's data, in the order :func:`data_paths` walks it
    (the order the parser met them), so only the numbers are (see
    :meth:`SourceMap.pack`). Numbers that do not fit the data (a damaged or forged
    cache entry) give no positions: problems then point at the start of the file.
    """

    __slots__ = ("_data", "_keys", "_packed", "_positions")

    def __init__(self, data: Any, packed: bytes, keys: bool) -> None:
        self._data = data
        self._packed = packed
        self._keys = keys
        self._positions: dict[FieldPath, Position] | None = None

    def _unpacked(self) -> dict[FieldPath, Position]:
        if self._positions is None:
            self._positions = {}
            paths = data_paths(self._data)
            numbers = array.array("I")
            numbers.frombytes(self._packed)
            if sys.byteorder != "little":
                numbers.byteswap()
            if paths is not None and len(numbers) == 2 * (len(paths[0]) + len(paths[1])):
                start = 2 * len(paths[0]) if self._keys else 0
                for index, path in enumerate(paths[1] if self._keys else paths[0]):
                    at = start + 2 * index
                    self._positions[path] = Position(numbers[at], numbers[at + 1])
        return self._positions

    def __getitem__(self, path: FieldPath) -> Position:
        return self._unpacked()[path]

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._unpacked())

    def __len__(self) -> int:
        return len(self._unpacked())


def data_paths(data: Any) -> tuple[list[FieldPath], list[FieldPath]] | None:
    """The path of every value of ``data`` and of every key, in the order the parser
    records them; ``None`` if ``data`` holds anything but what YAML text gives (text,
    whole numbers, finite numbers, booleans, null, lists, mappings with text keys)."""
    values: list[FieldPath] = []
    keys: list[FieldPath] = []

    def walk(value: Any, path: FieldPath) -> bool:
        values.append(path)
        kind = type(value)
        if kind is dict:
            for key, item in value.items():
                child = (*path, key)
                keys.append(child)
                if type(key) is not str or not walk(item, child):
                    return False
            return True
        if kind is list:
            return all(walk(item, (*path, index)) for index, item in enumerate(value))
        if kind is float:
            return math.isfinite(value)
        return kind in (str, int, bool) or value is None

    try:
        return (values, keys) if walk(data, ()) else None
    except RecursionError:
        return None


@dataclass(frozen=True)
class SourceMap:
    """Where each field path of one file was written."""

    file: str
    keys: Mapping[FieldPath, Position] = field(default_factory=dict)
    values: Mapping[FieldPath, Position] = field(default_factory=dict)

    @classmethod
    def packed(cls, file: str, data: Any, packed: bytes) -> SourceMap:
        """The source map of ``data`` whose positions :meth:`pack` gave ``packed``."""
        return cls(file, PackedPositions(data, packed, True), PackedPositions(data, packed, False))

    def pack(self, data: Any) -> bytes | None:
        """The line and column of every value of ``data``, then of every key, as unsigned
        32-bit little-endian numbers; ``None`` if the map does not follow :func:`data_paths`
        (or ``data`` holds what a cache cannot keep as plain data)."""
        if isinstance(self.keys, PackedPositions) and self.keys._data is data:
            return self.keys._packed  # read from a cache: the same numbers
        paths = data_paths(data)
        if paths is None or list(self.values) != paths[0] or list(self.keys) != paths[1]:
            return None
        numbers = array.array("I")
        try:
            for positions in (self.values, self.keys):
                for at in positions.values():
                    numbers.extend((at.line, at.column))
        except OverflowError:  # past 2**32 lines: no file that large is read
            return None
        if sys.byteorder != "little":
            numbers.byteswap()
        return numbers.tobytes()

    def locate(self, path: FieldPath) -> Position:
        """The position of ``path``'s key (or list item), else of its nearest parent."""
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            found = self.keys.get(prefix) or self.values.get(prefix)
            if found is not None:
                return found
        return self.values.get((), _START)

    def problem(self, path: FieldPath, message: str, hint: str = "") -> Problem:
        """A problem at ``path`` of this file."""
        at = self.locate(path)
        return Problem(self.file, at.line, at.column, path, message, hint)


@dataclass(frozen=True)
class Document:
    """One parsed YAML file: its data and where each part of it was written."""

    data: Any
    source: SourceMap


class _Alias(yaml.Node):
    """Where an alias (``*name``) is written, and the anchored node it names.

    PyYAML hands back the anchored node itself for an alias, with the anchor's
    position; wrapping it lets errors point at the alias a contributor wrote.
    """

    id = "alias"

    def __init__(self, target: yaml.Node, mark: yaml.Mark) -> None:
        super().__init__(target.tag, target.value, mark, mark)
        self.target = target


class _ExplicitTags:
    """A composer mixin remembering which scalars carry an explicit tag.

    A composed node does not say whether its tag was written (``!!str 12``) or
    guessed by PyYAML's YAML 1.1 resolver (``12``); we need to know, to resolve
    untagged scalars by YAML 1.2 instead. It also wraps aliases (see :class:`_Alias`).
    """

    explicit: set[int]
    depth = 0

    def compose_sequence_node(self, anchor: dict[Any, yaml.Node]) -> yaml.SequenceNode:
        node: yaml.SequenceNode = self._nested(super().compose_sequence_node, anchor)  # type: ignore[misc]
        return node

    def compose_mapping_node(self, anchor: dict[Any, yaml.Node]) -> yaml.MappingNode:
        node: yaml.MappingNode = self._nested(super().compose_mapping_node, anchor)  # type: ignore[misc]
        return node

    def _nested(self, compose: Any, anchor: dict[Any, yaml.Node]) -> Any:
        """A list or mapping composed one level deeper; past :data:`MAX_DEPTH`, refused
        (:func:`_too_deep` then finds where, from the text)."""
        if self.depth >= MAX_DEPTH:
            raise _TooDeepError
        self.depth += 1
        try:
            return compose(anchor)
        finally:
            self.depth -= 1

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            mark = self.peek_event().start_mark  # type: ignore[attr-defined]
            target = super().compose_node(parent, index)  # type: ignore[misc]
            return None if target is None else _Alias(target, mark)
        return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]

    def compose_scalar_node(self, anchor: dict[Any, yaml.Node]) -> yaml.ScalarNode:
        event = self.peek_event()  # type: ignore[attr-defined]
        explicit = event.tag not in (None, "!")
        node: yaml.ScalarNode = super().compose_scalar_node(anchor)  # type: ignore[misc]
        if explicit:
            self.explicit.add(id(node))
        return node


class _Composer(_ExplicitTags, yaml.SafeLoader):
    """PyYAML's pure-Python safe composer: slow, and the source of our syntax messages."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.explicit = set()


_CParser: Any = getattr(getattr(yaml, "_yaml", None), "CParser", None)


class _FastComposer(_ExplicitTags, yaml.composer.Composer, yaml.resolver.Resolver):
    """The same composer over libyaml's (C) events, where available: the faster one."""

    def __init__(self, stream: str) -> None:
        self._events = _CParser(stream)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.explicit = set()

    def check_event(self, *choices: type[yaml.Event]) -> bool:
        return self._events.check_event(*choices)  # type: ignore[no-any-return]

    def peek_event(self) -> yaml.Event:
        return self._events.peek_event()  # type: ignore[no-any-return]

    def get_event(self) -> yaml.Event:
        return self._events.get_event()  # type: ignore[no-any-return]

    def dispose(self) -> None:
        self._events.dispose()


def _compose(text: str) -> tuple[yaml.Node | None, set[int]]:
    """Compose ``text`` with libyaml; on any error, again in Python for its exact messages.

    Valid files take the fast path; a file with a mistake is composed by the
    pure-Python composer, whose messages (and refusals) are the ones we test.
    """
    if _CParser is not None:
        fast = _FastComposer(text)
        try:
            return fast.get_single_node(), fast.explicit
        except (_TooDeepError, RecursionError):
            raise
        except Exception:  # the Python composer reports it
            pass
        finally:
            fast.dispose()
    loader = _Composer(text)
    try:
        return loader.get_single_node(), loader.explicit
    finally:
        loader.dispose()


def parse_yaml(text: str, file: str) -> Document:
    """Parse one YAML document; raise :class:`InputError` listing its problems."""
    try:
        root, explicit = _compose(text)
    except yaml.MarkedYAMLError as error:
        raise InputError([_syntax_problem(error, file, text)]) from None
    except yaml.reader.ReaderError as error:
        raise InputError([_character_problem(error, file, text)]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem.of_file(file, f"not valid YAML: {error}")]) from None
    except (_TooDeepError, RecursionError):
        raise InputError([_too_deep(text, file)]) from None
    empty = Problem.of_file(
        file,
        "the file is empty; expected a mapping of fields"
        if not text.strip()
        else "the file holds no data, only comments or markers; expected a mapping of fields",
    )
    if root is None:
        raise InputError([empty])
    builder = _Builder(file, explicit)
    try:
        data = builder.build(root, ())
    except _TooLargeError as error:
        raise InputError([error.problem]) from None
    except RecursionError:  # only a caller already deep in its own stack gets here
        raise InputError([Problem.of_file(file, "the YAML is nested too deeply")]) from None
    if builder.problems:
        raise InputError(builder.problems)
    if data is None:  # a document holding only "---" or "~"
        raise InputError([empty])
    return Document(data, SourceMap(file, builder.keys, builder.values))


class _TooDeepError(Exception):
    """A list or mapping nested past :data:`MAX_DEPTH`, met while composing."""


_TOO_DEEP = f"lists and mappings nested more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = (
    "a versus file nests a few levels; look for brackets opened and never closed, "
    "or lines indented ever further"
)


def _too_deep(text: str, file: str) -> Problem:
    """Where ``text`` first nests a list or mapping past :data:`MAX_DEPTH`, and in which
    field: found from the parser's events, one at a time (no recursion), so the place
    never depends on how deep the caller's stack is. A file that nests no deeper than
    that (a caller that ran out of stack on its own) is a problem of the whole file."""
    # Each open collection: [its path, the next list index or the pending key, whether a
    # mapping's next node is a key].
    open_: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.CollectionEndEvent, yaml.DocumentEndEvent)):
                if open_ and isinstance(event, yaml.CollectionEndEvent):
                    open_.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            path: FieldPath = ()
            if open_:
                parent = open_[-1]
                if parent[2] is None:  # a list
                    path = (*parent[0], parent[1])
                    parent[1] += 1
                elif parent[2]:  # a mapping's key
                    parent[1] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                    parent[2] = False
                    path = (*parent[0], parent[1])
                else:  # a mapping's value
                    path = (*parent[0], parent[1])
                    parent[2] = True
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_) >= MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                    return Problem(
                        file,
                        line,
                        column,
                        path[:1],
                        _TOO_DEEP,
                        _TOO_DEEP_HINT,
                    )
                mapping = isinstance(event, yaml.MappingStartEvent)
                open_.append([path, 0, True if mapping else None])
    except (yaml.YAMLError, RecursionError):
        pass
    return Problem.of_file(file, "the YAML is nested too deeply")


_UNFIT_KEY = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""What no key may hold: control characters (a newline among them) and lone surrogates."""


def _character_problem(error: yaml.reader.ReaderError, file: str, text: str) -> Problem:
    """A character YAML does not allow in a file (a control character, say), at its place."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return Problem(
        file,
        line,
        column,
        (),
        f"YAML does not allow the character U+{code:04X} in a file",
        "remove it: it is not printable text",
    )


_UNICODE_SPACE = re.compile("^[ \t]*([\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])")
"""A line indented, at least in part, with a space YAML does not count as one (a
non-breaking space pasted from a web page, say)."""


def _unicode_indent(file: str, text: str, last: int) -> Problem | None:
    """A problem at the nearest line, up to line ``last`` (from 0), that starts with a
    Unicode space: YAML reads it as text, and the error it gives is elsewhere."""
    lines = text.splitlines()[: last + 1]
    for number in range(len(lines) - 1, -1, -1):
        found = _UNICODE_SPACE.match(lines[number])
        if found:
            code = ord(found.group(1))
            return Problem(
                file,
                number + 1,
                found.start(1) + 1,
                (),
                f"the line is indented with the character U+{code:04X} "
                f"({unicodedata.name(found.group(1), 'a space').lower()}); YAML indents with "
                "ordinary spaces only",
                "replace it with ordinary spaces",
            )
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    context = error.context or ""
    hint = ""
    indented = _unicode_indent(file, text, mark.line) if mark is not None else None
    if indented is not None:
        return indented
    indentation = _indentation(problem, mark, text) if mark is not None else None
    if mark is not None and indentation is not None:
        message, hint, line, column = indentation
        return Problem(file, line + 1, column + 1, (), message, hint)
    if "'\\t'" in problem:
        message = "a tab character here; YAML indents with spaces only"
        hint = "replace the tab with spaces"
    elif "quoted scalar" in context and "end of stream" in problem and error.context_mark:
        mark = error.context_mark  # where the quote opens, not the end of the file
        quote = (
            text.splitlines()[mark.line][mark.column] if mark.line < len(text.splitlines()) else '"'
        )
        message = "YAML syntax error: the quoted text starting here is never closed"
        hint = f"add the closing {quote}"
    elif "that cannot start any token" in problem and mark is not None:
        char = problem.split("'")[1] if problem.count("'") >= 2 else "this character"
        message = f"YAML syntax error: a value cannot start with '{char}' unless it is quoted"
        hint = "put the whole value in quotes"
    elif context == "while scanning a simple key" and error.context_mark is not None:
        mark = error.context_mark  # the line without a ':', not the one after it
        message = f"YAML syntax error: line {mark.line + 1} has no ':' after a field's name"
        hint = (
            "write the field's name, ': ' and its value; or, if the line goes on with the "
            "value above it, indent it further than that value's field"
        )
    elif problem.startswith("but found") and context:
        message = f"YAML syntax error: {context}, {problem}"
        if "another document" in problem:
            hint = "put each document in its own file"
    else:
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
        if problem == "mapping values are not allowed here":
            hint = "if ': ' is part of the text, put the whole value in quotes"
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(file, line, column, (), message, hint)


_KEY = re.compile(r"([^\s:#'\"][^:#]*?):(?:\s|$)")
_NO_SPACE_KEY = re.compile(r"[A-Za-z_][\w-]*:[^\s:]")


def _start(line: str) -> int:
    """The column (from 0) where a line's content starts, past spaces and list dashes."""
    column = len(line) - len(line.lstrip(" "))
    while line[column : column + 2] == "- " or line[column:].rstrip() == "-":
        column += 1
        column += len(line[column:]) - len(line[column:].lstrip(" "))
    return column


def _above(lines: list[str], number: int) -> Iterator[int]:
    """The numbers of the lines above line ``number`` that hold data (not blank, not only
    a comment), nearest first."""
    for above in range(min(number, len(lines)) - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            yield above


def _quoted(key: str) -> str:
    """A key as a message quotes it: printable, and cut at 40 characters."""
    text = key.strip()
    return f"'{printable(text if len(text) <= 40 else text[:37] + '...')}'"


def _named(line: str, column: int) -> str:
    """How a message names a line: ``'title'`` for its key at ``column``, else ``the '-'``
    or ``the text``."""
    if line[column : column + 1] == "-":
        return "the '-'"
    found = _KEY.match(line, column)
    if found:
        return _quoted(found.group(1))
    return "the '-'" if line[column - 2 : column] == "- " else "the text"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _place(what: str, column: int) -> str:
    """``indent 'url' by 4 spaces``, or ``start 'url' at the start of its line``."""
    if column == 0:
        return f"write {what} with no spaces before it"
    return f"indent {what} by {counted(column, 'space')}"


def _indentation(problem: str, mark: yaml.Mark, text: str) -> tuple[str, str, int, int] | None:
    """A message, a hint and the line and column (from 0) to point at, in plain words, for the
    parser's messages that mean a line is indented where no mapping or list can hold it;
    ``None`` for other mistakes."""
    lines = text.splitlines()
    number = mark.line
    if number >= len(lines):
        return None
    line = lines[number]
    if problem == "mapping values are not allowed here":
        return _indented_under_a_value(lines, number, mark.column)
    if not problem.startswith(("expected <block end>, but found", "expected '<document start>'")):
        return None
    column = mark.column
    dash = line[column : column + 1] == "-"
    # A list item lines up with the dashes of its list, a field with its mapping's fields.
    at = _indent if dash else _start
    inner: int | None = None  # the nearest line above indented further
    outer: int | None = None  # the nearest line above indented less: the one holding both
    for above in _above(lines, number):
        if at(lines[above]) > column and inner is None:
            inner = above
        elif at(lines[above]) < column:
            outer = above
            break
    if inner is None and dash and outer is not None and _start(lines[outer]) == column:
        item = f"the list item on line {number + 1}"
        return (
            f"YAML syntax error: {item} is indented as the fields of the item on line "
            f"{outer + 1}, not as its '-'",
            _place("its '-'", _indent(lines[outer])) + f", as the '-' on line {outer + 1}",
            number,
            column,
        )
    if inner is None:
        return None
    inner_at = at(lines[inner])
    shown = f"line {number + 1}"
    if outer is None:
        return (
            f"YAML syntax error: {shown} is indented by {counted(column, 'space')} and line "
            f"{inner + 1} above it by {inner_at}: the top-level fields of a file line up",
            f"remove the spaces before {_named(lines[inner], inner_at)} on line {inner + 1}"
            if column == 0
            else f"{_place(_named(lines[inner], inner_at), column)} on line {inner + 1}",
            number,
            column,
        )
    outer_at = at(lines[outer])
    return (
        f"YAML syntax error: {shown} is indented by {counted(column, 'space')}, less than "
        f"line {inner + 1} above it ({counted(inner_at, 'space')}) and more than line "
        f"{outer + 1} ({counted(outer_at, 'space')}), "
        "YAML cannot tell which of the two it goes with",
        f"{_place('it', inner_at)}, as {_named(lines[inner], inner_at)} on line {inner + 1}, "
        f"or by {outer_at}, as {_named(lines[outer], _start(lines[outer]))} on line "
        f"{outer + 1}",
        number,
        column,
    )


def _holds_fields(lines: list[str], number: int, column: int) -> bool:
    """Whether line ``number``, starting at ``column``, stands where fields do: at the top
    level, or under a line that ends with its field's name and ':' (not in a text that
    goes on from the line above)."""
    for above in _above(lines, number):
        if _start(lines[above]) < column:
            return re.search(r":\s*(#.*)?$", lines[above]) is not None
    return column == 0


def _indented_under_a_value(
    lines: list[str], number: int, colon: int
) -> tuple[str, str, int, int] | None:
    """``name: Probe`` then ``  organization: X``: the second line's key is read as more of
    the first line's value, and its ``:`` is refused there."""
    line = lines[number]
    start = _start(line)
    lead = line[start:colon]
    if not lead.strip() or ": " in lead:
        return None  # a ': ' inside a value: the quotes hint
    key = _quoted(lead)
    for above in _above(lines, number):
        previous = lines[above]
        column = _start(previous)
        if column >= start and not _KEY.match(previous, column):
            if not _holds_fields(lines, above, column):
                return None  # more of a text above: the quotes hint
            spaceless = _NO_SPACE_KEY.search(previous) is not None
            return (
                f"YAML syntax error: line {above + 1} has no "
                + ("space after its ':'" if spaceless else "':' after a field's name")
                + f", so YAML reads it as text, and {key} on line {number + 1} cannot "
                "follow it",
                "write a space after the ':'" if spaceless else "write ': ' after the name",
                above,
                column,
            )
        if column >= start:
            return None
        named = _named(previous, column)
        return (
            f"YAML syntax error: {key} on line {number + 1} is indented further than {named} "
            f"on line {above + 1}, which has a value already, so YAML reads the line as more "
            "of that value",
            f"{_place(key, column)}, as {named}, if it is a field beside it; a field inside "
            "another goes on the lines under the other's name and ':'",
            number,
            start,
        )
    return None


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:set`` -> ``!!set``, as a contributor writes it."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


class _TooLargeError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node graph into dicts, lists and scalars."""

    def __init__(self, file: str, explicit: set[int]) -> None:
        self.file = file
        self.explicit = explicit
        self.keys: dict[FieldPath, Position] = {}
        self.values: dict[FieldPath, Position] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.active: set[int] = set()
        self.aliases: list[tuple[FieldPath, Position]] = []

    def _problem(self, node: yaml.Node, path: FieldPath, message: str, hint: str = "") -> None:
        at = _position(node)
        self.problems.append(Problem(self.file, at.line, at.column, path, message, hint))

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if isinstance(node, _Alias):
            self.values.setdefault(path, _position(node))
            self.aliases.append((path, _position(node)))
            try:
                if id(node.target) in self.active:
                    self._problem(node, path, "a recursive alias; an alias may not contain itself")
                    return None
                return self.build(node.target, path)
            finally:
                self.aliases.pop()
        self.count += 1
        if self.count > MAX_NODES:
            # Blame the outermost alias being expanded: that is what the file wrote.
            path, at = self.aliases[0] if self.aliases else (path, _position(node))
            raise _TooLargeError(
                Problem(
                    self.file,
                    at.line,
                    at.column,
                    path,
                    f"the file expands to more than {MAX_NODES} values "
                    "(aliases repeating aliases?); refusing to read it",
                )
            )
        self.values.setdefault(path, _position(node))
        if id(node) in self.active:
            self._problem(node, path, "a recursive alias; an alias may not contain itself")
            return None
        self.active.add(id(node))
        try:
            if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
                self._problem(
                    node, path, f"the tag '{_tag_name(node.tag)}' is not supported in versus files"
                )
                return None
            if len(path) >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
                # Only aliases nest this deep: the composer refuses deeper text.
                _, at = self.aliases[-1] if self.aliases else (path, _position(node))
                raise _TooLargeError(
                    Problem(
                        self.file,
                        at.line,
                        at.column,
                        path[:1],
                        f"{_TOO_DEEP} once its aliases are expanded",
                        "the alias here brings in lists that nest further; write its values out",
                    )
                )
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.ScalarNode)
            return self._scalar(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, _Alias):
                key_node = key_node.target
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, path, "a key must be a plain name, not a list or mapping")
                continue
            key = str(key_node.value)
            if key == "<<" and key_node.tag == f"{_TAG}merge":
                self._problem(
                    key_node, path, "merge keys ('<<') are not supported; write the fields out"
                )
                continue
            if _UNFIT_KEY.search(key):
                # no field name or id holds one; refused here, before any message quotes it
                self._problem(
                    key_node,
                    path,
                    f"a key must be plain text; {printable(repr(key))} holds a control "
                    "character or a lone surrogate",
                )
                continue
            child = (*path, key)
            if key in first_seen:
                earlier = first_seen[key]
                self._problem(
                    key_node,
                    child,
                    f"duplicate key '{key}'; it is already set on line {earlier.line}",
                    "remove one of the two",
                )
                continue
            first_seen[key] = _position(key_node)
            self.keys[child] = _position(key_node)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        text: str = node.value
        if node.tag not in _KNOWN_TAGS:
            self._problem(
                node, path, f"the tag '{_tag_name(node.tag)}' is not supported in versus files"
            )
            return None
        if node.style or id(node) in self.explicit:  # plain: None (Python) or "" (libyaml)
            return text  # quoted, block, or explicitly tagged (only !!str and friends get here)
        if len(text) > MAX_INT_CHARS and (
            _INT.match(text) or _INT_OCT.match(text) or _INT_HEX.match(text)
        ):
            # int() refuses 4300+ digits and str() a large int: keep such a number out
            self._problem(
                node,
                path,
                f"a whole number of {len(text)} characters; versus reads numbers of at most "
                f"{MAX_INT_CHARS} digits",
                "no field takes a number this large",
            )
            return None
        return resolve_plain(text)


def resolve_plain(text: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema (dates stay strings)."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    lowered = text.lower()
    if lowered in _INF_NAN:
        return _INF_NAN[lowered]
    return text


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/()+-]*")
"""Text that may stand unquoted as a plain scalar, in a block or in a flow (``{a: b}``)."""


def yaml_scalar(value: object) -> str:
    """``value`` (text, a number, true or false) as a YAML scalar that reads back as the
    same value: plain when it can be, else in double quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and resolve_plain(text) == text and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_flow(value: object) -> str:
    """``value`` as YAML on one line: ``{name: lmms-eval, version: 0.3.1}``."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{yaml_scalar(k)}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(item) for item in value) + "]"
    return yaml_scalar(value)
