"""Hostile output folders: versus writes and deletes only what it made.

Each case points a build (or ``serve``) at a folder it must not replace, breaks
what versus keeps beside the output folder, or publishes where renaming the
folder is impossible (a mount point) or indirect (a link). A refusal is one line
naming the folder, exit 1, with the project, the old site and the outside world
as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostiletools import (
    SECRET,
    Sandbox,
    assert_harmless,
    assert_refused,
    no_traceback,
    snapshot,
)
from versus.build.output import MARKER, is_mount_point

STATE = ".site.versus"
"""What versus keeps beside the sandbox's site/."""


def _refused_untouched(sandbox: Sandbox, args: tuple[str, ...], says: str, where: str) -> None:
    """``versus ARGS`` refuses in one line and changes nothing in the project."""
    before = snapshot(sandbox.project)
    outcome = sandbox.run(*args)
    assert_refused(sandbox, outcome, says, where=where)
    assert snapshot(sandbox.project) == before, "the project changed"


@pytest.mark.parametrize(
    ("out", "says"),
    [
        pytest.param("models", "is the project's models/ folder", id="models-replaced"),
        pytest.param("models/sub", "lies inside the project's models/", id="inside-models"),
        pytest.param("evals/tiny-evals", "lies inside the project's evals/", id="a-suite-replaced"),
        pytest.param("templates", "is the project's templates/ folder", id="templates-replaced"),
        pytest.param(
            "templates/assets", "lies inside the project's templates/", id="assets-replaced"
        ),
        pytest.param(
            ".versus-cache", "is the project's .versus-cache/ folder", id="cache-replaced"
        ),
        pytest.param(".", "contains the project itself", id="project-replaced"),
        pytest.param("..", "contains the project itself", id="parent-of-project-replaced"),
    ],
)
def test_an_output_folder_over_an_input_is_refused(sandbox: Sandbox, out: str, says: str) -> None:
    """`build -o <input folder>` would replace the project's own files with the site."""
    (sandbox.project / ".versus-cache").mkdir(exist_ok=True)
    _refused_untouched(sandbox, ("build", "-j1", "-o", out), says, f"{out}:")


def test_a_link_to_models_as_output_is_refused(sandbox: Sandbox) -> None:
    """A link to models/ is models/: compared after resolving links."""
    sandbox.link("published", "models")
    _refused_untouched(
        sandbox, ("build", "-j1", "-o", "published"), "is the project's models/", "published:"
    )


def test_an_output_folder_holding_the_models_folder_of_a_linked_project_is_refused(
    sandbox: Sandbox,
) -> None:
    """models/ is a link out to a folder; -o its parent would replace the cards."""
    cards = sandbox.base / "cards"
    shutil.move(sandbox.project / "models", cards / "models")
    sandbox.link("models", cards / "models")
    _refused_untouched(
        sandbox, ("build", "-j1", "-o", str(cards)), "contains the project's models/", f"{cards}:"
    )


def test_serve_refuses_models_as_output_before_serving(sandbox: Sandbox) -> None:
    """`serve -o models` would build over the cards, then serve; it must stop at once."""
    before = snapshot(sandbox.project)
    outcome = sandbox.process("serve", "--port", "0", "-o", "models", timeout=60)
    assert_refused(sandbox, outcome, "is the project's models/ folder", where="models:")
    assert "serving" not in outcome.output
    assert snapshot(sandbox.project) == before


def test_serve_refuses_a_folder_it_did_not_build(sandbox: Sandbox) -> None:
    """`serve -o ~` would replace a home folder with the site."""
    home = sandbox.outside / "home"
    outcome = sandbox.process("serve", "--port", "0", "-o", str(home), timeout=60)
    assert_refused(sandbox, outcome, "holds files versus did not build", where=f"{home}:")
    assert "serving" not in outcome.output


def test_a_home_folder_as_output_is_refused(sandbox: Sandbox) -> None:
    """`build -o ~`: .ssh/ and Documents/ would be deleted ("n removed")."""
    home = sandbox.outside / "home"
    outcome = sandbox.run("build", "-j1", "-o", str(home))
    assert_refused(
        sandbox,
        outcome,
        ["holds files versus did not build", ".ssh", "--take-over"],
        where=f"{home}:",
    )


def test_take_over_replaces_a_folder_versus_did_not_build(sandbox: Sandbox) -> None:
    """--take-over is the explicit way to replace a folder of other files (a private copy)."""
    mine = sandbox.base / "my-home"
    shutil.copytree(sandbox.outside / "home", mine)
    refused = sandbox.run("build", "-j1", "-o", str(mine))
    assert refused.exit_code == 1
    assert (mine / ".ssh" / "id_ed25519").is_file()
    outcome = sandbox.run("build", "-j1", "-o", str(mine), "--take-over")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    assert not (mine / ".ssh").exists()
    assert not (mine / "Documents").exists()
    assert snapshot(mine) == sandbox.site_before
    again = sandbox.run("build", "-j1", "-o", str(mine))  # now versus's: no option needed
    assert again.exit_code == 0, again.output


