"""Builds are all-or-nothing, locked against each other, and the same bytes every time.

These tests run real ``versus build`` processes: one is killed with SIGKILL at
twenty moments spread over a whole build, and the output folder must then hold
either the previous site or the new one, byte for byte, never a mix.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project
from synthetic import add_models
from versus.build.output import locked

KILLS = 20


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def versus(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "versus", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "versus", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's project plus 40 synthetic models: 45 models, 990 pair pages."""
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    add_models(project, 40)
    return project


def _builds_writing(out: Path) -> list[int]:
    """Processes (a build or its workers) whose command line names ``out``."""
    deadline = time.monotonic() + 5  # a worker's death signal is sent, not awaited
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    line = (entry / "cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                if str(out).encode() in line:
                    found.append(int(entry.name))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_a_killed_build_leaves_the_old_site_or_the_new_one(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("build", "-p", str(large), "-o", str(out)).returncode == 0
    old = snapshot(out)
    saved = tmp_path / "saved"
    shutil.copytree(out, saved)

    card = large / "models" / "florence-2.yaml"
    card.write_text(card.read_text().replace("name: Florence-2", "name: Florence-2 (edited)", 1))
    started = time.perf_counter()
    assert run("build", "-p", str(large), "-o", str(tmp_path / "reference")).returncode == 0
    duration = time.perf_counter() - started
    new = snapshot(tmp_path / "reference")
    assert new != old

    outcomes = []
    for kill in range(KILLS):
        process = versus("build", "-p", str(large), "-o", str(out))
        time.sleep(duration * (kill + 0.5) / KILLS)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(out)
        assert now in (old, new), f"kill {kill}: the site is a mix of old and new files"
        outcomes.append("old" if now == old else "new")
        if now == new:  # the build finished before the kill: put the old site back
            shutil.rmtree(out)
            shutil.copytree(saved, out)
    # Most kills must land mid-build, or this test would prove nothing.
    assert outcomes.count("old") >= KILLS // 2, outcomes

    assert _builds_writing(out) == [], "a killed build left workers behind"

    finished = run("build", "-p", str(large), "-o", str(out))
    assert finished.returncode == 0, finished.stderr.decode()
    assert snapshot(out) == new
    beside = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site"))
    assert beside == [".site.versus"]  # all that versus keeps, in one folder
    leftovers = sorted(p.name for p in (out.parent / ".site.versus").iterdir())
    # the lock, the spare tree and the record of both trees' states; no staged tree
    assert leftovers == [".gitignore", "lock", "spare", "state.json"]


def test_a_second_build_at_once_is_refused(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    with locked(out):
        result = run("build", "-p", str(project), "-o", str(out))
    assert result.returncode == 1
    message = result.stderr.decode()
    assert f"another build of this folder is running (process {os.getpid()})" in message
    assert "Traceback" not in message
    assert not out.exists()
    assert run("build", "-p", str(project), "-o", str(out)).returncode == 0


def test_builds_in_different_processes_give_the_same_bytes(project: Path, tmp_path: Path) -> None:
    """Different hash seeds and folders: no set or dict order may reach the output."""
    for seed, folder in (("1", "one"), ("2", "two"), ("random", "three")):
        result = run(
            "build", "-p", str(project), "-o", str(tmp_path / folder), env={"PYTHONHASHSEED": seed}
        )
        assert result.returncode == 0, result.stderr.decode()
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two") == snapshot(tmp_path / "three")


def test_source_date_epoch_sets_the_printed_date(project: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert run("build", "-p", str(project), "-o", str(tmp_path / "a"), env=env).returncode == 0
    assert run("build", "-p", str(project), "-o", str(tmp_path / "b"), env=env).returncode == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert "on 14 Nov 2023" in (tmp_path / "a" / "index.html").read_text()
    plain = tmp_path / "plain"
    assert (
        run("build", "-p", str(project), "-o", str(plain), env={"SOURCE_DATE_EPOCH": ""}).returncode
        == 0
    )
    assert "YAML on" not in (plain / "index.html").read_text()


def test_bad_source_date_epoch_is_an_error(project: Path, tmp_path: Path) -> None:
    result = run(
        "build",
        "-p",
        str(project),
        "-o",
        str(tmp_path / "x"),
        env={"SOURCE_DATE_EPOCH": "yesterday"},
    )
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970" in message
    assert "got 'yesterday'" in message


def test_a_record_left_half_written_by_a_killed_build_is_removed(
    project: Path, tmp_path: Path
) -> None:
    """A build killed between writing its state record and renaming it leaves the file."""
    out = tmp_path / "site"
    assert run("build", "-p", str(project), "-o", str(out)).returncode == 0
    kept = tmp_path / ".site.versus"
    (kept / "state-k1ll3d").write_text('{"version": 1, "tr')
    card = project / "models" / "florence-2.yaml"
    card.write_text(card.read_text().replace("name: Florence-2", "name: Florence-2 (edited)", 1))
    assert run("build", "-p", str(project), "-o", str(out)).returncode == 0
    leftovers = sorted(p.name for p in kept.iterdir())
    assert leftovers == [".gitignore", "lock", "spare", "state.json"]
