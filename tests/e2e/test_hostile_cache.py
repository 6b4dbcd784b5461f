"""Hostile cases: a ``.versus-cache/`` folder that a pull request (or bad luck) made.

The cache is data versus made, but it sits in the project, where anyone can add
files: nothing in it may run code, reach a page past the sanitizer or validation,
make versus read or write outside the project, or stop a build. Each case damages
or forges the cache in one way, runs versus, and asserts that the run went as
without a cache (the site byte for byte as built from the YAML), with one warning
line per damaged file and none for the files of older versions, which are never
opened.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pickle
import random
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import orjson
import pytest
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from markupsafe import Markup

from hostiletools import Outcome, Sandbox, assert_harmless, snapshot
from versus.inputs.load import load_project
from versus.inputs.yamlsource import parse_yaml

CACHE = ".versus-cache"
VERSION = 5
ALPHA = "models/alpha.yaml"
BUILD = ("build", "-j1", "--clean", "-q")
"""A build that loads and renders everything again (a plain one finds nothing changed)."""
CHECK = ("check",)


class Payload:
    """A pickle that, when loaded, writes a file at ``path``: code run from the cache."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (exec, (f"open({str(self.path)!r}, 'w').write('pwned')",))


def marker(sandbox: Sandbox) -> Path:
    """Where a payload writes: outside the project, so that ``assert_harmless`` sees it too."""
    return sandbox.outside / "pwned.txt"


def file_digest(sandbox: Sandbox, name: str) -> str:
    return hashlib.sha256((sandbox.project / name).read_bytes()).hexdigest()


def key(name: str, digest: str, version: int = VERSION) -> str:
    return hashlib.sha256(f"{version}\0{name}\0{digest}".encode()).hexdigest()


def cache_file(sandbox: Sandbox, name: str, data: bytes) -> Path:
    path = sandbox.project / CACHE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    path.write_bytes(data)
    return path


def entry_of(sandbox: Sandbox, name: str) -> dict[str, Any]:
    """The cache entry versus makes for the project's file ``name``."""
    document = parse_yaml((sandbox.project / name).read_text(encoding="utf-8"), name)
    packed = document.source.pack(document.data)
    assert packed is not None
    return {
        "name": name,
        "digest": file_digest(sandbox, name),
        "data": document.data,
        "positions": base64.b64encode(packed).decode(),
    }


def loose_name(sandbox: Sandbox, name: str) -> str:
    return f"entries/{key(name, file_digest(sandbox, name))}.json"


def put_packed(sandbox: Sandbox, entries: dict[str, Any]) -> None:
    """A pack holding ``entries`` (raw values, by file name), their loose entries gone."""
    for name in entries:
        (sandbox.project / CACHE / loose_name(sandbox, name)).unlink(missing_ok=True)
    pack = {key(name, file_digest(sandbox, name)): raw for name, raw in entries.items()}
    cache_file(sandbox, "documents.json", orjson.dumps({"version": VERSION, "entries": pack}))


def description_key(sandbox: Sandbox) -> tuple[str, str]:
    """The kind and digest under which alpha's rendered description is memoized."""
    description = load_project(sandbox.project).models["alpha"].description
    return "markdown", hashlib.sha256(description.encode()).hexdigest()


def forge_memo(sandbox: Sandbox, value: object) -> None:
    """alpha's rendered description, replaced by ``value`` in this version's memo."""
    kind, digest = description_key(sandbox)
    path = sandbox.project / CACHE / "memo.json"
    stored: dict[str, Any] = (
        orjson.loads(path.read_bytes()) if path.is_file() else {"version": VERSION}
    )
    stored.setdefault("memo", {})[f"{kind}:{digest}"] = value
    cache_file(sandbox, "memo.json", orjson.dumps(stored))


def warnings(outcome: Outcome) -> list[str]:
    return [line for line in outcome.stderr.splitlines() if line.startswith("versus: warning:")]


