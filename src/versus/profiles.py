"""Everything about one model that pages need, computed once per build.

A model appears on its own page, on the index and on N-1 comparison pages.
Its profile (rendered description, run summaries) is computed once and shared
by all of them, so the per-pair work is only what depends on both models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from versus import richtext
from versus.catalog import Catalog
from versus.schema import ModelCard
from versus.scores import RunSummary, summarize


@dataclass(frozen=True)
class Profile:
    id: str
    card: ModelCard
    description_html: Markup
    runs: Mapping[str, RunSummary]
    """Suite id -> this model's run on it; absent when not evaluated."""

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def path(self) -> str:
        """Site-relative folder of the model's page."""
        return f"models/{self.id}/"


def build_profiles(catalog: Catalog) -> dict[str, Profile]:
    """One profile per model, in id order."""
    bands = catalog.config.bands
    profiles = {}
    for model_id, card in catalog.models.items():
        runs = {}
        for suite_id, suite in catalog.suites.items():
            result = catalog.result(suite_id, model_id)
            if result is not None:
                runs[suite_id] = summarize(suite, result, card.pricing, bands)
        profiles[model_id] = Profile(model_id, card, richtext.to_html(card.description), runs)
    return profiles
