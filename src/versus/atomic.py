"""Writing a file whole: a reader sees its old bytes or its new ones, never a part."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(
    path: Path, data: bytes, *, prefix: str = ".tmp-", mode: int | None = None
) -> None:
    """Write ``data`` to a new file beside ``path`` and rename it over ``path``.

    A link at ``path`` is replaced, not followed. ``mode`` sets the new file's
    permissions (else :func:`tempfile.mkstemp`'s owner-only ones); the new file
    is removed when anything fails before the rename.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
