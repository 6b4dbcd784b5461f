"""No lead sentence contradicts its table (issue #17, item 3): every pair page, read back.

A catalog of many models with varied results (equal and different coverage, gaps beyond
chance and within it, response times and costs either side of the 1.1 ratio, a free
model, another currency, and on a third suite per-prompt outcomes, which the paired test
compares on the prompts both runs answered) is built and rendered as ``versus build``
renders it. On every
pair page, each sentence at the top that says a model passes more, scores higher,
answers faster or costs less must match the "best" mark of that row of the suite's
table; a sentence saying the two are level or about the same must match a row where
nothing is marked best and the row says so. And the other way: a row's mark or verdict
has its sentence.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from htmltools import detail_of, soup, text
from support import SAMPLE_MODELS, fixture_project, write
from synthetic import add_models
from versus.build.pipeline import render_site
from versus.inputs.load import load_project
from versus.join.claims import ABOUT_THE_SAME, LEVEL
from versus.join.columns import MEASURE_LABELS, Measure

VISION = "vision-evals"
VISION_CATEGORIES = {
    "defect-detection": 15,
    "document-understanding": 9,
    "object-counting": 10,
    "object-understanding": 14,
    "spatial-understanding": 19,
}
"""The sample suite's categories and their prompts (67 in all)."""

TINY = "tiny-evals"
TINY_SUITE: dict[str, Any] = {
    "name": "Tiny Evals",
    "summary": "Twelve prompts in two categories.",
    "description": "A second suite, small enough that few gaps are beyond chance.",
    "methodology": "Pass or fail.",
    "prompts": 12,
    "categories": [
        {"id": "reading", "label": "Reading", "prompts": 8},
        {"id": "pointing", "label": "Pointing", "prompts": 4},
    ],
}
TINY_CATEGORIES = {"reading": 8, "pointing": 4}

OVERALL = MEASURE_LABELS[Measure.OVERALL]
RESPONSE = MEASURE_LABELS[Measure.RESPONSE]
COST = MEASURE_LABELS[Measure.COST]

TIMES = (None, 1.0, 2.0, 2.2, 2.19, 3.0, 3.29, 3.3, 5.0, 6.88, 30.23)
"""Response times with pairs at exactly 1.1 (2.0/2.2, 3.0/3.3) and just under it."""
PRICES = (
    None,
    ("USD", "0.06", "0.33"),
    ("USD", "0.066", "0.363"),  # 1.1 times the first: the same tokens cost 1.1 times as much
    ("USD", "0.0659", "0.3629"),  # just under 1.1 times
    ("USD", "1", "2"),
    ("USD", "0", "0"),  # free
    ("EUR", "0.06", "0.33"),  # not compared with dollars
)


def pricing(price: tuple[str, str, str]) -> str:
    currency, inputs, outputs = price
    return (
        "pricing:\n"
        f"  currency: {currency}\n"
        f"  input_per_million: {inputs}\n"
        f"  output_per_million: {outputs}\n"
        '  as_of: "2026-01"\n'
        "  source: tests/site/test_claims_agree.py\n"
    )


def result(
    categories: dict[str, tuple[int, int]], seconds: float | None, tokens: bool
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "provenance": "measured",
        "source": {"title": "tests/site/test_claims_agree.py"},
        "categories": {c: {"passed": p, "total": t} for c, (p, t) in categories.items()},
    }
    if seconds is not None:
        data["avg_response_seconds"] = seconds
    if tokens:
        data["median_input_tokens"] = 300
        data["median_output_tokens"] = 200
    return data


def full(rng: random.Random, prompts: dict[str, int], rate: float) -> dict[str, tuple[int, int]]:
    """Every prompt covered, each passed with probability ``rate``."""
    return {c: (sum(rng.random() < rate for _ in range(n)), n) for c, n in prompts.items()}


