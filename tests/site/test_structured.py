"""The schema.org descriptions (JSON-LD) of pages: versus.site.structured and the built pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag

from htmltools import soup
from support import write
from versus.build.pipeline import render_site
from versus.inputs.cache import DocumentCache
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.inputs.schema import SiteConfig
from versus.join.profiles import Profile, build_profiles
from versus.site import structured

BASE = "https://versus.example.org/"
INDEX = "index.html"
MODEL = "models/gemma-4-12b/index.html"
PAIR = "compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"
NOT_FOUND = "404.html"
METHODOLOGY = "methodology/index.html"


@pytest.fixture(scope="module")
def catalog(sample_project: Path) -> Catalog:
    return load_project(sample_project, DocumentCache(None))


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> dict[str, Profile]:
    return build_profiles(catalog)


@pytest.fixture(scope="module")
def site(catalog: Catalog, sample_project: Path) -> dict[str, bytes]:
    return render_site(catalog, sample_project)


def ld_scripts(html: bytes | str) -> list[Tag]:
    page = soup(html)
    return [s for s in page.find_all("script") if s.get("type") == "application/ld+json"]


def json_ld(html: bytes | str) -> dict[str, Any]:
    """The one JSON-LD block of a page, parsed."""
    (script,) = ld_scripts(html)
    data = json.loads(script.get_text())
    assert isinstance(data, dict)
    return data


def canonical(html: bytes | str) -> str:
    link = soup(html).find("link", rel="canonical")
    assert isinstance(link, Tag)
    return str(link["href"])


def urls(data: object, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (key, value) of ``url`` and ``item`` entries, at any depth."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from urls(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from urls(value, key)
    elif isinstance(data, str) and key in ("url", "item"):
        yield key, data


def check_breadcrumbs(data: dict[str, Any], last: tuple[str, str]) -> None:
    trail = data["breadcrumb"]
    assert trail["@type"] == "BreadcrumbList"
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["@type"] == "ListItem" for item in items)
    assert (items[0]["name"], items[0]["item"]) == ("Home", BASE)
    assert (items[-1]["name"], items[-1]["item"]) == last


# --- the built pages ------------------------------------------------------------------


def test_every_page_carries_json_ld(site: dict[str, bytes]) -> None:
    pages = [name for name in site if name.endswith(".html")]
    assert "compare/index.html" in pages
    for name in pages:
        assert len(ld_scripts(site[name])) == 1, name


@pytest.mark.parametrize("name", [INDEX, MODEL, PAIR, NOT_FOUND, METHODOLOGY])
def test_page_carries_one_valid_json_ld_block(site: dict[str, bytes], name: str) -> None:
    scripts = ld_scripts(site[name])
    assert len(scripts) == 1
    data = json.loads(scripts[0].get_text())
    assert data["@context"] == "https://schema.org"
    # In the page's head, where search engines look first.
    assert scripts[0].find_parent("head") is not None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (INDEX, "WebSite"),
        (MODEL, "WebPage"),
        (PAIR, "WebPage"),
        (NOT_FOUND, "WebPage"),
        (METHODOLOGY, "WebPage"),
    ],
)
def test_page_type(site: dict[str, bytes], name: str, kind: str) -> None:
    assert json_ld(site[name])["@type"] == kind


@pytest.mark.parametrize("name", [INDEX, MODEL, PAIR, NOT_FOUND, METHODOLOGY])
def test_urls_are_absolute_from_the_base_url(
    site: dict[str, bytes], catalog: Catalog, name: str
) -> None:
    assert catalog.config.base_url == BASE
    found = list(urls(json_ld(site[name])))
    assert found
    for key, url in found:
        assert url.startswith(BASE), (key, url)
        assert "//" not in url.removeprefix("https://"), url


@pytest.mark.parametrize("name", [INDEX, MODEL, PAIR, METHODOLOGY])
def test_url_is_the_canonical_link(site: dict[str, bytes], name: str) -> None:
    assert json_ld(site[name])["url"] == canonical(site[name])


@pytest.mark.parametrize("name", [INDEX, MODEL, PAIR, NOT_FOUND, METHODOLOGY])
def test_every_page_belongs_to_the_site(site: dict[str, bytes], name: str) -> None:
    data = json_ld(site[name])
    website = data if data["@type"] == "WebSite" else data["isPartOf"]
    assert {key: website[key] for key in ("@type", "name", "url")} == {
        "@type": "WebSite",
        "name": "versus",
        "url": BASE,
    }


def test_the_home_page_describes_the_site_once_for_all(site: dict[str, bytes]) -> None:
    assert json_ld(site[INDEX])["description"] == (
        "Side-by-side comparisons of vision and vision-language models: what each model"
        " can do, what it costs, and how it scores on shared eval suites."
    )
    for name in (MODEL, PAIR, NOT_FOUND, METHODOLOGY):
        assert "description" not in json_ld(site[name])["isPartOf"]


def test_index_lists_every_model(site: dict[str, bytes], catalog: Catalog) -> None:
    data = json_ld(site[INDEX])
    assert data["name"] == "versus"
    assert data["url"] == BASE
    models = data["mainEntity"]
    assert models["@type"] == "ItemList"
    assert models["numberOfItems"] == len(catalog.models) == 5
    items = models["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3, 4, 5]
    assert [(item["name"], item["url"]) for item in items] == [
        (card.name, f"{BASE}models/{model_id}/") for model_id, card in catalog.models.items()
    ]
    assert items[0] == {
        "@type": "ListItem",
        "position": 1,
        "name": "Florence-2",
        "url": f"{BASE}models/florence-2/",
    }


def test_model_page(site: dict[str, bytes]) -> None:
    data = json_ld(site[MODEL])
    url = f"{BASE}models/gemma-4-12b/"
    assert data["url"] == url
    assert data["name"] == "Gemma 4 12B: capabilities, scores and comparisons"
    assert data["mainEntity"] == {
        "@type": "SoftwareApplication",
        "name": "Gemma 4 12B",
        "applicationCategory": "Machine learning model",
        "description": (
            "A 12B open-weight Gemma 4 model from Google that takes images with text, aimed"
            " at captioning, OCR, document reading and visual question answering."
        ),
        "url": url,
        "author": {"@type": "Organization", "name": "Google"},
        "datePublished": "2026-06",
        "license": "https://www.apache.org/licenses/LICENSE-2.0",
        "citation": [
            {
                "@type": "CreativeWork",
                "name": "Source comparison pages (Florence-2 vs Gemma 4 12B, Gemma 4 12B vs PaliGemma)",
            }
        ],
    }
    check_breadcrumbs(data, ("Gemma 4 12B", url))
    assert len(data["breadcrumb"]["itemListElement"]) == 2


def test_model_page_description_matches_the_meta_description(site: dict[str, bytes]) -> None:
    meta = soup(site[MODEL]).find("meta", attrs={"name": "description"})
    assert isinstance(meta, Tag)
    assert json_ld(site[MODEL])["description"] == meta["content"]


def test_model_without_license_url_names_it(site: dict[str, bytes]) -> None:
    entity = json_ld(site["models/sam-clip/index.html"])["mainEntity"]
    # schema.org's license is a URL or a CreativeWork: a licence known by name is a work
    assert entity["license"] == {"@type": "CreativeWork", "name": "Custom"}
    assert entity["datePublished"] == "2023-10"
    assert entity["author"] == {"@type": "Organization", "name": "Apple and UIUC"}


def test_pair_page_is_about_both_models(site: dict[str, bytes]) -> None:
    data = json_ld(site[PAIR])
    url = f"{BASE}compare/gemma-4-12b-vs-gemma-4-26b-a4b/"
    assert data["url"] == url
    about = data["about"]
    assert [model["name"] for model in about] == ["Gemma 4 12B", "Gemma 4 26B A4B"]
    assert [model["@type"] for model in about] == ["SoftwareApplication"] * 2
    assert [model["url"] for model in about] == [
        f"{BASE}models/gemma-4-12b/",
        f"{BASE}models/gemma-4-26b-a4b/",
    ]
    assert [model["author"]["name"] for model in about] == ["Google", "Google"]
    # described on their own pages, not again on each of their comparisons
    assert [("description" in model, "datePublished" in model) for model in about] == [
        (False, False)
    ] * 2
    check_breadcrumbs(data, ("Gemma 4 12B vs Gemma 4 26B A4B", url))
    assert len(data["breadcrumb"]["itemListElement"]) == 2


def test_pair_page_description_is_its_lead(site: dict[str, bytes]) -> None:
    description = json_ld(site[PAIR])["description"]
    # 46 of 67 against 42 is within noise: the lead says so, not that one passes more
    assert description == (
        "Gemma 4 12B and Gemma 4 26B A4B are level within noise on Vision Evals:"
        " Gemma 4 26B A4B passes 46 of 67 prompts, Gemma 4 12B 42. Gemma 4 12B answers"
        " Vision Evals prompts 4.4x faster than Gemma 4 26B A4B."
    )
    points = soup(site[PAIR]).select("ul.lead-points > li")
    assert description == " ".join(" ".join(li.get_text().split()) for li in points[:2])


def test_every_pair_page_names_its_two_models(
    site: dict[str, bytes], profiles: dict[str, Profile]
) -> None:
    pairs = [name for name in site if "-vs-" in name and name.endswith("/index.html")]
    assert len(pairs) == 10
    for name in pairs:
        a, b = name.removeprefix("compare/").removesuffix("/index.html").split("-vs-")
        data = json_ld(site[name])
        names = [profiles[a].name, profiles[b].name]
        assert [model["name"] for model in data["about"]] == names, name
        assert data["breadcrumb"]["itemListElement"][-1]["name"] == " vs ".join(names)


def test_not_found_page(site: dict[str, bytes]) -> None:
    data = json_ld(site[NOT_FOUND])
    assert data["name"] == "Page not found"
    assert data["description"] == "There is no page at this address."
    # served at every missing address, it has no URL of its own (nor a canonical link)
    assert "url" not in data
    assert soup(site[NOT_FOUND]).find("link", rel="canonical") is None
    assert "breadcrumb" not in data
    assert "mainEntity" not in data


def test_methodology_page(site: dict[str, bytes]) -> None:
    data = json_ld(site[METHODOLOGY])
    assert data["name"] == "How versus compares models"
    assert data["description"].startswith("How the figures are computed, what their intervals")
    assert data["url"] == f"{BASE}methodology/"
    assert "mainEntity" not in data


def test_compare_several_page(site: dict[str, bytes]) -> None:
    data = json_ld(site["compare/index.html"])
    assert data["@type"] == "WebPage"
    assert data["url"] == f"{BASE}compare/"
    assert data["url"] == canonical(site["compare/index.html"])


def test_json_ld_text_has_no_markup_characters(site: dict[str, bytes]) -> None:
    for name in (INDEX, MODEL, PAIR, NOT_FOUND, METHODOLOGY):
        (script,) = ld_scripts(site[name])
        raw = script.get_text()
        for character in "<>&'":
            assert character not in raw, (name, character)
    # An apostrophe in the data comes back from the escaped text.
    entity = json_ld(site["models/gemma-4-26b-a4b/index.html"])["mainEntity"]
    assert entity["description"].startswith("Google's mixture-of-experts")


# --- hostile text ---------------------------------------------------------------------

BREAKOUT = "</script><script>alert(1)</script>"

HOSTILE_CARD = f"""
name: 'Evil {BREAKOUT}'
organization: "AT&T's <!-- lab -->"
category: open
modality: vision
summary: 'Breaks out: {BREAKOUT} & <!-- <script>'
description: A model whose text tries to close the JSON-LD script element.
released: "2025-02-03"
license:
  name: '</SCRIPT ><img src=x onerror=alert(2)>'
