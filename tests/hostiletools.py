"""The hostile corpus's sandbox: a project, its built site, and a world around them.

Every hostile case (``tests/e2e/test_hostile_*.py``) starts from a copy of one small
project whose site is already built, inside a sandbox that also holds an
``outside/`` folder standing in for the rest of the machine (a home folder with
``.ssh/`` and ``Documents/``, a file holding :data:`SECRET`). A case breaks the
project or its surroundings in one way, runs versus, and then asserts with
:func:`assert_refused` (or :func:`assert_harmless`) what every case must hold:

- the exit code (1 for a refusal, 130 for Ctrl-C);
- one clear message, naming the file and line where there is one;
- no traceback;
- the previously built site byte for byte;
- nothing outside the project and the output read (:data:`SECRET` appears in no
  output), written or deleted (``outside/`` is unchanged).

The project is the repository's ``versus.yaml`` with cards and results of its own,
so that adding a model to ``models/`` changes no case, and a copy of the whole theme
as its ``templates/``: every template and asset is the project's, read by the rules
for what a pull request may change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from support import config_only, override_all
from versus.cli import main

SECRET = "canary-0f9c2e-never-read-by-versus"
"""The text of every canary file outside the project: no output of versus may hold it."""

CARDS = {
    "alpha": """\
        name: Alpha
        organization: Example Lab
        category: open
        modality: vision
        summary: A small open vision model for tests.
        description: |
          Alpha is a *test* model. It reads [text](https://example.org/alpha).
        released: "2024-06"
        parameters:
          total: 230M
        capabilities:
          captioning: supported
          ocr: demo
        sources:
          - title: Alpha paper
            url: https://example.org/alpha
        """,
    "beta": """\
        name: Beta
        organization: Other Lab
        category: api-only
        modality: multimodal
        summary: A closed multimodal model for tests.
        description: Beta is another test model.
        released: "2025-01"
        context_window: 32000
        pricing:
          currency: USD
          input_per_million: 0.5
          output_per_million: 1.5
          as_of: "2026-11"
          source: Example prices
        capabilities:
          captioning: supported
          ocr: "no"
        sources:
          - title: Beta announcement
        """,
    "gamma": """\
        name: Gamma
        organization: Example Lab
        category: open
        modality: vision
        summary: A third model, with no results.
        description: Gamma has no eval results.
        sources:
          - title: Gamma notes
        """,
}

SUITE = """\
    name: Tiny Evals
    summary: Ten pass/fail prompts in two categories.
    description: Tiny Evals asks ten questions about images.
    methodology: Each prompt is scored pass or fail.
    prompts: 10
    categories:
      - id: counting
        label: Counting
        prompts: 4
      - id: reading
        label: Reading
        prompts: 6
    """

RESULTS = {
    "alpha": """\
        provenance: measured
        source:
          title: Tiny Evals run
        date: "2026-05"
        categories:
          counting: {passed: 3, total: 4}
          reading: {passed: 5, total: 6}
        avg_response_seconds: 2.5
        median_input_tokens: 300
        median_output_tokens: 40
        """,
    "beta": """\
        provenance: self-reported
        source:
          title: Beta's report
          url: https://example.org/beta
        categories:
          counting: {passed: 2, total: 4}
          reading: {passed: 6, total: 6}
        avg_response_seconds: 1.5
        median_input_tokens: 500
        median_output_tokens: 60
        """,
}

ENV: Mapping[str, str | None] = {"SOURCE_DATE_EPOCH": None, "CI": "true"}
"""A build must not depend on the environment the tests run in."""


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def make_project(project: Path) -> Path:
    """The corpus's project at ``project``: the repository's config, the theme as its own
    templates, our data."""
    config_only(project)
    override_all(project)
    for model_id, text in CARDS.items():
        _write(project / "models" / f"{model_id}.yaml", _dedent(text))
    _write(project / "evals" / "tiny-evals" / "suite.yaml", _dedent(SUITE))
    for model_id, text in RESULTS.items():
        _write(project / "evals" / "tiny-evals" / f"{model_id}.yaml", _dedent(text))
    return project


def make_outside(outside: Path) -> Path:
    """A stand-in for the rest of the machine: a home folder and files holding :data:`SECRET`."""
    for name in ("secret.txt", "home/.ssh/id_ed25519", "home/Documents/taxes.txt"):
        _write(outside / name, f"{SECRET} ({name})\n")
    _write(outside / "card.yaml", _dedent(CARDS["alpha"]).replace("Alpha", SECRET))
    return outside


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


Snapshot = dict[str, str]


def snapshot(folder: Path) -> Snapshot:
    """Every entry under ``folder`` (not following links): files by SHA-256 of their bytes,
    links by their target, folders as such. Empty when ``folder`` does not exist."""
    found: Snapshot = {}
    if not folder.exists() and not folder.is_symlink():
        return found
    for directory, folders, files in os.walk(folder):
        base = Path(directory)
        for name in folders:
            path = base / name
            relative = path.relative_to(folder).as_posix()
            found[relative] = f"-> {path.readlink()}" if path.is_symlink() else "folder"
        for name in files:
            path = base / name
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[relative] = f"-> {path.readlink()}"
            elif path.is_file():
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[relative] = "special"
    return found


@dataclass(frozen=True)
class Outcome:
    """What one run of versus did."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None
    """An exception that escaped the command (``SystemExit`` aside): a traceback."""

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class Sandbox:
    """One case's world: ``base/project`` (with ``site/`` built) and ``base/outside``."""

    base: Path
    site_before: Snapshot
    outside_before: Snapshot

    @property
    def project(self) -> Path:
        return self.base / "project"

    @property
    def site(self) -> Path:
        return self.project / "site"

    @property
    def outside(self) -> Path:
        return self.base / "outside"

    def write(self, name: str, data: str | bytes, *, dedent: bool = True) -> Path:
        """Write ``data`` (dedented text, or bytes) at ``name`` under the project."""
        if isinstance(data, str) and dedent:
            data = _dedent(data)
        path = self.project / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        return _write(path, data)

    def link(self, name: str, target: str | Path) -> Path:
        """A symbolic link at ``name`` under the project, pointing at ``target``."""
        path = self.project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        path.symlink_to(target)
        return path

    def run(self, *args: str, env: Mapping[str, str | None] | None = None) -> Outcome:
        """``versus ARGS`` in this process, from the project folder (so ``-o models`` means
        the project's ``models/``)."""
        with contextlib.chdir(self.project):
            result = CliRunner().invoke(main, list(args), env={**ENV, **(env or {})})
        escaped = result.exception
        if isinstance(escaped, SystemExit):
            escaped = None
        return Outcome(result.exit_code, result.stdout, result.stderr, escaped)

    def process(
        self, *args: str, env: Mapping[str, str] | None = None, timeout: float = 120
    ) -> Outcome:
        """``versus ARGS`` as a real process, from the project folder."""
        environ = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        environ.update({"CI": "true", **(env or {})})
        done = subprocess.run(
            [sys.executable, "-m", "versus", *args],
            cwd=self.project,
            capture_output=True,
            env=environ,
            check=False,
            timeout=timeout,
        )
        stdout = done.stdout.decode("utf-8", "replace")
        stderr = done.stderr.decode("utf-8", "replace")
        return Outcome(done.returncode, stdout, stderr)

    def site_unchanged(self) -> bool:
        return snapshot(self.site) == self.site_before

    def outside_unchanged(self) -> bool:
        return snapshot(self.outside) == self.outside_before


def built_sandbox(template: Path, base: Path) -> Sandbox:
    """A copy of the ``template`` sandbox at ``base``, links kept as links."""
    shutil.copytree(template, base, symlinks=True)
    project = base / "project"
    return Sandbox(base, snapshot(project / "site"), snapshot(base / "outside"))


def make_template(base: Path) -> Path:
    """A sandbox with the project's site built, to copy for each case."""
    make_project(base / "project")
    make_outside(base / "outside")
    with contextlib.chdir(base / "project"):
        result = CliRunner().invoke(main, ["build", "-j1", "-q"], env=dict(ENV))
    if result.exit_code != 0:
        raise RuntimeError(f"the corpus's project does not build:\n{result.output}")
    return base


def no_traceback(outcome: Outcome) -> None:
    assert outcome.exception is None, f"escaped: {outcome.exception!r}\n{outcome.output}"
    assert "Traceback" not in outcome.output, outcome.output


def assert_harmless(sandbox: Sandbox, outcome: Outcome) -> None:
    """Whatever versus did, it left the world outside the project and output as it was,
    read nothing of it, and showed no traceback."""
    no_traceback(outcome)
    assert SECRET not in outcome.output, outcome.output
    assert sandbox.outside_unchanged(), "a file outside the project was written or deleted"
    for path in sandbox.site.rglob("*") if sandbox.site.is_dir() else ():
        if path.is_file() and not path.is_symlink():
            assert SECRET.encode() not in path.read_bytes(), f"{path} holds the secret"


def assert_refused(
    sandbox: Sandbox,
    outcome: Outcome,
    says: str | Sequence[str],
    *,
    where: str | None = None,
    code: int = 1,
) -> None:
    """versus said no: exit ``code``, a message holding each of ``says`` (on a line that
    starts with ``where``, such as ``models/alpha.yaml:3:``, when given), no traceback,
    the old site byte for byte and nothing outside the project touched."""
    assert outcome.exit_code == code, f"exit {outcome.exit_code}\n{outcome.output}"
    assert_harmless(sandbox, outcome)
    wanted = [says] if isinstance(says, str) else list(says)
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert lines, "no message"
    if where is not None:
        lines = [line for line in lines if line.startswith(where)]
        assert lines, f"no line starts with {where!r}:\n{outcome.stderr}"
    assert any(all(text in line for text in wanted) for line in lines), (
        f"no line says {wanted!r}:\n{outcome.stderr}"
    )
    assert sandbox.site_unchanged(), "the previously built site changed"
