"""The index's filters (versus.join.facets): one safe token per model and facet, counted."""

from __future__ import annotations

import re
from typing import Any

import pytest

from versus.inputs.fieldtypes import is_spdx_expression
from versus.inputs.schema import ModelCard
from versus.join.facets import FACET_LABELS, SIZES, Facet, Option, attributes, facets, model_facets

TOKEN = re.compile(r"[a-z0-9-]+")


def card(name: str = "Model", **fields: Any) -> ModelCard:
    """A valid card; ``fields`` add or replace fields (validated as YAML data would be)."""
    data: dict[str, Any] = {
        "name": name,
        "organization": "Example Lab",
        "category": "open-weights",
        "modality": "vision",
        "summary": "A model for tests.",
        "description": "A model for the tests of the facets.",
        "sources": [{"title": "tests/join/test_facets.py"}],
        **fields,
    }
    return ModelCard.model_validate(data)


def sized(total: int | str) -> ModelCard:
    return card(parameters={"total": total})


def licensed(name: str, spdx: str | None = None) -> ModelCard:
    license_: dict[str, Any] = {"name": name}
    if spdx is not None:
        license_["spdx"] = spdx
    return card(license=license_)


def facet(cards: list[ModelCard], facet_id: str) -> Facet:
    return next(f for f in facets(cards) if f.id == facet_id)


def options(cards: list[ModelCard], facet_id: str) -> list[tuple[str, str, int]]:
    return [(o.value, o.label, o.count) for o in facet(cards, facet_id).options]


# --- size -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "value", "label"),
    [
        (1000, "under-1b", "Under 1B parameters"),  # the least written without a unit
        ("230M", "under-1b", "Under 1B parameters"),
        (999_999_999, "under-1b", "Under 1B parameters"),
        (1_000_000_000, "1b-10b", "1B to 10B"),
        ("1B", "1b-10b", "1B to 10B"),
        (9_999_999_999, "1b-10b", "1B to 10B"),
        (10**10, "10b-100b", "10B to 100B"),
        ("25.2B", "10b-100b", "10B to 100B"),
        (99_999_999_999, "10b-100b", "10B to 100B"),
        (10**11, "100b-up", "100B or more"),
        ("1.8T", "100b-up", "100B or more"),
    ],
)
def test_size_buckets_at_their_bounds(total: int | str, value: str, label: str) -> None:
    assert model_facets(sized(total))["size"] == (value, label)


def test_size_buckets_cover_every_count() -> None:
    bounds = [bound for _, _, bound in SIZES]
    assert bounds[-1] is None
    known = [bound for bound in bounds if bound is not None]
    assert known == sorted(known)


def test_variants_use_the_largest() -> None:
    family = card(
        parameters={
            "variants": [
                {"name": "small", "total": "230M"},
                {"name": "large", "total": "12B", "active": "2B"},
                {"name": "medium", "total": "770M"},
            ]
        }
    )
    assert model_facets(family)["size"] == ("10b-100b", "10B to 100B")


def test_variants_all_small() -> None:
    family = card(
        parameters={
            "variants": [{"name": "base", "total": "230M"}, {"name": "large", "total": "770M"}]
        }
    )
    assert model_facets(family)["size"] == ("under-1b", "Under 1B parameters")


def test_active_parameters_do_not_set_the_size() -> None:
    moe = card(parameters={"total": "120B", "active": "5B"})
    assert model_facets(moe)["size"] == ("100b-up", "100B or more")


def test_undisclosed_size() -> None:
    secret = card(parameters={"disclosed": False, "note": "Not published."})
    assert model_facets(secret)["size"] == ("undisclosed", "Not disclosed")


def test_unknown_size_without_parameters() -> None:
    assert model_facets(card())["size"] == ("unknown", "Unknown")


# --- license --------------------------------------------------------------------------


def test_license_token_from_spdx() -> None:
    assert model_facets(licensed("Apache 2.0", "Apache-2.0"))["license"] == (
        "apache-2-0",
        "Apache 2.0",
    )


