"""The ``versus`` command: a thin click layer over the build and load modules.

Commands turn :class:`InputError` into a list of messages on stderr and exit
code 1; they never show a traceback for a problem in the input.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from versus.build import build as build_site
from versus.build import source_date
from versus.cache import DocumentCache
from versus.load import load_project
from versus.problems import InputError

_PROJECT = click.option(
    "-p",
    "--project",
    "project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Project folder: the one holding versus.yaml, models/, evals/ and templates/.",
)


def _fail(error: InputError) -> None:
    for problem in error.problems:
        click.echo(problem.format(), err=True)
    files = len({problem.file for problem in error.problems})
    count = len(error.problems)
    click.echo(
        f"versus: {count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}; "
        "nothing was written",
        err=True,
    )
    raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="versus")
def main() -> None:
    """Build static pages comparing AI models, one page per pair of models."""


@main.command()
@_PROJECT
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder.  [default: PROJECT/site]",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that render pages.  [default: the number of CPUs]",
)
@click.option(
    "--clean",
    is_flag=True,
    help="Render every page, ignoring what the last build of the output folder recorded.",
)
@click.option(
    "--shard",
    metavar="K/N",
    callback=lambda _ctx, _param, value: _parse_shard(value),
    help="Build only the K-th of N deterministic shares of the pages (for N CI runners).",
)
def build(
    project: Path, out: Path | None, jobs: int | None, clean: bool, shard: tuple[int, int] | None
) -> None:
    """Validate the project and build the site.

    Writes nothing unless every file is valid; the new site replaces the old
    one in a single step. Set SOURCE_DATE_EPOCH to print a build date.

    \b
    Examples:
      versus build                 # build ./site from the current folder
      versus build -o /tmp/preview # build somewhere else
      versus build -j1             # render in this process only
      versus build --shard 2/4 -o part2   # the 2nd of 4 shares, for 4 CI runners
      SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) versus build
    """
    try:
        built = source_date(os.environ)
        report = build_site(
            project,
            out if out is not None else project / "site",
            built,
            jobs,
            clean=clean,
            share=shard,
        )
    except InputError as error:
        _fail(error)
        return
    publish = report.publish
    click.echo(
        f"versus: built {report.pages} pages ({report.files} files: {publish.written} written, "
        f"{publish.unchanged} unchanged, {publish.removed} removed) in {report.seconds:.2f}s"
    )


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise click.BadParameter(f"expected K/N with 1 <= K <= N, such as 2/4; got {value!r}")
    return int(index), int(count)


@main.command()
@_PROJECT
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: print the problems as a JSON array (file, line, column, path, message, hint).",
)
def check(project: Path, output_format: str) -> None:
    """Validate every file of the project without writing anything.

    \b
    Examples:
      versus check                # every problem as file:line:column: field: message
      versus check --format json  # the same, as JSON for editors and tools
    """
    cache = DocumentCache.for_project(project)
    try:
        catalog = load_project(project, cache)
    except InputError as error:
        cache.save(prune=False)
        if output_format == "json":
            click.echo(json.dumps([p.as_dict() for p in error.problems], indent=2))
            raise SystemExit(1) from None
        _fail(error)
        return
    cache.save(prune=False)
    if output_format == "json":
        click.echo("[]")
        return
    results = sum(len(runs) for runs in catalog.results.values())
    click.echo(
        f"versus: ok: {len(catalog.models)} models, {len(catalog.suites)} suites, {results} results"
    )
