"""The cross-file checks, called directly on parsed and validated files."""

from __future__ import annotations

import textwrap
from typing import TypeVar

import pytest
from pydantic import BaseModel

from versus.inputs import checks
from versus.inputs.problems import Problem, printable
from versus.inputs.schema import EarlierRun, ModelCard, Result, SiteConfig, Suite
from versus.inputs.validation import validate
from versus.inputs.yamlsource import SourceMap, parse_yaml

M = TypeVar("M", bound=BaseModel)


def parsed(model: type[M], text: str, file: str) -> tuple[M, SourceMap]:
    """``text`` (dedented) validated as ``model``, with its source map."""
    document = parse_yaml(textwrap.dedent(text), file)
    value, problems = validate(model, document)
    assert value is not None, problems
    return value, document.source


CONFIG = """\
title: Probe
description: A site the tests write.
base_url: https://example.org/
taxonomy:
  - id: vision
    label: Vision
    capabilities:
      - id: ocr
        label: OCR
      - id: captioning
        label: Captioning
"""

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

SUITE = """\
name: Probe Suite
summary: A suite the tests write.
description: Written by the tests.
methodology: Pass or fail.
prompts: 10
categories:
  - id: first
    label: First
    prompts: 5
  - id: second
    label: Second
    prompts: 5
"""

NINE_SUITE = SUITE.replace("prompts: 10", "prompts: 14").replace("prompts: 5", "prompts: 9", 1)
SEVENTY_FIVE = (
    SUITE.replace("prompts: 10", "prompts: 75")
    .replace("prompts: 5", "prompts: 60", 1)
    .replace("prompts: 5", "prompts: 15", 1)
)

RESULT = """\
provenance: measured
source:
  title: The tests
categories:
  first:
    passed: 4
    total: 5
"""


def test_a_valid_config_has_no_problems() -> None:
    assert checks.check_config(*parsed(SiteConfig, CONFIG, "versus.yaml")) == []


def test_capability_ids_in_order() -> None:
    config, _ = parsed(SiteConfig, CONFIG, "versus.yaml")
    assert checks.capability_ids(config) == ["ocr", "captioning"]


def test_check_config_duplicate_group_id() -> None:
    text = (
        CONFIG
        + "  - id: vision\n    label: Again\n    capabilities:\n      - id: vqa\n        label: VQA\n"
    )
    [problem] = checks.check_config(*parsed(SiteConfig, text, "versus.yaml"))
    assert problem == Problem(
        "versus.yaml", 12, 5, ("taxonomy", 1, "id"), "duplicate group id 'vision'"
    )


def test_check_config_duplicate_capability_id_in_the_same_group() -> None:
    text = CONFIG + "      - id: ocr\n        label: OCR again\n"
    [problem] = checks.check_config(*parsed(SiteConfig, text, "versus.yaml"))
    assert (problem.line, problem.column) == (12, 9)
    assert problem.path == ("taxonomy", 0, "capabilities", 2, "id")
    assert problem.message == (
        "duplicate capability id 'ocr'; each capability may appear in one group only"
    )


def test_check_config_reports_a_thrice_repeated_capability_twice() -> None:
    text = CONFIG + "      - id: ocr\n        label: Two\n      - id: ocr\n        label: Three\n"
    found = checks.check_config(*parsed(SiteConfig, text, "versus.yaml"))
    assert [(p.line, p.path[3]) for p in found] == [(12, 2), (14, 3)]


def test_check_config_duplicate_band_id() -> None:
    text = CONFIG + (
        "bands:\n"  # line 12
        "  - id: high\n"
        "    label: High\n"
        "    min: 50\n"
        "  - id: high\n"  # line 16
        "    label: Low\n"
        "    min: 0\n"
    )
    [problem] = checks.check_config(*parsed(SiteConfig, text, "versus.yaml"))
    assert (problem.line, problem.column, problem.path) == (16, 5, ("bands", 1, "id"))
    assert problem.message == "duplicate band id 'high'"


