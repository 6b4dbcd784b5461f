"""A suite's prompts and a run's outcomes, once read and checked: small immutable records.

A suite of thousands of prompts, run by hundreds of models, gives hundreds of
thousands of outcomes; they are kept as named tuples (not schema models) so that
a build holds them cheaply. The schema of each line as a file writes it is
:class:`~versus.inputs.schema.PromptEntry` and :class:`~versus.inputs.schema.OutcomeEntry`.
"""

from __future__ import annotations

from typing import NamedTuple


class PromptImage(NamedTuple):
    """A prompt's image: a file of the project, or a URL (exactly one of the two)."""

    file: str | None
    """The image file's path in the project (``evals/<suite>/images/cats-1.png``)."""
    url: str | None
    """The https URL of an image elsewhere."""
    digest: str | None
    """SHA-256 of the file's bytes (a file only): a name to publish it under."""
    width: int | None = None
    """The file's width in pixels (a file only), as its header states it."""
    height: int | None = None
    """The file's height in pixels (a file only)."""

    @property
    def ending(self) -> str:
        """The file's name ending, in lower case (``.png``); empty for a URL."""
        if self.file is None:
            return ""
        return "." + self.file.rsplit(".", 1)[-1].lower()


class Prompt(NamedTuple):
    """One prompt of a suite's list."""

    id: str
    category: str
    """Id of the suite's category."""
    text: str
    """The prompt put to the model."""
    image: PromptImage | None
    expected: str | None
    """The answer that passes, where the suite states it."""
    tags: tuple[str, ...]


class Outcome(NamedTuple):
    """One prompt's outcome in one run."""

    prompt: str
    """Id of the prompt."""
    category: str
    """Id of the prompt's category (from the suite's list)."""
    passed: bool
    answer: str | None
    """The model's answer; ``""`` when it answered nothing, ``None`` when not recorded."""
    seconds: float | None
    input_tokens: int | None
    output_tokens: int | None
