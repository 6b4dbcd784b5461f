"""sitemap.xml: one entry per indexed page, dated by the latest date its models' data states."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support import write
from versus.build.pipeline import render_site
from versus.inputs.cache import DocumentCache
from versus.inputs.catalog import Catalog
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.load import load_project
from versus.join.profiles import build_profiles, latest

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "https://sitemap.example.org/"

CONFIG = f"""
title: sitemap test
description: A small project for the sitemap's dates.
base_url: {BASE}
taxonomy:
  - id: tasks
    label: Tasks
    capabilities:
      - id: ocr
        label: OCR
"""

SUITE = """
name: Tiny Evals
summary: Four prompts.
description: A suite of four prompts.
methodology: Pass or fail.
prompts: 4
categories:
  - id: reading
    label: Reading
    prompts: 4
"""


def card(name: str, extra: str = "") -> str:
    return f"""
name: {name}
organization: Example Lab
category: open
modality: vision
summary: {name}, for the sitemap tests.
description: {name} exists for the sitemap tests.
sources:
  - title: tests/site/test_sitemap.py
{extra}"""


def pricing(as_of: str) -> str:
    return f"""
pricing:
  currency: USD
  input_per_million: 1
  output_per_million: 2
  as_of: "{as_of}"
  source: tests
"""


def result(date: str | None = None) -> str:
    dated = f'date: "{date}"\n' if date else ""
    return f"""
provenance: measured
source:
  title: tests
{dated}categories:
  reading:
    passed: 2
    total: 4
"""


def new_project(root: Path) -> Path:
    """A project of its own config and suite, with the theme's templates."""
    write(root, "versus.yaml", CONFIG)
    write(root, "evals/tiny/suite.yaml", SUITE)
    return root


def sitemap(site: dict[str, bytes], base: str = BASE) -> dict[str, str | None]:
    """URL path -> lastmod (``None`` when the entry has none) of each sitemap entry."""
    root = ET.fromstring(site["sitemap.xml"])
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    entries: dict[str, str | None] = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS)
        assert loc is not None
        assert loc.text is not None
        assert loc.text.startswith(base), loc.text
        path = loc.text.removeprefix(base)
        assert path not in entries, path
        lastmods = url.findall("s:lastmod", NS)
        assert len(lastmods) <= 1
        entries[path] = lastmods[0].text if lastmods else None
    return entries


@pytest.fixture
def dated(tmp_path: Path) -> tuple[Catalog, dict[str, str | None]]:
    """Models whose latest date comes from each of the places a date can be."""
    root = new_project(tmp_path / "project")
    # released 2024, priced 2024-03, run 2024-03-15: the run is the latest.
    write(
        root,
        "models/run-latest.yaml",
        card("Run Latest", 'released: "2024"\n' + pricing("2024-03")),
    )
    write(root, "evals/tiny/run-latest.yaml", result("2024-03-15"))
    # released 2023-05, priced 2025-02: the price is the latest.
    write(
        root,
        "models/price-latest.yaml",
        card("Price Latest", 'released: "2023-05"\n' + pricing("2025-02")),
    )
    # released 2025 (the year only), an undated run: the release.
    write(root, "models/release-only.yaml", card("Release Only", 'released: "2025"\n'))
    write(root, "evals/tiny/release-only.yaml", result())
    # No date anywhere: a run without a date and no release or price.
    write(root, "models/undated.yaml", card("Undated"))
    write(root, "evals/tiny/undated.yaml", result())
    write(root, "models/undated-too.yaml", card("Undated Too"))
    catalog = load_project(root, DocumentCache(None))
    return catalog, sitemap(render_site(catalog, root))


