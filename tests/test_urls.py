"""The URL scheme: one spelling of every address, and the paths the plan writes to."""

from __future__ import annotations

import string

from versus import urls
from versus.site.kinds import KINDS
from versus.site.plan import plan_for


def test_pair_addresses_name_the_two_ids_in_order() -> None:
    assert urls.pair_slug("paligemma", "florence-2") == "florence-2-vs-paligemma"
    assert urls.pair("b", "a") == urls.pair("a", "b") == "compare/a-vs-b/"
    assert urls.model_outcomes("a") == "api/outcomes/a.json"
    assert urls.model("a") == "models/a/"
    assert urls.model_csv("a", "s") == "models/a/s.csv"
    assert urls.leaderboard_csv("s") == "leaderboards/s.csv"


def test_a_folder_url_is_served_by_its_index_file() -> None:
    assert urls.file_of(urls.HOME) == "index.html"
    assert urls.file_of("compare/a-vs-b/") == "compare/a-vs-b/index.html"
    assert urls.file_of("api/models.json") == "api/models.json"
    assert urls.url_of("compare/a-vs-b/index.html") == "compare/a-vs-b/"
    assert urls.url_of("index.html") == ""


def test_canonical_urls_join_the_base_and_the_path() -> None:
    canonical = urls.Urls("https://example.org/docs")
    assert canonical("compare/a-vs-b/index.html") == "https://example.org/docs/compare/a-vs-b/"
    assert canonical(urls.MODELS_JSON) == "https://example.org/docs/api/models.json"


def test_every_planned_file_is_at_an_address_of_the_scheme() -> None:
    """The plan writes only where a pattern of versus.urls says, filled with its ids."""
    patterns = {kind.name: urls.file_of(kind.path) for kind in KINDS}
    for spec in plan_for(["a", "b", "c"], ["s"]):
        a, b = (*spec.ids, "", "")[:2]
        fields = {"id": a, "a": a, "b": b, "suite": spec.suite, "part": spec.part}
        assert spec.path == patterns[spec.kind].format(**fields)


def test_every_pattern_holds_only_the_fields_urls_names() -> None:
    patterns = [value for value in vars(urls).values() if isinstance(value, str) and "{" in value]
    assert patterns
    for pattern in patterns:
        fields = {field for _, field, _, _ in string.Formatter().parse(pattern) if field}
        assert fields <= set(urls.FIELDS), pattern
    assert urls.fill_fields(urls.MODEL, "<{}>".format) == "models/<id>/"
