"""The compare-several page (compare/?m=a,b,c) in headless Chromium.

It renders its tables from api/models.json in the browser; these tests check
that the tables are those of a comparison page, in the order of the ids, with
leaders marked in words by the rules of versus.join.claims (checked row by row
against the tables Python makes, on results whose rows give each verdict), and
that the selects drive the address and the tables; and that two models open with the
lead, lead points and overview of their pair page, checked against every pair page of
four sites (compare.js ports versus.join.lead); and that the lines around the tables
(price and figure sources with their read dates, gap notes, the score key, scoring
notes, data notes) are those of every pair page, element for element, and generalise
to one model (its own page's) and to four.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from support import fixture_project, write
from synthetic import result
from test_browser import browser, cell_values, open_page, server, serving  # noqa: F401 - fixtures
from versus.build.pipeline import build
from versus.inputs.load import load_project
from versus.join import claims, stats, tables
from versus.join.profiles import build_profiles

pytestmark = pytest.mark.browser


def heads(page: Page, table: str) -> list[str]:
    return [h.strip() for h in page.locator(f"{table} thead th").all_inner_texts()]


def row_cells(page: Page, table: str, label: str) -> list[str]:
    row = page.locator(f"{table} tr", has=page.locator("th", has_text=label))
    return cell_values(row.first.locator("td"))


def leaders(page: Page, table: str, label: str) -> list[bool]:
    row = page.locator(f"{table} tr", has=page.locator("th", has_text=label)).first
    return [
        cell.locator("strong").count() == 1 and "is-leader" in (cell.get_attribute("class") or "")
        for cell in row.locator("td").all()
    ]


def row_note(page: Page, table: str, label: str) -> str:
    row = page.locator(f"{table} tr", has=page.locator("th", has_text=label)).first
    notes = row.locator("th .row-note")
    return notes.inner_text().strip() if notes.count() else ""


def table_texts(page: Page, selector: str) -> list[list[str]]:
    """Each table under ``selector``: its rows, each as the text of its cells joined."""
    texts: list[list[str]] = page.eval_on_selector_all(
        f"{selector} table",
        """tables => tables.map(t => Array.from(t.querySelectorAll('tr')).map(
            tr => Array.from(tr.children).map(c => c.innerText.replace(/\\s+/g, ' ').trim())
                    .join(' | ')))""",
    )
    return texts


def note_links(page: Page) -> list[str]:
    """Where the links under each score table lead, as absolute addresses."""
    links: list[str] = page.eval_on_selector_all(
        "#scores section.suite p.methodology-note a", "links => links.map(a => a.href)"
    )
    return links


def open_several(browser: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:  # noqa: F811
    page, problems = open_page(browser, url, width)
    page.wait_for_selector("#several.several--ready")
    return page, problems


def test_three_models_in_the_order_of_the_address(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(
        browser, f"{server}/compare/?m=gemma-4-26b-a4b,florence-2,gemma-4-12b"
    )
    names = ["Gemma 4 26B A4B", "Florence-2", "Gemma 4 12B"]
    assert heads(page, "#properties") == ["Property", *names]
    assert heads(page, "#capabilities") == ["Capability", *names]
    assert heads(page, "#scores") == ["Measure", *names]
    assert page.locator("h1").inner_text() == " vs ".join(names)
    assert page.title().startswith("Gemma 4 26B A4B vs Florence-2 vs Gemma 4 12B")
    assert row_cells(page, "#scores", "Overall score") == ["68.66%", "Not evaluated", "62.69%"]
    # 46 of 67 against 42 of 67 is within noise: no leader, and the row says so
    assert leaders(page, "#scores", "Overall score") == [False, False, False]
    assert row_note(page, "#scores", "Overall score") == "Level within noise"
    # leaders: in words ("best") and by class, never by colour alone
    assert leaders(page, "#scores", "Average response time") == [False, False, True]
    assert row_note(page, "#scores", "Average response time") == ""
    assert page.locator("#scores .is-leader strong").first.inner_text().strip().lower() == "best"
    assert [s.input_value() for s in page.locator("form.several-picker select").all()] == [
        "gemma-4-26b-a4b",
        "florence-2",
        "gemma-4-12b",
        "",
    ]
    assert not page.locator(".several-fallback").is_visible()
    assert problems == []
    page.close()


def test_an_unknown_id_is_reported_and_duplicates_dropped(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(
        browser, f"{server}/compare/?m=paligemma,no-such-model,paligemma,sam-clip"
    )
    status = page.locator(".several-status").inner_text()
    assert "No model has the id “no-such-model”" in status
    assert heads(page, "#properties") == ["Property", "PaliGemma", "SAM-CLIP"]
    assert problems == []
    page.close()


def test_markup_in_an_id_is_shown_as_text(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(browser, f"{server}/compare/?m=<img src=x onerror=alert(1)>")
    assert page.locator("main img").count() == 0
    assert "<img src=x" in page.locator(".several-status").inner_text()
    assert problems == []
    page.close()


def test_two_models_give_the_tables_of_their_pair_page(browser: Browser, server: str) -> None:  # noqa: F811
    several, problems = open_several(browser, f"{server}/compare/?m=gemma-4-12b,gemma-4-26b-a4b")
    pair, _ = open_page(browser, f"{server}/compare/gemma-4-12b-vs-gemma-4-26b-a4b/")
    for section in ("#properties", "#capabilities", "#scores"):
        assert table_texts(several, section) == table_texts(pair, section), section
    provenance = "#scores .provenance li"
    assert (
        several.locator(provenance).all_inner_texts() == pair.locator(provenance).all_inner_texts()
    )
    link = several.locator(".several-pair a")
    assert link.get_attribute("href") == "../compare/gemma-4-12b-vs-gemma-4-26b-a4b/"
    assert problems == []
    several.close()
    pair.close()


@pytest.fixture(scope="module")
def demos_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample project with Florence-2's demos given addresses: the model's, and OCR's."""
    root = fixture_project(tmp_path_factory.mktemp("demos") / "project")
    card = root / "models/florence-2.yaml"
    text = card.read_text().replace("links:\n", "links:\n  demo: https://demo.example.org/f2\n")
    card.write_text(text + "demos:\n  ocr: https://demo.example.org/f2/ocr\n")
    build(root, root / "site")
    with serving(root / "site") as address:
        yield address


