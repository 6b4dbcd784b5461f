"""Checks of a suite's prompt list and of a run's outcomes, and the figures they give.

Like :mod:`versus.inputs.checks`, nothing here reads a file: each function takes
what the loader parsed and returns problems placed on the key at fault. A prompt
list's records are the items of ``prompts.yaml`` (a problem's path starts with the
item's index, ``[3].category``) or the lines of a JSON Lines file (the line says
which record it is, so the path is the field alone: ``category``).

When a suite lists its prompts, its counts come from the list and a count the
suite still states must agree (:func:`reconcile_suite`); when a run gives its
outcomes, its categories, mean time and median tokens come from them and a figure
the result still states must agree (:func:`reconcile_result`).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from versus.inputs.fieldtypes import (
    MAX_LONG_TEXT,
    MAX_SECONDS,
    MAX_TOKENS,
    is_slug,
    text_fault,
)
from versus.inputs.outcomes import Outcome, Prompt, PromptImage
from versus.inputs.problems import FieldPath, Problem, counted, did_you_mean
from versus.inputs.schema import CategoryResult, OutcomeEntry, PromptEntry, Result
from versus.inputs.scores import Middle, OutcomeFigures, agrees
from versus.inputs.yamlsource import SourceMap

_FIGURES = ("seconds", "input_tokens", "output_tokens")
"""What an outcome may give towards a run's figures: each by every outcome, or by none."""


class Records:
    """The records of a prompt list or an outcomes file, as parsed, and where each is."""

    def __init__(self, raw: Sequence[Any], source: SourceMap, per_line: bool) -> None:
        self.raw = raw
        self.source = source
        self.per_line = per_line

    def problem(self, index: int, field: str | None, message: str, hint: str = "") -> Problem:
        """A problem at ``field`` of record ``index`` (the record itself when ``None``)."""
        where: FieldPath = (index,) if field is None else (index, field)
        at = self.source.locate(where)
        path = where[1:] if self.per_line else where
        return Problem(self.source.file, at.line, at.column, path, message, hint)

    def line(self, index: int) -> int:
        return self.source.locate((index,)).line

    def text(self, index: int, field: str) -> str | None:
        """Record ``index``'s ``field`` as written, if it is a valid id."""
        item = self.raw[index]
        value = item.get(field) if isinstance(item, dict) else None
        return value if is_slug(value) else None


# --- a suite's prompt list ---------------------------------------------------


def check_prompts(records: Records, categories: Sequence[str], suite: str) -> list[Problem]:
    """Ids unique, categories of the suite (``categories`` as its file writes them; none
    known when the suite file is broken: then they are not checked)."""
    problems = []
    first: dict[str, int] = {}
    for index in range(len(records.raw)):
        prompt_id = records.text(index, "id")
        if prompt_id is not None:
            if prompt_id in first:
                problems.append(
                    records.problem(
                        index,
                        "id",
                        f"duplicate prompt id '{prompt_id}'; line {records.line(first[prompt_id])} "
                        "lists it already",
                        "give each prompt its own id",
                    )
                )
            else:
                first[prompt_id] = index
        category = records.text(index, "category")
        if categories and category is not None and category not in categories:
            problems.append(
                records.problem(
                    index,
                    "category",
                    f"unknown category '{category}'; suite '{suite}' does not have it",
                    did_you_mean(category, categories),
                )
            )
    return problems


def prompt_of(entry: PromptEntry, image: PromptImage | None) -> Prompt:
    return Prompt(
        id=entry.id,
        category=entry.category,
        text=entry.prompt,
        image=image,
        expected=entry.expected,
        tags=tuple(entry.tags),
    )


def counts_of(prompts: Mapping[str, Prompt]) -> dict[str, int]:
    """How many prompts the list has in each category."""
    counts: dict[str, int] = {}
    for prompt in prompts.values():
        counts[prompt.category] = counts.get(prompt.category, 0) + 1
    return counts


