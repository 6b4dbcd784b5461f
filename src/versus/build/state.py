"""What a built tree is built from, and which pages differ between two such states.

A :class:`SiteState` fingerprints every input of a build: the code, the config
and suites, each page kind's templates, each model (its card and results) and
the assets. The build is deterministic, so a tree's state fixes its bytes, and
a page's key is a few of those fingerprints. Comparing two states tells which
pages to render, which to keep and which to delete, without storing anything
per page: the work is proportional to what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Light: a no-op build reads a recorded SiteState without the views and the schemas.
from versus.site.kinds import KINDS, Group, Kind, PageSpec, Reads, Registry
from versus.site.pairs import PairSelection
from versus.site.plan import plan_for, prompt_count, sitemap_parts


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
    :func:`versus.site.plan.plan_for`)."""
    prompts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Suite id -> its prompts' ids, for the suites that list them: the plan has a page
    per prompt."""
    outcomes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Suite id -> prompt id -> every model's outcome of that prompt: what a prompt's page
    shows of the models besides their names."""
    facts: Mapping[str, str] = field(default_factory=dict)
    """Model id -> its card but the description, and its results."""
    listed: Mapping[str, str] = field(default_factory=dict)
    """Model id -> its card but its prose (summary and description), and its results."""
    pairs: tuple[tuple[str, ...], ...] | None = None
    """The groups of :class:`~versus.site.pairs.PairSelection`: which pairs have a page (a
    setting, and with ``top`` the leaderboards, choose them); ``None``, every pair."""
    search: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Search file path -> its bytes' digest: the search index the tree holds, made from its
    pages after they are written (:mod:`versus.build.search`); not compared, as it is known
    only after the pages are."""
    search_pages: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Searched page -> what Pagefind read of it (:func:`versus.build.search.searched_digest`)
    when it made :attr:`search`: the index is made again only when one of them changes."""
    search_tool: str = field(default="", compare=False)
    """The Pagefind that made :attr:`search`; empty when the tree has no search index."""
    size: tuple[int, int, str] | None = field(default=None, compare=False)
    """What the tree weighs, as the build wrote it: its bytes, and the size and path of its
    largest file (:class:`versus.build.hosts.SiteSize`); ``None`` when not known."""

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
            "prompts": {suite: list(ids) for suite, ids in self.prompts.items()},
            "outcomes": {suite: dict(digests) for suite, digests in self.outcomes.items()},
            "facts": dict(self.facts),
            "listed": dict(self.listed),
            "pairs": None if self.pairs is None else [list(group) for group in self.pairs],
            "search": dict(self.search),
            "search_pages": dict(self.search_pages),
            "search_tool": self.search_tool,
            "size": None if self.size is None else list(self.size),
        }

    def selection(self) -> PairSelection:
        """The pairs that have a page."""
        if self.pairs is None:
            return PairSelection.every(self.models)
        return PairSelection(self.pairs)

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
            prompts={
                str(suite): tuple(str(p) for p in ids)
                for suite, ids in data.get("prompts", {}).items()
            },
            outcomes={
                str(suite): {str(p): str(d) for p, d in digests.items()}
                for suite, digests in data.get("outcomes", {}).items()
            },
            # a state without them: every model's facts count as changed
            facts={str(m): str(d) for m, d in data.get("facts", {}).items()},
            listed={str(m): str(d) for m, d in data.get("listed", {}).items()},
            # a state without them had a page for every pair
            pairs=None
            if data.get("pairs") is None
            else tuple(tuple(str(m) for m in group) for group in data["pairs"]),
            search={str(path): str(d) for path, d in data.get("search", {}).items()},
            search_pages={str(p): str(d) for p, d in data.get("search_pages", {}).items()},
            search_tool=str(data.get("search_tool", "")),
            size=_size(data.get("size")),
        )


def _size(value: object) -> tuple[int, int, str] | None:
    """A recorded :attr:`SiteState.size`; ``None`` for anything else."""
    if isinstance(value, list) and len(value) == 3:
        total, largest, path = value
        if type(total) is int and type(largest) is int and isinstance(path, str):
            return (total, largest, path)
    return None


