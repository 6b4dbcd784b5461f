"""The 404 page in headless Chromium, served the way static hosts serve it: any missing
file answers with the site's ``404.html``.

A pair's address with its ids the other way round lands on the pair's page; an address
of no pair stays on the 404 page, quietly.
"""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from support import fixture_project
from test_browser import browser, serving  # noqa: F401 - fixture
from versus.build.pipeline import build

pytestmark = pytest.mark.browser


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Answers a missing file with the site's 404 page, status 404."""

    def not_found_page(self) -> Path | None:
        """The page that answers a missing file at ``self.path`` (``None``: the default)."""
        return Path(self.directory) / "404.html"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh build of the tests' sample project, served as a static host serves it."""
    root = fixture_project(tmp_path_factory.mktemp("not-found") / "project")
    out = root / "site"
    build(root, out)
    with serving(out, _StaticHost) as address:
        yield address


def open_missing(browser: Browser, url: str) -> tuple[Page, list[str]]:  # noqa: F811
    """A page at ``url``, and its console errors but the one for the 404 answer itself."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        own_404 = message.location.get("url") == url and "404" in message.text
        if message.type == "error" and not own_404:
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "requestfailed",
        # the page's move cancels what it still loads (its search script): not a failure
        lambda request: (
            None
            if request.failure == "net::ERR_ABORTED"
            else problems.append(f"failed: {request.url}")
        ),
    )
    page.goto(url)
    return page, problems


@pytest.mark.parametrize("ending", ["/", "", "/?from=mail#scores"])
def test_a_reversed_pair_address_lands_on_the_pair_page(
    browser: Browser,  # noqa: F811
    host: str,
    ending: str,
) -> None:
    page, problems = open_missing(browser, f"{host}/compare/sam-clip-vs-florence-2{ending}")
    page.wait_for_url(f"{host}/compare/florence-2-vs-sam-clip/**")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Florence-2 vs SAM-CLIP"
    if ending.startswith("/?"):
        assert page.url == f"{host}/compare/florence-2-vs-sam-clip{ending}"
    assert problems == []
    # replaced, not pushed: Back does not return to the address of no page
    page.go_back()
    assert "sam-clip-vs-florence-2" not in page.url
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "/compare/zzz-vs-florence-2/",  # one id of no model
        "/compare/paligemma-vs-paligemma/",  # one model twice
        "/compare/%E0%A4%A-vs-florence-2/",  # a malformed escape
        "/compare/sam-clip-vs-florence-2/extra/",  # deeper than a pair
        "/models/nobody/",
    ],
)
def test_an_address_of_no_pair_stays_on_the_404_page(
    browser: Browser,  # noqa: F811
    host: str,
    path: str,
) -> None:
    page, problems = open_missing(browser, f"{host}{path}")
    page.wait_for_load_state("load")
    page.wait_for_selector("#not-found[data-decided=stay]", state="attached")
    assert page.url == f"{host}{path}"
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator(".not-found-pair").inner_text() == ""
    assert "alphabetical order" in page.locator("#not-found").inner_text()
    assert problems == []
    page.close()


@pytest.fixture(scope="module")
def few_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample with ``pairs: {top: 2}``: only the two Gemmas' pair has a page."""
    root = fixture_project(tmp_path_factory.mktemp("few-pages") / "project")
    config = root / "versus.yaml"
    config.write_text(config.read_text() + "pairs: {top: 2}\n")
    out = root / "site"
    build(root, out)
    with serving(out, _StaticHost) as address:
        yield address


@pytest.mark.parametrize("path", ["sam-clip-vs-florence-2", "florence-2-vs-sam-clip"])
def test_the_address_of_a_pair_without_a_page_lands_on_the_compare_page(
    browser: Browser,  # noqa: F811
    few_pages: str,
    path: str,
) -> None:
    page, problems = open_missing(browser, f"{few_pages}/compare/{path}/")
    page.wait_for_url(f"{few_pages}/compare/?m=florence-2,sam-clip")
    page.wait_for_selector(".several-tables table")
    assert page.locator("h1").inner_text() == "Florence-2 vs SAM-CLIP"
    assert problems == []
    page.close()


def test_the_picker_opens_a_pair_with_a_page_or_the_compare_page(
    browser: Browser,  # noqa: F811
    few_pages: str,
) -> None:
    page = browser.new_page()
    page.goto(f"{few_pages}/")
    picker = page.locator("form.picker").first
    picker.locator("select[name=a]").select_option("gemma-4-26b-a4b")
    picker.locator("select[name=b]").select_option("gemma-4-12b")
    picker.locator("button").click()
    page.wait_for_url(f"{few_pages}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/")
    page.goto(f"{few_pages}/")
    picker = page.locator("form.picker").first
    picker.locator("select[name=a]").select_option("sam-clip")
    picker.locator("select[name=b]").select_option("paligemma")
    picker.locator("button").click()
    page.wait_for_url(f"{few_pages}/compare/?m=paligemma,sam-clip")
    # the compare page links no pair page the site does not have
    page.wait_for_selector(".several-tables table")
    assert page.locator(".several-pair").count() == 0
    page.close()
