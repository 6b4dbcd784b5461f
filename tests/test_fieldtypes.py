"""The value types: what each accepts, what it turns it into, and what it refuses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from versus.fieldtypes import (
    DateText,
    Money,
    ParameterCount,
    PartialDate,
    Slug,
    Text,
    Url,
    describe,
)


def accepts(annotation: Any, value: Any) -> Any:
    return TypeAdapter(annotation).validate_python(value)


def refusal(annotation: Any, value: Any) -> str:
    """The one message validating ``value`` gives."""
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(annotation).validate_python(value)
    [error] = raised.value.errors()
    assert error["type"] == "versus"
    return error["msg"]


SLUG_EXPECTED = (
    "expected a slug: lowercase letters, digits and single hyphens, at most 64 characters"
)


@pytest.mark.parametrize("value", ["florence-2", "a", "gemma-4-26b-a4b", "x" * 64])
def test_slug_accepts(value: str) -> None:
    assert accepts(Slug, value) == value


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("Florence", "'Florence'"),
        ("a--b", "'a--b'"),
        ("-a", "'-a'"),
        ("a-", "'a-'"),
        ("a_b", "'a_b'"),
        ("a b", "'a b'"),
        ("", "''"),
        (3, "3"),
        (None, "nothing (null)"),
        ("x" * 65, repr("x" * 57 + "...")),
    ],
)
def test_slug_refuses(value: Any, got: str) -> None:
    assert refusal(Slug, value) == f"{SLUG_EXPECTED}; got {got}"


def test_text_is_stripped_and_must_not_be_blank() -> None:
    assert accepts(Text, "  words  ") == "words"
    assert refusal(Text, "   ") == "expected non-empty text; got '   '"
    assert refusal(Text, 42) == "expected non-empty text; got 42"


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://example.org/", "https://example.org/"),
        ("http://example.org/a?b=c#d", "http://example.org/a?b=c#d"),
        ("  https://example.org/  ", "https://example.org/"),
    ],
)
def test_url_accepts_http_and_https(value: str, url: str) -> None:
    assert accepts(Url, value) == url


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/",
        "file:///etc/passwd",
        "//example.org/",
        "example.org",
        "https://",
        "https:///path",
        "https://example.org/a b",
        "",
        None,
        42,
    ],
)
def test_url_refuses_everything_else(value: Any) -> None:
    assert refusal(Url, value) == f"expected an http:// or https:// URL; got {describe(value)}"


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("230M", 230_000_000),
        ("25.2B", 25_200_000_000),
        ("3.8B", 3_800_000_000),
        (12000000000, 12_000_000_000),
        ("12000000000", 12_000_000_000),
        ("1.5K", 1_500),
        ("770m", 770_000_000),
        ("12 B", 12_000_000_000),
        ("1T", 10**12),
    ],
)
def test_parameter_count_accepts(value: Any, count: int) -> None:
    assert accepts(ParameterCount, value) == count


@pytest.mark.parametrize(
    "value",
    ["0", "-1", "0.5", "1.2.3", "B", "12 billion", "1e9", "0.0001K", "", 0, -5, 2.5, True, None],
)
def test_parameter_count_refuses(value: Any) -> None:
    assert refusal(ParameterCount, value) == (
        f"expected a positive count such as 230M, 25.2B or 12000000000; got {describe(value)}"
    )


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        (0.06, Decimal("0.06")),
        (0.33, Decimal("0.33")),
        ("0.06", Decimal("0.06")),
        (" 0.075 ", Decimal("0.075")),
        (0, Decimal(0)),
        (2, Decimal(2)),
        (1e-05, Decimal("0.00001")),
    ],
)
def test_money_is_exact(value: Any, amount: Decimal) -> None:
    result = accepts(Money, value)
    assert isinstance(result, Decimal)
    assert result == amount
    assert str(result) == str(amount)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "expected an amount of zero or more; got -1"),
        (-0.06, "expected an amount of zero or more; got -0.06"),
        ("-0.06", "expected an amount of zero or more; got '-0.06'"),
        (float("inf"), "expected a finite amount; got inf"),
        ("abc", "expected an amount such as 0.06; got 'abc'"),
        (True, "expected an amount such as 0.06; got true"),
        (None, "expected an amount such as 0.06; got nothing (null)"),
        ([0.06], "expected an amount such as 0.06; got a list"),
    ],
)
def test_money_refuses(value: Any, message: str) -> None:
    assert refusal(Money, value) == message


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2024", PartialDate(2024)),
        (2024, PartialDate(2024)),
        ("2024-06", PartialDate(2024, 6)),
        ("2024-06-26", PartialDate(2024, 6, 26)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("2000-02-29", PartialDate(2000, 2, 29)),
        ("2024-12-31", PartialDate(2024, 12, 31)),
    ],
)
def test_partial_date_accepts(value: Any, date: PartialDate) -> None:
    assert accepts(DateText, value) == date


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-29", "no such date: '2023-02-29' (that month has 28 days)"),
        ("1900-02-29", "no such date: '1900-02-29' (that month has 28 days)"),
        ("2024-06-31", "no such date: '2024-06-31' (that month has 30 days)"),
        ("2024-01-00", "no such date: '2024-01-00' (that month has 31 days)"),
        ("2024-13", "expected a month from 01 to 12; got '2024-13'"),
        ("2024-00", "expected a month from 01 to 12; got '2024-00'"),
        ("2024-13-01", "expected a month from 01 to 12; got '2024-13-01'"),
        ("1899", "expected a year between 1900 and 2200; got '1899'"),
        ("2201-01", "expected a year between 1900 and 2200; got '2201-01'"),
        ("2024-6", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD; got '2024-6'"),
        ("24-06", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD; got '24-06'"),
        ("June 2024", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD; got 'June 2024'"),
        (2024.5, "expected a date written YYYY, YYYY-MM or YYYY-MM-DD; got 2024.5"),
        (None, "expected a date written YYYY, YYYY-MM or YYYY-MM-DD; got nothing (null)"),
    ],
)
def test_partial_date_refuses(value: Any, message: str) -> None:
    assert refusal(DateText, value) == message


@pytest.mark.parametrize(
    ("date", "iso", "human"),
    [
        (PartialDate(2024), "2024", "2024"),
        (PartialDate(2024, 6), "2024-06", "Jun 2024"),
        (PartialDate(2024, 6, 5), "2024-06-05", "5 Jun 2024"),
    ],
)
def test_partial_date_reads_back(date: PartialDate, iso: str, human: str) -> None:
    assert date.iso() == iso
    assert date.human() == human


def test_partial_dates_order_by_year_then_month() -> None:
    assert PartialDate(2024, 6) < PartialDate(2024, 7) < PartialDate(2025)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "nothing (null)"),
        (True, "true"),
        (False, "false"),
        ("ok", "'ok'"),
        ({"a": 1}, "a mapping"),
        ([1], "a list"),
        (2.5, "2.5"),
    ],
)
def test_describe(value: Any, text: str) -> None:
    assert describe(value) == text
