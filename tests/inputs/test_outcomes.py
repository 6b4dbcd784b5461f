"""A run's outcomes, one per prompt: ``<model-id>.outcomes.jsonl`` and the figures they give."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from miniproject import RESULT, jsonl, mini_project, outcome
from support import fixture_project, problems_of, write
from versus.inputs import promptchecks
from versus.inputs.jsonlsource import parse_jsonl
from versus.inputs.load import load_project
from versus.inputs.outcomes import Outcome
from versus.inputs.problems import Problem
from versus.inputs.schema import OutcomeEntry
from versus.inputs.scores import summarize
from versus.inputs.yamlsource import MAX_DEPTH

MODEL = "gemma-4-26b-a4b"  # its card has a price: 0.06 in, 0.33 out per million tokens
OUTCOMES = f"evals/mini/{MODEL}.outcomes.jsonl"
RESULT_FILE = f"evals/mini/{MODEL}.yaml"

ROWS = [
    outcome("read-sign", True, seconds=2.0, input_tokens=100, output_tokens=10, answer="STOP"),
    outcome("read-menu", False, seconds=3.0, input_tokens=120, output_tokens=20),
    outcome("read-label", True, seconds=2.5, input_tokens=140, output_tokens=30),
    outcome("count-cats", True, seconds=1.5, input_tokens=160, output_tokens=40, answer="3"),
    outcome("count-cars", False, seconds=4.0, input_tokens=200, output_tokens=50),
]
"""Reading 2 of 3, counting 1 of 2; 2.6 s on average; medians of 140 and 30 tokens."""


def project(tmp_path: Path, rows: list[dict[str, Any]] = ROWS, result: str = RESULT) -> Path:
    return mini_project(tmp_path, outcomes={MODEL: rows}, results={MODEL: result})


def with_lines(root: Path, lines: list[str]) -> None:
    write(root, OUTCOMES, "".join(line + "\n" for line in lines))


def one(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_the_outcomes_give_every_figure_of_the_run(tmp_path: Path) -> None:
    catalog = load_project(project(tmp_path))
    result = catalog.results["mini"][MODEL]
    assert {cat: (c.passed, c.total) for cat, c in result.categories.items()} == {
        "reading": (2, 3),
        "counting": (1, 2),
    }
    assert result.avg_response_seconds == pytest.approx(2.6)
    assert (result.median_input_tokens, result.median_output_tokens) == (140, 30)
    outcomes = catalog.outcomes_of("mini", MODEL)
    card = catalog.models[MODEL]
    run = summarize(
        catalog.suites["mini"], result, card.pricing, catalog.config.bands, outcomes=outcomes
    )
    assert (run.passed, run.covered, run.overall) == (3, 5, Decimal(60))
    assert run.coverage == Decimal(100)
    assert run.cost_per_task == Decimal("0.0000183")  # (140 x 0.06 + 30 x 0.33) / 1e6
    assert run.outcomes == outcomes
    assert outcomes["read-sign"] == Outcome(
        prompt="read-sign",
        category="reading",
        passed=True,
        answer="STOP",
        seconds=2.0,
        input_tokens=100,
        output_tokens=10,
    )
    assert catalog.outcomes_of("mini", "florence-2") == {}
    assert OUTCOMES in catalog.digests


def test_outcomes_follow_the_order_of_the_prompt_list(tmp_path: Path) -> None:
    catalog = load_project(project(tmp_path, rows=list(reversed(ROWS))))
    assert list(catalog.outcomes_of("mini", MODEL)) == [row["prompt"] for row in ROWS]


def test_a_run_covering_part_of_the_suite(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS[:4]]
    rows[2]["input_tokens"] = 141
    catalog = load_project(project(tmp_path, rows=rows))
    result = catalog.results["mini"][MODEL]
    assert {cat: (c.passed, c.total) for cat, c in result.categories.items()} == {
        "reading": (2, 3),
        "counting": (1, 1),
    }
    # four values: the mean of the middle two, 120 and 141, rounded half up
    assert result.median_input_tokens == 131
    assert result.median_output_tokens == 25
    run = summarize(
        catalog.suites["mini"], result, catalog.models[MODEL].pricing, catalog.config.bands
    )
    assert (run.covered, run.coverage, run.usage_shown) == (4, Decimal(80), False)


def test_a_category_without_outcomes_is_not_run(tmp_path: Path) -> None:
    catalog = load_project(project(tmp_path, rows=ROWS[:3]))
    assert list(catalog.results["mini"][MODEL].categories) == ["reading"]


def test_stated_figures_that_agree_are_replaced_by_the_exact_ones(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS]
    rows[4]["seconds"] = 4.15  # 13.15 / 5 = 2.63
    stated = RESULT + (
        "categories:\n"
        "  reading: {passed: 2, total: 3, percent: 66.7}\n"
        "  counting: {passed: 1, total: 2}\n"
        "avg_response_seconds: 2.6\n"
        "median_input_tokens: 140\n"
        "median_output_tokens: 30\n"
        "overall_percent: 60\n"
        "cost_per_task: 0.0000183\n"
    )
    result = load_project(project(tmp_path, rows=rows, result=stated)).results["mini"][MODEL]
    assert result.avg_response_seconds == pytest.approx(2.63)


def test_a_stated_category_that_disagrees_is_an_error(tmp_path: Path) -> None:
    stated = RESULT + (
        "categories:\n  reading:\n    passed: 3\n    total: 3\n  counting:\n"
        "    passed: 1\n    total: 3\n"
    )
    root = project(tmp_path, result=stated)
    problems = problems_of(root)
    assert [(p.file, p.line, p.column, p.dotted_path, p.message) for p in problems] == [
        (
            RESULT_FILE,
            6,
            5,
            "categories.reading.passed",
            "states 3 but the outcomes pass 2 of the 3 prompts of 'reading'",
        ),
        (
            RESULT_FILE,
            10,
            5,
            "categories.counting.total",
            "states 3 but the outcomes cover 2 prompts of 'counting'",
        ),
    ]
    assert problems[0].hint == "remove 'categories'; versus computes them from the outcomes"


def test_stated_categories_must_cover_what_the_outcomes_cover(tmp_path: Path) -> None:
    stated = RESULT + "categories:\n  reading: {passed: 2, total: 3}\n"
    problem = one(problems_of(project(tmp_path, result=stated)))
    assert (problem.dotted_path, problem.message) == (
        "categories",
        "leaves out 'counting', which the outcomes cover (2 prompts)",
    )
    stated = (
        RESULT
        + "categories:\n  reading: {passed: 2, total: 3}\n  counting: {passed: 0, total: 1}\n"
    )
    problem = one(problems_of(project(tmp_path / "b", rows=ROWS[:3], result=stated)))
    assert (problem.dotted_path, problem.message) == (
        "categories.counting",
        "the outcomes cover no prompt of 'counting'",
    )


@pytest.mark.parametrize(
    ("stated", "path", "message"),
    [
        (
            "avg_response_seconds: 3.5",
            "avg_response_seconds",
            "states 3.5 but the outcomes' times average 2.6",
        ),
        (
            "median_input_tokens: 300",
            "median_input_tokens",
            "states 300 but the median of the outcomes' input tokens is 140",
        ),
        (
            "median_output_tokens: 31",
            "median_output_tokens",
            "states 31 but the median of the outcomes' output tokens is 30",
        ),
        (
            "overall_percent: 50",
            "overall_percent",
            "states 50% but the outcomes give 3/5 = 60.00%",
        ),
    ],
)
def test_a_stated_figure_that_disagrees_with_the_outcomes_is_an_error(
    stated: str, path: str, message: str, tmp_path: Path
) -> None:
    root = project(tmp_path, result=RESULT + stated + "\n")
    problem = one(problems_of(root))
    assert (problem.file, problem.line, problem.column) == (RESULT_FILE, 4, 1)
    assert (problem.dotted_path, problem.message) == (path, message)


def test_every_stated_figure_that_disagrees_is_reported_at_once(tmp_path: Path) -> None:
    stated = RESULT + (
        "categories:\n  reading: {passed: 2, total: 3, percent: 70}\n"
        "  counting: {passed: 1, total: 2}\n"
        "avg_response_seconds: 2.4\noverall_percent: 50\n"
    )
    problems = problems_of(project(tmp_path, result=stated))
    assert [(p.dotted_path, p.message) for p in problems] == [
        ("categories.reading.percent", "states 70% but 2/3 is 66.67%"),
        ("avg_response_seconds", "states 2.4 but the outcomes' times average 2.6"),
        ("overall_percent", "states 50% but the outcomes give 3/5 = 60.00%"),
    ]


def test_a_stated_median_of_an_even_count_may_be_any_value_between_the_middle_two(
    tmp_path: Path,
) -> None:
    rows = ROWS[:4]  # input tokens 100, 120, 140, 160
    load_project(project(tmp_path, rows=rows, result=RESULT + "median_input_tokens: 125\n"))
    problem = one(
        problems_of(
            project(tmp_path / "b", rows=rows, result=RESULT + "median_input_tokens: 150\n")
        )
    )
    assert (
        problem.message
        == "states 150 but a median of the outcomes' input tokens is from 120 to 140"
    )


def test_a_stated_time_stands_when_no_outcome_gives_one(tmp_path: Path) -> None:
    rows = [{"prompt": row["prompt"], "passed": row["passed"]} for row in ROWS]
    catalog = load_project(
        project(tmp_path, rows=rows, result=RESULT + "avg_response_seconds: 9.5\n")
    )
    result = catalog.results["mini"][MODEL]
    assert result.avg_response_seconds == 9.5
    assert result.median_input_tokens is None


def test_a_figure_some_outcomes_give_must_be_given_by_all(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS]
    del rows[1]["seconds"]
    del rows[3]["seconds"]
    del rows[4]["output_tokens"]
    problems = problems_of(project(tmp_path, rows=rows))
    assert [(p.file, p.line, p.column, p.dotted_path, p.message) for p in problems] == [
        (
            OUTCOMES,
            2,
            1,
            "seconds",
            "missing 'seconds' (also on line 4): 3 of the 5 outcomes give it; give it for every "
            "outcome or none",
        ),
        (
            OUTCOMES,
            5,
            1,
            "output_tokens",
            "missing 'output_tokens': 4 of the 5 outcomes give it; give it for every outcome "
            "or none",
        ),
    ]


def test_every_line_that_leaves_a_figure_out_is_named(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS + ROWS]  # ten lines: each prompt twice is a problem too
    for row in rows[1:9]:
        row.pop("seconds")
    problems = [p for p in problems_of(project(tmp_path, rows=rows)) if p.dotted_path == "seconds"]
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            "missing 'seconds' (also on lines 3, 4, 5, 6, 7 and 2 more): 2 of the 10 outcomes "
            "give it; give it for every outcome or none",
        )
    ]


def test_an_unknown_prompt_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS]
    rows[1]["prompt"] = "read-manu"
    root = project(tmp_path, rows=rows)
    problem = one(problems_of(root))
    assert (problem.file, problem.line, problem.dotted_path) == (OUTCOMES, 2, "prompt")
    assert problem.column == jsonl(rows).split("\n")[1].index('"prompt"') + 1
    assert problem.message == "unknown prompt 'read-manu'; suite 'Mini Evals' does not list it"
    assert problem.hint == "did you mean 'read-menu'?"


def test_a_second_outcome_for_a_prompt_is_an_error(tmp_path: Path) -> None:
    problem = one(problems_of(project(tmp_path, rows=[*ROWS, ROWS[0]])))
    assert (problem.line, problem.dotted_path) == (6, "prompt")
    assert problem.message == "a second outcome for prompt 'read-sign'; line 1 gives one already"
    assert problem.hint == "keep one of the two"


FIGURES = {"seconds": 2.0, "input_tokens": 100, "output_tokens": 10}


@pytest.mark.parametrize(
    ("row", "at"),
    [
        ({"prompt": "read-sign", **FIGURES}, ""),  # neither: the line
        ({"prompt": "read-sign", "passed": None, **FIGURES}, "passed"),  # null: where it is
        ({"prompt": "read-sign", "passed": True, "score": 1, **FIGURES}, "score"),  # the second
    ],
)
def test_an_outcome_gives_exactly_one_verdict(row: dict[str, Any], at: str, tmp_path: Path) -> None:
    problem = one(problems_of(project(tmp_path, rows=[row, *ROWS[1:]])))
    line = json.dumps(row)
    column = line.index(f'"{at}"') + 1 if at else 1
    assert (problem.file, problem.line, problem.column, problem.dotted_path) == (
        OUTCOMES,
        1,
        column,
        at,
    )
    assert problem.message == "give exactly one of 'passed' (true or false) and 'score' (0 to 1)"


def test_a_score_of_a_pass_fail_suite_is_0_or_1(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        {"prompt": row["prompt"], "score": int(row["passed"])} for row in ROWS
    ]
    rows[0]["score"] = 1.0
    catalog = load_project(project(tmp_path, rows=rows))
    assert [o.passed for o in catalog.outcomes_of("mini", MODEL).values()] == [
        row["passed"] for row in ROWS
    ]
    rows[1]["score"] = 0.5
    problem = one(problems_of(project(tmp_path / "b", rows=rows)))
    assert (problem.line, problem.dotted_path) == (2, "score")
    assert problem.message == "suite 'Mini Evals' scores pass/fail: a score is 0 or 1; got 0.5"
    assert problem.hint == "or write 'passed': true or false"
    rows[1]["score"] = 1.5
    problem = one(problems_of(project(tmp_path / "c", rows=rows)))
    assert problem.message == "expected a number at most 1; got 1.5"


def test_every_problem_of_an_outcomes_file_is_reported_at_once(tmp_path: Path) -> None:
    root = project(tmp_path)
    lines = [json.dumps(row) for row in ROWS]
    lines[0] = lines[0].replace('"passed": true', '"passed": "yes"')
    lines[1] = lines[1][:-1]  # no closing brace
    lines[2] = lines[2].replace('"seconds": 2.5', '"seconds": -1')
    lines[3] = '{"prompt": "count-cats", "passed": true, "passed": false}'
    lines.insert(4, "")  # a blank line is no outcome, and lines are still counted
    lines[5] = lines[5].replace('"input_tokens": 200', '"input_tokens": NaN')
    with_lines(root, lines)
    problems = problems_of(root)
    assert [(p.line, p.column, p.dotted_path, p.message, p.hint) for p in problems] == [
        (1, lines[0].index('"passed"') + 1, "passed", "expected true or false; got 'yes'", ""),
        (
            2,
            len(lines[1]) + 1,
            "",
            "not valid JSON: Expecting ',' delimiter",
            "write one JSON object per line",
        ),
        (3, lines[2].index('"seconds"') + 1, "seconds", "expected a number at least 0; got -1", ""),
        (
            4,
            lines[3].rindex('"passed"') + 1,
            "passed",
            "duplicate key 'passed'; this line sets it already",
            "remove one of the two",
        ),
        (
            6,
            lines[5].index("NaN") + 1,
            "",
            "not valid JSON: NaN is not a number JSON allows",
            "write one JSON object per line",
        ),
    ]
    assert all(p.file == OUTCOMES for p in problems)


def test_a_number_json_does_not_allow_is_placed_where_it_stands(tmp_path: Path) -> None:
    root = project(tmp_path)
    lines = [json.dumps(row) for row in ROWS]
    # "NaN" and "Infinity" in an answer are text; the value after "seconds" is the mistake
    lines[0] = '{"prompt": "read-sign", "passed": true, "answer": "NaN \\" Infinity", ' + (
        '"seconds": -Infinity, "input_tokens": 100, "output_tokens": 10}'
    )
    with_lines(root, lines)
    problem = one(problems_of(root))
    assert (problem.line, problem.column) == (1, lines[0].index("-Infinity") + 1)
    assert problem.message == "not valid JSON: -Infinity is not a number JSON allows"


def test_a_line_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    with_lines(root, [json.dumps(row) for row in ROWS[:4]] + ['["count-cars", false]'])
    problem = one(problems_of(root))
    assert (problem.line, problem.column, problem.message) == (
        5,
        1,
        "expected a mapping of fields; got a list",
    )


def test_bounded_answers_and_counts(tmp_path: Path) -> None:
    rows = [dict(row) for row in ROWS]
    rows[0]["answer"] = "x" * 10_001
    rows[1]["answer"] = ""  # the model answered nothing: kept, unlike an answer not recorded
    rows[2]["input_tokens"] = -3
    rows[3]["output_tokens"] = 1.5
    problems = problems_of(project(tmp_path, rows=rows))
    assert [(p.line, p.dotted_path, p.message) for p in problems] == [
        (1, "answer", "expected at most 10000 characters; got 10001"),
        (3, "input_tokens", "expected a number at least 0; got -3"),
        (4, "output_tokens", "expected a whole number; got 1.5"),
    ]
    rows = [dict(row) for row in ROWS]
    rows[1]["answer"] = ""
    catalog = load_project(project(tmp_path / "b", rows=rows))
    assert catalog.outcomes_of("mini", MODEL)["read-menu"].answer == ""
    assert catalog.outcomes_of("mini", MODEL)["read-label"].answer is None


def test_outcomes_need_the_suites_prompt_list(tmp_path: Path) -> None:
    root = mini_project(tmp_path, prompts=None, outcomes={MODEL: ROWS})
    problems = problems_of(root)
    assert (
        Problem.of_file(
            OUTCOMES,
            "outcomes need the suite's prompts, and suite 'mini' lists none",
            "list them in evals/mini/prompts.yaml or evals/mini/prompts.jsonl",
        )
        in problems
    )


def test_outcomes_need_their_result(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / RESULT_FILE).unlink()
    assert one(problems_of(root)) == Problem.of_file(
        OUTCOMES,
        f"outcomes of no result: {RESULT_FILE} does not exist",
        f"write the result too: versus new result mini {MODEL}",
    )


def test_an_empty_outcomes_file_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, OUTCOMES, "\n")
    assert one(problems_of(root)) == Problem.of_file(
        OUTCOMES, "the file holds no outcomes; expected one JSON object per line"
    )


def test_broken_outcomes_do_not_make_a_result_without_categories_an_error_too(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    with_lines(root, ["{"])
    assert [p.file for p in problems_of(root)] == [OUTCOMES]


def test_an_outcomes_file_name_must_hold_a_model_id(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "evals/mini/Gemma 4.outcomes.jsonl", jsonl(ROWS))
    problem = one(problems_of(root))
    assert problem == Problem.of_file(
        "evals/mini/Gemma 4.outcomes.jsonl",
        "the file name 'Gemma 4' is not a valid id: use lowercase letters, digits and single "
        "hyphens",
        "rename it to 'gemma-4.outcomes.jsonl'",
    )


def test_results_with_category_totals_only_are_unchanged(tmp_path: Path) -> None:
    catalog = load_project(fixture_project(tmp_path))
    assert catalog.outcomes == {}
    assert catalog.prompts == {}
    result = catalog.results["vision-evals"]["gemma-4-12b"]
    assert result.avg_response_seconds == 6.88
    assert result.median_input_tokens is None


# A field's value, mostly of its own kind: valid lines are common, and so are lines a
# single value makes invalid.
ODD = st.sampled_from([None, True, -1, 1.5, "", "Read Sign", "a\x00b", [0], {"a": 1}])
FIELD = {
    "prompt": st.sampled_from(["read-sign", "count-cats", "Not Listed"]),
    "passed": st.booleans(),
    "score": st.sampled_from([0, 1, 0.0, 1.0, -0.0, 0.5, 1.5]),
    "answer": st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=20)
    | st.sampled_from([" x ", "x" * 10_001, "é\n\tb", "", "a\x1bb"]),
    "seconds": st.floats(-1, 700_000, allow_nan=False) | st.integers(-1, 3),
    "input_tokens": st.integers(-1, 10**9 + 1),
    "output_tokens": st.integers(-1, 3) | st.sampled_from([10**9, 10**9 + 1]),
    "pass": st.booleans(),
}


@st.composite
def outcome_line(draw: st.DrawFn) -> dict[str, Any]:
    verdict = draw(st.sampled_from(["passed", "score"] * 5 + ["both", "neither"]))
    keys = [key for key in FIELD if key not in ("passed", "score", "pass") and draw(st.booleans())]
    keys += ["pass"] if draw(st.integers(0, 24)) == 0 else []
    keys += {"both": ["passed", "score"], "neither": []}.get(verdict, [verdict])
    line = {}
    for key in keys:
        odd = key == "pass" or draw(st.integers(0, 24)) == 0
        line[key] = draw(ODD if odd and key != "pass" else FIELD[key])
    if draw(st.integers(0, 9)):
        line["prompt"] = draw(ODD if draw(st.integers(0, 24)) == 0 else FIELD["prompt"])
    return line


LINES = st.lists(outcome_line(), max_size=3)


@settings(max_examples=400, deadline=None)
@given(records=LINES)
def test_the_quick_check_of_outcome_lines_agrees_with_the_schema(
    records: list[dict[str, Any]],
) -> None:
    quick = promptchecks.quick_outcomes(records, {"read-sign"})
    try:
        entries = [OutcomeEntry.model_validate(record) for record in records]
    except ValidationError:
        assert quick is None, records  # what the schema refuses, the quick check does too
        return
    if quick is not None:  # it may leave a valid line to the schema, never change one
        assert quick == promptchecks.columns_of(entries)


@pytest.mark.parametrize(
    "line",
    [
        '{"prompt": "read-sign", "passed": true, "passed" : false}',
        '{"prompt": "read-sign", "passed": true, "passed"\t: false}',
        '{"prompt": "read-sign", "passed": true, "p\\u0061ssed": false}',
        '{"prompt": "read-sign", "answer": "x\\": 1", "passed": true, "passed": false}',
    ],
)
def test_a_key_given_twice_is_found_however_it_is_written(line: str) -> None:
    lines = parse_jsonl(line + "\n", OUTCOMES)
    assert lines.records == []
    (problem,) = lines.problems
    assert problem.message == "duplicate key 'passed'; this line sets it already"


def test_a_line_read_the_quick_way_is_read_as_the_standard_library_reads_it() -> None:
    text = (
        '{"prompt": "read-sign", "answer": "say \\"passed\\": yes \\u00e9", "passed": true}\n'
        '{"prompt": "read-sign", "tags": {"a": 1}, "passed": true}\n'
        '{"prompt" : "read-sign", "passed": true}\n'
        "  \n"
        "[1, 2]\n"
    )
    lines = parse_jsonl(text, OUTCOMES)
    assert lines.problems == ()
    assert lines.lines == (1, 2, 3, 5)
    assert lines.records == [json.loads(line) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1, 5000])
def test_a_line_nested_past_the_limit_is_placed_at_the_bracket_that_passes_it(
    levels: int,
) -> None:
    # brackets inside a string do not count
    line = '{"prompt": "read-sign", "answer": "[[[{", "passed": true, "x": '
    deep = line + "[" * (levels - 1) + "]" * (levels - 1) + "}"
    good = '{"prompt": "read-sign", "passed": true}'
    lines = parse_jsonl(f"{deep}\n{good}\n", OUTCOMES)
    if levels <= MAX_DEPTH:
        assert lines.problems == ()
        return
    (problem,) = lines.problems
    assert (problem.line, problem.column) == (1, len(line) + MAX_DEPTH)
    assert problem.message == f"arrays and objects nested more than {MAX_DEPTH} levels deep"
    assert lines.lines == (2,)  # the other lines are still read
