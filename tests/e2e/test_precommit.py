"""The pre-commit hook that repositories of cards use: ``.pre-commit-hooks.yaml``."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import click
import yaml
from click.testing import CliRunner

from support import REPO
from versus.cli import main


def hooks() -> dict[str, dict[str, Any]]:
    raw = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, list)
    return {hook["id"]: hook for hook in raw}


def test_the_versus_check_hook_is_defined() -> None:
    hook = hooks()["versus-check"]
    assert hook["language"] == "python"
    assert hook["entry"] == "versus check"
    assert hook["pass_filenames"] is False
    assert set(hook) <= {
        "id",
        "name",
        "description",
        "entry",
        "language",
        "pass_filenames",
        "files",
    }


def test_the_entry_is_a_command_of_the_installed_script(project: Path) -> None:
    program, *args = shlex.split(hooks()["versus-check"]["entry"])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts[program] == "versus.cli:run"
    assert isinstance(main, click.Group)
    assert args[0] in main.commands

    result = CliRunner().invoke(main, [*args, "-p", str(project)])
    assert result.exit_code == 0, result.output
    (project / "models" / "florence-2.yaml").write_text("name: [\n")
    assert CliRunner().invoke(main, [*args, "-p", str(project)]).exit_code == 1


def test_the_hook_runs_for_project_files_only() -> None:
    files = re.compile(hooks()["versus-check"]["files"])
    for name in (
        "versus.yaml",
        "models/florence-2.yaml",
        "evals/vision-evals/suite.yaml",
        "evals/vision-evals/gemma-4-12b.yaml",
        "templates/base.html",
        "templates/partials/scores.html",
    ):
        assert files.search(name), name
    for name in ("README.md", "src/versus/cli.py", "site/index.html", "versus.yaml.bak"):
        assert not files.search(name), name
