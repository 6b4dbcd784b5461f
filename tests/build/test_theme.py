"""The theme versus ships, and a project's ``templates/`` over it, file by file.

A project without ``templates/`` builds with the theme alone; a file at the same
path under ``templates/`` replaces that page, partial or asset only. Adding,
editing or removing an override renders again exactly the pages of the kinds
whose templates reach it, and an edit of the theme itself (a working copy of
versus) is a change a build sees.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from htmltools import soup
from support import config_only, override, override_all, tree, write
from versus import urls
from versus.build.fingerprint import TemplateGraph
from versus.build.pipeline import build, render_site
from versus.cli import main
from versus.inputs import theme
from versus.inputs.cache import DocumentCache
from versus.inputs.load import load_project
from versus.inputs.problems import InputError
from versus.site.kinds import KINDS
from versus.site.plan import plan_for


def site(project: Path) -> dict[str, bytes]:
    return render_site(load_project(project), project)


def pages_of_kinds_reaching(project: Path, template: str) -> set[str]:
    """Every file of the kinds whose templates include, import or extend ``template``."""
    graph = TemplateGraph(project / "templates", DocumentCache(None))
    kinds = {kind for kind, name in KINDS.templates().items() if template in graph.closure(name)}
    catalog = load_project(project)
    planned = plan_for(catalog.models, catalog.suites, prompts=catalog.prompt_ids())
    return {spec.path for spec in planned if spec.kind in kinds}


def written_pages(project: Path, out: Path) -> set[str]:
    """The pages an incremental build of ``project`` into ``out`` renders (search aside)."""
    report = build(project, out, jobs=1)
    return {name for name in report.written if not name.startswith(urls.SEARCH)}


@pytest.fixture
def theme_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the theme that versus uses instead of its own, as a working copy of
    versus whose theme is being edited."""
    copy = tmp_path / "theme"
    shutil.copytree(theme.THEME, copy)
    monkeypatch.setattr(theme, "THEME", copy)
    return copy


def test_a_project_without_templates_builds_what_a_full_copy_of_the_theme_builds(
    project: Path, tmp_path: Path
) -> None:
    assert not (project / "templates").exists()
    themed = site(project)
    assert {"index.html", "assets/style.css", "compare/florence-2-vs-paligemma/index.html"} <= set(
        themed
    )
    assert themed["assets/style.css"] == (theme.THEME / "assets" / "style.css").read_bytes()
    copied = config_only(tmp_path / "copied")
    for part in ("models", "evals"):
        shutil.copytree(project / part, copied / part)
    override_all(copied)
    assert site(copied) == themed


def test_a_page_override_replaces_that_page_only(project: Path) -> None:
    before = site(project)
    write(project, "templates/pair.html", "<p>{{ pair.a.name }} or {{ pair.b.name }}</p>\n")
    after = site(project)
    changed = {name for name in after if after[name] != before.get(name)}
    pairs = {name for name in before if name.startswith("compare/") and name.count("/") == 2}
    pairs = {name for name in pairs if name.endswith("/index.html")}
    assert changed == pairs
    assert (
        after["compare/florence-2-vs-paligemma/index.html"] == b"<p>Florence-2 or PaliGemma</p>\n"
    )


def test_a_page_override_may_extend_and_include_the_theme(project: Path) -> None:
    page = override(project, "methodology.html")
    page.write_text(
        page.read_text().replace("{% block content %}", "{% block content %}<p>Ours.</p>", 1)
    )
    html = soup(site(project)["methodology/index.html"])
    assert html.find("p", string="Ours.") is not None
    assert html.find("footer") is not None  # the theme's base.html around it


def test_a_partial_override_changes_the_pages_that_include_it(project: Path) -> None:
    before = site(project)
    partial = override(project, "partials/data_notes.html")
    partial.write_text("<!-- our data notes -->\n" + partial.read_text())
    after = site(project)
    changed = {name for name in after if after[name] != before[name]}
    assert changed
    assert changed <= pages_of_kinds_reaching(project, "partials/data_notes.html")
    assert all(b"<!-- our data notes -->" in after[name] for name in changed)


