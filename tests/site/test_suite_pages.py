"""A suite's page (``evals/<suite>/``), each prompt's page (``evals/<suite>/<prompt>/``) and
the prompts' images, read back through an HTML parser."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from htmltools import soup, table_rows, text
from support import fixture_project
from test_differences_page import LONG_ANSWER, PNG, SMALL_CATEGORIES, add_suite, small_project
from versus.build.pipeline import render_site
from versus.inputs.load import load_project

SUITE = "evals/small/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = small_project(tmp_path_factory.mktemp("suite-pages") / "project", totals_only=True)
    return render_site(load_project(root), root)


def page(site: dict[str, bytes], name: str) -> BeautifulSoup:
    return soup(site[name])


def section(html: BeautifulSoup, id_: str) -> Tag:
    found = html.find("section", id=id_)
    assert isinstance(found, Tag), id_
    return found


def target(page_file: str, href: str) -> str:
    """The site file a relative link of ``page_file`` leads to."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), href))
    path = joined.split("#")[0]
    return path + "/index.html" if not posixpath.splitext(path)[1] else path


def test_the_suite_page_says_what_it_measures_its_categories_and_method(
    site: dict[str, bytes],
) -> None:
    html = page(site, SUITE)
    assert text(html.h1) == "Small"  # type: ignore[arg-type]
    categories = [
        " ".join(li.get_text().split()) for li in section(html, "categories").find_all("li")
    ]
    assert categories == ["Reading: 3 prompts", "Counting: 2 prompts", "Pointing: 1 prompt"]
    assert text(section(html, "method").find("div", class_="prose")) != ""  # type: ignore[arg-type]


def test_the_suite_page_ranks_every_run_with_intervals_and_coverage(
    site: dict[str, bytes],
) -> None:
    board = section(page(site, SUITE), "leaderboard")
    rows = table_rows(board.find("table"))  # type: ignore[arg-type]
    assert rows[0][:4] == ["Rank", "Model", "Overall score", "Prompts covered"]
    body = {row[1]: row for row in rows[1:]}
    assert set(body) == {"Florence-2", "PaliGemma", "Gemma 4 12B"}
    # PaliGemma passed 4 of its 6: 66.67%, with its interval and its coverage
    assert body["PaliGemma"][2].startswith("66.67% 4/6, 95% CI")
    assert body["PaliGemma"][3] == "6 of 6 prompts"
    assert body["Florence-2"][3] == "5 of 6 prompts"


def test_each_category_has_its_leaderboard_with_shared_ranks(site: dict[str, bytes]) -> None:
    html = page(site, SUITE)
    boards = section(html, "by-category").find_all("section", class_="category-board")
    assert [text(board.h3) for board in boards] == ["Reading", "Counting", "Pointing"]  # type: ignore[arg-type]
    table = boards[1].find("table")
    assert isinstance(table, Tag)
    counting = {row[1]: row for row in table_rows(table)[1:]}
    # Florence-2 1/2, PaliGemma 2/2, Gemma 4 12B 1/2: the two at 50% share rank 2
    assert [counting[m][0] for m in ("PaliGemma", "Florence-2", "Gemma 4 12B")] == ["1", "2", "2"]
    assert counting["PaliGemma"][3] == "2 of 2 prompts"
    # Gemma 4 12B gives totals for reading and counting only; Florence-2 skipped the dog
    not_run = boards[2].find("p", class_="empty")
    assert isinstance(not_run, Tag)
    assert [text(a) for a in not_run.find_all("a")] == ["Florence-2", "Gemma 4 12B"]


def test_the_suite_page_links_every_prompt_to_its_page(site: dict[str, bytes]) -> None:
    html = page(site, SUITE)
    links = list(html.select(".prompt-list a"))
    assert [text(a) for a in links] == ["sign", "menu", "label", "cats", "cars", "dog"]
    for link in links:
        assert target(SUITE, str(link["href"])) in site


