"""The registry of page kinds: every kind of file a site has, each declared once.

A :class:`Kind` says where its files go (a pattern of :mod:`versus.urls`), how
many there are (its :class:`Scope`: one, one per suite, per model, per pair...),
what makes them (a template and the view it is rendered with, or a function that
writes data) and what they show besides the code, the config and the suites
(:class:`Reads`). From this one table the plan lists every file
(:mod:`versus.site.plan`), a worker renders each one
(:class:`versus.build.parallel.PageRenderer`), an incremental build tells which
are stale (:func:`versus.build.state.changes`) and ``--shard`` deals them out.
Adding a kind of page is one entry in :data:`KINDS`, its template and its tests.

Light on purpose: a no-op build sizes the site it kept from here, without the
views and the schemas under them (named below for the type checker only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from versus import urls

if TYPE_CHECKING:
    from versus.site.export import SiteExport
    from versus.site.views import SiteViews


class PageSpec(NamedTuple):
    """One file of the plan: its kind, where it goes, which models and suite it is of.

    A named tuple, not a frozen dataclass: a plan lists N*(N-1) of them, and a tuple is
    made faster.
    """

    kind: str
    """The name of its :class:`Kind`."""
    path: str
    """Output file, relative to the site root, POSIX separators (``compare/a-vs-b/index.html``)."""
    ids: tuple[str, ...] = ()
    """The models the file is about: one for a model's files, two (in id order) for a pair's."""
    part: int = 0
    """Which part of a sitemap split in parts (1-based); 0 for every other file."""
    suite: str = ""
    """The suite of a file of one suite (a score table as CSV); empty for every other file."""
    prompt: str = ""
    """The prompt of a file of one prompt of a suite (its page); empty for every other file."""


class Group(Enum):
    """Where a kind's files sit in the plan, and so which worker and which share gets them."""

    SITE = "site"
    """Files of the whole site, first: each costs far more than a pair's."""
    MODEL = "model"
    """Each model's files together."""
    PAIR = "pair"
    """Each pair's files together, so that one worker builds the pair's tables once, and
    one share of a sharded build gets them all."""


class Scope(Enum):
    """How many files of a kind a site has, and which fields fill its path pattern (each
    member says); :attr:`group` is the group its files are built in."""

    SITE = "site"
    """One file."""
    SUITE = "suite"
    """One file per suite: ``{suite}``."""
    PROMPT = "prompt"
    """One file per prompt of a suite that lists its prompts: ``{suite}``, ``{prompt}``."""
    SITEMAP_PART = "sitemap-part"
    """One file per part of a sitemap too long for one file: ``{part}``."""
    MODEL = "model"
    """One file per model: ``{id}``."""
    MODEL_SUITE = "model-suite"
    """One file per model and suite: ``{id}``, ``{suite}``."""
    PAIR = "pair"
    """One file per pair of models with a page (:mod:`versus.site.pairs`): ``{a}``, ``{b}``."""

    @property
    def group(self) -> Group:
        """The group whose builds make this scope's files."""
        return _SCOPE_GROUPS[self]

    def count(
        self, models: int, suites: int, parts: int, prompts: int = 0, pairs: int | None = None
    ) -> int:
        """How many files of this scope a site of these sizes has (``prompts``: of all its
        suites together; ``pairs``: with a page, every pair when ``None``)."""
        if self is Scope.PAIR and pairs is not None:
            return pairs
        return {
            Scope.SITE: 1,
            Scope.SUITE: suites,
            Scope.PROMPT: prompts,
            Scope.SITEMAP_PART: parts,
            Scope.MODEL: models,
            Scope.MODEL_SUITE: models * suites,
            Scope.PAIR: models * (models - 1) // 2,
        }[self]


_SCOPE_GROUPS = {
    Scope.SITE: Group.SITE,
    Scope.SUITE: Group.SITE,
    Scope.PROMPT: Group.SITE,
    Scope.SITEMAP_PART: Group.SITE,
    Scope.MODEL: Group.MODEL,
    Scope.MODEL_SUITE: Group.MODEL,
    Scope.PAIR: Group.PAIR,
}


