"""The registry of page kinds drives the whole build: a kind added in one entry is planned,
counted, rendered, sharded and rebuilt incrementally with nothing else changed.

Three throwaway kinds, one per way of making files and per scope that matters: a data
file per model, a data file per pair, and a templated page per suite.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import fixture_project, tree, write
from versus import urls
from versus.build.pipeline import build, render_site
from versus.inputs.load import load_project
from versus.site import plan
from versus.site.export import SiteExport
from versus.site.kinds import KINDS, Kind, PageSpec, Reads, Registry, Scope
from versus.site.views import SiteViews


def _model_card_txt(export: SiteExport, spec: PageSpec) -> bytes:
    profile = export.views.profiles[spec.ids[0]]
    return f"{profile.name}: {profile.card.summary}\n".encode()


def _pair_names_txt(export: SiteExport, spec: PageSpec) -> bytes:
    a, b = (export.views.profiles[m] for m in spec.ids)
    return f"{a.name} vs {b.name}\n".encode()


def _suite_page(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return {"suite": views.catalog.suites[spec.suite]}


CARD_TXT = Kind(
    "card-txt",
    Scope.MODEL,
    "models/{id}/card.txt",
    frozenset({Reads.OWN_MODELS}),
    data=_model_card_txt,
)
PAIR_TXT = Kind(
    "pair-txt",
    Scope.PAIR,
    "compare/{a}-vs-{b}/names.txt",
    frozenset({Reads.OWN_MODELS}),
    data=_pair_names_txt,
)
SUITE_PAGE = Kind(
    "suite-card", Scope.SUITE, "suites/{suite}/", frozenset(), "suite-card.html", _suite_page
)

WIDER = KINDS.adding(CARD_TXT, PAIR_TXT, SUITE_PAGE)

SUITE_TEMPLATE = "<!doctype html><title>{{ suite.name }}</title><p>{{ suite.summary }}</p>\n"


@pytest.fixture
def wider_project(tmp_path: Path) -> Path:
    project = fixture_project(tmp_path / "project")
    write(project, "templates/suite-card.html", SUITE_TEMPLATE)
    return project


def test_the_plan_lists_and_counts_a_new_kind() -> None:
    specs = plan.plan_for(["b", "a", "c"], ["s"], WIDER)
    paths = [spec.path for spec in specs]
    assert {"models/a/card.txt", "compare/a-vs-c/names.txt", "suites/s/index.html"} <= set(paths)
    # each pair's files together, the new one after the kinds registered before it
    start = paths.index("compare/a-vs-b/index.html")
    assert paths[start : start + 3] == [
        "compare/a-vs-b/index.html",
        "compare/a-vs-b/names.txt",
        "compare/a-vs-c/index.html",
    ]
    html = sum(WIDER[spec.kind].html for spec in specs)
    assert plan.plan_size(3, 1, WIDER) == (html, len(specs))
    assert plan.plan_size(3, 1, WIDER)[1] == plan.plan_size(3, 1)[1] + 3 + 3 + 1


def test_a_new_kind_is_built_and_its_files_say_what_it_makes(
    wider_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    report = build(wider_project, out, jobs=1, kinds=WIDER)
    assert (out / "models" / "paligemma" / "card.txt").read_text().startswith("PaliGemma")
    names = (out / "compare" / "florence-2-vs-paligemma" / "names.txt").read_text()
    assert names == "Florence-2 vs PaliGemma\n"
    assert "<title>Vision Evals</title>" in (out / "suites/vision-evals/index.html").read_text()
    catalog = load_project(wider_project)
    pages, files = plan.plan_size(len(catalog.models), len(catalog.suites), WIDER)
    assert report.pages == pages
    assert tree(out) == render_site(catalog, wider_project, kinds=WIDER)
    assert len(tree(out)) == report.files
    assert files < report.files  # and the assets and the marker


def test_the_registry_is_part_of_what_a_build_was_made_from(
    wider_project: Path, tmp_path: Path
) -> None:
    """The same inputs built with another registry are another site: a kind that goes
    takes its files with it, a kind that comes brings them, without --clean."""
    out = tmp_path / "site"
    build(wider_project, out, jobs=1)
    assert not (out / "models" / "paligemma" / "card.txt").exists()
    build(wider_project, out, jobs=1, kinds=WIDER)
    assert (out / "models" / "paligemma" / "card.txt").is_file()
    build(wider_project, out, jobs=1)
    assert not (out / "models" / "paligemma" / "card.txt").exists()
    assert not (out / "suites").exists()


@pytest.mark.parametrize("count", [2, 3])
def test_shards_deal_a_new_kind_with_its_pair(
    count: int, wider_project: Path, tmp_path: Path
) -> None:
    whole = tree_of_build(wider_project, tmp_path / "whole", None)
    merged: dict[str, bytes] = {}
    for k in range(1, count + 1):
        share = tree_of_build(wider_project, tmp_path / f"share-{k}", (k, count))
        pair_pages = {p.removesuffix("index.html") for p in share if p.endswith("/index.html")}
        for path in share:
            if path.endswith("/names.txt"):  # with its pair's page, in the same share
                assert path.removesuffix("names.txt") in pair_pages
        merged.update(share)
    assert merged == whole


def tree_of_build(project: Path, out: Path, share: tuple[int, int] | None) -> dict[str, bytes]:
    build(project, out, jobs=1, share=share, kinds=WIDER)
    return tree(out)


def test_an_edit_rebuilds_the_new_kinds_files_it_touches_only(
    wider_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(wider_project, out, jobs=1, kinds=WIDER)
    card = wider_project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Edited.\n", 1))
    report = build(wider_project, out, jobs=1, kinds=WIDER)
    new_kinds = {
        p for p in report.written if p.endswith(("/card.txt", "/names.txt", "suites/vision-evals/"))
    }
    assert new_kinds == {
        "models/sam-clip/card.txt",
        *(f"compare/{pair}/names.txt" for pair in _pairs_of("sam-clip", wider_project)),
    }
    assert tree(out) == render_site(load_project(wider_project), wider_project, kinds=WIDER)
    # a suite edit makes every file of a suite's kind stale, as it does every page
    suite = wider_project / "evals" / "vision-evals" / "suite.yaml"
    suite.write_text(suite.read_text().replace("summary: ", "summary: Now ", 1))
    report = build(wider_project, out, jobs=1, kinds=WIDER)
    assert "suites/vision-evals/index.html" in report.written
    assert "Now" in (out / "suites" / "vision-evals" / "index.html").read_text()


def _pairs_of(model_id: str, project: Path) -> list[str]:
    others = sorted(p.stem for p in (project / "models").glob("*.yaml") if p.stem != model_id)
    return [f"{min(model_id, o)}-vs-{max(model_id, o)}" for o in others]


EDITS = st.lists(
    st.tuples(st.sampled_from(["summary", "name", "suite", "template"]), st.integers(0, 4)),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS)
def test_incremental_builds_of_a_new_kind_equal_clean_builds(
    edits: list[tuple[str, int]], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    project = fixture_project(work / "project")
    write(project, "templates/suite-card.html", SUITE_TEMPLATE)
    out = work / "site"
    build(project, out, jobs=1, kinds=WIDER)
    for what, which in edits:
        cards = sorted((project / "models").glob("*.yaml"))
        card = cards[which % len(cards)]
        if what == "summary":
            card.write_text(
                card.read_text().replace("summary: >-\n", f"summary: >-\n  E{which}.\n", 1)
            )
        elif what == "name":
            text = card.read_text()
            name = next(line for line in text.splitlines() if line.startswith("name:"))
            card.write_text(text.replace(name, f"{name} {which}", 1))
        elif what == "suite":
            suite = project / "evals" / "vision-evals" / "suite.yaml"
            suite.write_text(suite.read_text().replace("summary: ", f"summary: {which} ", 1))
        else:
            write(project, "templates/suite-card.html", SUITE_TEMPLATE + f"<!-- {which} -->\n")
        build(project, out, jobs=1, kinds=WIDER)
        assert tree(out) == render_site(load_project(project), project, kinds=WIDER), (what, which)


def test_a_kind_makes_its_files_one_way() -> None:
    with pytest.raises(ValueError, match="give a template and a view, or data"):
        Kind("both", Scope.SITE, "both.txt", frozenset(), "x.html", _suite_page, _model_card_txt)
    with pytest.raises(ValueError, match="give a template and a view, or data"):
        Kind("neither", Scope.SITE, "neither.txt", frozenset())
    with pytest.raises(ValueError, match="give a template and a view, or data"):
        Kind("no view", Scope.SITE, "page/", frozenset(), "page.html")


def test_kinds_of_one_registry_differ_in_name_and_path() -> None:
    with pytest.raises(ValueError, match="share a name"):
        KINDS.adding(Kind("index", Scope.SITE, "other.txt", frozenset(), data=_model_card_txt))
    with pytest.raises(ValueError, match="share a path pattern"):
        KINDS.adding(Kind("other", Scope.MODEL, "models/{id}/", frozenset(), data=_model_card_txt))


def test_every_kind_of_versus_is_reachable_from_the_registry() -> None:
    """The registry is the one list: each kind's files are made by what it names."""
    assert isinstance(KINDS, Registry)
    for kind in KINDS:
        assert (kind.view is None) != (kind.data is None)
        assert kind.template.endswith((".html", ".xml", ".txt")) or kind.data is not None
    assert KINDS.pair_kinds == {"pair"}  # a pair's one file is its page


def test_the_comparisons_page_is_one_kind_rebuilt_when_a_name_changes(
    project: Path, tmp_path: Path
) -> None:
    """The list of every pair (issue 18): one entry of the registry, its URL from
    versus.urls, rewritten by a renamed model and kept by any other card edit."""
    kind = KINDS["comparisons"]
    assert (kind.scope, kind.reads, kind.template) == (
        Scope.SITE,
        frozenset({Reads.NAMES, Reads.PAIRS}),  # and which pairs have a page
        "comparisons.html",
    )
    assert kind.path == urls.COMPARISONS
    assert kind.html
    assert not kind.indexed  # the sitemap lists every pair itself
    out = tmp_path / "site"
    build(project, out, jobs=1)
    page = "comparisons/index.html"
    assert "<bdi>Florence-2</bdi> vs <bdi>PaliGemma</bdi>" in (out / page).read_text()
    card = project / "models" / "florence-2.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Edited.\n", 1))
    assert page not in build(project, out, jobs=1).written
    card.write_text(card.read_text().replace("name: Florence-2", "name: Florence-3", 1))
    assert page in build(project, out, jobs=1).written
    assert "<bdi>Florence-3</bdi> vs <bdi>PaliGemma</bdi>" in (out / page).read_text()