@pytest.mark.parametrize("model_id", ["a-vs-b", "florence-2-vs-gemma", "x-vs-y-vs-z"])
def test_check_model_id_refuses_the_pair_separator(model_id: str) -> None:
    _, source = parsed(ModelCard, CARD, f"models/{model_id}.yaml")
    [problem] = checks.check_model_id(model_id, source)
    assert (problem.file, problem.line, problem.column, problem.path) == (
        f"models/{model_id}.yaml",
        1,
        1,
        (),
    )
    assert problem.message == (
        f"the model id '{model_id}' contains '-vs-', which separates "
        "the two ids of a comparison page"
    )
    assert problem.hint == "rename the file"


@pytest.mark.parametrize("model_id", ["versus", "vs", "a-vs", "vs-b", "a-vsb"])
def test_check_model_id_allows_vs_that_is_not_the_separator(model_id: str) -> None:
    _, source = parsed(ModelCard, CARD, f"models/{model_id}.yaml")
    assert checks.check_model_id(model_id, source) == []


def test_check_card_accepts_known_capabilities() -> None:
    config, _ = parsed(SiteConfig, CONFIG, "versus.yaml")
    card, source = parsed(
        ModelCard, CARD + "capabilities:\n  ocr: demo\n  captioning: no\n", "m.yaml"
    )
    assert checks.check_capability_ids(card.model_dump(), config, source) == []


def test_check_card_unknown_capability_without_a_close_match_has_no_hint() -> None:
    config, _ = parsed(SiteConfig, CONFIG, "versus.yaml")
    card, source = parsed(ModelCard, CARD + "capabilities:\n  teleportation: no\n", "m.yaml")
    [problem] = checks.check_capability_ids(card.model_dump(), config, source)
    assert (problem.line, problem.column, problem.path) == (
        10,
        3,
        ("capabilities", "teleportation"),
    )
    assert problem.hint == ""


TAXONOMY = """\
title: Probe
description: A site the tests write.
base_url: https://example.org/
taxonomy:
  - id: vision
    label: Vision
    capabilities:
      - id: vqa
        label: Visual question answering
      - id: ocr
        label: OCR
      - id: object-detection
        label: Object detection
      - id: vision-language
        label: Vision-language
      - id: captioning
        label: Image captioning
"""


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("visual-qa", "did you mean 'vqa' (Visual question answering)?"),
        ("visual-question-answering", "did you mean 'vqa' (Visual question answering)?"),
        ("optical-character-recognition", "did you mean 'ocr' (OCR)?"),
        ("image-captioning", "did you mean 'captioning' (Image captioning)?"),
        ("vl", "did you mean 'vision-language' (Vision-language)?"),
        ("object-detektion", "did you mean 'object-detection'?"),
        ("image-captionin", "did you mean 'captioning'?"),
        ("teleportation", ""),
    ],
)
def test_an_unknown_capability_is_matched_by_spelling_label_or_initials(
    written: str, hint: str
) -> None:
    config, _ = parsed(SiteConfig, TAXONOMY, "versus.yaml")
    card, source = parsed(ModelCard, CARD + f"capabilities:\n  {written}: demo\n", "m.yaml")
    [problem] = checks.check_capability_ids(card.model_dump(), config, source)
    assert problem.message == (
        f"unknown capability '{written}'; the taxonomy in versus.yaml does not list it"
    )
    assert problem.hint == hint


def test_a_valid_suite_has_no_problems() -> None:
    assert checks.check_suite(*parsed(Suite, SUITE, "evals/probe/suite.yaml")) == []


def test_check_suite_duplicate_category_id() -> None:
    text = SUITE.replace("prompts: 10", "prompts: 15") + (
        "  - id: first\n    label: Again\n    prompts: 5\n"  # line 13
    )
    [problem] = checks.check_suite(*parsed(Suite, text, "evals/probe/suite.yaml"))
    assert (problem.line, problem.column, problem.path) == (13, 5, ("categories", 2, "id"))
    assert problem.message == "duplicate category id 'first'"


