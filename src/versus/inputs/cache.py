"""A cache of parsed input files, keyed by their content, kept as plain JSON.

Reading YAML with positions is the slow part of loading; at hundreds of models
it would dominate a rebuild after a one-line edit. (JSON Lines files, a suite's
prompts and a run's outcomes, are not kept as parsed: their positions are found
only for a line with a problem.) Each parsed file is an
entry named by the digest of the file's name and bytes, so a stale entry can
never be used (a changed file misses and is parsed again). Entries live in one
pack, ``.versus-cache/documents.json``, read in one go by every build; an edit
adds a small loose file under ``.versus-cache/entries/`` instead of rewriting
the pack, and loose entries join the pack when there are many (see
:data:`PACK_FROM`). Small derived values (rendered Markdown, template
references) share one memo file, ``.versus-cache/memo.json``. A run's outcomes are
kept once checked, in ``.versus-cache/outcomes.json`` (:meth:`DocumentCache.checked`):
checking them costs more than parsing them, and a card edit checks none again.

The cache is a folder a pull request could add, so nothing in it is trusted:

- it holds plain data only (JSON: no pickle, no marshalled code), and every
  value read back is checked for type and shape before use; a wrong one is
  ignored, as if it were not there;
- an entry gives only a document's data and positions, which are validated by
  the schema and checked as the YAML would be: it can at worst say what the file
  could have said; a checked value (outcomes) is used only as its user's check
  accepts it, which asks what the checks of the file ask;
- only a file without problems has a checked value kept, so a file's problems are
  found again, and reported, on every run;
- a memoized value is accepted only through a check its user gives (a rendered
  description only if the sanitizer would leave it as it is);
- a damaged or foreign file is ignored with one line in :attr:`DocumentCache.warnings`;
- no symbolic link is followed: a cache folder that is a link is not used, and a
  cache file that is a link is not read.

Files of older versions (``documents.pack``, ``memo.pickle``, ``documents/``,
``templates/``) are never opened.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import orjson

from versus.atomic import write_atomically
from versus.inputs.inputfiles import CACHE_DIR, is_prompt_list
from versus.inputs.yamlsource import Document, SourceMap

_ENTRIES = "entries"
_PACK = "documents.json"
_MEMO = "memo.json"
_CHECKED = "outcomes.json"
_VERSION = 5
_ENTRY_FIELDS = frozenset({"name", "digest", "data", "positions"})
_LOOSE_NAME = re.compile(r"^[0-9a-f]{64}\.json$")
MAX_CACHE_FILE = 1 << 30
"""A cache file larger than this is not read (a pack of the largest project is far smaller)."""
PACK_FROM = 32
"""Entries written at once, or loose entries in use, from which they go into the pack."""
T = TypeVar("T")
_Raw = dict[str, Any]


@dataclass
class Entry:
    digest: str
    document: Document


def _key(name: str, digest: str) -> str:
    return hashlib.sha256(f"{_VERSION}\0{name}\0{digest}".encode()).hexdigest()


def strings(value: object) -> list[str] | None:
    """``value`` if it is a list of strings (a memoized list read back), else ``None``."""
    if type(value) is list and all(type(item) is str for item in value):
        return value
    return None


class _UnreadableError(Exception):
    """Why a cache file cannot be used, in a few words."""


class DocumentCache:
    """Parsed documents by file name and digest, plus a memo of derived values.

    ``folder`` is the cache folder; ``None`` keeps nothing across runs. What went
    wrong with the folder's files is in :attr:`warnings`, one line per file.
    """

    def __init__(self, folder: Path | None, label: str | None = None) -> None:
        self.label = label if label is not None else (folder.name if folder else "")
        self.warnings: list[str] = []
        self._warned: set[str] = set()
        self.used: set[str] = set()
        self.changed: dict[str, Entry] = {}
        self.memo: dict[str, object] = {}
        """Memoized values as read or computed, by kind and digest (see :meth:`memoize`)."""
        self.memo_used: set[str] = set()
        self.memo_dirty = False
        self._accepted: dict[str, object] = {}
        self._pack: dict[str, _Raw] | None = None
        self._loose_listed: set[str] | None = None
        self._checked: dict[str, _Raw] | None = None
        self._checked_used: set[str] = set()
        self._checked_dirty = False
        self.folder = folder if folder is not None and self._usable(folder, "") else None
        if self.folder is not None and not self._usable(self.folder / _ENTRIES, _ENTRIES):
            self.folder = None
        if self.folder is not None:
            stored = self._read(_MEMO)
            memo = stored.get("memo") if stored is not None else None
            if type(memo) is dict:
                self.memo = memo
            elif stored is not None:
                self._warn(_MEMO, "holds no memo; ignored")
            # a damaged memo is written again at the next save, so that it warns once
            self.memo_dirty = _MEMO in self._warned

    @classmethod
    def for_project(cls, root: Path) -> DocumentCache:
        return cls(root / CACHE_DIR, CACHE_DIR)

    def _where(self, name: str) -> str:
        return f"{self.label}/{name}" if name else self.label

    def _warn(self, name: str, what: str) -> None:
        """One line about the cache file ``name``, the first time it has something wrong."""
        if name not in self._warned:
            self._warned.add(name)
            self.warnings.append(f"{self._where(name)}: {what}")

    def _usable(self, folder: Path, name: str) -> bool:
        """Whether ``folder`` is a real folder or is missing (made when saving)."""
        try:
            mode = folder.lstat().st_mode
        except FileNotFoundError:
            return True
        except OSError as error:
            self._warn(name, f"cannot be read ({error.strerror}); building without the cache")
            return False
        if stat.S_ISDIR(mode):
            return True
        what = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
        self._warn(name, f"{what}, not followed; building without the cache (remove it)")
        return False

    def _read(self, name: str) -> _Raw | None:
        """The JSON object of this version stored at ``name`` in the folder; ``None`` with a
        warning when it is damaged or foreign, quietly when it is missing."""
        assert self.folder is not None
        try:
            raw = _read_regular(self.folder / name)
        except FileNotFoundError:
            return None
        except _UnreadableError as error:
            self._warn(name, f"{error}; ignored")
            return None
        except OSError as error:
            self._warn(name, f"cannot be read ({error.strerror}); ignored")
            return None
        try:
            stored = orjson.loads(raw)
        except orjson.JSONDecodeError:
            self._warn(name, "not valid JSON (damaged, or not made by versus); ignored")
            return None
        if type(stored) is not dict or stored.get("version") != _VERSION:
            self._warn(name, f"not a cache file of this version of versus ({_VERSION}); ignored")
            return None
        return stored

    def get(self, name: str, digest: str) -> Entry | None:
        key = _key(name, digest)
        self.used.add(key)
        if key in self.changed:
            return self.changed[key]
        # a loose entry is newer than the pack's
        if key in self._loose_keys():
            where = _loose_name(key)
            stored = self._read(where)
            if stored is None:  # gone, or damaged (and said so)
                return None
            raw = stored.get("entry")
        else:
            where = _PACK
            raw = self.packed().get(key)
            if raw is None:
                return None
        entry = _entry(raw, name, digest)
        if entry is None:
            self._warn(where, f"the entry for {name} is not of the expected shape; ignored")
        return entry

    def _loose_keys(self) -> set[str]:
        """The loose entries' keys, listed once (a pack leaves few of them)."""
        if self._loose_listed is None:
            self._loose_listed = set()
            if self.folder is not None:
                with contextlib.suppress(OSError):
                    self._loose_listed = {
                        path.name.removesuffix(".json")
                        for path in (self.folder / _ENTRIES).iterdir()
                        if _LOOSE_NAME.match(path.name)
                    }
        return self._loose_listed

    def packed(self) -> dict[str, _Raw]:
        """The entries of the pack, as read (each is checked when used), on first use.

        A build reads every document of the project; one file of all of them reads
        in one go what hundreds of small files took a system call each to open. New entries are written
        loose and join the pack when a save writes many at once or finds many in use.
        """
        if self._pack is None:
            self._pack = {}
            stored = self._read(_PACK) if self.folder is not None else None
            if stored is not None:
                entries = stored.get("entries")
                if type(entries) is dict:
                    self._pack = entries
                else:
                    self._warn(_PACK, "holds no entries; ignored")
        return self._pack

    def has(self, name: str, digest: str) -> bool:
        """Whether an entry for this file and digest exists (without checking it)."""
        key = _key(name, digest)
        return key in self.changed or key in self.packed() or key in self._loose_keys()

    def put(self, name: str, digest: str, document: Document) -> Entry:
        entry = Entry(digest, document)
        key = _key(name, digest)
        self.used.add(key)
        self.changed[key] = entry
        return entry

    def memoize(
        self,
        kind: str,
        text: str,
        compute: Callable[[str], T],
        accept: Callable[[object], T | None],
    ) -> T:
        """``compute(text)``, remembered across runs by ``kind`` and the text's digest.

        ``compute`` must be a pure function of ``text`` returning plain data (text,
        lists of text). A value read back from disk is used only as ``accept`` returns
        it; ``None`` means it is not a value ``compute`` could have returned, and it is
        computed again. A computed value ``accept`` would refuse is not kept.
        """
        key = f"{kind}:{hashlib.sha256(text.encode(errors='surrogatepass')).hexdigest()}"
        self.memo_used.add(key)
        if key in self._accepted:
            return self._accepted[key]  # type: ignore[return-value]
        if key in self.memo:
            accepted = accept(self.memo[key])
            if accepted is not None:
                self._accepted[key] = accepted
                return accepted
            self._warn(_MEMO, f"a {kind} value is not one versus computes; ignored")
            del self.memo[key]
            self.memo_dirty = True
        value = compute(text)
        self._accepted[key] = value
        if accept(value) is not None and _dumps(value) is not None:  # plain data only
            self.memo[key] = value
            self.memo_dirty = True
        return value

    def checked(self, key: str, name: str, accept: Callable[[object], T | None]) -> T | None:
        """The value :meth:`keep_checked` kept for the file ``name`` under ``key``, as
        ``accept`` returns it (``None``: not a value the checks could have given; it is
        dropped with a warning), or ``None`` when there is none.

        ``key`` names everything the value was computed from (the file's digest, those
        of the files it was checked against, the code that checked it): a stale value
        is never found. Kept in ``outcomes.json``, read on first use.
        """
        self._checked_used.add(key)
        raw = self._checked_pack().get(key)
        if raw is None:
            return None
        value = raw.get("value") if type(raw) is dict and raw.get("name") == name else None
        accepted = accept(value) if value is not None else None
        if accepted is None:
            self._warn(_CHECKED, f"the entry for {name} is not of the expected shape; ignored")
            del self._checked_pack()[key]
            self._checked_dirty = True
        return accepted

    def keep_checked(self, key: str, name: str, value: object) -> None:
        """Keep ``value`` (plain data) for :meth:`checked` to find under ``key``."""
        self._checked_used.add(key)
        self._checked_pack()[key] = {"name": name, "value": value}
        self._checked_dirty = True

    def _checked_pack(self) -> dict[str, _Raw]:
        if self._checked is None:
            self._checked = {}
            stored = self._read(_CHECKED) if self.folder is not None else None
            entries = stored.get("entries") if stored is not None else None
            if type(entries) is dict:
                self._checked = entries
            elif stored is not None:
                self._warn(_CHECKED, "holds no entries; ignored")
            # a damaged file is written again at the next save, so that it warns once
            self._checked_dirty = _CHECKED in self._warned
        return self._checked

    def _save_checked(self, folder: Path, prune: bool) -> None:
        """Write the checked values if one changed or, with ``prune``, one went unused."""
        pack = self._checked_pack() if prune else self._checked  # pruned though none used
        if pack is None or not (
            self._checked_dirty or (prune and pack.keys() - self._checked_used)
        ):
            return
        kept = {key: pack[key] for key in sorted(pack) if not prune or key in self._checked_used}
        data = _dumps({"version": _VERSION, "entries": kept})
        if data is None:  # a value read back that JSON cannot hold again: none kept
            data = orjson.dumps({"version": _VERSION, "entries": {}})
        _write_atomically(folder / _CHECKED, data)
        self._checked, self._checked_dirty = kept, False

    def save(self, *, prune: bool = True) -> None:
        """Write what changed; with ``prune``, drop entries and memos this run did not use.

        A build uses everything a later build could want; a check does not (it
        renders no Markdown), so it keeps what it did not use.
        """
        if self.folder is None or not self._prepare(self.folder):
            return
        pack = self.packed()
        loose = self._loose_keys()
        if (
            len(self.changed) >= PACK_FROM
            or _PACK in self._warned  # a damaged pack is written again, to warn only once
            or (prune and self._repack_due(pack, loose & self.used))
        ):
            self._repack(self.folder, pack, loose, prune)
        else:
            for key, entry in sorted(self.changed.items()):
                encoded = _encode(entry)
                if encoded is not None:
                    data = orjson.dumps({"version": _VERSION, "entry": encoded})
                    _write_atomically(self.folder / _loose_name(key), data)
            if prune:  # drop the loose entries no input uses
                for stale in loose - self.used:
                    with contextlib.suppress(OSError):
                        (self.folder / _loose_name(stale)).unlink()
        self._loose_listed = None
        self.changed = {}
        self._save_checked(self.folder, prune)
        if self.memo_dirty or (prune and self.memo_used != set(self.memo)):
            kept = self.memo_used if prune else set(self.memo)
            memo = {key: self.memo[key] for key in sorted(kept) if key in self.memo}
            _write_atomically(
                self.folder / _MEMO, orjson.dumps({"version": _VERSION, "memo": memo})
            )
            self.memo, self.memo_dirty = memo, False

    def _prepare(self, folder: Path) -> bool:
        """Make the cache folder (ignored by git, as pytest's is) if it is missing."""
        try:
            folder.mkdir(exist_ok=True)
            (folder / _ENTRIES).mkdir(exist_ok=True)
        except OSError:
            return False  # a read-only project builds without a cache
        if not _is_file(folder / ".gitignore"):
            _write_atomically(folder / ".gitignore", b"# made by versus\n*\n")
        # made just now, by us, or found to be real folders when opened
        return True

    def _repack_due(self, pack: dict[str, _Raw], loose_used: set[str]) -> bool:
        """Many entries in use are loose, or a quarter of the pack is no longer used."""
        stale = len(pack.keys() - self.used)
        return len(loose_used) >= PACK_FROM or stale * 4 > len(pack)

    def _repack(self, folder: Path, pack: dict[str, _Raw], loose: set[str], prune: bool) -> None:
        """One pack of every entry kept (with ``prune``, those in use), no loose entries."""
        entries = dict(pack)
        for key in sorted(loose):  # a loose entry is newer than the pack's
            stored = self._read(_loose_name(key))
            raw = stored.get("entry") if stored is not None else None
            if type(raw) is dict:
                entries[key] = raw
        for key, entry in self.changed.items():
            encoded = _encode(entry)
            if encoded is not None:
                entries[key] = encoded
            else:
                entries.pop(key, None)
        if prune:
            entries = {key: raw for key, raw in entries.items() if key in self.used}
        entries = {key: entries[key] for key in sorted(entries) if _shaped(entries[key])}
        try:
            data = orjson.dumps({"version": _VERSION, "entries": entries})
        except orjson.JSONEncodeError:  # an entry read back that JSON cannot hold again
            entries = {key: raw for key, raw in entries.items() if _dumps(raw) is not None}
            data = orjson.dumps({"version": _VERSION, "entries": entries})
        _write_atomically(folder / _PACK, data)
        for key in loose:
            with contextlib.suppress(OSError):
                (folder / _loose_name(key)).unlink()
        self._pack = entries
        self._warned.discard(_PACK)


