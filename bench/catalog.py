"""Deterministic synthetic projects for the benchmark: realistic cards, two suites, results.

``generate(folder, n, seed)`` writes a complete versus project: the repository's
``versus.yaml`` (no ``templates/``: the theme versus ships serves), ``n`` model cards that use every field of
the card schema, two suites of :data:`PROMPTS_PER_SUITE` prompts each (one with
the categories of the repository's ``vision-evals`` suite, one generated with 5
to 15 categories), each listing its prompts, and results for about 70% of the
models on each suite, most of them with one outcome per prompt. The same
``(n, seed)`` always gives byte-identical files: every
choice comes from ``random.Random`` streams seeded from ``seed`` (see
:func:`stream`), drawn in a fixed order, and nothing depends on the clock, the
folder or set iteration order.
"""

from __future__ import annotations

import json
import random
import shutil
import struct
import textwrap
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from versus.authoring.yamlwriter import dump_yaml

REPO = Path(__file__).resolve().parent.parent
"""The repository whose ``versus.yaml`` and ``vision-evals`` suite are copied."""

COPIED_SUITE = "vision-evals"
GENERATED_SUITE = "reasoning-evals"
RESULT_SHARE = 0.7
"""About this share of the models has a result on each suite."""
PROMPTS_PER_SUITE = 200
"""Prompts each suite lists (issue 17's scale: two suites of 200 prompts)."""
OUTCOME_SHARE = 0.85
"""About this share of the results gives one outcome per prompt; the rest state totals only."""
IMAGES_PER_SUITE = 8
"""Image files in each suite's folder, shared by the prompts that show a local image."""

WRAP = 84
"""Markdown paragraphs are wrapped at this width, as a contributor would."""

STATES = ("supported", "demo", "no")
STATE_WEIGHTS = (5, 2, 3)
STATED_SHARE = 0.8
"""About this share of the taxonomy is named on a card; the rest is unknown."""

