"""What the commands print about a build: its summary, its details and a progress line.

Kept apart from click so that each piece is a plain function or class to test.
The summary line is the default output; ``-v`` adds the details before it and
``-q`` prints neither. The progress line appears only on a terminal, and only
once a build has run for a second.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TextIO

from versus.inputs.problems import counted

if TYPE_CHECKING:  # imported by the CLI before it knows the command: only what it needs
    from versus.build.pipeline import BuildReport
    from versus.inputs.problems import InputError

QUIET, NORMAL, VERBOSE = -1, 0, 1


def summary(report: BuildReport) -> str:
    """The one line every build prints: pages, files written, unchanged and removed, time."""
    publish = report.publish
    return (
        f"versus: built {counted(report.pages, 'page')} ({counted(report.files, 'file')}: "
        f"{publish.written} written, {publish.unchanged} unchanged, {publish.removed} removed) "
        f"in {report.seconds:.2f}s"
    )


def details(report: BuildReport) -> list[str]:
    """What ``-v`` adds before the summary: each file written, then the time of each phase."""
    lines = [f"versus: wrote {name}" for name in report.written]
    if report.phases:
        phases = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in report.phases)
        lines.append(f"versus: {phases}")
    return lines


def report_lines(report: BuildReport, verbosity: int) -> list[str]:
    """The lines a build prints at ``verbosity`` (QUIET, NORMAL or VERBOSE)."""
    if verbosity <= QUIET:
        return []
    size = [report.size.line()] if report.size is not None else []
    return [*(details(report) if verbosity >= VERBOSE else []), summary(report), *size]


def problem_lines(error: InputError, outcome: str = "nothing was written") -> list[str]:
    """Every problem as file:line:column: field: message, then their count and ``outcome``."""
    lines = [problem.format() for problem in error.problems]
    files = len({problem.file for problem in error.problems})
    count = len(error.problems)
    lines.append(f"versus: {counted(count, 'problem')} in {counted(files, 'file')}; {outcome}")
    return lines


def interactive(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ``stream`` is a terminal a person watches: not a pipe, a file or a CI log."""
    if environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


BAR_WIDTH = 24


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    """``[#########---------------]  37%``: the share of ``total`` that is ``done``."""
    share = min(done, total) / total if total else 1.0
    filled = int(share * width)
    return f"[{'#' * filled}{'-' * (width - filled)}] {int(share * 100):3d}%"


class ProgressLine:
    """A one-line progress display on ``stream``, rewritten in place with carriage returns.

    Silent unless ``enabled`` (see :func:`interactive`) and until ``delay``
    seconds have passed since it was made, so quick builds print nothing.
    Call it with the pages done and the pages in all; :meth:`finish` clears it.
    """

    def __init__(
        self,
        stream: TextIO,
        enabled: bool,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.shown = False
        self.drawn = -1.0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if not self.enabled or now - self.start < self.delay:
            return
        if done < total and now - self.drawn < 0.1:
            return  # at most ten lines a second
        self.drawn = now
        self.stream.write(f"\rversus: {bar(done, total)} {done} of {counted(total, 'file')}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
