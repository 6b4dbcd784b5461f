"""The "Where they differ" section of a pair page and the complete list a script finds
from the two models' outcome files (issue #17, item 4), read back through a parser: what it shows, how it is capped, and that a pair
page stays within its size bound at the scale the issue sets (2 suites of 200 prompts).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from htmltools import soup
from support import config_only, fixture_project, png, write
from versus import urls
from versus.build.pipeline import render_site
from versus.inputs.load import load_project
from versus.inputs.outcomes import PromptImage
from versus.join import differences
from versus.join.differences import CUT, ELLIPSIS, PER_CATEGORY, PER_SUITE

PAIR_PAGE = "compare/{a}-vs-{b}/index.html"
OUTCOMES = "api/outcomes/{id}.json"


def pair_differences(site: Mapping[str, bytes], a: str, b: str) -> list[dict[str, Any]]:
    """Where ``a`` and ``b`` differ, per suite both give outcomes for, as a script finds it
    from their two outcome files: how many prompts both answered, how many only each passed,
    and per category the ids of the prompts only each passed (in the suite's order)."""
    models = json.loads(site["api/models.json"])
    suites = {suite["id"]: suite for suite in models["suites"]}
    one, two = (
        {s["suite"]: s for s in json.loads(site[OUTCOMES.format(id=m)])["suites"]} for m in (a, b)
    )
    found = []
    for suite_id in sorted(one.keys() & two.keys()):
        first = {c["id"]: c for c in one[suite_id]["categories"]}
        second = {c["id"]: c for c in two[suite_id]["categories"]}
        answered = [
            {p for c in side.values() for p in c["passed"] + c["failed"]}
            for side in (first, second)
        ]
        categories = []
        for category in suites[suite_id]["categories"]:
            x, y = first.get(category["id"]), second.get(category["id"])
            if x is None or y is None:
                continue
            only = [[p for p in x["passed"] if p in y["failed"]]]
            only.append([p for p in y["passed"] if p in x["failed"]])
            if only[0] or only[1]:
                categories.append({"id": category["id"], "label": category["label"], "only": only})
        found.append(
            {
                "suite": suite_id,
                "name": suites[suite_id]["name"],
                "common": len(answered[0] & answered[1]),
                "only": [sum(len(c["only"][i]) for c in categories) for i in (0, 1)],
                "categories": categories,
            }
        )
    return found


WORDS = [
    *[
        "the",
        "image",
        "shows",
        "a",
        "small",
        "red",
        "sign",
        "with",
        "white",
        "letters",
        "beside",
        "a",
        "road",
        "where",
        "two",
        "cars",
    ],
    *[
        "are",
        "parked",
        "under",
        "a",
        "tree",
        "and",
        "a",
        "person",
        "in",
        "a",
        "blue",
        "coat",
        "walks",
        "a",
        "dog",
        "past",
        "the",
        "shop",
    ],
]


def words(rng: random.Random, length: int) -> str:
    """Plain English-looking text of exactly ``length`` characters."""
    out = ""
    while len(out) < length:
        out += rng.choice(WORDS) + " "
    return out[:length].rstrip().ljust(length, "x")


def suite_yaml(name: str, categories: Sequence[tuple[str, str]]) -> str:
    data = {
        "name": name,
        "summary": f"{name}, written by the tests.",
        "description": "A suite that lists its prompts.",
        "methodology": "Each prompt passes or fails.",
        "categories": [{"id": cat, "label": label} for cat, label in categories],
    }
    return yaml.safe_dump(data, sort_keys=False)


def jsonl(rows: Sequence[Mapping[str, Any]]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


RESULT = "provenance: measured\nsource:\n  title: tests/site/test_differences_page.py\n"


def add_suite(
    root: Path,
    suite_id: str,
    prompts: Sequence[Mapping[str, Any]],
    outcomes: Mapping[str, Sequence[Mapping[str, Any]]],
    categories: Sequence[tuple[str, str]],
    results: Mapping[str, str] | None = None,
) -> None:
    """``evals/<suite_id>``: its suite file, its prompt list, and a result (with outcomes,
    for each model of ``outcomes``; totals only for each model of ``results``)."""
    write(root, f"evals/{suite_id}/suite.yaml", suite_yaml(suite_id.title(), categories))
    write(root, f"evals/{suite_id}/prompts.jsonl", jsonl(prompts))
    for model, rows in outcomes.items():
        write(root, f"evals/{suite_id}/{model}.outcomes.jsonl", jsonl(rows))
        write(root, f"evals/{suite_id}/{model}.yaml", RESULT)
    for model, text_ in (results or {}).items():
        write(root, f"evals/{suite_id}/{model}.yaml", text_)


# --- a small project: every case of the section --------------------------------------------

SMALL_CATEGORIES = (("reading", "Reading"), ("counting", "Counting"), ("pointing", "Pointing"))

SMALL_PROMPTS: list[dict[str, Any]] = [
    {"id": "sign", "category": "reading", "prompt": "What does the sign say?", "expected": "STOP"},
    {
        "id": "menu",
        "category": "reading",
        "prompt": "What is the cheapest dish <on the menu>?",
        "image": "https://images.example.org/menu.png",
    },
    {"id": "label", "category": "reading", "prompt": "Which brand is on the label?"},
    {"id": "cats", "category": "counting", "prompt": "How many cats?", "expected": "3"},
    {"id": "cars", "category": "counting", "prompt": "How many cars?", "image": "images/cars.png"},
    {"id": "dog", "category": "pointing", "prompt": "Point at the dog."},
]
PNG = png(4, 3)
CUT_NOTE = " (cut)"

LONG_ANSWER = "A" * (CUT + 40)


def small_project(root: Path, *, totals_only: bool = False) -> Path:
    """The tests' sample project plus ``evals/small``: Florence-2 and PaliGemma with outcomes
    (Gemma 4 12B too, totals only when ``totals_only``)."""
    fixture_project(root)
    (root / "evals/small/images").mkdir(parents=True)
    (root / "evals/small/images/cars.png").write_bytes(PNG)
    outcomes = {
        "florence-2": [
            {"prompt": "sign", "passed": True, "answer": LONG_ANSWER},
            {"prompt": "menu", "passed": False, "answer": ""},
            {"prompt": "label", "passed": True, "answer": "Acme & <Sons>"},
            {"prompt": "cats", "passed": True, "answer": "3"},
            {"prompt": "cars", "passed": False},
        ],
        "paligemma": [
            {"prompt": "sign", "passed": False, "answer": "GO"},
            {"prompt": "menu", "passed": True, "answer": "Soup"},
            {"prompt": "label", "passed": False, "answer": "Acme"},
            {"prompt": "cats", "passed": True, "answer": "three"},
            {"prompt": "cars", "passed": True, "answer": "2"},
            {"prompt": "dog", "passed": True, "answer": "(10, 20)"},
        ],
    }
    results = {}
    if totals_only:
        results["gemma-4-12b"] = RESULT + (
            "categories:\n  reading: {passed: 2, total: 3}\n  counting: {passed: 1, total: 2}\n"
        )
    add_suite(root, "small", SMALL_PROMPTS, outcomes, SMALL_CATEGORIES, results)
    return root


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = small_project(tmp_path_factory.mktemp("differences") / "project", totals_only=True)
    return render_site(load_project(root), root)


def page_of(site: Mapping[str, bytes], a: str, b: str) -> BeautifulSoup:
    return soup(site[PAIR_PAGE.format(a=a, b=b)])


def text(node: Tag) -> str:
    """A node's text as read: no space added around a name's ``<bdi>``, whitespace folded."""
    return " ".join(node.get_text().split())


def tag(node: object) -> Tag:
    """``node``, which must be an element (not None, not text)."""
    assert isinstance(node, Tag), node
    return node


def section_of(page: BeautifulSoup) -> Tag:
    section = page.find("section", id="differences")
    assert isinstance(section, Tag)
    return section


def entries(section: Tag) -> list[dict[str, str]]:
    """Each listed prompt as its terms and their descriptions, in page order."""
    return [entries_of(item) for item in section.select(".difference-list > li")]


def entries_of(item: Tag) -> dict[str, str]:
    """One listed prompt's terms and their descriptions."""
    terms = [text(dt) for dt in item.find_all("dt")]
    return dict(zip(terms, [text(dd) for dd in item.find_all("dd")], strict=True))


def test_the_section_lists_each_prompt_one_passed_and_the_other_failed(
    small_site: dict[str, bytes],
) -> None:
    section = section_of(page_of(small_site, "florence-2", "paligemma"))
    heading = section.find("h2")
    assert isinstance(heading, Tag)
    assert text(heading) == "Where they differ"
    (suite,) = section.find_all("section", class_="differences")
    assert text(tag(suite.find("h3"))) == "Small"
    assert text(tag(suite.find("p"))) == (
        "On the 5 prompts both runs answered, Florence-2 passed 2 that PaliGemma failed,"
        " and PaliGemma passed 2 that Florence-2 failed."
    )
    # Categories in the suite's order, only those with a difference: Pointing's prompt only
    # PaliGemma answered, and both passed Counting's "cats".
    assert [text(h4) for h4 in suite.find_all("h4")] == ["Reading", "Counting"]
    assert [text(tag(h4.find_next_sibling("p"))) for h4 in suite.find_all("h4")] == [
        "2 prompts only Florence-2 passed, 1 only PaliGemma passed.",
        "1 prompt only PaliGemma passed.",
    ]
    # Of Reading's 3 such prompts, PER_CATEGORY are printed: first one of the side with
    # more (Florence-2's), then one of the other; in the suite's order. Counting's one
    # takes the suite's last place (PER_SUITE).
    assert (PER_CATEGORY, PER_SUITE) == (2, 3)
    listed = entries(suite)
    assert [entry["Prompt"] for entry in listed] == [
        "What does the sign say?",
        "What is the cheapest dish <on the menu>?",
        "How many cars?",
    ]
    sign, menu, cars = listed
    assert sign == {
        "Prompt": "What does the sign say?",
        "Expected": "STOP",
        "Florence-2, passed": "A" * CUT + ELLIPSIS + CUT_NOTE,
        "PaliGemma, failed": "GO",
    }
    assert menu == {
        "Prompt": "What is the cheapest dish <on the menu>?",
        "Image": "On another site",
        "Florence-2, failed": "no answer",
        "PaliGemma, passed": "Soup",
    }
    assert cars["Florence-2, failed"] == "not recorded"
    assert cars["PaliGemma, passed"] == "2"
    assert [text(p) for p in suite.find_all("p", class_="difference-more")] == ["And 1 more."]


def test_an_image_url_is_linked_never_loaded_and_a_file_is_a_thumbnail(
    small_site: dict[str, bytes],
) -> None:
    """A page makes no request outside the site: an image elsewhere is a link, not an img;
    an image file of the project is shown as a thumbnail of its published copy, linked to
    its prompt's page."""
    section = section_of(page_of(small_site, "florence-2", "paligemma"))
    links = [a for a in section.find_all("a") if str(a.get("href", "")).startswith("https://")]
    assert [a["href"] for a in links] == ["https://images.example.org/menu.png"]
    assert links[0]["rel"] == ["noreferrer"]
    (img,) = section.find_all("img")
    published = urls.image(hashlib.sha256(PNG).hexdigest(), ".png")
    assert img["src"] == f"../../{published}"
    assert small_site[published] == PNG
    # 4 x 3 pixels: scaled up by 24 to fit the square, each pixel drawn sharp
    assert (img["width"], img["height"]) == ("96", "72")
    assert img["class"] == ["pixelated"]
    assert img["alt"] == "Image of prompt cars"
    assert (img["loading"], img["decoding"]) == ("lazy", "async")
    link = tag(img.parent)
    assert link.name == "a"
    assert link["href"] == "../../evals/small/cars/"
    assert "images/cars.png" not in str(section)  # its path in the project stays private
    (item,) = [li for li in section.select(".difference-list > li") if li.find("img")]
    assert entries_of(item)["Prompt"] == "How many cars?"


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((640, 480), (96, 72)),
        ((300, 1000), (29, 96)),
        ((96, 20), (96, 20)),
        ((5000, 10), (96, 1)),  # at least a pixel
        ((49, 30), (49, 30)),  # more than half the square: as it is
        ((48, 30), (96, 60)),  # half of it: twice as large
        ((1, 1), (96, 96)),
    ],
)
def test_a_thumbnail_fits_its_square(size: tuple[int, int], shown: tuple[int, int]) -> None:
    width, height = size
    image = PromptImage("evals/s/images/a.png", None, "ab" * 32, width, height)
    thumbnail = differences.thumbnail(image)
    assert thumbnail is not None
    assert (thumbnail.width, thumbnail.height) == shown
    assert thumbnail.pixelated == (shown > size)
    assert thumbnail.src == urls.image("ab" * 32, ".png")
    assert differences.thumbnail(PromptImage(None, "https://example.org/a.png", None)) is None


