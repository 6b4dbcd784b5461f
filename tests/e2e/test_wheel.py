"""The wheel: built from the repository, installed into a fresh venv, it makes a site.

Offline and the same at every run: the wheel is built from a copy of the sources
without build isolation (with the setuptools of the test environment, which the
``test`` extra installs) and installed with ``--no-index --no-deps``; the fresh
venv sees versus's dependencies through a ``.pth`` file naming this environment's
``site-packages``, whose own ``.pth`` files (the editable install of the working
tree among them) are not read from there, and after the venv's own. The commands
then run from a folder
outside the repository, so only the installed wheel can answer them.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from htmltools import soup
from support import REPO

PAIR = "compare/example-model-a-vs-example-model-b/index.html"


def run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def offline_env() -> dict[str, str]:
    """The environment of every command: no user or site pip configuration (no index, no
    find-links), no path into the working tree."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH"))
    }
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "CI": "true"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, offline_env: dict[str, str]) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    sources = work / "sources"  # a copy: the build leaves build/ and *.egg-info behind it
    sources.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, sources / name)
    shutil.copytree(
        REPO / "src",
        sources / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".*"),
    )
    dist = work / "dist"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            dist,
            sources,
        ],
        work,
        offline_env,
    )
    (built,) = dist.glob("versus-*.whl")
    return built


def test_the_wheel_holds_the_theme_and_the_starter(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = REPO / "src" / "versus" / "theme"
    shipped = {f"versus/theme/{p.relative_to(theme).as_posix()}" for p in theme.rglob("*")}
    assert {name for name in shipped if "." in name.rsplit("/", 1)[-1]} <= names
    assert {"versus/theme/pair.html", "versus/theme/assets/style.css"} <= names
    assert "versus/authoring/starter/versus.yaml" in names
    assert "versus/py.typed" in names


def test_a_fresh_venv_with_the_wheel_inits_and_builds_a_site(
    wheel: Path, tmp_path: Path, offline_env: dict[str, str]
) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, offline_env)
    python = venv / "bin" / "python"
    purelib = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            tmp_path,
            offline_env,
        ).strip()
    )
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        tmp_path,
        offline_env,
    )
    # Then, behind the venv's own site-packages, the dependencies of this environment (not
    # before installing: pip would take this environment's versus for the one to replace).
    ours = {*site.getsitepackages(), sysconfig.get_path("purelib")}
    (purelib / "deps-of-the-tests.pth").write_text("".join(f"{path}\n" for path in sorted(ours)))
    where = run([python, "-c", "import versus; print(versus.__file__)"], tmp_path, offline_env)
    assert Path(where.strip()).is_relative_to(venv), where

    elsewhere = tmp_path / "elsewhere"  # outside the repository
    elsewhere.mkdir()
    versus = venv / "bin" / "versus"
    said = run([versus, "init", "mysite"], elsewhere, offline_env)
    assert "versus build -p mysite" in said
    run([versus, "check", "-p", "mysite"], elsewhere, offline_env)
    run([versus, "build", "-p", "mysite"], elsewhere, offline_env)

    site_folder = elsewhere / "mysite" / "site"
    index = soup((site_folder / "index.html").read_bytes())
    assert index.find("link", rel="stylesheet", href="assets/style.css") is not None
    pair = soup((site_folder / PAIR).read_bytes())
    heading = pair.find("h1")
    assert heading is not None
    assert "Example Model A" in heading.get_text()
    theme = REPO / "src" / "versus" / "theme" / "assets"
    for asset in theme.iterdir():
        assert (site_folder / "assets" / asset.name).read_bytes() == asset.read_bytes()
