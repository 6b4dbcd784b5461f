"""The shape of every input file, as pydantic models.

These models check one file at a time: field names, types, ranges, and rules
that need nothing outside the file. What needs two files (a result naming a
model, a card naming a capability of the taxonomy) is checked in
:mod:`versus.inputs.checks`. Unknown keys are errors everywhere, so a misspelt field
name is reported instead of silently ignored.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator
from pydantic_core import PydanticCustomError

from versus.inputs.fieldtypes import (
    AT,
    Answer,
    AnswerSeconds,
    ContextWindow,
    DateText,
    HttpsUrl,
    ImageRef,
    LongText,
    MarkdownText,
    Money,
    Name,
    ParameterCount,
    PassedCount,
    Percent,
    PromptCount,
    Prose,
    Score,
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
)
from versus.inputs.problems import did_you_mean
from versus.urls import site_base

CapabilityState = Literal["supported", "demo", "no"]
"""What a card states about one capability. A capability it does not name is unknown."""

CAPABILITY_STATES: tuple[CapabilityState, ...] = ("supported", "demo", "no")

Availability = Literal["open-weights", "api-only", "research"]
"""How a model can be had: its weights, a provider's API, or a paper only."""

AVAILABILITIES: tuple[Availability, ...] = ("open-weights", "api-only", "research")

_FORMER_CATEGORIES: dict[str, Availability] = {"open": "open-weights"}
"""Values of ``category`` from before it had three, read as their one meaning (``open``
was documented as "weights are public"). ``closed`` is not here: it meant either
``api-only`` or ``research``, so a card giving it must choose."""


def _with_former(schema: dict[str, Any]) -> None:
    """The JSON Schema of ``category``: editors accept what versus reads, the former values
    too, marked deprecated."""
    schema["anyOf"] = [
        {"enum": schema.pop("enum")},
        {"enum": list(_FORMER_CATEGORIES), "deprecated": True},
    ]


class Strict(BaseModel):
    """Base for every schema: frozen, no unknown keys, no silent type coercion.

    The docstring under each field documents it for people: the JSON Schemas and the
    comments of new files take it from the source (:mod:`versus.authoring.fielddocs`).
    """

    # No use_attribute_docstrings: pydantic would parse this module's source on every build.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


GIVEN_ELSEWHERE: dict[str, tuple[str, ...]] = {
    "Suite": ("prompts",),
    "Category": ("prompts",),
    "Result": ("categories",),
}
"""Required fields that another file may give instead, by model: a suite's counts come
from its prompt list, a result's categories from its outcomes. The loader fills them in
from that file (and requires them without it); their JSON Schemas do not require them."""


def _not_required(model: str) -> Callable[[dict[str, Any]], None]:
    """A JSON Schema hook leaving the fields :data:`GIVEN_ELSEWHERE` names out of
    ``required``: an editor cannot see the other file that gives them."""

    def edit(schema: dict[str, Any]) -> None:
        names = GIVEN_ELSEWHERE[model]
        schema["required"] = [name for name in schema.get("required", []) if name not in names]

    return edit


# --- site configuration (versus.yaml) ---------------------------------------


class CapabilityDef(Strict):
    id: Slug = Field(examples=["object-detection"])
    """Stable id used as the key under a card's ``capabilities``."""
    label: Text = Field(examples=["Object detection"])
    """Display label, e.g. ``Object detection``."""
    description: Text | None = Field(
        default=None, examples=["Finds objects of known classes and draws boxes around them."]
    )
    """One sentence saying what the capability means."""


class CapabilityGroup(Strict):
    id: Slug = Field(examples=["vision-tasks"])
    """Stable id of the group."""
    label: Text = Field(examples=["Vision tasks"])
    """Heading shown above the group's rows, e.g. ``Vision tasks``."""
    capabilities: list[CapabilityDef] = Field(
        min_length=1,
        examples=[
            [
                {"id": "captioning", "label": "Image captioning"},
                {"id": "ocr", "label": "OCR", "description": "Reads text in an image."},
            ]
        ],
    )
    """The capabilities of this group, in display order."""


