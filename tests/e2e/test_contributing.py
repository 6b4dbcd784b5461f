"""CONTRIBUTING.md, followed to the letter: every command of every section runs.

Each ``##`` section runs on its own copy of the project, which, like the
repository, starts with a built ``site/``. The blocks run in order:

- ``sh``: each line is a command, run from the project's top folder; it must
  exit with 0, or with 1 when its comment says ``fails``. ``versus serve`` is
  started on a free port, must serve the site, and is stopped with Ctrl-C.
- ``yaml file=PATH``: where the guide says "fill in", the file written whole.
- ``diff file=PATH``: the ``+`` lines added below the lines the block shows.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from servetools import Served
from support import REPO, copy_repository_project, model_ids
from versus.build.pipeline import build

GUIDE = REPO / "CONTRIBUTING.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
COMMENT = re.compile(r"\s+#\s?(.*)$")


@dataclass(frozen=True)
class Block:
    language: str
    target: str
    text: str


def sections() -> dict[str, list[Block]]:
    """The guide's ``##`` sections, each with its fenced blocks in order."""
    found: dict[str, list[Block]] = {}
    for part in re.split(r"^## ", GUIDE.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        title, _, body = part.partition("\n")
        blocks = []
        for language, info, text in FENCE.findall(body):
            target = re.search(r"\bfile=(\S+)", info)
            blocks.append(Block(language, target.group(1) if target else "", text))
        found[title.strip()] = blocks
    return found


def apply_diff(path: Path, diff: str) -> None:
    """Add the ``+`` lines of ``diff`` where its other lines stand in ``path`` (once)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hunk = [(line[:1], line[1:]) for line in diff.splitlines()]
    assert all(op in {" ", "+", "-"} for op, _ in hunk), diff
    old = [text for op, text in hunk if op != "+"]
    new = [text for op, text in hunk if op != "-"]
    starts = [i for i in range(len(lines)) if lines[i : i + len(old)] == old]
    assert len(starts) == 1, f"{path.name}: the diff's lines occur {len(starts)} times:\n{diff}"
    start = starts[0]
    lines[start : start + len(old)] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Ran:
    command: str
    output: str


def run_command(project: Path, line: str) -> Ran:
    comment = COMMENT.search(line)
    command = line[: comment.start()] if comment else line
    expect_failure = bool(comment and comment.group(1).startswith("fails"))
    words = shlex.split(command)
    if words[:2] == [".venv/bin/versus", "serve"]:
        served = Served(words[2:], cwd=project, command=[*words[:2], "--port", "0"])
        try:
            status, page = served.get("/")
            assert status == 200, page
            assert "/__versus__/reload.js" in page
        finally:
            assert served.stop() == 0, served.errors()
        return Ran(command, served.output() + served.errors())
    result = subprocess.run(
        command, shell=True, cwd=project, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == (1 if expect_failure else 0), f"$ {line}\n{output}"
    assert "Traceback" not in output, f"$ {line}\n{output}"
    return Ran(command, output)


def follow(project: Path, blocks: list[Block]) -> list[Ran]:
    ran: list[Ran] = []
    for block in blocks:
        if block.language == "sh":
            for line in block.text.splitlines():
                if line.strip():
                    ran.append(run_command(project, line.strip()))
        elif block.target and block.language == "yaml":
            (project / block.target).parent.mkdir(parents=True, exist_ok=True)
            (project / block.target).write_text(block.text, encoding="utf-8")
        elif block.target and block.language == "diff":
            apply_diff(project / block.target, block.text)
    return ran


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A copy of the project as a contributor finds it (its catalog as it is today: the checks
    count what is there), with the schemas, a built site and the venv."""
    project = copy_repository_project(tmp_path / "project")
    for folder in ("schemas",):
        if (REPO / folder).is_dir():
            (project / folder).symlink_to(REPO / folder)
    (project / ".venv").symlink_to(Path(sys.prefix))
    build(project, project / "site")
    return project


def _catalog_size() -> tuple[int, int]:
    """How many models and eval suites the repository holds before the guide adds any."""
    return len(model_ids(REPO)), len(list((REPO / "evals").glob("*/suite.yaml")))


def _output(ran: list[Ran], start: str) -> str:
    return "\n".join(r.output for r in ran if r.command.startswith(start))


def _model_added(project: Path, ran: list[Ran]) -> None:
    """The issue's "done when": the new model, with a page per pair it is in (one per model
    already there)."""
    models, _ = _catalog_size()
    pairs = sorted(p.name for p in (project / "site" / "compare").glob("*qwen2-5-vl-7b*"))
    assert len(pairs) == models, pairs
    written = _output(ran, ".venv/bin/versus build")
    for pair in pairs:
        assert f"versus: wrote compare/{pair}/index.html" in written
    assert "versus: wrote models/qwen2-5-vl-7b/index.html" in written
    page = (project / "site" / "models" / "qwen2-5-vl-7b" / "index.html").read_text()
    assert "Qwen2.5-VL 7B" in page
    check = _output(ran, ".venv/bin/versus check")
    assert "models/qwen2-5-vl-7b.yaml:" in check  # the first check named fields to fill in
    assert f"versus: ok: {models + 1} models" in check


def _suite_added(project: Path, ran: list[Ran]) -> None:
    assert "Chart Evals" in (project / "site" / "index.html").read_text()
    models, suites = _catalog_size()
    assert f"versus: ok: {models} models, {suites + 1} suites" in _output(
        ran, ".venv/bin/versus check"
    )


def _capability_added(project: Path, ran: list[Ran]) -> None:
    site = project / "site"
    for page in ("index.html", "models/florence-2/index.html", "compare/florence-2-vs-sam-clip/"):
        text = (site / page / "index.html" if page.endswith("/") else site / page).read_text()
        assert "Referring expression segmentation" in text, page
    models, _ = _catalog_size()
    assert f"versus: ok: {models} models" in _output(ran, ".venv/bin/versus check")


CHECKS: dict[str, Callable[[Path, list[Ran]], None]] = {
    "Add a model in five steps": _model_added,
    "Add an eval suite": _suite_added,
    "Add a capability to the taxonomy": _capability_added,
}


def test_the_guide_has_the_sections_this_test_checks() -> None:
    assert list(sections()) == list(CHECKS)
    for title, blocks in sections().items():
        assert any(block.language == "sh" for block in blocks), title
        for block in blocks:
            if block.language in {"yaml", "diff"}:
                assert block.target, f"{title}: a {block.language} block without file="


@pytest.mark.parametrize("title", list(CHECKS))
def test_every_command_of_the_section_runs(repository: Path, title: str) -> None:
    ran = follow(repository, sections()[title])
    assert ran
    CHECKS[title](repository, ran)
