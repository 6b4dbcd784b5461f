"""The validated input of one build: config, model cards, suites and results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from versus.inputs.schema import ModelCard, Result, SiteConfig, Suite


@dataclass(frozen=True)
class Catalog:
    """Everything a build renders, keyed by id and sorted by id.

    ``results[suite_id][model_id]`` is one model's run on one suite.
    """

    config: SiteConfig
    models: Mapping[str, ModelCard]
    suites: Mapping[str, Suite]
    results: Mapping[str, Mapping[str, Result]]
    digests: Mapping[str, str] = field(default_factory=dict)
    """SHA-256 of every input file's bytes, by project-relative path."""

    def result(self, suite_id: str, model_id: str) -> Result | None:
        return self.results.get(suite_id, {}).get(model_id)
