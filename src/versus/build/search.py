"""The site's search index: Pagefind run over the built pages, its files published with them.

Pagefind (PyPI ``pagefind[bin]``, a binary) reads the pages of the kinds marked
``searched`` in the registry (the index, each suite, each model: not the pairs) and
writes an index that ``pagefind.js`` searches in the reader's browser, with no
request leaving the site. It writes into a temporary folder, never into the tree
being built, whose files may be hard links shared with the published site; the
build then writes the files it keeps like assets, and records their digests in
the tree's state, so that they are known outputs, removed when they go. Of
Pagefind's output only what ``pagefind.js`` reads is published: the site's own
``assets/search.js`` shows the results, not Pagefind's UIs.

Pagefind names each file by its content and writes the same bytes for the same
pages, so an unchanged page set gives an unchanged index. A missing or failing
binary is a warning: the site is published without search (each search box then
says so), and the next build tries again.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from versus import urls
from versus.build.output import check_name
from versus.site.kinds import Registry

KEEP = (
    "pagefind.js",
    "pagefind-worker.js",
    "pagefind-entry.json",
    "pagefind.*.pf_meta",
    "wasm.*.pagefind",
    "index/*.pf_index",
    "fragment/*.pf_fragment",
    "filter/*.pf_filter",
)
"""The files of Pagefind's output that ``pagefind.js`` reads (its UIs are left out)."""

TIMEOUT = 600
"""Seconds Pagefind may take before the build gives up on search (a hung binary)."""

INSTALL_HINT = "install it with: .venv/bin/pip install 'pagefind[bin]'"


@dataclass(frozen=True)
class SearchIndex:
    tool: str
    """Pagefind's name and version, as ``--version`` prints them."""
    files: Mapping[str, bytes]
    """Published path (under :data:`versus.urls.SEARCH`) -> bytes."""


def executable() -> Path | str:
    """The Pagefind binary that ``pagefind[bin]`` installed, or why there is none."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        return f"Pagefind is not installed ({INSTALL_HINT})"
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as error:
        return f"the Pagefind binary is missing ({error}; {INSTALL_HINT})"


def glob(kinds: Registry) -> str:
    """The files Pagefind reads, as one glob: each searched kind's path pattern with its
    fields as ``*`` (``models/*/index.html``), so that it never reads a pair's page."""
    fields = {"id": "*", "a": "*", "b": "*", "suite": "*", "prompt": "*", "part": "*"}
    patterns = sorted(urls.file_of(kind.path).format(**fields) for kind in kinds if kind.searched)
    return "{" + ",".join(patterns) + "}"


def make_index(tree: Path, kinds: Registry) -> SearchIndex | str:
    """Pagefind's index of the searched pages of the site at ``tree``, or why it failed."""
    found = executable()
    if isinstance(found, str):
        return found
    version = _run([str(found), "--version"])
    if version.returncode != 0:
        return _failed(found, version)
    tool = version.stdout.strip()
    with tempfile.TemporaryDirectory(prefix="versus-search-") as temporary:
        output = Path(temporary) / "out"
        command = [
            str(found),
            "--site",
            str(tree),
            "--output-path",
            str(output),
            "--glob",
            glob(kinds),
            "--silent",
        ]
        result = _run(command)
        if result.returncode != 0:
            return _failed(found, result)
        return SearchIndex(tool, _read(output))


def digests(files: Mapping[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}


class _Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _run(command: list[str]) -> _Result:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return _Result(-1, "", f"no answer after {TIMEOUT} seconds")
    except OSError as error:
        return _Result(-1, "", error.strerror or str(error))
    return _Result(done.returncode, done.stdout, done.stderr)


def _failed(binary: Path, result: _Result) -> str:
    said = [line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    why = said[-1] if said else f"exit status {result.returncode}"
    return f"Pagefind ({binary.name}) failed: {why}"


def _read(output: Path) -> dict[str, bytes]:
    """The files of Pagefind's output that :data:`KEEP` names, by published path."""
    files: dict[str, bytes] = {}
    for directory, folders, names in os.walk(output):
        folders.sort()
        for name in sorted(names):
            path = Path(directory, name)
            relative = path.relative_to(output).as_posix()
            if path.is_symlink() or not path.is_file():
                continue
            if any(fnmatch.fnmatchcase(relative, pattern) for pattern in KEEP):
                published = urls.SEARCH + relative
                check_name(published)
                files[published] = path.read_bytes()
    return files
