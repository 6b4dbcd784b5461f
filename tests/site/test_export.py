"""Data out: JSON, CSV and llms.txt say what the pages say, and are planned like pages.

The JSON files are read back and compared with the tables of the pages,
parsed from their HTML; the CSV files are parsed and compared with the JSON;
the plan, the shards and incremental builds are checked to carry every new
file exactly as they carry the page it belongs to.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import detail_of, grid, soup, state_of, text, value_of
from support import fixture_project, override, write
from synthetic import add_models
from versus import urls
from versus.build.fingerprint import site_state
from versus.build.output import UnsafePathError, check_relative
from versus.build.pipeline import build, render_site
from versus.build.state import SiteState, changes
from versus.build.trees import TreeStates
from versus.inputs.load import load_project
from versus.join import claims, lead, stats
from versus.join.cells import Cell
from versus.join.columns import MEASURE_LABELS, Measure
from versus.site import jsondata, llms, plan, tablecsv, views
from versus.site.kinds import KINDS, PageSpec

BASE = "https://versus.example.org/"
PAIRS = [
    "florence-2-vs-gemma-4-12b",
    "florence-2-vs-gemma-4-26b-a4b",
    "florence-2-vs-paligemma",
    "florence-2-vs-sam-clip",
    "gemma-4-12b-vs-gemma-4-26b-a4b",
    "gemma-4-12b-vs-paligemma",
    "gemma-4-12b-vs-sam-clip",
    "gemma-4-26b-a4b-vs-paligemma",
    "gemma-4-26b-a4b-vs-sam-clip",
    "paligemma-vs-sam-clip",
]
MODELS = ["florence-2", "gemma-4-12b", "gemma-4-26b-a4b", "paligemma", "sam-clip"]


@pytest.fixture(scope="module")
def site(sample_project: Path) -> dict[str, bytes]:
    """The tests' sample project, rendered in memory."""
    return render_site(load_project(sample_project), sample_project)


def read_json(site: dict[str, bytes], name: str) -> Any:
    return json.loads(site[name].decode("utf-8"))


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


# --- the tables of a page, read back from its HTML --------------------------------------


def whisker_of(td: Tag) -> tuple[str, str] | None:
    """Where the whisker across a score's bar starts and ends (its 95% interval), if any."""
    lines = td.select("svg line")
    assert len(lines) <= 1, td
    return (str(lines[0]["x1"]), str(lines[0]["x2"])) if lines else None


def cell_of(td: Tag) -> dict[str, Any]:
    return {
        "text": value_of(td),
        "state": state_of(td),
        "detail": detail_of(td),
        "leader": "is-leader" in (td.get("class") or []),
        "whisker": whisker_of(td),
    }


def label_of(th: Tag) -> str:
    note = th.find(class_="row-note")
    if isinstance(note, Tag):
        note.extract()
    return text(th)


def page_rows(table: Tag) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each body row of a table: its label and its cells, group rows as ``("#", label)``."""
    rows: list[tuple[str, list[dict[str, Any]]]] = []
    for tr, cells in grid(table):
        if tr.parent is None or tr.parent.name != "tbody":
            continue
        group = tr.find("th", scope="colgroup")
        if isinstance(group, Tag):
            rows.append(("#" + text(group), []))
            continue
        head = tr.find("th", scope="row")
        assert isinstance(head, Tag)
        rows.append((label_of(head), [cell_of(td) for td in cells if td.name == "td"]))
    return rows


def shown(
    text: str, state: str, detail: str | None, leader: bool, low: str | None, high: str | None
) -> dict[str, Any]:
    """A cell of the data as its page shows it: a pass rate's 95% interval (``low`` and
    ``high``, in percent) printed after its detail, to one place, and drawn as a whisker."""
    if low is None or high is None:
        assert (low, high) == (None, None)
        return {"text": text, "state": state, "detail": detail, "leader": leader, "whisker": None}
    low, high = (f"{Decimal(bound):.1f}" for bound in (low, high))
    interval = f"{stats.CONFIDENCE:.0%} CI {low}\u2013{high}%"
    return {
        "text": text,
        "state": state,
        "detail": f"{detail}, {interval}",
        "leader": leader,
        "whisker": (f"{low}%", f"{high}%"),
    }


def json_cell(cell: dict[str, Any]) -> dict[str, Any]:
    return shown(
        cell["text"],
        cell["state"],
        cell.get("detail"),
        cell.get("leader", False),
        cell.get("low"),
        cell.get("high"),
    )


def column_cells(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The cells of a pair's row, which its JSON lists column by column."""
    count = len(row["text"])
    for key in ("state", "detail", "band", "low", "high"):
        assert len(row.get(key, [None] * count)) == count, row
    return [
        shown(
            row["text"][place],
            row.get("state", ["value"] * count)[place],
            row.get("detail", [None] * count)[place],
            place in row.get("leader", []),
            row.get("low", [None] * count)[place],
            row.get("high", [None] * count)[place],
        )
        for place in range(count)
    ]


