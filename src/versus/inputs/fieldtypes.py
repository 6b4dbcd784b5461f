"""Value types shared by the schemas: slugs, texts, URLs, sizes, money, partial dates.

Each type is an ``Annotated`` alias whose validator turns what a contributor
writes in YAML (``230M``, ``2024-06``, ``0.06``) into one exact value, and
raises a message that says what was expected when it cannot.

Every value is bounded here, so that nothing a file holds can make the build
fail later: texts have a length limit and hold no control characters, lone
surrogates or (on one line) bidirectional controls, and need a visible
character; numbers have a documented range (:data:`MAX_TOKENS` and the others
below) and money a limit on its size and its decimal places.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeGuard
from urllib.parse import urlsplit

import annotated_types
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainValidator,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from versus.inputs.inputfiles import IMAGE_SUFFIXES
from versus.inputs.problems import closest

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_MAX_SLUG = 64


AT = "at"
"""The key, in the context of a ``versus`` error a model's validator raises, of the path
(below the model) of the field at fault: the problem is placed there, not at the model."""


def describe(value: Any) -> str:
    """How a received value reads in an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))  # 75.0 reads 75, but 1e+30 not as its 31 digits
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _fail(expected: str, value: Any, hint: str = "") -> PydanticCustomError:
    context = {"expected": expected, "got": describe(value)}
    if hint:
        context["hint"] = hint
    return PydanticCustomError("versus", "expected {expected}; got {got}", context)


SLUG_EXPECTED = (
    f"a slug: lowercase letters, digits and single hyphens, at most {_MAX_SLUG} characters"
)


def is_slug(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a valid id: the rule :data:`Slug` enforces."""
    # fullmatch: ``$`` alone would let a trailing newline through
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None and len(value) <= _MAX_SLUG


def suggest_slug(text: str) -> str:
    """The slug ``text`` would become (lowercase, hyphens between the rest); may be empty."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _slug(value: Any) -> str:
    if not is_slug(value):
        suggestion = suggest_slug(value) if isinstance(value, str) else ""
        hint = f"write it '{suggestion}'" if is_slug(suggestion) else ""
        raise _fail(SLUG_EXPECTED, value, hint)
    return value


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN, "maxLength": _MAX_SLUG}),
]


