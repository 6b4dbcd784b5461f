"""The field docstrings of the input schemas, read from their source (versus.authoring.fielddocs)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from versus.authoring.fielddocs import field_docs
from versus.authoring.jsonschema import KINDS, json_schema
from versus.inputs.schema import CategoryResult, ModelCard, Strict


class Documented(Strict):
    first: int
    """The first field.

    Two paragraphs, indented as docstrings are."""
    second: int = 0
    third: int = 0
    "A plain string literal counts too."
    not_a_doc: int = 0

    def method(self) -> int:
        """A method's docstring: no field's."""
        return 1

    """After a method: not a field's docstring."""


class Child(Documented):
    fourth: int = 0
    """Only the child has this one."""


def test_a_string_under_a_field_documents_it_cleaned_as_a_docstring() -> None:
    assert field_docs(Documented) == {
        "first": "The first field.\n\nTwo paragraphs, indented as docstrings are.",
        "third": "A plain string literal counts too.",
    }


def test_a_subclass_keeps_the_docstrings_of_the_fields_it_inherits() -> None:
    assert field_docs(Child) == {
        "first": "The first field.\n\nTwo paragraphs, indented as docstrings are.",
        "third": "A plain string literal counts too.",
        "fourth": "Only the child has this one.",
    }


def test_every_field_of_the_schemas_is_documented_in_field_order() -> None:
    assert list(field_docs(ModelCard)) == list(ModelCard.model_fields)
    assert field_docs(CategoryResult)["passed"] == "Prompts of this category the model passed."


def test_the_models_carry_no_docstrings_for_a_build_to_parse() -> None:
    # pydantic's use_attribute_docstrings parses the module's source on import
    assert ModelCard.model_fields["name"].description is None


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_json_schema_describes_every_field_of_every_model_in_it(kind: object) -> None:
    schema = json_schema(kind)  # type: ignore[arg-type]
    if "properties" not in schema:  # a list of entries (prompts.yaml): each entry's fields
        assert schema["type"] == "array"
        for definition in schema["definitions"].values():
            for name, field in definition.get("properties", {}).items():
                assert field.get("description"), name
        return
    for name in kind.model.model_fields:  # type: ignore[attr-defined]
        assert schema["properties"][name]["description"]


def test_a_model_without_source_has_no_docstrings() -> None:
    made = type("Made", (BaseModel,), {"__annotations__": {"a": int}, "__module__": "nowhere"})
    assert field_docs(made) == {}
