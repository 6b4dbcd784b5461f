"""The shape of every input file, as pydantic models.

These models check one file at a time: field names, types, ranges, and rules
that need nothing outside the file. What needs two files (a result naming a
model, a card naming a capability of the taxonomy) is checked in
:mod:`versus.checks`. Unknown keys are errors everywhere, so a misspelt field
name is reported instead of silently ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from versus.fieldtypes import (
    DateText,
    Money,
    NonNegativeInt,
    ParameterCount,
    Percent,
    PositiveFloat,
    PositiveInt,
    Slug,
    Text,
    Url,
)

CapabilityState = Literal["supported", "demo", "no"]
"""What a card states about one capability. A capability it does not name is unknown."""

CAPABILITY_STATES: tuple[CapabilityState, ...] = ("supported", "demo", "no")


class Strict(BaseModel):
    """Base for every schema: frozen, no unknown keys, no silent type coercion."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        use_attribute_docstrings=True,
    )


# --- site configuration (versus.yaml) ---------------------------------------


class CapabilityDef(Strict):
    id: Slug
    """Stable id used as the key under a card's ``capabilities``."""
    label: Text
    """Display label, e.g. ``Object detection``."""
    description: Text | None = None
    """One sentence saying what the capability means."""


class CapabilityGroup(Strict):
    id: Slug
    """Stable id of the group."""
    label: Text
    """Heading shown above the group's rows, e.g. ``Vision tasks``."""
    capabilities: list[CapabilityDef] = Field(min_length=1)
    """The capabilities of this group, in display order."""


class Band(Strict):
    id: Slug
    """Stable id of the band, used as a CSS class (``high``, ``mid``, ``low``)."""
    label: Text
    """How the band is named in the score key, e.g. ``75% or more``."""
    min: Percent
    """Lowest percentage that falls in this band."""


DEFAULT_BANDS = (
    Band(id="high", label="75% or more", min=75),
    Band(id="mid", label="40% to 74%", min=40),
    Band(id="low", label="under 40%", min=0),
)


def _check_bands(bands: Sequence[Band]) -> None:
    mins = [band.min for band in bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        raise PydanticCustomError("versus", "bands must be listed from the highest 'min' down")
    if mins[-1] != 0:
        raise PydanticCustomError(
            "versus", "the last band must have 'min: 0' so every score has a band"
        )


class SiteConfig(Strict):
    title: Text
    """Site name shown in the header and page titles."""
    description: Text
    """One or two sentences about the site, used on the home page."""
    base_url: Url
    """Absolute URL the site is published at, used for canonical links and the sitemap."""
    taxonomy: list[CapabilityGroup] = Field(min_length=1)
    """Capability groups and their capabilities, in display order."""
    bands: list[Band] = Field(default_factory=lambda: list(DEFAULT_BANDS))
    """Score bands, highest first; the last must start at 0."""

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band]) -> list[Band]:
        _check_bands(bands)
        return bands


# --- model cards (models/<id>.yaml) ------------------------------------------


class ParameterVariant(Strict):
    name: Text
    """Name of this size, e.g. ``Florence-2-large``."""
    total: ParameterCount
    """Total parameters, e.g. ``770M``."""
    active: ParameterCount | None = None
    """Parameters active per token, for mixture-of-experts models."""


class Parameters(Strict):
    total: ParameterCount | None = None
    """Total parameters of a model that comes in one size."""
    active: ParameterCount | None = None
    """Parameters active per token (mixture-of-experts)."""
    variants: list[ParameterVariant] = Field(default_factory=list)
    """The sizes of a model family, smallest first; use instead of ``total``."""
    disclosed: bool = True
    """``false`` when the makers have not published a parameter count."""
    note: Text | None = None
    """Anything a reader should know about these figures."""

    @model_validator(mode="after")
    def _one_form(self) -> Parameters:
        if not self.disclosed:
            if self.total is not None or self.variants:
                raise PydanticCustomError(
                    "versus", "give no 'total' or 'variants' when 'disclosed' is false"
                )
        elif (self.total is None) == (not self.variants):
            raise PydanticCustomError(
                "versus",
                "give either 'total' (one size) or 'variants' (a family), not both or neither",
            )
        if self.active is not None and (self.total is None or self.active > self.total):
            raise PydanticCustomError("versus", "'active' needs a 'total' at least as large")
        for variant in self.variants:
            if variant.active is not None and variant.active > variant.total:
                raise PydanticCustomError("versus", "a variant's 'active' exceeds its 'total'")
        return self


class License(Strict):
    name: Text
    """License name as a reader knows it, e.g. ``Apache 2.0`` or ``Gemma Terms of Use``."""
    spdx: Text | None = None
    """SPDX identifier when there is one, e.g. ``Apache-2.0``."""
    url: Url | None = None
    """Where the license text is."""
    note: Text | None = None
    """Anything a reader should know, e.g. that no weights were released."""


class Pricing(Strict):
    currency: Literal["USD", "EUR", "GBP"]
    """Currency of the prices."""
    input_per_million: Money
    """Price per million input tokens."""
    output_per_million: Money
    """Price per million output tokens."""
    as_of: DateText
    """When these prices were read."""
    source: Text
    """Where they were read (a provider or page)."""
    url: Url | None = None
    """Link to the price list."""


