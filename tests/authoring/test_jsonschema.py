"""JSON Schemas of the input files: fresh, complete, deterministic, named by every YAML file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel, RootModel, ValidationError, create_model

from support import REPO, fixture_project, project_yaml_files, schema_kind_of
from versus.authoring import jsonschema
from versus.authoring.jsonschema import KINDS, SchemaKind, modeline
from versus.cli import main
from versus.inputs import load, validation
from versus.inputs.schema import GIVEN_ELSEWHERE, Strict
from versus.inputs.yamlsource import Document

MODELS: list[type[BaseModel]] = []


def _collect(model: type[BaseModel]) -> None:
    if model in MODELS:
        return
    MODELS.append(model)
    for field in model.model_fields.values():
        for found in _models_in(field.annotation):
            _collect(found)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


for _kind in KINDS:
    _collect(_kind.model)


def test_committed_schemas_are_fresh() -> None:
    stale = jsonschema.stale_files(REPO)
    assert stale == [], f"{stale} are out of date: run `versus schema` and commit schemas/"


def test_schemas_folder_holds_only_the_written_schemas() -> None:
    written = {kind.file_name for kind in KINDS}
    assert {p.name for p in (REPO / "schemas").iterdir()} == written
    assert written == {
        "card.schema.json",
        "suite.schema.json",
        "result.schema.json",
        "config.schema.json",
        "prompts.schema.json",
        "outcome.schema.json",
        "import-record.schema.json",
    }


def test_check_names_a_stale_and_a_missing_file_and_writing_fixes_them(tmp_path: Path) -> None:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    card = tmp_path / "schemas" / "card.schema.json"
    card.write_text(card.read_text().replace("Display name", "The name"))
    (tmp_path / "schemas" / "suite.schema.json").unlink()

    result = CliRunner().invoke(main, ["schema", "--check", "-p", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "schemas/card.schema.json: out of date",
        "schemas/suite.schema.json: missing",
        "versus: 2 schema files to update: run `versus schema`",
    ]
    assert "The name" in card.read_text(), "--check wrote a file"
    assert not (tmp_path / "schemas" / "suite.schema.json").exists()

    result = CliRunner().invoke(main, ["schema", "-p", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "versus: wrote schemas/card.schema.json",
        "versus: wrote schemas/suite.schema.json",
    ]
    assert card.read_bytes() == (REPO / "schemas" / "card.schema.json").read_bytes()

    result = CliRunner().invoke(main, ["schema", "--check", "-p", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout


def test_schema_help_names_every_kind() -> None:
    text = " ".join(CliRunner().invoke(main, ["schema", "--help"]).output.split())
    assert all(kind.name in text for kind in KINDS), text


def test_schema_writes_every_file_into_an_empty_project(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "-p", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for kind in KINDS:
        assert (tmp_path / kind.path).read_bytes() == (REPO / kind.path).read_bytes()
    unchanged = CliRunner().invoke(main, ["schema", "-p", str(tmp_path)])
    assert unchanged.stdout == f"versus: the {len(KINDS)} schema files are up to date\n"


def test_output_is_deterministic_json_with_two_space_indents() -> None:
    script = (
        "from versus.authoring import jsonschema; import sys; "
        "sys.stdout.write(''.join(jsonschema.expected_files().values()))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    for kind in KINDS:
        text = jsonschema.render(kind)
        assert text.endswith("}\n")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in schema.get("properties", {}).items():
        yield name, prop
    for model, definition in schema.get("definitions", {}).items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model}.{name}", prop


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_field_has_a_description_and_an_example(kind: SchemaKind) -> None:
    schema = jsonschema.json_schema(kind)
    names = []
    for name, prop in _properties(schema):
        names.append(name)
        assert prop.get("description", "").strip(), f"{kind.name}: {name} has no description"
        assert "``" not in prop["description"], "descriptions are Markdown"
        assert prop.get("examples"), f"{kind.name}: {name} has no example"
    assert len(names) >= len(kind.model.model_fields)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_schemas_are_self_contained_draft_07(kind: SchemaKind) -> None:
    schema = jsonschema.json_schema(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    definitions = schema.get("definitions", {})
    if issubclass(kind.model, RootModel):  # a list: prompts.yaml
        assert schema["type"] == "array"
        item = schema["items"]["$ref"].removeprefix("#/definitions/")
        schema, model = definitions[item], get_args(kind.model.model_fields["root"].annotation)[0]
    else:
        model = kind.model
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False, "unknown keys are errors, as in versus"
    assert set(schema["required"]) == {
        name for name, field in model.model_fields.items() if field.is_required()
    } - set(GIVEN_ELSEWHERE.get(model.__name__, ()))
    assert list(schema["properties"]) == list(model.model_fields), "schema order"
    schema = jsonschema.json_schema(kind)

    def walk(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for node in walk(schema):
        assert "$defs" not in node
        if "$ref" in node:
            assert set(node) == {"$ref"}, "draft-07 ignores the siblings of $ref"
            assert node["$ref"].removeprefix("#/definitions/") in definitions


def test_examples_are_valid_values_of_their_fields() -> None:
    """Each example, alone in a strict model with the field's type and constraints, validates."""
    for model in MODELS:
        for name, field in model.model_fields.items():
            annotation: Any = field.annotation
            probe = create_model("Probe", __base__=Strict, value=(annotation, field))
            for example in field.examples or []:
                json.dumps(example)  # an example must be JSON
                try:
                    probe.model_validate({"value": example})
                except ValidationError as error:
                    pytest.fail(f"{model.__name__}.{name}: example {example!r}: {error}")
    assert len(MODELS) >= 15


