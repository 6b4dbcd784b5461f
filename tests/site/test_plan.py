"""The page plan: bounded page sizes as the catalog grows, and split sitemaps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import fixture_project
from synthetic import add_models
from versus import urls
from versus.build.pipeline import build, render_site
from versus.inputs.load import load_project
from versus.join import compare
from versus.site import plan, views


def site_with(tmp_path: Path, extra_models: int) -> dict[str, bytes]:
    project = fixture_project(tmp_path / f"project-{extra_models}")
    add_models(project, extra_models)
    return render_site(load_project(project), project)


def test_a_pair_page_does_not_grow_with_the_catalog(tmp_path: Path) -> None:
    small, large = site_with(tmp_path, 5), site_with(tmp_path, 40)
    page = "compare/florence-2-vs-paligemma/index.html"
    assert small[page] == large[page]


def test_model_pages_the_index_and_the_comparisons_grow_linearly(tmp_path: Path) -> None:
    site = site_with(tmp_path, 30)  # 35 models, 595 pairs: past the pair list's limit
    assert views.PAIR_LIST_LIMIT < 35 * 34 // 2
    model_page = site["models/paligemma/index.html"].decode()
    assert len(re.findall(r'href="../../compare/', model_page)) == 34
    index = site["index.html"].decode()
    assert not re.search(r'href="compare/[^"]*-vs-', index)  # the picker and model pages do
    assert index.count('<option value="synthetic-007">') == 2  # in both selects of the picker
    comparisons = site["comparisons/index.html"].decode()
    assert not re.search(r'href="../compare/[^"]*-vs-', comparisons)
    assert "each model's page lists all of its comparisons." in comparisons
    assert len(re.findall(r'href="../models/[^"]*#comparisons"', comparisons)) == 35


def test_the_comparisons_page_lists_every_pair_while_the_list_is_short(tmp_path: Path) -> None:
    site = site_with(tmp_path, 3)  # 8 models, 28 pairs
    comparisons = site["comparisons/index.html"].decode()
    assert len(re.findall(r'<li><a href="../compare/', comparisons)) == 28
    assert not re.search(r'href="compare/[^"]*-vs-', site["index.html"].decode())


def test_a_large_sitemap_is_split_into_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan, "SITEMAP_LIMIT", 7)
    project = fixture_project(tmp_path / "project")
    catalog = load_project(project)
    listed = [path for path, _ in plan.sitemap_entries(catalog.models, catalog.suites)]
    # 5 models and 10 pairs, the index, the matrix and the methodology: three parts of at most 7
    assert 14 < len(listed) <= 21
    site = render_site(catalog, project)
    index = site["sitemap.xml"].decode()
    assert "<sitemapindex" in index
    parts = re.findall(r"<loc>https://versus.example.org/(sitemaps/sitemap-\d\.xml)</loc>", index)
    assert parts == ["sitemaps/sitemap-1.xml", "sitemaps/sitemap-2.xml", "sitemaps/sitemap-3.xml"]
    urls = [re.findall(r"<loc>([^<]+)</loc>", site[part].decode()) for part in parts]
    assert [len(chunk) for chunk in urls] == [7, 7, len(listed) - 14]
    # every part in URL order, each page once
    assert [url for chunk in urls for url in chunk] == [
        f"https://versus.example.org/{path}" for path in listed
    ]


def test_sitemap_parts_come_and_go_with_incremental_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan, "SITEMAP_LIMIT", 14)
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "site"
    build(project, out, jobs=1)  # 19 URLs: two parts
    assert (out / "sitemaps" / "sitemap-2.xml").is_file()
    (project / "models" / "sam-clip.yaml").unlink()  # 4 models, 14 URLs: one sitemap again
    build(project, out, jobs=1)
    assert not (out / "sitemaps").exists()
    assert "<urlset" in (out / "sitemap.xml").read_text()


def test_the_plan_puts_pair_pages_where_the_url_scheme_says() -> None:
    ids = [f"model-{i:02d}" for i in range(30)]
    planned = [spec for spec in plan.plan_for(reversed(ids)) if spec.kind == "pair"]
    assert [spec.path for spec in planned] == [
        urls.file_of(urls.pair(b, a)) for a, b in compare.pairs(ids)
    ]
    assert [spec.ids for spec in planned] == list(compare.pairs(ids))
