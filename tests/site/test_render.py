"""Rendered pages of the tests' sample project, read back cell by cell through a parser."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import section_table, soup, state_of, table_rows, text, value_rows
from support import write
from synthetic import result
from versus.build.pipeline import render_site
from versus.inputs.load import load_project
from versus.join import claims, stats, tables
from versus.join.columns import MEASURE_LABELS, Measure
from versus.join.formatting import Name, Sentence
from versus.site import plan
from versus.site.render import sentence_html
from versus.site.views import SiteViews

PAIR = "compare/florence-2-vs-gemma-4-12b/index.html"


@pytest.fixture(scope="module")
def site(sample_project: Path) -> dict[str, bytes]:
    return render_site(load_project(sample_project), sample_project)


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_site_has_every_page(site: dict[str, bytes]) -> None:
    pairs = [name for name in site if name.startswith("compare/") and "-vs-" in name]
    models = [name for name in site if name.startswith("models/")]
    assert len([name for name in pairs if name.endswith("/index.html")]) == 10
    assert [name for name in pairs if name.endswith(".csv")] == []  # CSVs are in the page
    assert len([name for name in models if name.endswith("/index.html")]) == 5
    assert [name for name in site if name.startswith("api/pairs/")] == []  # no file per pair
    assert len([name for name in site if name.startswith("api/outcomes/")]) == 5
    for name in (
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "compare/index.html",
        "methodology/index.html",
        "api/models.json",
        "llms.txt",
        "leaderboards/vision-evals.csv",
    ):
        assert name in site


def test_the_home_page_heading_says_what_any_catalog_holds(project: Path) -> None:
    """The theme serves every project: its home page's heading is the page's own title,
    not a claim about the kind of models one catalog holds ("vision and vision-language
    models" over a catalog of text models)."""
    config = project / "versus.yaml"
    config.write_text(
        config.read_text("utf-8").replace("title: versus\n", "title: Text models\n"), "utf-8"
    )
    page = soup(render_site(load_project(project), project)["index.html"])
    heading, title = page.h1, page.title
    assert heading is not None
    assert title is not None
    assert text(heading) == "Models, leaderboards and comparisons"
    assert text(title) == "Models, leaderboards and comparisons · Text models"


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
    # the value, its counts and their 95% interval, then the band in words
    assert text(cell) == "10% 1/10, 95% CI 1.8\u201340.4% under 40%"
    band = cell.find("small", class_="band")
    assert isinstance(band, Tag)
    assert text(band) == "under 40%"


def test_capability_states_look_different(site: dict[str, bytes]) -> None:
    page = soup(site["compare/florence-2-vs-sam-clip/index.html"])
    rows = value_rows(section_table(page, "capabilities"))
    # no demo address in these cards: plain text, no "try live" that leads nowhere
    assert rows["Image captioning"] == [("Supported, live demo", "demo"), ("Not supported", "no")]
    assert rows["Classification"] == [("Unknown", "unknown"), ("Supported", "supported")]
    assert rows["Instance segmentation"] == [("Supported", "supported"), ("Supported", "supported")]


def test_properties_table(site: dict[str, bytes]) -> None:
    page = soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"])
    rows = value_rows(section_table(page, "properties"))
    assert rows["Organization"] == [("Google", "value"), ("Google", "value")]
    assert rows["Context window"] == [("Unknown", "unknown"), ("256K tokens", "value")]
    assert rows["Input price per 1M tokens"] == [("Unknown", "unknown"), ("$0.06", "value")]
    assert rows["Parameters"] == [("12B", "value"), ("25.2B total, 3.8B active", "value")]


def row_of(table: Tag, label: str) -> Tag:
    """The body row of ``table`` whose label (its note aside) is ``label``."""
    for th in table.find_all("th", scope="row"):
        if str(th.find(string=True, recursive=False)).strip() == label:
            row = th.parent
            assert isinstance(row, Tag)
            return row
    raise AssertionError(f"no row {label!r}")


def note_of(row: Tag) -> str:
    """The note under a row's label: what it says when no value leads it."""
    notes = row.select("th .row-note")
    assert len(notes) <= 1
    return text(notes[0]) if notes else ""


def test_leader_is_marked_in_text(site: dict[str, bytes]) -> None:
    table = section_table(soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"]), "scores")
    leaders = [text(td) for td in table.find_all("td", class_="is-leader")]
    assert "6.88 s best" in leaders  # 30.23 s is 4.4 times it
    # 46 of 67 against 42 of 67 is within noise: neither score is marked best, in words
    overall = row_of(table, "Overall score")
    assert overall.select("td.is-leader, td strong") == []
    assert note_of(overall) == claims.LEVEL
    assert note_of(row_of(table, "Average response time")) == ""


def weaker_gemma(project: Path) -> Path:
    """The sample with Gemma 4 12B passing far fewer prompts than Gemma 4 26B A4B
    (19 of 67 against 46) but as many of Document Understanding (8 of 9 each)."""
    counts = {
        "defect-detection": (3, 15),
        "document-understanding": (8, 9),
        "object-counting": (1, 10),
        "object-understanding": (3, 14),
        "spatial-understanding": (4, 19),
    }
    write(project, "evals/vision-evals/gemma-4-12b.yaml", result(counts, "6.88"))
    return project


def test_a_score_leads_only_beyond_noise(project: Path) -> None:
    site = render_site(load_project(weaker_gemma(project)), project)
    page = soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"])
    table = section_table(page, "scores")
    overall = row_of(table, "Overall score")
    assert [text(td) for td in overall.find_all("td")] == [
        "28.36% 19/67, 95% CI 19.0\u201340.1% under 40%",
        "68.66% best 46/67, 95% CI 56.8\u201378.5% 40% to 74%",
    ]
    assert [td.get("class") for td in overall.find_all("td")] == [
        ["band--low"],
        ["band--mid", "is-leader"],
    ]
    assert note_of(overall) == ""
    # a tie leads nothing and says so
    document = row_of(table, "Document Understanding")
    assert document.select("td.is-leader") == []
    assert note_of(document) == claims.LEVEL
    # a model page's one column leads nothing and notes nothing
    model = section_table(soup(site["models/gemma-4-26b-a4b/index.html"]), "scores")
    assert model.select("td.is-leader, th .row-note") == []


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
        "Prompts covered",
        "Average response time",
        "Estimated cost per task",
    ]
    assert [r[:2] for r in rows[1:]] == [["1", "Gemma 4 26B A4B"], ["2", "Gemma 4 12B"]]
    assert [r[3] for r in rows[1:]] == ["67 of 67 prompts", "67 of 67 prompts"]
    assert rows[2][5] == "Not reported no token figures"


def test_prompts_covered_is_what_each_run_covered(project: Path) -> None:
    """A run that skipped prompts says so on the leaderboard, page and CSV."""
    counts = {
        "defect-detection": (12, 15),
        "document-understanding": (8, 9),
        "object-counting": (1, 10),
        "object-understanding": (12, 14),
    }  # no spatial understanding: 48 of the 67 prompts
    write(project, "evals/vision-evals/gemma-4-26b-a4b.yaml", result(counts, "30.23"))
    site = render_site(load_project(project), project)
    rows = table_rows(section_table(soup(site["index.html"]), "leaderboards"))
    covered = {row[1]: row[3] for row in rows[1:]}
    assert covered == {"Gemma 4 26B A4B": "48 of 67 prompts", "Gemma 4 12B": "67 of 67 prompts"}
    board = read_csv(site["leaderboards/vision-evals.csv"])
    column = board[0].index(MEASURE_LABELS[Measure.COVERED])
    assert {row[1]: row[column] for row in board[1:3]} == covered
    assert board[0][column + 1] == f"{MEASURE_LABELS[Measure.COVERED]} detail"
    # and as two numbers, for a spreadsheet to compute with
    counts_at = board[0].index("Prompts covered count")
    assert board[0][counts_at + 1] == "Prompts in suite"
    numbers = {row[1]: (row[counts_at], row[counts_at + 1]) for row in board[1:3]}
    assert numbers == {"Gemma 4 26B A4B": ("48", "67"), "Gemma 4 12B": ("67", "67")}


def leaderboard_ranks(site: dict[str, bytes]) -> list[tuple[str, str]]:
    rows = table_rows(section_table(soup(site["index.html"]), "leaderboards"))
    return [(row[0], row[1]) for row in rows[1:]]


def test_equal_scores_share_a_rank(project: Path) -> None:
    # Florence-2 passes 42 of 67 prompts, as Gemma 4 12B does; PaliGemma fewer
    florence = {
        "defect-detection": (10, 15),
        "document-understanding": (6, 9),
        "object-counting": (4, 10),
        "object-understanding": (10, 14),
        "spatial-understanding": (12, 19),
    }
    paligemma = {key: (passed // 2, total) for key, (passed, total) in florence.items()}
    write(project, "evals/vision-evals/florence-2.yaml", result(florence, "5.1"))
    write(project, "evals/vision-evals/paligemma.yaml", result(paligemma, "2.5"))
    site = render_site(load_project(project), project)
    expected = [
        ("1", "Gemma 4 26B A4B"),
        ("2", "Florence-2"),  # equal scores: by name
        ("2", "Gemma 4 12B"),
        ("4", "PaliGemma"),
    ]
    assert leaderboard_ranks(site) == expected
    board = read_csv(site["leaderboards/vision-evals.csv"])
    assert [(row[0], row[1]) for row in board[1:5]] == expected
    assert [row[3] for row in board[1:5]] == ["68.66%", "62.69%", "62.69%", "31.34%"]
    assert board[5][:2] == ["", "SAM-CLIP"]  # not evaluated: no rank
    # a board cut to its top keeps every row tied at the cut, and counts what it leaves out
    (full,) = SiteViews(load_project(project)).leaderboards()
    assert [row.rank for row in full.top(2).rows] == [1, 2, 2]
    assert (full.top(2).more, full.top(2).ranked) == (1, 4)
    assert [row.rank for row in full.top(1).rows] == [1]
    # the models without a run are named while they are no more than the top, else counted
    assert [p.name for p in full.top(1).unevaluated] == ["SAM-CLIP"]
    twice = replace(full, unevaluated=full.unevaluated * 2).top(1)
    assert (twice.unevaluated, twice.unlisted) == ((), 2)


def test_the_index_leads_to_every_pair_through_the_comparisons_page(
    site: dict[str, bytes],
) -> None:
    index = soup(site["index.html"])
    section = index.find(id="comparisons")
    assert isinstance(section, Tag)
    # the picker comes first in the content, before the models table; no pair is linked
    main = index.find("main")
    assert isinstance(main, Tag)
    sections = [str(s["id"]) for s in main.find_all("section", recursive=False)]
    assert sections == ["comparisons", "models", "capabilities", "leaderboards"]
    assert section.find("form", class_="picker") is not None
    hrefs = sorted(str(a["href"]) for a in section.find_all("a"))
    assert hrefs == ["compare/", "comparisons/"]
    link = section.find("a", href="comparisons/")
    assert isinstance(link, Tag)
    assert text(link) == "All 10 comparisons"
    page = soup(site["comparisons/index.html"])
    listed = sorted(str(a["href"]) for a in page.select("#pairs a"))
    assert listed == sorted(
        "../" + name.removesuffix("index.html")
        for name in site
        if name.startswith("compare/") and "-vs-" in name
    )
    pair = page.find("a", href="../compare/florence-2-vs-sam-clip/")
    assert isinstance(pair, Tag)
    assert text(pair) == "Florence-2 vs SAM-CLIP"
    assert page.find("form", class_="picker") is not None


def test_index_tells_open_weights_from_research_without_weights(
    site: dict[str, bytes],
) -> None:
    page = soup(site["index.html"])
    select = page.select_one("#model-filters select[name=category]")
    assert isinstance(select, Tag)
    offered = [(str(o["value"]), text(o)) for o in select.find_all("option")]
    assert offered == [
        ("", "Any"),
        ("open-weights", "Open weights (4)"),
        ("research", "Research, no weights released (1)"),
    ]
    row = page.select_one("#models tr[data-model=sam-clip]")
    assert isinstance(row, Tag)
    assert row["data-category"] == "research"
    assert "Research, no weights released" in [text(td) for td in row.find_all("td")]


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


def test_sitemap_and_robots(site: dict[str, bytes], sample_project: Path) -> None:
    sitemap = site["sitemap.xml"].decode()
    catalog = load_project(sample_project)
    # the index, the capability matrix, the methodology, the suite, 5 models and 10 pairs
    entries = plan.sitemap_entries(catalog.models, catalog.suites)
    assert sitemap.count("<loc>") == len(entries) == 19
    assert "<loc>https://versus.example.org/compare/florence-2-vs-sam-clip/</loc>" in sitemap
    assert "<loc>https://versus.example.org/methodology/</loc>" in sitemap
    assert "<loc>https://versus.example.org/compare/</loc>" not in sitemap
    assert "404" not in sitemap
    assert "Sitemap: https://versus.example.org/sitemap.xml" in site["robots.txt"].decode()


def test_404_page_links_from_the_site_root(site: dict[str, bytes]) -> None:
    page = soup(site["404.html"])
    stylesheet = page.find("link", rel="stylesheet")
    assert isinstance(stylesheet, Tag)
    assert stylesheet["href"] == "/assets/style.css"


def not_found_parts(page: BeautifulSoup) -> tuple[Tag, dict[str, str], Tag]:
    """The 404 page's box (the pair pattern), its data (id -> name) and its script."""
    box = page.find(id="not-found")
    data = page.find("script", id="not-found-models")
    script = page.find("script", src=re.compile(r"notfound\.js$"))
    assert isinstance(box, Tag)
    assert isinstance(data, Tag)
    assert isinstance(script, Tag)
    assert data["type"] == "application/json"
    names: dict[str, str] = json.loads(data.get_text())
    return box, names, script


def test_404_page_gives_its_script_the_pair_pattern_and_every_model(
    site: dict[str, bytes],
) -> None:
    box, names, script = not_found_parts(soup(site["404.html"]))
    assert box["data-pair"] == "/compare/{a}-vs-{b}/"  # versus.urls.PAIR, from the root
    assert script["src"] == "/assets/notfound.js"
    assert "assets/notfound.js" in site
    assert names == {
        "florence-2": "Florence-2",
        "gemma-4-12b": "Gemma 4 12B",
        "gemma-4-26b-a4b": "Gemma 4 26B A4B",
        "paligemma": "PaliGemma",
        "sam-clip": "SAM-CLIP",
    }
    # without scripts the page says how a pair's address is ordered
    assert "alphabetical order" in text(box)
    assert "/compare/alpha-vs-beta/" in text(box)
    status = box.find(class_="not-found-pair")
    assert isinstance(status, Tag)
    assert status["role"] == "status"
    assert text(status) == ""


def test_404_page_under_a_base_path_and_with_markup_in_a_name(
    sample_project: Path, tmp_path: Path
) -> None:
    catalog = load_project(sample_project)
    config = catalog.config.model_copy(update={"base_url": "https://example.org/sub/"})
    card = catalog.models["paligemma"].model_copy(update={"name": "Pali</script><b>x</b>"})
    catalog = replace(catalog, config=config, models={**catalog.models, "paligemma": card})
    html = render_site(catalog, sample_project)["404.html"]
    box, names, script = not_found_parts(soup(html))
    assert box["data-pair"] == "/sub/compare/{a}-vs-{b}/"
    assert script["src"] == "/sub/assets/notfound.js"
    assert names["paligemma"] == "Pali</script><b>x</b>"  # data, escaped: no element
    assert b"</script><b>" not in html


def test_a_suite_methodology_is_printed_under_its_leaderboard_and_on_its_page(
    site: dict[str, bytes],
) -> None:
    index = soup(site["index.html"])
    methodology = index.find("details", id="methodology-vision-evals")  # collapsed
    assert isinstance(methodology, Tag)
    assert methodology.find_parent("section", id="leaderboards") is not None
    summary = methodology.summary
    assert text(summary) == "How Vision Evals is run and scored"  # type: ignore[arg-type]
    assert "Median input tokens" in text(methodology)  # the suite's own Markdown
    for name in (PAIR, "models/gemma-4-12b/index.html"):
        page = soup(site[name])
        assert page.find(id="methodology-vision-evals") is None
        (note,) = page.select("#scores p.methodology-note")
        assert text(note).startswith(
            "Scores are passed prompts over the prompts a run covered. Token and cost figures"
            " are shown, and response times compared, only for runs that covered at least 90%"
            " of the prompts."
        )
        link = note.find("a")
        assert isinstance(link, Tag)
        # the suite's page, at its method
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), str(link["href"])))
        assert target == "evals/vision-evals/#method"
    method = soup(site["evals/vision-evals/index.html"]).find("section", id="method")
    assert "Median input tokens" in text(method)  # type: ignore[arg-type]


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
    assert ("cell--not-evaluated", "gap") in classes  # one cell down the column of no run
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
    glossary = index.find("details", id="capability-glossary")  # collapsed under the matrix
    assert isinstance(glossary, Tag)
    assert glossary.find_parent("section", id="capabilities") is not None
    assert text(glossary.summary) == "What each capability means"  # type: ignore[arg-type]
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


