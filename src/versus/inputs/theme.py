"""The theme versus ships: the templates and assets of every site, as package data.

The theme lies in the installed package (``versus/theme/``: pages, ``partials/``,
``assets/``) and is read as versus's own code is, with no input rules. A project's
``templates/`` folder overrides it file by file, as MkDocs' ``custom_dir`` does:
``templates/pair.html`` replaces that page only, ``templates/partials/x.html`` that
partial, ``templates/assets/style.css`` that asset, and other files of
``templates/assets/`` are published beside the theme's. What the project holds is
read by :mod:`versus.inputs.inputfiles`'s rules; this module reads only the theme.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

THEME = Path(__file__).resolve().parent.parent / "theme"
"""The theme's folder in the package: ``versus/theme``. Read where used, never bound as a
default, so that a test may point it at a copy to edit."""

SHOWN_AS = "versus/theme"
"""How problems name a theme file: ``versus/theme/pair.html``, never a machine's path."""


def names(theme: Path | None = None) -> list[str]:
    """Every file of the theme (``theme``, by default :data:`THEME`, or another folder of
    package data such as ``versus init``'s starter) by POSIX path relative to it, in name
    order (hidden files and folders left out, as an editor's swap file is no part of it)."""
    theme = THEME if theme is None else theme
    found: list[str] = []
    for folder, subfolders, files in os.walk(theme):
        subfolders[:] = [name for name in subfolders if not name.startswith((".", "__"))]
        relative = Path(folder).relative_to(theme).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        found += [prefix + name for name in files if not name.startswith(".")]
    return sorted(found)


def read(name: str, theme: Path | None = None) -> bytes | None:
    """The bytes of the theme's file ``name`` (a relative POSIX path), ``None`` if the theme
    has no such file."""
    theme = THEME if theme is None else theme
    try:
        return (theme / name).read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def digests(theme: Path | None = None) -> dict[str, str]:
    """The SHA-256 of every file of the theme, by name: a theme edited in a working copy
    of versus is an input changed, though versus's Python code is not."""
    theme = THEME if theme is None else theme
    return {name: hashlib.sha256((theme / name).read_bytes()).hexdigest() for name in names(theme)}
