"""versus.atomic: a file is written whole or not at all, and a link is replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from versus.atomic import write_atomically


def test_a_file_is_written_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    write_atomically(target, b"old")
    write_atomically(target, b"new", mode=0o644)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep")
    folder = tmp_path / "project"
    folder.mkdir()
    link = folder / "file.txt"
    link.symlink_to(outside)
    write_atomically(link, b"mine")
    assert not link.is_symlink()
    assert link.read_bytes() == b"mine"
    assert outside.read_bytes() == b"keep"


def test_a_failed_write_leaves_the_old_file_and_no_leftover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "schema.json"
    target.write_bytes(b"old")

    def refuse(self: Path, other: str | os.PathLike[str]) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new", prefix="state-")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json"]
