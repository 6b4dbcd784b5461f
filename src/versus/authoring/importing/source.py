"""Reading the file given to ``versus import``: any regular file the user names (it is
their own harness output, usually outside the project), with a size limit."""

from __future__ import annotations

import stat
from pathlib import Path

from versus.inputs.inputfiles import decode_text
from versus.inputs.problems import Problem, printable

MAX_IMPORT_BYTES = 256 * 1024 * 1024
"""The largest file ``versus import`` reads: an Inspect log with answers of thousands of
samples fits, a file that would exhaust memory does not."""


def read_bytes(path: Path, label: str, limit: int = MAX_IMPORT_BYTES) -> bytes | Problem:
    """The bytes of ``path``, or why they cannot be read (not a regular file, too large)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return Problem.of_file(label, "not a regular file", "name the harness's output file")
        if info.st_size > limit:
            return Problem.of_file(
                label, f"the file has {info.st_size} bytes; versus imports at most {limit}"
            )
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        return Problem.of_file(label, f"cannot read the file: {printable(error.strerror or '')}")
    if len(raw) > limit:
        return Problem.of_file(label, f"the file has more than {limit} bytes")
    return raw


def read_text(path: Path, label: str, what: str) -> str | Problem:
    """The text of ``path`` (UTF-8), or why it cannot be read."""
    raw = read_bytes(path, label)
    if isinstance(raw, Problem):
        return raw
    return decode_text(raw, label, what)
