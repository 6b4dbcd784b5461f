"""Shared fixtures: a private project for each test, built from the tests' own catalog."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from support import fixture_project

if TYPE_CHECKING:
    from hostiletools import Sandbox

# No time limit per example: a property test asserts behaviour, and a loaded machine
# must not turn a slow example into a failure (Hypothesis's default deadline is 200 ms).
settings.register_profile("versus", deadline=None)
settings.load_profile("versus")


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
        help="rewrite tests/e2e/golden/expected from the current templates and code",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable project: the repository's config and templates, the tests' catalog."""
    return fixture_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project built from the tests' catalog, shared read-only by a whole run."""
    return fixture_project(tmp_path_factory.mktemp("sample") / "project")


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