def reconcile_suite(
    data: object, counts: Mapping[str, int], listed: str, source: SourceMap, *, compare: bool
) -> tuple[object, list[Problem]]:
    """The suite file's data with the counts of its prompt list (``listed``, its file name)
    where the file leaves them out, and a problem for each count it states that disagrees.

    With ``compare`` false (the list has problems of its own, so its counts mean
    little), counts are filled in only so that the rest of the file can be checked.
    The file's data is not changed: it may be a cached document's.
    """
    if not isinstance(data, dict):
        return data, []
    problems: list[Problem] = []
    filled = dict(data)
    categories = filled.get("categories")
    if isinstance(categories, list):
        filled["categories"] = [
            _reconcile_category(index, item, counts, listed, source, problems, compare=compare)
            for index, item in enumerate(categories)
        ]
    total = sum(counts.values())
    stated = filled.get("prompts")
    if stated is None or (compare and type(stated) is int and stated != total):
        if stated is not None:
            problems.append(
                source.problem(
                    ("prompts",),
                    f"states {counted(stated, 'prompt')} but {listed} lists {total}",
                    "remove 'prompts'; versus counts the list",
                )
            )
        # As many as the categories now count, so that a mistake is reported once
        # (not again as categories that do not add up).
        written = [
            item.get("prompts") for item in filled.get("categories") or [] if isinstance(item, dict)
        ]
        whole = all(type(count) is int for count in written)
        filled["prompts"] = sum(written) if written and whole else max(total, 1)
    return filled, problems


def _reconcile_category(
    index: int,
    item: object,
    counts: Mapping[str, int],
    listed: str,
    source: SourceMap,
    problems: list[Problem],
    *,
    compare: bool,
) -> object:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return item
    category = item["id"]
    count = counts.get(category, 0)
    stated = item.get("prompts")
    path = ("categories", index)
    if compare and count == 0 and is_slug(category):
        problems.append(
            source.problem(
                (*path, "id"),
                f"{listed} lists no prompt of category '{category}'",
                "list its prompts, or remove the category",
            )
        )
    if stated is None:
        return {**item, "prompts": max(count, 1)}
    if compare and count and type(stated) is int and stated != count:
        problems.append(
            source.problem(
                (*path, "prompts"),
                f"states {counted(stated, 'prompt')} but {listed} lists {count} in '{category}'",
                "remove 'prompts'; versus counts the list",
            )
        )
        return {**item, "prompts": count}
    return item


# --- a run's outcomes ----------------------------------------------------------


class OutcomeColumns(NamedTuple):
    """The lines of a valid outcomes file, field by field: what
    :class:`~versus.inputs.schema.OutcomeEntry` validates each line to, kept as one list
    per field (a run has thousands of lines, read on every build)."""

    prompt: list[str]
    passed: list[bool | None]
    score: list[float | None]
    answer: list[str | None]
    seconds: list[float | None]
    input_tokens: list[int | None]
    output_tokens: list[int | None]


def columns_of(entries: Sequence[OutcomeEntry]) -> OutcomeColumns:
    """The columns of lines the schema validated."""
    return OutcomeColumns(
        [entry.prompt for entry in entries],
        [entry.passed for entry in entries],
        [entry.score for entry in entries],
        [entry.answer for entry in entries],
        [entry.seconds for entry in entries],
        [entry.input_tokens for entry in entries],
        [entry.output_tokens for entry in entries],
    )


_OUTCOME_KEYS = frozenset(OutcomeEntry.model_fields)
_NONE = type(None)


def quick_outcomes(records: Sequence[Any], known: Container[str]) -> OutcomeColumns | None:
    """The records as :class:`~versus.inputs.schema.OutcomeEntry` validates them (``known``
    ids are slugs already), or ``None`` when one is not plainly valid: the schema then
    validates each and says what is wrong.

    The schema's rules, written out field by field over all lines at once, so that the
    work is done by the interpreter's built-in functions rather than a schema model
    per line; ``tests/inputs/test_outcomes.py`` checks that both agree.
    """
    if not set(map(type, records)) <= {dict} or not all(map(_OUTCOME_KEYS.issuperset, records)):
        return None
    prompt = [record.get("prompt") for record in records]
    passed = [record.get("passed") for record in records]
    score = [record.get("score") for record in records]
    answer = [record.get("answer") for record in records]
    seconds = [record.get("seconds") for record in records]
    inputs = [record.get("input_tokens") for record in records]
    outputs = [record.get("output_tokens") for record in records]
    if not (
        set(map(type, prompt)) <= {str}
        and all(map(is_slug, {*prompt}.difference(known)))  # type: ignore[arg-type]
        and set(map(type, passed)) <= {bool, _NONE}
        and [value is None for value in passed] == [value is not None for value in score]
        and _within(score, {int, float}, 1)
        and _within(seconds, {int, float}, MAX_SECONDS)
        and _within(inputs, {int}, MAX_TOKENS)
        and _within(outputs, {int}, MAX_TOKENS)
        and set(map(type, answer)) <= {str, _NONE}
    ):
        return None
    stripped = [None if text is None else text.strip() for text in answer]
    if not _answers_fit(stripped):
        return None
    return OutcomeColumns(
        prompt,
        passed,
        [None if value is None else float(value) + 0.0 for value in score],  # -0 is 0
        stripped,
        [None if value is None else float(value) for value in seconds],
        inputs,
        outputs,
    )


