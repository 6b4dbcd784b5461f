"""``versus serve``: the live-reload additions, the watcher, and a real server on a copy."""

from __future__ import annotations

import errno
import http.client
import os
import re
import shutil
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from servetools import PATIENCE, Served
from support import override, tree
from versus.build.output import swap_in
from versus.build.pipeline import BuildReport, build
from versus.cli import main
from versus.inputs.problems import Problem
from versus.serve.inject import RELOAD_PATH, inject, overlay
from versus.serve.live import LiveState, Status
from versus.serve.preview import Preview, Reporter
from versus.serve.server import STATUS_PATH, Found, LiveServer, lookup, url_parts
from versus.serve.watch import changed_files, snapshot

PAIR = "compare/florence-2-vs-gemma-4-12b/"
SCRIPT = f'<script src="{RELOAD_PATH}"'


# --- the pure parts -----------------------------------------------------------


def test_inject_puts_the_script_before_the_end_of_body() -> None:
    page = b"<html><body><p>hi</p></body></html>"
    served = inject(page, Status(3))
    assert served == (
        b'<html><body><p>hi</p><script src="/__versus__/reload.js" data-token="3"></script>'
        b"</body></html>"
    )
    assert inject(b"<p>no body end", Status(3)).endswith(b"</script>")


def test_overlay_lists_each_problem_escaped() -> None:
    problems = (
        Problem("models/a.yaml", 4, 1, ("organisaton",), "unknown field 'organisaton'"),
        Problem("models/b.yaml", 2, 7, ("name",), "got '<script>alert(1)</script>'"),
    )
    served = inject(b"<body></body>", Status(2, problems)).decode()
    assert 'id="versus-problems"' in served
    assert "versus: 2 problems" in served
    assert "models/a.yaml:4:1: organisaton: unknown field &#x27;organisaton&#x27;" in served
    assert "<script>alert" not in served
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in served
    assert overlay(()) == ""


def test_the_token_changes_with_builds_and_problems() -> None:
    problem = Problem("models/a.yaml", 1, 1, (), "bad")
    tokens = {
        Status(1).token,
        Status(2).token,
        Status(2, (problem,)).token,
        Status(2, (Problem("models/a.yaml", 1, 1, (), "worse"),)).token,
    }
    assert len(tokens) == 4


def test_state_wakes_waiters_on_change_and_on_close() -> None:
    state = LiveState()
    first = state.status
    assert state.wait(None, 5) == first  # a new listener gets the status at once
    assert state.wait(first.token, 0.01) == first  # nothing new: back after the timeout
    woken: list[Status | None] = []
    waiter = threading.Thread(target=lambda: woken.append(state.wait(first.token, 10)))
    waiter.start()
    state.published(new_pages=True)
    waiter.join()  # its wait returns at the change, or after its own timeout
    assert woken
    assert woken[0] is not None
    assert woken[0].generation == first.generation + 1
    state.failed([Problem("x.yaml", 1, 1, (), "bad")])
    assert state.status.problems
    assert state.status.generation == first.generation + 1
    state.published(new_pages=False)  # fixed back to the site already published
    assert state.status == Status(first.generation + 1)
    state.close()
    assert state.wait(state.status.token, 10) is None


def test_snapshot_sees_edits_new_and_removed_files_but_not_hidden_ones(project: Path) -> None:
    before = snapshot(project)
    assert "versus.yaml" in before
    assert "models/paligemma.yaml" in before
    assert "versus/theme/base.html" in before  # the theme, edited in a working copy of versus
    assert "evals/vision-evals/suite.yaml" in before
    (project / "models" / ".paligemma.yaml.swp").write_text("x")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("not an input")
    assert snapshot(project) == before
    card = project / "models" / "paligemma.yaml"
    card.write_text(card.read_text() + "\n")
    (project / "models" / "new.yaml").write_text("name: x\n")
    (project / "models" / "sam-clip.yaml").unlink()
    override(project, "partials/cell.html")
    after = snapshot(project)
    assert changed_files(before, after) == [
        "models/new.yaml",
        "models/paligemma.yaml",
        "models/sam-clip.yaml",
        "templates/partials/cell.html",
    ]


