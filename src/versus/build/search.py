"""The site's search index: Pagefind run over the built pages, its files published with them.

Pagefind (PyPI ``pagefind[bin]``: a binary and its Python wrapper) is given what it
reads of the pages of the kinds marked ``searched`` in the registry (the index, each
suite, each model: not the pairs), and writes an index that ``pagefind.js`` searches in the reader's
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

import base64
import contextlib
import fnmatch
import hashlib
import importlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from versus import urls
from versus.build.output import UnsafePathError, check_name
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
    pages: Mapping[str, str] = field(default_factory=dict)
    """Each searched page -> :func:`searched_digest` of it: what the index was made from."""


def executable() -> Path | str:
    """The Pagefind binary, or why there is none: found where Pagefind's Python wrapper
    looks (``PAGEFIND_BINARY_PATH``, ``pagefind[extended]``'s, ``pagefind[bin]``'s, then
    the ``PATH``), without importing the wrapper, whose asyncio and ssl a build never uses."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    found = Path(named) if named is not None else _installed()
    if found is None:
        return f"Pagefind is not installed ({INSTALL_HINT})"
    if not found.is_file():
        return f"the Pagefind binary is missing ({INSTALL_HINT})"
    return found


def _installed() -> Path | None:
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        try:
            return Path(module.get_executable())
        except FileNotFoundError:  # the package without its binary
            return Path(module.__file__ or package).parent / "pagefind"
    external = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return None if external is None else Path(external)


