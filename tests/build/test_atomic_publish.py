"""Builds are all-or-nothing, locked against each other, and the same bytes every time.

These tests run real ``versus build`` processes and kill them with SIGKILL at
moments spread over whole builds, an incremental one and a full one; the output
folder must then hold either the previous site or the new one, byte for byte,
never a mix.

A kill must land mid-build whatever the machine's load, so the moments are
placed by progress, not by time: the test watches the tree the build writes
(``.site.versus/spare`` for an incremental build, ``.site.versus/new-<pid>``
for a full one) and kills when it holds K new files. The build runs under
:data:`HOLD`, a test-side audit hook that stops it just before it publishes
(or just after, to kill it between publishing and recording its state), so a
build can never finish before its kill.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support import fixture_project
from synthetic import add_models
from versus.build.output import locked

PER_PHASE = 9
"""Kills placed by the number of files written, in each of the two kinds of build."""

DEADLINE = 120.0
"""Seconds a build may take to reach a kill's moment: generous, as the machine may be busy."""

HOLD = """
import os, runpy, sys, threading

_mode, _held = os.environ["VERSUS_TEST_HOLD"].split(":", 1)
_published = False

def _hold() -> None:
    os.close(os.open(_held, os.O_WRONLY | os.O_CREAT, 0o644))
    threading.Event().wait()  # until the test kills this process

def _hook(event, args):
    global _published
    publishing = (event == "ctypes.dlsym" and args[1] == "renameat2") or (
        event == "os.rename" and os.path.isdir(args[0])
    )
    if publishing and _mode == "before":
        _hold()
    if publishing:
        _published = True
    elif _published and event == "os.rename" and _mode == "after":
        _hold()  # the site is swapped in; its state is not recorded yet

sys.addaudithook(_hook)
runpy.run_module("versus", run_name="__main__", alter_sys=True)
"""
"""Run ``versus`` so that it stops where the test can kill it: ``before`` it swaps the new
tree in, or ``after`` (at its next rename: the record of the trees' states). The
swap is a ``renameat2`` call through ctypes, or a rename of a whole folder."""


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``root``."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def inodes(root: Path | str) -> set[int]:
    """Inode numbers of the files under ``root`` (none if it is gone), read from the
    folders alone: cheap enough to look many times a second while a build runs."""
    found = set()
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    found |= inodes(entry.path)
                else:
                    found.add(entry.inode())
    except (FileNotFoundError, NotADirectoryError):
        pass  # removed meanwhile
    return found


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "versus", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's project plus 20 synthetic models: 300 or more pair pages."""
    project = fixture_project(tmp_path_factory.mktemp("large") / "project")
    add_models(project, 20)
    return project


def _builds_writing(out: Path) -> list[int]:
    """Processes (a build or its workers) whose command line names ``out``."""
    deadline = time.monotonic() + 30  # a worker's death signal is sent, not awaited
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


class Kill:
    """One build of ``out`` under :data:`HOLD`, killed once ``written`` reports ``files``
    new files, or once it is held (``files=None``)."""

    def __init__(self, large: Path, out: Path, mode: str, *options: str) -> None:
        self.held = out.parent / "held"
        self.held.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD, "build", "-p", str(large), "-o", str(out), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "VERSUS_TEST_HOLD": f"{mode}:{self.held}"},
        )

    def at(self, files: int | None, written: Callable[[int], int]) -> int:
        """Kill the build at its moment; the files written by then."""
        deadline = time.monotonic() + DEADLINE
        count = 0
        while self.process.poll() is None and time.monotonic() < deadline:
            held = self.held.exists()  # looked at first: once held, the count is final
            count = written(self.process.pid)
            if held if files is None else count >= files:
                self.process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)  # only how often it looks: the build waits for the kill
        else:
            self.process.kill()
        self.process.wait()
        assert self.process.stderr is not None
        said = self.process.stderr.read().decode()
        self.process.stderr.close()
        # Killed while it ran: it neither finished nor failed, nor timed out.
        assert self.process.returncode == -signal.SIGKILL, (self.process.returncode, said)
        assert time.monotonic() < deadline, f"no kill at {files} files in {DEADLINE}s: {said}"
        return count


def test_a_killed_build_leaves_the_old_site_or_the_new_one(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("build", "-p", str(large), "-o", str(out)).returncode == 0
    old = snapshot(out)

    card = large / "models" / "synthetic-000.yaml"
    card.write_text(card.read_text().replace("name: Synthetic 000", "name: Synthetic 0 (edited)"))
    assert run("build", "-p", str(large), "-o", str(tmp_path / "reference")).returncode == 0
    new = snapshot(tmp_path / "reference")
    changed = sum(1 for name, digest in new.items() if old.get(name) != digest)
    assert 0 < changed < len(new)
    kept = tmp_path / ".site.versus"
    spare = kept / "spare"
    published = out.stat().st_ino

    def still_old(moment: str) -> None:
        assert out.stat().st_ino == published, f"{moment}: the new tree was swapped in"
        assert snapshot(out) == old, f"{moment}: the site is not the old one"

    # An incremental build renders the changed pages into the spare tree, which starts
    # as hard links to the published one: its files with inodes the site lacks are new.
    site = inodes(out)
    for kill in range(PER_PHASE + 1):
        files = 1 + (changed - 1) * kill // (PER_PHASE - 1) if kill < PER_PHASE else None
        if kill:
            # What the last killed build wrote would count as progress; the next build
            # starts the spare afresh from the site anyway, as after any killed build.
            shutil.rmtree(spare, ignore_errors=True)
        written = Kill(large, out, "before").at(files, lambda _: len(inodes(spare) - site))
        still_old(f"incremental build killed at {files} files")
        if files is None:  # held before the swap: all is written, nothing published
            assert written >= changed

    # A full build writes every file into a fresh staging tree.
    total = len(new)
    for kill in range(PER_PHASE + 1):
        files = 1 + (total - 1) * kill // (PER_PHASE - 1) if kill < PER_PHASE else None
        written = Kill(large, out, "before", "--clean").at(
            files, lambda pid: len(inodes(kept / f"new-{pid}"))
        )
        still_old(f"full build killed at {files} files")
        if files is None:
            assert written == total

    # Killed between swapping the new tree in and recording it: the new site, whole; the
    # next build cannot trust the unrecorded trees, and builds the same site again.
    Kill(large, out, "after").at(None, lambda _: 0)
    assert snapshot(out) == new, "killed after publishing: the site is not the new one"

    assert _builds_writing(out) == [], "a killed build left workers behind"

    finished = run("build", "-p", str(large), "-o", str(out))
    assert finished.returncode == 0, finished.stderr.decode()
    assert snapshot(out) == new
    beside = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site"))
    assert beside == [".site.versus"]  # all that versus keeps, in one folder
    leftovers = sorted(p.name for p in kept.iterdir())
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
    # the build's date, not the YAML's
    assert "Built with versus on 14 Nov 2023 from" in (tmp_path / "a" / "index.html").read_text()
    plain = tmp_path / "plain"
    assert (
        run("build", "-p", str(project), "-o", str(plain), env={"SOURCE_DATE_EPOCH": ""}).returncode
        == 0
    )
    assert "Built with versus from" in (plain / "index.html").read_text()


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