class Reads(Enum):
    """What a kind's files show of the models, besides the code, the config, the suites and
    the kind's own templates (which every file depends on): an edit of what it reads makes
    a file stale."""

    OWN_MODELS = "the cards and results of the models the file is about"
    OWN_FACTS = "the same but the cards' descriptions"
    ANY_MODEL = "every model's card and results"
    ANY_FACTS = "every model's card but its description, and results"
    ANY_LISTED = "every model's card but its prose (summary and description), and results"
    NAMES = "every model's id and name"
    DATES = "every model's id and the date of its data"
    PROMPT_OUTCOMES = "every model's outcome of the file's prompt (a file of one prompt)"
    PAIRS = (
        "which pairs have a page of their own (versus.site.pairs): it links the others elsewhere"
    )


ViewBuilder = Callable[["SiteViews", PageSpec], dict[str, Any]]
"""Makes the context a kind's template is rendered with."""
DataWriter = Callable[["SiteExport", PageSpec], bytes]
"""Makes a data file (no template) from the pages' views."""

Prompts = Mapping[str, Sequence[str]]
"""Suite id -> the ids of its prompts, in its list's order (a suite that lists none: absent
or empty). The plan has a file per prompt for the kinds of :attr:`Scope.PROMPT`."""
NO_PROMPTS: Prompts = {}


@dataclass(frozen=True)
class Kind:
    """One kind of file of the site."""

    name: str
    scope: Scope
    path: str
    """Where each file goes: a pattern of :mod:`versus.urls`, filled from the scope's fields."""
    reads: frozenset[Reads]
    template: str = ""
    """The template its files are rendered from, with its :attr:`view`; empty for data."""
    view: ViewBuilder | None = None
    data: DataWriter | None = None
    """What writes its files when it has no template."""
    indexed: bool = False
    """Whether its pages are listed in the sitemap, for search engines."""
    searched: bool = False
    """Whether the site's own search indexes its pages (:mod:`versus.build.search`)."""

    def __post_init__(self) -> None:
        has_template = bool(self.template) or self.view is not None
        if has_template == (self.data is not None) or bool(self.template) != (
            self.view is not None
        ):
            raise ValueError(f"page kind {self.name}: give a template and a view, or data")

    @property
    def html(self) -> bool:
        """Whether its files are HTML pages (counted as pages in a build's report)."""
        return urls.file_of(self.path).endswith(".html")

    def specs(
        self,
        key: tuple[str, ...],
        suites: Sequence[str],
        parts: int,
        prompts: Prompts = NO_PROMPTS,
    ) -> list[PageSpec]:
        """Its files of one model (``key`` its id), one pair (the two ids, in order), or of
        the whole site (``()``), for a site with these suites, prompts and sitemap parts."""
        name, pattern = self.name, urls.file_of(self.path)
        scope = self.scope
        if scope is Scope.PAIR:
            a, b = key
            return [PageSpec(name, pattern.format(a=a, b=b), key)]
        if scope is Scope.MODEL:
            return [PageSpec(name, pattern.format(id=key[0]), key)]
        if scope is Scope.MODEL_SUITE:
            return [PageSpec(name, pattern.format(id=key[0], suite=s), key, 0, s) for s in suites]
        if scope is Scope.SUITE:
            return [PageSpec(name, pattern.format(suite=s), (), 0, s) for s in suites]
        if scope is Scope.PROMPT:
            return [
                PageSpec(name, pattern.format(suite=s, prompt=p), (), 0, s, p)
                for s in suites
                for p in prompts.get(s, ())
            ]
        if scope is Scope.SITEMAP_PART:
            return [PageSpec(name, pattern.format(part=p), (), p) for p in range(1, parts + 1)]
        return [PageSpec(name, pattern)]


