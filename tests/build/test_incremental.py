"""Incremental builds: after any sequence of edits, the site equals a clean build.

A hypothesis property test applies random edits (cards, results, templates
overriding the theme's, config, suites: added, changed, removed) to a small project, rebuilding the
same output folder after each, and compares every byte with a clean in-memory
build. Other tests pin down what an edit re-renders and that unchanged files
keep their modification time.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import SAMPLE_MODELS, fixture_project, override, png, tree, write
from synthetic import add_models
from versus import urls
from versus.build.pipeline import build, render_site
from versus.inputs.load import load_project
from versus.site.kinds import KINDS, Reads
from versus.site.plan import plan_for, plan_size

RESULT = """\
provenance: measured
source:
  title: A run
categories:
  defect-detection: {{passed: {passed}, total: 15}}
  object-counting: {{passed: 3, total: 10}}
avg_response_seconds: {seconds}
"""

EXTRA_SUITE = """\
name: Extra Evals
summary: Eight prompts in two categories.
description: A second suite.
methodology: Each prompt passes or fails.
prompts: 8
categories:
  - {id: reading, label: Reading, prompts: 4}
  - {id: counting, label: Counting, prompts: 4}
"""

EXTRA_RESULT = """\
provenance: self-reported
source:
  title: The makers
categories:
  reading: {{passed: {passed}, total: 4}}
"""

MINI_SUITE = """\
name: Mini Evals
summary: Three prompts in two categories.
description: A suite that lists its prompts.
methodology: Each prompt passes or fails.
categories:
  - {id: reading, label: Reading}
  - {id: counting, label: Counting}
"""

MINI_TOTALS = """\
provenance: measured
source: {{title: A run}}
categories:
  reading: {{passed: {passed}, total: 1}}
"""

MINI_PROMPTS = (
    '{"id": "read-sign", "category": "reading", "prompt": "What does the sign say?", '
    '"image": "images/sign.png"}\n'
    '{"id": "count-cats", "category": "counting", "prompt": "How many cats?"}\n'
    '{"id": "count-cars", "category": "counting", "prompt": "How many cars?", '
    '"image": "images/cars.png"}\n'
)


def mini_suite(project: Path, models: tuple[str, ...] = ("paligemma", "florence-2")) -> None:
    """``evals/mini``: a suite that lists three prompts (two with images), and the outcomes
    of ``models``."""
    write(project, "evals/mini/suite.yaml", MINI_SUITE)
    write(project, "evals/mini/prompts.jsonl", MINI_PROMPTS)
    (project / "evals/mini/images").mkdir(parents=True, exist_ok=True)
    (project / "evals/mini/images/sign.png").write_bytes(png(4, 3, 10))
    (project / "evals/mini/images/cars.png").write_bytes(png(4, 3, 10))  # the same image
    for model in models:
        outcomes(project, model, (True, False))


def outcomes(project: Path, model: str, verdicts: tuple[bool, bool]) -> None:
    """``model``'s run on the mini suite: its outcomes of the first two prompts."""
    write(project, f"evals/mini/{model}.yaml", "provenance: measured\nsource: {title: A run}\n")
    sign, cats = (str(v).lower() for v in verdicts)
    write(
        project,
        f"evals/mini/{model}.outcomes.jsonl",
        f'{{"prompt": "read-sign", "passed": {sign}, "answer": "STOP"}}\n'
        f'{{"prompt": "count-cats", "passed": {cats}}}\n',
    )


TEMPLATES = sorted({*KINDS.templates().values(), "base.html", "partials/cell.html"})
"""Every kind's template (from the registry), and two that many pages include."""


def clean(project: Path) -> dict[str, bytes]:
    return render_site(load_project(project), project)


def _cards(project: Path) -> list[Path]:
    return sorted((project / "models").glob("*.yaml"))