def test_license_token_from_the_name_without_spdx() -> None:
    assert model_facets(licensed("Gemma Terms of Use"))["license"] == (
        "gemma-terms-of-use",
        "Gemma Terms of Use",
    )


def test_spdx_wins_over_the_name() -> None:
    value, label = model_facets(licensed("The MIT License (Expat)", "MIT"))["license"]
    assert (value, label) == ("mit", "The MIT License (Expat)")


def test_one_license_written_two_ways_is_one_value() -> None:
    # Named alike, with or without an SPDX id: one option of two models.
    cards = [licensed("Apache 2.0", "Apache-2.0"), licensed("Apache 2.0"), licensed("MIT", "MIT")]
    assert {model_facets(c)["license"][0] for c in cards[:2]} == {"apache-2-0"}
    assert options(cards, "license") == [("apache-2-0", "Apache 2.0", 2), ("mit", "MIT", 1)]


def test_unknown_license() -> None:
    assert model_facets(card())["license"] == ("unknown", "Unknown")


# --- options --------------------------------------------------------------------------


def test_facets_in_order_with_their_labels() -> None:
    other = card(
        category="research", modality="text", license={"name": "MIT"}, parameters={"total": "2B"}
    )
    result = facets([card(), other])
    assert [(f.id, f.label) for f in result] == list(FACET_LABELS.items())
    assert [f.id for f in result] == ["category", "modality", "license", "size"]


def test_no_models_no_options() -> None:
    assert all(f.options == () for f in facets([]))


def test_a_filter_with_one_value_for_every_model_is_not_offered() -> None:
    # choosing the only value would hide nothing: here one category ("open" is read as
    # open-weights), one license and one size (all unknown), two modalities
    cards = [card(), card(category="open"), card(modality="text")]
    assert [f.id for f in facets(cards)] == ["modality"]


def test_each_category_is_its_own_value() -> None:
    cards = [
        card(category="research"),
        card(category="open-weights"),
        card(category="api-only"),
        card(category="open"),  # the former value, read as open-weights
    ]
    assert options(cards, "category") == [
        ("api-only", "API only", 1),
        ("open-weights", "Open weights", 2),
        ("research", "Research, no weights released", 1),
    ]


def test_category_and_modality_options() -> None:
    cards = [
        card(category="api-only", modality="multimodal"),
        card(category="open-weights", modality="vision"),
        card(category="open-weights", modality="text"),
        card(category="open-weights", modality="multimodal"),
    ]
    assert options(cards, "category") == [
        ("api-only", "API only", 1),
        ("open-weights", "Open weights", 3),
    ]
    assert options(cards, "modality") == [
        ("multimodal", "Multimodal", 2),
        ("text", "Text", 1),
        ("vision", "Vision", 1),
    ]


def test_license_options_by_label_unknown_last() -> None:
    cards = [
        card(),
        licensed("MIT", "MIT"),
        licensed("apache 2.0", "Apache-2.0"),
        card(),
        licensed("Gemma Terms of Use"),
        licensed("MIT License", "MIT"),
        licensed("Custom"),
    ]
    assert options(cards, "license") == [
        ("apache-2-0", "apache 2.0", 1),  # sorted without regard to case
        ("custom", "Custom", 1),
        ("gemma-terms-of-use", "Gemma Terms of Use", 1),
        ("mit", "MIT", 2),  # the first label in alphabetical order
        ("unknown", "Unknown", 2),
    ]


def test_a_license_sorting_after_unknown_still_comes_before_it() -> None:
    cards = [card(), licensed("Zeta License")]
    assert [value for value, _, _ in options(cards, "license")] == ["zeta-license", "unknown"]


def test_size_options_in_bucket_order_then_undisclosed_then_unknown() -> None:
    cards = [
        card(),
        sized("200B"),
        card(parameters={"disclosed": False}),
        sized("3B"),
        sized("500M"),
        sized("25B"),
        sized("7B"),
        card(),
    ]
    assert options(cards, "size") == [
        ("under-1b", "Under 1B parameters", 1),
        ("1b-10b", "1B to 10B", 2),
        ("10b-100b", "10B to 100B", 1),
        ("100b-up", "100B or more", 1),
        ("undisclosed", "Not disclosed", 1),
        ("unknown", "Unknown", 2),
    ]


