"""The repository's own project, as it is: its catalog loads, ``site/`` is what
``versus build`` makes of it, and every YAML file names its schema.

With the CONTRIBUTING walkthrough these are the only tests that read the real
catalog; each counts what is there instead of expecting the sample, so adding or
editing a model breaks none of them (but a stale ``site/``: run ``versus build``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import (
    REPO,
    copy_repository_project,
    model_ids,
    project_yaml_files,
    schema_kind_of,
    tree,
)
from versus.authoring.jsonschema import MODELINE_PREFIX, modeline
from versus.build.pipeline import build
from versus.inputs.load import load_project


def test_the_catalog_loads_cleanly() -> None:
    catalog = load_project(REPO)
    suites = [path.parent for path in (REPO / "evals").glob("*/suite.yaml")]
    results = [
        path for suite in suites for path in suite.glob("*.yaml") if path.name != "suite.yaml"
    ]
    assert sorted(catalog.models) == model_ids(REPO)
    assert sorted(catalog.suites) == sorted(suite.name for suite in suites)
    assert sum(len(runs) for runs in catalog.results.values()) == len(results)


def test_committed_site_is_what_versus_build_gives(tmp_path: Path) -> None:
    project = copy_repository_project(tmp_path / "project")
    build(project, project / "site")
    fresh, committed = tree(project / "site"), tree(REPO / "site")
    assert sorted(committed) == sorted(fresh), (
        "site/ has missing or extra files: run `versus build`"
    )
    changed = [name for name in fresh if committed[name] != fresh[name]]
    assert changed == [], f"site/ is stale in {changed[:5]}: run `versus build` and commit site/"


@pytest.mark.parametrize("name", project_yaml_files(REPO))
def test_every_yaml_file_names_its_schema_on_its_first_line(name: str) -> None:
    kind = schema_kind_of(name)
    first = (REPO / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == modeline(name, kind)
    target = (REPO / name).parent / first.removeprefix(MODELINE_PREFIX)
    assert target.resolve() == (REPO / kind.path).resolve()
    assert target.is_file(), f"{name} names {target}, which does not exist"
