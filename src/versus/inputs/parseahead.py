"""Parsing the YAML files the cache lacks in a process pool, before the project loads.

A cold build (a fresh clone in CI, or a project whose cache was removed) parses
every input file, in one process, before any page can render. Parsing is a pure function of a file's
bytes, so the files the cache does not know are parsed in ``jobs`` processes and
put into the cache; :func:`versus.inputs.load.load_project` then finds each there and
validates and checks the project as it always does. A file that cannot be
parsed here is left out: the loader parses it again and reports its problems.

Only YAML files are parsed ahead (a suite's ``prompts.yaml`` among them): a JSON
Lines file is parsed by the loader on every build, at the speed of reading it.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from versus.inputs.cache import DocumentCache
from versus.inputs.inputfiles import MAX_YAML_BYTES, decode_text, is_input_yaml, read_file
from versus.inputs.problems import InputError, Problem
from versus.inputs.yamlsource import Document, parse_yaml

PARSE_AHEAD_FROM = 64
"""Fewer files to parse than this are parsed by the loader: a pool costs more than it saves."""

_Task = tuple[str, str, str]
"""The project folder, a file's POSIX path in it and the digest of its bytes."""


def parse_ahead(root: Path, cache: DocumentCache, digests: Mapping[str, str], jobs: int) -> int:
    """Parse the input files of ``digests`` the cache does not know, in ``jobs`` processes,
    into ``cache``; how many were parsed (0 when too few to be worth a pool)."""
    missing = [
        (str(root), name, digest)
        for name, digest in digests.items()
        if is_input_yaml(name) and not cache.has(name, digest)
    ]
    if jobs <= 1 or len(missing) < PARSE_AHEAD_FROM:
        return 0
    parsed = 0
    chunk = max(1, len(missing) // (jobs * 4))
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        for (_, name, digest), document in zip(
            missing, pool.map(parse_file, missing, chunksize=chunk), strict=True
        ):
            if document is not None:
                cache.put(name, digest, document)
                parsed += 1
    return parsed


def parse_file(task: _Task) -> Document | None:
    """The parsed file, or ``None`` if the loader would have a problem with it (or it is
    no longer the file of that digest)."""
    root, name, digest = task
    raw = read_file(Path(root), name, MAX_YAML_BYTES)  # as the loader reads it: no FIFO
    if isinstance(raw, Problem) or hashlib.sha256(raw).hexdigest() != digest:
        return None
    text = decode_text(raw, name)  # as the loader decodes it, or a problem the loader reports
    if isinstance(text, Problem):
        return None
    try:
        return parse_yaml(text, name)
    except InputError:
        return None
