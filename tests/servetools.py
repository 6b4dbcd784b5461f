"""``versus serve`` in a child process, for the tests: its address, its output, HTTP."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

SERVING = re.compile(r"^versus: serving .* at (http://127\.0\.0\.1:\d+/)")

PATIENCE = 60.0
"""Seconds to wait for a state the tests expect: generous, as the machine may be busy;
only a failing test waits that long."""


class Served:
    """``versus serve --port 0`` (or ``command``) running in ``cwd``, until :meth:`stop`."""

    def __init__(
        self, args: list[str], cwd: Path | None = None, command: list[str] | None = None
    ) -> None:
        command = command or [sys.executable, "-m", "versus", "serve", "--port", "0"]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [*command, *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._readers = [
            threading.Thread(target=_collect, args=(stream, lines), daemon=True)
            for stream, lines in (
                (self.process.stdout, self.stdout),
                (self.process.stderr, self.stderr),
            )
        ]
        for reader in self._readers:
            reader.start()
        self.url = self._address(timeout=PATIENCE)

    def _address(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.stdout):
                found = SERVING.match(line)
                if found:
                    return found.group(1)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise AssertionError(
            f"versus serve printed no address:\n{self.output()}\n{''.join(self.stderr)}"
        )

    def output(self) -> str:
        return "".join(self.stdout)

    def errors(self) -> str:
        return "".join(self.stderr)

    def get(self, path: str) -> tuple[int, str]:
        """The status and text of ``path`` (relative to the site's root)."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=PATIENCE) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def wait_for(
        self, path: str, condition: Callable[[str], bool], timeout: float = PATIENCE
    ) -> tuple[str, float]:
        """The text of ``path`` once ``condition`` holds for it, and the seconds it took."""
        started = time.monotonic()
        text = ""
        while time.monotonic() - started < timeout:
            text = self.get(path)[1]
            if condition(text):
                return text, time.monotonic() - started
            time.sleep(0.05)
        raise AssertionError(f"{path}: condition not met in {timeout}s; last text:\n{text[-2000:]}")

    def wait_for_output(self, condition: Callable[[str], bool], timeout: float = PATIENCE) -> None:
        """Return once ``condition`` holds for all that was printed so far (both streams)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition(self.output() + self.errors()):
                return
            time.sleep(0.05)
        raise AssertionError(f"not in the output:\n{self.output()}\n{self.errors()}")

    def stop(self) -> int:
        """Ctrl-C, as a person would stop it; its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for reader in self._readers:
            reader.join(timeout=PATIENCE)
        return self.process.returncode


def _collect(stream: IO[str] | None, lines: list[str]) -> None:
    if stream is None:
        return
    for line in stream:
        lines.append(line)