def test_a_large_image_is_shown_scaled_on_the_page(tmp_path: Path) -> None:
    root = small_project(tmp_path / "project")
    picture = png(400, 100)
    (root / "evals/small/images/cars.png").write_bytes(picture)
    site = render_site(load_project(root), root)
    (img,) = section_of(page_of(site, "florence-2", "paligemma")).find_all("img")
    assert (img["width"], img["height"]) == ("96", "24")
    assert img["src"] == "../../" + urls.image(hashlib.sha256(picture).hexdigest(), ".png")


def test_text_is_escaped(small_site: dict[str, bytes]) -> None:
    html = small_site[PAIR_PAGE.format(a="florence-2", b="paligemma")].decode()
    assert "What is the cheapest dish &lt;on the menu&gt;?" in html
    assert "<on the menu>" not in html


def test_the_toc_and_the_data_link(small_site: dict[str, bytes]) -> None:
    page = page_of(small_site, "florence-2", "paligemma")
    toc = page.find("nav", class_="toc")
    assert isinstance(toc, Tag)
    assert "#differences" in [a["href"] for a in toc.find_all("a")]
    data = [a for a in section_of(page).find_all("a") if str(a["href"]).endswith(".json")]
    assert [(a["href"], text(a)) for a in data] == [
        ("../../api/outcomes/florence-2.json", "Florence-2"),
        ("../../api/outcomes/paligemma.json", "PaliGemma"),
    ]
    assert {"api/outcomes/florence-2.json", "api/outcomes/paligemma.json"} <= small_site.keys()
    assert not [name for name in small_site if name.startswith("api/pairs/")]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("florence-2", "gemma-4-12b"),  # outcomes against totals only
        ("gemma-4-12b", "gemma-4-26b-a4b"),  # totals only
        ("florence-2", "sam-clip"),  # outcomes against no run
    ],
)
def test_no_section_unless_both_runs_give_outcomes(
    small_site: dict[str, bytes], a: str, b: str
) -> None:
    page = page_of(small_site, a, b)
    assert page.find(id="differences") is None
    assert "Where they differ" not in page.get_text()
    assert pair_differences(small_site, a, b) == []


