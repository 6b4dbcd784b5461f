"""The bad-input corpus: what ``versus check`` and ``versus build`` print, word for word.

Each file in ``tests/bad_input/`` is one case: a few edits that break a copy of
the tests' sample project (``support.fixture_project``) in one way, and the exact stderr both commands must
print for it. ``tests/inputs/test_load.py`` checks problems one field at a time; this
corpus is the contributor's view, every line of the output at once.

A case file is YAML with these keys:

``about``
    One sentence saying what is wrong.
``replace``
    Optional list of ``{file, old, new}``: exact text replacements in the copied
    files, applied in order. Each ``old`` must occur exactly once in its file.
``write``
    Optional list of ``{file, text}`` or ``{file, base64}``: files to write.
``delete``
    Optional list of files to remove.
``expected``
    The exact stderr, every line, ending with the summary line.
``xfail``
    Optional: why the tool's output is known to be wrong today; the case then
    runs as a strict xfail against the output it *should* produce.

A malformed case file, or one whose edits do not apply (an ``old`` text no
longer in the seed data, a file to delete that does not exist), fails with
:class:`CaseError`. An xfail case may fail only with :class:`WrongOutputError`
(its stderr differs from ``expected``); any other failure, such as a traceback
or a changed site, is reported as a failure even for an xfail case.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from support import BAD_INPUT, fixture_project
from versus.cli import main

CASES_DIR = BAD_INPUT
CASE_KEYS = frozenset({"about", "replace", "write", "delete", "expected", "xfail"})
REQUIRED_KEYS = frozenset({"about", "expected"})
MIN_CASES = 40

# A build must not depend on the environment the tests run in.
ENV: Mapping[str, str | None] = {"SOURCE_DATE_EPOCH": None}


class CaseError(Exception):
    """A case file that is malformed, or whose edits do not apply to the project."""


@dataclass(frozen=True)
class Replace:
    file: str
    old: str
    new: str


@dataclass(frozen=True)
class Write:
    file: str
    data: bytes


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    replace: tuple[Replace, ...]
    write: tuple[Write, ...]
    delete: tuple[str, ...]
    expected: str
    xfail: str


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yaml"))


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise CaseError(f"{where}: expected non-empty text, got {value!r}")
    return value


def _items(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list) or not value:
        raise CaseError(f"{where}: expected a non-empty list, got {value!r}")
    return value


def _entry(value: Any, keys: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise CaseError(f"{where}: expected a mapping with exactly {sorted(keys)}, got {value!r}")
    return value


def _relative(value: Any, where: str) -> str:
    name = _text(value, where)
    parts = name.split("/")
    if name.startswith("/") or any(part in {"", ".", ".."} for part in parts):
        raise CaseError(f"{where}: expected a relative path inside the project, got {name!r}")
    return name


def _write(value: Any, where: str) -> Write:
    if isinstance(value, dict) and "base64" in value:
        entry = _entry(value, {"file", "base64"}, where)
        try:
            data = base64.b64decode(_text(entry["base64"], f"{where}.base64"), validate=True)
        except binascii.Error as error:
            raise CaseError(f"{where}.base64: {error}") from None
    else:
        entry = _entry(value, {"file", "text"}, where)
        text = entry["text"]
        if not isinstance(text, str):
            raise CaseError(f"{where}.text: expected text, got {text!r}")
        data = text.encode("utf-8")
    return Write(_relative(entry["file"], f"{where}.file"), data)


def load_case(path: Path) -> Case:
    """Read and check one case file; raise :class:`CaseError` when it is malformed."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CaseError(f"{path.name}: not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise CaseError(f"{path.name}: expected a mapping, got {raw!r}")
    unknown = set(raw) - CASE_KEYS
    if unknown:
        raise CaseError(f"{path.name}: unknown keys {sorted(unknown)}")
    missing = REQUIRED_KEYS - set(raw)
    if missing:
        raise CaseError(f"{path.name}: missing keys {sorted(missing)}")
    replaces = []
    for i, item in enumerate(_items(raw.get("replace"), "replace")):
        entry = _entry(item, {"file", "old", "new"}, f"replace[{i}]")
        new = entry["new"]
        if not isinstance(new, str):
            raise CaseError(f"replace[{i}].new: expected text, got {new!r}")
        replaces.append(
            Replace(
                _relative(entry["file"], f"replace[{i}].file"),
                _text(entry["old"], f"replace[{i}].old"),
                new,
            )
        )
    writes = [
        _write(item, f"write[{i}]") for i, item in enumerate(_items(raw.get("write"), "write"))
    ]
    deletes = [
        _relative(item, f"delete[{i}]")
        for i, item in enumerate(_items(raw.get("delete"), "delete"))
    ]
    expected = _text(raw["expected"], "expected")
    if not expected.endswith("; nothing was written\n"):
        raise CaseError(f"{path.name}: expected must end with the summary line and a newline")
    xfail = raw.get("xfail", "")
    if not isinstance(xfail, str):
        raise CaseError(f"{path.name}: xfail: expected text, got {xfail!r}")
    return Case(
        name=path.stem,
        about=_text(raw["about"], "about"),
        replace=tuple(replaces),
        write=tuple(writes),
        delete=tuple(deletes),
        expected=expected,
        xfail=xfail,
    )