def json_rows(groups: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    rows: list[tuple[str, list[dict[str, Any]]]] = []
    for group in groups:
        rows.append(("#" + group["label"], []))
        rows += [(row["label"], column_cells(row)) for row in group["rows"]]
    return rows


def capability_rows(groups: list[dict[str, Any]], shown_as: dict[str, Any]) -> list[Any]:
    """A pair's capabilities as its page shows them: each state as its cell's text."""
    rows: list[tuple[str, list[dict[str, Any]]]] = []
    for group in groups:
        rows.append(("#" + group["label"], []))
        for row in group["rows"]:
            cells = [json_cell(shown_as[state]) for state in row["state"]]
            rows.append((row["label"], cells))
    return rows


def heads(table: Tag) -> list[str]:
    return [text(th) for th in table.find("thead").find_all("th")]  # type: ignore[union-attr]


def suite_tables(page: BeautifulSoup) -> dict[str, Tag]:
    found = {}
    for section in page.select("#scores section.suite"):
        heading = section.find("h3")
        table = section.find("table")
        assert isinstance(heading, Tag)
        assert isinstance(table, Tag)
        found[str(heading["id"]).removeprefix("suite-")] = table
    return found


# --- models.json --------------------------------------------------------------------


def test_models_json_has_every_model_the_taxonomy_and_the_suites(site: dict[str, bytes]) -> None:
    data = read_json(site, "api/models.json")
    assert data["schema_version"] == jsondata.SCHEMA_VERSION
    assert data["site"]["url"] == BASE
    assert [model["id"] for model in data["models"]] == MODELS
    assert [suite["id"] for suite in data["suites"]] == ["vision-evals"]
    capability_ids = [cap["id"] for group in data["taxonomy"] for cap in group["capabilities"]]
    assert len(capability_ids) == 15
    allowed = {"supported", "demo", "no", "unknown"}
    for model in data["models"]:
        assert list(model["capabilities"]) == sorted(capability_ids)  # sorted keys
        assert set(model["capabilities"].values()) <= allowed
        assert model["url"] == f"{BASE}models/{model['id']}/"
        for key in ("organization", "category", "modality", "released", "parameters", "license"):
            assert key in model
    florence = data["models"][0]
    assert florence["capabilities"]["instance-segmentation"] == "supported"
    assert florence["parameters"]["variants"][0] == {
        "name": "Florence-2-base",
        "total": 230000000,
        "active": None,
    }
    moe = next(model for model in data["models"] if model["id"] == "gemma-4-26b-a4b")
    run = moe["runs"]["vision-evals"]
    assert (run["passed"], run["covered"], run["prompts"]) == (46, 67, 67)
    assert run["overall"].startswith("68.656716")
    assert run["cost_per_task"] == "0.00008826"
    assert moe["pricing"]["input_per_million"] == "0.06"
    assert run["csv"] == f"{BASE}models/gemma-4-26b-a4b/vision-evals.csv"
    assert [c["id"] for c in run["categories"]] == [
        "defect-detection",
        "document-understanding",
        "object-counting",
        "object-understanding",
        "spatial-understanding",
    ]


@pytest.mark.parametrize("model_id", MODELS)
def test_models_json_says_what_the_model_page_shows(site: dict[str, bytes], model_id: str) -> None:
    data = read_json(site, "api/models.json")
    model = next(m for m in data["models"] if m["id"] == model_id)
    page = soup(site[f"models/{model_id}/index.html"])
    assert text(page.find("h1")) == model["name"]  # type: ignore[arg-type]
    properties = page.select_one("#properties table")
    assert properties is not None
    assert page_rows(properties) == [
        (label, [json_cell(cell)])
        for label, cell in zip(data["properties"], model["properties"], strict=True)
    ]
    capabilities = page.select_one("#capabilities table")
    assert capabilities is not None
    shown = [cells[0]["state"] for label, cells in page_rows(capabilities) if cells]
    in_order = [cap["id"] for group in data["taxonomy"] for cap in group["capabilities"]]
    assert shown == [model["capabilities"][cap] for cap in in_order]
    tables = suite_tables(page)
    assert list(tables) == list(model["runs"])
    for suite_id, run in model["runs"].items():
        html_rows = [row for row in page_rows(tables[suite_id]) if not row[0].startswith("#")]
        shown_labels = {label for label, _ in html_rows}
        json_cells = {row["label"]: [json_cell(row["cell"])] for row in run["rows"]}
        assert html_rows == [(label, json_cells[label]) for label, _ in html_rows]
        # the rows a one-column table leaves out are the token rows a run does not have
        left_out = {row["label"] for row in run["rows"]} - shown_labels
        assert all(row["needs"] for row in run["rows"] if row["label"] in left_out), (
            f"rows missing from the page: {left_out}"
        )


def test_models_json_states_the_rules_and_each_rates_counts(site: dict[str, bytes]) -> None:
    """What a script needs to mark a row's best as the pages do (compare.js does)."""
    data = read_json(site, "api/models.json")
    assert data["rules"] == {
        "confidence": stats.CONFIDENCE,
        "z": stats.z_for(stats.CONFIDENCE),
        "alpha": stats.ALPHA,
        "listed_up_to": lead.LISTED_UP_TO,
        "claimed": ["supported", "demo"],
        "clear_ratio": str(claims.CLEAR_RATIO),
        "level": claims.LEVEL,
        "about_the_same": claims.ABOUT_THE_SAME,
        "level_at_top": claims.LEVEL_AT_TOP,
        "about_the_same_at_top": claims.ABOUT_THE_SAME_AT_TOP,
    }
    rates = 0
    for model in data["models"]:
        for run in model["runs"].values():
            for row in run["rows"]:
                cell = row["cell"]
                if row["rate"] is None:  # no counts: no interval
                    assert not {"low", "high"} & set(cell), row
                    continue
                passed, total = row["rate"]
                assert row["better"] == "higher"
                assert cell["detail"] == f"{passed}/{total}"
                low, high = stats.wilson_interval(passed, total)
                assert abs(float(cell["low"]) - 100 * low) <= 0.05, row
                assert abs(float(cell["high"]) - 100 * high) <= 0.05, row
                if row["measure"] == Measure.OVERALL.value:
                    assert row["rate"] == [run["passed"], run["covered"]]
                rates += 1
    assert rates == 2 * 6  # two runs: the overall score and five categories each


def test_each_summary_row_of_models_json_names_its_measure(site: dict[str, bytes]) -> None:
    """Scripts match rows on ``measure``, a stable id; the label is for display only."""
    data = read_json(site, "api/models.json")
    runs = [run for model in data["models"] for run in model["runs"].values()]
    assert runs
    for run in runs:
        summary = [row for row in run["rows"] if row["section"] == "summary"]
        assert [MEASURE_LABELS[Measure(row["measure"])] for row in summary] == [
            row["label"] for row in summary
        ]
        assert all(row["group"] == "Summary" for row in summary)
        assert all(row["category"] is None for row in summary)
        assert all(row["measure"] is None for row in run["rows"] if row["section"] != "summary")


def test_each_category_row_of_models_json_names_its_section_and_category(
    site: dict[str, bytes],
) -> None:
    """A category's row carries its section and its category's id, so that a script finds
    it without counting rows or reading labels; ``sections`` gives each heading once."""
    data = read_json(site, "api/models.json")
    assert data["sections"] == [
        {"id": "summary", "label": "Summary"},
        {"id": "categories", "label": "By category"},
    ]
    assert data["property_ids"][data["properties"].index("Parameters")] == "parameters"
    assert len(data["property_ids"]) == len(data["properties"])
    suites = {suite["id"]: suite for suite in data["suites"]}
    checked = 0
    for model in data["models"]:
        for suite_id, run in model["runs"].items():
            rows = [row for row in run["rows"] if row["section"] == "categories"]
            assert [row["category"] for row in rows] == [
                category["id"] for category in suites[suite_id]["categories"]
            ]
            assert [row["label"] for row in rows] == [
                category["label"] for category in suites[suite_id]["categories"]
            ]
            assert all(row["group"] == "By category" for row in rows)
            checked += len(rows)
    assert checked


# --- CSV ----------------------------------------------------------------------------


def csv_download(section: Tag) -> tuple[str, bytes]:
    """The file name and the bytes of the CSV a section of a pair page links to."""
    (link,) = section.select("p.data-out a[download]")
    href = str(link["href"])
    prefix = "data:text/csv;charset=utf-8,"
    assert href.startswith(prefix), href
    assert link["type"] == "text/csv"
    return str(link["download"]), unquote_to_bytes(href.removeprefix(prefix))


@pytest.mark.parametrize("slug", PAIRS)
def test_pair_csv_is_the_score_table(site: dict[str, bytes], slug: str) -> None:
    assert f"compare/{slug}/vision-evals.csv" not in site  # in the page, not beside it
    page = soup(site[f"compare/{slug}/index.html"])
    tables = suite_tables(page)
    if "vision-evals" not in tables:  # neither ran it: no table, so nothing to download
        assert page.select("p.data-out a[download]") == []
        return
    names = heads(tables["vision-evals"])[1:]
    section = page.find("section", attrs={"aria-labelledby": "suite-vision-evals"})
    assert isinstance(section, Tag)
    name, raw = csv_download(section)
    assert name == f"{slug}-vision-evals.csv"
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    rows = read_csv(raw)
    assert rows[0] == [
        "Group",
        "Measure",
        *[f"{name}{suffix}" for name in names for suffix in CELL_SUFFIXES],
        "Best",
        "Note",
    ]
    # what the page's table shows, row by row: the measure, each value, the leaders
    expected = []
    group = ""
    for label, cells in page_rows(tables["vision-evals"]):
        if label.startswith("#"):
            group = label[1:]
            continue
        leaders = [n for n, c in zip(names, cells, strict=True) if c["leader"]]
        expected.append([group, label, *[c["text"] for c in cells], ", ".join(leaders)])
    width = len(CELL_SUFFIXES)
    assert [
        [*row[:2], *row[2 : 2 + width * len(names) : width], row[-2]] for row in rows[1:]
    ] == expected
    if slug == "gemma-4-12b-vs-gemma-4-26b-a4b":  # both ran it: 42/67 against 46/67
        assert rows[1][1:2] + rows[1][-2:] == ["Overall score", "", "Level within noise"]


CELL_SUFFIXES = ("", " detail", " interval low", " interval high")


def interval_bound(value: str | None) -> str:
    """An interval's bound as a CSV has it: the page's one decimal place (JSON trims it)."""
    return "" if value is None else format(Decimal(value).quantize(Decimal("0.1")), "f")


def test_model_and_leaderboard_csv(site: dict[str, bytes]) -> None:
    rows = read_csv(site["models/gemma-4-12b/vision-evals.csv"])
    assert rows[0] == [
        "Group",
        "Measure",
        *[f"Gemma 4 12B{suffix}" for suffix in CELL_SUFFIXES],
        "Best",
        "Note",
    ]
    assert rows[1] == ["Summary", "Overall score", "62.69%", "42/67", "50.7", "73.3", "", ""]
    board = read_csv(site["leaderboards/vision-evals.csv"])
    assert board[0] == [
        *["Rank", "Model", "Model id"],
        *["Overall score", "Overall score detail"],
        *["Overall score interval low", "Overall score interval high"],
        *["Prompts covered", "Prompts covered detail"],
        *["Prompts covered count", "Prompts in suite"],
        *["Average response time", "Average response time detail"],
        *["Estimated cost per task", "Estimated cost per task detail"],
    ]
    assert [row[2] for row in board[1:]] == [
        "gemma-4-26b-a4b",
        "gemma-4-12b",
        "florence-2",
        "paligemma",
        "sam-clip",
    ]
    assert board[1] == [
        *["1", "Gemma 4 26B A4B", "gemma-4-26b-a4b"],
        *["68.66%", "46/67", "56.8", "78.5"],  # with its 95% interval, as the page prints it
        *["67 of 67 prompts", "", "67", "67"],
        *["30.23 s", ""],
        *["$0.000088", ""],
    ]
    assert board[3] == [
        *["", "Florence-2", "florence-2"],  # not evaluated: no rank
        *["Not evaluated", "", "", ""],
        *["Not evaluated", "", "", "67"],
        *["Not evaluated", ""] * 2,
    ]
    index = soup(site["index.html"])
    assert index.find("a", href="leaderboards/vision-evals.csv") is not None


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("62.69%", "62.69%"),
        ("", ""),
    ],
)
def test_csv_fields_never_start_a_formula(field: str, written: str) -> None:
    assert tablecsv.safe_field(field) == written
    assert read_csv(tablecsv.csv_bytes([[field]])) == [[written]]


