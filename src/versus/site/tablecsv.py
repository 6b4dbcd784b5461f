"""Score tables as CSV: the file beside a model page, the download on a pair page.

Pure: bytes and ``data:`` URLs from view models. RFC 4180 as Python's ``csv``
module writes it (``QUOTE_MINIMAL``, ``\r\n``), UTF-8, every field that a
spreadsheet could run as a formula guarded by a leading ``'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from versus.join import tables
from versus.join.cells import NOT_EVALUATED, Cell
from versus.join.columns import MEASURE_LABELS, SECTION_LABELS, Measure, Section
from versus.join.profiles import Profile

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's list)."""


def safe_field(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would otherwise run it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


_QUOTED = frozenset(',"\r\n')


class CsvFields:
    """CSV lines as :mod:`csv` writes them with ``QUOTE_MINIMAL`` and ``\r\n`` line ends,
    each field guarded by :func:`safe_field`, and each distinct field encoded once.

    The CSVs of a model's N-1 pair pages repeat its cells' texts; one of these per view
    builder keeps them, so that a pair's CSV is mostly joining strings instead of a pass
    of the ``csv`` module over every field.
    """

    end = "\r\n"
    """What ends a line."""
    comma = ","
    """What separates two fields."""

    def __init__(self) -> None:
        self._encoded: dict[str, str] = {}
        self._cells: dict[int, tuple[Cell, str]] = {}

    def cell(self, cell: Cell) -> str:
        """A cell's :data:`CELL_COLUMNS` fields joined: its text, its detail and its 95%
        interval as the page prints it (empty for a cell without one). A pair's cells are
        its models' own cell objects, so each is kept by identity (with the cell, so that
        its ``id`` is not reused while it is here)."""
        kept = self._cells.get(id(cell))
        if kept is None or kept[0] is not cell:
            low, high = cell.whisker or ("", "")
            joined = self.comma.join(
                [self.field(cell.text), self.field(cell.detail), self.field(low), self.field(high)]
            )
            kept = self._cells[id(cell)] = (cell, joined)
        return kept[1]

    def field(self, text: str) -> str:
        encoded = self._encoded.get(text)
        if encoded is None:
            encoded = self._encoded[text] = self.encode(self.quote(text))
        return encoded

    @staticmethod
    def quote(text: str) -> str:
        """``text`` as one field of a line: guarded, and quoted if it must be."""
        text = safe_field(text)
        if not _QUOTED.isdisjoint(text):
            text = '"' + text.replace('"', '""') + '"'
        return text

    def encode(self, text: str) -> str:
        """A piece of the CSV text as this writer gives it out: as it is."""
        return text

    def line(self, fields: Sequence[str | int]) -> str:
        if len(fields) == 1 and fields[0] == "":
            # as csv writes a lone empty field, so that the line is not blank
            return self.encode('""') + self.end
        field = self.field
        return self.comma.join([field(str(item)) for item in fields]) + self.end


class DataUrlFields(CsvFields):
    """The same lines, each field percent-encoded as a ``data:`` URL carries it
    (:func:`score_table_url`).

    Percent-encoding goes byte by byte, so the encoded fields joined are the encoded
    file: a pair page's CSV links are joined from fields its models' other pages
    encoded already, instead of encoding each whole file again.
    """

    end = "%0D%0A"
    comma = ","  # kept as it is in a data: URL (URL_SAFE)

    def encode(self, text: str) -> str:
        return _percent_encoded(text.encode("utf-8"))


def csv_bytes(rows: Iterable[Sequence[str | int]], fields: CsvFields | None = None) -> bytes:
    """RFC 4180 CSV in UTF-8, every field guarded by :func:`safe_field`."""
    line = (fields or CsvFields()).line
    return "".join([line(row) for row in rows]).encode("utf-8")


def _score_rows(table: tables.ScoreTable, width: int) -> Iterator[tuple[str, tables.Row]]:
    """Each row of a score table with its group; a suite no column ran says "Not evaluated"
    in its overall score and each category."""
    if table.evaluated:
        for group in table.groups:
            for row in group.rows:
                yield group.label, row
        return
    empty = (NOT_EVALUATED,) * width
    yield SECTION_LABELS[Section.SUMMARY], tables.Row(MEASURE_LABELS[Measure.OVERALL], empty)
    for category in table.suite.categories:
        yield SECTION_LABELS[Section.CATEGORIES], tables.Row(category.label, empty)


CELL_COLUMNS = ("", " detail", " interval low", " interval high")
"""A score table's columns per model, each after the model's name: the text the page prints,
its detail (``42/67``) and the low and high end of a pass rate's 95% interval, in percent
to the place the page prints (empty for a value without one)."""


def cell_columns(name: str) -> list[str]:
    """The header of :data:`CELL_COLUMNS` for a column of cells named ``name``."""
    return [name + suffix for suffix in CELL_COLUMNS]


def score_table_csv(
    table: tables.ScoreTable, models: Sequence[Profile], fields: CsvFields | None = None
) -> bytes:
    """One score table: a row per measure, :data:`CELL_COLUMNS` per model, the name of
    the model that leads the row (``Best``, empty when none does) and the row's note as
    the page prints it beside its label (``Note``: "Level within noise", "About the
    same", or empty)."""
    return "".join(_score_lines(table, models, fields or CsvFields())).encode("utf-8")


def score_table_url(
    table: tables.ScoreTable, models: Sequence[Profile], fields: DataUrlFields | None = None
) -> str:
    """:func:`score_table_csv` as a ``data:`` URL (RFC 2397): a download inside the page.

    A pair page carries its score tables' CSVs this way, so that a catalog of N
    models does not add N*(N-1) more files to the site; ``api/models.json`` has each
    model's rows, from which the compare page makes the same tables.
    """
    lines = _score_lines(table, models, fields or DataUrlFields())
    return f"{CSV_DATA_URL}{''.join(lines)}"


def _score_lines(
    table: tables.ScoreTable, models: Sequence[Profile], fields: CsvFields
) -> list[str]:
    header = ["Group", "Measure"]
    for profile in models:
        header += cell_columns(profile.name)
    header += ["Best", "Note"]
    field, cell_fields, comma, end = fields.field, fields.cell, fields.comma, fields.end
    lines = [fields.line(header)]
    if len(models) == 2:
        lines += _pair_lines(table, models[0].name, models[1].name, fields)
        return lines
    for group, row in _score_rows(table, len(models)):
        parts = [field(group), field(row.label)]
        best = []
        for profile, cell in zip(models, row.cells, strict=True):
            parts.append(cell_fields(cell))
            if cell.leader:
                best.append(profile.name)
        parts += [field(", ".join(best)), field(row.note)]
        lines.append(comma.join(parts) + end)
    return lines


def _pair_lines(table: tables.ScoreTable, first: str, second: str, fields: CsvFields) -> list[str]:
    """:func:`_score_lines`' rows for two models (every pair page's), without the lists."""
    field, cell_fields, comma, end = fields.field, fields.cell, fields.comma, fields.end
    leads = (field(""), field(first), field(second))
    lines = []
    for group, row in _score_rows(table, 2):
        one, two = row.cells
        if one.leader and two.leader:
            best = field(f"{first}, {second}")
        else:
            best = leads[1 if one.leader else 2 if two.leader else 0]
        parts = (
            field(group),
            field(row.label),
            cell_fields(one),
            cell_fields(two),
            best,
            field(row.note),
        )
        lines.append(comma.join(parts) + end)
    return lines


class Download(NamedTuple):
    """A CSV link: where it points and the file name a browser saves it under."""

    href: str
    filename: str


URL_SAFE = ",/:;=@$!*()+"
"""Bytes a ``data:`` URL may carry as they are (RFC 3986 sub-delimiters and ``:@/``, beside
letters, digits and ``-._~``): CSV is mostly these. Left out: ``%``, ``#`` and ``?`` (they
mean something in a URL), ``&``, ``'`` and ``"`` (HTML would have to escape them, making them
longer) and spaces, line ends and other bytes, which are percent-encoded."""

_KEPT = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~" + URL_SAFE.encode()
)
_PERCENT = {byte: chr(byte) if byte in _KEPT else f"%{byte:02X}" for byte in range(256)}
"""Each byte as a data: URL writes it: one ``str.translate`` over the bytes read as Latin-1
encodes a page's CSVs as :func:`urllib.parse.quote` does, faster."""


def _percent_encoded(data: bytes) -> str:
    return data.decode("latin-1").translate(_PERCENT)


CSV_DATA_URL = "data:text/csv;charset=utf-8,"
"""The start of a CSV file's ``data:`` URL; its percent-encoded bytes follow."""
