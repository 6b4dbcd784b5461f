"""lmms-eval sample logs: the ``<date>_samples_<task>.jsonl`` files that ``lmms_eval
--log_samples`` writes into ``<output>/<model>/``.

Each line is one document of the task, as lmms-eval's evaluation tracker writes it:
``doc_id`` (the prompt id, as text), ``target``, ``filtered_resps`` (the answer: its
first item), ``token_counts`` where the model reports them (``input_tokens``,
``output_tokens`` of the first request), and one key per metric the task computes for
the document (``exact_match: 1.0``). The metric read is the one ``--metric`` names, else
the only one whose value is true/false or a number; a metric given as a mapping (scored
later over the whole set, as MME's) has no per-prompt verdict. The file name gives the
task (the suite's id unless ``--suite`` is given) and the run's date; the folder, the
model's name (``org__name``: ``name`` unless ``--model`` is given).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from versus.authoring.importing.inspectlog import prompt_id
from versus.authoring.importing.records import Harvest, Place
from versus.authoring.importing.source import read_text
from versus.inputs.fieldtypes import suggest_slug
from versus.inputs.jsonlsource import key_columns, parse_jsonl, split_lines
from versus.inputs.problems import Problem, printable

HARNESS = "lmms-eval"

_NOT_METRICS = frozenset(
    {
        "doc_id",
        "doc",
        "target",
        "arguments",
        "resps",
        "filtered_resps",
        "doc_hash",
        "prompt_hash",
        "target_hash",
        "input",
        "token_counts",
        "task",
        "split",
        "input_text",
        "image_paths",
        "success",
    }
)
_FILE_NAME = re.compile(r"(?P<date>.*?)_samples_(?P<task>.+)\.jsonl", re.IGNORECASE)
_DATE = re.compile(r"(?P<y>[0-9]{4})-?(?P<m>[0-9]{2})-?(?P<d>[0-9]{2})")


def read_lmms_eval(path: Path, label: str, metric: str | None) -> Harvest:
    """The records of an lmms-eval ``samples_*.jsonl`` file."""
    text = read_text(path, label, "JSON Lines")
    if isinstance(text, Problem):
        return Harvest([], [text])
    parsed = parse_jsonl(text, label)
    lines = split_lines(text)
    problems = list(parsed.problems)
    named = _FILE_NAME.fullmatch(path.name)
    task = named.group("task") if named else ""
    date = _date(named.group("date")) if named else None
    guesses = {"suite": suggest_slug(task) or task, "model": _model_guess(path)}
    chosen = metric if metric is not None else _only_metric(parsed.records, label, problems)
    records: list[tuple[dict[str, Any], Place]] = []
    for number, line in zip(parsed.lines, parsed.records, strict=True):
        place = Place(label, number, 1, (), dict(key_columns(lines[number - 1])))
        if not isinstance(line, dict):
            problems.append(place.problem(None, "expected a JSON object (one document a line)"))
            continue
        if chosen is None:
            continue
        data, problem = _record(line, place, chosen)
        if problem is not None:
            problems.append(problem)
            continue
        records.append(({**guesses, **data, **({"date": date} if date else {})}, place))
    return Harvest(
        records,
        problems,
        harness={"name": HARNESS},
        names_are_guesses=True,
        source=f"{HARNESS} samples {path.name}",
    )


def _date(text: str) -> str | None:
    found = _DATE.match(text)
    return f"{found['y']}-{found['m']}-{found['d']}" if found else None


def _model_guess(path: Path) -> str:
    """lmms-eval's folder of a model is its name with ``/`` written ``__``."""
    name = path.parent.name.rsplit("__", 1)[-1]
    return suggest_slug(name) or name


def _verdict(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return value == 1
    return None


def _only_metric(records: list[Any], label: str, problems: list[Problem]) -> str | None:
    """The one metric of the file whose values are verdicts, or ``None`` and a problem."""
    names: list[str] = []
    for record in records:
        if isinstance(record, dict):
            for key, value in record.items():
                if (
                    key not in _NOT_METRICS
                    and key not in names
                    and not isinstance(value, dict | list)
                ):
                    names.append(key)
    if len(names) == 1:
        return names[0]
    if not names:
        problems.append(
            Problem.of_file(
                label,
                "no metric gives a verdict per document (a metric given as a mapping is "
                "scored over the whole set)",
            )
        )
    else:
        problems.append(
            Problem.of_file(
                label,
                f"the documents give {len(names)} metrics: {', '.join(printable(n) for n in names)}",
                "choose one with --metric NAME",
            )
        )
    return None


def _record(
    line: dict[str, Any], place: Place, metric: str
) -> tuple[dict[str, Any], Problem | None]:
    data: dict[str, Any] = {"prompt": prompt_id(line.get("doc_id"))}
    if metric not in line:
        return data, place.problem(None, f"the document has no metric '{printable(metric)}'")
    verdict = _verdict(line[metric])
    if verdict is None:
        return data, place.problem(
            metric,
            f"'{printable(metric)}' is not a verdict: expected true or false, 0 or 1",
            "versus takes pass/fail metrics only",
        )
    data["passed"] = verdict
    answer = _answer(line.get("filtered_resps"))
    if answer is not None:
        data["answer"] = answer
    counts = line.get("token_counts")
    first = counts[0] if isinstance(counts, list) and counts else None
    if isinstance(first, dict):
        for key in ("input_tokens", "output_tokens"):
            if isinstance(first.get(key), int):
                data[key] = first[key]
    return data, None


def _answer(responses: object) -> str | None:
    """The first response, as far as it is text (a list of lists for several requests)."""
    while isinstance(responses, list) and responses:
        responses = responses[0]
    return responses if isinstance(responses, str) else None
