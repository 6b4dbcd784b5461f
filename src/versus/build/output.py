"""Publishing a rendered site: all of it or none of it, and only where versus may write.

Only a folder versus built is replaced. Every site carries a marker file at its
top (:data:`MARKER`); a non-empty output folder without it (and unknown to the
recorded state) is refused unless the user asks to take it over, and an output
folder that is, holds or lies inside an input folder or the project is always
refused (:func:`check_output`). A symlinked output folder is published at its
target, which stays linked.

Everything versus keeps beside an output folder ``site`` lives in one hidden
folder, ``.site.versus/`` (:func:`state_folder`): the lock, the record of the
trees' states, the spare tree of incremental builds (:mod:`versus.build.trees`) and
the staged and retired trees of a build. It holds a ``.gitignore`` of ``*``, so
that a repository ignores it. Nothing in it may be a link: versus refuses to
build rather than write through one.

A build never touches the published tree while it works. It stages the new
tree in ``.site.versus/new-<pid>``, hard-linking every file whose bytes did not
change so that its mtime stays, and then swaps the staged tree with the
published one in a single ``renameat2(RENAME_EXCHANGE)`` call. A build that
fails, raises or is killed at any moment therefore leaves either the old site
or the new one, never a mix. Leftovers of a killed build are removed by the
next one. A lock file in the state folder keeps two builds from publishing at
once.

An output folder that is a mount point (a container volume) cannot be renamed
(``EBUSY``), and nothing beside it is on its file system (``EXDEV``). There the
new tree is staged inside the output folder, in a hidden ``.versus-new-<pid>``,
and published entry by entry: each top-level entry (a file or a whole folder
such as ``compare/``) is exchanged with its old version in one
``RENAME_EXCHANGE``, new entries are renamed in, and entries the new site no
longer has are moved out. Each entry is swapped atomically, the site as a whole
is not: a reader, or a build killed in the middle of these renames, may see some
top-level entries new and others old. There is no spare tree either, so every
build that renders anything renders all of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from versus.inputs.inputfiles import CACHE_DIR, EVALS_DIR, MODELS_DIR, TEMPLATES_DIR
from versus.inputs.problems import InputError, Problem

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2

MARKER = ".versus-site"
"""The file at the top of every site versus builds: the proof that it may replace it."""

MARKER_TEXT = (
    b"This folder is a site built by versus. Each build replaces all of its contents,\n"
    b"so keep nothing else here.\n"
)

STATE_SUFFIX = ".versus"
"""``site`` keeps its state in ``.site.versus`` beside it."""

_INSIDE_PREFIX = ".versus-"
"""Staged and retired trees inside an output folder that is a mount point."""

_LEFTOVERS = (f"{_INSIDE_PREFIX}new-", f"{_INSIDE_PREFIX}old-")

_LOCK, _RECORD, _SPARE, _IGNORE = "lock", "state.json", "spare", ".gitignore"
_FILES = frozenset({_LOCK, _RECORD, _IGNORE})

INPUT_FOLDERS = (MODELS_DIR, EVALS_DIR, TEMPLATES_DIR, CACHE_DIR)
"""The project's folders that a build reads (or caches into) and so never writes."""


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


def real_folder(out: Path) -> Path:
    """Where the output folder really is: links resolved, so a linked folder is published
    at its target and the link stays as it is."""
    return Path(os.path.realpath(out))


def state_folder(out: Path) -> Path:
    """The hidden folder beside the (real) output folder holding all that versus keeps."""
    real = real_folder(out)
    return real.parent / f".{real.name}{STATE_SUFFIX}"


def record_path(out: Path) -> Path:
    """The record of the trees' states (see :mod:`versus.build.trees`)."""
    return state_folder(out) / _RECORD


def spare_path(out: Path) -> Path:
    return state_folder(out) / _SPARE


def shown(path: Path) -> str:
    """``path`` as the user sees it: relative to the current folder when under it."""
    with contextlib.suppress(OSError, ValueError):
        return path.relative_to(Path.cwd().resolve()).as_posix()
    return str(path)


def _refuse(where: str, message: str, hint: str = "") -> InputError:
    return InputError([Problem.of_file(where, message, hint)])


_CHOOSE = "choose a folder such as site/"