def test_a_hostile_name_is_text_in_every_csv(project: Path) -> None:
    card = project / "models" / "florence-2.yaml"
    card.write_text(
        card.read_text().replace("name: Florence-2", """name: '=HYPERLINK("http://x","y")'""", 1)
    )
    site = render_site(load_project(project), project)
    hostile = '=HYPERLINK("http://x","y")'
    files = [site[name] for name in site if name.endswith(".csv") and "florence-2" in name]
    assert len(files) == 1  # its model page's table
    downloads = [
        csv_download(section)[1]
        for name in site
        if name.startswith("compare/") and "florence-2" in name and name.endswith(".html")
        for section in soup(site[name]).select("section.suite")
    ]
    assert len(downloads) == 2  # the pairs with a model that ran the suite
    for raw in files + downloads:
        fields = [field for row in read_csv(raw) for field in row]
        assert "'" + hostile in fields or f"'{hostile} detail" in fields
        assert not any(field.startswith(("=", "+", "-", "@")) for field in fields)
    board = read_csv(site["leaderboards/vision-evals.csv"])
    assert ["", "'" + hostile, "florence-2"] == board[3][:3]


def test_csv_round_trips_quotes_commas_and_line_breaks() -> None:
    rows = [["a,b", 'say "hi"', "two\nlines", "ünïcode ✓"], ["1", "", "-", "x"]]
    data = tablecsv.csv_bytes(rows)
    assert read_csv(data) == [rows[0], ["1", "", "'-", "x"]]
    assert data.count(b"\r\n") == 2


