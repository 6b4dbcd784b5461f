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

from htmltools import soup, text
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

PAGE = "compare/{}/index.html"
ONE_SIDED = "florence-2-vs-gemma-4-12b"  # only the second has results on Vision Evals
BOTH = "gemma-4-12b-vs-gemma-4-26b-a4b"
NEITHER = "florence-2-vs-paligemma"


@pytest.fixture(scope="module")
def site(sample_project: Path) -> dict[str, bytes]:
    return render_site(load_project(sample_project), sample_project)


def page(site: dict[str, bytes], slug: str) -> BeautifulSoup:
    return soup(site[PAGE.format(slug)])


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