def test_an_asset_override_replaces_that_asset_and_others_are_published(project: Path) -> None:
    before = site(project)
    write(project, "templates/assets/style.css", "body { color: teal; }\n")
    write(project, "templates/assets/brand/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    after = site(project)
    assert after["assets/style.css"] == b"body { color: teal; }\n"
    assert after["assets/brand/logo.svg"].startswith(b"<svg")
    theirs = {name for name in before if name.startswith("assets/")} - {"assets/style.css"}
    assert all(after[name] == before[name] for name in theirs)  # the theme's others stay
    assert {name for name in after if after[name] != before.get(name)} == {
        "assets/style.css",
        "assets/brand/logo.svg",
    }


@pytest.mark.parametrize("template", ["pair.html", "model.html", "partials/scores.html"])
def test_an_override_added_edited_and_removed_renders_exactly_the_kinds_it_reaches(
    project: Path, tmp_path: Path, template: str
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    expected = pages_of_kinds_reaching(project, template)
    path = override(project, template)  # the same bytes: no page changes
    assert written_pages(project, out) == set()
    path.write_text(path.read_text() + "<!-- ours -->\n")
    assert written_pages(project, out) == expected
    assert tree(out) == site(project)
    path.unlink()  # the theme's again
    assert written_pages(project, out) == expected
    assert tree(out) == site(project)


def test_an_edit_of_the_theme_itself_renders_again_the_pages_it_reaches(
    project: Path, tmp_path: Path, theme_copy: Path
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    assert build(project, out, jobs=1).publish.written == 0
    model = theme_copy / "model.html"
    model.write_text(model.read_text().replace("<h1>", "<h1 data-edited>", 1))
    assert written_pages(project, out) == pages_of_kinds_reaching(project, "model.html")
    style = theme_copy / "assets" / "style.css"
    style.write_text(style.read_text() + "/* edited */\n")
    assert written_pages(project, out) == {"assets/style.css"}
    assert (out / "assets" / "style.css").read_bytes() == style.read_bytes()


def test_an_override_error_names_the_projects_file_and_line(project: Path) -> None:
    write(project, "templates/partials/scores.html", "<table>\n{% if %}\n</table>\n")
    with pytest.raises(InputError) as caught:
        site(project)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("templates/partials/scores.html", 2)


def test_an_override_including_a_missing_partial_is_named_where_it_includes_it(
    project: Path,
) -> None:
    write(
        project,
        "templates/404.html",
        "{% extends 'base.html' %}\n{% include 'partials/no.html' %}\n",
    )
    with pytest.raises(InputError) as caught:
        site(project)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("templates/404.html", 2)
    assert problem.message == "template not found: partials/no.html"
    assert problem.hint == "neither templates/ nor versus's theme has it"


def test_an_unreadable_override_is_refused_not_replaced_by_the_theme(project: Path) -> None:
    (project / "templates" / "pair.html").mkdir(parents=True)  # a folder, not a file
    with pytest.raises(InputError) as caught:
        site(project)
    assert [(p.file, p.message) for p in caught.value.problems] == [
        ("templates/pair.html", "a folder, not a file")
    ]


def test_an_error_in_the_theme_names_the_themes_file(project: Path, theme_copy: Path) -> None:
    page = theme_copy / "methodology.html"
    text = page.read_text().replace("{% block content %}", "{% block content %}{{ no_such }}", 1)
    page.write_text(text)
    with pytest.raises(InputError) as caught:
        site(project)
    (problem,) = caught.value.problems
    assert problem.file == "versus/theme/methodology.html"  # no path of this machine
    assert problem.line == text[: text.index("no_such")].count("\n") + 1


def test_check_passes_without_templates_and_names_an_overrides_mistake(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["check", "-p", str(project)]).exit_code == 0
    write(project, "templates/partials/cell.html", "<td>{{ cell | no_such_filter }}</td>\n")
    outcome = runner.invoke(main, ["check", "-p", str(project)])
    assert outcome.exit_code == 1
    assert "templates/partials/cell.html:1:1: template error: No filter named 'no_such_filter'" in (
        outcome.output
    )
