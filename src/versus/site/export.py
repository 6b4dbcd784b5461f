"""Data out: the data files of the plan (JSON, CSV, ``llms.txt``), from the pages' views.

Every file is made from the same view models the pages are rendered from, so the
data says exactly what the pages say. Each format has its module:

- ``api/models.json`` and ``api/outcomes/<id>.json``: :mod:`versus.site.jsondata`;
- ``models/<id>/<suite>.csv``: one score table as CSV, beside its page
  (:mod:`versus.site.tablecsv`, which also makes the CSVs a pair page carries
  inside it as ``data:`` links);
- ``leaderboards/<suite>.csv``: a leaderboard (:mod:`versus.site.leaderboardcsv`);
- ``llms.txt``: the site for language models (:mod:`versus.site.llms`).

The registry (:mod:`versus.site.kinds`) says which method writes which file.
Nothing here reads or writes files.
"""

from __future__ import annotations

from versus.join import tables
from versus.site.jsondata import dumps, models_data, outcomes_data
from versus.site.leaderboardcsv import leaderboard_csv
from versus.site.llms import llms_txt
from versus.site.tablecsv import score_table_csv
from versus.site.views import SiteViews
from versus.urls import Urls


class SiteExport:
    """Writes the data files of one catalog's site, sharing the pages' views."""

    def __init__(self, views: SiteViews) -> None:
        self.views = views
        self.urls = Urls(views.catalog.config.base_url)

    def model_outcomes(self, model_id: str) -> bytes:
        return dumps(outcomes_data(self.views.profiles[model_id], self.urls))

    def model_csv(self, model_id: str, suite_id: str) -> bytes:
        catalog = self.views.catalog
        profile = self.views.profiles[model_id]
        suite = catalog.suites[suite_id]
        table = tables.score_table(suite_id, suite, [profile], catalog.config.bands)
        return score_table_csv(table, [profile])

    def leaderboard_csv(self, suite_id: str) -> bytes:
        board = next(b for b in self.views.leaderboards() if b.suite_id == suite_id)
        return leaderboard_csv(board)

    def models_json(self) -> bytes:
        return dumps(models_data(self.views, self.urls))

    def llms_txt(self) -> bytes:
        return llms_txt(self.views, self.urls).encode("utf-8")