def test_a_folder_holding_a_git_repository_is_refused(sandbox: Sandbox) -> None:
    """An output folder that is someone's repository: .git/ would be deleted."""
    repository = sandbox.base / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(repository)
    outcome = sandbox.run("build", "-j1", "-o", str(repository))
    assert_refused(sandbox, outcome, ["did not build", ".git"], where=f"{repository}:")
    assert snapshot(repository) == before


def test_a_file_name_in_a_refused_folder_cannot_forge_a_problem_line(sandbox: Sandbox) -> None:
    """The refusal names files found; a newline in a name must not start a line of its own."""
    folder = sandbox.base / "downloads"
    folder.mkdir()
    (folder / "a\nversus.yaml:1:1: forged").write_text("x")
    outcome = sandbox.run("build", "-j1", "-o", str(folder))
    assert_refused(sandbox, outcome, "did not build", where=f"{folder}:")
    assert not any(line.startswith("versus.yaml") for line in outcome.stderr.splitlines())


def test_a_marker_that_is_a_link_proves_nothing(sandbox: Sandbox) -> None:
    """A folder of other files with a `.versus-site` link in it is still not versus's."""
    folder = sandbox.base / "papers"
    (folder / "notes.txt").parent.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    (folder / MARKER).symlink_to(sandbox.site / MARKER)
    outcome = sandbox.run("build", "-j1", "-o", str(folder))
    assert_refused(sandbox, outcome, "did not build", where=f"{folder}:")
    assert (folder / "notes.txt").read_text() == "mine\n"


def test_a_copy_of_a_built_site_builds_without_take_over(sandbox: Sandbox) -> None:
    """A site versus built, copied (a fresh clone of a repository committing site/), carries
    its marker: building into it needs no option."""
    copy = sandbox.base / "clone-site"
    shutil.copytree(sandbox.site, copy)
    outcome = sandbox.run("build", "-j1", "-o", str(copy))
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)


def test_an_output_under_a_file_is_one_line(sandbox: Sandbox) -> None:
    """`-o versus.yaml/site`: its parent is a file."""
    _refused_untouched(
        sandbox,
        ("build", "-j1", "-o", "versus.yaml/site"),
        "versus.yaml is a file",
        "versus.yaml/site:",
    )


def test_an_output_inside_the_state_folder_is_refused(sandbox: Sandbox) -> None:
    """`-o .site.versus/spare`: the build would publish over its own spare tree."""
    _refused_untouched(
        sandbox,
        ("build", "-j1", "-o", f"{STATE}/spare"),
        "where versus keeps a site's state",
        f"{STATE}/spare:",
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_state_folder_is_ignored_by_git(sandbox: Sandbox) -> None:
    """State committed by accident would make a clone's builds trust another machine's."""
    (sandbox.project / ".gitignore").unlink(missing_ok=True)
    subprocess.run(["git", "init", "-q"], cwd=sandbox.project, check=True)
    listed = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=sandbox.project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "site/.versus-site" in listed  # the site itself is the user's to commit or not
    assert STATE not in listed


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(STATE, id="state-folder"),
        pytest.param(f"{STATE}/spare", id="spare"),
        pytest.param(f"{STATE}/state.json", id="state-record"),
        pytest.param(f"{STATE}/lock", id="lock"),
        pytest.param(f"{STATE}/new-4242", id="staged-leftover"),
    ],
)
def test_a_state_entry_replaced_by_a_link_out_is_refused(sandbox: Sandbox, name: str) -> None:
    """A link where versus keeps its state would make the build write or delete through it."""
    path = sandbox.project / name
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    target = sandbox.outside / ("secret.txt" if name.endswith(("json", "lock")) else "home")
    sandbox.link(name, target)
    _edit_alpha(sandbox)  # a change to publish: without the check the build would write
    outcome = sandbox.run("build", "-j1")
    assert_refused(sandbox, outcome, "is a symbolic link", where=f"{name}:")


def test_a_fifo_as_state_record_is_refused_without_hanging(sandbox: Sandbox) -> None:
    """Reading a FIFO blocks for ever: the record must be a file versus made."""
    record = sandbox.project / STATE / "state.json"
    record.unlink()
    os.mkfifo(record)
    outcome = sandbox.process("build", "-j1", timeout=60)
    assert_refused(sandbox, outcome, "is not the file versus made", where=f"{STATE}/state.json:")