ORGANIZATIONS = (
    "Aster Labs",
    "Borealis AI",
    "Cobalt Research",
    "Dune Systems",
    "Éclair Vision",
    "Fjord Institute",
    "Granite AI",
    "Helix & Partners",
    "Indigo University",
    "Juniper Compute",
    "Kite Robotics",
    "Lumière Group",
)
FAMILIES = (
    "Lumen",
    "Vista",
    "Argus",
    "Kestrel",
    "Prism",
    "Iris",
    "Halo",
    "Nimbus",
    "Quartz",
    "Sable",
    "Tessera",
    "Orbit",
)
SUFFIXES = ("VL", "Vision", "Omni", "Lite", "Pro", "Reader", "Scout")
CONTEXT_WINDOWS = (2048, 4096, 8192, 32768, 128000, 131072, 262144, 1000000)
LICENSES: tuple[tuple[str, str | None, str | None], ...] = (
    ("Apache 2.0", "Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0"),
    ("MIT", "MIT", "https://opensource.org/license/mit"),
    ("CC BY 4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("Community License", None, None),
)

DESCRIPTION_SENTENCES = (
    "It reads an image together with a short text prompt and answers in plain text.",
    "The vision encoder splits each picture into tiles, so small print stays legible.",
    "Training mixed web images with alt text, scanned documents and synthetic charts.",
    "The makers report strong results on document questions and weaker ones on counting.",
    "A smaller distilled checkpoint is offered for phones and other edge devices.",
    "Boxes and points come back as coordinates in the text of the answer.",
    "The release notes warn that answers about people and faces are deliberately limited.",
    "Fine-tuning recipes are published for detection, captioning and chart reading.",
    "According to the makers, latency stays under a second for a single image on one GPU.",
    "Its tokenizer encodes a 1024-pixel image into a few hundred tokens.",
    "Independent testers found it reliable on receipts but uneven on handwriting.",
    "The context window holds several images, which makes multi-page documents practical.",
    "A safety filter runs before the answer is returned and can refuse some requests.",
    "The instruction-tuned variant follows formatting requests such as JSON output.",
    "Quantised weights at 4 and 8 bits are provided by the community.",
    "The paper compares it against larger models and claims parity on most tasks.",
    "Spatial questions, such as which object is left of another, remain its weak point.",
    "The team describes the training data only in broad strokes.",
)
LIST_ITEMS = (
    "captions of a sentence or a paragraph",
    "text read from signs, receipts and forms",
    "answers to free-form questions about a picture",
    "bounding boxes for objects named in the prompt",
    "pixel masks for the regions it finds",
    "labels from a fixed or an open vocabulary",
    "structured output such as tables or JSON",
)
NOTES = (
    "The parameter count is the makers' rounded figure.",
    "The release date is that of the first public checkpoint.",
    "Prices are those of the makers' own API; resellers may differ.",
    "The capabilities were read from the model's documentation, not tested.",
    "The context window is the one the hosted API accepts; the weights may allow more.",
    "Benchmarks on the makers' page use a different prompt format than the suites here.",
)
CATEGORY_LABELS = (
    "Chart Reading",
    "Table Extraction",
    "Diagram Reasoning",
    "Math Word Problems",
    "Multi-Image Comparison",
    "Scene Text",
    "Handwriting",
    "Counting",
    "Spatial Relations",
    "Temporal Order",
    "Medical Imagery",
    "Satellite Imagery",
    "Memes and Humour",
    "Safety Refusals",
    "Instruction Following",
)
SUITE_BANDS = (
    {"id": "high", "label": "80% or more", "min": 80},
    {"id": "mid", "label": "50% to 79%", "min": 50},
    {"id": "low", "label": "under 50%", "min": 0},
)


@dataclass(frozen=True)
class SuiteInfo:
    id: str
    categories: tuple[tuple[str, int], ...]
    """Category id and its prompt count, in display order."""
    threshold: int
    """Coverage (percent of prompts) from which token figures are given."""

    @property
    def prompts(self) -> int:
        return sum(count for _, count in self.categories)

    def prompt_ids(self) -> list[tuple[str, list[str]]]:
        """Each category's prompt ids, in the order of the suite's list."""
        return [
            (cat_id, [f"{cat_id}-{number:03d}" for number in range(1, count + 1)])
            for cat_id, count in self.categories
        ]


# --- YAML output --------------------------------------------------------------


def dump(data: Any, comment: str) -> str:
    """``data`` as YAML after a one-line comment; the same data gives the same text."""
    return dump_yaml(data, [comment])


# --- model cards --------------------------------------------------------------


def model_id(index: int) -> str:
    """The id of model ``index`` (1-based): ``model-0001``."""
    return f"model-{index:04d}"


def _words(text: str) -> int:
    return len(text.split())


def description(rng: random.Random, name: str, org: str, slug: str) -> str:
    """Markdown of 150 to 300 words: two paragraphs, a list, a link and bold text."""
    target = rng.randint(150, 275)
    intro = (
        f"{name} is a vision-language model from {org}, released as part of the "
        f"{name.split()[0]} family."
    )
    listing = "\n".join(f"- {item}" for item in rng.sample(LIST_ITEMS, rng.randint(3, 5)))
    closing = (
        "The makers describe the training and evaluation in a "
        f"[technical report](https://example.org/reports/{slug}), "
        "which this card **summarizes in its own words**."
    )

    def text(middle: list[str]) -> str:
        split = max(1, len(middle) // 2)
        first = textwrap.fill(" ".join([intro, *middle[:split]]), WRAP)
        second = " ".join(middle[split:]) or "Its answers are short unless asked otherwise."
        second = textwrap.fill(f"{second} {closing}", WRAP)
        return f"{first}\n\nIt can produce:\n\n{listing}\n\n{second}"

    pool: list[str] = []
    middle: list[str] = []
    while _words(text(middle)) < target:
        if not pool:
            pool = rng.sample(DESCRIPTION_SENTENCES, len(DESCRIPTION_SENTENCES))
        middle.append(pool.pop())
    result = text(middle)
    assert 150 <= _words(result) <= 300, (_words(result), result)
    return result


def _billions(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 1)))


def _count_text(value: Decimal) -> str:
    """``Decimal('0.23')`` -> ``230M``; ``Decimal('25.2')`` -> ``25.2B``."""
    if value < 1:
        return f"{int(value * 1000)}M"
    return f"{value.normalize():f}B"