def test_the_capability_matrix_has_a_page_with_the_filters(site: dict[str, bytes]) -> None:
    """Every site has the matrix's page (the index of a large catalog links it instead of
    holding the matrix): the same rows as the index's matrix, the index's filters, and the
    way to what each capability means."""
    index = soup(site["index.html"]).select_one("table.matrix")
    page = soup(site["capabilities/index.html"])
    matrix = page.select_one("#capabilities table.matrix")
    assert isinstance(index, Tag)
    assert isinstance(matrix, Tag)
    assert table_rows(matrix) == table_rows(index)
    assert [[state_of(td) for td in tr.find_all("td")] for tr in matrix.select("tbody tr")] == [
        [state_of(td) for td in tr.find_all("td")] for tr in index.select("tbody tr")
    ]
    assert len(matrix.select("tbody tr[data-license]")) == 5
    assert page.select("#model-filters select[data-facet]")
    assert page.select_one('.page-head a[href="../#capability-glossary"]') is not None


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


# --- the methodology page, and what links to it -----------------------------------------

METHODOLOGY = "methodology/index.html"


def link_target(name: str, href: str) -> tuple[str, str]:
    """The file a link on page ``name`` leads to, and its fragment."""
    path, _, fragment = href.partition("#")
    if not path:
        return name, fragment
    if path.startswith("/"):  # the 404 page, served at any depth, links from the root
        target = path.lstrip("/") or "."
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
    if path.endswith("/") or target == ".":
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, fragment


