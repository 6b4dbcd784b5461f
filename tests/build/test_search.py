"""The search index as a build step (versus.build.search): Pagefind over the searched
pages, the same bytes every time, known outputs of the tree, run again only when a
searched page changed, and a warning, never a failed build, when Pagefind is missing."""

from __future__ import annotations

import gzip
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import override, tree, write
from versus import urls
from versus.build import search
from versus.build.pipeline import build, render_site
from versus.build.trees import TreeStates
from versus.cli import main
from versus.inputs.load import load_project
from versus.site.kinds import KINDS


def searched(root: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree(root).items() if name.startswith(urls.SEARCH)}


def _indexings(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The trees the next builds make a search index of, as they make it."""
    runs: list[Path] = []
    make_index = search.make_index

    def counted(tree: Path, kinds: object) -> object:
        runs.append(tree)
        return make_index(tree, KINDS)

    monkeypatch.setattr(search, "make_index", counted)
    return runs


def test_the_index_is_built_the_same_twice_and_recorded_as_the_trees_own(
    project: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    report = build(project, first, jobs=1)
    build(project, second, jobs=2)
    files = searched(first)
    assert f"{urls.SEARCH_SCRIPT}" in files
    assert any(name.endswith(".pf_fragment") for name in files)
    assert not any("-ui." in name for name in files)  # Pagefind's own UIs are left out
    assert tree(first) == tree(second)
    assert tree(first) == render_site(load_project(project), project)
    state = TreeStates(first).state_of(first)
    assert state is not None
    assert sorted(state.search) == sorted(files)
    assert state.search_tool.startswith("pagefind ")
    assert report.files == len(tree(first))


def test_only_the_index_the_suites_and_the_models_are_searched(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    pages = search.pages(out, KINDS)
    assert pages == sorted(pages)
    assert urls.file_of(urls.HOME) in pages
    assert urls.file_of(urls.model("florence-2")) in pages
    assert urls.file_of(urls.SUITE.format(suite="vision-evals")) in pages
    assert not any(page.startswith(urls.COMPARE) for page in pages)
    assert len(pages) == 1 + 1 + 5  # the index, one suite, five models


def test_an_edit_of_the_pairs_alone_does_not_run_pagefind(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = searched(out)
    runs = _indexings(monkeypatch)
    pair = override(project, "pair.html")
    pair.write_text(pair.read_text().replace("{% block content %}", "{% block content %}<!-- -->"))
    report = build(project, out, jobs=1)
    assert report.publish.written == 10  # the ten pair pages
    assert runs == []
    assert searched(out) == before
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("name: SAM-CLIP", "name: SAM-CLIP Two", 1))
    build(project, out, jobs=1)
    assert len(runs) == 1  # its model page and the index changed
    assert searched(out) != before
    assert tree(out) == render_site(load_project(project), project)  # the old index is gone


def test_a_description_edit_keeps_the_index_but_a_summary_edit_makes_it_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model's page changes with its description, but not what Pagefind reads of it."""
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = searched(out)
    runs = _indexings(monkeypatch)
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("description: |-\n", "description: |-\n  New.\n", 1))
    report = build(project, out, jobs=1)
    assert "models/sam-clip/index.html" in report.written
    assert runs == []
    assert searched(out) == before
    assert tree(out) == render_site(load_project(project), project)
    card.write_text(card.read_text().replace("summary: ", "summary: Newly, ", 1))
    runs.clear()  # render_site above made an index of its own
    build(project, out, jobs=1)
    assert len(runs) == 1
    assert searched(out) != before
    assert tree(out) == render_site(load_project(project), project)


def test_the_searched_digest_follows_what_pagefind_reads() -> None:
    page = (
        '<html lang="en"><head><title>A</title></head><body><p>{outside}</p>'
        '<header data-pagefind-body><h1>{name}</h1><img src="a.png"><p>{summary}</p></header>'
        '<span data-pagefind-meta="type">Model</span></body></html>'
    )
    digest = search.searched_digest(page.format(outside="x", name="N", summary="S"))
    assert digest == search.searched_digest(page.format(outside="y", name="N", summary="S"))
    assert digest != search.searched_digest(page.format(outside="x", name="N", summary="T"))
    assert digest != search.searched_digest(page.format(outside="x", name="M", summary="S"))
    retitled = page.replace("<title>A", "<title>B").format(outside="x", name="N", summary="S")
    assert digest != search.searched_digest(retitled)
    # no body marked: Pagefind reads the whole page, and so does the digest
    whole = "<html><body><p>{}</p></body></html>"
    assert search.searched_digest(whole.format(1)) != search.searched_digest(whole.format(2))


