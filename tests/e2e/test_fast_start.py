"""A fast start: each command imports only what it runs.

Checked by what a fresh process has imported after a command, never by timing it:
a no-op build and ``--help`` must not import the schemas (pydantic), the templates
(Jinja), Markdown or the YAML parser, which make most of a cold start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from versus.site import plan

HEAVY = (
    "pydantic",
    "jinja2",
    "yaml",
    "versus.inputs.load",
    "versus.site.views",
    "versus.site.render",
    "versus.build.parallel",
)
"""What a build that changes something needs, and a no-op build must not import."""

MARKDOWN = ("markdown", "versus.inputs.markdownparser")
"""What only a build that renders Markdown needs: one whose edit changes none reuses the
rendering it keeps."""

SERVER = ("http.server", "versus.serve.preview", "versus.authoring.scaffold")
"""What only ``serve`` and ``new`` need."""

_RUN = """
import json, sys
from versus.cli import main
try:
    main(args=sys.argv[2:], prog_name="versus")
except SystemExit as exit:
    code = exit.code
names = json.loads(sys.argv[1])
print(json.dumps({"code": code, "loaded": [n for n in names if n in sys.modules]}))
"""


def run_cli(
    *args: str, watch: tuple[str, ...] = HEAVY + MARKDOWN + SERVER
) -> tuple[int, list[str], str]:
    """``versus ARGS`` through the CLI's entry point in a fresh interpreter: its exit code,
    which of ``watch`` it imported, and what it printed before."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(watch), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    *printed, last = done.stdout.splitlines()
    result = json.loads(last)
    return int(result["code"] or 0), list(result["loaded"]), "\n".join(printed) + done.stderr


@pytest.fixture
def built(project: Path, tmp_path: Path) -> tuple[Path, Path]:
    out = tmp_path / "out"
    code, _, printed = run_cli("build", "-p", str(project), "-o", str(out))
    assert code == 0, printed
    return project, out


def test_a_no_op_build_imports_no_schema_template_or_markdown_module(
    built: tuple[Path, Path],
) -> None:
    project, out = built
    code, loaded, printed = run_cli("build", "-p", str(project), "-o", str(out))
    assert code == 0, printed
    assert " 0 written" in printed
    assert " 0 removed" in printed
    assert loaded == []


def test_a_build_with_an_edit_imports_what_it_renders_with(built: tuple[Path, Path]) -> None:
    """The same probe sees the modules when they are used: the test above is no blind spot."""
    project, out = built
    card = sorted((project / "models").glob("*.yaml"))[0]
    card.write_text(card.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    code, loaded, printed = run_cli("build", "-p", str(project), "-o", str(out))
    assert code == 0, printed
    assert set(HEAVY) <= set(loaded)
    assert not set(MARKDOWN) & set(loaded)  # the card's Markdown is as it was
    assert not set(SERVER) & set(loaded)


def test_a_build_that_renders_markdown_imports_markdown(built: tuple[Path, Path]) -> None:
    project, out = built
    card = sorted((project / "models").glob("*.yaml"))[0]
    text = card.read_text(encoding="utf-8")
    assert "\ndescription: |-\n  " in text
    edited = text.replace("\ndescription: |-\n  ", "\ndescription: |-\n  Edited. ", 1)
    card.write_text(edited, encoding="utf-8")
    code, loaded, printed = run_cli("build", "-p", str(project), "-o", str(out))
    assert code == 0, printed
    assert set(HEAVY) | set(MARKDOWN) <= set(loaded)


def test_a_no_op_build_still_refuses_a_bad_build_date(built: tuple[Path, Path]) -> None:
    project, out = built
    done = subprocess.run(
        [sys.executable, "-m", "versus", "build", "-p", str(project), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "yesterday"},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("SOURCE_DATE_EPOCH: expected a whole number")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["build", "--help"], ["check", "--help"], ["serve", "--help"], ["--version"]],
)
def test_help_imports_no_command_module(args: list[str]) -> None:
    code, loaded, printed = run_cli(*args, watch=(*HEAVY, *SERVER, "versus.build.pipeline"))
    assert code == 0, printed
    assert printed.strip()
    assert loaded == []


def test_check_imports_neither_the_server_nor_the_render_workers(project: Path) -> None:
    code, loaded, printed = run_cli("check", "-p", str(project))
    assert code == 0, printed
    assert "versus: ok:" in printed
    # all a build reads and checks (templates compile; a project never checked before has
    # its Markdown checked for raw HTML), none of its render workers
    assert set(loaded) == (set(HEAVY) - {"versus.build.parallel"}) | set(MARKDOWN)


@pytest.mark.parametrize("limit", [plan.SITEMAP_LIMIT, 7])
@pytest.mark.parametrize("models", [0, 1, 2, 5, 9])
@pytest.mark.parametrize("suites", [0, 1, 3])
def test_the_size_a_no_op_build_reports_is_the_plan_s(
    monkeypatch: pytest.MonkeyPatch, limit: int, models: int, suites: int
) -> None:
    """A no-op build reports :func:`plan.plan_size` without listing the plan: it must
    count what :func:`plan.plan_for` lists."""
    monkeypatch.setattr(plan, "SITEMAP_LIMIT", limit)
    listed = plan.plan_for([f"m{i}" for i in range(models)], [f"s{i}" for i in range(suites)])
    html = sum(spec.path.endswith(".html") for spec in listed)
    assert plan.plan_size(models, suites) == (html, len(listed))


def test_a_build_finds_pagefind_without_importing_its_wrapper(
    project: Path, tmp_path: Path
) -> None:
    """The wrapper's package imports asyncio and ssl, for what versus does not use of it."""
    out = tmp_path / "out"
    code, loaded, printed = run_cli(
        "build", "-p", str(project), "-o", str(out), watch=("asyncio", "ssl", "pagefind.service")
    )
    assert code == 0, printed
    assert list((out / "pagefind").glob("pagefind.*.pf_meta")), "the site was indexed"
    assert loaded == []
