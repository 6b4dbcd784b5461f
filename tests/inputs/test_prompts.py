"""A suite's prompt list: ``prompts.yaml`` or ``prompts.jsonl``, its counts and its images."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from miniproject import (
    JPEG,
    PNG,
    PROMPTS,
    SUITE,
    jsonl,
    line_of,
    mini_project,
    outcome,
    yaml_list,
)
from support import png, problems_of, write
from versus.build.fingerprint import input_files
from versus.inputs import inputfiles, promptchecks
from versus.inputs.cache import DocumentCache
from versus.inputs.load import load_project
from versus.inputs.outcomes import Prompt, PromptImage
from versus.inputs.problems import InputError, Problem
from versus.inputs.yamlsource import parse_yaml


def one(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


@pytest.mark.parametrize("form", ["yaml", "jsonl"])
def test_a_suite_lists_its_prompts_and_its_counts_come_from_the_list(
    form: str, tmp_path: Path
) -> None:
    catalog = load_project(mini_project(tmp_path, prompts=form))
    suite = catalog.suites["mini"]
    assert suite.prompts == 5
    assert [(c.id, c.prompts) for c in suite.categories] == [("reading", 3), ("counting", 2)]
    prompts = catalog.prompts_of("mini")
    assert list(prompts) == [row["id"] for row in PROMPTS]
    assert prompts["read-sign"] == Prompt(
        id="read-sign",
        category="reading",
        text="What does the sign say?",
        image=None,
        expected="STOP",
        tags=("ocr",),
    )
    assert prompts["read-menu"].expected is None
    assert prompts["read-menu"].tags == ()
    assert catalog.prompts_of("vision-evals") == {}  # a suite without a list: totals only
    assert f"evals/mini/prompts.{form}" in catalog.digests


def test_yaml_and_jsonl_lists_give_the_same_catalog(tmp_path: Path) -> None:
    from_yaml = load_project(mini_project(tmp_path / "a", prompts="yaml"))
    from_jsonl = load_project(mini_project(tmp_path / "b", prompts="jsonl"))
    assert from_yaml.prompts == from_jsonl.prompts
    assert from_yaml.suites == from_jsonl.suites


def test_stated_counts_that_agree_with_the_list_are_fine(tmp_path: Path) -> None:
    stated = SUITE.replace("categories:", "prompts: 5\ncategories:").replace(
        "    label: Reading\n", "    label: Reading\n    prompts: 3\n"
    )
    catalog = load_project(mini_project(tmp_path, suite=stated))
    assert catalog.suites["mini"].prompts == 5


def test_a_stated_total_that_disagrees_with_the_list_is_an_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path, suite=SUITE.replace("categories:", "prompts: 6\ncategories:"))
    problem = one(problems_of(root))
    assert problem.file == "evals/mini/suite.yaml"
    assert (problem.line, problem.column) == (line_of(root / problem.file, "prompts: 6"), 1)
    assert problem.dotted_path == "prompts"
    assert problem.message == "states 6 prompts but prompts.yaml lists 5"
    assert problem.hint == "remove 'prompts'; versus counts the list"


def test_a_stated_category_count_that_disagrees_is_an_error(tmp_path: Path) -> None:
    suite = SUITE.replace("    label: Counting\n", "    label: Counting\n    prompts: 3\n")
    root = mini_project(tmp_path, suite=suite, prompts="jsonl")
    problem = one(problems_of(root))
    assert (problem.file, problem.dotted_path) == ("evals/mini/suite.yaml", "categories[1].prompts")
    assert problem.line == line_of(root / problem.file, "prompts: 3")
    assert problem.message == "states 3 prompts but prompts.jsonl lists 2 in 'counting'"


def test_a_category_the_list_has_no_prompt_of_is_an_error(tmp_path: Path) -> None:
    rows = [row for row in PROMPTS if row["category"] == "reading"]
    root = mini_project(tmp_path, rows=rows)
    problem = one(problems_of(root))
    assert (problem.file, problem.dotted_path) == ("evals/mini/suite.yaml", "categories[1].id")
    assert problem.message == "prompts.yaml lists no prompt of category 'counting'"
    assert problem.hint == "list its prompts, or remove the category"


def test_a_suite_without_a_list_still_states_its_counts(tmp_path: Path) -> None:
    problems = problems_of(mini_project(tmp_path, prompts=None))
    assert {(p.file, p.dotted_path, p.message) for p in problems} == {
        ("evals/mini/suite.yaml", "prompts", "missing required field 'prompts'"),
        ("evals/mini/suite.yaml", "categories[0].prompts", "missing required field 'prompts'"),
        ("evals/mini/suite.yaml", "categories[1].prompts", "missing required field 'prompts'"),
    }


def test_both_a_yaml_and_a_jsonl_list_is_an_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    write(root, "evals/mini/prompts.jsonl", jsonl(PROMPTS))
    problem = one(problems_of(root))
    assert problem == Problem.of_file(
        "evals/mini/prompts.jsonl",
        "the suite lists its prompts in prompts.yaml already",
        "keep one of the two files",
    )


@pytest.mark.parametrize(("form", "path"), [("yaml", "[2].category"), ("jsonl", "category")])
def test_an_unknown_category_is_an_error_with_a_suggestion(
    form: str, path: str, tmp_path: Path
) -> None:
    rows = [dict(row) for row in PROMPTS]
    rows[2]["category"] = "readng"
    root = mini_project(tmp_path, prompts=form, rows=rows)
    problems = problems_of(root)
    problem = next(p for p in problems if p.file == f"evals/mini/prompts.{form}")
    assert problem.dotted_path == path
    assert problem.message == "unknown category 'readng'; suite 'Mini Evals' does not have it"
    assert problem.hint == "did you mean 'reading'?"
    if form == "jsonl":  # the line of the prompt, the column of its key
        assert (problem.line, problem.column) == (
            3,
            jsonl(rows).split("\n")[2].index('"category"') + 1,
        )
    else:
        assert problem.line == line_of(root / problem.file, "category: readng")
    # the counts are not compared with a list that has problems of its own
    assert all(p.file != "evals/mini/suite.yaml" for p in problems)


def test_a_duplicate_prompt_id_is_an_error_naming_the_first(tmp_path: Path) -> None:
    rows = [*PROMPTS, {**PROMPTS[0], "prompt": "Again?"}]
    root = mini_project(tmp_path, prompts="jsonl", rows=rows)
    problem = one(problems_of(root))
    assert (problem.file, problem.line, problem.dotted_path) == (
        "evals/mini/prompts.jsonl",
        6,
        "id",
    )
    assert problem.message == "duplicate prompt id 'read-sign'; line 1 lists it already"
    assert problem.hint == "give each prompt its own id"


def test_a_prompt_given_a_copied_id_is_one_mistake_not_an_unknown_outcome_too(
    tmp_path: Path,
) -> None:
    """read-menu's line copied read-sign's id: its outcome, naming read-menu, names the
    prompt the duplicate was meant to be; only when the outcomes name more ids the list
    lacks than it has duplicates is one of them surely a mistake of its own."""
    rows = [PROMPTS[0], {**PROMPTS[1], "id": "read-sign"}, *PROMPTS[2:]]
    outcomes = [outcome(row["id"], True) for row in PROMPTS]
    root = mini_project(tmp_path, prompts="jsonl", rows=rows, outcomes={"paligemma": outcomes})
    problem = one(problems_of(root))
    assert (problem.file, problem.line, problem.message) == (
        "evals/mini/prompts.jsonl",
        2,
        "duplicate prompt id 'read-sign'; line 1 lists it already",
    )
    typo = [*outcomes[:-1], outcome("count-crs", True)]
    root = mini_project(tmp_path / "two", prompts="jsonl", rows=rows, outcomes={"paligemma": typo})
    unknown = [p.message for p in problems_of(root) if p.file.endswith(".outcomes.jsonl")]
    assert unknown == [
        "unknown prompt 'read-menu'; suite 'Mini Evals' does not list it",
        "unknown prompt 'count-crs'; suite 'Mini Evals' does not list it",
    ]


def test_every_problem_of_a_jsonl_list_is_reported_at_once(tmp_path: Path) -> None:
    root = mini_project(tmp_path, prompts=None)
    lines = jsonl(PROMPTS).split("\n")
    lines[1] = '{"id": "read-menu", "category": "reading" "prompt": "x"}'  # no comma
    lines[3] = lines[3].replace('"expected"', '"expectd"')
    lines[4] = '{"id": "Count Cars", "category": "counting", "prompt": "How many?"}'
    write(root, "evals/mini/prompts.jsonl", "\n".join(lines))
    problems = [p for p in problems_of(root) if p.file == "evals/mini/prompts.jsonl"]
    assert [(p.line, p.dotted_path, p.message) for p in problems] == [
        (2, "", "not valid JSON: Expecting ',' delimiter"),
        (4, "expectd", "unknown field 'expectd'"),
        (
            5,
            "id",
            "expected a slug: lowercase letters, digits and single hyphens, "
            "at most 64 characters; got 'Count Cars'",
        ),
    ]
    assert problems[0].column == lines[1].index('"prompt"') + 1
    assert problems[0].hint == "write one JSON object per line"
    assert problems[1].hint == "did you mean 'expected'?"


def test_a_list_that_is_not_a_list_or_is_empty_is_an_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path, prompts=None)
    write(root, "evals/mini/prompts.yaml", "id: read-sign\n")
    problem = next(p for p in problems_of(root) if p.file == "evals/mini/prompts.yaml")
    assert (problem.line, problem.message) == (1, "expected a list; got a mapping")
    write(root, "evals/mini/prompts.yaml", "[]\n")
    problem = next(p for p in problems_of(root) if p.file == "evals/mini/prompts.yaml")
    assert problem == Problem.of_file("evals/mini/prompts.yaml", "the file lists no prompts")
    (root / "evals/mini/prompts.yaml").unlink()
    write(root, "evals/mini/prompts.jsonl", "\n\n")
    problem = next(p for p in problems_of(root) if p.file == "evals/mini/prompts.jsonl")
    assert problem == Problem.of_file("evals/mini/prompts.jsonl", "the file lists no prompts")


def test_prompt_texts_are_bounded_and_tags_are_unique_slugs(tmp_path: Path) -> None:
    rows = [dict(row) for row in PROMPTS]
    rows[0]["prompt"] = "x" * 10_001
    rows[1]["tags"] = ["ocr", "ocr"]
    rows[2]["tags"] = ["Hand Writing"]
    rows[3]["expected"] = " "
    root = mini_project(tmp_path, rows=rows)
    found = {(p.dotted_path, p.message) for p in problems_of(root)}
    assert found == {
        ("[0].prompt", "expected at most 10000 characters; got 10001"),
        ("[1].tags", "duplicate tag 'ocr'"),
        (
            "[2].tags[0]",
            "expected a slug: lowercase letters, digits and single hyphens, "
            "at most 64 characters; got 'Hand Writing'",
        ),
        ("[3].expected", "expected non-empty text; got ' '"),
    }


def image_rows(image: str) -> list[dict[str, object]]:
    rows = [dict(row) for row in PROMPTS]
    rows[0]["image"] = image
    return rows


def test_an_image_in_the_suite_folder_is_read_and_known_by_its_digest(tmp_path: Path) -> None:
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    (root / "evals/mini/images").mkdir()
    (root / "evals/mini/images/sign.png").write_bytes(PNG)
    catalog = load_project(root)
    image = catalog.prompts_of("mini")["read-sign"].image
    assert image == PromptImage(
        file="evals/mini/images/sign.png",
        url=None,
        digest=catalog.digests["evals/mini/images/sign.png"],
        width=4,
        height=3,
    )
    assert image is not None
    assert len(image.digest or "") == 64


def test_an_image_may_be_an_https_url(tmp_path: Path) -> None:
    catalog = load_project(mini_project(tmp_path, rows=image_rows("https://example.org/sign.png")))
    assert catalog.prompts_of("mini")["read-sign"].image == PromptImage(
        None, "https://example.org/sign.png", None
    )


@pytest.mark.parametrize(
    ("image", "message"),
    [
        (
            "http://example.org/sign.png",
            "expected an https:// URL, or a file in the suite's folder; got "
            "'http://example.org/sign.png'",
        ),
        (
            "../elsewhere/sign.png",
            "expected a path in the suite's folder such as images/cat-1.png (letters, digits, "
            "'.', '_' and '-'), or an https:// URL; got '../elsewhere/sign.png'",
        ),
        (
            "/etc/sign.png",
            "expected a path in the suite's folder such as images/cat-1.png (letters, digits, "
            "'.', '_' and '-'), or an https:// URL; got '/etc/sign.png'",
        ),
        (
            "images/.sign.png",
            "expected a path in the suite's folder such as images/cat-1.png (letters, digits, "
            "'.', '_' and '-'), or an https:// URL; got 'images/.sign.png'",
        ),
        (
            "images/sign.bmp",
            "expected an image file ending .png, .jpg, .jpeg, .webp or .gif; got 'images/sign.bmp'",
        ),
    ],
)
def test_an_image_reference_is_a_safe_path_or_an_https_url(
    image: str, message: str, tmp_path: Path
) -> None:
    problem = one(problems_of(mini_project(tmp_path, rows=image_rows(image))))
    assert (problem.file, problem.dotted_path, problem.message) == (
        "evals/mini/prompts.yaml",
        "[0].image",
        message,
    )


def test_a_missing_image_is_an_error_at_its_prompt(tmp_path: Path) -> None:
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    problem = one(problems_of(root))
    assert problem.file == "evals/mini/prompts.yaml"
    assert problem.line == line_of(root / problem.file, "image: images/sign.png")
    assert problem.dotted_path == "[0].image"
    assert problem.message == "no image file evals/mini/images/sign.png"
    assert problem.hint == "add the file, or correct the path"


def test_an_image_too_large_is_an_error_naming_the_limit(tmp_path: Path) -> None:
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    (root / "evals/mini/images").mkdir()
    (root / "evals/mini/images/sign.png").write_bytes(PNG + b"\x00" * inputfiles.MAX_IMAGE_BYTES)
    problem = one(problems_of(root))
    size = len(PNG) + inputfiles.MAX_IMAGE_BYTES
    assert problem.message == (
        f"the image evals/mini/images/sign.png is {size} bytes; the limit is "
        f"{inputfiles.MAX_IMAGE_BYTES} (5 MiB)"
    )


def test_an_image_whose_bytes_are_another_format_is_an_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    (root / "evals/mini/images").mkdir()
    (root / "evals/mini/images/sign.png").write_bytes(JPEG)
    problem = one(problems_of(root))
    assert problem.message == "evals/mini/images/sign.png is a JPEG image, not a PNG"
    assert problem.hint == "rename it to end .jpg"
    (root / "evals/mini/images/sign.png").write_bytes(b"just text")
    problem = one(problems_of(root))
    assert problem.message == "evals/mini/images/sign.png is not a PNG image"
    assert problem.hint == "save it as PNG, JPEG, WebP or GIF and name it for its format"


def test_an_image_linked_from_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    root = mini_project(tmp_path / "project", rows=image_rows("sign.png"))
    (root / "evals/mini/sign.png").symlink_to(outside)
    problem = one(problems_of(root))
    assert (problem.dotted_path, problem.message) == (
        "[0].image",
        "the image evals/mini/sign.png: a link to a file outside the project; "
        "versus reads only files inside it",
    )


def test_a_stray_file_in_a_suite_folder_is_an_error_but_images_are_not(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    (root / "evals/mini/cover.png").write_bytes(PNG)  # a prompt image may sit beside the list
    write(root, "evals/mini/notes.txt", "to do\n")
    write(root, "evals/mini/answers.jsonl", "{}\n")
    problems = problems_of(root)
    assert {(p.file, p.message) for p in problems} == {
        (
            "evals/mini/notes.txt",
            "not an input file; a suite's folder holds suite.yaml, prompts.yaml or "
            "prompts.jsonl, results (<model-id>.yaml), their outcomes "
            "(<model-id>.outcomes.jsonl) and prompt images",
        ),
        (
            "evals/mini/answers.jsonl",
            "not an input file; a suite's folder holds suite.yaml, prompts.yaml or "
            "prompts.jsonl, results (<model-id>.yaml), their outcomes "
            "(<model-id>.outcomes.jsonl) and prompt images",
        ),
    }


def test_prompts_and_suite_are_no_model_ids(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    card = (root / "models/paligemma.yaml").read_text()
    write(root, "models/prompts.yaml", card)
    problem = next(p for p in problems_of(root) if p.file == "models/prompts.yaml")
    assert problem.message == (
        "the model id 'prompts' is the name of a suite's prompt list: its results "
        "would be read as one"
    )


def test_a_jsonl_list_too_long_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from versus.inputs import jsonlsource

    monkeypatch.setattr(jsonlsource, "MAX_LINES", 4)
    root = mini_project(tmp_path, prompts="jsonl")
    problem = next(p for p in problems_of(root) if p.file == "evals/mini/prompts.jsonl")
    assert problem == Problem.of_file(
        "evals/mini/prompts.jsonl", "the file has 5 lines of JSON; the limit is 4"
    )


def test_a_jsonl_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    root = mini_project(tmp_path, prompts=None)
    size = inputfiles.MAX_JSONL_BYTES + 1
    (root / "evals/mini/prompts.jsonl").write_bytes(b" " * size)
    problem = next(p for p in problems_of(root) if p.file == "evals/mini/prompts.jsonl")
    assert problem.message == f"the file is {size} bytes; the limit is {inputfiles.MAX_JSONL_BYTES}"


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("models/florence-2.yaml", "florence-2"),
        ("evals/mini/florence-2.yaml", "florence-2"),
        ("evals/mini/florence-2.outcomes.jsonl", "florence-2"),
        ("evals/mini/suite.yaml", None),
        ("evals/mini/prompts.yaml", None),
        ("evals/mini/prompts.yml", None),
        ("evals/mini/prompts.jsonl", None),
        ("evals/mini/cover.png", None),
        ("evals/mini/images/sign.png", None),
        ("versus.yaml", None),
    ],
)
def test_which_model_an_input_file_is_of(name: str, model: str | None) -> None:
    assert inputfiles.model_of(name) == model


def test_which_files_are_read_as_json_lines_and_their_limits() -> None:
    assert inputfiles.is_input_jsonl("evals/mini/prompts.jsonl")
    assert inputfiles.is_input_jsonl("evals/mini/florence-2.outcomes.jsonl")
    assert not inputfiles.is_input_jsonl("evals/mini/answers.jsonl")
    assert not inputfiles.is_input_jsonl("models/florence-2.outcomes.jsonl")
    assert not inputfiles.is_input_yaml("evals/mini/prompts.jsonl")
    assert inputfiles.is_input_yaml("evals/mini/prompts.yaml")
    assert inputfiles.limit_of("evals/mini/prompts.jsonl") == inputfiles.MAX_JSONL_BYTES
    assert inputfiles.limit_of("evals/mini/images/a.webp") == inputfiles.MAX_IMAGE_BYTES
    assert inputfiles.limit_of("evals/mini/suite.yaml") == inputfiles.MAX_YAML_BYTES


def test_a_yaml_list_is_cached_and_read_back_from_the_cache(tmp_path: Path) -> None:
    root = mini_project(tmp_path)
    cache = DocumentCache.for_project(root)
    first = load_project(root, cache)
    cache.save()
    again = DocumentCache.for_project(root)
    assert again.get("evals/mini/prompts.yaml", first.digests["evals/mini/prompts.yaml"])
    assert load_project(root, again, first.digests) == first
    # a problem in a list read back from the cache is placed as on the first read
    write(root, "evals/mini/prompts.yaml", yaml_list(PROMPTS).replace("reading", "readng", 1))
    cold = problems_of(root)
    cache = DocumentCache.for_project(root)
    with pytest.raises(InputError):
        load_project(root, cache)
    cache.save()
    digest = hashlib.sha256((root / "evals/mini/prompts.yaml").read_bytes()).hexdigest()
    with pytest.raises(InputError) as warm:
        load_project(root, DocumentCache.for_project(root), {"evals/mini/prompts.yaml": digest})
    assert warm.value.problems == cold


def test_a_cache_entry_of_the_other_shape_is_not_used(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    as_list = parse_yaml("- id: a\n", "evals/mini/prompts.yaml")
    as_mapping = parse_yaml("id: a\n", "models/a.yaml")
    cache.put("evals/mini/prompts.yaml", "d", as_list)
    cache.put("models/a.yaml", "d", as_mapping)
    cache.put("evals/mini/suite.yaml", "d", parse_yaml("- id: a\n", "evals/mini/suite.yaml"))
    cache.save()
    again = DocumentCache(tmp_path)
    entry = again.get("evals/mini/prompts.yaml", "d")
    assert entry is not None
    assert entry.document.data == [{"id": "a"}]
    assert again.get("models/a.yaml", "d") is not None
    assert again.get("evals/mini/suite.yaml", "d") is None  # a list is not kept for a suite


def _jpeg(width: int, height: int) -> bytes:
    """A JPEG's segments up to its frame header: an APP0 segment, then SOF0."""
    app0 = b"\xff\xe0" + (16).to_bytes(2, "big") + b"JFIF\x00" + b"\x00" * 9
    sof0 = b"\xff\xc0" + (11).to_bytes(2, "big") + b"\x08"
    sof0 += height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x01\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (PNG, (4, 3)),
        (
            b"GIF89a" + (640).to_bytes(2, "little") + (480).to_bytes(2, "little") + b"\x00",
            (640, 480),
        ),
        (_jpeg(1024, 768), (1024, 768)),
        # WebP, lossy (VP8), lossless (VP8L: 14 bits each, minus one) and extended (VP8X)
        (
            b"RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a"
            + (300).to_bytes(2, "little")
            + (200).to_bytes(2, "little"),
            (300, 200),
        ),
        (
            b"RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f"
            + ((99) | (49 << 14)).to_bytes(4, "little"),
            (100, 50),
        ),
        (
            b"RIFF\x00\x00\x00\x00WEBPVP8X\x00\x00\x00\x00\x00\x00\x00\x00"
            + (799).to_bytes(3, "little")
            + (599).to_bytes(3, "little"),
            (800, 600),
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 24, None),  # no IHDR chunk
        (b"\xff\xd8\xff\xe0\x00", None),  # cut short before any frame
    ],
)
def test_an_images_size_is_read_from_its_header(data: bytes, size: tuple[int, int] | None) -> None:
    assert promptchecks.image_size(data) == size