def test_every_score_table_and_leaderboard_links_the_suite_page(site: dict[str, bytes]) -> None:
    for name in (
        "index.html",
        "models/paligemma/index.html",
        "compare/florence-2-vs-paligemma/index.html",
        "methodology/index.html",
    ):
        hrefs = {target(name, str(a["href"])) for a in page(site, name).find_all("a", href=True)}
        assert SUITE in hrefs, name
    sitemap = site["sitemap.xml"].decode()
    assert "https://versus.example.org/evals/small/</loc>" in sitemap
    assert "https://versus.example.org/evals/small/sign/</loc>" in sitemap


def answers(html: BeautifulSoup) -> dict[str, list[str]]:
    table = section(html, "answers").find("table")
    assert isinstance(table, Tag)
    return {row[0]: row[1:] for row in table_rows(table)[1:]}


def test_a_prompt_page_shows_the_prompt_and_every_models_answer_in_full(
    site: dict[str, bytes],
) -> None:
    html = page(site, "evals/small/sign/index.html")
    facts = section(html, "prompt")
    terms = [text(dt) for dt in facts.find_all("dt")]
    values = [text(dd) for dd in facts.find_all("dd")]
    assert dict(zip(terms, values, strict=True)) == {
        "Prompt": "What does the sign say?",
        "Category": "Reading",
        "Expected answer": "STOP",
    }
    found = answers(html)
    assert found["Florence-2"][:2] == ["passed", LONG_ANSWER]  # not cut, as on the pair page
    assert found["PaliGemma"][:2] == ["failed", "GO"]
    said = text(section(html, "answers"))
    assert "1 of the 2 models whose runs give a verdict on this prompt passed it." in said


def without_verdict(html: BeautifulSoup) -> dict[str, list[str]]:
    """The models a prompt page has no verdict of, linked by name, by why (the words
    before the colon)."""
    found = section(html, "answers").find_all("p", class_="empty")
    return {text(p).split(":")[0]: [text(a) for a in p.find_all("a")] for p in found}


def test_a_prompt_page_tells_why_a_model_has_no_verdict(site: dict[str, bytes]) -> None:
    # Gemma 4 12B's run gives totals only: it may have passed the sign, it was not
    # "not evaluated"; the sample's other models have no result on the suite
    assert without_verdict(page(site, "evals/small/sign/index.html")) == {
        "No verdict per prompt (their runs give totals by category only)": ["Gemma 4 12B"],
        "Not evaluated (no result on this suite)": ["Gemma 4 26B A4B", "SAM-CLIP"],
    }
    # Florence-2's outcomes leave the dog out: its run skipped it
    assert without_verdict(page(site, "evals/small/dog/index.html")) == {
        "Not run on this prompt (their outcomes leave it out)": ["Florence-2"],
        "No verdict per prompt (their runs give totals by category only)": ["Gemma 4 12B"],
        "Not evaluated (no result on this suite)": ["Gemma 4 26B A4B", "SAM-CLIP"],
    }


def test_a_prompt_page_escapes_answers_and_says_what_is_missing(site: dict[str, bytes]) -> None:
    found = answers(page(site, "evals/small/label/index.html"))
    assert found["Florence-2"][1] == "Acme & <Sons>"
    assert b"Acme &amp; &lt;Sons&gt;" in site["evals/small/label/index.html"]
    assert answers(page(site, "evals/small/menu/index.html"))["Florence-2"][1] == "no answer"
    assert answers(page(site, "evals/small/cars/index.html"))["Florence-2"][1] == "not recorded"


def test_an_image_file_is_published_once_by_its_content_and_shown_with_its_size(
    site: dict[str, bytes],
) -> None:
    name = "evals/small/cars/index.html"
    image = page(site, name).find("img", class_="prompt-image")
    assert isinstance(image, Tag)
    # 4 x 3 pixels, shown 80 times as large (the most that fits 320 CSS pixels), sharp
    assert (image["width"], image["height"]) == ("320", "240")
    assert image["class"] == ["prompt-image", "pixelated"]
    assert str(image["alt"]) != ""
    published = target(name, str(image["src"]))
    assert published.startswith("images/")
    assert published.endswith(".png")
    assert site[published] == PNG
    assert [path for path in site if path.startswith("images/")] == [published]