class Registry:
    """The kinds of one site, in plan order within each :class:`Group`; immutable."""

    def __init__(self, kinds: Iterable[Kind]) -> None:
        self.kinds = tuple(kinds)
        self.by_name: Mapping[str, Kind] = {kind.name: kind for kind in self.kinds}
        if len(self.by_name) != len(self.kinds):
            raise ValueError("two page kinds share a name")
        patterns = [kind.path for kind in self.kinds]
        if len(set(patterns)) != len(patterns):
            raise ValueError("two page kinds share a path pattern")
        self.groups: Mapping[Group, tuple[Kind, ...]] = {
            group: tuple(kind for kind in self.kinds if kind.scope.group is group)
            for group in Group
        }
        self.pair_kinds = frozenset(kind.name for kind in self.groups[Group.PAIR])
        """The names of the kinds whose files go with a pair."""

    def __getitem__(self, name: str) -> Kind:
        return self.by_name[name]

    def __iter__(self) -> Iterator[Kind]:
        return iter(self.kinds)

    def adding(self, *kinds: Kind) -> Registry:
        """This registry with more kinds, each listed last in its group."""
        return Registry((*self.kinds, *kinds))

    def signature(self) -> str:
        """What the registry declares, as text: each kind's name, scope, path, reads,
        template and the functions that make its files (by name)."""
        return "\n".join(
            " ".join(
                [
                    kind.name,
                    kind.scope.name,
                    kind.path,
                    ",".join(sorted(read.name for read in kind.reads)),
                    kind.template,
                    *(_named(f) for f in (kind.view, kind.data) if f is not None),
                    str(kind.indexed),
                    str(kind.searched),
                ]
            )
            for kind in self.kinds
        )

    def templates(self) -> dict[str, str]:
        """Each kind with a template -> its template."""
        return {kind.name: kind.template for kind in self.kinds if kind.template}


