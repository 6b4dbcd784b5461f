"""The value types: what each accepts, what it turns it into, and what it refuses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from versus.inputs.fieldtypes import (
    MAX_LINE,
    MAX_MARKDOWN,
    MAX_MONEY,
    MAX_MONEY_PLACES,
    MAX_NAME,
    MAX_PARAMETERS,
    MAX_PROMPTS,
    MAX_PROSE,
    MAX_SECONDS,
    MAX_TOKENS,
    MIN_BARE_PARAMETERS,
    MIN_SECONDS,
    SPDX_COMMON,
    ContextWindow,
    DateText,
    MarkdownText,
    Money,
    Name,
    ParameterCount,
    PartialDate,
    PassedCount,
    Percent,
    PromptCount,
    Prose,
    Seconds,
    SettingName,
    SettingValue,
    Slug,
    SpdxExpression,
    StatedPercent,
    Text,
    TokenCount,
    TokenSize,
    Url,
    VersionText,
    describe,
    has_visible,
    is_spdx_expression,
    text_fault,
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
        ("a\n", "'a\\n'"),
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
    ["0", "-1", "0.5", "1.2.3", "B", "12 billion", "1e9", "0.0001K", "", 0, -5, 2.5, 7, True, None],
)
def test_parameter_count_refuses(value: Any) -> None:
    assert refusal(ParameterCount, value) == (
        f"expected a positive count such as 230M, 25.2B or 12000000000; got {describe(value)}"
    )


def refusal_hint(annotation: Any, value: Any) -> str:
    """The hint of the one problem validating ``value`` gives ("" without one)."""
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(annotation).validate_python(value)
    [error] = raised.value.errors()
    return str((error.get("ctx") or {}).get("hint", ""))


@pytest.mark.parametrize(
    ("value", "shown"), [(7, "7"), ("7", "7"), (12.5, "12.5"), ("0.5", "0.5"), (999, "999")]
)
def test_a_parameter_count_without_its_unit_is_refused(value: Any, shown: str) -> None:
    # 'total: 7' is a 7B or 7M model whose unit was left out, never a model of 7 parameters
    assert refusal(ParameterCount, value).startswith("expected a positive count")
    assert refusal_hint(ParameterCount, value) == (
        f"{shown} alone would be {shown} parameters: write {shown}B for {shown} billion, "
        f"or {shown}M for {shown} million"
    )
    assert accepts(ParameterCount, MIN_BARE_PARAMETERS) == MIN_BARE_PARAMETERS


@pytest.mark.parametrize(
    ("annotation", "value", "hint"),
    [
        (ParameterCount, "12 billion", "write 12B"),
        (ParameterCount, "7 billion parameters", "write 7B"),
        (ParameterCount, "12Bn", "write 12B"),
        (ParameterCount, "7B params", "write 7B"),
        (ParameterCount, "1.5 trillion", "write 1.5T"),
        (ParameterCount, "~12B", "write 12B; say that it is approximate in a note"),
        (ParameterCount, "about 7B", "write 7B; say that it is approximate in a note"),
        (
            ParameterCount,
            "12,000,000,000",
            "write 12000000000, without separators between the digits",
        ),
        (ContextWindow, "128K tokens", "write 128K"),
        (ContextWindow, "1 million", "write 1M"),
        (ContextWindow, "128,000", "write 128000, without separators between the digits"),
        (TokenSize, "1_200", "write 1200, without separators between the digits"),
        (ParameterCount, "1.2.3", ""),
        (ContextWindow, "lots", ""),
    ],
)
def test_a_size_written_in_words_gets_the_way_to_write_it(
    annotation: Any, value: str, hint: str
) -> None:
    refusal(annotation, value)
    assert refusal_hint(annotation, value) == hint


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


# --- texts: characters, visibility, length --------------------------------------------


@pytest.mark.parametrize(
    ("annotation", "value", "says"),
    [
        (
            Name,
            "\ud800",
            "expected valid Unicode text; got a lone surrogate, U+D800 at character 1",
        ),
        (Prose, "a\udfffb", "lone surrogate, U+DFFF at character 2"),
        (Name, "a\x00b", "expected text without control characters; got U+0000 at character 2"),
        (MarkdownText, "a\x1b[2J", "got U+001B at character 2"),
        (Text, "a\x7f", "got U+007F at character 2"),
        (Text, "a\x85b", "got U+0085 at character 2"),
        (Prose, "a\rb", "got U+000D at character 2"),
        (Name, "a\nb", "expected one line of text; got a line break or tab, U+000A"),
        (Text, "a\tb", "U+0009"),
        (Text, "a\u2028b", "U+2028"),
        (Name, "\u202eabc", "expected text without bidirectional controls; got U+202E"),
        (Text, "ab\u200f", "U+200F"),
        (Name, "a\u061c", "U+061C"),
        (Name, "\u200b\u200d", "expected text with a visible character"),
        (Name, "\u2800\u3164", "expected text with a visible character"),
        (Name, "\u0301", "expected text with a visible character"),
        (Name, "x" * (MAX_NAME + 1), f"expected at most {MAX_NAME} characters; got 101"),
        (Text, "x" * (MAX_LINE + 1), f"expected at most {MAX_LINE} characters"),
        (Prose, "x" * (MAX_PROSE + 1), f"expected at most {MAX_PROSE} characters"),
        (MarkdownText, "x" * (MAX_MARKDOWN + 1), f"expected at most {MAX_MARKDOWN} characters"),
    ],
)
def test_text_refuses_what_a_page_or_terminal_should_not_get(
    annotation: Any, value: str, says: str
) -> None:
    assert says in refusal(annotation, value)


@pytest.mark.parametrize(
    ("annotation", "value"),
    [
        (Name, "Florence-2"),
        (Name, "אלפא"),  # right-to-left letters are text; the page isolates them
        (Name, "👩‍🔬 Lab"),  # a zero-width joiner inside an emoji sequence
        (Prose, "line one\nline two\twith a tab"),
        (MarkdownText, "Right-to-left \u202bembedding\u202c in prose."),
        (MarkdownText, "x" * MAX_MARKDOWN),
        (Name, "x" * MAX_NAME),
    ],
)
def test_text_accepts_real_text(annotation: Any, value: str) -> None:
    assert accepts(annotation, value) == value


# --- numbers: each bounded ----------------------------------------------------------


@pytest.mark.parametrize(
    ("annotation", "value", "kind"),
    [
        (ContextWindow, 2**64, "less_than_equal"),
        (TokenCount, MAX_TOKENS + 1, "less_than_equal"),
        (PromptCount, MAX_PROMPTS + 1, "less_than_equal"),
        (PassedCount, 2**64, "less_than_equal"),
        (Seconds, 1e-30, "greater_than_equal"),
        (Seconds, 1e30, "less_than_equal"),
        (Seconds, float("nan"), "finite_number"),
        (Percent, float("inf"), "finite_number"),
        (Percent, float("nan"), "finite_number"),
    ],
)
def test_numbers_are_bounded(annotation: Any, value: Any, kind: str) -> None:
    """Refused with pydantic's bound errors, which validation words as "expected a number
    at most ..." (see tests/e2e/test_hostile_text.py for the lines a contributor reads)."""
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(annotation).validate_python(value)
    [error] = raised.value.errors()
    assert error["type"] == kind


