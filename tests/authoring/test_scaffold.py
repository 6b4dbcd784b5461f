"""``versus new model`` and ``versus new result``: files to fill in, never overwriting one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from support import SAMPLE_MODELS
from versus.authoring import scaffold
from versus.authoring.fielddocs import field_docs
from versus.authoring.jsonschema import CARD, MODELINE_PREFIX, RESULT, SUITE, modeline
from versus.cli import main
from versus.inputs.load import load_project
from versus.inputs.problems import InputError
from versus.inputs.schema import ModelCard, Parameters, Pricing, Suite
from versus.inputs.schema import Result as ResultModel
from versus.inputs.yamlsource import parse_yaml

MODEL = "qwen2-5-vl-7b"
CARD_PATH = f"models/{MODEL}.yaml"
RESULT_PATH = f"evals/vision-evals/{MODEL}.yaml"


def versus(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def new_model(project: Path, model_id: str = MODEL) -> Result:
    return versus("new", "model", model_id, "-p", str(project))


def new_result(project: Path, suite_id: str = "vision-evals", model_id: str = MODEL) -> Result:
    return versus("new", "result", suite_id, model_id, "-p", str(project))


def fill(text: str, values: dict[str, str]) -> str:
    """Give each empty ``key:`` line (at any indent, optionally a list item) its value."""
    for key, value in values.items():
        pattern = re.compile(rf"^(\s*(?:- )?{re.escape(key)}):$", re.MULTILINE)
        text, count = pattern.subn(rf"\1: {_escaped(value)}", text)
        assert count, f"no empty '{key}:' line"
    return text


def _escaped(value: str) -> str:
    """``value`` as the replacement text of ``re.sub``."""
    return value.replace("\\", "\\\\")


def uncomment(text: str, key: str) -> str:
    """Remove the ``# `` of the top-level field ``key`` and of every line of its block."""
    lines = text.split("\n")
    # a mapping of scalars (demos) is written empty, as its default
    start = next(i for i, line in enumerate(lines) if line in (f"# {key}:", f"# {key}: {{}}"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("#   "):
        end += 1
    lines[start:end] = [line[2:] for line in lines[start:end]]
    return "\n".join(lines)


REQUIRED_CARD = {
    "name": "Qwen2.5-VL 7B",
    "organization": "Alibaba Cloud",
    "category": "open-weights",
    "modality": "multimodal",
    "summary": "Alibaba's 7B open vision-language model.",
    "description": "|-\n  Qwen2.5-VL 7B reads images and text.\n\n  A second paragraph.",
    "title": "The tests",
}


# --- versus new model ---------------------------------------------------------


def test_new_model_writes_a_card_that_names_its_schema(project: Path) -> None:
    result = new_model(project)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"versus: wrote {CARD_PATH}; fill in its empty fields")
    text = (project / CARD_PATH).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == modeline(CARD_PATH, CARD)
    assert first == f"{MODELINE_PREFIX}../schemas/card.schema.json"
    assert "schemas/card.schema.json is missing: run `versus schema`" in result.stdout

    versus("schema", "-p", str(project))
    schema = (project / "models" / first.removeprefix(MODELINE_PREFIX)).resolve()
    assert schema == (project / "schemas" / "card.schema.json").resolve()
    assert schema.is_file()
    assert "missing" not in new_model(project, "another-model").stdout


def test_the_card_has_every_field_in_schema_order_under_its_docstring(
    sample_project: Path,
) -> None:
    config = load_project(sample_project).config
    lines = scaffold.card_text(MODEL, config).splitlines()
    keys = [
        (number, match.group(1))
        for number, line in enumerate(lines)
        if (match := re.fullmatch(r"(?:# )?([a-z_]+):.*", line))
    ]
    assert [key for _, key in keys] == list(ModelCard.model_fields)
    for number, name in keys:
        start = number
        while re.match(r"# \S", lines[start - 1]) and not re.match(r"# [a-z_]+:", lines[start - 1]):
            start -= 1
        comment = " ".join(line.removeprefix("# ") for line in lines[start:number])
        docstring = field_docs(ModelCard)[name].replace("``", "`")
        assert comment.startswith(" ".join(docstring.split())), name
    text = "\n".join(lines)
    for model, indent in ((Pricing, "#   "), (Parameters, "#   ")):
        for name in model.model_fields:
            assert re.search(rf"^{indent}(# )?{name}:", text, re.MULTILINE), name
    prose = text.replace("\n# ", " ")
    assert "One sentence about the model, used in lists and page descriptions." in prose
    assert "At most 200 characters." in prose
    assert "One of: open-weights, api-only, research." in prose
    assert "One of: vision, multimodal, text." in prose


def test_required_fields_are_empty_and_optional_ones_commented_out(
    sample_project: Path,
) -> None:
    text = scaffold.card_text(MODEL, load_project(sample_project).config)
    for name, field in ModelCard.model_fields.items():
        if field.is_required() or name == "capabilities":  # its lines are commented out
            assert re.search(rf"^{name}:$", text, re.MULTILINE), name
        else:
            assert re.search(rf"^# {name}:( \{{\}})?$", text, re.MULTILINE), name
            assert not re.search(rf"^{name}:", text, re.MULTILINE), name


def test_the_card_lists_every_capability_of_the_taxonomy_with_its_states(
    sample_project: Path,
) -> None:
    config = load_project(sample_project).config
    text = scaffold.card_text(MODEL, config)
    assert "\ncapabilities:\n" in text
    for group in config.taxonomy:
        assert f"  # # {group.label}\n" in text
        for cap in group.capabilities:
            assert re.search(
                rf"^  # {re.escape(cap.id)}: +# supported \| demo \| no$", text, re.MULTILINE
            ), cap.id
            assert f"  # # {cap.label}: " in text


def capability_block(lines: list[str]) -> range:
    """The line numbers of the lines under ``capabilities:``."""
    start = lines.index("capabilities:") + 1
    end = start
    while lines[end].startswith("  "):
        end += 1
    return range(start, end)


def test_the_capabilities_uncomment_line_by_line_into_valid_yaml(project: Path) -> None:
    """Removing the ``# `` of any line under ``capabilities:``, one line at a time, leaves
    valid YAML; uncommenting a capability and giving its state gives a card that checks."""
    assert new_model(project).exit_code == 0
    card = project / CARD_PATH
    lines = fill(card.read_text(), REQUIRED_CARD).split("\n")
    block = capability_block(lines)
    assert len(block) > 20
    assert all(lines[number].startswith("  # ") for number in block)
    card.write_text("\n".join(lines))
    assert versus("check", "-p", str(project)).exit_code == 0  # none uncommented: none stated
    for number in block:
        lines[number] = lines[number].replace("# ", "", 1)
        parse_yaml("\n".join(lines), CARD_PATH)  # raises InputError if not YAML
    # a capability alone, its state written, the others left commented out
    first = next(number for number in block if not lines[number].startswith("  #"))
    one = card.read_text().split("\n")
    one[first] = re.sub(r"^  # ([a-z0-9-]+): +# .*$", r"  \1: supported", one[first])
    card.write_text("\n".join(one))
    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    cap = one[first].strip().removesuffix(": supported")
    assert load_project(project).models[MODEL].capabilities == {cap: "supported"}


def test_a_fresh_card_fails_check_naming_each_required_field(project: Path) -> None:
    assert new_model(project).exit_code == 0
    result = versus("check", "-p", str(project))
    assert result.exit_code == 1
    text = (project / CARD_PATH).read_text().splitlines()
    expected = []
    for name, field in ModelCard.model_fields.items():
        if not field.is_required() or name == "sources":
            continue
        line = text.index(f"{name}:") + 1
        what = {
            "category": "one of open-weights, api-only, research",
            "modality": "one of vision, multimodal, text",
        }.get(name, "non-empty text")
        expected.append(f"{CARD_PATH}:{line}:1: {name}: expected {what}; got nothing (null)")
    line = text.index("  - title:") + 1
    expected.append(
        f"{CARD_PATH}:{line}:5: sources[0].title: expected non-empty text; got nothing (null)"
    )
    expected.append("versus: 7 problems in 1 file; nothing was written")
    assert result.stderr.splitlines() == expected


def test_a_card_with_its_empty_fields_filled_checks_and_builds_its_pages(
    project: Path, tmp_path: Path
) -> None:
    assert new_model(project).exit_code == 0
    card = project / CARD_PATH
    card.write_text(fill(card.read_text(), REQUIRED_CARD))

    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    assert "6 models" in result.stdout
    loaded = load_project(project).models[MODEL]
    assert loaded.name == "Qwen2.5-VL 7B"
    assert loaded.description == "Qwen2.5-VL 7B reads images and text.\n\nA second paragraph."
    assert loaded.capabilities == {}
    assert loaded.sources[0].url is None

    out = tmp_path / "out"
    result = versus("build", "-p", str(project), "-o", str(out))
    assert result.exit_code == 0, result.output
    for other in SAMPLE_MODELS:
        pair = "-vs-".join(sorted([MODEL, other]))
        assert (out / "compare" / pair / "index.html").is_file(), pair
    assert (out / "models" / MODEL / "index.html").is_file()
    assert "Qwen2.5-VL 7B" in (out / "index.html").read_text()


def test_every_optional_field_uncommented_and_filled_validates(project: Path) -> None:
    assert new_model(project).exit_code == 0
    card = project / CARD_PATH
    text = fill(card.read_text(), REQUIRED_CARD)
    for key in ModelCard.model_fields:
        if not ModelCard.model_fields[key].is_required() and key != "capabilities":
            text = uncomment(text, key)
    text = re.sub(r"^  # ([a-z-]+):( +)# supported \| demo \| no$", r"  \1: demo", text, flags=re.M)
    text = fill(
        text,
        {
            "released": "2025-02",
            "total": "8.3B",
            "context_window": "32768",
            "currency": "USD",
            "input_per_million": "0.2",
            "output_per_million": "0.2",
            "as_of": "2025-06",
            "source": "The tests",
            "homepage": "https://example.org/",
        },
    )
    text = text.replace("\nnotes:\n  -\n", "\nnotes:\n  - A note.\n")
    text = text.replace("\ndata_notes:\n  -\n", "\ndata_notes:\n  - A data note.\n")
    text = fill(text, {"name": "Apache 2.0"})  # the license's name, now the only empty one
    card.write_text(text)

    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    loaded = load_project(project).models[MODEL]
    assert loaded.parameters is not None
    assert loaded.parameters.total == 8_300_000_000
    assert loaded.license is not None
    assert loaded.license.name == "Apache 2.0"
    assert loaded.pricing is not None
    assert loaded.pricing.currency == "USD"
    assert loaded.links.homepage == "https://example.org/"
    assert loaded.notes == ["A note."]
    assert loaded.data_notes == ["A data note."]
    config = load_project(project).config
    assert set(loaded.capabilities) == {c.id for g in config.taxonomy for c in g.capabilities}


def test_new_model_never_overwrites_a_file(project: Path) -> None:
    assert new_model(project).exit_code == 0
    card = project / CARD_PATH
    card.write_text("name: my edits\n")
    result = new_model(project)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{CARD_PATH}: the file already exists; `versus new` never overwrites a file "
        "(edit it, or delete it first to start again)",
        "versus: 1 problem in 1 file; nothing was written",
    ]
    assert card.read_text() == "name: my edits\n"

    result = new_model(project, "florence-2")
    assert result.exit_code == 1
    assert "models/florence-2.yaml: the file already exists" in result.stderr

    (project / "models" / "other.yml").write_text("name: x\n")
    result = new_model(project, "other")
    assert result.exit_code == 1
    assert "models/other.yml: the file already exists" in result.stderr
    assert not (project / "models" / "other.yaml").exists()


