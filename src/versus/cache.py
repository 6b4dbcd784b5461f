"""A cache of parsed and validated input files, keyed by their content.

Reading YAML with positions costs about a millisecond a file; at hundreds of
models that dominates a rebuild after a one-line edit. Each entry is keyed by
the SHA-256 of the file's bytes, so a stale entry can never be used: a changed
file misses and is parsed again. The cache is a private pickle under
``.versus-cache/`` in the project; anything unreadable about it is ignored.
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
_FILE = "documents.pickle"
_VERSION = 2
T = TypeVar("T")


@dataclass
class Entry:
    digest: str
    document: Document
    validated: dict[str, Any] = field(default_factory=dict)
    """Schema name -> validated value, or ``None`` when the file failed that schema."""


class DocumentCache:
    """Parsed documents by file name, valid for one content digest each."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Entry] = {}
        self.memo: dict[tuple[str, str], Any] = {}
        self.memo_used: set[tuple[str, str]] = set()
        self.used: set[str] = set()
        self.dirty = False
        if path is not None:
            with contextlib.suppress(Exception):  # a broken cache is an empty cache
                stored = pickle.loads(path.read_bytes())
                if stored.get("version") == _VERSION:
                    self.entries = stored["entries"]
                    self.memo = stored["memo"]

    @classmethod
    def for_project(cls, root: Path) -> DocumentCache:
        return cls(root / CACHE_DIR / _FILE)

    def get(self, name: str, digest: str) -> Entry | None:
        entry = self.entries.get(name)
        if entry is None or entry.digest != digest:
            return None
        self.used.add(name)
        return entry

    def put(self, name: str, digest: str, document: Document) -> Entry:
        entry = Entry(digest, document)
        self.entries[name] = entry
        self.used.add(name)
        self.dirty = True
        return entry

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
        self.dirty = True
        return value

    def save(self) -> None:
        """Write the entries used in this run (dropping files that are gone), atomically."""
        if self.path is None or (
            not self.dirty and self.used == set(self.entries) and self.memo_used == set(self.memo)
        ):
            return
        kept = {name: self.entries[name] for name in sorted(self.used)}
        memo = {key: self.memo[key] for key in sorted(self.memo_used)}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".documents-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(
                    {"version": _VERSION, "entries": kept, "memo": memo},
                    stream,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            Path(temporary).replace(self.path)