def _answers_fit(answers: list[str | None]) -> bool:
    """Each answer given (stripped) within the length and characters an answer may have."""
    given = _given(answers)
    if not given or max(map(len, given)) > MAX_LONG_TEXT:
        return not given
    joined = "".join(given)
    if joined.isascii() and joined.isprintable():  # most answers: no character to look for
        return True
    return text_fault("\n".join(given), one_line=False) is None  # a line break is allowed


def _within(values: list[Any], kinds: set[type], most: float) -> bool:
    """Each value ``None`` or of one of ``kinds``, from 0 to ``most``."""
    if not set(map(type, values)) <= {*kinds, _NONE}:
        return False
    given = _given(values)
    return not given or (min(given) >= 0 and max(given) <= most)


def _given(values: list[Any]) -> list[Any]:
    """The values that are not ``None`` (most often all of them: then no copy)."""
    return values if None not in values else [value for value in values if value is not None]


_OUTCOME = partial(tuple.__new__, Outcome)


class CheckedOutcomes(NamedTuple):
    """A run's outcomes once checked, one list per field, in the order of the suite's
    prompt list, each verdict decided (a score of 1 passes): what the outcomes of a run
    are, kept as plain data by the cache of checked outcomes (:func:`accept_checked`)."""

    prompt: list[str]
    passed: list[bool]
    answer: list[str | None]
    seconds: list[float | None]
    input_tokens: list[int | None]
    output_tokens: list[int | None]

    def plain(self, prompts: Mapping[str, Prompt]) -> list[list[Any]]:
        """As plain data for the cache, each prompt by its place in the list (``prompts``):
        what :func:`accept_checked` reads back."""
        at = {prompt_id: index for index, prompt_id in enumerate(prompts)}
        return [[at[prompt_id] for prompt_id in self.prompt], *self[1:]]

    def categories(self, prompts: Mapping[str, Prompt]) -> list[str]:
        """The category of each outcome's prompt."""
        return [prompts[prompt_id].category for prompt_id in self.prompt]

    def outcomes(self, prompts: Mapping[str, Prompt]) -> dict[str, Outcome]:
        """The outcomes by prompt id, in the order of the list."""
        return dict(
            zip(
                self.prompt,
                map(
                    _OUTCOME,  # a tuple made in C, not by the named tuple's __new__
                    zip(
                        self.prompt,
                        self.categories(prompts),
                        self.passed,
                        self.answer,
                        self.seconds,
                        self.input_tokens,
                        self.output_tokens,
                        strict=True,
                    ),
                ),
                strict=True,
            )
        )


def check_outcomes(
    records: Records, columns: OutcomeColumns, prompts: Mapping[str, Prompt], suite: str
) -> tuple[CheckedOutcomes | None, list[Problem]]:
    """Each outcome of a prompt of the suite, once; a pass/fail verdict; each figure given
    by every outcome or none (``columns`` are every line's, valid). The outcomes in the
    order of the list, or ``None`` with the problems."""
    problems: list[Problem] = []
    ids = set(columns.prompt)
    if len(ids) != len(columns.prompt) or not ids <= prompts.keys():
        problems += check_prompt_ids(records, prompts, suite)
    if not set(columns.score) <= {None, 0.0, 1.0}:
        problems += _scores(records, columns.score, suite)
    every = range(len(columns.prompt))
    problems += _given_by_all(records, {name: getattr(columns, name) for name in _FIGURES}, every)
    if problems:
        return None, problems
    verdicts = [
        verdict if verdict is not None else score == 1
        for verdict, score in zip(columns.passed, columns.score, strict=True)
    ]
    checked = CheckedOutcomes(
        columns.prompt,
        verdicts,
        columns.answer,
        columns.seconds,
        columns.input_tokens,
        columns.output_tokens,
    )
    row = {prompt_id: index for index, prompt_id in enumerate(columns.prompt)}
    order = [index for index in map(row.get, prompts) if index is not None]
    if order != list(range(len(order))):  # lines not in the order of the list
        checked = CheckedOutcomes._make([column[i] for i in order] for column in checked)
    return checked, problems


