"""A pair page read at a glance, in headless Chromium (issue #18, items 1, 4 and 7): the
model columns of every table start at the same x, a score cell is two lines, a model is
one tab stop, and a table's box is a tab stop only while it scrolls."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from test_browser import browser, open_page, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

PAIRS = [
    "gemma-4-12b-vs-gemma-4-26b-a4b",  # both with results
    "florence-2-vs-gemma-4-12b",  # the first without: one cell down its column
    "gemma-4-12b-vs-paligemma",  # the second without
]

COLUMNS = """() => [...document.querySelectorAll("main table")].map(table => {
    const heads = [...table.querySelectorAll("thead th")].map(th => {
        const box = th.getBoundingClientRect();
        return [box.left, box.width];
    });
    // every body cell of a model column, wherever its row puts it (a cell may span rows)
    const cells = [...table.querySelectorAll("tbody td")].map(td => {
        const box = td.getBoundingClientRect();
        return [box.left, box.width, td.textContent.trim().slice(0, 20)];
    });
    return {heads, cells};
})"""


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("slug", PAIRS)
def test_model_columns_start_at_the_same_x_in_every_table(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    slug: str,
    width: int,
) -> None:
    page, problems = open_page(browser, f"{server}/compare/{slug}/", width)
    tables: list[dict[str, Any]] = page.evaluate(COLUMNS)
    assert len(tables) == 3  # properties, capabilities, one suite's scores
    first = tables[0]["heads"]
    assert len(first) == 3
    for table in tables:
        heads = table["heads"]
        for (x, w), (x0, w0) in zip(heads, first, strict=True):
            assert x == pytest.approx(x0, abs=0.5)
            assert w == pytest.approx(w0, abs=0.5)
        models = heads[1:]
        for x, w, shown in table["cells"]:
            assert any(
                x == pytest.approx(mx, abs=0.5) and w == pytest.approx(mw, abs=0.5)
                for mx, mw in models
            ), (shown, x, w, models)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert problems == []
    page.close()


SCORE_CELLS = """() => [...document.querySelectorAll("#scores td")]
    .filter(td => td.querySelector("svg"))
    .map(td => {
        const text = [...td.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
        const range = document.createRange();
        range.selectNodeContents(text);
        const figure = range.getBoundingClientRect();
        const small = td.querySelector("small");
        const counts = [...small.childNodes].find(node => node.nodeType === Node.TEXT_NODE);
        range.selectNodeContents(counts);
        const line = range.getBoundingClientRect();
        const bar = small.querySelector("svg").getBoundingClientRect();
        const hidden = [small.querySelector("span"), td.querySelector("small.band")]
            .map(node => [node.getBoundingClientRect().width, node.textContent]);
        return {figure: [figure.top, figure.bottom], counts: [line.top, line.bottom],
                bar: [bar.top, bar.bottom, bar.width], hidden,
                lines: range.getClientRects().length};
    })"""


@pytest.mark.parametrize("width", [390, 1366])
def test_a_score_cell_is_two_lines_its_band_and_interval_read_out(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    width: int,
) -> None:
    page, problems = open_page(browser, f"{server}/compare/{PAIRS[0]}/", width)
    cells: list[dict[str, Any]] = page.evaluate(SCORE_CELLS)
    assert len(cells) == 12
    for cell in cells:
        figure, counts, bar = cell["figure"], cell["counts"], cell["bar"]
        assert counts[0] >= figure[1] - 1, cell  # the counts under the figure
        assert cell["lines"] == 1, cell  # on one line
        middle = (bar[0] + bar[1]) / 2
        assert counts[0] <= middle <= counts[1], cell  # the bar on the counts' line
        assert bar[2] >= 30, cell
        for shown_width, words in cell["hidden"]:
            assert shown_width <= 1, words  # not shown...
            assert words.strip(), cell  # ...but there for a screen reader
    assert problems == []
    page.close()


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


@pytest.mark.parametrize("path", ["", "models/paligemma/", "evals/vision-evals/"])
def test_on_every_page_a_box_is_a_tab_stop_only_while_it_scrolls(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    path: str,
) -> None:
    page, problems = open_page(browser, f"{server}/{path}", 1366)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.table-wrap')].every(box =>
            (box.scrollWidth > box.clientWidth) === box.hasAttribute('tabindex'))"""
    )
    assert page.locator(".table-wrap").count() > 0
    assert problems == []
    page.close()


CATEGORY_ROWS = """table => {
    const rows = [];
    let row = table.querySelector("tr[data-sort-rows]").nextElementSibling;
    for (; row && !row.classList.contains("group-row"); row = row.nextElementSibling) {
        const cells = [...row.cells].map(cell => cell.textContent.trim());
        rows.push(cells);
    }
    return rows;
}"""


def _figure(text: str) -> float | None:
    try:
        return float(text.split("%")[0])
    except ValueError:
        return None


@pytest.mark.parametrize(("slug", "column"), [(PAIRS[0], 2), (PAIRS[1], 2), (PAIRS[2], 1)])
def test_a_score_table_sorts_its_categories_by_a_models_figure(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    slug: str,
    column: int,
) -> None:
    """Pressing a model's head puts the categories highest first (and the other way round at
    the second press); the summary rows keep their order; a model without results (one cell
    down its column) gets no button."""
    page, problems = open_page(browser, f"{server}/compare/{slug}/", 1366)
    table = page.locator("table.scores").first
    summary = table.locator("tr").nth(2).inner_text()
    head = table.locator("thead th").nth(column)
    before = table.evaluate(CATEGORY_ROWS)
    head.get_by_role("button").press("Enter")
    assert head.get_attribute("aria-sort") == "descending"
    after = table.evaluate(CATEGORY_ROWS)
    values = [_figure(cells[-1] if len(cells) < 3 else cells[column]) for cells in after]
    known = [value for value in values if value is not None]
    assert known == sorted(known, reverse=True)
    assert values[: len(known)] == known  # a category without a figure comes last
    assert sorted(map(tuple, after)) == sorted(map(tuple, before))
    head.get_by_role("button").click()
    assert head.get_attribute("aria-sort") == "ascending"
    assert table.locator("tr").nth(2).inner_text() == summary
    spans = table.locator("td.gap")
    if spans.count():
        spanned = table.locator("thead th").nth(3 - column)
        assert spanned.get_by_role("button").count() == 0
    assert problems == []
    page.close()
