"""The example project (``examples/synthetic/``): generated, checked, built, and in a browser.

The example is built as its README says, a copy of it built with the theme versus
ships. Nothing here reads the repository's ``models/`` or ``evals/``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from click.testing import CliRunner
from playwright.sync_api import Browser, Page, Route

from htmltools import soup, text
from support import REPO
from test_browser import browser, serving  # noqa: F401 - fixtures
from versus.build.pipeline import BuildReport, build
from versus.cli import main
from versus.inputs.catalog import Catalog
from versus.inputs.load import load_project
from versus.site import plan

EXAMPLE = REPO / "examples" / "synthetic"
GENERATE = EXAMPLE / "generate.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("example_generate", GENERATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


generate = _generator()


def example_copy(target: Path) -> Path:
    """The example's files (not a cache or site a local build left), at ``target``."""
    target.mkdir(parents=True)
    for name in generate.GENERATED:
        source = EXAMPLE / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_copy(tmp_path_factory.mktemp("example") / "project")


@pytest.fixture(scope="module")
def catalog(example: Path) -> Catalog:
    return load_project(example)


@pytest.fixture(scope="module")
def built(example: Path) -> tuple[Path, BuildReport]:
    out = example.parent / "site"
    return out, build(example, out, jobs=1)


def notice(project: Path) -> str:
    config = yaml.safe_load((project / "versus.yaml").read_text("utf-8"))
    assert isinstance(config["notice"], str)
    return config["notice"]


# --- the files ------------------------------------------------------------------


def test_committed_files_are_what_the_generator_writes() -> None:
    assert generate.differences(EXAMPLE, generate.files()) == []


