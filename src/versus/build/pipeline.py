"""A whole build: load the project, plan every page, render and write them, publish.

A build first checks whether anything changed (the digest of the input files against
the one recorded for the output folder); only when something did does it import the
loader, the schemas, the page plan and the renderer, so that a no-op build and
``versus --help`` start without them.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from versus import urls
from versus.build import fingerprint
from versus.build.hosts import SiteSize, refusal, warning
from versus.build.output import (
    MARKER,
    MARKER_TEXT,
    PublishReport,
    check_output,
    count_files,
    is_mount_point,
    locked,
    real_folder,
    remove_tree,
    staged,
    swap_in,
)
from versus.build.state import Changes, SiteState, changes
from versus.build.trees import TreeStates, clone, link_file, remove_file, spare_of, write_file
from versus.inputs import inputfiles
from versus.inputs.inputfiles import CONFIG_FILE
from versus.inputs.problems import InputError, Problem
from versus.site import plan as site_plan
from versus.site.kinds import KINDS, Group, PageSpec, Registry
from versus.site.pairs import PairSelection, select

# Imported where used, past the no-op check: the loader pulls in pydantic and Markdown,
# the renderer Jinja.
if TYPE_CHECKING:
    from versus.build.parallel import PageWriter, WriteCounts
    from versus.inputs.cache import DocumentCache
    from versus.inputs.catalog import Catalog


def source_date(environ: Mapping[str, str]) -> date | None:
    """The build date from ``SOURCE_DATE_EPOCH``, as reproducible-builds.org defines it.

    Without it no build date is printed at all, so that two builds of the same
    input give the same bytes.
    """
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    # ASCII digits only (str.isdigit takes other scripts' digits and superscripts), and
    # few enough of them to stay clear of int()'s digit limit.
    if value.isascii() and value.isdigit() and len(value) <= len(str(_LAST_SECOND)):
        seconds = int(value)
        if seconds <= _LAST_SECOND:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
    shown = value if len(value) <= 40 else value[:40] + "..."
    raise InputError(
        [
            Problem.of_file(
                "SOURCE_DATE_EPOCH",
                "expected a whole number of seconds since 1970, from 0 to "
                f"{_LAST_SECOND} (the end of year 9999); got {shown!r}",
                "unset it, or set it to the time of the last commit: "
                "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)",
            )
        ]
    )


_LAST_SECOND = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
"""The last second whose date ``datetime`` can hold."""


@dataclass(frozen=True)
class BuildReport:
    pages: int
    files: int
    publish: PublishReport
    seconds: float
    phases: tuple[tuple[str, float], ...] = ()
    """Seconds spent in each phase (load, plan, render/write, search, publish), in order; an
    incremental build indexes for search while the pairs render, so that those overlap."""
    written: tuple[str, ...] = ()
    """The files written: new, changed or rendered again."""
    warnings: tuple[str, ...] = ()
    """What the user should know though the build went on (such as a damaged state record
    discarded), one line each, without the ``versus: warning:`` the CLI puts before it."""
    size: SiteSize | None = None
    """What the published site (or share) weighs; ``None`` when not known."""


Progress = Callable[[int, int], None]
"""Called with the pages rendered so far and the pages to render in all."""


class _Clock:
    """Seconds per phase of a build, for ``versus build -v``."""

    def __init__(self) -> None:
        self.phases: list[tuple[str, float]] = []
        self.mark = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases.append((name, now - self.mark))
        self.mark = now

    def overlapped(self, name: str, seconds: float) -> None:
        """A phase that ran alongside the last one (its seconds are within that one's)."""
        self.phases.append((name, seconds))

    def counter(self, progress: Progress | None, total: int) -> Callable[[int], None] | None:
        """A ``write_pages`` callback reporting to ``progress`` out of ``total`` pages."""
        if progress is None:
            return None
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            progress(done, total)

        return advance


def assets(root: Path) -> dict[str, bytes]:
    """The theme's assets and the project's ``templates/assets`` over them, published as
    they are under ``assets/``; an :class:`InputError` names each project file that is not
    read (a link out of the project, a FIFO, too large) or cannot be published (a
    backslash or a control character in its name), as
    :func:`versus.inputs.inputfiles.read_assets` finds them."""
    found, problems = inputfiles.read_assets(root)
    if problems:
        raise InputError(problems)
    return found


def _check_assets(plan: list[PageSpec], files: Mapping[str, bytes]) -> None:
    planned = {spec.path for spec in plan}
    for name in files:
        if name in planned:
            raise site_plan.PathCollisionError(f"two files would be written to {name}")


def render_site(
    catalog: Catalog, root: Path, built: date | None = None, kinds: Registry = KINDS
) -> dict[str, bytes]:
    """Every output file of the site, in memory, by relative path (for small sites and tests),
    its search index included."""
    from versus.build.parallel import PageRenderer

    plan = site_plan.plan_for(
        catalog.models, catalog.suites, kinds, catalog.prompt_ids(), select(catalog)
    )
    files = _extra(root, catalog)
    _check_assets(plan, files)
    renderer = PageRenderer(catalog, root, built, kinds=kinds)
    for spec in plan:
        files[spec.path] = renderer.render(spec)
    if catalog.config.search:  # as a build makes it, or none if Pagefind fails
        files.update(_index_of(files, kinds))
    return files


def render_problems(catalog: Catalog, root: Path, kinds: Registry = KINDS) -> list[Problem]:
    """What rendering trips on past compiling (a template included that does not exist, a
    name a template does not define, an error raised while it runs), found by rendering the
    first page of each kind, nothing written: each kind's mistakes in one run, at each
    template line once."""
    from versus.build.parallel import PageRenderer

    plan = site_plan.plan_for(
        catalog.models, catalog.suites, kinds, catalog.prompt_ids(), select(catalog)
    )
    first: dict[str, PageSpec] = {}
    for spec in plan:
        first.setdefault(spec.kind, spec)
    renderer = PageRenderer(catalog, root, None, kinds=kinds)
    problems: list[Problem] = []
    for spec in first.values():
        try:
            renderer.render(spec)
        except InputError as error:
            problems += error.problems
    return _distinct(problems)


def _distinct(problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` without those at a file and line named already: a mistake of a template
    many pages use fails each of them."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for problem in problems:
        where = (problem.file, problem.line)
        if problem.line == 0 or where not in seen:
            seen.add(where)
            kept.append(problem)
    return kept


def _index_of(files: Mapping[str, bytes], kinds: Registry) -> dict[str, bytes]:
    """The search index of a site held in memory: its pages written out for Pagefind."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="versus-site-") as folder:
        tree = Path(folder)
        for name, data in files.items():
            write_file(tree, name, data)
        return _make_index(tree, kinds)[0]


def _extra(root: Path, catalog: Catalog) -> dict[str, bytes]:
    """The files of a site that no page makes: the assets, the prompts' images and the
    marker saying versus built the folder (:data:`versus.build.output.MARKER`), counted,
    recorded and written like assets."""
    return {**assets(root), **images(root, catalog), MARKER: MARKER_TEXT}


def images(root: Path, catalog: Catalog) -> dict[str, bytes]:
    """Every image file a prompt shows, by its published path
    (:func:`versus.urls.image`): one file per distinct image, named by its content.

    An image that changed since it was loaded is an :class:`InputError`: its name would
    not be its content's.
    """
    found: dict[str, bytes] = {}
    problems = []
    for prompts in catalog.prompts.values():
        for prompt in prompts.values():
            image = prompt.image
            if image is None or image.file is None or image.digest is None:
                continue
            path = urls.image(image.digest, image.ending)
            if path in found:
                continue
            data = inputfiles.read_file(root, image.file, inputfiles.MAX_IMAGE_BYTES)
            if isinstance(data, Problem):
                problems.append(data)
            elif hashlib.sha256(data).hexdigest() != image.digest:
                problems.append(
                    Problem.of_file(
                        image.file, "the image changed while versus read it", "build again"
                    )
                )
            else:
                found[path] = data
    if problems:
        raise InputError(problems)
    return found


def check_output_folder(root: Path, out: Path, take_over: bool = False) -> bool:
    """Refuse an output folder that a build may not replace (see
    :func:`versus.build.output.check_output`); whether versus built it (``False``: taken over)."""
    return check_output(
        root, out, take_over=take_over, known=lambda real: TreeStates(real).knows(real)
    )


@dataclass(frozen=True)
class _Job:
    """What every way of building (full, incremental, one share) works from."""

    catalog: Catalog
    root: Path
    out: Path
    built: date | None
    jobs: int
    extra: Mapping[str, bytes]
    cache: DocumentCache
    clock: _Clock
    progress: Progress | None = None
    foreign: bool = False
    """The output folder holds files versus did not build (taken over): none is reused."""
    kinds: Registry = KINDS

    @cached_property
    def pairs(self) -> PairSelection:
        """The pairs that have a page (:mod:`versus.site.pairs`)."""
        return select(self.catalog)

    @cached_property
    def plan(self) -> list[PageSpec]:
        """Every file of the site, listed only by the builds that write them all: an
        incremental build renders what changed (:func:`versus.build.state.changes`) without
        listing the N*(N-1) files of the pairs."""
        catalog = self.catalog
        plan = site_plan.plan_for(
            catalog.models, catalog.suites, self.kinds, catalog.prompt_ids(), self.pairs
        )
        _check_assets(plan, self.extra)
        return plan

    @property
    def size(self) -> int:
        """How many files the whole site has."""
        return self.sizes[1] + len(self.extra)

    @cached_property
    def sizes(self) -> tuple[int, int]:
        """How many HTML pages and how many generated files the whole site has."""
        catalog = self.catalog
        return site_plan.plan_size(
            len(catalog.models),
            len(catalog.suites),
            self.kinds,
            site_plan.prompt_count(catalog.prompt_ids()),
            len(self.pairs),
        )

    def writer(
        self, into: Path, previous: Path | None, *, replace: bool, mirror: Path | None = None
    ) -> PageWriter:
        from versus.build.parallel import PageWriter

        return PageWriter(
            self.catalog,
            self.root,
            self.built,
            into,
            previous,
            replace,
            self.cache,
            mirror,
            self.kinds,
        )


@contextmanager
def _collector_tuned() -> Iterator[None]:
    """Python's cycle collector, set for a build while it runs, then as it was.

    A build makes millions of small, short-lived objects; at the default threshold the
    collector walks the same live catalog thousands of times (bench/README.md). Forked
    workers inherit the setting.
    """
    before = gc.get_threshold()
    gc.set_threshold(COLLECT_AFTER, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


COLLECT_AFTER = 100_000
"""New objects between two runs of the cycle collector's youngest generation, in a build."""


def build(
    root: Path,
    out: Path,
    built: date | None = None,
    jobs: int | None = None,
    *,
    clean: bool = False,
    share: tuple[int, int] | None = None,
    progress: Progress | None = None,
    take_over: bool = False,
    kinds: Registry = KINDS,
) -> BuildReport:
    """Build the site of the project at ``root`` into ``out``; ``built`` is printed if given.

    Renders only the pages whose inputs changed since the last build of ``out``
    (all of them with ``clean``, or when that build is unknown), indexes them for
    search (:mod:`versus.build.search`) when a searched page changed, and publishes
    the result atomically. With ``share=(k, n)`` it builds only the k-th of n
    deterministic shares of the pages, in full; copying the n outputs into one
    folder gives the whole site. ``progress`` hears how many pages are rendered so far.
    A non-empty ``out`` that versus did not build is refused, or replaced with ``take_over``.
    ``kinds`` are the kinds of file the site has (:mod:`versus.site.kinds`).
    """
    with _collector_tuned():
        return _build(root, out, built, jobs, clean, share, progress, take_over, kinds)


def _build(
    root: Path,
    out: Path,
    built: date | None,
    jobs: int | None,
    clean: bool,
    share: tuple[int, int] | None,
    progress: Progress | None,
    take_over: bool,
    kinds: Registry,
) -> BuildReport:
    started = time.perf_counter()
    clock = _Clock()
    foreign = not check_output_folder(root, out, take_over)
    out = real_folder(out)  # a linked output folder is published at its target, the link kept
    with locked(out):
        states = TreeStates(out)
        warnings = [states.warning] if states.warning else []
        code = fingerprint.code_fingerprint(kinds)
        files = fingerprint.input_files(root)
        inputs = fingerprint.input_digest(files, built, code, fingerprint.theme_fingerprint())
        if share is None and not clean:
            unchanged = _unchanged(out, states, inputs, kinds)
            if unchanged is not None:
                clock.lap("load")
                return BuildReport(
                    unchanged.pages,
                    unchanged.files,
                    PublishReport(0, unchanged.files, 0),
                    time.perf_counter() - started,
                    tuple(clock.phases),
                    warnings=tuple(warnings),
                    size=unchanged.size,
                )
        from versus.build.parallel import default_jobs
        from versus.inputs.cache import DocumentCache

        cache = DocumentCache.for_project(root)
        workers = jobs or default_jobs()
        catalog = _load(root, cache, files, workers)
        clock.lap("load")
        job = _Job(
            catalog,
            root,
            out,
            built,
            workers,
            _extra(root, catalog),
            cache,
            clock,
            progress,
            foreign,
            kinds,
        )
        try:
            if share is not None:
                mine = site_plan.shard(job.plan, *share, kinds)
                counts, removed, found, size = _share(job, mine, share[0] == 1)
                produced = len(mine) + len(job.extra if share[0] == 1 else (MARKER,))
                produced += len(found.files)
            else:
                counts, removed, found, size = _publish(job, states, clean, inputs, code)
                produced = job.size + len(found.files)
        except InputError as error:  # a page failed: the other kinds' mistakes in one run too
            raise InputError(
                _distinct([*error.problems, *render_problems(catalog, root, kinds)])
            ) from None
        # the share of a sharded build is no site: only the merged one is weighed
        weighed = share is None and size is not None and catalog.config.host is None
        if weighed and size is not None and (said := warning(size)):
            warnings.append(said)
        if found.warning:
            warnings.append(f"{found.warning}; the site is published without search")
        cache.save()
        warnings += cache.warnings  # damaged or foreign cache files, ignored
    html = job.sizes[0] if share is None else sum(1 for spec in mine if kinds[spec.kind].html)
    report = PublishReport(counts.written, counts.unchanged, removed)
    seconds = time.perf_counter() - started
    return BuildReport(
        html, produced, report, seconds, tuple(clock.phases), counts.names, tuple(warnings), size
    )


def _load(root: Path, cache: DocumentCache, files: Mapping[str, str], workers: int) -> Catalog:
    """The project's catalog, its files parsed ahead by ``workers`` processes; a project
    with mistakes raises them with its templates' mistakes, in one run, as check does."""
    from versus.inputs.load import load_project
    from versus.inputs.parseahead import parse_ahead

    try:
        parse_ahead(root, cache, files, workers)
        return load_project(root, cache, digests=files)
    except InputError as error:
        from versus.site.render import template_problems

        raise InputError([*error.problems, *template_problems(root)]) from None
    finally:
        # What was parsed stays parsed, even when the project has errors; memos of
        # the last build (rendered Markdown) stay for this one, pruned at its end.
        cache.save(prune=False)


def _share(
    job: _Job, mine: list[PageSpec], first: bool
) -> tuple[WriteCounts, int, _Search, SiteSize]:
    """Build one share of a sharded build, in full: its pages, and the marker in every
    share (each is a folder versus built); the assets and the search index in the first,
    which holds every page but the pairs'."""
    job = replace(job, extra=job.extra if first else {MARKER: MARKER_TEXT})
    searched = not any(kind.searched for kind in job.kinds.groups[Group.PAIR])
    return _full(job, mine, search=searched and first)


@dataclass(frozen=True)
class _Size:
    pages: int
    files: int
    size: SiteSize | None = None


def _unchanged(out: Path, states: TreeStates, inputs: str, kinds: Registry) -> _Size | None:
    """The size of the published site when not one input changed since it was built."""
    published = states.state_of(out)
    if published is None or published.inputs != inputs:
        return None
    html, files = site_plan.plan_size(
        len(published.models),
        len(published.suites),
        kinds,
        site_plan.prompt_count(published.prompts),
        len(published.selection()),
    )
    files += len(published.assets) + len(published.search)
    return _Size(html, files, _recorded(files, published))


def _recorded(files: int, state: SiteState) -> SiteSize | None:
    """The size a state records of its tree of ``files`` files."""
    if state.size is None:
        return None
    total, largest, path = state.size
    return SiteSize(files, total, largest, path)


def weighed(job: _Job, size: SiteSize) -> SiteSize:
    """``size``, when the site fits the host the config names; else, before anything is
    published, an :class:`InputError` saying which limits it is over."""
    host = job.catalog.config.host
    why = refusal(size, host) if host is not None else ""
    if why:
        raise InputError(
            [
                Problem(
                    CONFIG_FILE,
                    0,
                    0,
                    ("host",),
                    why,
                    "give fewer pairs a page of their own ('pairs:'), or name a host with "
                    "higher limits; the published site is as it was",
                )
            ]
        )
    return size


def measure(tree: Path) -> SiteSize:
    """What the tree at ``tree`` weighs, by walking it: only when the build cannot know it
    from what it wrote (a tree whose state recorded no size)."""
    files = total = 0
    largest = (0, "")
    for folder, _, names in os.walk(tree):
        base = Path(folder).relative_to(tree).as_posix()
        for name in names:
            size = Path(folder, name).stat().st_size
            files += 1
            total += size
            if size > largest[0]:
                largest = (size, name if base == "." else f"{base}/{name}")
    return SiteSize(files, total, *largest)


@dataclass(frozen=True)
class _Search:
    """The search index a build leaves in its tree."""

    files: Mapping[str, str] = field(default_factory=dict)
    """Path -> digest of each search file (:attr:`versus.build.state.SiteState.search`)."""
    tool: str = ""
    warning: str = ""
    """Why the tree has no search index though the site wants one."""
    pages: Mapping[str, str] = field(default_factory=dict)
    """What the index was made from (:attr:`versus.build.state.SiteState.search_pages`)."""

    def recorded(self, state: SiteState, size: SiteSize | None = None) -> SiteState:
        """``state`` with this index (and what its tree weighs); without the inputs' digest
        when indexing failed, so that the next build, even of the same inputs, tries again."""
        state = replace(state, search=self.files, search_tool=self.tool, search_pages=self.pages)
        if size is not None:
            state = replace(state, size=(size.bytes, size.largest, size.largest_path))
        return replace(state, inputs="") if self.warning else state


def _make_index(tree: Path, kinds: Registry) -> tuple[dict[str, bytes], _Search]:
    """Pagefind's index of the pages at ``tree``: its files and what to record of them."""
    from versus.build.search import digests, make_index

    made = make_index(tree, kinds)
    if isinstance(made, str):
        return {}, _Search(warning=made)
    return dict(made.files), _Search(digests(made.files), made.tool, pages=made.pages)


def _publish(
    job: _Job, states: TreeStates, clean: bool, inputs: str, code: str
) -> tuple[WriteCounts, int, _Search, SiteSize]:
    """A no-op, an incremental build or a full one, whichever the recorded state allows."""
    from versus.build.parallel import WriteCounts

    target = fingerprint.site_state(
        job.catalog, job.root, job.built, job.extra, job.cache, inputs, code, job.kinds
    )
    published = None if clean or job.foreign else states.state_of(job.out)
    if published is not None and published.code != target.code:
        # Other code (a versus upgrade, other build options) may plan other files: a full
        # build, which keeps only what the new plan makes, instead of guessing what went.
        published = None
    if (
        published is not None
        and replace(published, inputs=target.inputs) == target
        and bool(published.search_tool) == job.catalog.config.search
    ):
        # same pages and search as wanted; remember the inputs for the quick check
        kept = _Search(published.search, published.search_tool)
        files = job.size + len(kept.files)
        size = _recorded(files, published) or measure(job.out)
        states.record(job.out, kept.recorded(target, size))
        job.clock.lap("plan")
        return WriteCounts(unchanged=files), 0, kept, size
    mounted = is_mount_point(job.out)
    if published is not None and not mounted:
        return _incremental(job, published, target, states)
    states.forget()  # inodes of the trees about to go may be reused by new ones
    spare = spare_of(job.out)
    remove_tree(spare)
    if mounted:  # no spare: nothing outside a mount point can be swapped into it
        counts, removed, found, size = _full(job, job.plan)
        states.record(job.out, found.recorded(target, size))
        return counts, removed, found, size
    counts, removed, found, size = _full(job, job.plan, mirror=spare)
    done = found.recorded(target, size)
    states.record(job.out, done, (spare, done))
    return counts, removed, found, size


def _full(
    job: _Job, specs: list[PageSpec], mirror: Path | None = None, *, search: bool = True
) -> tuple[WriteCounts, int, _Search, SiteSize]:
    """``specs`` and the assets into a fresh tree, indexed for search (unless ``search`` is
    false or the site has none), swapped in.

    Unchanged files are linked from the previous tree: they keep their mtime.
    With a ``mirror``, the same files are hard-linked there as they are written.
    """
    from versus.build.parallel import write_pages

    job.clock.lap("plan")
    previous = count_files(job.out)
    with staged(job.out) as staging:
        reuse = previous and not job.foreign  # never link or read through what others made
        writer = job.writer(
            staging, job.out.absolute() if reuse else None, replace=False, mirror=mirror
        )
        counts = write_pages(specs, job.jobs, writer, job.clock.counter(job.progress, len(specs)))
        for name, data in job.extra.items():
            counts += writer.put(name, data)
        job.clock.lap("render/write")
        found = _Search()
        if search and job.catalog.config.search:
            files, found = _make_index(staging, job.kinds)
            for name, data in files.items():
                counts += writer.put(name, data)
            job.clock.lap("search")
        produced = {spec.path for spec in specs} | set(job.extra) | set(found.files)
        # every file went through the writer: its figures are the tree's
        size = weighed(job, SiteSize(len(produced), counts.bytes, *counts.largest))
        swap_in(staging, job.out)
    job.clock.lap("publish")
    return counts, len(previous - produced), found, size


def _incremental(
    job: _Job, published: SiteState, target: SiteState, states: TreeStates
) -> tuple[WriteCounts, int, _Search, SiteSize]:
    """Bring the spare to ``target``, rendering only what the published tree lacks; swap."""
    from versus.build.parallel import WriteCounts, write_pages

    job.clock.lap("plan")
    out = job.out.absolute()
    spare = spare_of(out)
    spare_state = states.state_of(spare)
    states.record(spare, None)  # from here until the swap, the spare is being written
    if spare_state is None:
        clone(out, spare)  # a spare that was lost or left half-written: start from the site
        spare_state = published

    differs = changes(published, target, job.kinds)  # what the published tree does not have
    behind = changes(spare_state, target, job.kinds)  # what the spare does not have
    new_pages = {spec.path for spec in differs.pages}
    render = [spec for spec in behind.pages if spec.path in new_pages]
    writer = job.writer(spare, None, replace=True)

    def catch_up() -> None:
        """Pages the spare lacks that the published tree has: linked from there."""
        for spec in behind.pages:
            if spec.path not in new_pages:
                link_file(out, spare, spec.path)  # same bytes as the published page

    for name in behind.removed:
        remove_file(spare, name)
    for name in behind.assets:
        write_file(spare, name, job.extra[name])
    progress = job.clock.counter(job.progress, len(render))
    searched_kinds = {kind.name for kind in job.kinds if kind.searched}
    # The searched pages first, so that Pagefind, a process of its own, indexes them while
    # the workers render the rest (the pairs).
    first = [spec for spec in render if spec.kind in searched_kinds]
    write_pages(first, job.jobs, writer, progress)
    indexed: list[_Search] = []
    indexed_in: list[float] = []

    def meanwhile() -> None:
        catch_up()
        started = time.perf_counter()
        indexed.append(_search_spare(job, spare, spare_state, published, differs))
        indexed_in.append(time.perf_counter() - started)

    rest = [spec for spec in render if spec.kind not in searched_kinds]
    write_pages(rest, job.jobs, writer, progress, meanwhile=meanwhile)
    job.clock.lap("render/write")
    if job.catalog.config.search:
        job.clock.overlapped("search", indexed_in[0])
    found = indexed[0]
    searched = [name for name, d in found.files.items() if published.search.get(name) != d]
    gone = [*differs.removed, *(published.search.keys() - found.files.keys())]
    touched = [*(spec.path for spec in differs.pages), *differs.assets, *searched]
    files = job.size + len(found.files)
    size = weighed(job, _resized(files, published, out, spare, touched, gone))
    swap_in(spare, out)
    # Recorded only now, as the swap changes both folders' change times: a build
    # killed before this line leaves trees with no recorded state, rebuilt in full.
    states.record(out, found.recorded(target, size), (spare, published))
    job.clock.lap("publish")
    counts = WriteCounts(len(touched), files - len(touched), tuple(touched))
    return counts, len(gone), found, size


def _resized(
    files: int,
    published: SiteState,
    out: Path,
    spare: Path,
    touched: list[str],
    gone: list[str],
) -> SiteSize:
    """What ``spare`` weighs: the published tree's recorded size, less the files written
    again (``touched``) or removed (``gone``) as they are in ``out``, plus the new ones
    as they are in ``spare``: two stats a changed file, none for the others. A tree whose
    size is not recorded, or whose largest file shrank or went, is walked."""
    before = _recorded(files, published)
    if before is None:
        return measure(spare)
    old = {name: _bytes(out / name) for name in (*touched, *gone)}
    new = {name: _bytes(spare / name) for name in touched}
    if before.largest_path in old and new.get(before.largest_path, 0) < before.largest:
        return measure(spare)
    total = before.bytes - sum(old.values()) + sum(new.values())
    largest = max([(before.largest, before.largest_path), *((b, n) for n, b in new.items())])
    return SiteSize(files, total, *largest)


def _bytes(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _search_spare(
    job: _Job, spare: Path, spare_state: SiteState, published: SiteState, differs: Changes
) -> _Search:
    """Bring the spare's search files to the index of its pages, now written.

    Pagefind cannot update an index, only make one: it runs only when what it reads of
    the searched pages changed (or one came or went), so an edit of pairs' pages alone
    (their template) or of a description costs nothing.
    """
    found = _Search()
    if job.catalog.config.search:
        if published.search_tool and _same_search_input(job, spare, published, differs):
            found = _Search(published.search, published.search_tool, pages=published.search_pages)
            for name, digest in found.files.items():
                if spare_state.search.get(name) != digest:
                    link_file(job.out.absolute(), spare, name)
        else:
            files, found = _make_index(spare, job.kinds)
            for name, data in files.items():
                if spare_state.search.get(name) != found.files[name]:
                    write_file(spare, name, data)
    for name in spare_state.search.keys() - found.files.keys():
        remove_file(spare, name)
    return found


def _same_search_input(job: _Job, spare: Path, published: SiteState, differs: Changes) -> bool:
    """Whether Pagefind would read of the spare's searched pages what it read when it made
    the published index."""
    from versus.build.search import pages, searched_digest

    if set(pages(spare, job.kinds)) != published.search_pages.keys():
        return False
    searched = {kind.name for kind in job.kinds if kind.searched}
    return all(
        searched_digest((spare / spec.path).read_text("utf-8")) == published.search_pages[spec.path]
        for spec in differs.pages
        if spec.kind in searched
    )


__all__ = ["BuildReport", "Progress", "build", "render_site", "source_date"]