def check_output(root: Path, out: Path, *, take_over: bool, known: Callable[[Path], bool]) -> bool:
    """Refuse an output folder that a build may not replace; whether versus built it.

    Refused: a folder that is, holds or lies inside an input folder or that holds
    the project (links resolved); a path that is a file, or under one; a state
    folder that holds a link or something versus did not make; and, unless
    ``take_over``, a non-empty folder without :data:`MARKER` that ``known`` (the
    recorded state) does not know either. Reads only; writes nothing.
    """
    where = str(out)
    try:
        real = real_folder(out)
        project = root.resolve()
    except (OSError, RuntimeError) as error:
        raise _refuse(where, f"cannot find where the output folder is: {error}") from None
    if real == project or real in project.parents:
        raise _refuse(where, "the output folder contains the project itself", _CHOOSE)
    for name in INPUT_FOLDERS:
        folder = Path(os.path.realpath(project / name))
        if real == folder:
            raise _refuse(where, f"the output folder is the project's {name}/ folder", _CHOOSE)
        if folder in real.parents:
            message = f"the output folder lies inside the project's {name}/ folder"
            raise _refuse(where, message, _CHOOSE)
        if real in folder.parents:
            message = f"the output folder contains the project's {name}/ folder"
            raise _refuse(where, message, _CHOOSE)
    for folder in (real, *real.parents):
        if folder.name.startswith(".") and folder.name.endswith(STATE_SUFFIX):
            message = f"the output folder lies inside {folder}, where versus keeps a site's state"
            raise _refuse(where, message, _CHOOSE)
    _check_place(where, real)
    check_state_folder(real)
    return _check_owner(where, real, take_over, known)


def _check_place(where: str, real: Path) -> None:
    """The output folder is a folder, or can be made: no file on its way."""
    for path in (real, *real.parents):
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as error:
            raise _refuse(where, f"cannot use {path}: {error.strerror}") from None
        if stat.S_ISDIR(info.st_mode):
            return
        if path == real:
            raise _refuse(where, "the output folder is a file, not a folder", _CHOOSE)
        raise _refuse(where, f"the output folder cannot be made: {path} is a file", _CHOOSE)


def check_state_folder(out: Path) -> None:
    """Refuse a state folder that is a link, or holds a link or anything versus does not
    make there: versus writes into it and deletes in it, never through a link."""
    folder = state_folder(out)
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return
    except OSError as error:
        raise _refuse(shown(folder), f"cannot read the state folder: {error.strerror}") from None
    hint = "versus keeps its state there; remove it and build again"
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(shown(folder), "is a symbolic link; versus writes through no link", hint)
    if not stat.S_ISDIR(info.st_mode):
        raise _refuse(shown(folder), "is not a folder versus made", hint)
    with os.scandir(folder) as entries:
        for entry in entries:
            path = shown(folder / entry.name)
            if entry.is_symlink():
                raise _refuse(path, "is a symbolic link; versus writes through no link", hint)
            wants_file = entry.name in _FILES or entry.name.startswith("state-")
            if wants_file != entry.is_file(follow_symlinks=False):
                kind = "file" if wants_file else "folder"
                raise _refuse(path, f"is not the {kind} versus made there", hint)


def _check_owner(where: str, real: Path, take_over: bool, known: Callable[[Path], bool]) -> bool:
    try:
        names = sorted(entry.name for entry in real.iterdir())
    except FileNotFoundError:
        return True
    except OSError as error:
        raise _refuse(where, f"cannot read the output folder: {error.strerror}") from None
    # what a build killed while publishing into a mount point left (and the next removes)
    names = [name for name in names if not name.startswith(_LEFTOVERS)]
    if not names or _has_marker(real) or known(real):
        return True
    if take_over:
        return False
    found = ", ".join(names[:3])  # escaped when printed (Problem.format)
    found += f" and {len(names) - 3} more" if len(names) > 3 else ""
    raise _refuse(
        where,
        f"the output folder holds files versus did not build ({found}); a build would replace them",
        "choose an empty or new folder such as site/, or pass --take-over to replace its contents",
    )


def _has_marker(real: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(real / MARKER).st_mode)
    except OSError:
        return False


def is_mount_point(folder: Path) -> bool:
    """Whether ``folder`` (a real path) is where a file system is mounted: it cannot be
    renamed, and nothing beside it can be renamed into it."""
    if not folder.is_dir():
        return False
    if os.path.ismount(folder):
        return True
    # A bind mount of a folder of the same file system has its parent's device number.
    try:
        with Path("/proc/self/mountinfo").open(encoding="utf-8", errors="replace") as mounts:
            points = {_unescape(line.split(" ")[4]) for line in mounts if line.count(" ") >= 4}
    except OSError:
        return False
    return str(folder) in points


