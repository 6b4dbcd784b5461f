"""Helpers shared by the tests: a project whose data the tests own, and small utilities.

Tests build their projects from :data:`SAMPLE` (``tests/sample/``: a frozen copy of
the five cards and two results the repository shipped with), never from the
repository's ``models/`` and ``evals/``, so that a contributor who adds a model to
the catalog changes no test. Only the repository's ``versus.yaml`` is taken from the
working tree; the templates are the theme versus ships (``src/versus/theme``), which
a test overrides in the project's ``templates/`` (:func:`override`) to test that.
Import from here, not from ``conftest``.
"""

from __future__ import annotations

import shutil
import struct
import textwrap
import zlib
from collections.abc import Mapping
from pathlib import Path

import pytest

from versus import urls
from versus.authoring import jsonschema
from versus.authoring.jsonschema import SchemaKind
from versus.inputs.load import load_project
from versus.inputs.problems import InputError, Problem
from versus.inputs.theme import THEME

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "sample"
"""The tests' catalog: ``models/`` and ``evals/`` as the repository shipped them."""
BAD_INPUT = REPO / "tests" / "bad_input"
"""The bad-input corpus (``e2e/test_bad_input.py``), also parsed by ``inputs/test_yamlsource.py``."""

PROJECT_PARTS = ("versus.yaml", "models", "evals")

SAMPLE_MODELS = ("florence-2", "gemma-4-12b", "gemma-4-26b-a4b", "paligemma", "sam-clip")
"""The ids of :data:`SAMPLE`'s cards, sorted."""


def png(width: int = 4, height: int = 3, shade: int = 128) -> bytes:
    """A valid grey PNG of ``width`` x ``height`` pixels of one ``shade`` (0 to 255)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes([shade]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def config_only(target: Path) -> Path:
    """A project at ``target`` with the repository's ``versus.yaml``, no data and no
    ``templates/`` (the theme serves): the test writes its own cards and results."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "versus.yaml", target / "versus.yaml")
    return target


def override(project: Path, name: str) -> Path:
    """The theme's file ``name`` (``pair.html``, ``partials/cell.html``,
    ``assets/style.css``) copied into the project's ``templates/``, which then overrides
    the theme's: the copy, for the test to edit."""
    path = project / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(THEME / name, path)
    return path


def override_all(project: Path) -> Path:
    """A copy of the whole theme as the project's ``templates/``: every template and asset
    is then the project's, read by its rules (:mod:`versus.inputs.inputfiles`)."""
    shutil.copytree(THEME, project / "templates")
    return project / "templates"


def fixture_project(target: Path) -> Path:
    """A project at ``target``: the repository's config, :data:`SAMPLE`'s data, the theme."""
    config_only(target)
    for part in ("models", "evals"):
        shutil.copytree(SAMPLE / part, target / part)
    return target


def copy_repository_project(target: Path) -> Path:
    """Copy the repository's own project (its real catalog, not site/) into ``target``.

    Only for the tests that must read the catalog as it is (the CONTRIBUTING
    walkthrough): they count what is there instead of expecting the sample.
    """
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def model_ids(project: Path) -> list[str]:
    """The ids of the cards in ``project/models``, sorted."""
    return sorted(path.stem for path in (project / "models").glob("*.yaml"))


def project_yaml_files(root: Path) -> list[str]:
    """Every YAML file of the project at ``root``, as a POSIX path inside it."""
    found = [root / "versus.yaml", *(root / "models").iterdir(), *(root / "evals").glob("*/*")]
    return sorted(p.relative_to(root).as_posix() for p in found if p.suffix in (".yaml", ".yml"))


def schema_kind_of(name: str) -> SchemaKind:
    """The schema of a project YAML file (as :func:`project_yaml_files` lists them), by its place."""
    parts = name.split("/")
    if parts == ["versus.yaml"]:
        return jsonschema.CONFIG
    if parts[0] == "models":
        return jsonschema.CARD
    if parts[-1] in ("prompts.yaml", "prompts.yml"):
        return jsonschema.PROMPTS
    return jsonschema.SUITE if parts[-1] == "suite.yaml" else jsonschema.RESULT


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its POSIX path there, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


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


def without_search(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """A site's files but its search index (Pagefind's formats and bundle)."""
    return {name: data for name, data in files.items() if not name.startswith(urls.SEARCH)}