def demo_links(page: Page) -> list[list[str]]:
    """Each linked cell of the capabilities table: its row, its text and where it leads."""
    links: list[list[str]] = page.eval_on_selector_all(
        "#capabilities td a",
        """links => links.map(a => [a.closest('tr').querySelector('th').innerText.trim(),
                                    a.innerText.trim(), a.getAttribute('href')])""",
    )
    return links


def test_a_demo_links_its_address_as_on_the_pair_page(browser: Browser, demos_server: str) -> None:  # noqa: F811
    several, problems = open_several(browser, f"{demos_server}/compare/?m=florence-2,gemma-4-12b")
    pair, _ = open_page(browser, f"{demos_server}/compare/florence-2-vs-gemma-4-12b/")
    assert (
        demo_links(several)
        == demo_links(pair)
        == [
            ["Image captioning", "Supported, try live", "https://demo.example.org/f2"],
            ["OCR", "Supported, try live", "https://demo.example.org/f2/ocr"],
        ]
    )
    # the model's address serves object detection too: linked once, the cell says so plainly
    assert row_cells(several, "#capabilities", "Object detection")[0] == "Supported, live demo"
    assert row_cells(pair, "#capabilities", "Object detection")[0] == "Supported, live demo"
    assert problems == []
    several.close()
    pair.close()


def test_choosing_a_fourth_model_updates_the_address_and_the_tables(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page, problems = open_several(browser, f"{server}/compare/?m=sam-clip,florence-2,paligemma")
    page.select_option("select[name=m4]", label="Gemma 4 12B")
    page.wait_for_url("**/compare/?m=sam-clip,florence-2,paligemma,gemma-4-12b")
    names = ["SAM-CLIP", "Florence-2", "PaliGemma", "Gemma 4 12B"]
    assert heads(page, "#properties") == ["Property", *names]
    assert heads(page, "#scores") == ["Measure", *names]
    assert page.locator("#scores table").get_attribute("class") == "compare compare--4 scores"
    # emptying a select takes the model out; the browser's back button puts it back
    page.select_option("select[name=m1]", value="")
    page.wait_for_url("**/compare/?m=florence-2,paligemma,gemma-4-12b")
    assert heads(page, "#properties") == ["Property", "Florence-2", "PaliGemma", "Gemma 4 12B"]
    page.go_back()
    page.wait_for_url("**/compare/?m=sam-clip,florence-2,paligemma,gemma-4-12b")
    assert heads(page, "#properties") == ["Property", *names]
    assert problems == []
    page.close()


def test_more_than_four_are_cut_to_four(browser: Browser, server: str) -> None:  # noqa: F811
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma,sam-clip"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}")
    assert len(heads(page, "#properties")) == 5
    assert "left out: SAM-CLIP" in page.locator(".several-status").inner_text()
    assert problems == []
    page.close()


