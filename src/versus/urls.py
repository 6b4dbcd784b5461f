"""The site's URL scheme: where every file of a site lives, spelled once.

Every stage reads it (the checks refuse ids that would give two pairs one
address, the join names each model's page, the plan writes each file where its
URL says, the data files publish the patterns), so it sits below them all and
imports nothing of versus.

A page's URL path ends in ``/`` and its file is that folder's ``index.html``;
paths are relative to the site root. The patterns hold the fields of :data:`FIELDS`
(``{id}``, ``{a}``, ``{b}``...), filled with :meth:`str.format`;
``api/models.json`` publishes them as they are, so that a script can make any
address from ids.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlsplit, urlunsplit

FIELDS = ("id", "a", "b", "suite", "prompt", "name", "part")
"""The fields a pattern may hold."""


def fill_fields(pattern: str, fill: Callable[[str], str]) -> str:
    """``pattern`` with each of its fields given ``fill(field)``: ``models/*/`` for a glob,
    ``models/<id>/`` for a reader."""
    return pattern.format(**{field: fill(field) for field in FIELDS})


PAIR_SEPARATOR = "-vs-"
"""What joins the two ids of a pair in its address; no model id may hold it."""

INDEX_FILE = "index.html"
"""The file of a page whose URL is a folder."""

HOME = ""
MODELS = "models/"
"""The folder of every model's page."""
MODEL = MODELS + "{id}/"
COMPARE = "compare/"
"""The compare-several page (``compare/?m=a,b,c``), and the folder of every pair's page."""
PAIR = COMPARE + "{a}" + PAIR_SEPARATOR + "{b}/"
COMPARISONS = "comparisons/"
"""Every pair's comparison, listed (the index links it rather than holding N*(N-1)/2 links)."""
CAPABILITIES = "capabilities/"
"""The capability matrix of every model (the index holds it too while the catalog is small)."""
METHODOLOGY = "methodology/"
"""How versus computes figures and decides what a page may claim."""
SUITE = "evals/{suite}/"
"""A suite's page: what it measures, its categories, its leaderboards."""
PROMPT = SUITE + "{prompt}/"
"""One prompt of a suite that lists its prompts: the prompt and every model's answer."""
IMAGE = "images/{name}"
"""A prompt's image, published under its content's digest: one file per distinct image,
whichever suites and prompts show it, and a new name whenever its bytes change."""
IMAGE_DIGEST_LENGTH = 16
"""How many hex digits of an image's SHA-256 name its file."""
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
SITEMAP_PART = "sitemaps/sitemap-{part}.xml"
ROBOTS = "robots.txt"
MODELS_JSON = "api/models.json"
MODEL_OUTCOMES = "api/outcomes/{id}.json"
"""A model's verdict on every prompt of each suite whose run gives outcomes: what a script
needs to find where two models differ (no file is written per pair)."""
MODEL_CSV = "models/{id}/{suite}.csv"
"""One score table of a model page, beside the page."""
LEADERBOARD_CSV = "leaderboards/{suite}.csv"
LLMS_TXT = "llms.txt"
FEED = "feed.xml"
"""The Atom feed of the newest models and results."""
SEARCH = "pagefind/"
"""The search index and the script that reads it, written by Pagefind after the pages
(:mod:`versus.build.search`); its files are named by their content."""
SEARCH_SCRIPT = SEARCH + "pagefind.js"


def file_of(url_path: str) -> str:
    """The file that serves ``url_path``: a folder's ``index.html``, any other path itself."""
    return url_path + INDEX_FILE if url_path == HOME or url_path.endswith("/") else url_path


def url_of(file: str) -> str:
    """The URL path of a site file: ``compare/a-vs-b/index.html`` -> ``compare/a-vs-b/``."""
    return file.removesuffix(INDEX_FILE)


def pair_slug(a: str, b: str) -> str:
    """The canonical slug of a pair: the two ids in sorted order."""
    first, second = sorted((a, b))
    return f"{first}{PAIR_SEPARATOR}{second}"


def compare_several(ids: list[str]) -> str:
    """The compare page set to these models, in this order: ``compare/?m=a,b``; a pair
    without a page of its own is compared there."""
    return COMPARE + "?m=" + ",".join(ids)


def model(model_id: str) -> str:
    """A model's page: ``models/<id>/``."""
    return MODEL.format(id=model_id)


def pair(a: str, b: str) -> str:
    """A pair's page, in either order: ``compare/<a>-vs-<b>/`` with ``a < b``."""
    first, second = sorted((a, b))
    return PAIR.format(a=first, b=second)


def model_outcomes(model_id: str) -> str:
    """A model's verdicts on every prompt: ``api/outcomes/<id>.json``."""
    return MODEL_OUTCOMES.format(id=model_id)


def model_csv(model_id: str, suite_id: str) -> str:
    return MODEL_CSV.format(id=model_id, suite=suite_id)


def leaderboard_csv(suite_id: str) -> str:
    return LEADERBOARD_CSV.format(suite=suite_id)


def suite(suite_id: str) -> str:
    """A suite's page: ``evals/<suite>/``."""
    return SUITE.format(suite=suite_id)


def prompt(suite_id: str, prompt_id: str) -> str:
    """A prompt's page: ``evals/<suite>/<prompt>/``."""
    return PROMPT.format(suite=suite_id, prompt=prompt_id)


SCORE_TABLE = "suite-{suite}"
"""The id of a suite's score table on a model or comparison page: a link's fragment."""


def score_table(suite_id: str) -> str:
    """The fragment (without ``#``) of a suite's score table on a page that has one."""
    return SCORE_TABLE.format(suite=suite_id)


def image(digest: str, ending: str) -> str:
    """A published image: ``images/<first digits of its SHA-256><ending>`` (``.png``...)."""
    return IMAGE.format(name=digest[:IMAGE_DIGEST_LENGTH] + ending)


_PATH_SAFE = "/%!$&'()*+,;=:@-._~"
"""What a URL path holds as it is (RFC 3986 ``pchar`` and ``/``, with ``%`` of escapes
already made); anything else is percent-encoded."""


def site_base(base_url: str) -> str:
    """``base_url`` as every absolute address of the site starts: its path ends in exactly
    one ``/`` (``https://host.example/sub`` -> ``https://host.example/sub/``), what a path
    may not hold is percent-encoded (``/bücher`` -> ``/b%C3%BCcher/``), and a query or
    fragment (which the config refuses) is dropped. The same whichever way it was written:
    every link, file and script of the site derives its addresses from it."""
    parts = urlsplit(base_url.strip())
    path = quote(parts.path.rstrip("/"), safe=_PATH_SAFE) + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def base_path(base_url: str) -> str:
    """The path the site is published under, from the host's root: ``/`` for a site at the
    root of its host, ``/sub/`` for ``https://host.example/sub``. A page served at any
    depth (the 404 page) links from it, and ``versus serve`` serves the site under it."""
    return urlsplit(site_base(base_url)).path


class Urls:
    """Canonical (absolute) URLs of the site's files: ``base_url`` + the URL path."""

    def __init__(self, base_url: str) -> None:
        self.base = site_base(base_url)
        """The site's address, ending in ``/``: ``https://host.example/sub/``."""
        self.path = urlsplit(self.base).path
        """Its path from the host's root (:func:`base_path`): ``/sub/``."""

    def __call__(self, path: str) -> str:
        return self.base + url_of(path)