class Band(Strict):
    id: Slug = Field(examples=["high"])
    """Stable id of the band, used as a CSS class (``high``, ``mid``, ``low``)."""
    label: Text = Field(examples=["75% or more"])
    """How the band is named in the score key, e.g. ``75% or more``."""
    min: Percent = Field(examples=[75])
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


PAIR_RULES = ("auto", "all", "shared-suite")
"""The rules of ``pairs`` written as one word."""

AUTO_ALL_PAIRS = 20_000
"""``pairs: auto`` gives every pair a page while there are at most this many pairs (a
catalog of 200 models has 19,900)..."""
AUTO_TOP = 100
"""...and past that, the pairs among the top this many of a leaderboard."""

PairIds = Annotated[list[Slug], Field(min_length=2, max_length=2)]


def _pairs_schema(schema: dict[str, Any]) -> None:
    """``pairs`` as an editor sees it: one of the one-word rules, or the mapping."""
    ref = schema.pop("$ref", None) or schema.pop("allOf")[0]["$ref"]
    schema["anyOf"] = [{"type": "string", "enum": list(PAIR_RULES)}, {"$ref": ref}]


class PairsSetting(Strict):
    """Which pairs of models have a comparison page of their own: ``auto`` (left out),
    ``all``, ``shared-suite``, ``{top: K}`` or ``{list: [[a, b], ...]}``. Every other
    pair is compared on the compare page (``compare/?m=a,b``), with the same tables."""

    all: bool = Field(default=False, examples=[True])
    """Every pair (``pairs: all``)."""
    shared_suite: bool = Field(default=False, examples=[True])
    """The pairs of models that both have a result on some suite (``pairs: shared-suite``)."""
    top: int | None = Field(default=None, ge=1, examples=[50])
    """The pairs of models both ranked this high or higher on one suite's leaderboard (ties at the cut included)."""
    list: builtins.list[PairIds] | None = Field(
        default=None,
        min_length=1,
        examples=[[["florence-2", "paligemma"], ["gemma-4-12b", "gemma-4-26b-a4b"]]],
    )
    """These pairs, each two model ids."""

    @model_validator(mode="before")
    @classmethod
    def _one_word(cls, data: Any) -> Any:
        if not isinstance(data, str):
            return data
        if data == "auto":
            return {}
        if data == "all":
            return {"all": True}
        if data == "shared-suite":
            return {"shared_suite": True}
        raise PydanticCustomError(
            "versus",
            "expected auto, all, shared-suite, {top: K} or {list: [[a, b], ...]}; got {got}",
            {"got": repr(data), "hint": did_you_mean(data, PAIR_RULES)},
        )

    @model_validator(mode="after")
    def _one_rule(self) -> PairsSetting:
        given = [name for name in ("all", "shared_suite", "top", "list") if self.given(name)]
        if len(given) > 1:
            raise PydanticCustomError(
                "versus",
                "give one rule of which pairs get a page; got {given}",
                {"given": " and ".join(given)},
            )
        return self

    def given(self, name: str) -> bool:
        value = {
            "all": self.all,
            "shared_suite": self.shared_suite,
            "top": self.top,
            "list": self.list,
        }[name]
        return value is not None and value is not False

    @property
    def rule(self) -> str:
        """``auto``, ``all``, ``shared-suite``, ``top`` or ``list``."""
        for name in ("all", "shared_suite", "top", "list"):
            if self.given(name):
                return name.replace("_", "-")
        return "auto"


Host = Literal["github-pages", "cloudflare-pages", "cloudflare-pages-paid", "gitlab-pages"]
"""A static host whose limits a build knows (:mod:`versus.build.hosts`)."""


