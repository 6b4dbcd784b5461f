"""``versus serve``: a live preview that rebuilds on every edit and reloads open pages.

This module is the orchestration: it builds the site as ``versus build`` does,
serves the published folder on 127.0.0.1 (:mod:`versus.serve.server`), polls
the project's inputs for changes (:mod:`versus.serve.watch`), and runs the
normal incremental build after each change, which renders only the pages the
change touches and publishes them with one atomic swap. Each build's outcome
goes to the live state (:mod:`versus.serve.live`), which open pages follow.

The files on disk stay exactly what ``versus build`` writes: what makes pages
live is added to the HTML *responses* only (:mod:`versus.serve.inject`). A page
reloads when the site is rebuilt, when an edit breaks the build (the reloaded
page then lists the problems over the last good site) and when it is fixed.

The site is served under the path of its ``base_url``, as its host will serve it
(``http://127.0.0.1:8000/sub/`` for ``https://host.example/sub/``), read from
the config after each build: a built site's 404 page links from that path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from versus import urls
from versus.build import failures
from versus.build.pipeline import BuildReport
from versus.inputs.load import load_config
from versus.inputs.problems import InputError, Problem
from versus.serve.live import LiveState
from versus.serve.server import LiveServer
from versus.serve.watch import POLL_SECONDS, Watcher


@dataclass
class Reporter:
    """What a preview tells its user, as it happens (the CLI prints it)."""

    built: Callable[[BuildReport], None] = lambda _report: None
    failed: Callable[[InputError, bool], None] = lambda _error, _has_site: None
    """The problems, and whether a last good site is being served."""
    changed: Callable[[list[str]], None] = lambda _files: None
    moved: Callable[[str], None] = lambda _url: None
    """The site's new address, after a build with another ``base_url`` path."""


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
        self.watcher = Watcher(root)
        self.thread: threading.Thread | None = None
        self.located = False
        """Whether the path the site is served under has been read from the config."""

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> None:
        """Build once, then serve (the site, or the problems if the build failed)."""
        self.watcher.look()
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
            self._failed(error)
            return
        except OSError as error:  # a full disk, a permission: said as `versus build` says it
            self._failed(InputError([Problem.of_file("versus", failures.describe(error))]))
            return
        except Exception as error:  # keep serving the last good site whatever happens
            self._failed(InputError([Problem.of_file("versus", f"the build failed: {error!r}")]))
            return
        # served at its (maybe new) path before open pages are told to reload
        moved = self.locate()
        self.state.published(bool(report.publish.written or report.publish.removed))
        self.reporter.built(report)
        if moved:
            self.reporter.moved(self.url)

    def _failed(self, error: InputError) -> None:
        if not self.located:  # the first build: serve where the config says, if it can
            self.locate()
        self.state.failed(error.problems)
        self.reporter.failed(error, self.out.is_dir())

    def locate(self) -> bool:
        """Serve the site under its ``base_url``'s path, as the config now gives it;
        whether that moved the site (after the first time). The last good path stays
        while the config cannot be read."""
        config = load_config(self.root)
        if config is None:
            return False
        path = urls.base_path(config.base_url)
        moved = self.located and path != self.server.base
        self.server.base = path
        self.located = True
        return moved

    def poll(self, stop: threading.Event | None = None) -> bool:
        """Rebuild if an input changed since the last look; whether it did."""
        changed = self.watcher.changes(stop)
        if changed is None:
            return False
        self.reporter.changed(changed)
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


__all__ = ["Preview", "Reporter"]
