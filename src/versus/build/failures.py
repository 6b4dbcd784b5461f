"""What versus says when the machine, not the input, stops a command.

A full or read-only disk, a missing permission, a path where a file stands in
for a folder: each :class:`OSError` that escapes a command becomes one line
naming the path and the cause, with a hint, instead of a traceback. The
mapping is here, in one place, so that ``build``, ``check``, ``serve``,
``schema`` and ``new`` say the same thing for the same cause.
"""

from __future__ import annotations

import errno
import os

from versus.inputs.problems import printable

_WRITE = "cannot write"
_USE = "cannot use"

_CAUSES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (_WRITE, "the disk is full"),
    errno.EDQUOT: (_WRITE, "the disk quota is used up"),
    errno.EFBIG: (_WRITE, "the file is larger than this file system allows"),
    errno.EROFS: (_WRITE, "the file system is read-only"),
    errno.EACCES: (_USE, "check the owner and permissions of the path and its folders"),
    errno.EPERM: (_USE, "check the owner and permissions of the path and its folders"),
    errno.ENOTDIR: (_USE, "a part of the path is a file where a folder is expected"),
    errno.EISDIR: (_USE, "a folder stands where a file is expected"),
    errno.EEXIST: (_USE, "something else already exists at this path"),
    errno.ENOTEMPTY: (_USE, "a folder that should be empty holds files"),
    errno.ENOENT: (_USE, "it was removed while versus ran, or a folder on its path is missing"),
    errno.ELOOP: (_USE, "too many levels of symbolic links"),
    errno.ENAMETOOLONG: (_USE, "choose a shorter path"),
    errno.EBUSY: (_USE, "it is in use, or it is a mount point"),
    errno.EXDEV: (_USE, "it lies on another file system than the folder beside it"),
    errno.EMFILE: (_USE, "too many open files: raise the limit (ulimit -n)"),
    errno.ENFILE: (_USE, "too many open files on this machine"),
    errno.EIO: (_USE, "the disk or network file system reported an error"),
    errno.ENOMEM: (_USE, "the machine is out of memory"),
}

SITE_KEPT = "the previous site is unchanged"
"""The outcome of a failed or interrupted build: publishing is one atomic swap."""

INTERRUPTED = "versus: interrupted"


def os_error_line(error: OSError, outcome: str = "") -> str:
    """One line for ``error``: ``versus: cannot write PATH: cause (hint); outcome``."""
    text = f"versus: {describe(error)}"
    return f"{text}; {outcome}" if outcome else text


def describe(error: OSError) -> str:
    """``cannot write PATH: cause (hint)``: the path (and the second path of a rename) with
    control characters escaped, the system's message for the error number, and a hint
    when the number is a common one."""
    verb, hint = _CAUSES.get(error.errno or 0, (_USE, ""))
    cause = error.strerror or (os.strerror(error.errno) if error.errno else "") or str(error)
    paths = [_shown(name) for name in (error.filename, error.filename2) if name is not None]
    text = f"{verb} {' or '.join(paths)}: " if paths else ""
    text += printable(cause)
    return f"{text} ({hint})" if hint else text


def interrupted_line(outcome: str = "") -> str:
    """The line a command prints when Ctrl-C stops it."""
    return f"{INTERRUPTED}; {outcome}" if outcome else INTERRUPTED


def _shown(name: object) -> str:
    return printable(os.fsdecode(name) if isinstance(name, bytes) else str(name))


__all__ = ["INTERRUPTED", "SITE_KEPT", "describe", "interrupted_line", "os_error_line"]
