"""``versus import`` end to end: a harness's log imported, the project built, and the
run's figures found on the model's page."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bs4 import Tag
from click.testing import CliRunner

from htmltools import detail_of, soup, value_of
from support import fixture_project, write
from versus.cli import main

SUITE = """\
name: Mini Evals
summary: Four prompts in two categories.
description: A suite the tests write.
methodology: Each prompt passes or fails.
categories:
  - id: reading
    label: Reading
  - id: counting
    label: Counting
"""


def sample(id_: str, value: str) -> dict[str, object]:
    """A sample of an Inspect AI log (``inspect_ai.log.EvalSample``'s fields)."""
    return {
        "id": id_,
        "epoch": 1,
        "input": "?",
        "target": "x",
        "output": {"model": "google/gemma-4-12b", "completion": "x", "choices": []},
        "scores": {"match": {"value": value}},
        "total_time": 2.0,
    }


def test_an_imported_inspect_log_shows_on_the_model_page(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    write(root, "evals/mini/suite.yaml", SUITE)
    prompts = [("read-sign", "reading"), ("read-menu", "reading"), ("count-cats", "counting")]
    write(
        root,
        "evals/mini/prompts.jsonl",
        "".join(json.dumps({"id": i, "category": c, "prompt": "?"}) + "\n" for i, c in prompts),
    )
    header = {
        "version": 2,
        "status": "success",
        "eval": {
            "task": "mini",
            "model": "google/gemma-4-12b",
            "created": "2026-05-14T09:00:00+00:00",
            "dataset": {},
            "packages": {"inspect_ai": "0.3.285"},
        },
    }
    log = tmp_path / "mini.eval"
    with zipfile.ZipFile(log, "w") as archive:
        archive.writestr("header.json", json.dumps(header))
        for id_, value in [("read-sign", "C"), ("read-menu", "I"), ("count-cats", "C")]:
            archive.writestr(f"samples/{id_}_epoch_1.json", json.dumps(sample(id_, value)))
    runner = CliRunner()
    imported = runner.invoke(main, ["import", str(log), "-p", str(root)])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(main, ["check", "-p", str(root)])
    assert checked.exit_code == 0, checked.output
    out = tmp_path / "site"
    built = runner.invoke(main, ["build", "-p", str(root), "-o", str(out), "-j1", "-q"])
    assert built.exit_code == 0, built.output
    page = soup((out / "models/gemma-4-12b/index.html").read_bytes())
    scores = page.find(id="scores")
    assert isinstance(scores, Tag)
    table = next(t for t in scores.find_all("table") if "Mini Evals" in t.get_text())
    rows = {
        " ".join(head.get_text(" ").split()): tr.find_all("td")
        for tr in table.find_all("tr")
        if isinstance(head := tr.find("th", scope="row"), Tag)
    }
    overall = next(cells for label, cells in rows.items() if label.startswith("Overall"))
    assert value_of(overall[0]) == "66.67%"
    assert (detail_of(overall[0]) or "").startswith("2/3,")
    reading = next(cells for label, cells in rows.items() if label.startswith("Reading"))
    assert (detail_of(reading[0]) or "").startswith("1/2,")
    response = next(cells for label, cells in rows.items() if "response" in label.lower())
    assert value_of(response[0]).startswith("2")
    assert "Inspect AI 0.3.285" in page.get_text(" ")
