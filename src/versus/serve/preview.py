"""``versus serve``: a live preview that rebuilds on every edit and reloads open pages.

It builds the site as ``versus build`` does, serves the published folder on
127.0.0.1, polls the project's inputs (``models/``, ``evals/``, ``templates/``
and ``versus.yaml``) for changed modification times, sizes or inodes, and runs
the normal incremental build after each change, which renders only the pages
the change touches and publishes them with one atomic swap.

The files on disk stay exactly what ``versus build`` writes. What makes pages
live is added to the HTML *responses* only: a script tag before ``</body>``
(:data:`RELOAD_PATH`), which listens to :data:`EVENTS_PATH` (Server-Sent
Events) for the site's *token* and reloads the page when it differs from the
one the page was served with. The token names the build generation and, after
a failed build, the problems; so a page reloads when the site is rebuilt, when
an edit breaks the build (the reloaded page then lists the problems over the
last good site) and when it is fixed. Every response reads the published
folder, never a tree being built; at the instant of a swap a file may be
missing for a moment, so a failed read is tried once more.

The pure parts (:func:`snapshot`, :func:`changed_files`, :func:`inject`,
:func:`overlay`, :func:`url_parts`, :func:`lookup`, :class:`LiveState`) are
tested without a server.
"""

from __future__ import annotations

import errno
import hashlib
import html
import http.server
import json
import mimetypes
import os
import stat
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from versus.build import failures
from versus.build.pipeline import BuildReport
from versus.inputs.inputfiles import INPUT_PARTS
from versus.inputs.problems import InputError, Problem, printable

HOST = "127.0.0.1"
LOCAL_NAMES = frozenset({HOST, "localhost", "[::1]"})
"""The names a request's ``Host`` header may give, with or without the bound port."""
WATCHED = INPUT_PARTS
"""What a build reads, relative to the project (versus's own code aside)."""
POLL_SECONDS = 0.2
SETTLE_SECONDS = 0.05
"""After a change is seen, how long the inputs must stay still before the build starts:
an editor that writes a file in several steps triggers one build, not two."""
SETTLE_LIMIT = 1.0
KEEPALIVE_SECONDS = 15.0
SWAP_RETRY_SECONDS = 0.02

PREFIX = "/__versus__/"
RELOAD_PATH = PREFIX + "reload.js"
EVENTS_PATH = PREFIX + "events"
STATUS_PATH = PREFIX + "status"

RELOAD_JS = """\
// Added by `versus serve` to the pages it serves (never to the files on disk):
// reloads the page when the site is rebuilt, or when the problems of a build change.
(function () {
  "use strict";
  var script = document.currentScript;
  var token = script ? script.getAttribute("data-token") : null;
  if (token === null || !window.EventSource) return;
  var events = new EventSource("/__versus__/events");
  events.onmessage = function (event) {
    if (event.data !== token) {
      events.close();
      window.location.reload();
    }
  };
  window.addEventListener("pagehide", function () { events.close(); });
})();
"""

_OVERLAY_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;"
    "overflow:auto;margin:0;padding:.75rem 1rem;background:#fff1f0;color:#5f0b00;"
    "border-top:4px solid #c62828;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,"
    "Consolas,monospace;text-align:left;box-shadow:0 -2px 12px rgba(0,0,0,.25)"
)

Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Modification time, size and inode of every input file, by path relative to ``root``.

    Hidden files and folders are left out, as the loader leaves them out (an
    editor's swap file is no input).
    """
    found: Snapshot = {}
    for part in WATCHED:
        path = root / part
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found[part] = (info.st_mtime_ns, info.st_size, info.st_ino)
        elif stat.S_ISDIR(info.st_mode):
            _walk(path, part, found)
    return found


def _walk(folder: Path | str, relative: str, found: Snapshot) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # removed while we looked: the next poll sees it gone
    for entry in entries:
        if entry.name.startswith("."):
            continue
        name = f"{relative}/{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, name, found)
            elif entry.is_file():
                info = entry.stat()
                found[name] = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            continue


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or changed between two snapshots, sorted."""
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


@dataclass(frozen=True)
class Status:
    """What the served pages reflect: the build generation and the last build's problems."""

    generation: int
    problems: tuple[Problem, ...] = ()

    @property
    def token(self) -> str:
        """Changes whenever a page should reload: a new build, new problems, or none left."""
        if not self.problems:
            return str(self.generation)
        text = "\n".join(problem.format() for problem in self.problems)
        return f"{self.generation}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"

    def as_dict(self) -> dict[str, object]:
        return {
            "generation": self.generation,
            "token": self.token,
            "problems": [problem.as_dict() for problem in self.problems],
        }


class LiveState:
    """The current :class:`Status`, shared by the builder and the request threads."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._status = Status(0)
        self._closed = False

    @property
    def status(self) -> Status:
        with self._changed:
            return self._status

    def published(self, new_pages: bool) -> None:
        """A build succeeded; ``new_pages`` when it changed the published site."""
        with self._changed:
            generation = self._status.generation + (1 if new_pages else 0)
            self._status = Status(generation)
            self._changed.notify_all()

    def failed(self, problems: Sequence[Problem]) -> None:
        """A build failed: the last good site stays published, with these problems."""
        with self._changed:
            self._status = Status(self._status.generation, tuple(problems))
            self._changed.notify_all()

    def close(self) -> None:
        """Release every waiting request: the server is stopping."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait(self, token: str | None, timeout: float) -> Status | None:
        """The status as soon as its token is not ``token`` (or after ``timeout`` seconds).

        ``None`` once the state is closed.
        """
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed or self._status.token != token, timeout=timeout
            )
            return None if self._closed else self._status