def test_pagefind_is_given_the_searched_parts_alone() -> None:
    page = (
        '<!DOCTYPE html>\n<html lang="de"><head><title>A</title><meta charset="utf-8"></head>'
        "<body><p>outside</p><main><header data-pagefind-body><h1>N</h1>"
        "<p data-pagefind-ignore>kind</p></header><table><tr><td>cell</td></tr></table>"
        '<span data-pagefind-meta="type">Model</span></main></body></html>'
    )
    given = search.searched_part(page)
    assert given.startswith('<!DOCTYPE html>\n<html lang="de"><title>A</title>')
    assert (
        "<div><header data-pagefind-body><h1>N</h1><p data-pagefind-ignore>kind</p></header></div>"
        in given
    )
    assert '<div><span data-pagefind-meta="type">Model</span></div>' in given
    assert "outside" not in given
    assert "cell" not in given
    assert search.searched_part(given) == given
    whole = "<html><body><p>all of it</p></body></html>"
    assert search.searched_part(whole) == whole


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        # the attribute's name as text, on an end tag: no element
        ("<p>data-pagefind-body is an attribute</p>", []),
        ("<p>x</p data-pagefind-meta>", []),
        # attached to the value before it, not an attribute of its own
        ('<p class="a"data-pagefind-meta="b">x</p>', []),
        # an attribute after others, on a new line; then the next one after the first's end
        (
            '<div class="a"\ndata-pagefind-meta="t"><b>x</b></div>',
            ['<div class="a"\ndata-pagefind-meta="t"><b>x</b></div>'],
        ),
        (
            "<h1 data-pagefind-meta='t'>a</h1><p>b</p><em data-pagefind-meta='u'>c</em>",
            ["<h1 data-pagefind-meta='t'>a</h1>", "<em data-pagefind-meta='u'>c</em>"],
        ),
        # an element of the same name inside the marked one: its own end tag does not end it
        (
            "<div data-pagefind-meta><div>in</div>still</div><div>out</div>",
            ["<div data-pagefind-meta><div>in</div>still</div>"],
        ),
    ],
)
def test_the_searched_parts_are_the_elements_marked_as_such(page: str, kept: list[str]) -> None:
    """Each element whose start tag has a ``data-pagefind-*`` attribute, and nothing that
    only reads like one."""
    html = f"<html><title>T</title><body data-pagefind-body>{page}</body></html>"
    given = search.searched_part(html)
    body = f"<div><body data-pagefind-body>{page}</body></div>"
    assert given == f"<!DOCTYPE html>\n<html><title>T</title>\n<body>\n{body}\n</body>\n"
    inner = search.searched_part(f"<html><p data-pagefind-body></p>{page}</html>")
    parts = "".join(f"\n<div>{element}</div>" for element in kept)
    assert (
        inner
        == f"<!DOCTYPE html>\n<html>\n<body>\n<div><p data-pagefind-body></p></div>{parts}\n</body>\n"
    )


def _fragments(tree: Path) -> list[dict[str, object]]:
    made = search.make_index(tree, KINDS)
    assert isinstance(made, search.SearchIndex)
    return [
        json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
        for name, data in sorted(made.files.items())
        if name.endswith(".pf_fragment")
    ]