def partial(rng: random.Random, prompts: dict[str, int], rate: float) -> dict[str, tuple[int, int]]:
    """Some categories left out, some only partly covered; at least one prompt covered."""
    chosen = [c for c in prompts if rng.random() < 0.6] or [next(iter(prompts))]
    covered = {c: rng.randint(max(1, prompts[c] // 2), prompts[c]) for c in chosen}
    return {c: (sum(rng.random() < rate for _ in range(n)), n) for c, n in covered.items()}


LIKE_26B = {
    "defect-detection": (12, 15),
    "document-understanding": (8, 9),
    "object-counting": (1, 10),
    "object-understanding": (12, 14),
    "spatial-understanding": (13, 19),
}
"""The sample's gemma-4-26b-a4b: 46 of 67."""
LIKE_12B = {
    **LIKE_26B,
    "defect-detection": (11, 15),
    "object-understanding": (11, 14),
    "spatial-understanding": (11, 19),
}
"""The sample's gemma-4-12b: 42 of 67, level with 46 of 67."""
ALL_PASSED = {c: (n, n) for c, n in VISION_CATEGORIES.items()}
"""67 of 67: beyond chance against 46 or 42."""
TOO_FEW = {
    "defect-detection": (14, 15),
    "document-understanding": (9, 9),
    "object-counting": (7, 10),
}
"""30 of 34 covered: a rate beyond chance against 42 of 67, under 90% coverage (no cost)."""

FIXED: tuple[tuple[dict[str, tuple[int, int]], float, int], ...] = (
    (LIKE_26B, 3.0, 1),
    (LIKE_12B, 3.3, 2),  # exactly 1.1 times slower and dearer than the first
    (ALL_PASSED, 3.29, 3),  # just under 1.1 times the first, in time and cost
    (LIKE_26B, 2.2, 5),  # a tie with the first; free
    (LIKE_26B, 2.0, 6),  # in euros
    (TOO_FEW, 6.88, 4),
)
"""The first synthetic models' runs: (categories, seconds, price), set so that every case
occurs whatever the random draws."""

COUNT = 16
"""Synthetic models beside the sample's five."""

PAIRED = "paired-evals"
PAIRED_SUITE: dict[str, Any] = {
    "name": "Paired Evals",
    "summary": "Sixty listed prompts in three categories.",
    "description": "A suite whose runs give their outcome on each prompt.",
    "methodology": "Pass or fail.",
    "categories": [
        {"id": "seeing", "label": "Seeing"},
        {"id": "naming", "label": "Naming"},
        {"id": "finding", "label": "Finding"},
    ],
}
PAIRED_PROMPTS = 60

PAIRED_FIXED: tuple[tuple[Sequence[int], frozenset[int]] | None, ...] = (
    (range(60), frozenset(range(45))),
    (range(60), frozenset(range(30))),  # the first passes 15 more of the same 60: beyond chance
    (range(40), frozenset(range(40))),  # on the 40 both answered, the same count as the first
    (range(40), frozenset([*range(32), 35])),  # on those 40, 3 more than the second: level
    None,  # totals only
    (range(60), frozenset(range(44))),  # one fewer than the first: level
)
"""The first synthetic models' Paired Evals runs: the prompts each answered and passed (or
``None``: its result gives category totals only), so that every kind of paired sentence
occurs whatever the random draws."""


def paired_runs(project: Path, ids: list[str], seed: int) -> None:
    """Paired Evals: its prompt list, and a run of each synthetic model: :data:`PAIRED_FIXED`
    first, then drawn from a skill per model and a difficulty per prompt (so that runs agree
    on easy and hard prompts, as real ones do), on every prompt or a random part; one in four
    gives category totals only."""
    rng = random.Random(seed)
    categories = [c["id"] for c in PAIRED_SUITE["categories"]]
    per = PAIRED_PROMPTS // len(categories)
    prompts = [
        {"id": f"p{i:02d}", "category": categories[i // per], "prompt": f"Prompt {i}?"}
        for i in range(PAIRED_PROMPTS)
    ]
    write(project, f"evals/{PAIRED}/suite.yaml", yaml.safe_dump(PAIRED_SUITE, sort_keys=False))
    write(project, f"evals/{PAIRED}/prompts.jsonl", "".join(json.dumps(p) + "\n" for p in prompts))
    difficulty = [rng.random() for _ in prompts]
    for index, model_id in enumerate(ids):
        answered: Sequence[int]
        if index < len(PAIRED_FIXED):
            fixed = PAIRED_FIXED[index]
            totals = fixed is None
            answered, passed = fixed or (range(PAIRED_PROMPTS), frozenset(range(30)))
        else:
            skill = rng.random()
            answered = (
                range(PAIRED_PROMPTS)
                if rng.random() < 0.6
                else sorted(rng.sample(range(PAIRED_PROMPTS), rng.randint(10, 59)))
            )
            passed = frozenset(
                i for i in answered if rng.random() < 0.15 + 0.7 * (skill > difficulty[i])
            )
            totals = rng.random() < 0.25
        source = {"provenance": "measured", "source": {"title": "tests/site/test_claims_agree.py"}}
        if totals:
            counts: dict[str, dict[str, int]] = {}
            for i in answered:
                entry = counts.setdefault(prompts[i]["category"], {"passed": 0, "total": 0})
                entry["total"] += 1
                entry["passed"] += i in passed
            write(
                project,
                f"evals/{PAIRED}/{model_id}.yaml",
                yaml.safe_dump({**source, "categories": counts}),
            )
            continue
        outcomes = [{"prompt": f"p{i:02d}", "passed": i in passed, "answer": "x"} for i in answered]
        write(project, f"evals/{PAIRED}/{model_id}.yaml", yaml.safe_dump(source))
        write(
            project,
            f"evals/{PAIRED}/{model_id}.outcomes.jsonl",
            "".join(json.dumps(o) + "\n" for o in outcomes),
        )


def write_catalog(project: Path, count: int = COUNT, seed: int = 17) -> None:
    """``count`` synthetic models beside the sample's five, with results on two suites:
    :data:`FIXED` first, then drawn at random (full or partial coverage, any time, any
    price); about two in three also have a Tiny Evals run; each has a Paired Evals run
    (:func:`paired_runs`)."""
    rng = random.Random(seed)
    ids = add_models(project, count, seed)
    write(project, f"evals/{TINY}/suite.yaml", yaml.safe_dump(TINY_SUITE, sort_keys=False))
    for index, model_id in enumerate(ids):
        path = project / "models" / f"{model_id}.yaml"
        seconds: float | None
        if index < len(FIXED):
            categories, seconds, price = FIXED[index]
            tokens = True
        else:
            rate = rng.random()
            vision = full if rng.random() < 0.6 else partial
            categories = vision(rng, VISION_CATEGORIES, rate)
            seconds = rng.choice(TIMES)
            price = rng.randrange(len(PRICES))
            tokens = rng.random() < 0.8
        chosen = PRICES[price]
        if chosen is not None:
            path.write_text(path.read_text(encoding="utf-8") + pricing(chosen), encoding="utf-8")
        vision_run = result(categories, seconds, tokens)
        write(project, f"evals/{VISION}/{model_id}.yaml", yaml.safe_dump(vision_run))
        if index % 3 != 2:  # the others have no Tiny Evals run: "Only X has results"
            tiny = (full if rng.random() < 0.6 else partial)(rng, TINY_CATEGORIES, rng.random())
            tiny_run = result(tiny, rng.choice(TIMES), rng.random() < 0.5)
            write(project, f"evals/{TINY}/{model_id}.yaml", yaml.safe_dump(tiny_run))
    paired_runs(project, ids, seed + 1)


# --- reading a pair page back ---------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    note: str
    best: tuple[bool, ...]
    """Per column: the cell is marked best (its class and its "best" tag agree)."""
    values: tuple[str, ...]
    details: tuple[str, ...]
    """Per column: the counts under a rate (``42/67``), else ``""``."""


@dataclass(frozen=True)
class Claim:
    """One lead sentence about one suite."""

    kind: str
    """``more``, ``higher``, ``level``, ``same-count``, ``faster``, ``same-time``,
    ``cheaper``, ``same-cost`` or ``only``."""
    measure: str
    """The table row it speaks of."""
    named: str
    """The model it names first (the leader, for a lead)."""
    text: str


KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("more", OVERALL, re.compile(r" passes \d+ more prompts? of .+ than .+ \(\d+ against \d+ of \d+\)\.$")),
    ("higher", OVERALL, re.compile(r" scores higher on .+ than .+: [\d.]+% against [\d.]+% of the prompts each run covered \(the runs covered \d+ and \d+ of \d+ prompts\)\.$")),
    ("level", OVERALL, re.compile(r" are level within noise on (?!.*both runs answered)")),
    ("same-count", OVERALL, re.compile(r" pass the same number of .+ prompts \(\d+ of \d+\)\.$")),
    ("same-rate", OVERALL, re.compile(r" score the same on .+ \([\d.]+%; the runs covered \d+ and \d+ of \d+ prompts\)\.$")),
    ("faster", RESPONSE, re.compile(r" prompts [\d.]+x faster than .+\.$")),
    ("same-time", RESPONSE, re.compile(r"^Both answer .+ prompts in about the same time( \(averages over the \d+ and \d+ prompts each run covered\))?\.$")),
    ("cheaper", COST, re.compile(r" costs less per .+ task than .+ \(.+ against .+\)\.$")),
    ("same-cost", COST, re.compile(r"^Both cost (the same|about the same) per .+ task \(.+\)\.$")),
    ("only", "", re.compile(r"^Only .+ has results on .+\.$")),
    ("common-more", OVERALL, re.compile(r"^On the \d+ .+ prompts? both runs answered, .+ passes \d+ more than .+ \(\d+ against \d+\)\.$")),
    ("common-level", OVERALL, re.compile(r" are level within noise on .+: on the \d+ prompts? both runs answered, .+ passes \d+, .+ \d+\.$")),
    ("common-same", OVERALL, re.compile(r" pass the same number of .+ prompts \(\d+ of the \d+ prompts? both runs answered\)\.$")),
)  # fmt: skip
COMMON = ("common-more", "common-level", "common-same")
"""Sentences counting the prompts both runs answered: their figures are the pair JSON's."""


def claims_by_suite(page: BeautifulSoup, suites: set[str]) -> dict[str, list[Claim]]:
    """The lead sentences that speak of a suite, by the suite's name."""
    found: dict[str, list[Claim]] = {}
    points = page.find("ul", class_="lead-points")
    if not isinstance(points, Tag):
        return found
    for item in points.find_all("li"):
        names = [text(bdi) for bdi in item.find_all("bdi")]
        suite = [name for name in names if name in suites]
        if not suite:
            continue  # a capability sentence
        (suite_name,) = suite
        sentence = " ".join(item.get_text().split())  # as read: no space added around a name
        kinds = [(kind, measure) for kind, measure, rx in KINDS if rx.search(sentence)]
        assert len(kinds) == 1, sentence
        # the model it names first (a sentence may name the suite before it)
        (kind, measure), first = kinds[0], next((n for n in names if n != suite_name), "")
        found.setdefault(suite_name, []).append(Claim(kind, measure, first, sentence))
    return found


def score_tables(page: BeautifulSoup) -> dict[str, tuple[list[str], dict[str, TableRow]]]:
    """Each suite's table: its columns' model names and its rows by label."""
    tables = {}
    for section in page.find_all("section", class_="suite"):
        heading = section.find("h3")
        assert isinstance(heading, Tag)
        name = text(heading)
        table = section.find("table")
        assert isinstance(table, Tag)
        head = table.find("thead")
        assert isinstance(head, Tag)
        columns = [text(th) for th in head.find_all("th")[1:]]
        rows = {}
        for tr in table.find_all("tr"):
            th = tr.find("th", scope="row")
            if th is None:
                continue
            label = str(th.find(string=True, recursive=False)).strip()
            note_tag = th.find("span", class_="row-note")
            best = []
            values = []
            details = []
            for td in tr.find_all("td"):
                small = detail_of(td)
                details.append(small.split(",")[0] if small else "")
                marked = "is-leader" in (td.get("class") or [])
                tagged = td.find("strong", string="best", recursive=False) is not None
                assert marked == tagged, td
                best.append(marked)
                values.append(" ".join(td.find_all(string=True, recursive=False)).strip())
            note = text(note_tag) if isinstance(note_tag, Tag) else ""
            rows[label] = TableRow(note, tuple(best), tuple(values), tuple(details))
        tables[name] = (columns, rows)
    return tables


def check_figures(claim: Claim, columns: list[str], row: TableRow) -> None:
    """The figures a scores sentence quotes are those of the table, in the right columns."""
    by_name = dict(zip(columns, zip(row.values, row.details, strict=True), strict=True))
    if claim.kind == "more":
        counts = re.search(r"\((\d+) against (\d+) of (\d+)\)\.$", claim.text)
        assert counts, claim.text
        lead, other, total = counts.groups()
        (other_name,) = [name for name in columns if name != claim.named]
        assert by_name[claim.named][1] == f"{lead}/{total}", claim.text
        assert by_name[other_name][1] == f"{other}/{total}", claim.text
    elif claim.kind == "higher":
        figures = re.search(
            r": ([\d.]+%) against ([\d.]+%) .* covered (\d+) and (\d+) of", claim.text
        )
        assert figures, claim.text
        lead, other, lead_covered, other_covered = figures.groups()
        (other_name,) = [name for name in columns if name != claim.named]
        assert by_name[claim.named][0] == lead, claim.text
        assert by_name[other_name][0] == other, claim.text
        assert by_name[claim.named][1].endswith(f"/{lead_covered}"), claim.text
        assert by_name[other_name][1].endswith(f"/{other_covered}"), claim.text
    elif claim.kind == "level" and (
        counts := re.search(r": (.+) passes (\d+) of (\d+) prompts, (.+) (\d+)\.$", claim.text)
    ):
        more, passed, total, fewer, other = counts.groups()
        assert by_name[more][1] == f"{passed}/{total}", claim.text
        assert by_name[fewer][1] == f"{other}/{total}", claim.text
    elif claim.kind == "level":
        figures = re.search(r"\(([\d.]+%) against ([\d.]+%); the runs covered", claim.text)
        assert figures, claim.text
        assert [value for value, _ in by_name.values()] == list(figures.groups()), claim.text
    elif claim.kind == "same-rate":
        figure = re.search(r"\(([\d.]+%); the runs covered", claim.text)
        assert figure, claim.text
        assert {value for value, _ in by_name.values()} == {figure.group(1)}, claim.text
    elif claim.kind == "same-count":
        count = re.search(r"\((\d+) of (\d+)\)\.$", claim.text)
        assert count, claim.text
        assert {detail for _, detail in by_name.values()} == {"/".join(count.groups())}


def check_common(claim: Claim, columns: list[str], paired: dict[str, Any]) -> None:
    """A sentence counting the prompts both runs answered quotes the counts the models'
    outcome files give of the suite (``paired``: its :func:`paired` entry): how many both answered, and
    a difference of passes that is that of the prompts only one of the two passed."""
    common = re.search(r"(?:On|on|of) the (\d+) .*?prompts? both runs answered", claim.text)
    assert common, claim.text
    assert int(common.group(1)) == paired["common"], claim.text
    only = dict(zip(columns, paired["only"], strict=True))
    if claim.kind == "common-more":
        counts = re.search(r"passes (\d+) more than (.+) \((\d+) against (\d+)\)\.$", claim.text)
        assert counts, claim.text
        more, other, lead, rest = counts.groups()
        assert int(lead) - int(rest) == int(more) == only[claim.named] - only[other], claim.text
    elif claim.kind == "common-level":
        counts = re.search(r"answered, (.+) passes (\d+), (.+) (\d+)\.$", claim.text)
        assert counts, claim.text
        first, passed, second, other = counts.groups()
        assert int(passed) - int(other) == only[first] - only[second] > 0, claim.text
    else:
        assert paired["only"][0] == paired["only"][1], claim.text


def check_page(
    path: str, html: bytes, suites: set[str], data: dict[str, Any] | None = None
) -> Counter[str]:
    """Check one pair page (and where its runs differ, ``data``: :func:`paired`); return the kinds of claims it makes, for
    the coverage count."""
    page = soup(html)
    differences = {entry["name"]: entry for entry in (data or {}).get("differences", [])}
    claims = claims_by_suite(page, suites)
    tables = score_tables(page)
    seen: Counter[str] = Counter()
    for suite, (columns, rows) in tables.items():
        said = {claim.measure: claim for claim in claims.get(suite, [])}
        assert len(said) == len(claims.get(suite, [])), (path, suite, claims[suite])
        for label, each in rows.items():
            # at most one best per row; a row with a best gives no verdict
            assert sum(each.best) <= 1, (path, suite, label)
            if any(each.best):
                assert each.note == "", (path, suite, label)
        if "" in said:  # only one of the two has results here: nothing is compared
            only = said[""]
            seen[only.kind] += 1
            assert only.kind == "only"
            assert not any(any(each.best) or each.note for each in rows.values()), (path, suite)
            assert [v for v in rows[OVERALL].values if v != "Not evaluated"], (path, suite)
            continue
        for measure in (OVERALL, RESPONSE, COST):
            row = rows.get(measure)
            claim = said.get(measure)
            where = (path, suite, measure, claim.text if claim else None)
            if claim is None:
                # no sentence: nothing to compare, so the row marks nothing and says nothing
                assert measure != OVERALL, where
                if row is not None:
                    assert not any(row.best), where
                    assert row.note == "", where
                continue
            seen[claim.kind] += 1
            assert row is not None, where
            if claim.kind in ("more", "higher", "faster", "cheaper", "common-more"):
                assert row.best == tuple(name == claim.named for name in columns), where
                assert row.note == "", where
            else:
                assert not any(row.best), where
                assert row.note == (LEVEL if measure == OVERALL else ABOUT_THE_SAME), where
            if claim.kind in COMMON:
                check_common(claim, columns, differences[suite])
            elif measure == OVERALL:
                check_figures(claim, columns, row)
    # every suite a sentence speaks of has its table on the page
    assert set(claims) <= set(tables), path
    return seen


# --- the tests -------------------------------------------------------------------------


def paired(site: dict[str, bytes], a: str, b: str) -> dict[str, Any]:
    """Where ``a`` and ``b`` differ, as a script finds it from their outcome files: per suite
    both give outcomes for, how many prompts both answered (``common``) and how many only
    each passed (``only``)."""
    names = {s["id"]: s["name"] for s in json.loads(site["api/models.json"])["suites"]}
    one, two = (
        {s["suite"]: s for s in json.loads(site[f"api/outcomes/{m}.json"])["suites"]}
        for m in (a, b)
    )
    differences = []
    for suite in one.keys() & two.keys():
        (pa, fa), (pb, fb) = (
            (
                {p for c in x[suite]["categories"] for p in c["passed"]},
                {p for c in x[suite]["categories"] for p in c["failed"]},
            )
            for x in (one, two)
        )
        differences.append(
            {
                "name": names[suite],
                "common": len((pa | fa) & (pb | fb)),
                "only": [len(pa & fb), len(pb & fa)],
            }
        )
    return {"differences": differences}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    project = fixture_project(tmp_path_factory.mktemp("claims") / "project")
    write_catalog(project)
    return render_site(load_project(project), project)


def test_every_pair_page_agrees_with_its_tables(site: dict[str, bytes]) -> None:
    pages = {
        path: html
        for path, html in site.items()
        if re.fullmatch(r"compare/.+-vs-.+/index\.html", path)
    }
    models = len(SAMPLE_MODELS) + COUNT
    assert len(pages) == models * (models - 1) // 2
    seen: Counter[str] = Counter()
    for path, html in sorted(pages.items()):
        a, b = path.split("/")[1].split("-vs-")
        data = paired(site, a, b)
        seen += check_page(path, html, {"Vision Evals", "Tiny Evals", "Paired Evals"}, data)
    # the catalog makes every kind of sentence, more than once: the checks above ran on each
    assert set(seen) == {kind for kind, _, _ in KINDS}, seen
    assert min(n for kind, n in seen.items() if kind != "same-rate") >= 3, seen


def test_the_samples_gap_is_level_in_sentence_and_table(project: Path) -> None:
    site = render_site(load_project(project), project)
    page = soup(site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"])
    claims = claims_by_suite(page, {"Vision Evals"})["Vision Evals"]
    overall = [claim for claim in claims if claim.measure == OVERALL]
    assert [claim.text for claim in overall] == [
        "Gemma 4 12B and Gemma 4 26B A4B are level within noise on Vision Evals:"
        " Gemma 4 26B A4B passes 46 of 67 prompts, Gemma 4 12B 42."
    ]
    columns, rows = score_tables(page)["Vision Evals"]
    assert columns == ["Gemma 4 12B", "Gemma 4 26B A4B"]
    row = rows[OVERALL]
    assert row.values == ("62.69%", "68.66%")
    assert row.best == (False, False)
    assert row.note == LEVEL == "Level within noise"
    # the faster model leads its row, as its sentence says
    assert "Gemma 4 12B answers Vision Evals prompts 4.4x faster than Gemma 4 26B A4B." in [
        claim.text for claim in claims
    ]
    assert rows[RESPONSE].best == (True, False)
    check_page(
        "gemma pair", site["compare/gemma-4-12b-vs-gemma-4-26b-a4b/index.html"], {"Vision Evals"}
    )
