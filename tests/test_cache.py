from __future__ import annotations

from pathlib import Path

from versus.cache import PACK_FROM, DocumentCache
from versus.yamlsource import parse_yaml


def names(count: int, start: int = 0) -> list[str]:
    return [f"models/m{index:03d}.yaml" for index in range(start, start + count)]


def fill(cache: DocumentCache, files: list[str]) -> None:
    for name in files:
        cache.put(name, f"digest-{name}", parse_yaml(f"name: {name}\n", name))


def loose(folder: Path) -> list[str]:
    documents = folder / "documents"
    return sorted(p.name for p in documents.iterdir()) if documents.is_dir() else []


def test_a_few_entries_are_kept_loose_and_read_back(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    fill(cache, names(3))
    cache.save()
    assert len(loose(tmp_path)) == 3
    assert not (tmp_path / "documents.pack").exists()
    again = DocumentCache(tmp_path)
    entry = again.get("models/m001.yaml", "digest-models/m001.yaml")
    assert entry is not None
    assert entry.document.data == {"name": "models/m001.yaml"}
    assert again.get("models/m001.yaml", "another digest") is None


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
    # an entry of the pack gains a validated value: written loose, and read from there
    entry = build.get("models/m001.yaml", "digest-models/m001.yaml")
    assert entry is not None
    entry.validated["ModelCard"] = "checked"
    build.touch("models/m001.yaml", entry)
    build.save()
    assert len(loose(tmp_path)) == 2  # the edit and the entry that gained a value
    later = DocumentCache(tmp_path)
    again = later.get("models/m001.yaml", "digest-models/m001.yaml")
    assert again is not None
    assert again.validated == {"ModelCard": "checked"}
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


def test_a_broken_pack_is_an_empty_cache(tmp_path: Path) -> None:
    (tmp_path / "documents.pack").write_bytes(b"not a pickle")
    cache = DocumentCache(tmp_path)
    assert cache.get("models/m000.yaml", "digest-models/m000.yaml") is None
    fill(cache, names(PACK_FROM))
    cache.save()
    assert DocumentCache(tmp_path).get("models/m000.yaml", "digest-models/m000.yaml") is not None
