"""Parsing YAML with positions, the YAML 1.2 core schema, and what is refused."""

from __future__ import annotations

import sys
import textwrap
from typing import Any

import pytest

from support import BAD_INPUT, REPO, SAMPLE
from versus.inputs import yamlsource
from versus.inputs.problems import InputError, Problem
from versus.inputs.yamlsource import (
    MAX_DEPTH,
    MAX_NODES,
    Position,
    SourceMap,
    parse_yaml,
    resolve_plain,
    yaml_flow,
)

NESTED = textwrap.dedent(
    """\
    name: Probe
    pricing:
      currency: USD
      input_per_million: 0.06
    sources:
      - title: First
        url: https://example.org/
      - plain item
    """
)


def problems(text: str, file: str = "f.yaml") -> list[Problem]:
    """The problems parsing ``text`` reports; fails the test if it parses."""
    with pytest.raises(InputError) as raised:
        parse_yaml(text, file)
    return raised.value.problems


def only_problem(text: str) -> Problem:
    [problem] = problems(text)
    return problem


# --- positions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        (("name",), 1, 1),
        (("pricing",), 2, 1),
        (("pricing", "currency"), 3, 3),
        (("pricing", "input_per_million"), 4, 3),
        (("sources", 0), 6, 5),
        (("sources", 0, "title"), 6, 5),
        (("sources", 0, "url"), 7, 5),
        (("sources", 1), 8, 5),
    ],
)
def test_positions_of_keys_and_list_items(
    path: tuple[str | int, ...], line: int, column: int
) -> None:
    source = parse_yaml(NESTED, "f.yaml").source
    assert path in source.keys or path in source.values
    assert source.locate(path) == Position(line, column)


def test_values_positions_are_recorded_too() -> None:
    source = parse_yaml(NESTED, "f.yaml").source
    assert source.values[("pricing", "currency")] == Position(3, 13)
    assert source.values[("pricing",)] == Position(3, 3)
    assert source.values[()] == Position(1, 1)


def test_the_data_is_plain_python() -> None:
    assert parse_yaml(NESTED, "f.yaml").data == {
        "name": "Probe",
        "pricing": {"currency": "USD", "input_per_million": 0.06},
        "sources": [{"title": "First", "url": "https://example.org/"}, "plain item"],
    }


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        (("pricing", "as_of"), 2, 1),
        (("pricing", "currency", "deeper"), 3, 3),
        (("sources", 0, "missing"), 6, 5),
        (("sources", 5), 5, 1),
        (("nowhere",), 1, 1),
        ((), 1, 1),
    ],
)
def test_locate_falls_back_to_the_nearest_parent(
    path: tuple[str | int, ...], line: int, column: int
) -> None:
    source = parse_yaml(NESTED, "f.yaml").source
    assert source.locate(path) == Position(line, column)


def test_a_packed_source_map_comes_back_the_same() -> None:
    document = parse_yaml(NESTED + "anchored: &a {x: [1, 2]}\nagain: *a\n", "f.yaml")
    packed = document.source.pack(document.data)
    assert packed is not None
    again = SourceMap.packed("f.yaml", document.data, packed)
    assert isinstance(again.keys, yamlsource.PackedPositions)
    assert again == document.source
    assert list(again.keys.items()) == list(document.source.keys.items())
    assert list(again.values.items()) == list(document.source.values.items())
    assert again.pack(document.data) == packed  # packed once, kept as it is


@pytest.mark.parametrize(
    "text",
    ["n: .nan\n", "n: .inf\n", "a: &x [1]\nb: *x\nc: *x\n", "deep: " + "[" * 99 + "]" * 99],
)
def test_only_plain_finite_data_is_packed_or_it_fits_the_paths(text: str) -> None:
    document = parse_yaml(text, "f.yaml")
    packed = document.source.pack(document.data)
    if packed is None:  # not plain data: the cache does not keep it
        assert "n" in document.data or "deep" in document.data
    else:
        assert dict(SourceMap.packed("f.yaml", document.data, packed).values) == dict(
            document.source.values
        )