def overlay(problems: Sequence[Problem]) -> str:
    """A banner fixed over the page listing every problem, each as file:line:column: field:
    message, escaped."""
    if not problems:
        return ""
    count = len(problems)
    items = "".join(
        f'<li style="margin:.15rem 0">{html.escape(problem.format())}</li>' for problem in problems
    )
    return (
        f'<div id="versus-problems" role="alert" style="{_OVERLAY_STYLE}">'
        '<p style="margin:0 0 .4rem;font-weight:bold">'
        f"versus: {count} problem{'s' * (count != 1)}; this page is from the last good build"
        "</p>"
        f'<ul style="margin:0;padding-left:1.25rem">{items}</ul>'
        "</div>"
    )


def script_tag(token: str) -> str:
    return f'<script src="{RELOAD_PATH}" data-token="{html.escape(token)}"></script>'


def inject(page: bytes, status: Status) -> bytes:
    """``page`` with the problems banner (if any) and the reload script before ``</body>``."""
    addition = (overlay(status.problems) + script_tag(status.token)).encode()
    end = page.lower().rfind(b"</body>")
    if end < 0:
        return page + addition
    return page[:end] + addition + page[end:]


def placeholder(status: Status) -> bytes:
    """The page served while there is no site yet (the first build failed)."""
    page = (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        "<title>versus serve: no site yet</title></head>\n"
        "<body><h1>No site yet</h1>"
        "<p>The build failed before any site was published. Fix the problems listed below "
        "(they are printed in the terminal too), and this page reloads.</p>\n"
        "</body></html>\n"
    )
    return inject(page.encode(), status)


def url_parts(target: str) -> tuple[str, ...] | None:
    """The path segments a request target names, or ``None`` when it would leave the site."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(target).path)
    parts = tuple(part for part in path.split("/") if part)
    if any(part in {".", ".."} or "\\" in part or "\x00" in part for part in parts):
        return None
    return parts


@dataclass(frozen=True)
class Found:
    """What to answer a request for a file of the site."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    location: str = ""


def content_type(name: str) -> str:
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    text = guessed.startswith("text/") or guessed in {
        "application/javascript",
        "application/json",
        "application/xml",
        "image/svg+xml",
    }
    return f"{guessed}; charset=utf-8" if text else guessed


def lookup(out: Path, target: str) -> Found:
    """The file of the published site at ``out`` that the request ``target`` names.

    A folder answers with its ``index.html`` (a redirect adds the slash its URL
    lacks); a missing file with the site's ``404.html``, and so does a file
    that is not a regular file of the site once links are resolved (a link
    out of the site is never followed). A read that fails is tried once more
    after a moment, as it may have met the swap of a build.
    """
    parts = url_parts(target)
    if parts is not None:
        path = urllib.parse.urlsplit(target).path
        for attempt in range(2):
            try:
                return _read(out, parts, path)
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                if attempt == 0:
                    time.sleep(SWAP_RETRY_SECONDS)
            except OSError:
                break  # unreadable, a loop of links, a name too long: not a page
    for attempt in range(2):
        try:
            return Found(404, _inside(out, ("404.html",)).read_bytes(), content_type("404.html"))
        except OSError:
            if attempt == 0:
                time.sleep(SWAP_RETRY_SECONDS)
    return Found(404, b"Not found\n")


