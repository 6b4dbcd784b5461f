"""The ``versus`` command: a thin click layer over the build and load modules.

Commands turn :class:`InputError` into a list of messages on stderr and exit
code 1; they never show a traceback for a problem in the input. Each command imports
the modules it runs when it runs, so that ``versus --help`` and a no-op build start
without the schemas, the templates or the HTTP server.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from versus import console
from versus.build import failures
from versus.inputs.problems import InputError, Problem, counted, printable

if TYPE_CHECKING:
    from versus.authoring import scaffold
    from versus.build.pipeline import BuildReport
    from versus.inputs.catalog import Catalog
    from versus.inputs.schema import SiteConfig

_PROJECT = click.option(
    "-p",
    "--project",
    "project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Project folder: the one holding versus.yaml, models/, evals/ and, to override "
    "the theme's files, templates/.",
    callback=lambda ctx, _param, value: _remember(ctx, "project", value),
)


DEFAULT_OUT = "site"
"""The output folder, inside the project, when no ``--out`` is given."""

_OUT = click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Output folder.  [default: PROJECT/{DEFAULT_OUT}]",
    callback=lambda ctx, _param, value: _remember(ctx, "out", value),
)


def _out_folder(project: Path, out: Path | None) -> Path:
    return out if out is not None else project / DEFAULT_OUT


def _remember(ctx: click.Context, name: str, value: Path | None) -> Path | None:
    """Keep a folder option for the message of an error that names no path (a full disk)."""
    ctx.meta[f"versus.{name}"] = value
    return value


_JOBS = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that render pages.  [default: the number of CPUs]",
)

_TAKE_OVER = click.option(
    "--take-over",
    is_flag=True,
    help="Replace the contents of an output folder versus did not build (a non-empty "
    "folder without its .versus-site file): every file in it is deleted.",
)

_F = TypeVar("_F", bound=Callable[..., Any])


_BUILD_DETAILS = (
    "the time of each phase (load, plan, render/write, search, publish) and every file written"
)


def _verbosity(
    quiet_help: str = "Print only problems.",
    verbose_help: str = f"Also print {_BUILD_DETAILS}.",
) -> Callable[[_F], _F]:
    """``-q/--quiet`` and ``-v/--verbose``, passed on as one ``verbosity`` argument."""
    return lambda command: _verbosity_options(command, quiet_help, verbose_help)


def _verbosity_options(command: _F, quiet_help: str, verbose_help: str) -> _F:

    def resolve(ctx: click.Context, _param: click.Parameter, verbose: bool) -> int:
        quiet = bool(ctx.params.pop("quiet", False))
        if quiet and verbose:
            raise click.UsageError("-q/--quiet and -v/--verbose exclude each other", ctx)
        return console.QUIET if quiet else console.VERBOSE if verbose else console.NORMAL

    command = click.option(
        "-v",
        "--verbose",
        "verbosity",
        is_flag=True,
        callback=resolve,
        help=verbose_help,
    )(command)
    return click.option(
        "-q",
        "--quiet",
        "quiet",
        is_flag=True,
        is_eager=True,  # read first, so that the callback of -v can take it out
        help=quiet_help,
    )(command)


def _fail(error: InputError) -> None:
    for line in console.problem_lines(error):
        click.echo(line, err=True)
    raise SystemExit(1)


def _show(report: BuildReport, verbosity: int) -> None:
    for warning in report.warnings:
        click.echo(f"versus: warning: {warning}", err=True)
    for line in console.report_lines(report, verbosity):
        click.echo(line)


def _progress(verbosity: int) -> console.ProgressLine:
    """A progress line on stderr for builds that take over a second, on a terminal only."""
    return console.ProgressLine(
        sys.stderr, verbosity > console.QUIET and console.interactive(sys.stderr)
    )


class _Main(click.Group):
    """The ``versus`` group: what stops a command from outside the input ends it in one line.

    An :class:`OSError` (full or read-only disk, a permission, a file where a folder
    should be) prints :func:`failures.os_error_line` and exits 1; Ctrl-C prints one line
    and exits 130. Caught here, above every ``finally`` of a command, so that a second
    Ctrl-C during a clean-up (the staging tree's removal) is caught too.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Ignored from here on: the process is ending, and a Ctrl-C pressed again (or
            # sent to a whole process group, once per process) must not cut the line short
            # or raise in the clean-up at exit (joining the workers) with a traceback.
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            click.echo(failures.interrupted_line(_outcome(ctx)), err=True)
            raise SystemExit(130) from None
        except OSError as error:
            if error.errno == errno.EPIPE and error.filename is None:
                raise  # our own output was closed (``versus check | head``): click's case
            if error.filename is None and _publishes(ctx):
                # a write that failed names no file: the output folder it was for, then
                out = _out_folder(
                    ctx.meta.get("versus.project", Path()), ctx.meta.get("versus.out")
                )
                error.filename = str(out)
            with _no_interrupts():
                click.echo(failures.os_error_line(error, _outcome(ctx)), err=True)
            raise SystemExit(1) from None


def _publishes(ctx: click.Context) -> bool:
    return ctx.invoked_subcommand in {"build", "serve"}


def _outcome(ctx: click.Context) -> str:
    """What a failed command left: for those that publish a site, the site as it was."""
    return failures.SITE_KEPT if _publishes(ctx) else ""


@contextmanager
def _no_interrupts() -> Iterator[None]:
    """Ctrl-C ignored while the last line is printed: pressed again, it cannot cut it short
    with a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run() -> NoReturn:
    """The installed ``versus`` script: :func:`main`, then an exit that skips the
    interpreter's teardown.

    Freeing a loaded catalog object by object adds a noticeable share to a small
    rebuild (``bench/README.md``), and nothing is left to do by then: every command
    has joined its workers, closed its files and replaced the site. Only the
    standard streams hold unwritten bytes; they are flushed first.
    """
    try:
        main()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # as the interpreter prints a non-integer exit
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed by the reader (``versus check | head``)
            code = code or 1
    os._exit(code or 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="versus")
def main() -> None:
    """Build static pages comparing AI models, one page per pair of models.

    \b
    Examples:
      versus check                 # validate every file, write nothing
      versus build                 # validate, then build ./site
      versus serve                 # live preview at http://127.0.0.1:8000/
      versus new model my-model    # a model card to fill in
      versus build --help          # the options of one command
    """


@main.command()
@_PROJECT
@_OUT
@_JOBS
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
@_TAKE_OVER
@_verbosity()
def build(
    project: Path,
    out: Path | None,
    jobs: int | None,
    clean: bool,
    shard: tuple[int, int] | None,
    take_over: bool,
    verbosity: int,
) -> None:
    """Validate the project and build the site.

    Writes nothing unless every file is valid; the new site replaces the old
    one in a single step. Prints one summary line; a build that takes over a
    second also shows its progress on a terminal. Set SOURCE_DATE_EPOCH to
    print a build date.

    \b
    Examples:
      versus build                 # build ./site from the current folder
      versus build -o /tmp/preview # build somewhere else
      versus build -j1             # render in this process only
      versus build -v              # also each phase's time and every file written
      versus build -q              # print only problems
      versus build --shard 2/4 -o part2   # the 2nd of 4 shares, for 4 CI runners
      SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) versus build
    """
    from versus.build.pipeline import build as build_site
    from versus.build.pipeline import source_date

    progress = _progress(verbosity)
    try:
        built = source_date(os.environ)
        report = build_site(
            project,
            _out_folder(project, out),
            built,
            jobs,
            clean=clean,
            share=shard,
            progress=progress,
            take_over=take_over,
        )
    except InputError as error:
        progress.finish()
        _fail(error)
        return
    progress.finish()
    _show(report, verbosity)


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise click.BadParameter(f"expected K/N with 1 <= K <= N, such as 2/4; got {value!r}")
    return int(index), int(count)


@main.command("serve")
@_PROJECT
@_OUT
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1; 0 picks a free one (and prints it).",
)
@_JOBS
@_verbosity(
    "Print only the address and problems.",
    f"Also print, for each build, {_BUILD_DETAILS}; and every request.",
)
@_TAKE_OVER
def serve_command(
    project: Path,
    out: Path | None,
    port: int,
    jobs: int | None,
    take_over: bool,
    verbosity: int,
) -> None:
    """Serve the site on 127.0.0.1, rebuilt and reloaded in the browser on every edit.

    Builds the site, as `versus build` does, and serves it under the path of its
    base_url, as its host will (http://127.0.0.1:8000/sub/ for https://host.example/sub/,
    with / redirected there). Watches versus.yaml, models/, evals/ and templates/; each
    change runs the normal incremental build, and open pages reload once it is published. When
    an edit breaks the build, its problems are printed here and shown over every
    page, and the last good site stays served. The files written are the ones
    `versus build` writes: the reload script is added to the pages as they are
    served, never on disk. Ctrl-C stops.

    \b
    Examples:
      versus serve                 # build ./site, serve it at http://127.0.0.1:8000/
      versus serve --port 0        # on a free port (printed)
      versus serve -o /tmp/preview # build and serve somewhere else than site/
      versus serve -q              # print only the address and problems
      versus serve -v              # also each build's phases, files and every request
    """
    from versus.build.pipeline import build as build_site
    from versus.build.pipeline import check_output_folder, source_date
    from versus.inputs.inputfiles import CONFIG_FILE, INPUT_PARTS
    from versus.serve.preview import Preview, Reporter
    from versus.serve.server import HOST

    target = _out_folder(project, out)
    try:  # a folder no build may replace is refused before anything is served
        check_output_folder(project, target, take_over)
    except InputError as error:
        _fail(error)

    def run_build() -> BuildReport:
        progress = _progress(verbosity)
        try:
            return build_site(
                project,
                target,
                source_date(os.environ),
                jobs,
                progress=progress,
                take_over=take_over,
            )
        finally:
            progress.finish()

    def failed(error: InputError, has_site: bool) -> None:
        outcome = "serving the last good site" if has_site else "no site to serve yet"
        for line in console.problem_lines(error, outcome):
            click.echo(line, err=True)

    def changed(files: list[str]) -> None:
        if verbosity > console.QUIET:
            shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            click.echo(f"versus: changed: {printable(shown)}")  # names are any bytes

    def moved(url: str) -> None:
        click.echo(f"versus: base_url changed: now serving {target} at {url}")

    reporter = Reporter(lambda report: _show(report, verbosity), failed, changed, moved)
    log = (lambda line: click.echo(line, err=True)) if verbosity >= console.VERBOSE else None
    try:
        server = Preview(project, target, run_build, port, reporter, log)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"port {port} of {HOST} is in use: choose another with --port, "
                "or --port 0 for a free one"
            ) from None
        raise
    try:
        server.start()
        click.echo(f"versus: serving {target} at {server.url} (Ctrl-C to stop)")
        if verbosity > console.QUIET:
            watched = [part if part == CONFIG_FILE else f"{part}/" for part in INPUT_PARTS]
            click.echo(
                f"versus: watching {', '.join(watched[:-1])} and {watched[-1]}; "
                "each change rebuilds what it touches and reloads open pages"
            )
        server.watch(threading.Event())
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    click.echo("versus: stopped")


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
    """Validate every file of the project, templates and assets too, writing nothing.

    Finds what a build would trip on: besides the cards, suites and results, every
    template is compiled and every asset is checked; a project with templates of its
    own has the first page of each kind rendered too, in memory.

    \b
    Examples:
      versus check                # every problem as file:line:column: field: message
      versus check --format json  # the same, as JSON for editors and tools
    """
    from versus.inputs.cache import DocumentCache
    from versus.inputs.load import load_project

    cache = DocumentCache.for_project(project)
    catalog: Catalog | None = None
    problems: list[Problem] = []
    try:
        catalog = load_project(project, cache)
    except InputError as loaded:
        problems += loaded.problems
    cache.save(prune=False)
    for warning in cache.warnings:  # damaged or foreign cache files, ignored
        click.echo(f"versus: warning: {warning}", err=True)
    problems += _build_problems(project, catalog.config if catalog is not None else None)
    if not problems and catalog is not None and _overrides_templates(project):
        from versus.build.pipeline import render_problems

        problems += render_problems(catalog, project)
    if problems or catalog is None:
        error = InputError(problems)
        if output_format == "json":
            click.echo(json.dumps([p.as_dict() for p in error.problems], indent=2))
            raise SystemExit(1) from None
        _fail(error)
        return
    if output_format == "json":
        click.echo("[]")
        return
    from versus.inputs.problems import counted

    results = sum(len(runs) for runs in catalog.results.values())
    click.echo(
        f"versus: ok: {counted(len(catalog.models), 'model')}, "
        f"{counted(len(catalog.suites), 'suite')}, {counted(results, 'result')}"
    )


def _overrides_templates(project: Path) -> bool:
    """Whether the project has templates of its own: only they can fail to render (the
    theme's are tested), so only then does ``check`` render a page of each kind."""
    from versus.inputs import inputfiles
    from versus.inputs.templateloader import TemplateLoader

    return bool(TemplateLoader(project / inputfiles.TEMPLATES_DIR).overrides()[0])


def _build_problems(project: Path, config: SiteConfig | None) -> list[Problem]:
    """What a build would trip on past loading, without rendering: templates it cannot
    read or compile (with the renderer's environment when the config loads, so unknown
    filters are found too) and assets it cannot read or publish."""
    from versus.inputs import inputfiles
    from versus.site import render

    env = None
    if config is not None:
        env = render.Renderer(project / inputfiles.TEMPLATES_DIR, config, base=project).env
    _, refused = inputfiles.read_assets(project)
    return [*render.template_problems(project, env), *refused]


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
def init_command(folder: Path) -> None:
    """Write a new project into DIR, a new or empty folder, that builds as it is.

    The project has a versus.yaml (the site's title, a small capability
    taxonomy, score bands), one eval suite, two example model cards with a
    result each, the JSON Schemas for editors, and a README.md on what to edit.
    The pages come from the theme that ships with versus; a templates/ folder
    in the project overrides it file by file. A folder holding anything but
    hidden entries (such as .git) is refused: no file is ever written over.

    \b
    Examples:
      versus init mysite && versus build -p mysite   # a site in mysite/site/
      versus init .                                  # here, in an empty folder
    """
    import shlex

    from versus.authoring.newproject import init_project

    try:
        written = init_project(folder)
    except InputError as error:
        _fail(error)
        return
    click.echo(f"versus: wrote a new project of {len(written)} files in {printable(str(folder))}")
    place = "" if folder == Path() else f" -p {shlex.quote(str(folder))}"
    for line in (
        "next steps:",
        f"  versus check{place}    # validate every file",
        f"  versus build{place}    # build the site into {printable(str(folder / 'site'))}/",
        f"  versus serve{place}    # preview it at http://127.0.0.1:8000/, rebuilt on every edit",
        f"then replace the example models and results: {printable(str(folder / 'README.md'))} says how",
    ):
        click.echo(f"versus: {line}" if line.startswith(("next", "then")) else line)


@main.group()
def new() -> None:
    """Write a new model card, eval suite or eval result to fill in.

    The file lists every field, each under a comment saying what it is.
    Required fields are left empty, so `versus check` names each one still to
    fill in; optional ones are commented out. An existing file is never
    overwritten.

    \b
    Examples:
      versus new model qwen2-5-vl-7b                  # models/qwen2-5-vl-7b.yaml
      versus new suite chart-evals                    # evals/chart-evals/suite.yaml
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
    from versus.authoring import scaffold

    try:
        _write_new(project, scaffold.plan_model(project, model_id))
    except InputError as error:
        _fail(error)


@new.command("suite")
@_PROJECT
@click.argument("suite_id", metavar="SUITE-ID")
def new_suite(project: Path, suite_id: str) -> None:
    """Write evals/SUITE-ID/suite.yaml, an eval suite to fill in.

    Its name, summary, description, methodology, prompt count and one
    category are left to fill in; copy the category's lines for each other
    one. SUITE-ID is a slug: lowercase letters, digits and single hyphens.

    \b
    Examples:
      versus new suite chart-evals                  # writes evals/chart-evals/suite.yaml
      versus new suite chart-evals -p path/to/project
      versus new suite chart-evals && versus check  # lists the fields to fill in
    """
    from versus.authoring import scaffold

    try:
        _write_new(project, scaffold.plan_suite(project, suite_id))
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
    from versus.authoring import scaffold

    try:
        _write_new(project, scaffold.plan_result(project, suite_id, model_id))
    except InputError as error:
        _fail(error)


def _write_new(project: Path, new_file: scaffold.NewFile) -> None:
    from versus.authoring import scaffold

    scaffold.write_new(project, new_file)
    click.echo(f"versus: wrote {new_file.path}; fill in its empty fields, then run `versus check`")
    if not (project / new_file.kind.path).is_file():
        click.echo(
            f"versus: {new_file.kind.path} is missing: run `versus schema` to write it, "
            "for completion and checks as you type in editors with yaml-language-server"
        )


@main.command("import")
@_PROJECT
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@click.option(
    "--suite",
    "suite_id",
    default=None,
    metavar="SUITE-ID",
    help="The suite of the run.  [default: each record's, or the harness's task name]",
)
@click.option(
    "--model",
    "model_id",
    default=None,
    metavar="MODEL-ID",
    help="The model of the run.  [default: each record's, or the harness's model name]",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["neutral", "inspect", "lmms-eval"]),
    default=None,
    help="What FILE is.  [default: inspect for .eval and .json, lmms-eval for *_samples_*.jsonl, else neutral]",
)
@click.option(
    "--metric",
    default=None,
    metavar="NAME",
    help="The scorer (Inspect) or metric (lmms-eval) giving the verdicts.  [default: the first scorer; the only metric]",
)
@click.option(
    "--provenance",
    type=click.Choice(["measured", "self-reported"]),
    default="measured",
    show_default=True,
    help="The provenance of a new result.",
)
@click.option(
    "--source",
    "source_title",
    default=None,
    metavar="TITLE",
    help="The source title of a new result.  [default: the file's name]",
)
def import_command(
    project: Path,
    file: Path,
    suite_id: str | None,
    model_id: str | None,
    file_format: str | None,
    metric: str | None,
    provenance: str,
    source_title: str | None,
) -> None:
    """Write or update results from FILE: per-prompt outcomes of a harness.

    Each run (a model on a suite) becomes evals/SUITE-ID/MODEL-ID.yaml and,
    when the suite lists its prompts, its outcomes file. An existing result
    keeps its hand-written fields; a second import of the same file changes
    nothing. Every record that cannot be mapped (unknown model, suite, prompt
    or category) is listed, and then nothing is written.

    \b
    Examples:
      versus import results.jsonl                          # the neutral format (or .csv)
      versus import logs/2026-05-14_mmmu.eval --suite vision-evals --model gemma-4-12b
      versus import out/org__model/20260514_101500_samples_mme.jsonl --model gemma-4-12b
    """
    from versus.authoring.importing import formats, writer

    try:
        kind = next((f for f in formats.FORMATS if f == file_format), None)
        harvest = formats.harvest(file, str(file), kind, metric)
        plan = writer.plan_import(
            project,
            harvest,
            suite=suite_id,
            model=model_id,
            provenance=provenance,
            source=source_title,
        )
        writer.write_plan(project, plan)
    except InputError as error:
        _fail(error)
        return
    for change in plan.changes:
        click.echo(printable(change.line()))
    written = len(plan.files)
    if written:
        click.echo(f"versus: {counted(written, 'file')} written; run `versus check`")
    else:
        click.echo("versus: unchanged: the project already holds these results")


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

    One schema per kind of file (config, card, suite, result, prompts, an
    outcome line, and the import-record `versus import` reads), with a
    description and an example for every field. Editors with
    yaml-language-server (such as VS Code's YAML extension) read the first
    line of each YAML file, `# yaml-language-server: $schema=...`, and offer
    completion, documentation on hover and checks as you type.

    \b
    Examples:
      versus schema            # write schemas/*.schema.json
      versus schema --check    # in CI: fail when schemas/ is out of date
    """
    from versus.authoring import jsonschema

    if check_only:
        stale = jsonschema.stale_files(project)
        for name in stale:
            state = "missing" if not (project / name).exists() else "out of date"
            click.echo(f"{name}: {state}", err=True)
        if stale:
            count = len(stale)
            click.echo(
                f"versus: {counted(count, 'schema file')} to update: run `versus schema`",
                err=True,
            )
            raise SystemExit(1)
        click.echo(f"versus: ok: the {len(jsonschema.KINDS)} schema files are up to date")
        return
    try:
        written = jsonschema.write_schemas(project)
    except InputError as error:
        _fail(error)
        return
    for name in written:
        click.echo(f"versus: wrote {name}")
    if not written:
        click.echo(f"versus: the {len(jsonschema.KINDS)} schema files are up to date")