def run_check(
    result_text: str, card_text: str | None = CARD, model_id: str = "probe", suite: str = SUITE
) -> list[Problem]:
    suite_model, _ = parsed(Suite, suite, "evals/probe/suite.yaml")
    result, source = parsed(Result, result_text, f"evals/probe/{model_id}.yaml")
    card = None if card_text is None else parsed(ModelCard, card_text, "models/probe.yaml")[0]
    known = set() if card is None else {"probe"}
    written = parse_yaml(textwrap.dedent(result_text), source.file).data
    refs = checks.check_result_refs(model_id, written, "probe", suite_model, known, source)
    return refs + checks.check_result_figures(result, suite_model, card, source)


PRICED_CARD = CARD + (
    "pricing:\n"
    "  currency: USD\n"
    "  input_per_million: 0.06\n"
    "  output_per_million: 0.33\n"
    '  as_of: "2026-11"\n'
    "  source: A price list\n"
)


def test_a_valid_result_has_no_problems() -> None:
    text = RESULT + (
        "    percent: 80\n"
        "median_input_tokens: 294\n"
        "median_output_tokens: 214\n"
        "overall_percent: 80.0\n"
        "cost_per_task: 0.00008826\n"
    )
    assert run_check(text, PRICED_CARD) == []


def test_a_stated_rounded_cost_agrees() -> None:
    text = RESULT + "median_input_tokens: 294\nmedian_output_tokens: 214\ncost_per_task: 0.0001\n"
    assert run_check(text, PRICED_CARD) == []


@pytest.mark.parametrize("kept", ["median_input_tokens: 294\n", "median_output_tokens: 214\n", ""])
def test_a_stated_cost_needs_both_token_counts(kept: str) -> None:
    [problem] = run_check(RESULT + kept + "cost_per_task: 0.0001\n", PRICED_CARD)
    assert problem.path == ("cost_per_task",)
    assert problem.message == (
        "states a cost per task without median_input_tokens and median_output_tokens"
    )


NINE = RESULT.replace("passed: 4\n    total: 5", "passed: 8\n    total: 9")
"""A result of 8/9 = 88.888...% in its one category."""


@pytest.mark.parametrize("stated", ["89", "88.9", "88.89", "88.889"])
def test_a_stated_percent_agrees_at_the_places_written(stated: str) -> None:
    assert run_check(NINE + f"    percent: {stated}\n", suite=NINE_SUITE) == []


@pytest.mark.parametrize(
    ("stated", "says"),
    [
        ("88", "states 88% but 8/9 is 88.89%"),
        ("89.0", "states 89.0% but 8/9 is 88.89%"),
        ("88.8", "states 88.8% but 8/9 is 88.89%"),
        ("88.88", "states 88.88% but 8/9 is 88.89%"),
    ],
)
def test_a_stated_percent_that_disagrees_is_printed_as_written(stated: str, says: str) -> None:
    [problem] = run_check(NINE + f"    percent: {stated}\n", suite=NINE_SUITE)
    assert problem.path == ("categories", "first", "percent")
    assert problem.message == says


OVERALL = RESULT + "  second:\n    passed: 3\n    total: 5\n"
"""7 of 10 prompts in two categories: 70%."""


@pytest.mark.parametrize("stated", ["63", "62.7", "62.67"])
def test_a_stated_overall_percent_agrees_at_the_places_written(stated: str) -> None:
    # 47/75 = 62.666...%, the case of issue 17: two categories of a larger suite
    text = (
        RESULT.replace("passed: 4\n    total: 5", "passed: 40\n    total: 60")
        + "  second:\n    passed: 7\n    total: 15\n"
        + f"overall_percent: {stated}\n"
    )
    assert run_check(text, suite=SEVENTY_FIVE) == []


@pytest.mark.parametrize(
    ("stated", "says"),
    [
        ("69", "states 69% but the categories give 7/10 = 70.00%"),
        ("70.1", "states 70.1% but the categories give 7/10 = 70.00%"),
    ],
)
def test_a_stated_overall_percent_that_disagrees_is_printed_as_written(
    stated: str, says: str
) -> None:
    [problem] = run_check(OVERALL + f"overall_percent: {stated}\n")
    assert problem.path == ("overall_percent",)
    assert problem.message == says


