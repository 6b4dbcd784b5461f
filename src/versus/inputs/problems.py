"""Problems found in the input: one type for every error a contributor can see.

Every stage that inspects input (YAML parsing, schema validation, cross-file
checks) reports what it finds as :class:`Problem` values instead of raising, so
that one run lists every mistake at once, sorted the same way every time.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PathPart = str | int
FieldPath = tuple[PathPart, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one input file.

    ``line`` and ``column`` are 1-based; 0 means "the file as a whole".
    ``path`` is the field path inside the file, e.g. ``("capabilities", "ocr")``.
    """

    file: str
    line: int
    column: int
    path: FieldPath
    message: str
    hint: str = ""

    @classmethod
    def of_file(cls, file: str, message: str, hint: str = "") -> Problem:
        """A problem with the file as a whole: no position, no field."""
        return cls(file, 0, 0, (), message, hint)

    @property
    def dotted_path(self) -> str:
        return format_path(self.path)

    def as_dict(self) -> dict[str, str | int | None]:
        """The problem as a JSON-ready mapping; unknown positions are ``None``."""
        return {
            "file": self.file,
            "line": self.line or None,
            "column": self.column or None,
            "path": self.dotted_path,
            "message": self.message,
            "hint": self.hint or None,
        }

    def format(self) -> str:
        """The one-line form: ``file:line:column: path: message (hint)``.

        Every part is :func:`printable`, so that no file name, key or value can
        end the line early (and forge a problem line) or send a terminal escape.
        """
        where = printable(self.file)
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where}: "
        if self.path:
            text += f"{printable(self.dotted_path)}: "
        text += printable(self.message)
        if self.hint:
            text += f" ({printable(self.hint)})"
        return text


# C0 controls, DEL and C1 controls, bidirectional controls, line and paragraph
# separators, lone surrogates: what can move a terminal's cursor, change its
# state, reorder a line or fail to encode; and the characters that show nothing (soft
# hyphen, zero-width space, word joiner, byte-order mark), which would make a wrong key
# look like the right one. Joiners (U+200C, U+200D) stay: scripts and emoji need them.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to print on one line of a terminal: each control character,
    bidirectional control and lone surrogate written as an escape (``\\x1b``,
    ``\\u202e``, ``\\n``), everything else as it is."""
    return _UNPRINTABLE.sub(_escape, text)


class InputError(Exception):
    """Raised at the edge of a command when the input has problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=_sort_key)
        super().__init__("\n".join(p.format() for p in self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[list[Problem]]]:
        # Rebuilt from its problems when it crosses a process boundary.
        return (InputError, (self.problems,))


def _sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.file, problem.line, problem.column, problem.dotted_path, problem.message)


def format_path(path: FieldPath) -> str:
    """``("categories", 0, "id")`` -> ``categories[0].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def counted(count: int, noun: str, plural: str = "") -> str:
    """``1 suite``, ``2 suites``: ``count`` and ``noun``, plural (``plural``, else ``noun``
    and an s) unless the count is one."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` closest to ``word``, if any is close enough."""
    by_lower = {choice.lower(): choice for choice in sorted(set(choices), reverse=True)}
    matches = difflib.get_close_matches(word.lower(), sorted(by_lower), n=1, cutoff=0.6)
    return by_lower[matches[0]] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices``, or "" when none is close."""
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match else ""
