"""A site published under a sub-path (``https://org.github.io/project/``), in headless
Chromium: every link, asset, canonical URL and sitemap entry stays under that path, and
the 404 page (served for any missing address, as GitHub Pages serves it) links back
into it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser

from support import fixture_project
from test_browser import browser, serving  # noqa: F401 - fixture
from test_not_found_browser import _StaticHost
from versus.build.pipeline import build

pytestmark = pytest.mark.browser

SUB = "project"


class _ProjectPages(_StaticHost):
    """A missing file under ``/project/`` answers with that site's 404 page, status 404."""

    def not_found_page(self) -> Path | None:
        if not self.path.startswith(f"/{SUB}/"):
            return None
        return Path(self.directory) / SUB / "404.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample project built for ``<host>/project/`` and served there: its address."""
    work = tmp_path_factory.mktemp("subpath")
    root = fixture_project(work / "project")
    host_root = work / "www"
    host_root.mkdir()
    with serving(host_root, _ProjectPages) as host:
        base = f"{host}/{SUB}/"
        config = root / "versus.yaml"
        config.write_text(
            re.sub(r"(?m)^base_url: .*$", f"base_url: {base}", config.read_text("utf-8")),
            "utf-8",
        )
        build(root, host_root / SUB)
        yield base, host_root / SUB


def _links(browser: Browser, url: str) -> tuple[list[str], list[str]]:  # noqa: F811
    """Every link and asset address of the page at ``url`` as the browser resolves them,
    and the problems it met loading it (console errors, failed requests)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = page.eval_on_selector_all(
        "a[href], link[href], script[src], img[src]",
        "nodes => nodes.map(n => n.href || n.src)",
    )
    styled = page.evaluate("getComputedStyle(document.body).fontFamily")
    page.close()
    assert styled != "", f"no style sheet on {url}"
    return [str(address) for address in found], problems


@pytest.mark.parametrize(
    "path", ["", "models/paligemma/", "compare/florence-2-vs-paligemma/", "methodology/"]
)
def test_every_address_of_a_page_stays_under_the_sub_path(
    browser: Browser,  # noqa: F811
    site: tuple[str, Path],
    path: str,
) -> None:
    base, _ = site
    host = base.removesuffix(f"{SUB}/")
    found, problems = _links(browser, base + path)
    assert problems == []
    own = [address for address in found if address.startswith(host)]
    assert own
    outside = [address for address in own if not address.startswith(base)]
    assert outside == []
    for address in sorted(set(own)):
        with urlopen(address.split("#")[0]) as answer:
            assert answer.status == 200, address


def test_canonical_urls_and_the_sitemap_name_the_sub_path(site: tuple[str, Path]) -> None:
    base, out = site
    page = (out / "models" / "paligemma" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{base}models/paligemma/">' in page
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    locs = [node.text or "" for node in sitemap.iter() if node.tag.endswith("loc")]
    assert locs
    assert all(loc.startswith(base) for loc in locs)


def test_the_404_page_links_back_into_the_sub_path(
    browser: Browser,  # noqa: F811
    site: tuple[str, Path],
) -> None:
    base, _ = site
    page = browser.new_page()
    page.goto(f"{base}no/such/page/")
    home = page.get_by_role("link", name="Go to the list of models")
    assert home.evaluate("a => a.href") == base
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    page.goto(f"{base}compare/paligemma-vs-florence-2/")
    page.wait_for_url(f"{base}compare/florence-2-vs-paligemma/**")
    page.close()
