"""The published tree, its spare, and which state each one holds.

An incremental build must stay atomic (a killed build leaves the old site),
yet cost only what changed. So the output folder has a spare twin in its state
folder (``.site.versus/spare``), made of hard links, one build behind. A build
brings the spare up to the new state, touching only pages that differ between
the two, and swaps the two folders in one ``RENAME_EXCHANGE``; the old site
becomes the next build's spare.

Which state each tree holds is recorded (``.site.versus/state.json``) by the
folder's identity (device, inode and change time), not its name, and only once
the tree is complete and swapped: a folder replaced behind versus's back, even
one that reuses an inode, or a tree touched by a build that was killed, has a
new change time and so no recorded state, and is rebuilt in full. A record that
is damaged, or written by another version, is discarded with a warning: the
build is then a full one.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any

from versus.atomic import write_atomically
from versus.build.output import (
    check_name,
    check_relative,
    real_folder,
    record_path,
    shown,
    spare_path,
)
from versus.build.state import SiteState

_VERSION = 1

RECORD_LIMIT = 256 * 1024 * 1024
"""Bytes of a state record read at most (a record of 10,000 models is a few MB)."""


def spare_of(out: Path) -> Path:
    return spare_path(out)


class _DamagedError(Exception):
    """A state record that cannot be read as one this version wrote."""


def _read_record(path: Path) -> Any:
    """The JSON of the record at ``path`` (``None`` if missing), or :class:`_DamagedError`.

    Never through a link, never from a device or FIFO (which could block)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _DamagedError(f"cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(os.fstat(handle).st_mode):  # a folder: fdopen itself would raise
        os.close(handle)
        raise _DamagedError("is not a file")
    with os.fdopen(handle, "rb") as stream:
        data = stream.read(RECORD_LIMIT + 1)
    if not data.strip():
        raise _DamagedError("is empty")
    if len(data) > RECORD_LIMIT:
        raise _DamagedError("is too large")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _DamagedError("is damaged (not JSON)") from None


def _identity(folder: Path) -> str | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}" if folder.is_dir() else None


def _trees(stored: Any) -> dict[str, SiteState | None]:
    if stored is None:
        return {}
    if not isinstance(stored, dict) or stored.get("version") != _VERSION:
        raise _DamagedError("was not written by this version of versus")
    try:
        return {
            str(identity): None if state is None else SiteState.from_json(state)
            for identity, state in stored["trees"].items()
        }
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _DamagedError("does not hold what this version of versus records") from None


class TreeStates:
    """The recorded state of the output folder and its spare."""

    def __init__(self, out: Path) -> None:
        self.out = real_folder(out)
        self.path = record_path(out)
        self.trees: dict[str, SiteState | None] = {}
        self.warning = ""
        """Why the record was discarded, if it was: one line for the user."""
        try:
            self.trees = _trees(_read_record(self.path))
        except _DamagedError as damage:
            self.warning = f"{shown(self.path)}: the build state {damage}; discarded, so "
            self.warning += "this build renders every page"

    def knows(self, folder: Path) -> bool:
        """Whether ``folder`` is a tree versus recorded: one it built."""
        identity = _identity(folder)
        if identity is None:
            return False
        if identity in self.trees:
            return True
        # versus before its state folder kept the record beside the output folder
        real = real_folder(folder)
        with contextlib.suppress(_DamagedError, AttributeError, TypeError):
            legacy = _read_record(real.parent / f".{real.name}.state.json")
            return identity in legacy["trees"]
        return False

    def state_of(self, folder: Path) -> SiteState | None:
        identity = _identity(folder)
        return None if identity is None else self.trees.get(identity)

    def forget(self) -> None:
        """Record nothing about either tree (before replacing them wholesale)."""
        self.trees = {}
        self._write()

    def record(self, folder: Path, state: SiteState | None, *more: tuple[Path, SiteState]) -> None:
        """Record ``folder``'s state (``None``: unknown), and ``more`` folders' states, in one
        atomic write of the record."""
        for where, what in ((folder, state), *more):
            identity = _identity(where)
            if identity is not None:
                self.trees[identity] = what
        live = {_identity(self.out), _identity(spare_of(self.out))}
        self.trees = {key: s for key, s in self.trees.items() if key in live}
        self._write()

    def _write(self) -> None:
        data = {
            "version": _VERSION,
            "trees": {
                key: None if s is None else s.to_json() for key, s in sorted(self.trees.items())
            },
        }
        prefix = "state-"
        # A build killed between writing its record and renaming it left the temporary file;
        # builds of this folder take turns (the lock), so any such file is a leftover.
        for stale in self.path.parent.glob(f"{prefix}*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        write_atomically(self.path, json.dumps(data, sort_keys=True).encode("utf-8"), prefix=prefix)


def clone(source: Path, target: Path) -> None:
    """A copy of the tree at ``source`` made of hard links (a real copy where links fail)."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for directory, folders, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        for folder in folders:
            (target / relative / folder).mkdir()
        for name in names:
            try:
                os.link(Path(directory) / name, target / relative / name)
            except OSError:
                shutil.copy2(Path(directory) / name, target / relative / name)


def _fresh(path: Path) -> None:
    """Make ``path`` writable without touching a file it may share an inode with."""
    if path.exists():
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)


def write_file(root: Path, name: str, data: bytes) -> None:
    """Put ``data`` at ``name`` under ``root`` as a new inode (never writing a shared one)."""
    target = root.joinpath(*check_relative(name).parts)
    _fresh(target)
    target.write_bytes(data)


def link_file(source_root: Path, root: Path, name: str) -> None:
    """Put ``source_root``'s file ``name`` at ``name`` under ``root``, as a hard link.

    Plain strings and os calls: a one-card rebuild links hundreds of files this way.
    """
    check_name(name)
    source, target = f"{source_root}/{name}", f"{root}/{name}"
    try:
        os.unlink(target)  # never write through a link the target may share
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def remove_file(root: Path, name: str) -> None:
    """Remove ``name`` under ``root`` and the folders it leaves empty."""
    target = root.joinpath(*check_relative(name).parts)
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    folder = target.parent
    while folder != root:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
