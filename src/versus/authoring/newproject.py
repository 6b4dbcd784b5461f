"""A new project: what ``versus init DIR`` writes.

The starter (``versus/authoring/starter/``, package data) is a project that checks and
builds as it is: a config with a small taxonomy and score bands, one suite, two model
cards with a result each (a site compares pairs: one card would make no pair page) and
a README on what to edit and how to build. Its YAML files name their schemas on their
first line, so the schemas are written with it (:func:`versus.authoring.jsonschema.expected_files`).
It has no ``templates/``: the theme versus ships serves every page.

versus never writes over a file: the folder must be new or hold nothing but hidden
entries (a fresh clone's ``.git``), and each file is created only if it is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

from versus.authoring.jsonschema import expected_files
from versus.inputs import theme
from versus.inputs.problems import InputError, Problem, printable

STARTER = Path(__file__).resolve().parent / "starter"
"""The starter project, in the package."""


def starter_files(starter: Path = STARTER) -> dict[str, bytes]:
    """Every file ``versus init`` writes, by POSIX path relative to the new project."""
    # listed as the theme's files are: hidden files and folders left out
    found = {name: (starter / name).read_bytes() for name in theme.names(starter)}
    found.update((name, text.encode("utf-8")) for name, text in expected_files().items())
    return dict(sorted(found.items()))


def _refusal(folder: Path) -> Problem | None:
    """Why ``versus init`` may not write into ``folder``, or ``None``: the starter has no
    hidden file, so a folder of hidden entries only has none of its files."""
    shown = printable(str(folder))
    if not folder.exists() and not folder.is_symlink():
        return None
    if not folder.is_dir():
        return Problem.of_file(shown, "not a folder", "choose a new folder: versus init mysite")
    try:
        entries = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        return Problem.of_file(shown, f"cannot read the folder: {error.strerror}")
    visible = [name for name in entries if not name.startswith(".")]
    if visible:
        listed = ", ".join(printable(name) for name in visible[:3])
        more = f" and {len(visible) - 3} more" if len(visible) > 3 else ""
        return Problem.of_file(
            shown,
            f"the folder is not empty (it holds {listed}{more}); versus init writes a new "
            "project into a new or empty folder only, and never over a file",
            "choose a new folder: versus init mysite",
        )
    return None


def init_project(folder: Path) -> list[str]:
    """Write the starter project into ``folder`` (made if missing); the files written, by
    relative path. An :class:`InputError` says why nothing is written (a folder that is
    not empty), or which file appeared while versus wrote (the ones before it stay)."""
    files = starter_files()
    refused = _refusal(folder)
    if refused is not None:
        raise InputError([refused])
    written: list[str] = []
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("xb") as stream:  # never over a file, even one made meanwhile
                stream.write(data)
        except FileExistsError:
            raise InputError(
                [
                    Problem.of_file(
                        printable(str(path)),
                        "appeared while versus wrote the new project; it is left as it is",
                    )
                ]
            ) from None
        written.append(name)
    return written