def assert_as_without_cache(sandbox: Sandbox, outcome: Outcome, *damaged: str) -> None:
    """Exit 0, one warning line for each damaged cache file and no other, nothing outside
    touched, no traceback, and the site as the YAML makes it (byte for byte as before)."""
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    said = warnings(outcome)
    for name in damaged:
        where = f"versus: warning: {CACHE}/{name}:" if name else f"versus: warning: {CACHE}:"
        assert len([line for line in said if line.startswith(where)]) == 1, outcome.stderr
    assert len(said) == len(damaged), outcome.stderr
    assert sandbox.site_unchanged(), "the site differs from the one built from the YAML"


# --- code execution: files of older versions are never loaded ------------------


@pytest.mark.parametrize("command", [CHECK, BUILD], ids=["check", "build"])
@pytest.mark.parametrize("name", ["memo.pickle", "documents.pack"])
def test_a_crafted_pickle_named_like_an_old_cache_file_runs_nothing(
    sandbox: Sandbox, name: str, command: tuple[str, ...]
) -> None:
    """A pickle whose loading writes a file outside, as memo.pickle or documents.pack."""
    cache_file(sandbox, name, pickle.dumps(Payload(marker(sandbox))))
    outcome = sandbox.run(*command)
    assert not marker(sandbox).exists(), "the cache ran code"
    assert_as_without_cache(sandbox, outcome)


def test_a_crafted_pickle_as_an_old_loose_entry_runs_nothing(sandbox: Sandbox) -> None:
    """A pickle at the old loose entry of alpha's card (documents/<key>), loaded by key."""
    old = key(ALPHA, file_digest(sandbox, ALPHA), version=4)
    cache_file(sandbox, f"documents/{old}", pickle.dumps(Payload(marker(sandbox))))
    outcome = sandbox.run(*CHECK)
    assert not marker(sandbox).exists(), "the cache ran code"
    assert_as_without_cache(sandbox, outcome)


def test_an_old_cache_file_linked_to_a_pickle_outside_runs_nothing(sandbox: Sandbox) -> None:
    """memo.pickle as a symbolic link to a crafted pickle outside the project."""
    evil = sandbox.outside / "evil.pickle"
    evil.write_bytes(pickle.dumps(Payload(marker(sandbox))))
    sandbox.outside_before = {**sandbox.outside_before, "evil.pickle": _sha(evil)}
    sandbox.link(f"{CACHE}/memo.pickle", evil)
    outcome = sandbox.run(*CHECK)
    assert not marker(sandbox).exists(), "the cache ran code"
    assert_as_without_cache(sandbox, outcome)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_compiled_template_code_in_the_old_bytecode_folder_is_never_loaded(
    sandbox: Sandbox,
) -> None:
    """Marshalled code objects where Jinja's bytecode cache kept compiled templates."""
    folder = sandbox.project / CACHE / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    bytecode = FileSystemBytecodeCache(str(folder))
    environment = jinja2.Environment()
    code = compile(f"open({str(marker(sandbox))!r}, 'w').write('pwned')", "<template>", "exec")
    templates = sandbox.project / "templates"
    roots = ("templates", str(templates), str(templates.resolve()), "./templates")
    for path in templates.rglob("*.*"):
        name = path.relative_to(templates).as_posix()
        source = path.read_text(encoding="utf-8", errors="replace")
        for root in roots:
            filename = os.path.normpath(f"{root}/{name}")
            bucket = Bucket(
                environment,
                bytecode.get_cache_key(name, filename),
                bytecode.get_source_checksum(source),
            )
            bucket.code = code
            bytecode.dump_bytecode(bucket)
    outcome = sandbox.run(*BUILD)
    assert not marker(sandbox).exists(), "a compiled template from the cache ran"
    assert_as_without_cache(sandbox, outcome)


def test_a_pickle_under_a_new_cache_name_is_not_json_and_runs_nothing(sandbox: Sandbox) -> None:
    """A crafted pickle written as memo.json."""
    cache_file(sandbox, "memo.json", pickle.dumps(Payload(marker(sandbox))))
    outcome = sandbox.run(*CHECK)
    assert not marker(sandbox).exists(), "the cache ran code"
    assert_as_without_cache(sandbox, outcome, "memo.json")


