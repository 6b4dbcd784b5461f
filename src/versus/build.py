"""A whole build: load the project, plan and render every page, publish the tree."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from versus import pages
from versus.catalog import Catalog
from versus.load import load_project
from versus.output import PublishReport, locked, publish
from versus.problems import InputError, Problem
from versus.render import Renderer

TEMPLATES_DIR = "templates"
ASSETS_DIR = "assets"
TEXT_FILES = {"sitemap.xml": "sitemap.xml", "robots.txt": "robots.txt"}


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


def render_site(catalog: Catalog, root: Path, built: date | None = None) -> dict[str, bytes]:
    """Every output file of the site, by relative path. Reads only templates and assets."""
    templates = root / TEMPLATES_DIR
    renderer = Renderer(templates, catalog.config, base=root, built=built)
    planned = pages.plan(catalog)
    files = {page.path: renderer.render(page).encode() for page in planned}
    urls = pages.sitemap_urls(planned)
    for name, template in TEXT_FILES.items():
        page = pages.Page(name, template, {"urls": urls})
        files[name] = renderer.render(page).encode()
    assets = templates / ASSETS_DIR
    for path in sorted(assets.rglob("*")) if assets.is_dir() else []:
        if path.is_file():
            name = f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"
            if name in files:
                raise pages.PathCollisionError(f"two files would be written to {name}")
            files[name] = path.read_bytes()
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


def build(root: Path, out: Path, built: date | None = None) -> BuildReport:
    """Build the site of the project at ``root`` into ``out``; ``built`` is printed if given."""
    started = time.perf_counter()
    check_output_folder(root, out)
    with locked(out):
        catalog = load_project(root)
        files = render_site(catalog, root, built)
        report = publish(files, out)
    page_count = sum(1 for name in files if name.endswith(".html"))
    return BuildReport(page_count, len(files), report, time.perf_counter() - started)
