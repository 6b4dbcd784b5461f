"""New files to fill in: what ``versus new model``, ``new suite`` and ``new result`` write.

A written file lists every field of its schema, in the schema's order, each
under a comment taken from the field's docstring in :mod:`versus.inputs.schema`:

* a required field is written with an empty value, so that ``versus check``
  names each one still to fill in ("name: expected non-empty text; got
  nothing (null)") and an unfinished file never reaches the site;
* an optional field is commented out, with the lines of its parts; removing
  the ``# `` in front of them gives a field to fill in;
* nothing is invented: a value is written only when it is the schema's
  default, and the capabilities of the taxonomy (for a card) or the
  categories of the suite (for a result) are listed by their ids.

:func:`card_text`, :func:`suite_text` and :func:`result_text` are pure; :func:`plan_model`,
:func:`plan_suite` and :func:`plan_result` read what they need from the project and refuse bad
requests with :class:`~versus.inputs.problems.InputError`; :func:`write_new` writes a
planned file and never overwrites one.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, TypeVar, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from versus.authoring.fielddocs import field_docs
from versus.authoring.jsonschema import (
    CARD,
    MODELINE_PREFIX,
    RESULT,
    SUITE,
    SchemaKind,
    modeline,
    plain_docstring,
)
from versus.inputs.checks import model_id_fault
from versus.inputs.fieldtypes import SLUG_EXPECTED, is_slug, suggest_slug
from versus.inputs.inputfiles import (
    CONFIG_FILE,
    EVALS_DIR,
    MODELS_DIR,
    OUTCOMES_SUFFIX,
    SUITE_FILE,
    YAML_SUFFIXES,
    writable_folder,
)
from versus.inputs.load import load_suite, project_model_ids, project_suite_ids
from versus.inputs.problems import InputError, Problem, closest, counted, did_you_mean
from versus.inputs.schema import (
    CAPABILITY_STATES,
    Category,
    ModelCard,
    Parameters,
    Result,
    SiteConfig,
    Suite,
)
from versus.inputs.validation import unwrap, validate
from versus.inputs.yamlsource import parse_yaml, yaml_scalar

M = TypeVar("M", bound=BaseModel)

WIDTH = 88
"""Comments are wrapped to this many characters."""

_ALTERNATIVES: dict[type[BaseModel], tuple[str, ...]] = {Parameters: ("variants", "disclosed")}
"""Fields that replace others of their model: written commented out once more."""

_MARKDOWN: dict[type[BaseModel], tuple[str, ...]] = {
    ModelCard: ("description",),
    Suite: ("description", "methodology"),
}
"""Fields holding Markdown: their comment says how to write several paragraphs."""

_INSTRUCTIONS = (
    "Fill in each field left empty below: `versus check` names those still empty. "
    "Optional fields are commented out: to give one, remove the `# ` in front of its "
    "lines and fill them in. Leave out what your sources do not say; a page shows it "
    "as unknown. Every field is described in {schema}."
)


@dataclass(frozen=True)
class NewFile:
    """A file to write: its path inside the project, its text and its schema."""

    path: str
    text: str
    kind: SchemaKind


# --- the text of a new file ---------------------------------------------------


def card_text(model_id: str, config: SiteConfig) -> str:
    """A new model card for ``model_id``, listing every capability of ``config``'s taxonomy."""
    path = _card_path(model_id)
    lines = _header(path, CARD, f"Model card for {model_id}, written by `versus new model`.")
    lines += _fields(ModelCard, 0, mappings={"capabilities": _capabilities(config)})
    return "\n".join(lines) + "\n"


def result_text(suite_id: str, suite: Suite, model_id: str) -> str:
    """A new result of ``model_id`` on ``suite``, listing every category of the suite."""
    path = f"{EVALS_DIR}/{suite_id}/{model_id}.yaml"
    title = f"Eval result: {model_id} on {suite.name}, written by `versus new result`."
    lines = _header(path, RESULT, title)
    lines += _fields(Result, 0, mappings={"categories": _categories(suite)})
    return "\n".join(lines) + "\n"