# --- forged values: never past the sanitizer or the schema ----------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def handlers_and_images(site: Path) -> list[str]:
    """Every ``<img>`` and every ``on...`` attribute of every HTML page of ``site``."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            names = [name for name, _ in attrs if name.lower().startswith("on")]
            if tag == "img" or names:
                found.append(f"{page.relative_to(site)}: <{tag}> {names}")
    return found


def test_a_forged_rendered_description_does_not_reach_a_page(sandbox: Sandbox) -> None:
    """A memoized description holding <img src=x onerror=alert(1)>, in the old and new memo."""
    forged = "<img src=x onerror=alert(1)>"
    forge_memo(sandbox, forged)
    old = {"version": 4, "memo": {description_key(sandbox): Markup(forged)}}
    cache_file(sandbox, "memo.pickle", pickle.dumps(old))
    outcome = sandbox.run(*BUILD)
    assert handlers_and_images(sandbox.site) == []
    assert_as_without_cache(sandbox, outcome, "memo.json")


@pytest.mark.parametrize(
    "value",
    [12, ["<p>a</p>"], None, {"html": "<p>a</p>"}, "<p>a\x00b</p>", "<script>x</script>"],
    ids=["number", "list", "null", "mapping", "nul-character", "script"],
)
def test_a_rendered_description_of_the_wrong_type_or_unsanitized_is_ignored(
    sandbox: Sandbox, value: object
) -> None:
    """A memoized description that is not sanitized HTML text."""
    forge_memo(sandbox, value)
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, "memo.json")


@pytest.mark.parametrize(
    ("kind", "value"),
    [("raw-html", [1, 2]), ("raw-html", "<b>"), ("template-references", {"a": 1})],
    ids=["raw-html-numbers", "raw-html-text", "template-references-mapping"],
)
def test_a_memo_of_the_wrong_type_is_ignored(sandbox: Sandbox, kind: str, value: object) -> None:
    """Every memo of one kind replaced by a value of the wrong type."""
    path = sandbox.project / CACHE / "memo.json"
    stored = orjson.loads(path.read_bytes())
    for name in stored["memo"]:
        if name.startswith(f"{kind}:"):
            stored["memo"][name] = value
    cache_file(sandbox, "memo.json", orjson.dumps(stored))
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, "memo.json")


@pytest.mark.parametrize(
    "change",
    [
        {"data": ["name", "Alpha"]},
        {"data": "name: Forged"},
        {"positions": [1, 1, 1, 1]},
        {"positions": "@@not base64@@"},
        {"positions": "AAAA"},
        {"digest": 12},
        {"name": "models/beta.yaml"},
        {"extra": True},
    ],
    ids=[
        "data-a-list",
        "data-text",
        "positions-a-list",
        "positions-not-base64",
        "positions-cut",
        "digest-a-number",
        "another-file",
        "extra-field",
    ],
)
def test_a_forged_document_entry_of_the_wrong_shape_is_ignored(
    sandbox: Sandbox, change: dict[str, object]
) -> None:
    """alpha's entry in the pack with one field of the wrong type or shape."""
    put_packed(sandbox, {ALPHA: {**entry_of(sandbox, ALPHA), **change}})
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, "documents.json")


def test_a_forged_validated_value_is_ignored(sandbox: Sandbox) -> None:
    """A loose entry carrying a 'validated' card with a script in its name, as versus 4 kept."""
    entry = entry_of(sandbox, ALPHA)
    entry["validated"] = {"ModelCard": {**entry["data"], "name": "<script>alert(1)</script>"}}
    name = loose_name(sandbox, ALPHA)
    cache_file(sandbox, name, orjson.dumps({"version": VERSION, "entry": entry}))
    outcome = sandbox.run(*BUILD)
    assert "<script>alert(1)" not in (sandbox.site / "index.html").read_text(encoding="utf-8")
    assert_as_without_cache(sandbox, outcome, name)


def test_a_document_whose_data_breaks_the_schema_is_validated_again(sandbox: Sandbox) -> None:
    """An entry for alpha's bytes whose data is not a valid card: refused as the YAML would be."""
    entry = entry_of(sandbox, ALPHA)
    entry["data"] = {**entry["data"], "context_window": "many", "name": "\x00"}
    put_packed(sandbox, {ALPHA: entry})
    outcome = sandbox.run(*CHECK)
    assert outcome.exit_code == 1, outcome.output
    assert_harmless(sandbox, outcome)
    assert any(line.startswith(f"{ALPHA}:") for line in outcome.stderr.splitlines())


