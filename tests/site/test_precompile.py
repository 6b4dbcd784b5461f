"""The template loader takes the theme's compiled modules only where they are the theme's
code as it is: no override in the project, the same source, the same Jinja."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import jinja2
import pytest

from support import write
from versus.inputs import compiledtheme, theme
from versus.inputs.load import load_project
from versus.inputs.problems import InputError, Problem
from versus.site import precompile
from versus.site.render import Renderer
from versus.site.views import Page

COMPILED = str(Path(compiledtheme.__file__).parent)

same_jinja = pytest.mark.skipif(
    jinja2.__version__ != compiledtheme.JINJA_VERSION,
    reason=f"the theme was compiled by Jinja {compiledtheme.JINJA_VERSION}, "
    f"not {jinja2.__version__}: run python -m versus.site.precompile",
)


def renderer(project: Path) -> Renderer:
    return Renderer(project / "templates", load_project(project).config)


def compiled(template: jinja2.Template) -> bool:
    """Whether ``template`` runs the theme's compiled module, not code compiled here."""
    return template.root_render_func.__code__.co_filename.startswith(COMPILED)


@same_jinja
def test_the_theme_s_templates_load_from_their_compiled_modules(project: Path) -> None:
    env = renderer(project).env
    for name in ("pair.html", "base.html", "partials/scores.html", "feed.xml"):
        template = env.get_template(name)
        assert compiled(template), name
        assert template.filename == f"{theme.THEME}/{name}"  # as tracebacks name it


@same_jinja
def test_a_project_s_own_template_is_compiled_from_its_source(project: Path) -> None:
    write(project, "templates/partials/scores.html", "<p>{{ table.suite.name }}</p>\n")
    env = renderer(project).env
    assert not compiled(env.get_template("partials/scores.html"))
    assert compiled(env.get_template("pair.html"))  # what it does not override stays


@same_jinja
def test_an_edited_theme_is_compiled_from_its_source(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "theme"
    shutil.copytree(theme.THEME, copy)
    monkeypatch.setattr(theme, "THEME", copy)
    edited = copy / "partials" / "row_end.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    env = renderer(project).env
    template = env.get_template("partials/row_end.html")
    assert not compiled(template)
    assert template.render().endswith("<!-- edited -->\n")
    assert compiled(env.get_template("partials/row_head.html"))  # the copy's unedited files


def test_another_jinja_compiles_the_theme_from_its_source(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiledtheme, "JINJA_VERSION", "0.0")
    assert not compiled(renderer(project).env.get_template("pair.html"))


@same_jinja
def test_each_renderer_runs_the_compiled_code_in_its_own_environment(project: Path) -> None:
    first, second = renderer(project).env, renderer(project).env
    one, other = first.get_template("pair.html"), second.get_template("pair.html")
    assert one.root_render_func.__globals__["environment"] is first
    assert other.root_render_func.__globals__["environment"] is second


def test_a_mistake_at_render_time_names_the_theme_s_file_and_line_either_way(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = Page(path="x/index.html", template="pair.html", context={"title": "x"})

    def problem() -> Problem:
        with pytest.raises(InputError) as raised:
            renderer(project).render(page)
        return raised.value.problems[0]

    from_modules = problem()
    monkeypatch.setattr(compiledtheme, "MODULES", {})
    assert problem() == from_modules
    assert from_modules.file.startswith("versus/theme/")
    assert from_modules.line > 0
    assert "is undefined" in from_modules.message


def test_the_committed_modules_are_the_theme_compiled_now() -> None:
    """Stale modules are ignored at run time, so only speed would be lost; this catches them
    before a release: run ``python -m versus.site.precompile`` and commit what it writes.
    Under another Jinja than the one that wrote them, only their sources are compared."""
    folder = Path(COMPILED)
    expected = precompile.modules()
    committed = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(folder.glob("*.py"))
        if path.name == "__init__.py" or path.name.startswith(precompile.PREFIX)
    }
    assert sorted(committed) == sorted(expected)
    digests = {
        name: hashlib.sha256(theme.read(name) or b"").hexdigest() for name in compiledtheme.MODULES
    }
    assert digests == {name: entry[1] for name, entry in compiledtheme.MODULES.items()}
    if jinja2.__version__ == compiledtheme.JINJA_VERSION:
        stale = [name for name, text in expected.items() if committed[name] != text]
        assert stale == [], "run: python -m versus.site.precompile"


def test_every_template_of_the_theme_has_a_module() -> None:
    templates = [name for name in theme.names() if not name.startswith("assets/")]
    assert sorted(compiledtheme.MODULES) == templates
    assert precompile.module_name("partials/scores.html") == "tmpl_partials__scores_html"


def test_writing_replaces_the_modules_of_templates_gone_and_keeps_other_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "tmpl_gone_html.py").write_text("# a template removed since\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not ours\n", encoding="utf-8")
    precompile.write(tmp_path)
    assert not (tmp_path / "tmpl_gone_html.py").exists()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not ours\n"
    assert {path.name for path in tmp_path.glob("*.py")} == set(precompile.modules())
