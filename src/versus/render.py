"""The Jinja environment and rendering of planned pages to text.

Autoescape is on for every HTML and XML template and undefined names are
errors (``StrictUndefined``), so a typo in a template fails the build instead
of printing an empty cell. Each renderer owns its environment; nothing here is
global.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2

from versus.pages import Page
from versus.problems import InputError, Problem
from versus.schema import SiteConfig


class Renderer:
    def __init__(
        self,
        templates: Path,
        config: SiteConfig,
        base: Path | None = None,
        built: date | None = None,
    ) -> None:
        self.templates = templates
        self.base = base or templates.parent
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals["site"] = config
        self.env.globals["base_url"] = config.base_url.rstrip("/") + "/"
        self.env.globals["built"] = built.strftime("%-d %b %Y") if built else ""

    def render(self, page: Page) -> str:
        """Render one page; template mistakes become an :class:`InputError`."""
        try:
            template = self.env.get_template(page.template)
            return template.render({"root": page.root, "page_path": page.url_path, **page.context})
        except jinja2.TemplateSyntaxError as error:
            name = self._name(error.filename or error.name or page.template)
            raise InputError(
                [Problem(name, error.lineno, 1, (), f"template error: {error.message}")]
            ) from None
        except jinja2.TemplateNotFound as error:
            raise InputError(
                [Problem(self._name(self.templates), 0, 0, (), f"template not found: {error.name}")]
            ) from None
        except jinja2.UndefinedError as error:
            raise InputError(
                [
                    Problem(
                        self._name(self.templates / page.template),
                        0,
                        0,
                        (),
                        f"template error while rendering {page.path}: {error.message}",
                    )
                ]
            ) from None

    def _name(self, path: str | Path) -> str:
        try:
            return Path(path).resolve().relative_to(self.base.resolve()).as_posix()
        except ValueError:
            return str(path)
