"""The ``pairs`` setting (issue #19, item 4): which pairs get a page of their own, and
that every link to a pair goes to its page when it has one, to the compare page otherwise.

The sample has five models; only the two Gemmas have a result (42/67 and 46/67 on
Vision Evals), so ``top: 2`` and ``shared-suite`` give one pair a page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag

from htmltools import soup
from support import SAMPLE_MODELS, fixture_project, problems_of, write
from versus.build.pipeline import render_site
from versus.inputs import schema
from versus.inputs.load import load_project
from versus.site import pairs, plan
from versus.site.pairs import PairSelection

GEMMAS = ("gemma-4-12b", "gemma-4-26b-a4b")
EVERY_PAIR = [(a, b) for i, a in enumerate(SAMPLE_MODELS) for b in SAMPLE_MODELS[i + 1 :]]


def configured(project: Path, setting: str) -> Path:
    config = project / "versus.yaml"
    config.write_text(config.read_text() + f"pairs: {setting}\n")
    return project


def pair_pages(site: dict[str, bytes]) -> list[str]:
    return sorted(
        name.split("/")[1]
        for name in site
        if name.startswith("compare/") and "-vs-" in name and name.endswith("index.html")
    )


def test_a_selection_is_groups_of_ids() -> None:
    chosen = PairSelection([["c", "a", "b"], ["b", "d"], ["e"]])
    assert chosen.groups == (("a", "b", "c"), ("b", "d"))  # a group of one gives no pair
    assert list(chosen) == [("a", "b"), ("a", "c"), ("b", "c"), ("b", "d")]
    assert len(chosen) == 4
    assert ("b", "a") in chosen
    assert ("d", "b") in chosen
    assert ("a", "d") not in chosen
    assert ("a", "a") not in chosen
    assert chosen.partners("b") == {"a", "c", "d"}
    assert chosen.address("b", "a") == "compare/a-vs-b/"
    assert chosen.address("d", "a") == "compare/?m=a,d"
    every = PairSelection.every(["c", "b", "a"])
    assert len(every) == 3
    assert list(every) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert every == PairSelection([["a", "b", "c"]])


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("all", EVERY_PAIR),
        ("auto", EVERY_PAIR),
        ("shared-suite", [GEMMAS]),
        ("{shared_suite: true}", [GEMMAS]),
        ("{top: 2}", [GEMMAS]),
        ("{top: 1}", []),  # one model at the top: no pair
        (
            "{list: [[paligemma, florence-2], [sam-clip, gemma-4-12b]]}",
            [
                ("florence-2", "paligemma"),
                ("gemma-4-12b", "sam-clip"),
            ],
        ),
    ],
)
def test_each_rule_selects_its_pairs(project: Path, setting: str, expected: list[Any]) -> None:
    catalog = load_project(configured(project, setting))
    assert list(pairs.select(catalog)) == expected


def test_top_keeps_ties_at_the_cut(project: Path) -> None:
    # paligemma ties gemma-4-12b's 42/67: both are second
    write(
        project,
        "evals/vision-evals/paligemma.yaml",
        (project / "evals/vision-evals/gemma-4-12b.yaml").read_text(),
    )
    catalog = load_project(configured(project, "{top: 2}"))
    assert pairs.select(catalog).groups == ((*GEMMAS, "paligemma"),)


def test_auto_gives_every_pair_a_page_up_to_its_limit(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = load_project(project)
    assert len(pairs.select(catalog)) == 10
    monkeypatch.setattr(schema, "AUTO_ALL_PAIRS", 9)  # one pair too many
    monkeypatch.setattr(schema, "AUTO_TOP", 2)
    assert list(pairs.select(catalog)) == [GEMMAS]


def test_the_plan_has_a_page_for_the_chosen_pairs_only() -> None:
    chosen = PairSelection([["a", "b"], ["c", "d"]])
    specs = plan.plan_for(["a", "b", "c", "d"], ["s"], pairs=chosen)
    assert [spec.path for spec in specs if spec.kind == "pair"] == [
        "compare/a-vs-b/index.html",
        "compare/c-vs-d/index.html",
    ]
    assert plan.plan_size(4, 1, pair_count=2) == (
        sum(spec.path.endswith(".html") for spec in specs),
        len(specs),
    )
    urls = [url for url, _ in plan.sitemap_entries(["a", "b", "c", "d"], ["s"], pairs=chosen)]
    assert [url for url in urls if "-vs-" in url] == ["compare/a-vs-b/", "compare/c-vs-d/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    project = fixture_project(tmp_path_factory.mktemp("pairs") / "project")
    return render_site(load_project(configured(project, "{top: 2}")), project)


def test_only_the_chosen_pairs_have_a_page(site: dict[str, bytes]) -> None:
    assert pair_pages(site) == ["gemma-4-12b-vs-gemma-4-26b-a4b"]


def test_every_link_to_a_pair_goes_to_its_page_or_the_compare_page(
    site: dict[str, bytes],
) -> None:
    for model in SAMPLE_MODELS:
        page = soup(site[f"models/{model}/index.html"])
        section = page.find(id="comparisons")
        assert isinstance(section, Tag)
        links = [str(a["href"]) for a in section.find_all("a")]
        assert len(links) == 4
        for href in links:
            other = next(m for m in SAMPLE_MODELS if m != model and m in href)
            a, b = sorted((model, other))
            if {a, b} == set(GEMMAS):
                assert href == f"../../compare/{a}-vs-{b}/"
            else:
                assert href == f"../../compare/?m={a},{b}"
    sitemap = site["sitemap.xml"].decode()
    assert sitemap.count("-vs-") == 1
    assert "compare/gemma-4-12b-vs-gemma-4-26b-a4b/" in sitemap
    comparisons = soup(site["comparisons/index.html"])
    listed = comparisons.find(id="pairs")
    assert isinstance(listed, Tag)
    assert [a["href"] for a in listed.find_all("a")] == [
        "../compare/gemma-4-12b-vs-gemma-4-26b-a4b/"
    ]
    assert "1 of them have a page of their own" in comparisons.get_text()
    llms = site["llms.txt"].decode()
    assert "1 of the 10 pairs of models have a comparison page of their own" in llms
    assert llms.count("/compare/gemma-4-12b-vs-gemma-4-26b-a4b/)") == 1


def test_scripts_get_the_groups(site: dict[str, bytes]) -> None:
    groups = [list(GEMMAS)]
    picker = soup(site["index.html"]).find("form", class_="picker")
    assert isinstance(picker, Tag)
    assert json.loads(str(picker["data-pairs"])) == groups
    assert json.loads(site["api/models.json"])["pair_groups"] == groups
    not_found = soup(site["404.html"])
    data = not_found.find(id="not-found-pairs")
    assert isinstance(data, Tag)
    assert json.loads(data.get_text()) == groups
    head = not_found.find(id="not-found")
    assert isinstance(head, Tag)
    assert head["data-compare"]


def test_with_every_pair_the_pages_say_nothing_of_groups(project: Path) -> None:
    site = render_site(load_project(project), project)
    assert len(pair_pages(site)) == 10
    picker = soup(site["index.html"]).find("form", class_="picker")
    assert isinstance(picker, Tag)
    assert not picker.has_attr("data-pairs")
    assert json.loads(site["api/models.json"])["pair_groups"] is None
    assert soup(site["404.html"]).find(id="not-found-pairs") is None


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (
            "al",
            "pairs: expected auto, all, shared-suite, {top: K} or {list: [[a, b], ...]}; got 'al'"
            " (did you mean 'all'?)",
        ),
        ("{top: 0}", "pairs.top: expected a number at least 1; got 0"),
        ("{top: 3, all: true}", "pairs: give one rule of which pairs get a page; got all and top"),
        ("{list: [[florence-2]]}", "pairs.list[0]: expected at least 2 item(s); got 1"),
        (
            "{list: [[florence-2, paligema]]}",
            "pairs.list[0][1]: no model card models/paligema.yaml (did you mean 'paligemma'?)",
        ),
        (
            "{list: [[sam-clip, sam-clip]]}",
            "pairs.list[0]: a pair of 'sam-clip' with itself (name two models)",
        ),
        (
            "{list: [[sam-clip, paligemma], [paligemma, sam-clip]]}",
            "pairs.list[1]: the pair paligemma, sam-clip is listed twice",
        ),
    ],
)
def test_a_wrong_setting_is_named_where_it_is(project: Path, setting: str, expected: str) -> None:
    (problem,) = problems_of(configured(project, setting))
    assert problem.file == "versus.yaml"
    assert problem.line > 0
    assert problem.format().split(":", 3)[3].strip() == expected