MAX_NAME = 100
"""The most characters of a name (a model's, a suite's, a variant's)."""
MAX_LINE = 200
"""The most characters of any other one-line text: labels, titles, a summary."""
MAX_PROSE = 2000
"""The most characters of a note (plain text, several lines allowed)."""
MAX_MARKDOWN = 10_000
"""The most characters of a Markdown field (a description, a methodology).

Chosen so that the slowest Markdown shapes known (``tests/inputs/test_richtext.py``)
render in well under a second at this length."""

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that change the direction of the text around them."""

# C0 controls but tab and newline, DEL, C1 controls; lone surrogates apart.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"
_PROSE_FAULT = re.compile(f"[{_CONTROLS}{_SURROGATES}]")
_LINE_FAULT = re.compile(f"[{_CONTROLS}{_SURROGATES}\t\n\u2028\u2029{BIDI_CONTROLS}]")
_VISIBLE = frozenset("LNPS")  # Unicode categories: letters, numbers, punctuation, symbols
# Letters and symbols that fonts draw as nothing: fillers, the blank Braille pattern.
_BLANK = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


def text_fault(text: str, *, one_line: bool) -> str | None:
    """What makes ``text`` unfit for a page, as the end of an "expected ..." message."""
    found = (_LINE_FAULT if one_line else _PROSE_FAULT).search(text)
    if found is None:
        return None
    char = found.group()
    code = ord(char)
    at = f"U+{code:04X} at character {found.start() + 1}"
    if 0xD800 <= code <= 0xDFFF:
        return f"valid Unicode text; got a lone surrogate, {at}"
    if char in BIDI_CONTROLS:
        return f"text without bidirectional controls; got {at} (the page isolates names already)"
    if char in "\t\n\u2028\u2029":
        return f"one line of text; got a line break or tab, {at}"
    return f"text without control characters; got {at}"


def has_visible(text: str) -> bool:
    """Whether ``text`` holds a letter, digit, punctuation mark or symbol."""
    if text and "!" <= text[0] <= "~":  # printable ASCII: visible; most texts, every build
        return True
    return any(unicodedata.category(char)[0] in _VISIBLE and char not in _BLANK for char in text)


def _quote_hint(value: Any) -> str:
    """For a number or true/false where text is expected (``expected: 3``): to quote it."""
    if isinstance(value, int):  # true and false too
        return f'put it in quotes: "{describe(value)}"'
    if isinstance(value, float):
        return "put it in quotes, as written, so that it is read as text"
    return ""


def _text_within(value: str, max_length: int, *, one_line: bool, visible: bool) -> str:
    """``value`` stripped, once it is fit for a page: no control characters or lone
    surrogates (nor, on ``one_line``, line breaks and bidirectional controls), a visible
    character when ``visible`` asks for one, and at most ``max_length`` characters.
    The one rule of every text field (:class:`TextRule`, :data:`Answer`)."""
    text = value.strip()
    fault = text_fault(text, one_line=one_line)
    if fault is not None:
        raise PydanticCustomError("versus", "expected {fault}", {"fault": fault})
    if visible and not has_visible(text):
        raise _fail("text with a visible character, not only spaces or invisible ones", value)
    if len(text) > max_length:
        raise PydanticCustomError(
            "versus",
            "expected at most {limit} characters; got {length}",
            {"limit": max_length, "length": len(text)},
        )
    return text


def _checked_text(value: Any, max_length: int, one_line: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail("non-empty text", value, _quote_hint(value))
    return _text_within(value, max_length, one_line=one_line, visible=True)


@dataclass(frozen=True)
class TextRule(annotated_types.MaxLen):
    """The metadata of a text field: pydantic builds its validator and its JSON Schema
    from it, and ``versus new`` says its limit (a :class:`~annotated_types.MaxLen`).

    The text is stripped; it must be non-empty, hold a visible character and no control
    characters, lone surrogates or (on one line) bidirectional controls, and be at most
    ``max_length`` characters long.
    """

    one_line: bool = False

    def validate(self, value: Any) -> str:
        return _checked_text(value, self.max_length, self.one_line)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.validate, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": r"\S"}


Name = Annotated[str, TextRule(MAX_NAME, one_line=True)]
"""A name: one line of at most :data:`MAX_NAME` characters."""

Text = Annotated[str, TextRule(MAX_LINE, one_line=True)]
"""One line of at most :data:`MAX_LINE` characters: a label, a title, a summary."""

Prose = Annotated[str, TextRule(MAX_PROSE)]
"""Plain text of at most :data:`MAX_PROSE` characters, several lines allowed: a note."""

MarkdownText = Annotated[str, TextRule(MAX_MARKDOWN)]
"""Markdown of at most :data:`MAX_MARKDOWN` characters: a description, a methodology."""


MAX_LONG_TEXT = 10_000
"""The most characters of a prompt, its expected answer or a model's answer (plain text)."""

LongText = Annotated[str, TextRule(MAX_LONG_TEXT)]
"""Plain text of at most :data:`MAX_LONG_TEXT` characters, several lines allowed: a prompt."""