# --- damaged files: one warning each, the build as without a cache --------------

GARBAGE = bytes(random.Random(15).randrange(256) for _ in range(4096))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b'{"version": 5, "entries": {"a',
        b'{"version": 4, "entries": {}}',
        b'{"version": "5", "entries": {}}',
        b'{"version": 123456789012345678901234567890, "entries": {}}',
        b'{"version": 1e999, "entries": {}}',
        b'{"version": 5, "entries": [1, 2]}',
        b"[5]",
        b"\x00" * 64,
        b'{"version": 5, "entries": {}}\x00',
        GARBAGE,
    ],
    ids=[
        "empty",
        "truncated",
        "old-version",
        "version-text",
        "huge-version",
        "infinite-number",
        "entries-a-list",
        "a-list",
        "nul-bytes",
        "trailing-nul",
        "binary-garbage",
    ],
)
@pytest.mark.parametrize("name", ["documents.json", "memo.json", "outcomes.json"])
def test_a_damaged_cache_file_is_ignored_with_one_warning(
    sandbox: Sandbox, name: str, data: bytes
) -> None:
    """A cache file that is empty, cut short, of another version, or not JSON at all."""
    cache_file(sandbox, name, data.replace(b'"entries"', b'"memo"') if "memo" in name else data)
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, name)
    again = sandbox.run(*BUILD)  # written again by the build: no warning the next time
    assert_as_without_cache(sandbox, again)


def test_a_damaged_loose_entry_is_ignored_with_one_warning(sandbox: Sandbox) -> None:
    """alpha's loose entry cut in the middle."""
    name = loose_name(sandbox, ALPHA)
    path = sandbox.project / CACHE / name
    cache_file(sandbox, name, path.read_bytes()[:40])
    outcome = sandbox.run(*CHECK)
    assert_as_without_cache(sandbox, outcome, name)


@pytest.mark.parametrize("name", ["documents.json", "memo.json", "outcomes.json", "ENTRY"])
def test_a_folder_where_a_cache_file_should_be_is_ignored(sandbox: Sandbox, name: str) -> None:
    """A folder (holding a file) at the place of a cache file."""
    name = loose_name(sandbox, ALPHA) if name == "ENTRY" else name
    path = sandbox.project / CACHE / name
    path.unlink(missing_ok=True)
    (path / "inside").mkdir(parents=True)
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, name)
    assert (path / "inside").is_dir(), "a folder versus did not make was removed"


def test_a_huge_cache_file_is_not_read(sandbox: Sandbox) -> None:
    """A sparse 2 GiB documents.json: refused by its size, without reading it."""
    path = cache_file(sandbox, "documents.json", b"")
    os.truncate(path, 2 << 30)
    outcome = sandbox.run(*CHECK)
    assert_as_without_cache(sandbox, outcome, "documents.json")


def test_a_fifo_as_a_cache_file_does_not_hang(sandbox: Sandbox) -> None:
    """documents.json as a named pipe that nobody writes to."""
    path = sandbox.project / CACHE / "documents.json"
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    outcome = sandbox.process(*CHECK, timeout=60)
    assert_as_without_cache(sandbox, outcome, "documents.json")


# --- links: never followed out of the project -----------------------------------


