"""A whole build: load the project, plan every page, render and write them, publish."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from versus import pages
from versus.catalog import Catalog
from versus.load import load_project
from versus.output import PublishReport, count_files, locked, staged, swap_in
from versus.parallel import PageWriter, WriteCounts, default_jobs, write_pages
from versus.problems import InputError, Problem
from versus.render import Renderer

TEMPLATES_DIR = "templates"
ASSETS_DIR = "assets"


def source_date(environ: Mapping[str, str]) -> date | None:
    """The build date from ``SOURCE_DATE_EPOCH``, as reproducible-builds.org defines it.

    Without it no build date is printed at all, so that two builds of the same
    input give the same bytes.
    """
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    if not value.isdigit():
        raise InputError(
            [
                Problem(
                    "SOURCE_DATE_EPOCH",
                    0,
                    0,
                    (),
                    f"expected a whole number of seconds since 1970; got {value!r}",
                )
            ]
        )
    return datetime.fromtimestamp(int(value), tz=UTC).date()


@dataclass(frozen=True)
class BuildReport:
    pages: int
    files: int
    publish: PublishReport
    seconds: float


def assets(root: Path) -> dict[str, bytes]:
    """The files of ``templates/assets``, published as they are under ``assets/``."""
    folder = root / TEMPLATES_DIR / ASSETS_DIR
    if not folder.is_dir():
        return {}
    return {
        f"{ASSETS_DIR}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _check_assets(plan: list[pages.PageSpec], files: Mapping[str, bytes]) -> None:
    planned = {spec.path for spec in plan}
    for name in files:
        if name in planned:
            raise pages.PathCollisionError(f"two files would be written to {name}")


def render_site(catalog: Catalog, root: Path, built: date | None = None) -> dict[str, bytes]:
    """Every output file of the site, in memory, by relative path (for small sites and tests)."""
    plan = pages.plan(catalog)
    files = assets(root)
    _check_assets(plan, files)
    views = pages.SiteViews(catalog)
    renderer = Renderer(root / TEMPLATES_DIR, catalog.config, base=root, built=built)
    for spec in plan:
        files[spec.path] = renderer.render(views.page(spec, plan)).encode()
    return files


def check_output_folder(root: Path, out: Path) -> None:
    """Refuse an output folder that holds the project: publishing would replace it."""
    resolved_root, resolved_out = root.resolve(), out.resolve()
    if resolved_out == resolved_root or resolved_out in resolved_root.parents:
        raise InputError(
            [
                Problem(
                    str(out),
                    0,
                    0,
                    (),
                    "the output folder contains the project itself; choose a folder such as site/",
                )
            ]
        )


def build(root: Path, out: Path, built: date | None = None, jobs: int | None = None) -> BuildReport:
    """Build the site of the project at ``root`` into ``out``; ``built`` is printed if given."""
    started = time.perf_counter()
    check_output_folder(root, out)
    with locked(out):
        catalog = load_project(root)
        plan = pages.plan(catalog)
        extra = assets(root)
        _check_assets(plan, extra)
        previous = count_files(out)
        with staged(out) as staging:
            args = (catalog, root, built, staging, out.absolute() if previous else None, plan)
            writer = PageWriter(*args)
            # One page in this process first: a template error stops the build
            # before any worker starts.
            writer.render(plan[0])
            counts = write_pages(plan, args, jobs or default_jobs(), writer)
            for name, data in extra.items():
                counts += writer.put(name, data)
            swap_in(staging, out)
    produced = {spec.path for spec in plan} | set(extra)
    report = PublishReport(counts.written, counts.unchanged, len(previous - produced))
    html = sum(1 for spec in plan if spec.path.endswith(".html"))
    return BuildReport(html, len(produced), report, time.perf_counter() - started)


__all__ = ["BuildReport", "WriteCounts", "build", "render_site", "source_date"]