# --- determinism, encoding, URLs ------------------------------------------------------


def _data_files(site: dict[str, bytes]) -> Iterator[str]:
    """versus's data files; not the search index's, which are in Pagefind's own formats."""
    return (
        name
        for name in site
        if name.endswith((".json", ".csv", ".txt")) and not name.startswith(urls.SEARCH)
    )


def test_json_is_canonical_utf8_with_a_final_newline(site: dict[str, bytes]) -> None:
    for name in _data_files(site):
        if not name.endswith(".json"):
            continue
        raw = site[name]
        data = json.loads(raw.decode("utf-8"))
        assert raw.endswith(b"}\n"), name
        assert raw.count(b"\n") == 1, name
        again = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert raw == jsondata.dumps(data), name
        assert again.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + (
            "\n"
        ) == raw.decode("utf-8"), name


def test_every_url_in_the_data_is_canonical(site: dict[str, bytes]) -> None:
    def urls(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("url", "json", "csv", "leaderboard_csv") and isinstance(item, str):
                    yield item
                else:
                    yield from urls(item)
        elif isinstance(value, list):
            for item in value:
                yield from urls(item)

    ours = [
        url
        for name in site
        if name.startswith("api/")
        for url in urls(read_json(site, name))
        if url.startswith(BASE)
    ]
    assert len(ours) > 12  # each model page and CSV, in models.json and the outcome files
    for url in ours:
        path = url.removeprefix(BASE)
        assert path == "" or path in site or f"{path}index.html" in site, url


def test_data_files_do_not_depend_on_hash_seed(sample_project: Path) -> None:
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from versus.build.pipeline import render_site\n"
        "from versus.inputs.load import load_project\n"
        "root = Path(sys.argv[1])\n"
        "files = render_site(load_project(root), root)\n"
        "for name in sorted(files):\n"
        "    if not name.endswith('.html'):\n"
        "        print(name, hashlib.sha256(files[name]).hexdigest())\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(sample_project)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert "api/models.json" in outputs[0]


def test_number_is_exact_plain_decimal() -> None:
    from decimal import Decimal

    assert jsondata.number(Decimal("80.0")) == "80"
    assert jsondata.number(Decimal("1E+2")) == "100"
    assert jsondata.number(Decimal("0.0000882600")) == "0.00008826"
    assert jsondata.number(30.23) == "30.23"
    assert jsondata.number(None) is None
    assert jsondata.cell_data(Cell("x")) == {"text": "x", "state": "value"}


# --- llms.txt -----------------------------------------------------------------------


def test_llms_txt_lists_the_site(site: dict[str, bytes]) -> None:
    lines = site["llms.txt"].decode("utf-8").splitlines()
    assert lines[0] == "# versus"
    assert lines[2].startswith("> Side-by-side comparisons")
    sections = [line for line in lines if line.startswith("## ")]
    assert sections == [
        "## Site",
        "## Models",
        "## Eval suites",
        "## Comparisons",
        "## Data",
        "## Optional",
    ]
    body = "\n".join(lines)
    assert f"- [Home]({BASE})" in body
    for model in MODELS:
        assert f"]({BASE}models/{model}/): " in body
    for slug in PAIRS:
        assert f"]({BASE}compare/{slug}/)" in body
    assert f"[Every model as JSON]({BASE}api/models.json)" in body
    assert f"({BASE}leaderboards/vision-evals.csv)" in body
    assert f"- [Vision Evals]({BASE}evals/vision-evals/): " in body


def test_llms_txt_describes_pair_urls_past_the_list_limit(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    add_models(project, 25)  # 30 models, 435 pairs
    site = render_site(load_project(project), project)
    body = site["llms.txt"].decode("utf-8")
    assert body.count(f"]({BASE}models/") == 30
    assert body.count(f"]({BASE}compare/") == 2  # the compare page and one example pair
    assert f"`{BASE}compare/<a>-vs-<b>/`" in body
    assert "There are 435 of them" in body


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("](http://evil.example) # Heading", "\\](http://evil.example) \\# Heading"),
        ("[x](http://evil.example)", "\\[x\\](http://evil.example)"),
        ("two\nlines\u2028and a\tstep", "two lines and a step"),
        (
            "<b>*a* _b_ `c` &amp; |d| ~e~ !f</b>",
            "\\<b\\>\\*a\\* \\_b\\_ \\`c\\` \\&amp; \\|d\\| \\~e\\~ \\!f\\</b\\>",
        ),
        ("Florence-2 (large), v1.5 + more", "Florence-2 (large), v1.5 + more"),
    ],
)
def test_llms_txt_text_is_escaped_markdown_on_one_line(written: str, shown: str) -> None:
    """A name or summary in llms.txt cannot make a link, heading, emphasis, code or HTML."""
    assert llms._md(written) == shown


