"""The command line: exit codes, messages, no tracebacks."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from versus.build import failures
from versus.build.hosts import weight
from versus.build.output import PublishReport
from versus.build.pipeline import BuildReport, build
from versus.cli import main
from versus.console import ProgressLine, bar, interactive, problem_lines, summary
from versus.inputs.problems import InputError, Problem
from versus.site import plan

VERSUS = Path(sys.executable).parent / "versus"


def test_check_passes_on_the_project(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "5 models, 1 suite, 2 results" in result.output


def test_check_counts_one_of_each_in_the_singular(project: Path) -> None:
    for card in ("florence-2", "paligemma", "sam-clip", "gemma-4-26b-a4b"):
        (project / "models" / f"{card}.yaml").unlink()
    (project / "evals" / "vision-evals" / "gemma-4-26b-a4b.yaml").unlink()
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert result.output == "versus: ok: 1 model, 1 suite, 1 result\n"


def test_build_writes_the_site(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = plan.plan_size(5, 1)[0]
    files = sum(path.is_file() for path in out.rglob("*"))  # with the assets and the marker
    assert f"built {pages} pages ({files} files: {files} written" in result.output
    assert len(list((out / "compare").glob("*-vs-*"))) == 10
    assert (out / "compare" / "index.html").is_file()
    assert (out / "methodology" / "index.html").is_file()
    assert len(list((out / "models").iterdir())) == 5
    assert (out / "index.html").is_file()


def test_build_defaults_to_site_in_the_project(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "site" / "index.html").is_file()


def test_mistyped_field_names_file_line_and_field(project: Path) -> None:
    card = project / "models" / "paligemma.yaml"
    lines = card.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("organization:"))
    lines[number] = lines[number].replace("organization:", "organisaton:")
    card.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        f"models/paligemma.yaml:{number + 1}:1: organisaton: unknown field 'organisaton' "
        in result.stderr
    )
    assert "did you mean 'organization'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_is_listed_with_a_count(project: Path) -> None:
    (project / "models" / "sam-clip.yaml").write_text("name: [\n")
    (project / "evals" / "vision-evals" / "gemma-4-12b.yaml").write_text("provenance: guessed\n")
    result = CliRunner().invoke(main, ["build", "-p", str(project)])
    assert result.exit_code == 1
    assert "models/sam-clip.yaml:" in result.stderr
    assert "evals/vision-evals/gemma-4-12b.yaml:1:" in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("in 2 files; nothing was written")
    assert not (project / "site").exists()


def _leaf_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _leaf_commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


def test_every_command_has_examples_and_a_project_option() -> None:
    commands = _leaf_commands(main)
    assert [name for name, _ in commands] == [
        "build",
        "check",
        "import",
        "init",
        "new model",
        "new result",
        "new suite",
        "schema",
        "serve",
    ]
    for name, command in commands:
        result = CliRunner().invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0, result.output
        assert f"Examples:\n    versus {name}" in result.stdout, name
        if name == "init":  # the project it writes is its argument
            assert "init [OPTIONS] DIR\n" in result.stdout, name
            continue
        assert "-p, --project DIRECTORY" in result.stdout, name
        assert any(param.name == "project" for param in command.params), name


# --- what a build prints --------------------------------------------------------


def test_build_prints_its_summary_and_size_and_no_progress_in_a_pipe(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project), "-o", str(out)])
    assert result.exit_code == 0, result.output
    line, size = result.stdout.splitlines()
    # then what the site weighs: its files and bytes, as the build wrote them
    files = [p for p in out.rglob("*") if p.is_file()]
    assert size == f"site: {len(files)} files, {weight(sum(p.stat().st_size for p in files))}"
    assert line.startswith("versus: built ")
    assert line.endswith("s")
    for word in ("written", "unchanged", "removed"):
        assert word in line
    assert result.stderr == ""
    assert "\r" not in result.output


def test_summaries_say_one_page_one_file_one_problem_in_the_singular() -> None:
    report = BuildReport(pages=1, files=1, publish=PublishReport(1, 0, 0), seconds=0.5)
    assert summary(report) == (
        "versus: built 1 page (1 file: 1 written, 0 unchanged, 0 removed) in 0.50s"
    )
    one = InputError([Problem.of_file("models/a.yaml", "wrong")])
    assert problem_lines(one)[-1] == "versus: 1 problem in 1 file; nothing was written"


def test_quiet_build_prints_only_problems(project: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    result = CliRunner().invoke(main, ["build", "-q", "-p", str(project), "-o", out])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text().replace("organization:", "organisaton:", 1))
    result = CliRunner().invoke(main, ["build", "--quiet", "-p", str(project), "-o", out])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "organisaton: unknown field" in result.stderr


def test_verbose_build_prints_phases_and_files_written(project: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    result = CliRunner().invoke(main, ["build", "-v", "-p", str(project), "-o", out])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "versus: wrote index.html" in lines
    assert "versus: wrote compare/florence-2-vs-sam-clip/index.html" in lines
    assert "versus: wrote assets/style.css" in lines
    assert lines[-1].startswith("site: ")
    lines = lines[:-1]
    phases = lines[-2]
    for phase in ("load", "plan", "render/write", "search", "publish"):
        assert f"{phase} " in phases, phases
    assert lines[-1].startswith("versus: built ")
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("name: SAM-CLIP", "name: SAM-CLIP 2", 1))
    again = CliRunner().invoke(main, ["build", "--verbose", "-p", str(project), "-o", out])
    written = [line for line in again.stdout.splitlines() if line.startswith("versus: wrote ")]
    pairs = [line for line in written if "-vs-" in line and line.endswith("/index.html")]
    assert len(pairs) == 4, written  # the pairs of the edited card, not the other six
    assert all("sam-clip" in line for line in pairs)
    assert "versus: wrote models/sam-clip/index.html" in written


def test_quiet_and_verbose_exclude_each_other(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-q", "-v", "-p", str(project)])
    assert result.exit_code == 2
    assert "exclude each other" in result.output
    assert not (project / "site").exists()


def test_build_reports_progress_to_a_callback(project: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    report = build(project, tmp_path / "out", jobs=1, progress=lambda *call: calls.append(call))
    assert calls
    assert calls[-1][0] == calls[-1][1]
    phases = [phase for phase, _ in report.phases]
    assert phases == ["load", "plan", "render/write", "search", "publish"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_waits_a_second_and_clears_itself() -> None:
    now = [0.0]
    stream = _Terminal()
    progress = ProgressLine(stream, enabled=True, clock=lambda: now[0])
    progress(10, 100)
    assert stream.getvalue() == ""  # a quick build prints nothing
    now[0] = 1.5
    progress(50, 200)
    assert stream.getvalue() == "\rversus: [######------------------]  25% 50 of 200 files"
    progress(60, 200)
    assert stream.getvalue().count("\r") == 1  # redrawn at most ten times a second
    progress(200, 200)
    assert stream.getvalue().endswith("\rversus: [########################] 100% 200 of 200 files")
    progress.finish()
    assert stream.getvalue().endswith("\r\x1b[K")
    silent = io.StringIO()
    off = ProgressLine(silent, enabled=False, clock=lambda: now[0] + 10)
    off(1, 2)
    off.finish()
    assert silent.getvalue() == ""


@pytest.mark.parametrize(
    ("done", "total", "drawn"),
    [
        (0, 10, "[------------------------]   0%"),
        (1, 3, "[########----------------]  33%"),
        (10, 10, "[########################] 100%"),
        (12, 10, "[########################] 100%"),
        (0, 0, "[########################] 100%"),
    ],
)
def test_progress_bar(done: int, total: int, drawn: str) -> None:
    assert bar(done, total) == drawn


def test_progress_only_on_a_terminal_outside_ci() -> None:
    assert interactive(_Terminal(), {})
    assert not interactive(_Terminal(), {"CI": "true"})
    assert not interactive(_Terminal(), {"TERM": "dumb"})
    assert not interactive(io.StringIO(), {})


# --- shell completion -------------------------------------------------------------


def _complete(variables: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert VERSUS.is_file(), f"{VERSUS} is missing: install versus with pip install -e ."
    return subprocess.run(
        [str(VERSUS)],
        env={**os.environ, **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _versus_completion versus"),
        ("zsh", "#compdef versus"),
        ("fish", "complete --no-files --command versus"),
    ],
)
def test_shell_completion_script(shell: str, marker: str) -> None:
    result = _complete({"_VERSUS_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    assert "_VERSUS_COMPLETE" in result.stdout


def test_shell_completion_completes_commands_and_options() -> None:
    words = {"_VERSUS_COMPLETE": "bash_complete"}
    commands = _complete({**words, "COMP_WORDS": "versus se", "COMP_CWORD": "1"})
    assert commands.stdout.split() == ["plain,serve"]
    options = _complete({**words, "COMP_WORDS": "versus serve --p", "COMP_CWORD": "2"})
    assert set(options.stdout.split()) == {"plain,--project", "plain,--port"}


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "/x/site"),
            "versus: cannot write /x/site: No space left on device (the disk is full)",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "/x/site/a.html"),
            "versus: cannot write /x/site/a.html: Read-only file system "
            "(the file system is read-only)",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/x"),
            "versus: cannot use /x: Permission denied "
            "(check the owner and permissions of the path and its folders)",
        ),
        (
            OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b"),
            "versus: cannot use /a or /b: Invalid cross-device link "
            "(it lies on another file system than the folder beside it)",
        ),
        (OSError(errno.EIO, "Input/output error"), "versus: Input/output error (the disk"),
        (OSError("no number"), "versus: no number"),
    ],
)
def test_an_os_error_is_one_line_naming_path_cause_and_hint(error: OSError, line: str) -> None:
    assert failures.os_error_line(error).startswith(line)
    assert "\n" not in failures.os_error_line(error, failures.SITE_KEPT)


def test_an_os_error_line_escapes_the_path() -> None:
    error = OSError(errno.ENOENT, "No such file or directory", "models/\x1b[2J\nx.yaml")
    line = failures.os_error_line(error)
    assert "\x1b" not in line
    assert "\n" not in line
    assert "models/\\x1b[2J\\nx.yaml" in line


@pytest.mark.parametrize(
    ("command", "outcome"),
    [("build", "; the previous site is unchanged"), ("check", "")],
)
def test_an_os_error_in_a_command_is_one_line_and_exit_1(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: str, outcome: str
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # the commands import these when they run: patched where they are defined
    monkeypatch.setattr("versus.inputs.load.load_project", full)
    monkeypatch.setattr("versus.build.pipeline.build", full)
    result = CliRunner().invoke(main, [command, "-p", str(project)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    expected = "versus: No space left on device (the disk is full)"
    if command == "build":  # no path in the error: the output folder is named
        expected = f"versus: cannot write {project / 'site'}: No space left on device"
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(expected)
    assert result.stderr.rstrip().endswith(outcome or "(the disk is full)")


@pytest.mark.parametrize(
    ("command", "line"),
    [
        ("build", "versus: interrupted; the previous site is unchanged"),
        ("check", "versus: interrupted"),
    ],
)
def test_ctrl_c_in_a_command_is_one_line_and_exit_130(
    project: Path, monkeypatch: pytest.MonkeyPatch, command: str, line: str
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    # the commands import these when they run: patched where they are defined
    monkeypatch.setattr("versus.inputs.load.load_project", interrupted)
    monkeypatch.setattr("versus.build.pipeline.build", interrupted)
    handler = signal.getsignal(signal.SIGINT)
    try:
        result = CliRunner().invoke(main, [command, "-p", str(project)])
        # the process is ending: a Ctrl-C pressed again is ignored until it has
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, handler)
    assert result.exit_code == 130
    assert result.stderr == line + "\n"
    assert "Aborted" not in result.output


# --- the installed script: main(), then an exit without the interpreter's teardown ---


def test_the_script_flushes_every_line_before_its_quick_exit(project: Path, tmp_path: Path) -> None:
    """Piped, stdout is block-buffered: a line left in the buffer at ``os._exit`` is lost."""
    out = tmp_path / "out"
    done = subprocess.run(
        [str(VERSUS), "build", "-v", "-p", str(project), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = [line for line in done.stdout.splitlines() if line.startswith("versus: wrote ")]
    files = sum(path.is_file() for path in out.rglob("*"))
    assert len(written) == files
    assert done.stdout.splitlines()[-2].startswith("versus: built ")
    assert done.stdout.splitlines()[-1].startswith("site: ")


def test_the_script_exits_1_with_every_problem_printed(project: Path) -> None:
    for card in (project / "models").glob("*.yaml"):
        card.write_text(card.read_text().replace("organization:", "organisaton:", 1))
    done = subprocess.run(
        [sys.executable, "-m", "versus", "check", "-p", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("organisaton") >= 5
    assert done.stderr.rstrip().splitlines()[-1].startswith("versus: ")


def test_python_m_versus_imports_no_file_of_the_project(project: Path) -> None:
    """Run from the project's folder, ``python -m versus`` has it first on the import path:
    a module a pull request adds there under the name of one versus imports is not run."""
    marker = project / "ran"
    for module in ("click", "yaml", "jinja2", "pydantic", "pagefind_bin"):
        (project / f"{module}.py").write_text(
            f"import pathlib\npathlib.Path({str(marker)!r}).write_text('{module}')\n"
        )
    done = subprocess.run(
        [sys.executable, "-m", "versus", "check", "-p", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), marker.read_text()


class _ExitCalledError(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


@pytest.mark.parametrize(
    ("stop", "code", "printed"),
    [(None, 0, ""), (0, 0, ""), (2, 2, ""), ("no such thing", 1, "no such thing\n")],
)
def test_the_script_exits_with_the_code_the_command_raised(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: int | str | None,
    code: int,
    printed: str,
) -> None:
    import versus.cli

    def command() -> None:
        raise SystemExit(stop)

    def exit_now(status: int) -> None:
        raise _ExitCalledError(status)

    monkeypatch.setattr(versus.cli, "main", command)
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(_ExitCalledError) as exited:
        versus.cli.run()
    assert exited.value.code == code
    assert capsys.readouterr().err == printed


def test_the_script_flushes_both_streams_before_it_exits(monkeypatch: pytest.MonkeyPatch) -> None:
    import versus.cli

    class Stream(io.StringIO):
        flushed = ""

        def flush(self) -> None:
            self.flushed = self.getvalue()

    out, err = Stream(), Stream()

    def command() -> None:
        sys.stdout.write("a line not yet flushed\n")
        sys.stderr.write("a problem\n")

    def exit_now(status: int) -> None:
        raise _ExitCalledError(status)

    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(versus.cli, "main", command)
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(_ExitCalledError) as exited:
        versus.cli.run()
    assert exited.value.code == 0
    assert (out.flushed, err.flushed) == ("a line not yet flushed\n", "a problem\n")
