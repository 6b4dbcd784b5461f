"""Inspect AI eval logs, read from their documented JSON (``inspect_ai.log.EvalLog``).

A log is a ``.json`` file holding the whole ``EvalLog``, or an ``.eval`` file: a ZIP
archive holding ``header.json`` (the log without its samples) and one
``samples/<id>_epoch_<n>.json`` per sample. The fields read, from Inspect's own models:

* ``eval.model`` (``openai/gpt-4o``), ``eval.task`` (``mmmu``), ``eval.created`` (an ISO
  time: the run's date), ``eval.packages["inspect_ai"]`` (the harness version);
* ``plan.config`` and ``eval.model_generate_config``: the run's scalar settings;
* per sample: ``id``, ``scores`` (the first scorer, or the one ``--metric`` names:
  ``value`` ``"C"``/``"I"``/``"N"``, true/false or 0/1), ``output.completion`` (the
  answer), ``total_time`` (seconds), ``model_usage[eval.model]`` or ``output.usage``
  (``input_tokens``, ``output_tokens``), ``metadata.category``.

versus reads the JSON itself rather than through ``inspect_ai.log.read_eval_log``:
installing ``inspect_ai`` brings some sixty packages (an AWS client, a web framework,
numpy) that reading a log does not need. No code in a log is run: it is JSON.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from versus.authoring.importing.records import Harvest, Place
from versus.authoring.importing.source import MAX_IMPORT_BYTES, read_bytes
from versus.inputs.fieldtypes import is_slug, suggest_slug
from versus.inputs.jsonlsource import TOO_DEEP, too_deep
from versus.inputs.problems import Problem, printable

HARNESS = "Inspect AI"
MAX_MEMBERS = 100_000
"""The most files an ``.eval`` archive may hold."""

_VERDICTS: dict[object, bool] = {"C": True, "I": False, "N": False}
"""Inspect's CORRECT, INCORRECT and NOANSWER (no answer fails); PARTIAL is partial credit."""
_SETTINGS = ("temperature", "top_p", "top_k", "max_tokens", "seed", "reasoning_effort")


class _RefusedError(Exception):
    """Why a file is no log versus reads; where in it, when that is known."""

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.problem = problem


def read_inspect(path: Path, label: str, metric: str | None) -> Harvest:
    """The records of an Inspect log (``.json`` or ``.eval``)."""
    raw = read_bytes(path, label)
    if isinstance(raw, Problem):
        return Harvest([], [raw])
    try:
        if raw.startswith(b"PK\x03\x04"):
            header, samples = _from_archive(path, label)
        else:
            log = _json(raw, label)
            header = log
            found = log.get("samples")
            samples = [(("samples", index), sample) for index, sample in enumerate(found or [])]
    except _RefusedError as refused:
        return Harvest([], [refused.problem or Problem.of_file(label, str(refused))])
    return _harvest(header, samples, label, metric)


def _json(raw: bytes, label: str) -> dict[str, Any]:
    """The JSON object ``raw`` holds (the file ``label``), or why it is refused."""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise _RefusedError(
            f"not an Inspect log: not valid JSON ({printable(str(error))})"
        ) from None
    except RecursionError:
        raise _too_deep(text, label) from None
    if not isinstance(value, dict):
        raise _RefusedError("not an Inspect log: expected a JSON object")
    return value


