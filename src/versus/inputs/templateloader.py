"""Jinja's loader for the templates: the project's ``templates/`` over the theme versus
ships (:mod:`versus.inputs.theme`), apart from :mod:`versus.inputs.inputfiles` so that
reading and hashing the input files (all a no-op build does) needs no Jinja."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from versus.inputs import compiledtheme
from versus.inputs import theme as shipped
from versus.inputs.inputfiles import (
    ASSETS_DIR,
    MAX_TEMPLATE_BYTES,
    Kind,
    decode_text,
    inspect,
    read_file,
    walk,
)
from versus.inputs.problems import InputError, Problem


class TemplateLoader(jinja2.BaseLoader):
    """Jinja's loader for a project's templates: its ``templates/`` folder first, file by
    file, then the theme.

    A project's template is read as every input is read: regular files inside the
    project only, at most :data:`MAX_TEMPLATE_BYTES`, UTF-8. One it will not read is an
    :class:`InputError` naming the file as the user wrote it (and the line, for text
    that is not UTF-8), which the renderer passes on as it is: the theme's file is not
    used in its place, as the project meant to override it. A template neither has is
    ``TemplateNotFound``, as Jinja expects.
    """

    def __init__(self, templates: Path, theme: Path | None = None) -> None:
        self.root = templates.parent  # the project
        self.prefix = templates.name
        # Names point into the resolved folders, as the renderer finds a template's
        # frames in a traceback by these prefixes.
        self.folder = os.path.realpath(templates)
        self.theme = os.path.realpath(shipped.THEME if theme is None else theme)

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """The template ``name``: the theme's from its compiled module
        (:mod:`versus.site.precompile`) when the project does not override it and the
        module was compiled from the same source by the same Jinja, else compiled from its
        source as Jinja's loaders do."""
        relative = "/".join(jinja2.loaders.split_template_path(name))
        code = self._compiled(relative)
        if code is None:
            return super().load(environment, name, globals)
        # a namespace of its own, as each renderer has an environment of its own
        namespace: dict[str, Any] = {
            "environment": environment,
            "__file__": f"{self.theme}/{relative}",
        }
        exec(code, namespace)
        return environment.template_class.from_module_dict(environment, namespace, globals or {})

    def _compiled(self, relative: str) -> CodeType | None:
        entry = compiledtheme.MODULES.get(relative)
        if entry is None or jinja2.__version__ != compiledtheme.JINJA_VERSION:
            return None
        if inspect(self.root, f"{self.prefix}/{relative}") is not None:
            return None  # the project's own, readable or not
        raw = shipped.read(relative, Path(self.theme))
        if raw is None or hashlib.sha256(raw).hexdigest() != entry[1]:
            return None
        spec = importlib.util.find_spec(f"{compiledtheme.__name__}.{entry[0]}")
        if spec is None or spec.loader is None:
            return None
        # Python's own .pyc of a module of the package, as for any of versus's code
        code: CodeType | None = spec.loader.get_code(spec.name)  # type: ignore[attr-defined]
        return code

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses "..": not found
        relative = "/".join(pieces)
        if relative.split("/", 1)[0] == ASSETS_DIR:
            raise jinja2.TemplateNotFound(template)  # assets are published, not rendered
        name = f"{self.prefix}/{relative}"
        raw = read_file(self.root, name, MAX_TEMPLATE_BYTES)
        if isinstance(raw, Problem) and inspect(self.root, name) is None:
            return self._theme_source(template, relative)
        if isinstance(raw, Problem):
            raise InputError([raw])
        text = decode_text(raw, name, "template text")
        if isinstance(text, Problem):
            raise InputError([text])
        return self._source(text, "/".join((self.folder, *pieces)))

    def _theme_source(self, template: str, relative: str) -> tuple[str, str, Callable[[], bool]]:
        raw = shipped.read(relative, Path(self.theme))
        if raw is None:
            raise jinja2.TemplateNotFound(template)
        return self._source(raw.decode("utf-8"), f"{self.theme}/{relative}")

    @staticmethod
    def _source(text: str, filename: str) -> tuple[str, str, Callable[[], bool]]:
        mtime = _mtime(filename)
        return text, filename, lambda: _mtime(filename) == mtime

    def origin(self, template: str) -> str:
        """Where ``template`` is read from, as problems name it: ``templates/<name>`` when
        the project has a file there (readable or not), else ``versus/theme/<name>``."""
        name = f"{self.prefix}/{template}"
        if inspect(self.root, name) is not None:
            return name
        return f"{shipped.SHOWN_AS}/{template}"

    def overrides(self) -> tuple[list[str], list[Problem]]:
        """The project's templates (``templates/`` but its assets) by template name, and the
        problems of the entries there it will not read."""
        if inspect(self.root, self.prefix) is not Kind.FOLDER:
            return [], []  # a refused templates/ is a problem of the assets and of the inputs
        found, refused = walk(self.root, self.prefix)
        skip = f"{self.prefix}/{ASSETS_DIR}/"
        return (
            [name[len(self.prefix) + 1 :] for name in found if not name.startswith(skip)],
            [problem for problem in refused if not problem.file.startswith(skip)],
        )

    def list_templates(self) -> list[str]:
        return sorted({*theme_templates(Path(self.theme)), *self.overrides()[0]})


def theme_templates(theme: Path | None = None) -> list[str]:
    """The templates of the theme (``theme``, by default the one versus ships): its files
    but its assets, which are published, not rendered."""
    return [name for name in shipped.names(theme) if not name.startswith(f"{ASSETS_DIR}/")]


def _mtime(path: str) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return -1
