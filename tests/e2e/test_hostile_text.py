"""Hostile corpus: numbers and text (issue 15, part 4, and the Markdown limit of part 3).

Numbers past every bound (Python's digit limit, 64 bits, 1e-30 seconds, 1e30
dollars, NaN), text holding lone surrogates, NUL, terminal escapes, line breaks
or bidirectional controls, names with nothing visible, keys and file names that
try to forge a problem line or reach the terminal, comparison pages whose paths
collide, Markdown of the slowest shapes, and names that try to inject Markdown into
``llms.txt`` or formulas into CSV. Each is refused by ``check`` and ``build`` with
one line naming the file and line, or, where it is fine data, printed safely.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import markdown
import pytest

from hostiletools import Sandbox, assert_harmless, assert_refused
from htmltools import soup
from versus.inputs.fieldtypes import MAX_MARKDOWN, MAX_NAME

ALPHA = "models/alpha.yaml"
BETA = "models/beta.yaml"
RUN = "evals/tiny-evals/alpha.yaml"
SUITE = "evals/tiny-evals/suite.yaml"
COMMANDS = [("check",), ("build", "-j1")]
COMMAND_IDS = ["check", "build"]


def edit(sandbox: Sandbox, name: str, old: str, new: str) -> None:
    """Replace the one line of ``name`` that is ``old`` with ``new`` (raw YAML)."""
    path = sandbox.project / name
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines.count(old) == 1, (old, text)
    lines[lines.index(old)] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def set_description(sandbox: Sandbox, text: str) -> None:
    """Alpha's description, as one single-quoted scalar on line 6."""
    path = sandbox.project / ALPHA
    old = path.read_text(encoding="utf-8")
    new = re.sub(r"description: \|\n  .*\n", lambda _: f"description: '{text}'\n", old)
    assert new != old
    path.write_text(new, encoding="utf-8")


HUGE = "9" * 5000
"""An integer literal past Python's int() digit limit (4300)."""

# (file, line as written, hostile line, what the message says, line number)
NUMBERS = [
    (
        BETA,
        "context_window: 32000",
        f"context_window: {HUGE}",
        "a whole number of 5000 characters",
        8,
    ),
    (BETA, "context_window: 32000", f"context_window: 0x{'f' * 5000}", "a whole number of", 8),
    (BETA, "context_window: 32000", f"context_window: {2**64}", "at most 1000000000", 8),
    (BETA, "context_window: 32000", "context_window: 1000000000000", "at most 1000000000", 8),
    (RUN, "avg_response_seconds: 2.5", "avg_response_seconds: 1e-30", "at least 0.001", 8),
    (RUN, "avg_response_seconds: 2.5", "avg_response_seconds: 1e30", "at most 604800", 8),
    (SUITE, "prompts: 10", "coverage_threshold: .inf\nprompts: 10", "finite", 5),
    (RUN, "median_input_tokens: 300", f"median_input_tokens: {2**64}", "at most 1000000000", 9),
    (
        RUN,
        "  counting: {passed: 3, total: 4}",
        f"  counting: {{passed: {2**64}, total: 4}}",
        "at most 1000000",
        6,
    ),
    (RUN, "median_output_tokens: 40", "overall_percent: .nan", "finite", 10),
    (BETA, "  input_per_million: 0.5", "  input_per_million: 1e30", "at most 1000000", 11),
    (
        RUN,
        "median_output_tokens: 40",
        "median_output_tokens: 40\ncost_per_task: 1e30",
        "an amount of at most 1000000",
        11,
    ),
    (BETA, "  input_per_million: 0.5", "  input_per_million: 1e-30", "12 decimal places", 11),
    (
        BETA,
        "  input_per_million: 0.5",
        '  input_per_million: "0.1000000000000000000001"',
        "at most 12 decimal places",
        11,
    ),
    (ALPHA, "  total: 230M", f"  total: {2**64}", "a count of at most", 10),
    (ALPHA, "  total: 230M", "  total: 99999999999T", "a count of at most", 10),
    (SUITE, "prompts: 10", f"prompts: {2**64}", "at most 1000000", 5),
]
NUMBER_IDS = [
    "int-past-digit-limit",
    "hex-int-past-digit-limit",
    "context-window-2**64",
    "context-window-huge",
    "seconds-1e-30",
    "seconds-1e30",
    "coverage-threshold-inf",
    "tokens-2**64",
    "passed-2**64",
    "percent-nan",
    "price-1e30",
    "cost-per-task-1e30",
    "price-1e-30",
    "price-22-decimals",
    "parameters-2**64",
    "parameters-99999999999T",
    "suite-prompts-2**64",
]