def apply_edits(case: Case, root: Path) -> None:
    """Break the project copy at ``root`` as ``case`` says: replace, then write, then delete."""
    for edit in case.replace:
        path = root / edit.file
        if not path.is_file():
            raise CaseError(f"{case.name}: replace: no file {edit.file}")
        text = path.read_bytes().decode("utf-8")
        count = text.count(edit.old)
        if count != 1:
            raise CaseError(
                f"{case.name}: replace: {edit.old!r} occurs {count} times in {edit.file}; "
                "it must occur exactly once"
            )
        path.write_bytes(text.replace(edit.old, edit.new).encode("utf-8"))
    for item in case.write:
        path = root / item.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(item.data)
    for name in case.delete:
        path = root / name
        if not path.is_file():
            raise CaseError(f"{case.name}: delete: no file {name}")
        path.unlink()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (``None``) under ``folder``, by relative path."""
    tree: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        base = Path(dirpath)
        for name in dirnames:
            tree[(base / name).relative_to(folder).as_posix() + "/"] = None
        for name in filenames:
            path = base / name
            tree[path.relative_to(folder).as_posix()] = path.read_bytes()
    return tree


def invoke(*args: str) -> Result:
    return CliRunner(env=ENV).invoke(main, list(args))


class WrongOutputError(AssertionError):
    """stderr is not the case's expected text: the one failure an xfail case may have.

    Everything else (exit code, empty stdout, no traceback, the site left alone)
    must hold for xfail cases too, so those are plain assertions.
    """


def assert_failed_with(result: Result, expected: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code == 1, result.output
    assert result.stdout == "", result.stdout
    if result.stderr != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), result.stderr.splitlines(), "expected", "stderr", lineterm=""
        )
        raise WrongOutputError("stderr is not the expected text:\n" + "\n".join(diff))


def _xfail_reason(path: Path) -> str:
    """The case's ``xfail`` text, read leniently: a malformed file fails in the test itself."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return ""
    reason = raw.get("xfail") if isinstance(raw, dict) else None
    return reason if isinstance(reason, str) else ""


def _param(path: Path) -> pytest.ParameterSet:
    reason = _xfail_reason(path)
    marks = (
        [pytest.mark.xfail(reason=reason, raises=WrongOutputError, strict=True)] if reason else []
    )
    return pytest.param(path, id=path.stem, marks=marks)


CASES = [_param(path) for path in case_files()]


@pytest.mark.parametrize("path", CASES)
def test_check_reports_the_exact_problems(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    broken = fixture_project(tmp_path / "broken")
    apply_edits(case, broken)
    assert_failed_with(invoke("check", "-p", str(broken)), case.expected)


@pytest.mark.parametrize("path", CASES)
def test_failed_build_reports_them_and_leaves_the_site_alone(path: Path, tmp_path: Path) -> None:
    case = load_case(path)
    site = tmp_path / "site"
    good = fixture_project(tmp_path / "good")
    built = invoke("build", "-p", str(good), "-o", str(site))
    assert built.exit_code == 0, built.output
    before = snapshot(site)
    assert "index.html" in before

    broken = fixture_project(tmp_path / "broken")
    apply_edits(case, broken)
    result = invoke("build", "-p", str(broken), "-o", str(site))
    after = snapshot(site)
    assert sorted(after) == sorted(before), "the failed build added or removed files"
    assert after == before, "the failed build changed the bytes of the site"
    assert_failed_with(result, case.expected)


def test_the_corpus_is_large_enough() -> None:
    assert len(case_files()) >= MIN_CASES


@pytest.mark.parametrize("path", case_files(), ids=lambda path: path.stem)
def test_every_case_file_is_well_formed(path: Path, tmp_path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    assert {"about", "expected"} <= set(raw), "every case needs 'about' and 'expected'"
    assert set(raw) <= CASE_KEYS, f"unknown keys: {sorted(set(raw) - CASE_KEYS)}"
    case = load_case(path)
    assert case.replace or case.write or case.delete, "a case must change something"
    assert case.about.strip().endswith("."), "'about' is one sentence"
    apply_edits(case, fixture_project(tmp_path / "project"))  # every edit applies to the sample


def test_the_sample_project_is_valid(tmp_path: Path) -> None:
    """The baseline every case breaks: the tests' sample project checks cleanly."""
    result = invoke("check", "-p", str(fixture_project(tmp_path / "project")))
    assert result.exit_code == 0, result.output
