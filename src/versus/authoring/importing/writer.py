"""Records mapped onto the project, and the result files they make.

:func:`plan_import` checks every record against the project (its model, suite, prompt
and category must exist; one record per prompt of a run; a figure given by every record
of a run or none) and refuses them all at once, or plans each run's files: with a suite
that lists its prompts, the run's outcomes file and its result; else its result with
the category totals. An existing result keeps every field the import does not give
(provenance, source, notes, earlier runs...); the figures the import replaces go, and
the figures a source stated of them (``overall_percent``, ``cost_per_task``) with them.
:func:`write_plan` writes what changed, each file atomically.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from versus.atomic import write_atomically
from versus.authoring.importing.records import Harvest, ImportRecord, Place, checked
from versus.authoring.jsonschema import RESULT, modeline
from versus.authoring.scaffold import models, suites
from versus.authoring.yamlwriter import dump_yaml
from versus.inputs import inputfiles
from versus.inputs.fieldtypes import MIN_SECONDS
from versus.inputs.inputfiles import EVALS_DIR, MODELS_DIR, SUITE_FILE, YAML_SUFFIXES
from versus.inputs.load import load_suite_prompts
from versus.inputs.outcomes import Prompt
from versus.inputs.problems import InputError, Problem, counted, did_you_mean
from versus.inputs.schema import Result, Suite
from versus.inputs.scores import mean, middle
from versus.inputs.validation import validate
from versus.inputs.yamlsource import Document, SourceMap, parse_yaml

State = Literal["created", "updated", "unchanged"]

_FIGURES = ("categories", "avg_response_seconds", "median_input_tokens", "median_output_tokens")
"""What an import computes: the fields of a result it replaces."""
_STATED = ("overall_percent", "cost_per_task")
"""What a source stated of the figures: dropped with the figures they were stated of."""
_PER_RECORD = {
    "seconds": "avg_response_seconds",
    "input_tokens": "median_input_tokens",
    "output_tokens": "median_output_tokens",
}


@dataclass(frozen=True)
class Change:
    """What an import does to one file of the project."""

    path: str
    state: State
    detail: str = ""

    def line(self) -> str:
        return f"{self.path}: {self.state}" + (f": {self.detail}" if self.detail else "")


@dataclass
class Plan:
    """The files to write (project-relative path -> bytes) and what happens to each."""

    files: dict[str, bytes] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)


@dataclass
class _Run:
    suite_id: str
    suite: Suite
    prompts: Mapping[str, Prompt] | None
    model_id: str
    records: list[tuple[ImportRecord, Place, str]] = field(default_factory=list)
    """Each record, where it was, and its category."""


def plan_import(
    root: Path,
    harvest: Harvest,
    *,
    suite: str | None = None,
    model: str | None = None,
    provenance: str = "measured",
    source: str | None = None,
) -> Plan:
    """The files ``harvest`` makes in the project at ``root``; :class:`InputError` listing
    every record that cannot be mapped (then nothing is to be written)."""
    harvest, problems = _named(harvest, suite=suite, model=model)
    records, found = checked(harvest)
    problems += found
    runs, found = _runs(root, records, given_model=model, given_suite=suite)
    problems += found
    for run in runs:
        problems += _check_run(run)
    if problems:
        raise InputError(problems)
    if not runs:
        raise InputError([Problem.of_file(_label(harvest), "the file holds no records")])
    plan = Plan()
    title = source or harvest.source or "versus import"
    for run in runs:
        try:
            _plan_run(root, run, harvest, plan, provenance, title)
        except InputError as error:  # an existing file it cannot update; the other runs too
            problems += error.problems
    if problems:
        raise InputError(problems)
    return plan


def _label(harvest: Harvest) -> str:
    return harvest.records[0][1].file if harvest.records else "the file"


def _named(
    harvest: Harvest, *, suite: str | None, model: str | None
) -> tuple[Harvest, list[Problem]]:
    """Records naming their model and suite: ``--model`` and ``--suite`` replace a
    harness's names, and fill in a neutral record's where it leaves them out (a neutral
    record naming another is refused)."""
    given = {"model": model, "suite": suite}
    problems: list[Problem] = []
    records: list[tuple[dict[str, Any], Place]] = []
    for data, place in harvest.records:
        data = dict(data)
        conflict = False
        for key, value in given.items():
            if value is None:
                continue
            if harvest.names_are_guesses or data.get(key) in (None, ""):
                data[key] = value
            elif data[key] != value:
                problems.append(
                    place.problem(
                        key,
                        f"the record names {key} '{data[key]}' but --{key} is '{value}'",
                        f"leave --{key} out to import each record's own {key}",
                    )
                )
                conflict = True
        if not conflict:
            records.append((data, place))
    return replace(harvest, records=records), problems


def _known(
    place: Place,
    once: Callable[[tuple[str, str | None], Problem], None],
    key: Literal["model", "suite"],
    value: str | None,
    known: set[str],
    file: str,
    given: bool,
    otherwise: str,
) -> bool:
    """Whether the record names its ``key`` (its model or suite) and the project has it
    (its ``file``); else the problem, once per name. A name the project lacks gets the
    closest it has, else ``--model``/``--suite`` to pass when none was ``given``, else
    ``otherwise``."""
    if value is None:
        once(
            (f"no-{key}", None),
            place.problem(
                key,
                f"the record names no {key}",
                f"give '{key}' in every record, or pass --{key} ID",
            ),
        )
        return False
    if value in known:
        return True
    hint = did_you_mean(value, known) or (
        otherwise if given else f"pass --{key} ID to name the {key}"
    )
    once((key, value), place.problem(key, f"unknown {key} '{value}': {file} does not exist", hint))
    return False


def _runs(
    root: Path,
    records: Sequence[tuple[ImportRecord, Place]],
    *,
    given_model: str | None,
    given_suite: str | None,
) -> tuple[list[_Run], list[Problem]]:
    """The records grouped into runs (a model on a suite), each record's model, suite,
    prompt and category checked against the project."""
    problems: list[Problem] = []
    known_models, known_suites = set(models(root)), set(suites(root))
    reported: set[tuple[str, str | None]] = set()
    loaded: dict[str, tuple[Suite, Mapping[str, Prompt] | None] | None] = {}
    runs: dict[tuple[str, str], _Run] = {}
    seen: dict[tuple[str, str, str], Place] = {}

    def once(key: tuple[str, str | None], problem: Problem) -> None:
        if key not in reported:
            reported.add(key)
            problems.append(problem)

    for record, place in records:
        model_ok = _known(
            place,
            once,
            "model",
            record.model,
            known_models,
            f"{MODELS_DIR}/{record.model}.yaml",
            given_model is not None,
            f"write the card first with `versus new model {record.model}`",
        )
        suite_ok = _known(
            place,
            once,
            "suite",
            record.suite,
            known_suites,
            f"{EVALS_DIR}/{record.suite}/{SUITE_FILE}",
            given_suite is not None,
            f"the suites are: {', '.join(sorted(known_suites))}" if known_suites else "",
        )
        ok = model_ok and suite_ok
        if record.suite is not None and record.suite in known_suites and record.suite not in loaded:
            try:
                loaded[record.suite] = load_suite_prompts(root, record.suite)
            except InputError as error:
                loaded[record.suite] = None
                problems.extend(error.problems)
        if not ok or record.model is None or record.suite is None:
            continue
        got = loaded.get(record.suite)
        if got is None:
            continue
        suite, prompts = got
        category = _category(record, place, suite, prompts, problems)
        if category is None:
            continue
        key = (record.model, record.suite, record.prompt)
        if key in seen:
            first = seen[key]
            at = f"{first.file}:{first.line}" if first.line else ".".join(map(str, first.prefix))
            problems.append(
                place.problem(
                    "prompt",
                    f"prompt '{record.prompt}' is given twice for {record.model} on {record.suite} (first at {at})",
                    "a run has one outcome per prompt: keep one epoch or attempt",
                )
            )
            continue
        seen[key] = place
        run = runs.setdefault(
            (record.suite, record.model), _Run(record.suite, suite, prompts, record.model)
        )
        run.records.append((record, place, category))
    return [runs[key] for key in sorted(runs)], problems


def _category(
    record: ImportRecord,
    place: Place,
    suite: Suite,
    prompts: Mapping[str, Prompt] | None,
    problems: list[Problem],
) -> str | None:
    """The record's category, checked against the suite and its prompt list."""
    ids = [category.id for category in suite.categories]
    if record.category is not None and record.category not in ids:
        problems.append(
            place.problem(
                "category",
                f"unknown category '{record.category}'; suite '{suite.name}' does not have it",
                did_you_mean(record.category, ids) or f"its categories are: {', '.join(ids)}",
            )
        )
        return None
    if prompts is None:
        if record.category is None:
            problems.append(
                place.problem(
                    "category",
                    f"suite '{suite.name}' lists no prompts, so each record names its category",
                    f"its categories are: {', '.join(ids)}",
                )
            )
        return record.category
    prompt = prompts.get(record.prompt)
    if prompt is None:
        problems.append(
            place.problem(
                "prompt",
                f"unknown prompt '{record.prompt}'; suite '{suite.name}' does not list it",
                did_you_mean(record.prompt, prompts),
            )
        )
        return None
    if record.category is not None and record.category != prompt.category:
        problems.append(
            place.problem(
                "category",
                f"prompt '{record.prompt}' is in category '{prompt.category}', not '{record.category}'",
                "leave 'category' out: the prompt list gives it",
            )
        )
        return None
    return prompt.category