def test_write_new_refuses_a_file_that_appeared_after_planning(project: Path) -> None:
    planned = scaffold.plan_model(project, MODEL)
    (project / CARD_PATH).write_text("name: first\n")
    with pytest.raises(InputError) as caught:
        scaffold.write_new(project, planned)
    assert caught.value.problems[0].file == CARD_PATH
    assert (project / CARD_PATH).read_text() == "name: first\n"


@pytest.mark.parametrize(
    ("model_id", "file", "hint"),
    [
        ("Qwen2.5-VL-7B", "models/Qwen2.5-VL-7B.yaml", "(did you mean 'qwen2-5-vl-7b'?)"),
        ("qwen2--5", "models/qwen2--5.yaml", "(did you mean 'qwen2-5'?)"),
        ("qwen_2.5", "models/qwen_2.5.yaml", "(did you mean 'qwen-2-5'?)"),
        ("qwen-", "models/qwen-.yaml", "(did you mean 'qwen'?)"),
        ("x" * 65, f"models/{'x' * 65}.yaml", ""),
        # a file's name or path: named by the card the id alone gives, never by a
        # nonsense path (models/models/qwen2-5.yaml.yaml)
        (
            "models/qwen2-5.yaml",
            "models/qwen2-5.yaml",
            "(give the id alone, not a file's name or path: 'qwen2-5')",
        ),
        (
            "qwen2-5.yml",
            "models/qwen2-5.yaml",
            "(give the id alone, not a file's name or path: 'qwen2-5')",
        ),
    ],
)
def test_new_model_refuses_an_id_that_is_not_a_slug(
    project: Path, model_id: str, file: str, hint: str
) -> None:
    before = sorted(p.name for p in (project / "models").iterdir())
    result = new_model(project, model_id)
    assert result.exit_code == 1
    message = (
        f"'{model_id}' is not a valid model id; expected a slug: lowercase letters, digits "
        "and single hyphens, at most 64 characters"
    )
    assert result.stderr.splitlines()[0] == f"{file}: {message} {hint}".strip()
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project / "models").iterdir()) == before