def test_no_ids_ask_for_a_choice(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_several(browser, f"{server}/compare/")
    assert "Choose up to 4 models" in page.locator(".several-status").inner_text()
    assert page.locator("main table").count() == 0
    page.select_option("select[name=m1]", label="PaliGemma")
    page.wait_for_url("**/compare/?m=paligemma")
    assert heads(page, "#properties") == ["Property", "PaliGemma"]
    assert problems == []
    page.close()


def test_without_javascript_the_page_links_every_model(browser: Browser, server: str) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/compare/?m=florence-2,paligemma")
    assert not page.locator("form.several-picker").is_visible()
    assert page.locator(".several-fallback a").count() == 5
    context.close()


def test_when_the_data_fails_to_load_every_model_is_listed(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page = browser.new_page()
    page.route("**/api/models.json", lambda route: route.fulfill(status=500, body="no"))
    page.goto(f"{server}/compare/?m=florence-2,paligemma")
    page.wait_for_selector("#several.several--offline")
    assert "could not be loaded (HTTP 500)" in page.locator(".several-status").inner_text()
    assert not page.locator("form.several-picker").is_visible()
    assert page.locator(".several-fallback a").count() == 5
    assert page.locator(".several-fallback").is_visible()
    page.close()


def test_the_page_fits_a_phone(browser: Browser, server: str) -> None:  # noqa: F811
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}", 390)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert problems == []
    page.close()


def test_pair_page_links_to_the_compare_page(browser: Browser, server: str) -> None:  # noqa: F811
    page, problems = open_page(browser, f"{server}/compare/florence-2-vs-sam-clip/")
    with page.expect_navigation():
        page.click("text=Add a model to this comparison")
    page.wait_for_selector("#properties table")
    assert heads(page, "#properties") == ["Property", "Florence-2", "SAM-CLIP"]
    assert problems == []
    page.close()


def test_words_stay_whole_when_four_models_meet_a_phone(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    """A table too wide for the screen scrolls in its box; it does not break words apart."""
    ids = "florence-2,gemma-4-12b,gemma-4-26b-a4b,paligemma"
    page, problems = open_several(browser, f"{server}/compare/?m={ids}", 390)
    lines = page.evaluate(
        """() => [...document.querySelectorAll('main table td')]
            .map(cell => cell.firstChild)
            .filter(text => text && text.nodeType === Node.TEXT_NODE)
            .filter(text => !/\\s/.test(text.textContent.trim()))
            .map(text => {
                const range = document.createRange();
                range.selectNodeContents(text);
                return [text.textContent, range.getClientRects().length];
            })"""
    )
    assert len(lines) > 40
    assert [word for word, count in lines if count != 1] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []
    page.close()


# --- the rules of versus.join.claims, in JavaScript ------------------------------------

NOISY = {
    # 19 of 67; answers in exactly 3.0 s
    "gemma-4-12b": (
        {
            "defect-detection": (3, 15),
            "document-understanding": (8, 9),
            "object-counting": (1, 10),
            "object-understanding": (3, 14),
            "spatial-understanding": (4, 19),
        },
        "3.0",
    ),
    # 44 of 67, level with Gemma 4 26B A4B's 46; 3.3 s is exactly 1.1 times 3.0 s
    "florence-2": (
        {
            "defect-detection": (14, 15),
            "document-understanding": (9, 9),
            "object-counting": (5, 10),
            "object-understanding": (4, 14),
            "spatial-understanding": (12, 19),
        },
        "3.3",
    ),
    # 22 of 67, none of Object Counting; 3.2 s is about the same as 3.0 s
    "paligemma": (
        {
            "defect-detection": (5, 15),
            "document-understanding": (4, 9),
            "object-counting": (0, 10),
            "object-understanding": (6, 14),
            "spatial-understanding": (7, 19),
        },
        "3.2",
    ),
}
"""Results beside the sample's Gemma 4 26B A4B (46 of 67 in 30.23 s) whose rows give
leaders and rows level within noise or about the same, at the edges of the rules."""


@pytest.fixture(scope="module")
def noisy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample with the results of :data:`NOISY`, built and served: its address, and
    the project."""
    root = fixture_project(tmp_path_factory.mktemp("noisy") / "project")
    for model_id, (counts, seconds) in NOISY.items():
        write(root, f"evals/vision-evals/{model_id}.yaml", result(counts, seconds))
    build(root, root / "site")
    with serving(root / "site") as address:
        yield address, root


SCORE_ROWS = """tables => tables.map(table => [...table.querySelectorAll("tbody tr")]
    .filter(tr => tr.querySelector("th[scope=row]"))
    .map(tr => {
        const head = tr.querySelector("th[scope=row]");
        const note = head.querySelector(".row-note");
        return {
            label: head.firstChild.textContent.trim(),
            note: note ? note.textContent : "",
            cells: [...tr.querySelectorAll("td")].map(td => {
                const small = td.querySelector("small:not(.band)");
                const line = td.querySelector("svg line");
                const tag = td.querySelector("strong");
                return {
                    text: [...td.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
                        .map(n => n.textContent).join("").trim(),
                    leader: td.classList.contains("is-leader"),
                    tag: tag ? tag.textContent : null,
                    detail: small ? small.textContent.replace(/\\s+/g, " ").trim() : null,
                    whisker: line ? [line.getAttribute("x1"), line.getAttribute("x2")] : null,
                };
            }),
        };
    }))"""
"""Each score table's body rows as the browser has them: label, note and cells."""


def shown_rows(page: Page) -> list[list[dict[str, Any]]]:
    rows: list[list[dict[str, Any]]] = page.eval_on_selector_all("#scores table", SCORE_ROWS)
    return rows


def python_rows(project: Path, ids: list[str]) -> list[list[dict[str, Any]]]:
    """The score tables versus.join.tables makes for these models, in the same shape."""
    catalog = load_project(project)
    profiles = build_profiles(catalog)
    columns = [profiles[model_id] for model_id in ids]
    confidence = f"{stats.CONFIDENCE:.0%}"
    made = []
    for suite_id, suite in catalog.suites.items():
        table = tables.score_table(suite_id, suite, columns, catalog.config.bands)
        if not table.evaluated:
            continue
        made.append(
            [
                {
                    "label": row.label,
                    "note": row.note,
                    "cells": [
                        {
                            "text": cell.text,
                            "leader": cell.leader,
                            "tag": "best" if cell.leader else None,
                            "detail": (
                                f"{cell.detail}, {confidence} CI {cell.interval}"
                                if cell.interval
                                else cell.detail or None
                            ),
                            "whisker": [f"{x}%" for x in cell.whisker] if cell.whisker else None,
                        }
                        for cell in row.cells
                    ],
                }
                for group in table.groups
                for row in group.rows
            ]
        )
    return made


NAMES = {
    "florence-2": "Florence-2",
    "gemma-4-12b": "Gemma 4 12B",
    "gemma-4-26b-a4b": "Gemma 4 26B A4B",
    "paligemma": "PaliGemma",
}
THREE = ["gemma-4-26b-a4b", "florence-2", "gemma-4-12b"]
CLOSE = ["florence-2", "paligemma", "gemma-4-12b"]


@pytest.mark.parametrize("ids", [THREE, CLOSE, ["paligemma", *THREE]])
def test_several_models_are_marked_by_the_rules_of_the_pages(
    browser: Browser,  # noqa: F811
    noisy: tuple[str, Path],
    ids: list[str],
) -> None:
    """compare.js's leaders, notes, intervals and whiskers are versus.join's, row by row."""
    address, project = noisy
    page, problems = open_several(browser, f"{address}/compare/?m={','.join(ids)}")
    assert heads(page, "#scores")[1:] == [NAMES[model_id] for model_id in ids]
    assert shown_rows(page) == python_rows(project, ids)
    assert problems == []
    page.close()


def test_the_rules_are_checked_where_they_bite(noisy: tuple[str, Path]) -> None:
    """The tables of the test above hold a row of each verdict, at the rules' edges."""
    _, project = noisy
    (three,) = python_rows(project, THREE)
    first = {row["label"]: row for row in three}

    def leading(row: dict[str, Any]) -> list[bool]:
        return [cell["leader"] for cell in row["cells"]]

    # a score leads only beyond noise: 12 of 14 against 4 and 3 of 14 does
    assert leading(first["Object Understanding"]) == [True, False, False]
    assert first["Object Understanding"]["note"] == ""
    # 46 of 67 against 44 of 67 does not; 19 of 67 is not level with them: the top scores are
    assert first["Overall score"]["note"] == claims.LEVEL_AT_TOP == "Top scores level within noise"
    assert leading(first["Overall score"]) == [False, False, False]
    # 3.3 s is exactly 1.1 times 3.0 s, so 3.0 s leads; in floats it would not
    response = first["Average response time"]
    assert [cell["text"] for cell in response["cells"]] == ["30.23 s", "3.30 s", "3.00 s"]
    assert leading(response) == [False, False, True]
    assert 3.0 * float(claims.CLEAR_RATIO) > 3.3
    (close,) = python_rows(project, CLOSE)
    second = {row["label"]: row for row in close}
    # 3.2 s against 3.0 s is about the same (3.3 s too)
    assert second["Average response time"]["note"] == claims.ABOUT_THE_SAME_AT_TOP
    assert leading(second["Average response time"]) == [False, False, False]
    # nothing passed: the interval starts at 0
    assert second["Object Counting"]["cells"][1]["whisker"] == ["0.0%", "27.8%"]


def test_two_models_mark_what_their_pair_page_marks(
    browser: Browser,  # noqa: F811
    noisy: tuple[str, Path],
) -> None:
    address, _ = noisy
    several, problems = open_several(browser, f"{address}/compare/?m=florence-2,gemma-4-26b-a4b")
    pair, _ = open_page(browser, f"{address}/compare/florence-2-vs-gemma-4-26b-a4b/")
    assert shown_rows(several) == shown_rows(pair)
    assert table_texts(several, "#scores") == table_texts(pair, "#scores")
    notes = pair.locator("#scores .row-note").all_inner_texts()
    assert claims.LEVEL in notes
    assert pair.locator("#scores td.is-leader").count() > 0
    # under each table, the links to how the suite is run and to when a value is best
    assert (
        note_links(several)
        == note_links(pair)
        == [
            f"{address}/evals/vision-evals/#method",
            f"{address}/methodology/#leads",
        ]
    )
    assert problems == []
    several.close()
    pair.close()


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The synthetic example project (outcomes per prompt), built and served."""
    import shutil

    from support import REPO

    root = tmp_path_factory.mktemp("example") / "project"
    shutil.copytree(REPO / "examples" / "synthetic", root)
    out = root / "site"
    build(root, out)
    with serving(out) as address:
        yield address, out


def _only_passed(out: Path, a: str, b: str) -> dict[str, list[list[str]]]:
    """Per suite both give outcomes for, the prompts only ``a`` passed and only ``b`` did."""
    import json

    one, two = (
        {s["suite"]: s for s in json.loads((out / f"api/outcomes/{m}.json").read_text())["suites"]}
        for m in (a, b)
    )
    found = {}
    for suite in sorted(one.keys() & two.keys()):
        passed = [{p for c in x[suite]["categories"] for p in c["passed"]} for x in (one, two)]
        failed = [{p for c in x[suite]["categories"] for p in c["failed"]} for x in (one, two)]
        found[suite] = [sorted(passed[0] & failed[1]), sorted(passed[1] & failed[0])]
    return found


def test_the_compare_page_of_two_lists_where_they_differ(
    browser: Browser,  # noqa: F811
    example_site: tuple[str, Path],
) -> None:
    address, out = example_site
    ids = sorted(p.stem for p in (out / "api" / "outcomes").glob("*.json"))
    a, b = next(
        (x, y)
        for i, x in enumerate(ids)
        for y in ids[i + 1 :]
        if any(any(only) for only in _only_passed(out, x, y).values())
    )
    expected = _only_passed(out, a, b)
    page, problems = open_page(browser, f"{address}/compare/?m={a},{b}")
    page.wait_for_selector("#differences section.differences")
    for suite, (only_a, only_b) in expected.items():
        box = page.locator(
            f"#differences section[aria-labelledby='differences-title differences-{suite}']"
        )
        links = box.locator("a").evaluate_all("links => links.map(a => a.textContent)")
        assert sorted(links) == sorted(only_a + only_b)
        hrefs = box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(href.startswith(f"../evals/{suite}/") for href in hrefs)
    assert problems == []
    page.close()


# --- the lead of two models: the pair page's, computed in the browser -----------------


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The tests' sample project, built and served: its address, and the site."""
    root = fixture_project(tmp_path_factory.mktemp("sample") / "project")
    build(root, root / "site")
    with serving(root / "site") as address:
        yield address, root / "site"


EDGE_TAXONOMY = [
    {
        "id": "tasks",
        "label": "Tasks",
        "capabilities": [
            {"id": "captioning", "label": "Image captioning"},
            {"id": "ocr", "label": "OCR"},
            {"id": "detection", "label": "Object detection"},
            {"id": "vqa", "label": "Visual question answering"},
            {"id": "segmentation", "label": "Instance segmentation"},
            {"id": "latex", "label": "LaTeX output"},
        ],
    },
]

EDGE_MODELS: dict[str, dict[str, Any]] = {
    # Gamma Evals by prompt (g000..g019; 1 passed, 0 failed, - not answered)
    "m1": {"gamma": "11111111110000000000", "pricing": ("0.5", "1.5"), "seconds": 2.5},
    "m2": {"gamma": "1111111111000000----", "pricing": ("0.5", "1.5"), "seconds": 2.6},
    "m3": {"gamma": "1111111111100000----", "pricing": ("0.52", "1.5"), "seconds": None},
    # known by its totals only: 5 of 10 answered
    "m4": {"gamma": {"reading": (5, 8), "counting": (0, 2)}},
    "m5": {"pricing": ("10", "30"), "seconds": 0.4, "tokens": (100000, 10000)},
}
"""Runs whose pairs say what the sample and the example do not: the same count on the
prompts both answered, level there, the same rate or level rates on different coverage,
no time, the same cost, about the same cost, a cost in cents."""


def _edges_project(root: Path) -> None:
    """A project of :data:`EDGE_MODELS` on Gamma Evals (its prompts listed) and Alpha
    Evals (totals only), each card stating some capabilities."""
    import json

    def dump(name: str, data: Any) -> None:
        write(root, name, json.dumps(data))  # JSON is YAML

    dump(
        "versus.yaml",
        {
            "title": "edges",
            "description": "The lead's rarer sentences.",
            "base_url": "https://edges.example.org/",
            "taxonomy": EDGE_TAXONOMY,
        },
    )
    for suite_id, name, prompts in (("gamma", "Gamma Evals", None), ("alpha", "Alpha Evals", 10)):
        suite: dict[str, Any] = {
            "name": name,
            "summary": f"{name}, for tests.",
            "description": "A suite for tests.",
            "methodology": "Pass or fail.",
            "categories": [
                {"id": "reading", "label": "Reading", **({"prompts": 6} if prompts else {})},
                {"id": "counting", "label": "Counting", **({"prompts": 4} if prompts else {})},
            ],
            **({"prompts": prompts} if prompts else {}),
        }
        dump(f"evals/{suite_id}/suite.yaml", suite)
    listed = [
        {"id": f"g{i:03d}", "category": "reading" if i < 10 else "counting", "prompt": f"{i}?"}
        for i in range(20)
    ]
    write(root, "evals/gamma/prompts.jsonl", "".join(json.dumps(p) + "\n" for p in listed))
    source = {"provenance": "measured", "source": {"title": "tests"}}
    claims_by_model = [
        {"captioning": "supported", "ocr": "demo"},
        {"captioning": "no", "detection": "supported", "latex": "supported"},
        {"ocr": "no", "vqa": "supported", "segmentation": "supported", "latex": "supported"},
        {"captioning": "supported", "detection": "supported", "vqa": "supported"},
        {"ocr": "supported", "segmentation": "no"},
    ]
    for (model_id, spec), capabilities in zip(EDGE_MODELS.items(), claims_by_model, strict=True):
        card: dict[str, Any] = {
            "name": f"Model {model_id.upper()}",
            "organization": "Edge Lab",
            "category": "open-weights",
            "modality": "multimodal",
            "summary": f"Model {model_id.upper()}, a model for tests.",
            "description": "A model for tests.",
            "sources": [{"title": "tests"}],
            "capabilities": capabilities,
        }
        if "pricing" in spec:
            low, high = spec["pricing"]
            card["pricing"] = {
                "currency": "USD",
                "input_per_million": low,
                "output_per_million": high,
                "as_of": "2026-01",
                "source": "tests",
            }
        dump(f"models/{model_id}.yaml", card)
        gamma = spec.get("gamma")
        if isinstance(gamma, str):
            outcomes = [
                {"prompt": f"g{i:03d}", "passed": mark == "1"}
                for i, mark in enumerate(gamma)
                if mark != "-"
            ]
            dump(f"evals/gamma/{model_id}.yaml", source)
            write(
                root,
                f"evals/gamma/{model_id}.outcomes.jsonl",
                "".join(json.dumps(o) + "\n" for o in outcomes),
            )
        elif gamma is not None:
            counts = {c: {"passed": p, "total": t} for c, (p, t) in gamma.items()}
            dump(f"evals/gamma/{model_id}.yaml", {**source, "categories": counts})
        if "seconds" in spec:
            inputs, outputs = spec.get("tokens", (1000, 100))
            alpha = {
                **source,
                "categories": {
                    "reading": {"passed": 3 + (model_id == "m1"), "total": 6},
                    "counting": {"passed": 2, "total": 4},
                },
                "median_input_tokens": inputs,
                "median_output_tokens": outputs,
            }
            if spec["seconds"] is not None:
                alpha["avg_response_seconds"] = spec["seconds"]
            dump(f"evals/alpha/{model_id}.yaml", alpha)


@pytest.fixture(scope="module")
def edges_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The project of :func:`_edges_project`, built and served: its address, and the site."""
    root = tmp_path_factory.mktemp("edges") / "project"
    _edges_project(root)
    build(root, root / "site")
    with serving(root / "site") as address:
        yield address, root / "site"


def _normalised(texts: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in texts]


def _marks(page: Page) -> list[list[tuple[str, str, list[str]]]]:
    """Each score table's rows as label, note and the text of the cell marked best (a
    pair page's table where one model has no run has one cell for all its column)."""
    return [
        [
            (row["label"], row["note"], [c["text"] for c in row["cells"] if c["leader"]])
            for row in table
        ]
        for table in shown_rows(page)
    ]


def _opening(page: Page) -> dict[str, Any]:
    """What a comparison of two says: its lead, its points, the tasks both can be tried
    live on, each model's overview, and which values its score tables mark best."""
    return {
        "marks": _marks(page),
        "lead": _normalised(page.locator(".page-head p.lead").all_inner_texts()),
        "points": _normalised(page.locator(".page-head .lead-points li").all_inner_texts()),
        "demo": _normalised(page.locator(".page-head .demo-note").all_inner_texts()),
        "names": page.locator(
            ".page-head .lead bdi, .page-head .lead-points bdi, .page-head .demo-note bdi"
        ).all_inner_texts(),
        "overview": _normalised(page.locator("#overview .model-card").all_inner_texts()),
    }


@pytest.mark.parametrize("site", ["sample_site", "example_site", "noisy", "edges_site"])
def test_every_pair_page_opens_as_the_compare_page_of_its_two(
    browser: Browser,  # noqa: F811
    request: pytest.FixtureRequest,
    site: str,
) -> None:
    """For each pair with a page, compare/?m=a,b (where its "add a model" link leads) says
    what the page says: the lead, every lead point (the rules of versus.join.lead and
    versus.join.claims, ported to compare.js), each model's overview and the values its
    score tables mark best (by the paired test where both runs give outcomes)."""
    address, out = request.getfixturevalue(site)
    if site == "noisy":
        out = out / "site"
    pages = sorted(out.glob("compare/*-vs-*/index.html"))
    assert len(pages) >= 10
    for path in pages:
        pair, problems = open_page(browser, f"{address}/{path.parent.relative_to(out)}/")
        expected = _opening(pair)
        assert expected["points"], path
        pair.locator("#more a", has_text="Add a model to this comparison").click()
        pair.wait_for_selector(".page-head .lead-points")
        pair.wait_for_selector("#scores:not([aria-busy])")
        assert "?m=" in pair.url
        assert _opening(pair) == expected, path
        assert problems == []
        pair.close()


def test_several_models_with_outcomes_are_marked_by_the_paired_test(
    browser: Browser,  # noqa: F811
    example_site: tuple[str, Path],
) -> None:
    """Three models whose runs give outcomes: once their files are in, each row's leader is
    the one versus.join.tables marks (claims.leads, paired on the prompts both answered)."""
    address, out = example_site
    ids = ["example-vision-c", "example-reader-e", "example-vision-a"]
    page, problems = open_several(browser, f"{address}/compare/?m={','.join(ids)}")
    page.wait_for_selector("#scores:not([aria-busy])")
    assert shown_rows(page) == python_rows(out.parent, ids)
    assert problems == []
    page.close()


def test_each_region_of_two_has_a_name_of_its_own(
    browser: Browser,  # noqa: F811
    example_site: tuple[str, Path],
) -> None:
    """A suite's score table and where the two differ on it are named apart, as on a pair
    page (axe's landmark-unique): the differences by their heading and the suite's name."""
    address, _ = example_site
    page, problems = open_several(browser, f"{address}/compare/?m=example-omni-d,example-tiny-f")
    page.wait_for_selector("#differences section.differences")
    names: list[str] = page.eval_on_selector_all(
        "section[aria-labelledby]",
        """sections => sections.map(section => section.getAttribute("aria-labelledby")
            .split(" ").map(id => document.getElementById(id).textContent.trim()).join(" "))""",
    )
    assert "Where they differ Example Scenes" in names
    assert len(names) == len(set(names)), names
    assert problems == []
    page.close()


# --- the lines around the tables: what a pair page prints beside its tables -------------


def _append(root: Path, name: str, text: str) -> None:
    path = root / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _source_read(root: Path, name: str, lines: str) -> None:
    """Give the result ``name``'s source the lines ``lines`` (indented under it)."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count("\nsource:\n") == 1, name
    path.write_text(text.replace("\nsource:\n", f"\nsource:\n{lines}"), encoding="utf-8")


def _noted_project(root: Path) -> None:
    """The sample with what its pages print around their tables and the sample lacks:
    sources' read dates (linked and not), a price source with its address and read date,
    data notes (markup in one), and a second suite with its own coverage threshold, on
    which only PaliGemma has a run (so some pairs have a gap on each suite, and some
    have results on neither)."""
    fixture_project(root)
    _source_read(
        root,
        "evals/vision-evals/gemma-4-12b.yaml",
        "  url: https://runs.example.org/gemma-4-12b\n  read: 2026-11\n",
    )
    _source_read(root, "evals/vision-evals/gemma-4-26b-a4b.yaml", "  read: 2026-10-03\n")
    card = root / "models/gemma-4-26b-a4b.yaml"
    text = card.read_text(encoding="utf-8")
    priced = "  source: Source comparison page (Florence-2 vs Gemma 4 26B A4B)\n"
    assert text.count(priced) == 1
    card.write_text(
        text.replace(priced, priced + "  url: https://prices.example.org/\n  read: 2026-11\n"),
        encoding="utf-8",
    )
    _append(
        root,
        "models/florence-2.yaml",
        "pricing:\n  currency: USD\n  input_per_million: 0.1\n  output_per_million: 0.4\n"
        '  as_of: "2026-09"\n  source: A price list <b>without</b> an address\n'
        "data_notes:\n  - The organization cell is empty in the source table.\n"
        "  - Read <i>twice</i> & checked.\n",
    )
    _append(root, "models/gemma-4-26b-a4b.yaml", "data_notes:\n  - Its prices were read once.\n")
    write(
        root,
        "evals/extra-evals/suite.yaml",
        """\
        name: Extra Evals
        summary: Ten prompts for tests.
        description: A suite for tests.
        methodology: Pass or fail.
        prompts: 10
        scoring: pass/fail
        coverage_threshold: 85
        categories:
          - id: reading
            label: Reading
            prompts: 6
          - id: counting
            label: Counting
            prompts: 4
        """,
    )
    write(
        root,
        "evals/extra-evals/paligemma.yaml",
        """\
        provenance: self-reported
        source:
          title: A paper's table
          read: 2026-12
        categories:
          reading:
            passed: 4
            total: 6
          counting:
            passed: 1
            total: 4
        """,
    )


@pytest.fixture(scope="module")
def noted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The project of :func:`_noted_project`, built and served: its address, and the site."""
    root = tmp_path_factory.mktemp("noted") / "project"
    _noted_project(root)
    build(root, root / "site")
    with serving(root / "site") as address:
        yield address, root / "site"


SHAPE = """nodes => nodes.map(node => {
    const copy = node.cloneNode(true);
    copy.normalize();  // adjacent text as one node, as a parser makes it
    return shape(copy);
})
function shape(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.replace(/\\s+/g, " ");
    const kept = {tag: node.tagName.toLowerCase()};
    for (const name of ["id", "class", "rel", "aria-label", "aria-labelledby"]) {
        if (node.hasAttribute(name)) kept[name] = node.getAttribute(name);
    }
    if (node.href) kept.href = node.href;
    kept.children = [...node.childNodes]
        .filter(child => child.nodeType === Node.ELEMENT_NODE
            || (child.nodeType === Node.TEXT_NODE && child.textContent.trim()))
        .map(shape);
    return kept;
}"""
"""Each node as its markup: its tag, the attributes the stylesheet and screen readers
read, where a link leads (absolute), and its children, whitespace-only text left out."""

AROUND_TABLES = {
    "price source": "#properties > p.provenance",
    "gap": "#scores section.suite > p.gap-note",
    "score key": "#scores section.suite > ul.score-key",
    "provenance": "#scores section.suite > ul.provenance",
    "scoring note": "#scores section.suite > p.methodology-note",
    "no results": "#scores > p.empty",
    "data notes": "#data-notes",
}
"""What a comparison page prints around its tables, each in the order of the page."""


def _around_tables(page: Page) -> dict[str, list[Any]]:
    return {
        part: page.eval_on_selector_all(selector, SHAPE) for part, selector in AROUND_TABLES.items()
    }


def test_every_pair_page_says_around_its_tables_what_the_compare_page_says(
    browser: Browser,  # noqa: F811
    noted_site: tuple[str, Path],
) -> None:
    """For each pair, compare/?m=a,b prints the lines around its tables as the pair page
    does, word for word and element for element: where the prices and each column's
    figures come from (with the dates their sources were read), who has no results on a
    suite, the score key's interval, how the suite scores, the suites neither has a
    run on, and the data notes."""
    address, out = noted_site
    pages = sorted(out.glob("compare/*-vs-*/index.html"))
    assert len(pages) == 10
    seen: dict[str, int] = dict.fromkeys(AROUND_TABLES, 0)
    for path in pages:
        a, b = path.parent.name.split("-vs-")
        pair, problems = open_page(browser, f"{address}/compare/{a}-vs-{b}/")
        expected = _around_tables(pair)
        several, more = open_several(browser, f"{address}/compare/?m={a},{b}")
        several.wait_for_selector("#scores:not([aria-busy])")
        assert _around_tables(several) == expected, path
        for part, found in expected.items():
            seen[part] += bool(found)
        assert problems == more == []
        pair.close()
        several.close()
    # every part is printed by some pair
    assert all(seen.values()), seen


SAID = {
    **AROUND_TABLES,
    "score key": "#scores section.suite > ul.score-key > li",
    "provenance": "#scores section.suite > ul.provenance > li",
    "data notes": "#data-notes :is(h2, summary, h3, li)",
}
"""The parts of :data:`AROUND_TABLES` by their lines: a list's items, a section's heads."""


def _said(page: Page) -> dict[str, list[str]]:
    """The text of each line of :data:`SAID`, white space as a browser shows it."""
    return {
        part: _normalised(page.locator(selector).all_text_contents())
        for part, selector in SAID.items()
    }


def test_the_lines_around_the_tables_of_two_say_what_the_data_gives(
    browser: Browser,  # noqa: F811
    noted_site: tuple[str, Path],
) -> None:
    """The pair whose page says most: what it prints is the project's, markup as text."""
    address, _ = noted_site
    page, problems = open_several(browser, f"{address}/compare/?m=florence-2,gemma-4-26b-a4b")
    page.wait_for_selector("#scores:not([aria-busy])")
    said = _said(page)
    assert said["price source"] == [
        "Prices: Florence-2 from A price list <b>without</b> an address; "
        "Gemma 4 26B A4B from Source comparison page (Florence-2 vs Gemma 4 26B A4B), "
        "read Nov 2026."
    ]
    assert page.locator("#properties p.provenance a").get_attribute("href") == (
        "https://prices.example.org/"
    )
    assert said["gap"] == ["Florence-2 has no results on Vision Evals."]
    assert said["provenance"][0] == "Florence-2: not evaluated on this suite."
    assert "(Florence-2 vs Gemma 4 26B A4B), read 3 Oct 2026.The sources" in said["provenance"][1]
    assert said["score key"][-1] == "Line across a bar: its 95% confidence interval (CI)"
    assert said["scoring note"] == [
        "Scores are passed prompts over the prompts a run covered. Token and cost figures are"
        " shown, and response times compared, only for runs that covered at least 90% of the"
        " prompts. How Vision Evals is run and scored; when a value is marked best."
    ]
    assert said["no results"] == ["Neither model has results on Extra Evals."]
    assert said["data notes"] == [
        "Data notes",
        "How the data on this page was gathered",
        "Florence-2",
        "The organization cell is empty in the source table.",
        "Read <i>twice</i> & checked.",
        "Gemma 4 26B A4B",
        "Its prices were read once.",
    ]
    assert page.locator("main i, main b").count() == 0
    assert problems == []
    page.close()


def test_four_models_say_around_their_tables_what_two_would(
    browser: Browser,  # noqa: F811
    noted_site: tuple[str, Path],
) -> None:
    """Four models: each priced model, each model without a run on a suite and each card
    with data notes named, in the order of the address."""
    address, _ = noted_site
    ids = "sam-clip,gemma-4-26b-a4b,paligemma,florence-2"
    page, problems = open_several(browser, f"{address}/compare/?m={ids}")
    page.wait_for_selector("#scores:not([aria-busy])")
    said = _said(page)
    assert said["price source"] == [
        "Prices: Gemma 4 26B A4B from Source comparison page (Florence-2 vs Gemma 4 26B A4B), "
        "read Nov 2026; Florence-2 from A price list <b>without</b> an address."
    ]
    # the suites in their order (by id)
    assert said["gap"] == [
        "SAM-CLIP, Gemma 4 26B A4B and Florence-2 have no results on Extra Evals.",
        "SAM-CLIP, PaliGemma and Florence-2 have no results on Vision Evals.",
    ]
    assert page.locator("#scores .gap-note bdi").all_text_contents()[:4] == [
        "SAM-CLIP",
        "Gemma 4 26B A4B",
        "Florence-2",
        "Extra Evals",
    ]
    assert said["provenance"][2:4] == [
        "PaliGemma: self-reported, run date not stated; source: A paper's table, read Dec 2026.",
        "Florence-2: not evaluated on this suite.",
    ]
    keys = page.locator("#scores ul.score-key li.key-interval").all_text_contents()
    assert keys == ["Line across a bar: its 95% confidence interval (CI)"] * 2
    assert [note.split(". How")[0] for note in said["scoring note"]] == [
        "Scores are passed prompts over the prompts a run covered. Token and cost figures are"
        f" shown, and response times compared, only for runs that covered at least {threshold}"
        " of the prompts"
        for threshold in ("85%", "90%")
    ]
    assert said["no results"] == []
    assert page.locator("#data-notes h3").all_text_contents() == [
        "Gemma 4 26B A4B",
        "Florence-2",
    ]
    assert problems == []
    page.close()


def test_one_model_says_around_its_tables_what_its_page_says(
    browser: Browser,  # noqa: F811
    noted_site: tuple[str, Path],
) -> None:
    """One model: the lines of its own page, whose partials a pair page's are."""
    address, out = noted_site
    for path in sorted(out.glob("models/*/index.html")):
        model = path.parent.name
        own, problems = open_page(browser, f"{address}/models/{model}/")
        several, more = open_several(browser, f"{address}/compare/?m={model}")
        assert _around_tables(several) == _around_tables(own), model
        assert problems == more == []
        own.close()
        several.close()


# --- a time over too few prompts; rows matched by id -------------------------------------


def test_a_time_over_too_few_prompts_leads_nothing_on_the_compare_page(
    browser: Browser,  # noqa: F811
    example_site: tuple[str, Path],
) -> None:
    """Example Tiny F covered 15 of 32 Example Documents prompts, under the suite's coverage
    threshold: its time (the lowest) is shown but not compared (claims.compares_time_and_cost,
    read from the cell's absent ``value``), so Example Vision A's leads the two others over
    32 prompts, as versus.join.tables marks it."""
    address, out = example_site
    ids = ["example-vision-a", "example-vision-b", "example-tiny-f"]
    page, problems = open_several(browser, f"{address}/compare/?m={','.join(ids)}")
    page.wait_for_selector("#scores:not([aria-busy])")
    assert shown_rows(page) == python_rows(out.parent, ids)
    documents = "section.suite[aria-labelledby='suite-example-documents'] table"
    assert leaders(page, documents, "Average response time") == [True, False, False]
    assert row_cells(page, documents, "Average response time")[2].startswith("0.43 s")
    assert problems == []
    page.close()


@pytest.fixture(scope="module")
def relabelled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The sample, built, with its score tables' section headings relabelled in models.json
    (as a site whose labels changed would publish them): rows are matched by their ids."""
    import json

    root = fixture_project(tmp_path_factory.mktemp("relabelled") / "project")
    out = root / "site"
    build(root, out)
    path = out / "api" / "models.json"
    data = json.loads(path.read_text("utf-8"))
    headings = {"Summary": "The run", "By category": "Per category"}
    for section in data["sections"]:
        section["label"] = headings[section["label"]]
    for model in data["models"]:
        for run in model["runs"].values():
            for row in run["rows"]:
                row["group"] = headings[row["group"]]
    path.write_text(json.dumps(data), "utf-8")
    with serving(out) as address:
        yield address, root


def test_score_rows_are_grouped_by_their_section_ids_not_their_headings(
    browser: Browser,  # noqa: F811
    relabelled: tuple[str, Path],
) -> None:
    address, project = relabelled
    page, problems = open_several(browser, f"{address}/compare/?m={','.join(THREE)}")
    page.wait_for_selector("#scores:not([aria-busy])")
    groups = page.locator("#scores table tr.group-row th").all_text_contents()
    assert groups[:2] == ["The run", "Per category"]
    assert shown_rows(page) == python_rows(project, THREE)
    assert problems == []
    page.close()