def _answer(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("text", value)
    return _text_within(value, MAX_LONG_TEXT, one_line=False, visible=False)


Answer = Annotated[
    str,
    BeforeValidator(_answer),
    WithJsonSchema({"type": "string", "maxLength": MAX_LONG_TEXT}),
    Field(max_length=MAX_LONG_TEXT),
]
"""A model's answer: like :data:`LongText`, but ``""`` is kept (the model answered nothing)."""


MAX_URL = 2048
"""The longest URL, as browsers and servers commonly accept."""


_HOST_END = re.compile("[/?#]")


def _plain_http(text: str) -> bool:
    """Whether ``text`` is an http(s) URL that :func:`urlsplit` would take apart without
    a second look (a lowercase scheme, an ASCII host without brackets): the check of every
    URL of every card, without parsing it."""
    scheme, found, rest = text.partition("://")
    if not found or scheme not in ("http", "https") or " " in text:
        return False
    end = _HOST_END.search(rest)
    host = rest if end is None else rest[: end.start()]
    return bool(host) and host.isascii() and "[" not in host and "]" not in host


def _url(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        fault = text_fault(text, one_line=True)
        if fault is not None:
            raise PydanticCustomError("versus", "expected {fault}", {"fault": fault})
        if len(text) > MAX_URL:
            raise _fail(f"a URL of at most {MAX_URL} characters", value)
        if _plain_http(text):
            return text
        parts = urlsplit(text)
        if parts.scheme in {"http", "https"} and parts.netloc and " " not in text:
            return text
    raise _fail("an http:// or https:// URL", value)


Url = Annotated[
    str,
    BeforeValidator(_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": MAX_URL}
    ),
]


def _https_url(value: Any) -> str:
    if not (isinstance(value, str) and value.strip().startswith("https://")):
        raise _fail("an https:// URL", value)
    return _url(value)


HttpsUrl = Annotated[
    str,
    BeforeValidator(_https_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": "^https://", "maxLength": MAX_URL}
    ),
]
"""An https URL: an address a page sends readers to try something (a live demo), where a
plain http page could be altered on the way."""

MAX_IMAGE_PATH = 200
"""The most characters of an image's path in its suite's folder."""
_PATH_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
_IMAGE_PATH_EXPECTED = (
    "a path in the suite's folder such as images/cat-1.png (letters, digits, '.', '_' and '-'), "
    "or an https:// URL"
)


def _image(value: Any) -> str:
    """An https URL, or a relative path that stays in the suite's folder and names an image.

    The path's parts are plain names (no ``..``, no hidden files, nothing a URL or a
    shell would read otherwise), so that the file can be published under any name.
    """
    if not isinstance(value, str):
        raise _fail(_IMAGE_PATH_EXPECTED, value)
    text = value.strip()
    if "://" in text or text.startswith("//"):
        if not text.startswith("https://"):
            raise _fail("an https:// URL, or a file in the suite's folder", value)
        return _url(text)
    parts = text.split("/")
    if len(text) > MAX_IMAGE_PATH or not all(_PATH_PART.fullmatch(part) for part in parts):
        raise _fail(_IMAGE_PATH_EXPECTED, value)
    if not text.lower().endswith(IMAGE_SUFFIXES):
        endings = ", ".join(IMAGE_SUFFIXES[:-1]) + f" or {IMAGE_SUFFIXES[-1]}"
        raise _fail(f"an image file ending {endings}", value)
    return text


ImageRef = Annotated[
    str,
    BeforeValidator(_image),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [
                {"pattern": "^https://", "format": "uri", "maxLength": MAX_URL},
                {
                    "pattern": r"^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*"
                    r"\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ww][Ee][Bb][Pp]|[Gg][Ii][Ff])$",
                    "maxLength": MAX_IMAGE_PATH,
                },
            ],
            "examples": ["images/cat-1.png", "https://example.org/cat-1.png"],
        }
    ),
]
"""A prompt's image: a file in the suite's folder (``images/cat-1.png``) or an https URL."""

_COUNT = re.compile(r"^([0-9]{1,30}(?:\.[0-9]{1,30})?)\s*([KMBT]?)$", re.IGNORECASE)
_SCALE = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}

MAX_PARAMETERS = 10**15
"""The largest parameter count (1000T), far above any model's."""


MIN_BARE_PARAMETERS = 1000
"""The smallest parameter count written without a unit: ``total: 7`` is not a model of
seven parameters but a 7B (or 7M) one whose unit was left out."""

_WORDS = {"thousand": "K", "million": "M", "mn": "M", "mil": "M", "billion": "B", "bn": "B"}
_WORDS |= {"trillion": "T", "k": "K", "m": "M", "b": "B", "t": "T"}
_WORDY_SIZE = re.compile(
    r"^\s*(?:~|about|approx\.?|approximately|around|circa|ca\.|<|>|\u2248)?\s*"
    r"([0-9]{1,30}(?:\.[0-9]{1,30})?)\s*(thousand|million|billion|trillion|bn|mn|mil|[kmbt])?"
    r"\s*(?:parameters|params|tokens)?\s*$",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"^\s*[0-9]{1,3}(?:[,_ '][0-9]{3})+\s*$")


