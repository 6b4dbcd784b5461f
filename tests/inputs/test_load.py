"""The malformed-input corpus: each case breaks one thing and names the exact place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import REPO, SAMPLE_MODELS, override, problems_of, write
from versus.inputs.load import load_project
from versus.inputs.problems import InputError

Mutation = Callable[[Path], None]

# A minimal valid card. It has 8 lines, so a line appended to it is line 9.
CARD = """\
name: Probe
organization: Example Labs
category: open
modality: vision
summary: A model the tests write.
description: A model card written by the tests.
sources:
  - title: The tests
"""

# A minimal valid result of the seed suite 'vision-evals' (7 lines).
RESULT = """\
provenance: measured
source:
  title: The tests
categories:
  defect-detection:
    passed: 10
    total: 15
"""


def put(name: str, text: str) -> Mutation:
    """Write ``text`` (dedented) to ``name`` in the project."""

    def mutate(root: Path) -> None:
        write(root, name, text)

    return mutate


def put_bytes(name: str, data: bytes) -> Mutation:
    def mutate(root: Path) -> None:
        (root / name).write_bytes(data)

    return mutate


def edit(name: str, old: str, new: str) -> Mutation:
    """Replace the one occurrence of ``old`` in the project's ``name``."""

    def mutate(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the line of ``path`` that is exactly ``text``."""
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


# The duplicate capability is inserted as the first item of the second group,
# two lines below "  - id: model-features" (after its label and "capabilities:").
SECOND_GROUP = "  - id: model-features"
SECOND_GROUP_LINE = line_of(REPO / "versus.yaml", SECOND_GROUP)


@dataclass(frozen=True)
class Case:
    id: str
    mutations: tuple[Mutation, ...]
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    xfail: str = ""


CASES = [
    Case(
        "misspelt-field-name",
        (
            put(
                "models/probe.yaml",
                """\
                name: Probe
                organisation: Example Labs
                category: open
                modality: vision
                summary: A model the tests write.
                description: A model card written by the tests.
                sources:
                  - title: The tests
                """,
            ),
        ),
        "models/probe.yaml",
        2,
        1,
        "organisation",
        "unknown field 'organisation'",
        "did you mean 'organization'?",
    ),
    Case(
        "capability-state-not-allowed",
        (put("models/probe.yaml", CARD + "capabilities:\n  ocr: yes please\n"),),
        "models/probe.yaml",
        10,
        3,
        "capabilities.ocr",
        "expected one of supported, demo, no; got 'yes please'",
    ),
    Case(
        "misspelt-capability-id",
        (put("models/probe.yaml", CARD + "capabilities:\n  object-detektion: supported\n"),),
        "models/probe.yaml",
        10,
        3,
        "capabilities.object-detektion",
        "unknown capability 'object-detektion'; the taxonomy in versus.yaml does not list it",
        "did you mean 'object-detection'?",
    ),
    Case(
        "missing-top-level-field",
        (put("models/probe.yaml", CARD.removesuffix("sources:\n  - title: The tests\n")),),
        "models/probe.yaml",
        1,
        1,
        "sources",
        "missing required field 'sources'",
        "add 'sources:' here",
    ),
    Case(
        "missing-nested-field",
        (
            put(
                "models/probe.yaml",
                CARD
                + "pricing:\n"  # line 9
                + "  currency: USD\n"
                + "  input_per_million: 0.06\n"
                + "  output_per_million: 0.33\n"
                + "  as_of: 2026-11\n",
            ),
        ),
        "models/probe.yaml",
        9,
        1,
        "pricing.source",
        "missing required field 'source'",
        "add 'source:' here",
    ),
    Case(
        "missing-field-in-list-item",
        (
            put(
                "models/probe.yaml",
                CARD.replace("  - title: The tests\n", "  - url: https://example.org/\n"),
            ),
        ),
        "models/probe.yaml",
        8,
        5,
        "sources[0].title",
        "missing required field 'title'",
        "add 'title:' here",
    ),
    Case(
        "text-for-a-size",
        (put("models/probe.yaml", CARD + 'context_window: "many"\n'),),
        "models/probe.yaml",
        9,
        1,
        "context_window",
        "expected a number of tokens such as 32768, 32K or 1M; got 'many'",
    ),
    Case(
        "float-for-an-int",
        (put("models/probe.yaml", CARD + "context_window: 12.5\n"),),
        "models/probe.yaml",
        9,
        1,
        "context_window",
        "expected a whole number; got 12.5",
    ),
    Case(  # 100.0 (or 1e2) is refused as a decimal: said as one, not as the 100 it equals
        "whole-float-for-an-int",
        (put("models/probe.yaml", CARD + "context_window: 100.0\n"),),
        "models/probe.yaml",
        9,
        1,
        "context_window",
        "expected a whole number; got 100.0",
    ),
    Case(
        "list-for-a-mapping",
        (put("models/probe.yaml", CARD + "license: [MIT]\n"),),
        "models/probe.yaml",
        9,
        1,
        "license",
        "expected a mapping of fields; got a list",
    ),
    Case(
        "number-for-text",
        (put("models/probe.yaml", CARD.replace("name: Probe", "name: 42")),),
        "models/probe.yaml",
        1,
        1,
        "name",
        "expected non-empty text; got 42",
        'put it in quotes: "42"',
    ),
    Case(
        "value-not-in-choices",
        (put("models/probe.yaml", CARD.replace("category: open", "category: public")),),
        "models/probe.yaml",
        3,
        1,
        "category",
        "expected one of open-weights, api-only, research; got 'public'",
    ),
    Case(
        "value-misspelt",
        (put("models/probe.yaml", CARD.replace("category: open", "category: open_weight")),),
        "models/probe.yaml",
        3,
        1,
        "category",
        "expected one of open-weights, api-only, research; got 'open_weight'",
        "did you mean 'open-weights'?",
    ),
    Case(
        "former-category-closed",
        (put("models/probe.yaml", CARD.replace("category: open", "category: closed")),),
        "models/probe.yaml",
        3,
        1,
        "category",
        "'closed' no longer says enough; expected one of open-weights, api-only, research",
        "use 'api-only' when the model is used through a provider's API, "
        "'research' when only a paper was published",
    ),
    Case(
        "empty-text-in-a-list-item",
        (put("models/probe.yaml", CARD + "notes:\n  - ''\n"),),
        "models/probe.yaml",
        10,
        5,
        "notes[0]",
        "expected non-empty text; got ''",
    ),
    Case(
        "empty-list",
        (
            put(
                "models/probe.yaml",
                CARD.replace("sources:\n  - title: The tests\n", "sources: []\n"),
            ),
        ),
        "models/probe.yaml",
        7,
        1,
        "sources",
        "expected at least 1 item(s); got 0",
    ),
    Case(
        "yaml-1-1-boolean-is-text",
        (put("models/probe.yaml", CARD + "parameters:\n  disclosed: no\n"),),
        "models/probe.yaml",
        10,
        3,
        "parameters.disclosed",
        "expected true or false; got 'no'",
    ),
    Case(
        "lowercase-currency",
        (
            put(
                "models/probe.yaml",
                CARD
                + "pricing:\n"
                + "  currency: usd\n"  # line 10
                + "  input_per_million: 0.06\n"
                + "  output_per_million: 0.33\n"
                + '  as_of: "2026-11"\n'
                + "  source: A price list\n",
            ),
        ),
        "models/probe.yaml",
        10,
        3,
        "pricing.currency",
        "expected one of USD, EUR, GBP; got 'usd'",
        "did you mean 'USD'?",
    ),
    Case(
        "month-13",
        (put("models/probe.yaml", CARD + "released: 2024-13\n"),),
        "models/probe.yaml",
        9,
        1,
        "released",
        "expected a month from 01 to 12; got '2024-13'",
    ),
    Case(
        "impossible-day",
        (put("models/probe.yaml", CARD + "released: 2023-02-30\n"),),
        "models/probe.yaml",
        9,
        1,
        "released",
        "no such date: '2023-02-30' (that month has 28 days)",
    ),
    Case(
        "negative-price",
        (
            put(
                "models/probe.yaml",
                CARD
                + "pricing:\n"
                + "  currency: USD\n"
                + "  input_per_million: -0.06\n"  # line 11
                + "  output_per_million: 0.33\n"
                + '  as_of: "2026-11"\n'
                + "  source: A price list\n",
            ),
        ),
        "models/probe.yaml",
        11,
        3,
        "pricing.input_per_million",
        "expected an amount of zero or more; got -0.06",
    ),
    Case(
        "javascript-link",
        (put("models/probe.yaml", CARD + "links:\n  homepage: javascript:alert(1)\n"),),
        "models/probe.yaml",
        10,
        3,
        "links.homepage",
        "expected an http:// or https:// URL; got 'javascript:alert(1)'",
    ),
    Case(
        "parameters-total-and-variants",
        (
            put(
                "models/probe.yaml",
                CARD
                + "parameters:\n"  # line 9
                + "  total: 1B\n"
                + "  variants:\n"
                + "    - name: Probe-small\n"
                + "      total: 500M\n",
            ),
        ),
        "models/probe.yaml",
        9,
        1,
        "parameters",
        "give either 'total' (one size) or 'variants' (a family), not both or neither",
    ),
    Case(
        "bad-parameter-count",
        (put("models/probe.yaml", CARD + "parameters:\n  total: 1.5.2B\n"),),
        "models/probe.yaml",
        10,
        3,
        "parameters.total",
        "expected a positive count such as 230M, 25.2B or 12000000000; got '1.5.2B'",
    ),
    Case(
        "summary-too-long",
        (put("models/probe.yaml", CARD.replace("A model the tests write.", "x" * 201)),),
        "models/probe.yaml",
        5,
        1,
        "summary",
        "expected at most 200 characters; got 201",
    ),
    Case(
        "result-for-no-model",
        (put("evals/vision-evals/palligemma.yaml", RESULT),),
        "evals/vision-evals/palligemma.yaml",
        1,
        1,
        "",
        "no model card models/palligemma.yaml for this result of suite 'vision-evals'",
        "did you mean 'paligemma'?",
    ),
    Case(
        "result-category-not-in-suite",
        (
            put(
                "evals/vision-evals/paligemma.yaml",
                RESULT.replace("  defect-detection:", "  defect-detektion:"),
            ),
        ),
        "evals/vision-evals/paligemma.yaml",
        5,
        3,
        "categories.defect-detektion",
        "unknown category 'defect-detektion'; suite 'Vision Evals' does not have it",
        "did you mean 'defect-detection'?",
    ),
    Case(
        "passed-above-total",
        (put("evals/vision-evals/paligemma.yaml", RESULT.replace("passed: 10", "passed: 16")),),
        "evals/vision-evals/paligemma.yaml",
        6,
        5,
        "categories.defect-detection.passed",
        "passed (16) is more than total (15)",
    ),
    Case(
        "total-above-suite-prompts",
        (put("evals/vision-evals/paligemma.yaml", RESULT.replace("total: 15", "total: 16")),),
        "evals/vision-evals/paligemma.yaml",
        7,
        5,
        "categories.defect-detection.total",
        "total (16) is more than the 15 prompts the suite has in 'defect-detection'",
    ),
    Case(
        "stated-category-percent-disagrees",
        (put("evals/vision-evals/paligemma.yaml", RESULT + "    percent: 66.6\n"),),
        "evals/vision-evals/paligemma.yaml",
        8,
        5,
        "categories.defect-detection.percent",
        "states 66.6% but 10/15 is 66.67%",
        "remove 'percent'; versus computes it",
    ),
    Case(
        "stated-overall-percent-disagrees",
        (put("evals/vision-evals/paligemma.yaml", RESULT + "overall_percent: 66.0\n"),),
        "evals/vision-evals/paligemma.yaml",
        8,
        1,
        "overall_percent",
        "states 66.0% but the categories give 10/15 = 66.67%",
        "remove 'overall_percent'; versus computes it",
    ),
    Case(
        "stated-cost-disagrees",
        (
            put(
                "evals/vision-evals/gemma-4-26b-a4b.yaml",
                RESULT
                + "median_input_tokens: 294\n"
                + "median_output_tokens: 214\n"
                + "cost_per_task: 0.0002\n",  # line 10
            ),
        ),
        "evals/vision-evals/gemma-4-26b-a4b.yaml",
        10,
        1,
        "cost_per_task",
        "states 0.0002 but 294 input and 214 output tokens at the card's prices give 0.00008826",
        "remove 'cost_per_task'; versus computes it",
    ),
    Case(
        "stated-cost-without-pricing",
        (put("evals/vision-evals/paligemma.yaml", RESULT + "cost_per_task: 0.0001\n"),),
        "evals/vision-evals/paligemma.yaml",
        8,
        1,
        "cost_per_task",
        "states a cost per task, but the model card has no pricing",
    ),
    Case(
        "suite-categories-do-not-add-up",
        (
            put(
                "evals/probe-suite/suite.yaml",
                """\
                name: Probe Suite
                summary: A suite the tests write.
                description: Written by the tests.
                methodology: Pass or fail.
                prompts: 10
                categories:
                  - id: first
                    label: First
                    prompts: 4
                  - id: second
                    label: Second
                    prompts: 5
                """,
            ),
        ),
        "evals/probe-suite/suite.yaml",
        5,
        1,
        "prompts",
        "the suite has 10 prompts but its categories add up to 9",
    ),
    Case(
        "file-name-not-a-slug",
        (put("models/Bad Name.yaml", CARD),),
        "models/Bad Name.yaml",
        0,
        0,
        "",
        "the file name 'Bad Name' is not a valid id",
        "rename it to 'bad-name.yaml'",
    ),
    Case(
        "folder-name-not-a-slug",
        (put("evals/Probe_Suite/suite.yaml", "name: x\n"),),
        "evals/Probe_Suite",
        0,
        0,
        "",
        "the folder name 'Probe_Suite' is not a valid id",
        "rename it to 'probe-suite'",
    ),
    Case(
        "text-file-among-models",
        (put("models/notes.txt", "Some notes.\n"),),
        "models/notes.txt",
        0,
        0,
        "",
        "not a YAML file; only .yaml (or .yml) files belong here",
    ),
    Case(
        "same-id-twice",
        (put("models/probe.yaml", CARD), put("models/probe.yml", CARD)),
        "models/probe.yml",
        1,
        1,
        "",
        "model id 'probe' is already defined by models/probe.yaml",
        "keep one of the two files",
    ),
    Case(
        "duplicate-key",
        (put("models/probe.yaml", CARD + "name: Other\n"),),
        "models/probe.yaml",
        9,
        1,
        "name",
        "duplicate key 'name'; it is already set on line 1",
        "remove one of the two",
    ),
    Case(
        "tab-indent",
        (put("models/probe.yaml", CARD + "links:\n\thomepage: https://example.org/\n"),),
        "models/probe.yaml",
        10,
        1,
        "",
        "a tab character here; YAML indents with spaces only",
        "replace the tab with spaces",
    ),
    Case(
        "syntax-error",
        (put("models/probe.yaml", CARD + "notes: [one, two\n"),),
        "models/probe.yaml",
        10,
        1,
        "",
        "YAML syntax error: expected ',' or ']', but got '<stream end>'",
    ),
    Case(
        "empty-file",
        (put("models/probe.yaml", ""),),
        "models/probe.yaml",
        0,
        0,
        "",
        "the file is empty; expected a mapping of fields",
    ),
    Case(
        "list-instead-of-mapping",
        (put("models/probe.yaml", "- name: Probe\n- organization: Example Labs\n"),),
        "models/probe.yaml",
        1,
        1,
        "",
        "expected a mapping of fields; got a list",
    ),
    Case(
        "not-utf8",
        (put_bytes("models/probe.yaml", CARD.replace("Example", "Caf\xe9").encode("latin-1")),),
        "models/probe.yaml",
        2,
        18,
        "",
        "not UTF-8 text: byte 0xe9 cannot be decoded",
        "save the file as UTF-8",
    ),
    Case(
        "file-too-large",
        (put("models/probe.yaml", CARD + "#" * (1024 * 1024)),),
        "models/probe.yaml",
        0,
        0,
        "",
        f"the file is {len(CARD) + 1024 * 1024} bytes; the limit is 1048576",
    ),
    Case(
        "binary-file",
        (put_bytes("models/probe.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),),
        "models/probe.yaml",
        0,
        0,
        "",
        "this is a binary file, not YAML text (it holds NUL bytes)",
    ),
    Case(
        "capability-twice-in-taxonomy",
        (
            edit(
                "versus.yaml",
                "    label: Model features\n    capabilities:\n",
                "    label: Model features\n    capabilities:\n"
                "      - id: ocr\n        label: OCR again\n",
            ),
        ),
        "versus.yaml",
        SECOND_GROUP_LINE + 3,
        9,
        "taxonomy[1].capabilities[0].id",
        "duplicate capability id 'ocr'; each capability may appear in one group only",
    ),
    Case(
        "eval-folder-without-suite",
        (put("evals/probe-suite/paligemma.yaml", RESULT),),
        "evals/probe-suite",
        0,
        0,
        "",
        "an eval folder needs a suite.yaml",
        "write one: versus new suite probe-suite",
    ),
]


def expected_prefix(file: str, line: int, column: int, path: str) -> str:
    """How ``Problem.format()`` must begin for a problem at this place."""
    prefix = f"{file}:{line}:{column}: " if line else f"{file}: "
    return prefix + (f"{path}: " if path else "")


PARAMS = [
    pytest.param(
        case,
        id=case.id,
        marks=[pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else [],
    )
    for case in CASES
]


@pytest.mark.parametrize("case", PARAMS)
def test_malformed_input_is_reported_at_the_exact_place(project: Path, case: Case) -> None:
    for mutation in case.mutations:
        mutation(project)
    problems = problems_of(project)
    assert {p.file for p in problems} == {case.file}, [p.format() for p in problems]
    matching = [p for p in problems if p.dotted_path == case.path and case.message in p.message]
    assert len(matching) == 1, [p.format() for p in problems]
    problem = matching[0]
    assert (problem.file, problem.line, problem.column, problem.dotted_path) == (
        case.file,
        case.line,
        case.column,
        case.path,
    )
    assert problem.hint == case.hint
    text = problem.format()
    assert text.startswith(expected_prefix(case.file, case.line, case.column, case.path))
    assert case.message in text


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20
    assert len({case.id for case in CASES}) == len(CASES)


def test_capability_state_reads_as_one_line(project: Path) -> None:
    write(project, "models/probe.yaml", CARD + "capabilities:\n  ocr: yes please\n")
    [problem] = problems_of(project)
    assert problem.format() == (
        "models/probe.yaml:10:3: capabilities.ocr: "
        "expected one of supported, demo, no; got 'yes please'"
    )


def test_misspelt_required_field_is_one_problem_not_two(project: Path) -> None:
    write(project, "models/probe.yaml", CARD.replace("organization:", "organisation:"))
    assert [p.format() for p in problems_of(project)] == [
        "models/probe.yaml:2:1: organisation: unknown field 'organisation' "
        "(did you mean 'organization'?)"
    ]


def test_unknown_field_far_from_any_name_lists_the_allowed_ones(project: Path) -> None:
    write(project, "models/probe.yaml", CARD + "links:\n  zzz: https://example.org/\n")
    [problem] = problems_of(project)
    assert (problem.line, problem.column, problem.dotted_path) == (10, 3, "links.zzz")
    assert problem.hint == "allowed here: code, demo, homepage, paper, weights"


def test_three_mistakes_in_three_files_are_reported_in_one_run(project: Path) -> None:
    write(project, "evals/vision-evals/paligemma.yaml", RESULT.replace("passed: 10", "passed: 16"))
    write(project, "models/probe.yaml", CARD + "released: 2024-13\n")
    edit("versus.yaml", "title: versus\n", "title: ''\n")(project)
    problems = problems_of(project)
    assert [(p.file, p.dotted_path) for p in problems] == [
        ("evals/vision-evals/paligemma.yaml", "categories.defect-detection.passed"),
        ("models/probe.yaml", "released"),
        ("versus.yaml", "title"),
    ]
    assert problems == sorted(problems, key=lambda p: (p.file, p.line, p.column))


def test_the_error_message_lists_every_problem_in_order(project: Path) -> None:
    write(project, "models/probe.yaml", CARD + "released: 2024-13\ncontext_window: 0\n")
    with pytest.raises(InputError) as raised:
        load_project(project)
    assert [p.dotted_path for p in raised.value.problems] == ["released", "context_window"]
    assert str(raised.value) == "\n".join(p.format() for p in raised.value.problems)
    assert raised.value.problems[1].message == "expected a number greater than 0; got 0"


def test_the_project_copy_loads_cleanly(project: Path) -> None:
    catalog = load_project(project)
    assert sorted(catalog.models) == list(SAMPLE_MODELS)
    assert sorted(catalog.suites) == ["vision-evals"]
    assert sum(len(runs) for runs in catalog.results.values()) == 2


def test_a_valid_extra_card_loads(project: Path) -> None:
    write(project, "models/probe.yaml", CARD)
    assert "probe" in load_project(project).models


def test_reference_checks_run_even_when_the_card_fails_its_schema(project: Path) -> None:
    """One run lists schema errors and cross-file errors of the same files together."""
    write(
        project,
        "models/qwen.yaml",
        """
        name: Qwen
        organization: Alibaba
        category: open
        modality: multimodal
        summary: A card with three kinds of mistake.
        description: Reads charts <b>well</b>.
        released: 2025-02-30
        capabilities:
          ocr: supported
          visual-qa: supported
        sources:
          - title: Notes
        """,
    )
    write(
        project,
        "evals/vision-evals/qwen.yaml",
        """
        provenance: measured
        source: {title: A run}
        categories:
          object-countng: {passed: 3, total: 10}
        """,
    )
    found = [(p.file, p.line, p.dotted_path, p.message) for p in problems_of(project)]
    assert found == [
        (
            "evals/vision-evals/qwen.yaml",
            4,
            "categories.object-countng",
            "unknown category 'object-countng'; suite 'Vision Evals' does not have it",
        ),
        ("models/qwen.yaml", 6, "description", "expected Markdown without raw HTML; got '<b>'"),
        ("models/qwen.yaml", 7, "released", "no such date: '2025-02-30' (that month has 28 days)"),
        (
            "models/qwen.yaml",
            10,
            "capabilities.visual-qa",
            "unknown capability 'visual-qa'; the taxonomy in versus.yaml does not list it",
        ),
    ]


def test_a_cached_card_still_names_the_line_of_a_cross_file_problem(project: Path) -> None:
    """Source maps come back from the cache packed; a problem unpacks them, in a later run."""
    from versus.inputs.cache import DocumentCache

    cache = DocumentCache.for_project(project)
    load_project(project, cache)
    cache.save()
    card = (project / "models" / "florence-2.yaml").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(card.splitlines(), 1) if "captioning:" in text)
    config = project / "versus.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("id: captioning", "id: describing"), "utf-8"
    )
    try:
        load_project(project, DocumentCache.for_project(project))
    except InputError as error:
        found = [p for p in error.problems if p.file == "models/florence-2.yaml"]
    else:
        pytest.fail("the project loaded without problems")
    assert [(p.line, p.path) for p in found] == [(line, ("capabilities", "captioning"))]


def test_digests_read_before_spare_the_loader_a_second_read(project: Path) -> None:
    from versus.build.fingerprint import input_files
    from versus.inputs.cache import DocumentCache

    cache = DocumentCache.for_project(project)
    first = load_project(project, cache)
    cache.save()
    files = input_files(project)
    assert "models/florence-2.yaml" in files
    assert not any(part.startswith(".") for name in files for part in name.split("/"))
    again = load_project(project, DocumentCache.for_project(project), digests=files)
    assert again == first
    assert again.digests == {name: files[name] for name in again.digests}


def test_input_files_follow_linked_folders_once(project: Path) -> None:
    from versus.build.fingerprint import input_files

    override(project, "partials/cell.html")
    override(project, "base.html")
    (project / "templates" / "partials" / "loop").symlink_to(project / "templates")
    files = input_files(project)  # returns: a link back to a parent is not walked again
    assert "templates/base.html" in files
    assert "templates/partials/loop/base.html" not in files


def test_a_problem_in_a_linked_card_names_the_link(project: Path) -> None:
    """The file is named as the user wrote it, not by the target of its link."""
    (project / "drafts").mkdir()
    write(project, "drafts/target.yaml", "name: [unclosed\n")
    (project / "models" / "linked.yaml").symlink_to("../drafts/target.yaml")
    files = {problem.file for problem in problems_of(project)}
    assert "models/linked.yaml" in files
    assert not any("drafts" in name for name in files)


def test_input_files_record_a_fifo_as_refused_without_reading_it(project: Path) -> None:
    import os

    from versus.build.fingerprint import input_files

    os.mkfifo(project / "models" / "pipe.yaml")
    files = input_files(project)  # returns: the FIFO is not opened
    assert files["models/pipe.yaml"].startswith("refused: not a regular file (a FIFO)")
    assert "models/pipe.yaml" in {problem.file for problem in problems_of(project)}


def test_a_folder_named_like_a_card_is_a_problem_and_other_folders_are_not(project: Path) -> None:
    (project / "models" / "x.yaml").mkdir()
    (project / "models" / "drafts").mkdir()
    found = [(p.file, p.message) for p in problems_of(project)]
    assert found == [("models/x.yaml", "a folder, not a file: a card is one YAML file")]


def test_card_facts_leave_out_the_description_only(project: Path) -> None:
    from versus.inputs.cache import DocumentCache

    card = project / "models" / "paligemma.yaml"
    text = card.read_text(encoding="utf-8")
    cache = DocumentCache.for_project(project)
    fresh = load_project(project, cache).card_facts
    cache.save()
    assert load_project(project, DocumentCache.for_project(project)).card_facts == fresh
    card.write_text(text.replace("description: |-\n", "description: |-\n  Edited.\n", 1), "utf-8")
    edited = load_project(project, DocumentCache.for_project(project))
    assert edited.card_facts == fresh
    card.write_text(text.replace("summary: ", "summary: Edited. ", 1), "utf-8")
    facts = load_project(project).card_facts
    assert facts["paligemma"] != fresh["paligemma"]
    assert {m: d for m, d in facts.items() if m != "paligemma"} == {
        m: d for m, d in fresh.items() if m != "paligemma"
    }


PRICING = """\
pricing:
  currency: USD
  input_per_million: 0.06
  output_per_million: 0.33
  as_of: 2026-11
  source: A price list
"""
TOKENS = "median_input_tokens: 294\nmedian_output_tokens: 214\n"


def test_a_card_with_field_errors_still_prices_its_results_costs(project: Path) -> None:
    write(project, "models/probe.yaml", CARD.replace("Probe", "") + PRICING)
    write(project, "evals/vision-evals/probe.yaml", RESULT + TOKENS + "cost_per_task: 1\n")
    found = [(p.file, p.dotted_path, p.message) for p in problems_of(project)]
    assert found == [
        ("evals/vision-evals/probe.yaml", "cost_per_task", found[0][2]),
        ("models/probe.yaml", "name", "expected non-empty text; got nothing (null)"),
    ]
    assert found[0][2].startswith("states 1 but 294 input and 214 output tokens")


def test_a_card_whose_pricing_is_wrong_is_not_said_to_have_none(project: Path) -> None:
    write(project, "models/probe.yaml", CARD + PRICING.replace("USD", "dollars"))
    write(project, "evals/vision-evals/probe.yaml", RESULT + TOKENS + "cost_per_task: 1\n")
    assert [(p.file, p.dotted_path) for p in problems_of(project)] == [
        ("models/probe.yaml", "pricing.currency")
    ]


def test_a_result_with_a_field_error_is_left_out_though_its_figures_are_checked(
    project: Path,
) -> None:
    write(project, "evals/vision-evals/probe.yaml", RESULT + "avg_response_seconds: fast\n")
    write(project, "models/probe.yaml", CARD)
    with pytest.raises(InputError) as raised:
        load_project(project)
    assert [p.dotted_path for p in raised.value.problems] == ["avg_response_seconds"]
