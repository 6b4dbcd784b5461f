"""The benchmark's catalog generator and runner: behaviour only, never timings."""

from __future__ import annotations

import functools
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench import catalog as catalog_module
from bench import run
from bench.catalog import GENERATED_SUITE, PROMPTS_PER_SUITE, generate, model_id
from support import REPO, tree
from versus.inputs.load import load_project
from versus.inputs.schema import CAPABILITY_STATES, ModelCard
from versus.site import plan

ONE_BUILD = REPO / "bench" / "one_build.py"


def raw(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def cards(project: Path) -> dict[str, dict[str, Any]]:
    return {path.stem: raw(path) for path in sorted((project / "models").glob("*.yaml"))}


def runs(project: Path) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path.parent.name, raw(path))
        for path in sorted((project / "evals").glob("*/*.yaml"))
        if path.name not in {"suite.yaml", "prompts.yaml"}
    ]


def outcome_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def taxonomy() -> list[str]:
    config = raw(REPO / "versus.yaml")
    return [cap["id"] for group in config["taxonomy"] for cap in group["capabilities"]]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bench") / "six"
    generate(project, 6)
    return project


@pytest.fixture(scope="module")
def larger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bench") / "thirty"
    generate(project, 30, seed=3)
    return project


def test_generated_project_loads(small: Path) -> None:
    catalog = load_project(small)
    assert list(catalog.models) == [model_id(i) for i in range(1, 7)]
    assert len(catalog.suites) == 2
    assert sum(len(by_model) for by_model in catalog.results.values()) > 0
    assert all(catalog.results.get(suite) for suite in catalog.suites)


def test_cards_set_every_field(small: Path) -> None:
    fields = set(ModelCard.model_fields)
    found = cards(small)
    for name, card in found.items():
        missing = fields - set(card) - {"pricing"}
        assert not missing, f"{name} lacks {missing}"
        assert set(card) <= fields
    priced = sum("pricing" in card for card in found.values())
    assert priced > len(found) / 2, "most cards have a price"


def test_capabilities_cover_the_taxonomy_in_every_state(small: Path) -> None:
    ids = taxonomy()
    found = cards(small)
    states = {state for card in found.values() for state in card["capabilities"].values()}
    assert states == set(CAPABILITY_STATES)
    named = {cap for card in found.values() for cap in card["capabilities"]}
    assert named == set(ids)
    assert any(len(card["capabilities"]) < len(ids) for card in found.values()), "some unknown"


def test_descriptions_are_rich_markdown(larger: Path) -> None:
    for name, card in cards(larger).items():
        text = card["description"]
        assert 150 <= len(text.split()) <= 300, name
        assert "\n\n" in text
        assert "\n- " in text
        assert "](https://" in text
        assert len(card["summary"]) <= 200


def test_parameters_and_pricing_take_every_form(larger: Path) -> None:
    forms = set()
    for card in cards(larger).values():
        parameters = card["parameters"]
        if parameters.get("disclosed") is False:
            forms.add("undisclosed")
        elif "variants" in parameters:
            forms.add("family")
        elif "active" in parameters:
            forms.add("moe")
        else:
            forms.add("dense")
    assert forms == {"undisclosed", "family", "moe", "dense"}
    found = cards(larger)
    assert 0 < sum("pricing" not in card for card in found.values()) < len(found) / 2


def test_results_vary_like_real_runs(larger: Path) -> None:
    catalog = load_project(larger)
    suites = {
        path.parent.name: raw(path) for path in sorted((larger / "evals").glob("*/suite.yaml"))
    }
    found = runs(larger)
    for suite_id in suites:
        share = sum(suite == suite_id for suite, _ in found) / 30
        assert 0.5 <= share <= 0.9
    skipped = tokens = 0
    for suite_id, result in found:
        suite = suites[suite_id]
        if "categories" not in result:
            continue  # a run with outcomes: test_most_results_give_outcomes
        categories = result["categories"]
        skipped += len(categories) < len(suite["categories"])
        covered = sum(entry["total"] for entry in categories.values())
        if "median_input_tokens" in result:
            tokens += 1
            assert covered * 100 >= suite["coverage_threshold"] * len(catalog.prompts[suite_id])
    assert skipped > 0
    assert tokens > 0


