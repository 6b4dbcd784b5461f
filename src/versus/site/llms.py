"""``llms.txt`` (https://llmstxt.org): the site for language models, from the pages' views.

What the site is, and where its models, comparisons and data are; card text on one
line with its Markdown escaped. Nothing here reads or writes files.
"""

from __future__ import annotations

from versus import urls as scheme
from versus.site.views import PAIR_LIST_LIMIT, SiteViews
from versus.urls import Urls, fill_fields

_MARKDOWN = str.maketrans({char: "\\" + char for char in "\\`*_[]<>#!|~&"})


def _placeholders(pattern: str) -> str:
    """A path pattern of :mod:`versus.urls` as a reader is shown it: ``models/<id>/``."""
    return fill_fields(pattern, "<{}>".format)


def _md(text: str) -> str:
    """Text from a card on one line (every run of white space, line breaks included, one
    space), with the Markdown that could make it a link, code, emphasis, a heading, a
    table, an entity or HTML escaped: it is text, whatever a reader of ``llms.txt``
    renders it with."""
    return " ".join(text.split()).translate(_MARKDOWN)


def llms_txt(views: SiteViews, urls: Urls) -> str:
    """``llms.txt`` (https://llmstxt.org): what the site is and where everything is."""
    catalog = views.catalog
    config = catalog.config
    profiles = list(views.profiles.values())
    ids = [p.id for p in profiles]
    total = len(ids) * (len(ids) - 1) // 2
    pairs = list(views.pair_pages)  # those with a page of their own
    example = ",".join(ids[:3]) or "a,b"
    lines = [
        f"# {_md(config.title)}",
        "",
        f"> {_md(config.description)}",
        "",
        f"{len(profiles)} models and {total} side-by-side comparisons, built from model "
        "cards and eval results kept as YAML. Figures such as overall scores and cost per "
        "task are computed from their inputs. Every page is static HTML; the same tables are "
        "published as JSON and CSV (see Data).",
        "",
        "## Site",
        "",
        f"- [Home]({urls.base}): every model, the top of each eval suite's leaderboard "
        "(its page has all of it) and the comparisons",
        f"- [Capabilities]({urls(scheme.CAPABILITIES)}): the capability matrix of every model",
        f"- [Compare several models]({urls(scheme.COMPARE)}?m={example}): up to four models "
        "side by side; `m` lists model ids, separated by commas",
        "",
        "## Models",
        "",
    ]
    lines += [f"- [{_md(p.name)}]({urls(p.path)}): {_md(p.card.summary)}" for p in profiles]
    lines += ["", "## Eval suites", ""]
    lines += [
        f"- [{_md(suite.name)}]({urls(scheme.suite(suite_id))}): {_md(suite.summary)}"
        for suite_id, suite in catalog.suites.items()
    ]
    if catalog.prompts:
        lines += [
            "",
            f"Each prompt of a suite that lists them has a page, "
            f"`{urls(_placeholders(scheme.PROMPT))}`, with every model's answer and verdict; "
            "its suite's page links them all.",
        ]
    lines += ["", "## Comparisons", ""]
    pattern = (
        f"The comparison of two models is at `{urls(_placeholders(scheme.PAIR))}`, the two model "
        "ids (the last part of each model page's address) in alphabetical order"
    )
    if len(pairs) < total:
        pattern = (
            f"{len(pairs)} of the {total} pairs of models have a comparison page of their own, at "
            f"`{urls(_placeholders(scheme.PAIR))}`, the two model ids (the last part of each "
            "model page's address) in alphabetical order; every other pair is compared on "
            f"`{urls(scheme.COMPARE)}?m=<a>,<b>`"
        )
    if not total:
        lines.append(f"{pattern}. This site has fewer than two models, so no comparison yet.")
    elif pairs and len(pairs) <= PAIR_LIST_LIMIT:
        lines.append(f"{pattern}:")
        lines.append("")
        lines += [
            f"- [{_md(views.profiles[a].name)} vs {_md(views.profiles[b].name)}]"
            f"({urls(scheme.pair(a, b))})"
            for a, b in pairs
        ]
    elif pairs:
        a, b = pairs[0]
        lines.append(
            f"{pattern}, for example [{_md(views.profiles[a].name)} vs "
            f"{_md(views.profiles[b].name)}]({urls(scheme.pair(a, b))}). "
            f"There are {len(pairs)} of them, too many to list here; each model's page "
            "links all of its comparisons."
        )
    else:
        lines.append(f"{pattern}.")
    lines += [
        "",
        "## Data",
        "",
        f"- [Every model as JSON]({urls(scheme.MODELS_JSON)}): card facts, the state of "
        "every capability, each run with its computed figures, the taxonomy and the suites",
        "- Each model's verdict on every prompt, for the suites whose runs give them, as JSON: "
        f"`{urls(_placeholders(scheme.MODEL_OUTCOMES))}`",
        "- Each model's score tables as CSV, beside its page: "
        f"`{urls(_placeholders(scheme.MODEL_CSV))}`"
        " (a comparison page carries its own tables' CSVs as downloads inside the page)",
    ]
    lines += [
        f"- [{_md(suite.name)} leaderboard as CSV]({urls(scheme.leaderboard_csv(suite_id))}): "
        f"{_md(suite.summary)}"
        for suite_id, suite in catalog.suites.items()
    ]
    lines += [
        "",
        "## Optional",
        "",
        f"- [Sitemap]({urls(scheme.SITEMAP)}): the address of every model, comparison, suite and "
        "prompt page, the capability matrix and the methodology",
    ]
    return "\n".join(lines) + "\n"