def links_of(name: str, node: Tag) -> list[tuple[str, str]]:
    return [link_target(name, str(a["href"])) for a in node.find_all("a", href=True)]


def test_the_methodology_page_is_built_and_has_what_links_point_at(
    site: dict[str, bytes],
) -> None:
    page = soup(site[METHODOLOGY])
    assert text(page.h1) == "How versus compares models"  # type: ignore[arg-type]
    for anchor in ("intervals", "leads", "ranks", "coverage", "blanks"):
        section = page.find("section", id=anchor)
        assert isinstance(section, Tag), anchor
    canonical = page.find("link", rel="canonical")
    assert isinstance(canonical, Tag)
    assert canonical["href"] == "https://versus.example.org/methodology/"


def test_every_page_links_the_methodology_from_its_nav(site: dict[str, bytes]) -> None:
    pages = [name for name in site if name.endswith(".html")]
    assert len(pages) == plan.plan_size(5, 1)[0]
    for name in pages:
        nav = soup(site[name]).find("nav", attrs={"aria-label": "Site"})
        assert isinstance(nav, Tag), name
        methodology = [
            text(a)
            for a in nav.find_all("a")
            if link_target(name, str(a["href"]))[0] == METHODOLOGY
        ]
        assert methodology == ["Methodology"], name