@dataclass(frozen=True)
class Changes:
    """How to turn a tree of one state into a tree of another."""

    pages: tuple[PageSpec, ...]
    """Pages of the new state whose bytes differ from (or are missing in) the old tree."""
    assets: tuple[str, ...]
    """Asset files to write."""
    removed: tuple[str, ...]
    """Files of the old tree the new one does not have."""


def changes(old: SiteState | None, new: SiteState, kinds: Registry = KINDS) -> Changes:
    """The pages, assets and removals that turn a tree in state ``old`` into ``new``.

    With no ``old`` (an empty or unknown tree) every page and asset is written.
    Otherwise each kind of the registry says what its files read
    (:class:`~versus.site.kinds.Reads`): a file is stale when the code, the config,
    a suite or its kind's templates changed, or what it reads did. The work is
    proportional to what changed: the pairs of a changed model, not every pair.
    """
    if old is None:
        return Changes(
            tuple(plan_for(new.models, new.suites, kinds, new.prompts)),
            tuple(sorted(new.assets)),
            (),
        )
    stale = _Staleness.between(old, new, kinds)
    parts = sitemap_parts(
        len(new.models), len(new.suites), kinds, prompt_count(new.prompts), len(new.selection())
    )
    pages = [
        *_site_pages(old, new, kinds, stale, parts),
        *_model_pages(new, kinds, stale, parts),
        *_pair_pages(old, new, kinds, stale, parts),
    ]
    removed = _removed(old, new, kinds)
    removed |= {path for path in old.assets if path not in new.assets}
    assets = [path for path, digest in new.assets.items() if old.assets.get(path) != digest]
    return Changes(tuple(pages), tuple(sorted(assets)), tuple(sorted(removed)))


@dataclass(frozen=True)
class _Staleness:
    """Which files of which kinds differ between two states, by what they read."""

    everything: frozenset[str]
    """The kinds whose every file is stale, whichever models it is about."""
    own: frozenset[str]
    """The kinds whose files read their own models' cards and results."""
    own_facts: frozenset[str]
    """The kinds whose files read their own models' facts (not the description)."""
    touched: frozenset[str]
    """The models whose card or results changed."""
    facts_touched: frozenset[str]
    """The models whose facts changed (⊆ :attr:`touched`, but for a model whose facts the
    old state does not give)."""

    @classmethod
    def between(cls, old: SiteState, new: SiteState, kinds: Registry) -> _Staleness:
        every = new.models.keys() | old.models.keys()

        def changed(before: Mapping[str, str], after: Mapping[str, str]) -> frozenset[str]:
            return frozenset(m for m in every if before.get(m) != after.get(m))

        touched = changed(old.models, new.models)
        facts_touched = changed(old.facts, new.facts)
        read_changed = {
            Reads.ANY_MODEL: bool(touched),
            Reads.ANY_FACTS: bool(facts_touched),
            # ⊆ facts_touched, likewise
            Reads.ANY_LISTED: bool(changed(old.listed, new.listed)),
            Reads.NAMES: old.names != new.names,
            Reads.DATES: old.dates != new.dates,
            Reads.PAIRS: old.selection() != new.selection(),
        }
        shared = old.code != new.code or old.data != new.data

        def all_stale(kind: Kind) -> bool:
            return (
                shared
                or old.kinds.get(kind.name) != new.kinds.get(kind.name)
                or any(read_changed.get(read, False) for read in kind.reads)
            )

        return cls(
            frozenset(kind.name for kind in kinds if all_stale(kind)),
            frozenset(kind.name for kind in kinds if Reads.OWN_MODELS in kind.reads),
            frozenset(kind.name for kind in kinds if Reads.OWN_FACTS in kind.reads),
            touched,
            facts_touched,
        )

    def __call__(self, kind: Kind, key: tuple[str, ...]) -> bool:
        """Whether the file of ``kind`` about the models ``key`` is stale."""
        return (
            kind.name in self.everything
            or (kind.name in self.own and not self.touched.isdisjoint(key))
            or (kind.name in self.own_facts and not self.facts_touched.isdisjoint(key))
        )


