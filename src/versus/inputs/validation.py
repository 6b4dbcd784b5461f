"""Validating one parsed file against its schema, with errors a person can act on.

pydantic reports each error with a ``loc`` (the field path) and a type. Here we
turn each into a :class:`~versus.inputs.problems.Problem` placed at the line and
column the :class:`~versus.inputs.yamlsource.SourceMap` recorded for that path, with a
message that says what was expected and what was found, and a did-you-mean for
misspelt field names.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any, Literal, TypeVar, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from versus.inputs.fieldtypes import AT, describe, is_slug, percent_sign_hint
from versus.inputs.problems import FieldPath, Problem, closest, did_you_mean
from versus.inputs.yamlsource import Document, yaml_flow

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "string": "text",
    "dict": "a mapping of fields",
    "model": "a mapping of fields",
    "list": "a list",
    "tuple": "a list",
}


def validate(model: type[M], document: Document) -> tuple[M | None, list[Problem]]:
    """The validated model, or ``None`` and every problem pydantic found."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        details = _fold_misspelt_required(model, error.errors())
        problems = [_problem(model, document, detail) for detail in details]
        return None, _dedupe(problems)


@functools.cache
def _list_of(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def validate_items(
    model: type[M], document: Document, *, per_line: bool = False
) -> tuple[list[M | None], list[Problem]]:
    """Each item of the list ``document.data`` validated as ``model`` (``None`` for an item
    with problems), and every problem found; no items when the data is not a list.

    ``per_line`` is for JSON Lines, whose items are lines: a problem's line says which
    item it is of, so its field path leaves out the item's index.
    """
    try:
        return list(_list_of(model).validate_python(document.data)), []
    except ValidationError as error:
        details = error.errors()
    if not isinstance(document.data, list):
        return [], [_problem(model, document, details[0], skip=1)]
    by_item: dict[int, list[ErrorDetails]] = {}
    for detail in details:
        by_item.setdefault(int(detail["loc"][0]), []).append(detail)
    values: list[M | None] = []
    problems: list[Problem] = []
    for index, item in enumerate(document.data):
        found = by_item.get(index)
        if found is None:
            values.append(model.model_validate(item))
            continue
        values.append(None)
        for detail in _fold_misspelt_required(model, found, skip=1):
            problem = _problem(model, document, detail, skip=1)
            if per_line:
                hint = problem.hint
                if detail["type"] == "missing":
                    hint = f'add "{problem.path[-1]}" to this line'
                problem = replace(problem, path=problem.path[1:], hint=hint)
            problems.append(problem)
    return values, _dedupe(problems)


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator of the field ``name`` of ``model`` alone, its bounds and rules with it."""
    field = model.model_fields[name]
    annotation: Any = field.annotation
    if field.metadata:
        annotation = typing.Annotated.__class_getitem__((annotation, *field.metadata))  # type: ignore[attr-defined]
    return TypeAdapter(annotation)


def salvage(
    model: type[M],
    data: object,
    stand_ins: Mapping[str, Any] | None = None,
    inner: Mapping[type[BaseModel], Mapping[str, Any]] | None = None,
) -> tuple[M | None, frozenset[FieldPath]]:
    """What of ``data``, which fails ``model``, is well-formed: a ``model`` built of the
    fields that validate on their own, and the paths of the parts that do not.

    For the checks that compare figures across fields and files, so that a file's field
    errors do not hide its other mistakes; never a value for a page. A mapping of models
    keeps each entry salvaged in turn, a list of models the items before its first that
    cannot be (so that each keeps its index); a required field that is not well-formed
    takes its value in ``stand_ins`` (and counts as left out), else nothing is salvaged
    (``None``); ``inner`` gives the stand-ins of the models inside lists and mappings, by
    model. The model's own validators do not run.
    """
    if not isinstance(data, Mapping):
        return None, frozenset()
    fields: dict[str, Any] = {}
    dropped: set[FieldPath] = set()
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        inside = _model_inside(field.annotation)
        items: dict[Any, Any] | list[Any] | None = None
        before = len(dropped)
        if inside is not None and inside[0] is dict and isinstance(value, Mapping):
            items = {}
            for key, item in value.items():
                kept, within = salvage(inside[1], item, _stand_ins(inner, inside[1]), inner)
                if kept is None:
                    dropped.add((name, key))
                else:
                    items[key] = kept
                    dropped.update((name, key, *path) for path in within)
        elif inside is not None and inside[0] is list and isinstance(value, list):
            items = []
            for index, item in enumerate(value):
                kept, within = salvage(inside[1], item, _stand_ins(inner, inside[1]), inner)
                if kept is None:
                    dropped.update((name, later) for later in range(index, len(value)))
                    break
                items.append(kept)
                dropped.update((name, index, *path) for path in within)
        if items is not None and len(dropped) > before:
            fields[name] = items
            continue
        try:  # the field whole, with its own bounds (a mapping's or list's length too)
            fields[name] = _field_adapter(model, name).validate_python(value)
        except ValidationError:
            dropped.add((name,))
    for name, field in model.model_fields.items():
        if field.is_required() and name not in fields:
            if stand_ins is None or name not in stand_ins:
                return None, frozenset(dropped)
            fields[name] = stand_ins[name]
            dropped.add((name,))
    return model.model_construct(**fields), frozenset(dropped)


def anything_but(model: type[BaseModel], *needed: str) -> dict[str, Any]:
    """Stand-ins for :func:`salvage`: ``None`` for each required field of ``model`` but the
    ``needed`` ones, which what is salvaged is read for (a card for its prices, ...)."""
    return {
        name: None
        for name, field in model.model_fields.items()
        if field.is_required() and name not in needed
    }


def _stand_ins(
    inner: Mapping[type[BaseModel], Mapping[str, Any]] | None, model: type[BaseModel]
) -> Mapping[str, Any] | None:
    return None if inner is None else inner.get(model)


def _model_inside(annotation: Any) -> tuple[Any, type[BaseModel]] | None:
    """``(dict, X)`` for a mapping of models ``X``, ``(list, X)`` for a list of them."""
    origin = get_origin(annotation)
    if origin in (dict, list):
        item = get_args(annotation)[-1]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return origin, item
    return None


def _fold_misspelt_required(
    model: type[BaseModel], details: list[ErrorDetails], skip: int = 0
) -> list[ErrorDetails]:
    """Drop "missing 'organization'" when the same mapping has a close misspelling of it.

    The unknown-field problem already says "did you mean 'organization'?";
    reporting the missing field too would make one typo look like two mistakes.
    ``skip`` leading parts of each location are not fields of ``model`` (a list's index).
    """
    missing = {tuple(d["loc"]) for d in details if d["type"] == "missing"}
    folded = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        loc = tuple(detail["loc"])
        suggestion = closest(str(loc[-1]), _field_names(model, loc[skip:-1]))
        if suggestion and (*loc[:-1], suggestion) in missing:
            folded.add((*loc[:-1], suggestion))
    return [d for d in details if not (d["type"] == "missing" and tuple(d["loc"]) in folded)]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    unique = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            unique.append(problem)
    return unique


def _problem(
    model: type[BaseModel], document: Document, detail: ErrorDetails, skip: int = 0
) -> Problem:
    """The problem of one error; the first ``skip`` parts of its location are not fields of
    ``model`` but place it in the document (the index of a list's item)."""
    path: FieldPath = tuple(part for part in detail["loc"] if part != "[key]")
    kind = detail["type"]
    if kind == "versus":  # a model's validator may name the field at fault
        path += tuple((detail.get("ctx") or {}).get(AT, ()))
    inner = path[skip:]
    value = detail.get("input")
    hint = ""
    if kind == "missing":
        message = f"missing required field '{path[-1]}'"
        hint = f"add '{path[-1]}:' here"
        where = path[:-1]
    elif kind == "extra_forbidden":
        allowed = _field_names(model, inner[:-1])
        message = f"unknown field '{path[-1]}'"
        hint = (
            (
                _identity_hint(model, document.source.file, inner[0], value)
                if len(inner) == 1
                else ""
            )
            or did_you_mean(str(path[-1]), allowed)
            or (f"allowed here: {', '.join(sorted(allowed))}" if allowed else "")
        )
        where = path
    else:
        message = _message(model, inner, kind, detail, value)
        hint = _hint(model, inner, kind, detail, value)
        where = path
    at = document.source.locate(where)
    return Problem(document.source.file, at.line, at.column, path, message, hint)


_IDENTITY_FIELDS = frozenset({"id", "model", "model_id", "slug", "suite", "suite_id"})
"""Fields a contributor writes to say which model or suite a file is of: its name says."""


def _identity_hint(model: type[BaseModel], file: str, key: object, value: Any) -> str:
    """For a card, suite or result naming its own model or suite in a field (``id:``,
    ``model:``, ``suite:``): where versus takes it from instead, or ""."""
    if key not in _IDENTITY_FIELDS:
        return ""
    parts = file.split("/")
    stem, _, suffix = parts[-1].rpartition(".")
    kind = model.__name__
    if kind == "ModelCard" and len(parts) == 2:
        rename = (
            f"rename the file to {value}.{suffix} to give it that id"
            if is_slug(value) and value != stem
            else "rename the file to change the id"
        )
        return f"a card's id is its file's name, '{stem}'; remove the field, and {rename}"
    if kind == "Suite" and len(parts) == 3:
        return (
            f"a suite's id is its folder's name, '{parts[1]}'; remove the field, and rename "
            "the folder to change the id"
        )
    if kind == "Result" and len(parts) == 3:
        return (
            f"a result's model is its file's name and its suite its folder's: '{stem}' on "
            f"'{parts[1]}'; remove the field"
        )
    return ""


def _message(
    model: type[BaseModel], path: FieldPath, kind: str, detail: ErrorDetails, value: Any
) -> str:
    ctx = detail.get("ctx") or {}
    got = describe(value)
    if kind == "versus":
        return detail["msg"]
    if kind == "literal_error":
        choices = _literal_choices(model, path)
        expected = f"one of {', '.join(choices)}" if choices else str(ctx.get("expected"))
        return f"expected {expected}; got {got}"
    base = kind.removesuffix("_type").removesuffix("_parsing")
    if base in _TYPE_WORDS and kind.endswith(("_type", "_parsing")):
        if base == "int" and isinstance(value, float) and value.is_integer():
            got = repr(value)  # 1e2 or 100.0 reads 100.0 here, not the 100 it is refused for
        return f"expected {_TYPE_WORDS[base]}; got {got}"
    bounds = {
        "greater_than": "greater than {gt}",
        "greater_than_equal": "at least {ge}",
        "less_than": "less than {lt}",
        "less_than_equal": "at most {le}",
    }
    if kind in bounds:
        limits = {key: _number(value) for key, value in ctx.items()}
        return f"expected a number {bounds[kind].format(**limits)}; got {got}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s); got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} items; got {ctx.get('actual_length')}"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters; got {len(value)}"
    if kind == "finite_number":
        return f"expected a finite number; got {got}"
    return f"{detail['msg']}; got {got}"


def _hint(
    model: type[BaseModel], path: FieldPath, kind: str, detail: ErrorDetails, value: Any
) -> str:
    if kind == "versus":
        return str((detail.get("ctx") or {}).get("hint", ""))
    if kind == "literal_error" and isinstance(value, str):
        choices = _literal_choices(model, path)
        symbol = _CURRENCY_SYMBOLS.get(value.strip())
        if symbol in choices:
            return f"write the currency's code: {symbol}"
        return did_you_mean(value, choices)
    if kind in ("float_parsing", "float_type"):
        return percent_sign_hint(value) or _quoted_number_hint(value, path)
    if kind in ("int_parsing", "int_type") and percent_sign_hint(value):
        return "write a whole number, without the '%'"
    if kind in ("int_parsing", "int_type"):
        return _quoted_number_hint(value, path)
    mapping = kind in ("model_type", "model_attributes_type", "dict_type")
    if mapping and isinstance(value, str):
        fraction = _FRACTION.fullmatch(value)
        if fraction is not None and "passed" in _field_names(model, path):
            return f"write {{passed: {fraction.group(1)}, total: {fraction.group(2)}}}"
    if mapping and path and not isinstance(value, dict | list):
        return _mapping_hint(model, path)
    return ""


def _mapping_hint(model: type[BaseModel], path: FieldPath) -> str:
    """For a scalar where a mapping is expected (``harness: lmms-eval 0.3.1``): the shape
    to write, from the example the schema gives of the field holding it, or ""."""
    example = _example_at(model, path)
    if not isinstance(example, dict) or not example:
        return ""
    shape = yaml_flow(example)
    key = f"- {shape}" if isinstance(path[-1], int) else f"{path[-1]}: {shape}"
    return f"write it as a mapping, e.g. {key}"


def _example_at(model: type[BaseModel], path: FieldPath) -> Any:
    """The example of the value at ``path``: the first example of the deepest field on the
    way, followed into its items (a list's first, a mapping's entry of that key or its
    first); ``None`` when the schema gives none."""
    example: Any = None
    for at, part in enumerate(path):
        fields: dict[str, FieldInfo] = {}
        for candidate in _types_at(model, path[:at]):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                fields.update(candidate.model_fields)
        if isinstance(part, str) and part in fields:
            examples = fields[part].examples
            example = examples[0] if examples else None
        elif isinstance(example, list) and example:
            example = example[part if isinstance(part, int) and part < len(example) else 0]
        elif isinstance(example, dict) and example:
            example = example.get(part, next(iter(example.values())))
        else:
            example = None
    return example


_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_FRACTION = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")
_NUMBER_TEXT = re.compile(r"\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")


_SECONDS_TEXT = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(s|secs?|seconds|ms)\s*", re.IGNORECASE)


def _quoted_number_hint(value: Any, path: FieldPath) -> str:
    """For a number in quotes where a number is expected (``"11"``), or a time in seconds
    with its unit (``6.88s``, ``6880ms``): the number to write."""
    if not isinstance(value, str):
        return ""
    if _NUMBER_TEXT.fullmatch(value):
        return f"write {value.strip()}, without quotes"
    seconds = _SECONDS_TEXT.fullmatch(value)
    if seconds is not None and path and str(path[-1]).endswith("seconds"):
        number = Decimal(seconds.group(1))
        if seconds.group(2).lower() == "ms":
            number /= 1000
        return f"write {number.normalize():f}: the number of seconds, without a unit"
    return ""


def _number(value: Any) -> Any:
    """``100.0`` reads ``100`` in a message."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside ``X | None``, ``Annotated[X, ...]`` and friends, ``None``
    as ``NoneType``."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in unwrap(arg)]
    return [annotation]


def _types_at(model: type[BaseModel], path: FieldPath) -> list[Any]:
    """Every type a value at ``path`` may have, following fields, lists and dicts."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for candidate in current:
            origin = get_origin(candidate)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                field = candidate.model_fields.get(str(part))
                if field is not None:
                    following.extend(unwrap(field.annotation))
            elif origin in (list, tuple):
                following.extend(unwrap(get_args(candidate)[0]))
            elif origin is dict:
                following.extend(unwrap(get_args(candidate)[1]))
        current = following
    return current


def _field_names(model: type[BaseModel], path: FieldPath) -> set[str]:
    names: set[str] = set()
    for candidate in _types_at(model, path):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            names.update(candidate.model_fields)
    return names


def _literal_choices(model: type[BaseModel], path: FieldPath) -> list[str]:
    for candidate in _types_at(model, path):
        if get_origin(candidate) is Literal:
            return [str(arg) for arg in get_args(candidate)]
    return []
