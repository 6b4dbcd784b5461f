"""The index filters, score bars and page fit, checked in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from test_browser import browser, cell_values, open_page, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

ALL = {"florence-2", "gemma-4-12b", "gemma-4-26b-a4b", "paligemma", "sam-clip"}


def _visible_models(page: Page, table: str) -> set[str]:
    rows = page.locator(f"{table} tr[data-model]")
    return {str(row.get_attribute("data-model")) for row in rows.all() if row.is_visible()}


def _tables(page: Page) -> list[str]:
    return ["#models table", "table.matrix", "table.leaderboard"]


def test_filters_hide_and_show_the_rows_of_every_table(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    form = page.locator("#model-filters")
    assert form.is_visible()
    status = page.locator("#model-filters .filter-status")
    assert status.inner_text() == "Showing all 5 models."

    page.select_option("#model-filters select[name=license]", "apache-2-0")
    assert _visible_models(page, "#models table") == {"gemma-4-12b", "gemma-4-26b-a4b"}
    assert _visible_models(page, "table.matrix") == {"gemma-4-12b", "gemma-4-26b-a4b"}
    assert _visible_models(page, "table.leaderboard") == {"gemma-4-12b", "gemma-4-26b-a4b"}
    assert status.inner_text() == "Showing 2 of 5 models."
    assert "license=apache-2-0" in page.url

    page.select_option("#model-filters select[name=modality]", "vision")  # and: none match
    assert _visible_models(page, "#models table") == set()
    assert status.inner_text().startswith("No model matches these filters.")

    page.click("#model-filters button[type=reset]")
    page.wait_for_function("document.querySelectorAll('tr[data-model][hidden]').length === 0")
    for table in _tables(page):
        assert _visible_models(page, table) <= ALL
    assert _visible_models(page, "#models table") == ALL
    assert status.inner_text() == "Showing all 5 models."
    assert problems == []
    page.close()


def test_a_filter_in_the_address_applies_on_load(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/?size=under-1b#models")
    assert _visible_models(page, "#models table") == {"florence-2"}
    assert page.locator("#model-filters select[name=size]").input_value() == "under-1b"
    assert problems == []
    page.close()


def test_without_javascript_every_model_is_listed(browser: Browser, server: str) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/?license=mit")
    assert not page.locator("#model-filters").is_visible()
    assert _visible_models(page, "#models table") == ALL
    assert _visible_models(page, "table.matrix") == ALL
    context.close()


def test_score_bars_are_as_wide_as_the_score(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/")
    row = page.locator("#scores tr", has=page.locator("th", has_text="Object Counting"))
    cells = row.locator("td")
    texts = cell_values(cells)
    # drawn: the filled part's share of the track, as the browser lays it out
    shares = []
    for bar in cells.locator("svg").all():
        track, fill = bar.bounding_box(), bar.locator("rect").bounding_box()
        assert track is not None
        assert fill is not None
        assert track["width"] > 0
        assert fill["height"] == pytest.approx(track["height"], abs=0.5)
        shares.append(100 * fill["width"] / track["width"])
    assert len(shares) == len(texts)
    for share, shown in zip(shares, texts, strict=True):
        assert share == pytest.approx(float(shown.rstrip("%")), abs=1.5), (share, shown)
    # the band is written, not only coloured
    assert all(label.strip() for label in cells.locator("small.band").all_inner_texts())
    assert problems == []
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_pair_page_screenshot_has_its_tables_in_view(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    width: int,
    tmp_path: Path,
) -> None:
    page, problems = open_page(browser, f"{server}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/", width)
    shot = tmp_path / f"pair-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no body overflow
    for table in page.locator("main table").all():
        box = table.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width + 0.5, "a table is cut off on the right"
    assert problems == []
    page.close()


FIRST_WORD_LINE = """table => [...table.querySelectorAll("td[class*='cell--']")].map(td => {
    const text = [...td.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const style = getComputedStyle(td);
    const top = td.getBoundingClientRect().top + parseFloat(style.paddingTop);
    return [text.textContent, range.getBoundingClientRect().top - top,
            parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2];
})"""


@pytest.mark.parametrize("path", ["compare/florence-2-vs-paligemma/", "models/florence-2/"])
def test_a_capability_icon_stays_on_the_line_of_its_text_on_a_phone(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    path: str,
) -> None:
    """The icon is drawn before the cell's text; a narrow column must not wrap between them."""
    page, problems = open_page(browser, f"{server}/{path}", 390)
    cells = page.locator("table.capabilities").first.evaluate(FIRST_WORD_LINE)
    assert len(cells) > 5
    for text, offset, line in cells:
        assert offset < line / 2, f"{text!r} starts a line below its icon"
    assert problems == []
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["", "models/florence-2/", "compare/", "404.html"])
def test_no_page_is_wider_than_the_screen(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    width: int,
    path: str,
) -> None:
    """Wide tables scroll in their own box; the page body never scrolls sideways."""
    page, problems = open_page(browser, f"{server}/{path}", width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert problems == []
    page.close()


def test_printing_leaves_out_the_controls(browser: Browser, server: str) -> None:  # noqa: F811
    page, _ = open_page(browser, f"{server}/")
    page.emulate_media(media="print")
    assert not page.locator("form.picker").is_visible()
    assert not page.locator("#model-filters").is_visible()
    assert page.locator("#models table").is_visible()
    page.close()
