"""A small suite that lists its prompts, and runs that give one outcome per prompt.

Shared by ``test_prompts.py`` and ``test_outcomes.py``: the tests' sample project
(:func:`support.fixture_project`) plus ``evals/mini/``, a suite of five prompts in two
categories. Each test writes the prompt list and the outcomes it needs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from support import fixture_project, png, write

SUITE = """\
name: Mini Evals
summary: Five prompts in two categories.
description: A suite the tests write.
methodology: Each prompt passes or fails.
categories:
  - id: reading
    label: Reading
  - id: counting
    label: Counting
"""

RESULT = """\
provenance: measured
source:
  title: The tests
"""
"""A result that states no figure: with outcomes, versus computes them all."""

PROMPTS: list[dict[str, Any]] = [
    {
        "id": "read-sign",
        "category": "reading",
        "prompt": "What does the sign say?",
        "expected": "STOP",
        "tags": ["ocr"],
    },
    {"id": "read-menu", "category": "reading", "prompt": "What is the cheapest dish?"},
    {"id": "read-label", "category": "reading", "prompt": "Which brand is on the label?"},
    {"id": "count-cats", "category": "counting", "prompt": "How many cats?", "expected": "3"},
    {"id": "count-cars", "category": "counting", "prompt": "How many cars are parked?"},
]

PNG = png(4, 3)
"""A valid PNG of 4 x 3 pixels."""
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 24


def jsonl(rows: Sequence[Mapping[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(row) + "\n" for row in rows)


def yaml_list(rows: Sequence[Mapping[str, Any]]) -> str:
    return yaml.safe_dump(list(rows), sort_keys=False, allow_unicode=True)


def outcome(prompt: str, passed: bool, **more: Any) -> dict[str, Any]:
    return {"prompt": prompt, "passed": passed, **more}


def mini_project(
    target: Path,
    *,
    prompts: str | None = "yaml",
    rows: Sequence[Mapping[str, Any]] = PROMPTS,
    suite: str = SUITE,
    outcomes: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    results: Mapping[str, str] | None = None,
) -> Path:
    """The sample project plus ``evals/mini``: its prompts as ``prompts.yaml`` or
    ``prompts.jsonl`` (or none), and for each model of ``outcomes`` a result
    (``results[model]``, else :data:`RESULT`) with those outcomes."""
    root = fixture_project(target)
    write(root, "evals/mini/suite.yaml", suite)
    if prompts == "yaml":
        write(root, "evals/mini/prompts.yaml", yaml_list(rows))
    elif prompts == "jsonl":
        write(root, "evals/mini/prompts.jsonl", jsonl(rows))
    for model, lines in (outcomes or {}).items():
        write(root, f"evals/mini/{model}.outcomes.jsonl", jsonl(lines))
    for model in {*(outcomes or {}), *(results or {})}:
        write(root, f"evals/mini/{model}.yaml", (results or {}).get(model, RESULT))
    return root


def line_of(path: Path, fragment: str) -> int:
    """The 1-based number of the first line of ``path`` holding ``fragment``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if fragment in line)
