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
    return config.base_url.rstrip("/") + "/"


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
    if card.license is not None:
        entry["license"] = card.license.url or card.license.name
    entry["citation"] = [_work(source.title, source.url) for source in card.sources]
    return entry


def _work(title: str, url: str | None) -> JsonLd:
    """A source as schema.org names one: its title, and its address when it is online."""
    work: JsonLd = {"@type": "CreativeWork", "name": title}
    if url:
        work["url"] = url
    return work


def figure_sources(models: Sequence[Profile]) -> list[JsonLd]:
    """Where the figures of a page about ``models`` come from: each price list and each
    run's source that is online, once each, in the order the page shows them
    (``isBasedOn``). A source known by its title only is named in the page's text; here,
    on each of N-1 pair pages, it would tell a reader of the data nothing to follow."""
    seen: dict[tuple[str, str], JsonLd] = {}
    for profile in models:
        pricing = profile.card.pricing
        found = [(pricing.source, pricing.url)] if pricing else []
        found += [(run.result.source.title, run.result.source.url) for run in profile.runs.values()]
        for title, url in found:
            if url:
                seen.setdefault((title, url), _work(title, url))
    return list(seen.values())


def _page(title: str, description: str, url: str, config: SiteConfig) -> JsonLd:
    return {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": title,
        "description": description,
        "url": url,
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
    """The home page: the site, and the list of its models."""
    return {
        "@context": CONTEXT,
        **website(config),
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


def _based_on(models: Sequence[Profile]) -> JsonLd:
    """``isBasedOn`` naming the sources of a page's figures; nothing when it has none."""
    sources = figure_sources(models)
    return {"isBasedOn": sources} if sources else {}


def plain_page(title: str, description: str, path: str, config: SiteConfig) -> JsonLd:
    """A page with no model of its own: the compare-several page, the 404 page."""
    return _page(title, description, _base(config) + urls.url_of(path), config)
