"""A card's data notes, its demo addresses and the dates its sources were read: what they
accept, what they refuse, and where the refusal points (``file:line:column: field``)."""

from __future__ import annotations

from pathlib import Path

from support import problems_of, write
from versus.inputs.fieldtypes import PartialDate
from versus.inputs.load import load_project

# A minimal valid card of 8 lines: a line appended to it is line 9.
CARD = """\
name: Probe
organization: Example Labs
category: open-weights
modality: vision
summary: A model the tests write.
description: A model card written by the tests.
sources:
  - title: The tests
"""

RESULT = """\
provenance: measured
source:
  title: The tests
  url: https://example.org/run
  read: 2026-11-22
categories:
  defect-detection:
    passed: 10
    total: 15
"""


def problems(project: Path, card: str) -> list[str]:
    write(project, "models/probe.yaml", card)
    return [problem.format() for problem in problems_of(project)]


def test_demo_addresses_and_data_notes_are_read(project: Path) -> None:
    write(
        project,
        "models/probe.yaml",
        CARD
        + "capabilities:\n"
        + "  ocr: demo\n"
        + "  captioning: demo\n"
        + "  vqa: supported\n"
        + "links:\n"
        + "  demo: https://demo.example.org/probe\n"
        + "demos:\n"
        + "  ocr: https://demo.example.org/probe/ocr\n"
        + "data_notes:\n"
        + "  - The organization cell is empty in the source.\n",
    )
    card = load_project(project).models["probe"]
    assert card.links.demo == "https://demo.example.org/probe"
    assert card.demos == {"ocr": "https://demo.example.org/probe/ocr"}
    assert card.data_notes == ["The organization cell is empty in the source."]
    assert card.notes == []


def test_a_demo_address_for_a_capability_not_marked_demo_is_refused(project: Path) -> None:
    card = (
        CARD
        + "capabilities:\n"  # line 9
        + "  ocr: supported\n"
        + "demos:\n"
        + "  ocr: https://demo.example.org/ocr\n"  # line 12
        + "  captioning: https://demo.example.org/captioning\n"
    )
    assert problems(Path(project), card) == [
        "models/probe.yaml:12:3: demos.ocr: a demo address for 'ocr', which 'capabilities' "
        "marks it 'supported' (write 'ocr: demo' under capabilities, or remove this address)",
        "models/probe.yaml:13:3: demos.captioning: a demo address for 'captioning', which "
        "'capabilities' does not name it (write 'captioning: demo' under capabilities, or "
        "remove this address)",
    ]


def test_a_demo_of_a_capability_outside_the_taxonomy_is_named(project: Path) -> None:
    card = CARD + "capabilities:\n  ocr: demo\ndemos:\n  orc: https://demo.example.org/\n"
    assert problems(project, card) == [
        "models/probe.yaml:12:3: demos.orc: unknown capability 'orc'; "
        "the taxonomy in versus.yaml does not list it (did you mean 'ocr'?)"
    ]


def test_a_demo_address_must_be_https(project: Path) -> None:
    card = (
        CARD
        + "capabilities:\n  ocr: demo\n"
        + "links:\n  demo: http://demo.example.org/\n"  # line 12
        + "demos:\n  ocr: javascript:alert(1)\n"  # line 14
    )
    found = problems(project, card)
    assert found[0] == (
        "models/probe.yaml:12:3: links.demo: expected an https:// URL; "
        "got 'http://demo.example.org/'"
    )
    assert found[1] == (
        "models/probe.yaml:14:3: demos.ocr: expected an https:// URL; got 'javascript:alert(1)'"
    )
    assert len(found) == 2


def test_a_price_may_give_no_date_and_say_when_it_was_read(project: Path) -> None:
    write(
        project,
        "models/probe.yaml",
        CARD
        + "pricing:\n"
        + "  currency: USD\n"
        + "  input_per_million: 0.06\n"
        + "  output_per_million: 0.33\n"
        + "  source: A price list\n"
        + "  url: https://example.org/prices\n"
        + "  read: 2026-11-22\n",
    )
    pricing = load_project(project).models["probe"].pricing
    assert pricing is not None
    assert pricing.as_of is None
    assert pricing.read == PartialDate(2026, 11, 22)


def test_a_card_written_before_read_dates_stays_valid(project: Path) -> None:
    """``as_of`` was required and meant the day the price was read: such a card loads."""
    write(
        project,
        "models/probe.yaml",
        CARD
        + "pricing:\n"
        + "  currency: USD\n"
        + "  input_per_million: 0.06\n"
        + "  output_per_million: 0.33\n"
        + "  as_of: 2026-11\n"
        + "  source: A price list\n",
    )
    pricing = load_project(project).models["probe"].pricing
    assert pricing is not None
    assert pricing.as_of == PartialDate(2026, 11)
    assert pricing.read is None


def test_a_source_read_date_is_checked_where_it_is_written(project: Path) -> None:
    card = CARD + "    read: 2026-13\n"  # line 9, under the source of line 8
    assert problems(project, card) == [
        "models/probe.yaml:9:5: sources[0].read: expected a month from 01 to 12; got '2026-13'"
    ]


def test_a_result_source_gives_its_address_and_read_date(project: Path) -> None:
    write(project, "evals/vision-evals/gemma-4-12b.yaml", RESULT)
    source = load_project(project).result("vision-evals", "gemma-4-12b")
    assert source is not None
    assert source.source.url == "https://example.org/run"
    assert source.source.read == PartialDate(2026, 11, 22)


def test_data_notes_are_plain_text_items(project: Path) -> None:
    card = CARD + "data_notes:\n  - \n  - {a: 1}\n"  # lines 10 and 11
    found = problems(project, card)
    assert found[0].startswith("models/probe.yaml:10:4: data_notes[0]: expected non-empty text")
    assert found[1].startswith("models/probe.yaml:11:5: data_notes[1]: expected")