def test_new_model_refuses_an_id_holding_the_pair_separator(project: Path) -> None:
    result = new_model(project, "florence-vs-gemma")
    assert result.exit_code == 1
    assert "contains '-vs-', which separates the two ids of a comparison page" in result.stderr
    assert not (project / "models" / "florence-vs-gemma.yaml").exists()


@pytest.mark.parametrize("model_id", ["prompts", "suite"])
def test_new_refuses_a_model_id_a_suites_folder_uses_for_its_own_files(
    project: Path, model_id: str
) -> None:
    """``evals/<suite>/prompts.yaml`` is a prompt list and ``suite.yaml`` the suite: a model
    of either id would have its results read as one; check refuses the card, so new does."""
    before = sorted(path for path in project.rglob("*") if path.is_file())
    for result in (new_model(project, model_id), new_result(project, model_id=model_id)):
        assert result.exit_code == 1
        assert f"the model id '{model_id}' is the name of a suite's" in result.stderr
        assert "(choose another id)" in result.stderr
    assert sorted(path for path in project.rglob("*") if path.is_file()) == before


def test_new_model_needs_a_valid_config(tmp_path: Path) -> None:
    result = new_model(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"versus.yaml: no versus.yaml in {tmp_path}")
    (tmp_path / "versus.yaml").write_text("title: x\n")
    result = new_model(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "versus.yaml:1:1: base_url: missing required field 'base_url' (add 'base_url:' here)",
        "versus.yaml:1:1: description: missing required field 'description' "
        "(add 'description:' here)",
        "versus.yaml:1:1: taxonomy: missing required field 'taxonomy' (add 'taxonomy:' here)",
        "versus: 3 problems in 1 file; nothing was written",
    ]
    assert not (tmp_path / "models").exists()