def test_a_link_named_like_the_old_spare_is_never_written_through(sandbox: Sandbox) -> None:
    """`.site.spare -> ~` made the build hard-link the site into the link's target."""
    sandbox.link(".site.spare", sandbox.outside / "home")
    outcome = sandbox.run("build", "-j1")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    assert (sandbox.project / ".site.spare").is_symlink()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        pytest.param(b'{"version": 1, "tr', "is damaged (not JSON)", id="cut-short"),
        pytest.param(
            b'{"version": 99, "trees": {}}', "was not written by this version", id="foreign"
        ),
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b"\xff\xfe\x00\x01\x80binary", "is damaged (not JSON)", id="binary"),
        pytest.param(b'{"version": 1, "trees": [1, 2]}', "does not hold what", id="wrong-shape"),
    ],
)
def test_a_damaged_state_record_is_one_warning_and_a_full_build(
    sandbox: Sandbox, data: bytes, says: str
) -> None:
    """A damaged or foreign record is discarded with one warning; the build renders all."""
    _edit_alpha(sandbox)
    (sandbox.project / STATE / "state.json").write_bytes(data)
    outcome = sandbox.run("build", "-j1")
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)
    warnings = [line for line in outcome.stderr.splitlines() if line.startswith("versus: warning:")]
    assert len(warnings) == 1, outcome.stderr
    assert f"{STATE}/state.json: the build state {says}" in warnings[0]
    assert snapshot(sandbox.site) == _reference(sandbox)
    again = sandbox.run("build", "-j1")  # the record is sound again: no warning
    assert again.exit_code == 0, again.output
    assert "warning" not in again.output


def test_a_linked_output_folder_is_published_at_its_target(sandbox: Sandbox) -> None:
    """`-o link`: the swap happens on the real folder, the link stays, no stray links."""
    real = sandbox.base / "www" / "real-site"
    real.parent.mkdir()
    link = sandbox.base / "published"
    link.symlink_to(real)
    first = sandbox.run("build", "-j1", "-o", str(link))
    assert first.exit_code == 0, first.output
    _edit_alpha(sandbox)
    second = sandbox.run("build", "-j1", "-o", str(link))
    assert second.exit_code == 0, second.output
    assert_harmless(sandbox, second)
    assert link.is_symlink()
    assert link.readlink() == real
    assert real.is_dir()
    assert not real.is_symlink()
    assert snapshot(real) == _reference(sandbox)
    links = [p for p in sandbox.base.rglob("*") if p.is_symlink()]
    assert links == [link]
    assert sorted(p.name for p in real.parent.iterdir()) == [".real-site.versus", "real-site"]


@contextlib.contextmanager
def _mounted(where: Path, kind: str = "tmpfs") -> Iterator[Path]:
    """A tmpfs at ``where``, or a bind mount there of a folder of the same file system (which
    has its parent's device number: not a mount point to ``os.path.ismount``)."""
    where.mkdir()
    if kind == "tmpfs":
        command = ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where)]
    else:
        source = where.with_name(f"{where.name}-source")
        source.mkdir()
        command = ["mount", "--bind", str(source), str(where)]
    mounted = subprocess.run(command, capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting needs root")
@pytest.mark.parametrize("kind", ["tmpfs", "bind"])
def test_a_mount_point_as_output_builds_and_rebuilds(sandbox: Sandbox, kind: str) -> None:
    """A container volume: renaming the folder itself fails (EBUSY); publish inside it."""
    with _mounted(sandbox.base / "volume", kind) as volume:
        first = sandbox.run("build", "-j1", "-o", str(volume))
        assert first.exit_code == 0, first.output
        assert_harmless(sandbox, first)
        assert snapshot(volume) == _reference(sandbox)
        _edit_alpha(sandbox)
        killed = volume / ".versus-new-999"  # what a build killed mid-publish leaves
        (killed / "assets").mkdir(parents=True)
        (killed / "assets" / "style.css").write_text("half")
        second = sandbox.run("build", "-j1", "-o", str(volume))
        assert second.exit_code == 0, second.output
        assert snapshot(volume) == _reference(sandbox)  # nothing staged left inside
        assert is_mount_point(volume)  # published inside, never replaced
        third = sandbox.run("build", "-j1", "-o", str(volume))  # nothing changed
        assert third.exit_code == 0, third.output
        assert "0 written" in third.stdout


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting needs root")
def test_a_mount_point_holding_other_files_is_refused(sandbox: Sandbox) -> None:
    """A volume of someone's files is not versus's, mounted or not."""
    with _mounted(sandbox.base / "volume") as volume:
        (volume / "data.db").write_text(SECRET)
        outcome = sandbox.run("build", "-j1", "-o", str(volume))
        assert_refused(sandbox, outcome, ["did not build", "data.db"], where=f"{volume}:")
        assert (volume / "data.db").read_text() == SECRET


def _edit_alpha(sandbox: Sandbox) -> None:
    card = sandbox.project / "models" / "alpha.yaml"
    card.write_text(card.read_text().replace("name: Alpha", "name: Alpha Two", 1))


def _reference(sandbox: Sandbox) -> dict[str, str]:
    """The site of the project as it is now, built fresh elsewhere."""
    reference = sandbox.base / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    outcome = sandbox.run("build", "-j1", "-q", "-o", str(reference))
    no_traceback(outcome)
    assert outcome.exit_code == 0, outcome.output
    return snapshot(reference)