def test_a_stated_cost_is_printed_as_written() -> None:
    # 294 x 0.06 + 214 x 0.33 per million: 0.00008826
    text = RESULT + "median_input_tokens: 294\nmedian_output_tokens: 214\n"
    [problem] = run_check(text + "cost_per_task: 0.0000001\n", PRICED_CARD)
    assert problem.message.startswith("states 0.0000001 but "), problem.message


def test_a_whole_stated_cost_agrees_at_no_places() -> None:
    text = RESULT + "median_input_tokens: 294\nmedian_output_tokens: 214\n"
    assert run_check(text + "cost_per_task: 0\n", PRICED_CARD) == []


def test_a_result_without_a_card_still_has_its_categories_checked() -> None:
    text = RESULT.replace("first:", "frist:")
    found = run_check(text, card_text=None)
    assert [(p.line, p.column, p.path, p.hint) for p in found] == [
        (1, 1, (), "the file name must be a model id"),
        (5, 3, ("categories", "frist"), "did you mean 'first'?"),
    ]


def test_stated_figures_are_checked_on_the_counts_as_written_in_the_same_run() -> None:
    """A wrong count does not hide a stated overall percent that disagrees: both are said,
    the second with a hint that the counts may be what is wrong."""
    text = RESULT.replace("passed: 4", "passed: 6") + "overall_percent: 1\n"
    count, overall = run_check(text)
    assert count.path == ("categories", "first", "passed")
    assert overall.path == ("overall_percent",)
    assert overall.hint.startswith("correct the categories' counts, then compare again")


def test_check_unique_names_the_first_file() -> None:
    _, first = parsed(ModelCard, CARD, "models/x.yaml")
    _, second = parsed(ModelCard, CARD, "models/x.yml")
    _, other = parsed(ModelCard, CARD, "models/y.yaml")
    [problem] = checks.check_unique([("x", second), ("y", other), ("x", first)], "model")
    assert problem.file == "models/x.yml"
    assert problem.message == "model id 'x' is already defined by models/x.yaml"
    assert problem.hint == "keep one of the two files"


# --- pair paths ------------------------------------------------------------------------


def _files(*ids: str) -> dict[str, str]:
    return {id_: f"models/{id_}.yaml" for id_ in ids}


def test_ids_whose_pair_paths_collide_are_refused_naming_both_files() -> None:
    [problem] = checks.check_pair_paths(_files("a", "b", "a-vs", "vs-b", "c"))
    assert problem.format() == (
        "models/a-vs.yaml: the id 'a-vs' makes two comparisons share a page: the pair "
        "a-vs + b and the pair a + vs-b would both be compare/a-vs-vs-b/ "
        "(rename this file or models/vs-b.yaml)"
    )


@pytest.mark.parametrize(
    "ids",
    [
        ("a", "b", "a-vs", "c"),  # a-vs + b is a-vs-vs-b, but there is no vs-b
        ("a", "vs-b", "c"),  # a + vs-b is a-vs-vs-b, but there is no a-vs or b
        ("vs", "versus", "vs-code", "a"),
        ("b-vs", "a", "vs-a"),  # b-vs + a sorts as a-vs-b-vs; a + vs-a is a-vs-vs-a
    ],
)
def test_ids_with_vs_whose_paths_differ_are_fine(ids: tuple[str, ...]) -> None:
    assert checks.check_pair_paths(_files(*ids)) == []


def test_every_collision_is_found_among_many_ids() -> None:
    ids = [f"m{i}" for i in range(50)] + ["m1-vs", "vs-m2", "m3-vs", "vs-m4"]
    problems = checks.check_pair_paths(_files(*ids))
    slugs = sorted(p.message.split("compare/")[1] for p in problems)
    # every x-vs + y and x + vs-y with x < vs-y and x-vs < y
    assert slugs == sorted(
        f"{x}-vs-vs-{y}/"
        for x in ("m1", "m3")
        for y in ("m2", "m4")
        if x < f"vs-{y}" and f"{x}-vs" < y
    )


# --- problem lines on a terminal ----------------------------------------------------


