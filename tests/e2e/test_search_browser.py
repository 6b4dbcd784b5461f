"""The search box of every page in headless Chromium, over the index the build made with
Pagefind: three letters of a model's name find it, the keyboard reaches and follows the
result, and a page without scripts or without an index says nothing false."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from support import fixture_project
from test_browser import browser, open_page, serving  # noqa: F401 - fixture
from versus.build.pipeline import build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = fixture_project(tmp_path_factory.mktemp("search") / "project")
    report = build(root, root / "site")
    assert report.warnings == ()
    return root / "site"


@pytest.fixture(scope="module")
def site(built: Path) -> Iterator[str]:
    with serving(built) as address:
        yield address


def test_three_letters_find_a_model_and_its_link_opens_it(
    browser: Browser,  # noqa: F811
    site: str,
) -> None:
    page, problems = open_page(browser, f"{site}/")
    box = page.get_by_role(
        "searchbox", name="Search models, organizations, capabilities and suites"
    )
    box.fill("flo")
    result = page.locator(".site-search-results a", has_text="Florence-2")
    result.wait_for()
    assert "Microsoft" in result.inner_text()
    assert "result" in page.locator(".site-search-status").inner_text()
    with page.expect_navigation():
        result.click()
    assert page.url == f"{site}/models/florence-2/"
    assert page.locator("h1").inner_text() == "Florence-2"
    assert problems == []
    page.close()


def test_the_keyboard_reaches_a_result_from_a_deeper_page(
    browser: Browser,  # noqa: F811
    site: str,
) -> None:
    page, problems = open_page(browser, f"{site}/compare/florence-2-vs-paligemma/")
    box = page.locator("#site-search")
    box.focus()
    page.keyboard.type("vis")
    suite = page.locator(".site-search-results a", has_text="Vision Evals")
    suite.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('.site-search-results') !== null")
    assert focused
    for _ in range(8):  # at most the results listed
        if "Vision Evals" in page.evaluate("document.activeElement.textContent"):
            break
        page.keyboard.press("ArrowDown")
    assert "Vision Evals" in page.evaluate("document.activeElement.textContent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site}/evals/vision-evals/"
    page.keyboard.press("Escape")
    assert problems == []
    page.close()


def test_an_organization_finds_its_models_and_nothing_finds_nothing(
    browser: Browser,  # noqa: F811
    site: str,
) -> None:
    page, problems = open_page(browser, f"{site}/models/sam-clip/")
    box = page.locator("#site-search")
    box.fill("google")
    page.locator(".site-search-results a", has_text="PaliGemma").wait_for()
    titles = page.locator(".site-search-title").all_inner_texts()
    assert {"Gemma 4 12B", "PaliGemma"} <= set(titles)
    assert "Florence-2" not in titles
    box.fill("zzzq")
    page.locator(".site-search-empty").wait_for()
    assert page.locator(".site-search-results a").count() == 0
    assert page.locator(".site-search-status").inner_text() == "No page matches “zzzq”."
    page.keyboard.press("Escape")
    assert page.locator(".site-search-results").is_hidden()
    assert problems == []
    page.close()


def test_without_scripts_the_search_box_is_not_offered(
    browser: Browser,  # noqa: F811
    site: str,
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/")
    assert page.locator("form.site-search").count() == 0
    context.close()


def test_a_copy_without_its_index_says_search_is_not_available(
    browser: Browser,  # noqa: F811
    built: Path,
    tmp_path: Path,
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    shutil.rmtree(copy / "pagefind")
    with serving(copy) as address:
        page = browser.new_page()
        page.goto(f"{address}/")
        page.locator("#site-search").fill("flo")
        page.locator(".site-search-empty").wait_for()
        status = page.locator(".site-search-status").inner_text()
        assert status == "Search is not available on this copy of the site."
        page.close()


def _titles(page: Page, query: str, expected: str) -> list[str]:
    """The titles the search box lists for ``query``, once ``expected``'s is among them."""
    box = page.locator("#site-search")
    box.fill(query)
    page.locator(".site-search-results a", has_text=expected).wait_for()
    page.wait_for_function(
        "q => document.querySelector('.site-search-status').textContent.includes(q)", arg=query
    )
    return page.locator(".site-search-title").all_inner_texts()


def test_a_capability_id_finds_the_models_that_support_it(
    browser: Browser,  # noqa: F811
    site: str,
) -> None:
    """``vqa`` is the id of "Visual question answering" (versus.yaml): it finds the models
    whose card supports it and the overview that says what it means, not SAM-CLIP, whose
    card says no, nor Florence-2, whose card does not state it."""
    page, problems = open_page(browser, f"{site}/")
    titles = _titles(page, "vqa", "PaliGemma")
    assert {"Gemma 4 12B", "Gemma 4 26B A4B", "PaliGemma"} <= set(titles)
    assert "SAM-CLIP" not in titles
    assert "Florence-2" not in titles
    assert "Models, leaderboards and comparisons" in titles  # the glossary's page
    assert problems == []
    page.close()


@pytest.fixture(scope="module")
def denied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample with Florence-2's card saying no to zero-shot segmentation, whose
    label's words are both in two capabilities it supports (zero-shot detection, instance
    segmentation)."""
    root = fixture_project(tmp_path_factory.mktemp("denied") / "project")
    card = root / "models" / "florence-2.yaml"
    text = card.read_text("utf-8")
    card.write_text(
        text.replace(
            "  zero-shot-detection: supported\n",
            "  zero-shot-detection: supported\n  zero-shot-segmentation: 'no'\n",
        ),
        "utf-8",
    )
    report = build(root, root / "site")
    assert report.warnings == ()
    with serving(root / "site") as address:
        yield address


def test_a_capability_label_finds_the_models_that_support_it_not_those_that_say_no(
    browser: Browser,  # noqa: F811
    denied: str,
) -> None:
    page, problems = open_page(browser, f"{denied}/")
    titles = _titles(page, "zero-shot segmentation", "SAM-CLIP")
    # the model that supports it, and the overview's glossary that says what it is
    assert titles == ["Models, leaderboards and comparisons", "SAM-CLIP"]
    # the words apart still find what holds them apart, when no page holds them together
    titles = _titles(page, "segmentation zero-shot", "Florence-2")
    assert {"Florence-2", "SAM-CLIP"} <= set(titles)
    assert problems == []
    page.close()
