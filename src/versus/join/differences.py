"""Where two models differ: the prompts one passed and the other failed, as evidence.

A score says how often a model passes; a comparison page should also show *why*
one beats the other. For each suite on which both runs give their per-prompt
outcomes, this finds the prompts both answered that one passed and the other
failed, by category, and picks a few of them to print with the prompt, its
image (a thumbnail of a published file, a link to an image elsewhere), the expected
answer and both answers.

A pair page must stay small at any catalog size (a site has a page per pair),
so what is printed is capped: at most :data:`PER_CATEGORY` prompts a category
and :data:`PER_SUITE` a suite, and each text cut at a fixed length
(:data:`CUT`). Every such prompt is still listed, by id, in the two models' outcome
files (``api/outcomes/<id>.json``).
``tests/site/test_differences_page.py`` measures the page these caps give.

Pure: the view model a template loops over and prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from versus import urls
from versus.inputs.outcomes import Outcome, Prompt, PromptImage
from versus.inputs.problems import counted
from versus.inputs.schema import Suite
from versus.join import claims, tables
from versus.join.claims import Verdicts
from versus.join.formatting import Name, Sentence
from versus.join.profiles import Profile

PER_CATEGORY = 2
"""At most this many prompts of a category are printed (of both models' together)."""
PER_SUITE = 3
"""At most this many prompts of a suite are printed, in all its categories."""
CUT = 100
"""A prompt's text, its expected answer and each answer are printed up to this many
characters; a longer one is cut, with an ellipsis, and says so."""
ELLIPSIS = "…"
THUMBNAIL = 96
"""A prompt's image is shown as a thumbnail that fits a square of this many CSS pixels:
scaled down to fit; one less than half as large, scaled up (:func:`enlarged`)."""
PROMPT_IMAGE = 320
"""A prompt's page shows its image as it is, or, one less than half this many CSS pixels
on its longest side, scaled up (:func:`enlarged`)."""


class Clip(NamedTuple):
    """A text as printed: whole, or its first :data:`CUT` characters."""

    text: str
    cut: bool
    """Whether the text was longer and is cut (the page says "(cut)")."""


def clip(text: str, limit: int = CUT) -> Clip:
    """``text`` up to ``limit`` characters; past that, cut there with an ellipsis."""
    if len(text) <= limit:
        return Clip(text, False)
    return Clip(text[:limit].rstrip() + ELLIPSIS, True)


class Answer(NamedTuple):
    """One model's answer to a prompt."""

    model: str
    verdict: str
    """``passed`` or ``failed``."""
    text: Clip | None
    """The answer as printed; ``None`` when the run did not record it."""
    missing: str = ""
    """What stands in for an answer without text: ``not recorded`` or ``no answer``."""


class Shown(NamedTuple):
    """The size an image is shown at, in CSS pixels."""

    width: int
    height: int
    pixelated: bool = False
    """Scaled up by a whole factor, each pixel drawn as a square (``image-rendering:
    pixelated``): the reader sees the pixels the model was given, not a blur of them."""


def enlarged(width: int, height: int, box: int) -> Shown:
    """An image of at most half ``box`` on its longest side scaled up by the largest whole
    factor that fits ``box``; any other as it is. A small image shown at its own size is
    hard to read, and blurred on a screen of more than one device pixel per CSS pixel."""
    factor = box // max(width, height, 1)
    if factor < 2:
        return Shown(width, height)
    return Shown(width * factor, height * factor, pixelated=True)


class Thumbnail(NamedTuple):
    """A published image as a thumbnail: where it is and the size it is shown at."""

    src: str
    """Site-relative path of the published file (:func:`versus.urls.image`)."""
    width: int
    height: int
    pixelated: bool = False
    """Scaled up (:attr:`Shown.pixelated`)."""


class Entry(NamedTuple):
    """One prompt that one model passed and the other failed."""

    prompt: str
    """The prompt's id."""
    text: Clip
    image_url: str | None
    """An image given as an https URL: linked, never loaded (a page requests nothing from
    another site)."""
    thumbnail: Thumbnail | None
    """An image given as a file of the project: its thumbnail."""
    expected: Clip | None
    answers: tuple[Answer, Answer]
    """Both models' answers, in the pair's order."""


class CategoryDifferences(NamedTuple):
    """The prompts of one category that one model passed and the other failed."""

    id: str
    label: str
    only: tuple[tuple[str, ...], tuple[str, ...]]
    """Every such prompt's id, in the suite's order: those only the first model passed,
    and those only the second passed (the models' outcome files give them all)."""
    summary: Sentence
    """``3 prompts only A passed, 1 only B passed.``"""
    shown: tuple[Entry, ...]
    """Those the page prints, in the suite's order."""

    @property
    def more(self) -> int:
        """How many of the category's prompts the page does not print."""
        return len(self.only[0]) + len(self.only[1]) - len(self.shown)


class SuiteDifferences(NamedTuple):
    """Where the pair differs on one suite both runs give outcomes for."""

    suite_id: str
    name: str
    common: int
    """How many prompts both runs answered."""
    only: tuple[int, int]
    """How many of those only the first, and only the second, passed."""
    summary: Sentence
    categories: tuple[CategoryDifferences, ...]
    """The categories with at least one such prompt, in the suite's order."""
    unlisted: Sentence | None
    """What the page says of the categories it prints no prompt of, if any."""

    @property
    def listed(self) -> tuple[CategoryDifferences, ...]:
        """The categories the page prints prompts of."""
        return tuple(category for category in self.categories if category.shown)


def _verdicts(profile: Profile, suite_id: str) -> Verdicts | None:
    rate = tables.overall_rate(profile, suite_id)
    return rate.verdicts if rate is not None else None


def _answer(model: str, outcome: Outcome, passed: bool) -> Answer:
    verdict = "passed" if passed else "failed"
    if outcome.answer is None:
        return Answer(model, verdict, None, "not recorded")
    if not outcome.answer:
        return Answer(model, verdict, None, "no answer")
    return Answer(model, verdict, clip(outcome.answer))


def _entry(
    prompt: Prompt, outcomes: tuple[Outcome, Outcome], names: tuple[str, str], winner: int
) -> Entry:
    image = prompt.image
    return Entry(
        prompt=prompt.id,
        text=clip(prompt.text),
        image_url=image.url if image is not None else None,
        thumbnail=thumbnail(image) if image is not None else None,
        expected=clip(prompt.expected) if prompt.expected is not None else None,
        answers=(
            _answer(names[0], outcomes[0], winner == 0),
            _answer(names[1], outcomes[1], winner == 1),
        ),
    )


@lru_cache(maxsize=1 << 12)
def thumbnail(image: PromptImage) -> Thumbnail | None:
    """A published image's thumbnail, its size scaled to fit :data:`THUMBNAIL` (rounded,
    at least a pixel), a small one scaled up (:func:`enlarged`); ``None`` for an image
    elsewhere. Kept: the same prompts recur on
    many pairs' pages."""
    width, height = image.width, image.height
    if image.digest is None or width is None or height is None:
        return None
    longest = max(width, height)
    src = urls.image(image.digest, image.ending)
    if longest > THUMBNAIL:  # integers: the same size on every machine
        width = max(1, (width * THUMBNAIL + longest // 2) // longest)
        height = max(1, (height * THUMBNAIL + longest // 2) // longest)
        return Thumbnail(src, width, height)
    return Thumbnail(src, *enlarged(width, height, THUMBNAIL))


def _picks(first: list[str], second: list[str], count: int) -> list[str]:
    """The first ``count`` prompts of a category in the order the page takes them: the two
    sides in turn, the side with more prompts first (the category's main story; the first
    model's on a tie), each in the suite's order."""
    lead, other = (first, second) if len(first) >= len(second) else (second, first)
    picks: list[str] = []
    for index in range(min(count, max(len(lead), len(other)))):
        picks += [side[index] for side in (lead, other) if index < len(side)]
    return picks[:count]


def _allot(sizes: list[int]) -> list[int]:
    """How many prompts of each category to print: categories take turns, one prompt a
    turn, so that each category shows one before any shows a second, those where the two
    differ most first (the suite's order on a tie); at most :data:`PER_CATEGORY` a category
    and :data:`PER_SUITE` in all."""
    allotted = [0] * len(sizes)
    turns = sorted(range(len(sizes)), key=lambda index: -sizes[index])  # stable: suite order
    budget = PER_SUITE
    for turn in range(PER_CATEGORY):
        for index in turns:
            if budget and turn < sizes[index]:
                allotted[index] += 1
                budget -= 1
    return allotted


def _count(count: int) -> str:
    return counted(count, "prompt")


def _summary(names: tuple[Name, Name], common: int, only: tuple[int, int]) -> Sentence:
    a, b = names
    if not common:
        return Sentence(a, " and ", b, " answered no prompt in common.")
    on = f"On the {_count(common)} both runs answered, "
    if only == (0, 0):
        return Sentence(on, a, " and ", b, " passed and failed the same ones.")
    first, second = only
    return Sentence(
        on,
        a,
        f" passed {first} that ",
        b,
        " failed, and ",
        b,
        f" passed {second} that ",
        a,
        " failed.",
    )


def _category_summary(names: tuple[Name, Name], only: tuple[int, int]) -> Sentence:
    a, b = names
    if not only[1]:
        return Sentence(f"{_count(only[0])} only ", a, " passed.")
    if not only[0]:
        return Sentence(f"{_count(only[1])} only ", b, " passed.")
    return Sentence(f"{_count(only[0])} only ", a, f" passed, {only[1]} only ", b, " passed.")


def _unlisted(categories: list[CategoryDifferences]) -> Sentence | None:
    rest = [category for category in categories if not category.shown]
    if not rest:
        return None
    count = sum(category.more for category in rest)
    labels = [Name(category.label) for category in rest]
    parts: list[str] = [f"Not listed here: the {_count(count)} on which they differ in "]
    for index, label in enumerate(labels):
        if index:
            parts.append(" and " if index == len(labels) - 1 else ", ")
        parts.append(label)
    parts.append(".")
    return Sentence(*parts)


def suite_differences(
    a: Profile, b: Profile, suite_id: str, suite: Suite, prompts: Mapping[str, Prompt]
) -> SuiteDifferences | None:
    """Where ``a`` and ``b`` differ on one suite; ``None`` unless both runs give outcomes."""
    run_a, run_b = a.runs.get(suite_id), b.runs.get(suite_id)
    if run_a is None or run_b is None or not run_a.outcomes or not run_b.outcomes:
        return None
    verdicts_a, verdicts_b = _verdicts(a, suite_id), _verdicts(b, suite_id)
    if verdicts_a is None or verdicts_b is None:
        return None
    names = (Name(a.name), Name(b.name))
    common = len(verdicts_a.answered & verdicts_b.answered)
    only_a, only_b = claims.discordant(verdicts_a, verdicts_b)
    # by category: the prompts only a passed, only b passed, and both lists in one
    found: dict[str, tuple[list[str], list[str], list[str]]] = {}
    if only_a or only_b:
        # a's outcomes are in the suite's order, and hold every prompt either set names
        either = only_a | only_b
        for prompt_id, outcome in run_a.outcomes.items():
            if prompt_id in either:
                lists = found.get(outcome.category)
                if lists is None:
                    lists = found[outcome.category] = ([], [], [])
                lists[0 if prompt_id in only_a else 1].append(prompt_id)
                lists[2].append(prompt_id)
    order = [category for category in suite.categories if category.id in found]
    allotted = _allot([len(found[category.id][2]) for category in order])
    categories = []
    for category, count in zip(order, allotted, strict=True):
        first, second, both = found[category.id]
        chosen = set(_picks(first, second, count))
        shown = tuple(
            _entry(
                prompts[prompt_id],
                (run_a.outcomes[prompt_id], run_b.outcomes[prompt_id]),
                (a.name, b.name),
                winner=0 if prompt_id in only_a else 1,
            )
            for prompt_id in both
            if prompt_id in chosen
        )
        categories.append(
            CategoryDifferences(
                category.id,
                category.label,
                (tuple(first), tuple(second)),
                _category_summary(names, (len(first), len(second))),
                shown,
            )
        )
    only = (len(only_a), len(only_b))
    return SuiteDifferences(
        suite_id,
        suite.name,
        common,
        only,
        _summary(names, common, only),
        tuple(categories),
        _unlisted(categories),
    )


def differences(
    a: Profile,
    b: Profile,
    suites: Mapping[str, Suite],
    prompts: Mapping[str, Mapping[str, Prompt]],
) -> tuple[SuiteDifferences, ...]:
    """Where ``a`` and ``b`` differ, suite by suite: the suites on which both runs give
    outcomes (none, for runs known by their totals only). ``prompts`` are each suite's
    prompts by id (:attr:`versus.inputs.catalog.Catalog.prompts`)."""
    found = []
    for suite_id, suite in suites.items():
        differ = suite_differences(a, b, suite_id, suite, prompts.get(suite_id, {}))
        if differ is not None:
            found.append(differ)
    return tuple(found)