def test_an_image_url_is_only_linked(site: dict[str, bytes]) -> None:
    html = page(site, "evals/small/menu/index.html")
    assert html.find("img") is None
    link = section(html, "prompt").find("a", href="https://images.example.org/menu.png")
    assert isinstance(link, Tag)


def test_the_pair_page_links_each_differing_prompt_to_its_page(site: dict[str, bytes]) -> None:
    name = "compare/florence-2-vs-paligemma/index.html"
    entries = page(site, name).select("#differences .difference-list > li")
    assert entries
    for entry in entries:
        link = entry.find("dt").find("a")  # type: ignore[union-attr]
        assert isinstance(link, Tag)
        assert target(name, str(link["href"])).startswith("evals/small/")
        assert target(name, str(link["href"])) in site


def test_a_suite_without_a_prompt_list_has_a_page_and_no_prompt_pages(
    site: dict[str, bytes],
) -> None:
    assert "evals/vision-evals/index.html" in site
    assert not [p for p in site if p.startswith("evals/vision-evals/") and p.count("/") > 2]


def test_two_prompts_showing_one_image_publish_it_once(tmp_path: Path) -> None:
    root = small_project(tmp_path / "project")
    prompts = (root / "evals/small/prompts.jsonl").read_text()
    (root / "evals/small/images/same.png").write_bytes(PNG)
    (root / "evals/small/prompts.jsonl").write_text(
        prompts.replace(
            '"prompt": "How many cats?"', '"prompt": "How many cats?", "image": "images/same.png"'
        )
    )
    files = render_site(load_project(root), root)
    assert len([path for path in files if path.startswith("images/")]) == 1


def test_a_category_board_shows_its_top_runs_and_counts_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from versus.site import views

    monkeypatch.setattr(views, "CATEGORY_TOP", 1)
    root = small_project(tmp_path / "project", totals_only=True)
    html = soup(render_site(load_project(root), root)[SUITE])
    boards = section(html, "by-category").find_all("section", class_="category-board")
    table = boards[1].find("table")
    assert isinstance(table, Tag)
    # counting: PaliGemma first at 2/2; the two runs sharing rank 2 are counted, not shown
    assert [row[:2] for row in table_rows(table)[1:]] == [["1", "PaliGemma"]]
    note = boards[1].find("p", class_="empty")
    assert isinstance(note, Tag)
    assert text(note) == (
        "The 1 highest ranked of 3 runs with a score in this category; "
        "each model's page gives its own."
    )


def test_the_address_patterns_of_models_json_name_files_of_the_site(
    site: dict[str, bytes],
) -> None:
    import json

    from versus import urls

    data = json.loads(site[urls.MODELS_JSON])
    base = data["site"]["url"]
    model, other = sorted(m["id"] for m in data["models"])[:2]
    suite = next(s["id"] for s in data["suites"] if s["id"] == "small")
    prompt = next(
        name.split("/")[2]
        for name in site
        if name.startswith(f"evals/{suite}/") and name.count("/") == 3
    )
    fields = {"id": model, "a": model, "b": other, "suite": suite, "prompt": prompt}
    for name, pattern in data["urls"].items():
        assert pattern.startswith(base), name
        path = pattern.removeprefix(base).format(**fields)
        assert urls.file_of(path) in site, name
    assert {"suite_page", "prompt_page"} <= data["urls"].keys()


def test_a_prompt_page_says_a_time_or_token_count_is_not_recorded(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    prompts = [{"id": "sign", "category": "reading", "prompt": "What does the sign say?"}]
    add_suite(
        root,
        "timed",
        prompts,
        {
            "florence-2": [{"prompt": "sign", "passed": True, "seconds": 1.5}],
            "paligemma": [{"prompt": "sign", "passed": False, "input_tokens": 12}],
        },
        SMALL_CATEGORIES[:1],
    )
    found = answers(soup(render_site(load_project(root), root)["evals/timed/sign/index.html"]))
    # Model, Verdict, Answer, Time, Tokens: never an empty cell
    assert found["Florence-2"][2:] == ["1.50 s", "not recorded"]
    assert found["PaliGemma"][2:] == ["not recorded", "12 in"]
