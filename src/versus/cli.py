"""The ``versus`` command: a thin click layer over the build and load modules.

Commands turn :class:`InputError` into a list of messages on stderr and exit
code 1; they never show a traceback for a problem in the input.
"""

from __future__ import annotations

from pathlib import Path

import click

from versus.build import build as build_site
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
def build(project: Path, out: Path | None) -> None:
    """Validate the project and build the site.

    \b
    Examples:
      versus build                 # build ./site from the current folder
      versus build -o /tmp/preview # build somewhere else
    """
    try:
        report = build_site(project, out if out is not None else project / "site")
    except InputError as error:
        _fail(error)
        return
    publish = report.publish
    click.echo(
        f"versus: built {report.pages} pages ({report.files} files: {publish.written} written, "
        f"{publish.unchanged} unchanged, {publish.removed} removed) in {report.seconds:.2f}s"
    )


@main.command()
@_PROJECT
def check(project: Path) -> None:
    """Validate every file of the project without writing anything.

    \b
    Example:
      versus check   # lists every problem as file:line:column: field: message
    """
    try:
        catalog = load_project(project)
    except InputError as error:
        _fail(error)
        return
    results = sum(len(runs) for runs in catalog.results.values())
    click.echo(
        f"versus: ok: {len(catalog.models)} models, {len(catalog.suites)} suites, {results} results"
    )