class SiteConfig(Strict):
    title: Name = Field(examples=["versus"])
    """Site name shown in the header and page titles."""
    description: Prose = Field(
        examples=["Side-by-side comparisons of vision and vision-language models."]
    )
    """One or two sentences about the site, used on the home page."""
    base_url: Url = Field(examples=["https://versus.example.org/"])
    """Absolute URL the site is published at, used for canonical links and the sitemap."""
    notice: Text | None = Field(
        default=None,
        examples=["Example data: every model, prompt and figure on this site is synthetic."],
    )
    """Optional: one line of plain text printed under the header of every page, such as a warning that the data is made up; omit for none."""
    taxonomy: list[CapabilityGroup] = Field(
        min_length=1,
        examples=[
            [
                {
                    "id": "vision-tasks",
                    "label": "Vision tasks",
                    "capabilities": [{"id": "ocr", "label": "OCR"}],
                }
            ]
        ],
    )
    """Capability groups and their capabilities, in display order."""
    bands: list[Band] = Field(
        default_factory=lambda: list(DEFAULT_BANDS),
        examples=[
            [
                {"id": "high", "label": "75% or more", "min": 75},
                {"id": "mid", "label": "40% to 74%", "min": 40},
                {"id": "low", "label": "under 40%", "min": 0},
            ]
        ],
    )
    """Score bands, highest first; the last must start at 0."""
    search: bool = Field(default=True, examples=[False])
    """Optional: whether every page has a search box, indexed by Pagefind after the pages are built (true when left out); false builds no search index."""
    pairs: PairsSetting = Field(
        default_factory=PairsSetting,
        examples=["all", "shared-suite", {"top": 50}, {"list": [["florence-2", "paligemma"]]}],
        json_schema_extra=_pairs_schema,
    )
    """Optional: which pairs of models get a comparison page of their own; every other pair is compared on the compare page (compare/?m=a,b) with the same tables. auto (when left out): every pair while there are at most 20,000, else the pairs among the top 100 of a leaderboard; all; shared-suite (pairs with a result on a common suite); {top: K} (pairs among the top K of a leaderboard); {list: [[a, b], ...]}."""
    host: Host | None = Field(default=None, examples=["github-pages"])
    """Optional: the static host the site is published on; the build refuses a site over its limits (total size, file count, largest file). Left out, the build warns when the site fits no longer on a host it knows."""

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band]) -> list[Band]:
        _check_bands(bands)
        return bands

    @field_validator("base_url")
    @classmethod
    def _base_url_normalised(cls, base_url: str) -> str:
        """One spelling for every reader of the config (:func:`versus.urls.site_base`):
        ``https://host.example/sub`` is ``https://host.example/sub/``, as a page's links,
        its canonical URL and the data files all need it."""
        if "?" in base_url or "#" in base_url:
            raise PydanticCustomError(
                "versus",
                "expected the address the site is published at, without a ?query or "
                "#fragment; got {got}",
                {"got": describe(base_url)},
            )
        return site_base(base_url)


# --- model cards (models/<id>.yaml) ------------------------------------------


class ParameterVariant(Strict):
    name: Name = Field(examples=["Florence-2-large"])
    """Name of this size, e.g. ``Florence-2-large``."""
    total: ParameterCount = Field(examples=["770M"])
    """Total parameters, e.g. ``770M``."""
    active: ParameterCount | None = Field(default=None, examples=["3.8B"])
    """Parameters active per token, for mixture-of-experts models."""


class Parameters(Strict):
    total: ParameterCount | None = Field(default=None, examples=["25.2B"])
    """Total parameters of a model that comes in one size."""
    active: ParameterCount | None = Field(default=None, examples=["3.8B"])
    """Parameters active per token (mixture-of-experts)."""
    variants: list[ParameterVariant] = Field(
        default_factory=list,
        examples=[
            [
                {"name": "Florence-2-base", "total": "230M"},
                {"name": "Florence-2-large", "total": "770M"},
            ]
        ],
    )
    """The sizes of a model family, smallest first; use instead of ``total``."""
    disclosed: bool = Field(default=True, examples=[False])
    """``false`` when the makers have not published a parameter count."""
    note: Prose | None = Field(default=None, examples=["Both sizes are approximate."])
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
            raise PydanticCustomError(
                "versus", "'active' needs a 'total' at least as large", {AT: ("active",)}
            )
        for index, variant in enumerate(self.variants):
            if variant.active is not None and variant.active > variant.total:
                raise PydanticCustomError(
                    "versus",
                    "a variant's 'active' exceeds its 'total'",
                    {AT: ("variants", index, "active")},
                )
        return self


