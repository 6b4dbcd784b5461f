"""Publishing a rendered site: all of it or none of it.

A build never touches the published tree while it works. It stages the new
tree beside it (``.site.new-<pid>``), hard-linking every file whose bytes did
not change so that its mtime stays, and then swaps the staged tree with the
published one in a single ``renameat2(RENAME_EXCHANGE)`` call. A build that
fails, raises or is killed at any moment therefore leaves either the old site
or the new one, never a mix. Leftovers of a killed build are removed by the
next one. A lock file beside the output folder keeps two builds from
publishing at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from versus.problems import InputError, Problem

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class UnsafePathError(Exception):
    """An output path that would land outside the output folder."""


@dataclass(frozen=True)
class PublishReport:
    written: int
    """Files that are new or whose bytes changed."""
    unchanged: int
    removed: int
    """Files of the previous site that the new one no longer has."""


def check_relative(path: str) -> PurePosixPath:
    """A safe relative path inside the output folder, or :class:`UnsafePathError`."""
    check_name(path)
    return PurePosixPath(path)


_UNSAFE_PARTS = frozenset({"", ".", ".."})


def check_name(path: str) -> None:
    """Raise :class:`UnsafePathError` unless ``path`` is a safe relative path inside the
    output folder: :func:`check_relative` without making a path object, for the tens of
    thousands of files a build writes."""
    if (
        not path
        or path.startswith("/")
        or not _UNSAFE_PARTS.isdisjoint(path.split("/"))
        or "\\" in path
        or "\x00" in path
    ):
        raise UnsafePathError(f"refusing to write outside the output folder: {path!r}")


def _sibling(out: Path, kind: str, pid: int | None = None) -> Path:
    return out.parent / f".{out.name}.{kind}-{os.getpid() if pid is None else pid}"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of ``out``; another build of it fails at once with a clear message.

    The lock is a POSIX record lock (``lockf``) on ``.<out>.lock``: the kernel
    releases it when the holder exits, even when it is killed, so a crashed
    build never leaves a stale lock behind; and unlike ``flock``, forked worker
    processes do not inherit it, so it goes with the build process itself.
    """
    shown = str(out)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with lock_path.open("a+") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise InputError(
                [
                    Problem(
                        shown,
                        0,
                        0,
                        (),
                        f"another build of this folder is running (process {holder}); "
                        "wait for it to finish and run again",
                    )
                ]
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            _remove_leftovers(out)
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.lockf(handle, fcntl.LOCK_UN)


def _remove_leftovers(out: Path) -> None:
    """Staged or retired trees of builds that were killed before they cleaned up."""
    for kind in ("new", "old"):
        for leftover in out.parent.glob(f".{out.name}.{kind}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); ``False`` where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _swap_in(staging: Path, out: Path) -> None:
    """Put the staged tree at ``out``; the previous tree ends up at ``staging``."""
    if not out.exists():
        staging.rename(out)
        return
    if not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a folder")
    if _exchange(staging, out):
        return
    # No atomic exchange on this system: two renames, with a very short gap.
    retired = _sibling(out, "old")
    out.rename(retired)
    staging.rename(out)
    retired.rename(staging)


def count_files(folder: Path) -> set[str]:
    """Relative paths of every file under ``folder`` (none if it does not exist)."""
    if not folder.is_dir():
        return set()
    found: set[str] = set()
    for directory, _, names in os.walk(folder):
        base = Path(directory).relative_to(folder)
        found.update((base / name).as_posix() for name in names)
    return found


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh staging folder beside ``out``, removed afterwards whatever happens.

    Write the complete new tree into it, then call :func:`swap_in`.
    """
    staging = _sibling(out.absolute(), "new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, out: Path) -> None:
    """Make the complete tree at ``staging`` the one at ``out``, in one atomic step.

    The previous tree ends up at ``staging``, which :func:`staged` then removes.
    """
    _swap_in(staging, out.absolute())
