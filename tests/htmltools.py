"""Reading rendered pages back through an HTML parser, for assertions."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def soup(html: bytes | str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


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


def value_rows(table: Tag) -> dict[str, list[tuple[str, str]]]:
    """Row label -> (printed value, state) of each data cell, for body rows."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for tr in table.find_all("tr"):
        head = tr.find("th", scope="row")
        if head is None:
            continue
        label_node = head.find(string=True, recursive=False)
        label = str(label_node).strip() if label_node else text(head)
        rows[label] = [(value_of(td), state_of(td)) for td in tr.find_all("td")]
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