@pytest.mark.parametrize(("name", "old", "new", "says", "line"), NUMBERS, ids=NUMBER_IDS)
def test_number_out_of_bounds_is_refused_at_its_line(
    sandbox: Sandbox, name: str, old: str, new: str, says: str, line: int
) -> None:
    """A number no page can show (too long, too large, too small, NaN): one line, exit 1."""
    edit(sandbox, name, old, new)
    assert_refused(sandbox, sandbox.run("build", "-j1"), says, where=f"{name}:{line}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_seconds_that_crashed_build_are_found_by_check(
    sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    """1e-30 seconds passed check and crashed build; both refuse it now."""
    edit(sandbox, RUN, "avg_response_seconds: 2.5", "avg_response_seconds: 1e-30")
    assert_refused(sandbox, sandbox.run(*command), "at least 0.001", where=f"{RUN}:8:")


@pytest.mark.parametrize("written", ["-0.0", '"-0"', "-0.000"], ids=["float", "text", "places"])
def test_negative_zero_price_prints_as_zero(sandbox: Sandbox, written: str) -> None:
    """A price of -0 is a price of 0, never "$-0.00"."""
    edit(sandbox, BETA, "  input_per_million: 0.5", f"  input_per_million: {written}")
    outcome = sandbox.run("build", "-j1", "-q")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    page = soup((sandbox.site / "models/beta/index.html").read_bytes())
    prices = [text for text in page.stripped_strings if "$" in text]
    assert any("$0.00" in text for text in prices), prices
    assert not any("-0" in text for text in prices), prices


# (what is written, what the message says)
TEXTS = [
    (r'name: "\ud800"', "lone surrogate, U+D800 at character 1"),
    (r'name: "Al\0pha"', "U+0000 at character 3"),
    (r'name: "\e[31mAlpha"', "U+001B at character 1"),
    (r'name: "Alpha\x7f"', "U+007F"),
    (r'name: "Al\Npha"', "U+0085"),
    (r'name: "Al\npha"', "one line of text"),
    (r'name: "Al\tpha"', "one line of text"),
    (r'name: "Al\Lpha"', "U+2028"),
    (r'name: "\u202eahplA"', "bidirectional controls; got U+202E"),
    (r'name: "Alpha\u2066"', "bidirectional controls; got U+2066"),
    (r'name: "\u200b\u200d\ufeff"', "a visible character"),
    (r'name: "\u3000\u2800\u3164 \u00a0"', "a visible character"),
    ("name: " + "A" * (MAX_NAME + 1), f"at most {MAX_NAME} characters"),
]
TEXT_IDS = [
    "surrogate",
    "nul",
    "escape-sequence",
    "del",
    "c1-next-line",
    "newline",
    "tab",
    "line-separator",
    "right-to-left-override",
    "left-to-right-isolate",
    "zero-width-only",
    "blank-characters-only",
    "too-long",
]


@pytest.mark.parametrize(("written", "says"), TEXTS, ids=TEXT_IDS)
def test_name_that_is_not_plain_visible_text_is_refused(
    sandbox: Sandbox, written: str, says: str
) -> None:
    """A model name holding what a page or terminal should not get, or nothing to see."""
    edit(sandbox, ALPHA, "name: Alpha", written)
    outcome = sandbox.run("build", "-j1")
    assert_refused(sandbox, outcome, ["name: expected", says], where=f"{ALPHA}:1:")


@pytest.mark.parametrize(
    ("old", "new", "says", "line"),
    [
        (
            "    url: https://example.org/alpha",
            r'    url: "https://example.org/\ud800"',
            "surrogate",
            16,
        ),
        ("    url: https://example.org/alpha", r'    url: "https://example.org/\0"', "U+0000", 16),
        ("  - title: Alpha paper", r'  - title: "Alpha\e]0;title\a paper"', "U+001B", 15),
        ("organization: Example Lab", r'organization: "\u2067Example Lab"', "U+2067", 2),
    ],
    ids=["surrogate-in-url", "nul-in-url", "escape-in-source-title", "isolate-in-organization"],
)
def test_other_text_fields_refuse_the_same_characters(
    sandbox: Sandbox, old: str, new: str, says: str, line: int
) -> None:
    """URLs, titles and organizations are text too: a surrogate in a URL crashed build."""
    edit(sandbox, ALPHA, old, new)
    assert_refused(sandbox, sandbox.run("build", "-j1"), says, where=f"{ALPHA}:{line}:")


def test_undecodable_file_name_is_refused_escaped(sandbox: Sandbox) -> None:
    """A card whose file name is not UTF-8 (a lone surrogate once decoded): refused, escaped."""
    Path(os.fsdecode(bytes(sandbox.project / "models") + b"/alpha\xff.yaml")).write_bytes(b"x")
    outcome = sandbox.run("check")
    assert outcome.exit_code == 1, outcome.output
    assert_harmless(sandbox, outcome)
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("models/alpha\\")]
    assert len(lines) == 1, outcome.stderr
    assert "is not a valid id" in lines[0]


