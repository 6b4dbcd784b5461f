"""Direct tests of :mod:`versus.build.trees`: the record of which state each tree holds, and
the file operations that keep the published tree and its spare from sharing a write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from versus.build.output import UnsafePathError, record_path, state_folder
from versus.build.state import SiteState
from versus.build.trees import (
    TreeStates,
    clone,
    link_file,
    remove_file,
    spare_of,
    write_file,
)


def state(tag: str) -> SiteState:
    return SiteState(
        code=f"code-{tag}",
        data=f"data-{tag}",
        kinds={"model": f"kind-{tag}"},
        models={"a": f"model-{tag}"},
        names=f"names-{tag}",
        dates=f"dates-{tag}",
        assets={"style.css": f"asset-{tag}"},
        inputs=f"inputs-{tag}",
        suites=("suite",),
    )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder, its spare and the state folder holding the record."""
    site = tmp_path / "site"
    site.mkdir()
    spare_of(site).mkdir(parents=True)
    return site


def stored(out: Path) -> dict[str, object]:
    data = json.loads(record_path(out).read_bytes())
    assert isinstance(data, dict)
    return data


def identity(folder: Path) -> str:
    info = folder.stat()
    return f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}"


# --- the record -----------------------------------------------------------------------


def test_no_record_knows_no_state(out: Path) -> None:
    states = TreeStates(out)
    assert states.warning == ""
    assert states.state_of(out) is None
    assert not states.knows(out)


def test_recorded_states_read_back(out: Path) -> None:
    TreeStates(out).record(out, state("new"), (spare_of(out), state("old")))
    again = TreeStates(out)
    assert again.warning == ""
    assert again.state_of(out) == state("new")
    assert again.state_of(spare_of(out)) == state("old")
    assert again.knows(out)
    assert stored(out)["version"] == 1


def test_states_follow_the_trees_across_a_swap(out: Path) -> None:
    spare = spare_of(out)
    (out / "page.html").write_text("new", encoding="utf-8")
    states = TreeStates(out)
    states.record(out, state("one"), (spare, state("zero")))
    # the build's swap: the spare, brought up to date, becomes the site and the site the spare
    parked = out.parent / "parked"
    out.rename(parked)
    spare.rename(out)
    parked.rename(spare)
    states.record(out, state("two"), (spare, state("one")))
    again = TreeStates(out)
    assert again.state_of(out) == state("two")
    assert again.state_of(spare) == state("one")
    assert (spare / "page.html").read_text(encoding="utf-8") == "new"
    trees = stored(out)["trees"]
    assert isinstance(trees, dict)
    assert sorted(trees) == sorted([identity(out), identity(spare)])


