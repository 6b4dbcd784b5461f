"""A pair page read at a glance (issue #18, items 1, 3, 4 and 7), read back through a parser:
the overview's summaries, one line and one cell for a model with no results on a suite,
compact score cells and their key, and one link per destination. How the page lays out
(column grid, cells on two lines, scroll boxes) is checked in Chromium
(tests/e2e/test_pair_browser.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import grid, section_table, soup, text, value_rows
from support import fixture_project
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

PAGE = "compare/{}/index.html"
ONE_SIDED = "florence-2-vs-gemma-4-12b"  # only the second has results on Vision Evals
BOTH = "gemma-4-12b-vs-gemma-4-26b-a4b"
NEITHER = "florence-2-vs-paligemma"
DEMO = "https://demo.example.org/florence-2"


@pytest.fixture(scope="module")
def site(sample_project: Path) -> dict[str, bytes]:
    return render_site(load_project(sample_project), sample_project)


def page(site: dict[str, bytes], slug: str) -> BeautifulSoup:
    return soup(site[PAGE.format(slug)])


def said(node: Tag) -> str:
    """A sentence as it reads: its names' elements (``<bdi>``) add no space."""
    return " ".join(node.get_text().split())


def test_the_overview_gives_each_cards_summary_not_its_description(
    site: dict[str, bytes], sample_project: Path
) -> None:
    catalog = load_project(sample_project)
    overview = page(site, BOTH).find(id="overview")
    assert isinstance(overview, Tag)
    summaries = overview.select("article.model-card p.summary")
    assert [text(summary) for summary in summaries] == [
        " ".join(catalog.models[model_id].summary.split())
        for model_id in ("gemma-4-12b", "gemma-4-26b-a4b")
    ]
    first = " ".join(catalog.models["gemma-4-12b"].description.split())[:60]
    assert first not in text(overview)
    # the model's page keeps its description in full
    model = soup(site["models/gemma-4-12b/index.html"]).find(id="overview")
    assert isinstance(model, Tag)
    assert first in text(model)


@pytest.mark.parametrize(
    ("slug", "absent", "name"),
    [(ONE_SIDED, 0, "Florence-2"), ("gemma-4-12b-vs-paligemma", 1, "PaliGemma")],
)
def test_a_model_without_results_gets_one_line_and_one_cell(
    site: dict[str, bytes], slug: str, absent: int, name: str
) -> None:
    html = page(site, slug)
    suite = html.select_one("#scores section.suite")
    assert suite is not None
    notes = [said(p) for p in suite.find_all("p", class_="gap-note")]
    assert notes == [f"{name} has no results on Vision Evals."]
    table = section_table(html, "scores")
    (gap,) = table.find_all("td", class_="cell--not-evaluated")
    assert text(gap) == "Not evaluated"
    body = [tr for tr, _ in grid(table) if tr.parent is not None and tr.parent.name == "tbody"]
    assert int(str(gap["rowspan"])) == len(body)
    # the one cell is in the column of the model without results, in every body row
    for tr, cells in grid(table):
        if tr in body:
            assert len(cells) == 3
            assert cells[1 + absent] is gap
            assert cells[2 - absent] is not gap
    # each row prints its own cell for the other model only
    rows = value_rows(table)
    assert rows["Overall score"][1 - absent] == ("62.69%", "value")
    for tr in body:
        if tr.find("th", scope="row"):
            assert len(tr.find_all("td", recursive=False)) == (1 if gap not in tr.contents else 2)


def test_a_pair_with_results_on_both_sides_has_no_gap(site: dict[str, bytes]) -> None:
    html = page(site, BOTH)
    assert html.select(".gap-note, td.gap, td.cell--not-evaluated") == []


def test_neither_with_results_is_one_line_and_no_table(site: dict[str, bytes]) -> None:
    scores = page(site, NEITHER).find(id="scores")
    assert isinstance(scores, Tag)
    assert scores.find("table") is None
    assert [said(p) for p in scores.find_all("p")] == ["Neither model has results on Vision Evals."]