def test_the_searched_parts_index_as_the_whole_pages_would(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a reader finds and sees in the results (each page's text, word count and
    meta) is what Pagefind makes of the whole pages."""
    out = tmp_path / "site"
    build(project, out, jobs=1)
    fragments = _fragments(out)
    monkeypatch.setattr(search, "searched_part", lambda html: html)
    whole = _fragments(out)
    assert len(fragments) == len(search.pages(out, KINDS)) == len(whole)
    for field in ("url", "content", "word_count", "meta"):
        assert sorted(str(f[field]) for f in fragments) == sorted(str(f[field]) for f in whole)


def test_search_turned_off_builds_no_index_and_no_box(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    assert searched(out)
    config = project / "versus.yaml"
    config.write_text(config.read_text() + "search: false\n")
    report = build(project, out, jobs=1)
    assert searched(out) == {}
    assert not (out / "pagefind").exists()
    assert report.publish.removed > 0
    index = (out / "index.html").read_text()
    assert "data-search" not in index
    assert "search.js" not in index
    assert tree(out) == render_site(load_project(project), project)


def test_a_missing_pagefind_is_a_warning_and_the_site_is_published(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    monkeypatch.setattr(search, "executable", lambda: "Pagefind is not installed (install it)")
    result = CliRunner().invoke(main, ["build", "-p", str(project), "-o", str(out)])
    assert result.exit_code == 0, result.output
    warning = (
        "versus: warning: Pagefind is not installed (install it); "
        "the site is published without search\n"
    )
    assert warning in result.stderr
    assert "Traceback" not in result.output
    assert (out / "index.html").is_file()
    assert searched(out) == {}
    monkeypatch.undo()
    # nothing changed but Pagefind: the next build indexes the site it published
    report = build(project, out, jobs=1)
    assert report.warnings == ()
    assert searched(out)
    assert tree(out) == render_site(load_project(project), project)


@pytest.mark.parametrize(
    ("script", "runnable", "said"),
    [
        ("#!/bin/sh\necho 'pagefind: out of luck' >&2\nexit 3\n", True, "pagefind: out of luck"),
        # its version is asked while it indexes: a failure of either one is what is said
        (
            '#!/bin/sh\nif [ "$1" = --version ]; then echo "pagefind 9.9.9"; exit 0; fi\n'
            "echo 'pagefind: no index today' >&2\nexit 4\n",
            True,
            "pagefind: no index today",
        ),
        ("not a program\n", False, "Permission denied"),
    ],
)
def test_a_failing_pagefind_is_a_warning_naming_what_it_said(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
    runnable: bool,
    said: str,
) -> None:
    broken = write(tmp_path, "pagefind", script)
    if runnable:
        broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    report = build(project, tmp_path / "site", jobs=1)
    assert report.warnings == (
        f"Pagefind (pagefind) failed: {said}; the site is published without search",
    )
    assert (tmp_path / "site" / "index.html").is_file()
    assert searched(tmp_path / "site") == {}


def test_pagefind_is_found_where_its_wrapper_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = write(tmp_path, "bin/my-pagefind", "")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(named))
    assert search.executable() == named
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere"))
    assert search.executable() == f"the Pagefind binary is missing ({search.INSTALL_HINT})"
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    found = search.executable()
    assert isinstance(found, Path)
    assert found.is_file()  # pagefind[bin]'s, a dependency
    # no package and nothing on the PATH
    monkeypatch.setattr(search, "_installed", lambda: None)
    assert search.executable() == f"Pagefind is not installed ({search.INSTALL_HINT})"


def test_the_binary_on_the_path_when_no_package_has_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_package(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr("importlib.import_module", no_package)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert search._installed() is None
    binary = write(tmp_path, "pagefind", "#!/bin/sh\n")
    binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    assert search._installed() == binary


def test_a_pagefind_package_without_its_binary_is_named_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Package:
        __file__ = str(tmp_path / "pagefind_bin" / "__init__.py")

        @staticmethod
        def get_executable() -> Path:
            raise FileNotFoundError("no binary beside me")

    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    monkeypatch.setattr("importlib.import_module", lambda name: Package)
    assert search._installed() == tmp_path / "pagefind_bin" / "pagefind"
    assert search.executable() == f"the Pagefind binary is missing ({search.INSTALL_HINT})"


def test_a_model_is_searched_by_the_ids_and_labels_of_what_it_supports_alone(
    project: Path, tmp_path: Path
) -> None:
    """A capability's id (``vqa``) finds what its label finds: the models whose card
    supports it, never one whose card says no (SAM-CLIP's ``vqa: no``) or is silent; the
    overview, whose glossary says what each capability is, is found by every id."""
    out = tmp_path / "site"
    build(project, out, jobs=1)
    meta = {str(f["url"]): f["meta"] for f in _fragments(out)}
    sam = meta["/models/sam-clip/"]
    assert isinstance(sam, dict)
    assert sam["capability_ids"] == (
        "instance-segmentation classification zero-shot-segmentation foundation-vision"
        " zero-shot-detection"
    )
    assert sam["capabilities"] == (
        "Instance segmentation, Classification, Zero-shot segmentation,"
        " Foundation vision model, Zero-shot detection"
    )
    paligemma = meta["/models/paligemma/"]
    assert isinstance(paligemma, dict)
    assert paligemma["capability_ids"] == "captioning ocr vqa vision-language llm-with-vision"
    overview = meta["/"]
    assert isinstance(overview, dict)
    assert "vqa" in str(overview["capability_ids"]).split()
    suite = meta["/evals/vision-evals/"]
    assert isinstance(suite, dict)
    assert "capability_ids" not in suite
