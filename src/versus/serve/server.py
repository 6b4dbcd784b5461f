"""The HTTP server: answers requests for the published site, with the live additions.

Pages are read from the published folder, never a tree being built; at the
instant of a swap a file may be missing for a moment, so a failed read is
tried once more. HTML responses get the reload script and, after a failed
build, the problems (:mod:`versus.serve.inject`); :data:`EVENTS_PATH` streams
the live state's token. Only requests that name this machine are answered.

The site is served under the path of its ``base_url`` (``/sub/`` for
``https://host.example/sub/``), as its host serves it: the 404 page, served at
any depth, links from that path, and so must the preview. ``/`` redirects there.
"""

from __future__ import annotations

import errno
import http.server
import json
import mimetypes
import stat
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from versus.inputs.problems import printable
from versus.serve.inject import EVENTS_PATH, PREFIX, RELOAD_JS, RELOAD_PATH, inject, placeholder
from versus.serve.live import LiveState
from versus.urls import INDEX_FILE, NOT_FOUND

HOST = "127.0.0.1"
LOCAL_NAMES = frozenset({HOST, "localhost", "[::1]"})
"""The names a request's ``Host`` header may give, with or without the bound port."""
KEEPALIVE_SECONDS = 15.0
SWAP_RETRY_SECONDS = 0.02
STATUS_PATH = PREFIX + "status"


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


def lookup(out: Path, target: str, base: str = "/") -> Found:
    """The file of the published site at ``out`` that the request ``target`` names, the
    site being served under the path ``base`` (``/`` or ``/sub/``, see
    :func:`versus.urls.base_path`).

    A folder answers with its ``index.html`` (a redirect adds the slash its URL
    lacks); a missing file with the site's ``404.html``, and so does a file
    that is not a regular file of the site once links are resolved (a link
    out of the site is never followed), or an address outside ``base``, but
    for the host's root, which redirects to ``base``. A read that fails is
    tried once more after a moment, as it may have met the swap of a build.
    """
    parts = url_parts(target)
    under = url_parts(base) or ()
    if parts == () and under:  # the host's root, above the site: a temporary redirect, as
        return Found(302, location=base)  # the site may move with its base_url
    if parts is not None and parts[: len(under)] == under:
        path = urllib.parse.urlsplit(target).path
        for attempt in range(2):
            try:
                return _read(out, parts[len(under) :], path, base)
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                if attempt == 0:
                    time.sleep(SWAP_RETRY_SECONDS)
            except OSError:
                break  # unreadable, a loop of links, a name too long: not a page
    for attempt in range(2):
        try:
            return Found(404, _inside(out, (NOT_FOUND,)).read_bytes(), content_type(NOT_FOUND))
        except OSError:
            if attempt == 0:
                time.sleep(SWAP_RETRY_SECONDS)
    return Found(404, b"Not found\n")


def _read(out: Path, parts: tuple[str, ...], path: str, base: str) -> Found:
    """The file ``parts`` of the site, asked for as ``path`` (the site served under ``base``)."""
    target = _inside(out, parts)
    if target.is_dir():
        if not path.endswith("/"):
            folder = "".join(urllib.parse.quote(part) + "/" for part in parts)
            return Found(301, location=base + folder)
        target = _inside(out, (*parts, INDEX_FILE))
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
        self.base = "/"
        """The path the site is served under: its ``base_url``'s (:func:`versus.urls.base_path`),
        set by the preview from the project's config."""
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        """The address of the site's home page."""
        return f"http://{HOST}:{self.server_address[1]}{self.base}"

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
        found = lookup(self.server.out, self.path, self.server.base)
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


__all__ = [
    "HOST",
    "STATUS_PATH",
    "Found",
    "LiveServer",
    "content_type",
    "lookup",
    "url_parts",
]