class License(Strict):
    name: Text = Field(examples=["Apache 2.0"])
    """License name as a reader knows it, e.g. ``Apache 2.0`` or ``Gemma Terms of Use``."""
    spdx: SpdxExpression | None = Field(default=None, examples=["Apache-2.0"])
    """SPDX identifier when there is one, e.g. ``Apache-2.0`` or ``MIT OR Apache-2.0`` (https://spdx.org/licenses/); omit it for a license that has none."""
    url: Url | None = Field(default=None, examples=["https://www.apache.org/licenses/LICENSE-2.0"])
    """Where the license text is."""
    note: Prose | None = Field(default=None, examples=["The weights have not been released."])
    """Anything a reader should know, e.g. that no weights were released."""


class Pricing(Strict):
    currency: Literal["USD", "EUR", "GBP"] = Field(examples=["USD"])
    """Currency of the prices."""
    input_per_million: Money = Field(examples=[0.06])
    """Price per million input tokens."""
    output_per_million: Money = Field(examples=[0.33])
    """Price per million output tokens."""
    as_of: DateText | None = Field(default=None, examples=["2026-11"])
    """The date the price list gives for these prices; omit when it gives none (pages then say so, and ``read`` says when they were read)."""
    source: Text = Field(examples=["OpenRouter"])
    """Where they were read (a provider or page)."""
    url: Url | None = Field(default=None, examples=["https://openrouter.ai/models"])
    """Link to the price list."""
    read: DateText | None = Field(default=None, examples=["2026-11-22"])
    """When the price list was read; omit when unknown."""


class Links(Strict):
    homepage: Url | None = Field(default=None, examples=["https://ai.google.dev/gemma"])
    """The model's home or documentation page."""
    paper: Url | None = Field(default=None, examples=["https://arxiv.org/abs/2311.06242"])
    """The paper or technical report."""
    weights: Url | None = Field(
        default=None, examples=["https://huggingface.co/microsoft/Florence-2-large"]
    )
    """Where the weights can be downloaded."""
    code: Url | None = Field(
        default=None, examples=["https://github.com/google-research/big_vision"]
    )
    """Source code for running or training the model."""
    demo: HttpsUrl | None = Field(default=None, examples=["https://demo.example.org/florence-2"])
    """Where the model can be tried live (an https URL): every capability the card marks ``demo`` links it, unless ``demos`` gives that capability its own address."""


class Source(Strict):
    title: Text = Field(examples=["Florence-2 technical report"])
    """What the source is, in a few words."""
    url: Url | None = Field(default=None, examples=["https://arxiv.org/abs/2311.06242"])
    """Link to it, when it is online."""
    read: DateText | None = Field(default=None, examples=["2026-11-22"])
    """When it was read (the figures taken from it are as of then); omit when unknown."""


