"""The Jinja environment and rendering of planned pages to text.

Autoescape is on for every HTML and XML template and undefined names are
errors (``StrictUndefined``), so a typo in a template fails the build instead
of printing an empty cell. Each renderer owns its environment; nothing here is
global.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, MutableMapping
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import orjson
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import Markup, escape

from versus import urls
from versus.inputs import theme as shipped
from versus.inputs.inputfiles import TEMPLATES_DIR
from versus.inputs.problems import InputError, Problem, printable
from versus.inputs.schema import SiteConfig
from versus.inputs.templateloader import TemplateLoader
from versus.join.cells import CAPABILITY_CELLS, Cell
from versus.join.claims import confidence_shown
from versus.join.formatting import Name, Sentence
from versus.join.profiles import Profile
from versus.join.tables import Row
from versus.site.fragments import FragmentCache
from versus.site.views import Page, escaped


def _json_text(value: Any) -> str:
    """``value`` as compact JSON with sorted keys, for Jinja's ``tojson`` (JSON-LD)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def sentence_html(sentence: str) -> Markup:
    """A computed sentence, escaped, each name in it isolated in ``<bdi>`` (see
    :class:`~versus.join.formatting.Sentence`); any other text escaped as it is."""
    if not isinstance(sentence, Sentence):
        return escape(sentence)
    # Joined as plain strings, each part escaped once: what Markup.format and Markup.join
    # would make, without a formatter per name (a few sentences on each of N*(N-1)/2 pages).
    return Markup(
        "".join(
            f"<bdi>{escape(part)}</bdi>" if isinstance(part, Name) else escape(part)
            for part in sentence.parts
        )
    )


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, printing each autoescaped value through :func:`escaped`:
    a page prints a few hundred values, most of them plain text (bench/README.md)."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escaped(")
            if finalize.src is not None:
                self.write(finalize.src)
            return
        super()._output_child_pre(node, frame, finalize)


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator
    escaped = staticmethod(escaped)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict, not Jinja's ``ChainMap`` over the environment's:
        each context (one per page and per include) walks them, and a ``ChainMap`` is walked
        in Python. The environment's globals are all set before any template is loaded."""
        return {**self.globals, **(d or {})}


def environment(loader: jinja2.BaseLoader | None) -> jinja2.Environment:
    """The environment every template is compiled in: the renderer's, and the one that
    compiles the theme ahead (:mod:`versus.site.precompile`), whose code is only valid for
    the options set here."""
    return _Environment(
        # the project's templates/ over the theme; the project's read as every input is
        loader=loader,
        auto_reload=False,  # one build reads each template once; no stat per page
        # a plain dict of templates instead of an LRU cache (a lock and a reorder per
        # lookup): a site has a few dozen templates, each {% include %} looks one up
        cache_size=-1,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[FragmentCache],
    )