def test_a_score_cell_is_its_figure_then_its_bar_and_counts(site: dict[str, bytes]) -> None:
    """The bar heads the counts' element, so a comparison sets them on one line; the interval
    in words is an element of its own (read out, not shown there), the band one too."""
    table = section_table(page(site, BOTH), "scores")
    cells = [td for td in table.find_all("td") if td.find("svg")]
    assert len(cells) == 12  # overall and 5 categories, twice
    for td in cells:
        small = td.find("small")
        assert isinstance(small, Tag)
        assert [child.name for child in small.children if isinstance(child, Tag)] == [
            "svg",
            "span",
        ]
        counts = small.find(string=True, recursive=False)
        assert counts is not None
        assert str(counts).count("/") == 1
        interval = small.find("span")
        assert isinstance(interval, Tag)
        assert text(interval).startswith(", 95% CI ")
        band = td.find("small", class_="band")
        assert isinstance(band, Tag)
        assert text(band)
    assert text(cells[0]).startswith("62.69% 42/67, 95% CI 50.7")


def test_the_score_key_explains_the_whisker(site: dict[str, bytes]) -> None:
    for slug in (BOTH, ONE_SIDED):
        key = page(site, slug).select_one("#scores ul.score-key")
        assert key is not None
        entries = [text(li) for li in key.find_all("li")]
        assert "Line across a bar: its 95% confidence interval (CI)" in entries
        assert "75% or more" in entries


def tab_destinations(html: BeautifulSoup) -> list[str]:
    """Where each link of a page's main part a keyboard tabs to leads."""
    main = html.find("main")
    assert isinstance(main, Tag)
    return [str(a["href"]) for a in main.find_all("a", href=True) if a.get("tabindex") != "-1"]


@pytest.mark.parametrize("slug", [ONE_SIDED, BOTH, NEITHER])
def test_each_model_is_one_tab_stop(site: dict[str, bytes], slug: str) -> None:
    html = page(site, slug)
    destinations = Counter(tab_destinations(html))
    for model_id in slug.split("-vs-"):
        assert destinations[f"../../models/{model_id}/"] == 1, destinations
    # a table's head names its model without a link
    for table in html.select("main table"):
        head = table.find("thead")
        assert isinstance(head, Tag)
        assert head.find("a") is None


def test_a_thumbnail_is_no_second_tab_stop_to_its_prompt(tmp_path: Path) -> None:
    from test_differences_page import small_project

    root = small_project(tmp_path / "project")
    html = soup(render_site(load_project(root), root)[PAGE.format("florence-2-vs-paligemma")])
    (img,) = html.select("#differences img")
    link = img.parent
    assert isinstance(link, Tag)
    assert link.name == "a"
    # for the pointer only: out of the tab order and of what a screen reader lists
    assert (link["tabindex"], link["aria-hidden"]) == ("-1", "true")
    destinations = Counter(tab_destinations(html))
    assert destinations[str(link["href"])] == 1  # its "Prompt" link


def test_every_table_box_is_a_tab_stop_without_scripts(site: dict[str, bytes]) -> None:
    """The script that takes a box out of the tab order while it does not scroll comes with
    the page; without it every box stays reachable."""
    html = page(site, BOTH)
    boxes = html.select("main .table-wrap")
    assert len(boxes) == 3
    assert all(box.get("tabindex") == "0" for box in boxes)
    scripts = [str(script["src"]) for script in html.find_all("script", src=True)]
    assert "../../assets/scrollbox.js" in scripts
    assert "assets/scrollbox.js" in site


def test_a_demo_address_for_the_whole_model_is_one_link(tmp_path: Path) -> None:
    """A card's one demo address serves each capability it marks ``demo``: the first links
    it, the others say "live demo" (one tab stop per destination), on the pair page and on
    the model's page; an address of a capability's own is its own link."""
    root = fixture_project(tmp_path / "project")
    card = root / "models/florence-2.yaml"
    text_of_card = card.read_text()
    assert text_of_card.count("links:\n") == 1
    card.write_text(text_of_card.replace("links:\n", f"links:\n  demo: {DEMO}\n"))
    with card.open("a") as more:
        more.write(f"demos:\n  ocr: {DEMO}/ocr\n")
    site = render_site(load_project(root), root)
    for name in (PAGE.format("florence-2-vs-gemma-4-26b-a4b"), "models/florence-2/index.html"):
        table = section_table(soup(site[name]), "capabilities")
        # Florence-2's column: the first after the labels, on both pages
        column = [cells[1] for tr, cells in grid(table) if tr.find("th", scope="row")]
        demos = [td for td in column if "cell--demo" in (td.get("class") or [])]
        links = [str(a["href"]) for td in demos for a in td.find_all("a")]
        assert sorted(links) == [DEMO, f"{DEMO}/ocr"], name
        assert [text(td) for td in demos if not td.find("a")] == ["Supported, live demo"]
