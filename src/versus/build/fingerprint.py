"""Fingerprinting the inputs of a build into a :class:`~versus.build.state.SiteState`.

Reads the templates (the project's ``templates/`` over the theme versus ships) and
versus's own code; everything else comes from the catalog's file digests. A page
kind depends on its template and every template that one includes, imports or
extends (found by Jinja's own parser), plus the fragment partials the renderer
calls for every kind, each as the project's file when it has one, else the theme's:
adding, editing or removing an override renders again the kinds it reaches.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

import versus
from versus.build.state import SiteState
from versus.inputs import theme as shipped
from versus.inputs.inputfiles import (
    MODELS_DIR,
    TEMPLATES_DIR,
    input_names,
    inspect,
    model_of,
    read_file,
)
from versus.inputs.problems import InputError, printable
from versus.site.kinds import KINDS, Registry
from versus.site.pairs import select

# The quick check of a no-op build (input_files, input_digest, code_fingerprint,
# theme_fingerprint) runs
# before Jinja, the loader or the page plan is imported: they are imported where used.
if TYPE_CHECKING:
    from versus.inputs.cache import DocumentCache
    from versus.inputs.catalog import Catalog

FRAGMENTS = (
    "partials/cell.html",
    "partials/matrix_cell.html",
    "partials/model_overview.html",
    "partials/row_end.html",
    "partials/row_head.html",
)
"""Partials rendered by :class:`~versus.site.render.Renderer`'s filters rather than included."""