def _check_run(run: _Run) -> list[Problem]:
    """A figure given by some records of a run only, and categories past the suite's."""
    problems = []
    count = len(run.records)
    for key in _PER_RECORD:
        without = [place for record, place, _ in run.records if getattr(record, key) is None]
        given = count - len(without)
        if 0 < given < count:
            others = f" (nor by {counted(len(without) - 1, 'other record')})" if without[1:] else ""
            problems.append(
                without[0].problem(
                    key,
                    f"not given{others}, while {given} of the {count} records of {run.model_id} "
                    f"on {run.suite_id} give it",
                    "give it in every record of a run or in none",
                )
            )
    if run.prompts is None:
        totals: dict[str, int] = {}
        for _, _, category_id in run.records:
            totals[category_id] = totals.get(category_id, 0) + 1
        for category in run.suite.categories:
            if totals.get(category.id, 0) > category.prompts:
                place = next(p for _, p, c in reversed(run.records) if c == category.id)
                problems.append(
                    place.problem(
                        "category",
                        f"{totals[category.id]} records of {run.model_id} in '{category.id}', "
                        f"which has {counted(category.prompts, 'prompt')}",
                    )
                )
    return problems


# --- the files of a run --------------------------------------------------------


def _plan_run(
    root: Path, run: _Run, harvest: Harvest, plan: Plan, provenance: str, title: str
) -> None:
    folder = f"{EVALS_DIR}/{run.suite_id}"
    result_path = _result_path(root, folder, run.model_id)
    existing_text = _existing(root, result_path)
    existing: dict[str, Any] | None = None
    if existing_text is not None:
        data = parse_yaml(existing_text, result_path).data
        if not isinstance(data, dict):
            raise InputError(
                [
                    Problem.of_file(
                        result_path,
                        "cannot update: the result is not a mapping of fields",
                        "fix it with `versus check`, or delete it",
                    )
                ]
            )
        existing = data
    data = (
        dict(existing)
        if existing is not None
        else {
            "provenance": provenance,
            "source": {"title": title},
        }
    )
    figures_changed = True
    notes: list[str] = []
    if run.prompts is not None:
        outcomes_path = f"{folder}/{run.model_id}{inputfiles.OUTCOMES_SUFFIX}"
        text = _outcomes_text(run)
        before = _existing(root, outcomes_path)
        figures_changed = before != text
        passed = sum(1 for record, _, _ in run.records if record.verdict)
        detail = f"{len(run.records)} outcomes, {passed} passed"
        _add(plan, outcomes_path, text, before, detail)
        # the figures the outcomes give are theirs; one they do not give may stay stated
        given = {"categories", *(_PER_RECORD[name] for name in _given_by_records(run))}
        for key in _FIGURES:
            if key in given:
                data.pop(key, None)
    else:
        figures = _figures(run)
        current = {key: data.get(key) for key in _FIGURES}
        merged = _merge_categories(data.get("categories"), figures["categories"])
        figures["categories"] = merged
        figures_changed = any(current[key] != figures.get(key) for key in _FIGURES)
        for key in _FIGURES:
            if figures.get(key) is None:
                data.pop(key, None)
            else:
                _put(data, key, figures[key])
    if figures_changed:
        for key in _STATED:
            if key in data:
                data.pop(key)
                notes.append(f"dropped {key}, stated of the previous figures")
    dates = [record.date for record, _, _ in run.records if record.date is not None]
    if dates:
        _put(data, "date", max(dates, key=lambda d: d.sort_key()).iso())
    if harvest.harness is not None:
        _put(data, "harness", dict(harvest.harness))
    if harvest.settings:
        _put(data, "settings", dict(harvest.settings))
    _check_result(result_path, data, run)
    if existing is not None and data == existing:
        plan.changes.append(Change(result_path, "unchanged"))
        return
    text = dump_yaml(data, _header(existing_text, result_path))
    if existing is None:
        detail = f"provenance {provenance}, source '{title}': check them"
    else:
        changed = [key for key in data if existing.get(key) != data[key]]
        removed = [key for key in existing if key not in data and key not in _STATED]
        detail = ", ".join(changed)
        if removed:
            detail += "; " if detail else ""
            detail += f"removed {', '.join(removed)} (the outcomes give them)"
    detail = "; ".join(part for part in (detail, *notes) if part)
    _add(plan, result_path, text, existing_text, detail)