def test_only_sizes_some_model_has_are_offered() -> None:
    assert options([sized("200B"), sized("300M")], "size") == [
        ("under-1b", "Under 1B parameters", 1),
        ("100b-up", "100B or more", 1),
    ]


def test_counts_add_up_to_the_models() -> None:
    cards = [sized("1B"), licensed("MIT", "MIT"), card(category="api-only"), card()]
    for result in facets(cards):
        assert sum(option.count for option in result.options) == len(cards), result.id
        assert len({option.value for option in result.options}) == len(result.options)


def test_options_do_not_depend_on_the_order_of_the_models() -> None:
    cards = [licensed("MIT License", "MIT"), sized("2B"), licensed("MIT", "MIT"), card()]
    assert facets(cards) == facets(list(reversed(cards)))


def test_options_are_values() -> None:
    assert facet([sized("2B"), card()], "size").options == (
        Option("1b-10b", "1B to 10B", 1),
        Option("unknown", "Unknown", 1),
    )


# --- attributes -----------------------------------------------------------------------


def test_attributes_follow_the_facets() -> None:
    gemma = card(
        category="open-weights",
        modality="multimodal",
        license={"name": "Apache 2.0", "spdx": "Apache-2.0"},
        parameters={"total": "12B"},
    )
    assert attributes(gemma) == (
        ("category", "open-weights"),
        ("modality", "multimodal"),
        ("license", "apache-2-0"),
        ("size", "10b-100b"),
    )


HOSTILE = [
    '" onmouseover="alert(1)',
    "'><script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "Lizenz für Ärzte — ©2024",
    "\u0130stanbul Lisans\u0131",  # İ lower-cases to "i" and a combining dot
    "\u212a license",  # the Kelvin sign lower-cases to an ASCII "k"
    "日本語のライセンス",
    "🙂",
    "---",
    "   spaced   out   ",
    # line breaks, tabs and NUL are refused by the schema (tests/inputs/test_fieldtypes.py)
    "non\u00a0breaking\u2003spaces",
    "zero\u200bwidth\u200djoiner",
    "UPPER_CASE.v2",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_attribute_values_are_safe_tokens_for_hostile_license_names(name: str) -> None:
    # an spdx field takes only what has the shape of an SPDX expression
    spdx = [{"name": "Fine", "spdx": name}] if is_spdx_expression(name) else []
    for license_ in ({"name": name}, *spdx):
        values = dict(attributes(card(license=license_)))
        for facet_id, value in values.items():
            assert TOKEN.fullmatch(value), (facet_id, value)
            assert not value.startswith("-"), value
            assert not value.endswith("-"), value


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ('" onmouseover="alert(1)', "onmouseover-alert-1"),
        ("</script><script>alert(2)</script>", "script-script-alert-2-script"),
        ("Lizenz für Ärzte", "lizenz-f-r-rzte"),
        ("日本語のライセンス", "other"),
        ("---", "other"),
        ("UPPER_CASE.v2", "upper-case-v2"),
    ],
)
def test_hostile_license_tokens(name: str, token: str) -> None:
    value, label = model_facets(licensed(name))["license"]
    assert (value, label) == (token, name)


def test_hostile_label_is_kept_as_text_for_the_template_to_escape() -> None:
    hostile = "<b>Bold</b> & co"
    option, _ = facet([licensed(hostile), licensed("MIT", "MIT")], "license").options
    assert option == Option("b-bold-b-co", hostile, 1)


def test_facet_ids_are_safe_attribute_names() -> None:
    for facet_id in FACET_LABELS:
        assert TOKEN.fullmatch(facet_id)
    for value, _, _ in SIZES:
        assert TOKEN.fullmatch(value)
