"""Value types shared by the schemas: slugs, URLs, sizes, money, partial dates.

Each type is an ``Annotated`` alias whose validator turns what a contributor
writes in YAML (``230M``, ``2024-06``, ``0.06``) into one exact value, and
raises a message that says what was expected when it cannot.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeGuard
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_MAX_SLUG = 64


def describe(value: Any) -> str:
    """How a received value reads in an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _fail(expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "versus", "expected {expected}; got {got}", {"expected": expected, "got": describe(value)}
    )


SLUG_EXPECTED = (
    f"a slug: lowercase letters, digits and single hyphens, at most {_MAX_SLUG} characters"
)


def is_slug(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a valid id: the rule :data:`Slug` enforces."""
    return isinstance(value, str) and _SLUG.match(value) is not None and len(value) <= _MAX_SLUG


def _slug(value: Any) -> str:
    if not is_slug(value):
        raise _fail(SLUG_EXPECTED, value)
    return value


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN, "maxLength": _MAX_SLUG}),
]


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail("non-empty text", value)
    return value.strip()


Text = Annotated[
    str,
    BeforeValidator(_text),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
]


def _url(value: Any) -> str:
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme in {"http", "https"} and parts.netloc and " " not in value.strip():
            return value.strip()
    raise _fail("an http:// or https:// URL", value)


Url = Annotated[
    str,
    BeforeValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]

_COUNT = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*([KMBT]?)$", re.IGNORECASE)
_SCALE = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and (match := _COUNT.match(value.strip())):
        number = Decimal(match.group(1)) * _SCALE[match.group(2).upper()]
        if number > 0 and number == number.to_integral_value():
            return int(number)
    raise _fail("a positive count such as 230M, 25.2B or 12000000000", value)


ParameterCount = Annotated[
    int,
    BeforeValidator(_count),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "integer", "exclusiveMinimum": 0},
                {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?\s*[KMBTkmbt]?$"},
            ],
            "examples": ["230M", "25.2B"],
        }
    ),
]


def _money(value: Any) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))  # str() gives the shortest text that reads back the same
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise _fail("an amount such as 0.06", value) from None
    else:
        raise _fail("an amount such as 0.06", value)
    if not amount.is_finite():
        raise _fail("a finite amount", value)
    if amount < 0:
        raise _fail("an amount of zero or more", value)
    return amount


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    WithJsonSchema({"type": "number", "minimum": 0, "examples": [0.06]}),
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (``2024``, ``2024-06``, ``2024-06-26``)."""

    year: int
    month: int | None = None
    day: int | None = None

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


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise _fail(_DATE_EXPECTED, value)
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

Percent = Annotated[float, Field(ge=0, le=100)]
PositiveInt = Annotated[int, Field(gt=0)]
PositiveFloat = Annotated[float, Field(gt=0, allow_inf_nan=False)]
NonNegativeInt = Annotated[int, Field(ge=0)]
