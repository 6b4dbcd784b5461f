"""Rendering pages and writing them into a staging tree, in one process or several.

Each process has its own :class:`PageWriter`: its own Jinja environment, its
own view builder and its own fragment caches, so nothing is shared or locked.
Pages go to workers in chunks in plan order, so the pairs of one model land
together and its fragments are rendered once per worker; the site-wide files
(index, sitemap, models.json: each costs far more than a pair) go first,
in chunks of their own, so that no worker is left with one of them at the end
while the others wait. The output does not depend on the number of workers:
``-j1`` and ``-jN`` write the same bytes.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from versus.build.output import check_name
from versus.inputs.cache import DocumentCache
from versus.inputs.catalog import Catalog
from versus.inputs.inputfiles import TEMPLATES_DIR
from versus.inputs.richtext import sanitize, to_html
from versus.site.export import SiteExport
from versus.site.kinds import KINDS, PageSpec, Registry
from versus.site.render import Renderer
from versus.site.views import SiteViews

CHUNK = 256
"""Most pair files per task: large enough to amortize the hand-off."""
SITE_CHUNK = 4
"""Most other files per task: a model page or the index costs far more than a pair."""
POOL_FROM = 64
"""Fewer pages than this render in this process: a pool costs more than it saves."""


@dataclass(frozen=True)
class WriteCounts:
    written: int = 0
    unchanged: int = 0
    names: tuple[str, ...] = ()
    """The files written (new or with other bytes), for ``versus build -v``."""
    bytes: int = 0
    """The size of every file put, written or not: what the site weighs."""
    largest: tuple[int, str] = (0, "")
    """The size and path of the largest file put."""

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            self.written + other.written,
            self.unchanged + other.unchanged,
            self.names + other.names,
            self.bytes + other.bytes,
            max(self.largest, other.largest),
        )


def sanitized(value: object) -> Markup | None:
    """A rendered description read back from the cache, if the sanitizer leaves it as it is.

    The cache is not trusted: a forged value must not reach a page past the sanitizer.
    Only a fixed point of :func:`~versus.inputs.richtext.to_html`'s cleaning is accepted (its
    own output is one), so a forged value can at worst show what a description could.
    """
    if not isinstance(value, str):
        return None
    return Markup(value) if sanitize(value) == value else None


class PageRenderer:
    """Turns page specs of one catalog into bytes: its views and its Jinja environment.

    Each spec's kind (in ``kinds``) says what makes its file: a template rendered with
    a view, or a data writer. With a ``cache``, rendered Markdown is kept across builds.
    """

    def __init__(
        self,
        catalog: Catalog,
        root: Path,
        built: date | None,
        cache: DocumentCache | None = None,
        kinds: Registry = KINDS,
    ) -> None:
        memo = cache if cache is not None else DocumentCache(None)
        self.kinds = kinds
        self.views = SiteViews(
            catalog, lambda text: memo.memoize("markdown", text, to_html, sanitized), kinds
        )
        self.renderer = Renderer(root / TEMPLATES_DIR, catalog.config, base=root, built=built)
        self.exports = SiteExport(self.views)

    def render(self, spec: PageSpec) -> bytes:
        write = self.kinds[spec.kind].data
        if write is not None:
            return write(self.exports, spec)
        return self.renderer.render(self.views.page(spec)).encode()


class PageWriter(PageRenderer):
    """Renders page specs of one catalog and writes each into ``staging``.

    A page whose bytes equal the file at the same path under ``previous`` is
    hard-linked from there instead of written, so its modification time stays.
    With a ``mirror``, every file put is also hard-linked there: the spare tree
    of the next incremental build, made as the pages are written (in every
    worker at once) instead of by walking the finished tree.
    """

    def __init__(
        self,
        catalog: Catalog,
        root: Path,
        built: date | None,
        staging: Path,
        previous: Path | None,
        replace: bool,
        cache: DocumentCache | None = None,
        mirror: Path | None = None,
        kinds: Registry = KINDS,
    ) -> None:
        super().__init__(catalog, root, built, cache, kinds)
        # Plain strings and os calls below: every file of the site goes through here, and
        # pathlib's parsing of each path was a measured cost (bench/README.md).
        self.staging = str(staging)
        self.previous = None if previous is None else str(previous)
        self.replace = replace
        self.mirror = None if mirror is None else str(mirror)
        self.made: set[str] = set()

    def write(self, specs: Sequence[PageSpec]) -> WriteCounts:
        written: list[str] = []
        unchanged = 0
        size = 0
        largest = (0, "")
        for spec in specs:
            data = self.render(spec)
            size += len(data)
            if len(data) > largest[0]:
                largest = (len(data), spec.path)
            if self._put(spec.path, data):
                written.append(spec.path)
            else:
                unchanged += 1
        return WriteCounts(len(written), unchanged, tuple(written), size, largest)

    def put(self, name: str, data: bytes) -> WriteCounts:
        weight = (len(data), name)
        if self._put(name, data):
            return WriteCounts(written=1, names=(name,), bytes=len(data), largest=weight)
        return WriteCounts(unchanged=1, bytes=len(data), largest=weight)

    def _put(self, name: str, data: bytes) -> bool:
        """Writes ``name`` (or links it, unchanged, from the previous tree); True if written."""
        check_name(name)
        # in the spare tree the folders are there (but a new model's pairs')
        target = f"{self.staging}/{name}" if self.replace else self._folder_made(self.staging, name)
        written = self._write(target, name, data)
        if self.mirror is not None:
            copy = self._folder_made(self.mirror, name)
            try:
                os.link(target, copy)
            except OSError:
                _write_new(copy, data)
        return written

    def _folder_made(self, root: str, name: str) -> str:
        target = f"{root}/{name}"
        folder = target.rpartition("/")[0]
        if folder not in self.made:
            try:
                os.mkdir(folder)  # a pair's folder: its parent (compare/) is made already
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        return target

    def _write(self, target: str, name: str, data: bytes) -> bool:
        if self.previous is not None:
            before = f"{self.previous}/{name}"
            if _same_file(before, data):
                try:
                    os.link(before, target)
                    return False
                except OSError:
                    pass
        if self.replace:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # it may be a hard link into the published tree
        try:
            _write_new(target, data)
        except FileNotFoundError:  # a new model's pair folder, in the spare tree
            os.makedirs(target.rpartition("/")[0], exist_ok=True)
            _write_new(target, data)
        return True


# Files are written and read with os calls, not open(): a file object costs three more
# system calls per file (fstat, a terminal check, a seek), tens of thousands per build.


def _write_new(path: str, data: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def _same_file(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        if os.fstat(handle).st_size != len(data):
            return False
        return os.read(handle, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(handle)


# One writer per worker process, set by the pool's initializer: a process pool
# worker has no other way to keep state between tasks. Workers are forked, so
# each starts from a copy of the parent's writer with its caches already warm.
_worker: PageWriter | None = None


def _init_worker(writer: PageWriter) -> None:
    global _worker
    _worker = writer
    # Ctrl-C reaches every process of the group: a worker ends at once and silently (an
    # idle one would print a traceback); the build process says what happened. SIGINT
    # was blocked across the fork (_quiet_start), so one sent while this worker started
    # arrives now, to this handler.
    signal.signal(signal.SIGINT, lambda _signal, _frame: os._exit(130))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent()


PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the build process dies, however it dies.

    A build killed with SIGKILL runs no clean-up; its forked workers hold copies of
    the task pipe, so they would wait on it forever. Elsewhere this does nothing
    (a killed build's workers there end when they next read their pipe).
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request: go now
        os._exit(1)


def _write_chunk(specs: Sequence[PageSpec]) -> WriteCounts:
    assert _worker is not None, "worker not initialized"
    return _worker.write(specs)


def _chunks(
    specs: Sequence[PageSpec], size: int, pair_kinds: frozenset[str]
) -> Iterator[Sequence[PageSpec]]:
    """``specs`` in plan order, cut into runs of at most ``size`` pair files (those of
    ``pair_kinds``) or at most :data:`SITE_CHUNK` other files."""
    start = 0
    while start < len(specs):
        pairs = specs[start].kind in pair_kinds
        limit = min(len(specs), start + (size if pairs else SITE_CHUNK))
        end = start + 1
        while end < limit and (specs[end].kind in pair_kinds) == pairs:
            end += 1
        yield specs[start:end]
        start = end


def _site_files_first(
    chunks: Sequence[Sequence[PageSpec]], pair_kinds: frozenset[str]
) -> list[int]:
    """The order to hand ``chunks`` out in: those of site-wide files and model pages first
    (the longest tasks first leave the shortest for the end), then the pairs in plan order."""
    return sorted(range(len(chunks)), key=lambda index: chunks[index][0].kind in pair_kinds)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def write_pages(
    specs: Sequence[PageSpec],
    jobs: int,
    writer: PageWriter,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> WriteCounts:
    """Render and write ``specs`` with ``writer``, in ``jobs`` processes forked from this one.

    ``progress`` is called in this process with the number of pages each finished chunk held.
    ``meanwhile`` is other work of this process (it must not touch the files of ``specs``),
    run while the workers render.
    """
    if jobs <= 1 or len(specs) < POOL_FROM:
        done: list[WriteCounts] = []
        for chunk in _chunks(specs, CHUNK, writer.kinds.pair_kinds):
            done.append(writer.write(chunk))
            if progress is not None:
                progress(len(chunk))
        if meanwhile is not None:
            meanwhile()
        return _summed(done)
    size = max(16, min(CHUNK, -(-len(specs) // (jobs * 4))))  # a few tasks per worker
    chunks = list(_chunks(specs, size, writer.kinds.pair_kinds))
    order = _site_files_first(chunks, writer.kinds.pair_kinds)
    results: list[WriteCounts | None] = [None] * len(chunks)
    with (
        _frozen(),
        ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker,
            initargs=(writer,),
        ) as pool,
    ):
        # every task is handed out at once; the workers take them in this order
        with _quiet_start():
            running = [pool.submit(_write_chunk, chunks[index]) for index in order]
        if meanwhile is not None:
            meanwhile()
        for index, future in zip(order, running, strict=True):
            # A worker's error (a template's, as an InputError) is raised here.
            counts = results[index] = future.result()
            if progress is not None:
                progress(counts.written + counts.unchanged)
    return _summed([counts for counts in results if counts is not None])


@contextmanager
def _quiet_start() -> Iterator[None]:
    """SIGINT held back while the pool forks its workers (they start with it blocked, until
    :func:`_init_worker` has its handler): a Ctrl-C in that moment would otherwise end a
    starting worker with a traceback. This process gets a held Ctrl-C when the block ends."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextmanager
def _frozen() -> Iterator[None]:
    """The objects alive now (the catalog, the views, warm caches) left out of every cycle
    collection until the block ends, in this process and in the workers forked in it.

    A forked worker shares the parent's memory until it writes to a page; a full collection
    in a worker writes to every object it walks, copying the whole catalog into each
    worker. What the Python documentation advises for fork without exec
    (:func:`gc.freeze`).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _summed(parts: Sequence[WriteCounts]) -> WriteCounts:
    """The counts of every chunk, in one (adding them one by one copies the names each time)."""
    return WriteCounts(
        sum(part.written for part in parts),
        sum(part.unchanged for part in parts),
        tuple(name for part in parts for name in part.names),
        sum(part.bytes for part in parts),
        max((part.largest for part in parts), default=(0, "")),
    )
