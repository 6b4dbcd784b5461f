"""Where two models differ (versus.join.differences): which prompts, which of them a page
prints, and how their texts are cut. The page itself is read back in
``tests/site/test_differences_page.py``; here, the view model, from real projects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import fixture_project, write
from versus.inputs.cache import DocumentCache
from versus.inputs.load import load_project
from versus.join import differences
from versus.join.differences import (
    CUT,
    ELLIPSIS,
    Answer,
    Clip,
    SuiteDifferences,
    _allot,
    _picks,
    clip,
)
from versus.join.profiles import build_profiles

SUITE = {
    "name": "Dots",
    "summary": "Prompts in three categories.",
    "description": "A suite the tests write.",
    "methodology": "Pass or fail.",
    "categories": [
        {"id": "one", "label": "One"},
        {"id": "two", "label": "Two"},
        {"id": "three", "label": "Three"},
    ],
}


def dots(
    root: Path, marks: Mapping[str, str], answers: Mapping[str, Mapping[str, Any]] | None = None
) -> tuple[SuiteDifferences | None, SuiteDifferences | None]:
    """A suite of ``len(marks[...])`` prompts ``d<i>`` split in three categories in order, and
    for each model of ``marks`` (the sample's ids) its outcomes: ``1`` passed, ``0`` failed,
    ``-`` not answered; ``answers[model][prompt]`` the answer (else none recorded). Returns
    where Florence-2 and PaliGemma differ, both ways round."""
    fixture_project(root)
    size = max(3, len(next(iter(marks.values()))))  # a prompt in each category at least
    prompts = [
        {
            "id": f"d{i}",
            "category": ("one", "two", "three")[i * 3 // size],
            "prompt": f"Dot {i}?",
            "expected": str(i),
        }
        for i in range(size)
    ]
    write(root, "evals/dots/suite.yaml", yaml.safe_dump(SUITE, sort_keys=False))
    write(root, "evals/dots/prompts.jsonl", "".join(json.dumps(p) + "\n" for p in prompts))
    for model, row in marks.items():
        lines = []
        for i, mark in enumerate(row):
            if mark == "-":
                continue
            line: dict[str, Any] = {"prompt": f"d{i}", "passed": mark == "1"}
            answer = (answers or {}).get(model, {}).get(f"d{i}")
            if answer is not None:
                line["answer"] = answer
            lines.append(json.dumps(line) + "\n")
        write(root, f"evals/dots/{model}.outcomes.jsonl", "".join(lines))
        write(root, f"evals/dots/{model}.yaml", "provenance: measured\nsource:\n  title: tests\n")
    catalog = load_project(root, DocumentCache(None))
    profiles = build_profiles(catalog)
    a, b = profiles["florence-2"], profiles["paligemma"]
    suite = catalog.suites["dots"]
    prompts_of = catalog.prompts_of("dots")
    return (
        differences.suite_differences(a, b, "dots", suite, prompts_of),
        differences.suite_differences(b, a, "dots", suite, prompts_of),
    )


def shown(found: SuiteDifferences) -> list[str]:
    return [entry.prompt for category in found.categories for entry in category.shown]


def test_the_prompts_one_passed_and_the_other_failed(tmp_path: Path) -> None:
    forward, backward = dots(tmp_path, {"florence-2": "110100-11", "paligemma": "011100111"})
    assert forward is not None
    assert backward is not None
    # both answered d0..d5, d7, d8: only Florence-2 passed d0, only PaliGemma d2
    assert (forward.common, forward.only) == (8, (1, 1))
    assert str(forward.summary) == (
        "On the 8 prompts both runs answered, Florence-2 passed 1 that PaliGemma failed,"
        " and PaliGemma passed 1 that Florence-2 failed."
    )
    assert [(c.id, c.only) for c in forward.categories] == [("one", (("d0",), ("d2",)))]
    assert [str(c.summary) for c in forward.categories] == [
        "1 prompt only Florence-2 passed, 1 only PaliGemma passed."
    ]
    # the other way round: the same prompts, the columns swapped
    assert [(c.id, c.only) for c in backward.categories] == [("one", (("d2",), ("d0",)))]
    assert backward.only == (1, 1)


def test_each_prompt_carries_both_answers_and_verdicts(tmp_path: Path) -> None:
    long = "x" * (CUT + 1)
    forward, _ = dots(
        tmp_path,
        {"florence-2": "10", "paligemma": "01"},
        {"florence-2": {"d0": long, "d1": ""}, "paligemma": {"d0": "no"}},
    )
    assert forward is not None
    (d0,) = forward.categories[0].shown
    assert d0.text == Clip("Dot 0?", False)
    assert d0.expected == Clip("0", False)
    assert d0.answers == (
        Answer("Florence-2", "passed", Clip("x" * CUT + ELLIPSIS, True)),
        Answer("PaliGemma", "failed", Clip("no", False)),
    )
    (d1,) = forward.categories[1].shown
    assert d1.answers == (
        Answer("Florence-2", "failed", None, "no answer"),
        Answer("PaliGemma", "passed", None, "not recorded"),
    )
    assert d0.image_url is None
    assert d0.thumbnail is None


def test_runs_without_a_prompt_in_common(tmp_path: Path) -> None:
    forward, _ = dots(tmp_path, {"florence-2": "11--", "paligemma": "--00"})
    assert forward is not None
    assert forward.common == 0
    assert forward.categories == ()
    assert str(forward.summary) == "Florence-2 and PaliGemma answered no prompt in common."


def test_runs_that_agree_on_every_prompt(tmp_path: Path) -> None:
    forward, _ = dots(tmp_path, {"florence-2": "1010", "paligemma": "1010"})
    assert forward is not None
    assert forward.categories == ()
    assert forward.unlisted is None
    assert str(forward.summary) == (
        "On the 4 prompts both runs answered, Florence-2 and PaliGemma passed and failed"
        " the same ones."
    )


def test_no_differences_without_outcomes_on_both_sides(tmp_path: Path) -> None:
    # PaliGemma has outcomes, Florence-2 none on this suite (no run at all)
    forward, backward = dots(tmp_path, {"paligemma": "0110"})
    assert forward is None
    assert backward is None


def test_the_caps_spread_the_prompts_over_the_categories(tmp_path: Path) -> None:
    # One: 3 differ (all Florence-2's); Two: 2 (one each way); Three: 2 (PaliGemma's).
    forward, _ = dots(tmp_path, {"florence-2": "111100000", "paligemma": "000010011"})
    assert forward is not None
    assert [sum(map(len, c.only)) for c in forward.categories] == [3, 2, 2]
    assert (differences.PER_CATEGORY, differences.PER_SUITE) == (2, 3)
    # one a category first, where they differ most first: One (3), Two (2), Three (2)
    assert shown(forward) == ["d0", "d3", "d7"]
    assert [c.more for c in forward.categories] == [2, 1, 1]
    assert forward.unlisted is None


def test_categories_past_the_cap_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(differences, "PER_SUITE", 1)
    forward, _ = dots(tmp_path, {"florence-2": "111100000", "paligemma": "000010011"})
    assert forward is not None
    assert shown(forward) == ["d0"]
    assert [c.label for c in forward.listed] == ["One"]
    assert str(forward.unlisted) == (
        "Not listed here: the 4 prompts on which they differ in Two and Three."
    )


def test_the_cut() -> None:
    assert clip("x" * CUT) == Clip("x" * CUT, False)
    assert clip("x" * (CUT + 1)) == Clip("x" * CUT + ELLIPSIS, True)
    # a cut never ends on a space before its ellipsis
    assert clip("ab " + "c" * CUT, 3) == Clip("ab" + ELLIPSIS, True)
    assert clip("") == Clip("", False)


@pytest.mark.parametrize(
    ("first", "second", "order"),
    [
        (["a1", "a2", "a3"], ["b1"], ["a1", "b1", "a2", "a3"]),
        (["a1"], ["b1", "b2"], ["b1", "a1", "b2"]),
        (["a1", "a2"], ["b1", "b2"], ["a1", "b1", "a2", "b2"]),  # a tie: the first model's
        ([], ["b1"], ["b1"]),
    ],
)
def test_the_sides_take_turns_the_larger_first(
    first: list[str], second: list[str], order: list[str]
) -> None:
    assert _picks(first, second, len(order)) == order
    # the page takes the first of them
    assert _picks(first, second, 2) == order[:2]
    assert _picks(first, second, 0) == []


@pytest.mark.parametrize(
    ("sizes", "caps", "allotted"),
    [
        ([5, 1, 9], (2, 3), [1, 1, 1]),
        ([5, 9], (2, 3), [1, 2]),  # the larger takes the second turn
        ([5, 9], (2, 6), [2, 2]),
        ([1], (2, 3), [1]),
        ([4, 4, 4, 4], (2, 3), [1, 1, 1, 0]),  # on a tie, the suite's order
        ([], (2, 3), []),
    ],
)
def test_the_allotment(
    monkeypatch: pytest.MonkeyPatch,
    sizes: Sequence[int],
    caps: tuple[int, int],
    allotted: list[int],
) -> None:
    monkeypatch.setattr(differences, "PER_CATEGORY", caps[0])
    monkeypatch.setattr(differences, "PER_SUITE", caps[1])
    assert _allot(list(sizes)) == allotted
    assert sum(allotted) <= caps[1]
    assert all(count <= min(caps[0], size) for count, size in zip(allotted, sizes, strict=True))


@pytest.mark.parametrize(
    ("size", "box", "shown"),
    [
        ((640, 480), 320, (640, 480, False)),  # larger than the box: as it is
        ((200, 100), 320, (200, 100, False)),  # more than half the box
        ((160, 90), 320, (320, 180, True)),  # half of it: twice as large
        ((48, 48), 320, (288, 288, True)),  # the largest whole factor that fits
        ((4, 3), 96, (96, 72, True)),
    ],
)
def test_a_small_image_is_enlarged_by_a_whole_factor(
    size: tuple[int, int], box: int, shown: tuple[int, int, bool]
) -> None:
    assert tuple(differences.enlarged(*size, box)) == shown
