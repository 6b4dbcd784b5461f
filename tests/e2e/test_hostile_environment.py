"""The hostile corpus: the machine around versus (issue 15, part 6).

Full and read-only disks, folders versus may not read or write, an output whose
parent is a file, a bad ``SOURCE_DATE_EPOCH``, Ctrl-C at every moment of a build,
and ``versus serve`` facing other sites' pages (DNS rebinding), links out of the
site, cancelled requests and a browser opening many connections at once. Each
case: one clear line, exit 1 (130 for Ctrl-C), no traceback, the old site byte
for byte, nothing outside touched.

Cases that mount a file system or drop privileges need root and skip without it.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import pytest

from hostiletools import (
    SECRET,
    Outcome,
    Sandbox,
    assert_harmless,
    assert_refused,
    built_sandbox,
    no_traceback,
    snapshot,
)
from servetools import Served
from versus.serve.live import LiveState
from versus.serve.server import STATUS_PATH, LiveServer

SETPRIV = shutil.which("setpriv")
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@functools.cache
def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"versus-mount-probe-{os.getpid()}"
    probe.mkdir(exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            return False
        subprocess.run(["umount", str(probe)], check=False)
        return True
    finally:
        probe.rmdir()


@pytest.fixture
def mountable() -> None:
    """Skip the case unless this process may mount file systems (root, not in a jail)."""
    if not _can_mount():
        pytest.skip("needs root and mount")


needs_mount = pytest.mark.usefixtures("mountable")
needs_nobody = pytest.mark.skipif(
    os.geteuid() != 0 or SETPRIV is None, reason="needs root and setpriv to drop privileges"
)


@contextlib.contextmanager
def mounted(target: Path, *options: str) -> Iterator[Path]:
    """``mount OPTIONS target`` for the block; unmounted (lazily) afterwards."""
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", *options, str(target)], check=True, capture_output=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)


def remount_read_only(target: Path, *, bind: bool = False) -> None:
    flags = "remount,bind,ro" if bind else "remount,ro"
    subprocess.run(["mount", "-o", flags, str(target)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Write into ``folder`` until its file system is full."""
    with (
        (folder / "filler").open("wb", buffering=0) as filler,
        pytest.raises(OSError, match="No space left") as raised,
    ):
        _write_forever(filler)
    assert raised.value.errno == errno.ENOSPC


def _write_forever(file: BinaryIO) -> None:
    block = b"\0" * 4096
    while True:
        file.write(block)


def edit_alpha(sandbox: Sandbox) -> None:
    """A change that a build would publish."""
    card = sandbox.project / "models" / "alpha.yaml"
    card.write_text(card.read_text().replace("name: Alpha", "name: Alpha Two", 1))


def process(
    sandbox: Sandbox,
    *args: str,
    prefix: Sequence[str] = (),
    code: str | None = None,
    timeout: float = 120,
) -> Outcome:
    """``versus ARGS`` as a real process in the project, after ``prefix`` (such as setpriv);
    with ``code``, that Python code runs first in the process (a test's hook), then versus."""
    environ = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environ["CI"] = "true"
    if code is None:
        command = [sys.executable, "-m", "versus", *args]
    else:
        program = textwrap.dedent(code) + "\nfrom versus.cli import main\nmain()\n"
        command = [sys.executable, "-c", program, *args]
    done = subprocess.run(
        [*prefix, *command],
        cwd=sandbox.project,
        capture_output=True,
        env=environ,
        check=False,
        timeout=timeout,
    )
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


# --- full and read-only disks, folders that are files, permissions ----------------------


