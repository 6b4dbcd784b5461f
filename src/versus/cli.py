"""The ``versus`` command: a thin click layer over the build and load modules.

Commands turn :class:`InputError` into a list of messages on stderr and exit
code 1; they never show a traceback for a problem in the input.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from versus import jsonschema, scaffold
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


@main.group()
def new() -> None:
    """Write a new model card or eval result to fill in.

    The file lists every field, each under a comment saying what it is.
    Required fields are left empty, so `versus check` names each one still to
    fill in; optional ones are commented out. An existing file is never
    overwritten.

    \b
    Examples:
      versus new model qwen2-5-vl-7b                  # models/qwen2-5-vl-7b.yaml
      versus new result vision-evals qwen2-5-vl-7b    # evals/vision-evals/qwen2-5-vl-7b.yaml
    """


@new.command("model")
@_PROJECT
@click.argument("model_id", metavar="MODEL-ID")
def new_model(project: Path, model_id: str) -> None:
    """Write models/MODEL-ID.yaml, a model card to fill in.

    Every capability of the taxonomy in versus.yaml is listed, to mark
    supported, demo or no, or to delete. MODEL-ID is a slug: lowercase
    letters, digits and single hyphens.

    \b
    Examples:
      versus new model qwen2-5-vl-7b          # writes models/qwen2-5-vl-7b.yaml
      versus new model qwen2-5-vl-7b -p path/to/project
      versus new model qwen2-5-vl-7b && versus check   # lists the fields to fill in
    """
    try:
        _write_new(project, scaffold.plan_model(project, model_id))
    except InputError as error:
        _fail(error)


@new.command("result")
@_PROJECT
@click.argument("suite_id", metavar="SUITE-ID")
@click.argument("model_id", metavar="MODEL-ID")
def new_result(project: Path, suite_id: str, model_id: str) -> None:
    """Write evals/SUITE-ID/MODEL-ID.yaml, an eval result to fill in.

    Every category of the suite is listed with its passed and total prompts
    to fill in. The suite must exist, and so must the model's card, filled in
    or not.

    \b
    Examples:
      versus new result vision-evals qwen2-5-vl-7b   # writes evals/vision-evals/qwen2-5-vl-7b.yaml
      versus new result vision-evals qwen2-5-vl-7b -p path/to/project
    """
    try:
        _write_new(project, scaffold.plan_result(project, suite_id, model_id))
    except InputError as error:
        _fail(error)


def _write_new(project: Path, new_file: scaffold.NewFile) -> None:
    scaffold.write_new(project, new_file)
    click.echo(f"versus: wrote {new_file.path}; fill in its empty fields, then run `versus check`")
    if not (project / new_file.kind.path).is_file():
        click.echo(
            f"versus: {new_file.kind.path} is missing: run `versus schema` to write it, "
            "for completion and checks as you type in editors with yaml-language-server"
        )


@main.command("schema")
@_PROJECT
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 naming each schema file that is missing or out of date.",
)
def schema_command(project: Path, check_only: bool) -> None:
    """Write the JSON Schemas of the input files into PROJECT/schemas/.

    One schema per kind of file (card, suite, result, config), with a
    description and an example for every field. Editors with
    yaml-language-server (such as VS Code's YAML extension) read the first
    line of each YAML file, `# yaml-language-server: $schema=...`, and offer
    completion, documentation on hover and checks as you type.

    \b
    Examples:
      versus schema            # write schemas/*.schema.json
      versus schema --check    # in CI: fail when schemas/ is out of date
    """
    if check_only:
        stale = jsonschema.stale_files(project)
        for name in stale:
            state = "missing" if not (project / name).exists() else "out of date"
            click.echo(f"{name}: {state}", err=True)
        if stale:
            count = len(stale)
            click.echo(
                f"versus: {count} schema file{'s' * (count != 1)} to update: run `versus schema`",
                err=True,
            )
            raise SystemExit(1)
        click.echo(f"versus: ok: the {len(jsonschema.KINDS)} schema files are up to date")
        return
    written = jsonschema.write_schemas(project)
    for name in written:
        click.echo(f"versus: wrote {name}")
    if not written:
        click.echo(f"versus: the {len(jsonschema.KINDS)} schema files are up to date")
