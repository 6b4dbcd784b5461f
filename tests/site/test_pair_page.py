"""A pair page read at a glance (issue #18, items 1, 3, 4 and 7), read back through a parser:
the overview's summaries, one line and one cell for a model with no results on a suite,
compact score cells and their key, and one link per destination. How the page lays out
(column grid, cells on two lines, scroll boxes) is checked in Chromium
(tests/e2e/test_pair_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import soup, text
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

PAGE = "compare/{}/index.html"
BOTH = "gemma-4-12b-vs-gemma-4-26b-a4b"


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