def check_figures_given(records: Records) -> list[Problem]:
    """Each figure given by every outcome or none, as the lines write it: for a file some
    of whose lines have problems of their own."""
    # a line naming no prompt is no outcome yet: its own problem says so
    lines = [
        i for i, record in enumerate(records.raw) if isinstance(record, dict) and "prompt" in record
    ]
    written = {name: [records.raw[index].get(name) for index in lines] for name in _FIGURES}
    return _given_by_all(records, written, lines)


def _given_by_all(
    records: Records, columns: Mapping[str, Sequence[object]], lines: Sequence[int]
) -> list[Problem]:
    """A problem for each figure of ``columns`` that some outcomes give and others do not
    (``lines``: each value's index in ``records``), at the first that does not, naming the
    others' lines too (up to :data:`LINES_NAMED`)."""
    problems = []
    for name, values in columns.items():
        without = [lines[i] for i, value in enumerate(values) if value is None]
        if 0 < len(without) < len(values):
            given = len(values) - len(without)
            also = ""
            if len(without) > 1:
                named = [str(records.line(index)) for index in without[1:LINES_NAMED]]
                more = len(without) - 1 - len(named)
                if more:
                    named.append(f"{more} more")
                listed = ", ".join(named[:-1]) + " and " if len(named) > 1 else ""
                also = f" (also on line{'s' * (len(named) > 1)} {listed}{named[-1]})"
            problems.append(
                records.problem(
                    without[0],
                    name,
                    f"missing '{name}'{also}: {given} of the {len(values)} outcomes "
                    f"give{'s' * (given == 1)} it; give it for every outcome or none",
                )
            )
    return problems


LINES_NAMED = 6
"""How many lines a problem of a figure some outcomes leave out names, the first included."""


def accept_checked(value: object, prompts: Mapping[str, Prompt]) -> CheckedOutcomes | None:
    """``value`` (read back from the cache) as the checked outcomes it is, if
    :func:`check_outcomes` could have returned it for the suite's ``prompts``; else ``None``.

    The cache is not trusted: each column is checked for what a valid outcomes file
    gives (the checks of :func:`quick_outcomes` and :func:`check_outcomes`, column by
    column), so that a cached value can at worst say what the file could have said.
    """
    if type(value) is not list or len(value) != len(CheckedOutcomes._fields):
        return None
    if not all(type(column) is list for column in value):
        return None
    at, passed, answer, seconds, inputs, outputs = value
    count = len(at)
    if not count or any(len(column) != count for column in value):
        return None
    # Each prompt known, once, in the order of the list: places in it, rising.
    if not set(map(type, at)) <= {int} or not all(map(int.__lt__, at, at[1:])):
        return None
    if at[0] < 0 or at[-1] >= len(prompts):
        return None
    ids = list(prompts)
    prompt = [ids[index] for index in at]
    if not (
        set(map(type, passed)) <= {bool}
        and set(map(type, answer)) <= {str, _NONE}
        and _stripped(answer)
        and _answers_fit(answer)
        and _whole_column(seconds, {float}, MAX_SECONDS)
        and _whole_column(inputs, {int}, MAX_TOKENS)
        and _whole_column(outputs, {int}, MAX_TOKENS)
    ):
        return None
    return CheckedOutcomes(prompt, passed, answer, seconds, inputs, outputs)


def _stripped(answers: list[str | None]) -> bool:
    given = _given(answers)
    return all(map(str.__eq__, given, map(str.strip, given)))


def _whole_column(values: list[Any], kinds: set[type], most: float) -> bool:
    """A figure of every outcome or of none, each within its range."""
    return _within(values, kinds, most) and (
        None not in values or values.count(None) == len(values)
    )


def check_prompt_ids(
    records: Records, prompts: Collection[str], suite: str, repeated: int = 0
) -> list[Problem]:
    """Each outcome's prompt a prompt of the suite, given once (as written, so that a line
    with other problems is checked too).

    ``repeated`` is how many of the prompt list's items repeat an id an item before them
    gives: each may be the prompt of an id the list lacks, written with a copied id. The
    outcomes naming no more such ids than that are not said to name unknown prompts: the
    list's duplicate is the one mistake, and once it is fixed they are checked again.
    """
    problems = []
    first: dict[str, int] = {}
    names = [records.text(index, "prompt") for index in range(len(records.raw))]
    unknown = {name for name in names if name is not None and name not in prompts}
    if len(unknown) <= repeated:
        prompts = {*prompts, *unknown}
    for index, prompt_id in enumerate(names):
        if prompt_id is None:
            continue
        if prompt_id not in prompts:
            problems.append(
                records.problem(
                    index,
                    "prompt",
                    f"unknown prompt '{prompt_id}'; suite '{suite}' does not list it",
                    did_you_mean(prompt_id, prompts),
                )
            )
        elif prompt_id in first:
            problems.append(
                records.problem(
                    index,
                    "prompt",
                    f"a second outcome for prompt '{prompt_id}'; line "
                    f"{records.line(first[prompt_id])} gives one already",
                    "keep one of the two",
                )
            )
        else:
            first[prompt_id] = index
    return problems