@pytest.mark.parametrize(
    ("target", "parts"),
    [
        ("/", ()),
        ("/compare/a-vs-b/", ("compare", "a-vs-b")),
        ("/models/x/index.html?from=here#top", ("models", "x", "index.html")),
        ("/a%20b/", ("a b",)),
        ("/../etc/passwd", None),
        ("/%2e%2e/%2e%2e/etc/passwd", None),
        ("/a/..%2f..%2fb", None),
        ("/a%5c..%5cb", None),
    ],
)
def test_url_parts_stay_inside_the_site(target: str, parts: tuple[str, ...] | None) -> None:
    assert url_parts(target) == parts


def test_lookup_finds_pages_folders_and_the_404_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "models" / "x").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "404.html").write_text("not here")
    (site / "models" / "x" / "index.html").write_text("model x")
    (site / "sitemap.xml").write_text("<urlset/>")
    assert lookup(site, "/").body == b"home"
    found = lookup(site, "/models/x/")
    assert (found.status, found.body, found.content_type) == (
        200,
        b"model x",
        "text/html; charset=utf-8",
    )
    assert lookup(site, "/models/x") == Found(301, location="/models/x/")
    assert lookup(site, "/sitemap.xml").content_type.endswith("xml; charset=utf-8")
    missing = lookup(site, "/models/y/")
    assert (missing.status, missing.body) == (404, b"not here")
    assert lookup(site, "/../secret").status == 404


def test_lookup_under_a_base_path(tmp_path: Path) -> None:
    """A site published at ``https://host.example/sub/`` is served under ``/sub/``: the root
    redirects there, any other address outside it is missing."""
    site = tmp_path / "site"
    (site / "models" / "x").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "404.html").write_text("not here")
    (site / "models" / "x" / "index.html").write_text("model x")
    base = "/sub/"
    assert lookup(site, "/", base) == Found(302, location="/sub/")
    assert lookup(site, "/?q=1", base) == Found(302, location="/sub/")
    assert lookup(site, "/sub", base) == Found(301, location="/sub/")
    assert lookup(site, "/sub/", base).body == b"home"
    assert lookup(site, "/sub/index.html", base).body == b"home"
    assert lookup(site, "/sub/models/x/", base).body == b"model x"
    assert lookup(site, "/sub/models/x", base) == Found(301, location="/sub/models/x/")
    for outside in ("/models/x/", "/index.html", "/subway/", "/sub-x/models/x/", "/x/sub/"):
        missing = lookup(site, outside, base)
        assert (missing.status, missing.body) == (404, b"not here"), outside
    assert lookup(site, "/sub/models/y/", base).status == 404
    assert lookup(site, "/sub/../secret", base).status == 404
    # a path written with escapes is the same path
    deep = "/b%C3%BCcher/a/"
    assert lookup(site, "/b%C3%BCcher/a/models/x/", deep).body == b"model x"
    assert lookup(site, "/bücher/a/models/x/", deep).body == b"model x"
    assert lookup(site, "/b%C3%BCcher/a", deep) == Found(301, location=deep)
    assert lookup(site, "/", deep) == Found(302, location=deep)


def test_lookup_serves_no_link_out_of_the_site_and_no_special_file(tmp_path: Path) -> None:
    site = tmp_path / "published"
    (site / "models").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "404.html").write_text("not here")
    (tmp_path / "secret.txt").write_text("secret")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / "models" / "up").symlink_to(tmp_path)
    (site / "alias.html").symlink_to("index.html")
    os.mkfifo(site / "fifo")
    for target in ("/leak.txt", "/models/up/secret.txt", "/models/up/", "/fifo"):
        assert (lookup(site, target).status, lookup(site, target).body) == (
            404,
            b"not here",
        ), target
    assert lookup(site, "/alias.html").body == b"home"  # a link inside the site
    # the site itself reached through a link (an output folder that is a link) works
    (tmp_path / "site").symlink_to(site)
    assert lookup(tmp_path / "site", "/").body == b"home"