def test_bounds_are_inclusive() -> None:
    assert accepts(ContextWindow, MAX_TOKENS) == MAX_TOKENS
    assert accepts(Seconds, MIN_SECONDS) == MIN_SECONDS
    assert accepts(Seconds, MAX_SECONDS) == MAX_SECONDS
    assert accepts(PassedCount, 0) == 0


@pytest.mark.parametrize(
    ("value", "tokens"),
    [
        ("32K", 32_000),
        ("128k", 128_000),
        ("1M", 1_000_000),
        ("1.5M", 1_500_000),
        (" 256K ", 256_000),
        ("32768", 32_768),
        (32_768, 32_768),
    ],
)
def test_a_context_window_is_a_size_as_people_write_it(value: Any, tokens: int) -> None:
    # as parameters take 7B: K and M are powers of 1000, whatever the letter's case
    assert accepts(ContextWindow, value) == tokens
    assert accepts(TokenSize, value) == tokens


@pytest.mark.parametrize("value", ["128K tokens", "32KB", "0.5K1", "1.0001K", "lots"])
def test_a_size_that_is_not_one_names_the_forms_it_takes(value: str) -> None:
    assert refusal(ContextWindow, value).startswith(
        "expected a number of tokens such as 32768, 32K or 1M"
    )


def test_sizes_are_bounded_as_numbers() -> None:
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(ContextWindow).validate_python("2B")
    assert raised.value.errors()[0]["type"] == "less_than_equal"
    with pytest.raises(ValidationError):
        TypeAdapter(ContextWindow).validate_python("0K")