def test_an_image_whose_size_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    (root / "evals/mini/images").mkdir()
    (root / "evals/mini/images/sign.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 24)
    problem = one(problems_of(root))
    assert (problem.dotted_path, problem.message) == (
        "[0].image",
        "the image evals/mini/images/sign.png: its width and height cannot be read "
        "(a damaged file?)",
    )


def test_a_known_images_size_is_remembered_by_its_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that knows an image's digest reads only its first bytes, and its size from
    the cache, measured once per digest."""
    root = mini_project(tmp_path, rows=image_rows("images/sign.png"))
    (root / "evals/mini/images").mkdir()
    (root / "evals/mini/images/sign.png").write_bytes(png(7, 5))
    files = input_files(root)
    cache = DocumentCache.for_project(root)
    image = load_project(root, cache, digests=files).prompts_of("mini")["read-sign"].image
    assert image is not None
    assert (image.width, image.height) == (7, 5)
    cache.save()

    def measured(data: bytes) -> None:
        raise AssertionError("measured again")

    monkeypatch.setattr(promptchecks, "image_size", measured)
    again = load_project(root, DocumentCache.for_project(root), digests=files)
    image = again.prompts_of("mini")["read-sign"].image
    assert image is not None
    assert (image.width, image.height) == (7, 5)