def _named(function: Callable[..., object]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


# --- versus's own kinds -------------------------------------------------------------
# Each view or writer is a method of the views (versus.site.views) or of the data
# export (versus.site.export) over one file's spec.


def _index(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.index()


def _compare(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.compare_several()


def _comparisons(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.comparisons_page()


def _capabilities(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.capabilities_page()


def _methodology(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.methodology_page()


def _suite(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.suite_page(spec.suite)


def _prompt(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.prompt_page(spec.suite, spec.prompt)


def _feed(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.feed()


def _not_found(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.not_found()


def _sitemap(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.sitemap()


def _sitemap_part(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.sitemap_part(spec.part)


def _robots(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return {}


def _model(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.model(spec.ids[0])


def _pair(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    return views.pair(*spec.ids)


def _leaderboard_csv(export: SiteExport, spec: PageSpec) -> bytes:
    return export.leaderboard_csv(spec.suite)


def _models_json(export: SiteExport, spec: PageSpec) -> bytes:
    return export.models_json()


def _llms_txt(export: SiteExport, spec: PageSpec) -> bytes:
    return export.llms_txt()


def _model_csv(export: SiteExport, spec: PageSpec) -> bytes:
    return export.model_csv(spec.ids[0], spec.suite)


def _model_outcomes(export: SiteExport, spec: PageSpec) -> bytes:
    return export.model_outcomes(spec.ids[0])


_ANY = frozenset({Reads.ANY_MODEL, Reads.PAIRS})
# no description: a description edit leaves these files as they are
_ANY_FACTS = frozenset({Reads.ANY_FACTS})
_ANY_FACTS_PAIRS = frozenset({Reads.ANY_FACTS, Reads.PAIRS})
# no summary either: rows of every model, each its name, figures and facts
_ANY_LISTED = frozenset({Reads.ANY_LISTED})
_NAMES_PAIRS = frozenset({Reads.NAMES, Reads.PAIRS})
_OWN_FACTS = frozenset({Reads.OWN_FACTS})
_NOTHING: frozenset[Reads] = frozenset()

KINDS = Registry(
    [
        # searched: the index, each suite and each model; not the N*(N-1)/2 pairs, whose text is
        # their two models' (bench/README.md, "Search")
        # its picker knows which pairs have a page
        Kind(
            "index",
            Scope.SITE,
            urls.HOME,
            _ANY_FACTS_PAIRS,
            "index.html",
            _index,
            indexed=True,
            searched=True,
        ),
        # the leaderboards' CSVs right after the index, which shows the same boards: one
        # worker ranks the models once for all of them
        Kind(
            "leaderboard-csv",
            Scope.SUITE,
            urls.LEADERBOARD_CSV,
            _ANY_LISTED,
            data=_leaderboard_csv,
        ),
        Kind(
            "suite",
            Scope.SUITE,
            urls.SUITE,
            _ANY_LISTED,
            "suite.html",
            _suite,
            indexed=True,
            searched=True,
        ),
        # every model's answer by name: not a card's other fields, so a card edit keeps them
        Kind(
            "prompt",
            Scope.PROMPT,
            urls.PROMPT,
            frozenset({Reads.NAMES, Reads.PROMPT_OUTCOMES}),
            "prompt.html",
            _prompt,
            indexed=True,
        ),
        # lists every model by name
        Kind(
            "compare", Scope.SITE, urls.COMPARE, frozenset({Reads.NAMES}), "compare.html", _compare
        ),
        # links every pair by its models' names; not in the sitemap, which lists the pairs
        Kind(
            "comparisons",
            Scope.SITE,
            urls.COMPARISONS,
            _NAMES_PAIRS,
            "comparisons.html",
            _comparisons,
        ),
        # every model's capabilities and filter values (its card's facts)
        Kind(
            "capabilities",
            Scope.SITE,
            urls.CAPABILITIES,
            _ANY_LISTED,
            "capabilities.html",
            _capabilities,
            indexed=True,
        ),
        Kind("models-json", Scope.SITE, urls.MODELS_JSON, _ANY, data=_models_json),
        Kind("llms", Scope.SITE, urls.LLMS_TXT, _ANY_FACTS_PAIRS, data=_llms_txt),
        # names, summaries, results and their dates: no description
        Kind("feed", Scope.SITE, urls.FEED, _ANY_FACTS, "feed.xml", _feed),
        # the rules every claim follows; it names each suite and its coverage threshold
        Kind(
            "methodology",
            Scope.SITE,
            urls.METHODOLOGY,
            _NOTHING,
            "methodology.html",
            _methodology,
            indexed=True,
        ),
        # names every model, for its script to tell a reversed pair address from a typo
        Kind("404", Scope.SITE, urls.NOT_FOUND, _NAMES_PAIRS, "404.html", _not_found),
        Kind(
            "sitemap",
            Scope.SITE,
            urls.SITEMAP,
            frozenset({Reads.DATES, Reads.PAIRS}),
            "sitemap.xml",
            _sitemap,
        ),
        Kind(
            "sitemap-part",
            Scope.SITEMAP_PART,
            urls.SITEMAP_PART,
            frozenset({Reads.DATES, Reads.PAIRS}),
            "sitemap.xml",
            _sitemap_part,
        ),
        Kind("robots", Scope.SITE, urls.ROBOTS, _NOTHING, "robots.txt", _robots),
        # lists every other model by name, with the link to each pair
        Kind(
            "model",
            Scope.MODEL,
            urls.MODEL,
            frozenset({Reads.OWN_MODELS, Reads.NAMES, Reads.PAIRS}),
            "model.html",
            _model,
            indexed=True,
            searched=True,
        ),
        Kind("model-csv", Scope.MODEL_SUITE, urls.MODEL_CSV, _OWN_FACTS, data=_model_csv),
        # each prompt's verdict, once per model: where two models differ is found from two
        # of these, so that nothing is written once per pair
        Kind("model-outcomes", Scope.MODEL, urls.MODEL_OUTCOMES, _OWN_FACTS, data=_model_outcomes),
        # A pair's one file is its page: its CSVs are in it as data: links
        # (versus.site.tablecsv), its data in the models' files.
        # its overview prints each card's summary: the description is on the model page
        Kind("pair", Scope.PAIR, urls.PAIR, _OWN_FACTS, "pair.html", _pair, indexed=True),
    ]
)
"""Every kind of file of a versus site."""