def test_an_outcome_token_count_stays_exact() -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(TokenCount).validate_python("1K")


def test_negative_zero_percent_is_zero() -> None:
    assert str(accepts(Percent, -0.0)) == "0.0"


@pytest.mark.parametrize(
    ("value", "kept"),
    [(89, "89"), (88.9, "88.9"), (88.89, "88.89"), (89.0, "89.0"), (0, "0"), (100, "100")],
)
def test_a_stated_percent_keeps_the_places_written(value: float, kept: str) -> None:
    # 89 is a claim to the unit, 89.0 to a tenth: stated figures are compared at that precision
    stated = accepts(StatedPercent, value)
    assert isinstance(stated, Decimal)
    assert str(stated) == kept


@pytest.mark.parametrize("value", [-0.0, -0])
def test_a_stated_negative_zero_percent_is_zero(value: float) -> None:
    assert not accepts(StatedPercent, value).is_signed()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (101, "expected a number at most 100; got 101"),
        (100.5, "expected a number at most 100; got 100.5"),
        (-1, "expected a number at least 0; got -1"),
        (float("nan"), "expected a finite number; got nan"),
        (float("inf"), "expected a finite number; got inf"),
        (True, "expected a number; got true"),
        ("89", "expected a number; got '89'"),
        (None, "expected a number; got nothing (null)"),
    ],
)
def test_a_stated_percent_is_bounded(value: Any, says: str) -> None:
    assert refusal(StatedPercent, value) == says


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (1e30, f"expected an amount of at most {MAX_MONEY}; got 1e+30"),
        ("1000000.01", f"at most {MAX_MONEY}"),
        (1e-30, f"expected an amount with at most {MAX_MONEY_PLACES} decimal places"),
        ("0.0000000000001", f"at most {MAX_MONEY_PLACES} decimal places"),
    ],
)
def test_money_is_bounded_in_size_and_places(value: Any, says: str) -> None:
    assert says in refusal(Money, value)


@pytest.mark.parametrize("value", [-0.0, "-0", "-0.000", 0])
def test_money_negative_zero_is_zero(value: Any) -> None:
    amount = accepts(Money, value)
    assert amount == 0
    assert not amount.is_signed()


def test_money_at_its_bounds_is_accepted() -> None:
    assert accepts(Money, MAX_MONEY) == MAX_MONEY
    assert accepts(Money, "0.000000000001") == Decimal("0.000000000001")


@pytest.mark.parametrize(
    "value", [MAX_PARAMETERS + 1, 2**64, "1001T", "99999999999999999999999999999T"]
)
def test_parameter_counts_are_bounded(value: Any) -> None:
    assert refusal(ParameterCount, value) == (
        f"expected a count of at most {MAX_PARAMETERS} (1000T); got {describe(value)}"
    )


def test_parameter_count_at_the_bound_is_accepted() -> None:
    assert accepts(ParameterCount, "1000T") == MAX_PARAMETERS


def test_text_fault_and_visibility_helpers() -> None:
    assert text_fault("fine text", one_line=True) is None
    assert text_fault("two\nlines", one_line=False) is None
    assert text_fault("two\nlines", one_line=True) is not None
    assert has_visible("\u200b a")
    assert not has_visible("\u200b\u00a0\u3000")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("https://example.org/\x00", "U+0000"),
        ("https://example.org/\ud800", "lone surrogate"),
        ("https://example.org/\u202e", "bidirectional controls"),
        ("https://example.org/a\nb", "one line of text"),
        ("https://example.org/" + "a" * 2048, "a URL of at most 2048 characters"),
    ],
)
def test_url_refuses_controls_and_length(value: str, says: str) -> None:
    assert says in refusal(Url, value)


