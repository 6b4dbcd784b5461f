"""The 404 page and the base path: a ``base_url`` under a path, with or without its last
slash, gives one site whose 404 page links under that path; the page is not indexed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import Tag

from htmltools import soup
from support import fixture_project, problems_of, tree
from versus import urls
from versus.build.pipeline import build

NOT_FOUND = "404.html"


def project_at(target: Path, base_url: str) -> Path:
    """The tests' sample project, published at ``base_url``."""
    root = fixture_project(target)
    config = root / "versus.yaml"
    text = config.read_text("utf-8")
    config.write_text(re.sub(r"(?m)^base_url: .*$", f"base_url: {base_url}", text), "utf-8")
    return root


def addresses(page: Tag) -> list[str]:
    """Every address the 404 page gives a browser or its scripts: links, assets, the
    search script, the patterns of a pair's page and of the compare page."""
    names = ("href", "src", "data-search", "data-pair", "data-compare")
    return [str(tag[name]) for tag in page.find_all(True) for name in names if tag.has_attr(name)]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample project built for ``https://host.example/sub`` and for ``.../sub/``."""
    work = tmp_path_factory.mktemp("base-path")
    bare = project_at(work / "bare", "https://host.example/sub")
    slashed = project_at(work / "slashed", "https://host.example/sub/")
    build(bare, bare / "site")
    build(slashed, slashed / "site")
    return bare / "site", slashed / "site"


def test_a_base_url_without_its_last_slash_gives_404_links_under_its_path(
    sites: tuple[Path, Path],
) -> None:
    site = sites[0]
    page = soup((site / NOT_FOUND).read_bytes())
    found = addresses(page)
    assert "/sub/assets/style.css" in found
    assert "/sub/methodology/" in found
    assert "/sub/pagefind/pagefind.js" in found
    box = page.find(id="not-found")
    assert isinstance(box, Tag)
    assert box["data-pair"] == "/sub/compare/{a}-vs-{b}/"
    for address in found:
        if address.startswith("#"):
            continue  # the skip link, on the page itself
        assert address.startswith("/sub/"), address
        # the file each address names, as the host serves /sub/ from the site's folder
        path = address.removeprefix("/sub/").split("#")[0].split("?")[0]
        path = path.format(a="florence-2", b="gemma-4-12b")  # a pair of the sample
        assert (site / urls.file_of(path)).is_file(), address


def test_with_or_without_its_last_slash_a_base_url_builds_the_same_site(
    sites: tuple[Path, Path],
) -> None:
    bare, slashed = sites
    assert tree(bare) == tree(slashed)
    index = soup((bare / "index.html").read_bytes())
    canonical = index.find("link", rel="canonical")
    assert isinstance(canonical, Tag)
    assert canonical["href"] == "https://host.example/sub/"
    assert "Sitemap: https://host.example/sub/sitemap.xml" in (bare / "robots.txt").read_text()
    data = json.loads((bare / urls.MODELS_JSON).read_bytes())
    assert data["site"]["url"] == "https://host.example/sub/"


def test_the_404_page_is_not_indexed_and_has_no_address_of_its_own(
    sites: tuple[Path, Path],
) -> None:
    site = sites[0]
    page = soup((site / NOT_FOUND).read_bytes())
    robots = page.find_all("meta", attrs={"name": "robots"})
    assert [str(meta["content"]) for meta in robots] == ["noindex"]
    assert page.find("link", rel="canonical") is None
    assert page.find("meta", property="og:url") is None
    (script,) = page.find_all("script", type="application/ld+json")
    data = json.loads(script.get_text())
    assert data["@type"] == "WebPage"
    assert "url" not in data  # only the site's, which it is part of
    assert data["isPartOf"]["url"] == "https://host.example/sub/"
    assert NOT_FOUND not in (site / NOT_FOUND).read_text()  # no URL names the page itself
    # every other page is indexed, at its own address
    for name in ("index.html", "methodology/index.html", "compare/index.html"):
        other = soup((site / name).read_bytes())
        assert other.find("meta", attrs={"name": "robots"}) is None, name
        canonical = other.find("link", rel="canonical")
        assert isinstance(canonical, Tag), name
        assert canonical["href"] == "https://host.example/sub/" + urls.url_of(name)
        og_url = other.find("meta", property="og:url")
        assert isinstance(og_url, Tag), name
        assert og_url["content"] == canonical["href"]


@pytest.mark.parametrize(
    ("base_url", "base", "path"),
    [
        ("https://host.example", "https://host.example/", "/"),
        ("https://host.example/", "https://host.example/", "/"),
        ("https://host.example/sub", "https://host.example/sub/", "/sub/"),
        ("https://host.example/sub/", "https://host.example/sub/", "/sub/"),
        ("https://host.example/a/b//", "https://host.example/a/b/", "/a/b/"),
        ("https://host.example:8080/sub", "https://host.example:8080/sub/", "/sub/"),
        ("https://host.example/bücher", "https://host.example/b%C3%BCcher/", "/b%C3%BCcher/"),
        ("https://host.example/b%C3%BCcher/", "https://host.example/b%C3%BCcher/", "/b%C3%BCcher/"),
    ],
)
def test_one_spelling_of_the_base(base_url: str, base: str, path: str) -> None:
    assert urls.site_base(base_url) == base
    assert urls.site_base(base) == base
    assert urls.base_path(base_url) == path
    made = urls.Urls(base_url)
    assert (made.base, made.path) == (base, path)
    assert made("models/x/index.html") == base + "models/x/"


@pytest.mark.parametrize("base_url", ["https://host.example/sub?x=1", "https://host.example/#top"])
def test_a_base_url_with_a_query_or_fragment_is_refused(tmp_path: Path, base_url: str) -> None:
    root = project_at(tmp_path / "project", base_url)
    (problem,) = problems_of(root)
    assert problem.file == "versus.yaml"
    assert problem.path == ("base_url",)
    assert "without a ?query or #fragment" in problem.message
