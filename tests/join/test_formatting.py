"""How numbers, sizes, money and dates read on a page."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from pydantic import TypeAdapter

from versus.inputs.fieldtypes import ContextWindow, PartialDate
from versus.inputs.schema import Harness
from versus.join import formatting
from versus.join.formatting import Name, Sentence


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1, "1"),
        (999, "999"),
        (1000, "1K"),
        (1234, "1.23K"),
        (1500, "1.5K"),
        (230_000_000, "230M"),
        (770_000_000, "770M"),
        (3_800_000_000, "3.8B"),
        (12_000_000_000, "12B"),
        (25_200_000_000, "25.2B"),
        (1_005_000_000, "1.01B"),
        (2 * 10**12, "2T"),
    ],
)
def test_count(value: int, text: str) -> None:
    assert formatting.count(value) == text


@pytest.mark.parametrize(("value", "text"), [(999_999_999, "1B"), (999_999, "1M")])
def test_count_rounding_up_moves_to_the_next_scale(value: int, text: str) -> None:
    assert formatting.count(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (262_144, "256K"),
        (131_072, "128K"),
        (128_000, "128K"),
        (32_768, "32K"),
        (32_000, "32K"),
        (8192, "8K"),
        (2048, "2K"),
        (1_000_000, "1M"),
        (1_048_576, "1M"),
        (2_000_000, "2M"),
        (1_500_000, "1.5M"),
        (1_050_000, "1.05M"),
        (1_234_000, "1234K"),
        (1500, "1,500"),
        (999, "999"),
    ],
)
def test_tokens(value: int, text: str) -> None:
    assert formatting.tokens(value) == text


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal(42) * 100 / 67, 2, "62.69%"),
        (Decimal("62.6865"), 1, "62.7%"),
        (Decimal(80), 2, "80%"),
        (Decimal("80.0"), 2, "80%"),
        (Decimal(100), 2, "100%"),
        (Decimal(0), 2, "0%"),
        (Decimal("12.345"), 2, "12.35%"),
        (Decimal("12.5"), 0, "13%"),
        (Decimal("66.666"), 2, "66.67%"),
    ],
)
def test_percent(value: Decimal, places: int, text: str) -> None:
    assert formatting.percent(value, places) == text


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("0.00008826"), "USD", "$0.000088"),
        (Decimal("0.06"), "USD", "$0.06"),
        (Decimal("0.33"), "USD", "$0.33"),
        (Decimal("0.00015"), "USD", "$0.00015"),
        (Decimal("0.0995"), "USD", "$0.1"),
        (Decimal(0), "GBP", "£0"),
        (Decimal("1.5"), "EUR", "€1.50"),
        (Decimal("1234.5"), "USD", "$1234.50"),
    ],
)
def test_money(amount: Decimal, currency: str, text: str) -> None:
    assert formatting.money(amount, currency) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("0.06"), "$0.06"),
        (Decimal("0.5"), "$0.50"),
        (Decimal("0.075"), "$0.075"),
        (Decimal(2), "$2.00"),
    ],
)
def test_price_keeps_every_digit_and_at_least_cents(amount: Decimal, text: str) -> None:
    assert formatting.price(amount, "USD") == text


@pytest.mark.parametrize(
    ("words", "text"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        (["OCR", "captioning", "VQA", "detection"], "OCR, captioning, VQA and detection"),
    ],
)
def test_join_words(words: list[str], text: str) -> None:
    assert formatting.join_words(words) == text


def test_seconds_and_dates() -> None:
    assert formatting.seconds(6.876) == "6.88 s"
    assert formatting.date(PartialDate(2024, 6, 26)) == "26 Jun 2024"
    assert formatting.date(PartialDate(2026, 11)) == "Nov 2026"


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        (formatting.price(Decimal("-0"), "USD"), "$0.00"),
        (formatting.price(Decimal("-0.000"), "EUR"), "€0.00"),
        (formatting.money(Decimal("-0"), "USD"), "$0"),
        (formatting.percent(Decimal("-0.0"), 2), "0%"),
        (formatting.percent(Decimal("-0.001"), 2), "0%"),
        (formatting.seconds(-0.0), "0.00 s"),
        (str(formatting.round_to(Decimal("-0.0004"), 2)), "0.00"),
    ],
)
def test_negative_zero_prints_as_zero(shown: str, text: str) -> None:
    assert shown == text


def test_a_sentence_is_its_text_and_keeps_its_names() -> None:
    sentence = Sentence(Name("A <b>"), " beats ", Name("B"), ".")
    assert sentence == "A <b> beats B."
    assert [type(part) for part in sentence.parts] == [Name, str, Name, str]
    copied = pickle.loads(pickle.dumps(sentence))
    assert copied == sentence
    assert copied.parts == sentence.parts


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("4.4776"), 2, "+4.48"),
        (Decimal(-3), 0, "\u22123"),
        (Decimal("-0.001"), 2, "0"),
        (Decimal("1.50"), 2, "+1.5"),
    ],
)
def test_a_change_shows_its_sign(value: Decimal, places: int, text: str) -> None:
    assert formatting.signed(value, places) == text


def test_a_harness_reads_as_name_and_version() -> None:
    assert formatting.harness(Harness(name="lmms-eval", version="0.3.1")) == "lmms-eval 0.3.1"
    assert formatting.harness(Harness(name="in-house")) == "in-house"
    assert formatting.harness(None) == ""


def test_settings_read_as_written_in_the_order_written() -> None:
    values: dict[str, bool | int | float | str] = {
        "temperature": 0,
        "top_p": 0.95,
        "greedy": True,
        "seed": 1.0,
        "x": 1e-05,
        "m": "a",
    }
    assert formatting.settings(values) == (
        "temperature: 0, top_p: 0.95, greedy: true, seed: 1.0, x: 0.00001, m: a"
    )
    assert formatting.settings({}) == ""


@pytest.mark.parametrize("written", ["32K", "128K", "1M", "1.5M", "256K"])
def test_a_size_written_in_a_card_prints_as_written(written: str) -> None:
    assert formatting.tokens(TypeAdapter(ContextWindow).validate_python(written)) == written
    assert formatting.tokens(TypeAdapter(ContextWindow).validate_python(written.lower())) == written
