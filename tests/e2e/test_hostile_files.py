"""Hostile corpus: files that are not what they seem (issue 15, parts 3 and 5).

Links out of the project, devices, FIFOs, sockets, folders named like cards, loops,
oversized and undecodable files, asset names that cannot be published, unreadable
folders: each is refused by name, without reading it (no canary in any output) and
without hanging, by ``check`` as by ``build``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostiletools import SECRET, Sandbox, assert_harmless, assert_refused
from versus.inputs.inputfiles import MAX_ASSET_BYTES, MAX_TEMPLATE_BYTES, MAX_YAML_BYTES

OUTSIDE_FILE = "a link to a file outside the project"
NOT_REGULAR = "not a regular file"
COMMANDS = [("check",), ("build", "-j1")]
COMMAND_IDS = ["check", "build"]
QUICK = 60
"""Seconds a case that could hang (a FIFO, /dev/zero) may take before it counts as hung."""


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    "name",
    [
        "models/leak.yaml",
        "evals/tiny-evals/alpha.yaml",
        "evals/tiny-evals/suite.yaml",
        "versus.yaml",
        "templates/base.html",
        "templates/assets/p.txt",
    ],
    ids=["card", "result", "suite", "config", "template", "asset"],
)
def test_link_to_a_secret_outside_is_refused_by_name(
    sandbox: Sandbox, name: str, command: tuple[str, ...]
) -> None:
    """An input that is a link to a file outside the project: refused, never echoed."""
    sandbox.link(name, sandbox.outside / "secret.txt")
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, OUTSIDE_FILE, where=f"{name}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_link_to_a_valid_card_outside_is_not_published(
    sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    """A card linked from outside the project, valid YAML: refused, not published."""
    sandbox.link("models/leak.yaml", sandbox.outside / "card.yaml")
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, OUTSIDE_FILE, where="models/leak.yaml:")
    assert not (sandbox.site / "models" / "leak").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_card_linked_to_a_device_is_refused_promptly(
    sandbox: Sandbox, device: str, command: tuple[str, ...]
) -> None:
    """A card that is a link to a device: refused at once, not read until memory runs out."""
    sandbox.link("models/zero.yaml", device)
    outcome = sandbox.process(*command, timeout=QUICK)
    assert_refused(sandbox, outcome, OUTSIDE_FILE, where="models/zero.yaml:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    "name",
    ["models/pipe.yaml", "evals/tiny-evals/alpha.yaml", "templates/base.html"],
    ids=["card", "result", "template"],
)
def test_fifo_input_is_refused_without_blocking(
    sandbox: Sandbox, name: str, command: tuple[str, ...]
) -> None:
    """An input that is a FIFO no one writes to: refused by name, the run does not hang."""
    path = sandbox.project / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    outcome = sandbox.process(*command, timeout=QUICK)
    assert_refused(sandbox, outcome, [NOT_REGULAR, "a FIFO"], where=f"{name}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_fifo_asset_is_refused_without_blocking(sandbox: Sandbox, command: tuple[str, ...]) -> None:
    """An asset that is a FIFO: refused by name, the build does not hang."""
    os.mkfifo(sandbox.project / "templates/assets/pipe.css")
    outcome = sandbox.process(*command, timeout=QUICK)
    assert_refused(sandbox, outcome, "a FIFO", where="templates/assets/pipe.css:")


@contextlib.contextmanager
def _socket_at(path: Path) -> Iterator[None]:
    # A socket path must be short (108 bytes): bind from its folder, by its bare name.
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with contextlib.chdir(path.parent):
            server.bind(path.name)
        yield
    finally:
        server.close()


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_socket_as_card_is_refused(sandbox: Sandbox, command: tuple[str, ...]) -> None:
    """A card that is a Unix socket: refused by name."""
    with _socket_at(sandbox.project / "models/sock.yaml"):
        outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, "a socket", where="models/sock.yaml:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    ("name", "kind"),
    [("models/x.yaml", "a card"), ("evals/tiny-evals/x.yaml", "a result")],
    ids=["card", "result"],
)
def test_folder_named_like_a_yaml_file_is_a_problem(
    sandbox: Sandbox, name: str, kind: str, command: tuple[str, ...]
) -> None:
    """A folder where a card or result is expected: an error, not silently skipped."""
    (sandbox.project / name).mkdir()
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, ["a folder, not a file", kind], where=f"{name}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize("name", ["models/a", "models/a.yaml"], ids=["plain", "yaml"])
def test_link_to_itself_is_refused(sandbox: Sandbox, name: str, command: tuple[str, ...]) -> None:
    """A link that points at itself (a loop): refused by name, no hang, no traceback."""
    sandbox.link(name, Path(name).name)
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, "leads back to itself", where=f"{name}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_folder_link_to_outside_is_refused(sandbox: Sandbox, command: tuple[str, ...]) -> None:
    """A folder under models/ that is a link to a folder outside the project."""
    sandbox.link("models/ext", sandbox.outside)
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, "a link to a folder outside", where="models/ext:")


def test_suite_folder_link_to_outside_is_refused(sandbox: Sandbox) -> None:
    """A suite folder that is a link to outside/ (which holds a card.yaml): refused."""
    sandbox.link("evals/ext", sandbox.outside)
    outcome = sandbox.run("build", "-j1")
    assert_refused(sandbox, outcome, "a link to a folder outside", where="evals/ext:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("models/big.yaml", MAX_YAML_BYTES),
        ("templates/partials/big.html", MAX_TEMPLATE_BYTES),
        ("templates/assets/big.css", MAX_ASSET_BYTES),
    ],
    ids=["card", "template", "asset"],
)
def test_oversized_input_is_refused(
    sandbox: Sandbox, name: str, limit: int, command: tuple[str, ...]
) -> None:
    """An input one byte over its size limit: refused by name with the limit."""
    if name.startswith("templates/partials/"):
        base = sandbox.project / "templates/base.html"
        base.write_text('{% include "partials/big.html" %}\n' + base.read_text("utf-8"), "utf-8")
    with (sandbox.project / name).open("wb") as stream:
        stream.truncate(limit + 1)
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, f"the limit is {limit}", where=f"{name}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_template_not_utf8_is_a_problem_with_its_line(
    sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    """A template that is Latin-1, not UTF-8: a problem at its line, not a traceback."""
    sandbox.write("templates/404.html", b"{% extends 'base.html' %}\n<p>caf\xe9</p>\n")
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, "not UTF-8", where="templates/404.html:2:")


def test_template_syntax_error_is_found_by_check(sandbox: Sandbox) -> None:
    """A template with an unclosed block: check names it and its line, as build would."""
    sandbox.write("templates/404.html", "{% extends 'base.html' %}\n{% block main %}\n<p>x</p>\n")
    outcome = sandbox.run("check")
    assert_refused(sandbox, outcome, "template error", where="templates/404.html:")


def test_template_unknown_filter_is_found_by_check(sandbox: Sandbox) -> None:
    """A template calling a filter that does not exist: check finds it without rendering."""
    page = sandbox.project / "templates/404.html"
    text = page.read_text("utf-8").replace("</header>", "{{ 1 | no_such_filter }}</header>")
    page.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "no_such_filter" in row)
    outcome = sandbox.run("check")
    assert_refused(sandbox, outcome, "no_such_filter", where=f"templates/404.html:{line}:")


def test_unreferenced_fifo_in_templates_is_found_by_check(sandbox: Sandbox) -> None:
    """A FIFO among the templates, included by none: check names it, without blocking."""
    os.mkfifo(sandbox.project / "templates/partials/pipe.html")
    outcome = sandbox.process("check", timeout=QUICK)
    assert_refused(sandbox, outcome, "a FIFO", where="templates/partials/pipe.html:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    ("name", "says", "shown"),
    [
        ("back\\slash.css", "backslash", "templates/assets/back\\slash.css"),
        ("new\nline.css", "control character", "templates/assets/new\\nline.css"),
        ("esc\x1b[31mape.css", "control character", "templates/assets/esc\\x1b[31mape.css"),
        ("rlo\u202eexe.css", "control character", "templates/assets/rlo\\u202eexe.css"),
    ],
    ids=["backslash", "newline", "escape", "bidi-override"],
)
def test_asset_name_that_cannot_be_published_is_a_problem(
    sandbox: Sandbox, name: str, says: str, shown: str, command: tuple[str, ...]
) -> None:
    """An asset whose name cannot be a URL path: a problem naming it (escaped), no crash."""
    (sandbox.project / "templates/assets" / name).write_bytes(b"body {}\n")
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, says, where=f"{shown}:")


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
def test_asset_name_not_utf8_is_a_problem(sandbox: Sandbox, command: tuple[str, ...]) -> None:
    """An asset whose name is not UTF-8 (a Latin-1 byte): a problem naming it, no crash."""
    folder = os.fsencode(sandbox.project / "templates/assets")
    Path(os.fsdecode(folder + b"/caf\xe9.css")).write_bytes(b"body {}\n")
    outcome = sandbox.run(*command)
    assert_refused(sandbox, outcome, "not UTF-8", where="templates/assets/caf\\xe9.css:")


def test_links_inside_the_project_are_followed(sandbox: Sandbox) -> None:
    """A card, a template and an asset that are links to files inside the project: fine."""
    cards = sandbox.project / "cards"
    cards.mkdir()
    card = (sandbox.project / "models/gamma.yaml").read_text("utf-8")
    (cards / "gamma.yaml").write_text(card.replace("name: Gamma", "name: Gamma Linked"), "utf-8")
    (sandbox.project / "models/gamma.yaml").unlink()
    sandbox.link("models/gamma.yaml", "../cards/gamma.yaml")
    sandbox.link("templates/assets/copy.css", "style.css")
    page = sandbox.project / "templates/404.html"
    page.rename(sandbox.project / "templates/partials/not-found.html")
    sandbox.link("templates/404.html", "partials/not-found.html")
    for command in COMMANDS:
        outcome = sandbox.run(*command)
        assert outcome.exit_code == 0, outcome.output
        assert_harmless(sandbox, outcome)
    assert "Gamma Linked" in (sandbox.site / "models/gamma/index.html").read_text("utf-8")
    style = sandbox.project / "templates/assets/style.css"
    assert (sandbox.site / "assets/copy.css").read_bytes() == style.read_bytes()
    assert (sandbox.site / "404.html").is_file()


def test_linked_folder_back_to_a_parent_is_walked_once(sandbox: Sandbox) -> None:
    """A folder link inside templates/ back to templates/: no loop, nothing duplicated."""
    sandbox.link("templates/partials/loop", "..")
    outcome = sandbox.run("build", "-j1")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)


def _nobody_can_reach(base: Path) -> None:
    for path in [base, *base.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root, to drop to another user for whom a folder is unreadable",
)
@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize("folder", ["models", "evals/tiny-evals"])
def test_unreadable_folder_is_one_problem_naming_it(
    sandbox: Sandbox, folder: str, command: tuple[str, ...]
) -> None:
    """A folder the user may not read (mode 000): one problem naming it, exit 1."""
    # pytest's own temporary folders are private to root: the project moves to one
    # that the unprivileged user can reach.
    base = Path(tempfile.mkdtemp(prefix="versus-hostile-"))
    try:
        base.chmod(0o755)
        project = base / "project"
        shutil.copytree(sandbox.project, project, symlinks=True)
        _nobody_can_reach(base)
        (project / folder).chmod(0)
        done = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-m",
                "versus",
                *command,
            ],
            cwd=project,
            capture_output=True,
            env={**os.environ, "CI": "true", "PYTHONDONTWRITEBYTECODE": "1"},
            check=False,
            timeout=QUICK,
        )
    finally:
        shutil.rmtree(base)
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if "Permission denied" in line]
    assert lines == [f"{folder}: cannot read the folder: Permission denied"], stderr
    assert SECRET not in stderr


def test_new_model_does_not_write_through_a_linked_models_folder(sandbox: Sandbox) -> None:
    """`versus new model` into a models/ that is a link out of the project writes nothing."""
    shutil.rmtree(sandbox.project / "models")
    sandbox.link("models", sandbox.outside / "home" / "Documents")
    outcome = sandbox.run("new", "model", "delta")
    assert_refused(sandbox, outcome, "a link to a folder outside the project", where="models:")
    assert not (sandbox.outside / "home" / "Documents" / "delta.yaml").exists()


def test_schema_does_not_write_through_a_linked_schemas_folder(sandbox: Sandbox) -> None:
    """`versus schema` into a schemas/ that is a link out of the project writes nothing."""
    sandbox.link("schemas", sandbox.outside / "home")
    outcome = sandbox.run("schema")
    assert_refused(sandbox, outcome, "a link to a folder outside the project", where="schemas:")
    assert not list((sandbox.outside / "home").glob("*.schema.json"))
