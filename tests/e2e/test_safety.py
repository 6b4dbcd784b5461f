"""Hostile input: nothing from YAML may run in a reader's browser or write outside site/."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import problems_of, write
from versus.build.pipeline import render_site
from versus.cli import main
from versus.inputs.load import MAX_FILE_BYTES, load_project

PAYLOAD = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(2)'

HOSTILE_CARD = f"""
name: 'Evil {PAYLOAD}'
organization: 'Org {ATTRIBUTE}'
category: open
modality: vision
summary: 'Summary {ATTRIBUTE} {PAYLOAD}'
description: |
  A [harmless-looking link](javascript:alert(3)) and `{PAYLOAD}` in code.
license:
  name: 'License {PAYLOAD}'
  note: 'Note {PAYLOAD}'
parameters:
  disclosed: false
  note: '{PAYLOAD}'
capabilities:
  ocr: supported
notes:
  - '{PAYLOAD}'
sources:
  - title: 'Source {PAYLOAD}'
    url: "https://example.org/?q=<script>"
"""


# The only inline script we write: it marks the page as scripted before the first
# paint, so that the filters appear without shifting the layout.
OUR_SCRIPTS = ('document.documentElement.classList.add("js")',)


class _Scripts(HTMLParser):
    """Collects the text of every inline <script> element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.inside: dict[str, str | None] | None = None
        self.found: list[tuple[dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.inside = dict(attrs)
            self.found.append((self.inside, ""))

    def handle_data(self, data: str) -> None:
        if self.inside is not None:
            attrs, text = self.found[-1]
            self.found[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inside = None


def scripts_of(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    inline = []
    for attrs, text in parser.found:
        if "src" in attrs:
            assert str(attrs["src"]).startswith(("/", "../", "assets/")), attrs
            assert not text.strip()
        elif attrs.get("type") in ("application/ld+json", "application/json"):
            inline.append("ld+json:" + text)  # data for search engines or our scripts
        else:
            inline.append(text)
    return inline


def is_json_ld(script: str) -> bool:
    """Whether ``script`` is a block of data (JSON-LD, or JSON a script of ours reads)
    that no text of the input can close early: no ``<`` in it."""
    if not script.startswith("ld+json:"):
        return False
    body = script.removeprefix("ld+json:")
    json.loads(body)  # it is data, whatever it holds
    return "<" not in body


def test_text_from_yaml_never_becomes_markup(project: Path) -> None:
    write(project, "models/evil.yaml", HOSTILE_CARD)
    site = render_site(load_project(project), project)
    pages = [name for name in site if name.endswith((".html", ".xml", ".txt"))]
    assert "models/evil/index.html" in pages
    for name in pages:
        text = site[name].decode()
        assert PAYLOAD not in text, name
        for script in scripts_of(text):
            assert script in OUR_SCRIPTS or is_json_ld(script), (name, script)
        assert "javascript:" not in text, name
        if not name.endswith(".txt"):  # in text, a quote is only a quote
            assert 'onmouseover="alert' not in text, name
    evil = site["models/evil/index.html"].decode()
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt;" in evil
    assert "Org &#34; onmouseover=&#34;alert(2)" in evil
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in evil


def test_raw_html_in_markdown_is_an_error(project: Path) -> None:
    card = (project / "models" / "gemma-4-12b.yaml").read_text()
    broken = card.replace("description: |-\n", f"description: |-\n  Hello {PAYLOAD}\n", 1)
    (project / "models" / "gemma-4-12b.yaml").write_text(broken)
    (problem,) = problems_of(project)
    assert problem.path == ("description",)
    assert problem.message == "expected Markdown without raw HTML; got '<script>'"


def test_javascript_urls_are_refused(project: Path) -> None:
    card = (project / "models" / "paligemma.yaml").read_text()
    (project / "models" / "paligemma.yaml").write_text(
        card.replace("https://arxiv.org/abs/2407.07726", "javascript:alert(1)", 1)
    )
    (problem,) = problems_of(project)
    assert problem.path == ("links", "paper")
    assert problem.message == "expected an http:// or https:// URL; got 'javascript:alert(1)'"


@pytest.mark.parametrize("name", ["a..b", "a/../../b", "UPPER", "dots.in.name", "x" * 65])
def test_ids_that_could_escape_are_refused(project: Path, name: str) -> None:
    path = project / "models" / f"{name.replace('/', '_')}.yaml"
    path.write_text((project / "models" / "gemma-4-12b.yaml").read_text())
    problems = problems_of(project)
    assert any("is not a valid id" in p.message for p in problems)


def test_oversized_files_are_refused_before_parsing(project: Path) -> None:
    big = project / "models" / "huge.yaml"
    big.write_text("name: x\n" + "# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    (problem,) = problems_of(project)
    assert problem.file == "models/huge.yaml"
    assert problem.message.startswith(f"the file is {big.stat().st_size} bytes; the limit is")


def test_alias_bomb_fails_fast_with_a_message(project: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = chr(ord("a") + level - 1)
        current = chr(ord("a") + level)
        lines.append(f"{current}: &{current} [" + ", ".join([f"*{previous}"] * 10) + "]")
    write(project, "models/bomb.yaml", "\n".join(lines) + "\n")
    (problem,) = problems_of(project)
    assert problem.file == "models/bomb.yaml"
    assert "refusing to read it" in problem.message


def test_check_json_lists_every_problem(project: Path) -> None:
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("organization:", "organisation:", 1))
    write(project, "models/empty.yaml", "")
    result = CliRunner().invoke(main, ["check", "-p", str(project), "--format", "json"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "file": "models/empty.yaml",
        "line": None,
        "column": None,
        "path": "",
        "message": "the file is empty; expected a mapping of fields",
        "hint": None,
    }
    assert problems[1]["file"] == "models/sam-clip.yaml"
    assert problems[1]["path"] == "organisation"
    assert problems[1]["hint"] == "did you mean 'organization'?"
    assert isinstance(problems[1]["line"], int)
    assert isinstance(problems[1]["column"], int)


def test_check_json_is_an_empty_list_when_all_is_well(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-p", str(project), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
