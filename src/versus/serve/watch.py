"""Watching the project: what its input files look like on disk, and which of them changed.

It polls, rather than asking the system for events: a snapshot of modification
times, sizes and inodes of every input (``models/``, ``evals/``, ``templates/``
and ``versus.yaml``, and the theme versus ships, edited in a working copy of
versus), compared with the last one.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

from versus.inputs import theme
from versus.inputs.inputfiles import INPUT_PARTS

POLL_SECONDS = 0.2
SETTLE_SECONDS = 0.05
"""After a change is seen, how long the inputs must stay still before the build starts:
an editor that writes a file in several steps triggers one build, not two."""
SETTLE_LIMIT = 1.0

Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Modification time, size and inode of every input file, by path relative to ``root``.

    Hidden files and folders are left out, as the loader leaves them out (an
    editor's swap file is no input).
    """
    found: Snapshot = {}
    for part in INPUT_PARTS:  # what a build reads
        path = root / part
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found[part] = (info.st_mtime_ns, info.st_size, info.st_ino)
        elif stat.S_ISDIR(info.st_mode):
            _walk(path, part, found)
    _walk(theme.THEME, theme.SHOWN_AS, found)
    return found


def _walk(folder: Path | str, relative: str, found: Snapshot) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # removed while we looked: the next poll sees it gone
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = f"{relative}/{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, name, found)
            elif entry.is_file():
                info = entry.stat()
                found[name] = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            continue


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or changed between two snapshots, sorted."""
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


class Watcher:
    """The inputs of the project at ``root`` as last seen, and what changed since."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.seen: Snapshot = {}

    def look(self) -> None:
        """Take the current inputs as seen."""
        self.seen = snapshot(self.root)

    def changes(self, stop: threading.Event | None = None) -> list[str] | None:
        """The files changed since the last look, once they stay still; they are then seen.

        ``None`` when nothing changed, or when ``stop`` was set while waiting.
        """
        current = snapshot(self.root)
        if current == self.seen:
            return None
        waited = 0.0
        while waited < SETTLE_LIMIT:  # let a write in several steps finish
            if stop is not None and stop.wait(SETTLE_SECONDS):
                return None
            if stop is None:
                time.sleep(SETTLE_SECONDS)
            waited += SETTLE_SECONDS
            later = snapshot(self.root)
            if later == current:
                break
            current = later
        changed = changed_files(self.seen, current)
        self.seen = current
        return changed


__all__ = ["POLL_SECONDS", "Snapshot", "Watcher", "changed_files", "snapshot"]