def test_every_score_table_links_to_when_a_value_leads(site: dict[str, bytes]) -> None:
    tables_seen = 0
    for name in site:
        if not name.endswith("index.html") or not name.startswith(("compare/", "models/")):
            continue
        for section in soup(site[name]).select("#scores section.suite"):
            if section.find("table") is None:
                continue
            tables_seen += 1
            assert (METHODOLOGY, "leads") in links_of(name, section), name
    # the 7 pairs with a result and the 2 models with one
    assert tables_seen == 9


def test_each_leaderboard_links_to_how_to_read_it(project: Path) -> None:
    write(
        project,
        "evals/tiny-evals/suite.yaml",
        """
        name: Tiny Evals
        summary: Four prompts nobody has run.
        description: A suite of four prompts.
        methodology: Pass or fail.
        prompts: 4
        categories:
          - id: reading
            label: Reading
            prompts: 4
        """,
    )
    site = render_site(load_project(project), project)
    boards = soup(site["index.html"]).select("#leaderboards > section.suite")
    assert [text(board.h3) for board in boards] == ["Tiny Evals", "Vision Evals"]  # type: ignore[arg-type]
    tiny, vision = boards
    assert (METHODOLOGY, "ranks") in links_of("index.html", vision)
    # no board, no ranks to read
    assert tiny.find("table") is None
    assert (METHODOLOGY, "ranks") not in links_of("index.html", tiny)


