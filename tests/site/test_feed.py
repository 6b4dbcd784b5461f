"""feed.xml: an Atom feed of the newest models and results, dated by their data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from support import write
from test_sitemap import BASE, card, new_project, result
from versus.build.pipeline import render_site
from versus.inputs.cache import DocumentCache
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.load import load_project
from versus.join.profiles import build_profiles
from versus.site import feed

ATOM = "{http://www.w3.org/2005/Atom}"


def _project(root: Path, models: int = 0) -> Path:
    new_project(root)
    write(root, "models/old.yaml", card("Old", 'released: "2023-05"\n'))
    write(root, "evals/tiny/old.yaml", result("2025-02-03"))
    write(root, "models/new.yaml", card("New", 'released: "2025"\n'))
    write(root, "evals/tiny/new.yaml", result())  # an undated run: no entry
    write(root, "models/undated.yaml", card("Undated"))
    for index in range(models):
        write(root, f"models/m{index:03d}.yaml", card(f"M {index}", 'released: "2024-01-02"\n'))
    return root


def _entries(site: dict[str, bytes]) -> list[dict[str, str]]:
    root = ET.fromstring(site["feed.xml"])
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    found = []
    for entry in root.findall(f"{ATOM}entry"):
        fields = {child.tag.removeprefix(ATOM): child.text or "" for child in entry}
        link = entry.find(f"{ATOM}link")
        assert link is not None
        fields["link"] = link.get("href", "")
        found.append(fields)
    updated = root.find(f"{ATOM}updated")
    assert updated is not None
    assert updated.text == max((e["updated"] for e in found), default=feed.NO_DATE)
    return found


def test_entries_are_the_dated_models_and_runs_newest_first(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    site = render_site(load_project(root, DocumentCache(None)), root)
    entries = _entries(site)
    assert [(e["id"], e["updated"]) for e in entries] == [
        (f"{BASE}models/old/#tiny", "2025-02-03T00:00:00Z"),
        (f"{BASE}models/new/", "2025-01-01T00:00:00Z"),
        (f"{BASE}models/old/", "2023-05-01T00:00:00Z"),
    ]
    assert entries[0]["title"] == "Old on Tiny Evals: 50% (2/4)"
    # a run's entry links its score table on the model page
    assert entries[0]["link"] == f"{BASE}models/old/#suite-tiny"
    page = BeautifulSoup(site["models/old/index.html"], "html.parser")
    assert page.find(id="suite-tiny") is not None
    assert entries[1]["summary"] == "New, for the sitemap tests."


def test_a_runs_score_reads_as_on_its_pages(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    write(root, "evals/tiny/old.yaml", result("2025-02-03").replace("total: 4", "total: 3"))
    site = render_site(load_project(root, DocumentCache(None)), root)
    # 2/3 is 66.67% on the model page, its CSV and models.json: so in the feed
    assert _entries(site)[0]["title"] == "Old on Tiny Evals: 66.67% (2/3)"
    assert b"66.67%" in site["models/old/index.html"]


def test_the_feed_keeps_the_newest_entries_only(tmp_path: Path) -> None:
    root = _project(tmp_path / "project", models=feed.FEED_SIZE)
    catalog = load_project(root, DocumentCache(None))
    found = feed.entries(build_profiles(catalog), BASE)
    assert len(found) == feed.FEED_SIZE
    assert found[0].id == f"{BASE}models/old/#tiny"
    # equal dates by id: the cut is the same in every build
    assert [e.id for e in found[2:]] == sorted(e.id for e in found[2:])


def test_no_date_at_all_gives_an_empty_feed_dated_by_no_build(tmp_path: Path) -> None:
    root = new_project(tmp_path / "project")
    write(root, "models/undated.yaml", card("Undated"))
    site = render_site(load_project(root, DocumentCache(None)), root)
    assert _entries(site) == []


def test_partial_dates_name_their_first_moment() -> None:
    assert feed.rfc3339(PartialDate(year=2024)) == "2024-01-01T00:00:00Z"
    assert feed.rfc3339(PartialDate(year=2024, month=6)) == "2024-06-01T00:00:00Z"
    assert feed.rfc3339(PartialDate(year=2024, month=6, day=9)) == "2024-06-09T00:00:00Z"


def test_every_page_names_the_feed(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    site = render_site(load_project(root, DocumentCache(None)), root)
    for name in ("index.html", "models/old/index.html", "compare/new-vs-old/index.html"):
        soup = BeautifulSoup(site[name], "html.parser")
        link = soup.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, name
        depth = name.count("/")
        assert link["href"] == "../" * depth + "feed.xml"