def check_scores(
    records: Records, entries: Sequence[OutcomeEntry | None], suite: str
) -> list[Problem]:
    """A score of a pass/fail suite is 0 or 1, on each line the schema validated."""
    return _scores(records, [None if e is None else e.score for e in entries], suite)


def _scores(records: Records, scores: Sequence[float | None], suite: str) -> list[Problem]:
    return [
        records.problem(
            index,
            "score",
            f"suite '{suite}' scores pass/fail: a score is 0 or 1; got {_shown(score)}",
            "or write 'passed': true or false",
        )
        for index, score in enumerate(scores)
        if score is not None and score not in (0, 1)
    ]


_FROM_OUTCOMES = "remove '{}'; versus computes {} from the outcomes"


def reconcile_result(
    data: object, figures: OutcomeFigures, categories: Sequence[str], source: SourceMap
) -> tuple[object, list[Problem]]:
    """The result file's data with the figures of its outcomes where the file leaves them
    out, and a problem for each figure it states that disagrees with them.

    ``categories`` are the suite's category ids: a stated category the suite lacks is
    :func:`versus.inputs.checks.check_result_refs`'s to report. The file's data is not
    changed.
    """
    if not isinstance(data, dict):
        return data, []
    filled = dict(data)
    problems: list[Problem] = []
    stated = filled.get("categories")
    if stated is None:
        filled["categories"] = {
            category: {"passed": passed, "total": total}
            for category, (passed, total) in figures.categories.items()
        }
    elif isinstance(stated, dict):
        problems += _stated_categories(stated, figures, categories, source)
    if figures.seconds is not None:
        problems += _stated_seconds(filled, figures.seconds, source)
    for name, middle, what in (
        ("median_input_tokens", figures.input_tokens, "input tokens"),
        ("median_output_tokens", figures.output_tokens, "output tokens"),
    ):
        if middle is not None:
            problems += _stated_median(filled, name, middle, what, source)
    return filled, problems


def _stated_categories(
    stated: dict[str, Any],
    figures: OutcomeFigures,
    categories: Sequence[str],
    source: SourceMap,
) -> list[Problem]:
    problems = []
    hint = _FROM_OUTCOMES.format("categories", "them")
    for category, entry in stated.items():
        if category not in categories:
            continue
        path = ("categories", category)
        if category not in figures.categories:
            problems.append(
                source.problem(path, f"the outcomes cover no prompt of '{category}'", hint)
            )
            continue
        passed, total = figures.categories[category]
        if not isinstance(entry, dict):
            continue
        if type(entry.get("passed")) is int and entry["passed"] != passed:
            problems.append(
                source.problem(
                    (*path, "passed"),
                    f"states {entry['passed']} but the outcomes pass {passed} of the {total} "
                    f"prompts of '{category}'",
                    hint,
                )
            )
        if type(entry.get("total")) is int and entry["total"] != total:
            problems.append(
                source.problem(
                    (*path, "total"),
                    f"states {entry['total']} but the outcomes cover {counted(total, 'prompt')} of "
                    f"'{category}'",
                    hint,
                )
            )
    for category, (_, total) in figures.categories.items():
        if category not in stated:
            problems.append(
                source.problem(
                    ("categories",),
                    f"leaves out '{category}', which the outcomes cover "
                    f"({total} prompt{'s' * (total != 1)})",
                    hint,
                )
            )
    return problems


def _stated_seconds(filled: dict[str, Any], mean: Decimal, source: SourceMap) -> list[Problem]:
    name = "avg_response_seconds"
    stated = filled.get(name)
    if stated is None:
        filled[name] = float(mean)
        return []
    if isinstance(stated, bool) or not isinstance(stated, int | float) or agrees(stated, mean):
        return []  # a value of the wrong kind is the schema's to report
    shown = format(mean.quantize(Decimal("0.0001")).normalize(), "f")
    return [
        source.problem(
            (name,),
            f"states {_shown(stated)} but the outcomes' times average {shown}",
            _FROM_OUTCOMES.format(name, "it"),
        )
    ]