def _size_hint(value: Any) -> str:
    """For a size written as people say it (``12 billion``, ``~7B``, ``128K tokens``,
    ``128,000``): how versus takes it, or "" when it is not one of those."""
    if not isinstance(value, str):
        return ""
    if _GROUPED.match(value):
        return f"write {re.sub('[^0-9]', '', value)}, without separators between the digits"
    found = _WORDY_SIZE.match(value)
    if found is None:
        return ""
    unit = _WORDS.get((found.group(2) or "").lower(), "")
    written = f"{found.group(1)}{unit}"
    if written == value.strip():
        return ""
    if not value.strip()[:1].isdigit():
        return f"write {written}; say that it is approximate in a note"
    return f"write {written}"


def _count(value: Any) -> int:
    number: Decimal | None = None
    expected = "a positive count such as 230M, 25.2B or 12000000000"
    bare = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, str) and (match := _COUNT.match(value.strip())):
        number = Decimal(match.group(1)) * _SCALE[match.group(2).upper()]
        bare = not match.group(2)
    if number is not None and number > MAX_PARAMETERS:
        raise _fail(f"a count of at most {MAX_PARAMETERS} (1000T)", value)
    shown = value.strip() if isinstance(value, str) else describe(value)
    if bare and (number is None or 0 < number < MIN_BARE_PARAMETERS):
        raise _fail(
            expected,
            value,
            f"{shown} alone would be {shown} parameters: write {shown}B for {shown} billion, or "
            f"{shown}M for {shown} million",
        )
    if number is not None and number > 0 and number == number.to_integral_value():
        return int(number)
    raise _fail(expected, value, _size_hint(value))


ParameterCount = Annotated[
    int,
    BeforeValidator(_count),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "integer", "minimum": MIN_BARE_PARAMETERS, "maximum": MAX_PARAMETERS},
                {"type": "string", "pattern": r"^([1-9][0-9]{3,}|[0-9]+(\.[0-9]+)?\s*[KMBTkmbt])$"},
            ],
            "examples": ["230M", "25.2B"],
        }
    ),
]


MAX_MONEY = 1_000_000
"""The largest amount of money: a price per million tokens, a cost per task."""
MAX_MONEY_PLACES = 12
"""The most decimal places an amount may have (a cost per task can be tiny)."""


_PRICED = re.compile(
    r"\s*(?:(?P<before>[$€£]|US\$|USD|EUR|GBP)\s*)?(?P<number>[0-9]+(?:[.,][0-9]+)?)"
    r"\s*(?P<after>[$€£]|USD|EUR|GBP)?\s*",
    re.IGNORECASE,
)


def _money_hint(text: str) -> str:
    """For an amount written with its currency (``$0.06``, ``0.06 USD``) or a decimal
    comma (``0,06``): the number to write, or ""."""
    found = _PRICED.fullmatch(text)
    if found is None:
        return ""
    written = found.group("number")
    whole, comma, decimals = written.partition(",")
    # 1,000 may be a thousand or one: then no number is suggested
    number = f"{whole}.{decimals}" if comma and len(decimals) != 3 else "" if comma else written
    if found.group("before") or found.group("after"):
        return (
            f"write {number or 'the amount'}, without the currency: the card's "
            "pricing.currency names it"
        )
    if number and comma:
        return f"write {number}, with a decimal point"
    return ""


