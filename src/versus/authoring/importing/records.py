"""The neutral import format, and what every reader hands the writer.

One record per prompt a model answered. A reader of a harness's output makes records
of this shape from its own fields, so that every record is checked by one schema and
refused with its file, line and field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from versus.inputs.fieldtypes import Answer, AnswerSeconds, DateText, Score, Slug, TokenCount
from versus.inputs.problems import FieldPath, Problem
from versus.inputs.schema import Strict, check_one_verdict
from versus.inputs.validation import validate
from versus.inputs.yamlsource import Document, Position, SourceMap


class ImportRecord(Strict):
    """One prompt's outcome in one run, as ``versus import`` reads it."""

    model: Slug | None = Field(default=None, examples=["gemma-4-12b"])
    """Id of the model (its card is ``models/<id>.yaml``); may be left out when ``--model`` gives it."""
    suite: Slug | None = Field(default=None, examples=["vision-evals"])
    """Id of the eval suite (``evals/<id>/suite.yaml``); may be left out when ``--suite`` gives it."""
    prompt: Slug = Field(examples=["count-cats-1"])
    """Id of the prompt: one of the suite's prompt list when it has one; one record per prompt of a run."""
    category: Slug | None = Field(default=None, examples=["object-counting"])
    """Id of the suite's category; required when the suite lists no prompts, else checked against the list."""
    passed: bool | None = Field(default=None, examples=[True])
    """Whether the answer passed; give this or ``score``."""
    score: Score | None = Field(default=None, examples=[1])
    """The answer's score, 0 (failed) or 1 (passed), instead of ``passed``."""
    answer: Answer | None = Field(default=None, examples=["There are three cats."])
    """The model's answer as it gave it; omit when not recorded."""
    seconds: AnswerSeconds | None = Field(default=None, examples=[2.41])
    """How long the answer took, in seconds; for every record of a run or none."""
    input_tokens: TokenCount | None = Field(default=None, examples=[294])
    """Input tokens of the prompt, image tokens included; for every record of a run or none."""
    output_tokens: TokenCount | None = Field(default=None, examples=[12])
    """Output tokens of the answer, reasoning included; for every record of a run or none."""
    date: DateText | None = Field(default=None, examples=["2026-05-14"])
    """When the run was made (``2026-05`` or ``2026-05-14``); the result's ``date`` is the latest its records give."""

    @model_validator(mode="after")
    def _one_verdict(self) -> ImportRecord:
        check_one_verdict(self.passed, self.score, self.model_fields_set)
        if self.score is not None and self.score not in (0, 1):
            raise PydanticCustomError(
                "versus",
                "a score of {score} is partial credit; the suites' scoring is pass/fail",
                {"score": self.score},
            )
        return self

    @property
    def verdict(self) -> bool:
        return bool(self.passed) if self.passed is not None else self.score == 1


COLUMNS: tuple[str, ...] = tuple(ImportRecord.model_fields)
"""The fields of a record, in order: the header of a CSV file."""


@dataclass(frozen=True)
class Place:
    """Where a record was read: its file, line and column (0 when the format has no
    lines), and the field path of the record inside the file (a log's sample)."""

    file: str
    line: int = 0
    column: int = 0
    prefix: FieldPath = ()
    keys: Mapping[str, int] = field(default_factory=dict)
    """Column of each key of the record, where the format has them."""

    def problem(self, key: str | None, message: str, hint: str = "") -> Problem:
        path = (*self.prefix, key) if key is not None else self.prefix
        column = self.keys.get(key, self.column) if key is not None else self.column
        return Problem(self.file, self.line, column if self.line else 0, path, message, hint)


@dataclass(frozen=True)
class Harvest:
    """What a reader read: the records (plain data in the neutral shape) and where each
    was, the problems it found itself, and what it knows of the run."""

    records: list[tuple[dict[str, Any], Place]]
    problems: list[Problem]
    harness: dict[str, str] | None = None
    """``{"name": ..., "version": ...}`` of the program that made the file, if known."""
    settings: dict[str, Any] = field(default_factory=dict)
    """Settings the run was made with, as a result's ``settings`` holds them."""
    names_are_guesses: bool = False
    """Whether a record's model and suite are the harness's names (a log's model and task),
    which ``--model`` and ``--suite`` replace, rather than versus ids given by the file."""
    source: str = ""
    """How a new result names its source."""


def checked(harvest: Harvest) -> tuple[list[tuple[ImportRecord, Place]], list[Problem]]:
    """Each record validated against :class:`ImportRecord`, and the problems of the others."""
    records: list[tuple[ImportRecord, Place]] = []
    problems = list(harvest.problems)
    for data, place in harvest.records:
        at = Position(place.line or 1, place.column or 1)
        keys: dict[FieldPath, Position] = {
            (key,): Position(at.line, column) for key, column in place.keys.items()
        }
        document = Document(data, SourceMap(place.file, keys, {(): at}))
        value, found = validate(ImportRecord, document)
        if value is not None:
            records.append((value, place))
        for problem in found:
            column = problem.column if place.line else 0
            problems.append(
                replace(
                    problem,
                    line=place.line,
                    column=column,
                    path=(*place.prefix, *problem.path),
                )
            )
    return records, problems