@pytest.mark.parametrize("command", [CHECK, BUILD], ids=["check", "build"])
def test_a_cache_folder_linked_outside_is_not_used(
    sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    """.versus-cache as a symbolic link to a folder outside the project."""
    target = sandbox.outside / "home"
    for path in sorted((sandbox.project / CACHE).rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    (sandbox.project / CACHE).rmdir()
    sandbox.link(CACHE, target)
    outcome = sandbox.run(*command)
    assert_as_without_cache(sandbox, outcome, "")
    assert "not followed" in warnings(outcome)[0]


@pytest.mark.parametrize("name", ["documents.json", "memo.json", "outcomes.json", "ENTRY"])
def test_a_cache_file_linked_outside_is_not_read(sandbox: Sandbox, name: str) -> None:
    """A cache file as a symbolic link to a secret outside the project."""
    name = loose_name(sandbox, ALPHA) if name == "ENTRY" else name
    sandbox.link(f"{CACHE}/{name}", sandbox.outside / "secret.txt")
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, name)


def test_the_loose_entries_folder_linked_outside_is_not_used(sandbox: Sandbox) -> None:
    """.versus-cache/entries as a link outside, while an edit gives an entry to write."""
    for path in (sandbox.project / CACHE / "entries").iterdir():
        path.unlink()
    (sandbox.project / CACHE / "entries").rmdir()
    sandbox.link(f"{CACHE}/entries", sandbox.outside / "home")
    card = sandbox.project / "models" / "gamma.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    outcome = sandbox.run(*CHECK)
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    assert len(warnings(outcome)) == 1
    assert "not followed" in warnings(outcome)[0]


def test_the_old_loose_entries_folder_linked_outside_gets_nothing(sandbox: Sandbox) -> None:
    """.versus-cache/documents (versus 4's loose entries) as a link outside, and an edit."""
    shutil.rmtree(sandbox.project / CACHE / "documents", ignore_errors=True)
    sandbox.link(f"{CACHE}/documents", sandbox.outside / "home")
    card = sandbox.project / "models" / "gamma.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    outcome = sandbox.run(*CHECK)
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    assert warnings(outcome) == []


def test_a_cache_folder_that_is_a_file_builds_without_a_cache(sandbox: Sandbox) -> None:
    """.versus-cache as a plain file."""
    for path in sorted((sandbox.project / CACHE).rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    (sandbox.project / CACHE).rmdir()
    (sandbox.project / CACHE).write_text("not a folder\n", encoding="utf-8")
    outcome = sandbox.run(*BUILD)
    assert_as_without_cache(sandbox, outcome, "")
    assert (sandbox.project / CACHE).read_text(encoding="utf-8") == "not a folder\n"


def test_a_new_cache_folder_is_ignored_by_git(sandbox: Sandbox) -> None:
    """A project without a cache: the folder versus makes holds a .gitignore of '*'."""
    for path in sorted((sandbox.project / CACHE).rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    (sandbox.project / CACHE).rmdir()
    outcome = sandbox.run(*CHECK)
    assert_as_without_cache(sandbox, outcome)
    ignore = (sandbox.project / CACHE / ".gitignore").read_text(encoding="utf-8")
    assert "*" in ignore.splitlines()
    stored = [p for p in (sandbox.project / CACHE).rglob("*") if p.is_file()]
    assert stored
    assert all(
        p.name == ".gitignore" or orjson.loads(p.read_bytes())["version"] == VERSION for p in stored
    )


def test_forged_template_references_leave_no_page_stale(sandbox: Sandbox) -> None:
    """pair.html's memoized references emptied (old and new memo), then base.html edited."""
    source = (sandbox.project / "templates" / "pair.html").read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode()).hexdigest()
    path = sandbox.project / CACHE / "memo.json"
    stored: dict[str, Any] = {"version": VERSION, "memo": {}}
    if path.is_file():
        stored = orjson.loads(path.read_bytes())
    stored["memo"][f"template-references:{digest}"] = []
    cache_file(sandbox, "memo.json", orjson.dumps(stored))
    old = {"version": 4, "memo": {("template-references", digest): []}}
    cache_file(sandbox, "memo.pickle", pickle.dumps(old))
    outcome = sandbox.run("build", "-j1", "-q", "--clean")  # records the pages' templates
    assert outcome.exit_code == 0, outcome.output
    base = sandbox.project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    after = sandbox.run("build", "-j1", "-q")
    assert after.exit_code == 0, after.output
    assert_harmless(sandbox, after)
    incremental = snapshot(sandbox.site)
    assert sandbox.run("build", "-j1", "-q", "--clean").exit_code == 0
    assert snapshot(sandbox.site) == incremental, "pages of the edited template were left stale"
    (warning,) = warnings(outcome)
    assert warning.startswith(f"versus: warning: {CACHE}/memo.json:")
    assert warnings(after) == []