@pytest.mark.parametrize("value", [0, 1024, 0.7, True, "greedy"])
def test_a_setting_value_is_kept_as_written(value: Any) -> None:
    kept = accepts(SettingValue, value)
    assert kept == value
    assert type(kept) is type(value)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ([1], "expected a number, true or false, or one line of text; got a list"),
        (None, "expected a number, true or false, or one line of text; got nothing (null)"),
        (float("nan"), "expected a finite number; got nan"),
        ("two\nlines", "expected one line of text; got a line break or tab, U+000A at character 4"),
    ],
)
def test_a_setting_value_refuses(value: Any, says: str) -> None:
    assert refusal(SettingValue, value) == says


@pytest.mark.parametrize("name", ["temperature", "max_tokens", "top-p", "sampling.seed", "T"])
def test_a_setting_name_accepts(name: str) -> None:
    assert accepts(SettingName, name) == name


@pytest.mark.parametrize("name", ["", "1st", "top p", "_x", "x" * 41, 3])
def test_a_setting_name_refuses(name: Any) -> None:
    assert refusal(SettingName, name).startswith("expected a setting name: a letter, then ")


def test_a_version_is_text_and_a_number_is_refused_naming_the_quotes() -> None:
    assert accepts(VersionText, " 1.10 ") == "1.10"
    says = refusal(VersionText, 1.1)
    assert says.startswith(
        "expected text; got the number 1.1: put the version in quotes as you wrote it"
    )


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("$0.50", "write 0.50, without the currency: the card's pricing.currency names it"),
        ("0.50 USD", "write 0.50, without the currency: the card's pricing.currency names it"),
        ("€1,20", "write 1.20, without the currency: the card's pricing.currency names it"),
        ("$1,000", "write the amount, without the currency: the card's pricing.currency names it"),
        ("0,06", "write 0.06, with a decimal point"),
        ("1,000", ""),  # a thousand, or one: no number is suggested
        ("free", ""),
    ],
)
def test_an_amount_written_with_its_currency_gets_the_number_to_write(
    value: str, hint: str
) -> None:
    assert refusal(Money, value) == f"expected an amount such as 0.06; got {describe(value)}"
    assert refusal_hint(Money, value) == hint


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("May 2026", "write 2026-05"),
        ("Sept. 2026", "write 2026-09"),
        ("14 May 2026", "write 2026-05-14"),
        ("May 14th, 2026", "write 2026-05-14"),
        ("14.05.2026", "write 2026-05-14"),
        ("05/14/2026", "write 2026-05-14"),
        ("05/06/2026", "write 2026-06-05 or 2026-05-06, whichever the source means"),
        ("2026/6/1", "write 2026-06-01"),
        ("2026-6", "write 2026-06"),
        (2026.06, "write 2026-06"),
        ("06/2026", "write 2026-06"),
        ("2026-05-14T10:11:12Z", "write 2026-05-14, the date alone"),
        ("31/02/2026", ""),
        ("Q2 2026", ""),
        ("yesterday", ""),
    ],
)
def test_a_date_in_another_form_gets_the_form_versus_reads(value: Any, hint: str) -> None:
    assert refusal(DateText, value).startswith("expected a date written YYYY, YYYY-MM or")
    assert refusal_hint(DateText, value) == hint


@pytest.mark.parametrize(
    ("value", "hint"),
    [("Read-Sign", "write it 'read-sign'"), ("read_menu", "write it 'read-menu'"), ("--", "")],
)
def test_a_name_that_is_not_a_slug_gets_the_slug_it_would_be(value: str, hint: str) -> None:
    assert refusal(Slug, value) == f"{SLUG_EXPECTED}; got {describe(value)}"
    assert refusal_hint(Slug, value) == hint


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (3, 'put it in quotes: "3"'),
        (True, 'put it in quotes: "true"'),
        (1.5, "put it in quotes, as written, so that it is read as text"),
        (None, ""),
    ],
)
def test_a_number_where_text_is_expected_is_to_be_quoted(value: Any, hint: str) -> None:
    assert refusal(Text, value) == f"expected non-empty text; got {describe(value)}"
    assert refusal_hint(Text, value) == hint


