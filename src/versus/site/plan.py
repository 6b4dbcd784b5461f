"""The page plan: which files a site has, from its ids, its pairs and the registry.

:func:`plan_for` lists a :class:`~versus.site.kinds.PageSpec` for every file
that the kinds of :mod:`versus.site.kinds` make, refusing two with one path as
Pelican does; :func:`plan_size` counts them without listing them, and
:func:`shard` deals them out to the machines of a sharded build. The plan
depends on the ids and on which pairs have a page (:mod:`versus.site.pairs`), never on
what the files say. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter

from versus import urls
from versus.site.kinds import KINDS, NO_PROMPTS, Group, PageSpec, Prompts, Registry, Scope
from versus.site.pairs import PairSelection

SITEMAP_LIMIT = 50_000
"""The most URLs one sitemap file may list (sitemaps.org); past it sitemap.xml indexes parts."""


class PathCollisionError(Exception):
    """Two files of one plan would be written to the same path."""


def sitemap_parts(
    model_count: int,
    suite_count: int = 0,
    kinds: Registry = KINDS,
    prompt_count: int = 0,
    pair_count: int | None = None,
) -> int:
    """How many sitemap parts a site of this size needs (0: one sitemap.xml lists all);
    ``pair_count``: the pairs with a page, every pair when ``None``."""
    listed = sum(
        kind.scope.count(model_count, suite_count, 0, prompt_count, pair_count)
        for kind in kinds
        if kind.indexed
    )
    return 0 if listed <= SITEMAP_LIMIT else -(-listed // SITEMAP_LIMIT)


def prompt_count(prompts: Prompts) -> int:
    """How many prompts the suites list, in all."""
    return sum(len(ids) for ids in prompts.values())


def plan_for(
    model_ids: Iterable[str],
    suite_ids: Iterable[str] = (),
    kinds: Registry = KINDS,
    prompts: Prompts = NO_PROMPTS,
    pairs: PairSelection | None = None,
) -> list[PageSpec]:
    """Every generated file of a site with these models, suites and prompts, in a fixed
    order: the site's own files, then each model's, then each pair's (a pair's files one
    after another, so that they render in the same worker and land in the same share),
    for the pairs with a page (``pairs``; every pair when ``None``).

    Paths are unique, or :class:`PathCollisionError`.
    """
    ids = sorted(model_ids)
    suites = sorted(suite_ids)
    chosen = PairSelection.every(ids) if pairs is None else pairs
    parts = sitemap_parts(len(ids), len(suites), kinds, prompt_count(prompts), len(chosen))
    groups = kinds.groups
    specs = [spec for kind in groups[Group.SITE] for spec in kind.specs((), suites, parts, prompts)]
    for model_id in ids:
        for kind in groups[Group.MODEL]:
            specs += kind.specs((model_id,), suites, parts)
    pair_kinds = groups[Group.PAIR]
    for pair in chosen:
        for kind in pair_kinds:
            specs += kind.specs(pair, suites, parts)
    return unique(specs)


def plan_size(
    model_count: int,
    suite_count: int,
    kinds: Registry = KINDS,
    prompt_count: int = 0,
    pair_count: int | None = None,
) -> tuple[int, int]:
    """How many HTML pages and how many files :func:`plan_for` lists, without listing them
    (``pair_count``: the pairs with a page, every pair when ``None``)."""
    parts = sitemap_parts(model_count, suite_count, kinds, prompt_count, pair_count)
    counts = [
        (kind, kind.scope.count(model_count, suite_count, parts, prompt_count, pair_count))
        for kind in kinds
    ]
    return sum(n for kind, n in counts if kind.html), sum(n for _, n in counts)


def unique(specs: Iterable[PageSpec]) -> list[PageSpec]:
    seen: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.path in seen:
            raise PathCollisionError(f"two pages would be written to {spec.path}")
        seen[spec.path] = spec
    return list(seen.values())


def shard(
    specs: Sequence[PageSpec], index: int, count: int, kinds: Registry = KINDS
) -> list[PageSpec]:
    """The ``index``-th (1-based) of ``count`` deterministic shares of a plan.

    Pairs are dealt round-robin in plan order, each with all its files; every other
    file goes to the first share, so the shares' files never
    overlap and together are the plan.
    """
    if not 1 <= index <= count:
        raise ValueError(f"shard {index} of {count} does not exist")
    pair_kinds = kinds.pair_kinds
    pairs = list(dict.fromkeys(spec.ids for spec in specs if spec.kind in pair_kinds))
    mine = set(pairs[index - 1 :: count])
    return [spec for spec in specs if (spec.ids in mine if spec.kind in pair_kinds else index == 1)]


def sitemap_entries(
    model_ids: Iterable[str],
    suite_ids: Iterable[str] = (),
    kinds: Registry = KINDS,
    prompts: Prompts = NO_PROMPTS,
    pairs: PairSelection | None = None,
) -> list[tuple[str, tuple[str, ...]]]:
    """The pages a search engine should index (those of the kinds marked ``indexed``), in
    URL order: each page's URL path and the ids of the models it shows. A pair without a
    page is not listed: the compare page that shows it is a tool, not content."""
    indexed = Registry(kind for kind in kinds if kind.indexed)
    entries = [
        (urls.url_of(spec.path), spec.ids)
        for spec in plan_for(model_ids, suite_ids, indexed, prompts, pairs)
    ]
    entries.sort(key=itemgetter(0))  # URLs are unique: no need to compare the ids
    return entries


__all__ = [
    "SITEMAP_LIMIT",
    "PageSpec",
    "PairSelection",
    "PathCollisionError",
    "Scope",
    "plan_for",
    "plan_size",
    "prompt_count",
    "shard",
    "sitemap_entries",
    "sitemap_parts",
    "unique",
]
