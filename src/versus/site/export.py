"""Data out: renders a data file of the plan (JSON, CSV, ``llms.txt``) from the pages' views.

Every file is made from the same view models the pages are rendered from, so the
data says exactly what the pages say. Each format has its module:

- ``api/models.json`` and ``api/pairs/<a>-vs-<b>.json``: :mod:`versus.site.jsondata`;
- ``models/<id>/<suite>.csv``: one score table as CSV, beside its page
  (:mod:`versus.site.tablecsv`, which also makes the CSVs a pair page carries
  inside it as ``data:`` links);
- ``leaderboards/<suite>.csv``: a leaderboard (:mod:`versus.site.leaderboardcsv`);
- ``llms.txt``: the site for language models (:mod:`versus.site.llms`).

Nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Sequence

from versus.join import tables
from versus.join.profiles import Profile
from versus.site.jsondata import dumps, models_data, pair_data
from versus.site.leaderboardcsv import leaderboard_csv
from versus.site.llms import llms_txt
from versus.site.pages import PageSpec, SiteViews
from versus.site.tablecsv import score_table_csv
from versus.site.urls import Urls


class SiteExport:
    """Renders the data files of one catalog's plan, sharing the pages' views."""

    def __init__(self, views: SiteViews) -> None:
        self.views = views
        self.urls = Urls(views.catalog.config.base_url)

    def render(self, spec: PageSpec) -> bytes:
        views = self.views
        if spec.kind == "pair-json":
            return dumps(pair_data(views.pair_tables(*spec.ids), self.urls))
        if spec.kind == "model-csv":
            profile = views.profiles[spec.ids[0]]
            return score_table_csv(self._table(spec.suite, [profile]), [profile])
        if spec.kind == "leaderboard-csv":
            board = next(b for b in views.leaderboards() if b.suite_id == spec.suite)
            return leaderboard_csv(board)
        if spec.kind == "models-json":
            return dumps(models_data(views, self.urls))
        if spec.kind == "llms":
            return llms_txt(views, self.urls).encode("utf-8")
        raise ValueError(f"{spec.path} is not a data file")

    def _table(self, suite_id: str, models: Sequence[Profile]) -> tables.ScoreTable:
        catalog = self.views.catalog
        return tables.score_table(suite_id, catalog.suites[suite_id], models, catalog.config.bands)