@pytest.mark.parametrize(
    ("host", "answered"),
    [
        (None, True),
        ("127.0.0.1", True),
        ("127.0.0.1:{port}", True),
        ("localhost", True),
        ("LOCALHOST:{port}", True),
        ("[::1]", True),
        ("[::1]:{port}", True),
        ("127.0.0.1:{other}", False),
        ("localhost:{other}", False),
        ("evil.example", False),
        ("evil.example:{port}", False),
        ("localhost.evil.example", False),
        ("[::1", False),
        ("[::1]junk", False),
        ("[::2]:{port}", False),
        ("", False),
    ],
)
def test_only_local_host_names_are_answered(host: str | None, answered: bool) -> None:
    server = LiveServer(Path("unused"), LiveState(), 0)
    try:
        port = server.server_address[1]
        other = port + 1 if port < 65535 else port - 1
        named = None if host is None else host.format(port=port, other=other)
        assert server.allows(named) is answered
    finally:
        server.server_close()


def test_a_build_that_meets_a_full_disk_is_one_problem_line(tmp_path: Path) -> None:
    """The preview keeps serving; the problem is said as ``versus build`` says it."""

    def full() -> BuildReport:
        raise OSError(errno.ENOSPC, "No space left on device", "/x/site/index.html")

    said: list[str] = []
    reporter = Reporter(
        failed=lambda error, _has_site: said.extend(p.format() for p in error.problems)
    )
    preview = Preview(tmp_path, tmp_path / "site", full, 0, reporter)
    try:
        preview.rebuild()
    finally:
        preview.close()
    assert said == [
        "versus: cannot write /x/site/index.html: No space left on device (the disk is full)"
    ]
    assert [p.format() for p in preview.state.status.problems] == said


def test_lookup_never_fails_while_builds_swap_the_site(tmp_path: Path) -> None:
    """Each read sees the old tree or the new one: a swap never makes a page go missing."""
    site, other = tmp_path / "site", tmp_path / ".site.new"
    for folder, text in ((site, "old"), (other, "new")):
        (folder / "compare" / "a-vs-b").mkdir(parents=True)
        (folder / "compare" / "a-vs-b" / "index.html").write_text(text)
    done = threading.Event()

    def swap() -> None:
        while not done.is_set():
            swap_in(other, site)

    swapper = threading.Thread(target=swap)
    swapper.start()
    try:
        answers = {lookup(site, "/compare/a-vs-b/") for _ in range(2000)}
    finally:
        done.set()
        swapper.join()
    assert {(found.status, found.body) for found in answers} <= {(200, b"old"), (200, b"new")}


# --- a real server on a copy of the project -----------------------------------


@pytest.fixture
def served(project: Path) -> Iterator[Served]:
    running = Served(["-p", str(project)])
    yield running
    running.stop()


def test_serve_serves_the_site_with_the_script_only_in_responses(
    project: Path, served: Served, tmp_path: Path
) -> None:
    status, home = served.get("/")
    assert status == 200
    assert SCRIPT in home
    status, pair = served.get(PAIR)
    assert status == 200
    assert "Florence-2 vs Gemma 4 12B" in pair
    assert pair.count(SCRIPT) == 1
    assert pair.index(SCRIPT) < pair.index("</body>")
    status, script = served.get(RELOAD_PATH)
    assert status == 200
    assert "EventSource" in script
    status, css = served.get("assets/style.css")
    assert status == 200
    assert SCRIPT not in css
    assert served.get("no/such/page/")[0] == 404
    # On disk, the site is what `versus build` writes, byte for byte.
    build(project, tmp_path / "built")
    assert tree(project / "site") == tree(tmp_path / "built")
    assert not any(b"__versus__" in data for data in tree(project / "site").values())
    assert "serving" in served.output()


def test_an_edit_is_reflected_in_the_served_page(project: Path, served: Served) -> None:
    card = project / "models" / "florence-2.yaml"
    card.write_text(card.read_text().replace("name: Florence-2", "name: Florence-2 Live", 1))
    page, _ = served.wait_for(PAIR, lambda text: "Florence-2 Live vs Gemma 4 12B" in text)
    assert SCRIPT in page
    assert "Florence-2 Live" in (project / "site" / PAIR / "index.html").read_text()
    served.wait_for_output(lambda text: "changed: models/florence-2.yaml" in text)


