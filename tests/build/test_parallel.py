"""Rendering in a pool: how pages are cut into tasks, handed out, and what runs meanwhile."""

from __future__ import annotations

import functools
import gc
from pathlib import Path

from synthetic import add_models
from versus.build.parallel import (
    CHUNK,
    POOL_FROM,
    SITE_CHUNK,
    PageWriter,
    _chunks,
    _site_files_first,
    write_pages,
)
from versus.build.pipeline import build
from versus.inputs.load import load_project
from versus.site.kinds import KINDS, PageSpec
from versus.site.plan import plan_for

MODELS = [f"m{index:02d}" for index in range(12)]


def test_chunks_are_runs_of_the_plan_in_order() -> None:
    plan = plan_for(MODELS, ["suite"])
    chunks = list(_chunks(plan, 16, KINDS.pair_kinds))
    assert [spec for chunk in chunks for spec in chunk] == plan
    for chunk in chunks:
        pairs = {spec.kind in KINDS.pair_kinds for spec in chunk}
        assert len(pairs) == 1, "a chunk holds pair files or other files, not both"
        assert len(chunk) <= (16 if pairs == {True} else SITE_CHUNK)
    assert max(len(chunk) for chunk in chunks) == 16
    assert len(list(_chunks(plan, CHUNK, KINDS.pair_kinds))) < len(chunks)


def test_site_files_are_handed_out_before_the_pairs() -> None:
    plan = plan_for(MODELS, ["suite"])
    chunks = list(_chunks(plan, 16, KINDS.pair_kinds))
    order = _site_files_first(chunks, KINDS.pair_kinds)
    assert sorted(order) == list(range(len(chunks)))
    kinds = [chunks[index][0].kind in KINDS.pair_kinds for index in order]
    first_pair = kinds.index(True)
    assert not any(kinds[:first_pair])
    assert all(kinds[first_pair:])
    # the sitemap is among the first handed out
    sitemap = next(i for i, chunk in enumerate(chunks) if "sitemap" in {s.kind for s in chunk})
    assert order.index(sitemap) < first_pair
    # each group keeps plan order
    assert order[first_pair:] == sorted(order[first_pair:])
    assert order[:first_pair] == sorted(order[:first_pair])


def _writer(project: Path, into: Path) -> tuple[PageWriter, list[PageSpec]]:
    catalog = load_project(project)
    plan = plan_for(catalog.models, catalog.suites)
    into.mkdir()
    return PageWriter(catalog, project, None, into, None, False), plan


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_pool_writes_what_one_process_writes_and_runs_other_work_meanwhile(
    project: Path, tmp_path: Path
) -> None:
    add_models(project, 12)  # 17 models: 136 pairs, enough for a pool
    ran: list[int] = []
    results = []
    for jobs in (1, 2):
        writer, plan = _writer(project, tmp_path / f"j{jobs}")
        assert len(plan) >= POOL_FROM
        counts = write_pages(plan, jobs, writer, meanwhile=functools.partial(ran.append, jobs))
        results.append((counts, _files(tmp_path / f"j{jobs}")))
    assert ran == [1, 2]
    (one, files_one), (two, files_two) = results
    assert files_one == files_two
    assert one == two  # the same counts, the names in plan order
    assert list(two.names) == [spec.path for spec in plan]


def test_an_incremental_build_catches_the_spare_up_while_rendering(
    project: Path, tmp_path: Path
) -> None:
    """Two edits in a row: the second build's spare lacks the first edit's pages, and links
    them from the published tree while the pool renders the second edit's pages."""
    add_models(project, 12)
    out = tmp_path / "site"
    build(project, out, jobs=2)
    for word in ("first", "second"):
        card = project / "models" / "florence-2.yaml"
        card.write_text(card.read_text().replace("summary: ", f"summary: {word} ", 1))
        build(project, out, jobs=2)
        fresh = tmp_path / f"fresh-{word}"
        build(project, fresh, jobs=1, clean=True)
        assert _files(out) == _files(fresh)


def test_the_pool_forks_from_a_frozen_heap_and_thaws_it_after(
    project: Path, tmp_path: Path
) -> None:
    add_models(project, 12)
    writer, plan = _writer(project, tmp_path / "out")
    frozen: list[int] = []
    assert gc.get_freeze_count() == 0
    write_pages(plan, 2, writer, meanwhile=lambda: frozen.append(gc.get_freeze_count()))
    assert frozen[0] > 0  # the workers were forked with the catalog frozen
    assert gc.get_freeze_count() == 0