def test_positions_that_do_not_fit_the_data_are_no_positions() -> None:
    document = parse_yaml(NESTED, "f.yaml")
    packed = document.source.pack(document.data)
    assert packed is not None
    forged = SourceMap.packed("f.yaml", document.data, packed[:-8])
    assert dict(forged.keys) == {}
    assert forged.locate(("pricing", "currency")) == Position(1, 1)


def test_locate_on_an_empty_source_map_is_the_start_of_the_file() -> None:
    assert SourceMap("f.yaml").locate(("a", "b")) == Position(1, 1)


def test_source_map_problem_is_placed_and_named() -> None:
    source = parse_yaml(NESTED, "models/x.yaml").source
    problem = source.problem(("pricing", "currency"), "bad currency", "use USD")
    assert problem == Problem(
        "models/x.yaml", 3, 3, ("pricing", "currency"), "bad currency", "use USD"
    )
    assert problem.format() == "models/x.yaml:3:3: pricing.currency: bad currency (use USD)"


def test_positions_skip_leading_comments() -> None:
    source = parse_yaml("# a comment\n\nname: Probe\n", "f.yaml").source
    assert source.locate(("name",)) == Position(3, 1)
    assert source.locate(()) == Position(3, 1)


# --- YAML 1.2 core schema ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("No", "No"),
        ("true", True),
        ("True", True),
        ("false", False),
        ("FALSE", False),
        ("~", None),
        ("", None),
        ("null", None),
        ("12", 12),
        ("-3", -3),
        ("0x1F", 31),
        ("0o17", 15),
        ("017", 17),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("1.5e3", 1500.0),
        ("1.5e+3", 1500.0),
        ("0.06", 0.06),
        ("2024-06-26", "2024-06-26"),
        ("2024-06", "2024-06"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("12:30", "12:30"),
        ('"12"', "12"),
        ("'0.06'", "0.06"),
        ('"true"', "true"),
        ('"~"', "~"),
        ("!!str 12", "12"),
    ],
)
def test_scalars_resolve_by_yaml_1_2(text: str, value: Any) -> None:
    data = parse_yaml(f"key: {text}\n", "f.yaml").data
    assert data == {"key": value}
    assert type(data["key"]) is type(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0o17", 15), ("1e3", 1000.0), ("1.5e3", 1500.0), ("no", "no"), ("2024-06-26", "2024-06-26")],
)
def test_resolve_plain_follows_the_core_schema(text: str, value: Any) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_infinity_is_a_float() -> None:
    assert parse_yaml("a: .inf\nb: -.inf\n", "f.yaml").data == {
        "a": float("inf"),
        "b": float("-inf"),
    }


def test_block_scalars_stay_text() -> None:
    assert parse_yaml("a: |-\n  12\n", "f.yaml").data == {"a": "12"}


# --- what is refused -----------------------------------------------------------


def test_duplicate_keys_name_both_lines() -> None:
    problem = only_problem("a: 1\nb: 2\na: 3\n")
    assert (problem.line, problem.column, problem.path) == (3, 1, ("a",))
    assert problem.message == "duplicate key 'a'; it is already set on line 1"
    assert problem.hint == "remove one of the two"