FILTERS = {
    "cell_html": "render_cell",
    "compact_cells_html": "render_compact_cells",
    "rows_html": "render_rows",
    "overview_html": "render_overview",
    "sentence_html": "sentence_html",
}
"""The renderer's memoized fragments, as filters by the name of its method: Jinja compiles a
filter to a direct call, where a global function goes through a slower context call."""


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
        self.loader = TemplateLoader(templates)
        self.env = environment(self.loader)
        # JSON-LD as the JSON files are written: sorted keys, no spaces, by orjson.
        self.env.policies["json.dumps_function"] = _json_text
        self.env.policies["json.dumps_kwargs"] = {}
        self.env.globals["site"] = config
        self.env.globals["urls"] = urls  # the URL scheme: {{ root }}{{ urls.COMPARE }}
        self.env.globals["confidence"] = confidence_shown()  # the level of every interval
        self.env.globals["base_url"] = urls.site_base(config.base_url)
        self.env.globals["built"] = built.strftime("%-d %b %Y") if built else ""
        for name, method in FILTERS.items():
            self.env.filters[name] = getattr(self, method)
        # Fragments that repeat across pages, rendered once per distinct value.
        self._fragments: dict[tuple[str, Hashable], Markup] = {}
        self._tds: dict[int, tuple[Cell, str]] = {}
        self._compact: dict[Cell, str] = {}
        self._heads: dict[tuple[str, str], str] = {}
        self._names: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        self._templates: dict[str, tuple[jinja2.Template, dict[str, Any]]] = {}

    def _render(self, name: str, context: dict[str, Any]) -> str:
        """What ``get_template(name).render(context)`` returns, for less.

        ``Template.render`` copies the template's globals out of a ``ChainMap`` into each
        new context; here they are copied once per template, and each context is made
        from them and ``context`` in one dict. Errors go through the same
        ``handle_exception``, which points their traceback at the template's lines.
        """
        found = self._templates.get(name)
        if found is None:
            template = self.env.get_template(name)
            found = self._templates[name] = (template, dict(template.globals))
        template, names = found
        try:
            return self.env.concat(
                template.root_render_func(template.new_context({**names, **context}, shared=True))
            )
        except Exception:
            self.env.handle_exception()

    def sentence_html(self, sentence: str) -> Markup:
        """:func:`sentence_html`, each distinct part escaped once: a pair page's sentences
        repeat their names and most of their words on every page of the pair's models."""
        if not isinstance(sentence, Sentence):
            return escape(sentence)
        names, texts = self._names, self._texts
        html: list[str] = []
        for part in sentence.parts:
            # apart: a Name equals the same text as a plain part, and prints otherwise
            if isinstance(part, Name):
                done = names.get(part)
                if done is None:
                    done = names[part] = f"<bdi>{escape(part)}</bdi>"
            else:
                done = texts.get(part)
                if done is None:
                    done = texts[part] = str(escape(part))
            html.append(done)
        return Markup("".join(html))

    def _fragment(self, template: str, key: Hashable, **context: Any) -> Markup:
        html = self._fragments.get((template, key))
        if html is None:
            html = Markup(self._render(template, context).rstrip("\n"))
            self._fragments[(template, key)] = html
        return html

    def render_rows(self, rows: Iterable[Row], skip: int = -1) -> Markup:
        """Table rows one after another, one per line, each joined from fragments: its head
        (once per label), its cells, its end. ``skip``: the column of a model with no run,
        whose one cell spanning every row the template writes (``-1``: none).

        Rows rarely repeat across pairs (the leader marks differ), so a row is not rendered
        as a whole; its pieces are, each once, and joining them is cheap. This is the
        innermost loop of a build (fifty rows a pair page), hence one plain loop.
        """
        end = self._fragment("partials/row_end.html", None)
        heads, tds = self._heads, self._tds
        html: list[str] = []
        for row in rows:
            head = heads.get((row.label, row.note))
            if head is None:
                head = heads[(row.label, row.note)] = self._fragment(
                    "partials/row_head.html", (row.label, row.note), label=row.label, note=row.note
                )
            html.append(head)
            cells = row.cells if skip < 0 else row.cells[:skip] + row.cells[skip + 1 :]
            for cell in cells:  # _td, inline: a hundred cells a pair page
                kept = tds.get(id(cell))
                html.append(kept[1] if kept is not None and kept[0] is cell else self._td(cell))
            html.append(end)
            html.append("\n")
        return Markup("".join(html[:-1]))

    def _td(self, cell: Cell) -> str:
        """:meth:`render_cell` by the cell's identity: a pair page's cells are its models'
        own cell objects, and an ``id`` is hashed by C where a cell's hash is a Python call.
        The cell is kept with its markup, so its ``id`` cannot be reused while it is here."""
        kept = self._tds.get(id(cell))
        if kept is None or kept[0] is not cell:
            kept = self._tds[id(cell)] = (cell, str(self.render_cell(cell)))
        return kept[1]

    def render_cell(self, cell: Cell) -> Markup:
        """The ``<td>`` of a cell; a model's cells recur on all its pages, so each renders once.
        A cell that links (a live demo) has a partial of its own, holding no score."""
        template = "partials/link_cell.html" if cell.href else "partials/cell.html"
        return self._fragment(template, cell, cell=cell)

    def render_compact_cells(self, cells: Iterable[Cell]) -> Markup:
        """The icon-only ``<td>``s of a row of the all-model capability matrix: N rows of a
        few distinct cells, each rendered once."""
        compact = self._compact
        html = []
        for cell in cells:
            if cell.href:  # an icon is no link target: the model's page has the link
                cell = CAPABILITY_CELLS["demo"]
            td = compact.get(cell)
            if td is None:
                td = compact[cell] = self._fragment("partials/matrix_cell.html", cell, cell=cell)
            html.append(td)
        return Markup("".join(html))

    def render_overview(self, model: Profile, root: str) -> Markup:
        """A model's overview card, rendered once per model (and link depth)."""
        return self._fragment(
            "partials/model_overview.html", (model.id, root), model=model, root=root
        )

    def render(self, page: Page) -> str:
        """Render one page; template mistakes become an :class:`InputError`."""
        try:
            context = {"root": page.root, "page_path": page.url_path, **page.context}
            return self._render(page.template, context)
        except jinja2.TemplateSyntaxError as error:
            name = (
                self._name(error.filename)
                if error.filename
                else self.loader.origin(error.name or page.template)
            )
            raise InputError(
                [Problem(name, error.lineno, 1, (), f"template error: {error.message}")]
            ) from None
        except jinja2.TemplateNotFound as error:
            # named where it is included, when a template includes it
            file, line = self._template_frame(error)
            raise InputError(
                [
                    Problem(
                        file or self._name(str(self.templates)),
                        line,
                        1 if line else 0,
                        (),
                        f"template not found: {error.name}",
                        f"neither {TEMPLATES_DIR}/ nor versus's theme has it",
                    )
                ]
            ) from None
        except InputError:
            raise  # a template the loader would not read, already named as the user wrote it
        except Exception as error:
            file, line = self._template_frame(error)
            kind = "" if isinstance(error, jinja2.UndefinedError) else f"{type(error).__name__}: "
            raise InputError(
                [
                    Problem(
                        file or self.loader.origin(page.template),
                        line,
                        1 if line else 0,
                        (),
                        f"template error while rendering {page.path}: {kind}{error}",
                    )
                ]
            ) from None

    def _template_frame(self, error: BaseException) -> tuple[str, int]:
        """The innermost template file and line in ``error``'s traceback, if any."""
        found = ("", 0)
        traceback = error.__traceback__
        folders = (f"{self.loader.folder}/", f"{self.loader.theme}/")
        while traceback is not None:
            filename = traceback.tb_frame.f_code.co_filename
            if filename.startswith(folders):
                found = (self._name(filename), traceback.tb_lineno)
            traceback = traceback.tb_next
        return found

    def _name(self, path: str) -> str:
        """A template's file as problems name it: ``templates/...`` in the project,
        ``versus/theme/...`` in the theme (:data:`versus.inputs.theme.SHOWN_AS`)."""
        theme = f"{self.loader.theme}/"
        if path.startswith(theme):
            return f"{shipped.SHOWN_AS}/{path.removeprefix(theme)}"
        try:
            return Path(path).resolve().relative_to(self.base.resolve()).as_posix()
        except ValueError:
            return path


def template_problems(root: Path, environment: jinja2.Environment | None = None) -> list[Problem]:
    """What rendering would trip on in the project's ``templates/`` (the theme is versus's
    own) before it renders anything: a template that cannot be read, and one that does
    not compile (with the file and line). With the renderer's ``environment``, unknown
    filters and tests are found too; without one, templates are parsed, which finds
    every syntax error."""
    loader = TemplateLoader(root / TEMPLATES_DIR)
    env = environment or jinja2.Environment(loader=loader, extensions=[FragmentCache])
    templates, problems = loader.overrides()  # read_assets reports the assets' problems
    for template in templates:
        try:
            if environment is None:
                env.parse(*loader.get_source(env, template)[:2])
            else:
                env.get_template(template)
        except jinja2.TemplateSyntaxError as error:
            problems.append(
                Problem(
                    printable(f"{TEMPLATES_DIR}/{template}"),
                    error.lineno,
                    1 if error.lineno else 0,
                    (),
                    f"template error: {error.message}",
                )
            )
        except InputError as error:
            problems += error.problems
        except jinja2.TemplateNotFound:
            continue  # removed while we looked
    return problems
