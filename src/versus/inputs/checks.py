"""Checks that need more than one file, or more than pydantic can see.

Each function takes validated models and the :class:`SourceMap` of the file
being checked, and returns problems placed on the exact key at fault. None of
them raises or reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import Decimal

from versus.inputs import richtext
from versus.inputs.fieldtypes import (
    MAX_MARKDOWN,
    PartialDate,
    describe,
    suggest_slug,
    text_fault,
)
from versus.inputs.inputfiles import PROMPTS_STEM, RESERVED_IDS
from versus.inputs.problems import FieldPath, Problem, closest, counted, did_you_mean
from versus.inputs.schema import Category, Harness, ModelCard, Result, SiteConfig, Suite
from versus.inputs.scores import agrees, cost_per_task, percent
from versus.inputs.yamlsource import SourceMap
from versus.urls import PAIR_SEPARATOR, pair, pair_slug


def capability_ids(config: SiteConfig) -> list[str]:
    return [cap.id for group in config.taxonomy for cap in group.capabilities]


def _duplicates(ids: Iterable[str]) -> dict[str, int]:
    """Each id seen more than once -> the index of its second appearance."""
    seen: set[str] = set()
    repeated: dict[str, int] = {}
    for index, item in enumerate(ids):
        if item in seen and item not in repeated:
            repeated[item] = index
        seen.add(item)
    return repeated


def check_config(config: SiteConfig, source: SourceMap) -> list[Problem]:
    problems = check_taxonomy(config, source)
    for id_, index in _duplicates(band.id for band in config.bands).items():
        problems.append(source.problem(("bands", index, "id"), f"duplicate band id '{id_}'"))
    return problems


def check_taxonomy(config: SiteConfig, source: SourceMap) -> list[Problem]:
    """Each group id and each capability id of the taxonomy once; also of a config with
    field errors elsewhere (its taxonomy is what the cards are checked against)."""
    problems = []
    for id_, index in _duplicates(group.id for group in config.taxonomy).items():
        problems.append(source.problem(("taxonomy", index, "id"), f"duplicate group id '{id_}'"))
    flat = [
        (g, c, cap.id)
        for g, group in enumerate(config.taxonomy)
        for c, cap in enumerate(group.capabilities)
    ]
    seen: set[str] = set()
    for g, c, cap_id in flat:
        if cap_id in seen:
            problems.append(
                source.problem(
                    ("taxonomy", g, "capabilities", c, "id"),
                    f"duplicate capability id '{cap_id}'; each capability may appear in one group only",
                )
            )
        seen.add(cap_id)
    return problems


def check_pair_list(
    config: SiteConfig, model_ids: Collection[str], source: SourceMap
) -> list[Problem]:
    """A ``pairs: {list: ...}`` names models of the catalog (``model_ids``: every card file,
    valid or not), two different ones a pair, each pair once."""
    listed = config.pairs.list
    if listed is None:
        return []
    problems = []
    seen: set[tuple[str, ...]] = set()
    for index, ids in enumerate(listed):
        at = ("pairs", "list", index)
        for place, model_id in enumerate(ids):
            if model_id not in model_ids:
                problems.append(
                    source.problem(
                        (*at, place),
                        f"no model card models/{model_id}.yaml",
                        did_you_mean(model_id, model_ids) or "give the ids of two model cards",
                    )
                )
        key = tuple(sorted(ids))
        if ids[0] == ids[1]:
            problems.append(
                source.problem(at, f"a pair of '{ids[0]}' with itself", "name two models")
            )
        elif key in seen:
            problems.append(source.problem(at, f"the pair {ids[0]}, {ids[1]} is listed twice"))
        seen.add(key)
    return problems


def model_id_fault(model_id: str) -> str:
    """Why a slug cannot be a model id (a name a suite's folder uses for its own files, or
    the separator of a pair's address in it); ``""`` when it can."""
    if model_id in RESERVED_IDS:
        what = "a suite's prompt list" if model_id == PROMPTS_STEM else "a suite's file"
        return f"the model id '{model_id}' is the name of {what}: its results would be read as one"
    if PAIR_SEPARATOR in model_id:
        return (
            f"the model id '{model_id}' contains '{PAIR_SEPARATOR}', which separates "
            "the two ids of a comparison page"
        )
    return ""


def check_model_id(model_id: str, source: SourceMap) -> list[Problem]:
    fault = model_id_fault(model_id)
    return [source.problem((), fault, "rename the file")] if fault else []


def check_pair_paths(files: Mapping[str, str]) -> list[Problem]:
    """Ids whose comparison pages would share a path: ``a`` + ``vs-b`` and ``a-vs`` + ``b``
    both make ``compare/a-vs-vs-b/``. ``files`` maps each model id to its card's file.

    A path can be read two ways only where it holds :data:`PAIR_SEPARATOR` twice, so
    only pairs with an id holding ``vs`` are split again, at each separator.
    """
    ids = sorted(files)
    known = set(ids)
    suspects = [id_ for id_ in ids if "vs" in id_]
    seen: set[str] = set()
    problems = []
    for suspect in suspects:
        for other in ids:
            if other == suspect:
                continue
            first, second = sorted((suspect, other))
            slug = pair_slug(first, second)
            if slug in seen:
                continue
            seen.add(slug)
            for split in _separators(slug):
                a, b = slug[:split], slug[split + len(PAIR_SEPARATOR) :]
                if (a, b) != (first, second) and a < b and a in known and b in known:
                    problems.append(_collision(files, (first, second), (a, b)))
                    break
    return problems


def _separators(slug: str) -> list[int]:
    found = []
    at = slug.find(PAIR_SEPARATOR)
    while at != -1:
        found.append(at)
        at = slug.find(PAIR_SEPARATOR, at + 1)
    return found


def _collision(files: Mapping[str, str], one: tuple[str, str], two: tuple[str, str]) -> Problem:
    """The problem, placed on the card whose id makes the second reading possible."""
    blamed = sorted({*one, *two} - ({*one} & {*two}), key=lambda id_: ("vs" not in id_, id_))
    culprit = blamed[0]
    others = " or ".join(files[id_] for id_ in blamed[1:] if "vs" in id_) or "another card"
    return Problem.of_file(
        files[culprit],
        f"the id '{culprit}' makes two comparisons share a page: the pair {one[0]} + {one[1]} "
        f"and the pair {two[0]} + {two[1]} would both be {pair(*one)}",
        f"rename this file or {others}",
    )


def check_markdown(
    data: object,
    fields: tuple[str, ...],
    source: SourceMap,
    raw_html: Callable[[str], list[str]] = richtext.raw_html,
) -> list[Problem]:
    """Markdown fields may not carry raw HTML: it would be stripped from the page.

    Runs on the data as written, so it reports even when the file has schema errors.
    """
    if not isinstance(data, Mapping):
        return []
    problems = []
    for name in fields:
        text = data.get(name)
        # A text over the limit (which Markdown may take minutes to read) or holding a
        # lone surrogate (which cannot be hashed as UTF-8) is the schema's problem.
        fits = (
            isinstance(text, str)
            and len(text.strip()) <= MAX_MARKDOWN
            and text_fault(text, one_line=False) is None
        )
        found = raw_html(text) if isinstance(text, str) and fits else []
        if found:
            shown = found[0] if len(found[0]) <= 40 else found[0][:37] + "..."
            problems.append(
                source.problem(
                    (name,),
                    f"expected Markdown without raw HTML; got {shown!r}",
                    "use Markdown such as **bold** or [text](https://...), "
                    "or wrap HTML in `backticks` to show it as code",
                )
            )
    return problems


def check_capability_ids(data: object, config: SiteConfig, source: SourceMap) -> list[Problem]:
    """Every capability a card names, under ``capabilities`` or ``demos``, must be in the
    taxonomy, and one given a demo address must be marked ``demo`` (checked on the data as
    written)."""
    if not isinstance(data, Mapping):
        return []
    known = capability_ids(config)
    problems = []
    for name in ("capabilities", "demos"):
        written = data.get(name)
        if isinstance(written, Mapping):
            problems += [
                source.problem(
                    (name, key),
                    f"unknown capability '{key}'; the taxonomy in versus.yaml does not list it",
                    capability_hint(key, config),
                )
                for key in written
                if key not in known
            ]
    demos = data.get("demos")
    if isinstance(demos, Mapping):
        stated = data.get("capabilities")
        stated = stated if isinstance(stated, Mapping) else {}
        problems += [
            _not_a_demo(cap, stated.get(cap), source)
            for cap in demos
            if cap in known and stated.get(cap) != "demo"
        ]
    return problems


def _not_a_demo(cap: str, state: object, source: SourceMap) -> Problem:
    """A page links "try live" only where the card says the capability can be tried."""
    said = f"marks it {describe(state)}" if state is not None else "does not name it"
    return source.problem(
        ("demos", cap),
        f"a demo address for '{cap}', which 'capabilities' {said}",
        f"write '{cap}: demo' under capabilities, or remove this address",
    )


def _initials(words: list[str]) -> str:
    """``visual question answering`` -> ``vqa``; a short word (``qa``) is kept whole, as
    it is likely initials already."""
    return "".join(word if len(word) <= 3 else word[0] for word in words)


def capability_hint(written: str, config: SiteConfig) -> str:
    """A did-you-mean for a capability id the taxonomy lacks: the id it writes in other
    case or separators (``OCR``), else the capability whose label it spells
    (``visual-question-answering``) or whose initials it gives (``visual-qa``,
    ``optical-character-recognition`` -> ``vqa``, ``ocr``), else the id spelt close to it,
    else the label."""
    caps = [cap for group in config.taxonomy for cap in group.capabilities]
    words = [word for word in re.split(r"[^a-z0-9]+", written.lower()) if word]
    if "-".join(words) in {cap.id for cap in caps}:  # 'OCR', 'zero_shot_detection'
        return f"did you mean '{'-'.join(words)}'?"
    initials = _initials(words)
    short = any(len(word) <= 3 for word in words)  # initials written, as 'qa' is
    for cap in caps:
        label = suggest_slug(cap.label).split("-")
        if words == label or initials == cap.id or (short and initials == _initials(label)):
            return f"did you mean '{cap.id}' ({cap.label})?"
    hint = did_you_mean(written, [cap.id for cap in caps])
    if hint:
        return hint
    by_label = {suggest_slug(cap.label): cap.id for cap in caps}
    near = closest("-".join(words), by_label)
    return f"did you mean '{by_label[near]}'?" if near is not None else ""


def _unknown_keys(
    written: Iterable[str],
    known: list[str],
    field: FieldPath,
    what: str,
    where: str,
    source: SourceMap,
) -> list[Problem]:
    """A problem, with a did-you-mean, for each key of the mapping at ``field`` that
    ``known`` lacks."""
    return [
        source.problem((*field, key), f"unknown {what} '{key}'; {where}", did_you_mean(key, known))
        for key in written
        if key not in known
    ]


def check_category_ids(categories: Sequence[Category], source: SourceMap) -> list[Problem]:
    """A problem for each category id a suite's list repeats."""
    return [
        source.problem(("categories", index, "id"), f"duplicate category id '{id_}'")
        for id_, index in _duplicates(category.id for category in categories).items()
    ]


def check_suite(suite: Suite, source: SourceMap) -> list[Problem]:
    problems = check_category_ids(suite.categories, source)
    in_categories = sum(category.prompts for category in suite.categories)
    if in_categories != suite.prompts:
        problems.append(
            source.problem(
                ("prompts",),
                f"the suite has {counted(suite.prompts, 'prompt')} but its categories add up to "
                f"{in_categories}",
            )
        )
    if suite.bands is not None:
        for id_, index in _duplicates(band.id for band in suite.bands).items():
            problems.append(source.problem(("bands", index, "id"), f"duplicate band id '{id_}'"))
    return problems


def check_result_refs(
    model_id: str,
    data: object,
    suite_id: str,
    suite: Suite | None,
    model_ids: Collection[str],
    source: SourceMap,
) -> list[Problem]:
    """What a result refers to: its model (by file name) and its categories (as written).

    ``model_ids`` holds every model with a card file, valid or not: a result for
    a card with errors is not also blamed for naming no model.
    """
    problems = []
    if model_id not in model_ids:
        problems.append(
            source.problem(
                (),
                f"no model card models/{model_id}.yaml for this result of suite '{suite_id}'",
                did_you_mean(model_id, model_ids) or "the file name must be a model id",
            )
        )
    if suite is not None:
        known = [category.id for category in suite.categories]
        for at, run in _runs_as_written(data):
            categories = run.get("categories")
            if isinstance(categories, Mapping):
                problems += _unknown_keys(
                    categories,
                    known,
                    (*at, "categories"),
                    "category",
                    f"suite '{suite.name}' does not have it",
                    source,
                )
    return problems


def _runs_as_written(data: object) -> list[tuple[FieldPath, Mapping[str, object]]]:
    """Each run a result's data writes as a mapping, with its path: the top level, then
    each of ``earlier_runs``."""
    if not isinstance(data, Mapping):
        return []
    runs: list[tuple[FieldPath, Mapping[str, object]]] = [((), data)]
    earlier = data.get("earlier_runs")
    if isinstance(earlier, list):
        runs += [
            (("earlier_runs", index), run)
            for index, run in enumerate(earlier)
            if isinstance(run, Mapping)
        ]
    return runs


def check_result_figures(
    result: Result,
    suite: Suite,
    card: ModelCard | None,
    source: SourceMap,
    basis: str = "the categories",
    dropped: Collection[FieldPath] = frozenset(),
) -> list[Problem]:
    """A result's figures against its suite, and stated derived figures: its top level's,
    then each earlier run's (with the order of their dates).

    ``basis`` names where the top level's counts come from, for messages: the file's
    ``categories``, or its outcomes (an earlier run gives its categories). ``dropped``
    are the paths of the parts of a result with field errors that
    :func:`~versus.inputs.validation.salvage` left out: figures that need them are not
    checked."""
    problems = _check_run_figures(result, suite, card, source, basis, (), dropped)
    for index, run in enumerate(result.earlier()):
        at = ("earlier_runs", index)
        problems += _check_run_figures(run, suite, card, source, "the categories", at, dropped)
    dated = ("date",) not in dropped and not any(
        path[0] == "earlier_runs" and path[-1] in ("date", "harness") for path in dropped
    )
    return problems + (_check_run_dates(result, source) if dated else [])


def _intact(dropped: Collection[FieldPath], path: FieldPath, depth: int = 0) -> bool:
    """Whether no part of ``path``, nor of what it holds down to ``depth`` levels more,
    was left out."""
    return not any(
        found[: len(path)] == path and len(found) <= len(path) + depth for found in dropped
    )


def _check_run_figures(
    result: Result,
    suite: Suite,
    card: ModelCard | None,
    source: SourceMap,
    basis: str,
    at: FieldPath,
    dropped: Collection[FieldPath] = frozenset(),
) -> list[Problem]:
    """One run's figures (the run at ``at`` in the file) against its suite, and the
    derived figures it states."""
    prompts = {category.id: category.prompts for category in suite.categories}
    problems = []
    wrong: set[str] = set()
    for cat_id, entry in result.categories.items():
        if cat_id not in prompts:
            continue  # reported by check_result_refs
        path = (*at, "categories", cat_id)
        if entry.passed > entry.total:
            wrong.add(cat_id)
            problems.append(
                source.problem(
                    (*path, "passed"),
                    f"passed ({entry.passed}) is more than total ({entry.total})",
                )
            )
        if entry.total > prompts[cat_id]:
            wrong.add(cat_id)
            problems.append(
                source.problem(
                    (*path, "total"),
                    f"total ({entry.total}) is more than the {counted(prompts[cat_id], 'prompt')} "
                    f"the suite has in '{cat_id}'",
                )
            )
    # Stated figures are checked against the counts as written, even wrong ones or those
    # of a misspelt category, so that one run names every mistake; only a category with
    # no counts to read leaves the overall figure unchecked.
    whole = _intact(dropped, (*at, "categories"), depth=1)
    tokens = all(_intact(dropped, (*at, name)) for name in _TOKENS)
    return problems + _check_stated(result, card, source, basis, at, wrong, whole, tokens)


_TOKENS = ("median_input_tokens", "median_output_tokens")


def _check_stated(
    result: Result,
    card: ModelCard | None,
    source: SourceMap,
    basis: str,
    at: FieldPath,
    wrong: Collection[str] = (),
    whole: bool = True,
    tokens: bool = True,
) -> list[Problem]:
    """Derived figures a run states must match what we compute from its inputs: a
    category's percent unless its counts are ``wrong``, the overall percent when every
    category's counts are known (``whole``), the cost when the ``tokens`` are."""
    problems = []
    for cat_id, entry in result.categories.items():
        if cat_id in wrong:
            continue  # its counts are the mistake, said already
        computed = percent(entry.passed, entry.total)
        if entry.percent is not None and not agrees(entry.percent, computed):
            problems.append(
                source.problem(
                    (*at, "categories", cat_id, "percent"),
                    f"states {_written(entry.percent)}% but {entry.passed}/{entry.total} "
                    f"is {computed:.2f}%",
                    "remove 'percent'; versus computes it",
                )
            )
    passed = sum(entry.passed for entry in result.categories.values())
    covered = sum(entry.total for entry in result.categories.values())
    stated = result.overall_percent
    if whole and covered and stated is not None:
        overall = percent(passed, covered)
        if not agrees(stated, overall):
            problems.append(
                source.problem(
                    (*at, "overall_percent"),
                    f"states {_written(stated)}% but {basis} give "
                    f"{passed}/{covered} = {overall:.2f}%",
                    "correct the categories' counts, then compare again, or remove "
                    "'overall_percent'; versus computes it"
                    if wrong
                    else "remove 'overall_percent'; versus computes it",
                )
            )
    if result.cost_per_task is not None and tokens:
        problems.extend(_check_cost(result, card, source, at))
    return problems


def _check_cost(
    result: Result, card: ModelCard | None, source: SourceMap, at: FieldPath
) -> list[Problem]:
    path = (*at, "cost_per_task")
    stated = result.cost_per_task
    assert stated is not None
    if card is None or card.pricing is None:
        return [source.problem(path, "states a cost per task, but the model card has no pricing")]
    if result.median_input_tokens is None or result.median_output_tokens is None:
        return [
            source.problem(
                path, "states a cost per task without median_input_tokens and median_output_tokens"
            )
        ]
    computed = cost_per_task(result.median_input_tokens, result.median_output_tokens, card.pricing)
    if agrees(stated, computed):
        return []
    return [
        source.problem(
            path,
            f"states {_written(stated)} but {result.median_input_tokens} input and "
            f"{result.median_output_tokens} output tokens at the card's prices give "
            f"{computed.normalize():f}",
            "remove 'cost_per_task'; versus computes it",
        )
    ]


def _precision(date: PartialDate) -> int:
    """How many parts of a date are written: 1 (year), 2 (month) or 3 (day)."""
    return 1 if date.month is None else 2 if date.day is None else 3


def _before(one: PartialDate, other: PartialDate) -> bool:
    """Whether ``one`` is before ``other`` whatever days they stand for: compared at the
    precision both are written to (``2026-04-30`` is before ``2026-05``; ``2026-05-10`` is
    not known to be)."""
    places = min(_precision(one), _precision(other))
    return one.sort_key()[:places] < other.sort_key()[:places]


def _harness(harness: Harness | None) -> str:
    if harness is None:
        return "no harness"
    return f"{harness.name} {harness.version}" if harness.version else harness.name


def _check_run_dates(result: Result, source: SourceMap) -> list[Problem]:
    """Earlier runs are before the top level's run (the one pages show, so the newest)
    and no two of them share a date and a harness."""
    if not result.earlier_runs:
        return []
    newest = result.date
    if newest is None:
        return [
            source.problem(
                ("earlier_runs",),
                "earlier runs need the date of the top level's run, to know it is the newest",
                "add 'date:' to the top level",
            )
        ]
    problems = []
    seen: dict[tuple[PartialDate, Harness | None], int] = {}
    for index, run in enumerate(result.earlier_runs):
        path = ("earlier_runs", index, "date")
        if not _before(run.date, newest):
            finer = (
                ""
                if _precision(run.date) == _precision(newest) == 3
                else (", or write both dates to the day")
            )
            problems.append(
                source.problem(
                    path,
                    f"dated {run.date.iso()}, not before the top level's {newest.iso()}: "
                    "the run pages show is the newest",
                    f"move this one to the top level{finer}",
                )
            )
        key = (run.date, run.harness)
        if key in seen:
            problems.append(
                source.problem(
                    path,
                    f"earlier_runs[{seen[key]}] has the same date ({run.date.iso()}) and "
                    f"harness ({_harness(run.harness)})",
                    "keep one of the two, or tell them apart by the harness's version",
                )
            )
        else:
            seen[key] = index
    return problems


def _written(value: Decimal) -> str:
    """A stated number at the places the contributor wrote: ``75``, ``75.0``, ``0.0000001``
    (not ``1E-7``)."""
    return format(value, "f")


def check_unique(ids: Collection[tuple[str, SourceMap]], what: str) -> list[Problem]:
    """Two files that claim the same id (``x.yaml`` and ``x.yml``)."""
    first: dict[str, str] = {}
    problems = []
    for id_, source in sorted(ids, key=lambda pair: pair[1].file):
        if id_ in first:
            problems.append(
                source.problem(
                    (),
                    f"{what} id '{id_}' is already defined by {first[id_]}",
                    "keep one of the two files",
                )
            )
        else:
            first[id_] = source.file
    return problems