capabilities:
  ocr: supported
sources:
  - title: tests/site/test_structured.py
"""


@pytest.fixture
def hostile_site(project: Path) -> tuple[dict[str, bytes], Catalog]:
    write(project, "models/evil.yaml", HOSTILE_CARD)
    catalog = load_project(project, DocumentCache(None))
    return render_site(catalog, project), catalog


@pytest.mark.parametrize(
    "name", [INDEX, "models/evil/index.html", "compare/evil-vs-florence-2/index.html"]
)
def test_hostile_name_cannot_leave_the_script_element(
    hostile_site: tuple[dict[str, bytes], Catalog], name: str
) -> None:
    site, _ = hostile_site
    html = site[name].decode()
    assert "alert(1)" in html  # the name is on the page...
    assert "<script>alert(1)" not in html  # ...but never as markup
    assert "<img src=x" not in html
    scripts = ld_scripts(html)
    assert len(scripts) == 1
    raw = scripts[0].get_text()
    assert "</" not in raw
    assert "<!--" not in raw
    for character in "<>&'":
        assert character not in raw
    data = json.loads(raw)
    names = [item["name"] for item in data.get("mainEntity", {}).get("itemListElement", [])]
    names += [data.get("mainEntity", {}).get("name", "")]
    names += [model["name"] for model in data.get("about", [])]
    assert f"Evil {BREAKOUT}" in names


def test_hostile_text_comes_back_exactly(hostile_site: tuple[dict[str, bytes], Catalog]) -> None:
    site, _ = hostile_site
    entity = json_ld(site["models/evil/index.html"])["mainEntity"]
    assert entity["name"] == f"Evil {BREAKOUT}"
    assert entity["author"] == {"@type": "Organization", "name": "AT&T's <!-- lab -->"}
    assert entity["description"] == f"Breaks out: {BREAKOUT} & <!-- <script>"
    assert entity["license"]["name"] == "</SCRIPT ><img src=x onerror=alert(2)>"
    assert entity["datePublished"] == "2025-02-03"


def test_hostile_pages_add_no_script_element(
    hostile_site: tuple[dict[str, bytes], Catalog], site: dict[str, bytes]
) -> None:
    hostile, _ = hostile_site
    # Each page has as many script elements as the same kind of page without the card.
    like = {
        INDEX: INDEX,
        "models/evil/index.html": MODEL,
        "compare/evil-vs-florence-2/index.html": PAIR,
    }
    for name, clean in like.items():
        scripts = soup(hostile[name]).find_all("script")
        assert len(scripts) == len(soup(site[clean]).find_all("script")), name
        for script in scripts:
            if script.get("type") != "application/ld+json":
                assert "alert" not in script.get_text(), name


# --- versus.site.structured, directly ------------------------------------------------------


def config_at(catalog: Catalog, base_url: str) -> SiteConfig:
    return catalog.config.model_copy(update={"base_url": base_url})


@pytest.mark.parametrize("base_url", ["https://example.org/sub", "https://example.org/sub/"])
def test_base_url_with_or_without_a_slash(
    catalog: Catalog, profiles: dict[str, Profile], base_url: str
) -> None:
    config = config_at(catalog, base_url)
    assert structured.website(config)["url"] == "https://example.org/sub/"
    entity = structured.model(profiles["paligemma"], config)
    assert entity["url"] == "https://example.org/sub/models/paligemma/"
    page = structured.plain_page("Not found", "Nothing here.", "404.html", config)
    assert page["url"] == "https://example.org/sub/404.html"


def test_model_without_release_or_license(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    profile = profiles["paligemma"]
    bare = profile.card.model_copy(update={"released": None, "license": None})
    entity = structured.model(replace(profile, card=bare), catalog.config)
    assert "datePublished" not in entity
    assert "license" not in entity
    assert entity["name"] == "PaliGemma"


def test_license_url_wins_over_its_name(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    assert (
        structured.model(profiles["florence-2"], catalog.config)["license"]
        == "https://opensource.org/license/mit"
    )
    assert structured.model(profiles["paligemma"], catalog.config)["license"] == {
        "@type": "CreativeWork",
        "name": "Gemma Terms of Use",
    }


def test_pair_page_in_the_order_given(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    models = [profiles["sam-clip"], profiles["florence-2"]]
    page = structured.pair_page(models, "compare/x/", "T", "D", catalog.config)
    assert [m["name"] for m in page["about"]] == ["SAM-CLIP", "Florence-2"]
    assert page["breadcrumb"]["itemListElement"][-1] == {
        "@type": "ListItem",
        "position": 2,
        "name": "SAM-CLIP vs Florence-2",
        "item": f"{BASE}compare/x/",
    }


def test_index_of_no_models(catalog: Catalog) -> None:
    page = structured.index_page(catalog.config, [])
    assert page["mainEntity"]["numberOfItems"] == 0
    assert page["mainEntity"]["itemListElement"] == []
    assert page["@context"] == structured.CONTEXT == "https://schema.org"


def test_every_description_is_json(catalog: Catalog, profiles: dict[str, Profile]) -> None:
    config = catalog.config
    every = list(profiles.values())
    pages = [
        structured.index_page(config, every),
        structured.model_page(every[0], "T", "D", config),
        structured.pair_page(every[:2], "compare/a-vs-b/", "T", "D", config),
        structured.plain_page("T", "D", "404.html", config),
    ]
    for page in pages:
        assert json.loads(json.dumps(page)) == page
        assert page["@context"] == "https://schema.org"