def test_the_methodology_names_each_suite_and_its_threshold_exactly(project: Path) -> None:
    suite = project / "evals" / "vision-evals" / "suite.yaml"
    written = suite.read_text(encoding="utf-8")
    assert "coverage_threshold: 90\n" in written
    suite.write_text(written.replace("coverage_threshold: 90\n", "coverage_threshold: 89.45\n"))
    write(
        project,
        "evals/audio-evals/suite.yaml",
        """
        name: Audio Evals
        summary: Twelve prompts.
        description: A suite of twelve prompts.
        methodology: Pass or fail.
        prompts: 12
        coverage_threshold: 75
        categories:
          - id: listening
            label: Listening
            prompts: 12
        """,
    )
    site = render_site(load_project(project), project)
    coverage = soup(site[METHODOLOGY]).find("section", id="coverage")
    assert isinstance(coverage, Tag)
    items = coverage.select("ul > li")
    # rounded, 89.45 would read 89.5%, and a run at 89.41% would be "under 89.5%"
    assert [flat(item) for item in items] == [
        "Audio Evals: at least 75% of its 12 prompts.",
        "Vision Evals: at least 89.45% of its 67 prompts.",
    ]
    # each links to its suite's page, which prints its methodology
    for item, suite_id in zip(items, ("audio-evals", "vision-evals"), strict=True):
        ((target, fragment),) = links_of(METHODOLOGY, item)
        assert (target, fragment) == (f"evals/{suite_id}/index.html", "")
        assert soup(site[target]).find(id="method") is not None


