"""The index of a catalog past the index's limits (a generated project of
:data:`MODELS` models), in headless Chromium: the picker and search in the first screen,
a model found by three letters, each leaderboard cut to its top with the way to the rest,
and the capability matrix on its own page, which the index's filters follow (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.catalog import generate
from test_browser import browser, open_page, serving  # noqa: F401 - fixture
from versus.build.pipeline import build
from versus.site.views import INDEX_BOARD_TOP, INDEX_MATRIX_LIMIT

pytestmark = pytest.mark.browser

MODELS = INDEX_MATRIX_LIMIT + 5
"""Past the index's matrix limit, and more runs per suite than a board's top shows."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("index") / "project"
    generate(project, MODELS)
    for suite in ("vision-evals", "reasoning-evals"):  # more runs than a board's top shows
        runs = [p for p in (project / "evals" / suite).glob("*.yaml") if p.name != "suite.yaml"]
        assert len(runs) > INDEX_BOARD_TOP + 2, suite
    build(project, project / "site")
    with serving(project / "site") as address:
        yield address


def board_rows(page: Page) -> list[list[str]]:
    """The ids of each board's rows, as the index lists them."""
    rows: list[list[str]] = page.locator("#leaderboards table").evaluate_all(
        "tables => tables.map(t => [...t.tBodies[0].rows].map(row => row.dataset.model))"
    )
    return rows


@pytest.mark.parametrize("width", [390, 1366])
def test_the_picker_and_search_are_in_the_first_screen(
    browser: Browser,  # noqa: F811
    server: str,
    width: int,
) -> None:
    page, problems = open_page(browser, f"{server}/", width)
    height = page.viewport_size["height"] if page.viewport_size else 0
    search = page.get_by_role("searchbox")
    compare = page.locator("form.picker button[type=submit]")
    for control in (search, compare, page.locator("form.picker select[name=b]")):
        box = control.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= height, (width, box)
    assert problems == []
    page.close()


def test_three_letters_of_a_name_find_the_model(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    name = page.locator("#models tbody th a").last.inner_text()
    page.get_by_role("searchbox").fill(name[:3])
    result = page.locator(".site-search-results a", has_text=name)
    result.first.wait_for()
    assert problems == []
    page.close()


def test_each_board_shows_its_top_and_links_the_full_one(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    boards = page.locator("#leaderboards > section.suite")
    assert boards.count() == 2
    for shown, board in zip(board_rows(page), boards.all(), strict=True):
        ranks = [int(rank) for rank in board.locator("td.rank").all_inner_texts()]
        assert ranks
        assert max(ranks) <= INDEX_BOARD_TOP
        note = board.locator(".board-more")
        expect(note).to_contain_text(f"The top {len(shown)} of ")
        link = note.get_by_role("link")
        with page.expect_navigation():
            link.click()
        full = page.locator("#leaderboard table tbody tr")
        assert full.count() > len(shown)
        ids = full.evaluate_all("rows => rows.map(row => row.dataset.model)")
        assert ids[: len(shown)] == shown  # the same ranking, continued
        page.go_back()
    assert problems == []
    page.close()


def test_a_filter_that_leaves_a_top_empty_says_where_the_rest_is(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    page, problems = open_page(browser, f"{server}/")
    # a filter's value of some model, but of none in the first board's top
    facet, value = page.evaluate(
        """() => {
          const top = [...document.querySelector("#leaderboards tbody").rows];
          for (const select of document.querySelectorAll("#model-filters select")) {
            const facet = select.dataset.facet;
            for (const { value } of select.options) {
              if (value && !top.some(row => row.dataset[facet] === value)) return [facet, value];
            }
          }
          return [null, null];
        }"""
    )
    assert facet
    assert value
    page.select_option(f"#model-filters select[name={facet}]", value)
    expect(page.locator("#model-filters .filter-status")).to_contain_text("Showing ")
    empty = page.locator("#leaderboards .filter-empty:visible")
    expect(empty.first).to_contain_text("the full leaderboard ranks every model evaluated")
    assert problems == []
    page.close()


def test_the_matrix_is_a_page_of_its_own_that_follows_the_filters(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    page, problems = open_page(browser, f"{server}/")
    assert page.locator("#capabilities table").count() == 0
    page.select_option("#model-filters select[name=category]", "open-weights")
    shown = page.locator("#models tbody tr:visible").count()
    assert 0 < shown < MODELS
    link = page.get_by_role("link", name="the capability matrix")
    href = link.get_attribute("href") or ""
    assert parse_qs(urlsplit(href).query) == {"category": ["open-weights"]}
    with page.expect_navigation():
        link.click()
    assert page.locator("#model-filters select[name=category]").input_value() == "open-weights"
    expect(page.locator("table.matrix tbody tr:visible")).to_have_count(shown)
    expect(page.locator("#model-filters .filter-status")).to_have_text(
        f"Showing {shown} of {MODELS} models."
    )
    # the filter's address is this page's, kept as the filters change
    page.select_option("#model-filters select[name=category]", "")
    expect(page.locator("table.matrix tbody tr:visible")).to_have_count(MODELS)
    assert urlsplit(page.url).path.endswith("/capabilities/")
    assert problems == []
    page.close()