def suite_text(suite_id: str) -> str:
    """A new eval suite ``suite_id``, with one category to fill in (copy its lines for more)."""
    path = f"{EVALS_DIR}/{suite_id}/{SUITE_FILE}"
    title = f"Eval suite {suite_id}, written by `versus new suite`."
    lines = _header(path, SUITE, title)
    docs = field_docs(Category)
    about = [
        "One category is written: copy its lines for each other one. The fields of a "
        "category are these.",
        *(
            f"- `{name}`: {_about(Category, name, field, docs.get(name, ''))}"
            for name, field in Category.model_fields.items()
        ),
    ]
    categories = _Mapping(about, _list_item(_fields(Category, 4, docs=False), 2))
    lines += _fields(Suite, 0, mappings={"categories": categories})
    return "\n".join(lines) + "\n"


def _header(path: str, kind: SchemaKind, title: str) -> list[str]:
    line = modeline(path, kind)
    schema = line.removeprefix(MODELINE_PREFIX)
    return [
        line,
        *_comment(title, 0),
        "#",
        *_comment(_INSTRUCTIONS.format(schema=schema), 0),
        "",
    ]


@dataclass(frozen=True)
class _Mapping:
    """A mapping field of a new file: what else to say about it, and its lines."""

    about: list[str]
    """Paragraphs added to the field's comment; each after the first is indented."""
    lines: list[str]
    live: bool = False
    """Whether the key line is written uncommented though the field is optional (its
    lines are then commented out one by one, each uncommenting on its own)."""


def _capabilities(config: SiteConfig) -> _Mapping:
    """Each capability of the taxonomy, by group, to give a state or delete."""
    states = " | ".join(CAPABILITY_STATES)
    ids = [cap.id for group in config.taxonomy for cap in group.capabilities]
    width = max(len(id_) for id_ in ids) + 1
    lines = []
    # Each line is commented out at its own indentation, prose with one more '#', so that
    # removing the '# ' of any line, in any order, leaves the file valid YAML.
    for group in config.taxonomy:
        lines.append(f"  # # {group.label}")
        for cap in group.capabilities:
            about = f"{cap.label}: {cap.description}" if cap.description else cap.label
            lines += [_commented(line, 2) for line in _comment(about, 2)]
            lines.append(f"  # {cap.id + ':':<{width}} # {states}")
    about = (
        "Every capability of the taxonomy is listed, commented out. For each one your "
        "sources state, remove the `# ` in front of it and write supported, demo or no "
        "after it; leave the others: a capability the card leaves out is shown as unknown."
    )
    return _Mapping([about], lines, live=True)


def _categories(suite: Suite) -> _Mapping:
    """Each category of the suite, with its figures to fill in."""
    entry = _value_model(Result, "categories")
    docs = field_docs(entry)
    lines = []
    for category in suite.categories:
        prompts = counted(category.prompts, "prompt")
        lines.append(f"  # {category.label}: {prompts} in the suite")
        lines.append(f"  {category.id}:")
        lines += _fields(entry, 4, docs=False)
    about = [
        "Every category of the suite is listed: delete those the run did not cover. "
        "The fields of a category are these.",
        *(
            f"- `{name}`: {_about(entry, name, field, docs.get(name, ''))}"
            for name, field in entry.model_fields.items()
        ),
    ]
    return _Mapping(about, lines)


