"""The command line: exit codes, messages, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from versus.cli import main


def test_check_passes_on_the_project(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "5 models, 1 suites, 2 results" in result.output


def test_build_writes_the_site(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-p", str(project), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "built 17 pages" in result.output
    assert len(list((out / "compare").iterdir())) == 10
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
        "new model",
        "new result",
        "schema",
    ]
    for name, command in commands:
        result = CliRunner().invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0, result.output
        assert f"Examples:\n    versus {name}" in result.stdout, name
        assert "-p, --project DIRECTORY" in result.stdout, name
        assert any(param.name == "project" for param in command.params), name
