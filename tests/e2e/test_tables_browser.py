"""The index's and a suite page's tables in headless Chromium: sorting by any column (mouse
and keyboard, ``aria-sort``), filters that match nothing, the lists that follow the filters,
the capability matrix's width and the cue of a table that scrolls (issue 18, items 5 and 6).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from support import fixture_project, write
from test_browser import browser, open_page, serving  # noqa: F401 - fixture
from versus.build.pipeline import build

pytestmark = pytest.mark.browser

EXTRA_CAPABILITIES = 5
"""Added to the sample taxonomy's 15: the matrix must fit 20 at 1366px."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample project with a taxonomy of 20 capabilities, built and served."""
    root = fixture_project(tmp_path_factory.mktemp("tables") / "project")
    config_file = root / "versus.yaml"
    config = yaml.safe_load(config_file.read_text())
    config["taxonomy"][-1]["capabilities"] += [
        {
            "id": f"extra-capability-{n}",
            "label": f"Extra long capability label {n}",
            "description": f"A capability added by the test, number {n}.",
        }
        for n in range(EXTRA_CAPABILITIES)
    ]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    add_timed_suite(root)
    out = root / "site"
    build(root, out)
    with serving(out) as address:
        yield address


TIMED = {"florence-2": 2.5, "paligemma": 0.75, "gemma-4-12b": None, "sam-clip": 12}
"""Each model's time on the one prompt of the suite ``timed`` (None: not recorded)."""


def add_timed_suite(root: Path) -> None:
    """``evals/timed``: one prompt, answered by the models of :data:`TIMED`."""
    suite = {
        "name": "Timed",
        "summary": "One prompt, timed.",
        "description": "A suite that lists its prompt.",
        "methodology": "Each prompt passes or fails.",
        "categories": [{"id": "reading", "label": "Reading"}],
    }
    write(root, "evals/timed/suite.yaml", yaml.safe_dump(suite, sort_keys=False))
    prompt = {"id": "sign", "category": "reading", "prompt": "What does the sign say?"}
    write(root, "evals/timed/prompts.jsonl", json.dumps(prompt) + "\n")
    for model, seconds in TIMED.items():
        outcome = {"prompt": "sign", "passed": model != "sam-clip", "answer": "STOP"}
        if seconds is not None:
            outcome["seconds"] = seconds
        write(root, f"evals/timed/{model}.outcomes.jsonl", json.dumps(outcome) + "\n")
        write(root, f"evals/timed/{model}.yaml", "provenance: measured\nsource:\n  title: tests\n")


def has_class(name: str) -> re.Pattern[str]:
    """What ``to_have_class`` matches for an element with the class ``name`` among others."""
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")


def model_order(rows: Locator) -> list[str]:
    ids: list[str] = rows.evaluate_all("rows => rows.map(row => row.dataset.model)")
    return ids


def sorted_heads(table: Locator) -> dict[str, str]:
    """Each head of ``table`` that has ``aria-sort`` -> its value."""
    found: dict[str, str] = table.locator("thead th[aria-sort]").evaluate_all(
        "heads => Object.fromEntries(heads.map(h => [h.textContent.trim(), h.ariaSort]))"
    )
    return found


def board(page: Page) -> Locator:
    return page.locator("section.suite", has=page.locator("#board-vision-evals")).locator("table")


def test_a_leaderboard_sorts_by_a_click_on_any_head(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    table = board(page)
    rows = table.locator("tbody tr")
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]  # by rank, as printed
    assert sorted_heads(table) == {"Rank": "ascending"}

    table.get_by_role("button", name="Average response time").click()
    assert model_order(rows) == ["gemma-4-12b", "gemma-4-26b-a4b"]  # 6.88 s, 30.23 s
    assert sorted_heads(table) == {"Average response time": "ascending"}
    table.get_by_role("button", name="Average response time").click()
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]
    assert sorted_heads(table) == {"Average response time": "descending"}

    # the 12B's cost is unknown (no price): last, whichever way the column is sorted
    cost = table.get_by_role("button", name="Estimated cost per task")
    cost.click()
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]
    cost.click()
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]
    assert sorted_heads(table) == {"Estimated cost per task": "descending"}
    assert problems == []
    page.close()