# --- the plan, shards and incremental builds ------------------------------------------


def test_the_plan_lists_each_pairs_files_after_its_page() -> None:
    specs = plan.plan_for(["b", "a", "c"], ["s2", "s1"])
    paths = [spec.path for spec in specs]
    start = paths.index("compare/a-vs-b/index.html")
    # a pair's one file is its page: nothing else is written per pair
    assert paths[start : start + 3] == [
        "compare/a-vs-b/index.html",
        "compare/a-vs-c/index.html",
        "compare/b-vs-c/index.html",
    ]
    assert not any(path.startswith("api/pairs/") for path in paths)
    assert [spec.kind for spec in specs if len(spec.ids) == 2] == ["pair"] * 3
    for required in (
        "api/models.json",
        "llms.txt",
        "compare/index.html",
        "methodology/index.html",
        "leaderboards/s1.csv",
        "models/c/s2.csv",
        "api/outcomes/c.json",
    ):
        assert required in paths
    for path in paths:
        check_relative(path)
    assert plan.plan_size(3, 2) == (
        sum(path.endswith(".html") for path in paths),
        len(paths),
    )
    # the sitemap lists the plan's HTML pages, in URL order, but not the compare page (a
    # tool, not content) or the 404 page
    urls = [url for url, _ in plan.sitemap_entries(["b", "a", "c"])]
    assert urls == sorted(urls)
    content = ("index", "capabilities", "methodology", "model", "pair")
    indexed = {s.path.removesuffix("index.html") for s in specs if s.kind in content}
    assert set(urls) == indexed
    assert len(urls) == len(indexed) == 1 + 1 + 1 + 3 + 3
    assert "compare/" not in urls
    assert "methodology/" in urls