# --- versus new result --------------------------------------------------------


def test_new_result_lists_every_category_of_the_suite(project: Path, sample_project: Path) -> None:
    assert new_model(project).exit_code == 0
    result = new_result(project)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"versus: wrote {RESULT_PATH}")
    text = (project / RESULT_PATH).read_text()
    assert text.splitlines()[0] == f"{MODELINE_PREFIX}../../schemas/result.schema.json"
    assert text.splitlines()[0] == modeline(RESULT_PATH, RESULT)
    suite = load_project(sample_project).suites["vision-evals"]
    for category in suite.categories:
        assert (
            f"  # {category.label}: {category.prompts} prompts in the suite\n"
            f"  {category.id}:\n"
            "    passed:\n"
            "    total:\n"
            "    # percent:\n"
        ) in text
    keys = re.findall(r"^(?:# )?([a-z_]+):", text, re.MULTILINE)
    assert keys == list(ResultModel.model_fields)


def test_a_fresh_result_fails_check_then_fills_in_and_shows_on_the_pages(
    project: Path, tmp_path: Path
) -> None:
    assert new_model(project).exit_code == 0
    card = project / CARD_PATH
    card.write_text(fill(card.read_text(), REQUIRED_CARD))
    assert new_result(project).exit_code == 0
    run = project / RESULT_PATH

    result = versus("check", "-p", str(project))
    assert result.exit_code == 1
    problems = result.stderr.splitlines()
    assert problems[-1] == "versus: 12 problems in 1 file; nothing was written"
    assert any(
        "categories.object-counting.passed: expected a whole number; got nothing" in p
        for p in problems
    )

    run.write_text(fill(run.read_text(), {"provenance": "measured", "title": "The tests"}))
    text = run.read_text()
    for category, (passed, total) in {
        "defect-detection": (12, 15),
        "document-understanding": (8, 9),
        "object-counting": (5, 10),
        "object-understanding": (10, 14),
        "spatial-understanding": (9, 19),
    }.items():
        text = text.replace(
            f"  {category}:\n    passed:\n    total:\n",
            f"  {category}:\n    passed: {passed}\n    total: {total}\n",
        )
    run.write_text(text)
    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    assert (
        load_project(project).results["vision-evals"][MODEL].categories["object-counting"].passed
        == 5
    )

    out = tmp_path / "out"
    assert versus("build", "-p", str(project), "-o", str(out)).exit_code == 0
    page = (out / "compare" / f"florence-2-vs-{MODEL}" / "index.html").read_text()
    assert "65.67%" in page  # 44 of the 67 prompts passed
    assert "67 of 67 prompts" in page