def apply(project: Path, edit: tuple[str, int, int]) -> None:
    """One edit; ``which`` picks a file, ``value`` varies what is written."""
    kind, which, value = edit
    cards = _cards(project)
    card = cards[which % len(cards)]
    model = card.stem
    if kind == "rename":
        text = card.read_text()
        name = next(line for line in text.splitlines() if line.startswith("name:"))
        card.write_text(text.replace(name, f"name: Model {value}", 1))
    elif kind == "summary":  # not printed by the kinds that list every model (ANY_LISTED)
        text = card.read_text()
        if "summary: >-\n" in text:
            card.write_text(text.replace("summary: >-\n", f"summary: >-\n  Take {value}.\n", 1))
        else:
            card.write_text(re.sub(r"(?m)^summary: ", f"summary: Take {value}. ", text, count=1))
    elif kind == "description":  # printed by a few kinds only (Reads.OWN_FACTS)
        card.write_text(
            card.read_text().replace("description: |-\n", f"description: |-\n  Take {value}.\n", 1)
        )
    elif kind == "released":  # the sitemap's lastmod dates follow it
        text = card.read_text()
        released = next(line for line in text.splitlines() if line.startswith("released:"))
        card.write_text(text.replace(released, f'released: "20{10 + value % 17}-0{1 + value % 9}"'))
    elif kind == "capability":
        state = ["supported", "demo", '"no"'][value % 3]
        text = card.read_text().replace(
            "capabilities:\n", f"capabilities:\n  region-proposal: {state}\n", 1
        )
        card.write_text(text if "region-proposal:" not in card.read_text() else card.read_text())
    elif kind == "add":
        add_models(project, 1, seed=value)
        (project / "models" / "synthetic-000.yaml").rename(
            project / "models" / f"added-{value}.yaml"
        )
    elif kind == "remove" and len(cards) > 2:
        card.unlink()
        for result in project.glob(f"evals/*/{model}.*"):
            result.unlink()
    elif kind == "result":
        write(
            project,
            f"evals/vision-evals/{model}.yaml",
            RESULT.format(passed=value % 16, seconds=1 + value),
        )
    elif kind == "drop-result":
        (project / "evals" / "vision-evals" / f"{model}.yaml").unlink(missing_ok=True)
    elif kind == "template":  # an override of the theme's, added or edited
        name = TEMPLATES[which % len(TEMPLATES)]
        template = project / "templates" / name
        if not template.exists():
            override(project, name)
        template.write_text(template.read_text() + f"<!-- edit {value} -->\n")
    elif kind == "drop-template":  # the theme's again
        (project / "templates" / TEMPLATES[which % len(TEMPLATES)]).unlink(missing_ok=True)
    elif kind == "config":
        config = project / "versus.yaml"
        config.write_text(config.read_text().replace("title: ", f"title: v{value} ", 1))
    elif kind == "suite":
        suite = project / "evals" / "vision-evals" / "suite.yaml"
        text = suite.read_text()
        suite.write_text(text.replace("summary: ", f"summary: ({value}) ", 1))
    elif kind == "outcome":  # a new run of the model, or other outcomes
        outcomes(project, model, (value % 2 == 0, value % 3 == 0))
    elif kind == "totals":  # the model's run on the mini suite gives totals only
        (project / "evals" / "mini" / f"{model}.outcomes.jsonl").unlink(missing_ok=True)
        write(project, f"evals/mini/{model}.yaml", MINI_TOTALS.format(passed=value % 2))
    elif kind == "drop-run":  # no result of the model on the mini suite
        for run in project.glob(f"evals/mini/{model}.*"):
            run.unlink()
    elif kind == "image":
        (project / "evals/mini/images/cars.png").write_bytes(png(4 + value % 3, 3, value))
    elif kind == "suite-set":  # a second suite comes or goes, and with it a CSV per page
        extra = project / "evals" / "extra-evals"
        if extra.exists():
            shutil.rmtree(extra)
        else:
            write(project, "evals/extra-evals/suite.yaml", EXTRA_SUITE)
            write(project, f"evals/extra-evals/{model}.yaml", EXTRA_RESULT.format(passed=value % 5))


EDITS = st.tuples(
    st.sampled_from(
        [
            "rename",
            "summary",
            "description",
            "released",
            "capability",
            "add",
            "remove",
            "result",
            "drop-result",
            "template",
            "drop-template",
            "config",
            "suite",
            "suite-set",
            "outcome",
            "totals",
            "drop-run",
            "image",
            "none",
        ]
    ),
    st.integers(0, 50),
    st.integers(0, 99),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=6))
