"""Reading a project from disk into a validated :class:`Catalog`.

The only module that reads input files. It reads every file, validates each one
and runs the cross-file checks, collecting every problem along the way; only
then does it either return the catalog or raise one :class:`InputError`
listing them all.

Layout of a project::

    versus.yaml                     site config and capability taxonomy
    models/<model-id>.yaml          one model card per file; the name is the id
    evals/<suite-id>/suite.yaml     one eval suite
    evals/<suite-id>/<model-id>.yaml  one model's run on that suite
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from versus import checks, richtext
from versus.cache import DocumentCache, Entry
from versus.catalog import Catalog
from versus.fieldtypes import SLUG_PATTERN
from versus.problems import InputError, Problem
from versus.schema import ModelCard, Result, SiteConfig, Suite
from versus.validation import validate
from versus.yamlsource import Document, SourceMap, parse_yaml

CONFIG_FILE = "versus.yaml"
MODELS_DIR = "models"
EVALS_DIR = "evals"
SUITE_FILE = "suite.yaml"
MAX_FILE_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """One validated file: its id, model and source map."""

    id: str
    value: T
    source: SourceMap


class _Reader:
    """Reads and validates files under one root, collecting problems."""

    def __init__(
        self, root: Path, cache: DocumentCache, known: Mapping[str, str] | None = None
    ) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.cache = cache
        self.known = known or {}
        """Digests of the files' bytes read moments ago (:func:`versus.fingerprint.input_files`)."""
        self.digests: dict[str, str] = {}
        self.entries: dict[str, Entry] = {}

    def raw_html(self, text: str) -> list[str]:
        return self.cache.memoize("raw-html", text, richtext.raw_html)

    def name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read(self, path: Path) -> Document | None:
        name = self.name(path)
        digest = self.known.get(name)
        entry = self.cache.get(name, digest) if digest is not None else None
        if entry is not None:  # parsed before: no need to read the file a second time
            self.digests[name] = entry.digest
            self.entries[name] = entry
            return entry.document
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problems.append(
                    Problem(
                        name, 0, 0, (), f"the file is {size} bytes; the limit is {MAX_FILE_BYTES}"
                    )
                )
                return None
            raw = path.read_bytes()
        except OSError as error:
            self.problems.append(Problem(name, 0, 0, (), f"cannot read the file: {error.strerror}"))
            return None
        digest = hashlib.sha256(raw).hexdigest()
        self.digests[name] = digest
        entry = self.cache.get(name, digest)
        if entry is None:
            text = self._decode(raw, name)
            if text is None:
                return None
            try:
                entry = self.cache.put(name, digest, parse_yaml(text, name))
            except InputError as error:
                self.problems.extend(error.problems)
                return None
        self.entries[name] = entry
        return entry.document

    def _decode(self, raw: bytes, name: str) -> str | None:
        text = decode_text(raw, name)
        if isinstance(text, Problem):
            self.problems.append(text)
            return None
        return text

    def load(
        self, path: Path, model: type[M], id_: str
    ) -> tuple[Document | None, Loaded[M] | None]:
        """The parsed document (``None`` if it is not YAML) and the validated value."""
        document = self.read(path)
        if document is None:
            return None, None
        entry = self.entries[self.name(path)]
        if model.__name__ in entry.validated:
            value = entry.validated[model.__name__]
            problems = [] if value is not None else validate(model, document)[1]
        else:
            value, problems = validate(model, document)
            entry.validated[model.__name__] = value
            self.cache.touch(self.name(path), entry)
        self.problems.extend(problems)
        return document, None if value is None else Loaded(id_, value, document.source)

    def yaml_files(self, folder: Path) -> list[tuple[str, Path]]:
        """``(id, path)`` of each YAML file in ``folder``; bad names are problems."""
        found = []
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix not in YAML_SUFFIXES:
                self.problems.append(
                    Problem(
                        self.name(path),
                        0,
                        0,
                        (),
                        "not a YAML file; only .yaml (or .yml) files belong here",
                    )
                )
                continue
            if not _is_slug(path.stem):
                self.problems.append(
                    Problem(
                        self.name(path),
                        0,
                        0,
                        (),
                        f"the file name '{path.stem}' is not a valid id: use lowercase letters, "
                        "digits and single hyphens",
                        f"rename it to '{_suggest_slug(path.stem)}{path.suffix}'",
                    )
                )
                continue
            found.append((path.stem, path))
        return found


def decode_text(raw: bytes, name: str) -> str | Problem:
    """A file's bytes as text (UTF-8, a byte-order mark allowed), or why they are not."""
    if _looks_like_utf16(raw):
        return Problem(
            name,
            0,
            0,
            (),
            "not UTF-8 text: the file is encoded as UTF-16",
            "save the file as UTF-8",
        )
    if b"\x00" in raw:
        return Problem(name, 0, 0, (), "this is a binary file, not YAML text (it holds NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return Problem(
            name,
            line,
            column,
            (),
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded",
            "save the file as UTF-8",
        )


