"""The cache of checked outcomes (``.versus-cache/outcomes.json``): a run's outcomes are
parsed and checked once per version of their file, its suite's prompt list and suite
file, and never change what a build reports or shows."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson
import pytest

import versus.inputs.load
from miniproject import PROMPTS, SUITE, jsonl, mini_project, outcome, yaml_list
from support import write
from versus.inputs import promptchecks
from versus.inputs.cache import DocumentCache
from versus.inputs.catalog import Catalog
from versus.inputs.jsonlsource import JsonLines, parse_jsonl
from versus.inputs.load import load_project
from versus.inputs.problems import InputError

MODEL = "gemma-4-26b-a4b"
OUTCOMES = f"evals/mini/{MODEL}.outcomes.jsonl"
ROWS = [
    outcome("read-sign", True, seconds=2.0, input_tokens=100, output_tokens=10, answer="STOP"),
    outcome("read-menu", False, seconds=3.0, input_tokens=120, output_tokens=20),
    outcome("read-label", True, seconds=2.5, input_tokens=140, output_tokens=30),
    outcome("count-cats", True, seconds=1.5, input_tokens=160, output_tokens=40, answer="3"),
    outcome("count-cars", False, seconds=4.0, input_tokens=200, output_tokens=50),
]
PACK = ".versus-cache/outcomes.json"


def digests(root: Path) -> dict[str, str]:
    """Every file's digest, as a build reads them before loading."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file() and ".versus-cache" not in path.parts
    }


