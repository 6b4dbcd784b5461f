"""The compare-several page (compare/?m=a,b,c) in headless Chromium.

It renders its tables from api/models.json in the browser; these tests check
that the tables are those of a comparison page, in the order of the ids, with
leaders marked in words, and that the selects drive the address and the tables.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from test_browser import browser, cell_values, open_page, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def heads(page: Page, table: str) -> list[str]:
    return [h.strip() for h in page.locator(f"{table} thead th").all_inner_texts()]


def row_cells(page: Page, table: str, label: str) -> list[str]:
    row = page.locator(f"{table} tr", has=page.locator("th", has_text=label))
    return cell_values(row.first.locator("td"))


def leaders(page: Page, table: str, label: str) -> list[bool]:
    row = page.locator(f"{table} tr", has=page.locator("th", has_text=label)).first
    return [
        cell.locator("strong").count() == 1 and "is-leader" in (cell.get_attribute("class") or "")
        for cell in row.locator("td").all()
    ]


def table_texts(page: Page, selector: str) -> list[list[str]]:
    """Each table under ``selector``: its rows, each as the text of its cells joined."""
    texts: list[list[str]] = page.eval_on_selector_all(
        f"{selector} table",
        """tables => tables.map(t => Array.from(t.querySelectorAll('tr')).map(
            tr => Array.from(tr.children).map(c => c.innerText.replace(/\\s+/g, ' ').trim())
                    .join(' | ')))""",
    )
    return texts


def open_several(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:  # noqa: F811
    page, problems = open_page(browser, url, width)
    page.wait_for_selector("#several.several--ready")
    return page, problems


def test_three_models_in_the_order_of_the_address(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(
        browser, f"{server}/compare/?m=gemma-4-26b-a4b,florence-2,gemma-4-12b"
    )
    names = ["Gemma 4 26B A4B", "Florence-2", "Gemma 4 12B"]
    assert heads(page, "#properties") == ["Property", *names]
    assert heads(page, "#capabilities") == ["Capability", *names]
    assert heads(page, "#scores") == ["Measure", *names]
    assert page.locator("h1").inner_text() == " vs ".join(names)
    assert page.title().startswith("Gemma 4 26B A4B vs Florence-2 vs Gemma 4 12B")
    assert row_cells(page, "#scores", "Overall score") == ["68.66%", "Not evaluated", "62.69%"]
    # leaders: in words ("best") and by class, never by colour alone
    assert leaders(page, "#scores", "Overall score") == [True, False, False]
    assert leaders(page, "#scores", "Average response time") == [False, False, True]
    assert page.locator("#scores .is-leader strong").first.inner_text().strip().lower() == "best"
    assert [s.input_value() for s in page.locator("form.several-picker select").all()] == [
        "gemma-4-26b-a4b",
        "florence-2",
        "gemma-4-12b",
        "",
    ]
    assert not page.locator(".several-fallback").is_visible()
    assert problems == []
    page.close()


def test_an_unknown_id_is_reported_and_duplicates_dropped(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(
        browser, f"{server}/compare/?m=paligemma,no-such-model,paligemma,sam-clip"
    )
    status = page.locator(".several-status").inner_text()
    assert "No model has the id “no-such-model”" in status
    assert heads(page, "#properties") == ["Property", "PaliGemma", "SAM-CLIP"]
    assert problems == []
    page.close()


def test_markup_in_an_id_is_shown_as_text(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(browser, f"{server}/compare/?m=<img src=x onerror=alert(1)>")
    assert page.locator("main img").count() == 0
    assert "<img src=x" in page.locator(".several-status").inner_text()
    assert problems == []
    page.close()


def test_two_models_give_the_tables_of_their_pair_page(browser: Browser, server: str) -> None:  # noqa: F811
    several, problems = open_several(browser, f"{server}/compare/?m=gemma-4-12b,gemma-4-26b-a4b")
    pair, _ = open_page(browser, f"{server}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/")
    for section in ("#properties", "#capabilities", "#scores"):
        assert table_texts(several, section) == table_texts(pair, section), section
    provenance = "#scores .provenance li"
    assert (
        several.locator(provenance).all_inner_texts() == pair.locator(provenance).all_inner_texts()
    )
    link = several.locator(".several-pair a")
    assert link.get_attribute("href") == "../compare/gemma-4-12b-vs-gemma-4-26b-a4b/"
    assert problems == []
    several.close()
    pair.close()


def test_choosing_a_fourth_model_updates_the_address_and_the_tables(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page, problems = open_several(browser, f"{server}/compare/?m=sam-clip,florence-2,paligemma")
    page.select_option("select[name=m4]", label="Gemma 4 12B")
    page.wait_for_url("**/compare/?m=sam-clip,florence-2,paligemma,gemma-4-12b")
    names = ["SAM-CLIP", "Florence-2", "PaliGemma", "Gemma 4 12B"]
    assert heads(page, "#properties") == ["Property", *names]
    assert heads(page, "#scores") == ["Measure", *names]
    assert page.locator("#scores table").get_attribute("class") == "compare compare--4 scores"
    # emptying a select takes the model out; the browser's back button puts it back
    page.select_option("select[name=m1]", value="")
    page.wait_for_url("**/compare/?m=florence-2,paligemma,gemma-4-12b")
    assert heads(page, "#properties") == ["Property", "Florence-2", "PaliGemma", "Gemma 4 12B"]
    page.go_back()
    page.wait_for_url("**/compare/?m=sam-clip,florence-2,paligemma,gemma-4-12b")
    assert heads(page, "#properties") == ["Property", *names]
    assert problems == []
    page.close()


def test_more_than_four_are_cut_to_four(browser: Browser, server: str) -> None:  # noqa: F811
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma,sam-clip"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}")
    assert len(heads(page, "#properties")) == 5
    assert "left out: SAM-CLIP" in page.locator(".several-status").inner_text()
    assert problems == []
    page.close()


def test_no_ids_ask_for_a_choice(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(browser, f"{server}/compare/")
    assert "Choose up to 4 models" in page.locator(".several-status").inner_text()
    assert page.locator("main table").count() == 0
    page.select_option("select[name=m1]", label="PaliGemma")
    page.wait_for_url("**/compare/?m=paligemma")
    assert heads(page, "#properties") == ["Property", "PaliGemma"]
    assert problems == []
    page.close()


def test_without_javascript_the_page_links_every_model(browser: Browser, server: str) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/compare/?m=florence-2,paligemma")
    assert not page.locator("form.several-picker").is_visible()
    assert page.locator(".several-fallback a").count() == 5
    context.close()


def test_when_the_data_fails_to_load_every_model_is_listed(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page = browser.new_page()
    page.route("**/api/models.json", lambda route: route.fulfill(status=500, body="no"))
    page.goto(f"{server}/compare/?m=florence-2,paligemma")
    page.wait_for_selector("#several.several--offline")
    assert "could not be loaded (HTTP 500)" in page.locator(".several-status").inner_text()
    assert not page.locator("form.several-picker").is_visible()
    assert page.locator(".several-fallback a").count() == 5
    assert page.locator(".several-fallback").is_visible()
    page.close()


def test_the_page_fits_a_phone(browser: Browser, server: str) -> None:  # noqa: F811
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}", 390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert problems == []
    page.close()


def test_pair_page_links_to_the_compare_page(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/compare/florence-2-vs-sam-clip/")
    with page.expect_navigation():
        page.click("text=Add a model to this comparison")
    page.wait_for_selector("#properties table")
    assert heads(page, "#properties") == ["Property", "Florence-2", "SAM-CLIP"]
    assert problems == []
    page.close()


def test_words_stay_whole_when_four_models_meet_a_phone(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    """A table too wide for the screen scrolls in its box; it does not break words apart."""
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}", 390)
    lines = page.evaluate(
        """() => [...document.querySelectorAll('main table td')]
            .map(cell => cell.firstChild)
            .filter(text => text && text.nodeType === Node.TEXT_NODE)
            .filter(text => !/\\s/.test(text.textContent.trim()))
            .map(text => {
                const range = document.createRange();
                range.selectNodeContents(text);
                return [text.textContent, range.getClientRects().length];
            })"""
    )
    assert len(lines) > 40
    assert [word for word, count in lines if count != 1] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []
    page.close()