def _too_deep(text: str, label: str) -> _RefusedError:
    """JSON nested too deeply to read: refused where it first nests past the limit every
    file versus reads keeps to (found from the text), else as a whole."""
    message = f"not an Inspect log: {TOO_DEEP}"
    hint = "a log nests a few levels; look for brackets opened and never closed"
    at = too_deep(text)
    if at is None:  # read with little stack to spare: not deep by versus's limit
        return _RefusedError("not an Inspect log: its JSON is nested too deeply to read")
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return _RefusedError(message, Problem(label, line, column, (), message, hint))


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _from_archive(
    path: Path, label: str
) -> tuple[dict[str, Any], list[tuple[tuple[str | int, ...], dict[str, Any]]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _RefusedError(
                    f"the archive holds {len(members)} files; at most {MAX_MEMBERS}"
                )
            if sum(member.file_size for member in members) > MAX_IMPORT_BYTES:
                raise _RefusedError(f"the archive unpacks to more than {MAX_IMPORT_BYTES} bytes")
            names = {member.filename for member in members}
            if "header.json" not in names:
                raise _RefusedError(
                    "not a finished Inspect log: the archive has no header.json "
                    "(let the run finish, or run `inspect log convert` on it)"
                )
            header = _json(archive.read("header.json"), label)
            samples: list[tuple[tuple[str | int, ...], dict[str, Any]]] = []
            for name in sorted(
                n for n in names if n.startswith("samples/") and n.endswith(".json")
            ):
                samples.append(((name,), _json(archive.read(name), f"{label}/{name}")))
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as error:
        raise _RefusedError(
            f"not an Inspect log: a damaged archive ({printable(str(error))})"
        ) from None
    return header, samples


def _harvest(
    header: dict[str, Any],
    samples: list[tuple[tuple[str | int, ...], dict[str, Any]]],
    label: str,
    metric: str | None,
) -> Harvest:
    spec = header.get("eval")
    if not isinstance(spec, dict):
        return Harvest([], [Problem.of_file(label, "not an Inspect log: it has no 'eval'")])
    problems: list[Problem] = []
    if not samples:
        problems.append(
            Problem.of_file(
                label, "the log holds no samples", "run the eval with log_samples on (the default)"
            )
        )
    model_name = _text(spec.get("model"))
    date = _text(spec.get("created"))[:10]
    guesses = {
        "model": _guess(model_name),
        "suite": _guess(_text(spec.get("task"))),
    }
    records = []
    for prefix, sample in samples:
        place = Place(label, 0, 0, prefix)
        data, problem = _record(sample, place, model_name, metric)
        if problem is not None:
            problems.append(problem)
            continue
        records.append(({**guesses, **data, "date": date} if date else {**guesses, **data}, place))
    packages = spec.get("packages")
    version = packages.get("inspect_ai") if isinstance(packages, dict) else None
    harness = {"name": HARNESS}
    if isinstance(version, str) and version:
        harness["version"] = version
    return Harvest(
        records,
        problems,
        harness=harness,
        settings=dict(_settings(header, spec)),
        names_are_guesses=True,
        source=f"{HARNESS} log {Path(label).name}",
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _guess(name: str) -> str:
    """A harness's name as the versus id it would be: its last part, as a slug."""
    return suggest_slug(name.rsplit("/", 1)[-1]) or name


def prompt_id(value: object) -> object:
    """A sample's id as a prompt id: a whole number or text, as the slug it would be
    (``val_12`` -> ``val-12``); anything else is left for the schema to refuse."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and not is_slug(value):
        slug = suggest_slug(value)
        return slug if is_slug(slug) else value
    return value


def _record(
    sample: dict[str, Any], place: Place, model_name: str, metric: str | None
) -> tuple[dict[str, Any], Problem | None]:
    data: dict[str, Any] = {"prompt": prompt_id(sample.get("id"))}
    scores = sample.get("scores")
    if not isinstance(scores, dict) or not scores:
        error = sample.get("error")
        why = " (it ended in an error)" if error else ""
        return data, place.problem(
            "scores", f"the sample has no score{why}", "score it, or drop it from the log"
        )
    name = metric if metric is not None else next(iter(scores))
    score = scores.get(name)
    if not isinstance(score, dict):
        known = ", ".join(sorted(scores))
        return data, place.problem("scores", f"no scorer '{name}'", f"the scorers are: {known}")
    value = score.get("value")
    if value in _VERDICTS:
        data["passed"] = _VERDICTS[value]
    elif isinstance(value, bool):
        data["passed"] = value
    elif isinstance(value, int | float) and value in (0, 1):
        data["passed"] = value == 1
    else:
        shown = printable(json.dumps(value)[:40])
        return data, place.problem(
            "scores",
            f"scorer '{name}' gives {shown}; versus takes pass/fail verdicts only "
            "(C, I or N, true or false, 0 or 1)",
            "choose another scorer with --metric" if len(scores) > 1 else "",
        )
    output = sample.get("output")
    output = output if isinstance(output, dict) else {}
    if isinstance(output.get("completion"), str):
        data["answer"] = output["completion"]
    if isinstance(sample.get("total_time"), int | float):
        data["seconds"] = round(float(sample["total_time"]), 3)
    usage = _usage(sample, output, model_name)
    for key in ("input_tokens", "output_tokens"):
        if isinstance(usage.get(key), int):
            data[key] = usage[key]
    metadata = sample.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("category"), str):
        data["category"] = metadata["category"]
    return data, None


def _usage(sample: dict[str, Any], output: dict[str, Any], model_name: str) -> dict[str, Any]:
    """The evaluated model's token usage: of every call it made in the sample, else of
    its final output (a grader model's usage is not the answer's)."""
    per_model = sample.get("model_usage")
    usage = per_model.get(model_name) if isinstance(per_model, dict) else None
    if isinstance(usage, dict):
        return usage
    usage = output.get("usage")
    return usage if isinstance(usage, dict) else {}


def _settings(header: dict[str, Any], spec: dict[str, Any]) -> Iterator[tuple[str, object]]:
    """The run's generation settings that are one number, true/false or a short text."""
    config: dict[str, Any] = {}
    for found in (spec.get("model_generate_config"), _plan_config(header)):
        if isinstance(found, dict):
            config.update({k: v for k, v in found.items() if v is not None})
    for key in _SETTINGS:
        value = config.get(key)
        if isinstance(value, bool | int | float | str) and len(str(value)) <= 100:
            yield key, value


def _plan_config(header: dict[str, Any]) -> object:
    plan = header.get("plan")
    return plan.get("config") if isinstance(plan, dict) else None
