"""Compile the theme's templates ahead: ``python -m versus.site.precompile``.

Jinja compiles a template by parsing it and generating Python, which every build that
renders pays before its first page (bench/README.md, "The theme compiled ahead"). The theme
is versus's own code, so it ships compiled as well: this writes Jinja's code for every
template of :data:`versus.inputs.theme.THEME` into the package
:mod:`versus.inputs.compiledtheme`, with the SHA-256 of each template's source and the
version of Jinja that wrote it. The loader takes a module only when both still match
(:meth:`versus.inputs.templateloader.TemplateLoader.load`), so a template edited and not
compiled again is compiled from its source, as a project's own templates always are.
``tests/site/test_precompile.py`` fails while the committed modules are stale.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import jinja2

from versus.inputs import compiledtheme
from versus.inputs import theme as shipped
from versus.inputs.templateloader import theme_templates
from versus.site.render import FILTERS, Renderer, environment

PREFIX = "tmpl_"
"""How the compiled modules' names begin: the only files of the package this writes
besides its ``__init__.py``, and the only ones it removes."""

HEADER = "# Jinja's code for versus/theme/{name}, written by python -m versus.site.precompile\n"


def module_name(template: str) -> str:
    """The module of ``template``: ``partials/scores.html`` -> ``tmpl_partials__scores_html``."""
    return PREFIX + re.sub(r"[^0-9A-Za-z]", "_", template.replace("/", "__"))


def modules(theme: Path | None = None) -> dict[str, str]:
    """The package's files, by file name, for the theme in ``theme`` (by default the one
    versus ships): a module per template and the ``__init__.py`` that indexes them."""
    env = environment(None)
    for name, method in FILTERS.items():  # compiled as the renderer's filters are called
        env.filters[name] = getattr(Renderer, method)
    files: dict[str, str] = {}
    index: list[str] = []
    for template in theme_templates(theme):
        raw = shipped.read(template, theme)
        assert raw is not None, template  # listed a moment ago
        module = module_name(template)
        if f"{module}.py" in files:
            raise ValueError(f"two templates compile to the module {module}")
        code = env.compile(raw.decode("utf-8"), template, raw=True)
        files[f"{module}.py"] = HEADER.format(name=template) + code + "\n"
        digest = hashlib.sha256(raw).hexdigest()
        index.append(f"    {template!r}: ({module!r}, {digest!r}),\n")
    files["__init__.py"] = (
        '"""The theme\'s templates compiled by Jinja, written by ``python -m\n'
        "versus.site.precompile`` (do not edit): a module per template, and here each\n"
        'template\'s module and the SHA-256 of the source it was compiled from."""\n'
        "\n"
        f"JINJA_VERSION = {jinja2.__version__!r}\n"
        '"""The Jinja that wrote the modules; under another, the theme is compiled from its\n'
        'source."""\n'
        "\n"
        "MODULES: dict[str, tuple[str, str]] = {\n" + "".join(index) + "}\n"
    )
    return files


def write(folder: Path, theme: Path | None = None) -> None:
    """Write :func:`modules` into ``folder``, removing the modules of templates gone."""
    files = modules(theme)
    for stale in folder.glob(f"{PREFIX}*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def main() -> None:
    folder = Path(compiledtheme.__file__).parent
    write(folder)
    print(f"compiled the theme into {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