def test_an_id_that_is_no_slug_cannot_leave_the_site() -> None:
    paths = [spec.path for spec in plan.plan_for(["..", "a"], ["s"])]
    with pytest.raises(UnsafePathError):
        check_relative(next(path for path in paths if path.startswith("models/..")))


def test_a_suite_id_that_collides_is_refused() -> None:
    with pytest.raises(plan.PathCollisionError):
        plan.unique([*plan.plan_for(["a", "b"]), PageSpec("404", "api/models.json")])


@pytest.mark.parametrize("count", [2, 3, 4])
def test_shards_keep_a_pairs_files_together(count: int) -> None:
    specs = plan.plan_for([f"m{i}" for i in range(7)], ["s1", "s2"])
    shares = [plan.shard(specs, k, count) for k in range(1, count + 1)]
    owner = {spec.path: k for k, share in enumerate(shares) for spec in share}
    assert sorted(owner) == sorted(spec.path for spec in specs)
    assert sum(len(share) for share in shares) == len(specs)
    for spec in specs:
        if spec.kind in KINDS.pair_kinds:
            a, b = spec.ids
            assert owner[spec.path] == owner[f"compare/{a}-vs-{b}/index.html"]
        else:
            assert owner[spec.path] == 0


def _states(project: Path) -> SiteState:
    from versus.build.pipeline import assets

    return site_state(load_project(project), project, None, assets(project))