def test_the_generator_does_not_depend_on_hash_seeds() -> None:
    """``--check`` in fresh interpreters with other string hashes: the same bytes."""
    for seed in ("0", "12345"):
        done = subprocess.run(
            [sys.executable, str(GENERATE), "--check"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, done.stderr


def test_a_stale_file_is_named(tmp_path: Path) -> None:
    project = example_copy(tmp_path / "project")
    expected = generate.files()
    card = project / "models" / "example-vision-a.yaml"
    card.write_text(card.read_text("utf-8").replace("Example Labs", "Other Labs"), "utf-8")
    (project / "evals" / "example-scenes" / "images" / "scene-1.png").unlink()
    (project / "models" / "extra.yaml").write_text("name: extra\n", "utf-8")
    assert generate.differences(project, expected) == [
        "evals/example-scenes/images/scene-1.png: missing",
        "models/example-vision-a.yaml: differs",
        "models/extra.yaml: not written by generate.py",
    ]
    generate.write(project, expected)
    assert generate.differences(project, expected) == []


def test_images_are_valid_pngs_of_what_the_prompts_ask_about() -> None:
    for scene in (generate.scene(generate.stream("test", n)) for n in range(20)):
        data = generate.png(scene.pixels())
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert data[12:16] == b"IHDR"
        assert int.from_bytes(data[16:20], "big") == int.from_bytes(data[20:24], "big") == 48
        assert data.endswith(b"IEND\xaeB`\x82")
        assert 2 <= scene.count() <= 6
    # the first square read row by row is the top-left-most one
    one = generate.Scene(((0, 3, "red"), (1, 0, "blue")))
    assert (one.first(), one.count("blue"), one.in_top_half("blue")) == ("red", 1, True)
    pixels = one.pixels()
    assert pixels[0][0] == "white"
    assert pixels[generate.CELL // 2][3 * generate.CELL + generate.CELL // 2] == "red"


def test_the_example_shows_every_form_of_data(catalog: Catalog) -> None:
    """Prompt lists in both formats, images as files and URLs, runs with outcomes and runs
    with totals only, answers of every length, and a model without any run."""
    assert len(catalog.suites) >= 2
    lists = {path.name for path in EXAMPLE.glob("evals/*/prompts.*")}
    assert lists == {"prompts.yaml", "prompts.jsonl"}
    images = [p.image for prompts in catalog.prompts.values() for p in prompts.values()]
    assert any(image is not None and image.file is not None for image in images)
    assert any(image is not None and image.url is not None for image in images)
    assert any(image is None for image in images)
    assert any(p.expected is None for prompts in catalog.prompts.values() for p in prompts.values())

    runs = [(suite, model) for suite, by_model in catalog.results.items() for model in by_model]
    with_outcomes = [run for run in runs if catalog.outcomes_of(*run)]
    assert len(with_outcomes) > len(runs) / 2, "most runs give outcomes"
    assert len(with_outcomes) < len(runs), "some runs give totals only"
    answers = [o.answer for run in with_outcomes for o in catalog.outcomes_of(*run).values()]
    assert "" in answers  # answered nothing
    assert None in answers  # not recorded
    lengths = [len(answer) for answer in answers if answer]
    assert min(lengths) <= 5
    assert max(lengths) >= 1000
    partial = [
        run
        for run in with_outcomes
        if len(catalog.outcomes_of(*run)) < len(catalog.prompts_of(run[0]))
    ]
    assert partial, "a run that covered part of its suite"
    assert set(catalog.models) - {model for _, model in runs}, "a model without any run"
    for card in catalog.models.values():
        assert any("Synthetic" in note for note in card.notes)


def test_the_example_passes_versus_check(example: Path, catalog: Catalog) -> None:
    result = CliRunner().invoke(main, ["check", "-p", str(example)])
    assert result.exit_code == 0, result.output
    runs = sum(len(by_model) for by_model in catalog.results.values())
    assert result.output == (
        f"versus: ok: {len(catalog.models)} models, {len(catalog.suites)} suites, {runs} results\n"
    )


# --- the built site -------------------------------------------------------------


def html_pages(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*.html"))


def test_the_example_builds_the_pages_of_its_plan(
    built: tuple[Path, BuildReport], catalog: Catalog
) -> None:
    out, report = built
    assert report.warnings == ()
    models, suites = list(catalog.models), list(catalog.suites)
    prompts = catalog.prompt_ids()
    specs = plan.plan_for(models, suites, prompts=prompts)
    planned = sorted(s.path for s in specs if s.path.endswith(".html"))
    assert html_pages(out) == planned
    count = plan.prompt_count(prompts)
    assert count > 0  # a page per prompt
    assert (
        report.pages
        == len(planned)
        == plan.plan_size(len(models), len(suites), prompt_count=count)[0]
    )
    pairs = [f"compare/{a}-vs-{b}/index.html" for a, b in combinations(sorted(models), 2)]
    assert set(pairs) <= set(planned)
    assert len([page for page in planned if "-vs-" in page]) == len(models) * (len(models) - 1) // 2
    assert {f"models/{model}/index.html" for model in models} <= set(planned)


def test_a_time_over_too_few_prompts_is_shown_but_never_best(
    built: tuple[Path, BuildReport], catalog: Catalog
) -> None:
    """Example Tiny F's Example Documents run covered 15 of 32 prompts, under the suite's
    coverage threshold: every pair page shows its time (the lowest of all), saying it is not
    compared, never marks it best, and no sentence calls Tiny F faster there; the other
    model's time is not marked best against it either."""
    out, _ = built
    suite = catalog.suites["example-documents"]
    tiny = catalog.results["example-documents"]["example-tiny-f"]
    covered = sum(entry.total for entry in tiny.categories.values())
    assert covered * 100 < suite.coverage_threshold * suite.prompts
    pages = sorted(out.glob("compare/*example-tiny-f*/index.html"))
    assert len(pages) == len(catalog.models) - 1
    checked = 0
    for path in pages:
        page = soup(path.read_bytes())
        for point in page.select(".page-head .lead-points li"):
            said = text(point)
            if "Example Documents" in said:
                assert "faster" not in said, said
                assert "same time" not in said, said
        table = page.select_one('section.suite[aria-labelledby="suite-example-documents"] table')
        if table is None or table.select_one("td.cell--not-evaluated"):
            continue
        models = [text(th) for th in table.select("thead th")[1:]]
        (row,) = [
            tr
            for tr in table.select("tbody tr")
            if text(tr.th).startswith("Average response time")  # type: ignore[arg-type]
        ]
        cells = dict(zip(models, row.find_all("td"), strict=True))
        assert text(cells["Example Tiny F"]).startswith("0.43 s not compared: run covered under")
        assert not row.select(".is-leader"), path
        checked += 1
    assert checked >= 4


def test_the_notice_is_on_every_page(built: tuple[Path, BuildReport], example: Path) -> None:
    out, _ = built
    said = notice(example)
    pages = html_pages(out)
    assert len(pages) > 20
    for page in pages:
        html = soup((out / page).read_bytes())
        found = html.select(".site-notice")
        assert len(found) == 1, page
        assert found[0].name == "p"
        assert found[0].get("role") == "note"
        assert text(found[0]) == said, page
        assert found[0].find_parent("header") is html.select_one("body > header"), page


def test_without_a_notice_no_page_has_one(tmp_path: Path) -> None:
    project = example_copy(tmp_path / "project")
    config = project / "versus.yaml"
    lines = config.read_text("utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith("notice:")), "utf-8")
    out = tmp_path / "site"
    build(project, out, jobs=1)
    for page in html_pages(out):
        assert soup((out / page).read_bytes()).select(".site-notice") == [], page


# --- in a browser ---------------------------------------------------------------


@pytest.fixture(scope="module")
def server(built: tuple[Path, BuildReport]) -> Iterator[str]:
    with serving(built[0]) as address:
        yield address


def open_offline(chromium: Browser, url: str, width: int = 1280) -> tuple[Page, list[str]]:
    """The page at ``url``, its console errors and failed requests; a request to another
    host, which a page must never make (an image elsewhere is linked, not loaded), is a
    problem, and is stopped before it reaches the network."""
    page = chromium.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    local = url.split("/", 3)[:3]

    def route(route: Route) -> None:
        if route.request.url.split("/", 3)[:3] == local:
            route.continue_()
        else:
            problems.append(f"request outside the site: {route.request.url}")
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    response = page.goto(url)
    assert response is not None, url
    assert response.ok, url
    return page, problems


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "",
        "compare/example-vision-a-vs-example-vision-b/",
        "evals/example-scenes/",
        "evals/example-scenes/count-all-1/",  # with a published image
    ],
)
def test_pages_load_in_chromium_without_errors(
    browser: Browser,  # noqa: F811
    server: str,
    example: Path,
    path: str,
) -> None:
    page, problems = open_offline(browser, f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    banner = page.locator("p.site-notice")
    assert banner.is_visible()
    assert banner.inner_text() == notice(example)
    assert page.locator("#main h1").count() == 1
    # every image of the site's own is there, drawn at the size the page states: as a
    # thumbnail scaled down in proportion, or, small, scaled up by a whole factor with its
    # pixels sharp; lazy ones load once scrolled to
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
        natural = image.evaluate(
            "img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])"
        )
        width, height = (int(image.get_attribute(side) or 0) for side in ("width", "height"))
        if "pixelated" in (image.get_attribute("class") or "").split():
            factor = width // natural[0]
            assert factor >= 2, path
            assert (width, height) == (natural[0] * factor, natural[1] * factor), path
            assert image.evaluate("img => getComputedStyle(img).imageRendering") == "pixelated"
            continue
        assert 0 < width <= natural[0], path
        assert 0 < height <= natural[1], path
        assert abs(width * natural[1] - height * natural[0]) <= max(natural), path
    assert problems == []
    page.close()