def test_nested_duplicate_keys() -> None:
    problem = only_problem("outer:\n  a: 1\n  a: 2\n")
    assert (problem.line, problem.column, problem.path) == (3, 3, ("outer", "a"))
    assert "already set on line 2" in problem.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a:\n\tb: 1\n", 2),
        ("a: 1\n\tb: 2\n", 2),
        ("a: 1\nb:\n  c: 1\n\t\td: 2\n", 4),
    ],
)
def test_a_tab_gives_the_tab_message(text: str, line: int) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.path) == (line, 1, ())
    assert problem.message == "a tab character here; YAML indents with spaces only"
    assert problem.hint == "replace the tab with spaces"


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a: b: c\n", 1, 5, "YAML syntax error: mapping values are not allowed here"),
        ("a: [1, 2\nb: 3\n", 2, 2, "YAML syntax error: expected ',' or ']', but got ':'"),
        ("a: *nope\n", 1, 4, "YAML syntax error: found undefined alias 'nope'"),
        (
            "a: 1\n---\nb: 2\n",
            2,
            1,
            "YAML syntax error: expected a single document in the stream, "
            "but found another document",
        ),
        ('a: "open\n', 1, 4, "YAML syntax error: the quoted text starting here is never closed"),
    ],
)
def test_syntax_errors_have_a_line(text: str, line: int, column: int, message: str) -> None:
    problem = only_problem(text)
    assert (problem.file, problem.line, problem.column) == ("f.yaml", line, column)
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("text", "line", "column", "message", "hint"),
    [
        (
            "name: Probe\n  organization: X\n",
            2,
            3,
            "'organization' on line 2 is indented further than 'name' on line 1, which has "
            "a value already, so YAML reads the line as more of that value",
            "write 'organization' with no spaces before it, as 'name', if it is a field "
            "beside it; a field inside another goes on the lines under the other's name and ':'",
        ),
        (
            "sources:\n  - title: x\n      url: y\n",
            3,
            7,
            "'url' on line 3 is indented further than 'title' on line 2, which has a value "
            "already, so YAML reads the line as more of that value",
            "indent 'url' by 4 spaces, as 'title', if it is a field beside it; a field "
            "inside another goes on the lines under the other's name and ':'",
        ),
        (
            "capabilities:\n  ocr: supported\n vqa: demo\nsources: []\n",
            3,
            2,
            "line 3 is indented by 1 space, less than line 2 above it (2 spaces) and more "
            "than line 1 (0 spaces), YAML cannot tell which of the two it goes with",
            "indent it by 2 spaces, as 'ocr' on line 2, or by 0, as 'capabilities' on line 1",
        ),
        (
            "sources:\n  - title: x\n - title: y\n",
            3,
            2,
            "line 3 is indented by 1 space, less than line 2 above it (2 spaces) and more "
            "than line 1 (0 spaces), YAML cannot tell which of the two it goes with",
            "indent it by 2 spaces, as the '-' on line 2, or by 0, as 'sources' on line 1",
        ),
        (
            "sources:\n  - title: x\n    - title: y\n",
            3,
            5,
            "the list item on line 3 is indented as the fields of the item on line 2, "
            "not as its '-'",
            "indent its '-' by 2 spaces, as the '-' on line 2",
        ),
        (
            "  name: P\norganization: X\n",
            2,
            1,
            "line 2 is indented by 0 spaces and line 1 above it by 2: the top-level fields "
            "of a file line up",
            "remove the spaces before 'name' on line 1",
        ),
        (
            "name:Probe\norganization: X\n",
            1,
            1,
            "line 1 has no space after its ':', so YAML reads it as text, and 'organization' "
            "on line 2 cannot follow it",
            "write a space after the ':'",
        ),
        (
            "name: P\ncapabilities:\n  ocr supported\n  vqa: demo\n",
            3,
            3,
            "line 3 has no ':' after a field's name, so YAML reads it as text, and 'vqa' on "
            "line 4 cannot follow it",
            "write ': ' after the name",
        ),
        (
            "name: P\norganization Example\nsummary: x\n",
            2,
            1,
            "line 2 has no ':' after a field's name",
            "write the field's name, ': ' and its value; or, if the line goes on with the "
            "value above it, indent it further than that value's field",
        ),
    ],
)
def test_an_indentation_mistake_gets_advice_about_indentation(
    text: str, line: int, column: int, message: str, hint: str
) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == (line, column)
    assert problem.message == f"YAML syntax error: {message}"
    assert problem.hint == hint
    assert "<block" not in problem.message


@pytest.mark.parametrize(
    "text", ["summary: Note: a model\n", "summary: A long\n  text goes on\n  key: value\n"]
)
def test_a_colon_inside_a_value_still_gets_the_quotes_hint(text: str) -> None:
    problem = only_problem(text)
    assert problem.hint == "if ': ' is part of the text, put the whole value in quotes"