def test_a_card_edit_changes_its_pairs_pages_and_the_site_wide_files(project: Path) -> None:
    before = _states(project)
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text().replace("  vqa: supported", "  vqa: demo", 1))
    after = _states(project)
    changed = {spec.path for spec in changes(before, after).pages}
    pairs = [slug for slug in PAIRS if "paligemma" in slug]
    for slug in pairs:
        assert f"compare/{slug}/index.html" in changed
    for slug in set(PAIRS) - set(pairs):
        assert not any(slug in path for path in changed), slug
    assert {
        "api/models.json",
        "llms.txt",
        "leaderboards/vision-evals.csv",
        "models/paligemma/vision-evals.csv",
        "api/outcomes/paligemma.json",
    } <= changed
    assert "models/florence-2/vision-evals.csv" not in changed
    assert "compare/index.html" not in changed  # names did not change


def test_a_rename_changes_the_compare_page(project: Path) -> None:
    before = _states(project)
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("name: SAM-CLIP", "name: SAM CLIP", 1))
    changed = {spec.path for spec in changes(before, _states(project)).pages}
    assert "compare/index.html" in changed


def test_a_template_edit_leaves_the_data_alone(project: Path) -> None:
    before = _states(project)
    pair = override(project, "pair.html")
    pair.write_text(pair.read_text() + "<!-- edited -->\n")
    changed = {spec.path for spec in changes(before, _states(project)).pages}
    assert changed == {f"compare/{slug}/index.html" for slug in PAIRS}
    compare_page = override(project, "compare.html")
    before = _states(project)
    compare_page.write_text(compare_page.read_text() + "<!-- edited -->\n")
    assert [spec.path for spec in changes(before, _states(project)).pages] == ["compare/index.html"]


def test_a_new_suite_adds_and_its_removal_removes_csv_files(project: Path) -> None:
    before = _states(project)
    write(
        project,
        "evals/extra/suite.yaml",
        """
        name: Extra
        summary: Two prompts.
        description: A second suite.
        methodology: Pass or fail.
        prompts: 2
        categories:
          - {id: one, label: One, prompts: 2}
        """,
    )
    after = _states(project)
    assert after.suites == ("extra", "vision-evals")
    added = {spec.path for spec in changes(before, after).pages}
    assert {f"models/{m}/extra.csv" for m in MODELS} <= added
    assert "leaderboards/extra.csv" in added
    removed = set(changes(after, before).removed)
    assert removed == {
        *(f"models/{m}/extra.csv" for m in MODELS),
        "leaderboards/extra.csv",
        "evals/extra/index.html",
    }


def test_removing_a_model_removes_its_data_files(project: Path) -> None:
    before = _states(project)
    (project / "models" / "sam-clip.yaml").unlink()
    removed = set(changes(before, _states(project)).removed)
    assert "api/outcomes/sam-clip.json" in removed
    assert "compare/paligemma-vs-sam-clip/index.html" in removed
    assert "models/sam-clip/vision-evals.csv" in removed
    assert len(removed) == 3 + 4