def test_a_year_or_a_money_amount_is_described_as_versus_reads_it() -> None:
    card = jsonschema.json_schema(jsonschema.CARD)
    released = card["properties"]["released"]["anyOf"][0]["anyOf"]
    assert {"type": "integer", "minimum": 1900, "maximum": 2200} in released
    pricing = card["definitions"]["Pricing"]["properties"]
    assert Decimal(str(pricing["input_per_million"]["examples"][0])) == Decimal("0.06")


def test_the_card_schema_accepts_what_versus_reads(tmp_path: Path) -> None:
    """An editor must not flag a card versus reads: a price in quotes (its digits kept) and
    the former category ``open`` (marked deprecated)."""
    library = pytest.importorskip("jsonschema")  # check-jsonschema's, a dev dependency
    schema = jsonschema.json_schema(jsonschema.CARD)
    root = fixture_project(tmp_path / "project")
    card = root / "models" / "gemma-4-26b-a4b.yaml"
    text = card.read_text()
    for old, new in (
        ("input_per_million: 0.06", 'input_per_million: "0.06"'),
        ("category: open-weights", "category: open"),
    ):
        assert old in text
        card.write_text(text.replace(old, new))
        library.validate(yaml.safe_load(card.read_text()), schema)  # no error
        load.load_project(root)  # no problem
    for wrong in ('"-1"', "cheap"):
        card.write_text(text.replace("input_per_million: 0.06", f"input_per_million: {wrong}"))
        with pytest.raises(library.ValidationError):
            library.validate(yaml.safe_load(card.read_text()), schema)


def test_each_kind_is_the_model_load_validates_those_files_with(
    monkeypatch: pytest.MonkeyPatch, sample_project: Path
) -> None:
    seen: dict[str, type[BaseModel]] = {}
    real = validation.validate

    def spy(model: type[Any], document: Document) -> tuple[Any, list[Any]]:
        seen[document.source.file] = model
        return real(model, document)

    monkeypatch.setattr(load, "validate", spy)
    load.load_project(sample_project)
    assert sorted(seen) == project_yaml_files(sample_project)
    for name, model in seen.items():
        assert schema_kind_of(name).model is model, name


def test_modelines_point_up_to_the_project_folder() -> None:
    assert modeline("versus.yaml", jsonschema.CONFIG).endswith("=schemas/config.schema.json")
    assert modeline("models/x.yaml", jsonschema.CARD).endswith("=../schemas/card.schema.json")
    assert modeline("evals/s/suite.yaml", jsonschema.SUITE).endswith(
        "=../../schemas/suite.schema.json"
    )
