"""Reading rendered pages back through an HTML parser, for assertions."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def soup(html: bytes | str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text(node: Tag) -> str:
    """The text of ``node``, its whitespace normalized; a space between two elements'
    texts, as a browser shows them, though not before a comma (``4/6<span>, 95% CI``)."""
    return " ".join(node.get_text(" ").split()).replace(" ,", ",")


def table_rows(table: Tag) -> list[list[str]]:
    """Each row of a table as the whitespace-normalized text of its cells."""
    return [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]


def state_of(td: Tag) -> str:
    """The state of a table cell, from its ``cell--<state>`` class; a plain value has none."""
    states = [
        name.removeprefix("cell--") for name in td.get("class") or [] if name.startswith("cell--")
    ]
    assert len(states) <= 1, td
    return states[0] if states else "value"


def grid(table: Tag) -> list[tuple[Tag, list[Tag]]]:
    """Each row of ``table`` with its cells column by column, as a browser lays them out: a
    cell that spans rows (``rowspan``, within its row group) is a cell of each row it spans;
    one that spans columns is counted once."""
    rows: list[tuple[Tag, list[Tag]]] = []
    spanning: dict[int, tuple[Tag, int]] = {}  # column -> the cell over it, rows it has left
    group = None
    for tr in table.find_all("tr"):
        if tr.parent is not group:
            group, spanning = tr.parent, {}
        cells: list[Tag] = []
        own = iter(tr.find_all(["th", "td"], recursive=False))
        column = 0
        while True:
            if column in spanning:
                cell, left = spanning.pop(column)
                if left > 1:
                    spanning[column] = (cell, left - 1)
                cells.append(cell)
                column += 1
                continue
            found = next(own, None)
            if found is None:
                break
            cells.append(found)
            span = int(str(found.get("rowspan", "1")))
            if span > 1:
                spanning[column] = (found, span - 1)
            column += int(str(found.get("colspan", "1")))
        rows.append((tr, cells))
    return rows


def value_rows(table: Tag) -> dict[str, list[tuple[str, str]]]:
    """Row label -> (printed value, state) of each data cell, for body rows (a cell spanning
    rows in each of them)."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for tr, cells in grid(table):
        head = tr.find("th", scope="row")
        if head is None:
            continue
        label_node = head.find(string=True, recursive=False)
        label = str(label_node).strip() if label_node else text(head)
        rows[label] = [(value_of(td), state_of(td)) for td in cells if td.name == "td"]
    return rows


def value_of(td: Tag) -> str:
    """The printed value of a table cell: its own text, without its tag, detail or band."""
    return " ".join("".join(td.find_all(string=True, recursive=False)).split())


def detail_of(td: Tag) -> str | None:
    """The detail printed under a cell's value (``11/15``), if any."""
    small = td.find(lambda tag: tag.name == "small" and "band" not in (tag.get("class") or []))
    return text(small) if small else None


def section_table(page: BeautifulSoup, section_id: str) -> Tag:
    section = page.find(id=section_id)
    assert isinstance(section, Tag), f"no #{section_id}"
    table = section.find("table")
    assert isinstance(table, Tag), f"no table in #{section_id}"
    return table
