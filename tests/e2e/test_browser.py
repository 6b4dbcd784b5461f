"""The built site in a real browser: headless Chromium (Debian's) driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from versus.build.pipeline import build

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path, kind: type[http.server.SimpleHTTPRequestHandler] = _Quiet) -> Iterator[str]:
    """The built site in ``site`` served on 127.0.0.1 by handlers of ``kind``: its address."""
    handler = functools.partial(kind, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh build of the tests' sample project, served on 127.0.0.1."""
    from support import fixture_project

    root = fixture_project(tmp_path_factory.mktemp("browser") / "project")
    out = root / "site"
    build(root, out)
    with serving(out) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def open_page(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on(
        "requestfailed",
        # a navigation cancels the previous page's pending requests (ERR_ABORTED): not a failure
        lambda request: (
            None
            if request.failure == "net::ERR_ABORTED"
            else problems.append(f"failed: {request.url} {request.failure}")
        ),
    )
    response = page.goto(url)
    assert response is not None, url
    assert response.ok, url
    return page, problems


OWN_TEXT = """cells => cells.map(cell => [...cell.childNodes]
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.textContent).join("").trim())"""
"""A table cell's printed value: its own text, without its tag, bar, detail or band."""


def cell_values(cells: Locator) -> list[str]:
    """The printed value of each cell ``cells`` finds, as the browser has it."""
    values: list[str] = cells.evaluate_all(OWN_TEXT)
    return values


def test_pair_page_score_table_reads_right(browser: Browser, server: str) -> None:
    page, problems = open_page(browser, f"{server}/compare/florence-2-vs-gemma-4-12b/")
    assert page.title().startswith("Florence-2 vs Gemma 4 12B")
    table = page.locator("#scores table")
    heads = table.locator("thead th").all_inner_texts()
    assert [h.strip() for h in heads] == ["Measure", "Florence-2", "Gemma 4 12B"]
    # Florence-2 has no results: one cell down its column, each row Gemma 4 12B's cell only
    assert cell_values(table.locator("td.gap")) == ["Not evaluated"]
    overall = table.locator("tr", has=page.locator("th", has_text="Overall score"))
    assert cell_values(overall.locator("td")) == ["62.69%"]
    counting = table.locator("tr", has=page.locator("th", has_text="Object Counting"))
    assert cell_values(counting.locator("td")) == ["10%"]
    assert problems == []
    page.close()


def test_pair_page_fits_a_phone(browser: Browser, server: str) -> None:
    page, problems = open_page(browser, f"{server}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/", 390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert page.locator("#scores table").is_visible()
    assert problems == []
    page.close()


def test_every_page_from_the_index_loads(browser: Browser, server: str) -> None:
    page, problems = open_page(browser, f"{server}/")
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 15
    for href in sorted({h.split("#")[0] for h in hrefs}):
        if href.endswith((".csv", ".json", ".txt")):  # data: a browser downloads it
            assert page.request.get(href).ok, href
            continue
        response = page.goto(href)
        assert response is not None, href
        assert response.ok, href
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    ("first", "second"), [("Florence-2", "SAM-CLIP"), ("SAM-CLIP", "Florence-2")]
)
def test_picker_opens_the_canonical_pair_in_either_order(
    browser: Browser, server: str, first: str, second: str
) -> None:
    page, problems = open_page(browser, f"{server}/")
    page.select_option("form.picker select[name=a]", label=first)
    page.select_option("form.picker select[name=b]", label=second)
    with page.expect_navigation():
        page.click("form.picker button")
    assert page.url == f"{server}/compare/florence-2-vs-sam-clip/"
    assert page.locator("h1").inner_text() == "Florence-2 vs SAM-CLIP"
    assert problems == []
    page.close()


def test_picker_with_one_model_twice_opens_its_page(browser: Browser, server: str) -> None:
    page, _ = open_page(browser, f"{server}/")
    page.select_option("form.picker select[name=a]", label="PaliGemma")
    page.select_option("form.picker select[name=b]", label="PaliGemma")
    with page.expect_navigation():
        page.click("form.picker button")
    assert page.url == f"{server}/models/paligemma/"
    page.close()


# --- versus serve: an open page follows the edits -----------------------------------


def test_serve_reloads_an_open_page_after_an_edit_and_shows_a_typo(
    browser: Browser, tmp_path: Path
) -> None:
    from servetools import Served
    from support import fixture_project

    project = fixture_project(tmp_path / "project")
    served = Served(["-p", str(project)])
    try:
        page, problems = open_page(browser, f"{served.url}compare/florence-2-vs-gemma-4-12b/")
        heading = page.locator("h1")
        expect(heading).to_have_text("Florence-2 vs Gemma 4 12B")
        page.wait_for_timeout(300)  # let the page's event stream connect

        card = project / "models" / "florence-2.yaml"
        good = card.read_text()
        card.write_text(good.replace("name: Florence-2", "name: Florence-2 Live", 1))
        # the page reloads by itself; how fast is the benchmark's business, not a test's
        expect(heading).to_have_text("Florence-2 Live vs Gemma 4 12B", timeout=30_000)

        card.write_text(good.replace("organization:", "organisaton:", 1))
        banner = page.locator("#versus-problems")
        expect(banner).to_be_visible(timeout=30_000)
        expect(banner).to_contain_text("models/florence-2.yaml:4:1: organisaton: unknown field")
        expect(heading).to_have_text("Florence-2 Live vs Gemma 4 12B")  # the last good site

        card.write_text(good)
        expect(heading).to_have_text("Florence-2 vs Gemma 4 12B", timeout=5000)
        expect(banner).to_have_count(0)
        assert problems == []
        page.close()
    finally:
        assert served.stop() == 0