@needs_mount
def test_disk_full_keeps_the_site_on_it(sandbox: Sandbox) -> None:
    """ENOSPC while a new site is staged on a full disk: one line, the old site stays."""
    with mounted(sandbox.base / "disk", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as disk:
        first = sandbox.run("build", "-j1", "-q", "-o", str(disk / "site"))
        assert first.exit_code == 0, first.output
        before = snapshot(disk / "site")
        edit_alpha(sandbox)
        fill(disk)
        outcome = process(sandbox, "build", "-j1", "-o", str(disk / "site"))
        assert_refused(sandbox, outcome, ["No space left on device", "the disk is full", str(disk)])
        assert "the previous site is unchanged" in outcome.stderr
        assert len(outcome.stderr.splitlines()) == 1, outcome.stderr
        assert snapshot(disk / "site") == before


@needs_mount
def test_disk_full_on_the_first_build(sandbox: Sandbox) -> None:
    """ENOSPC on a disk too small for any site: one line, no half site left."""
    with mounted(sandbox.base / "disk", "-t", "tmpfs", "-o", "size=64k", "tmpfs") as disk:
        outcome = process(sandbox, "build", "-j1", "-o", str(disk / "site"))
        assert_refused(sandbox, outcome, ["No space left on device", "the disk is full"])
        assert not (disk / "site").exists()


@needs_mount
def test_read_only_output_disk(sandbox: Sandbox) -> None:
    """EROFS: the output's file system was remounted read-only after the last build."""
    with mounted(sandbox.base / "disk", "-t", "tmpfs", "-o", "size=8m", "tmpfs") as disk:
        first = sandbox.run("build", "-j1", "-q", "-o", str(disk / "site"))
        assert first.exit_code == 0, first.output
        before = snapshot(disk / "site")
        edit_alpha(sandbox)
        remount_read_only(disk)
        outcome = process(sandbox, "build", "-j1", "-o", str(disk / "site"))
        assert_refused(sandbox, outcome, ["Read-only file system", "read-only", str(disk)])
        assert snapshot(disk / "site") == before


@needs_mount
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("build", "-j1"), id="build"),
        pytest.param(("schema",), id="schema"),
        pytest.param(("new", "model", "delta"), id="new-model"),
        pytest.param(("new", "result", "tiny-evals", "gamma"), id="new-result"),
    ],
)
def test_read_only_project(sandbox: Sandbox, args: tuple[str, ...]) -> None:
    """EROFS: the whole project (site included) on a read-only mount, for each writing
    command."""
    edit_alpha(sandbox)
    with mounted(sandbox.project, "--bind", str(sandbox.project)):
        remount_read_only(sandbox.project, bind=True)
        outcome = process(sandbox, *args)
    assert_refused(sandbox, outcome, ["Read-only file system", "(the file system is read-only)"])
    assert len(outcome.stderr.splitlines()) == 1, outcome.stderr


@pytest.mark.parametrize("out", ["afile/site", "afile/deeper/site"])
def test_output_whose_parent_is_a_file(sandbox: Sandbox, out: str) -> None:
    """ENOTDIR: a file stands where the output's parent folder should be."""
    sandbox.write("afile", "not a folder\n")
    outcome = sandbox.run("build", "-j1", "-o", out)
    assert_refused(sandbox, outcome, "afile")
    assert (sandbox.project / "afile").read_text() == "not a folder\n"


@pytest.fixture
def open_sandbox(sandbox_template: Path) -> Iterator[Sandbox]:
    """A sandbox that another user may reach (every folder above it may be entered), so
    that a case run as that user meets only the permission it is about."""
    base = Path(tempfile.mkdtemp(prefix="versus-hostile-"))
    try:
        base.chmod(0o755)
        sandbox = built_sandbox(sandbox_template, base / "sandbox")
        sandbox.base.chmod(0o755)
        yield sandbox
    finally:
        shutil.rmtree(base, ignore_errors=True)


@needs_nobody
def test_output_folder_not_writable(open_sandbox: Sandbox) -> None:
    """EACCES: a user who may read the project but not write beside its site."""
    sandbox = open_sandbox
    edit_alpha(sandbox)
    outcome = process(sandbox, "build", "-j1", prefix=NOBODY)
    assert_refused(sandbox, outcome, "Permission denied")


@needs_nobody
def test_output_under_an_unreadable_folder(open_sandbox: Sandbox) -> None:
    """EACCES: an output folder inside a folder the user may not enter."""
    sandbox = open_sandbox
    locked = sandbox.project / "locked"
    locked.mkdir(mode=0o700)
    outcome = process(sandbox, "build", "-j1", "-o", "locked/site", prefix=NOBODY)
    assert_refused(sandbox, outcome, ["locked", "Permission denied"])
    assert not (locked / "site").exists()