def _stated_median(
    filled: dict[str, Any], name: str, middle: Middle, what: str, source: SourceMap
) -> list[Problem]:
    stated = filled.get(name)
    if stated is None:
        filled[name] = middle.median
        return []
    if type(stated) is not int or middle.holds(stated):
        return []
    median = (
        f"the median of the outcomes' {what} is {middle.low}"
        if middle.low == middle.high
        else f"a median of the outcomes' {what} is from {middle.low} to {middle.high}"
    )
    return [
        source.problem((name,), f"states {stated} but {median}", _FROM_OUTCOMES.format(name, "it"))
    ]


def _shown(value: float) -> str:
    """A number as written: ``3.5``, ``0.00001`` (not ``1e-05``)."""
    return format(Decimal(str(value)), "f")


def outcome_updates(result: Result, figures: OutcomeFigures) -> dict[str, Any]:
    """The fields of a validated result to replace by the figures of its outcomes: its
    categories' counts (each with the percent the file states, to be checked against
    them), and its mean time and median tokens (a stated one agrees at the precision
    written; the computed one is exact)."""
    updates: dict[str, Any] = {
        "categories": {
            category: CategoryResult.model_construct(
                passed=passed,
                total=total,
                percent=entry.percent if (entry := result.categories.get(category)) else None,
            )
            for category, (passed, total) in figures.categories.items()
        }
    }
    if figures.seconds is not None:
        updates["avg_response_seconds"] = float(figures.seconds)
    if figures.input_tokens is not None:
        updates["median_input_tokens"] = figures.input_tokens.median
    if figures.output_tokens is not None:
        updates["median_output_tokens"] = figures.output_tokens.median
    return updates


# --- images --------------------------------------------------------------------

_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".gif": "GIF"}
_ENDINGS = {"PNG": ".png", "JPEG": ".jpg", "WebP": ".webp", "GIF": ".gif"}
IMAGE_HEAD = 12
"""How many bytes of an image tell its format."""


def image_format(head: bytes) -> str | None:
    """The format whose signature ``head`` (an image's first bytes) starts with."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WebP"
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """The width and height in pixels an image's header states, or ``None`` when ``data``
    (the whole file) holds none that can be read. Pages print them on every ``<img>`` so
    that the page does not shift as the image arrives."""
    found = image_format(data[:IMAGE_HEAD])
    size: tuple[int, int] | None = None
    if found == "PNG" and data[12:16] == b"IHDR":
        size = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    elif found == "GIF" and len(data) >= 10:
        size = int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    elif found == "WebP":
        size = _webp_size(data)
    elif found == "JPEG":
        size = _jpeg_size(data)
    if size is None or not (size[0] > 0 and size[1] > 0):
        return None
    return size


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a" and len(data) >= 30:
        return (
            int.from_bytes(data[26:28], "little") & 0x3FFF,
            int.from_bytes(data[28:30], "little") & 0x3FFF,
        )
    if chunk == b"VP8L" and data[20:21] == b"\x2f" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
"""The JPEG markers that start a frame (SOF0 to SOF15), whose header states the size."""
_JPEG_BARE = frozenset(range(0xD0, 0xDA)) | {0x01}
"""The JPEG markers that stand alone, with no length after them."""


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in a JPEG's first frame header, walking its segments from the start."""
    at, end = 2, len(data)
    while at + 4 <= end:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _JPEG_BARE:
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in _JPEG_FRAMES:
            if at + 9 > end:
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height
        if length < 2:
            return None
        at += 2 + length
    return None


def image_fault(name: str, head: bytes) -> tuple[str, str] | None:
    """Why the image file ``name``, whose first bytes are ``head``, is not the image its
    name says (a message and a hint), or ``None``."""
    suffix = "." + name.rsplit(".", 1)[-1].lower()
    expected = _FORMATS[suffix]
    found = image_format(head)
    if found == expected:
        return None
    if found is not None:
        return (
            f"{name} is a {found} image, not a {expected}",
            f"rename it to end {_ENDINGS[found]}",
        )
    return (
        f"{name} is not a {expected} image",
        "save it as PNG, JPEG, WebP or GIF and name it for its format",
    )