class Parsed:
    """The JSON Lines files the loader parses (a file read from the cache is not)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        monkeypatch.setattr(versus.inputs.load, "parse_jsonl", self._parse)

    def _parse(self, text: str, file: str) -> JsonLines:
        self.files.append(file)
        return parse_jsonl(text, file)


def load(root: Path) -> tuple[Catalog, list[str]]:
    """One build's load: the catalog, and the cache's warnings."""
    cache = DocumentCache.for_project(root)
    try:
        catalog = load_project(root, cache, digests(root))
    finally:
        cache.save(prune=False)
    cache.save()
    return catalog, cache.warnings


def problems(root: Path) -> list[str]:
    cache = DocumentCache.for_project(root)
    with pytest.raises(InputError) as raised:
        load_project(root, cache, digests(root))
    cache.save(prune=False)
    return [problem.format() for problem in raised.value.problems]


def project(tmp_path: Path, rows: list[dict[str, Any]] = ROWS) -> Path:
    return mini_project(tmp_path, outcomes={MODEL: rows})


def test_outcomes_checked_once_are_read_back_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    parsed = Parsed(monkeypatch)
    first, warnings = load(root)
    assert parsed.files == [OUTCOMES]
    assert warnings == []
    assert (root / PACK).is_file()
    again, warnings = load(root)
    assert parsed.files == [OUTCOMES]  # not parsed a second time
    assert warnings == []
    assert again.outcomes == first.outcomes
    assert again.results == first.results
    assert again.digests == first.digests
    assert list(again.outcomes_of("mini", MODEL)) == [row["prompt"] for row in ROWS]


def test_outcomes_in_another_order_than_the_list_come_back_in_its_order(tmp_path: Path) -> None:
    root = project(tmp_path, list(reversed(ROWS)))
    first, _ = load(root)
    again, _ = load(root)
    assert list(again.outcomes_of("mini", MODEL)) == [row["prompt"] for row in ROWS]
    assert again.outcomes == first.outcomes


def test_an_edited_outcomes_file_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    load(root)
    parsed = Parsed(monkeypatch)
    write(root, OUTCOMES, jsonl([{**ROWS[0], "passed": False}, *ROWS[1:]]))
    catalog, _ = load(root)
    assert parsed.files == [OUTCOMES]
    assert catalog.outcomes_of("mini", MODEL)["read-sign"].passed is False
    assert catalog.results["mini"][MODEL].categories["reading"].passed == 1


def test_an_edited_prompt_list_checks_the_outcomes_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    load(root)
    parsed = Parsed(monkeypatch)
    # read-sign moves to counting: the outcomes' figures follow
    moved = [{**PROMPTS[0], "category": "counting"}, *PROMPTS[1:]]
    write(root, "evals/mini/prompts.yaml", yaml_list(moved))
    catalog, _ = load(root)
    assert parsed.files == [OUTCOMES]
    assert catalog.outcomes_of("mini", MODEL)["read-sign"].category == "counting"
    categories = catalog.results["mini"][MODEL].categories
    assert (categories["counting"].passed, categories["counting"].total) == (2, 3)
    # read-sign leaves the list: its outcome is now an error, found although cached before
    write(root, "evals/mini/prompts.yaml", yaml_list(PROMPTS[1:]))
    assert any("unknown prompt 'read-sign'" in problem for problem in problems(root))


def test_an_edited_suite_file_checks_the_outcomes_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    load(root)
    parsed = Parsed(monkeypatch)
    write(root, "evals/mini/suite.yaml", SUITE.replace("Five prompts", "5 prompts"))
    load(root)
    assert parsed.files == [OUTCOMES]


def test_outcomes_with_problems_are_not_kept_and_are_reported_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, [*ROWS, outcome("read-sign", False)])
    parsed = Parsed(monkeypatch)
    first = problems(root)
    assert any("a second outcome for prompt 'read-sign'" in problem for problem in first)
    assert problems(root) == first
    assert parsed.files == [OUTCOMES, OUTCOMES]


def test_a_damaged_cache_file_is_ignored_with_a_warning_once(tmp_path: Path) -> None:
    root = project(tmp_path)
    first, _ = load(root)
    (root / PACK).write_bytes(b"{not json")
    again, warnings = load(root)
    assert warnings == [
        f"{PACK}: not valid JSON (damaged, or not made by versus); ignored",
    ]
    assert again.outcomes == first.outcomes
    assert again.results == first.results
    _, warnings = load(root)  # written again whole: no second warning
    assert warnings == []


def _tamper(root: Path, change: Any) -> None:
    stored = orjson.loads((root / PACK).read_bytes())
    (entry,) = stored["entries"].values()
    entry["value"] = change(entry["value"])
    (root / PACK).write_bytes(orjson.dumps(stored))


@pytest.mark.parametrize(
    "change",
    [
        lambda value: "not columns",
        lambda value: value[:5],
        lambda value: [value[0][::-1], *value[1:]],  # not in the order of the list
        lambda value: [[0, 0, 1, 2, 3], *value[1:]],  # a prompt twice
        lambda value: [[0, 1, 2, 3, 9], *value[1:]],  # no such prompt
        lambda value: [value[0], [1, 0, 1, 1, 0], *value[2:]],  # a verdict not true/false
        lambda value: [*value[:2], ["\x07", *value[2][1:]], *value[3:]],  # a control character
        lambda value: [*value[:2], [" STOP", *value[2][1:]], *value[3:]],  # not stripped
        lambda value: [*value[:3], [None, *value[3][1:]], *value[4:]],  # a time of some only
        lambda value: [*value[:3], [-1.0, *value[3][1:]], *value[4:]],  # a negative time
        lambda value: [*value[:4], [1e12, *value[4][1:]], value[5]],  # too many tokens
    ],
)
def test_a_cached_value_the_checks_would_not_give_is_ignored_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    root = project(tmp_path)
    first, _ = load(root)
    _tamper(root, change)
    parsed = Parsed(monkeypatch)
    again, warnings = load(root)
    assert warnings == [f"{PACK}: the entry for {OUTCOMES} is not of the expected shape; ignored"]
    assert parsed.files == [OUTCOMES]  # checked again from the file
    assert again.outcomes == first.outcomes
    assert again.results == first.results
    _, warnings = load(root)
    assert warnings == []


def test_entries_no_run_uses_are_dropped(tmp_path: Path) -> None:
    root = project(tmp_path)
    load(root)
    write(root, OUTCOMES, jsonl(ROWS[1:]))
    load(root)
    stored = orjson.loads((root / PACK).read_bytes())
    assert [entry["name"] for entry in stored["entries"].values()] == [OUTCOMES]
    (root / OUTCOMES).unlink()
    (root / f"evals/mini/{MODEL}.yaml").unlink()
    load(root)
    assert orjson.loads((root / PACK).read_bytes())["entries"] == {}


def test_an_unchanged_project_leaves_the_cache_file_as_it_is(tmp_path: Path) -> None:
    root = project(tmp_path)
    load(root)
    before = (root / PACK).stat()
    load(root)
    after = (root / PACK).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_checked_outcomes_read_back_are_those_checked() -> None:
    prompts = {row["id"]: row for row in PROMPTS}
    checked = promptchecks.CheckedOutcomes(
        ["read-menu", "count-cars"], [True, False], ["x", None], [1.0, 2.5], [1, 2], [3, 4]
    )
    plain = orjson.loads(orjson.dumps(checked.plain(prompts)))  # type: ignore[arg-type]
    assert plain[0] == [1, 4]
    assert promptchecks.accept_checked(plain, prompts) == checked  # type: ignore[arg-type]


def test_a_load_without_digests_reads_checked_outcomes_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    first, _ = load(root)
    parsed = Parsed(monkeypatch)
    cache = DocumentCache.for_project(root)  # as `versus check` loads: it hashes each file
    again = load_project(root, cache)
    assert parsed.files == []
    assert cache.warnings == []
    assert again.outcomes == first.outcomes
    assert again.digests == first.digests
