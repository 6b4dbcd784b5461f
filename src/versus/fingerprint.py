"""Fingerprinting the inputs of a build into a :class:`~versus.state.SiteState`.

Reads the templates and versus's own code; everything else comes from the
catalog's file digests. A page kind depends on its template and every template
that one includes, imports or extends (found by Jinja's own parser), plus the
fragment partials the renderer calls for every kind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

import jinja2
import jinja2.meta

import versus
from versus.cache import DocumentCache
from versus.catalog import Catalog
from versus.fragments import FragmentCache
from versus.pages import TEMPLATES
from versus.profiles import updated
from versus.state import SiteState

FRAGMENTS = (
    "partials/cell.html",
    "partials/matrix_cell.html",
    "partials/model_overview.html",
    "partials/row_end.html",
    "partials/row_head.html",
)
"""Partials rendered by :class:`~versus.render.Renderer`'s filters rather than included."""


def _hash(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint() -> str:
    """versus's own source: a new version of the generator may write other bytes."""
    package = Path(versus.__file__).parent
    files = sorted(package.rglob("*.py"))
    return _hash(part for path in files for part in (path.name, path.read_bytes()))


class TemplateGraph:
    """Which templates each template reaches, parsing each file once."""

    def __init__(self, templates: Path, cache: DocumentCache) -> None:
        self.templates = templates
        self.cache = cache
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates), extensions=[FragmentCache]
        )
        self.references: dict[str, list[str]] = {}
        self.hashes: dict[str, str] = {}

    def _referenced(self, name: str) -> list[str]:
        if name not in self.references:
            try:
                source = (self.templates / name).read_text(encoding="utf-8")
            except OSError:
                source = ""  # the render step reports a missing template
            self.references[name] = self.cache.memoize("template-references", source, self._parse)
        return self.references[name]

    def _parse(self, source: str) -> list[str]:
        try:
            found = jinja2.meta.find_referenced_templates(self.env.parse(source))
        except jinja2.TemplateSyntaxError:
            return []  # the render step reports it with its position
        return [ref for ref in found if ref is not None]

    def closure(self, name: str) -> list[str]:
        """``name`` and every template it reaches through extends, include and import."""
        found: set[str] = set()
        pending = [name, *FRAGMENTS]
        while pending:
            current = pending.pop()
            if current not in found:
                found.add(current)
                pending.extend(self._referenced(current))
        return sorted(found)

    def fingerprint(self, name: str) -> str:
        parts = []
        for template in self.closure(name):
            if template not in self.hashes:
                self.hashes[template] = _file_hash(f"{self.templates}/{template}")
            parts += [template, self.hashes[template]]
        return _hash(parts)


INPUT_PARTS = ("versus.yaml", "models", "evals", "templates")


def input_files(root: Path) -> dict[str, str]:
    """The SHA-256 of every file a build reads under ``root``, by POSIX path, in name order.

    Hidden files and folders are left out, as the loader leaves them out (an editor's
    swap file is no input). Reading and hashing a few hundred small files takes a few
    milliseconds, far less than parsing them; the loader takes these digests instead
    of reading each file a second time.
    """
    top = str(root)
    names: list[str] = []
    for part in INPUT_PARTS:
        path = f"{top}/{part}"
        if os.path.isfile(path):
            names.append(part)
            continue
        seen: set[str] = set()  # folders reached through links, each walked once: no loops
        for folder, folders, files in os.walk(path, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                folders[:] = []
                continue
            seen.add(real)
            folders[:] = [name for name in folders if not name.startswith(".")]
            relative = folder[len(top) + 1 :]
            names += [f"{relative}/{name}" for name in files if not name.startswith(".")]
    return {name: _file_hash(f"{top}/{name}") for name in sorted(names)}


def input_digest(files: Mapping[str, str], built: date | None, code: str) -> str:
    """One digest of every input file (:func:`input_files`), versus's code and the build date."""
    parts: list[str] = [code, built.isoformat() if built else ""]
    for name, digest in files.items():
        parts += [name, digest]
    return _hash(parts)


def _file_hash(path: str) -> str:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return "missing"
    digest = hashlib.sha256()
    try:
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
    except OSError:
        return "missing"
    finally:
        os.close(handle)
    return digest.hexdigest()


def _dated(catalog: Catalog, model_id: str) -> tuple[str, str]:
    """A model's id and the date of its data, as the sitemap prints it."""
    results = [r for runs in catalog.results.values() if (r := runs.get(model_id)) is not None]
    when = updated(catalog.models[model_id], results)
    return model_id, when.iso() if when is not None else ""


def site_state(
    catalog: Catalog,
    root: Path,
    built: date | None,
    assets: Mapping[str, bytes],
    cache: DocumentCache | None = None,
    inputs: str = "",
    code: str = "",
) -> SiteState:
    graph = TemplateGraph(root / "templates", cache or DocumentCache(None))
    kinds: dict[str, str] = {kind: graph.fingerprint(name) for kind, name in TEMPLATES.items()}
    digests = catalog.digests
    shared = sorted(
        (name, digest)
        for name, digest in digests.items()
        if not name.startswith("models/") and (name.count("/") != 2 or name.endswith("/suite.yaml"))
    )
    per_model: dict[str, list[str]] = {model_id: [] for model_id in catalog.models}
    for name, digest in digests.items():
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        is_card = name.startswith("models/")
        is_result = (
            name.startswith("evals/") and name.count("/") == 2 and not name.endswith("/suite.yaml")
        )
        if (is_card or is_result) and stem in per_model:
            per_model[stem] += [name, digest]
    return SiteState(
        code=_hash([code or code_fingerprint(), built.isoformat() if built else ""]),
        data=_hash(part for pair in shared for part in pair),
        kinds=kinds,
        models={model_id: _hash(sorted(parts)) for model_id, parts in per_model.items()},
        names=_hash(
            part for model_id, card in catalog.models.items() for part in (model_id, card.name)
        ),
        dates=_hash(part for model_id in catalog.models for part in _dated(catalog, model_id)),
        assets={name: hashlib.sha256(data).hexdigest() for name, data in sorted(assets.items())},
        inputs=inputs,
        suites=tuple(sorted(catalog.suites)),
    )
