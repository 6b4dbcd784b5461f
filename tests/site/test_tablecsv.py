"""Direct tests of :mod:`versus.site.tablecsv`: CSV bytes, the formula guard, ``data:`` URLs
and score tables as CSV, all read back with the :mod:`csv` module."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

import pytest

import synthetic
from support import fixture_project
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.join import tables
from versus.join.profiles import Profile, build_profiles
from versus.site import tablecsv
from versus.site.tablecsv import CSV_DATA_URL, DataUrlFields, csv_bytes

SUITE = "vision-evals"

AWKWARD: list[list[str | int]] = [
    ["plain", "with, comma", 'with "quotes"', "two\nlines", "cr\rhere", "", "ünïcødé €"],
    [1, 22, -3, "a=b", "1-2", "x@y", "  space "],
]
"""Fields that must be quoted, or must not be, and ints (``-3`` is a formula start)."""

HOSTILE: list[str] = [
    '=HYPERLINK("http://evil")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=",
    "==",
]


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def python_csv(rows: Sequence[Sequence[str | int]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


# --- csv_bytes ------------------------------------------------------------------------


def test_csv_bytes_are_what_the_csv_module_writes() -> None:
    safe: list[list[str | int]] = [
        ["plain", "with, comma", 'with "quotes"', "two\nlines", "", "ünïcødé €"],
        [1, 22],
    ]
    assert csv_bytes(safe) == python_csv(safe)


def test_csv_bytes_read_back_as_written() -> None:
    data = csv_bytes(AWKWARD)
    assert data.endswith(b"\r\n")
    rows = read(data)
    assert rows[0] == [str(field) for field in AWKWARD[0]]
    assert rows[1] == ["1", "22", "'-3", "a=b", "1-2", "x@y", "  space "]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_start_is_guarded(text: str) -> None:
    (row,) = read(csv_bytes([[text, "after"]]))
    assert row == ["'" + text, "after"]


@pytest.mark.parametrize("start", tablecsv.FORMULA_STARTS)
def test_every_formula_start_is_guarded(start: str) -> None:
    assert tablecsv.safe_field(start + "cmd") == "'" + start + "cmd"
    assert tablecsv.safe_field("cmd" + start) == "cmd" + start


def test_a_lone_empty_field_is_not_a_blank_line() -> None:
    data = csv_bytes([[""], ["a"]])
    assert data == b'""\r\na\r\n'
    assert read(data) == [[""], ["a"]]


def test_no_rows_no_bytes() -> None:
    assert csv_bytes([]) == b""


# --- data: URLs ------------------------------------------------------------------------

URL_UNSAFE = set(" #?%&'\"\r\n\t<>\\")


def test_data_url_fields_round_trip_through_unquote() -> None:
    rows: list[list[str | int]] = [
        *AWKWARD,
        [*HOSTILE],
        ["100%", "#1", "a?b", "x&y", "it's", "<b>", "back\\slash"],
    ]
    encoded = csv_bytes(rows, DataUrlFields())
    text = encoded.decode("ascii")
    assert unquote_to_bytes(text) == csv_bytes(rows)
    assert unquote(text, encoding="utf-8") == csv_bytes(rows).decode("utf-8")
    # only percent escapes carry what a URL or an HTML attribute would read otherwise
    assert not (set(text) - {"%"}) & URL_UNSAFE
    assert "%25" in text  # the % of "100%"
    assert "%0D%0A" in text


def test_data_url_fields_encode_byte_by_byte() -> None:
    fields = DataUrlFields()
    assert fields.line(["é"]) == "%C3%A9%0D%0A"
    assert fields.line(["a b", "c"]) == "a%20b,c%0D%0A"
    assert fields.line([""]) == "%22%22%0D%0A"


# --- score tables ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_project(fixture_project(tmp_path_factory.mktemp("tablecsv") / "project"))


@pytest.fixture(scope="module")
def profiles(catalog: Catalog) -> dict[str, Profile]:
    return build_profiles(catalog)


def table_of(catalog: Catalog, columns: Sequence[Profile]) -> tables.ScoreTable:
    return tables.score_table(SUITE, catalog.suites[SUITE], columns, catalog.config.bands)


def test_score_table_csv_has_a_value_and_a_detail_per_model(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = [profiles["gemma-4-12b"], profiles["gemma-4-26b-a4b"]]
    table = table_of(catalog, columns)
    header, *rows = read(tablecsv.score_table_csv(table, columns))
    assert header == [
        "Group",
        "Measure",
        "Gemma 4 12B",
        "Gemma 4 12B detail",
        "Gemma 4 12B interval low",
        "Gemma 4 12B interval high",
        "Gemma 4 26B A4B",
        "Gemma 4 26B A4B detail",
        "Gemma 4 26B A4B interval low",
        "Gemma 4 26B A4B interval high",
        "Best",
        "Note",
    ]
    expected = [(g.label, r.label) for g in table.groups for r in g.rows]
    assert [(row[0], row[1]) for row in rows] == expected
    by_measure = {row[1]: row for row in rows}
    # 46 of 67 against 42 of 67 is within noise: nobody leads, and the row says so, as on
    # the page; each rate with its 95% interval as the page prints it
    assert by_measure["Overall score"][2:] == [
        *["62.69%", "42/67", "50.7", "73.3"],
        *["68.66%", "46/67", "56.8", "78.5"],
        *["", "Level within noise"],
    ]
    # 4.4 times faster: a time without an interval, leading its row
    assert by_measure["Average response time"][2:] == [
        *["6.88 s", "", "", ""],
        *["30.23 s", "", "", ""],
        *["Gemma 4 12B", ""],
    ]
    assert by_measure["Document Understanding"][-2:] == ["", "Level within noise"]  # a tie
    assert by_measure["Prompts covered"][-2:] == ["", ""]  # compares nothing, says nothing
    # the Best and Note columns are the table's verdicts, row by row
    verdicts = [
        [
            ", ".join(m.name for m, cell in zip(columns, row.cells, strict=True) if cell.leader),
            row.note,
        ]
        for group in table.groups
        for row in group.rows
    ]
    assert [row[-2:] for row in rows] == verdicts
    assert any(best for best, _ in verdicts)


def test_score_table_csv_has_what_the_page_says_of_a_significant_lead(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A pass rate that leads its row at 95% is named in ``Best`` with no note, beside a
    row whose rates are level within noise; the intervals are the cells' own."""
    project = fixture_project(tmp_path / "project")
    # 1 of 67 against Gemma 4 12B's 42: a clear lead overall; 0 of 10 against 1 of 10
    # Object Counting is level within noise
    counts = {category.id: (0, category.prompts) for category in catalog.suites[SUITE].categories}
    counts["defect-detection"] = (1, 15)
    (project / "evals" / SUITE / "florence-2.yaml").write_text(synthetic.result(counts, "2.5"))
    loaded = load_project(project)
    built = build_profiles(loaded)
    columns = [built["florence-2"], built["gemma-4-12b"]]
    table = table_of(loaded, columns)
    by_measure = {row[1]: row for row in read(tablecsv.score_table_csv(table, columns))[1:]}
    assert by_measure["Overall score"][2:] == [
        *["1.49%", "1/67", "0.3", "8.0"],
        *["62.69%", "42/67", "50.7", "73.3"],
        *["Gemma 4 12B", ""],
    ]
    assert by_measure["Object Counting"][2:] == [
        *["0%", "0/10", "0.0", "27.8"],
        *["10%", "1/10", "1.8", "40.4"],
        *["", "Level within noise"],
    ]
    # the same facts as the table's own cells and rows: nothing recomputed
    rows = {row.label: row for group in table.groups for row in group.rows}
    for label in ("Overall score", "Object Counting"):
        one, two = rows[label].cells
        assert by_measure[label][4:6] == [str(one.low), str(one.high)]
        assert by_measure[label][8:10] == [str(two.low), str(two.high)]
        assert by_measure[label][-1] == rows[label].note
    assert rows["Overall score"].cells[1].leader