def _loose_name(key: str) -> str:
    return f"{_ENTRIES}/{key}.json"


def _shaped(raw: object) -> bool:
    return type(raw) is dict and raw.keys() == _ENTRY_FIELDS


def _entry(raw: object, name: str, digest: str) -> Entry | None:
    """The entry stored as ``raw`` for this file and digest, if it is of the right shape."""
    if not _shaped(raw):
        return None
    assert isinstance(raw, dict)
    positions = raw["positions"]
    if raw["name"] != name or raw["digest"] != digest or type(positions) is not str:
        return None
    try:
        packed = base64.b64decode(positions, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(packed) % 8:
        return None
    data = raw["data"]
    if type(data) is not _shape(name):  # a file that is not of its kind's shape is parsed
        return None
    return Entry(digest, Document(data, SourceMap.packed(name, data, packed)))


def _shape(name: str) -> type:
    """What a file holds: a mapping, or a list for a suite's prompt list."""
    return list if is_prompt_list(name) else dict


def _encode(entry: Entry) -> _Raw | None:
    """``entry`` as plain data, or ``None`` when it cannot be kept as such (a value JSON
    does not carry: a non-finite number, a whole number past 64 bits, a lone surrogate)."""
    document = entry.document
    packed = document.source.pack(document.data)
    if packed is None or type(document.data) is not _shape(document.source.file):
        return None
    raw = {
        "name": document.source.file,
        "digest": entry.digest,
        "data": document.data,
        "positions": base64.b64encode(packed).decode("ascii"),
    }
    return raw if _dumps(raw) is not None else None


def _dumps(value: object) -> bytes | None:
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return None


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file, not a link (never waiting on a FIFO)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if path.is_symlink():
            raise _UnreadableError("a symbolic link, not followed") from None
        if path.is_dir():
            raise _UnreadableError("a folder where a file should be") from None
        raise error
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise _UnreadableError("a folder where a file should be")
        if not stat.S_ISREG(status.st_mode):
            raise _UnreadableError("not a regular file")
        if status.st_size > MAX_CACHE_FILE:
            raise _UnreadableError(f"larger than {MAX_CACHE_FILE} bytes")
        return stream.read(MAX_CACHE_FILE + 1)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a new file and rename it over ``path`` (a link there is replaced, not followed)."""
    with contextlib.suppress(OSError):
        write_atomically(path, data)