def _value_model(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The model of the values of the mapping field ``name``."""
    value = get_args(model.model_fields[name].annotation)[1]
    assert isinstance(value, type)
    assert issubclass(value, BaseModel)
    return value


def _fields(
    model: type[BaseModel],
    indent: int,
    *,
    live: bool = True,
    docs: bool = True,
    mappings: Mapping[str, _Mapping] | None = None,
) -> list[str]:
    """Every field of ``model`` at ``indent``, each under its comment.

    ``live`` says the lines are not inside a commented-out field: there,
    optional fields are commented out. Inside one they are not, so that
    uncommenting a field gives every part of it at once.
    """
    mappings = mappings or {}
    written = field_docs(model) if docs else {}
    lines = []
    for name, field in model.model_fields.items():
        mapping = mappings.get(name)
        commented = live and not field.is_required() and not (mapping and mapping.live)
        block = _value(model, name, field, indent, mapping, live=live and not commented)
        if commented or name in _ALTERNATIVES.get(model, ()):
            block = [_commented(line, indent) for line in block]
        if docs:
            about = _comment(_about(model, name, field, written.get(name, "")), indent)
            for number, paragraph in enumerate(mapping.about if mapping else []):
                about += _comment(paragraph, indent, hang="  " if number else "")
            block = about + block
        lines += block
    return lines


def _value(
    model: type[BaseModel],
    name: str,
    field: FieldInfo,
    indent: int,
    mapping: _Mapping | None,
    *,
    live: bool,
) -> list[str]:
    """The key line of a field and the lines of its parts."""
    pad = " " * indent
    if mapping is not None:
        return [f"{pad}{name}:", *mapping.lines]
    kind = _core(field.annotation)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return [f"{pad}{name}:", *_fields(kind, indent + 2, live=live)]
    if get_origin(kind) is list:
        item = _core(get_args(kind)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return [f"{pad}{name}:", *_list_item(_fields(item, indent + 4, live=live), indent + 2)]
        return [f"{pad}{name}:", f"{pad}  -"]
    if name in _ALTERNATIVES.get(model, ()) and field.examples:
        return [f"{pad}{name}: {yaml_scalar(field.examples[0])}"]
    if get_origin(kind) is dict:  # a mapping of scalars (settings): empty, to fill in
        return [f"{pad}{name}:" if field.is_required() else f"{pad}{name}: {{}}"]
    default = field.get_default(call_default_factory=False)
    if field.is_required() or default is None:
        return [f"{pad}{name}:"]
    return [f"{pad}{name}: {yaml_scalar(default)}"]


def _key_line(block: Sequence[str]) -> int:
    """The index of the first line of ``block`` that is not a comment."""
    return next(i for i, line in enumerate(block) if not line.lstrip().startswith("#"))


def _list_item(lines: list[str], indent: int) -> list[str]:
    """The lines of a mapping at ``indent + 2`` as the first item of a YAML list at ``indent``."""
    start = _key_line(lines)
    item = [line[2:] for line in lines[:start]]
    item.append(" " * indent + "- " + lines[start].lstrip())
    return item + lines[start + 1 :]


def _commented(line: str, indent: int) -> str:
    """``line`` commented out, the ``# `` placed at ``indent`` (comments get one more ``#``)."""
    if not line.strip():
        return line
    return line[:indent] + "# " + line[indent:]


def _about(model: type[BaseModel], name: str, field: FieldInfo, doc: str) -> str:
    """A field's comment: its docstring ``doc``, its choices or limit, and an example."""
    text = plain_docstring(doc)
    choices = _choices(field.annotation)
    if choices:
        text += f" One of: {', '.join(choices)}."
    counted = "items" if get_origin(_core(field.annotation)) in (list, dict) else "characters"
    for limit in field.metadata:
        if isinstance(limit, annotated_types.MaxLen):
            text += f" At most {limit.max_length} {counted}."
    example = field.examples[0] if field.examples else None
    if (
        not choices
        and "e.g." not in text
        and isinstance(example, str | int | float)
        and not isinstance(example, bool)
        and " " not in str(example)
        and str(example) not in text
    ):
        text += f" Example: `{example}`."
    if name in _MARKDOWN.get(model, ()):
        text += (
            f" For several paragraphs, write `{name}: |-` and the text on the lines "
            "below it, indented by two spaces."
        )
    return text


def _core(annotation: Any) -> Any:
    """``X`` of ``X | None`` and of ``Annotated[X, ...]``."""
    kept = [arg for arg in unwrap(annotation) if arg is not type(None)]
    return kept[0] if len(kept) == 1 else annotation


def _choices(annotation: Any) -> list[str]:
    kind = _core(annotation)
    if get_origin(kind) is Literal and len(get_args(kind)) > 1:
        return [str(arg) for arg in get_args(kind)]
    return []


def _comment(text: str, indent: int, hang: str = "") -> list[str]:
    """``text`` as comment lines at ``indent``, wrapped; ``hang`` indents it further.

    A word ending in a colon stays with the word before it, so that no line of a
    comment reads like a commented-out field (``# of: vision, ...``).
    """
    prefix = " " * indent + "# " + hang
    glued = _LABEL.sub("\u00a0\\1", text)
    lines = textwrap.wrap(
        glued,
        width=max(40, WIDTH - indent),
        initial_indent=prefix,
        subsequent_indent=prefix + ("  " if hang else ""),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


_LABEL = re.compile(r" (\S+:)(?=\s|$)")
"""A space before a word that ends in a colon (textwrap breaks lines at ASCII spaces only)."""


# --- planning: what to write, or why not -------------------------------------


def plan_model(root: Path, model_id: str) -> NewFile:
    """The new card ``models/<model_id>.yaml``; :class:`InputError` when it cannot be written."""
    path = _card_path(model_id)
    problems = _bad_id(model_id, "model", _card_path) or _unfit_model_id(path, model_id)
    problems = problems or _existing(root, MODELS_DIR, model_id)
    if problems:
        raise InputError(problems)
    config = _read(root, CONFIG_FILE, SiteConfig)
    return NewFile(path, card_text(model_id, config), CARD)


def plan_result(root: Path, suite_id: str, model_id: str) -> NewFile:
    """The new result ``evals/<suite_id>/<model_id>.yaml``; :class:`InputError` when it cannot be."""
    folder = _suite_folder(suite_id)
    card = _card_path(model_id)
    known_suites, known_models = suites(root), models(root)
    problems = _bad_id(suite_id, "suite", _suite_folder, known_suites)
    problems += _bad_id(model_id, "model", _card_path, known_models) or _unfit_model_id(
        card, model_id
    )
    if (
        not problems
        and suite_id not in known_suites
        and model_id not in known_models
        and suite_id in known_models
        and model_id in known_suites
    ):
        problems.append(
            Problem.of_file(
                folder,
                f"'{suite_id}' is a model and '{model_id}' a suite: the suite comes first",
                f"versus new result {model_id} {suite_id}",
            )
        )
    if not problems:
        if suite_id not in known_suites:
            problems.append(
                Problem.of_file(
                    folder,
                    f"no eval suite '{suite_id}': {folder}/{SUITE_FILE} does not exist",
                    did_you_mean(suite_id, known_suites)
                    or (f"the suites are: {', '.join(known_suites)}; " if known_suites else "")
                    + f"write a new one with `versus new suite {suite_id}`",
                )
            )
        if model_id not in known_models:
            problems.append(
                Problem.of_file(
                    card,
                    f"no model card for '{model_id}': {card} does not exist",
                    did_you_mean(model_id, known_models)
                    or f"write the card first with `versus new model {model_id}`",
                )
            )
    problems = problems or _existing(root, folder, model_id)
    if problems:
        raise InputError(problems)
    suite = load_suite(root, suite_id)  # its counts from its prompt list, if it has one
    return NewFile(f"{folder}/{model_id}.yaml", result_text(suite_id, suite, model_id), RESULT)


def plan_suite(root: Path, suite_id: str) -> NewFile:
    """The new suite ``evals/<suite_id>/suite.yaml``; :class:`InputError` when it cannot be
    written."""
    folder = _suite_folder(suite_id)
    path = f"{folder}/{SUITE_FILE}"
    problems = _bad_id(suite_id, "suite", _suite_folder)
    if not problems and (root / path).exists():
        problems = [_exists_problem(path)]
    if problems:
        raise InputError(problems)
    return NewFile(path, suite_text(suite_id), SUITE)


def write_new(root: Path, new: NewFile) -> Path:
    """Write ``new`` under ``root``; :class:`InputError` if the file exists (it is left alone)."""
    path = root / new.path
    refused = writable_folder(root, PurePosixPath(new.path).parent.as_posix())
    if refused is not None:
        raise InputError([refused])
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(new.text)
    except FileExistsError:
        raise InputError([_exists_problem(new.path)]) from None
    return path


def suites(root: Path) -> list[str]:
    """The ids of the project's eval suites, as ``versus check`` finds them."""
    return project_suite_ids(root)


def models(root: Path) -> list[str]:
    """The ids of the project's models, as ``versus check`` finds them: every card file,
    valid or not."""
    return project_model_ids(root)


def _card_path(model_id: str) -> str:
    return f"{MODELS_DIR}/{model_id}.yaml"


def _suite_folder(suite_id: str) -> str:
    return f"{EVALS_DIR}/{suite_id}"


def _bad_id(
    id_: str, what: str, place: Callable[[str], str], known: Sequence[str] | None = None
) -> list[Problem]:
    """A problem if ``id_`` is not a slug, at the file or folder ``place`` gives of an id.

    An id given as a file's name or path (``models/x.yaml``) is refused with the id alone
    to give, at the place of that id; otherwise the hint names the closest of the
    ``known`` ids when they are given (the id must name something that exists), else the
    slug ``id_`` would become.
    """
    if is_slug(id_):
        return []
    bare = _bare_id(id_)
    path = place(bare if bare is not None else id_)
    if bare is not None:
        alone = bare if known is None or bare in known else closest(bare, known) or bare
        hint = f"give the id alone, not a file's name or path: '{alone}'"
    elif known is not None:
        hint = did_you_mean(id_, known)
    else:
        suggestion = suggest_slug(id_)
        hint = f"did you mean '{suggestion}'?" if is_slug(suggestion) else ""
    message = f"'{id_}' is not a valid {what} id; expected {SLUG_EXPECTED}"
    return [Problem.of_file(path, message, hint)]


def _bare_id(text: str) -> str | None:
    """The id in a file's name or path given where an id is expected (``models/x.yaml``,
    ``x.yml``, ``evals/chart-evals/``), or ``None`` when ``text`` is no such thing."""
    parts = [part for part in text.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts:
        return None
    last = parts[-1]
    for suffix in (OUTCOMES_SUFFIX, *YAML_SUFFIXES):
        if last.endswith(suffix):
            last = last.removesuffix(suffix)
            break
    else:
        if len(parts) == 1:
            return None  # no path and no file name: not one of these
    if last == SUITE_FILE.removesuffix(".yaml") and len(parts) > 1:
        last = parts[-2]  # evals/chart-evals/suite.yaml
    return last if is_slug(last) else None


def _unfit_model_id(path: str, model_id: str) -> list[Problem]:
    fault = model_id_fault(model_id)
    return [Problem.of_file(path, fault, "choose another id")] if fault else []


def _existing(root: Path, folder: str, id_: str) -> list[Problem]:
    for suffix in YAML_SUFFIXES:
        name = f"{folder}/{id_}{suffix}"
        if (root / name).exists():
            return [_exists_problem(name)]
    return []


def _exists_problem(path: str) -> Problem:
    return Problem.of_file(
        path,
        "the file already exists; `versus new` never overwrites a file",
        "edit it, or delete it first to start again",
    )


def _read(root: Path, relative: str, model: type[M]) -> M:
    """One project file, validated against ``model``; :class:`InputError` with its problems."""
    path = root / relative
    if not path.is_file():
        raise InputError([Problem.of_file(relative, f"no {relative} in {root}")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([Problem.of_file(relative, f"cannot read the file: {error}")]) from None
    value, problems = validate(model, parse_yaml(text, relative))
    if value is None:
        raise InputError(problems)
    return value
