"""A cache of parsed and validated input files, keyed by their content.

Reading YAML with positions costs a few milliseconds a file; at hundreds of
models that dominates a rebuild after a one-line edit. Each parsed file is an
entry named by the digest of the file's name and bytes, so a stale entry can
never be used (a changed file misses and is parsed again). Entries live in one
pack, ``.versus-cache/documents.pack``, read in one go by every build; an edit
adds a small loose file under ``.versus-cache/documents/`` instead of
rewriting the pack, and loose entries join the pack when there are many (see
:data:`PACK_FROM`). Small derived values (rendered Markdown, template
references) share one memo file. Anything unreadable in the cache is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from versus.yamlsource import Document

CACHE_DIR = ".versus-cache"
_DOCUMENTS = "documents"
_PACK = "documents.pack"
_MEMO = "memo.pickle"
_VERSION = 4
PACK_FROM = 32
"""Entries written at once, or loose entries in use, from which they go into the pack."""
T = TypeVar("T")


@dataclass
class Entry:
    digest: str
    document: Document
    validated: dict[str, Any] = field(default_factory=dict)
    """Schema name -> validated value, or ``None`` when the file failed that schema."""


def _key(name: str, digest: str) -> str:
    return hashlib.sha256(f"{_VERSION}\0{name}\0{digest}".encode()).hexdigest()


def _write_atomically(path: Path, value: object) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(path)


class DocumentCache:
    """Parsed documents by file name and digest, plus a memo of derived values."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.changed: dict[str, Entry] = {}
        self.memo: dict[tuple[str, str], Any] = {}
        self.memo_used: set[tuple[str, str]] = set()
        self.memo_dirty = False
        self._pack: dict[str, Entry] | None = None
        self._loose_listed: set[str] | None = None
        if folder is not None:
            with contextlib.suppress(Exception):  # a broken cache is an empty cache
                stored = pickle.loads((folder / _MEMO).read_bytes())
                if stored.get("version") == _VERSION:
                    self.memo = stored["memo"]

    @classmethod
    def for_project(cls, root: Path) -> DocumentCache:
        return cls(root / CACHE_DIR)

    def get(self, name: str, digest: str) -> Entry | None:
        key = _key(name, digest)
        self.used.add(key)
        if key in self.changed:
            return self.changed[key]
        # a loose entry is newer than the pack's (it may have gained a validated value)
        entry = self._loose(key) if key in self._loose_keys() else self.packed().get(key)
        return entry if isinstance(entry, Entry) and entry.digest == digest else None

    def _loose_keys(self) -> set[str]:
        """The loose entries' names, listed once (a pack leaves few of them)."""
        if self._loose_listed is None:
            self._loose_listed = (
                set() if self.folder is None else self._loose_names(self.folder / _DOCUMENTS)
            )
        return self._loose_listed

    def _loose(self, key: str) -> Entry | None:
        if self.folder is None:
            return None
        try:
            entry = pickle.loads((self.folder / _DOCUMENTS / key).read_bytes())
        except Exception:
            return None
        return entry if isinstance(entry, Entry) else None

    def packed(self) -> dict[str, Entry]:
        """The entries of the pack, read on first use.

        A build reads every document of the project; one file of all of them reads
        in one go what hundreds of small files took a system call each to open (a
        tenth of a one-card rebuild when the disk is slow). New entries are written
        loose and join the pack when a save writes many at once or finds many in use.
        """
        if self._pack is None:
            self._pack = {}
            if self.folder is not None:
                with contextlib.suppress(Exception):  # a broken pack is an empty one
                    stored = pickle.loads((self.folder / _PACK).read_bytes())
                    if stored.get("version") == _VERSION:
                        self._pack = stored["entries"]
        return self._pack

    def has(self, name: str, digest: str) -> bool:
        """Whether an entry for this file and digest exists (without reading it)."""
        key = _key(name, digest)
        return key in self.changed or key in self.packed() or key in self._loose_keys()

    def put(self, name: str, digest: str, document: Document) -> Entry:
        entry = Entry(digest, document)
        self.touch(name, entry)
        return entry

    def touch(self, name: str, entry: Entry) -> None:
        """Mark ``entry`` to be written (it is new, or gained a validated value)."""
        key = _key(name, entry.digest)
        self.used.add(key)
        self.changed[key] = entry

    def _loose_names(self, documents: Path) -> set[str]:
        try:
            return {path.name for path in documents.iterdir() if not path.name.startswith(".")}
        except OSError:
            return set()

    def _repack_due(self, pack: Mapping[str, Entry], loose_used: set[str]) -> bool:
        """Many entries in use are loose, or a quarter of the pack is no longer used."""
        stale = len(pack.keys() - self.used)
        return len(loose_used) >= PACK_FROM or stale * 4 > len(pack)

    def _repack(self, folder: Path, pack: dict[str, Entry], loose: set[str], prune: bool) -> None:
        """One pack of every entry kept (with ``prune``, those in use), no loose entries."""
        entries = dict(pack)
        for key in sorted(loose):  # a loose entry is newer than the pack's
            entry = self._loose(key)
            if entry is not None:
                entries[key] = entry
        entries.update(self.changed)
        if prune:
            entries = {key: entry for key, entry in entries.items() if key in self.used}
        entries = dict(sorted(entries.items()))
        _write_atomically(folder / _PACK, {"version": _VERSION, "entries": entries})
        with contextlib.suppress(OSError):
            for key in loose:
                (folder / _DOCUMENTS / key).unlink(missing_ok=True)
        self._pack = entries

    def memoize(self, kind: str, text: str, compute: Callable[[str], T]) -> T:
        """``compute(text)``, remembered across runs by ``kind`` and the text's digest.

        ``compute`` must be a pure function of ``text``.
        """
        key = (kind, hashlib.sha256(text.encode()).hexdigest())
        self.memo_used.add(key)
        if key in self.memo:
            return self.memo[key]  # type: ignore[no-any-return]
        value = compute(text)
        self.memo[key] = value
        self.memo_dirty = True
        return value

    def save(self, *, prune: bool = True) -> None:
        """Write what changed; with ``prune``, drop entries and memos this run did not use.

        A build uses everything a later build could want; a check does not (it
        renders no Markdown), so it keeps what it did not use.
        """
        if self.folder is None:
            return
        documents = self.folder / _DOCUMENTS
        pack = self.packed()
        loose = self._loose_names(documents)
        if len(self.changed) >= PACK_FROM or (prune and self._repack_due(pack, loose & self.used)):
            self._repack(self.folder, pack, loose, prune)
        else:
            for key, entry in sorted(self.changed.items()):
                _write_atomically(documents / key, entry)
            if prune:  # drop the loose entries no input uses
                with contextlib.suppress(OSError):
                    for stale in loose - self.used:
                        (documents / stale).unlink(missing_ok=True)
        self._loose_listed = None
        self.changed = {}
        if self.memo_dirty or (prune and self.memo_used != set(self.memo)):
            kept = self.memo_used if prune else set(self.memo)
            memo = {key: self.memo[key] for key in sorted(kept)}
            _write_atomically(self.folder / _MEMO, {"version": _VERSION, "memo": memo})
            self.memo, self.memo_dirty = memo, False
