from __future__ import annotations

import base64
from pathlib import Path

import orjson
import pytest

from versus.build.parallel import sanitized
from versus.inputs.cache import PACK_FROM, DocumentCache, strings
from versus.inputs.richtext import to_html
from versus.inputs.yamlsource import parse_yaml


def names(count: int, start: int = 0) -> list[str]:
    return [f"models/m{index:03d}.yaml" for index in range(start, start + count)]


def fill(cache: DocumentCache, files: list[str]) -> None:
    for name in files:
        cache.put(name, f"digest-{name}", parse_yaml(f"name: {name}\n", name))


def loose(folder: Path) -> list[str]:
    entries = folder / "entries"
    return sorted(p.name for p in entries.iterdir()) if entries.is_dir() else []


def test_a_few_entries_are_kept_loose_and_read_back(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    fill(cache, names(3))
    cache.save()
    assert len(loose(tmp_path)) == 3
    assert not (tmp_path / "documents.json").exists()
    again = DocumentCache(tmp_path)
    entry = again.get("models/m001.yaml", "digest-models/m001.yaml")
    assert entry is not None
    assert entry.document.data == {"name": "models/m001.yaml"}
    assert entry.document.source.file == "models/m001.yaml"
    assert again.get("models/m001.yaml", "another digest") is None
    assert again.warnings == []


def test_many_entries_go_into_one_pack(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    fill(cache, names(PACK_FROM))
    cache.save(prune=False)  # as the loader's early save: many at once make a pack
    assert loose(tmp_path) == []
    again = DocumentCache(tmp_path)
    assert all(again.has(name, f"digest-{name}") for name in names(PACK_FROM))
    entry = again.get("models/m007.yaml", "digest-models/m007.yaml")
    assert entry is not None
    assert entry.document.source.locate(("name",)).line == 1


def test_positions_come_back_from_the_cache_as_parsed(tmp_path: Path) -> None:
    text = "name: A\nsources:\n  - title: B\n    url: https://example.org\n  - plain\n"
    parsed = parse_yaml(text, "models/a.yaml")
    cache = DocumentCache(tmp_path)
    cache.put("models/a.yaml", "d", parsed)
    cache.save()
    entry = DocumentCache(tmp_path).get("models/a.yaml", "d")
    assert entry is not None
    assert entry.document.data == parsed.data
    assert dict(entry.document.source.keys) == dict(parsed.source.keys)
    assert dict(entry.document.source.values) == dict(parsed.source.values)
    assert entry.document.source.locate(("sources", 1)).line == 5


def test_an_edit_is_loose_beside_the_pack_and_a_loose_entry_wins(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    fill(cache, names(PACK_FROM))
    cache.save()
    # the next build: one file edited, the others read from the pack
    build = DocumentCache(tmp_path)
    for name in names(PACK_FROM)[1:]:
        assert build.get(name, f"digest-{name}") is not None
    edited = "models/m000.yaml"
    build.put(edited, "digest-edited", parse_yaml("name: edited\n", edited))
    # an entry of the pack written again (loose): read from there
    name = "models/m001.yaml"
    build.put(name, f"digest-{name}", parse_yaml("name: again\n", name))
    build.save()
    assert len(loose(tmp_path)) == 2
    later = DocumentCache(tmp_path)
    again = later.get(name, f"digest-{name}")
    assert again is not None
    assert again.document.data == {"name": "again"}
    edit = later.get(edited, "digest-edited")
    assert edit is not None
    assert edit.document.data == {"name": "edited"}


def test_a_pack_mostly_unused_is_written_again_with_what_is_used(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    fill(cache, names(PACK_FROM * 2))
    cache.save()
    build = DocumentCache(tmp_path)  # half the files are gone
    kept = names(PACK_FROM)
    for name in kept:
        assert build.get(name, f"digest-{name}") is not None
    build.save()
    later = DocumentCache(tmp_path)
    assert len(later.packed()) == PACK_FROM
    assert later.has("models/m000.yaml", "digest-models/m000.yaml")
    assert not later.has("models/m050.yaml", "digest-models/m050.yaml")


def test_the_cache_is_plain_json_and_ignored_by_git(tmp_path: Path) -> None:
    folder = tmp_path / ".versus-cache"
    cache = DocumentCache(folder)
    fill(cache, names(PACK_FROM + 2))
    cache.memoize("raw-html", "text", lambda text: [text], strings)
    cache.save(prune=False)
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    stored = [path for path in folder.rglob("*") if path.is_file() and path.suffix == ".json"]
    assert {path.name for path in stored} >= {"documents.json", "memo.json"}
    for path in stored:
        assert orjson.loads(path.read_bytes())["version"] >= 5


def test_a_broken_pack_is_an_empty_cache_said_once_and_written_again(tmp_path: Path) -> None:
    (tmp_path / "documents.json").write_bytes(b'{"version": 5, "entries": ')
    cache = DocumentCache(tmp_path, "cache")
    assert cache.get("models/m000.yaml", "digest-models/m000.yaml") is None
    fill(cache, names(3))
    cache.save()
    assert cache.warnings == [
        "cache/documents.json: not valid JSON (damaged, or not made by versus); ignored"
    ]
    again = DocumentCache(tmp_path)
    assert again.get("models/m000.yaml", "digest-models/m000.yaml") is not None
    assert again.warnings == []


@pytest.mark.parametrize(
    "change",
    [
        {"digest": "another"},
        {"name": "models/other.yaml"},
        {"positions": "not base64!"},
        {"positions": 12},
        {"extra": 1},
    ],
)
def test_an_entry_of_the_wrong_shape_is_ignored(tmp_path: Path, change: dict[str, object]) -> None:
    cache = DocumentCache(tmp_path, "cache")
    fill(cache, names(1))
    cache.save()
    (path,) = (tmp_path / "entries").iterdir()
    stored = orjson.loads(path.read_bytes())
    stored["entry"].update(change)
    path.write_bytes(orjson.dumps(stored))
    again = DocumentCache(tmp_path, "cache")
    assert again.get("models/m000.yaml", "digest-models/m000.yaml") is None
    assert again.warnings == [
        f"cache/entries/{path.name}: the entry for models/m000.yaml is not of the expected "
        "shape; ignored"
    ]


def test_a_document_json_cannot_hold_is_not_cached(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    cache.put("models/a.yaml", "d", parse_yaml("n: .nan\n", "models/a.yaml"))
    cache.put("models/b.yaml", "d", parse_yaml("n: 123456789012345678901234567890\n", "b"))
    cache.save()
    assert loose(tmp_path) == []
    assert DocumentCache(tmp_path).get("models/a.yaml", "d") is None


def test_packed_positions_are_base64_of_line_and_column_numbers(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    cache.put("models/a.yaml", "d", parse_yaml("a: 1\n", "models/a.yaml"))
    cache.save()
    (path,) = (tmp_path / "entries").iterdir()
    positions = orjson.loads(path.read_bytes())["entry"]["positions"]
    # the mapping at 1:1, its value at 1:4, its key at 1:1
    assert base64.b64decode(positions) == bytes(
        [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0]
    ) + (bytes([1, 0, 0, 0, 1, 0, 0, 0]))


def test_a_memo_is_used_only_as_accepted(tmp_path: Path) -> None:
    computed: list[str] = []

    def compute(text: str) -> list[str]:
        computed.append(text)
        return [text.upper()]

    cache = DocumentCache(tmp_path, "cache")
    assert cache.memoize("k", "a", compute, strings) == ["A"]
    assert cache.memoize("k", "a", compute, strings) == ["A"]
    cache.save()
    assert computed == ["a"]
    again = DocumentCache(tmp_path, "cache")
    assert again.memoize("k", "a", compute, strings) == ["A"]
    assert computed == ["a"]
    # a stored value the check refuses: computed again, said once
    memo = tmp_path / "memo.json"
    stored = orjson.loads(memo.read_bytes())
    stored["memo"] = {key: [1, 2] for key in stored["memo"]}
    memo.write_bytes(orjson.dumps(stored))
    forged = DocumentCache(tmp_path, "cache")
    assert forged.memoize("k", "a", compute, strings) == ["A"]
    assert computed == ["a", "a"]
    assert forged.warnings == ["cache/memo.json: a k value is not one versus computes; ignored"]
    forged.save()
    assert orjson.loads(memo.read_bytes())["memo"] == {next(iter(stored["memo"])): ["A"]}


def test_a_computed_value_the_check_refuses_is_not_kept(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    assert cache.memoize("k", "a", lambda text: [text], lambda value: None) == ["a"]
    cache.save()
    assert DocumentCache(tmp_path).memo == {}


def test_a_linked_cache_folder_is_not_used(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / ".versus-cache"
    link.symlink_to(elsewhere)
    cache = DocumentCache(link, ".versus-cache")
    assert cache.folder is None
    fill(cache, names(PACK_FROM))
    cache.save()
    assert list(elsewhere.iterdir()) == []
    assert cache.warnings == [
        ".versus-cache: a symbolic link, not followed; building without the cache (remove it)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Plain *emphasis*, **strong** and `code <b>`.",
        'A [link](https://example.org/a?b=1&c=2 "title") and <https://example.org>.',
        "* one\n* two\n\n1. three\n\n> quoted\n\n    indented code & <tags>\n",
        "H~2~O, x^2^, a line  \nbreak, &amp; &copy; \u00a0 'quotes' \"double\"",
        "Raw <b>bold</b> <img src=x onerror=alert(1)> [bad](javascript:alert(1))",
    ],
)
def test_a_rendered_description_read_back_is_accepted_as_it_was(text: str) -> None:
    """The memo check of rendered Markdown accepts what to_html makes: a cache hit."""
    html = to_html(text)
    assert sanitized(str(html)) == html


def test_a_value_json_cannot_hold_is_computed_every_time(tmp_path: Path) -> None:
    """Text with a lone surrogate (refused later by the schema) is no reason to fail."""
    cache = DocumentCache(tmp_path)
    assert cache.memoize("k", "a\ud800", lambda text: [text], strings) == ["a\ud800"]
    cache.save()
    assert DocumentCache(tmp_path).memo == {}