def test_new_result_for_an_unknown_suite_suggests_the_closest(project: Path) -> None:
    result = new_result(project, "vision-eval", "florence-2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "evals/vision-eval: no eval suite 'vision-eval': evals/vision-eval/suite.yaml does not "
        "exist (did you mean 'vision-evals'?)",
        "versus: 1 problem in 1 file; nothing was written",
    ]
    assert not (project / "evals" / "vision-eval").exists()

    result = new_result(project, "chess", "florence-2")
    assert (
        "(the suites are: vision-evals; write a new one with `versus new suite chess`)"
        in result.stderr
    )


def test_new_result_with_its_suite_and_model_the_other_way_round(project: Path) -> None:
    result = new_result(project, "florence-2", "vision-evals")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "evals/florence-2: 'florence-2' is a model and 'vision-evals' a suite: the suite comes "
        "first (versus new result vision-evals florence-2)",
        "versus: 1 problem in 1 file; nothing was written",
    ]
    result = new_result(project, "evals/vision-evals", "models/florence-2.yaml")
    assert result.stderr.splitlines()[:2] == [
        "evals/vision-evals: 'evals/vision-evals' is not a valid suite id; expected a "
        "slug: lowercase letters, digits and single hyphens, at most 64 characters (give the "
        "id alone, not a file's name or path: 'vision-evals')",
        "models/florence-2.yaml: 'models/florence-2.yaml' is not a valid model id; "
        "expected a slug: lowercase letters, digits and single hyphens, at most 64 characters "
        "(give the id alone, not a file's name or path: 'florence-2')",
    ]
    assert not (project / "evals" / "florence-2").exists()


def test_new_result_for_an_unknown_model_suggests_the_closest(project: Path) -> None:
    result = new_result(project, "vision-evals", "florence2")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "models/florence2.yaml: no model card for 'florence2': models/florence2.yaml does not "
        "exist (did you mean 'florence-2'?)"
    )
    result = new_result(project, "vision-evals", MODEL)
    assert f"(write the card first with `versus new model {MODEL}`)" in result.stderr
    result = new_result(project, "Vision-Evals", "Florence_2")
    assert result.stderr.splitlines() == [
        "evals/Vision-Evals: 'Vision-Evals' is not a valid suite id; expected a slug: lowercase "
        "letters, digits and single hyphens, at most 64 characters (did you mean 'vision-evals'?)",
        "models/Florence_2.yaml: 'Florence_2' is not a valid model id; expected a slug: "
        "lowercase letters, digits and single hyphens, at most 64 characters "
        "(did you mean 'florence-2'?)",
        "versus: 2 problems in 2 files; nothing was written",
    ]
    assert sorted(p.name for p in (project / "evals" / "vision-evals").iterdir()) == [
        "gemma-4-12b.yaml",
        "gemma-4-26b-a4b.yaml",
        "suite.yaml",
    ]


def test_new_result_never_overwrites_a_run(project: Path) -> None:
    before = (project / "evals" / "vision-evals" / "gemma-4-12b.yaml").read_bytes()
    result = new_result(project, "vision-evals", "gemma-4-12b")
    assert result.exit_code == 1
    assert "evals/vision-evals/gemma-4-12b.yaml: the file already exists" in result.stderr
    assert (project / "evals" / "vision-evals" / "gemma-4-12b.yaml").read_bytes() == before