def test_printable_escapes_controls_bidi_and_surrogates() -> None:
    assert printable("a\x1b[2Jb\x07\x7f\x9b") == "a\\x1b[2Jb\\x07\\x7f\\x9b"
    assert printable("one\ntwo\r\tend") == "one\\ntwo\\r\\tend"
    assert printable("\u202eevil\u2066\u200f\u2028") == "\\u202eevil\\u2066\\u200f\\u2028"
    assert printable("lone \ud800") == "lone \\ud800"
    assert printable("Zürich, אלפא, 日本, emoji 👩‍🔬") == "Zürich, אלפא, 日本, emoji 👩‍🔬"


def test_a_problem_line_cannot_be_forged_or_escape_the_terminal() -> None:
    problem = Problem(
        "models/a\x1b]0;x\x07.yaml",
        3,
        1,
        ("capabilities", "x\nmodels/b.yaml:1:1: name"),
        "unknown capability 'x\nmodels/b.yaml:1:1: name'",
        "did you mean '\u202eocr'?",
    )
    line = problem.format()
    assert "\n" not in line
    assert "\x1b" not in line
    assert "\u202e" not in line
    assert line.startswith("models/a\\x1b]0;x\\x07.yaml:3:1: capabilities.x\\nmodels/b.yaml")
    assert problem.as_dict()["path"] == "capabilities.x\nmodels/b.yaml:1:1: name"  # JSON: raw


# --- earlier runs ---------------------------------------------------------------------

DATED = RESULT.replace("categories:", 'date: "2026-05"\ncategories:')
"""A result dated May 2026, 4/5 in its one category; earlier runs follow it."""


def earlier(*runs: str) -> str:
    """``DATED`` with ``earlier_runs:`` listing ``runs`` (each the text of one item, its
    lines after the first indented by four)."""
    return DATED + "earlier_runs:\n" + "".join(f"  - {run}" for run in runs)


RUN_2025 = 'date: "2025-11"\n    categories:\n      first:\n        passed: 3\n        total: 5\n'


def test_earlier_runs_before_the_newest_have_no_problems() -> None:
    other = RUN_2025.replace('"2025-11"', '"2026-04-30"')
    harnessed = RUN_2025 + "    harness:\n      name: lmms-eval\n      version: 0.2.4\n"
    assert run_check(earlier(RUN_2025, other, harnessed)) == []


def test_an_earlier_run_as_new_as_the_newest_is_placed_on_its_date() -> None:
    text = earlier(RUN_2025, RUN_2025.replace('"2025-11"', '"2026-05"'))
    [problem] = run_check(text)
    assert (problem.line, problem.column) == (15, 5)  # the second run's "date:"
    assert problem.path == ("earlier_runs", 1, "date")
    assert problem.message == (
        "dated 2026-05, not before the top level's 2026-05: the run pages show is the newest"
    )
    assert problem.hint == "move this one to the top level, or write both dates to the day"


@pytest.mark.parametrize(
    ("written", "before"),
    [
        ("2026-04-30", True),
        ("2026-04", True),
        ("2025", True),
        ("2026-05-10", False),  # may be after the top level's 2026-05
        ("2026", False),
        ("2026-06", False),
    ],
)
def test_an_earlier_run_must_be_before_the_newest_whatever_days_its_date_stands_for(
    written: str, before: bool
) -> None:
    found = run_check(earlier(RUN_2025.replace('"2025-11"', f'"{written}"')))
    assert (found == []) is before, found


def test_earlier_runs_need_the_top_levels_date() -> None:
    [problem] = run_check(RESULT + "earlier_runs:\n  - " + RUN_2025)
    assert problem.path == ("earlier_runs",)
    assert (problem.line, problem.column) == (8, 1)
    assert problem.hint == "add 'date:' to the top level"


def test_two_earlier_runs_with_the_same_date_and_harness_are_refused() -> None:
    harness = "    harness:\n      name: lmms-eval\n      version: 0.2.4\n"
    other = "    harness:\n      name: lmms-eval\n      version: 0.2.5\n"
    text = earlier(RUN_2025 + harness, RUN_2025 + other, RUN_2025 + harness)
    [problem] = run_check(text)
    assert problem.path == ("earlier_runs", 2, "date")
    assert problem.message == (
        "earlier_runs[0] has the same date (2025-11) and harness (lmms-eval 0.2.4)"
    )
    without = run_check(earlier(RUN_2025, RUN_2025))
    assert [p.message for p in without] == [
        "earlier_runs[0] has the same date (2025-11) and harness (no harness)"
    ]


