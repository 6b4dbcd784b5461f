"""Which pairs of models have a comparison page of their own (the ``pairs`` setting).

A catalog of N models has N*(N-1)/2 pairs: past a few hundred models, a page for each
outgrows what a static host serves (bench/README.md, "Files and bytes"). The ``pairs``
setting chooses the pairs that get a page; every other pair is compared on the compare
page (``compare/?m=a,b``), which makes the same tables from ``api/models.json``, and
every link to a pair goes to its page when it has one, to the compare page otherwise.

A :class:`PairSelection` is a few groups of model ids: a pair has a page when one
group holds both of its models. Every rule is such groups (``all``: one group of every
model; ``shared-suite``: each suite's evaluated models; ``top``: each leaderboard's top
K; a list: each pair a group of two), so that a selection is small to record and to
hand to a script (the picker, the 404 page, the compare page), whatever the catalog's
size. Light: the plan and a no-op build read a recorded selection without the schemas.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING

from versus import urls

if TYPE_CHECKING:
    from versus.inputs.catalog import Catalog


class PairSelection:
    """The pairs of models that have a page: those both of whose ids one group holds."""

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        unique = {tuple(sorted(set(group))) for group in groups}
        self.groups: tuple[tuple[str, ...], ...] = tuple(
            sorted(group for group in unique if len(group) >= 2)
        )
        """Each group's ids in order, the groups in order, none of fewer than two ids."""

    @classmethod
    def every(cls, ids: Iterable[str]) -> PairSelection:
        """Every pair of these models."""
        return cls([list(ids)])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PairSelection) and self.groups == other.groups

    def __hash__(self) -> int:
        return hash(self.groups)

    def __repr__(self) -> str:
        return f"PairSelection({[list(group) for group in self.groups]!r})"

    @cached_property
    def _member(self) -> Mapping[str, frozenset[int]]:
        found: dict[str, set[int]] = {}
        for index, group in enumerate(self.groups):
            for model_id in group:
                found.setdefault(model_id, set()).add(index)
        return {model_id: frozenset(indexes) for model_id, indexes in found.items()}

    def __contains__(self, pair: object) -> bool:
        """Whether the pair ``(a, b)``, in either order, has a page."""
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        a, b = pair
        empty: frozenset[int] = frozenset()
        return a != b and not self._member.get(a, empty).isdisjoint(self._member.get(b, empty))

    @cached_property
    def pairs(self) -> Sequence[tuple[str, str]]:
        """Every pair with a page, each ``(a, b)`` with ``a < b``, in order."""
        if len(self.groups) == 1:
            return list(combinations(self.groups[0], 2))
        return sorted({pair for group in self.groups for pair in combinations(group, 2)})

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        if len(self.groups) == 1:
            return pair_count(len(self.groups[0]))
        return len(self.pairs)

    def partners(self, model_id: str) -> set[str]:
        """The models whose pair with ``model_id`` has a page."""
        return {
            other
            for index in self._member.get(model_id, ())
            for other in self.groups[index]
            if other != model_id
        }

    def address(self, a: str, b: str) -> str:
        """Where the pair is compared: its page, or the compare page set to the two."""
        return urls.pair(a, b) if (a, b) in self else urls.compare_several(sorted((a, b)))


def pair_count(models: int) -> int:
    """How many pairs ``models`` models make."""
    return models * (models - 1) // 2


def select(catalog: Catalog) -> PairSelection:
    """The pairs of ``catalog`` that get a page, by its config's ``pairs`` (checked: a listed
    pair names two models of the catalog)."""
    from versus.inputs.schema import AUTO_ALL_PAIRS, AUTO_TOP

    setting = catalog.config.pairs
    ids = list(catalog.models)
    rule = setting.rule
    if rule == "auto":
        if pair_count(len(ids)) <= AUTO_ALL_PAIRS:
            return PairSelection.every(ids)
        return PairSelection(top(catalog, AUTO_TOP))
    if rule == "all":
        return PairSelection.every(ids)
    if rule == "shared-suite":
        return PairSelection(list(runs) for runs in catalog.results.values())
    if rule == "top":
        assert setting.top is not None
        return PairSelection(top(catalog, setting.top))
    return PairSelection(setting.list or ())


def top(catalog: Catalog, count: int) -> list[list[str]]:
    """Each suite's models ranked ``count`` or higher on its leaderboard (by overall score,
    equal scores sharing a rank: ties at the cut are in)."""
    from versus.inputs.scores import percent

    groups = []
    for runs in catalog.results.values():
        overall = {}
        for model_id, result in runs.items():
            entries = result.categories.values()
            covered = sum(entry.total for entry in entries)
            if covered:
                overall[model_id] = percent(sum(e.passed for e in entries), covered)
        ranked = sorted(overall.values(), reverse=True)
        cut = ranked[count - 1] if len(ranked) >= count else None
        groups.append([m for m, score in overall.items() if cut is None or score >= cut])
    return groups


__all__ = ["PairSelection", "select", "top"]
