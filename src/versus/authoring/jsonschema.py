"""JSON Schemas of the input files, for editors and other tools.

``versus schema`` writes one schema per kind of input file into the project's
``schemas/`` folder, generated from the pydantic models in :mod:`versus.inputs.schema`
(field docstrings become descriptions; ``examples`` come from the fields). Each
YAML file names its schema in a first line that editors with
yaml-language-server read::

    # yaml-language-server: $schema=../schemas/card.schema.json

The schemas describe one file at a time, as :mod:`versus.inputs.schema` does; what
needs two files (a capability of the taxonomy, a category of the suite) and
the rules pydantic checks in code (bands in order, ``total`` or ``variants``)
are left to ``versus check``.

The files are JSON Schema draft-07, the draft editors support best: pydantic's
``$defs`` become ``definitions``, and a ``$ref`` with siblings is wrapped in
``allOf`` so that its description and examples still apply. The output
depends on the models only, so it is byte-for-byte the same on every run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, get_args

from pydantic import BaseModel

from versus.atomic import write_atomically
from versus.authoring.fielddocs import field_docs
from versus.authoring.importing.records import ImportRecord
from versus.inputs.inputfiles import writable_folder
from versus.inputs.problems import InputError
from versus.inputs.schema import ModelCard, OutcomeEntry, PromptList, Result, SiteConfig, Suite

SCHEMA_DIR = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
MODELINE_PREFIX = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class SchemaKind:
    """One kind of input file and the model that validates it."""

    name: str
    model: type[BaseModel]
    files: str
    """Where files of this kind live, as the README writes it."""
    title: str
    summary: str

    @property
    def file_name(self) -> str:
        return f"{self.name}.schema.json"

    @property
    def path(self) -> str:
        """The schema's path inside the project, e.g. ``schemas/card.schema.json``."""
        return f"{SCHEMA_DIR}/{self.file_name}"


CONFIG = SchemaKind(
    "config",
    SiteConfig,
    "versus.yaml",
    "versus site configuration",
    "The site's title and base URL, the capability taxonomy and the score bands",
)
CARD = SchemaKind(
    "card", ModelCard, "models/<model-id>.yaml", "versus model card", "One model card"
)
SUITE = SchemaKind(
    "suite", Suite, "evals/<suite-id>/suite.yaml", "versus eval suite", "One eval suite"
)
RESULT = SchemaKind(
    "result",
    Result,
    "evals/<suite-id>/<model-id>.yaml",
    "versus eval result",
    "One model's run on an eval suite",
)
PROMPTS = SchemaKind(
    "prompts",
    PromptList,
    "evals/<suite-id>/prompts.yaml",
    "versus prompt list",
    "A suite's prompts, a list (prompts.jsonl holds the same items, one JSON object per line)",
)
OUTCOME = SchemaKind(
    "outcome",
    OutcomeEntry,
    "each line of evals/<suite-id>/<model-id>.outcomes.jsonl",
    "versus outcome",
    "One prompt's outcome in a run",
)
IMPORT_RECORD = SchemaKind(
    "import-record",
    ImportRecord,
    "each line of a JSON Lines file (or row of a CSV file) given to `versus import`",
    "versus import record",
    "One prompt's outcome in a run, in the neutral format `versus import` reads",
)
KINDS: tuple[SchemaKind, ...] = (CONFIG, CARD, SUITE, RESULT, PROMPTS, OUTCOME, IMPORT_RECORD)
"""Every kind of input file, each validated by the model ``load.py`` uses for it (a prompt
list item by item, an outcomes file line by line: the schema of one line), and the
records ``versus import`` reads."""


def modeline(relative: str, kind: SchemaKind) -> str:
    """The first line of the project file at ``relative``: where its schema is, relative to it."""
    depth = len(PurePosixPath(relative).parts) - 1
    return f"{MODELINE_PREFIX}{'../' * depth}{kind.path}"


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one kind of file."""
    generated = kind.model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs", {})
    _describe(generated, kind.model)
    models = _models_under(kind.model)
    for name, definition in definitions.items():
        if name in models:
            _describe(definition, models[name])
    generated.pop("title", None)
    generated.pop("description", None)  # a model's docstring: the kind's summary says it here
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": kind.title,
        "description": (
            f"{kind.summary} ({kind.files}). `versus check` also checks what needs other "
            "files. Written by `versus schema` from versus's models; do not edit."
        ),
        **generated,
    }
    if definitions:
        schema["definitions"] = {name: definitions[name] for name in sorted(definitions)}
    tidied = _tidy(schema)
    assert isinstance(tidied, dict)
    return tidied


def _describe(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Each field's docstring as its property's ``description``, where pydantic puts one,
    keys in pydantic's order (sorted)."""
    properties = schema.get("properties", {})
    for name, doc in field_docs(model).items():
        if name in properties:
            properties[name] = dict(sorted({**properties[name], "description": doc}.items()))


def _models_under(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model a field of ``model`` holds, at any depth, by name (as pydantic names
    its definitions)."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[Any] = [field.annotation for field in model.model_fields.values()]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                pending += [field.annotation for field in annotation.model_fields.values()]
            continue
        pending += get_args(annotation)
    return found


def plain_docstring(text: str) -> str:
    """A field docstring with reStructuredText's ````code```` written as Markdown's ```code```."""
    return _LITERAL.sub(r"`\1`", text)


_LITERAL = re.compile(r"``(.+?)``")


def _tidy(node: Any, key: str = "") -> Any:
    """Markdown descriptions; each ``$ref`` with siblings moved into an ``allOf``.

    Draft-07 ignores the siblings of ``$ref``, which would lose the
    description and examples of a field whose type is a model.
    """
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if isinstance(node, str) and key == "description":
        return plain_docstring(node)
    if not isinstance(node, dict):
        return node
    result = {name: _tidy(value, name) for name, value in node.items()}
    if "$ref" in result and len(result) > 1:
        ref = result.pop("$ref")
        result = {"allOf": [{"$ref": ref}], **result}
    return result


def render(kind: SchemaKind) -> str:
    """The schema file's text: two-space indents, key order as generated, a final newline."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    """Each schema's path inside the project -> the text ``versus schema`` writes."""
    return {kind.path: render(kind) for kind in KINDS}


def stale_files(root: Path) -> list[str]:
    """The schema files under ``root`` that are missing or differ from what would be written."""
    stale = []
    for name, text in expected_files().items():
        path = root / name
        try:
            current = path.read_bytes()
        except OSError:
            stale.append(name)
            continue
        if current != text.encode("utf-8"):
            stale.append(name)
    return stale


def write_schemas(root: Path) -> list[str]:
    """Write every schema under ``root``; return those that were missing or changed."""
    written = stale_files(root)
    refused = [
        problem
        for folder in sorted({PurePosixPath(name).parent.as_posix() for name in written})
        if (problem := writable_folder(root, folder)) is not None
    ]
    if refused:
        raise InputError(refused)
    files: Mapping[str, str] = expected_files()
    for name in written:
        _write_atomically(root / name, files[name])
    return written


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), mode=0o644)