def test_the_models_table_sorts_by_name_and_by_size_from_the_keyboard(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    page, problems = open_page(browser, f"{server}/")
    table = page.locator("#models table")
    rows = table.locator("tbody tr")
    parameters = table.get_by_role("button", name="Parameters")
    parameters.focus()
    page.keyboard.press("Enter")
    # largest first on the first press; SAM-CLIP discloses no size: last either way
    assert model_order(rows) == [
        "gemma-4-26b-a4b",
        "gemma-4-12b",
        "paligemma",
        "florence-2",
        "sam-clip",
    ]
    assert sorted_heads(table) == {"Parameters": "descending"}
    page.keyboard.press("Space")
    assert model_order(rows)[-1] == "sam-clip"
    assert model_order(rows)[0] == "florence-2"
    assert sorted_heads(table) == {"Parameters": "ascending"}

    for _ in ("Category", "Organization", "Model"):  # each head's button is a tab stop
        page.keyboard.press("Shift+Tab")
    expect(table.get_by_role("button", name="Model")).to_be_focused()
    page.keyboard.press("Enter")
    names = rows.locator("th a").all_inner_texts()
    assert names == ["Florence-2", "Gemma 4 12B", "Gemma 4 26B A4B", "PaliGemma", "SAM-CLIP"]
    assert sorted_heads(table) == {"Model": "ascending"}
    assert problems == []
    page.close()


def test_a_category_board_of_a_suite_page_sorts(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/evals/vision-evals/")

    def category(name: str) -> Locator:
        return page.locator("section.category-board", has=page.locator(f"#category-{name}"))

    defects = category("defect-detection")  # 12/15 and 11/15
    rows = defects.locator("tbody tr")
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]
    defects.get_by_role("button", name="Score").click()  # best first on the first press
    assert model_order(rows) == ["gemma-4-26b-a4b", "gemma-4-12b"]
    assert sorted_heads(defects) == {"Score": "descending"}
    defects.get_by_role("button", name="Score").click()
    assert model_order(rows) == ["gemma-4-12b", "gemma-4-26b-a4b"]
    assert sorted_heads(defects) == {"Score": "ascending"}

    counting = category("object-counting")  # 1/10 each: equal scores keep the page's order
    rows = counting.locator("tbody tr")
    printed = model_order(rows)
    for _ in range(2):
        counting.get_by_role("button", name="Score").click()
        assert model_order(rows) == printed
    assert problems == []
    page.close()


def test_a_prompt_pages_answers_sort_by_time(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/evals/timed/sign/")
    table = page.locator("#answers table")
    names = table.locator("tbody th a")
    time = table.get_by_role("button", name="Time")
    time.click()
    expect(names).to_have_text(["PaliGemma", "Florence-2", "SAM-CLIP", "Gemma 4 12B"])
    time.click()  # 12 s before 2.50 s: by the figure, not its text; no time is last
    expect(names).to_have_text(["SAM-CLIP", "Florence-2", "PaliGemma", "Gemma 4 12B"])
    assert sorted_heads(table) == {"Time": "descending"}
    assert problems == []
    page.close()


def test_filters_that_match_nothing_say_so(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/?category=research&modality=multimodal")
    status = page.locator("#model-filters .filter-status")
    expect(status).to_contain_text("No model matches these filters.")
    expect(page.locator("#models .table-wrap")).to_be_hidden()
    expect(page.locator("#models .filter-empty")).to_have_text("No model matches these filters.")
    expect(page.locator("#models tbody tr:visible")).to_have_count(0)
    # every table of the page says it, none stands empty; no list names a hidden model
    expect(page.locator("main .table-wrap:visible")).to_have_count(0)
    expect(page.locator("main .unevaluated:visible")).to_have_count(0)
    page.get_by_role("button", name="Show all").click()
    expect(status).to_have_text("Showing all 5 models.")
    expect(page.locator("main .filter-empty:visible")).to_have_count(0)
    expect(page.locator("#models tbody tr:visible")).to_have_count(5)
    assert problems == []
    page.close()


def test_the_not_evaluated_list_follows_the_filters(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    section = page.locator("section.suite", has=page.locator("#board-vision-evals"))
    unevaluated = section.locator(".unevaluated")
    names = unevaluated.locator("li:visible")
    expect(names).to_have_text(["Florence-2", "PaliGemma", "SAM-CLIP"])

    page.select_option("#model-filters select[name=license]", "mit")
    expect(names).to_have_text(["Florence-2"])
    # neither Gemma is MIT-licensed: the leaderboard says so instead of standing empty
    expect(section.locator(".table-wrap")).to_be_hidden()
    expect(section.locator(".filter-empty")).to_have_text(
        "None of the models that match these filters is in this table."
    )

    page.select_option("#model-filters select[name=license]", "apache-2-0")
    expect(unevaluated).to_be_hidden()  # both Gemmas are evaluated
    expect(section.locator("tbody tr:visible")).to_have_count(2)
    expect(section.locator(".filter-empty")).to_be_hidden()
    assert problems == []
    page.close()


def test_twenty_capabilities_fit_at_1366_and_a_phone_gets_a_scroll_cue(
    browser: Browser,  # noqa: F811
    server: str,
) -> None:
    page, problems = open_page(browser, f"{server}/", 1366)
    matrix = page.locator(".matrix-wrap")
    assert page.locator(".matrix thead th.rotate").count() == 20
    assert matrix.evaluate("box => box.scrollWidth - box.clientWidth") <= 0
    expect(matrix).not_to_have_class(has_class("more-right"))
    page.close()

    page, problems = open_page(browser, f"{server}/", 390)
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    for wrap in (page.locator("#models .table-wrap"), page.locator(".matrix-wrap")):
        # wider than the phone: it scrolls, and its right side fades until scrolled there
        assert wrap.evaluate("box => box.scrollWidth - box.clientWidth") > 0
        expect(wrap).to_have_class(has_class("more-right"))
        wrap.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
        expect(wrap).not_to_have_class(has_class("more-right"))
    # the model column stays in view while the rest scrolls
    name = page.locator("#models tbody th").first
    assert name.evaluate("cell => cell.getBoundingClientRect().left") >= 0
    assert problems == []
    page.close()


def test_the_glossary_opens_when_a_pair_page_links_to_it(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    glossary = page.locator("details#capability-glossary")
    expect(glossary).not_to_have_attribute("open", "")
    page.close()
    page, problems = open_page(browser, f"{server}/compare/florence-2-vs-paligemma/")
    page.locator("#capabilities a[href$='#capability-glossary']").click()
    glossary = page.locator("details#capability-glossary")
    expect(glossary).to_have_attribute("open", "")
    expect(page.locator("#capability-ocr")).to_be_visible()
    assert problems == []
    page.close()


def test_the_comparisons_page_links_every_pair(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/")
    with page.expect_navigation():
        page.get_by_role("link", name="All 10 comparisons").click()
    assert page.url == f"{server}/comparisons/"
    expect(page.locator("#pairs li a")).to_have_count(10)
    with page.expect_navigation():
        page.get_by_role("link", name="Florence-2 vs SAM-CLIP").click()
    assert page.url == f"{server}/compare/florence-2-vs-sam-clip/"
    assert problems == []
    page.close()