def test_a_folder_that_is_neither_tree_is_not_recorded(out: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    states = TreeStates(out)
    states.record(out, state("a"))
    states.record(other, state("b"))
    again = TreeStates(out)
    assert again.state_of(other) is None
    assert not again.knows(other)
    assert again.state_of(out) == state("a")


def test_an_unknown_state_is_recorded_as_unknown(out: Path) -> None:
    states = TreeStates(out)
    states.record(out, state("a"))
    states.record(out, None)
    again = TreeStates(out)
    assert again.state_of(out) is None
    assert again.knows(out)  # versus built it, but what it holds is not known


def test_forget_records_nothing(out: Path) -> None:
    states = TreeStates(out)
    states.record(out, state("a"), (spare_of(out), state("b")))
    states.forget()
    again = TreeStates(out)
    assert again.warning == ""
    assert again.state_of(out) is None
    assert again.state_of(spare_of(out)) is None
    assert stored(out)["trees"] == {}


def test_a_missing_folder_has_no_state(out: Path, tmp_path: Path) -> None:
    states = TreeStates(out)
    states.record(out, state("a"))
    assert states.state_of(tmp_path / "nowhere") is None
    assert not states.knows(tmp_path / "nowhere")


def test_leftover_temporary_records_are_removed(out: Path) -> None:
    leftover = state_folder(out) / "state-killed"
    leftover.write_bytes(b"half a record")
    TreeStates(out).record(out, state("a"))
    assert not leftover.exists()
    assert TreeStates(out).state_of(out) == state("a")


def test_the_record_from_before_the_state_folder_is_still_known(out: Path) -> None:
    legacy = out.parent / f".{out.name}.state.json"
    legacy.write_text(json.dumps({"version": 1, "trees": {identity(out): None}}))
    assert TreeStates(out).knows(out)
    assert TreeStates(out).state_of(out) is None


DAMAGED = {
    "not JSON": (b"{not json", "is damaged (not JSON)"),
    "not UTF-8": (b"\xff\xfe{}", "is damaged (not JSON)"),
    "too deep": (b"[" * 100_000, "is damaged (not JSON)"),
    "empty": (b"", "is empty"),
    "blank": (b" \n\t", "is empty"),
    "a list": (b"[]", "was not written by this version of versus"),
    "another version": (b'{"version": 99, "trees": {}}', "was not written by this version"),
    "no trees": (b'{"version": 1}', "does not hold what this version of versus records"),
    "trees a list": (b'{"version": 1, "trees": []}', "does not hold what this version"),
    "a state missing fields": (
        b'{"version": 1, "trees": {"1:2:3": {"code": "x"}}}',
        "does not hold what this version",
    ),
}


@pytest.mark.parametrize(("data", "reason"), list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_record_warns_and_gives_no_state(out: Path, data: bytes, reason: str) -> None:
    TreeStates(out).record(out, state("a"))
    record_path(out).write_bytes(data)
    states = TreeStates(out)
    assert reason in states.warning
    assert "state.json: the build state" in states.warning
    assert states.warning.endswith("discarded, so this build renders every page")
    assert "\n" not in states.warning
    assert states.state_of(out) is None
    # the next record replaces the damaged one
    states.record(out, state("b"))
    assert TreeStates(out).state_of(out) == state("b")
    assert TreeStates(out).warning == ""


def test_a_record_that_is_a_folder_is_not_read(out: Path) -> None:
    record_path(out).mkdir()
    states = TreeStates(out)
    assert "is not a file" in states.warning
    assert states.state_of(out) is None


def test_a_record_that_is_a_fifo_does_not_block(out: Path) -> None:
    os.mkfifo(record_path(out))
    states = TreeStates(out)
    assert "is not a file" in states.warning
    assert states.state_of(out) is None


def test_a_record_that_is_a_link_is_not_followed(out: Path, tmp_path: Path) -> None:
    TreeStates(out).record(out, state("a"))
    real = tmp_path / "elsewhere.json"
    record_path(out).rename(real)
    record_path(out).symlink_to(real)
    states = TreeStates(out)
    assert "cannot be read" in states.warning
    assert states.state_of(out) is None


# --- the trees' files -----------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "models" / "a").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "index.html").write_bytes(b"index")
    (root / "models" / "a" / "index.html").write_bytes(b"model a")


def test_clone_is_made_of_hard_links(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    make_tree(source)
    target.mkdir()
    (target / "stale.html").write_bytes(b"from before")
    clone(source, target)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*"))
    assert files == ["empty", "index.html", "models", "models/a", "models/a/index.html"]
    for name in ("index.html", "models/a/index.html"):
        assert (target / name).stat().st_ino == (source / name).stat().st_ino
        assert (source / name).stat().st_nlink == 2
    assert (target / "empty").is_dir()
    assert (target / "empty").stat().st_ino != (source / "empty").stat().st_ino


def test_write_file_never_writes_through_a_shared_inode(tmp_path: Path) -> None:
    source, spare = tmp_path / "site", tmp_path / "spare"
    make_tree(source)
    clone(source, spare)
    write_file(spare, "models/a/index.html", b"model a, new")
    assert (source / "models/a/index.html").read_bytes() == b"model a"
    assert (spare / "models/a/index.html").read_bytes() == b"model a, new"
    assert (source / "models/a/index.html").stat().st_nlink == 1
    write_file(spare, "models/b/new/index.html", b"model b")
    assert (spare / "models/b/new/index.html").read_bytes() == b"model b"
    assert not (source / "models/b").exists()


def test_link_file_never_writes_through_a_shared_inode(tmp_path: Path) -> None:
    site, spare, staged = tmp_path / "site", tmp_path / "spare", tmp_path / "staged"
    make_tree(site)
    clone(site, spare)
    staged.mkdir()
    write_file(staged, "models/a/index.html", b"model a, staged")
    link_file(staged, spare, "models/a/index.html")
    assert (spare / "models/a/index.html").read_bytes() == b"model a, staged"
    assert (spare / "models/a/index.html").stat().st_ino == (
        staged / "models/a/index.html"
    ).stat().st_ino
    assert (site / "models/a/index.html").read_bytes() == b"model a"
    write_file(staged, "deep/er/page.html", b"deep")
    link_file(staged, spare, "deep/er/page.html")
    assert (spare / "deep/er/page.html").read_bytes() == b"deep"


@pytest.mark.parametrize("name", ["../escape.html", "/abs.html", "a/../../b", "", "a\\b", "a/./b"])
def test_writes_outside_the_tree_are_refused(tmp_path: Path, name: str) -> None:
    root, source = tmp_path / "root", tmp_path / "source"
    root.mkdir()
    source.mkdir()
    with pytest.raises(UnsafePathError):
        write_file(root, name, b"x")
    with pytest.raises(UnsafePathError):
        link_file(source, root, name)
    with pytest.raises(UnsafePathError):
        remove_file(root, name)
    assert not (tmp_path / "escape.html").exists()
    assert list(root.iterdir()) == []


def test_remove_file_removes_emptied_folders_but_not_the_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    make_tree(root)
    (root / "models" / "b").mkdir()
    (root / "models" / "b" / "index.html").write_bytes(b"model b")
    remove_file(root, "models/a/index.html")
    assert not (root / "models" / "a").exists()
    assert (root / "models" / "b" / "index.html").exists()  # a folder still in use stays
    remove_file(root, "models/b/index.html")
    assert not (root / "models").exists()
    remove_file(root, "index.html")
    remove_file(root, "index.html")  # already gone: nothing to do
    assert root.is_dir()
    assert [p.name for p in root.iterdir()] == ["empty"]  # not a folder it emptied
    remove_file(root, "only/file.html")
    assert root.is_dir()


def test_remove_file_keeps_a_root_it_empties(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write_file(root, "a/b/page.html", b"page")
    remove_file(root, "a/b/page.html")
    assert root.is_dir()
    assert list(root.iterdir()) == []