def _given_by_records(run: _Run) -> list[str]:
    """Which of ``seconds``, ``input_tokens`` and ``output_tokens`` the run's records give."""
    return [
        name
        for name in _PER_RECORD
        if any(getattr(record, name) is not None for record, _, _ in run.records)
    ]


def _header(existing: str | None, path: str) -> list[str]:
    """The comment lines a rewritten result starts with: the existing file's first
    comments (its schema line, what wrote it), else the schema line."""
    if existing is not None:
        lines = []
        for line in existing.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line[1:].removeprefix(" "))
        if lines:
            return lines
    return [modeline(path, RESULT).removeprefix("# ")]


def _result_path(root: Path, folder: str, model_id: str) -> str:
    for suffix in YAML_SUFFIXES:
        name = f"{folder}/{model_id}{suffix}"
        if (root / name).exists():
            return name
    return f"{folder}/{model_id}{YAML_SUFFIXES[0]}"


def _existing(root: Path, name: str) -> str | None:
    """The text of the project file ``name``, ``None`` when there is none."""
    if not (root / name).exists() and not (root / name).is_symlink():
        return None
    raw = inputfiles.read_file(root, name)
    if isinstance(raw, Problem):
        raise InputError([raw])
    text = inputfiles.decode_text(raw, name)
    if isinstance(text, Problem):
        raise InputError([text])
    return text