@pytest.mark.parametrize(
    ("written", "says"),
    [(r'description: "Alpha \udfff is fine"', "lone surrogate"), (r'description: "A\0"', "U+0000")],
    ids=["surrogate", "nul"],
)
def test_description_with_a_surrogate_or_nul_is_refused(
    sandbox: Sandbox, written: str, says: str
) -> None:
    """A surrogate crashed build; a NUL reached the HTML."""
    path = sandbox.project / ALPHA
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"description: \|\n  .*\n", lambda _: written + "\n", text)
    path.write_text(text, encoding="utf-8")
    assert_refused(sandbox, sandbox.run("build", "-j1"), says, where=f"{ALPHA}:6:")


def test_bidi_control_in_a_category_label_is_refused(sandbox: Sandbox) -> None:
    """A label is a name too: no direction override."""
    edit(sandbox, SUITE, "    label: Counting", r'    label: "\u202eCounting"')
    assert_refused(sandbox, sandbox.run("check"), "U+202E", where=f"{SUITE}:8:")


def test_right_to_left_name_is_isolated_on_the_page(sandbox: Sandbox) -> None:
    """A Hebrew name is fine data, set in <bdi> so it cannot reorder the sentence around it."""
    edit(sandbox, ALPHA, "name: Alpha", "name: אלפא (ב)")
    outcome = sandbox.run("build", "-j1", "-q")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    pair = soup((sandbox.site / "compare/alpha-vs-beta/index.html").read_bytes())
    heading = pair.find("h1")
    assert heading is not None
    assert [node.get_text() for node in heading.find_all("bdi")] == ["אלפא (ב)", "Beta"]
    beta = soup((sandbox.site / "models/beta/index.html").read_bytes())
    links = [a for a in beta.find_all("a") if "אלפא" in a.get_text()]
    assert links
    for link in links:
        isolated = link.find("bdi") is not None or link.get("dir") == "auto"
        assert isolated or link.get_text().strip() == "אלפא (ב)", link


def test_right_to_left_names_are_isolated_in_the_lead(sandbox: Sandbox) -> None:
    """Each name in the computed sentences of a pair page sits in its own <bdi>: a Hebrew
    model or suite name cannot pull the figures beside it into its direction."""
    edit(sandbox, ALPHA, "name: Alpha", "name: אלפא 2")
    edit(sandbox, SUITE, "name: Tiny Evals", "name: מבחן")
    outcome = sandbox.run("build", "-j1", "-q")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    pair = soup((sandbox.site / "compare/alpha-vs-beta/index.html").read_bytes())
    sentences = pair.select("p.lead, ul.lead-points li, p.demo-note")
    assert len(sentences) >= 4
    for sentence in sentences:
        for name in ("אלפא 2", "Beta", "מבחן"):
            if name in sentence.get_text():
                assert name in [bdi.get_text() for bdi in sentence.find_all("bdi")], sentence