@needs_nobody
@pytest.mark.parametrize("unreadable", ["templates", "templates/base.html", "models"])
def test_unreadable_input(open_sandbox: Sandbox, unreadable: str) -> None:
    """EACCES: an input folder or file the user building may not read."""
    sandbox = open_sandbox
    path = sandbox.project / unreadable
    path.chmod(0o700 if path.is_dir() else 0o600)
    out = sandbox.project / "out"
    out.mkdir()
    out.chmod(0o777)  # the output may be written: only the input is out of reach
    outcome = process(sandbox, "build", "-j1", "-o", "out/site", prefix=NOBODY)
    assert_refused(sandbox, outcome, [unreadable, "Permission denied"])
    assert not (out / "site").exists()


# --- SOURCE_DATE_EPOCH --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("1" + "0" * 30, id="huge"),
        pytest.param("253402300800", id="year-10000"),
        pytest.param("9" * 5000, id="past-the-int-digit-limit"),
        pytest.param("²", id="superscript-digit"),
        pytest.param("\u0661\u0667" + "\u0660" * 8, id="arabic-indic-digits"),
        pytest.param("-1", id="negative"),
        pytest.param("1e9", id="exponent"),
        pytest.param("1700000000.5", id="fraction"),
        pytest.param("yesterday", id="text"),
        pytest.param(" 1700000000", id="leading-space"),
    ],
)
def test_bad_source_date_epoch(sandbox: Sandbox, value: str) -> None:
    """A SOURCE_DATE_EPOCH that is no whole number of seconds up to year 9999."""
    outcome = sandbox.run("build", "-j1", env={"SOURCE_DATE_EPOCH": value})
    assert_refused(
        sandbox, outcome, ["expected a whole number of seconds"], where="SOURCE_DATE_EPOCH: "
    )
    assert len(outcome.stderr) < 1000, "the value is shown shortened"


@pytest.mark.parametrize("value", ["", "0", "253402300799"])
def test_source_date_epoch_at_the_bounds_builds(sandbox: Sandbox, value: str) -> None:
    """Empty (no date), the epoch itself and the last second of year 9999 all build."""
    outcome = sandbox.run("build", "-j1", env={"SOURCE_DATE_EPOCH": value})
    assert outcome.exit_code == 0, outcome.output
    assert_harmless(sandbox, outcome)


# --- Ctrl-C -------------------------------------------------------------------------------

# Each hook sends this very process SIGINT at one moment of a build, as a Ctrl-C at a
# terminal would: Python raises KeyboardInterrupt where the build then is, every time.
CTRL_C = """\
import os, shutil, signal
import versus.build.pipeline as build
import versus.build.parallel as parallel
import versus.inputs.load as load

def ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)

def before(owner, name, then=None):
    original = getattr(owner, name)
    def hooked(*args, **kwargs):
        if then is not None:
            then()
        ctrl_c()
        return original(*args, **kwargs)
    setattr(owner, name, hooked)
"""

MOMENTS = {
    "loading": "before(load, 'load_project')",
    "rendering": "before(parallel.PageWriter, 'write')",
    "publishing": "before(build, 'swap_in')",
    # a second Ctrl-C while the first one's clean-up removes the staging tree
    "cleaning-up": """\
        armed = []
        before(build, 'swap_in', then=lambda: armed.append(1))
        removing = shutil.rmtree
        def rmtree(*args, **kwargs):
            if armed:
                armed.clear()
                ctrl_c()
            return removing(*args, **kwargs)
        shutil.rmtree = rmtree
        """,
    # a second Ctrl-C while the cache is saved in the `finally` of the load
    "saving-the-cache": """\
        from versus.inputs.cache import DocumentCache
        armed = []
        before(load, 'load_project', then=lambda: armed.append(1))
        saving = DocumentCache.save
        def save(*args, **kwargs):
            if armed:
                armed.clear()
                ctrl_c()
            return saving(*args, **kwargs)
        DocumentCache.save = save
        """,
}