def _add(plan: Plan, path: str, text: str, before: str | None, detail: str) -> None:
    if before == text:
        plan.changes.append(Change(path, "unchanged"))
        return
    plan.files[path] = text.encode("utf-8")
    plan.changes.append(Change(path, "created" if before is None else "updated", detail))


def _outcomes_text(run: _Run) -> str:
    """One line a prompt, in the order of the suite's prompt list."""
    assert run.prompts is not None
    order = {prompt_id: index for index, prompt_id in enumerate(run.prompts)}
    lines = []
    for record, _, _ in sorted(run.records, key=lambda item: order[item[0].prompt]):
        line: dict[str, Any] = {"prompt": record.prompt, "passed": record.verdict}
        for key in ("answer", "seconds", "input_tokens", "output_tokens"):
            value = getattr(record, key)
            if value is not None:
                line[key] = value
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    return "".join(lines)


def _figures(run: _Run) -> dict[str, Any]:
    """A run's figures as a result without outcomes states them."""
    order = [category.id for category in run.suite.categories]
    counts: dict[str, list[int]] = {}
    for record, _, category in run.records:
        tally = counts.setdefault(category, [0, 0])
        tally[0] += record.verdict
        tally[1] += 1
    figures: dict[str, Any] = {
        "categories": {
            cat: {"passed": counts[cat][0], "total": counts[cat][1]}
            for cat in order
            if cat in counts
        }
    }
    seconds = [record.seconds for record, _, _ in run.records]
    if None not in seconds:
        average = mean([s for s in seconds if s is not None]).quantize(
            Decimal("0.001"), rounding=ROUND_HALF_UP
        )
        figures["avg_response_seconds"] = average if average >= Decimal(str(MIN_SECONDS)) else None
    for key in ("input_tokens", "output_tokens"):
        values = [getattr(record, key) for record, _, _ in run.records]
        if None not in values:
            figures[_PER_RECORD[key]] = middle(values).median
    return figures


