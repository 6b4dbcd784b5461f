"""The index of a large catalog stays small: its size grows with the models table only,
while each leaderboard shows its top and the capability matrix has a page of its own
(issue 18: at 200 models the index was 680 kB and slow to open on a phone)."""

from __future__ import annotations

import pytest

from bench.catalog import generate
from htmltools import soup
from versus.build.parallel import PageRenderer
from versus.inputs.load import load_project
from versus.site.kinds import PageSpec
from versus.site.views import INDEX_BOARD_TOP

MODELS = 200
BUDGET = 200_000
"""Bytes the index of :data:`MODELS` generated models may take: its models table (about
half a kilobyte a model), the picker's two lists of names, the JSON-LD list of the models
and everything of a fixed size. Lighthouse's mobile preset scored such an index 98."""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    project = tmp_path_factory.mktemp("large") / "project"
    generate(project, MODELS)
    renderer = PageRenderer(load_project(project), project, None)
    return renderer.render(PageSpec("index", "index.html"))


def test_the_index_of_200_models_stays_under_its_budget(index: bytes) -> None:
    assert len(index) <= BUDGET


def test_it_lists_every_model_once_and_each_board_its_top(index: bytes) -> None:
    page = soup(index)
    assert len(page.select("#models tbody tr")) == MODELS
    assert page.select("table.matrix") == []
    assert page.select_one('#capabilities a[href="capabilities/"]') is not None
    boards = page.select("#leaderboards section.suite")
    assert len(boards) == 2
    for board in boards:
        ranks = [int(td.get_text()) for td in board.select("td.rank")]
        assert 0 < max(ranks) <= INDEX_BOARD_TOP
        more = board.select_one("p.board-more a")
        assert more is not None
        assert str(more["href"]).startswith("evals/")
        # the models without a run are counted, named on the suite's page
        assert board.select("li[data-model]") == []
        count = board.select_one("p.unevaluated")
        assert count is not None
        assert "no results on" in count.get_text()
