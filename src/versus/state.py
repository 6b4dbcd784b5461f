"""What a built tree is built from, and which pages differ between two such states.

A :class:`SiteState` fingerprints every input of a build: the code, the config
and suites, each page kind's templates, each model (its card and results) and
the assets. The build is deterministic, so a tree's state fixes its bytes, and
a page's key is a few of those fingerprints. Comparing two states tells which
pages to render, which to keep and which to delete, without storing anything
per page: the work is proportional to what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from versus import compare
from versus.pages import (
    SINGLE_PAGES,
    PageKind,
    PageSpec,
    model_spec,
    pair_spec,
    plan_for,
    sitemap_part_spec,
    sitemap_parts,
)


@dataclass(frozen=True)
class SiteState:
    code: str
    """The versus code and the build options (such as the printed date)."""
    data: str
    """The site config and every suite: what all pages of every kind depend on."""
    kinds: Mapping[str, str]
    """Page kind -> its templates (a template and all it includes or extends)."""
    models: Mapping[str, str]
    """Model id -> its card and results."""
    names: str
    """Every model's id and name: model pages list all the others by name."""
    assets: Mapping[str, str] = field(default_factory=dict)
    """Asset path -> its bytes."""
    inputs: str = ""
    """Every input file's bytes, the code and the build options, in one digest: when it
    matches, nothing changed and a build has nothing to read, check or write."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SiteState:
        return cls(
            code=str(data["code"]),
            data=str(data["data"]),
            kinds=dict(data["kinds"]),
            models=dict(data["models"]),
            names=str(data["names"]),
            assets=dict(data["assets"]),
            inputs=str(data.get("inputs", "")),
        )


@dataclass(frozen=True)
class Changes:
    """How to turn a tree of one state into a tree of another."""

    pages: tuple[PageSpec, ...]
    """Pages of the new state whose bytes differ from (or are missing in) the old tree."""
    assets: tuple[str, ...]
    """Asset files to write."""
    removed: tuple[str, ...]
    """Files of the old tree the new one does not have."""

    @property
    def empty(self) -> bool:
        return not (self.pages or self.assets or self.removed)


def _global_changed(old: SiteState, new: SiteState, kind: PageKind) -> bool:
    return (
        old.code != new.code or old.data != new.data or old.kinds.get(kind) != new.kinds.get(kind)
    )


def changes(old: SiteState | None, new: SiteState) -> Changes:
    """The pages, assets and removals that turn a tree in state ``old`` into ``new``.

    With no ``old`` (an empty or unknown tree) every page and asset is written.
    Otherwise the work is proportional to what changed: the pairs of a changed
    model, not every pair.
    """
    if old is None:
        return Changes(tuple(plan_for(new.models)), tuple(sorted(new.assets)), ())
    ids = sorted(new.models)
    touched = {
        m for m in new.models.keys() | old.models.keys() if old.models.get(m) != new.models.get(m)
    }
    names_changed = old.names != new.names
    pages: list[PageSpec] = []
    if _global_changed(old, new, "index") or touched or names_changed:
        pages.append(SINGLE_PAGES[0])
    for model_id in ids:
        if _global_changed(old, new, "model") or names_changed or model_id in touched:
            pages.append(model_spec(model_id))
    if _global_changed(old, new, "pair"):
        pages += [pair_spec(a, b) for a, b in compare.pairs(ids)]
    else:
        pairs = {(min(m, x), max(m, x)) for m in touched if m in new.models for x in ids if x != m}
        pages += [pair_spec(a, b) for a, b in sorted(pairs)]
    ids_changed = old.models.keys() != new.models.keys()
    parts = [sitemap_part_spec(part) for part in range(1, sitemap_parts(len(ids)) + 1)]
    for spec in [*SINGLE_PAGES[1:], *parts]:
        if _global_changed(old, new, spec.kind) or (
            spec.kind in ("sitemap", "sitemap-part") and ids_changed
        ):
            pages.append(spec)
    gone = sorted(old.models.keys() - new.models.keys())
    old_ids = sorted(old.models)
    removed = {model_spec(m).path for m in gone}
    removed |= {pair_spec(m, x).path for m in gone for x in old_ids if x != m}
    removed |= {path for path in old.assets if path not in new.assets}
    removed |= {
        sitemap_part_spec(part).path
        for part in range(sitemap_parts(len(ids)) + 1, sitemap_parts(len(old_ids)) + 1)
    }
    assets = [path for path, digest in new.assets.items() if old.assets.get(path) != digest]
    return Changes(tuple(pages), tuple(sorted(assets)), tuple(sorted(removed)))
