"""The live state: what the served pages reflect, shared by the builder and the request threads.

A :class:`Status` names the build generation and, after a failed build, its
problems; its token is what an open page compares with the one it was served
with, to know when to reload.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from versus.inputs.problems import Problem


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


__all__ = ["LiveState", "Status"]