@pytest.mark.parametrize("char", ["`", "@"])
def test_a_value_starting_with_a_reserved_character_gets_the_quotes_hint(char: str) -> None:
    problem = only_problem(f"name: {char}P{char}\n")
    assert problem.message == (
        f"YAML syntax error: a value cannot start with '{char}' unless it is quoted"
    )
    assert problem.hint == "put the whole value in quotes"


def test_a_file_of_only_comments_says_so() -> None:
    problem = only_problem("# only a comment\n")
    assert problem.message == (
        "the file holds no data, only comments or markers; expected a mapping of fields"
    )


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_an_empty_file(text: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.path) == (0, 0, ())
    assert problem.message == "the file is empty; expected a mapping of fields"
    assert problem.format() == "f.yaml: the file is empty; expected a mapping of fields"


def test_merge_keys_are_refused() -> None:
    problem = only_problem("base: &b\n  x: 1\nother:\n  <<: *b\n  y: 2\n")
    assert (problem.line, problem.column, problem.path) == (4, 3, ("other",))
    assert problem.message == "merge keys ('<<') are not supported; write the fields out"


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse_yaml('a:\n  "<<": 1\n', "f.yaml").data == {"a": {"<<": 1}}


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/name:os.system ''\n", "!!python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !custom value\n", "!custom"),
    ],
    ids=["python-name", "binary", "local-tag"],
)
def test_custom_tags_on_scalars_are_refused(text: str, tag: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.path) == (1, 4, ("a",))
    assert problem.message == f"the tag '{tag}' is not supported in versus files"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system {x: 1}\n", "!!python/object:os.system"),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            "!!python/object/apply:os.system",
        ),
        ("a: !!set {x, y}\n", "!!set"),
    ],
    ids=["python-object", "python-apply", "set"],
)
def test_custom_tags_on_collections_are_refused(text: str, tag: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.path) == (1, 4, ("a",))
    assert problem.message == f"the tag '{tag}' is not supported in versus files"


def test_a_complex_key_is_refused() -> None:
    problem = only_problem("? [1, 2]\n: x\n")
    assert problem.message == "a key must be a plain name, not a list or mapping"
    assert (problem.line, problem.column) == (1, 3)


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("a: &x [1, *x]\n", ("a", 1)),
        ("a: &x\n  b: *x\n", ("a", "b")),
    ],
)
def test_a_recursive_alias_is_refused(text: str, path: tuple[str | int, ...]) -> None:
    problem = only_problem(text)
    assert problem.path == path
    alias = text.index("*x")
    assert (problem.line, problem.column) == (
        text.count("\n", 0, alias) + 1,
        alias - text.rfind("\n", 0, alias),
    )
    assert problem.message == "a recursive alias; an alias may not contain itself"


def test_a_plain_alias_is_expanded() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml").data == {"a": [1, 2], "b": [1, 2]}