def methodology_says(site: dict[str, bytes]) -> dict[str, str]:
    page = soup(site[METHODOLOGY])
    return {str(s["id"]): text(s) for s in page.find_all("section") if s.get("id")}


def test_the_methodology_figures_are_the_codes(
    site: dict[str, bytes], sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    confidence = f"{stats.CONFIDENCE:.0%}"
    assert confidence == "95%"
    says = methodology_says(site)
    assert f"its {confidence} confidence interval" in says["intervals"]
    assert f"at {confidence} confidence" in says["leads"]
    assert f"at least {claims.CLEAR_RATIO} times it" in says["leads"]
    assert str(claims.CLEAR_RATIO) == "1.1"
    assert f"the row reads “{claims.LEVEL}”" in says["leads"]
    assert f"closer values read “{claims.ABOUT_THE_SAME}”" in says["leads"]
    # the page follows the code, not a copy of its figures
    monkeypatch.setattr(stats, "CONFIDENCE", 0.9)
    monkeypatch.setattr(claims, "CLEAR_RATIO", Decimal("1.25"))
    says = methodology_says(render_site(load_project(sample_project), sample_project))
    assert "at 90% confidence" in says["leads"]
    assert "at least 1.25 times it" in says["leads"]


# --- a pass rate's interval, printed and drawn -------------------------------------------

INTERVAL = re.compile(r"(\d+)/(\d+), (\d+)% CI (\d+\.\d)\u2013(\d+\.\d)%")


def test_every_score_prints_and_draws_its_interval(site: dict[str, bytes]) -> None:
    checked = 0
    for name in (GEMMAS, "models/gemma-4-26b-a4b/index.html", "index.html"):
        for td in soup(site[name]).select("td"):
            bar = td.find("svg")
            if not isinstance(bar, Tag):
                continue
            detail = td.find("small")
            assert isinstance(detail, Tag)
            found = INTERVAL.fullmatch(text(detail))
            assert found, text(detail)
            passed, total, level = (int(found[i]) for i in (1, 2, 3))
            assert level == round(stats.CONFIDENCE * 100)
            # what CI stands for is said once a table, by its key
            key = td.find_parent("section").select_one("ul.score-key")  # type: ignore[union-attr]
            assert key is not None
            assert f"its {level}% confidence interval (CI)" in text(key)
            low, high = (100 * bound for bound in stats.wilson_interval(passed, total))
            assert abs(float(found[4]) - low) <= 0.05 + 1e-9, text(detail)
            assert abs(float(found[5]) - high) <= 0.05 + 1e-9, text(detail)
            # the whisker: a line across the bar, from the interval's low to its high
            (line,) = bar.find_all("line")
            assert (line["x1"], line["x2"]) == (f"{found[4]}%", f"{found[5]}%")
            assert line["y1"] == line["y2"]
            rect = bar.find("rect")
            assert isinstance(rect, Tag)
            width = float(str(rect["width"]).removesuffix("%"))
            assert float(found[4]) <= width <= float(found[5])
            assert abs(width - 100 * passed / total) <= 0.05 + 1e-9
            checked += 1
    # 12 on the pair page (overall and 5 categories, twice), 6 on the model page, 2 boards
    assert checked == 12 + 6 + 2


def test_a_cell_without_counts_has_no_interval(site: dict[str, bytes]) -> None:
    table = section_table(soup(site[GEMMAS]), "scores")
    for label in ("Prompts covered", "Average response time", "Estimated cost per task"):
        row = row_of(table, label)
        assert row.select("svg, line, small span") == [], label