def test_an_earlier_runs_figures_are_checked_as_the_top_levels_are() -> None:
    run = (
        RUN_2025.replace("passed: 3", "passed: 6")
        + "  - "
        + RUN_2025.replace('"2025-11"', '"2025-10"').replace(
            "total: 5\n", "total: 5\n        percent: 60.0\n"
        )
        + "    overall_percent: 61\n"
    )
    found = run_check(earlier(run))
    assert [(p.path, p.message) for p in found] == [
        (("earlier_runs", 0, "categories", "first", "passed"), "passed (6) is more than total (5)"),
        (
            ("earlier_runs", 1, "overall_percent"),
            "states 61% but the categories give 3/5 = 60.00%",
        ),
    ]


def test_an_earlier_runs_stated_percent_is_compared_at_the_places_written() -> None:
    # 8/9 = 88.89%: "89" agrees, "89.0" does not
    run = RUN_2025.replace("passed: 3\n        total: 5", "passed: 8\n        total: 9")
    ok = earlier(run.replace("total: 9\n", "total: 9\n        percent: 89\n"))
    assert run_check(ok, suite=NINE_SUITE) == []
    wrong = earlier(run.replace("total: 9\n", "total: 9\n        percent: 89.0\n"))
    [problem] = run_check(wrong, suite=NINE_SUITE)
    assert problem.path == ("earlier_runs", 0, "categories", "first", "percent")
    assert problem.message == "states 89.0% but 8/9 is 88.89%"


def test_an_earlier_runs_unknown_category_is_placed_with_a_did_you_mean() -> None:
    [problem] = run_check(earlier(RUN_2025.replace("first:", "frist:")))
    assert problem.path == ("earlier_runs", 0, "categories", "frist")
    assert (problem.line, problem.column) == (12, 7)
    assert problem.message == "unknown category 'frist'; suite 'Probe Suite' does not have it"
    assert problem.hint == "did you mean 'first'?"


def test_an_earlier_runs_stated_cost_is_checked_against_the_cards_prices() -> None:
    run = RUN_2025 + "    median_input_tokens: 294\n    median_output_tokens: 214\n"
    assert run_check(earlier(run + "    cost_per_task: 0.0001\n"), PRICED_CARD) == []
    [problem] = run_check(earlier(run + "    cost_per_task: 0.0001\n"), CARD)
    assert problem.path == ("earlier_runs", 0, "cost_per_task")
    assert problem.message == "states a cost per task, but the model card has no pricing"


def test_an_earlier_run_is_a_result_of_its_own_for_summaries() -> None:
    text = earlier(
        RUN_2025
        + "    source:\n      title: An older report\n    settings:\n      temperature: 0.7\n",
        RUN_2025.replace('"2025-11"', '"2025-10"'),
    )
    result, _ = parsed(Result, text, "evals/probe/probe.yaml")
    first, second = result.earlier()
    assert first.source.title == "An older report"
    assert second.source.title == "The tests"  # the top level's, when a run gives none
    assert first.settings == {"temperature": 0.7}
    assert first.provenance == "measured"
    assert first.categories["first"].passed == 3
    assert first.earlier_runs == []
    assert first.earlier() == ()


def test_an_earlier_run_takes_only_provenance_and_source_from_the_top_level() -> None:
    text = DATED + (
        "avg_response_seconds: 2.5\nnotes: [Top.]\n"
        "harness: {name: h, version: '2'}\nsettings: {temperature: 0}\n"
        "earlier_runs:\n  - " + RUN_2025
    )
    result, _ = parsed(Result, text, "evals/probe/probe.yaml")
    [run] = result.earlier()
    assert set(EarlierRun.model_fields) < set(Result.model_fields)
    assert (run.provenance, run.source) == (result.provenance, result.source)
    assert run.avg_response_seconds is None
    assert run.notes == []
    assert run.harness is None
    assert run.settings == {}
    assert run.earlier_runs == []