def _looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or text whose every other byte is zero."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(raw) < 8 or len(raw) % 2:
        return False
    even, odd = raw[0::2], raw[1::2]
    return (odd.count(0) == len(odd) and 0 not in even) or (
        even.count(0) == len(even) and 0 not in odd
    )


def _is_slug(text: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, text) is not None and len(text) <= 64


def _suggest_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


def load_project(
    root: Path, cache: DocumentCache | None = None, digests: Mapping[str, str] | None = None
) -> Catalog:
    """Load and check the whole project; raise :class:`InputError` with every problem.

    With a ``cache``, files whose bytes it has seen are not parsed again; call
    its ``save()`` afterwards to keep what this run parsed. ``digests`` are the
    SHA-256 of files just read (by POSIX path under ``root``): a file the cache
    knows by that digest is not read again.
    """
    reader = _Reader(root, cache if cache is not None else DocumentCache(None), digests)
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise InputError([Problem(CONFIG_FILE, 0, 0, (), f"no {CONFIG_FILE} in {root}")])
    _, config = reader.load(config_path, SiteConfig, "config")
    if config is not None:
        reader.problems.extend(checks.check_config(config.value, config.source))

    model_ids, cards = _load_models(reader, root / MODELS_DIR, config)
    suites, results = _load_evals(reader, root / EVALS_DIR, model_ids, cards)

    if reader.problems or config is None:
        raise InputError(reader.problems)
    return Catalog(
        config=config.value,
        models={id_: cards[id_] for id_ in sorted(cards)},
        suites={id_: suites[id_] for id_ in sorted(suites)},
        results={
            suite_id: {model_id: runs[model_id] for model_id in sorted(runs)}
            for suite_id, runs in sorted(results.items())
        },
        digests=dict(sorted(reader.digests.items())),
    )


def _load_models(
    reader: _Reader, folder: Path, config: Loaded[SiteConfig] | None
) -> tuple[set[str], dict[str, ModelCard]]:
    """Every model id that has a card file, and the cards that are valid."""
    if not folder.is_dir():
        reader.problems.append(Problem(MODELS_DIR, 0, 0, (), "no models/ folder"))
        return set(), {}
    files = reader.yaml_files(folder)
    loaded = []
    for model_id, path in files:
        document, card = reader.load(path, ModelCard, model_id)
        if document is not None:
            source = document.source
            reader.problems.extend(checks.check_model_id(model_id, source))
            reader.problems.extend(
                checks.check_markdown(document.data, ("description",), source, reader.raw_html)
            )
            if config is not None:
                reader.problems.extend(
                    checks.check_capability_ids(document.data, config.value, source)
                )
        if card is not None:
            loaded.append(card)
    reader.problems.extend(checks.check_unique([(c.id, c.source) for c in loaded], "model"))
    return {model_id for model_id, _ in files}, {card.id: card.value for card in loaded}


def _load_evals(
    reader: _Reader, folder: Path, model_ids: set[str], cards: dict[str, ModelCard]
) -> tuple[dict[str, Suite], dict[str, dict[str, Result]]]:
    suites: dict[str, Suite] = {}
    results: dict[str, dict[str, Result]] = {}
    if not folder.is_dir():
        return suites, results
    for suite_dir in sorted(
        p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
    ):
        suite_id = suite_dir.name
        if not _is_slug(suite_id):
            reader.problems.append(
                Problem(
                    reader.name(suite_dir),
                    0,
                    0,
                    (),
                    f"the folder name '{suite_id}' is not a valid id",
                    f"rename it to '{_suggest_slug(suite_id)}'",
                )
            )
            continue
        suite_path = suite_dir / SUITE_FILE
        if not suite_path.is_file():
            reader.problems.append(
                Problem(reader.name(suite_dir), 0, 0, (), f"an eval folder needs a {SUITE_FILE}")
            )
            continue
        suite_document, suite = reader.load(suite_path, Suite, suite_id)
        if suite_document is not None:
            reader.problems.extend(
                checks.check_markdown(
                    suite_document.data,
                    ("description", "methodology"),
                    suite_document.source,
                    reader.raw_html,
                )
            )
        if suite is not None:
            reader.problems.extend(checks.check_suite(suite.value, suite.source))
        runs = []
        for model_id, path in reader.yaml_files(suite_dir):
            if path.name == SUITE_FILE:
                continue
            document, run = reader.load(path, Result, model_id)
            source = document.source if document is not None else SourceMap(reader.name(path))
            reader.problems.extend(
                checks.check_result_refs(
                    model_id,
                    document.data if document is not None else None,
                    suite_id,
                    suite.value if suite is not None else None,
                    model_ids,
                    source,
                )
            )
            if run is None or suite is None:
                continue
            reader.problems.extend(
                checks.check_result_figures(run.value, suite.value, cards.get(model_id), run.source)
            )
            runs.append(run)
        reader.problems.extend(checks.check_unique([(r.id, r.source) for r in runs], "result"))
        if suite is not None:
            suites[suite_id] = suite.value
            results[suite_id] = {run.id: run.value for run in runs}
    return suites, results