def _read(out: Path, parts: tuple[str, ...], path: str) -> Found:
    target = _inside(out, parts)
    if target.is_dir():
        if parts and not path.endswith("/"):
            return Found(301, location="/" + "/".join(map(urllib.parse.quote, parts)) + "/")
        target = _inside(out, (*parts, "index.html"))
    return Found(200, target.read_bytes(), content_type(target.name))


def _inside(out: Path, parts: tuple[str, ...]) -> Path:
    """The real path of ``out/parts``, links resolved; :class:`FileNotFoundError` unless it
    is a folder or a regular file inside the site (itself maybe reached through a link).

    Read by that real path: a link changed after this check can no longer lead out.
    """
    site = out.resolve(strict=True)
    found = site.joinpath(*parts).resolve(strict=True)
    if found != site and not found.is_relative_to(site):
        raise FileNotFoundError(errno.ENOENT, "outside the site", str(out.joinpath(*parts)))
    mode = found.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise FileNotFoundError(errno.ENOENT, "not a regular file", str(found))
    return found


class LiveServer(http.server.ThreadingHTTPServer):
    """Serves the published site at ``out`` with the live-reload additions.

    Only to requests that name this machine: a ``Host`` header other than a
    localhost name or the bound address (with or without the port) gets 400, so
    that a page of another site cannot read the preview by pointing its own name
    at 127.0.0.1 (DNS rebinding).
    """

    daemon_threads = True
    block_on_close = False  # Ctrl-C never waits for a browser that keeps a connection open
    request_queue_size = 128  # a browser opens many connections at once; 5 stalled it

    def __init__(
        self,
        out: Path,
        state: LiveState,
        port: int = 8000,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.out = out
        self.state = state
        self.log = log
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def allows(self, host: str | None) -> bool:
        """Whether a request with this ``Host`` header (``None``: without one) is answered."""
        if host is None:
            return True  # HTTP/1.0: no name a rebinding page could have chosen
        name, port = host.strip().lower(), ""
        if name.startswith("["):  # an IPv6 address, maybe with a port after the bracket
            end = name.find("]") + 1
            name, rest = name[:end], name[end:]
            if end == 0 or (rest and not rest.startswith(":")):
                return False
            port = rest[1:]
        else:
            name, _, port = name.partition(":")
        if port and port != str(self.server_address[1]):
            return False
        return name in LOCAL_NAMES

    def handle_error(self, request: object, client_address: object) -> None:
        """A request that failed: one line under ``-v``, nothing for a client that left."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):  # a cancelled request, a closed tab
            if self.log is not None:
                self.log(f"versus: {_address(client_address)} left before the answer was sent")
            return
        line = f"versus: a request from {_address(client_address)} failed: {error!r}"
        if self.log is not None:
            self.log(line)
        else:
            sys.stderr.write(line + "\n")


def _address(client_address: object) -> str:
    if isinstance(client_address, tuple) and client_address:
        return str(client_address[0])
    return "a client"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: LiveServer
    server_version = "versus-serve"

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            # the request line is the client's bytes: no terminal escape reaches the screen
            self.server.log(f"versus: {self.address_string()} {printable(format % args)}")

    def _respond(self, with_body: bool) -> None:
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or not self.server.allows(hosts[0] if hosts else None):
            self.close_connection = True
            body = f"versus serve answers only requests for {self.server.url}\n".encode()
            self._send(Found(400, body), with_body)
            return
        path = urllib.parse.urlsplit(self.path).path
        if path == EVENTS_PATH and with_body:
            self._events()
            return
        if path == RELOAD_PATH:
            self._send(Found(200, RELOAD_JS.encode(), "text/javascript; charset=utf-8"), with_body)
            return
        # Read the status before the file: a build published in between makes the page
        # reload once more, never miss a reload.
        status = self.server.state.status
        if path == STATUS_PATH:
            data = json.dumps(status.as_dict(), indent=2).encode()
            self._send(Found(200, data, "application/json; charset=utf-8"), with_body)
            return
        if not self.server.out.is_dir():
            found = Found(503, placeholder(status), "text/html; charset=utf-8")
            self._send(found, with_body)
            return
        found = lookup(self.server.out, self.path)
        if found.content_type.startswith("text/html"):
            found = Found(found.status, inject(found.body, status), found.content_type)
        self._send(found, with_body)

    def _send(self, found: Found, with_body: bool) -> None:
        self.send_response(found.status)
        if found.location:
            self.send_header("Location", found.location)
        self.send_header("Content-Type", found.content_type)
        self.send_header("Content-Length", str(len(found.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(found.body)

    def _events(self) -> None:
        """Server-Sent Events: the token now, then each new one, until the client leaves."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        token: str | None = None
        try:
            self.wfile.write(b"retry: 500\n\n")
            while True:
                status = self.server.state.wait(token, KEEPALIVE_SECONDS)
                if status is None:
                    return
                if status.token == token:
                    self.wfile.write(b": keep-alive\n\n")  # finds clients that left
                else:
                    token = status.token
                    self.wfile.write(f"data: {token}\n\n".encode())
                self.wfile.flush()
        except OSError:
            return  # the page was closed or reloaded


@dataclass
class Reporter:
    """What a preview tells its user, as it happens (the CLI prints it)."""

    built: Callable[[BuildReport], None] = lambda _report: None
    failed: Callable[[InputError, bool], None] = lambda _error, _has_site: None
    """The problems, and whether a last good site is being served."""
    changed: Callable[[list[str]], None] = lambda _files: None


class Preview:
    """One ``versus serve`` session: the server, the builder and the watch loop.

    ``build`` is the normal incremental build of the project into ``out``.
    Make it, call :meth:`start`, then :meth:`watch` until interrupted, then
    :meth:`close`.
    """

    def __init__(
        self,
        root: Path,
        out: Path,
        build: Callable[[], BuildReport],
        port: int = 8000,
        reporter: Reporter | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.root = root
        self.out = out
        self.build = build
        self.reporter = reporter or Reporter()
        self.state = LiveState()
        self.server = LiveServer(out, self.state, port, log)  # binds now: a busy port fails early
        self.seen: Snapshot = {}
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> None:
        """Build once, then serve (the site, or the problems if the build failed)."""
        self.seen = snapshot(self.root)
        self.rebuild()
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self.thread.start()

    def rebuild(self) -> None:
        """Run the build; publish its result or its problems to the open pages."""
        try:
            report = self.build()
        except InputError as error:
            self.state.failed(error.problems)
            self.reporter.failed(error, self.out.is_dir())
            return
        except OSError as error:  # a full disk, a permission: said as `versus build` says it
            problem = Problem.of_file("versus", failures.describe(error))
            self.state.failed([problem])
            self.reporter.failed(InputError([problem]), self.out.is_dir())
            return
        except Exception as error:  # keep serving the last good site whatever happens
            problem = Problem.of_file("versus", f"the build failed: {error!r}")
            self.state.failed([problem])
            self.reporter.failed(InputError([problem]), self.out.is_dir())
            return
        self.state.published(bool(report.publish.written or report.publish.removed))
        self.reporter.built(report)

    def poll(self, stop: threading.Event | None = None) -> bool:
        """Rebuild if an input changed since the last look; whether it did."""
        current = snapshot(self.root)
        if current == self.seen:
            return False
        waited = 0.0
        while waited < SETTLE_LIMIT:  # let a write in several steps finish
            if stop is not None and stop.wait(SETTLE_SECONDS):
                return False
            if stop is None:
                time.sleep(SETTLE_SECONDS)
            waited += SETTLE_SECONDS
            later = snapshot(self.root)
            if later == current:
                break
            current = later
        self.reporter.changed(changed_files(self.seen, current))
        self.seen = current
        self.rebuild()
        return True

    def watch(self, stop: threading.Event, interval: float = POLL_SECONDS) -> None:
        """Poll the inputs every ``interval`` seconds and rebuild on change, until ``stop``."""
        while not stop.wait(interval):
            self.poll(stop)

    def close(self) -> None:
        """Stop serving: end the event streams, the server thread and the socket."""
        self.state.close()
        if self.thread is not None:
            self.server.shutdown()
            self.thread.join()
        self.server.server_close()


__all__ = [
    "EVENTS_PATH",
    "RELOAD_PATH",
    "STATUS_PATH",
    "LiveServer",
    "LiveState",
    "Preview",
    "Reporter",
    "Status",
    "changed_files",
    "inject",
    "lookup",
    "overlay",
    "snapshot",
    "url_parts",
]