class ModelCard(Strict):
    name: Name = Field(examples=["Florence-2"])
    """Display name, e.g. ``Florence-2``."""
    organization: Text = Field(examples=["Microsoft"])
    """Who made the model, e.g. ``Microsoft`` or ``Apple and UIUC``."""
    category: Availability = Field(examples=["open-weights"], json_schema_extra=_with_former)
    """``open-weights`` when anyone can download the weights, ``api-only`` when the model is used through a provider's API and its weights are not public, ``research`` when it is published (a paper) without weights or a public API. ``open``, the value before these three, is read as ``open-weights``."""
    modality: Literal["vision", "multimodal", "text"] = Field(examples=["multimodal"])
    """What the model takes in: images only (``vision``), images and text (``multimodal``), text only (``text``)."""
    summary: Text = Field(
        examples=["Microsoft's compact open vision model for captioning, detection and OCR."],
    )
    """One sentence about the model, used in lists and page descriptions."""
    description: MarkdownText = Field(
        examples=["Florence-2 is a vision foundation model from Microsoft Research."]
    )
    """A few paragraphs of Markdown about the model, in your own words."""
    released: DateText | None = Field(default=None, examples=["2024-06"])
    """Release date: ``2024-06`` or ``2024-06-26``; omit when unknown."""
    parameters: Parameters | None = Field(
        default=None,
        examples=[{"total": "25.2B", "active": "3.8B"}, {"disclosed": False}],
    )
    """Parameter counts; omit when unknown, ``disclosed: false`` when unpublished."""
    context_window: ContextWindow | None = Field(default=None, examples=[262144])
    """Context window in tokens; omit when unknown."""
    license: License | None = Field(
        default=None,
        examples=[
            {
                "name": "Apache 2.0",
                "spdx": "Apache-2.0",
                "url": "https://www.apache.org/licenses/LICENSE-2.0",
            }
        ],
    )
    """The license of the weights; omit when unknown."""
    pricing: Pricing | None = Field(
        default=None,
        examples=[
            {
                "currency": "USD",
                "input_per_million": 0.06,
                "output_per_million": 0.33,
                "as_of": "2026-11",
                "source": "OpenRouter",
            }
        ],
    )
    """Hosted price per million tokens; omit when no price is known."""
    links: Links = Field(
        default_factory=Links,
        examples=[
            {
                "paper": "https://arxiv.org/abs/2311.06242",
                "weights": "https://huggingface.co/microsoft/Florence-2-large",
            }
        ],
    )
    """Links to the model's pages."""
    capabilities: dict[str, CapabilityState] = Field(
        default_factory=dict,
        examples=[{"captioning": "demo", "ocr": "supported", "instance-segmentation": "no"}],
        json_schema_extra={"type": ["object", "null"]},
    )
    """Capability id from ``versus.yaml`` -> ``supported``, ``demo`` (can be tried live) or ``no``."""
    demos: dict[str, HttpsUrl] = Field(
        default_factory=dict,
        examples=[{"ocr": "https://demo.example.org/florence-2/ocr"}],
    )
    """Capability id -> where it can be tried live (an https URL), for capabilities marked ``demo`` that have their own address; ``links.demo`` serves the others."""
    notes: list[Prose] = Field(
        default_factory=list,
        examples=[["This card covers the original PaliGemma, not PaliGemma 2."]],
    )
    """Caveats a reader should know about the model itself, shown with the card's sources."""
    data_notes: list[Prose] = Field(
        default_factory=list,
        examples=[["The organization cell is empty in the source table."]],
    )
    """How the data on this card was gathered: what a source lacked, how a figure was derived or reconciled. Plain text, shown in a collapsed "Data notes" section at the end of the model's pages, never in the description."""
    sources: list[Source] = Field(
        min_length=1,
        examples=[
            [{"title": "Florence-2 technical report", "url": "https://arxiv.org/abs/2311.06242"}]
        ],
    )
    """Where the facts on this card come from."""

    @field_validator("capabilities", mode="before")
    @classmethod
    def _none_stated(cls, value: object) -> object:
        # `capabilities:` with each line under it commented out, as `versus new model` writes it
        return {} if value is None else value

    @field_validator("category", mode="before")
    @classmethod
    def _former_category(cls, value: object) -> object:
        if value == "closed":
            raise PydanticCustomError(
                "versus",
                "'closed' no longer says enough; expected one of {choices}",
                {
                    "choices": ", ".join(AVAILABILITIES),
                    "hint": "use 'api-only' when the model is used through a provider's API, "
                    "'research' when only a paper was published",
                },
            )
        if isinstance(value, str):
            return _FORMER_CATEGORIES.get(value, value)
        return value


# --- eval suites (evals/<suite>/suite.yaml) ----------------------------------


class Category(Strict):
    model_config = ConfigDict(json_schema_extra=_not_required("Category"))

    id: Slug = Field(examples=["object-counting"])
    """Stable id used as the key in result files."""
    label: Text = Field(examples=["Object counting"])
    """Display label, e.g. ``Object counting``."""
    prompts: PromptCount = Field(examples=[10])
    """How many prompts of the suite belong to this category; omit it when the suite lists its prompts (``prompts.yaml`` or ``prompts.jsonl``): versus counts them."""


