"""Fingerprinting the inputs of a build into a :class:`~versus.state.SiteState`.

Reads the templates and versus's own code; everything else comes from the
catalog's file digests. A page kind depends on its template and every template
that one includes, imports or extends (found by Jinja's own parser), plus the
fragment partials the renderer calls for every kind.
"""

from __future__ import annotations

import hashlib
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
                self.hashes[template] = _file_hash(self.templates / template)
            parts += [template, self.hashes[template]]
        return _hash(parts)


INPUT_PARTS = ("versus.yaml", "models", "evals", "templates")


def input_digest(root: Path, built: date | None) -> str:
    """One digest of every file a build reads, versus's code and the build date.

    Hidden files are left out, as the loader leaves them out (an editor's swap
    file is no input). Reading and hashing a few hundred small files takes a few
    milliseconds: far less than parsing them.
    """
    files: list[Path] = []
    for part in INPUT_PARTS:
        path = root / part
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += (
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(piece.startswith(".") for piece in p.relative_to(root).parts)
            )
    names = sorted(files)
    parts: list[str | bytes] = [code_fingerprint(), built.isoformat() if built else ""]
    for path in names:
        parts += [path.relative_to(root).as_posix(), _file_hash(path)]
    return _hash(parts)


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def site_state(
    catalog: Catalog,
    root: Path,
    built: date | None,
    assets: Mapping[str, bytes],
    cache: DocumentCache | None = None,
    inputs: str = "",
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
        code=_hash([code_fingerprint(), built.isoformat() if built else ""]),
        data=_hash(part for pair in shared for part in pair),
        kinds=kinds,
        models={model_id: _hash(sorted(parts)) for model_id, parts in per_model.items()},
        names=_hash(
            part for model_id, card in catalog.models.items() for part in (model_id, card.name)
        ),
        assets={name: hashlib.sha256(data).hexdigest() for name, data in sorted(assets.items())},
        inputs=inputs,
        suites=tuple(sorted(catalog.suites)),
    )
