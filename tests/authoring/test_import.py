"""``versus import``: the neutral format, Inspect AI logs and lmms-eval sample logs into
results and outcomes; idempotent, keeping hand-written fields, refusing what it cannot map."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from support import fixture_project, write
from versus.cli import main
from versus.inputs.load import load_project
from versus.inputs.scores import summarize

MODEL = "gemma-4-12b"
OUTCOMES = f"evals/mini/{MODEL}.outcomes.jsonl"
RESULT = f"evals/mini/{MODEL}.yaml"

SUITE = """\
name: Mini Evals
summary: Four prompts in two categories.
description: A suite the tests write.
methodology: Each prompt passes or fails.
categories:
  - id: reading
    label: Reading
  - id: counting
    label: Counting
"""

PROMPTS = [
    {"id": "read-sign", "category": "reading", "prompt": "What does the sign say?"},
    {"id": "read-menu", "category": "reading", "prompt": "What is the cheapest dish?"},
    {"id": "count-cats", "category": "counting", "prompt": "How many cats?"},
    {"id": "count-cars", "category": "counting", "prompt": "How many cars?"},
]


def project(tmp_path: Path) -> Path:
    """The sample project plus ``evals/mini``, a suite of four listed prompts."""
    root = fixture_project(tmp_path / "project")
    write(root, "evals/mini/suite.yaml", SUITE)
    write(root, "evals/mini/prompts.jsonl", "".join(json.dumps(p) + "\n" for p in PROMPTS))
    return root


def record(prompt: str, passed: bool, **more: Any) -> dict[str, Any]:
    return {"model": MODEL, "suite": "mini", "prompt": prompt, "passed": passed, **more}


RECORDS = [
    record("read-sign", True, answer="STOP", seconds=1.5, input_tokens=300, output_tokens=4),
    record("count-cats", False, answer="two", seconds=2.5, input_tokens=310, output_tokens=2),
    record("read-menu", True, answer="Soup", seconds=2.0, input_tokens=320, output_tokens=3),
]


def jsonl_file(tmp_path: Path, rows: list[dict[str, Any]], name: str = "run.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def versus(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def import_(root: Path, file: Path, *more: str) -> Result:
    return versus("import", file, "-p", root, *more)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted((root / "evals").rglob("*"))
        if path.is_file()
    }


# --- the neutral format -------------------------------------------------------


def test_a_neutral_file_writes_the_result_and_its_outcomes(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = import_(root, jsonl_file(tmp_path, [{**r, "date": "2026-05-14"} for r in RECORDS]))
    assert done.exit_code == 0, done.output
    assert f"{OUTCOMES}: created: 3 outcomes, 2 passed" in done.output
    assert f"{RESULT}: created" in done.output
    lines = [json.loads(line) for line in (root / OUTCOMES).read_text().splitlines()]
    # in the order of the prompt list, each verdict as passed
    assert [line["prompt"] for line in lines] == ["read-sign", "read-menu", "count-cats"]
    assert lines[0] == {
        "prompt": "read-sign",
        "passed": True,
        "answer": "STOP",
        "seconds": 1.5,
        "input_tokens": 300,
        "output_tokens": 4,
    }
    result = yaml.safe_load((root / RESULT).read_text())
    assert result["provenance"] == "measured"
    assert result["source"] == {"title": "Imported from run.jsonl"}
    assert str(result["date"]) == "2026-05-14"
    assert (
        (root / RESULT)
        .read_text()
        .startswith("# yaml-language-server: $schema=../../schemas/result.schema.json\n")
    )
    catalog = load_project(root)  # passes versus check
    summary = summarize(
        catalog.suites["mini"],
        catalog.results["mini"][MODEL],
        catalog.models[MODEL].pricing,
        catalog.config.bands,
        outcomes=catalog.outcomes_of("mini", MODEL),
    )
    assert (summary.passed, summary.covered) == (2, 3)


def test_a_second_import_changes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    file = jsonl_file(tmp_path, RECORDS)
    assert import_(root, file).exit_code == 0
    before = snapshot(root)
    again = import_(root, file)
    assert again.exit_code == 0
    assert f"{OUTCOMES}: unchanged" in again.output
    assert f"{RESULT}: unchanged" in again.output
    assert "versus: unchanged" in again.output
    assert snapshot(root) == before


def test_an_existing_result_keeps_its_hand_written_fields(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(
        root,
        RESULT,
        """\
        # yaml-language-server: $schema=../../schemas/result.schema.json
        # Run by hand.
        provenance: self-reported
        source:
          title: The makers' report
          url: https://example.org/report
        categories:
          reading: {passed: 1, total: 2}
        overall_percent: 50
        notes:
          - Run at temperature 0.
        """,
    )
    done = import_(root, jsonl_file(tmp_path, RECORDS))
    assert done.exit_code == 0, done.output
    assert f"{RESULT}: updated" in done.output
    assert "dropped overall_percent" in done.output
    text = (root / RESULT).read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/result.schema.json\n# Run by hand.\n"
    )
    result = yaml.safe_load(text)
    assert result == {
        "provenance": "self-reported",
        "source": {"title": "The makers' report", "url": "https://example.org/report"},
        "notes": ["Run at temperature 0."],
    }
    load_project(root)


def test_a_figure_the_outcomes_do_not_give_stays_stated(tmp_path: Path) -> None:
    """Verdicts without times or tokens replace the categories only: the result's stated
    average time and median tokens are not the outcomes' to remove."""
    root = project(tmp_path)
    write(
        root,
        RESULT,
        """\
        provenance: measured
        source:
          title: The makers' report
        categories:
          reading: {passed: 1, total: 2}
        avg_response_seconds: 0.64
        median_input_tokens: 225
        median_output_tokens: 5
        """,
    )
    bare = [
        {k: v for k, v in r.items() if k in ("model", "suite", "prompt", "passed")} for r in RECORDS
    ]
    done = import_(root, jsonl_file(tmp_path, bare))
    assert done.exit_code == 0, done.output
    assert f"{RESULT}: updated: removed categories (the outcomes give them)" in done.output
    result = yaml.safe_load((root / RESULT).read_text())
    assert (result["avg_response_seconds"], result["median_input_tokens"]) == (0.64, 225)
    assert result["median_output_tokens"] == 5
    load_project(root)
    # outcomes that give times replace the stated average; the tokens stay stated
    timed = [{**r, "seconds": 1.0} for r in bare]
    done = import_(root, jsonl_file(tmp_path, timed, "timed.jsonl"))
    assert "removed avg_response_seconds (the outcomes give them)" in done.output
    result = yaml.safe_load((root / RESULT).read_text())
    assert "avg_response_seconds" not in result
    assert (result["median_input_tokens"], result["median_output_tokens"]) == (225, 5)


