"""Rendered pages of the tests' sample project, read back cell by cell through a parser."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import section_table, soup, table_rows, text, value_rows
from versus.build.pipeline import render_site
from versus.inputs.load import load_project
from versus.join import tables
from versus.join.formatting import Name, Sentence
from versus.site.render import sentence_html

PAIR = "compare/florence-2-vs-gemma-4-12b/index.html"


@pytest.fixture(scope="module")
def site(sample_project: Path) -> dict[str, bytes]:
    return render_site(load_project(sample_project), sample_project)


def test_site_has_every_page(site: dict[str, bytes]) -> None:
    pairs = [name for name in site if name.startswith("compare/") and "-vs-" in name]
    models = [name for name in site if name.startswith("models/")]
    assert len([name for name in pairs if name.endswith("/index.html")]) == 10
    assert [name for name in pairs if name.endswith(".csv")] == []  # CSVs are in the page
    assert len([name for name in models if name.endswith("/index.html")]) == 5
    assert len([name for name in site if name.startswith("api/pairs/")]) == 10
    for name in (
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "compare/index.html",
        "api/models.json",
        "llms.txt",
        "leaderboards/vision-evals.csv",
    ):
        assert name in site


def test_pair_page_score_table_cell_by_cell(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    assert page.h1 is not None
    assert text(page.h1) == "Florence-2 vs Gemma 4 12B"
    table = section_table(page, "scores")
    assert table_rows(table)[0] == ["Measure", "Florence-2", "Gemma 4 12B"]
    rows = value_rows(table)
    assert rows["Overall score"] == [("Not evaluated", "not-evaluated"), ("62.69%", "value")]
    assert rows["Prompts covered"] == [
        ("Not evaluated", "not-evaluated"),
        ("67 of 67 prompts", "value"),
    ]
    assert rows["Average response time"] == [
        ("Not evaluated", "not-evaluated"),
        ("6.88 s", "value"),
    ]
    assert rows["Defect Detection"] == [("Not evaluated", "not-evaluated"), ("73.3%", "value")]
    assert rows["Document Understanding"][1] == ("88.9%", "value")
    assert rows["Object Counting"][1] == ("10%", "value")
    assert rows["Object Understanding"][1] == ("78.6%", "value")
    assert rows["Spatial Understanding"][1] == ("57.9%", "value")
    # every body row has exactly one cell per model
    assert all(len(cells) == 2 for cells in rows.values())


def test_pair_page_band_is_written_in_text(site: dict[str, bytes]) -> None:
    table = section_table(soup(site[PAIR]), "scores")
    cell = table.find("td", class_="band--low")
    assert isinstance(cell, Tag)
    assert text(cell) == "10% 1/10 under 40%"


def test_capability_states_look_different(site: dict[str, bytes]) -> None:
    page = soup(site["compare/florence-2-vs-sam-clip/index.html"])
    rows = value_rows(section_table(page, "capabilities"))
    assert rows["Image captioning"] == [("Supported, try live", "demo"), ("Not supported", "no")]
    assert rows["Classification"] == [("Unknown", "unknown"), ("Supported", "supported")]
    assert rows["Instance segmentation"] == [("Supported", "supported"), ("Supported", "supported")]


def test_properties_table(site: dict[str, bytes]) -> None:
    page = soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"])
    rows = value_rows(section_table(page, "properties"))
    assert rows["Organization"] == [("Google", "value"), ("Google", "value")]
    assert rows["Context window"] == [("Unknown", "unknown"), ("256K tokens", "value")]
    assert rows["Input price per 1M tokens"] == [("Unknown", "unknown"), ("$0.06", "value")]
    assert rows["Parameters"] == [("12B", "value"), ("25.2B total, 3.8B active", "value")]


def test_leader_is_marked_in_text(site: dict[str, bytes]) -> None:
    table = section_table(soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"]), "scores")
    leaders = [text(td) for td in table.find_all("td", class_="is-leader")]
    assert "68.66% best 46/67 40% to 74%" in leaders
    assert "6.88 s best" in leaders


def test_pair_without_results_says_so(site: dict[str, bytes]) -> None:
    page = soup(site["compare/florence-2-vs-paligemma/index.html"])
    scores = page.find(id="scores")
    assert isinstance(scores, Tag)
    assert scores.find("table") is None
    assert "Neither model has results on Vision Evals." in scores.get_text()
    assert "share no task that can be tried live" in text(page)


def test_pair_page_links_only_to_its_two_models(site: dict[str, bytes]) -> None:
    page = soup(site["compare/florence-2-vs-gemma-4-26b-a4b/index.html"])
    main = page.find("main")
    assert isinstance(main, Tag)
    hrefs = {str(a["href"]) for a in main.find_all("a")}
    # the compare-several page, with the pair's own two ids: the link does not grow either
    hrefs.remove("../../compare/?m=florence-2,gemma-4-26b-a4b")
    assert not any("compare/" in href for href in hrefs)
    assert "../../models/florence-2/" in hrefs
    assert "../../models/gemma-4-26b-a4b/" in hrefs


def test_model_page_lists_all_its_comparisons(site: dict[str, bytes]) -> None:
    page = soup(site["models/paligemma/index.html"])
    section = page.find(id="comparisons")
    assert isinstance(section, Tag)
    links = [(text(a), str(a["href"])) for a in section.find_all("a")]
    assert links == [
        ("PaliGemma vs Florence-2", "../../compare/florence-2-vs-paligemma/"),
        ("PaliGemma vs Gemma 4 12B", "../../compare/gemma-4-12b-vs-paligemma/"),
        ("PaliGemma vs Gemma 4 26B A4B", "../../compare/gemma-4-26b-a4b-vs-paligemma/"),
        ("PaliGemma vs SAM-CLIP", "../../compare/paligemma-vs-sam-clip/"),
    ]


def test_index_leaderboard_ranks_by_overall(site: dict[str, bytes]) -> None:
    page = soup(site["index.html"])
    board = section_table(page, "leaderboards")
    rows = table_rows(board)
    assert rows[0] == [
        "Rank",
        "Model",
        "Overall score",
        "Average response time",
        "Estimated cost per task",
    ]
    assert [r[:2] for r in rows[1:]] == [["1", "Gemma 4 26B A4B"], ["2", "Gemma 4 12B"]]
    assert rows[2][4] == "Not reported no token figures"


def test_index_reaches_every_pair(site: dict[str, bytes]) -> None:
    section = soup(site["index.html"]).find(id="comparisons")
    assert isinstance(section, Tag)
    hrefs = sorted(str(a["href"]) for a in section.find_all("a"))
    assert hrefs == sorted(
        name.removesuffix("index.html")
        for name in site
        if name.startswith("compare/") and name.endswith("index.html")
    )


def test_every_internal_link_resolves(site: dict[str, bytes]) -> None:
    for name, data in site.items():
        if not name.endswith(".html") or name == "404.html":
            continue
        for tag in soup(data).find_all(["a", "link"]):
            href = str(tag.get("href", "")).split("#")[0].split("?")[0]
            if not href or href.startswith(("http://", "https://", "mailto:", "data:text/csv;")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
            if href.endswith("/") or target == ".":
                target = posixpath.normpath(posixpath.join(target, "index.html"))
            assert target in site, f"{name}: broken link {href}"


def test_titles_and_descriptions_are_unique(site: dict[str, bytes]) -> None:
    pages = [soup(data) for name, data in site.items() if name.endswith(".html")]
    titles = [text(p.title) for p in pages if p.title]
    assert len(titles) == len(set(titles)) == len(pages)


def test_canonical_urls_use_the_base_url(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    canonical = page.find("link", rel="canonical")
    assert isinstance(canonical, Tag)
    assert canonical["href"] == "https://versus.example.org/compare/florence-2-vs-gemma-4-12b/"


def test_sitemap_and_robots(site: dict[str, bytes]) -> None:
    sitemap = site["sitemap.xml"].decode()
    assert sitemap.count("<loc>") == 16
    assert "<loc>https://versus.example.org/compare/florence-2-vs-sam-clip/</loc>" in sitemap
    assert "404" not in sitemap
    assert "Sitemap: https://versus.example.org/sitemap.xml" in site["robots.txt"].decode()


def test_404_page_links_from_the_site_root(site: dict[str, bytes]) -> None:
    page = soup(site["404.html"])
    stylesheet = page.find("link", rel="stylesheet")
    assert isinstance(stylesheet, Tag)
    assert stylesheet["href"] == "/assets/style.css"


def test_a_suite_methodology_is_printed_once_under_its_leaderboard(site: dict[str, bytes]) -> None:
    index = soup(site["index.html"])
    methodology = index.find("section", id="methodology-vision-evals")
    assert isinstance(methodology, Tag)
    assert methodology.find_parent("section", id="leaderboards") is not None
    assert text(methodology.h4) == "How Vision Evals is run and scored"  # type: ignore[arg-type]
    assert "Median input tokens" in text(methodology)  # the suite's own Markdown
    for name in (PAIR, "models/gemma-4-12b/index.html"):
        page = soup(site[name])
        assert page.find(id="methodology-vision-evals") is None
        (note,) = page.select("#scores p.methodology-note")
        assert text(note).startswith(
            "Scores are passed prompts over the prompts a run covered. Token and cost figures"
            " are shown only for runs that covered at least 90% of the prompts."
        )
        link = note.find("a")
        assert isinstance(link, Tag)
        # the home page (the site's top folder), at the methodology
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), str(link["href"])))
        assert target == "#methodology-vision-evals"


GEMMAS = "compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"


def provenance_items(page: BeautifulSoup) -> dict[str, Tag]:
    """Model name -> its item of the line under the score table."""
    (provenance,) = page.select("#scores ul.provenance")
    items = provenance.find_all("li", recursive=False)
    return {text(item.strong): item for item in items}  # type: ignore[arg-type]


def flat(node: Tag) -> str:
    """The text of ``node`` as read, inline tags adding no space."""
    return " ".join(node.get_text().split())


def notes_of(item: Tag) -> list[str]:
    return [text(li) for li in item.select("ul.run-notes > li")]


def test_result_notes_are_shown_under_the_score_table(site: dict[str, bytes]) -> None:
    items = provenance_items(soup(site[GEMMAS]))
    assert list(items) == ["Gemma 4 12B", "Gemma 4 26B A4B"]
    twelve = notes_of(items["Gemma 4 12B"])
    assert len(twelve) == 3
    assert twelve[0] == "The sources do not give the date of this run."
    assert twelve[1].startswith("No median token counts or cost per task are reported")
    assert notes_of(items["Gemma 4 26B A4B"])[2] == (
        "The stated cost per task ($0.0001) is rounded; the card's prices give"
        " $0.00008826 (294 x 0.06 + 214 x 0.33 per million)."
    )
    # the provenance text itself is unchanged, notes follow it
    assert flat(items["Gemma 4 12B"]).startswith("Gemma 4 12B: measured, run date not stated;")


def test_result_notes_are_shown_on_the_model_page(site: dict[str, bytes]) -> None:
    items = provenance_items(soup(site["models/gemma-4-26b-a4b/index.html"]))
    assert list(items) == ["Gemma 4 26B A4B"]
    assert notes_of(items["Gemma 4 26B A4B"])[:2] == [
        "The sources do not give the date of this run.",
        "The source page shows these figures under Florence-2's column; cross-checking"
        " the pages places them with Gemma 4 26B A4B.",
    ]


def test_a_column_without_notes_has_no_notes_list(site: dict[str, bytes]) -> None:
    items = provenance_items(soup(site[PAIR]))
    assert flat(items["Florence-2"]) == "Florence-2: not evaluated on this suite."
    assert items["Florence-2"].select("ul") == []
    assert len(notes_of(items["Gemma 4 12B"])) == 3


def test_result_notes_are_escaped(project: Path) -> None:
    path = project / "evals/vision-evals/gemma-4-12b.yaml"
    written = path.read_text(encoding="utf-8")
    note = "A <b>bold</b> claim & a <script>alert(1)</script>"
    path.write_text(written + f"  - {json.dumps(note)}\n", encoding="utf-8")
    site = render_site(load_project(project), project)
    items = provenance_items(soup(site["models/gemma-4-12b/index.html"]))
    (item,) = items.values()
    assert notes_of(item)[-1] == note
    assert item.find("b") is None
    assert item.find("script") is None


def test_cells_carry_their_state_as_a_class_unless_plain(site: dict[str, bytes]) -> None:
    page = soup(site[PAIR])
    cells = page.select("#capabilities td") + page.select("#scores td")
    classes = {tuple(td.get("class") or ()) for td in cells}
    assert ("cell--supported",) in classes
    assert ("cell--not-evaluated",) in classes
    assert ("band--high",) in classes or ("band--mid",) in classes
    assert not any("cell--value" in names for names in classes)
    # the icon is the stylesheet's: no element of its own in a table cell
    assert page.select("td .icon") == []


def test_what_each_capability_means_is_said_once_on_the_home_page(
    site: dict[str, bytes], sample_project: Path
) -> None:
    config = load_project(sample_project).config
    described = [cap for group in config.taxonomy for cap in group.capabilities if cap.description]
    assert described
    index = soup(site["index.html"])
    glossary = index.find("section", id="capability-glossary")
    assert isinstance(glossary, Tag)
    for cap in described:
        term = glossary.find("dt", id=f"capability-{cap.id}")
        assert isinstance(term, Tag), cap.id
        assert text(term) == cap.label
        definition = term.find_next_sibling("dd")
        assert isinstance(definition, Tag)
        assert text(definition) == cap.description
    # a pair page names the capabilities and links to their meaning; a model page says it
    pair = soup(site[PAIR])
    assert pair.select("#capabilities .row-note") == []
    (link,) = [a for a in pair.select("#capabilities a") if "#capability-" in str(a["href"])]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(PAIR), str(link["href"])))
    assert target == "#capability-glossary"
    model = soup(site["models/florence-2/index.html"])
    notes = [text(note) for note in model.select("#capabilities .row-note")]
    assert notes == [cap.description for cap in described]


def test_the_glossary_leaves_out_what_the_taxonomy_does_not_describe(
    sample_project: Path,
) -> None:
    config = load_project(sample_project).config
    first, *rest = config.taxonomy
    bare = first.model_copy(
        update={
            "capabilities": [c.model_copy(update={"description": None}) for c in first.capabilities]
        }
    )
    glossary = tables.glossary(config.model_copy(update={"taxonomy": [bare, *rest]}))
    assert [label for label, _ in glossary] == [group.label for group in rest]
    assert tables.glossary(config.model_copy(update={"taxonomy": [bare]})) == ()


def test_sentence_html_isolates_names_and_escapes_everything() -> None:
    sentence = Sentence(Name("<A>"), " & ", Name("B"), " <tie>.")
    assert sentence_html(sentence) == "<bdi>&lt;A&gt;</bdi> &amp; <bdi>B</bdi> &lt;tie&gt;."
    assert sentence_html("plain <text>") == "plain &lt;text&gt;"
