"""How numbers, sizes, money and dates read on a page. Pure and exact."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from versus.inputs.fieldtypes import PartialDate
from versus.inputs.schema import Harness

_SCALES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``80.0`` -> ``80``, ``-0`` -> ``0``."""
    return format(value.normalize().copy_abs() if value.is_zero() else value.normalize(), "f")


def round_to(value: Decimal, places: int) -> Decimal:
    """``value`` at ``places`` decimal places; a zero, -0 included, is plain 0."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def count(value: int) -> str:
    """``230000000`` -> ``230M``, ``25200000000`` -> ``25.2B``."""
    larger: tuple[int, str] | None = None
    for scale, suffix in _SCALES:
        if value >= scale:
            rounded = round_to(Decimal(value) / scale, 2)
            if rounded >= 1000 and larger is not None:  # 999_999_999 is 1B, not 1000M
                return _plain(round_to(Decimal(value) / larger[0], 2)) + larger[1]
            return _plain(rounded) + suffix
        larger = (scale, suffix)
    return str(value)


def tokens(value: int) -> str:
    """A context size: ``262144`` -> ``256K``, ``128000`` -> ``128K``, ``2048`` -> ``2K``."""
    # Decimal units first: 128000 is "128K", though it is also 125 x 1024.
    for unit, suffix in ((1_000_000, "M"), (1024 * 1024, "M"), (1000, "K"), (1024, "K")):
        if value >= unit and value % unit == 0:
            if unit == 1000 and value >= 1_000_000 and value % 10_000 == 0:
                break  # 1500000 is "1.5M" as written, not "1500K"
            return f"{value // unit}{suffix}"
    else:
        return f"{value:,}"
    return _plain(Decimal(value) / 1_000_000) + "M"


def percent(value: Decimal, places: int) -> str:
    """``62.686..`` at 2 places -> ``62.69%``; ``80.0`` -> ``80%``."""
    return _plain(round_to(value, places)) + "%"


def _symbol(currency: str) -> str:
    return _SYMBOLS.get(currency, currency + " ")


def price(amount: Decimal, currency: str) -> str:
    """A stated price, every digit kept and at least cents: ``$0.50``, ``$0.075``."""
    exponent = amount.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{_symbol(currency)}{round_to(amount, places)}"


def money(amount: Decimal, currency: str) -> str:
    """A computed amount: two significant figures below 1 (``$0.000088``), cents above."""
    symbol = _symbol(currency)
    if amount == 0:
        return f"{symbol}0"
    if amount < 1:
        shown = round_to(amount, 1 - amount.adjusted())
        if shown < 1:  # 0.999 rounds to 1.0: show it as cents below
            return f"{symbol}{_plain(shown)}"
    return f"{symbol}{round_to(amount, 2)}"


def seconds(value: float) -> str:
    return f"{value + 0.0:.2f} s"  # + 0.0 turns -0.0 into 0.0


def date(value: PartialDate) -> str:
    return value.human()


def signed(value: Decimal, places: int) -> str:
    """A change, its sign always shown: ``+4.48``, ``-3`` (a minus sign, U+2212), ``0``."""
    rounded = round_to(value, places)
    if rounded.is_zero():
        return "0"
    return ("+" if rounded > 0 else "\u2212") + _plain(rounded.copy_abs())


def harness(value: Harness | None) -> str:
    """``lmms-eval 0.3.1``; ``""`` when not given."""
    if value is None:
        return ""
    return f"{value.name} {value.version}" if value.version else value.name


def setting(value: bool | int | float | str) -> str:
    """A setting's value as the file writes it: ``true``, ``0``, ``0.7``, ``greedy``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)  # the shortest that reads back the same: 0.7, 1.0
        return _plain(Decimal(text)) if "e" in text else text
    return str(value)


def settings(values: Mapping[str, bool | int | float | str]) -> str:
    """``temperature: 0, max_tokens: 1024``, in the order written; ``""`` for none."""
    return ", ".join(f"{name}: {setting(value)}" for name, value in values.items())


def join_words(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


class Name(str):
    """A contributor-written name (a model's, a suite's) inside a computed sentence."""


class Sentence(str):
    """A computed sentence that knows which of its parts are names (:class:`Name`).

    As a ``str`` it is the plain text (a meta description, JSON, a test's expectation);
    a page prints each name isolated from the text around it (``<bdi>``), so that a
    right-to-left name cannot reorder the words and figures beside it.
    """

    parts: tuple[str, ...]

    def __new__(cls, *parts: str) -> Sentence:
        sentence = super().__new__(cls, "".join(parts))
        sentence.parts = parts
        return sentence

    def __getnewargs__(self) -> tuple[str, ...]:  # type: ignore[override]
        return self.parts