def test_the_json_lists_every_differing_prompt(small_site: dict[str, bytes]) -> None:
    assert pair_differences(small_site, "florence-2", "paligemma") == [
        {
            "suite": "small",
            "name": "Small",
            "common": 5,
            "only": [2, 2],
            "categories": [
                {"id": "reading", "label": "Reading", "only": [["sign", "label"], ["menu"]]},
                {"id": "counting", "label": "Counting", "only": [[], ["cars"]]},
            ],
        }
    ]


VOID = {"img", "br", "meta", "link", "input", "hr", "source", "wbr"}


class Balance(HTMLParser):
    """Every element the section opens, it closes, in order (void elements aside)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes another element"


def test_the_markup_is_well_formed_and_outlined(small_site: dict[str, bytes]) -> None:
    html = small_site[PAIR_PAGE.format(a="florence-2", b="paligemma")].decode()
    balance = Balance()
    balance.feed(html)  # the whole page as written, the new section in it
    assert balance.stack == []
    section = section_of(soup(html))
    # headings nest one level at a time: h2, h3 per suite, h4 per category
    levels = [int(tag.name[1]) for tag in section.find_all(["h2", "h3", "h4", "h5", "h6"])]
    assert levels == [2, 3, 4, 4]
    # lists hold list items only, never none; a description list terms and descriptions
    for ul in section.find_all("ul"):
        children = ul.find_all(recursive=False)
        assert children
        assert {child.name for child in children} == {"li"}
    for dl in section.find_all("dl"):
        names = [child.name for child in dl.find_all(recursive=False)]
        assert names[0::2] == ["dt"] * (len(names) // 2)
        assert names[1::2] == ["dd"] * (len(names) // 2)
    # every id is unique on the page
    ids = [tag["id"] for tag in page_of(small_site, "florence-2", "paligemma").find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_the_caps_bind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One prompt a suite: the category where they differ most (Reading, 3) has it, and the
    # page says what it leaves out, category by category.
    monkeypatch.setattr(differences, "PER_SUITE", 1)
    root = small_project(tmp_path / "project")
    site = render_site(load_project(root), root)
    suite = section_of(page_of(site, "florence-2", "paligemma")).find("section")
    assert isinstance(suite, Tag)
    assert [entry["Prompt"] for entry in entries(suite)] == ["What does the sign say?"]
    assert [text(h4) for h4 in suite.find_all("h4")] == ["Reading"]
    assert [text(p) for p in suite.find_all("p", class_="difference-more")] == [
        "And 2 more.",
        "Not listed here: the 1 prompt on which they differ in Counting.",
    ]
    # the outcome files still give every one
    data = pair_differences(site, "florence-2", "paligemma")
    assert [c["only"] for c in data[0]["categories"]] == [
        [["sign", "label"], ["menu"]],
        [[], ["cars"]],
    ]


def test_the_per_category_cap_binds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(differences, "PER_CATEGORY", 1)
    monkeypatch.setattr(differences, "PER_SUITE", 10)
    root = small_project(tmp_path / "project")
    site = render_site(load_project(root), root)
    suite = section_of(page_of(site, "florence-2", "paligemma")).find("section")
    assert isinstance(suite, Tag)
    assert [entry["Prompt"] for entry in entries(suite)] == [
        "What does the sign say?",
        "How many cars?",
    ]
    assert [text(p) for p in suite.find_all("p", class_="difference-more")] == ["And 2 more."]


def test_runs_that_differ_nowhere_say_so(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    same = [{"prompt": row["id"], "passed": True, "answer": "yes"} for row in SMALL_PROMPTS]
    add_suite(
        root, "small", SMALL_PROMPTS, {"florence-2": same, "paligemma": same}, SMALL_CATEGORIES
    )
    (root / "evals/small/images").mkdir()
    (root / "evals/small/images/cars.png").write_bytes(PNG)
    site = render_site(load_project(root), root)
    section = section_of(page_of(site, "florence-2", "paligemma"))
    (suite,) = section.find_all("section", class_="differences")
    assert [text(p) for p in suite.find_all("p")] == [
        "On the 6 prompts both runs answered, Florence-2 and PaliGemma passed and failed"
        " the same ones."
    ]
    assert suite.find_all(["h4", "ul"]) == []
    data = pair_differences(site, "florence-2", "paligemma")
    assert data[0]["only"] == [0, 0]
    assert data[0]["categories"] == []


# --- the caps, and the size of a pair page at scale ----------------------------------------


def scale_project(
    root: Path,
    *,
    prompts: int = 200,
    categories: Sequence[int] = (5, 13),
    seed: int = 5,
    files: bool = False,
) -> Path:
    """Two models whose cards mention every capability, priced, with outcomes on ``suites``
    suites of ``prompts`` prompts each: every text longer than the page prints it, every
    image a URL (a file of the suite, shown as a thumbnail, with ``files``), and each model
    passing about half the prompts independently of the other, so that every category has
    more differing prompts than the page lists."""
    rng = random.Random(seed)
    config_only(root)
    config = yaml.safe_load((root / "versus.yaml").read_text())
    capabilities = [cap["id"] for group in config["taxonomy"] for cap in group["capabilities"]]
    models = {"model-a": "Visionary 2.5 Large", "model-b": "Omnimodal 4 Pro Vision"}
    for model_id, name in models.items():
        card = {
            "name": name,
            "organization": "Example Lab",
            "category": "api-only",
            "modality": "multimodal",
            "summary": words(rng, 120),
            "description": words(rng, 400),
            "released": "2026-01",
            "parameters": {"total": "120B"},
            "context_window": 131072,
            "license": {"name": "Proprietary"},
            "pricing": {
                "currency": "USD",
                "input_per_million": "0.5",
                "output_per_million": "1.5",
                "as_of": "2026-01",
                "source": "tests",
            },
            "capabilities": {cap: rng.choice(["supported", "demo", "no"]) for cap in capabilities},
            "sources": [{"title": "tests/site/test_differences_page.py"}],
        }
        write(root, f"models/{model_id}.yaml", yaml.safe_dump(card, sort_keys=False))
    for index, count in enumerate(categories):
        suite_id = f"scale-{index + 1}"
        cats = [(f"category-{c + 1:02d}", f"Category {c + 1:02d} prompts") for c in range(count)]
        rows = [
            {
                "id": f"prompt-{p + 1:04d}",
                "category": cats[p * count // prompts][0],
                "prompt": words(rng, CUT * 3),
                "image": (
                    f"images/picture-{p % 7}.png"
                    if files
                    else f"https://images.example.org/{suite_id}/prompt-{p + 1:04d}-full-size.png"
                ),
                "expected": words(rng, CUT * 2),
            }
            for p in range(prompts)
        ]
        outcomes = {
            model_id: [
                {
                    "prompt": row["id"],
                    "passed": rng.random() < 0.5,
                    "answer": words(rng, CUT * 4),
                    "seconds": 2.5,
                    "input_tokens": 900,
                    "output_tokens": 300,
                }
                for row in rows
            ]
            for model_id in models
        }
        add_suite(root, suite_id, rows, outcomes, cats)
        if files:
            for picture in range(7):
                image = root / f"evals/{suite_id}/images/picture-{picture}.png"
                image.parent.mkdir(exist_ok=True)
                image.write_bytes(png(640, 480, shade=index * 7 + picture))
    return root


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = scale_project(tmp_path_factory.mktemp("scale") / "project")
    return render_site(load_project(root), root)


@pytest.fixture(scope="module")
def scale_site_with_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """:func:`scale_site` with every image a file: a thumbnail on the page instead of a link."""
    root = scale_project(tmp_path_factory.mktemp("scale-files") / "project", files=True)
    return render_site(load_project(root), root)


PAGE_BOUND = 40 * 1024
"""The most bytes of HTML a pair page may take at 2 suites of 200 prompts (issue #17)."""


@pytest.mark.parametrize("images", ["urls", "files"])
def test_a_pair_page_stays_within_its_bound_at_scale(
    request: pytest.FixtureRequest, images: str
) -> None:
    site = request.getfixturevalue("scale_site_with_files" if images == "files" else "scale_site")
    html = site[PAIR_PAGE.format(a="model-a", b="model-b")]
    assert len(html) <= PAGE_BOUND, len(html)
    # every text is longer than the cut and every category has more than the page
    # lists: the page is as large as the caps let it be
    suites = section_of(soup(html)).find_all("section", class_="differences")
    assert len(suites) == 2
    for suite in suites:
        listed = suite.select(".difference-list > li")
        assert len(listed) == PER_SUITE
        # each with its image: a thumbnail of the published file, or a link elsewhere
        thumbnails = [item.find("img") for item in listed]
        assert all(thumbnails) if images == "files" else not any(thumbnails)
        for entry in entries(suite):
            cut = [value for key, value in entry.items() if key != "Image"]  # a link elsewhere
            assert all(value.endswith(ELLIPSIS + CUT_NOTE) for value in cut), entry


def numbers(phrase: str) -> int:
    """The count a "more" line gives: ``And 7 more.`` or ``Not listed here: the 7 prompts ...``."""
    return int(next(word for word in phrase.split() if word.isdigit()))


def test_the_page_accounts_for_every_prompt_the_data_lists(scale_site: dict[str, bytes]) -> None:
    page = soup(scale_site[PAIR_PAGE.format(a="model-a", b="model-b")])
    data = pair_differences(scale_site, "model-a", "model-b")
    suites = section_of(page).find_all("section", class_="differences")
    for suite, listed in zip(suites, data, strict=True):
        total = sum(len(ids) for category in listed["categories"] for ids in category["only"])
        assert total == sum(listed["only"]) > PER_SUITE
        # listed, counted as "And N more" under a category, or counted as not listed
        shown = len(suite.select(".difference-list > li"))
        counted = sum(numbers(text(p)) for p in suite.find_all("p", class_="difference-more"))
        assert shown + counted == total
        # no category lists more than its cap
        for ul in suite.find_all("ul", class_="difference-list"):
            assert len(ul.find_all("li", recursive=False)) <= PER_CATEGORY
        # the categories listed are those where the two differ most
        sizes = {c["label"]: sum(map(len, c["only"])) for c in listed["categories"]}
        shown_labels = [text(h4) for h4 in suite.find_all("h4")]
        smallest_shown = min(sizes[label] for label in shown_labels)
        assert all(
            size <= smallest_shown for label, size in sizes.items() if label not in shown_labels
        )
