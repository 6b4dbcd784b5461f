"""The site's search index: Pagefind run over the built pages, its files published with them.

Pagefind (PyPI ``pagefind[bin]``: a binary and its Python wrapper) is given the pages
of the kinds marked ``searched`` in the registry (the index, each suite, each model:
not the pairs), and writes an index that ``pagefind.js`` searches in the reader's
browser, with no request leaving the site. It writes into a temporary folder, never
into the tree being built, whose files may be hard links shared with the published
site; the build then writes the files it keeps like assets, and records their digests
in the tree's state, so that they are known outputs, removed when they go. Of
Pagefind's output only what ``pagefind.js`` reads is published: the site's own
``assets/search.js`` shows the results, not Pagefind's UIs.

Pagefind names each file by its content and, given the same pages in the same order,
writes the same bytes (but for its filter files: the templates use no
``data-pagefind-filter``), so an unchanged page set gives an unchanged index. A missing or failing
binary is a warning: the site is published without search (each search box then
says so), and the next build tries again.
"""

from __future__ import annotations

import asyncio
import fnmatch
import hashlib
import os
import subprocess
import tempfile
from collections.abc import Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """The Pagefind binary (``pagefind[bin]``'s, or ``PAGEFIND_BINARY_PATH``), or why none."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return f"Pagefind is not installed ({INSTALL_HINT})"
    found = get_executable()
    if found is None or not found.is_file():
        return f"the Pagefind binary is missing ({INSTALL_HINT})"
    return found


def patterns(kinds: Registry) -> list[str]:
    """The files of the searched kinds, as globs: each one's path pattern with its fields
    as ``*`` (``models/*/index.html``), so that no pair's page is ever read."""
    fields = {"id": "*", "a": "*", "b": "*", "suite": "*", "prompt": "*", "part": "*"}
    return sorted(urls.file_of(kind.path).format(**fields) for kind in kinds if kind.searched)


def pages(tree: Path, kinds: Registry) -> list[str]:
    """The searched pages of the site at ``tree``, in name order."""
    return sorted(
        path.relative_to(tree).as_posix()
        for pattern in patterns(kinds)
        for path in tree.glob(pattern)
        if path.is_file() and not path.is_symlink()
    )


def make_index(tree: Path, kinds: Registry) -> SearchIndex | str:
    """Pagefind's index of the searched pages of the site at ``tree``, or why it failed.

    The pages are given to Pagefind one by one, in name order: run over a folder, Pagefind
    numbers the pages in the order the file system lists them, so that the same site
    indexed on two file systems (a tmpfs, a disk) gave other bytes.
    """
    found = executable()
    if isinstance(found, str):
        return found
    version = _run([str(found), "--version"])
    if version.returncode != 0:
        return _failed(found, version)
    with tempfile.TemporaryDirectory(prefix="versus-search-") as temporary:
        output = Path(temporary) / "out"
        listed = [(name, (tree / name).read_text("utf-8")) for name in pages(tree, kinds)]
        try:
            # in a thread of its own: the caller may be running an event loop (a test's
            # browser, an embedding program), where asyncio.run refuses to start another
            with ThreadPoolExecutor(1) as thread:
                thread.submit(asyncio.run, _timed(_index(listed, output))).result()
        except TimeoutError:
            return f"Pagefind ({found.name}) failed: no answer after {TIMEOUT} seconds"
        except Exception as error:  # the wrapper's own errors are plain Exceptions
            return f"Pagefind ({found.name}) failed: {str(error) or type(error).__name__}"
        return SearchIndex(version.stdout.strip(), _read(output))


async def _timed(work: Coroutine[Any, Any, None]) -> None:
    await asyncio.wait_for(work, TIMEOUT)


async def _index(listed: list[tuple[str, str]], output: Path) -> None:
    from pagefind.index import PagefindIndex

    # Pagefind writes its files when the index closes, into output_path.
    async with PagefindIndex(config={"output_path": str(output)}) as index:
        for name, html in listed:
            await index.add_html_file(content=html, url="/" + urls.url_of(name))


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
