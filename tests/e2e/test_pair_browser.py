"""A pair page read at a glance, in headless Chromium (issue #18, items 1, 4 and 7): the
model columns of every table start at the same x, a score cell is two lines, a model is
one tab stop, and a table's box is a tab stop only while it scrolls."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from test_browser import browser, open_page, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PAIRS = [
    "gemma-4-12b-vs-gemma-4-26b-a4b",  # both with results
    "florence-2-vs-gemma-4-12b",  # the first without: one cell down its column
    "gemma-4-12b-vs-paligemma",  # the second without
]

TAB_STOP = """() => {
    const node = document.activeElement;
    return node ? [node.tagName.toLowerCase(), node.getAttribute("href") || "",
                   node.className || ""] : ["", "", ""];
}"""


def tab_stops(page: Page) -> list[list[str]]:
    """Every element the Tab key reaches in the page's main part, in order."""
    page.locator("main").evaluate("main => { main.tabIndex = -1; main.focus(); }")
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.querySelector('main').contains(document.activeElement)"
        )
        if not inside:
            break
        stops.append(page.evaluate(TAB_STOP))
    return stops


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("slug", PAIRS[:2])
def test_one_tab_stop_per_destination_and_no_box_that_does_not_scroll(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    slug: str,
    width: int,
) -> None:
    page, problems = open_page(browser, f"{server}/compare/{slug}/", width)
    page.wait_for_function("!document.querySelector('.table-wrap[tabindex]')")
    stops = tab_stops(page)
    links = [href for tag, href, _ in stops if tag == "a"]
    assert len(links) == len(set(links)), links
    for model_id in slug.split("-vs-"):
        assert f"../../models/{model_id}/" in links
    assert [stop for stop in stops if "table-wrap" in stop[2]] == []
    assert problems == []
    page.close()


def test_a_box_is_a_tab_stop_while_its_table_scrolls(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page, problems = open_page(browser, f"{server}/compare/{PAIRS[0]}/", 390)
    box = page.locator("#properties .table-wrap")
    page.wait_for_function("!document.querySelector('#properties .table-wrap[tabindex]')")
    box.locator("table").evaluate("table => { table.style.minWidth = '900px'; }")
    page.wait_for_function("document.querySelector('#properties .table-wrap').tabIndex === 0")
    boxes = [stop for stop in tab_stops(page) if "table-wrap" in stop[2]]
    assert len(boxes) == 1
    # scrolled from the keyboard once focused
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('#properties .table-wrap').scrollLeft > 0")
    box.locator("table").evaluate("table => { table.style.minWidth = ''; }")
    page.wait_for_function("!document.querySelector('#properties .table-wrap[tabindex]')")
    assert problems == []
    page.close()


def test_without_javascript_every_box_stays_a_tab_stop(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{server}/compare/{PAIRS[0]}/")
    boxes = page.locator("main .table-wrap")
    assert boxes.count() == 3
    assert all(box.get_attribute("tabindex") == "0" for box in boxes.all())
    context.close()
