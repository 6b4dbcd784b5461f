"""The Atom feed (``feed.xml``): the catalog's newest models and results.

A model is an entry dated by its release, a result by the date of its run: the dates
the data gives, never the build's, so the same catalog gives the same feed. An entry
without a date is left out. An entry's id is its page's address (a result's with the
suite as fragment), so a newer run of the same model on the same suite updates its
entry instead of adding one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from versus import urls
from versus.inputs.fieldtypes import PartialDate
from versus.join import columns
from versus.join.profiles import Profile

FEED_SIZE = 50
"""The most entries a feed lists, newest first."""

NO_DATE = "1970-01-01T00:00:00Z"
"""The feed's date when no entry has one: Atom requires a date, and the build's is not
the data's."""


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    updated: str
    """RFC 3339, as Atom wants it."""
    summary: str


def rfc3339(date: PartialDate) -> str:
    """The first moment a partial date names: ``2025-06`` -> ``2025-06-01T00:00:00Z``."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def entries(profiles: Mapping[str, Profile], base_url: str) -> list[FeedEntry]:
    """The newest :data:`FEED_SIZE` models and results, newest first (ties by id)."""
    base = urls.site_base(base_url)
    dated: list[tuple[tuple[int, int, int], FeedEntry]] = []
    for profile in profiles.values():
        page = base + urls.model(profile.id)
        card = profile.card
        if card.released is not None:
            entry = FeedEntry(
                page,
                f"{card.name} ({card.organization})",
                page,
                rfc3339(card.released),
                card.summary,
            )
            dated.append((card.released.sort_key(), entry))
        for suite_id, run in profile.runs.items():
            when = run.result.date
            if when is None:
                continue
            figure = columns.overall_cell(run).text  # as every page prints it
            title = f"{card.name} on {run.suite.name}: {figure} ({run.passed}/{run.covered})"
            summary = f"{run.passed} of {run.covered} prompts passed, run {when.human()}."
            table = f"{page}#{urls.score_table(suite_id)}"
            entry = FeedEntry(f"{page}#{suite_id}", title, table, rfc3339(when), summary)
            dated.append((when.sort_key(), entry))
    dated.sort(key=lambda item: (tuple(-part for part in item[0]), item[1].id))
    return [entry for _, entry in dated[:FEED_SIZE]]


def updated(found: list[FeedEntry]) -> str:
    """The feed's date: its newest entry's."""
    return max((entry.updated for entry in found), default=NO_DATE)