def test_escape_sequence_in_a_key_is_not_sent_to_the_terminal(sandbox: Sandbox) -> None:
    """An unknown key holding ESC [2J (clear screen) is shown escaped."""
    path = sandbox.project / ALPHA
    path.write_text(path.read_text() + '"\\e[2J\\e]0;pwned\\a": 1\n', encoding="utf-8")
    outcome = sandbox.run("check")
    says = ["a key must be plain text", "'\\x1b[2J\\x1b]0;pwned\\x07'"]
    assert_refused(sandbox, outcome, says, where=f"{ALPHA}:17:1:")
    assert "\x1b" not in outcome.output
    assert "\x07" not in outcome.output


def test_lone_surrogate_in_a_key_is_refused_at_its_place(sandbox: Sandbox) -> None:
    """A key holding a lone surrogate (a YAML escape) gets our message, not pydantic's."""
    path = sandbox.project / ALPHA
    path.write_text(path.read_text() + '"na\\ud800me": 1\n', encoding="utf-8")
    outcome = sandbox.run("check")
    says = ["a key must be plain text", "lone surrogate", "'na\\ud800me'"]
    assert_refused(sandbox, outcome, says, where=f"{ALPHA}:17:1:")


def test_raw_control_character_in_a_file_is_refused_at_its_place(sandbox: Sandbox) -> None:
    """A raw ESC byte, which YAML itself refuses, is named by code point at its line."""
    edit(sandbox, ALPHA, "organization: Example Lab", "organization: Example \x1b[2J Lab")
    outcome = sandbox.run("check")
    assert_refused(sandbox, outcome, "the character U+001B", where=f"{ALPHA}:2:23:")
    assert "\x1b" not in outcome.output


def test_newline_in_a_key_cannot_forge_a_problem_line(sandbox: Sandbox) -> None:
    """A key holding a newline and a fake ``file:1:1:`` line stays on its own line."""
    path = sandbox.project / ALPHA
    forged = '"x\\nmodels/beta.yaml:1:1: name: forged problem": 1\n'
    path.write_text(path.read_text() + forged, encoding="utf-8")
    outcome = sandbox.run("check")
    assert_refused(sandbox, outcome, "\\nmodels/beta.yaml:1:1: name: forged", where=f"{ALPHA}:")
    assert not any(line.startswith(BETA) for line in outcome.output.splitlines())


@pytest.mark.parametrize(
    "filename",
    ["alpha\x1b[31m.yaml", "alpha\u202e.yaml"],
    ids=["escape-sequence", "bidi-override"],
)
def test_control_characters_in_a_file_name_are_escaped(sandbox: Sandbox, filename: str) -> None:
    """A card whose file name holds ESC or a bidi override: refused, printed escaped."""
    (sandbox.project / "models" / filename).write_text("name: X\n", encoding="utf-8")
    outcome = sandbox.run("check")
    assert outcome.exit_code == 1, outcome.output
    assert_harmless(sandbox, outcome)
    for raw in ("\x1b", "\u202e"):
        assert raw not in outcome.output
    escaped = filename.replace("\x1b", "\\x1b").replace("\u202e", "\\u202e")
    assert escaped.removesuffix(".yaml") in outcome.stderr
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("models/alpha")]
    assert len(lines) == 1, outcome.stderr
    assert "is not a valid id" in lines[0], lines[0]


