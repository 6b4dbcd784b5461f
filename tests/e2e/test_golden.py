"""Golden pages: a fixed small project rendered with the theme versus ships.

The expected tree lives in tests/e2e/golden/expected. After an intended change to
templates or rendering, refresh it and review the diff:

    .venv/bin/pytest tests/e2e/test_golden.py --update-golden
    git diff tests/e2e/golden/expected
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import without_search
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTED = GOLDEN / "expected"


def rendered(tmp_path: Path) -> dict[str, bytes]:
    project = tmp_path / "golden"
    shutil.copytree(GOLDEN / "project", project)
    # but the search index: Pagefind's binary formats and bundle, for no reviewer to read
    # (tests/build/test_search.py checks its bytes are the same at every build)
    return without_search(render_site(load_project(project), project))


def test_golden_pages(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    files = rendered(tmp_path)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, data in files.items():
            target = EXPECTED / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_bytes()
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }
    assert sorted(files) == sorted(expected)
    for name, data in files.items():
        assert data == expected[name], f"{name} differs from the golden copy (see module docstring)"
