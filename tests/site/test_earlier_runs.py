"""A result's earlier runs: the model page lists them under the suite's score table, with
their figures; every other page shows the newest run only, its harness and settings in the
provenance line; ``api/models.json`` gives them per model and suite."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import detail_of, soup, state_of, table_rows, text, value_of, value_rows
from support import fixture_project
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

SUITE = "vision-evals"
MODEL = "gemma-4-12b"
NEWEST = "62.69%"  # the sample's run: 42 of 67

HOW = """\
date: "2026-05"
harness:
  name: lmms-eval
  version: "0.3.1"
settings:
  temperature: 0
  max_tokens: 1024
categories:
"""

EARLIER = """\
earlier_runs:
  - date: "2025-06"
    source:
      title: An older report
      url: https://example.org/old
      read: "2025-07"
    categories:
      defect-detection: {passed: 10, total: 15}
  - date: "2025-11"
    harness:
      name: lmms-eval
      version: "0.2.4"
    settings:
      temperature: 0.7
    categories:
      defect-detection: {passed: 10, total: 15}
      document-understanding: {passed: 7, total: 9}
      object-counting: {passed: 1, total: 10}
      object-understanding: {passed: 10, total: 14}
      spatial-understanding: {passed: 10, total: 19}
    overall_percent: 56.7
    notes:
      - Made before the prompts' answers were reviewed.
"""
"""Two earlier runs, the older first as a file may list them: 38 of 67 (all prompts) in
November 2025, 10 of 15 (one category) in June 2025."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = fixture_project(tmp_path_factory.mktemp("earlier-runs") / "project")
    path = root / "evals" / SUITE / f"{MODEL}.yaml"
    written = path.read_text(encoding="utf-8")
    path.write_text(written.replace("categories:\n", HOW, 1) + EARLIER, encoding="utf-8")
    return render_site(load_project(root), root)


def page(site: dict[str, bytes], name: str) -> BeautifulSoup:
    return soup(site[name])


def earlier_table(html: BeautifulSoup) -> Tag | None:
    found = html.find("table", class_="earlier-runs")
    return found if isinstance(found, Tag) else None


def flat(node: Tag) -> str:
    """A node's text as read: its pieces joined as printed, spaces normalized."""
    return " ".join(node.get_text().split())


def overall_cells(html: BeautifulSoup) -> list[str]:
    """The printed overall scores of every score table of a page, column by column."""
    cells = []
    for table in html.find_all("table", class_="scores"):
        cells += [value for value, _ in value_rows(table)["Overall score"]]
    return cells


def test_the_model_page_lists_earlier_runs_newest_first_with_their_figures(
    site: dict[str, bytes],
) -> None:
    html = page(site, f"models/{MODEL}/index.html")
    table = earlier_table(html)
    assert table is not None
    heads, *rows = table_rows(table)
    assert heads == [
        "Run",
        "Harness",
        "Settings",
        "Overall score",
        "Prompts covered",
        "Change in the newest run",
    ]
    assert [row[:3] for row in rows] == [
        ["Nov 2025", "lmms-eval 0.2.4", "temperature: 0.7"],
        ["Jun 2025", "Not stated", "Not stated"],
    ]
    cells = [tr.find_all("td") for tr in table.find_all("tr")[1:]]
    # the pass rate with its interval, as every score table prints it
    assert value_of(cells[0][2]) == "56.72%"
    assert detail_of(cells[0][2]) == "38/67, 95% CI 44.8\u201367.9%"
    assert value_of(cells[1][2]) == "66.67%"
    assert [value_of(row[3]) for row in cells] == ["67 of 67 prompts", "15 of 67 prompts"]
    # a change only where both runs covered every prompt
    assert value_of(cells[0][4]) == "+4 passed"
    assert detail_of(cells[0][4]) == "+5.97 points: 42 against 38 of 67"
    assert (value_of(cells[1][4]), state_of(cells[1][4])) == ("Not compared", "unknown")


