"""Publishing a rendered site: every file written, then the whole tree swapped in.

The new tree is written beside the output folder and renamed into place only
when it is complete, so a build that fails or is interrupted leaves the
previous site as it was (Lektor and Hugo do the same in spirit).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


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
    pure = PurePosixPath(path)
    if (
        not path
        or pure.is_absolute()
        or any(part in {"", ".", ".."} for part in path.split("/"))
        or "\\" in path
        or "\x00" in path
    ):
        raise UnsafePathError(f"refusing to write outside the output folder: {path!r}")
    return pure


def _existing(out: Path) -> dict[str, bytes]:
    if not out.is_dir():
        return {}
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def publish(files: Mapping[str, bytes], out: Path) -> PublishReport:
    """Replace the tree at ``out`` with exactly ``files``."""
    relative = {name: check_relative(name) for name in files}
    out = out.absolute()
    previous = _existing(out)
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name in sorted(files):
            target = staging.joinpath(*relative[name].parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        if out.exists():
            out.rename(retired)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(retired, ignore_errors=True)
    unchanged = sum(1 for name, data in files.items() if previous.get(name) == data)
    return PublishReport(
        written=len(files) - unchanged,
        unchanged=unchanged,
        removed=sum(1 for name in previous if name not in files),
    )