def _site_pages(
    old: SiteState, new: SiteState, kinds: Registry, stale: _Staleness, parts: int
) -> list[PageSpec]:
    """The stale pages about no model: all of a stale kind, else the prompts' pages whose
    outcomes changed."""
    pages: list[PageSpec] = []
    for kind in kinds.groups[Group.SITE]:
        if kind.name in stale.everything:
            pages += kind.specs((), new.suites, parts, new.prompts)
        elif Reads.PROMPT_OUTCOMES in kind.reads:
            pages += [
                spec
                for spec in kind.specs((), new.suites, parts, new.prompts)
                if old.outcomes.get(spec.suite, {}).get(spec.prompt)
                != new.outcomes.get(spec.suite, {}).get(spec.prompt)
            ]
    return pages


def _model_pages(new: SiteState, kinds: Registry, stale: _Staleness, parts: int) -> list[PageSpec]:
    """The stale pages about one model, model by model."""
    return [
        spec
        for model_id in sorted(new.models)
        for kind in kinds.groups[Group.MODEL]
        if stale(kind, (model_id,))
        for spec in kind.specs((model_id,), new.suites, parts)
    ]


def _pair_pages(
    old: SiteState, new: SiteState, kinds: Registry, stale: _Staleness, parts: int
) -> list[PageSpec]:
    """The stale pages about a pair: those of a changed model's pairs and of pairs that had
    no page before (every pair's when a pair kind is stale as a whole), each pair's files
    together, as in the plan."""
    pair_kinds = kinds.groups[Group.PAIR]
    old_pairs, new_pairs = old.selection(), new.selection()
    added = {*new_pairs} - {*old_pairs} if old_pairs != new_pairs else set()
    pairs: Iterable[tuple[str, str]]
    if any(kind.name in stale.everything for kind in pair_kinds):
        pairs = new_pairs
    else:
        pairs = sorted(
            {
                (min(m, x), max(m, x))
                for m in stale.touched | stale.facts_touched
                if m in new.models
                for x in new_pairs.partners(m)
            }
            | added
        )
    return [
        spec
        for pair in pairs
        for kind in pair_kinds
        if pair in added or stale(kind, pair)
        for spec in kind.specs(pair, new.suites, parts)
    ]


def _removed(old: SiteState, new: SiteState, kinds: Registry) -> set[str]:
    """The files of the plan of ``old`` that the plan of ``new`` does not have: only files
    the build made, never others."""
    old_pairs, new_pairs = old.selection(), new.selection()
    if old.suites != new.suites or old.prompts != new.prompts:
        # files come and go with suites and prompts; every page changes anyway
        kept = {
            spec.path for spec in plan_for(new.models, new.suites, kinds, new.prompts, new_pairs)
        }
        return {
            s.path
            for s in plan_for(old.models, old.suites, kinds, old.prompts, old_pairs)
            if s.path not in kept
        }
    suites, prompts = old.suites, old.prompts
    old_ids = sorted(old.models)
    gone = sorted(old.models.keys() - new.models.keys())
    groups = kinds.groups

    def site_files(count: int, pairs: int) -> set[str]:
        parts = sitemap_parts(count, len(suites), kinds, prompt_count(prompts), pairs)
        return {
            s.path for kind in groups[Group.SITE] for s in kind.specs((), suites, parts, prompts)
        }

    removed = site_files(len(old_ids), len(old_pairs)) - site_files(len(new.models), len(new_pairs))
    removed |= {
        spec.path
        for m in gone
        for kind in groups[Group.MODEL]
        for spec in kind.specs((m,), suites, 0)
    }
    # the pairs that had a page and have none now (a gone model's among them)
    left = sorted({*old_pairs} - {*new_pairs}) if old_pairs != new_pairs else []
    removed |= {
        spec.path
        for pair in left
        for kind in groups[Group.PAIR]
        for spec in kind.specs(pair, suites, 0)
    }
    return removed