def test_the_written_text_is_the_same_every_time(project: Path) -> None:
    config = load_project(project).config
    assert scaffold.card_text(MODEL, config) == scaffold.card_text(MODEL, config)
    assert new_model(project).exit_code == 0
    assert (project / CARD_PATH).read_text() == scaffold.card_text(MODEL, config)
    assert all(len(line) <= 100 for line in scaffold.card_text(MODEL, config).splitlines())
    assert scaffold.card_text(MODEL, config).endswith(":\n")


def test_new_lists_its_commands_with_examples() -> None:
    result = versus("new", "--help")
    assert result.exit_code == 0
    assert "model   Write models/MODEL-ID.yaml" in result.stdout
    assert "result  Write evals/SUITE-ID/MODEL-ID.yaml" in result.stdout
    assert "suite   Write evals/SUITE-ID/suite.yaml" in result.stdout
    for command in ("model", "suite", "result"):
        text = versus("new", command, "--help").stdout
        assert "Examples:\n    versus new " in text
        assert "-p, --project DIRECTORY" in text


def test_a_new_result_of_a_suite_listing_its_prompts_counts_them(project: Path) -> None:
    (project / "evals" / "mini").mkdir()
    (project / "evals" / "mini" / "suite.yaml").write_text(
        "name: Mini Evals\nsummary: Three prompts.\ndescription: A suite.\n"
        "methodology: Pass or fail.\ncategories:\n  - {id: reading, label: Reading}\n"
        "  - {id: counting, label: Counting}\n"
    )
    (project / "evals" / "mini" / "prompts.jsonl").write_text(
        '{"id": "a", "category": "reading", "prompt": "Read it."}\n'
        '{"id": "b", "category": "counting", "prompt": "Count them."}\n'
        '{"id": "c", "category": "counting", "prompt": "Count those."}\n'
    )
    result = new_result(project, "mini", "paligemma")
    assert result.exit_code == 0, result.output
    text = (project / "evals" / "mini" / "paligemma.yaml").read_text()
    assert "  # Reading: 1 prompt in the suite\n" in text
    assert "  # Counting: 2 prompts in the suite\n" in text


def test_a_new_results_earlier_runs_uncommented_and_filled_validate(project: Path) -> None:
    assert new_result(project, "vision-evals", "paligemma").exit_code == 0
    run = project / "evals" / "vision-evals" / "paligemma.yaml"
    text = run.read_text()
    assert "\n# settings: {}\n" in text  # an empty mapping, the default
    assert "\n#     settings: {}\n" in text
    text = fill(text, {"provenance": "measured", "title": "The tests"})
    text = text.replace("  defect-detection:\n    passed:\n    total:\n", "")
    for category in ("document-understanding", "object-counting"):
        text = text.replace(f"  {category}:\n    passed:\n    total:\n", "")
    for category in ("object-understanding", "spatial-understanding"):
        text = text.replace(
            f"  {category}:\n    passed:\n    total:\n",
            f"  {category}:\n    passed: 7\n    total: 10\n",
        )
    text = uncomment(uncomment(text, "date"), "earlier_runs")
    text = text.replace("# settings: {}", "settings: {temperature: 0}")
    text = fill(text, {"date": '"2026-05"', "name": "lmms-eval", "version": '"0.3.1"'})
    text = text.replace('  - date: "2026-05"', '  - date: "2025-11"')  # the earlier run's
    text = fill(text, {"title": "An older run", "url": "https://e.org/"})
    earlier_categories = "    categories: {spatial-understanding: {passed: 5, total: 10}}\n"
    text = text.replace("    categories:\n", earlier_categories)
    text = text.replace("    notes:\n      -\n", "    notes:\n      - A note.\n")
    run.write_text(text)

    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    loaded = load_project(project).results["vision-evals"]["paligemma"]
    assert loaded.settings == {"temperature": 0}
    [earlier] = loaded.earlier_runs
    assert earlier.harness is not None
    assert (earlier.harness.name, earlier.harness.version) == ("lmms-eval", "0.3.1")
    assert earlier.settings == {}
    assert earlier.categories["spatial-understanding"].passed == 5
    assert earlier.notes == ["A note."]


# --- versus new suite ---------------------------------------------------------

SUITE_ID = "chart-evals"
SUITE_PATH = f"evals/{SUITE_ID}/suite.yaml"