class Suite(Strict):
    model_config = ConfigDict(json_schema_extra=_not_required("Suite"))

    name: Name = Field(examples=["Vision Evals"])
    """Display name, e.g. ``Vision Evals``."""
    summary: Text = Field(examples=["67 pass/fail image prompts in five categories."])
    """One sentence about the suite."""
    description: MarkdownText = Field(
        examples=["Vision Evals puts the same 67 image prompts to every model."]
    )
    """Markdown: what the suite tests."""
    methodology: MarkdownText = Field(examples=["Each prompt is scored pass or fail."])
    """Markdown: how runs are made and scored."""
    prompts: PromptCount = Field(examples=[67])
    """Number of prompts in the suite; omit it when the suite lists its prompts (``prompts.yaml`` or ``prompts.jsonl``): versus counts them."""
    scoring: Literal["pass/fail"] = Field(default="pass/fail", examples=["pass/fail"])
    """How each prompt is scored."""
    coverage_threshold: Percent = Field(default=90, examples=[90])
    """Token and cost figures are shown only for runs covering at least this percent of prompts: 90 for 90% (a fraction such as 0.9 is refused), 0 to show them for every run."""
    categories: list[Category] = Field(
        min_length=1,
        examples=[
            [
                {"id": "object-counting", "label": "Object counting", "prompts": 10},
                {"id": "document-understanding", "label": "Document understanding", "prompts": 9},
            ]
        ],
    )
    """The categories, in display order; their prompts add up to ``prompts``."""
    source: Source | None = Field(
        default=None, examples=[{"title": "Roboflow Playground vision evals"}]
    )
    """Who maintains the suite."""
    bands: list[Band] | None = Field(
        default=None,
        examples=[
            [
                {"id": "high", "label": "60% or more", "min": 60},
                {"id": "low", "label": "under 60%", "min": 0},
            ]
        ],
    )
    """Score bands for this suite, when they differ from the site's."""

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band] | None) -> list[Band] | None:
        if bands is not None:
            _check_bands(bands)
        return bands


# --- eval results (evals/<suite>/<model-id>.yaml) ----------------------------


class CategoryResult(Strict):
    passed: PassedCount = Field(examples=[12])
    """Prompts of this category the model passed."""
    total: PromptCount = Field(examples=[15])
    """Prompts of this category the run covered."""
    percent: StatedPercent | None = Field(default=None, examples=[80])
    """Optional: the percentage as the source states it; checked against passed/total."""


class Harness(Strict):
    name: Name = Field(examples=["lmms-eval"])
    """The program that ran the prompts, e.g. ``lmms-eval``."""
    version: VersionText | None = Field(default=None, examples=["0.3.1"])
    """Its version, as text: quote a number (``"1.10"``) so YAML keeps its digits."""


MAX_SETTINGS = 40
"""The most settings one run may list."""
MAX_EARLIER_RUNS = 100
"""The most earlier runs one result may list."""

_SETTINGS_EXAMPLE: dict[str, object] = {"temperature": 0, "max_tokens": 1024}


class EarlierRun(Strict):
    """A run made before the one a result's top level gives, known by its category totals.

    Pages show the result's top level, its newest run; the model page lists earlier runs
    with their figures. An earlier run gives category totals, never outcomes.
    """

    date: DateText = Field(examples=["2025-11"])
    """When the run was made; before the date of the result's top level."""
    harness: Harness | None = Field(
        default=None, examples=[{"name": "lmms-eval", "version": "0.2.4"}]
    )
    """The program and version that ran it; omit when unknown."""
    settings: dict[SettingName, SettingValue] = Field(
        default_factory=dict, max_length=MAX_SETTINGS, examples=[{"temperature": 0.7}]
    )
    """Setting name -> value the run was made with (``temperature: 0``), printed as written."""
    source: Source | None = Field(
        default=None, examples=[{"title": "Roboflow Playground, 2025 edition"}]
    )
    """Where this run's figures come from; omit when it is the top level's source."""
    categories: dict[str, CategoryResult] = Field(
        min_length=1,
        examples=[{"defect-detection": {"passed": 10, "total": 15}}],
    )
    """Category id from the suite -> passed and total prompts of this run."""
    avg_response_seconds: Seconds | None = Field(default=None, examples=[31.5])
    """Average response time per prompt in seconds."""
    median_input_tokens: TokenSize | None = Field(default=None, examples=[294])
    """Median input tokens per prompt, image tokens included."""
    median_output_tokens: TokenSize | None = Field(default=None, examples=[230])
    """Median output tokens per prompt, reasoning included."""
    overall_percent: StatedPercent | None = Field(default=None, examples=[66.67])
    """Optional: the overall score as the source states it; checked against the categories."""
    cost_per_task: Money | None = Field(default=None, examples=[0.0001])
    """Optional: cost per task as the source states it; checked against tokens and the card's pricing."""
    notes: list[Prose] = Field(
        default_factory=list, examples=[["Run before the prompts were revised."]]
    )
    """Caveats about this run."""