def billion_laughs(levels: int = 10, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused() -> None:
    problem = only_problem(billion_laughs())
    assert problem.file == "f.yaml"
    assert f"expands to more than {MAX_NODES} values" in problem.message
    assert "refusing to read it" in problem.message


TOO_DEEP = f"lists and mappings nested more than {MAX_DEPTH} levels deep"


@pytest.mark.parametrize(
    ("text", "line", "column", "path"),
    [
        ("[" * 5000, 1, 101, (0,)),
        ("[" * 5000 + "]" * 5000, 1, 101, (0,)),
        ("{a: " * 3000, 1, 401, ("a",)),
        ("a:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)), 101, 101, ("a",)),
        ("".join(" " * i + "a:\n" for i in range(300)), 101, 101, ("a",)),
        ("name: x\nnotes: '[[['\nmore: " + "[" * 5000, 3, 106, ("more",)),
    ],
    ids=["unclosed-flow", "closed-flow", "flow-mappings", "block-lists", "block-maps", "quoted"],
)
def test_deep_nesting_is_placed_where_it_passes_the_limit(
    text: str, line: int, column: int, path: tuple[str | int, ...]
) -> None:
    problem = only_problem(text)
    assert (problem.file, problem.line, problem.column, problem.path) == (
        "f.yaml",
        line,
        column,
        path,
    )
    assert problem.message == TOO_DEEP
    assert "brackets opened and never closed" in problem.hint


def test_the_depth_limit_is_exact() -> None:
    assert parse_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "f.yaml").data is not None
    problem = only_problem("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (problem.line, problem.column) == (1, MAX_DEPTH + 1)


def test_deep_nesting_is_placed_the_same_from_any_depth_of_the_callers_stack() -> None:
    text = "name: x\nnotes: " + "[" * 5000 + "]" * 5000 + "\n"
    shallow = only_problem(text)

    def nested(levels: int) -> Problem:
        if levels:
            return nested(levels - 1)
        return only_problem(text)

    deep = nested(sys.getrecursionlimit() - 150)
    assert shallow == deep
    assert (shallow.line, shallow.column, shallow.path) == (2, 107, ("notes",))


def test_aliases_nesting_past_the_limit_are_placed_at_the_alias() -> None:
    text = "x: &a " + "[" * 60 + "1" + "]" * 60 + "\ny: " + "[" * 60 + "*a" + "]" * 60 + "\n"
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.path) == (2, 64, ("y",))
    assert problem.message == f"{TOO_DEEP} once its aliases are expanded"


def test_moderate_nesting_is_fine() -> None:
    data = parse_yaml("a: " + "[" * 50 + "]" * 50 + "\n", "f.yaml").data
    depth = 0
    node = data["a"]
    while node:
        node = node[0]
        depth += 1
    assert depth == 49


def test_every_problem_of_a_file_is_reported() -> None:
    found = problems("a: 1\na: 2\nb: !!binary aGk=\nb: 3\n")
    assert [(p.line, p.path) for p in found] == [(2, ("a",)), (3, ("b",)), (4, ("b",))]


# --- libyaml and the pure-Python composer agree -------------------------------------

_CORPUS = sorted(
    [
        *SAMPLE.glob("models/*.yaml"),
        *SAMPLE.glob("evals/*/*.yaml"),
        REPO / "versus.yaml",
        *BAD_INPUT.glob("*.yaml"),
    ]
)
_SNIPPETS = [
    NESTED,
    "a: &x {b: 1, c: [1, 2.5, .inf]}\nd: *x\n",
    "a: !!str 12\nb: '12'\nc: 12\nd: no\ne: ~\n",
    "text: |\n  two\n  lines\nfolded: >-\n  one\n  line\n",
    "a: [1, {b: 2}]\n? c\n: 3\n",
    "a: !custom 1\n",
    "a: b: c\n",
    "a: 'unterminated\n",
    "a:\n\t- b\n",
]


def _outcome(text: str) -> object:
    try:
        document = parse_yaml(text, "f.yaml")
    except InputError as error:
        return error.problems
    return (repr(document.data), document.source)


@pytest.mark.parametrize(
    "text",
    [path.read_text(encoding="utf-8") for path in _CORPUS] + _SNIPPETS,
    ids=[path.name for path in _CORPUS] + [f"snippet-{i}" for i in range(len(_SNIPPETS))],
)
def test_libyaml_and_python_composers_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if yamlsource._CParser is None:
        pytest.skip("PyYAML was built without libyaml")
    fast = _outcome(text)
    monkeypatch.setattr(yamlsource, "_CParser", None)
    assert _outcome(text) == fast


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"name": "lmms-eval", "version": "0.3.1"}, "{name: lmms-eval, version: 0.3.1}"),
        ({"title": "A run", "url": "https://x.org/a"}, '{title: A run, url: "https://x.org/a"}'),
        ({"version": "1.10", "ok": True, "n": 3}, '{version: "1.10", ok: true, n: 3}'),
        ({"ids": ["a", "no", "null"]}, '{ids: [a, no, "null"]}'),
    ],
)
def test_yaml_flow_writes_one_line_that_reads_back_the_same(value: object, text: str) -> None:
    assert yaml_flow(value) == text
    assert parse_yaml(f"key: {text}\n", "f.yaml").data == {"key": value}