def new_suite(project: Path, suite_id: str = SUITE_ID) -> Result:
    return versus("new", "suite", suite_id, "-p", str(project))


def test_new_suite_writes_a_suite_that_names_its_schema_and_every_field(project: Path) -> None:
    result = new_suite(project)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"versus: wrote {SUITE_PATH}; fill in its empty fields")
    text = (project / SUITE_PATH).read_text(encoding="utf-8")
    assert text == scaffold.suite_text(SUITE_ID)
    assert text.splitlines()[0] == modeline(SUITE_PATH, SUITE)
    assert text.splitlines()[0] == f"{MODELINE_PREFIX}../../schemas/suite.schema.json"
    for name, field in Suite.model_fields.items():
        pattern = rf"^{name}:$" if field.is_required() else rf"^# {name}:"
        assert re.search(pattern, text, re.MULTILINE), name
    assert "\ncategories:\n  - id:\n    label:\n    prompts:\n" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_a_fresh_suite_fails_check_then_fills_in_and_takes_results(project: Path) -> None:
    assert new_suite(project).exit_code == 0
    result = versus("check", "-p", str(project))
    assert result.exit_code == 1
    named = [line.split(": ")[1] for line in result.stderr.splitlines()[:-1]]
    assert named == [
        "name",
        "summary",
        "description",
        "methodology",
        "prompts",
        "categories[0].id",
        "categories[0].label",
        "categories[0].prompts",
    ]
    suite = project / SUITE_PATH
    text = fill(
        suite.read_text(),
        {
            "name": "Chart Evals",
            "summary": "Questions about charts.",
            "description": "Reads values off charts.",
            "methodology": "Pass or fail.",
            "prompts": "20",
            "id": "read-a-value",
            "label": "Read a value",
        },
    )
    suite.write_text(text.replace("    prompts:\n", "    prompts: 20\n"))
    result = versus("check", "-p", str(project))
    assert result.exit_code == 0, result.output
    assert "2 suites" in result.stdout
    assert new_result(project, SUITE_ID, "florence-2").exit_code == 0


def test_new_suite_never_overwrites_a_suite(project: Path) -> None:
    result = new_suite(project, "vision-evals")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "evals/vision-evals/suite.yaml: the file already exists; `versus new` never "
        "overwrites a file (edit it, or delete it first to start again)",
        "versus: 1 problem in 1 file; nothing was written",
    ]


def test_new_suite_refuses_an_id_that_is_not_a_slug(project: Path) -> None:
    result = new_suite(project, "Chart_Evals")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "evals/Chart_Evals: 'Chart_Evals' is not a valid suite id; expected a slug: lowercase "
        "letters, digits and single hyphens, at most 64 characters (did you mean 'chart-evals'?)"
    )
    assert not (project / "evals" / "Chart_Evals").exists()


def test_new_suite_given_a_path_names_the_folder_of_the_id_alone(project: Path) -> None:
    result = new_suite(project, "evals/chart-evals/suite.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "evals/chart-evals: 'evals/chart-evals/suite.yaml' is not a valid suite id; expected a "
        "slug: lowercase letters, digits and single hyphens, at most 64 characters (give the id "
        "alone, not a file's name or path: 'chart-evals')"
    )
    assert not (project / "evals" / "evals").exists()


def test_new_and_import_know_the_suites_and_models_check_reads(
    project: Path, tmp_path: Path
) -> None:
    """``scaffold.suites`` and ``models`` (which ``versus new`` and ``versus import`` check
    ids against) list what ``versus check`` reads: no hidden entry, nothing linked from
    outside the project, no file whose name is no id."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "suite.yaml").write_text("name: x\n")
    (project / "evals" / "linked").symlink_to(outside)
    (project / "evals" / ".hidden").mkdir()
    (project / "evals" / ".hidden" / "suite.yaml").write_text("name: x\n")
    (project / "models" / "linked.yaml").symlink_to(outside / "suite.yaml")
    (project / "models" / "Not_An_Id.yaml").write_text("name: x\n")
    (project / "models" / ".draft.yaml").write_text("name: x\n")
    assert scaffold.suites(project) == ["vision-evals"]
    assert scaffold.models(project) == list(SAMPLE_MODELS)
    result = new_result(project, "linked", "florence-2")
    assert result.exit_code == 1
    assert "no eval suite 'linked'" in result.stderr
