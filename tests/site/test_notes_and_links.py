"""Data notes apart from the reader's text, "try live" only as a link to a demo, and every
price and score table linked to its source with the date it was read: read back from the
rendered pages through a parser (issue #18, items 2 and 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import section_table, soup, text
from support import fixture_project
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

FLORENCE_DEMO = "https://demo.example.org/florence-2"
FLORENCE_OCR = "https://demo.example.org/florence-2/ocr"
PRICES = "https://prices.example.org/gemma"
EVALS = "https://evals.example.org/vision"
NOTES = [
    "The organization cell is empty in the source table.",
    "The <b>large</b> size comes from the pages' description.",
]
PAIR = "compare/florence-2-vs-gemma-4-26b-a4b/index.html"
FLORENCE = "models/florence-2/index.html"
GEMMA = "models/gemma-4-26b-a4b/index.html"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The tests' catalog, with Florence-2 given demo addresses (one for the model, one for
    OCR) and data notes, and Gemma 4 26B A4B's price and run given sources that are online
    and read on a known day, the price without a date of its own."""
    root = fixture_project(tmp_path_factory.mktemp("notes") / "project")
    florence = root / "models/florence-2.yaml"
    edit(florence, "links:\n", f"links:\n  demo: {FLORENCE_DEMO}\n")
    with florence.open("a") as card:
        card.write(f"demos:\n  ocr: {FLORENCE_OCR}\n")
        card.write("data_notes:\n" + "".join(f"  - {json.dumps(note)}\n" for note in NOTES))
    edit(
        root / "models/gemma-4-26b-a4b.yaml",
        '  as_of: "2026-11"\n',
        f'  url: {PRICES}\n  read: "2026-11-22"\n',
    )
    edit(
        root / "evals/vision-evals/gemma-4-26b-a4b.yaml",
        "categories:\n",
        f'  url: {EVALS}\n  read: "2026-11-22"\ncategories:\n',
    )
    return render_site(load_project(root), root)


def capability_cell(page: BeautifulSoup, label: str, column: int) -> Tag:
    table = section_table(page, "capabilities")
    for head in table.find_all("th", scope="row"):
        if text(head) == label:
            assert isinstance(head.parent, Tag)
            cell = head.parent.find_all("td")[column]
            assert isinstance(cell, Tag)
            return cell
    raise AssertionError(f"no row {label!r}")