@pytest.mark.parametrize("moment", sorted(MOMENTS))
def test_ctrl_c_during_a_build(sandbox: Sandbox, moment: str) -> None:
    """Ctrl-C (once, or again during the clean-up) at one moment of a build."""
    edit_alpha(sandbox)
    entries = sorted(path.name for path in sandbox.project.iterdir())
    hook = CTRL_C + textwrap.dedent(MOMENTS[moment])
    outcome = process(sandbox, "build", "-j1", code=hook)
    assert_refused(
        sandbox, outcome, "versus: interrupted; the previous site is unchanged", code=130
    )
    assert outcome.stderr.strip() == "versus: interrupted; the previous site is unchanged"
    # what the interrupted build left is removed by the next one, which publishes
    again = process(sandbox, "build", "-j1", "-q")
    assert again.exit_code == 0, again.output
    assert sorted(path.name for path in sandbox.project.iterdir()) == entries
    assert "Alpha Two" in (sandbox.site / "models" / "alpha" / "index.html").read_text()


def test_ctrl_c_sent_from_outside_while_a_build_waits(sandbox: Sandbox) -> None:
    """A real Ctrl-C from another process, delivered while the build is stopped just before
    it publishes."""
    edit_alpha(sandbox)
    hook = CTRL_C + "before(build, 'swap_in', then=lambda: os.kill(os.getpid(), signal.SIGSTOP))"
    hook = hook.replace("        ctrl_c()\n", "")  # the signal comes from the test
    program = textwrap.dedent(hook) + "\nfrom versus.cli import main\nmain()\n"
    environ = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    child = subprocess.Popen(
        [sys.executable, "-c", program, "build", "-j1"],
        cwd=sandbox.project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**environ, "CI": "true"},
    )
    try:
        _wait_until_stopped(child.pid)
        child.send_signal(signal.SIGINT)
        child.send_signal(signal.SIGCONT)
        stdout, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    outcome = Outcome(child.returncode, stdout.decode(), stderr.decode())
    assert_refused(
        sandbox, outcome, "versus: interrupted; the previous site is unchanged", code=130
    )


def test_ctrl_c_at_a_terminal_while_workers_render(sandbox: Sandbox) -> None:
    """Ctrl-C at a terminal reaches the whole process group, the rendering workers too."""
    for number in range(12):  # enough pages for a pool of workers
        card = (sandbox.project / "models" / "gamma.yaml").read_text()
        sandbox.write(f"models/copy-{number}.yaml", card.replace("Gamma", f"Copy {number}"))
    hook = """\
        import os, signal
        import versus.build.parallel as parallel
        parent = os.getpid()
        writing = parallel.PageWriter.write
        def write(self, *args, **kwargs):
            if os.getpid() != parent:  # in a worker: Ctrl-C, as a terminal sends it
                os.killpg(0, signal.SIGINT)
            return writing(self, *args, **kwargs)
        parallel.PageWriter.write = write
        """
    program = textwrap.dedent(hook) + "\nfrom versus.cli import main\nmain()\n"
    environ = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(
        [sys.executable, "-c", program, "build", "-j2"],
        cwd=sandbox.project,
        capture_output=True,
        env={**environ, "CI": "true"},
        check=False,
        timeout=120,
        start_new_session=True,  # its own process group: the Ctrl-C stays there
    )
    outcome = Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert_refused(
        sandbox, outcome, "versus: interrupted; the previous site is unchanged", code=130
    )
    assert outcome.stderr.strip() == "versus: interrupted; the previous site is unchanged"


def _wait_until_stopped(pid: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    stat = Path(f"/proc/{pid}/stat")
    while time.monotonic() < deadline:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        if fields[0] in {"T", "t"}:
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not stop within {timeout}s")


# --- serve ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def preview(
    sandbox_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Sandbox, Served]]:
    """One ``versus serve -j1`` of a copy of the corpus's project, for the serve cases."""
    sandbox = built_sandbox(sandbox_template, tmp_path_factory.mktemp("preview") / "sandbox")
    running = Served(["-j1"], cwd=sandbox.project)
    yield sandbox, running
    running.stop()


