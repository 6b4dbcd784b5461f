"""The docstrings written under the fields of the input schemas, read from their source.

Every field of :mod:`versus.inputs.schema` is documented by the string literal right
under it. Only the files written for people read them: the JSON Schemas (each field's
``description``, :mod:`versus.authoring.jsonschema`) and the comments of a new file
(:mod:`versus.authoring.scaffold`). The models themselves do not carry them (pydantic's
``use_attribute_docstrings`` is off), so that a build does not parse the schemas' source
each time it starts; these functions do, when asked.

The rule is pydantic's: a string literal statement that directly follows an annotated
assignment documents that field, cleaned as :func:`inspect.cleandoc` cleans a docstring;
a subclass keeps the docstrings of the fields it inherits.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap

from pydantic import BaseModel


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> its docstring, for each field of ``model`` that has one, in field order."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            found.update(_own_docs(cls))
    return {name: found[name] for name in model.model_fields if name in found}


def _own_docs(cls: type) -> dict[str, str]:
    """The docstrings of the fields written in the body of ``cls`` itself."""
    definition = _class_definition(cls)
    docs: dict[str, str] = {}
    if definition is None:
        return docs
    target: str | None = None
    for statement in definition.body:
        if isinstance(statement, ast.AnnAssign):
            target = statement.target.id if isinstance(statement.target, ast.Name) else None
            continue
        if (
            target is not None
            and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            docs[target] = inspect.cleandoc(statement.value.value)
        target = None
    return docs


def _class_definition(cls: type) -> ast.ClassDef | None:
    """The statement that defines ``cls`` at the top level of its module, if its source is there."""
    module = sys.modules.get(cls.__module__)
    if module is None:
        return None
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return None
    for statement in ast.parse(textwrap.dedent(source)).body:
        if isinstance(statement, ast.ClassDef) and statement.name == cls.__qualname__:
            return statement
    return None