class Result(Strict):
    """One model's runs on one suite: the top level is the newest run, the one pages show;
    ``earlier_runs`` lists the runs before it."""

    model_config = ConfigDict(json_schema_extra=_not_required("Result"))

    provenance: Literal["measured", "self-reported"] = Field(examples=["measured"])
    """``measured`` when the suite's maintainers ran it, ``self-reported`` when the makers did."""
    source: Source = Field(
        examples=[{"title": "Roboflow Playground", "url": "https://playground.roboflow.com/"}]
    )
    """Where these figures come from."""
    date: DateText | None = Field(default=None, examples=["2026-05"])
    """When the run was made; omit when unknown (a result with earlier runs must give it)."""
    harness: Harness | None = Field(
        default=None, examples=[{"name": "lmms-eval", "version": "0.3.1"}]
    )
    """The program and version that ran it; omit when unknown."""
    settings: dict[SettingName, SettingValue] = Field(
        default_factory=dict, max_length=MAX_SETTINGS, examples=[_SETTINGS_EXAMPLE]
    )
    """Setting name -> value the run was made with (``temperature: 0``), printed as written."""
    categories: dict[str, CategoryResult] = Field(
        min_length=1,
        examples=[
            {
                "defect-detection": {"passed": 12, "total": 15},
                "document-understanding": {"passed": 8, "total": 9},
            }
        ],
    )
    """Category id from the suite -> passed and total prompts; omit it when the run gives its outcomes (``<model-id>.outcomes.jsonl``): versus computes them."""
    avg_response_seconds: Seconds | None = Field(default=None, examples=[30.23])
    """Average response time per prompt in seconds; computed from the outcomes' ``seconds`` when they give them."""
    median_input_tokens: TokenSize | None = Field(default=None, examples=[294])
    """Median input tokens per prompt, image tokens included; computed from the outcomes' ``input_tokens`` when they give them."""
    median_output_tokens: TokenSize | None = Field(default=None, examples=[214])
    """Median output tokens per prompt, reasoning included; computed from the outcomes' ``output_tokens`` when they give them."""
    overall_percent: StatedPercent | None = Field(default=None, examples=[68.66])
    """Optional: the overall score as the source states it; checked against the categories."""
    cost_per_task: Money | None = Field(default=None, examples=[0.0001])
    """Optional: cost per task as the source states it; checked against tokens and pricing."""
    notes: list[Prose] = Field(
        default_factory=list, examples=[["The sources do not give the date of this run."]]
    )
    """Caveats about this run."""
    earlier_runs: list[EarlierRun] = Field(
        default_factory=list,
        max_length=MAX_EARLIER_RUNS,
        examples=[
            [
                {
                    "date": "2025-11",
                    "harness": {"name": "lmms-eval", "version": "0.2.4"},
                    "categories": {"defect-detection": {"passed": 10, "total": 15}},
                }
            ]
        ],
    )
    """Runs made before this one, each with its date and its category totals (earlier runs give no outcomes); pages show the top level, the model page lists these."""

    def earlier(self) -> tuple[Result, ...]:
        """Each earlier run as a result of its own, in the order written: its fields, the top
        level's provenance, and the top level's source when it gives none."""
        return tuple(
            Result.model_construct(
                **{
                    **{name: getattr(run, name) for name in EarlierRun.model_fields},
                    "provenance": self.provenance,
                    "source": run.source or self.source,
                }
            )
            for run in self.earlier_runs
        )


# --- prompts of a suite (evals/<suite>/prompts.yaml or prompts.jsonl) --------


