"""Write the synthetic example project: ``python examples/synthetic/generate.py [--check]``.

Everything in ``versus.yaml``, ``models/`` and ``evals/`` of this folder is written
by this script and is made up: fictional models of fictional organizations, two
suites of prompts about pictures this script draws (or that do not exist, behind
``https://example.org`` addresses), and runs whose verdicts, answers, times and
tokens come from seeded random numbers. The site says so on every page (the
``notice`` of ``versus.yaml``).

The same script always writes the same bytes: every choice comes from a
``random.Random`` stream seeded from :data:`SEED` and the name of the part it
is for, drawn in a fixed order; images are PNG files written here byte by byte.
A figure the files state (a category's counts, an overall percent) is counted
from the same simulated prompts, so the files agree with one another.

``--check`` writes nothing and exits with 1, naming each file that differs from
what the script would write (the tests run the same comparison).
"""

from __future__ import annotations

import argparse
import json
import random
import struct
import sys
import textwrap
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from versus.authoring import jsonschema
from versus.authoring.yamlwriter import dump_yaml

HERE = Path(__file__).resolve().parent
SEED = 2026
GENERATED = ("versus.yaml", "models", "evals", "schemas")
"""What the script owns in its folder: it rewrites these and removes other files under them."""

NOTICE = "Example data: every model, prompt and figure on this site is synthetic."
MARK = "Synthetic example data, written by generate.py: edit the script, not this file."
URL_BASE = "https://example.org/versus-example/"
"""Where the example's made-up links point (example.org is reserved for examples)."""


def markdown(text: str) -> str:
    """``text`` with each paragraph wrapped at 88 characters, as a contributor writes it;
    lists are left as they are."""
    return "\n\n".join(
        block if block.startswith("- ") else textwrap.fill(block, 88)
        for block in text.split("\n\n")
    )


def stream(*names: str | int) -> random.Random:
    """The random numbers of one part of the project, from :data:`SEED` and the part's name.

    A string seed is hashed with SHA-512 (not Python's randomized ``hash``), so each
    part's numbers are the same on every run and do not move when another part changes.
    """
    return random.Random("/".join(map(str, (SEED, *names))))


# --- PNG images -----------------------------------------------------------------

PALETTE: dict[str, tuple[int, int, int]] = {
    "white": (255, 255, 255),
    "red": (220, 38, 38),
    "green": (22, 163, 74),
    "blue": (37, 99, 235),
    "yellow": (234, 179, 8),
    "grey": (107, 114, 128),
}
COLOURS = ("red", "green", "blue", "yellow")
"""The colours a square or a bar may have; white is the background, grey the axis."""
INDEX = {name: number for number, name in enumerate(PALETTE)}


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _stored_zlib(data: bytes) -> bytes:
    """``data`` as a zlib stream of stored (uncompressed) deflate blocks.

    Not ``zlib.compress``: its bytes depend on the zlib build (zlib-ng compresses
    differently), and the committed images must equal a fresh generation anywhere.
    """
    blocks = [data[start : start + 65535] for start in range(0, len(data), 65535)] or [b""]
    out = bytearray(b"\x78\x01")
    for number, block in enumerate(blocks):
        final = 1 if number == len(blocks) - 1 else 0
        out += struct.pack("<BHH", final, len(block), len(block) ^ 0xFFFF) + block
    return bytes(out) + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)


def png(pixels: Sequence[Sequence[str]]) -> bytes:
    """A valid PNG of ``pixels`` (rows of colour names): 4 bits per pixel, one palette."""
    height, width = len(pixels), len(pixels[0])
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter: none
        values = [INDEX[name] for name in row] + [0] * (len(row) % 2)
        raw += bytes(values[i] << 4 | values[i + 1] for i in range(0, len(values), 2))
    palette = b"".join(bytes(rgb) for rgb in PALETTE.values())
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0))
        + _chunk(b"PLTE", palette)
        + _chunk(b"IDAT", _stored_zlib(bytes(raw)))
        + _chunk(b"IEND", b"")
    )


GRID = 4
CELL = 12
"""A scene is a 4 x 4 grid of 12-pixel cells: a 48 x 48 picture."""