def test_score_table_csv_of_a_model_without_results(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = [profiles["florence-2"], profiles["gemma-4-12b"]]
    rows = read(tablecsv.score_table_csv(table_of(catalog, columns), columns))[1:]
    assert rows
    assert all(row[2:6] == ["Not evaluated", "", "", ""] for row in rows)
    assert all(row[-2:] == ["", ""] for row in rows)  # a lone run leads nothing, says nothing


def test_a_suite_nobody_ran_says_not_evaluated(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = [profiles["florence-2"], profiles["sam-clip"]]
    rows = read(tablecsv.score_table_csv(table_of(catalog, columns), columns))[1:]
    categories = [c.label for c in catalog.suites[SUITE].categories]
    assert [row[:2] for row in rows] == [
        ["Summary", "Overall score"],
        *[["By category", label] for label in categories],
    ]
    assert all(
        row[2:] == ["Not evaluated", "", "", "", "Not evaluated", "", "", "", "", ""]
        for row in rows
    )


def test_model_names_are_guarded_in_the_score_csv(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    original = profiles["gemma-4-12b"]
    evil = dataclasses.replace(
        original, card=original.card.model_copy(update={"name": "=cmd|'/c calc'!A1"})
    )
    columns = [profiles["gemma-4-26b-a4b"], evil]
    header, *rows = read(tablecsv.score_table_csv(table_of(catalog, columns), columns))
    assert header[6:10] == [
        "'=cmd|'/c calc'!A1",
        "'=cmd|'/c calc'!A1 detail",
        "'=cmd|'/c calc'!A1 interval low",
        "'=cmd|'/c calc'!A1 interval high",
    ]
    faster = next(row for row in rows if row[1] == "Average response time")
    assert faster[-2] == "'=cmd|'/c calc'!A1"  # leads its row, named in the Best column


def test_score_table_url_is_the_csv_percent_encoded(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    columns = [profiles["gemma-4-26b-a4b"], profiles["gemma-4-12b"]]
    table = table_of(catalog, columns)
    url = tablecsv.score_table_url(table, columns)
    assert url.startswith(CSV_DATA_URL)
    assert unquote_to_bytes(url.removeprefix(CSV_DATA_URL)) == tablecsv.score_table_csv(
        table, columns
    )
    assert not (set(url) - {"%"}) & URL_UNSAFE


def test_a_shared_writer_gives_the_same_bytes(
    catalog: Catalog, profiles: dict[str, Profile]
) -> None:
    """One writer serves many tables (it keeps encoded fields): no table leaks into the next."""
    fields = tablecsv.CsvFields()
    pairs = [("gemma-4-12b", "gemma-4-26b-a4b"), ("florence-2", "gemma-4-12b")]
    for a, b in pairs * 2:
        columns = [profiles[a], profiles[b]]
        table = table_of(catalog, columns)
        assert tablecsv.score_table_csv(table, columns, fields) == tablecsv.score_table_csv(
            table, columns
        )
