"""Facets of a model that the index filters by: licence, category, modality, size.

Each model gets one value per facet (a short token, safe as an HTML attribute
value); the index prints them on every row of a model and offers each facet's
values, with how many models have each, as a filter (the category only when the
models have more than one). Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from versus.inputs.fieldtypes import suggest_slug
from versus.inputs.schema import Availability, ModelCard

_B = 10**9
SIZES: tuple[tuple[str, str, int | None], ...] = (
    ("under-1b", "Under 1B parameters", 1 * _B),
    ("1b-10b", "1B to 10B", 10 * _B),
    ("10b-100b", "10B to 100B", 100 * _B),
    ("100b-up", "100B or more", None),
)
"""Size buckets by the largest parameter count a card states: value, label, upper bound."""

CATEGORY_LABELS: dict[Availability, str] = {
    "open-weights": "Open weights",
    "api-only": "API only",
    "research": "Research, no weights released",
}
_MODALITIES = {"vision": "Vision", "multimodal": "Multimodal", "text": "Text"}
_UNKNOWN = ("unknown", "Unknown")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    """How many models have this value."""


@dataclass(frozen=True)
class Facet:
    id: str
    """Also the name of the rows' ``data-`` attribute."""
    label: str
    options: tuple[Option, ...]


def _token(text: str) -> str:
    return suggest_slug(text) or "other"


def largest_parameters(card: ModelCard) -> int | None:
    """The largest parameter count a card states (of its variants, when it has some);
    ``None`` when it states none or does not disclose them."""
    params = card.parameters
    if params is None or not params.disclosed:
        return None
    counts = [v.total for v in params.variants] if params.variants else [params.total]
    known = [count for count in counts if count is not None]
    return max(known) if known else None


def _size(card: ModelCard) -> tuple[str, str]:
    params = card.parameters
    if params is not None and not params.disclosed:
        return ("undisclosed", "Not disclosed")
    largest = largest_parameters(card)
    if largest is None:
        return _UNKNOWN
    for value, label, below in SIZES:
        if below is None or largest < below:
            return (value, label)
    raise AssertionError("the last size bucket has no bound")


def _license(card: ModelCard) -> tuple[str, str]:
    if card.license is None:
        return _UNKNOWN
    return (_token(card.license.spdx or card.license.name), card.license.name)


def model_facets(card: ModelCard) -> dict[str, tuple[str, str]]:
    """Facet id -> (value, label) for one model."""
    return {
        "category": (card.category, CATEGORY_LABELS[card.category]),
        "modality": (card.modality, _MODALITIES[card.modality]),
        "license": _license(card),
        "size": _size(card),
    }


FACET_LABELS = {
    "category": "Category",
    "modality": "Modality",
    "license": "License",
    "size": "Size",
}
_ORDER = {value: place for place, (value, _, _) in enumerate(SIZES)}


def facets(cards: Sequence[ModelCard]) -> tuple[Facet, ...]:
    """Every facet with the values the models have, in a stable order; only the facets
    with two values or more (choosing the one value every model has would hide nothing)."""
    per_model = [model_facets(card) for card in cards]
    result = []
    for facet_id, label in FACET_LABELS.items():
        counts = Counter(values[facet_id][0] for values in per_model)
        labels: dict[str, str] = {}
        for values in per_model:  # one label per value: the first in alphabetical order
            value, text = values[facet_id]
            labels[value] = min(labels.get(value, text), text)
        if facet_id == "size":
            ordered = sorted(counts, key=lambda v: (_ORDER.get(v, len(_ORDER)), v))
        else:
            ordered = sorted(counts, key=lambda v: (v == _UNKNOWN[0], labels[v].lower(), v))
        if len(ordered) < 2:
            continue  # one value for every model: choosing it hides nothing
        options = tuple(Option(value, labels[value], counts[value]) for value in ordered)
        result.append(Facet(facet_id, label, options))
    return tuple(result)


def attributes(card: ModelCard) -> tuple[tuple[str, str], ...]:
    """``(facet id, value)`` pairs to print as ``data-`` attributes on a model's rows."""
    return tuple((facet_id, value) for facet_id, (value, _) in model_facets(card).items())
