"""The HTML added to the pages as they are served (never to the files on disk).

A script tag before ``</body>`` (:data:`RELOAD_PATH`), which listens to
:data:`EVENTS_PATH` (Server-Sent Events) for the site's token and reloads the
page when it differs from the one the page was served with; after a failed
build, a banner listing the problems over the last good page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from versus.inputs.problems import Problem, counted
from versus.serve.live import Status

PREFIX = "/__versus__/"
RELOAD_PATH = PREFIX + "reload.js"
EVENTS_PATH = PREFIX + "events"

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
        f"versus: {counted(count, 'problem')}; this page is from the last good build"
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


__all__ = [
    "EVENTS_PATH",
    "PREFIX",
    "RELOAD_JS",
    "RELOAD_PATH",
    "inject",
    "overlay",
    "placeholder",
    "script_tag",
]