def _merge_categories(current: object, computed: dict[str, dict[str, int]]) -> dict[str, Any]:
    """The computed categories, each keeping what the result states of it (``percent``)
    while its counts stay the same."""
    merged: dict[str, Any] = {}
    for category, counts in computed.items():
        before = current.get(category) if isinstance(current, dict) else None
        if isinstance(before, dict) and all(before.get(k) == v for k, v in counts.items()):
            merged[category] = before
        else:
            merged[category] = counts
    return merged


_ORDER = tuple(Result.model_fields)


def _put(data: dict[str, Any], key: str, value: object) -> None:
    """Set ``key``, a new key placed where the schema orders it among the others."""
    if key in data:
        data[key] = value
        return
    later = _ORDER[_ORDER.index(key) + 1 :]
    items = list(data.items())
    at = next((i for i, (k, _) in enumerate(items) if k in later), len(items))
    items.insert(at, (key, value))
    data.clear()
    data.update(items)


def _check_result(path: str, data: dict[str, Any], run: _Run) -> None:
    """The planned result against the schema, with the categories its outcomes give."""
    checked_data = dict(data)
    if run.prompts is not None:
        counts: dict[str, dict[str, int]] = {}
        for record, _, category in run.records:
            tally = counts.setdefault(category, {"passed": 0, "total": 0})
            tally["passed"] += record.verdict
            tally["total"] += 1
        checked_data["categories"] = counts
    plain = json.loads(json.dumps(checked_data, default=float))
    _, problems = validate(Result, Document(plain, SourceMap(path)))
    if problems:
        raise InputError(problems)


def write_plan(root: Path, plan: Plan) -> None:
    """Write the planned files, each atomically; refused before any write when a folder
    would lead out of the project."""
    refused = [
        problem
        for folder in sorted({PurePosixPath(name).parent.as_posix() for name in plan.files})
        if (problem := inputfiles.writable_folder(root, folder)) is not None
    ]
    if refused:
        raise InputError(refused)
    for name, data in plan.files.items():
        write_atomically(root / name, data, mode=0o644)
