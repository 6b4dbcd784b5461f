"""Shared fixtures: a private copy of the repository's project for each test."""

from __future__ import annotations

import shutil
import signal
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from versus.inputs.load import load_project
from versus.inputs.problems import InputError, Problem

if TYPE_CHECKING:
    from hostiletools import Sandbox

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("versus.yaml", "models", "evals", "templates")


def copy_project(target: Path) -> Path:
    """Copy the repository's project files (not site/) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def pytest_configure(config: pytest.Config) -> None:
    """Let the ``versus serve`` processes the tests start be stopped with Ctrl-C (SIGINT).

    A shell starts a background command without job control (``bash .ci/run &`` in a
    script) with SIGINT ignored, and an ignored signal stays ignored in every program it
    runs: ``versus serve`` would then never hear the tests' Ctrl-C. A handled signal is
    reset to its default in a program started from here, where Python turns it into
    KeyboardInterrupt again, as at a terminal.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/expected from the current templates and code",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the repository's project."""
    return copy_project(tmp_path / "project")


def write(root: Path, name: str, text: str) -> Path:
    """Write dedented ``text`` to ``root/name``, creating folders."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(root: Path) -> list[Problem]:
    """The problems loading ``root`` reports; fails the test if it loads cleanly."""
    try:
        load_project(root)
    except InputError as error:
        return error.problems
    pytest.fail("the project loaded without problems")


@pytest.fixture(scope="session")
def sandbox_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus's project with its site built (see ``hostiletools``), made once."""
    from hostiletools import make_template

    return make_template(tmp_path_factory.mktemp("hostile-template"))


@pytest.fixture
def sandbox(sandbox_template: Path, tmp_path: Path) -> Sandbox:
    """A fresh copy of the built hostile sandbox for one case."""
    from hostiletools import built_sandbox

    return built_sandbox(sandbox_template, tmp_path / "sandbox")