def test_try_live_is_a_link_to_the_cards_demo_address(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    captioning = capability_cell(page, "Image captioning", 0)
    link = captioning.find("a")
    assert isinstance(link, Tag)
    assert (text(link), link["href"]) == ("Supported, try live", FLORENCE_DEMO)
    assert "cell--demo" in captioning["class"]
    # a capability's own address before the model's
    ocr = capability_cell(page, "OCR", 0).find("a")
    assert isinstance(ocr, Tag)
    assert ocr["href"] == FLORENCE_OCR


def test_a_demo_without_an_address_is_plain_text(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    cell = capability_cell(page, "Image captioning", 1)  # Gemma 4 26B A4B: no address
    assert "cell--demo" in cell["class"]
    assert cell.find("a") is None
    assert text(cell) == "Supported, live demo"
    # no words inviting a click lead nowhere, anywhere on the page
    for node in page.find_all(string=lambda s: s is not None and "try live" in s.lower()):
        assert node.find_parent("a") is not None, node


def test_the_index_matrix_shows_a_demo_by_its_icon_not_as_a_link(
    site: dict[str, bytes],
) -> None:
    page = soup(site["index.html"])
    cells = page.select(".matrix td.cell--demo")
    assert cells
    assert all(cell.find("a") is None and text(cell) == "Supported, live demo" for cell in cells)


def data_notes(page: BeautifulSoup) -> Tag:
    section = page.find("section", id="data-notes")
    assert isinstance(section, Tag)
    return section


def test_data_notes_close_the_model_page_collapsed_and_apart_from_its_text(
    site: dict[str, bytes],
) -> None:
    page = soup(site[FLORENCE])
    section = data_notes(page)
    article = page.find("article", class_="model")
    assert isinstance(article, Tag)
    assert article.find_all("section", recursive=False)[-1] is section
    assert section.h2 is not None
    assert text(section.h2) == "Data notes"
    details = section.find("details")
    assert isinstance(details, Tag)
    assert not details.has_attr("open")
    assert details.summary is not None
    assert [text(li) for li in details.find_all("li")] == NOTES  # escaped, as written
    assert details.find("b") is None
    overview = page.find(id="overview")
    assert isinstance(overview, Tag)
    assert "organization cell" not in text(overview)


def test_a_pair_page_lists_each_models_data_notes_under_its_name(
    site: dict[str, bytes],
) -> None:
    section = data_notes(soup(site[PAIR]))
    assert [text(h3) for h3 in section.find_all("h3")] == ["Florence-2"]
    assert [text(li) for li in section.find_all("li")] == NOTES


def test_no_data_notes_section_without_notes(site: dict[str, bytes]) -> None:
    for name in (GEMMA, "compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"):
        assert soup(site[name]).find(id="data-notes") is None


def test_a_price_shows_the_date_its_source_gives_and_links_its_source(
    site: dict[str, bytes],
) -> None:
    page = soup(site[PAIR])
    table = section_table(page, "properties")
    [price] = [tr for tr in table.find_all("tr") if "Input price" in text(tr)]
    assert [text(td) for td in price.find_all("td")] == ["Unknown", "$0.06 no date given"]
    assert "2026" not in text(price)  # the day the price was read is not the price's date
    line = page.select_one("#properties p.provenance")
    assert line is not None
    link = line.find("a")
    assert isinstance(link, Tag)
    assert link["href"] == PRICES
    assert text(line).startswith("Prices: Gemma 4 26B A4B from Source comparison page")
    assert text(line).endswith(", read 22 Nov 2026.")


def test_a_card_without_a_price_has_no_price_line(site: dict[str, bytes]) -> None:
    page = soup(site["compare/florence-2-vs-paligemma/index.html"])
    assert page.select("#properties .provenance") == []


def test_each_score_table_links_the_source_of_each_column(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    [line] = page.select("#scores ul.provenance > li")[1:]
    link = line.find("a")
    assert isinstance(link, Tag)
    assert link["href"] == EVALS
    assert ", read 22 Nov 2026." in text(line)


def json_ld(html: bytes) -> dict[str, Any]:
    script = soup(html).find("script", type="application/ld+json")
    assert isinstance(script, Tag)
    data = json.loads(script.get_text())
    assert isinstance(data, dict)
    return data


def test_json_ld_names_the_sources_of_the_figures(site: dict[str, bytes]) -> None:
    based_on = json_ld(site[PAIR])["isBasedOn"]
    assert [work["url"] for work in based_on] == [PRICES, EVALS]
    assert all(work["@type"] == "CreativeWork" and work["name"] for work in based_on)
    florence = json_ld(site[FLORENCE])
    assert florence["mainEntity"]["citation"][1] == {
        "@type": "CreativeWork",
        "name": "Florence-2: Advancing a Unified Representation for a Variety of Vision "
        "Tasks (paper)",
        "url": "https://arxiv.org/abs/2311.06242",
    }
    assert "isBasedOn" not in florence  # no price, no run: no figure to base on
    # the pages that rank every run rest on their sources too: the index and the suite's
    for page in ("index.html", "evals/vision-evals/index.html"):
        assert EVALS in [work["url"] for work in json_ld(site[page])["isBasedOn"]], page


def test_models_json_gives_demo_addresses_notes_and_read_dates(
    site: dict[str, bytes],
) -> None:
    data = json.loads(site["api/models.json"])
    assert data["schema_version"] == 6
    assert data["capability_cells"]["demo"]["text"] == "Supported, live demo"
    assert data["demo_link_text"] == "Supported, try live"
    models = {model["id"]: model for model in data["models"]}
    florence = models["florence-2"]
    assert florence["demos"] == {
        "captioning": FLORENCE_DEMO,
        "ocr": FLORENCE_OCR,
        "object-detection": FLORENCE_DEMO,
    }
    assert florence["links"]["demo"] == FLORENCE_DEMO
    assert florence["data_notes"] == NOTES
    gemma = models["gemma-4-26b-a4b"]
    assert gemma["demos"] == {}
    assert gemma["pricing"]["as_of"] is None
    assert gemma["pricing"]["read"] == "2026-11-22"
    run = gemma["runs"]["vision-evals"]
    assert run["source"]["read"] == "2026-11-22"
    assert run["provenance_line"]["source_read"] == "22 Nov 2026"