def test_incremental_builds_equal_clean_builds(
    edits: list[tuple[str, int, int]], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    project = fixture_project(work / "project")
    mini_suite(project)
    out = work / "site"
    build(project, out, jobs=1)
    for edit in edits:
        apply(project, edit)
        build(project, out, jobs=1)
        assert tree(out) == clean(project), f"after {edit}"
    # every kind of the registry was compared (a sitemap in parts needs 50,000 pages)
    catalog, files = load_project(project), tree(out)
    planned = plan_for(catalog.models, catalog.suites, prompts=catalog.prompt_ids())
    covered = {spec.kind for spec in planned if spec.path in files}
    assert covered == {kind.name for kind in KINDS} - {"sitemap-part"}


def test_a_card_edit_rerenders_its_pages_only(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text().replace("  vqa: supported", "  vqa: demo", 1))
    report = build(project, out, jobs=1)
    # its model page, its score table CSV and its outcome file; its four pairs' pages; the
    # index and the capabilities page (the matrix shows it), models.json, llms.txt, the feed
    # and the leaderboard's CSV; not the sitemap, which prints no more of a model than its
    # id and the date of its data
    written = 3 + 4 + 6 + 1  # and the suite's page, which ranks every model
    assert report.publish.written == written
    assert report.publish.unchanged == report.files - written
    assert "sitemap.xml" not in report.written


def test_a_summary_edit_rerenders_the_pages_that_print_it_only(
    project: Path, tmp_path: Path
) -> None:
    """A card's summary is prose: the pages that list every model as rows (a suite's
    leaderboard, its CSV, the capability matrix) do not print it, so an edit of it keeps
    them, and what is rendered again equals a clean build."""
    out = tmp_path / "site"
    build(project, out, jobs=1)
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Edited.\n", 1))
    report = build(project, out, jobs=1)
    written = set(report.written)
    assert {"index.html", "models/paligemma/index.html", "api/models.json"} <= written
    assert any(name.startswith("compare/") for name in written)
    listing = {kind.name for kind in KINDS if Reads.ANY_LISTED in kind.reads}
    assert listing == {"suite", "leaderboard-csv", "capabilities"}
    catalog = load_project(project)
    kept = {spec.path for spec in plan_for(catalog.models, catalog.suites) if spec.kind in listing}
    assert kept
    assert kept.isdisjoint(written)
    assert tree(out) == clean(project)


def test_a_date_edit_rerenders_the_sitemap(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = (out / "sitemap.xml").read_bytes()
    card = project / "models" / "paligemma.yaml"
    text = card.read_text()
    released = next(line for line in text.splitlines() if line.startswith("released:"))
    card.write_text(text.replace(released, 'released: "2030-01"'))
    report = build(project, out, jobs=1)
    assert "sitemap.xml" in report.written
    after = (out / "sitemap.xml").read_text()
    assert (out / "sitemap.xml").read_bytes() != before
    assert "<lastmod>2030-01</lastmod>" in after
    assert tree(out) == clean(project)


def test_unchanged_files_keep_their_modification_time(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*.html")}
    card = project / "models" / "sam-clip.yaml"
    card.write_text(
        card.read_text().replace(
            "organization: Apple and UIUC", "organization: Apple and the University of Illinois", 1
        )
    )
    build(project, out, jobs=1)
    changed = {p.relative_to(out).as_posix() for p in before if p.stat().st_mtime_ns != before[p]}
    assert "models/sam-clip/index.html" in changed
    assert "compare/florence-2-vs-sam-clip/index.html" in changed
    assert "compare/florence-2-vs-paligemma/index.html" not in changed
    assert "models/florence-2/index.html" not in changed


def test_a_no_op_build_writes_nothing(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = build(project, out, jobs=1)
    again = build(project, out, jobs=1)
    assert (again.publish.written, again.publish.unchanged) == (0, first.files)


def test_a_template_edit_rerenders_the_pages_that_use_it(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    model = override(project, "model.html")
    model.write_text(
        model.read_text().replace("<h1>{{ model.name }}</h1>", "<h1>Model: {{ model.name }}</h1>")
    )
    report = build(project, out, jobs=1)
    pages = [name for name in report.written if not name.startswith(urls.SEARCH)]
    assert len(pages) == 5  # the five model pages, nothing else
    assert len(pages) < len(report.written)  # and the search index of their new text
    assert tree(out) == clean(project)


def test_a_site_replaced_behind_versus_back_is_rebuilt(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    shutil.rmtree(out)
    out.mkdir()
    (out / "stray.html").write_text("left by hand")
    build(project, out, jobs=1, take_over=True)  # without its marker the folder is not versus's
    assert tree(out) == clean(project)


def test_other_code_or_options_rebuild_in_full_and_prune(project: Path, tmp_path: Path) -> None:
    """Another versus (or another printed date) may plan other files: what the new plan
    does not make goes, even deep in the tree where no recorded state notices it."""
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(project, out, date(2026, 1, 1), jobs=1)
    old_output = out / "compare" / "florence-2-vs-paligemma" / "vision-evals.csv"
    old_output.write_text("a file an older versus wrote beside the page")
    build(project, out, date(2026, 1, 2), jobs=1)
    build(project, fresh, date(2026, 1, 2), jobs=1)
    assert not old_output.exists()
    assert tree(out) == tree(fresh)


def test_clean_ignores_what_the_last_build_recorded(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    page = out / "models" / "florence-2" / "index.html"
    page.write_text("edited by hand")  # in place, deep in the tree: nothing records it
    assert build(project, out, jobs=1).publish.written == 0
    assert page.read_text() == "edited by hand"
    build(project, out, jobs=1, clean=True)
    assert tree(out) == clean(project)


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_or_many_processes_write_the_same_bytes(jobs: int, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    add_models(project, 30)  # 35 models, 595 pairs: several chunks of work
    out = tmp_path / "site"
    build(project, out, jobs=jobs)
    assert tree(out) == clean(project)


@pytest.mark.parametrize("count", [2, 3])
def test_the_union_of_all_shards_is_the_full_site(count: int, tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    add_models(project, 6)
    merged = tmp_path / "merged"
    merged.mkdir()
    for index in range(1, count + 1):
        part = tmp_path / f"part-{index}"
        build(project, part, jobs=1, share=(index, count))
        shared = set(tree(part)) & set(tree(merged))
        assert shared <= {".versus-site"}, "two shares wrote the same file"  # each is versus's
        shutil.copytree(part, merged, dirs_exist_ok=True)
    assert tree(merged) == clean(project)


def test_a_shard_that_does_not_exist_is_refused(project: Path) -> None:
    from click.testing import CliRunner

    from versus.cli import main

    result = CliRunner().invoke(main, ["build", "-p", str(project), "--shard", "5/4"])
    assert result.exit_code == 2
    assert "expected K/N with 1 <= K <= N" in result.stderr


def test_a_no_op_build_reads_no_input(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a no-op build parsed the project")

    monkeypatch.setattr("versus.inputs.load.load_project", refuse)  # imported when used
    report = build(project, out, jobs=1)
    assert (report.pages, report.publish.written) == (plan_size(5, 1)[0], 0)
    # any change to an input file, a hidden file aside, ends the quick path
    (project / "models" / ".florence-2.yaml.swp").write_text("editor state")
    assert build(project, out, jobs=1).publish.written == 0
    card = project / "models" / "florence-2.yaml"
    card.write_text(card.read_text() + "\n")
    with pytest.raises(AssertionError, match="parsed the project"):
        build(project, out, jobs=1)


def test_an_unused_template_changes_no_page(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    write(project, "templates/partials/unused.html", "<p>not included anywhere</p>\n")
    assert build(project, out, jobs=1).publish.written == 0
    assert tree(out) == clean(project)


def test_an_outcome_edit_rerenders_that_models_pages_only(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        project,
        "evals/mini/suite.yaml",
        """\
        name: Mini Evals
        summary: Three prompts in two categories.
        description: A suite that lists its prompts.
        methodology: Each prompt passes or fails.
        categories:
          - {id: reading, label: Reading}
          - {id: counting, label: Counting}
        """,
    )
    write(
        project,
        "evals/mini/prompts.jsonl",
        '{"id": "read-sign", "category": "reading", "prompt": "What does the sign say?"}\n'
        '{"id": "count-cats", "category": "counting", "prompt": "How many cats?"}\n'
        '{"id": "count-cars", "category": "counting", "prompt": "How many cars?"}\n',
    )
    for model in ("paligemma", "florence-2"):
        write(project, f"evals/mini/{model}.yaml", "provenance: measured\nsource: {title: A run}\n")
        write(
            project,
            f"evals/mini/{model}.outcomes.jsonl",
            '{"prompt": "read-sign", "passed": true}\n{"prompt": "count-cats", "passed": false}\n',
        )
    out = tmp_path / "site"
    build(project, out, jobs=1)
    from versus.build.parallel import PageRenderer
    from versus.site.kinds import PageSpec

    rendered: list[str] = []
    real = PageRenderer.render

    def spy(self: PageRenderer, spec: PageSpec) -> bytes:
        rendered.append(spec.path)
        return real(self, spec)

    monkeypatch.setattr(PageRenderer, "render", spy)
    outcomes = project / "evals" / "mini" / "paligemma.outcomes.jsonl"
    outcomes.write_text(outcomes.read_text().replace('"passed": false', '"passed": true'))
    build(project, out, jobs=1)
    assert "models/paligemma/index.html" in rendered
    assert "compare/florence-2-vs-paligemma/index.html" in rendered
    for path in rendered:
        assert not any(path.startswith(f"models/{m}/") for m in SAMPLE_MODELS if m != "paligemma")
        assert not path.startswith("compare/") or path.count("/") == 1 or "paligemma" in path
    assert tree(out) == clean(project)


def _rendered_by(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the files the next builds render, as they render them."""
    from versus.build.parallel import PageRenderer
    from versus.site.kinds import PageSpec

    rendered: list[str] = []
    real = PageRenderer.render

    def spy(self: PageRenderer, spec: PageSpec) -> bytes:
        rendered.append(spec.path)
        return real(self, spec)

    monkeypatch.setattr(PageRenderer, "render", spy)
    return rendered


def test_an_outcome_edit_rerenders_the_page_of_that_prompt_only(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini_suite(project)
    out = tmp_path / "site"
    build(project, out, jobs=1)
    rendered = _rendered_by(monkeypatch)
    outcomes(project, "paligemma", (True, True))  # count-cats: failed -> passed
    build(project, out, jobs=1)
    prompt_pages = {p for p in rendered if p.startswith("evals/mini/") and p.count("/") == 3}
    assert prompt_pages == {"evals/mini/count-cats/index.html"}
    assert "evals/mini/index.html" in rendered  # its leaderboards
    assert tree(out) == clean(project)


@pytest.mark.parametrize(
    "edit", [("totals", 0, 1), ("drop-run", 0, 0)], ids=["outcomes-to-totals", "run-removed"]
)
def test_a_run_that_stops_giving_outcomes_rerenders_the_prompt_pages(
    edit: tuple[str, int, int], project: Path, tmp_path: Path
) -> None:
    """A prompt page says why a model has no verdict: its outcomes leave the prompt out,
    its run gives totals only, or it has no run; each change of which shows on every
    prompt page of the suite."""
    mini_suite(project)  # edits 0 are of the first card: Florence-2, which gives outcomes
    out = tmp_path / "site"
    build(project, out, jobs=1)
    apply(project, edit)
    build(project, out, jobs=1)
    assert tree(out) == clean(project)
    apply(project, ("totals", 0, 0) if edit[0] == "drop-run" else ("drop-run", 0, 0))
    build(project, out, jobs=1)
    assert tree(out) == clean(project)


def test_a_card_description_edit_rerenders_no_prompt_page(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A prompt's page shows the models by name only: at N models and P prompts, a card
    edit must not render P pages again."""
    mini_suite(project)
    out = tmp_path / "site"
    build(project, out, jobs=1)
    rendered = _rendered_by(monkeypatch)
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Edited.\n", 1))
    build(project, out, jobs=1)
    assert "models/paligemma/index.html" in rendered
    assert not [p for p in rendered if p.startswith("evals/mini/") and p.count("/") == 3]
    assert tree(out) == clean(project)
    # a rename shows on them: every prompt page again
    text = card.read_text()
    name = next(line for line in text.splitlines() if line.startswith("name:"))
    card.write_text(text.replace(name, "name: PaliGemma Renamed", 1))
    rendered.clear()
    build(project, out, jobs=1)
    assert {p for p in rendered if p.startswith("evals/mini/") and p.count("/") == 3} == {
        f"evals/mini/{prompt}/index.html" for prompt in ("read-sign", "count-cats", "count-cars")
    }
    assert tree(out) == clean(project)


def test_a_description_edit_renders_only_the_files_that_print_descriptions(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    rendered = _rendered_by(monkeypatch)
    apply(project, ("description", SAMPLE_MODELS.index("paligemma"), 7))
    build(project, out, jobs=1)
    printing = {kind.name for kind in KINDS if {Reads.OWN_MODELS, Reads.ANY_MODEL} & kind.reads}
    catalog = load_project(project)
    planned = plan_for(catalog.models, catalog.suites, prompts=catalog.prompt_ids())
    kind_of = {spec.path: spec for spec in planned}
    assert {kind_of[path].kind for path in rendered} <= printing
    assert "models/paligemma/index.html" in rendered
    assert "api/models.json" in rendered
    assert "index.html" not in rendered  # it prints summaries, not descriptions
    assert not [p for p in rendered if p.startswith(("api/outcomes/", "compare/"))]
    # every file of a model the edit is not about stays
    assert all("paligemma" in kind_of[p].ids or not kind_of[p].ids for p in rendered)
    assert tree(out) == clean(project)


def test_an_image_edit_rewrites_the_image_under_a_new_name(project: Path, tmp_path: Path) -> None:
    mini_suite(project)
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = sorted(p.name for p in (out / "images").iterdir())
    assert len(before) == 1  # two prompts, one image
    (project / "evals/mini/images/cars.png").write_bytes(png(5, 3, 200))
    build(project, out, jobs=1)
    after = sorted(p.name for p in (out / "images").iterdir())
    assert len(after) == 2
    assert before[0] in after
    assert tree(out) == clean(project)