def test_the_model_page_says_where_each_earlier_run_comes_from(site: dict[str, bytes]) -> None:
    html = page(site, f"models/{MODEL}/index.html")
    listed = html.find("ul", attrs={"aria-label": "Where the earlier runs' figures come from"})
    assert isinstance(listed, Tag)
    items = [flat(li) for li in listed.find_all("li", recursive=False)]
    assert items[0].startswith("Nov 2025: source: Roboflow Playground")  # the top level's
    assert items[0].endswith("Made before the prompts' answers were reviewed.")
    assert items[1] == "Jun 2025: source: An older report, read Jul 2025."
    link = listed.find("a")
    assert isinstance(link, Tag)
    assert link["href"] == "https://example.org/old"


def test_the_model_pages_score_table_is_the_newest_run(site: dict[str, bytes]) -> None:
    html = page(site, f"models/{MODEL}/index.html")
    assert overall_cells(html) == [NEWEST]
    line = html.find("ul", class_="provenance")
    assert isinstance(line, Tag)
    assert "measured, run May 2026, with lmms-eval 0.3.1 (temperature: 0, max_tokens: 1024)" in (
        flat(line)
    )


def test_a_pair_page_shows_the_newest_run_and_how_it_was_made_only(
    site: dict[str, bytes],
) -> None:
    html = page(site, f"compare/{MODEL}-vs-paligemma/index.html")
    assert earlier_table(html) is None
    assert overall_cells(html) == [NEWEST, "Not evaluated"]
    lines = [flat(li) for li in html.find_all("li") if flat(li).startswith("Gemma 4 12B:")]
    assert len(lines) == 1
    assert lines[0].startswith(
        "Gemma 4 12B: measured, run May 2026, with lmms-eval 0.3.1 "
        "(temperature: 0, max_tokens: 1024); source:"
    )
    assert "Nov 2025" not in text(html)


def test_leaderboards_rank_the_newest_run(site: dict[str, bytes]) -> None:
    for name in ("index.html", f"evals/{SUITE}/index.html"):
        board = page(site, name).find("table", class_="leaderboard")
        assert isinstance(board, Tag)
        rows = {row[1]: row for row in table_rows(board)[1:]}
        assert rows["Gemma 4 12B"][2].startswith(NEWEST), name


def test_a_model_without_earlier_runs_has_no_such_table(site: dict[str, bytes]) -> None:
    html = page(site, "models/gemma-4-26b-a4b/index.html")
    assert earlier_table(html) is None
    assert html.find(string="Earlier runs") is None


def test_models_json_gives_each_runs_earlier_runs_and_how_it_was_made(
    site: dict[str, bytes],
) -> None:
    data = json.loads(site["api/models.json"])
    run = next(m for m in data["models"] if m["id"] == MODEL)["runs"][SUITE]
    assert run["overall"].startswith("62.6865")
    assert run["harness"] == {"name": "lmms-eval", "version": "0.3.1"}
    assert run["settings"] == {"temperature": 0, "max_tokens": 1024}
    earlier = run["earlier_runs"]
    assert [(e["date"], e["passed"], e["covered"]) for e in earlier] == [
        ("2025-11", 38, 67),
        ("2025-06", 10, 15),
    ]
    assert earlier[0]["harness"] == {"name": "lmms-eval", "version": "0.2.4"}
    assert earlier[0]["settings"] == {"temperature": 0.7}
    assert earlier[0]["notes"] == ["Made before the prompts' answers were reviewed."]
    assert earlier[1]["source"] == {
        "title": "An older report",
        "url": "https://example.org/old",
        "read": "2025-07",
    }
    assert earlier[1]["categories"][0] == {
        "id": "defect-detection",
        "label": "Defect Detection",
        "passed": 10,
        "total": 15,
        "percent": "66.66666666666666666666666667",
        "band": "mid",
    }
    others = [m["runs"][SUITE] for m in data["models"] if m["id"] != MODEL and SUITE in m["runs"]]
    assert all(other["earlier_runs"] == [] for other in others)