def parameters(rng: random.Random, index: int, closed: bool) -> dict[str, Any]:
    """The four forms in turn: one size, mixture of experts, a family, undisclosed."""
    form = "undisclosed" if closed and index % 2 == 0 else ("dense", "moe", "family")[index % 3]
    if form == "undisclosed":
        return {"disclosed": False, "note": "The makers have not published a parameter count."}
    if form == "dense":
        total = _billions(rng, 0.3, 80)
        return {"total": _count_text(total)}
    if form == "moe":
        total = _billions(rng, 20, 400)
        active = _billions(rng, 1, float(total) / 4)
        return {
            "total": _count_text(total),
            "active": _count_text(active),
            "note": "A mixture-of-experts model; the active count is per token.",
        }
    sizes = sorted(_billions(rng, 0.2, 90) for _ in range(rng.randint(2, 4)))
    variants: list[dict[str, Any]] = []
    for number, size in enumerate(sizes, start=1):
        variant: dict[str, Any] = {"name": f"size {number}", "total": _count_text(size)}
        if number == len(sizes) and rng.random() < 0.5 and size >= 2:
            variant["active"] = _count_text(_billions(rng, 0.5, float(size) / 2))
        variants.append(variant)
    return {"variants": variants}


def _date(rng: random.Random, low: int = 2021, high: int = 2026) -> str:
    year = rng.randint(low, high)
    form = rng.randrange(3)
    if form == 0:
        return str(year)
    month = rng.randint(1, 12)
    if form == 1:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _price(rng: random.Random, low: int, high: int) -> Decimal:
    """An amount with two decimals, from ``low`` to ``high`` hundredths."""
    return Decimal(rng.randint(low, high)) / 100


def capabilities(rng: random.Random, index: int, ids: Sequence[str]) -> dict[str, str]:
    """About 80% of the taxonomy in mixed states; at least one of each state per card."""
    stated = {
        cap: rng.choices(STATES, STATE_WEIGHTS)[0] for cap in ids if rng.random() < STATED_SHARE
    }
    stated.setdefault(ids[index % len(ids)], rng.choice(STATES))  # every id on some card
    for state in STATES:
        if state not in stated.values():
            counts = Counter(stated.values())
            spare = [cap for cap in ids if cap not in stated or counts[stated[cap]] > 1]
            stated[rng.choice(spare)] = state
    return {cap: stated[cap] for cap in ids if cap in stated}


def card(rng: random.Random, index: int, capability_ids: Sequence[str]) -> dict[str, Any]:
    """Every field of a model card; pricing is left out for every fifth model."""
    slug = model_id(index)
    family = FAMILIES[index % len(FAMILIES)]
    name = f"{family} {rng.choice(SUFFIXES)} {index}"
    org = rng.choice(ORGANIZATIONS)
    closed = rng.random() < 0.35
    modality = rng.choices(("multimodal", "vision", "text"), (6, 3, 1))[0]
    summary = (
        f"{'A closed' if closed else 'An open-weight'} {modality} model from {org} for "
        f"{' and '.join(rng.sample(LIST_ITEMS, 2))}."
    )
    assert len(summary) <= 200, summary
    if closed:
        license_: dict[str, Any] = {
            "name": "Proprietary",
            "note": "Available through the makers' API only; no weights were released.",
        }
    else:
        name_, spdx, url = rng.choice(LICENSES)
        license_ = {"name": name_}
        if spdx is not None:
            license_["spdx"] = spdx
        if url is not None:
            license_["url"] = url
        else:
            license_["note"] = "A custom license that allows research and commercial use."
    data: dict[str, Any] = {
        "name": name,
        "organization": org,
        "category": "api-only" if closed else "open-weights",
        "modality": modality,
        "summary": summary,
        "description": description(rng, name, org, slug),
        "released": _date(rng),
        "parameters": parameters(rng, index, closed),
        "context_window": rng.choice(CONTEXT_WINDOWS),
        "license": license_,
    }
    if index % 5 != 0:
        data["pricing"] = {
            "currency": rng.choices(("USD", "EUR", "GBP"), (8, 1, 1))[0],
            "input_per_million": _price(rng, 1, 500),
            "output_per_million": _price(rng, 5, 2000),
            "as_of": _date(rng, 2025, 2026),
            "source": f"{org} price list",
            "url": f"https://example.org/pricing/{slug}",
        }
    links = {
        "homepage": f"https://example.org/models/{slug}",
        "paper": f"https://arxiv.org/abs/2{rng.randint(100, 699)}.{rng.randint(10000, 99999)}",
    }
    if not closed:
        links["weights"] = f"https://huggingface.co/example/{slug}"
        links["code"] = f"https://github.com/example/{slug}"
    data["links"] = links
    data["capabilities"] = capabilities(rng, index, capability_ids)
    data["notes"] = rng.sample(NOTES, rng.randint(1, 3))
    sources: list[dict[str, Any]] = [
        {"title": f"{name} model page", "url": f"https://example.org/models/{slug}"},
        {"title": f"{name}: technical report", "url": links["paper"]},
    ]
    if rng.random() < 0.5:
        sources.append({"title": "Announcement at a conference talk (no recording online)"})
    data["sources"] = sources
    # no draws from rng below: the catalog of every seed stays as it was before these fields
    demo = sorted(cap for cap, state in data["capabilities"].items() if state == "demo")
    data["demos"] = {cap: f"https://example.org/demo/{slug}/{cap}" for cap in demo[:1]}
    if index % 4 == 0:
        links["demo"] = f"https://example.org/demo/{slug}"
    data["data_notes"] = [f"Synthetic: bench/catalog.py wrote this card (model {index})."]
    return data


