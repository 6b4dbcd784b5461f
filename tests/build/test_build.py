"""Whole builds: the committed site is reproducible, output is deterministic and all-or-nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import tree, write
from synthetic import add_models
from versus.build.output import MARKER, MARKER_TEXT, UnsafePathError, check_relative
from versus.build.parallel import POOL_FROM
from versus.build.pipeline import build, render_site
from versus.build.trees import write_file
from versus.inputs.load import load_project
from versus.inputs.problems import InputError
from versus.site import plan
from versus.site.kinds import PageSpec


def test_two_builds_give_identical_trees(project: Path, tmp_path: Path) -> None:
    build(project, tmp_path / "one")
    build(project, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_build_reports_pages_and_files(project: Path, tmp_path: Path) -> None:
    report = build(project, tmp_path / "out")
    # the site's own pages (index, compare page, methodology, 404), 5 models, 10 pairs
    assert report.pages == plan.plan_size(5, 1)[0]
    written = tree(tmp_path / "out")
    assert report.pages == sum(name.endswith(".html") for name in written)
    assert report.files == len(written)  # the plan's files, the assets and the marker
    assert "methodology/index.html" in written
    assert report.publish.written == report.files
    again = build(project, tmp_path / "out")
    assert (again.publish.written, again.publish.unchanged) == (0, report.files)


def test_failed_build_leaves_the_previous_site_intact(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out)
    before = tree(out)
    card = project / "models" / "florence-2.yaml"
    card.write_text(card.read_text().replace("organization:", "organisation:"))
    with pytest.raises(InputError):
        build(project, out)
    assert tree(out) == before


def test_template_error_is_a_problem_and_keeps_the_site(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out)
    before = tree(out)
    write(project, "templates/partials/cell.html", "<td>\n{{ cell.no_such_field }}</td>\n")
    with pytest.raises(InputError) as caught:
        build(project, out)
    (problem,) = caught.value.problems
    assert "no_such_field" in problem.message
    # the partial's own file and line, though a filter renders it, not an include
    assert (problem.file, problem.line) == ("templates/partials/cell.html", 2)
    assert tree(out) == before


def test_stale_pages_are_pruned(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out)
    searched = set((out / "pagefind").rglob("*"))
    (project / "models" / "sam-clip.yaml").unlink()
    report = build(project, out)
    assert not (out / "models" / "sam-clip").exists()
    assert not (out / "compare" / "florence-2-vs-sam-clip").exists()
    # its model page, score table CSV and outcome file, four pair pages, and the files of
    # the search index that its page's text was in
    gone = searched - set((out / "pagefind").rglob("*"))
    assert gone
    assert report.publish.removed == 3 + 4 + len(gone)
    assert not (out / "api" / "outcomes" / "sam-clip.json").exists()


def test_publish_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    for bad in ("../escape.html", "/etc/passwd", "a//b.html", "a/./b.html", "", "a\\..\\b"):
        with pytest.raises(UnsafePathError):
            check_relative(bad)
    with pytest.raises(UnsafePathError):
        write_file(tmp_path / "site", "../escape.html", b"x")
    assert not (tmp_path / "escape.html").exists()


def test_output_folder_may_not_hold_the_project(project: Path) -> None:
    with pytest.raises(InputError) as caught:
        build(project, project)
    assert "contains the project" in caught.value.problems[0].message
    assert (project / "versus.yaml").is_file()


def test_every_site_carries_the_marker_and_counts_it(project: Path, tmp_path: Path) -> None:
    """The marker proves versus built the folder: written like an asset, and counted."""
    out = tmp_path / "site"
    report = build(project, out)
    assert (out / MARKER).read_bytes() == MARKER_TEXT
    assert report.files == len(tree(out))
    assert MARKER in render_site(load_project(project), project)


def test_a_site_an_older_versus_built_is_its_own(project: Path, tmp_path: Path) -> None:
    """Before the state folder, the record was `.site.state.json` beside the site, and a site
    had no marker: such a site is still versus's to rebuild, without --take-over."""
    out = tmp_path / "site"
    build(project, out)
    (out / MARKER).unlink()
    shutil.rmtree(tmp_path / ".site.versus")
    with pytest.raises(InputError, match="--take-over"):
        build(project, out)
    info = out.stat()
    identity = f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}"
    legacy = {"version": 1, "trees": {identity: None}}
    (tmp_path / ".site.state.json").write_text(json.dumps(legacy))
    build(project, out)
    assert (out / MARKER).is_file()
    assert (tmp_path / ".site.state.json").read_text() == json.dumps(legacy)  # left alone


def test_two_pages_may_not_share_a_path() -> None:
    twice = [PageSpec("index", "index.html"), PageSpec("404", "index.html")]
    with pytest.raises(plan.PathCollisionError, match=r"index\.html"):
        plan.unique(twice)


def test_text_from_yaml_is_escaped(project: Path) -> None:
    card = project / "models" / "florence-2.yaml"
    hostile = card.read_text().replace(
        "name: Florence-2", "name: \"Florence-2 <script>alert('x')</script>\"", 1
    )
    card.write_text(hostile)
    site = render_site(load_project(project), project)
    for name, data in site.items():
        if name.endswith(".csv"):  # data, served as text/csv: the name as written
            assert b"Florence-2 <script>alert('x')</script>" in data or b"Florence-2" not in data
            continue
        assert b"<script>alert" not in data, name
    assert b"Florence-2 &lt;script&gt;" in site["models/florence-2/index.html"]
    models = json.loads(site["api/models.json"])  # escaped as \u003c, read back as written
    assert models["models"][0]["name"] == "Florence-2 <script>alert('x')</script>"
    assert "[Florence-2 \\<script\\>alert('x')\\</script\\>]" in site["llms.txt"].decode()


def test_a_template_error_in_a_worker_is_a_problem_and_keeps_the_site(
    project: Path, tmp_path: Path
) -> None:
    add_models(project, 12)  # 17 models: 136 pairs, rendered by a pool of workers
    assert POOL_FROM < 136 * 2
    out = tmp_path / "site"
    build(project, out, jobs=2)
    before = tree(out)
    write(project, "templates/pair.html", "{{ pair.no_such_field }}\n")
    with pytest.raises(InputError) as caught:
        build(project, out, jobs=2)
    assert len(caught.value.problems) == 1
    assert "no_such_field" in caught.value.problems[0].message
    assert caught.value.problems[0].file == "templates/pair.html"
    assert tree(out) == before
