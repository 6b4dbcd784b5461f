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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

# A no-op build reads a recorded SiteState before the page plan (and the schemas under
# it) is imported: changes() imports what it uses.
if TYPE_CHECKING:
    from versus.site.pages import PageKind, PageSpec


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
    dates: str
    """Every model's id and the date of its data: the sitemap's ``<lastmod>`` dates, all
    that it prints of the models."""
    assets: Mapping[str, str] = field(default_factory=dict)
    """Asset path -> its bytes."""
    inputs: str = ""
    """Every input file's bytes, the code and the build options, in one digest: when it
    matches, nothing changed and a build has nothing to read, check or write."""
    suites: tuple[str, ...] = ()
    """Every suite's id, in order: the plan has a CSV file per suite (see
    :func:`versus.site.pages.plan_for`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "data": self.data,
            "kinds": dict(self.kinds),
            "models": dict(self.models),
            "names": self.names,
            "dates": self.dates,
            "assets": dict(self.assets),
            "inputs": self.inputs,
            "suites": list(self.suites),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SiteState:
        return cls(
            code=str(data["code"]),
            data=str(data["data"]),
            kinds=dict(data["kinds"]),
            models=dict(data["models"]),
            names=str(data["names"]),
            dates=str(data["dates"]),
            assets=dict(data["assets"]),
            inputs=str(data.get("inputs", "")),
            # Required: a state written before suites were recorded is no known state,
            # and its tree is rebuilt in full.
            suites=tuple(str(suite) for suite in data["suites"]),
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


def _global_changed(old: SiteState, new: SiteState, kind: PageKind) -> bool:
    return (
        old.code != new.code or old.data != new.data or old.kinds.get(kind) != new.kinds.get(kind)
    )


def _data_changed(old: SiteState, new: SiteState) -> bool:
    """Whether every data file (no template) may change: the code, the config or a suite."""
    return old.code != new.code or old.data != new.data


def changes(old: SiteState | None, new: SiteState) -> Changes:
    """The pages, assets and removals that turn a tree in state ``old`` into ``new``.

    With no ``old`` (an empty or unknown tree) every page and asset is written.
    Otherwise the work is proportional to what changed: the pairs of a changed
    model, not every pair. The data files of :mod:`versus.site.export` follow the
    page they belong to, minus the templates: a pair's JSON and CSVs change
    with its two models, the config, the suites and the code; ``models.json``,
    ``llms.txt`` and the leaderboards' CSVs with any model, like the index.
    """
    from versus.join import compare
    from versus.site.pages import (
        SINGLE_PAGES,
        SITE_FILES,
        leaderboard_csv_spec,
        model_csv_spec,
        model_spec,
        pair_data_specs,
        pair_spec,
        plan_for,
        sitemap_part_spec,
        sitemap_parts,
    )

    if old is None:
        return Changes(tuple(plan_for(new.models, new.suites)), tuple(sorted(new.assets)), ())
    ids = sorted(new.models)
    touched = {
        m for m in new.models.keys() | old.models.keys() if old.models.get(m) != new.models.get(m)
    }
    names_changed = old.names != new.names
    data_changed = _data_changed(old, new)
    suites = new.suites
    pages: list[PageSpec] = []
    if _global_changed(old, new, "index") or touched or names_changed:
        pages.append(SINGLE_PAGES[0])
    # the leaderboards' CSVs next to the index, which shows the same boards: one worker
    # ranks the models once for all of them
    if data_changed or touched or names_changed:
        pages += [leaderboard_csv_spec(suite) for suite in suites]
    for spec in SITE_FILES:  # the compare page lists every model by name; the data holds all
        if (
            _global_changed(old, new, spec.kind)
            or names_changed
            or (touched and spec.kind != "compare")
        ):
            pages.append(spec)
    for model_id in ids:
        if _global_changed(old, new, "model") or names_changed or model_id in touched:
            pages.append(model_spec(model_id))
        if data_changed or model_id in touched:
            pages += [model_csv_spec(model_id, suite) for suite in suites]
    pair_pages = _global_changed(old, new, "pair")
    if pair_pages or data_changed:
        pairs = list(compare.pairs(ids))
    else:
        pairs = sorted(
            {(min(m, x), max(m, x)) for m in touched if m in new.models for x in ids if x != m}
        )
    for a, b in pairs:  # each pair's files together, as in the plan
        if pair_pages or a in touched or b in touched:
            pages.append(pair_spec(a, b))
        if data_changed or a in touched or b in touched:
            pages += pair_data_specs(a, b)
    ids_changed = old.models.keys() != new.models.keys()
    dates_changed = old.dates != new.dates
    parts = [sitemap_part_spec(part) for part in range(1, sitemap_parts(len(ids)) + 1)]
    for spec in [*SINGLE_PAGES[1:], *parts]:
        if _global_changed(old, new, spec.kind) or (
            spec.kind in ("sitemap", "sitemap-part") and (ids_changed or dates_changed)
        ):
            pages.append(spec)
    gone = sorted(old.models.keys() - new.models.keys())
    old_ids = sorted(old.models)
    if old.suites != new.suites:  # CSV files come and go with suites; every page changes anyway
        kept = {spec.path for spec in plan_for(new.models, new.suites)}
        removed = {s.path for s in plan_for(old.models, old.suites) if s.path not in kept}
    else:
        removed = {spec.path for m in gone for spec in (model_spec(m), *_model_csvs(m, suites))}
        removed |= {
            spec.path
            for m in gone
            for x in old_ids
            if x != m
            for spec in (pair_spec(m, x), *pair_data_specs(m, x))
        }
        removed |= {
            sitemap_part_spec(part).path
            for part in range(sitemap_parts(len(ids)) + 1, sitemap_parts(len(old_ids)) + 1)
        }
    removed |= {path for path in old.assets if path not in new.assets}
    assets = [path for path, digest in new.assets.items() if old.assets.get(path) != digest]
    return Changes(tuple(pages), tuple(sorted(assets)), tuple(sorted(removed)))


def _model_csvs(model_id: str, suites: tuple[str, ...]) -> list[PageSpec]:
    from versus.site.pages import model_csv_spec

    return [model_csv_spec(model_id, suite) for suite in suites]