@pytest.mark.parametrize(
    ("value", "hint"),
    [(0.9, "write 90 for 90%"), (1, "write 100 for 100%"), (0.005, "write 0.5 for 0.5%")],
)
def test_a_percent_written_as_a_fraction_is_refused(value: float, hint: str) -> None:
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(Percent).validate_python(value)
    [error] = raised.value.errors()
    assert error["msg"] == (
        f"expected a percent from 0 to 100, not a fraction; got {describe(value)}"
    )
    assert (error.get("ctx") or {})["hint"] == hint


@pytest.mark.parametrize("value", [0, 0.0, 1.5, 90, 100])
def test_a_percent_of_zero_or_above_one_is_kept(value: float) -> None:
    """0 is no fraction: a threshold of 0 shows the figures of every run."""
    assert accepts(Percent, value) == value


@pytest.mark.parametrize(
    "value",
    [
        "Apache-2.0",
        "MIT",
        "GPL-2.0+",
        "LicenseRef-gemma-terms",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "MIT OR Apache-2.0",
        "(MIT OR Apache-2.0) AND BSD-3-Clause",
        "MIT AND (Apache-2.0 OR BSD-2-Clause)",
        "GPL-2.0-only WITH Classpath-exception-2.0",
        "apache-2.0",  # ids match whatever their case
    ],
)
def test_an_spdx_expression_is_accepted_by_its_shape(value: str) -> None:
    assert accepts(SpdxExpression, value) == value
    assert is_spdx_expression(value)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("Apache 2.0", "write its SPDX id, Apache-2.0"),
        ("Apache License, Version 2.0", "write its SPDX id, Apache-2.0"),
        ("MIT License", "write its SPDX id, MIT"),
        ("CC BY-NC 4.0", "write its SPDX id, CC-BY-NC-4.0"),
        ("Apache_2.0", "write its SPDX id, Apache-2.0"),
        ("Apache 2", "did you mean Apache-2.0?"),
        ("MIT or Apache-2.0", "write AND, OR and WITH in capitals: MIT OR Apache-2.0"),
        ("(mit and apache-2.0)", "write AND, OR and WITH in capitals: (mit AND apache-2.0)"),
        ("Apache-2.0, MIT", "join two ids with OR"),
        ("Apache-2.0 / MIT", "join two ids with OR"),
        ("MIT OR", "join two ids with OR"),
        ("(MIT", "join two ids with OR"),
        ("(MIT) WITH X", "join two ids with OR"),
        ("MIT WITH X WITH Y", "join two ids with OR"),
        ("Gemma Terms of Use", "SPDX ids have no spaces, see https://spdx.org/licenses/"),
    ],
)
def test_a_license_that_is_no_spdx_expression_is_refused_with_the_one_to_write(
    value: str, hint: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(SpdxExpression).validate_python(value)
    [error] = raised.value.errors()
    assert error["msg"] == (
        "expected an SPDX license id or expression such as Apache-2.0, MIT or "
        f"MIT OR Apache-2.0; got {describe(value)}"
    )
    assert (error.get("ctx") or {})["hint"].startswith(hint)


def test_the_common_spdx_ids_are_current_ids_of_the_spdx_list() -> None:
    """The ids hints name are ids of the SPDX list, not deprecated: checked against the
    list ``packaging`` (pytest's dependency) carries, which versus itself does not need."""
    spdx = pytest.importorskip("packaging.licenses._spdx")
    for id_ in SPDX_COMMON:
        entry = spdx.LICENSES.get(id_.lower())
        assert entry is not None, f"{id_} is no SPDX id"
        assert entry["id"] == id_, f"the SPDX list spells it {entry['id']}"
        assert not entry["deprecated"], f"{id_} is deprecated"