def _port(served: Served) -> int:
    return int(served.url.rstrip("/").rsplit(":", 1)[1])


def raw_request(port: int, request: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """Send ``request`` as it is; the status and the body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def get(port: int, path: str = "/", hosts: Sequence[str] = (), version: str = "1.1") -> int:
    lines = [f"GET {path} HTTP/{version}", *(f"Host: {host}" for host in hosts)]
    request = "\r\n".join([*lines, "Connection: close", "", ""]).encode()
    return raw_request(port, request)[0]


@pytest.mark.parametrize(
    "host",
    [
        pytest.param("evil.example", id="another-name"),
        pytest.param("evil.example:{port}", id="another-name-with-the-port"),
        pytest.param("localhost.evil.example:{port}", id="localhost-as-a-prefix"),
        pytest.param("127.0.0.1.evil.example", id="the-address-as-a-prefix"),
        pytest.param("127.0.0.1:1{port}", id="another-port"),
        pytest.param("[::1]x:{port}", id="junk-after-the-brackets"),
        pytest.param("", id="empty"),
    ],
)
def test_serve_refuses_other_host_names(preview: tuple[Sandbox, Served], host: str) -> None:
    """DNS rebinding: a page of another site names its own host; the preview says 400."""
    _, served = preview
    port = _port(served)
    status, body = raw_request(
        port, f"GET / HTTP/1.1\r\nHost: {host.format(port=port)}\r\n\r\n".encode()
    )
    assert status == 400
    assert b"<html" not in body.lower()
    assert len(body) < 200
    assert get(port, STATUS_PATH, [host.format(port=port)]) == 400


def test_serve_refuses_two_host_headers(preview: tuple[Sandbox, Served]) -> None:
    """Two Host headers, a good one first: refused, whichever a proxy would pick."""
    _, served = preview
    port = _port(served)
    assert get(port, "/", [f"127.0.0.1:{port}", "evil.example"]) == 400


@pytest.mark.parametrize(
    "host",
    ["localhost:{port}", "LocalHost", "127.0.0.1:{port}", "127.0.0.1", "[::1]:{port}", "[::1]"],
)
def test_serve_answers_local_host_names(preview: tuple[Sandbox, Served], host: str) -> None:
    """The names of this machine, with or without the bound port, are answered."""
    _, served = preview
    port = _port(served)
    assert get(port, "/", [host.format(port=port)]) == 200


def test_serve_answers_a_request_without_host(preview: tuple[Sandbox, Served]) -> None:
    """HTTP/1.0 without a Host header names no site: answered."""
    _, served = preview
    assert get(_port(served), "/", [], version="1.0") == 200


@pytest.mark.parametrize(
    ("link", "target", "path"),
    [
        pytest.param("leak.txt", "secret.txt", "/leak.txt", id="file"),
        pytest.param("home", "home", "/home/.ssh/id_ed25519", id="folder"),
        pytest.param("models/alpha/leak.html", "secret.txt", "/models/alpha/leak.html", id="deep"),
        pytest.param("404.html", "secret.txt", "/no/such/page", id="the-404-page"),
    ],
)
def test_serve_does_not_follow_links_out_of_the_site(
    preview: tuple[Sandbox, Served], link: str, target: str, path: str
) -> None:
    """A link inside the published site to a file outside it is never served."""
    sandbox, served = preview
    placed = sandbox.site / link
    kept = placed.with_name(placed.name + ".kept")
    if placed.exists():
        placed.rename(kept)
    placed.symlink_to(sandbox.outside / target)
    try:
        status, text = served.get(path)
    finally:
        placed.unlink()
        if kept.exists():
            kept.rename(placed)
    assert status == 404
    assert SECRET not in text


def test_serve_follows_links_inside_the_site(preview: tuple[Sandbox, Served]) -> None:
    """A link from one file of the site to another still serves it."""
    sandbox, served = preview
    placed = sandbox.site / "alias.html"
    placed.symlink_to("models/alpha/index.html")
    try:
        status, text = served.get("/alias.html")
    finally:
        placed.unlink()
    assert status == 200
    assert "Alpha" in text


def _cancel(port: int, path: str = "/") -> None:
    """A request whose client leaves at once, resetting the connection (a closed tab)."""
    client = socket.create_connection(("127.0.0.1", port), timeout=10)
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()


def _answer_a_client_that_left(server: LiveServer) -> None:
    """One request handled here and now, as the server's threads handle each, from a client
    that sent it and closed its end before reading the answer: the answer meets EPIPE."""
    ours, theirs = socket.socketpair()
    theirs.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    theirs.close()
    server.process_request_thread(ours, ("127.0.0.1", 50000))


def test_serve_says_nothing_of_a_cancelled_request(
    sandbox: Sandbox, capfd: pytest.CaptureFixture[str]
) -> None:
    """BrokenPipe of a cancelled request: nothing on stderr without -v."""
    server = LiveServer(sandbox.site, LiveState(), 0)
    try:
        _answer_a_client_that_left(server)
    finally:
        server.server_close()
    assert capfd.readouterr().err == ""


def test_serve_logs_a_cancelled_request_in_one_line_under_verbose(
    sandbox: Sandbox, capfd: pytest.CaptureFixture[str]
) -> None:
    """Under -v, a cancelled request is one line, not a traceback."""
    logged: list[str] = []
    server = LiveServer(sandbox.site, LiveState(), 0, log=logged.append)
    try:
        _answer_a_client_that_left(server)
    finally:
        server.server_close()
    lines = [line for line in logged if "left before" in line]
    assert lines == ["versus: 127.0.0.1 left before the answer was sent"], logged
    assert capfd.readouterr().err == ""


def test_serve_logs_a_request_line_with_terminal_escapes_escaped(sandbox: Sandbox) -> None:
    """Under -v, a request line holding a terminal escape sequence is printed escaped."""
    logged: list[str] = []
    server = LiveServer(sandbox.site, LiveState(), 0, log=logged.append)
    ours, theirs = socket.socketpair()
    try:
        theirs.sendall(b"GET /\x1b]0;owned\x07\x1b[2J HTTP/1.0\r\n\r\n")
        server.process_request_thread(ours, ("127.0.0.1", 50000))
        theirs.recv(65536)
    finally:
        theirs.close()
        server.server_close()
    assert logged
    assert not any("\x1b" in line or "\x07" in line for line in logged), logged
    assert any("\\x1b]0;owned\\x07" in line for line in logged), logged


def test_serve_process_survives_cancelled_requests(preview: tuple[Sandbox, Served]) -> None:
    """Many cancelled requests to the real server: it keeps answering, silently."""
    _, served = preview
    port = _port(served)
    for _ in range(20):
        _cancel(port)
    assert get(port, "/", [f"127.0.0.1:{port}"]) == 200
    assert "Traceback" not in served.errors()
    assert "Exception" not in served.errors()


def test_serve_backlog_fits_a_browser(preview: tuple[Sandbox, Served]) -> None:
    """64 connections opened at once, as a browser with many tabs: every one answered."""
    assert LiveServer.request_queue_size >= 64
    _, served = preview
    port = _port(served)
    connections = [socket.create_connection(("127.0.0.1", port), timeout=20) for _ in range(64)]
    try:
        for connection in connections:
            connection.sendall(f"GET / HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        statuses = []
        for connection in connections:
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
            statuses.append(int(answer.split(b" ", 2)[1]))
    finally:
        for connection in connections:
            connection.close()
    assert statuses == [200] * 64


def test_serve_escapes_control_characters_in_changed_file_names(sandbox: Sandbox) -> None:
    """A file name with a terminal escape sequence, printed in the "changed:" line."""
    running = Served(["-j1"], cwd=sandbox.project)
    try:
        (sandbox.project / "models" / "\x1b]0;owned\x07.txt").write_text("x\n")
        running.wait_for_output(lambda text: "versus: changed:" in text)
    finally:
        running.stop()
    no_traceback(Outcome(0, running.output(), running.errors()))
    assert "\x1b" not in running.output() + running.errors()
    assert "\x07" not in running.output() + running.errors()