def test_most_results_give_outcomes(larger: Path) -> None:
    catalog = load_project(larger)
    with_outcomes = totals_only = partial = 0
    answers: list[str] = []
    for suite_id, by_model in catalog.results.items():
        prompts = catalog.prompts_of(suite_id)
        for model in by_model:
            found = catalog.outcomes_of(suite_id, model)
            path = larger / "evals" / suite_id / f"{model}.outcomes.jsonl"
            assert bool(found) == path.is_file()
            if not found:
                totals_only += 1
                continue
            with_outcomes += 1
            partial += len(found) < len(prompts)
            assert [line["prompt"] for line in outcome_lines(path)] == [
                prompt for prompt in prompts if prompt in found
            ], "in the suite's order"
            answers += [o.answer for o in found.values() if o.answer is not None]
    assert with_outcomes > 3 * totals_only > 0
    assert partial > 0
    assert "" in answers
    assert max(map(len, answers)) > 300


def test_both_suites_list_their_prompts(small: Path) -> None:
    suite = raw(small / "evals" / GENERATED_SUITE / "suite.yaml")
    assert 5 <= len(suite["categories"]) <= 15
    catalog = load_project(small)
    assert set(catalog.prompts) == set(catalog.suites)
    for suite_id, prompts in catalog.prompts.items():
        assert len(prompts) == PROMPTS_PER_SUITE
        categories = [category.id for category in catalog.suites[suite_id].categories]
        assert {prompt.category for prompt in prompts.values()} == set(categories)
        images = [prompt.image for prompt in prompts.values()]
        assert any(image is not None and image.file is not None for image in images)
        assert any(image is not None and image.url is not None for image in images)
        assert any(image is None for image in images)
    assert (small / "evals" / GENERATED_SUITE / "prompts.jsonl").is_file()
    assert (small / "evals" / "vision-evals" / "prompts.yaml").is_file()


def test_spread_keeps_the_weights_and_the_total() -> None:
    assert catalog_module.spread([15, 9, 10, 14, 19], 200) == [45, 27, 30, 42, 56]
    assert catalog_module.spread([1, 1, 1], 4) == [2, 1, 1]
    assert catalog_module.spread([100, 1, 1], 3) == [1, 1, 1]
    with pytest.raises(ValueError, match="cannot give"):
        catalog_module.spread([1, 1, 1], 2)


def test_same_seed_same_bytes(tmp_path: Path, small: Path) -> None:
    generate(tmp_path / "again", 6)
    generate(tmp_path / "other", 6, seed=2)
    assert tree(tmp_path / "again") == tree(small)
    assert tree(tmp_path / "other") != tree(small)


def test_generate_refuses_a_folder_in_use(small: Path) -> None:
    with pytest.raises(FileExistsError):
        generate(small, 6)