# --- suites and their prompts ----------------------------------------------------


def spread(weights: Sequence[int], total: int) -> list[int]:
    """``total`` shared out in proportion to ``weights`` (largest remainders), at least 1 each."""
    if total < len(weights):
        raise ValueError(f"{total} prompts cannot give each of {len(weights)} categories one")
    whole = sum(weights)
    shares = [max(1, total * weight // whole) for weight in weights]
    order = sorted(
        range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i)
    )  # largest remainder first, then the first category
    step = 0
    while sum(shares) != total:
        index = order[step % len(order)]
        if sum(shares) < total:
            shares[index] += 1
        elif shares[index] > 1:
            shares[index] -= 1
        step += 1
    return shares


def _category_list(labels: Sequence[str], categories: Sequence[tuple[str, int]]) -> str:
    return "\n".join(
        f"- {label} ({count} prompts)" for label, (_, count) in zip(labels, categories, strict=True)
    )


def copied_suite() -> tuple[SuiteInfo, dict[str, Any]]:
    """The repository's ``vision-evals`` suite, its categories weighted as there, scaled to
    :data:`PROMPTS_PER_SUITE` prompts that it lists (so the counts are left to versus)."""
    raw = yaml.safe_load((REPO / "evals" / COPIED_SUITE / "suite.yaml").read_text("utf-8"))
    weights = [int(category["prompts"]) for category in raw["categories"]]
    counts = spread(weights, PROMPTS_PER_SUITE)
    categories = tuple(
        (str(category["id"]), count)
        for category, count in zip(raw["categories"], counts, strict=True)
    )
    info = SuiteInfo(COPIED_SUITE, categories, int(raw.get("coverage_threshold", 90)))
    labels = [str(category["label"]) for category in raw["categories"]]
    data: dict[str, Any] = {
        "name": raw["name"],
        "summary": (
            f"{info.prompts} pass/fail image prompts in {len(categories)} categories, "
            "synthetic, for the benchmark."
        ),
        "description": (
            f"{raw['name']} puts the same {info.prompts} image prompts to every model and "
            "marks each answer as a pass or a fail. The categories:\n\n"
            + _category_list(labels, categories)
        ),
        "methodology": raw["methodology"],
        "scoring": raw.get("scoring", "pass/fail"),
        "coverage_threshold": info.threshold,
        "categories": [
            {"id": cat_id, "label": label}
            for label, (cat_id, _) in zip(labels, categories, strict=True)
        ],
    }
    if "source" in raw:
        data["source"] = raw["source"]
    return info, data


def generated_suite(rng: random.Random) -> tuple[SuiteInfo, dict[str, Any]]:
    """A second suite of 5 to 15 categories of :data:`PROMPTS_PER_SUITE` prompts in all."""
    labels = rng.sample(CATEGORY_LABELS, rng.randint(5, 15))
    weights = [rng.randint(4, 25) for _ in labels]
    categories = tuple(
        (label.lower().replace(" and ", "-").replace(" ", "-"), count)
        for label, count in zip(labels, spread(weights, PROMPTS_PER_SUITE), strict=True)
    )
    info = SuiteInfo(GENERATED_SUITE, categories, 85)
    data: dict[str, Any] = {
        "name": "Reasoning Evals",
        "summary": (
            f"{info.prompts} pass/fail prompts in {len(categories)} categories that ask a "
            "model to reason over charts, tables, scenes and documents."
        ),
        "description": (
            f"Reasoning Evals asks every model the same {info.prompts} questions about "
            "images and marks each answer as a pass or a fail.\n\n"
            "The categories:\n\n"
            + _category_list(labels, categories)
            + "\n\nThe prompts are published in the "
            "[suite's repository](https://example.org/reasoning-evals)."
        ),
        "methodology": (
            "Each prompt is scored **pass** or **fail** by two reviewers; disagreements "
            "go to a third.\n\n"
            "- The overall score is passed prompts over covered prompts.\n"
            "- Token figures come from one run at temperature 0.\n\n"
            "Token and cost figures are shown only for runs that covered at least 85% of "
            "the prompts."
        ),
        "scoring": "pass/fail",
        "coverage_threshold": info.threshold,
        "categories": [
            {"id": cat_id, "label": label}
            for label, (cat_id, _) in zip(labels, categories, strict=True)
        ],
        "source": {
            "title": "Reasoning Evals maintainers",
            "url": "https://example.org/reasoning-evals",
        },
        "bands": [dict(band) for band in SUITE_BANDS],
    }
    return info, data


QUESTIONS = (
    "How many {thing} can you see in the picture?",
    "What colour is the {thing} nearest the camera?",
    "Is the {thing} to the left or to the right of the door?",
    "Read the text printed on the {thing}.",
    "Which of the {thing} is the largest?",
    "What is the total shown on the {thing}?",
    "Describe the {thing} in one sentence.",
)
THINGS = ("cars", "receipt", "boxes", "sign", "apples", "chart", "chairs", "label", "birds")
ANSWERS = ("3", "7", "12", "red", "blue", "left", "right", "$14.20", "STOP", "the second one")


IMAGE_SIZE = (640, 480)
"""A prompt image's pixels: a photo's size, so that a prompt page shows it as sharp as
Lighthouse asks of a phone's screen (one grey compresses to a few hundred bytes)."""


def png(shade: int) -> bytes:
    """A valid grey PNG of :data:`IMAGE_SIZE` and one ``shade`` (0 to 255): a prompt's image."""
    width, height = IMAGE_SIZE

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes([shade]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def prompt_list(rng: random.Random, suite: SuiteInfo) -> list[dict[str, Any]]:
    """Every prompt of ``suite``: a quarter with an image file of the suite's folder, a
    quarter with an image URL, the rest without; most with the answer that passes."""
    entries: list[dict[str, Any]] = []
    for cat_id, ids in suite.prompt_ids():
        for prompt_id in ids:
            thing = rng.choice(THINGS)
            entry: dict[str, Any] = {
                "id": prompt_id,
                "category": cat_id,
                "prompt": rng.choice(QUESTIONS).format(thing=thing),
            }
            where = rng.random()
            if where < 0.25:
                entry["image"] = f"images/image-{rng.randint(1, IMAGES_PER_SUITE)}.png"
            elif where < 0.5:
                entry["image"] = f"https://example.org/{suite.id}/images/{prompt_id}.jpg"
            if rng.random() < 0.9:
                entry["expected"] = rng.choice(ANSWERS)
            if rng.random() < 0.2:
                entry["tags"] = [thing.replace(" ", "-")]
            entries.append(entry)
    return entries


# --- results ----------------------------------------------------------------------


def _percent(passed: int, total: int, places: str) -> Decimal:
    return (Decimal(passed) * 100 / Decimal(total)).quantize(Decimal(places), ROUND_HALF_UP)


def _answer(rng: random.Random, passed: bool, expected: str | None) -> str:
    """A short answer mostly, a long one sometimes, and now and then none at all."""
    draw = rng.random()
    if draw < 0.02:
        return ""
    value = expected if passed and expected is not None else rng.choice(ANSWERS)
    if draw < 0.12:
        reasoning = " ".join(rng.sample(DESCRIPTION_SENTENCES, rng.randint(3, 8)))
        return f"{reasoning} So the answer is {value}."
    return value if draw < 0.6 else f"The answer is {value}."


def outcomes(
    rng: random.Random, suite: SuiteInfo, expected: dict[str, str | None], strength: float
) -> list[dict[str, Any]]:
    """One run's outcome of each prompt it covered, in the suite's order: some runs skip a
    category or cover part of one."""
    seconds = rng.uniform(0.4, 60)
    input_tokens, output_tokens = rng.randint(150, 3000), rng.randint(20, 1500)
    lines: list[dict[str, Any]] = []
    for _, ids in suite.prompt_ids():
        if rng.random() < 0.08:
            continue  # not run
        covered = ids if rng.random() < 0.8 else ids[: rng.randint(1, len(ids))]
        for prompt_id in covered:
            passed = rng.random() < strength
            lines.append(
                {
                    "prompt": prompt_id,
                    "passed": passed,
                    "answer": _answer(rng, passed, expected[prompt_id]),
                    "seconds": round(seconds * rng.uniform(0.5, 1.5), 2),
                    "input_tokens": max(1, int(input_tokens * rng.uniform(0.8, 1.2))),
                    "output_tokens": max(1, int(output_tokens * rng.uniform(0.3, 1.7))),
                }
            )
    if not lines:
        first = suite.prompt_ids()[0][1][0]
        lines.append({"prompt": first, "passed": True, "answer": "3", "seconds": 1.0})
        lines[0].update({"input_tokens": input_tokens, "output_tokens": output_tokens})
    return lines


def _source(rng: random.Random, suite: SuiteInfo, card_data: dict[str, Any]) -> dict[str, Any]:
    measured = rng.random() < 0.75
    data: dict[str, Any] = {
        "provenance": "measured" if measured else "self-reported",
        "source": (
            {"title": f"{suite.id} maintainers' run", "url": f"https://example.org/{suite.id}/runs"}
            if measured
            else {"title": f"{card_data['organization']} model report"}
        ),
    }
    if rng.random() < 0.85:
        data["date"] = _date(rng, 2025, 2026)
    return data


def result(
    rng: random.Random,
    suite: SuiteInfo,
    card_data: dict[str, Any],
    index: int,
    expected: dict[str, str | None],
) -> tuple[dict[str, Any], list[dict[str, Any]] | None]:
    """One run: its result file, and its outcomes (``None`` for a run that states its totals
    only). A run with outcomes states no figure (versus computes them all from the outcomes),
    so that the bench can change one outcome and keep the project valid.

    Model 1 states its totals without any derived figure, and model 2 gives outcomes: even a
    tiny catalog has a result and an outcome the bench can change.
    """
    strength = rng.uniform(0.15, 0.95)
    if index == 2 or (index != 1 and rng.random() < OUTCOME_SHARE):
        lines = outcomes(rng, suite, expected, strength)
        data = _source(rng, suite, card_data)
        covered = len(lines)
        if covered < suite.prompts:
            data["notes"] = [f"The run covered {covered} of the suite's {suite.prompts} prompts."]
        elif index % 4 == 0:
            data["notes"] = ["Verdicts as published, one per prompt."]
        return data, lines
    return totals(rng, suite, card_data, index, strength, state=index != 1), None


def totals(
    rng: random.Random,
    suite: SuiteInfo,
    card_data: dict[str, Any],
    index: int,
    strength: float,
    state: bool = True,
) -> dict[str, Any]:
    """A run that states its totals per category: some skip a category or cover part of one;
    figures as the schema allows (percents and costs it states only with ``state``)."""
    categories: dict[str, Any] = {}
    state_percent = rng.random() < 0.1 and state
    for cat_id, prompts in suite.categories:
        if rng.random() < 0.08:
            continue  # not run
        total = prompts if rng.random() < 0.8 else rng.randint(1, prompts)
        passed = sum(rng.random() < strength for _ in range(total))
        entry: dict[str, Any] = {"passed": passed, "total": total}
        if state_percent:
            entry["percent"] = _percent(passed, total, "0.1")
        categories[cat_id] = entry
    if not categories:
        cat_id, prompts = suite.categories[0]
        categories[cat_id] = {"passed": prompts // 2, "total": prompts}
    passed = sum(entry["passed"] for entry in categories.values())
    covered = sum(entry["total"] for entry in categories.values())
    data = _source(rng, suite, card_data)
    data["categories"] = categories
    data["avg_response_seconds"] = round(rng.uniform(0.4, 60), 2)
    if covered * 100 >= suite.threshold * suite.prompts:
        data["median_input_tokens"] = rng.randint(150, 3000)
        data["median_output_tokens"] = rng.randint(20, 1500)
    if rng.random() < 0.3 and state:
        data["overall_percent"] = _percent(passed, covered, "0.01")
    pricing = card_data.get("pricing")
    if pricing is not None and "median_input_tokens" in data and rng.random() < 0.4 and state:
        cost = (
            data["median_input_tokens"] * pricing["input_per_million"]
            + data["median_output_tokens"] * pricing["output_per_million"]
        ) / 1_000_000
        data["cost_per_task"] = cost.quantize(Decimal("0.000001"), ROUND_HALF_UP)
    if covered < suite.prompts:
        data["notes"] = [f"The run covered {covered} of the suite's {suite.prompts} prompts."]
    elif index % 4 == 0:
        data["notes"] = ["Figures as published; the prompts were not re-run."]
    return data


# --- the project --------------------------------------------------------------


def stream(seed: int, *names: str | int) -> random.Random:
    """The random numbers of one part of the catalog, from ``seed`` and the part's name.

    Each card, suite and result draws from its own stream, so model ``i`` is the
    same in every catalog of at least ``i`` models: a catalog of 50 is the first
    50 cards of one of 200, with the same suites. (A string seed is hashed with
    SHA-512, not Python's randomized ``hash``.)
    """
    return random.Random("/".join(map(str, (seed, *names))))


def taxonomy_ids() -> list[str]:
    raw = yaml.safe_load((REPO / "versus.yaml").read_text("utf-8"))
    return [str(cap["id"]) for group in raw["taxonomy"] for cap in group["capabilities"]]


def jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object per line, keys in the order given."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_suite(
    folder: Path, seed: int, info: SuiteInfo, data: dict[str, Any], listing: str
) -> dict[str, str | None]:
    """The suite's file, its prompt list (``prompts.yaml`` or ``prompts.jsonl``) and images;
    each prompt's expected answer by id."""
    folder.mkdir(parents=True)
    (folder / "suite.yaml").write_text(
        dump(data, f"Eval suite: {data['name']}, generated for the benchmark."), encoding="utf-8"
    )
    entries = prompt_list(stream(seed, "prompts", info.id), info)
    if listing == "yaml":
        text = dump(entries, f"The prompts of {data['name']}, generated for the benchmark.")
        (folder / "prompts.yaml").write_text(text, encoding="utf-8")
    else:
        (folder / "prompts.jsonl").write_text(jsonl(entries), encoding="utf-8")
    (folder / "images").mkdir()
    for number in range(1, IMAGES_PER_SUITE + 1):
        (folder / "images" / f"image-{number}.png").write_bytes(
            png(number * 255 // IMAGES_PER_SUITE)
        )
    return {str(entry["id"]): entry.get("expected") for entry in entries}


def generate(folder: Path, n: int, seed: int = 1) -> None:
    """Write a complete project of ``n`` models into ``folder`` (created; must be empty)."""
    if n < 2:
        raise ValueError("a catalog needs at least two models")
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    shutil.copyfile(REPO / "versus.yaml", folder / "versus.yaml")
    ids = taxonomy_ids()

    models = folder / "models"
    models.mkdir()
    cards: list[dict[str, Any]] = []
    for index in range(1, n + 1):
        data = card(stream(seed, "model", index), index, ids)
        cards.append(data)
        text = dump(data, f"Model card: {data['name']}, a synthetic model for the benchmark.")
        (models / f"{model_id(index)}.yaml").write_text(text, encoding="utf-8")

    evals = folder / "evals"
    suites = [
        (*copied_suite(), "yaml"),
        (*generated_suite(stream(seed, "suite")), "jsonl"),
    ]
    for info, suite_data, listing in suites:
        expected = write_suite(evals / info.id, seed, info, suite_data, listing)
        for index, data in enumerate(cards, start=1):
            rng = stream(seed, info.id, index)
            # Models 1 and 2 have a run on every suite, so that even a tiny catalog has results.
            if index > 2 and rng.random() >= RESULT_SHARE:
                continue
            run, lines = result(rng, info, data, index, expected)
            text = dump(run, f"Eval result: {data['name']} on the {info.id} suite.")
            (evals / info.id / f"{model_id(index)}.yaml").write_text(text, encoding="utf-8")
            if lines is not None:
                outcomes_file = evals / info.id / f"{model_id(index)}.outcomes.jsonl"
                outcomes_file.write_text(jsonl(lines), encoding="utf-8")


__all__ = ["GENERATED_SUITE", "PROMPTS_PER_SUITE", "generate", "model_id"]