def test_a_state_recorded_before_suites_means_a_full_build(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    states = TreeStates(out)
    assert states.state_of(out) is not None
    record = json.loads(states.path.read_text())
    for state in record["trees"].values():
        if state is not None:
            del state["suites"]
    states.path.write_text(json.dumps(record))
    assert TreeStates(out).state_of(out) is None  # unknown: the next build renders everything
    report = build(project, out, jobs=1)
    assert report.publish.written + report.publish.unchanged == report.files


def test_unchanged_models_keep_their_data_files(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    files = [p for p in out.rglob("*") if p.suffix in (".json", ".csv")]
    before = {path: path.stat().st_mtime_ns for path in files}
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("# Model card:", "# A model card:", 1))
    build(project, out, jobs=1)  # a comment: none of the data changed
    assert not [
        p for p in before if "/outcomes/" in p.as_posix() and p.stat().st_mtime_ns != before[p]
    ]
    card.write_text(card.read_text().replace("organization: Apple", "organization: Apple Inc.", 1))
    build(project, out, jobs=1)
    changed = {p.relative_to(out).as_posix() for p in before if p.stat().st_mtime_ns != before[p]}
    assert "api/outcomes/sam-clip.json" in changed
    assert "api/outcomes/paligemma.json" not in changed
    assert "models/florence-2/vision-evals.csv" not in changed


def test_a_pairs_page_does_not_grow_with_the_catalog(tmp_path: Path) -> None:
    def render(extra: int) -> dict[str, bytes]:
        project = fixture_project(tmp_path / f"project-{extra}")
        add_models(project, extra)
        return render_site(load_project(project), project)

    small, large = render(2), render(30)
    for name in ("api/outcomes/paligemma.json", "compare/florence-2-vs-paligemma/index.html"):
        assert small[name] == large[name], name


# --- the compare-several page, without a browser --------------------------------------


def test_the_compare_page_without_javascript_links_every_model(site: dict[str, bytes]) -> None:
    page = soup(site["compare/index.html"])
    form = page.select_one("form.several-picker")
    assert form is not None
    assert len(form.find_all("select")) == views.COMPARE_LIMIT
    links = [a["href"] for a in page.select(".several-fallback a")]
    assert links == [f"../models/{model}/" for model in MODELS]
    assert page.find("noscript") is None
    app = page.find(id="several")
    assert isinstance(app, Tag)
    assert app["data-json"] == "../api/models.json"
    assert page.find("script", src="../assets/compare.js") is not None
    index = soup(site["index.html"])
    assert index.select_one('#comparisons a[href="compare/"]') is not None
    pair = soup(site["compare/florence-2-vs-paligemma/index.html"])
    add = pair.find("a", href="../../compare/?m=florence-2,paligemma")
    assert add is not None
    assert text(add) == "Add a model to this comparison"


def test_every_data_file_is_utf8(site: dict[str, bytes]) -> None:
    names = list(_data_files(site))
    assert len(names) > 12
    for name in names:
        site[name].decode("utf-8")
        assert not site[name].startswith(b"\xef\xbb\xbf"), name  # no byte-order mark


def test_json_bytes_do_not_depend_on_key_order() -> None:
    first = hashlib.sha256(jsondata.dumps({"b": 1, "a": ["1.5", "x<y"]})).hexdigest()
    second = hashlib.sha256(jsondata.dumps({"a": ["1.5", "x<y"], "b": 1})).hexdigest()
    assert first == second


@pytest.mark.parametrize(
    "text",
    [
        "".join(map(chr, range(256))) + "日本\U0001f600",
        'Grüße, "x" & y\'s\r\n%#?=+@',
        "",
        "plain,csv/1:2;3\r\n",
    ],
)
def test_data_urls_percent_encode_as_quote_does(text: str) -> None:
    data = text.encode("utf-8")
    payload = tablecsv.DataUrlFields().encode(text)
    assert payload == quote(data, safe=tablecsv.URL_SAFE)
    assert unquote_to_bytes(payload) == data
    assert not set(payload) & set(" \"'&<>#?\r\n")  # nothing HTML or a URL would mind


@pytest.mark.parametrize(
    "row",
    [
        ["plain", "with, comma", 'with "quotes"', "line\r\nbreak", "", "=SUM(A1)", "-1", 42],
        ["a\nb", "c\rd", " spaced ", "'", '"', ",", "@x", "\tx"],
        [""],
        ["", ""],
        ["Grüße", "日本", "x" * 300],
    ],
)
def test_csv_lines_are_what_the_csv_module_writes(row: list[str | int]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([tablecsv.safe_field(str(f)) for f in row])
    fields = tablecsv.CsvFields()
    assert fields.line(row) == buffer.getvalue()
    assert fields.line(row) == buffer.getvalue()  # the second time from its memo
    assert tablecsv.csv_bytes([row, row]) == (buffer.getvalue() * 2).encode("utf-8")
    # the same line percent-encoded field by field is the line's data: URL
    encoded = tablecsv.DataUrlFields()
    for _ in range(2):
        url = tablecsv.CSV_DATA_URL + encoded.line(row)
        assert url == tablecsv.CSV_DATA_URL + quote(
            buffer.getvalue().encode("utf-8"), safe=tablecsv.URL_SAFE
        )