def _unescape(field: str) -> str:
    """A mountinfo path: space, tab, newline and backslash are written as octal escapes."""
    for code in ("040", "011", "012", "134"):
        field = field.replace(f"\\{code}", chr(int(code, 8)))
    return field


def _open_nofollow(path: Path, flags: int) -> int:
    return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)


def _make_state_folder(out: Path) -> Path:
    """The state folder, made with its ``.gitignore`` if missing (checked first)."""
    check_state_folder(out)
    folder = state_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    check_state_folder(out)  # another process may have put something there meanwhile
    with contextlib.suppress(FileExistsError):
        handle = _open_nofollow(folder / _IGNORE, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(
                "# made by versus: its state for the output folder beside, not for git\n*\n"
            )
    return folder


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of ``out``; another build of it fails at once with a clear message.

    The lock is a POSIX record lock (``lockf``) on the state folder's ``lock``: the
    kernel releases it when the holder exits, even when it is killed, so a crashed
    build never leaves a stale lock behind; and unlike ``flock``, forked worker
    processes do not inherit it, so it goes with the build process itself.
    """
    where = str(out)
    folder = _make_state_folder(out)
    handle = _open_nofollow(folder / _LOCK, os.O_RDWR | os.O_CREAT)
    with os.fdopen(handle, "r+", encoding="utf-8", errors="replace") as stream:
        try:
            fcntl.lockf(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            stream.seek(0)
            holder = stream.read(100).strip() or "another process"
            raise _refuse(
                where,
                f"another build of this folder is running (process {holder}); "
                "wait for it to finish and run again",
            ) from None
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()}\n")
        stream.flush()
        try:
            _remove_leftovers(out)
            yield
        finally:
            stream.seek(0)
            stream.truncate()
            fcntl.lockf(stream, fcntl.LOCK_UN)


def remove_tree(path: Path) -> None:
    """Remove ``path`` whatever it is, never following a link (a link itself goes)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)  # rmtree does not follow links inside
    else:
        path.unlink(missing_ok=True)


def _remove_leftovers(out: Path) -> None:
    """Staged or retired trees of builds that were killed before they cleaned up."""
    folder = state_folder(out)
    for kind in ("new", "old"):
        for leftover in folder.glob(f"{kind}-*"):
            remove_tree(leftover)
    real = real_folder(out)
    if real.is_dir():
        for leftover in real.glob(f"{_INSIDE_PREFIX}*"):
            if leftover.name.startswith(_LEFTOVERS):
                remove_tree(leftover)


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
    if staging.parent == out:
        _swap_inside(staging, out)
        return
    if not out.exists():
        staging.rename(out)
        return
    if not out.is_dir():
        raise NotADirectoryError(f"{out} exists and is not a folder")
    if _exchange(staging, out):
        return
    # No atomic exchange on this system: two renames, with a very short gap.
    retired = staging.parent / f"old-{os.getpid()}"
    out.rename(retired)
    staging.rename(out)
    retired.rename(staging)


def _swap_inside(staging: Path, out: Path) -> None:
    """Publish the tree staged inside ``out`` one top-level entry at a time (a mount point).

    Every old entry ends up in ``staging``, which :func:`staged` removes.
    """
    new = sorted(entry.name for entry in staging.iterdir())
    for name in new:
        source, target = staging / name, out / name
        if not os.path.lexists(target):
            source.rename(target)
        elif not _exchange(source, target):
            target.rename(staging / f"{_INSIDE_PREFIX}old-{name}")
            source.rename(target)
    kept = {*new, staging.name}
    for name in sorted(entry.name for entry in out.iterdir()):
        if name not in kept:
            (out / name).rename(staging / f"{_INSIDE_PREFIX}gone-{name}")


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
    """A fresh staging folder for ``out``, removed afterwards whatever happens.

    It is in the state folder, or inside ``out`` when ``out`` is a mount point.
    Write the complete new tree into it, then call :func:`swap_in`.
    """
    real = real_folder(out)
    if is_mount_point(real):
        staging = real / f"{_INSIDE_PREFIX}new-{os.getpid()}"
    else:
        staging = state_folder(out) / f"new-{os.getpid()}"
    remove_tree(staging)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        remove_tree(staging)


def swap_in(staging: Path, out: Path) -> None:
    """Make the complete tree at ``staging`` the one at ``out``, in one atomic step (per
    top-level entry on a mount point).

    The previous tree ends up at ``staging``, which :func:`staged` then removes.
    """
    _swap_in(staging, real_folder(out))