def patterns(kinds: Registry) -> list[str]:
    """The files of the searched kinds, as globs: each one's path pattern with its fields
    as ``*`` (``models/*/index.html``), so that no pair's page is ever read."""
    return sorted(
        urls.fill_fields(urls.file_of(kind.path), lambda _: "*") for kind in kinds if kind.searched
    )


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

    The pages are given to Pagefind one by one, in name order, through its service mode:
    run over a folder, Pagefind numbers the pages in the order the file system lists them,
    so that the same site indexed on two file systems (a tmpfs, a disk) gave other bytes.
    """
    found = executable()
    if isinstance(found, str):
        return found
    asked = _Version(found)  # the binary names its version while it indexes
    if asked.process is None:
        return _failed(found, asked.result())
    try:
        made = _index(found, tree, kinds)
    finally:
        version = asked.result()
    if version.returncode != 0:
        return _failed(found, version)
    if isinstance(made, str):
        return made
    files, read = made
    return SearchIndex(version.stdout.strip(), files, read)


def _index(
    found: Path, tree: Path, kinds: Registry
) -> tuple[dict[str, bytes], dict[str, str]] | str:
    """Pagefind's files for the searched pages at ``tree`` and the digest of what it read of
    each, or why it failed."""
    with tempfile.TemporaryDirectory(prefix="versus-search-") as temporary:
        try:
            read: dict[str, str] = {}
            with _Service(found, Path(temporary)) as service:
                index = service.ask({"type": "NewIndex", "config": None})["index_id"]
                for name in pages(tree, kinds):
                    given = searched_part((tree / name).read_text("utf-8"))
                    read[name] = _digest(given)
                    page = {"type": "AddFile", "index_id": index, "file_path": None}
                    service.ask({**page, "url": "/" + urls.url_of(name), "file_contents": given})
                # its files in its answer, not on disk: written files were found still empty
                # after its answer to WriteFiles, when the machine was busy
                made = service.ask({"type": "GetFiles", "index_id": index})["files"]
            return _kept(made), read
        except _ServiceError as error:
            return f"Pagefind ({found.name}) failed: {error}"


class _ServiceError(Exception):
    """What went wrong talking to ``pagefind --service``, in one line."""


class _Service:
    """``pagefind --service``, asked one thing at a time.

    Its protocol is the one Pagefind's own Python and Node wrappers speak: each message a
    JSON object in base64, ended by a comma, answered in kind. The Python wrapper sleeps
    0.1 s before reading each answer, once per page (bench/README.md, "Search").
    """

    def __init__(self, binary: Path, folder: Path) -> None:
        self.errors = (folder / "stderr").open("w+b")
        try:
            self.process = subprocess.Popen(
                [str(binary), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.errors,
                cwd=folder,
            )
        except OSError as error:
            self.errors.close()
            raise _ServiceError(error.strerror or str(error)) from None
        # a hung binary is killed: its answer then ends, and the build goes on without search
        self.timer = threading.Timer(TIMEOUT, self.process.kill)
        self.timer.start()
        self.sent = 0

    def __enter__(self) -> _Service:
        return self

    def __exit__(self, *exception: object) -> None:
        self.timer.cancel()
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.errors.close()

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode("utf-8")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
            self.process.stdin.flush()
        except OSError:
            raise _ServiceError(self._said("it stopped")) from None
        answer = bytearray()
        while not answer.endswith(b","):
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                raise _ServiceError(self._said("it stopped before answering"))
            answer += chunk
        try:
            said: dict[str, Any] = json.loads(base64.b64decode(bytes(answer[:-1])))["payload"]
        except (ValueError, TypeError, KeyError):
            raise _ServiceError("its answer was not understood") from None
        if said.get("type") == "Error":
            raise _ServiceError(str(said.get("message", "an error")))
        return said

    def _said(self, otherwise: str) -> str:
        """The last line the binary wrote on its error stream, or ``otherwise``."""
        self.errors.seek(0)
        lines = self.errors.read().decode("utf-8", "replace").splitlines()
        last = [line.strip() for line in lines if line.strip()]
        return last[-1] if last else otherwise


_MARKER = "data-pagefind-"
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*\b")
_TITLE = re.compile(r"<title\b[^>]*>.*?</title>", re.DOTALL | re.IGNORECASE)
_LANG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
)


def _element(html: str, start: int, tag: str) -> tuple[str, int]:
    """The element whose start tag is at ``start``, with all inside it, and where it ends:
    found by counting the start and end tags of its name (a void element is its tag)."""
    opened = re.compile(rf"<(/?){re.escape(tag)}\b[^>]*>", re.IGNORECASE)
    depth = 0
    for found in opened.finditer(html, start):
        depth += -1 if found.group(1) else 1
        if depth == 0 or tag.lower() in _VOID:
            return html[start : found.end()], found.end()
    return html[start:], len(html)


def _marked(html: str, position: int) -> tuple[int, str] | None:
    """Where the first start tag from ``position`` on with a ``data-pagefind-*`` attribute
    begins, and its name. The attribute's name is looked for as text, then its tag around
    it: one regular expression trying every tag cost far more (bench/README.md, "Search")."""
    at = html.find(_MARKER, position)
    while at != -1:
        start = html.rfind("<", position, at)
        # in a start tag (no ">" since its "<"), as an attribute (after a space)
        if start != -1 and html[at - 1].isspace() and html.find(">", start, at) == -1:
            name = _TAG_NAME.match(html, start + 1)
            if name is not None:
                return start, name.group(0)
        at = html.find(_MARKER, at + 1)
    return None


def searched_part(html: str) -> str:
    """What Pagefind is given of ``html``: the ``<html>`` tag (its language), the
    ``<title>`` and every element that carries a ``data-pagefind-*`` attribute, with all
    inside it, each in a ``<div>`` of its own, in the page's order; a page that marks no
    ``data-pagefind-body`` is given whole, as Pagefind then indexes its whole body.

    Pagefind reads nothing else of a page that marks its body, and parsing a model page
    whole cost it more than all else a search index takes (bench/README.md, "Search").
    Text search, not a parser: the pages are versus's own templates' well-formed output."""
    if "data-pagefind-body" not in html:
        return html
    head = [match.group(0) for pattern in (_LANG, _TITLE) if (match := pattern.search(html))]
    parts = []
    position = 0
    while (found := _marked(html, position)) is not None:
        element, position = _element(html, *found)
        parts.append(f"<div>{element}</div>")
    # the wrapping <div>s keep each element's own anchors as Pagefind finds them in the page
    return "<!DOCTYPE html>\n" + "".join(head) + "\n<body>\n" + "\n".join(parts) + "\n</body>\n"


def searched_digest(html: str) -> str:
    """A digest of what Pagefind is given of ``html`` (:func:`searched_part`): a page whose
    digest is the same gives Pagefind the same input, so the index need not be made again
    (a description edit changes the model's page, but not its searched parts)."""
    return _digest(searched_part(html))


def _digest(part: str) -> str:
    return hashlib.sha256(part.encode("utf-8")).hexdigest()


def digests(files: Mapping[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}


class _Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


class _Version:
    """``pagefind --version``, started now, its answer read by :meth:`result`."""

    def __init__(self, binary: Path) -> None:
        self.error = ""
        self.process: subprocess.Popen[str] | None = None
        try:
            self.process = subprocess.Popen(
                [str(binary), "--version"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
            )
        except OSError as error:
            self.error = error.strerror or str(error)

    def result(self) -> _Result:
        if self.process is None:
            return _Result(-1, "", self.error)
        try:
            stdout, stderr = self.process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return _Result(-1, "", f"no answer after {TIMEOUT} seconds")
        return _Result(self.process.returncode, stdout, stderr)


def _failed(binary: Path, result: _Result) -> str:
    said = [line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    why = said[-1] if said else f"exit status {result.returncode}"
    return f"Pagefind ({binary.name}) failed: {why}"


def _kept(made: Any) -> dict[str, bytes]:
    """The files of Pagefind's answer that :data:`KEEP` names, by published path."""
    files: dict[str, bytes] = {}
    try:
        for file in made:
            name = str(file["path"])
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in KEEP):
                published = urls.SEARCH + name
                check_name(published)
                files[published] = base64.b64decode(file["content"], validate=True)
    except (TypeError, KeyError, ValueError, UnsafePathError):
        raise _ServiceError("its files were not understood") from None
    return dict(sorted(files.items()))