def _hash(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(kinds: Registry = KINDS) -> str:
    """versus's own source and the kinds of file the site has: a new version of the
    generator, or a kind added to its registry, may write other files."""
    package = Path(versus.__file__).parent
    files = sorted(package.rglob("*.py"))
    return _hash(
        [
            *(
                part
                for path in files
                for part in (path.relative_to(package).as_posix(), path.read_bytes())
            ),
            kinds.signature(),
        ]
    )


_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
"""A literal template name after extends, include, import or from: what Jinja's parser
finds, save those in comments and raw blocks (checked against, never used alone)."""


def _references(value: object, source: str) -> list[str] | None:
    """Memoized references of ``source`` read back from the cache, if they are a list of
    names naming at least every template ``source`` plainly writes.

    The cache is not trusted: a list missing a template would leave pages of an edited
    template unrendered. A value found wanting is parsed again (and not kept).
    """
    from versus.inputs.cache import strings

    found = strings(value)
    if found is None or not set(_REFERENCE.findall(source)) <= set(found):
        return None
    return found


class TemplateGraph:
    """Which templates each template reaches, parsing each file once."""

    def __init__(self, templates: Path, cache: DocumentCache) -> None:
        import jinja2

        from versus.inputs.templateloader import TemplateLoader
        from versus.site.fragments import FragmentCache

        self.templates = templates
        self.root = templates.parent
        self.cache = cache
        self.loader = TemplateLoader(templates)
        self.env = jinja2.Environment(loader=self.loader, extensions=[FragmentCache])
        self.references: dict[str, list[str]] = {}
        self.hashes: dict[str, str] = {}

    def _referenced(self, name: str) -> list[str]:
        import jinja2

        if name not in self.references:
            try:
                source = self.loader.get_source(self.env, name)[0]
            except (jinja2.TemplateNotFound, InputError):
                source = ""  # the render step reports a missing or unreadable template
            self.references[name] = self.cache.memoize(
                "template-references", source, self._parse, lambda value: _references(value, source)
            )
        return self.references[name]

    def _parse(self, source: str) -> list[str]:
        import jinja2.meta

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
                self.hashes[template] = self._template_hash(template)
            parts += [template, self.hashes[template]]
        return _hash(parts)

    def _template_hash(self, template: str) -> str:
        """The digest of the file ``template`` is read from: the project's, when it has
        one (readable or not, as the loader reads it), else the theme's."""
        name = f"{TEMPLATES_DIR}/{template}"
        if inspect(self.root, name) is not None:
            return _file_hash(self.root, name)
        data = shipped.read(template, Path(self.loader.theme))
        return hashlib.sha256(data).hexdigest() if data is not None else "missing"


def input_files(root: Path) -> dict[str, str]:
    """The SHA-256 of every file a build reads under ``root``, by POSIX path, in name order.

    Hidden files and folders are left out, as the loader leaves them out (an editor's
    swap file is no input). Hashing costs far less than parsing; the loader takes these
    digests instead of reading each file a second time.
    """
    names, refused = input_names(root)
    # Named as they print: a name that is not UTF-8 is a problem of its own, not a crash here.
    files = {printable(name): _file_hash(root, name) for name in names}
    # A file versus will not read is an input too: the loader, the renderer or the assets
    # report it, and the build that does must not be skipped as one with nothing new.
    files.update((problem.file, _refused(problem.message)) for problem in refused)
    return dict(sorted(files.items()))


def theme_fingerprint() -> str:
    """The theme's files (:mod:`versus.inputs.theme`): edited in a working copy of versus,
    they change pages though versus's Python code is the same."""
    return _hash(part for item in shipped.digests().items() for part in item)


def input_digest(files: Mapping[str, str], built: date | None, code: str, theme: str = "") -> str:
    """One digest of every input file (:func:`input_files`), versus's code and theme
    (:func:`theme_fingerprint`) and the build date."""
    parts: list[str] = [code, theme, built.isoformat() if built else ""]
    for name, digest in files.items():
        parts += [name, digest]
    return _hash(parts)


def _file_hash(root: Path, name: str) -> str:
    """The SHA-256 of an input file, read as every input is (:mod:`versus.inputs.inputfiles`)."""
    data = read_file(root, name)
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    return _refused(data.message)


def _refused(why: str) -> str:
    """What stands for the digest of a file that is not read: no digest, so no cache
    entry is found by it, and another one when the reason changes."""
    return f"refused: {why}"


def _dated(catalog: Catalog, model_id: str) -> tuple[str, str]:
    """A model's id and the date of its data, as the sitemap prints it."""
    from versus.join.profiles import updated

    results = [r for runs in catalog.results.values() if (r := runs.get(model_id)) is not None]
    when = updated(catalog.models[model_id], results)
    return model_id, when.iso() if when is not None else ""


def _prompt_outcomes(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Suite id -> prompt id -> a digest of every model's outcome of that prompt, and of
    which models have a result on the suite and which give outcomes (the page says why a
    model has no verdict), for the suites that list prompts: a prompt's page is stale when
    its digest changes."""
    found: dict[str, dict[str, str]] = {}
    for suite_id, prompts in catalog.prompts.items():
        runs = [
            sorted(catalog.results.get(suite_id, {})),
            sorted(catalog.outcomes.get(suite_id, {})),
        ]
        parts: dict[str, list[object]] = {prompt_id: [runs] for prompt_id in prompts}
        for model_id, outcomes in sorted(catalog.outcomes.get(suite_id, {}).items()):
            for prompt_id, outcome in zip(outcomes, map(tuple, outcomes.values()), strict=True):
                parts[prompt_id] += (model_id, outcome)
        # one JSON text per prompt, made in C: tens of thousands of outcomes at every build
        found[suite_id] = {
            prompt_id: hashlib.sha256(orjson.dumps(shown)).hexdigest()
            for prompt_id, shown in parts.items()
        }
    return found


def site_state(
    catalog: Catalog,
    root: Path,
    built: date | None,
    assets: Mapping[str, bytes],
    cache: DocumentCache | None = None,
    inputs: str = "",
    code: str = "",
    kinds: Registry = KINDS,
) -> SiteState:
    from versus.inputs.cache import DocumentCache

    graph = TemplateGraph(root / TEMPLATES_DIR, cache or DocumentCache(None))
    templates = kinds.templates()
    fingerprints = {kind: graph.fingerprint(name) for kind, name in templates.items()}
    digests = catalog.digests
    shared: list[tuple[str, str]] = []
    per_model: dict[str, list[str]] = {model_id: [] for model_id in catalog.models}
    results: dict[str, list[str]] = {model_id: [] for model_id in catalog.models}
    for name, digest in digests.items():
        model_id = model_of(name)
        if model_id is None:
            shared.append((name, digest))
        elif model_id in per_model:
            per_model[model_id] += [name, digest]
            if not name.startswith(f"{MODELS_DIR}/"):
                results[model_id] += [name, digest]
    shared.sort()
    models = {model_id: _hash(sorted(parts)) for model_id, parts in per_model.items()}

    def but(cards: Mapping[str, str]) -> dict[str, str]:
        """Each model's digest with its card file's giving way to ``cards``' digest of what
        is left of the card (its facts, or what a listing reads of it)."""
        return {
            model_id: _hash(sorted(["card", cards[model_id], *results[model_id]]))
            if model_id in cards
            else whole
            for model_id, whole in models.items()
        }

    return SiteState(
        code=_hash([code or code_fingerprint(kinds), built.isoformat() if built else ""]),
        data=_hash(part for pair in shared for part in pair),
        kinds=fingerprints,
        models=models,
        facts=but(catalog.card_facts),
        listed=but(catalog.card_listed),
        names=_hash(
            part for model_id, card in catalog.models.items() for part in (model_id, card.name)
        ),
        dates=_hash(part for model_id in catalog.models for part in _dated(catalog, model_id)),
        assets={name: hashlib.sha256(data).hexdigest() for name, data in sorted(assets.items())},
        inputs=inputs,
        suites=tuple(sorted(catalog.suites)),
        prompts=catalog.prompt_ids(),
        outcomes=_prompt_outcomes(catalog),
        pairs=select(catalog).groups,
    )