class Links(Strict):
    homepage: Url | None = None
    """The model's home or documentation page."""
    paper: Url | None = None
    """The paper or technical report."""
    weights: Url | None = None
    """Where the weights can be downloaded."""
    code: Url | None = None
    """Source code for running or training the model."""


class Source(Strict):
    title: Text
    """What the source is, in a few words."""
    url: Url | None = None
    """Link to it, when it is online."""


class ModelCard(Strict):
    name: Text
    """Display name, e.g. ``Florence-2``."""
    organization: Text
    """Who made the model, e.g. ``Microsoft`` or ``Apple and UIUC``."""
    category: Literal["open", "closed"]
    """``open`` when weights are public, ``closed`` otherwise."""
    modality: Literal["vision", "multimodal", "text"]
    """What the model takes in: images only (``vision``), images and text (``multimodal``)."""
    summary: Text = Field(max_length=200)
    """One sentence about the model, used in lists and page descriptions."""
    description: Text
    """A few paragraphs of Markdown about the model, in your own words."""
    released: DateText | None = None
    """Release date: ``2024-06`` or ``2024-06-26``; omit when unknown."""
    parameters: Parameters | None = None
    """Parameter counts; omit when unknown, ``disclosed: false`` when unpublished."""
    context_window: PositiveInt | None = None
    """Context window in tokens; omit when unknown."""
    license: License | None = None
    """The license of the weights; omit when unknown."""
    pricing: Pricing | None = None
    """Hosted price per million tokens; omit when no price is known."""
    links: Links = Field(default_factory=Links)
    """Links to the model's pages."""
    capabilities: dict[str, CapabilityState] = Field(default_factory=dict)
    """Capability id from ``versus.yaml`` -> ``supported``, ``demo`` (can be tried live) or ``no``."""
    notes: list[Text] = Field(default_factory=list)
    """Caveats about the data on this card."""
    sources: list[Source] = Field(min_length=1)
    """Where the facts on this card come from."""


# --- eval suites (evals/<suite>/suite.yaml) ----------------------------------


class Category(Strict):
    id: Slug
    """Stable id used as the key in result files."""
    label: Text
    """Display label, e.g. ``Object counting``."""
    prompts: PositiveInt
    """How many prompts of the suite belong to this category."""


class Suite(Strict):
    name: Text
    """Display name, e.g. ``Vision Evals``."""
    summary: Text = Field(max_length=200)
    """One sentence about the suite."""
    description: Text
    """Markdown: what the suite tests."""
    methodology: Text
    """Markdown: how runs are made and scored."""
    prompts: PositiveInt
    """Number of prompts in the suite."""
    scoring: Literal["pass/fail"] = "pass/fail"
    """How each prompt is scored."""
    coverage_threshold: Percent = 90
    """Token and cost figures are shown only for runs covering at least this percent of prompts."""
    categories: list[Category] = Field(min_length=1)
    """The categories, in display order; their prompts add up to ``prompts``."""
    source: Source | None = None
    """Who maintains the suite."""
    bands: list[Band] | None = None
    """Score bands for this suite, when they differ from the site's."""

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band] | None) -> list[Band] | None:
        if bands is not None:
            _check_bands(bands)
        return bands


# --- eval results (evals/<suite>/<model-id>.yaml) ----------------------------


class CategoryResult(Strict):
    passed: NonNegativeInt
    """Prompts of this category the model passed."""
    total: PositiveInt
    """Prompts of this category the run covered."""
    percent: Percent | None = None
    """Optional: the percentage as the source states it; checked against passed/total."""


class Result(Strict):
    provenance: Literal["measured", "self-reported"]
    """``measured`` when the suite's maintainers ran it, ``self-reported`` when the makers did."""
    source: Source
    """Where these figures come from."""
    date: DateText | None = None
    """When the run was made; omit when unknown."""
    categories: dict[str, CategoryResult] = Field(min_length=1)
    """Category id from the suite -> passed and total prompts."""
    avg_response_seconds: PositiveFloat | None = None
    """Average response time per prompt in seconds."""
    median_input_tokens: NonNegativeInt | None = None
    """Median input tokens per prompt, image tokens included."""
    median_output_tokens: NonNegativeInt | None = None
    """Median output tokens per prompt, reasoning included."""
    overall_percent: Percent | None = None
    """Optional: the overall score as the source states it; checked against the categories."""
    cost_per_task: Money | None = None
    """Optional: cost per task as the source states it; checked against tokens and pricing."""
    notes: list[Text] = Field(default_factory=list)
    """Caveats about this run."""


__all__ = [
    "CAPABILITY_STATES",
    "DEFAULT_BANDS",
    "Band",
    "CapabilityDef",
    "CapabilityGroup",
    "CapabilityState",
    "Category",
    "CategoryResult",
    "License",
    "Links",
    "ModelCard",
    "ParameterVariant",
    "Parameters",
    "Pricing",
    "Result",
    "SiteConfig",
    "Source",
    "Strict",
    "Suite",
]
