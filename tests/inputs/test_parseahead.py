from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from support import write
from synthetic import add_models
from versus.build.fingerprint import input_files
from versus.inputs.cache import DocumentCache
from versus.inputs.inputfiles import is_input_yaml
from versus.inputs.load import load_project
from versus.inputs.parseahead import PARSE_AHEAD_FROM, parse_ahead, parse_file
from versus.inputs.problems import InputError


@pytest.fixture
def big(project: Path) -> Path:
    add_models(project, PARSE_AHEAD_FROM)
    return project


def yaml_names(files: dict[str, str]) -> list[str]:
    return [name for name in files if is_input_yaml(name)]


def test_input_yaml_is_what_the_loader_reads() -> None:
    assert is_input_yaml("versus.yaml")
    assert is_input_yaml("models/a.yaml")
    assert is_input_yaml("evals/suite/a.yml")
    assert not is_input_yaml("templates/base.html")
    assert not is_input_yaml("templates/x.yaml")
    assert not is_input_yaml("models/notes.txt")


def test_a_cold_cache_is_filled_in_parallel_and_loads_the_same_catalog(big: Path) -> None:
    files = input_files(big)
    cache = DocumentCache.for_project(big)
    assert parse_ahead(big, cache, files, jobs=2) == len(yaml_names(files))
    assert all(cache.has(name, files[name]) for name in yaml_names(files))
    assert load_project(big, cache, digests=files) == load_project(big, DocumentCache(None))
    cache.save()
    # known now: nothing left to parse
    assert parse_ahead(big, DocumentCache.for_project(big), files, jobs=2) == 0


def test_few_files_or_one_job_parse_in_the_loader(project: Path, big: Path) -> None:
    files = input_files(big)
    assert parse_ahead(big, DocumentCache(None), files, jobs=1) == 0
    small = {name: digest for name, digest in files.items() if "synthetic" not in name}
    assert len(yaml_names(small)) < PARSE_AHEAD_FROM
    assert parse_ahead(big, DocumentCache(None), small, jobs=2) == 0


def test_a_broken_file_is_left_for_the_loader_to_report(big: Path) -> None:
    broken = write(big, "models/broken-card.yaml", "name: [unclosed\n")
    files = input_files(big)
    cache = DocumentCache(None)
    assert parse_ahead(big, cache, files, jobs=2) == len(yaml_names(files)) - 1
    assert not cache.has("models/broken-card.yaml", files["models/broken-card.yaml"])
    with pytest.raises(InputError) as raised:
        load_project(big, cache, digests=files)
    assert any(p.file == "models/broken-card.yaml" and p.line for p in raised.value.problems)
    assert broken.is_file()


def test_a_file_changed_since_it_was_hashed_is_not_parsed(big: Path) -> None:
    files = input_files(big)
    card = big / "models" / "florence-2.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert parse_file((str(big), "models/florence-2.yaml", files["models/florence-2.yaml"])) is None
    document = parse_file(
        (str(big), "models/florence-2.yaml", input_files(big)["models/florence-2.yaml"])
    )
    assert document is not None
    assert document.data["name"] == "Florence-2"


@pytest.mark.parametrize(
    "raw", [b"\xff\xfen\x00a\x00m\x00e\x00", b"name: a\x00b\n", b"name: \xe9t\xe9\n"]
)
def test_what_the_loader_refuses_to_decode_is_not_parsed(tmp_path: Path, raw: bytes) -> None:

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "x.yaml").write_bytes(raw)
    digest = hashlib.sha256(raw).hexdigest()
    assert parse_file((str(tmp_path), "models/x.yaml", digest)) is None


def test_a_fifo_is_not_opened_for_parsing(tmp_path: Path) -> None:
    """A card that became a FIFO is left to the loader, which names it: no blocking read."""
    (tmp_path / "models").mkdir()
    os.mkfifo(tmp_path / "models" / "x.yaml")
    assert parse_file((str(tmp_path), "models/x.yaml", hashlib.sha256(b"").hexdigest())) is None


def test_a_card_linked_from_outside_is_not_parsed(tmp_path: Path) -> None:
    raw = b"name: X\n"
    (tmp_path / "outside.yaml").write_bytes(raw)
    (tmp_path / "project" / "models").mkdir(parents=True)
    (tmp_path / "project" / "models" / "x.yaml").symlink_to(tmp_path / "outside.yaml")
    task = (str(tmp_path / "project"), "models/x.yaml", hashlib.sha256(raw).hexdigest())
    assert parse_file(task) is None