def _money(value: Any) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))  # str() gives the shortest text that reads back the same
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise _fail("an amount such as 0.06", value, _money_hint(value)) from None
    else:
        raise _fail("an amount such as 0.06", value)
    if not amount.is_finite():
        raise _fail("a finite amount", value)
    if amount < 0:
        raise _fail("an amount of zero or more", value)
    if amount > MAX_MONEY:
        raise _fail(f"an amount of at most {MAX_MONEY}", value)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_MONEY_PLACES:
        raise _fail(f"an amount with at most {MAX_MONEY_PLACES} decimal places", value)
    return amount.copy_abs()  # -0 is 0


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    # a number, or the same in quotes to keep its digits exact ("0.06"), as versus reads it
    WithJsonSchema(
        {
            "type": ["number", "string"],
            "minimum": 0,
            "maximum": MAX_MONEY,
            "pattern": r"^\s*\+?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$",
            "examples": [0.06],
        }
    ),
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (``2024``, ``2024-06``, ``2024-06-26``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order, a date known to the year before any month of it."""
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def human(self) -> str:
        """``Jun 2024``, ``26 Jun 2024`` or ``2024``."""
        if self.month is None:
            return str(self.year)
        text = f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {text}" if self.day is not None else text


_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_DATE_EXPECTED = "a date written YYYY, YYYY-MM or YYYY-MM-DD"


_MONTH_NAMES = {
    name.lower(): number
    for number, full in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        1,
    )
    for name in (full, full[:3], full[:4])
}
_NAMED_MONTH = re.compile(
    r"^(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?"
    r"([0-9]{4})$"
)
_NUMBERS = re.compile(r"^([0-9]{1,4})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,4}))?$")
_MONTH_YEAR = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{4})$")
_TIMESTAMP = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]")


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    """``2026-05`` or ``2026-05-14`` when that is a date, else ``None``."""
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _date_hint(value: Any) -> str:
    """For a date in another form (``May 2026``, ``14.05.2026``, ``2026/6/1``): the same
    date as versus reads dates, or both readings when the day and the month could be
    either; "" when ``value`` is no date."""
    if isinstance(value, float):
        value = repr(value)  # 2026.06
    if not isinstance(value, str):
        return ""
    text = value.strip()
    named = _NAMED_MONTH.match(text)
    if named is not None:
        month = _MONTH_NAMES.get(named.group(2).lower())
        day = named.group(1) or named.group(3)
        found = month and _iso(int(named.group(4)), month, int(day) if day else None)
        return f"write {found}" if found else ""
    stamp = _TIMESTAMP.match(text)
    if stamp is not None:
        return f"write {stamp.group(1)}, the date alone"
    month_year = _MONTH_YEAR.match(text)
    if month_year is not None:
        found = _iso(int(month_year.group(2)), int(month_year.group(1)))
        return f"write {found}" if found else ""
    numbers = _NUMBERS.match(text)
    if numbers is None:
        return ""
    first, second, third = numbers.groups()
    if len(first) == 4:  # year first: 2026/06/01, 2026-6, 2026.06
        found = _iso(int(first), int(second), int(third) if third else None)
        return f"write {found}" if found and (third is None or len(third) <= 2) else ""
    if third is None:  # 06/2026 reads as month and year only with a four-digit year
        return ""
    if len(third) != 4:
        return ""
    year, a, b = int(third), int(first), int(second)
    readings = [iso for iso in (_iso(year, b, a), _iso(year, a, b)) if iso]  # day first
    unique = list(dict.fromkeys(readings))
    if len(unique) == 1:
        return f"write {unique[0]}"
    if len(unique) == 2:
        return f"write {unique[0]} or {unique[1]}, whichever the source means"
    return ""


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise _fail(_DATE_EXPECTED, value, _date_hint(value))
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year < 1900 or year > 2200:
        raise _fail("a year between 1900 and 2200", value)
    if month is not None and not 1 <= month <= 12:
        raise _fail("a month from 01 to 12", value)
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise PydanticCustomError(
                "versus",
                "no such date: {got} (that month has {last} days)",
                {"got": describe(value), "last": last},
            )
    return PartialDate(year, month, day)


DateText = Annotated[
    PartialDate,
    PlainValidator(_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2200},
            ],
            "examples": ["2024-06", "2026-04-02"],
        }
    ),
]

MAX_PROMPTS = 1_000_000
"""The most prompts a suite, a category or a run may count."""
MAX_TOKENS = 1_000_000_000
"""The most tokens a context window or a median of a run may count."""
MIN_SECONDS = 0.001
"""The shortest average response time, one millisecond."""
MAX_SECONDS = 7 * 24 * 3600
"""The longest average response time, one week."""


def _no_negative_zero(value: float) -> float:
    return value + 0.0  # -0.0 + 0.0 is 0.0: a stated -0 reads 0


def _not_a_fraction(value: float) -> float:
    """A percent above 0 and at most 1 is a fraction written where its percent belongs
    (``0.9`` for 90%): refused, as it would mean 0.9%. 0 stays: it is no fraction."""
    if 0 < value <= 1:
        percent = format((Decimal(repr(value)) * 100).normalize(), "f")
        raise PydanticCustomError(
            "versus",
            "expected a percent from 0 to 100, not a fraction; got {got}",
            {"got": describe(value), "hint": f"write {percent} for {percent}%"},
        )
    return _no_negative_zero(value)


Percent = Annotated[
    float,
    Field(ge=0, le=100, allow_inf_nan=False),
    AfterValidator(_not_a_fraction),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "not": {"exclusiveMinimum": 0, "maximum": 1},
        }
    ),
]
"""A percent a file sets (a threshold, a band's lowest score): 0, or above 1 and at most
100. A value above 0 and at most 1 is refused as a fraction (``0.9`` where 90 is meant,
which would read 0.9%): no threshold of 1% or less is worth setting, and one of 0% is
written 0."""


_FLOAT_TEXT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_WITH_PERCENT_SIGN = re.compile(r"\s*([-+]?[0-9]+(?:\.[0-9]+)?)\s*%\s*")


def percent_sign_hint(value: Any) -> str:
    """For ``'85%'`` where a number is expected: the hint to drop the sign ("" otherwise)."""
    found = _WITH_PERCENT_SIGN.fullmatch(value) if isinstance(value, str) else None
    return f"drop the '%': write {found.group(1)}" if found else ""


def _stated_percent(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        hint = percent_sign_hint(value)
        if hint:
            raise PydanticCustomError(
                "versus", "expected a number; got {got}", {"got": describe(value), "hint": hint}
            )
        if isinstance(value, str) and _FLOAT_TEXT.fullmatch(value.strip()):
            raise _fail("a number", value, f"write {value.strip()}, without quotes")
        raise _fail("a number", value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail("a finite number", value)
    # an int stays whole; repr() is the shortest text that reads back the same: 88.9, 89.0
    stated = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if stated < 0:
        raise _fail("a number at least 0", value)
    if stated > 100:
        raise _fail("a number at most 100", value)
    return stated.copy_abs()  # -0.0 is 0.0


StatedPercent = Annotated[
    Decimal,
    PlainValidator(_stated_percent),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
"""A percentage as a file states it, 0 to 100, kept at the places written: ``89`` has
none, ``89.0`` one, and :func:`versus.inputs.scores.agrees` compares it at that precision.

YAML gives a decimal number as a float, which keeps no trailing zero past the first
decimal place: ``88.90`` reads, and is compared, as ``88.9``."""
Seconds = Annotated[float, Field(ge=MIN_SECONDS, le=MAX_SECONDS, allow_inf_nan=False)]
"""A time in seconds, from :data:`MIN_SECONDS` to :data:`MAX_SECONDS`."""
AnswerSeconds = Annotated[float, Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
"""How long one answer took, in seconds, from 0 to :data:`MAX_SECONDS`."""
Score = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False), AfterValidator(_no_negative_zero)]
"""A score of one answer, from 0 to 1."""
PromptCount = Annotated[int, Field(gt=0, le=MAX_PROMPTS)]
"""A number of prompts, 1 to :data:`MAX_PROMPTS`."""
PassedCount = Annotated[int, Field(ge=0, le=MAX_PROMPTS)]
"""A number of prompts passed, 0 to :data:`MAX_PROMPTS`."""
_SIZE_EXPECTED = "a number of tokens such as 32768, 32K or 1M"


def _token_size(value: Any) -> Any:
    """``32K`` -> 32000: a size as people write one, read as parameter counts are (K, M and
    B are powers of 1000); numbers and other values go on to the number's own checks."""
    if not isinstance(value, str):
        return value
    match = _COUNT.match(value.strip())
    if match is None:
        raise _fail(_SIZE_EXPECTED, value, _size_hint(value))
    number = Decimal(match.group(1)) * _SCALE[match.group(2).upper()]
    if number != number.to_integral_value():
        raise _fail(f"{_SIZE_EXPECTED}, a whole number of tokens", value)
    return int(number)


def _size_schema(minimum: int) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "oneOf": [
                {"type": "integer", "minimum": minimum, "maximum": MAX_TOKENS},
                {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?\s*[KMBkmb]?$"},
            ],
            "examples": [32768, "32K"],
        }
    )


ContextWindow = Annotated[
    int, BeforeValidator(_token_size), Field(gt=0, le=MAX_TOKENS), _size_schema(1)
]
"""A context window in tokens, 1 to :data:`MAX_TOKENS`: ``131072``, or a size such as
``128K`` or ``1M`` (powers of 1000, as parameter counts)."""
TokenSize = Annotated[
    int, BeforeValidator(_token_size), Field(ge=0, le=MAX_TOKENS), _size_schema(0)
]
"""A number of tokens a person writes, 0 to :data:`MAX_TOKENS`: ``294``, ``1.2K``."""
TokenCount = Annotated[int, Field(ge=0, le=MAX_TOKENS)]
"""A number of tokens, 0 to :data:`MAX_TOKENS`, as a harness records one (an outcome's)."""


MAX_SETTING_NAME = 40
SETTING_NAME_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]*$"
_SETTING_NAME = re.compile(SETTING_NAME_PATTERN)
SETTING_NAME_EXPECTED = (
    "a setting name: a letter, then letters, digits, '_', '.' or '-', "
    f"at most {MAX_SETTING_NAME} characters"
)