def test_newline_in_a_file_name_cannot_forge_a_problem_line(sandbox: Sandbox) -> None:
    """A file name holding a newline and a fake problem stays on one line."""
    (sandbox.project / "models" / "alpha\nmodels:1:1: forged.yaml").write_text("name: X\n")
    outcome = sandbox.run("check")
    assert outcome.exit_code == 1, outcome.output
    assert_harmless(sandbox, outcome)
    assert not any(line.startswith("models:1:1") for line in outcome.stderr.splitlines())
    assert "alpha\\nmodels:1:1: forged" in outcome.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_ids_whose_pair_paths_collide_are_refused(
    sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    """alpha + vs-beta and alpha-vs + beta would both be compare/alpha-vs-vs-beta/."""
    card = (sandbox.project / "models/gamma.yaml").read_text(encoding="utf-8")
    sandbox.write("models/alpha-vs.yaml", card, dedent=False)
    sandbox.write("models/vs-beta.yaml", card, dedent=False)
    outcome = sandbox.run(*command)
    assert_refused(
        sandbox,
        outcome,
        ["compare/alpha-vs-vs-beta/", "alpha-vs + beta", "alpha + vs-beta", "models/vs-beta.yaml"],
        where="models/alpha-vs.yaml:",
    )


LONG = MAX_MARKDOWN + 1


@pytest.mark.parametrize(
    "shape",
    [
        "[a](b) lorem ipsum " * (LONG // 18 + 1),
        "[](" * (LONG // 3 + 1),
        "<http://" * (LONG // 8 + 1),
    ],
    ids=["link-chain", "unclosed-links", "autolink-starts"],
)
def test_pathological_markdown_over_the_limit_is_refused(sandbox: Sandbox, shape: str) -> None:
    """A description past the limit, of a shape that took Python-Markdown minutes."""
    set_description(sandbox, shape)
    outcome = sandbox.run("check")
    assert_refused(sandbox, outcome, f"at most {MAX_MARKDOWN} characters", where=f"{ALPHA}:6:")


@pytest.mark.parametrize(
    "shape",
    ["[a](b) lorem " * (MAX_MARKDOWN // 13), "[](" * (MAX_MARKDOWN // 3)],
    ids=["link-chain", "unclosed-links"],
)
def test_pathological_markdown_at_the_limit_builds(sandbox: Sandbox, shape: str) -> None:
    """The same shapes at the limit: accepted, and the page shows them."""
    set_description(sandbox, shape)
    outcome = sandbox.run("build", "-j1", "-q")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    assert (sandbox.site / "models/alpha/index.html").is_file()


@pytest.mark.parametrize(
    "name",
    [
        "](http://evil.example) # Heading",
        "x\n# Heading",
        "[evil](http://evil.example)",
        "<b>x</b> *y*",
    ],
    ids=["close-link", "newline-heading", "link", "html-and-emphasis"],
)
def test_names_cannot_inject_markdown_into_llms_txt(sandbox: Sandbox, name: str) -> None:
    """A name written to make llms.txt hold a link, a heading or HTML of its own."""
    quoted = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    edit(sandbox, ALPHA, "name: Alpha", f'name: "{quoted}"')
    outcome = sandbox.run("build", "-j1", "-q")
    if "\n" in name:  # one-line text: refused outright
        assert_refused(sandbox, outcome, "one line of text", where=f"{ALPHA}:1:")
        return
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    text = (sandbox.site / "llms.txt").read_text(encoding="utf-8")
    html = soup(markdown.markdown(text))
    assert not [a for a in html.find_all("a") if "evil" in (a.get("href") or "")]
    headings = [h.get_text() for h in html.find_all(["h1", "h2", "h3"])]
    assert not any("Heading" in heading for heading in headings), headings
    assert html.find("b") is None
    assert html.find("em") is None


def test_names_cannot_inject_formulas_into_csv(sandbox: Sandbox) -> None:
    """A name that a spreadsheet would run as a formula is guarded with a leading quote."""
    edit(sandbox, ALPHA, "name: Alpha", 'name: \'=HYPERLINK("http://evil.example","x")\'')
    edit(sandbox, BETA, "name: Beta", "name: '@SUM(1+1)'")
    outcome = sandbox.run("build", "-j1", "-q")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    files = [sandbox.site / "leaderboards/tiny-evals.csv", *sandbox.site.glob("models/*/*.csv")]
    assert len(files) >= 3
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        fields = [field for row in rows for field in row]
        assert not [f for f in fields if f.startswith(("=", "+", "@", "\t", "\r"))], path
    board = (sandbox.site / "leaderboards/tiny-evals.csv").read_text(encoding="utf-8")
    fields = [field for row in csv.reader(io.StringIO(board)) for field in row]
    assert '\'=HYPERLINK("http://evil.example","x")' in fields
    assert "'@SUM(1+1)" in fields