def test_model_pages_carry_their_latest_date(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries["models/run-latest/"] == "2024-03-15"
    assert entries["models/price-latest/"] == "2025-02"
    assert entries["models/release-only/"] == "2025"


def test_model_without_dates_has_no_lastmod(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries["models/undated/"] is None
    assert entries["models/undated-too/"] is None


def test_pair_pages_carry_the_later_of_their_models(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries["compare/price-latest-vs-run-latest/"] == "2025-02"
    # 2025-02 is later than 2025: a month of a year counts as after the bare year.
    assert entries["compare/price-latest-vs-release-only/"] == "2025-02"
    assert entries["compare/release-only-vs-run-latest/"] == "2025"


def test_pair_with_one_undated_model_has_the_others_date(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries["compare/run-latest-vs-undated/"] == "2024-03-15"
    assert entries["compare/price-latest-vs-undated-too/"] == "2025-02"


def test_pair_of_undated_models_has_no_lastmod(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries["compare/undated-vs-undated-too/"] is None


def test_index_carries_the_latest_date_of_all(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    _, entries = dated
    assert entries[""] == "2025-02"


def test_entries_are_the_index_matrix_methodology_suites_models_and_pairs(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    catalog, entries = dated
    ids = sorted(catalog.models)
    pairs = [f"compare/{a}-vs-{b}/" for i, a in enumerate(ids) for b in ids[i + 1 :]]
    assert set(entries) == {
        "",
        "capabilities/",
        "methodology/",
        "evals/tiny/",
        *(f"models/{m}/" for m in ids),
        *pairs,
    }
    assert list(entries) == sorted(entries)
    # a suite's page shows every model's run on it, as the index does: dated as the index
    assert entries["evals/tiny/"] == entries[""] is not None
    # so is the capability matrix, every model's
    assert entries["capabilities/"] == entries[""]
    # the rules say nothing of any model's data: no date of it dates them
    assert entries["methodology/"] is None


def test_lastmod_is_the_profiles_updated_date(
    dated: tuple[Catalog, dict[str, str | None]],
) -> None:
    catalog, entries = dated
    for model_id, profile in build_profiles(catalog).items():
        expected = profile.updated.iso() if profile.updated else None
        assert entries[f"models/{model_id}/"] == expected, model_id


def test_index_without_any_date_has_no_lastmod(tmp_path: Path) -> None:
    root = new_project(tmp_path / "project")
    write(root, "models/one.yaml", card("One"))
    write(root, "models/two.yaml", card("Two"))
    entries = sitemap(render_site(load_project(root, DocumentCache(None)), root))
    assert entries == {
        "": None,
        "capabilities/": None,
        "evals/tiny/": None,
        "compare/one-vs-two/": None,
        "methodology/": None,
        "models/one/": None,
        "models/two/": None,
    }
    assert b"lastmod" not in render_site(load_project(root), root)["sitemap.xml"]


def test_repository_sitemap(sample_project: Path) -> None:
    site = render_site(load_project(sample_project, DocumentCache(None)), sample_project)
    entries = sitemap(site, "https://versus.example.org/")
    # Gemma 4 26B A4B: released 2026-04, priced 2026-11; its run has no date.
    assert entries["models/gemma-4-26b-a4b/"] == "2026-11"
    assert entries["models/gemma-4-12b/"] == "2026-06"
    assert entries["compare/gemma-4-12b-vs-gemma-4-26b-a4b/"] == "2026-11"
    assert entries["compare/paligemma-vs-sam-clip/"] == "2024-05"
    assert entries[""] == "2026-11"


# --- profiles.latest ------------------------------------------------------------------

Y2024 = PartialDate(2024)
M2024_01 = PartialDate(2024, 1)
D2024_01_02 = PartialDate(2024, 1, 2)


@pytest.mark.parametrize(
    "dates",
    [
        [Y2024, M2024_01, D2024_01_02],
        [D2024_01_02, M2024_01, Y2024],
        [M2024_01, D2024_01_02, Y2024],
        [None, D2024_01_02, None, Y2024],
    ],
)
def test_latest_counts_a_day_after_its_month_after_its_year(
    dates: list[PartialDate | None],
) -> None:
    assert latest(dates) == D2024_01_02


def test_latest_year_before_month() -> None:
    assert latest([M2024_01, Y2024]) == M2024_01
    assert latest([Y2024, M2024_01]) == M2024_01


def test_latest_month_before_day() -> None:
    assert latest([D2024_01_02, M2024_01]) == D2024_01_02
    assert latest([PartialDate(2024, 1, 1), M2024_01]) == PartialDate(2024, 1, 1)


def test_latest_a_later_year_wins_over_an_earlier_day() -> None:
    assert latest([PartialDate(2023, 12, 31), Y2024]) == Y2024
    assert latest([PartialDate(2024, 2), PartialDate(2024, 1, 31)]) == PartialDate(2024, 2)


def test_latest_of_nothing() -> None:
    assert latest([]) is None
    assert latest([None, None]) is None


def test_latest_takes_any_iterable() -> None:
    assert latest(iter([None, Y2024])) == Y2024
    assert latest(d for d in [M2024_01]) == M2024_01