@dataclass(frozen=True)
class Scene:
    """Coloured squares on a grid: ``(row, column, colour)``, top-left first."""

    squares: tuple[tuple[int, int, str], ...]

    def pixels(self) -> list[list[str]]:
        size = GRID * CELL
        image = [["white"] * size for _ in range(size)]
        for row, column, colour in self.squares:
            for y in range(row * CELL + 2, (row + 1) * CELL - 2):
                for x in range(column * CELL + 2, (column + 1) * CELL - 2):
                    image[y][x] = colour
        return image

    def count(self, colour: str | None = None) -> int:
        return sum(colour is None or square[2] == colour for square in self.squares)

    def first(self) -> str:
        return self.squares[0][2]

    def in_top_half(self, colour: str) -> bool:
        return any(row < GRID // 2 and c == colour for row, _, c in self.squares)


def scene(rng: random.Random) -> Scene:
    cells = rng.sample([(row, column) for row in range(GRID) for column in range(GRID)], 6)
    chosen = sorted(cells[: rng.randint(2, 6)])
    return Scene(tuple((row, column, rng.choice(COLOURS)) for row, column in chosen))


@dataclass(frozen=True)
class Chart:
    """A bar chart: each bar's colour and height in pixels, left to right."""

    bars: tuple[tuple[str, int], ...]

    def pixels(self) -> list[list[str]]:
        size = 48
        image = [["white"] * size for _ in range(size)]
        for x in range(2, size - 2):
            image[size - 3][x] = "grey"  # the axis
        width = (size - 4) // len(self.bars)
        for number, (colour, height) in enumerate(self.bars):
            left = 2 + number * width + 1
            for y in range(size - 3 - height, size - 3):
                for x in range(left, left + width - 2):
                    image[y][x] = colour
        return image

    def tallest(self) -> str:
        return max(self.bars, key=lambda bar: bar[1])[0]


def chart(rng: random.Random) -> Chart:
    count = rng.randint(3, 5)
    colours = rng.sample(COLOURS, min(count, len(COLOURS)))
    colours += [rng.choice(COLOURS) for _ in range(count - len(colours))]
    heights = rng.sample(range(6, 42), count)  # distinct: one bar is the tallest
    return Chart(tuple(zip(colours, heights, strict=True)))


# --- the project: config and cards ----------------------------------------------

TAXONOMY: list[dict[str, Any]] = [
    {
        "id": "image-tasks",
        "label": "Image tasks",
        "capabilities": [
            {"id": "captioning", "label": "Captioning", "description": "Describes a picture."},
            {"id": "counting", "label": "Counting", "description": "Counts things in a picture."},
            {"id": "ocr", "label": "Text reading", "description": "Reads text in a picture."},
            {
                "id": "chart-reading",
                "label": "Chart reading",
                "description": "Answers questions about bar, line and pie charts.",
            },
            {
                "id": "vqa",
                "label": "Visual questions",
                "description": "Answers free-form questions about a picture.",
            },
        ],
    },
    {
        "id": "features",
        "label": "Features",
        "capabilities": [
            {
                "id": "several-images",
                "label": "Several images",
                "description": "Takes more than one image in a prompt.",
            },
            {
                "id": "structured-output",
                "label": "Structured output",
                "description": "Answers in a requested format such as JSON.",
            },
        ],
    },
]


def config() -> dict[str, Any]:
    return {
        "title": "versus example",
        "description": (
            "An example versus site: fictional models compared on two made-up suites, to show "
            "what versus makes of prompts and per-prompt outcomes."
        ),
        "base_url": URL_BASE,
        "notice": NOTICE,
        "taxonomy": TAXONOMY,
    }


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    organization: str
    open: bool
    modality: str
    size: str | None
    """Parameters (``7B``), or ``None`` when undisclosed."""
    prices: tuple[str, str] | None
    """USD per million input and output tokens."""
    style: str
    """How it answers: ``terse``, ``plain``, ``verbose`` (long answers) or ``shaky``."""
    seconds: float
    """Its typical time to answer, in seconds."""
    image_tokens: int
    skill: Mapping[str, float]
    """Suite id -> chance of passing a prompt of average difficulty."""


SCENES, DOCUMENTS = "example-scenes", "example-documents"

MODELS = (
    Model(
        id="example-vision-a",
        name="Example Vision A",
        organization="Example Labs",
        open=True,
        modality="multimodal",
        size="7B",
        prices=None,
        style="terse",
        seconds=1.2,
        image_tokens=256,
        skill={SCENES: 0.86, DOCUMENTS: 0.8},
    ),
    Model(
        id="example-vision-b",
        name="Example Vision B",
        organization="Example Labs",
        open=True,
        modality="multimodal",
        size="13B",
        prices=None,
        style="plain",
        seconds=2.1,
        image_tokens=576,
        skill={SCENES: 0.8, DOCUMENTS: 0.76},
    ),
    Model(
        id="example-vision-c",
        name="Example Vision C",
        organization="Placeholder AI",
        open=False,
        modality="multimodal",
        size=None,
        prices=("0.40", "1.60"),
        style="plain",
        seconds=3.4,
        image_tokens=768,
        skill={SCENES: 0.62, DOCUMENTS: 0.7},
    ),
    Model(
        id="example-omni-d",
        name="Example Omni D",
        organization="Placeholder AI",
        open=False,
        modality="multimodal",
        size=None,
        prices=("2.50", "10.00"),
        style="verbose",
        seconds=9.8,
        image_tokens=1024,
        skill={SCENES: 0.74, DOCUMENTS: 0.78},
    ),
    Model(
        id="example-reader-e",
        name="Example Reader E",
        organization="Sample Institute",
        open=True,
        modality="vision",
        size="900M",
        prices=None,
        style="terse",
        seconds=0.6,
        image_tokens=196,
        skill={SCENES: 0.52, DOCUMENTS: 0.66},
    ),
    Model(
        id="example-tiny-f",
        name="Example Tiny F",
        organization="Sample Institute",
        open=True,
        modality="multimodal",
        size="300M",
        prices=("0.02", "0.05"),
        style="shaky",
        seconds=0.4,
        image_tokens=64,
        skill={SCENES: 0.34, DOCUMENTS: 0.3},
    ),
    Model(
        id="example-text-g",
        name="Example Text G",
        organization="Example Labs",
        open=True,
        modality="text",
        size="3B",
        prices=None,
        style="plain",
        seconds=0.9,
        image_tokens=0,
        skill={},
    ),
)


def card(model: Model) -> dict[str, Any]:
    rng = stream("card", model.id)
    ids = [cap["id"] for group in TAXONOMY for cap in group["capabilities"]]
    capabilities: dict[str, str] = {}
    for cap in ids:
        draw = rng.random()
        if model.modality == "text" and cap != "structured-output":
            capabilities[cap] = "no"
        elif draw < 0.45:
            capabilities[cap] = "supported"
        elif draw < 0.6:
            capabilities[cap] = "demo"
        elif draw < 0.8:
            capabilities[cap] = "no"
        # else: the card does not say (unknown)
    kind = "open-weight" if model.open else "closed"
    data: dict[str, Any] = {
        "name": model.name,
        "organization": model.organization,
        "category": "open-weights" if model.open else "api-only",
        "modality": model.modality,
        "summary": (
            f"A fictional {kind} {model.modality} model, made up for the versus example project."
        ),
        "description": markdown(
            f"{model.name} does not exist: {model.organization} is a made-up organization, "
            "and every figure about this model on the site was generated by "
            "`examples/synthetic/generate.py`.\n\n"
            "The card is here to show how versus presents a model: its properties, "
            "its capabilities (some stated, some left unknown), and its runs on the "
            "example suites."
        ),
        "released": f"2026-{rng.randint(1, 9):02d}",
    }
    if model.size is None:
        data["parameters"] = {"disclosed": False}
    else:
        data["parameters"] = {"total": model.size}
    data["context_window"] = rng.choice((8192, 32768, 131072))
    if model.open:
        data["license"] = {
            "name": "Apache 2.0",
            "spdx": "Apache-2.0",
            "url": "https://www.apache.org/licenses/LICENSE-2.0",
        }
    else:
        data["license"] = {"name": "Proprietary", "note": "A made-up API; there are no weights."}
    if model.prices is not None:
        data["pricing"] = {
            "currency": "USD",
            "input_per_million": Decimal(model.prices[0]),
            "output_per_million": Decimal(model.prices[1]),
            "as_of": "2026-10",
            "source": f"{model.organization} price list (fictional)",
        }
    data["links"] = {"homepage": f"{URL_BASE}models/{model.id}"}
    data["capabilities"] = capabilities
    data["notes"] = ["Synthetic: this model, its organization and its figures are made up."]
    data["sources"] = [{"title": "examples/synthetic/generate.py (synthetic data)"}]
    return data


# --- suites and their prompts ---------------------------------------------------


@dataclass(frozen=True)
class PromptPlan:
    """A prompt as the suite lists it, and what the simulation needs to answer it."""

    id: str
    category: str
    text: str
    image: str | None
    expected: str | None
    tags: tuple[str, ...]
    kind: str
    """How a right or wrong answer is made: ``number``, ``colour``, ``yes-no``, ``money``,
    ``date`` or ``open`` (no expected answer)."""
    difficulty: float
    """Added to a model's chance of failing it."""

    def entry(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "category": self.category, "prompt": self.text}
        if self.image is not None:
            data["image"] = self.image
        if self.expected is not None:
            data["expected"] = self.expected
        if self.tags:
            data["tags"] = list(self.tags)
        return data


@dataclass(frozen=True)
class SuitePlan:
    id: str
    data: dict[str, Any]
    prompts: tuple[PromptPlan, ...]
    images: dict[str, bytes]
    """Image files under the suite's folder, by path relative to it."""
    list_format: str
    """``yaml`` or ``jsonl``: how the suite lists its prompts."""


def scenes_suite() -> SuitePlan:
    rng = stream("suite", SCENES)
    prompts: list[PromptPlan] = []
    images: dict[str, bytes] = {}

    def ask(number: int, image: str, shown: Scene) -> None:
        colour = rng.choice([c for _, _, c in shown.squares])
        other = rng.choice(COLOURS)
        prompts.extend(
            [
                PromptPlan(
                    f"count-all-{number}",
                    "counting",
                    "How many coloured squares are in the picture? Answer with a number.",
                    image,
                    str(shown.count()),
                    ("grid",),
                    "number",
                    rng.uniform(-0.1, 0.15),
                ),
                PromptPlan(
                    f"count-{colour}-{number}",
                    "counting",
                    f"How many {colour} squares are in the picture?",
                    image,
                    str(shown.count(colour)),
                    ("grid", "colour"),
                    "number",
                    rng.uniform(-0.05, 0.2),
                ),
                PromptPlan(
                    f"first-colour-{number}",
                    "colours",
                    "Reading the grid row by row from the top left, what colour is the first "
                    "square you meet?",
                    image,
                    shown.first(),
                    ("grid", "colour"),
                    "colour",
                    rng.uniform(-0.1, 0.1),
                ),
                PromptPlan(
                    f"top-half-{other}-{number}",
                    "position",
                    f"Is there a {other} square in the top half of the picture? Answer yes or no.",
                    image,
                    "yes" if shown.in_top_half(other) else "no",
                    ("grid",),
                    "yes-no",
                    rng.uniform(0.0, 0.25),
                ),
            ]
        )

    for number in range(1, 7):
        shown = scene(rng)
        path = f"images/scene-{number}.png"
        images[path] = png(shown.pixels())
        ask(number, path, shown)
    # Pictures that exist only as addresses: the made-up answers stand for them.
    for number in range(7, 9):
        ask(number, f"{URL_BASE}scenes/scene-{number}.png", scene(rng))
    data = {
        "name": "Example Scenes",
        "summary": (
            f"{len(prompts)} synthetic pass/fail prompts about coloured squares on a grid, "
            "made up for the versus example."
        ),
        "description": markdown(
            "Example Scenes asks every model the same questions about small pictures of "
            "coloured squares on a four by four grid: how many there are, what colour comes "
            "first, and where they sit.\n\n"
            "The suite is synthetic: `examples/synthetic/generate.py` draws six of the "
            "pictures (they are in the suite's `images/` folder) and makes up two more "
            "that exist only as addresses."
        ),
        "methodology": markdown(
            "Each prompt passes when the answer states the expected number, colour or yes/no, "
            "and fails otherwise.\n\n"
            "- The runs with outcomes give each prompt's verdict, answer and time, and all but "
            "one give its tokens.\n"
            "- A run without outcomes states its totals per category."
        ),
        "scoring": "pass/fail",
        "coverage_threshold": 90,
        "categories": [
            {"id": "counting", "label": "Counting"},
            {"id": "colours", "label": "Colours"},
            {"id": "position", "label": "Position"},
        ],
        "source": {"title": "The versus example (synthetic)", "url": f"{URL_BASE}scenes"},
    }
    return SuitePlan(SCENES, data, tuple(prompts), images, "yaml")


SHOPS = ("Corner Bakery", "Fictional Books", "Placeholder Café", "Sample Hardware")
ITEMS = ("bread", "coffee", "a notebook", "screws", "tea", "a lamp", "apples", "a pen")
FIELDS = ("date of birth", "start date", "expiry date")


def _money(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def documents_suite() -> SuitePlan:
    rng = stream("suite", DOCUMENTS)
    prompts: list[PromptPlan] = []
    images: dict[str, bytes] = {}
    for number in range(1, 4):
        shown = chart(rng)
        path = f"images/chart-{number}.png"
        images[path] = png(shown.pixels())
        prompts += [
            PromptPlan(
                f"chart-bars-{number}",
                "charts",
                "How many bars does the chart have?",
                path,
                str(len(shown.bars)),
                ("chart",),
                "number",
                rng.uniform(-0.15, 0.05),
            ),
            PromptPlan(
                f"chart-tallest-{number}",
                "charts",
                "What colour is the tallest bar of the chart?",
                path,
                shown.tallest(),
                ("chart", "colour"),
                "colour",
                rng.uniform(-0.05, 0.15),
            ),
            PromptPlan(
                f"chart-compare-{number}",
                "charts",
                "Is the first bar from the left taller than the last one? Answer yes or no.",
                path,
                "yes" if shown.bars[0][1] > shown.bars[-1][1] else "no",
                ("chart",),
                "yes-no",
                rng.uniform(0.0, 0.2),
            ),
        ]
    for number in range(1, 9):
        shop = rng.choice(SHOPS)
        total = rng.randint(150, 9999)
        prompts.append(
            PromptPlan(
                f"receipt-total-{number}",
                "receipts",
                f"This is a receipt from {shop}. What is the total to pay?",
                f"{URL_BASE}receipts/receipt-{number}.png",
                _money(total),
                ("money",),
                "money",
                rng.uniform(-0.1, 0.2),
            )
        )
    for number in range(1, 7):
        field = rng.choice(FIELDS)
        written = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        prompts.append(
            PromptPlan(
                f"form-date-{number}",
                "forms",
                f"What is written in the form's {field} field? Give the date as YYYY-MM-DD.",
                f"{URL_BASE}forms/form-{number}.png",
                written,
                ("dates",),
                "date",
                rng.uniform(0.0, 0.25),
            )
        )
    prompts.append(
        PromptPlan(
            "form-layout",
            "forms",
            "Describe the layout of this form: its sections, in order, and what each asks for.",
            f"{URL_BASE}forms/form-7.png",
            None,  # judged by a reviewer: no one answer passes
            (),
            "open",
            0.1,
        )
    )
    for number in range(1, 9):
        count, cents = rng.randint(2, 9), rng.randint(35, 990)
        item = rng.choice(ITEMS)
        text = f"A receipt lists {count} times {item} at {_money(cents)} each. What is the total?"
        if number == 8:  # one long prompt, as real suites have
            text = (
                "The following is a transcript of a shopping list read aloud. "
                + " ".join(
                    f"Item {line}: {rng.choice(ITEMS)}, bought for a friend who asked for it "
                    "on the way home, and paid separately."
                    for line in range(1, 25)
                )
                + f" At the till, {count} of the same {item} cost {_money(cents)} each and were "
                "paid together. What did those cost in all?"
            )
        prompts.append(
            PromptPlan(
                f"sum-{number}",
                "arithmetic",
                text,
                None,
                _money(count * cents),
                ("money",),
                "money",
                rng.uniform(-0.2, 0.1),
            )
        )
    data = {
        "name": "Example Documents",
        "summary": (
            f"{len(prompts)} synthetic pass/fail prompts about charts, receipts, forms and "
            "sums, made up for the versus example."
        ),
        "description": markdown(
            "Example Documents asks every model to read small charts, receipts and forms, "
            "and to do the sums a receipt needs.\n\n"
            "The suite is synthetic: `examples/synthetic/generate.py` draws the three charts "
            "(in the suite's `images/` folder); the receipts and forms exist only as "
            "addresses, and the arithmetic prompts have no picture."
        ),
        "methodology": markdown(
            "Each prompt passes when the answer states the expected value. The one prompt "
            "without an expected answer was judged by a (made-up) reviewer.\n\n"
            "Token and cost figures are shown only for runs that covered at least 80% of the "
            "prompts."
        ),
        "scoring": "pass/fail",
        "coverage_threshold": 80,
        "categories": [
            {"id": "charts", "label": "Charts"},
            {"id": "receipts", "label": "Receipts"},
            {"id": "forms", "label": "Forms"},
            {"id": "arithmetic", "label": "Arithmetic"},
        ],
        "source": {"title": "The versus example (synthetic)", "url": f"{URL_BASE}documents"},
    }
    return SuitePlan(DOCUMENTS, data, tuple(prompts), images, "jsonl")


# --- runs -----------------------------------------------------------------------


@dataclass(frozen=True)
class RunPlan:
    """How a model's run on a suite is published."""

    outcomes: bool
    """Per-prompt outcomes (else the result states its totals only)."""
    answers: bool = True
    """The outcomes record the answers."""
    tokens: bool = True
    """The outcomes give tokens (else the result states its medians)."""
    skip: tuple[str, ...] = ()
    """Categories the run did not cover."""
    partial: float = 1.0
    """The share of the other prompts it covered."""
    state_overall: bool = False
    """The result states its overall percent (checked by versus)."""
    provenance: str = "measured"
    earlier: bool = False
    """The result names its harness and settings, and lists one earlier run (by its
    category totals: earlier runs give no outcomes), made with an older harness."""


RUNS: dict[tuple[str, str], RunPlan] = {
    (SCENES, "example-vision-a"): RunPlan(outcomes=True, state_overall=True, earlier=True),
    (SCENES, "example-vision-b"): RunPlan(outcomes=True),
    (SCENES, "example-vision-c"): RunPlan(outcomes=True, tokens=False),
    (SCENES, "example-omni-d"): RunPlan(outcomes=True),
    (SCENES, "example-reader-e"): RunPlan(
        outcomes=False, state_overall=True, provenance="self-reported"
    ),
    (SCENES, "example-tiny-f"): RunPlan(outcomes=True),
    (DOCUMENTS, "example-vision-a"): RunPlan(outcomes=True),
    (DOCUMENTS, "example-vision-b"): RunPlan(outcomes=True, state_overall=True),
    (DOCUMENTS, "example-vision-c"): RunPlan(outcomes=True),
    (DOCUMENTS, "example-omni-d"): RunPlan(outcomes=False),
    (DOCUMENTS, "example-reader-e"): RunPlan(outcomes=True, answers=False),
    (DOCUMENTS, "example-tiny-f"): RunPlan(outcomes=True, skip=("charts",), partial=0.7),
}
"""Which models ran which suite, and how each run is published; Example Text G ran none."""

FILLER = (
    "I looked at the picture as a whole before answering.",
    "The edges of each shape are sharp, so they are easy to tell apart.",
    "There is nothing else in the picture that could be confused with the shapes asked about.",
    "I checked the answer a second time, going through the picture row by row.",
    "The background is plain, which makes the task easier.",
    "Colours can look different on different screens, but these are clear.",
    "If the picture were larger, I could be more certain about the smallest details.",
    "The question is precise, so a short answer is enough, but here is my reasoning.",
)


def _wrong(plan: PromptPlan, rng: random.Random) -> str:
    """A wrong value of the prompt's kind."""
    expected = plan.expected or ""
    if plan.kind == "number":
        wrong = int(expected) + rng.choice((-2, -1, 1, 2))
        return str(wrong if wrong >= 0 else int(expected) + 1)
    if plan.kind == "colour":
        return rng.choice([c for c in COLOURS if c != expected])
    if plan.kind == "yes-no":
        return "no" if expected == "yes" else "yes"
    if plan.kind == "money":
        cents = int(expected[1:].replace(".", ""))
        return _money(max(1, cents + rng.choice((-100, -10, 9, 90, 1000))))
    if plan.kind == "date":
        return expected[:-2] + f"{(int(expected[-2:]) % 28) + 1:02d}"
    return "A header and a signature line."


def _right(plan: PromptPlan) -> str:
    if plan.expected is not None:
        return plan.expected
    return (
        "Three sections: personal details (name, date of birth, address), the request "
        "itself with a free-text box, and a signature with its date."
    )


def answer(model: Model, plan: PromptPlan, passed: bool, rng: random.Random) -> str:
    """The model's answer in its style: terse, a sentence, or paragraphs of reasoning."""
    value = _right(plan) if passed else _wrong(plan, rng)
    if model.style == "shaky" and not passed and rng.random() < 0.3:
        return ""  # answered nothing
    if model.style == "shaky" and not passed and rng.random() < 0.3:
        return "I cannot tell from this picture."
    if model.style == "terse":
        return value
    sentence = f"The answer is {value}."
    if plan.kind == "yes-no":
        sentence = f"{value.capitalize()}, as far as I can see."
    elif plan.kind == "open":
        sentence = value  # a description, not a value to state
    if model.style != "verbose":
        return sentence
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        chosen = rng.sample(FILLER, rng.randint(3, len(FILLER)))
        paragraphs.append(" ".join(chosen))
    return "\n\n".join([*paragraphs, sentence])


@dataclass(frozen=True)
class Simulated:
    plan: PromptPlan
    passed: bool
    answer: str
    seconds: float
    input_tokens: int
    output_tokens: int


def simulate(
    model: Model, suite: SuitePlan, run: RunPlan, part: str = "run", shift: float = 0.0
) -> list[Simulated]:
    """The run's outcome of every prompt it covered, in the suite's order; ``part`` names its
    random numbers, ``shift`` changes the model's skill (an earlier run's)."""
    rng = stream(part, suite.id, model.id)
    done: list[Simulated] = []
    for plan in suite.prompts:
        covered = plan.category not in run.skip and rng.random() < run.partial
        chance = model.skill[suite.id] + shift - plan.difficulty
        passed = rng.random() < chance
        if not covered:
            continue
        text = answer(model, plan, passed, rng)
        seconds = round(model.seconds * (0.5 + rng.random()) + len(text) / 400, 2)
        image = model.image_tokens if plan.image is not None else 0
        done.append(
            Simulated(
                plan,
                passed,
                text,
                seconds,
                image + len(plan.text) // 4 + 12,
                max(1, len(text) // 4) + rng.randint(0, 8),
            )
        )
    return done


def _percent(passed: int, total: int) -> Decimal:
    return (Decimal(passed) * 100 / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return int((Decimal(ordered[middle - 1] + ordered[middle]) / 2).to_integral(ROUND_HALF_UP))


def result(
    model: Model, suite: SuitePlan, run: RunPlan, done: Sequence[Simulated]
) -> dict[str, Any]:
    """The result file: with outcomes, only what they cannot say (and a stated figure or two,
    counted from them); without, the totals of each category."""
    measured = run.provenance == "measured"
    data: dict[str, Any] = {
        "provenance": run.provenance,
        "source": (
            {"title": "Example harness run (synthetic)", "url": f"{URL_BASE}runs/{suite.id}"}
            if measured
            else {"title": f"{model.organization} model report (fictional)"}
        ),
        "date": f"2026-{stream('date', suite.id, model.id).randint(1, 11):02d}",
    }
    if run.earlier:
        data["harness"] = {"name": "example-harness", "version": "2.1"}
        data["settings"] = {"temperature": 0, "max_tokens": 512}
    passed = sum(item.passed for item in done)
    if not run.outcomes:
        data.update(totals(done))
    if not run.outcomes or not run.tokens:
        data["median_input_tokens"] = _median([item.input_tokens for item in done])
        data["median_output_tokens"] = _median([item.output_tokens for item in done])
    if run.state_overall:
        data["overall_percent"] = _percent(passed, len(done))
    notes = ["Synthetic: generated by examples/synthetic/generate.py; no model was run."]
    if not run.outcomes:
        notes.append("This run states its totals per category only, without outcomes.")
    elif not run.answers:
        notes.append("The outcomes give each verdict but not the answers.")
    elif not run.tokens:
        notes.append("The outcomes give no tokens; the result states the medians.")
    covered = len(done)
    if covered < len(suite.prompts):
        notes.append(f"The run covered {covered} of the suite's {len(suite.prompts)} prompts.")
    data["notes"] = notes
    if run.earlier:
        data["earlier_runs"] = [earlier_run(model, suite, run)]
    return data


def totals(done: Sequence[Simulated]) -> dict[str, Any]:
    """What a run without outcomes states: each category's counts and the mean time."""
    categories: dict[str, dict[str, int]] = {}
    for item in done:
        entry = categories.setdefault(item.plan.category, {"passed": 0, "total": 0})
        entry["passed"] += item.passed
        entry["total"] += 1
    mean = sum((Decimal(str(item.seconds)) for item in done), Decimal(0)) / len(done)
    return {
        "categories": categories,
        "avg_response_seconds": mean.quantize(Decimal("0.01"), ROUND_HALF_UP),
    }


def earlier_run(model: Model, suite: SuitePlan, run: RunPlan) -> dict[str, Any]:
    """A run of the year before, with an older harness at another temperature and a lower
    skill, over every prompt of the suite; by its totals."""
    done = simulate(model, suite, RunPlan(outcomes=False), "earlier-run", -0.1)
    return {
        "date": f"2025-{stream('earlier-date', suite.id, model.id).randint(1, 12):02d}",
        "harness": {"name": "example-harness", "version": "1.4"},
        "settings": {"temperature": 0.7, "max_tokens": 512},
        **totals(done),
        "notes": ["Synthetic: an earlier run, made up by generate.py like the rest."],
    }


def outcome_lines(run: RunPlan, done: Sequence[Simulated]) -> str:
    lines = []
    for item in done:
        line: dict[str, Any] = {"prompt": item.plan.id, "passed": item.passed}
        if run.answers:
            line["answer"] = item.answer
        line["seconds"] = item.seconds
        if run.tokens:
            line["input_tokens"] = item.input_tokens
            line["output_tokens"] = item.output_tokens
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    return "".join(lines)


# --- writing --------------------------------------------------------------------


def dump(data: Any, schema: str, depth: int) -> bytes:
    """YAML after the line naming its schema (``depth`` folders below the example's own
    ``schemas/``, so that a copy of the folder keeps it) and the line saying it is
    synthetic."""
    modeline = f"yaml-language-server: $schema={'../' * depth}schemas/{schema}.schema.json"
    return dump_yaml(data, [modeline, MARK]).encode()


def files() -> dict[str, bytes]:
    """Every file the script writes, by its path in this folder."""
    found = {path: text.encode() for path, text in jsonschema.expected_files().items()}
    found["versus.yaml"] = dump(config(), "config", 0)
    for model in MODELS:
        found[f"models/{model.id}.yaml"] = dump(card(model), "card", 1)
    by_id = {model.id: model for model in MODELS}
    for suite in (scenes_suite(), documents_suite()):
        folder = f"evals/{suite.id}"
        found[f"{folder}/suite.yaml"] = dump(suite.data, "suite", 2)
        entries = [plan.entry() for plan in suite.prompts]
        if suite.list_format == "yaml":
            found[f"{folder}/prompts.yaml"] = dump(entries, "prompts", 2)
        else:
            found[f"{folder}/prompts.jsonl"] = "".join(
                json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries
            ).encode()
        for path, image in suite.images.items():
            found[f"{folder}/{path}"] = image
        for (suite_id, model_id), run in RUNS.items():
            if suite_id != suite.id:
                continue
            model = by_id[model_id]
            done = simulate(model, suite, run)
            found[f"{folder}/{model_id}.yaml"] = dump(result(model, suite, run, done), "result", 2)
            if run.outcomes:
                found[f"{folder}/{model_id}.outcomes.jsonl"] = outcome_lines(run, done).encode()
    return dict(sorted(found.items()))


def existing(folder: Path) -> Iterator[str]:
    """The files under the parts of ``folder`` the script owns, by their path in it."""
    for part in GENERATED:
        path = folder / part
        if path.is_file():
            yield part
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file():
                    yield child.relative_to(folder).as_posix()


def differences(folder: Path, expected: Mapping[str, bytes]) -> list[str]:
    """Each file of ``folder`` that differs from ``expected``, is missing, or is extra."""
    found = set(existing(folder))
    wrong = [
        f"{name}: {'missing' if name not in found else 'differs'}"
        for name, data in expected.items()
        if name not in found or (folder / name).read_bytes() != data
    ]
    return wrong + [f"{name}: not written by generate.py" for name in sorted(found - set(expected))]


def write(folder: Path, expected: Mapping[str, bytes]) -> None:
    for name in set(existing(folder)) - set(expected):
        (folder / name).unlink()
    for name, data in expected.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 naming each stale file"
    )
    args = parser.parse_args(argv)
    expected = files()
    if args.check:
        wrong = differences(HERE, expected)
        for line in wrong:
            print(f"{HERE.name}/{line}", file=sys.stderr)
        return 1 if wrong else 0
    write(HERE, expected)
    print(f"generate.py: {len(expected)} files in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