class PromptEntry(Strict):
    """One prompt of a suite, as its prompt list writes it."""

    id: Slug = Field(examples=["count-cats-1"])
    """Stable id of the prompt, unique in the suite; outcomes name their prompt by it."""
    category: Slug = Field(examples=["object-counting"])
    """Id of the suite's category the prompt belongs to."""
    prompt: LongText = Field(examples=["How many cats are in this picture?"])
    """The text put to the model."""
    image: ImageRef | None = Field(default=None, examples=["images/cats-1.png"])
    """The image shown with the prompt: a file in the suite's folder (``images/cats-1.png``; PNG, JPEG, WebP or GIF, at most 5 MiB) or an https URL; omit when there is none."""
    expected: LongText | None = Field(default=None, examples=["3"])
    """The answer that passes, as the suite states it; omit when the suite does not say."""
    tags: list[Slug] = Field(default_factory=list, examples=[["animals", "small-objects"]])
    """Ids that group prompts across categories."""

    @field_validator("tags")
    @classmethod
    def _tags_unique(cls, tags: list[str]) -> list[str]:
        seen: set[str] = set()
        for tag in tags:
            if tag in seen:
                raise PydanticCustomError("versus", "duplicate tag '{tag}'", {"tag": tag})
            seen.add(tag)
        return tags


class PromptList(RootModel[list[PromptEntry]]):
    """A suite's prompts, in order: ``prompts.yaml`` is this list (``prompts.jsonl`` holds
    the same items, one JSON object per line)."""

    model_config = ConfigDict(frozen=True)


# --- outcomes of a run (evals/<suite>/<model-id>.outcomes.jsonl) -------------


class OutcomeEntry(Strict):
    """One prompt's outcome in one run: a line of the run's outcomes file."""

    prompt: Slug = Field(examples=["count-cats-1"])
    """Id of the prompt, from the suite's prompt list; one outcome per prompt."""
    passed: bool | None = Field(default=None, examples=[True])
    """Whether the answer passed; give this or ``score``."""
    score: Score | None = Field(default=None, examples=[1])
    """The answer's score from 0 to 1, instead of ``passed``; a pass/fail suite takes 0 (failed) or 1 (passed) only."""
    answer: Answer | None = Field(default=None, examples=["There are three cats."])
    """The model's answer as it gave it (``""`` when it answered nothing); omit when not recorded."""
    seconds: AnswerSeconds | None = Field(default=None, examples=[2.41])
    """How long the answer took, in seconds; give it for every outcome of the run or none."""
    input_tokens: TokenCount | None = Field(default=None, examples=[294])
    """Input tokens of the prompt, image tokens included; for every outcome or none."""
    output_tokens: TokenCount | None = Field(default=None, examples=[214])
    """Output tokens of the answer, reasoning included; for every outcome or none."""

    @model_validator(mode="after")
    def _one_verdict(self) -> OutcomeEntry:
        check_one_verdict(self.passed, self.score, self.model_fields_set)
        return self


def check_one_verdict(passed: bool | None, score: float | None, written: set[str]) -> None:
    """The verdict of an outcome (or of a record ``versus import`` reads): exactly one of
    ``passed`` and ``score``; refused at a verdict ``written`` as null, or at the second
    of two. Whether a suite takes a partial score is its reader's to say."""
    if (passed is None) == (score is None):
        given = [name for name in ("passed", "score") if name in written]
        raise PydanticCustomError(
            "versus",
            "give exactly one of 'passed' (true or false) and 'score' (0 to 1)",
            {AT: tuple(given[-1:])},
        )


__all__ = [
    "AVAILABILITIES",
    "CAPABILITY_STATES",
    "DEFAULT_BANDS",
    "GIVEN_ELSEWHERE",
    "Availability",
    "Band",
    "CapabilityDef",
    "CapabilityGroup",
    "CapabilityState",
    "Category",
    "CategoryResult",
    "EarlierRun",
    "Harness",
    "License",
    "Links",
    "ModelCard",
    "OutcomeEntry",
    "ParameterVariant",
    "Parameters",
    "Pricing",
    "PromptEntry",
    "PromptList",
    "Result",
    "SiteConfig",
    "Source",
    "Strict",
    "Suite",
    "check_one_verdict",
]
