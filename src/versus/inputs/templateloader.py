"""Jinja's loader for ``templates/``, apart from :mod:`versus.inputs.inputfiles` so that
reading and hashing the input files (all a no-op build does) needs no Jinja."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2

from versus.inputs.inputfiles import (
    ASSETS_DIR,
    MAX_TEMPLATE_BYTES,
    decode_text,
    inspect,
    read_file,
    walk,
)
from versus.inputs.problems import InputError, Problem


class TemplateLoader(jinja2.BaseLoader):
    """Jinja's loader for ``templates/``, reading as every input is read: regular files
    inside the project only, at most :data:`MAX_TEMPLATE_BYTES`, UTF-8.

    A template it will not read is an :class:`InputError` naming the file as the user
    wrote it (and the line, for text that is not UTF-8), which the renderer passes on
    as it is; a missing one is ``TemplateNotFound``, as Jinja expects.
    """

    def __init__(self, templates: Path) -> None:
        self.root = templates.parent  # the project
        self.prefix = templates.name
        # Names point into the resolved folder, as the renderer finds a template's
        # frames in a traceback by that prefix.
        self.folder = os.path.realpath(templates)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses "..": not found
        relative = "/".join(pieces)
        name = f"{self.prefix}/{relative}"
        if relative.split("/", 1)[0] == ASSETS_DIR:
            raise jinja2.TemplateNotFound(template)  # assets are published, not rendered
        raw = read_file(self.root, name, MAX_TEMPLATE_BYTES)
        if isinstance(raw, Problem) and inspect(self.root, name) is None:
            raise jinja2.TemplateNotFound(template)
        if isinstance(raw, Problem):
            raise InputError([raw])
        text = decode_text(raw, name, "template text")
        if isinstance(text, Problem):
            raise InputError([text])
        filename = "/".join((self.folder, *pieces))
        mtime = _mtime(filename)
        return text, filename, lambda: _mtime(filename) == mtime

    def list_templates(self) -> list[str]:
        names, _ = walk(self.root, self.prefix)
        skip = f"{self.prefix}/{ASSETS_DIR}/"
        return [name[len(self.prefix) + 1 :] for name in names if not name.startswith(skip)]


def _mtime(path: str) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return -1
