"""Rendering pages and writing them into a staging tree, in one process or several.

Each process has its own :class:`PageWriter`: its own Jinja environment, its
own view builder and its own fragment caches, so nothing is shared or locked.
Pages go to workers in chunks in plan order, so the pairs of one model land
together and its fragments are rendered once per worker. The output does not
depend on the number of workers: ``-j1`` and ``-jN`` write the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from versus.cache import CACHE_DIR, DocumentCache
from versus.catalog import Catalog
from versus.export import SiteExport
from versus.output import check_relative
from versus.pages import DATA_KINDS, PageSpec, SiteViews
from versus.render import Renderer
from versus.richtext import to_html

TEMPLATES_DIR = "templates"

CHUNK = 256
"""Most pages per task: large enough to amortize the hand-off."""
POOL_FROM = 64
"""Fewer pages than this render in this process: a pool costs more than it saves."""


@dataclass(frozen=True)
class WriteCounts:
    written: int = 0
    unchanged: int = 0
    names: tuple[str, ...] = ()
    """The files written (new or with other bytes), for ``versus build -v``."""

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            self.written + other.written,
            self.unchanged + other.unchanged,
            self.names + other.names,
        )


class PageRenderer:
    """Turns page specs of one catalog into bytes: its views and its Jinja environment.

    With a ``cache``, rendered Markdown and compiled templates are kept across builds.
    """

    def __init__(
        self,
        catalog: Catalog,
        root: Path,
        built: date | None,
        plan: Sequence[PageSpec],
        cache: DocumentCache | None = None,
    ) -> None:
        memo = cache if cache is not None else DocumentCache(None)
        self.views = SiteViews(catalog, lambda text: memo.memoize("markdown", text, to_html))
        bytecode = None
        if cache is not None:
            bytecode = root / CACHE_DIR / TEMPLATES_DIR
            bytecode.mkdir(parents=True, exist_ok=True)
        self.renderer = Renderer(
            root / TEMPLATES_DIR, catalog.config, base=root, built=built, bytecode_cache=bytecode
        )
        self.plan = plan
        self.exports = SiteExport(self.views)

    def render(self, spec: PageSpec) -> bytes:
        if spec.kind in DATA_KINDS:
            return self.exports.render(spec)
        return self.renderer.render(self.views.page(spec, self.plan)).encode()


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
        plan: Sequence[PageSpec],
        replace: bool,
        cache: DocumentCache | None = None,
        mirror: Path | None = None,
    ) -> None:
        super().__init__(catalog, root, built, plan, cache)
        self.staging = staging
        self.previous = previous
        self.replace = replace
        self.mirror = mirror
        self.made: set[Path] = set()

    def write(self, specs: Sequence[PageSpec]) -> WriteCounts:
        counts = WriteCounts()
        for spec in specs:
            counts += self.put(spec.path, self.render(spec))
        return counts

    def put(self, name: str, data: bytes) -> WriteCounts:
        parts = check_relative(name).parts
        target = self._folder_made(self.staging.joinpath(*parts))
        counts = self._put(target, parts, data)
        if counts.written:
            counts = WriteCounts(counts.written, counts.unchanged, (name,))
        if self.mirror is not None:
            copy = self._folder_made(self.mirror.joinpath(*parts))
            try:
                os.link(target, copy)
            except OSError:
                copy.write_bytes(data)
        return counts

    def _folder_made(self, target: Path) -> Path:
        if target.parent not in self.made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(target.parent)
        return target

    def _put(self, target: Path, parts: tuple[str, ...], data: bytes) -> WriteCounts:
        if self.previous is not None and _same_file(self.previous.joinpath(*parts), data):
            try:
                os.link(self.previous.joinpath(*parts), target)
                return WriteCounts(unchanged=1)
            except OSError:
                pass
        if self.replace and target.exists():
            target.unlink()  # it may be a hard link into the published tree
        target.write_bytes(data)
        return WriteCounts(written=1)


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


# One writer per worker process, set by the pool's initializer: a process pool
# worker has no other way to keep state between tasks. Workers are forked, so
# each starts from a copy of the parent's writer with its caches already warm.
_worker: PageWriter | None = None


def _init_worker(writer: PageWriter) -> None:
    global _worker
    _worker = writer


def _write_chunk(specs: Sequence[PageSpec]) -> WriteCounts:
    assert _worker is not None, "worker not initialized"
    return _worker.write(specs)


def _chunks(specs: Sequence[PageSpec], size: int) -> Iterator[Sequence[PageSpec]]:
    for start in range(0, len(specs), size):
        yield specs[start : start + size]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def write_pages(
    specs: Sequence[PageSpec],
    jobs: int,
    writer: PageWriter,
    progress: Callable[[int], None] | None = None,
) -> WriteCounts:
    """Render and write ``specs`` with ``writer``, in ``jobs`` processes forked from this one.

    ``progress`` is called in this process with the number of pages each finished chunk held.
    """
    total = WriteCounts()
    if jobs <= 1 or len(specs) < POOL_FROM:
        for chunk in _chunks(specs, CHUNK):
            total += writer.write(chunk)
            if progress is not None:
                progress(len(chunk))
        return total
    size = max(16, min(CHUNK, -(-len(specs) // (jobs * 4))))  # a few tasks per worker
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_init_worker,
        initargs=(writer,),
    ) as pool:
        for counts in pool.map(_write_chunk, _chunks(specs, size)):
            total += counts
            if progress is not None:
                progress(counts.written + counts.unchanged)
    return total
