"""schema.org descriptions of pages, for the JSON-LD block every page carries.

Search engines and other tools read them to know what a page is about: the
site, a model (as a ``SoftwareApplication`` by its maker), or a comparison of
two models. URLs are absolute, from the configured base URL. Pure: each
function returns a plain dict that the base template prints with ``tojson``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from versus import urls
from versus.inputs.schema import SiteConfig
from versus.join.profiles import Profile

CONTEXT = "https://schema.org"
JsonLd = dict[str, Any]


def _base(config: SiteConfig) -> str:
    return urls.site_base(config.base_url)


def website(config: SiteConfig) -> JsonLd:
    return {
        "@type": "WebSite",
        "name": config.title,
        "description": config.description,
        "url": _base(config),
    }


def website_ref(config: SiteConfig) -> JsonLd:
    """The site as another page names it: described once, on the home page."""
    return {"@type": "WebSite", "name": config.title, "url": _base(config)}


def model_ref(profile: Profile, config: SiteConfig) -> JsonLd:
    """A model as another page names it: what it is, who makes it and where it is described."""
    return {
        "@type": "SoftwareApplication",
        "name": profile.card.name,
        "applicationCategory": "Machine learning model",
        "url": _base(config) + profile.path,
        "author": {"@type": "Organization", "name": profile.card.organization},
    }


def model(profile: Profile, config: SiteConfig) -> JsonLd:
    """A model as schema.org sees software, on its own page: name, maker, summary, licence,
    release date, and the sources of its card (``citation``)."""
    card = profile.card
    entry: JsonLd = {**model_ref(profile, config), "description": card.summary}
    if card.released is not None:
        entry["datePublished"] = card.released.iso()
    if card.license is not None:  # a URL, or a work named by its title (schema.org's types)
        entry["license"] = card.license.url or _work(card.license.name, None)
    entry["citation"] = [_work(source.title, source.url) for source in card.sources]
    return entry


def _work(title: str, url: str | None) -> JsonLd:
    """A source as schema.org names one: its title, and its address when it is online."""
    work: JsonLd = {"@type": "CreativeWork", "name": title}
    if url:
        work["url"] = url
    return work


def figure_sources(models: Sequence[Profile], suite_id: str | None = None) -> list[JsonLd]:
    """Where the figures of a page about ``models`` come from: each price list and each
    run's source (of ``suite_id``'s runs only, for a page of one suite) that is online,
    once each, in the order the page shows them (``isBasedOn``). A source known by its
    title only is named in the page's text; here, on each of N-1 pair pages, it would
    tell a reader of the data nothing to follow."""
    seen: dict[tuple[str, str], JsonLd] = {}
    for profile in models:
        pricing = profile.card.pricing
        runs = [run for id_, run in profile.runs.items() if suite_id in (None, id_)]
        found = [(pricing.source, pricing.url)] if pricing and runs else []
        found += [(run.result.source.title, run.result.source.url) for run in runs]
        for title, url in found:
            if url:
                seen.setdefault((title, url), _work(title, url))
    return list(seen.values())


def _page(title: str, description: str, url: str | None, config: SiteConfig) -> JsonLd:
    """A web page of the site; without ``url``, a page with no address of its own."""
    return {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": title,
        "description": description,
        **({"url": url} if url is not None else {}),
        "isPartOf": website_ref(config),
    }


def _breadcrumbs(config: SiteConfig, trail: Sequence[tuple[str, str]]) -> JsonLd:
    items = [("Home", _base(config)), *trail]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": place, "name": name, "item": url}
            for place, (name, url) in enumerate(items, start=1)
        ],
    }


def index_page(config: SiteConfig, profiles: Sequence[Profile]) -> JsonLd:
    """The home page: the site, the list of its models, and the sources of the figures its
    leaderboards show."""
    return {
        "@context": CONTEXT,
        **website(config),
        **_based_on(profiles),
        "mainEntity": {
            "@type": "ItemList",
            "name": "Models",
            "numberOfItems": len(profiles),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": place,
                    "name": profile.name,
                    "url": _base(config) + profile.path,
                }
                for place, profile in enumerate(profiles, start=1)
            ],
        },
    }


def model_page(profile: Profile, title: str, description: str, config: SiteConfig) -> JsonLd:
    url = _base(config) + profile.path
    return {
        **_page(title, description, url, config),
        "mainEntity": model(profile, config),
        "breadcrumb": _breadcrumbs(config, [(profile.name, url)]),
        **_based_on([profile]),
    }


def pair_page(
    models: Sequence[Profile], path: str, title: str, description: str, config: SiteConfig
) -> JsonLd:
    url = _base(config) + path
    return {
        **_page(title, description, url, config),
        # each model is described on its own page; a pair's 1,000s of pages name them
        "about": [model_ref(profile, config) for profile in models],
        "breadcrumb": _breadcrumbs(
            config, [(" vs ".join(profile.name for profile in models), url)]
        ),
        **_based_on(models),
    }


def _based_on(models: Sequence[Profile], suite_id: str | None = None) -> JsonLd:
    """``isBasedOn`` naming the sources of a page's figures; nothing when it has none."""
    sources = figure_sources(models, suite_id)
    return {"isBasedOn": sources} if sources else {}


def suite_page(
    title: str,
    description: str,
    path: str,
    config: SiteConfig,
    suite_id: str,
    models: Sequence[Profile],
) -> JsonLd:
    """A suite's page: a web page whose leaderboards rest on the sources of its runs."""
    page = _page(title, description, _base(config) + urls.url_of(path), config)
    return {**page, **_based_on(models, suite_id)}


def plain_page(title: str, description: str, path: str | None, config: SiteConfig) -> JsonLd:
    """A page with no model of its own: the compare-several page, the methodology, the 404
    page; ``path`` ``None`` for the last, served at every missing address, which has no
    URL of its own (nor a canonical link: it is not indexed)."""
    url = None if path is None else _base(config) + urls.url_of(path)
    return _page(title, description, url, config)