def _setting_name(value: Any) -> str:
    if (
        not isinstance(value, str)
        or _SETTING_NAME.fullmatch(value) is None
        or len(value) > MAX_SETTING_NAME
    ):
        raise _fail(SETTING_NAME_EXPECTED, value)
    return value


SettingName = Annotated[
    str,
    PlainValidator(_setting_name),
    WithJsonSchema(
        {"type": "string", "pattern": SETTING_NAME_PATTERN, "maxLength": MAX_SETTING_NAME}
    ),
]
"""The name of a run's setting as its harness spells it: ``temperature``, ``max_tokens``."""


def _setting_value(value: Any) -> bool | int | float | str:
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _fail("a finite number", value)
        return value + 0.0  # -0.0 reads 0.0
    if isinstance(value, str):
        return _checked_text(value, MAX_LINE, one_line=True)
    raise _fail("a number, true or false, or one line of text", value)


SettingValue = Annotated[
    bool | int | float | str,
    PlainValidator(_setting_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "boolean"},
                {"type": "number"},
                {"type": "string", "minLength": 1, "maxLength": MAX_LINE, "pattern": r"\S"},
            ]
        }
    ),
]
"""The value of a setting: a number, true or false, or one line of text, kept as written
(a number as YAML reads it: ``0.70`` is ``0.7``)."""