def test_a_typo_shows_in_pages_and_terminal_until_fixed(project: Path, served: Served) -> None:
    card = project / "models" / "paligemma.yaml"
    good = card.read_text()
    before = tree(project / "site")
    lines = good.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("organization:"))
    card.write_text(good.replace("organization:", "organisaton:", 1))
    expected = f"models/paligemma.yaml:{number + 1}:1: organisaton: unknown field"
    page, _ = served.wait_for(PAIR, lambda text: "versus-problems" in text)
    assert expected in page
    assert "Florence-2 vs Gemma 4 12B" in page  # the last good site, under the banner
    # The problem line, then the outcome line: wait for both, not for the line after one.
    served.wait_for_output(lambda text: expected in text and "serving the last good site" in text)
    assert expected in served.errors()
    assert "serving the last good site" in served.errors()
    assert tree(project / "site") == before
    status, _ = served.get(STATUS_PATH)
    assert status == 200
    card.write_text(good)
    served.wait_for(PAIR, lambda text: "versus-problems" not in text)
    assert "versus-problems" not in served.get("/")[1]


def test_ctrl_c_stops_cleanly(served: Served) -> None:
    assert served.stop() == 0
    assert served.output().rstrip().endswith("versus: stopped")
    assert "Traceback" not in served.errors()


def test_a_first_build_that_fails_serves_the_problems_until_fixed(project: Path) -> None:
    card = project / "models" / "sam-clip.yaml"
    good = card.read_text()
    card.write_text(good.replace("name:", "nmae:", 1))
    running = Served(["-p", str(project), "-o", str(project / "preview")])
    try:
        status, page = running.get("/")
        assert status == 503
        assert "models/sam-clip.yaml:" in page
        # said on stderr, the address on stdout: neither is known to come first
        running.wait_for_output(lambda text: "no site to serve yet" in text)
        assert "no site to serve yet" in running.errors()
        card.write_text(good)
        os.utime(card, ns=(1, 1))  # the same size: a new mtime whatever the clock's resolution
        # the problems page quotes the card's line (nmae: SAM-CLIP): wait for the site itself
        page, _ = running.wait_for(
            "/", lambda text: "SAM-CLIP" in text and "versus-problems" not in text
        )
        assert "<h1>Models, leaderboards and comparisons" in page
        assert (project / "preview" / "index.html").is_file()
        assert not (project / "site").exists()
    finally:
        assert running.stop() == 0


def test_quiet_serve_prints_the_address_and_problems_only(project: Path) -> None:
    running = Served(["-p", str(project), "-q"])
    try:
        assert running.output().splitlines()[0].startswith("versus: serving ")
        card = project / "models" / "paligemma.yaml"
        card.write_text(card.read_text().replace("organization:", "organisaton:", 1))
        running.wait_for_output(lambda text: "organisaton" in text)
    finally:
        assert running.stop() == 0
    assert "built" not in running.output()
    assert "changed" not in running.output()


def test_verbose_serve_logs_builds_and_requests(project: Path) -> None:
    running = Served(["-p", str(project), "-v"])
    try:
        assert "versus: wrote index.html" in running.output()
        running.get("/models/paligemma/")
        running.wait_for_output(lambda text: '"GET /models/paligemma/ HTTP/1.1" 200' in text)
    finally:
        assert running.stop() == 0


def published_at(project: Path, base_url: str) -> None:
    config = project / "versus.yaml"
    text = config.read_text("utf-8")
    config.write_text(re.sub(r"(?m)^base_url: .*$", f"base_url: {base_url}", text), "utf-8")


