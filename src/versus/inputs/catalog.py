"""The validated input of one build: config, model cards, suites and results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Never

from versus.inputs.outcomes import Outcome, Prompt
from versus.inputs.schema import ModelCard, Result, SiteConfig, Suite

_NONE: Mapping[str, Never] = MappingProxyType({})


@dataclass(frozen=True)
class Catalog:
    """Everything a build renders, keyed by id and sorted by id.

    ``results[suite_id][model_id]`` is one model's run on one suite. A run that gives
    its outcomes has the figures they give in its result (categories, mean time, median
    tokens), as if its file had stated them.
    """

    config: SiteConfig
    models: Mapping[str, ModelCard]
    suites: Mapping[str, Suite]
    results: Mapping[str, Mapping[str, Result]]
    digests: Mapping[str, str] = field(default_factory=dict)
    """SHA-256 of every input file's bytes, by project-relative path."""
    card_facts: Mapping[str, str] = field(default_factory=dict)
    """Model id -> SHA-256 of its card's data but its description: all that the pages
    which do not print the description read of the card."""
    card_listed: Mapping[str, str] = field(default_factory=dict)
    """The same, but its summary too: all that the pages which list every model as rows
    (a leaderboard, the capability matrix) read of the card."""
    prompts: Mapping[str, Mapping[str, Prompt]] = field(default_factory=dict)
    """``prompts[suite_id][prompt_id]``: each prompt of a suite that lists them, in the
    order of its list."""
    outcomes: Mapping[str, Mapping[str, Mapping[str, Outcome]]] = field(default_factory=dict)
    """``outcomes[suite_id][model_id][prompt_id]``: a run's outcome of each prompt it
    answered, in the order of the suite's list, for the runs that give outcomes."""

    def prompt_ids(self) -> dict[str, tuple[str, ...]]:
        """Suite id -> its prompts' ids in its list's order, for the suites that list them:
        the page plan has a page per prompt."""
        return {suite_id: tuple(prompts) for suite_id, prompts in self.prompts.items()}

    def result(self, suite_id: str, model_id: str) -> Result | None:
        return self.results.get(suite_id, {}).get(model_id)

    def prompts_of(self, suite_id: str) -> Mapping[str, Prompt]:
        """The suite's prompts by id (none when it does not list them)."""
        return self.prompts.get(suite_id, _NONE)

    def outcomes_of(self, suite_id: str, model_id: str) -> Mapping[str, Outcome]:
        """The run's outcomes by prompt id (none when it gives category totals only)."""
        return self.outcomes.get(suite_id, _NONE).get(model_id, _NONE)