def _version(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError(
            "versus",
            "expected text; got the number {got}: put the version in quotes as you wrote it "
            '("1.10", not 1.10), so that YAML keeps every digit',
            {"got": describe(value)},
        )
    return value


# the last before-validator runs first: a number is named as one before the text rule sees it
VersionText = Annotated[str, TextRule(MAX_LINE, one_line=True), BeforeValidator(_version)]
"""A version as text: ``0.3.1``, ``"1.10"``; a number is refused, as YAML would have read
``1.10`` as ``1.1``."""


SPDX_COMMON = (
    "AGPL-3.0-only",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "CC-BY-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-ND-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-SA-4.0",
    "CC0-1.0",
    "CDLA-Permissive-2.0",
    "GPL-2.0-only",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-3.0-only",
    "MIT",
    "MPL-2.0",
    "ODC-By-1.0",
    "Unlicense",
)
"""SPDX license ids that model weights often have: a license written as its name (``Apache
2.0``, ``MIT License``) is named by the one of these it is. Only for hints: the SPDX list
(https://spdx.org/licenses/) has some 700 ids and grows, so an id is accepted by its shape."""

_SPDX_ID = re.compile(
    r"(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+\+?"
)
_SPDX_EXCEPTION = re.compile(
    r"(?:DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+"
)
_SPDX_TOKEN = re.compile(r"[()]|[^\s()]+")
_SPDX_OPERATORS = frozenset({"AND", "OR", "WITH"})
_SPDX_EXPECTED = "an SPDX license id or expression such as Apache-2.0, MIT or MIT OR Apache-2.0"
_SPDX_JOINED = re.compile(r"[()/,&]|\b(?:and|or|with)\b", re.IGNORECASE)
"""What joins licenses in an expression, or where one was meant."""
_LICENSE_WORDS = re.compile(r",|\b(?:the|licen[cs]e|version)\b", re.IGNORECASE)


def is_spdx_expression(text: str) -> bool:
    """Whether ``text`` has the shape of an SPDX license expression (SPDX 2.3, annex D):
    ids (``MIT``, ``GPL-2.0+``, ``LicenseRef-x``) joined by ``AND`` and ``OR``, an id
    ``WITH`` an exception, in parentheses as needed. Whether an id is on the SPDX list is
    not checked."""
    tokens = _SPDX_TOKEN.findall(text)
    depth = 0
    operand = True  # an id or "(" comes next
    exception = False  # the operand is an exception, after WITH
    simple = False  # the last operand was an id, which WITH may follow
    for token in tokens:
        if operand:
            if token == "(" and not exception:
                depth += 1
                continue
            pattern = _SPDX_EXCEPTION if exception else _SPDX_ID
            if token in _SPDX_OPERATORS or not pattern.fullmatch(token):
                return False
            operand, simple, exception = False, not exception, False
        elif token == ")" and depth:
            depth -= 1
            simple = False
        elif token in ("AND", "OR") or (token == "WITH" and simple):
            operand, exception = True, token == "WITH"
        else:
            return False
    return bool(tokens) and not operand and depth == 0


def _spdx_hint(text: str) -> str:
    """For a license written otherwise than as an SPDX expression: the expression, the
    closest common id, or what to do when the license has none."""
    capitals = (
        " ".join(
            token.upper() if token.upper() in _SPDX_OPERATORS else token
            for token in _SPDX_TOKEN.findall(text)
        )
        .replace("( ", "(")
        .replace(" )", ")")
    )
    if capitals != text and is_spdx_expression(capitals):
        return f"write AND, OR and WITH in capitals: {capitals}"
    dashed = "-".join(_LICENSE_WORDS.sub(" ", text).replace("_", " ").split())
    known = {id_.lower(): id_ for id_ in SPDX_COMMON}
    if dashed.lower() in known:
        return f"write its SPDX id, {known[dashed.lower()]}"
    if _SPDX_JOINED.search(text):
        return (
            "join two ids with OR (either license applies) or AND (both do), in "
            "parentheses as needed: MIT OR Apache-2.0"
        )
    found = closest(dashed, SPDX_COMMON) if dashed else None
    if found is not None:
        return f"did you mean {found}?"
    return (
        "SPDX ids have no spaces, see https://spdx.org/licenses/; for a license without "
        "one, leave spdx out: name says which it is"
    )


def _spdx(value: str) -> str:
    if not is_spdx_expression(value):
        raise _fail(_SPDX_EXPECTED, value, _spdx_hint(value))
    return value


SpdxExpression = Annotated[
    str,
    TextRule(MAX_LINE, one_line=True),
    AfterValidator(_spdx),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": MAX_LINE,
            "pattern": r"^[(\s]*[A-Za-z0-9.:+-]+[)\s]*(\s(AND|OR|WITH)\s+[(\s]*[A-Za-z0-9.:+-]+[)\s]*)*$",
        }
    ),
]
"""An SPDX license expression: ``Apache-2.0``, ``MIT OR Apache-2.0``,
``LicenseRef-gemma``, by its shape (:func:`is_spdx_expression`)."""
