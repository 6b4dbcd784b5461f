"""A cache of parsed and validated input files, keyed by their content.

Reading YAML with positions costs about a millisecond a file; at hundreds of
models that dominates a rebuild after a one-line edit. Each parsed file is
kept in a file of its own under ``.versus-cache/documents/``, named by the
digest of the file's name and bytes, so a stale entry can never be used (a
changed file misses and is parsed again) and an edit rewrites one small entry,
not the whole cache. Small derived values (rendered Markdown, template
references) share one memo file. Anything unreadable in the cache is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from versus.yamlsource import Document

CACHE_DIR = ".versus-cache"
_DOCUMENTS = "documents"
_MEMO = "memo.pickle"
_VERSION = 4
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
        self.unpruned = False
        """Whether entries were written since the last pruning save."""
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
        if self.folder is None:
            return None
        try:
            entry = pickle.loads((self.folder / _DOCUMENTS / key).read_bytes())
        except Exception:
            return None
        return entry if isinstance(entry, Entry) and entry.digest == digest else None

    def has(self, name: str, digest: str) -> bool:
        """Whether an entry for this file and digest exists (without reading it)."""
        key = _key(name, digest)
        if key in self.changed:
            return True
        return self.folder is not None and (self.folder / _DOCUMENTS / key).is_file()

    def put(self, name: str, digest: str, document: Document) -> Entry:
        entry = Entry(digest, document)
        self.touch(name, entry)
        return entry

    def touch(self, name: str, entry: Entry) -> None:
        """Mark ``entry`` to be written (it is new, or gained a validated value)."""
        key = _key(name, entry.digest)
        self.used.add(key)
        self.changed[key] = entry

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
        for key, entry in sorted(self.changed.items()):
            _write_atomically(documents / key, entry)
        self.unpruned = self.unpruned or bool(self.changed)
        if prune and self.unpruned:  # files came or went: drop the entries no input uses
            with contextlib.suppress(OSError):
                for stale in {path.name for path in documents.iterdir()} - self.used:
                    (documents / stale).unlink(missing_ok=True)
            self.unpruned = False
        self.changed = {}
        if self.memo_dirty or (prune and self.memo_used != set(self.memo)):
            kept = self.memo_used if prune else set(self.memo)
            memo = {key: self.memo[key] for key in sorted(kept)}
            _write_atomically(self.folder / _MEMO, {"version": _VERSION, "memo": memo})
            self.memo, self.memo_dirty = memo, False