def test_a_csv_file_into_a_suite_without_a_prompt_list_gives_category_totals(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(["model", "suite", "prompt", "category", "score", "seconds", "date"])
    out.writerow(["paligemma", "vision-evals", "c-1", "object-counting", "1", "2", "2026-06"])
    out.writerow(["paligemma", "vision-evals", "c-2", "object-counting", "0", "3", "2026-06"])
    out.writerow(["paligemma", "vision-evals", "d-1", "defect-detection", "1", "4", "2026-06"])
    file = tmp_path / "run.csv"
    file.write_text(buffer.getvalue(), encoding="utf-8")
    before = (root / "evals/vision-evals/paligemma.yaml").exists()
    done = import_(root, file)
    assert done.exit_code == 0, done.output
    result = yaml.safe_load((root / "evals/vision-evals/paligemma.yaml").read_text())
    assert result["categories"] == {
        "defect-detection": {"passed": 1, "total": 1},
        "object-counting": {"passed": 1, "total": 2},
    }
    assert result["avg_response_seconds"] == 3
    assert not (root / "evals/vision-evals/paligemma.outcomes.jsonl").exists()
    assert not before
    load_project(root)
    assert "versus: unchanged" in import_(root, file).output


def test_every_record_it_cannot_map_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = snapshot(root)
    rows = [
        {**record("read-sign", True), "model": "gemma-4-13b"},
        {**record("read-sign", True), "suite": "minni"},
        record("read-sing", True),
        record("count-cats", True, category="countng"),
        record("count-cars", True, category="reading"),
        {**record("read-menu", True), "passed": None, "score": 0.5},
        record("read-sign", True),
        record("read-sign", False),
    ]
    done = import_(root, jsonl_file(tmp_path, rows))
    assert done.exit_code == 1
    errors = done.output.splitlines()
    name = str(tmp_path / "run.jsonl")
    expected = [
        f"{name}:1:2: model: unknown model 'gemma-4-13b': models/gemma-4-13b.yaml does not exist (did you mean 'gemma-4-12b'?)",
        f"{name}:2:", "suite: unknown suite 'minni'", "(did you mean 'mini'?)",
        f"{name}:3:", "prompt: unknown prompt 'read-sing'; suite 'Mini Evals' does not list it (did you mean 'read-sign'?)",
        f"{name}:4:", "category: unknown category 'countng'", "(did you mean 'counting'?)",
        f"{name}:5:", "prompt 'count-cars' is in category 'counting', not 'reading'",
        f"{name}:6:", "partial credit",
        f"{name}:8:", "prompt 'read-sign' is given twice", f"(first at {name}:7)",
    ]  # fmt: skip
    for part in expected:
        assert any(part in line for line in errors), part
    assert errors[-1] == "versus: 7 problems in 1 file; nothing was written"
    assert "Traceback" not in done.output
    assert snapshot(root) == before


def test_a_record_naming_no_model_or_suite_is_refused_once_for_each(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = [{"prompt": name, "passed": True} for name in ("read-sign", "read-menu")]
    done = import_(root, jsonl_file(tmp_path, rows))
    assert done.exit_code == 1
    name = tmp_path / "run.jsonl"
    assert done.output.splitlines() == [
        f"{name}:1:1: model: the record names no model (give 'model' in every record, or "
        "pass --model ID)",
        f"{name}:1:1: suite: the record names no suite (give 'suite' in every record, or "
        "pass --suite ID)",
        "versus: 2 problems in 1 file; nothing was written",
    ]


def test_a_record_giving_both_verdicts_is_refused_as_an_outcome_is(tmp_path: Path) -> None:
    """One rule, one message for a record and an outcome (``inputs/schema.check_one_verdict``),
    placed at the second verdict."""
    root = project(tmp_path)
    done = import_(root, jsonl_file(tmp_path, [record("read-sign", True, score=1)]))
    assert done.exit_code == 1
    column = json.dumps(record("read-sign", True, score=1)).index('"score"') + 1
    assert done.output.splitlines()[0] == (
        f"{tmp_path / 'run.jsonl'}:1:{column}: score: give exactly one of 'passed' (true or "
        "false) and 'score' (0 to 1)"
    )


def test_a_record_naming_another_model_than_the_option_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = import_(root, jsonl_file(tmp_path, RECORDS), "--model", "paligemma")
    assert done.exit_code == 1
    assert "the record names model 'gemma-4-12b' but --model is 'paligemma'" in done.output


def test_options_fill_in_what_records_leave_out(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = [{k: v for k, v in row.items() if k not in ("model", "suite")} for row in RECORDS]
    done = import_(root, jsonl_file(tmp_path, rows), "--model", MODEL, "--suite", "mini")
    assert done.exit_code == 0, done.output
    assert (root / OUTCOMES).is_file()


def test_a_figure_given_by_some_records_of_a_run_only_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    rows = [RECORDS[0], {k: v for k, v in RECORDS[1].items() if k != "seconds"}]
    done = import_(root, jsonl_file(tmp_path, rows))
    assert done.exit_code == 1
    assert "seconds: not given, while 1 of the 2 records" in done.output
    # three records without it: the first named, the others counted
    rows = [RECORDS[0], *({k: v for k, v in r.items() if k != "seconds"} for r in RECORDS[1:])]
    rows.append(record("count-cars", True, input_tokens=330, output_tokens=1))
    done = import_(root, jsonl_file(tmp_path, rows, "more.jsonl"))
    assert done.exit_code == 1
    assert "seconds: not given (nor by 2 other records), while 1 of the 4 records" in done.output


# --- Inspect AI ---------------------------------------------------------------


def inspect_sample(id_: str | int, value: object, answer: str, **more: Any) -> dict[str, Any]:
    """A sample as ``inspect_ai.log.EvalSample`` writes it (the fields versus reads, and
    a few it does not)."""
    return {
        "id": id_,
        "epoch": 1,
        "input": "question",
        "target": "answer",
        "messages": [],
        "output": {
            "model": "openai/gpt-4o",
            "choices": [],
            "completion": answer,
            "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2},
        },
        "scores": {"match": {"value": value, "answer": answer, "explanation": ""}},
        "metadata": {},
        "model_usage": {
            "openai/gpt-4o": {"input_tokens": 250, "output_tokens": 12, "total_tokens": 262}
        },
        "total_time": 1.25,
        "working_time": 1.2,
        **more,
    }


def inspect_header(task: str = "mini_task") -> dict[str, Any]:
    """An ``inspect_ai.log.EvalLog`` without its samples, as ``header.json`` holds it."""
    return {
        "version": 2,
        "status": "success",
        "eval": {
            "eval_id": "abc",
            "run_id": "def",
            "created": "2026-05-14T10:11:12+00:00",
            "task": task,
            "task_version": 0,
            "dataset": {"name": "mini", "samples": 3},
            "model": "openai/gpt-4o",
            "model_generate_config": {"temperature": 0.0},
            "config": {},
            "packages": {"inspect_ai": "0.3.285"},
        },
        "plan": {"name": "plan", "steps": [], "config": {"max_tokens": 512}},
        "results": {"total_samples": 3, "completed_samples": 3, "scores": []},
        "stats": {"started_at": "", "completed_at": "", "model_usage": {}},
    }


SAMPLES = [
    inspect_sample("read-sign", "C", "STOP"),
    inspect_sample("read_menu", "I", "Pasta"),
    inspect_sample("count-cats", "N", ""),
]


def test_an_inspect_json_log(tmp_path: Path) -> None:
    root = project(tmp_path)
    log = tmp_path / "2026-05-14_mini.json"
    log.write_text(json.dumps({**inspect_header(), "samples": SAMPLES}, indent=2))
    done = import_(root, log, "--suite", "mini", "--model", MODEL)
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in (root / OUTCOMES).read_text().splitlines()]
    assert lines == [
        {"prompt": "read-sign", "passed": True, "answer": "STOP", "seconds": 1.25,
         "input_tokens": 250, "output_tokens": 12},
        {"prompt": "read-menu", "passed": False, "answer": "Pasta", "seconds": 1.25,
         "input_tokens": 250, "output_tokens": 12},
        {"prompt": "count-cats", "passed": False, "answer": "", "seconds": 1.25,
         "input_tokens": 250, "output_tokens": 12},
    ]  # fmt: skip
    result = yaml.safe_load((root / RESULT).read_text())
    assert result["harness"] == {"name": "Inspect AI", "version": "0.3.285"}
    assert result["settings"] == {"temperature": 0.0, "max_tokens": 512}
    assert str(result["date"]) == "2026-05-14"
    load_project(root)


def test_an_inspect_eval_archive_gives_the_same_files(tmp_path: Path) -> None:
    archive = tmp_path / "2026-05-14_mini.eval"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("_journal/start.json", json.dumps(inspect_header()))
        out.writestr("header.json", json.dumps(inspect_header()))
        for sample in SAMPLES:
            out.writestr(f"samples/{sample['id']}_epoch_1.json", json.dumps(sample))
    log = tmp_path / "2026-05-14_mini.json"
    log.write_text(json.dumps({**inspect_header(), "samples": SAMPLES}))
    one, two = project(tmp_path / "one"), project(tmp_path / "two")
    assert import_(one, archive, "--suite", "mini", "--model", MODEL).exit_code == 0
    assert import_(two, log, "--suite", "mini", "--model", MODEL).exit_code == 0
    assert (one / OUTCOMES).read_bytes() == (two / OUTCOMES).read_bytes()
    result_one = yaml.safe_load((one / RESULT).read_text())
    assert result_one["source"] == {"title": "Inspect AI log 2026-05-14_mini.eval"}


def test_an_inspect_log_names_its_model_and_task_which_must_be_versus_ids(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    log = tmp_path / "log.json"
    log.write_text(json.dumps({**inspect_header("inspect_evals/mini"), "samples": SAMPLES}))
    done = import_(root, log)
    assert done.exit_code == 1
    assert "model: unknown model 'gpt-4o'" in done.output
    assert "(pass --model ID to name the model)" in done.output
    # the task's name, as a slug, is the suite's id
    assert "suite: unknown" not in done.output
    assert done.output.count("unknown model") == 1  # once, not once per sample


def test_an_inspect_score_that_is_not_a_verdict_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    log = tmp_path / "log.json"
    samples = [inspect_sample("read-sign", 0.5, "STO"), inspect_sample("read-menu", "P", "?")]
    log.write_text(json.dumps({**inspect_header(), "samples": samples}))
    done = import_(root, log, "--suite", "mini", "--model", MODEL)
    assert done.exit_code == 1
    assert f"{log}: samples[0].scores: scorer 'match' gives 0.5;" in done.output
    assert f"{log}: samples[1].scores: scorer 'match' gives \"P\";" in done.output
    assert not (root / OUTCOMES).exists()


def test_an_unfinished_inspect_archive_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    archive = tmp_path / "log.eval"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("_journal/start.json", json.dumps(inspect_header()))
    done = import_(root, archive, "--suite", "mini", "--model", MODEL)
    assert done.exit_code == 1
    assert "not a finished Inspect log" in done.output


def test_an_inspect_log_nested_too_deeply_is_refused_where_it_nests(tmp_path: Path) -> None:
    """JSON nested past Python's stack (100,000 '[') is refused as JSON nested past the
    limit of every file versus reads, at the bracket that passes it, not as a recursion
    error with no place."""
    root = project(tmp_path)
    log = tmp_path / "deep.json"
    log.write_text('{"eval":\n  ' + "[" * 100_000 + "\n")
    archive = tmp_path / "deep.eval"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("header.json", json.dumps(inspect_header()))
        out.writestr("samples/1_epoch_1.json", "[" * 5_000)
    for file, where in (
        (log, f"{log}:2:102"),
        (archive, f"{archive}/samples/1_epoch_1.json:1:101"),
    ):
        done = import_(root, file, "--suite", "mini", "--model", MODEL)
        assert done.exit_code == 1
        assert done.output.splitlines() == [
            f"{where}: not an Inspect log: arrays and objects nested more than 100 levels deep "
            "(a log nests a few levels; look for brackets opened and never closed)",
            "versus: 1 problem in 1 file; nothing was written",
        ]


# --- lmms-eval ----------------------------------------------------------------


def lmms_line(doc_id: int, correct: float, answer: str) -> dict[str, Any]:
    """A line of lmms-eval's ``samples_<task>.jsonl`` (its evaluation tracker's fields)."""
    return {
        "doc_id": doc_id,
        "target": "B",
        "filtered_resps": [answer],
        "doc_hash": "h",
        "prompt_hash": "p",
        "target_hash": "t",
        "input": "question",
        "token_counts": [{"input_tokens": 400 + doc_id, "output_tokens": 3}],
        "exact_match": correct,
    }


def lmms_suite(root: Path) -> None:
    """A suite whose prompt ids are lmms-eval's document ids."""
    rows = [
        {"id": str(index), "category": "reading" if index < 2 else "counting", "prompt": "?"}
        for index in range(4)
    ]
    write(root, "evals/mini/prompts.jsonl", "".join(json.dumps(r) + "\n" for r in rows))


def test_an_lmms_eval_sample_log(tmp_path: Path) -> None:
    root = project(tmp_path)
    lmms_suite(root)
    folder = tmp_path / "logs" / "google__gemma-4-12b"
    folder.mkdir(parents=True)
    log = folder / "20260514_101112_samples_mini.jsonl"
    log.write_text("".join(json.dumps(lmms_line(i, i % 2, "B")) + "\n" for i in range(3)))
    done = import_(root, log)  # the model and the suite from the folder and file names
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in (root / OUTCOMES).read_text().splitlines()]
    assert lines[1] == {
        "prompt": "1",
        "passed": True,
        "answer": "B",
        "input_tokens": 401,
        "output_tokens": 3,
    }
    result = yaml.safe_load((root / RESULT).read_text())
    assert result["harness"] == {"name": "lmms-eval"}
    assert str(result["date"]) == "2026-05-14"
    load_project(root)
    assert import_(root, log).output.endswith(
        "versus: unchanged: the project already holds these results\n"
    )


def test_an_lmms_eval_log_with_several_metrics_needs_one_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    lmms_suite(root)
    log = tmp_path / "20260514_101112_samples_mini.jsonl"
    log.write_text(json.dumps({**lmms_line(0, 1, "B"), "relaxed_match": 1}) + "\n")
    done = import_(root, log, "--model", MODEL)
    assert done.exit_code == 1
    assert (
        "the documents give 2 metrics: exact_match, relaxed_match (choose one with --metric NAME)"
        in done.output
    )
    done = import_(root, log, "--model", MODEL, "--metric", "relaxed_match")
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("value", ["yes", 0.5])
def test_an_lmms_eval_metric_that_is_not_a_verdict_is_refused(
    tmp_path: Path, value: object
) -> None:
    root = project(tmp_path)
    lmms_suite(root)
    log = tmp_path / "20260514_101112_samples_mini.jsonl"
    log.write_text(json.dumps({**lmms_line(0, 1, "B"), "exact_match": value}) + "\n")
    done = import_(root, log, "--model", MODEL)
    assert done.exit_code == 1
    assert f"{log}:1:" in done.output
    assert "exact_match: 'exact_match' is not a verdict" in done.output


def test_a_csv_column_it_does_not_know_is_named_with_the_closest(tmp_path: Path) -> None:
    root = project(tmp_path)
    file = tmp_path / "run.csv"
    file.write_text("model,suite,prompt,pased\ngemma-4-12b,mini,read-sign,true\n")
    done = import_(root, file)
    assert done.exit_code == 1
    assert f"{file}:1:20: unknown column 'pased' (did you mean 'passed'?)" in done.output


@pytest.mark.parametrize(("separator", "called"), [(";", "';'"), ("\t", "tabs")])
def test_a_csv_a_spreadsheet_separated_otherwise_is_said_to(
    tmp_path: Path, separator: str, called: str
) -> None:
    root = project(tmp_path)
    file = tmp_path / "run.csv"
    header = separator.join(["model", "suite", "prompt", "passed"])
    file.write_text(f"{header}\n" + separator.join([MODEL, "mini", "read-sign", "true"]) + "\n")
    done = import_(root, file)
    assert done.exit_code == 1
    assert done.output.splitlines()[0].endswith(
        f"(the file separates its cells with {called}; versus reads CSV with ',': save it "
        "again as comma-separated, or import JSON Lines)"
    )


def test_a_result_that_links_out_of_the_project_is_not_read_nor_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("provenance: measured\nsource: {title: x}\n")
    (root / RESULT).symlink_to(outside)
    done = import_(root, jsonl_file(tmp_path, RECORDS))
    assert done.exit_code == 1
    assert RESULT in done.output
    assert outside.read_text() == "provenance: measured\nsource: {title: x}\n"
    assert not (root / OUTCOMES).exists()


def test_every_result_it_cannot_update_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, RESULT, "- a list\n")
    write(root, "evals/vision-evals/paligemma.yaml", "provenance: [\n")
    rows = [*RECORDS, {**record("c-1", True), "model": "paligemma", "suite": "vision-evals",
                       "category": "object-counting"}]  # fmt: skip
    before = snapshot(root)
    done = import_(root, jsonl_file(tmp_path, rows))
    assert done.exit_code == 1
    assert f"{RESULT}: cannot update: the result is not a mapping of fields" in done.output
    assert "evals/vision-evals/paligemma.yaml:" in done.output
    assert snapshot(root) == before
