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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from versus.inputs import checks, inputfiles, richtext
from versus.inputs.cache import DocumentCache, Entry, strings
from versus.inputs.catalog import Catalog
from versus.inputs.fieldtypes import is_slug, suggest_slug
from versus.inputs.inputfiles import (  # the names of a project's files, known to scaffold too
    CONFIG_FILE as CONFIG_FILE,
)
from versus.inputs.inputfiles import EVALS_DIR as EVALS_DIR
from versus.inputs.inputfiles import MODELS_DIR as MODELS_DIR
from versus.inputs.inputfiles import SUITE_FILE as SUITE_FILE
from versus.inputs.inputfiles import YAML_SUFFIXES as YAML_SUFFIXES
from versus.inputs.inputfiles import Kind, decode_text
from versus.inputs.problems import InputError, Problem, printable
from versus.inputs.schema import ModelCard, Result, SiteConfig, Suite
from versus.inputs.validation import validate
from versus.inputs.yamlsource import Document, SourceMap, parse_yaml

MAX_FILE_BYTES = inputfiles.MAX_YAML_BYTES

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
        """Digests of the files' bytes read moments ago (:func:`versus.build.fingerprint.input_files`)."""
        self.digests: dict[str, str] = {}
        self.entries: dict[str, Entry] = {}

    def raw_html(self, text: str) -> list[str]:
        return self.cache.memoize("raw-html", text, richtext.raw_html, strings)

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
        raw = inputfiles.read_file(self.root, name, MAX_FILE_BYTES)
        if isinstance(raw, Problem):
            self.problems.append(raw)
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
        # Validated on every run, cached or not: the cache holds plain data only, which
        # must pass the schema as the file would (far cheaper than parsing it).
        value, problems = validate(model, document)
        self.problems.extend(problems)
        return document, None if value is None else Loaded(id_, value, document.source)

    def yaml_files(self, folder: Path, kind: str = "card") -> list[tuple[str, Path]]:
        """``(id, path)`` of each YAML file in ``folder``; bad names are problems, and so
        is a folder named like one (``kind`` is what such a file holds)."""
        found = []
        entries, refused = inputfiles.list_folder(self.root, self.name(folder))
        self.problems.extend(refused)
        for name, entry in entries:
            path = self.root / name
            if entry is Kind.FOLDER:
                if path.suffix in YAML_SUFFIXES:
                    self.problems.append(
                        Problem.of_file(
                            printable(name),
                            f"a folder, not a file: a {kind} is one YAML file",
                        )
                    )
                continue
            if path.suffix not in YAML_SUFFIXES:
                self.problems.append(
                    Problem.of_file(
                        printable(name),
                        "not a YAML file; only .yaml (or .yml) files belong here",
                    )
                )
                continue
            if not is_slug(path.stem):
                self.problems.append(
                    Problem.of_file(
                        printable(name),
                        f"the file name '{path.stem}' is not a valid id: use lowercase letters, "
                        "digits and single hyphens",
                        f"rename it to '{_suggest_slug(path.stem)}{path.suffix}'",
                    )
                )
                continue
            found.append((path.stem, path))
        return found


def _suggest_slug(text: str) -> str:
    return suggest_slug(text) or "model"


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
    config_kind = inputfiles.inspect(root, CONFIG_FILE)
    if config_kind is None:
        raise InputError([Problem.of_file(CONFIG_FILE, f"no {CONFIG_FILE} in {root}")])
    config: Loaded[SiteConfig] | None = None
    if config_kind is Kind.FILE:
        _, config = reader.load(config_path, SiteConfig, "config")
    else:
        reader.problems.append(
            config_kind
            if isinstance(config_kind, Problem)
            else Problem.of_file(
                CONFIG_FILE, "a folder, not a file: the site's config is one YAML file"
            )
        )
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
    kind = inputfiles.inspect(reader.root, MODELS_DIR)
    if kind is not Kind.FOLDER:
        problem = Problem.of_file(MODELS_DIR, "no models/ folder")
        reader.problems.append(kind if isinstance(kind, Problem) else problem)
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
    reader.problems.extend(checks.check_pair_paths({id_: reader.name(p) for id_, p in files}))
    return {model_id for model_id, _ in files}, {card.id: card.value for card in loaded}


def _load_evals(
    reader: _Reader, folder: Path, model_ids: set[str], cards: dict[str, ModelCard]
) -> tuple[dict[str, Suite], dict[str, dict[str, Result]]]:
    suites: dict[str, Suite] = {}
    results: dict[str, dict[str, Result]] = {}
    kind = inputfiles.inspect(reader.root, EVALS_DIR)
    if isinstance(kind, Problem):
        reader.problems.append(kind)
    if kind is not Kind.FOLDER:
        return suites, results
    entries, refused = inputfiles.list_folder(reader.root, EVALS_DIR)
    reader.problems.extend(refused)
    for suite_dir in (reader.root / name for name, entry in entries if entry is Kind.FOLDER):
        suite_id = suite_dir.name
        if not is_slug(suite_id):
            reader.problems.append(
                Problem.of_file(
                    reader.name(suite_dir),
                    f"the folder name '{suite_id}' is not a valid id",
                    f"rename it to '{_suggest_slug(suite_id)}'",
                )
            )
            continue
        suite_path = suite_dir / SUITE_FILE
        suite_kind = inputfiles.inspect(reader.root, reader.name(suite_path))
        if suite_kind is not Kind.FILE:
            reader.problems.append(
                suite_kind
                if isinstance(suite_kind, Problem)
                else Problem.of_file(
                    reader.name(suite_path),
                    "a folder, not a file: a suite is one YAML file",
                )
                if suite_kind is Kind.FOLDER
                else Problem.of_file(reader.name(suite_dir), f"an eval folder needs a {SUITE_FILE}")
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
        for model_id, path in reader.yaml_files(suite_dir, "result"):
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
