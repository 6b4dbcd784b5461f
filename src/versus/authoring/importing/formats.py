"""Which reader reads a file: the format named, or the one its name and first bytes say."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from versus.authoring.importing.inspectlog import read_inspect
from versus.authoring.importing.lmmseval import read_lmms_eval
from versus.authoring.importing.neutral import read_neutral
from versus.authoring.importing.records import Harvest

Format = Literal["neutral", "inspect", "lmms-eval"]
FORMATS: tuple[Format, ...] = ("neutral", "inspect", "lmms-eval")


def detect(path: Path) -> Format:
    """An ``.eval`` or ``.json`` file is an Inspect log, a ``*_samples_*.jsonl`` file an
    lmms-eval sample log, anything else (``.jsonl``, ``.csv``) the neutral format."""
    name = path.name.lower()
    if name.endswith((".eval", ".json")):
        return "inspect"
    if "_samples_" in name and name.endswith(".jsonl"):
        return "lmms-eval"
    return "neutral"


def harvest(path: Path, label: str, kind: Format | None, metric: str | None) -> Harvest:
    """The records of the file ``path`` (named ``label`` in messages)."""
    kind = kind or detect(path)
    if kind == "inspect":
        return read_inspect(path, label, metric)
    if kind == "lmms-eval":
        return read_lmms_eval(path, label, metric)
    return read_neutral(path, label)