def answer(url: str) -> tuple[int, str, str]:
    """The status, ``Location`` and text of a GET of ``url``, a redirect not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=PATIENCE)
    try:
        connection.request("GET", parts.path or "/")
        response = connection.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode()
    finally:
        connection.close()


def test_serve_serves_a_site_under_its_base_path_and_its_404_page_works(project: Path) -> None:
    """With ``base_url: https://host.example/sub`` (no last slash, as some write it) the
    preview is at ``/sub/``, as the host serves it: the 404 page, which links from there,
    has its style sheet, its scripts, the pair pattern and the home link all served."""
    published_at(project, "https://host.example/sub")
    running = Served(["-p", str(project)])
    try:
        assert f"at {running.url}sub/ (Ctrl-C to stop)" in running.output()
        assert answer(running.url) == (302, "/sub/", "")
        assert answer(running.url + "sub")[:2] == (301, "/sub/")
        status, home = running.get("/sub/")
        assert status == 200
        assert SCRIPT in home
        assert running.get("/sub/" + PAIR)[0] == 200
        assert running.get("/assets/style.css")[0] == 404  # outside the site's path
        status, page = running.get("/sub/compare/gemma-4-12b-vs-florence-2/")
        assert status == 404
        assert "Page not found" in page
        assert SCRIPT in page  # live, as every served page
        found = BeautifulSoup(page, "html.parser")
        names = ("href", "src", "data-search", "data-pair", "data-compare")
        addresses = [
            str(tag[name]) for tag in found.find_all(True) for name in names if tag.has_attr(name)
        ]
        assert "/sub/assets/style.css" in addresses
        assert "/sub/assets/notfound.js" in addresses
        assert "/sub/compare/{a}-vs-{b}/" in addresses  # the reversed pair's redirect
        assert "/sub/" in addresses  # the home link
        for address in addresses:
            if address.startswith("#"):
                continue  # the skip link, on the page itself
            assert address.startswith(("/sub/", "/__versus__/")), address
            target = address.split("#")[0].format(a="florence-2", b="gemma-4-12b")
            assert running.get(target)[0] == 200, address
    finally:
        assert running.stop() == 0


def test_the_preview_follows_a_change_of_base_url(project: Path, tmp_path: Path) -> None:
    """The site moves to its new path once rebuilt, and the preview says where."""
    out = tmp_path / "site"
    moved: list[str] = []
    reporter = Reporter(moved=moved.append)
    preview = Preview(project, out, lambda: build(project, out, jobs=1), 0, reporter)
    try:
        preview.start()
        root = preview.url
        assert urllib.parse.urlsplit(root).path == "/"  # the repository's base_url
        published_at(project, "https://versus.example.org/moved/")
        os.utime(project / "versus.yaml", ns=(1, 1))  # a new mtime whatever the clock's
        assert preview.poll()
        assert preview.url == root + "moved/"
        assert moved == [preview.url]
        with urllib.request.urlopen(root, timeout=PATIENCE) as response:  # redirected
            assert response.url == preview.url
            assert "<h1>Models, leaderboards and comparisons" in response.read().decode()
        assert answer(root + "models/paligemma/")[0] == 404  # the old path
        assert answer(preview.url + "models/paligemma/")[0] == 200
    finally:
        preview.close()


def test_a_busy_port_is_a_clear_error(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "-p", str(project), "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} of 127.0.0.1 is in use" in result.output
    assert not (project / "site").exists()


def test_the_preview_rebuilds_in_process(project: Path, tmp_path: Path) -> None:
    """The same loop without a child process: start, poll after an edit, close."""
    out = tmp_path / "site"
    reports: list[object] = []
    reporter = Reporter(built=reports.append)
    preview = Preview(project, out, lambda: build(project, out, jobs=1), 0, reporter)
    try:
        preview.start()
        assert preview.url.startswith("http://127.0.0.1:")
        assert not preview.poll()
        generation = preview.state.status.generation
        card = project / "models" / "paligemma.yaml"
        card.write_text(card.read_text().replace("name: PaliGemma", "name: PaliGemma 2", 1))
        os.utime(card, ns=(1, 1))  # a new mtime whatever the clock's resolution
        assert preview.poll()
        assert preview.state.status.generation == generation + 1
        assert len(reports) == 2
    finally:
        preview.close()
    shutil.rmtree(out)