def test_edits_change_what_they_say_and_keep_the_project_valid(tmp_path: Path) -> None:
    project = tmp_path / "project"
    generate(project, 6)

    def changed(edit: Callable[[], str]) -> list[str]:
        before = tree(project)
        edit()
        after = tree(project)
        return sorted(
            name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
        )

    assert changed(lambda: run.edit_card(project, model_id(3))) == [f"models/{model_id(3)}.yaml"]
    [result] = changed(lambda: run.edit_result(project))
    assert result.startswith(f"evals/{GENERATED_SUITE}/")
    before = tree(project)
    for attempt in range(2):
        [outcome] = changed(functools.partial(run.edit_outcome, project, attempt))
        assert outcome.startswith(f"evals/{GENERATED_SUITE}/")
        assert outcome.endswith(".outcomes.jsonl")
    old = before[outcome].decode().splitlines()
    new = (project / outcome).read_text("utf-8").splitlines()
    flipped = [number for number, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert flipped == [0, 1]  # one line a run: the first, then the second
    for number in flipped:
        assert json.loads(old[number])["passed"] != json.loads(new[number])["passed"]
    assert changed(lambda: run.edit_base_template(project)) == ["templates/base.html"]
    assert changed(lambda: run.edit_model_template(project)) == ["templates/model.html"]
    assert changed(lambda: run.remove_model(project, model_id(1))) == [
        f"evals/{GENERATED_SUITE}/{model_id(1)}.yaml",
        f"evals/vision-evals/{model_id(1)}.yaml",
        f"models/{model_id(1)}.yaml",
    ]
    assert changed(lambda: run.remove_model(project, model_id(2))) == [
        f"evals/{GENERATED_SUITE}/{model_id(2)}.outcomes.jsonl",
        f"evals/{GENERATED_SUITE}/{model_id(2)}.yaml",
        f"evals/vision-evals/{model_id(2)}.outcomes.jsonl",
        f"evals/vision-evals/{model_id(2)}.yaml",
        f"models/{model_id(2)}.yaml",
    ]
    catalog = load_project(project)
    assert list(catalog.models) == [model_id(i) for i in range(3, 7)]


def test_one_build_prints_one_json_line(tmp_path: Path) -> None:
    project = tmp_path / "project"
    generate(project, 3)
    done = subprocess.run(
        [sys.executable, str(ONE_BUILD), str(project), str(tmp_path / "out"), "--jobs", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(line) == {
        "import_s",
        "build_s",
        "pages",
        "files",
        "written",
        "unchanged",
        "removed",
    }
    # the site's own pages, one per suite and one per prompt, three models' and three pairs'
    catalog = load_project(project)
    assert len(catalog.models) == 3
    prompts = plan.prompt_count(catalog.prompt_ids())
    assert line["pages"] == plan.plan_size(3, len(catalog.suites), prompt_count=prompts)[0]
    assert line["files"] == sum(path.is_file() for path in (tmp_path / "out").rglob("*"))
    assert line["written"] == line["files"]


def test_one_build_load_only_loads_the_catalog_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    generate(project, 3)
    subprocess.run(
        [sys.executable, str(ONE_BUILD), str(project), str(tmp_path / "out"), "--jobs", "1"],
        capture_output=True,
        check=True,
    )
    card = project / "models" / f"{model_id(2)}.yaml"
    card.write_text(card.read_text().replace("summary: ", "summary: Edited. ", 1))
    before = tree(tmp_path)
    done = subprocess.run(
        [sys.executable, str(ONE_BUILD), str(project), str(tmp_path / "out"), "--load-only"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(line) == {"import_s", "build_s", "pages", "files", "written", "unchanged", "removed"}
    assert line["build_s"] > 0
    assert line["pages"] == line["files"] == line["written"] == 0
    assert tree(tmp_path) == before  # no page, no cache saved, no state


@pytest.mark.parametrize("options", [[], ["--load-only"]])
def test_one_build_reports_problems(tmp_path: Path, options: list[str]) -> None:
    project = tmp_path / "project"
    generate(project, 3)
    card = project / "models" / f"{model_id(2)}.yaml"
    card.write_text(card.read_text().replace("organization:", "organisation:"))
    done = subprocess.run(
        [sys.executable, str(ONE_BUILD), str(project), str(tmp_path / "out"), *options],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "organisation" in done.stderr
    assert done.stdout == ""


def test_process_tree_memory_of_this_process() -> None:
    assert os.getpid() in run.process_tree(os.getpid())
    assert run.tree_rss(os.getpid()) >= run.rss_bytes(os.getpid()) > 0


def test_runner_writes_the_tables(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    command = [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "3", "--jobs", "1"]
    done = subprocess.run(
        [*command, "--results", str(results)],
        capture_output=True,
        text=True,
        check=True,
    )
    text = results.read_text()
    steps = ("cold build", "no-op rebuild", "edit one card", "load only", "edit one result")
    for step in (*steps, "edit one outcome", "edit base.html", "remove a model", "cp -r"):
        assert step in text
        assert step in done.stdout
    assert "## Targets" in text
    assert "nproc" in text
    assert "not measured" in text


def test_a_step_counts_its_fastest_run_and_its_highest_memory() -> None:
    def step(build_s: float, peak: int) -> run.Step:
        return run.Step("cold build", 1.0, 0.1, build_s, 3, 4, 4, 0, 0, peak, peak // 2)

    best = run.best_of([step(2.0, 100), step(1.5, 80), step(1.7, 120)])
    assert (best.build_s, best.peak_rss, best.max_rss) == (1.5, 120, 60)


def test_clearing_the_output_makes_the_next_build_cold(tmp_path: Path) -> None:
    project, out = tmp_path / "project", tmp_path / "site"
    generate(project, 3)
    done = subprocess.run(
        [sys.executable, str(ONE_BUILD), str(project), str(out), "--jobs", "1"],
        capture_output=True,
        check=True,
    )
    assert done.returncode == 0
    kept = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]
    assert kept  # the state, the spare tree, the lock
    assert (project / ".versus-cache").is_dir()
    trash = run.Trash(tmp_path / "trash")
    run.clear_output(project, out, trash)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "trash"]
    assert not (project / ".versus-cache").exists()
    # moved aside, not deleted: deleting waits until no step is timed any more
    moved = sorted(p.name.split("-", 1)[1] for p in (tmp_path / "trash").iterdir())
    assert moved == sorted([*kept, "site", ".versus-cache"])
    trash.empty()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_the_floor_copies_into_new_folders_and_deletes_none(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "a").mkdir(parents=True)
    (out / "a" / "index.html").write_text("<p>a</p>", "utf-8")
    trash = run.Trash(tmp_path / "trash")
    floor = run.cp_floor(out, trash, runs=2)
    assert 0 < floor.seconds < math.inf
    assert floor.user_s >= 0
    assert floor.sys_s >= 0
    copies = sorted((tmp_path / "trash").iterdir())
    assert len(copies) == 2
    assert all(tree(copy) == tree(out) for copy in copies)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "trash"]


def test_workspaces_are_removed_only_after_the_last_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, list[bool]]] = []
    made: list[Path] = []

    def fake_run(options: run.Options, n: int, space: run.Workspace) -> run.SizeRun:
        seen.append((n, [path.exists() for path in made]))
        made.append(space.path)
        return _size_run(n, {})

    monkeypatch.setattr(run, "run_size", fake_run)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    options = run.Options([5, 50, 200], None, None, tmp_path / "RESULTS.md", 1)
    assert [size.n for size in run.iter_runs(options)] == [5, 50, 200]
    assert seen == [(5, []), (50, [True]), (200, [True, True])]
    assert not any(path.exists() for path in made)


def _size_run(n: int, walls: dict[str, float], largest_pair: int = 30_000) -> run.SizeRun:
    steps = [
        run.Step(name, wall, 0.05, build, 3, 4, 0, 4, 0, 1, 1)
        for name, (wall, build) in {
            run.COLD: (20.0, 19.0),
            run.NOOP: (walls.get(run.NOOP, 0.1), 0.001),
            run.CARD: (walls.get(run.CARD, 0.4), 0.3),
        }.items()
    ]
    return run.SizeRun(n, steps, [], run.Floor(10.0), 4, 100, 1, 10, 1, 50, largest_pair, 0.1, 1, 1)


def _verdicts(runs: list[run.SizeRun]) -> dict[str, bool | None]:
    return {target.name: target.met for target in run.targets(runs)}


def test_the_wall_targets_are_judged_on_the_whole_process() -> None:
    """A no-op whose build() takes a millisecond still misses its target when the process
    around it (start-up, imports) takes longer than the limit."""
    slow = _verdicts([_size_run(5, {run.NOOP: 0.2}), _size_run(200, {run.CARD: 0.6})])
    fast = _verdicts([_size_run(5, {run.NOOP: 0.1}), _size_run(200, {run.CARD: 0.4})])
    noop = next(name for name in slow if name.startswith("N=5 ") and "wall" in name)
    card = next(name for name in slow if name.startswith("N=200 ") and "wall" in name)
    assert (slow[noop], slow[card]) == (False, False)
    assert (fast[noop], fast[card]) == (True, True)
    assert _verdicts([_size_run(50, {})])[noop] is None  # not measured
    table = run.targets_table(run.targets([_size_run(5, {run.NOOP: 0.123})]))
    assert "0.123 s wall (0.001 s build)" in table


def test_the_runner_measures_the_sample_size_by_default() -> None:
    assert run.SAMPLE_SIZE in run.parse([]).sizes


def test_the_largest_pair_page_is_judged_not_the_mean() -> None:
    big = _verdicts([_size_run(500, {}, largest_pair=40_961)])
    small = _verdicts([_size_run(500, {}, largest_pair=40_960)])
    assert big[run.PAIR_HTML_NAME] is False
    assert small[run.PAIR_HTML_NAME] is True


def test_pair_page_bytes_finds_the_largest(tmp_path: Path) -> None:
    for name, size in (("a-vs-b", 10), ("a-vs-c", 30), ("all", 99)):
        (tmp_path / "compare" / name).mkdir(parents=True)
        (tmp_path / "compare" / name / "index.html").write_bytes(b"x" * size)
    assert run.pair_page_bytes(tmp_path) == (2, 40, 30)
