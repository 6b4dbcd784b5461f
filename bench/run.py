"""The versus benchmark: ``.venv/bin/python bench/run.py [--sizes 5,50,200,500] [--jobs N]``.

For each catalog size N it generates a deterministic synthetic project
(:mod:`bench.catalog`) in a temporary folder and runs, in this order, each
build in a fresh process (``bench/one_build.py``):

1. a cold build into an empty output folder;
2. a no-op rebuild;
3. a rebuild after changing one word of one model's summary (a card edit that every
   page about the model shows: its pair pages, its page, the index);
4. after changing one word of one model's description (shown on its page only);
5. after changing one category's ``passed`` of one eval result by 1;
6. after changing one outcome's verdict (one line of one run's ``.outcomes.jsonl``);
7. after adding a sentence to the footer of ``base.html``, in an override of the theme's
   at ``templates/base.html`` (every page changes);
8. after adding a sentence to the page head of ``model.html``, overridden likewise at
   ``templates/model.html`` (model pages change);
9. after removing a model (its card, its results and their outcomes).

Each step runs twice, each time after an edit of its kind (another word, another
model; the cold build again from an empty folder without caches), and counts the
faster run, as the floor does. Then it times ``cp -r`` of the output tree (best
of two runs): the floor, the cost of writing the same bytes. Before each timed step it calls
``sync``, so that no step is timed while earlier writes are still going to disk. No tree is
deleted before a timed step: an output folder emptied for a cold build and each copy are moved
aside, and deleted with the workspaces after the last size (:class:`Trash`). While each build
runs, the summed VmRSS of the build process and all its descendants is sampled from ``/proc``
every 20 ms.
It prints the tables and writes them, with the targets, to ``bench/RESULTS.md``.
Benchmarks print figures; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.catalog import GENERATED_SUITE, PROMPTS_PER_SUITE, generate, model_id  # noqa: E402
from versus.inputs.theme import THEME  # noqa: E402

BENCH = REPO / "bench"
ONE_BUILD = BENCH / "one_build.py"
SAMPLE_SECONDS = 0.02
MB = 1_000_000
"""Sizes and memory are given in MB of 10^6 bytes."""
KB = 1_000
BYTES_PER_PAGE = 55_000
"""A generous estimate of one page, to warn before a run fills the disk."""


# --- memory of a process tree, from /proc ------------------------------------

_HAS_CHILDREN_FILES = Path(f"/proc/self/task/{os.getpid()}/children").exists()


def _children(pid: int) -> list[int]:
    """Direct children of ``pid``, from ``/proc/<pid>/task/*/children`` when the kernel has it."""
    found: list[int] = []
    try:
        tasks = [entry.name for entry in os.scandir(f"/proc/{pid}/task")]
    except OSError:
        return found
    for task in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
        except OSError:
            continue
        found.extend(int(child) for child in text.split())
    return found


def _parents() -> dict[int, list[int]]:
    """Every process's children, from the parent pid in each ``/proc/<pid>/stat``."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        fields = stat[stat.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants that are alive now."""
    if _HAS_CHILDREN_FILES:
        lookup: Callable[[int], list[int]] = _children
    else:
        table = _parents()

        def lookup(pid: int) -> list[int]:
            return table.get(pid, [])

    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(lookup(pid))
    return tree


def rss_bytes(pid: int) -> int:
    """VmRSS of one process (0 once it has exited)."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> int:
    return sum(rss_bytes(pid) for pid in process_tree(root))


# --- one measured build -----------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    wall_s: float
    """From starting the process to reaping it: interpreter start, imports, build, exit."""
    import_s: float
    build_s: float
    pages: int
    files: int
    written: int
    unchanged: int
    removed: int
    peak_rss: int
    """Peak of the summed VmRSS of the process and its descendants, sampled every 20 ms."""
    max_rss: int
    """``ru_maxrss`` from ``wait4``: the largest single process of the tree (a cross-check)."""
    user_s: float = 0.0
    """CPU seconds in user mode of the process and every descendant it waited for (its
    workers, Pagefind), from ``wait4``."""
    sys_s: float = 0.0
    """CPU seconds in the kernel, likewise: mostly the file system's work."""


class BuildFailedError(Exception):
    pass


class StoppedError(Exception):
    """A build of one catalog size failed; the steps before it were measured."""

    def __init__(self, n: int, steps: list[Step], error: BuildFailedError) -> None:
        super().__init__(str(error))
        self.n = n
        self.steps = steps


def reap(process: subprocess.Popen[bytes]) -> resource.struct_rusage:
    """Wait for ``process`` to end; its exit code is set, and what it and the descendants
    it waited for used is returned (``wait4``: CPU seconds, the largest RSS)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage


def run_build(
    name: str, project: Path, out: Path, jobs: int | None, load_only: bool = False
) -> Step:
    """Run ``one_build.py`` in a fresh process while sampling its memory."""
    command = [sys.executable, str(ONE_BUILD), str(project), str(out)]
    if load_only:
        command.append("--load-only")
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=out.parent)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss(process.pid))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        usage = reap(process)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        stdout.seek(0)
        stderr.seek(0)
        output = stdout.read().decode("utf-8", "replace")
        errors = stderr.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BuildFailedError(
            f"{name}: {shlex.join(command)} exited with {process.returncode}\n{errors}{output}"
        )
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if not lines:
        raise BuildFailedError(f"{name}: no JSON line in the output of one_build.py:\n{output}")
    figures = json.loads(lines[-1])
    return Step(
        name=name,
        wall_s=wall,
        import_s=float(figures["import_s"]),
        build_s=float(figures["build_s"]),
        pages=int(figures["pages"]),
        files=int(figures["files"]),
        written=int(figures["written"]),
        unchanged=int(figures["unchanged"]),
        removed=int(figures["removed"]),
        peak_rss=peak,
        max_rss=usage.ru_maxrss * 1024,  # kilobytes on Linux
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
    )


# --- the edits between builds -----------------------------------------------

SUITE_FILES = frozenset({"suite.yaml", "prompts.yaml"})
"""A suite's own YAML files, beside its results."""


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    if old not in text:
        raise ValueError(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), "utf-8")


def edit_card(project: Path, model: str, field: str = "summary") -> str:
    """Change one word of the model's ``summary`` (every page about the model prints it)
    or ``description`` (its own page and ``models.json`` only)."""
    path = project / "models" / f"{model}.yaml"
    text = path.read_text("utf-8")
    start = text.index(f"\n{field}:")
    match = re.compile(r"\bmodel\b").search(text, start)
    if match is None:
        raise ValueError(f"{path}: no word 'model' in the {field}")
    path.write_text(text[: match.start()] + "system" + text[match.end() :], "utf-8")
    return f"one word of the {field} of models/{model}.yaml"


def edit_result(project: Path) -> str:
    """Change one category's ``passed`` by 1 in a result that states no derived figures."""
    for suite in (GENERATED_SUITE, *sorted(p.name for p in (project / "evals").iterdir())):
        for path in sorted((project / "evals" / suite).glob("*.yaml")):
            text = path.read_text("utf-8")
            if path.name in SUITE_FILES or "percent:" in text:
                continue
            match = re.search(r"passed: (\d+)\n(\s+)total: (\d+)\n", text)
            if match is None:
                continue
            passed, total = int(match.group(1)), int(match.group(3))
            changed = passed + 1 if passed < total else passed - 1
            edited = f"passed: {changed}\n{match.group(2)}total: {total}\n"
            path.write_text(text[: match.start()] + edited + text[match.end() :], "utf-8")
            return f"passed {passed} -> {changed} in {path.relative_to(project)}"
    raise ValueError("no result to edit")


_VERDICT = re.compile(r'"passed": (true|false)')


def edit_outcome(project: Path, run: int) -> str:
    """Flip one outcome's verdict: line ``run + 1`` of the first outcomes file of a run
    that states no figure the change would contradict (the generated suite first)."""
    for suite in (GENERATED_SUITE, *sorted(p.name for p in (project / "evals").iterdir())):
        for path in sorted((project / "evals" / suite).glob("*.outcomes.jsonl")):
            result = path.with_name(path.name.removesuffix(".outcomes.jsonl") + ".yaml")
            stated = result.read_text("utf-8")
            if "percent:" in stated or "categories:" in stated:
                continue  # a figure the flip would contradict
            lines = path.read_text("utf-8").splitlines(keepends=True)
            number = run % len(lines)
            match = _VERDICT.search(lines[number])
            if match is None:
                continue
            was = match.group(1)
            now = "false" if was == "true" else "true"
            lines[number] = lines[number][: match.start(1)] + now + lines[number][match.end(1) :]
            path.write_text("".join(lines), "utf-8")
            return f"passed {was} -> {now} on line {number + 1} of {path.relative_to(project)}"
    raise ValueError("no outcome to edit")


def _template(project: Path, name: str) -> Path:
    """The project's template ``name``: the theme's copied into ``templates/`` to override it,
    unless the project has one."""
    path = project / "templates" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(THEME / name, path)
    return path


def edit_base_template(project: Path) -> str:
    """Append a sentence to the footer paragraph of base.html: every page changes."""
    path = _template(project, "base.html")
    text = path.read_text("utf-8")
    footer = text.index("<footer")
    end = text.index("</p>", footer)
    sentence = " This site was rebuilt by the versus benchmark."
    path.write_text(text[:end] + sentence + text[end:], "utf-8")
    return "a sentence at the end of the footer paragraph of templates/base.html"


def edit_model_template(project: Path) -> str:
    """Add a sentence inside the page head of model.html: only model pages change."""
    path = _template(project, "model.html")
    text = path.read_text("utf-8")
    head = text.index('class="page-head"')
    end = text.index("</header>", head)
    sentence = '  <p class="lead">Figures on this page were rebuilt by the versus benchmark.</p>\n'
    path.write_text(text[:end] + sentence + text[end:], "utf-8")
    return "a sentence in the page head of templates/model.html"


class Trash:
    """Trees the bench is done with, moved into ``folder`` and deleted only after the last
    timed step of the whole run.

    On a journal-less ext4 (the VM of the committed results) the inode allocator passes
    over every inode freed in the last minute or more, so that a step timed just after a
    tree was deleted would time that deletion's after-effect (bench/README.md, "Reading
    them"). ``folder`` must be on the file system of what is discarded: moving is a rename.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def discard(self, path: Path) -> None:
        if not path.exists() and not path.is_symlink():
            return
        self.folder.mkdir(exist_ok=True)
        self.count += 1
        path.rename(self.folder / f"{self.count}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def clear_output(project: Path, out: Path, trash: Trash) -> str:
    """Move the output folder and everything builds keep beside it (the spare tree, the
    recorded state, the lock) and in the project (the cache) to ``trash``: the next build
    is cold."""
    for path in sorted(out.parent.glob(f".{out.name}.*")):
        trash.discard(path)
    trash.discard(out)
    trash.discard(project / ".versus-cache")
    return "empty output folder, no cache"


def remove_model(project: Path, model: str) -> str:
    """Delete the model's card and every result of it, with its outcomes."""
    (project / "models" / f"{model}.yaml").unlink()
    removed = [f"models/{model}.yaml"]
    evals = project / "evals"
    for result in sorted(
        [*evals.glob(f"*/{model}.yaml"), *evals.glob(f"*/{model}.outcomes.jsonl")]
    ):
        result.unlink()
        removed.append(result.relative_to(project).as_posix())
    return "removed " + ", ".join(removed)


# --- the floor and the output -------------------------------------------------


def walk_files(folder: Path, skip: frozenset[str] = frozenset()) -> Iterator[os.DirEntry[str]]:
    """Every file under ``folder`` (symbolic links not followed), outside the paths in ``skip``."""
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.path in skip:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    yield entry


def tree_size(folder: Path) -> tuple[int, int, set[int]]:
    """Files, bytes and inode numbers under ``folder``."""
    files = size = 0
    inodes: set[int] = set()
    for entry in walk_files(folder):
        files += 1
        size += entry.stat(follow_symlinks=False).st_size
        inodes.add(entry.inode())
    return files, size, inodes


def pair_page_bytes(out: Path) -> tuple[int, int, int]:
    """How many pair pages ``out`` has, the bytes of their HTML in all, and of the largest."""
    pages = size = largest = 0
    for folder in os.scandir(out / "compare"):
        if folder.is_dir() and "-vs-" in folder.name:
            pages += 1
            page = (Path(folder.path) / "index.html").stat().st_size
            size += page
            largest = max(largest, page)
    return pages, size, largest


def settle() -> None:
    """Wait until the writes of earlier steps are on disk (``sync``), outside any timing.

    A cold build writes hundreds of MB that the kernel writes out over the next seconds;
    without this, the step after it would be timed while sharing the disk with them.
    """
    os.sync()


@dataclass(frozen=True)
class Floor:
    """The fastest ``cp -r`` of the output tree: its wall time and its CPU seconds."""

    seconds: float
    user_s: float = 0.0
    sys_s: float = 0.0


def cp_floor(out: Path, trash: Trash, runs: int = 2) -> Floor:
    """The fastest of ``runs`` timings of ``cp -r`` of the output tree to a new sibling
    folder, each copy moved to ``trash`` after it is timed."""
    copy = out.parent / f"{out.name}-copy"
    best = Floor(math.inf)
    for _ in range(runs):
        settle()
        started = time.perf_counter()
        process = subprocess.Popen(["cp", "-r", str(out), str(copy)])
        usage = reap(process)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, process.args)
        if wall < best.seconds:
            best = Floor(wall, usage.ru_utime, usage.ru_stime)
        trash.discard(copy)
    return best


def files_beside(
    work: Path, skip: Sequence[Path], known: set[str], linked: set[int]
) -> tuple[int, int]:
    """Files and bytes the builds keep in ``work``: outside ``skip``, not in ``known``.

    Files that are hard links to an inode in ``linked`` (the output) take no
    space of their own and are not counted.
    """
    files = size = 0
    for entry in walk_files(work, frozenset(str(path) for path in skip)):
        relative = Path(entry.path).relative_to(work).as_posix()
        if relative not in known and entry.inode() not in linked:
            files += 1
            size += entry.stat(follow_symlinks=False).st_size
    return files, size


# --- one catalog size -------------------------------------------------------


@dataclass(frozen=True)
class SizeRun:
    n: int
    steps: list[Step]
    edits: list[str]
    floor: Floor
    out_files: int
    out_bytes: int
    state_files: int
    state_bytes: int
    pair_pages: int
    pair_html_bytes: int
    pair_html_largest: int
    generate_s: float
    results: int
    categories: int
    outcome_runs: int = 0
    """Results that give one outcome per prompt."""

    def step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)


COLD, NOOP, CARD = "cold build", "no-op rebuild", "edit one card"
LOAD = "load only"
"""Not a build: ``one_build.py --load-only``, what every rebuild after an edit does first."""
DESCRIPTION, RESULT, OUTCOME, BASE, MODEL, REMOVE = (
    "edit a description",
    "edit one result",
    "edit one outcome",
    "edit base.html",
    "edit model.html",
    "remove a model",
)


def best_of(runs: Sequence[Step]) -> Step:
    """The fastest of a step's runs, with the highest peak memory of them all."""
    fastest = min(runs, key=lambda step: step.build_s)
    return replace(
        fastest,
        peak_rss=max(step.peak_rss for step in runs),
        max_rss=max(step.max_rss for step in runs),
    )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Options:
    sizes: list[int]
    jobs: int | None
    keep: Path | None
    results: Path
    seed: int
    repeats: int = 2


TRASH = ".bench-trash"
"""The folder of a workspace that its discarded trees wait in."""


@dataclass
class Workspace:
    """One size's folder and its one trash: a temporary folder is removed whole after the
    last size, a kept one (``--keep``) only emptied of its trash."""

    path: Path
    temporary: bool
    trash: Trash = field(init=False)

    def __post_init__(self) -> None:
        self.trash = Trash(self.path / TRASH)

    def cleanup(self) -> None:
        if self.temporary:
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            self.trash.empty()


def workspace(options: Options, n: int) -> Workspace:
    if options.keep is None:
        return Workspace(Path(tempfile.mkdtemp(prefix=f"versus-bench-{n}-")), temporary=True)
    path = options.keep / f"n{n}"
    if path.exists() and any(path.iterdir()):
        raise SystemExit(f"bench: {path} is not empty; remove it or choose another --keep folder")
    path.mkdir(parents=True, exist_ok=True)
    return Workspace(path, temporary=False)


def check_disk(folder: Path, n: int) -> None:
    # the site, the first cold build's and two copies, all kept until the end of the run
    needed = n * (n - 1) // 2 * BYTES_PER_PAGE * 4
    free = shutil.disk_usage(folder).free
    if free < needed:
        say(
            f"bench: warning: N={n} needs about {needed / 1e9:.1f} GB free in {folder}; "
            f"{free / 1e9:.1f} GB are free"
        )


def run_size(options: Options, n: int, space: Workspace) -> SizeRun:
    """Every step at size ``n`` in the empty workspace ``space``, which it leaves as it is:
    the workspace is removed after the last size (:class:`Trash`)."""
    work, trash = space.path, space.trash
    check_disk(work, n)
    project, out = work / "project", work / "site"
    say(f"[N={n}] generating the catalog in {project}")
    started = time.perf_counter()
    generate(project, n, options.seed)
    generate_s = time.perf_counter() - started
    known = {Path(entry.path).relative_to(work).as_posix() for entry in walk_files(project)}
    results = sum(1 for p in (project / "evals").glob("*/*.yaml") if p.name not in SUITE_FILES)
    outcome_runs = sum(1 for _ in (project / "evals").glob("*/*.outcomes.jsonl"))
    suite = yaml.safe_load((project / "evals" / GENERATED_SUITE / "suite.yaml").read_text())
    categories = len(suite["categories"])

    # the edit before each run of a step, by run (0, 1, ...)
    middle = max(1, n // 2)
    plan: list[tuple[str, Callable[[int], str]]] = [
        (
            COLD,
            lambda run: clear_output(project, out, trash) if run else "empty output folder",
        ),
        (NOOP, lambda run: "nothing changed"),
        (CARD, lambda run: edit_card(project, model_id(min(n, middle + run)))),
        (
            LOAD,
            lambda run: (
                "nothing changed; the catalog loaded as a rebuild after an edit loads "
                "it (imports, input files hashed, every file validated), no page rendered"
            ),
        ),
        (
            DESCRIPTION,
            lambda run: edit_card(project, model_id(min(n, middle + run)), "description"),
        ),
        (RESULT, lambda run: edit_result(project)),
        (OUTCOME, lambda run: edit_outcome(project, run)),
        (BASE, lambda run: edit_base_template(project)),
        (MODEL, lambda run: edit_model_template(project)),
        (REMOVE, lambda run: remove_model(project, model_id(1 + run))),
    ]
    steps: list[Step] = []
    edits: list[str] = []
    for name, edit in plan:
        runs: list[Step] = []
        said: list[str] = []
        for run in range(options.repeats if name != REMOVE or n > 2 else 1):
            said.append(edit(run))
            settle()
            try:
                step = run_build(name, project, out, options.jobs, load_only=name == LOAD)
            except BuildFailedError as error:
                raise StoppedError(n, steps, error) from error
            say(
                f"[N={n}] {name} ({run + 1}): build {step.build_s:.2f} s "
                f"(wall {step.wall_s:.2f} s), {step.written} written, "
                f"{step.unchanged} unchanged, {step.removed} removed, "
                f"peak {step.peak_rss / MB:.0f} MB"
            )
            runs.append(step)
        edits.append("; then ".join(dict.fromkeys(said)))
        steps.append(best_of(runs))
    out_files, out_bytes, inodes = tree_size(out)
    say(f"[N={n}] timing cp -r of {out_files} files ({out_bytes / MB:.0f} MB), twice")
    floor = cp_floor(out, trash)
    pair_pages, pair_html_bytes, pair_html_largest = pair_page_bytes(out)
    state_files, state_bytes = files_beside(work, [out, trash.folder], known, inodes)
    return SizeRun(
        n=n,
        steps=steps,
        edits=edits,
        floor=floor,
        out_files=out_files,
        out_bytes=out_bytes,
        state_files=state_files,
        state_bytes=state_bytes,
        pair_pages=pair_pages,
        pair_html_bytes=pair_html_bytes,
        pair_html_largest=pair_html_largest,
        generate_s=generate_s,
        results=results,
        categories=categories,
        outcome_runs=outcome_runs,
    )


# --- tables ---------------------------------------------------------------------


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table padded to line up in a terminal too (numbers right-aligned)."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    numeric = [
        any(re.match(r"^[0-9]", row[i]) for row in rows)
        and all(re.match(r"^[0-9.,]+", row[i]) or row[i] in {"-", ""} for row in rows)
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        padded = (
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join(
            "-" * (width + 1) + (":" if right else "-")
            for width, right in zip(widths, numeric, strict=True)
        )
        + "|"
    )
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.2f}"


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}x" if floor > 0 else "-"


def size_table(run: SizeRun) -> str:
    return steps_table(run.steps, run.floor)


def steps_table(steps: Sequence[Step], floor_run: Floor | None) -> str:
    """One row per build, and one for the floor when it was measured."""
    floor = floor_run.seconds if floor_run is not None else 0.0
    headers = [
        "step",
        "wall s",
        "import s",
        "build s",
        "build / floor",
        "wall / floor",
        "user s",
        "sys s",
        "written",
        "unchanged",
        "removed",
        "peak RSS MB",
        "max RSS MB",
    ]
    rows = [
        [
            step.name,
            seconds(step.wall_s),
            seconds(step.import_s),
            seconds(step.build_s),
            ratio(step.build_s, floor),
            ratio(step.wall_s, floor),
            seconds(step.user_s),
            seconds(step.sys_s),
            *(
                ["-"] * 3
                if step.name == LOAD
                else [f"{step.written:,}", f"{step.unchanged:,}", f"{step.removed:,}"]
            ),
            f"{step.peak_rss / MB:,.0f}",
            f"{step.max_rss / MB:,.0f}",
        ]
        for step in steps
    ]
    if floor_run is not None:
        rows.append(
            ["cp -r (floor)", seconds(floor), "-", seconds(floor), "1.00x", "1.00x"]
            + [seconds(floor_run.user_s), seconds(floor_run.sys_s)]
            + ["-"] * 5
        )
    return markdown_table(headers, rows)


def size_section(run: SizeRun) -> str:
    cold = run.step(COLD)
    edits = "\n".join(
        f"- {step.name}: {edit}" for step, edit in zip(run.steps, run.edits, strict=True)
    )
    return (
        f"### N = {run.n}\n\n"
        f"{run.n} models, {run.results} results on 2 suites of {PROMPTS_PER_SUITE} prompts "
        f"each ({run.outcome_runs} of the results with one outcome per prompt; the generated "
        f"suite has {run.categories} categories); the cold build made {cold.pages:,} pages "
        f"({cold.files:,} files). Generating the catalog took {run.generate_s:.1f} s.\n"
        f"Output after the last step: {run.out_files:,} files, {run.out_bytes / MB:,.1f} MB; "
        f"floor (`cp -r` of it, best of 2): {run.floor.seconds:.3f} s. "
        f"Per pair page: {run.out_bytes / max(run.pair_pages, 1) / KB:,.1f} KB of output in all, "
        f"{run.pair_html_bytes / max(run.pair_pages, 1) / KB:,.1f} KB of it the page's HTML "
        f"(the largest page: {run.pair_html_largest / KB:,.1f} KB). "
        "Files the builds keep beside the output and the project's own files (state, "
        "caches; hard links to output files not counted): "
        f"{run.state_files:,} files, {run.state_bytes / MB:,.1f} MB.\n\n"
        f"{size_table(run)}\n\n"
        f"Edits before each step:\n\n{edits}\n"
    )


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    limit: str
    met: bool | None


SAMPLE_SIZE = 5
"""Models in the repository's sample project: the no-op wall target is judged at this N."""

NOOP_WALL_S = 0.15
"""A no-op ``versus build`` at the sample's size, from process start to exit."""

CARD_WALL_S = 0.5
"""A rebuild after one card edit at N = 200, from process start to exit."""


PAIR_HTML_BYTES = 40 * 1024
"""Most HTML of one pair page at N = 500 with outcomes ("Where they differ" is capped), as
tests/site/test_differences_page.py bounds it."""
PAIR_HTML_NAME = "N=500 every pair page at most 40 KB (40,960 bytes) of HTML"

SITE_BYTES = 1_000_000_000
"""GitHub Pages' limit of a published site (versus.build.hosts)."""
SITE_NAME = "N=500 default site under 1 GB (GitHub Pages' limit)"


def targets(runs: Sequence[SizeRun]) -> list[Target]:
    by_size = {run.n: run for run in runs}
    found: list[Target] = []
    noop_name = (
        f"N={SAMPLE_SIZE} (the sample's size) no-op rebuild at most {NOOP_WALL_S} s wall "
        "from process start"
    )
    if SAMPLE_SIZE in by_size:
        noop = by_size[SAMPLE_SIZE].step(NOOP)
        found.append(
            Target(
                noop_name,
                f"{noop.wall_s:.3f} s wall ({noop.build_s:.3f} s build)",
                f"<= {NOOP_WALL_S} s",
                noop.wall_s <= NOOP_WALL_S,
            )
        )
    else:
        found.append(Target(noop_name, f"not measured (N={SAMPLE_SIZE} not in --sizes)", "-", None))
    card_name = f"N=200 rebuild after one card edit at most {CARD_WALL_S} s wall from process start"
    if 200 in by_size:
        run = by_size[200]
        cold, card, noop = run.step(COLD), run.step(CARD), run.step(NOOP)
        found += [
            Target(
                "N=200 cold build at most 3x the cp -r floor of its output",
                f"{cold.build_s:.2f} s = {cold.build_s / run.floor.seconds:.2f}x the floor "
                f"({run.floor.seconds:.2f} s)",
                f"<= {3 * run.floor.seconds:.2f} s",
                cold.build_s <= 3 * run.floor.seconds,
            ),
            Target(
                "N=200 rebuild after one card edit at most 1/40 of the cold build",
                f"{card.build_s:.2f} s = 1/{cold.build_s / card.build_s:.1f} of cold",
                f"<= {cold.build_s / 40:.3f} s",
                card.build_s <= cold.build_s / 40,
            ),
            Target(
                card_name,
                f"{card.wall_s:.3f} s wall ({card.build_s:.3f} s build)",
                f"<= {CARD_WALL_S} s",
                card.wall_s <= CARD_WALL_S,
            ),
            Target(
                "N=200 no-op rebuild at most 1/100 of the cold build",
                f"{noop.build_s:.3f} s = 1/{cold.build_s / noop.build_s:.1f} of cold",
                f"<= {cold.build_s / 100:.3f} s",
                noop.build_s <= cold.build_s / 100,
            ),
        ]
    else:
        found += [
            Target(name, "not measured (N=200 not in --sizes)", "-", None)
            for name in (
                "N=200 cold build at most 3x the cp -r floor of its output",
                "N=200 rebuild after one card edit at most 1/40 of the cold build",
                card_name,
                "N=200 no-op rebuild at most 1/100 of the cold build",
            )
        ]
    if 500 in by_size:
        run = by_size[500]
        cold = run.step(COLD)
        per_pair = run.out_bytes / max(run.pair_pages, 1)
        found += [
            Target(
                "N=500 output at most about 30 KB per pair page",
                f"{per_pair / KB:,.1f} KB in all ({run.pair_html_bytes / max(run.pair_pages, 1) / KB:,.1f}"
                " KB the page's HTML, the rest the site's other files)",
                "<= 30 KB",
                per_pair <= 30 * KB,
            ),
            Target(
                SITE_NAME,
                f"{run.out_bytes / MB:,.1f} MB, {run.out_files:,} files",
                f"< {SITE_BYTES / MB:,.0f} MB",
                run.out_bytes < SITE_BYTES,
            ),
            Target(
                PAIR_HTML_NAME,
                f"{run.pair_html_largest / KB:,.1f} KB (the largest of {run.pair_pages:,})",
                f"<= {PAIR_HTML_BYTES:,} bytes",
                run.pair_html_largest <= PAIR_HTML_BYTES,
            ),
            Target(
                "N=500 cold build under 2 minutes",
                f"{cold.build_s:.1f} s",
                "< 120 s",
                cold.build_s < 120,
            ),
            Target(
                "N=500 cold build peak memory under 1 GB",
                f"{cold.peak_rss / MB:,.0f} MB (process tree, summed VmRSS)",
                "< 1,000 MB",
                cold.peak_rss < 1000 * MB,
            ),
        ]
    else:
        found += [
            Target(name, "not measured (N=500 not in --sizes)", "-", None)
            for name in (
                "N=500 output at most about 30 KB per pair page",
                SITE_NAME,
                PAIR_HTML_NAME,
                "N=500 cold build under 2 minutes",
                "N=500 cold build peak memory under 1 GB",
            )
        ]
    return found


def targets_table(found: Sequence[Target]) -> str:
    verdict = {True: "met", False: "NOT met", None: "-"}
    return markdown_table(
        ["target", "measured", "limit", "result"],
        [[t.name, t.measured, t.limit, verdict[t.met]] for t in found],
    )


# --- the machine ----------------------------------------------------------------


def _run_text(command: Sequence[str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def command_line() -> str:
    """The command as it was typed (from /proc/self/cmdline when there is one)."""
    try:
        raw = Path("/proc/self/cmdline").read_bytes()
        return shlex.join(part.decode() for part in raw.split(b"\0") if part)
    except OSError:
        return shlex.join([sys.executable, *sys.argv])


def header(options: Options) -> str:
    cores = _run_text(["nproc"]) or str(os.cpu_count())
    revision = _run_text(["git", "describe", "--always", "--dirty"]) or "unknown"
    jobs = str(options.jobs) if options.jobs else "default (one per CPU)"
    return (
        "# versus benchmark results\n\n"
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}\n"
        f"- Machine: {cores} cores (`nproc`), {cpu_model()}, "
        f"{platform.system()} {platform.release()}\n"
        f"- Python: {platform.python_version()} ({sys.executable})\n"
        f"- versus: git {revision}\n"
        f"- Command: `{command_line()}`\n"
        f"- Sizes: {', '.join(map(str, options.sizes))}; seed {options.seed}; jobs: {jobs}; "
        f"runs per step: {options.repeats}\n\n"
        f"Each step runs {options.repeats} time(s), each run after its own edit of the step's "
        "kind (the cold build: again into an empty folder, without the cache the first run "
        "left); a step's row shows its fastest run, as the floor is the faster of two copies, "
        "and the highest peak memory of its runs. "
        "Each build runs in a fresh process (`bench/one_build.py`). **Wall** is that whole "
        "process, from its start to its exit, as a user running `versus build` waits for it. "
        "**Build time** is measured inside the process with `time.perf_counter` around the "
        "`versus.build.pipeline.build()` call: it excludes interpreter start-up and "
        "`import versus.build.pipeline` (its own column, `import s`), but includes what a build "
        "imports only once it knows something changed (the loader, the schemas, Jinja, "
        "Markdown: a no-op build imports none of them). The targets say which of the two "
        "each is judged on. The **load only** row is no build: `one_build.py --load-only` does what "
        "every rebuild after an edit does before its first page (the imports, the input files "
        "hashed, the catalog loaded from the cache with every file validated) and nothing "
        "else, so its wall is a floor under each edit's. The **floor** is the lower of two "
        "timed `cp -r` runs of the output tree after the last step: the cost of writing the "
        "same bytes. **Peak RSS** is the peak of the summed VmRSS of the build process and all "
        "its descendants, sampled from `/proc` every 20 ms (pages shared by forked workers "
        "count once per process); **max RSS** is `ru_maxrss` from `wait4`, the largest single "
        "process of the tree. **User s** and **sys s** are the CPU seconds, in user mode and in "
        "the kernel, of the process and every descendant it waited for (its workers, Pagefind; "
        "for the floor, `cp`), from `wait4`: sys s is mostly the file system's work, and says "
        "how much of a run the disk decided. MB are 10^6 bytes, KB 10^3. The OS page cache is not cleared between "
        "steps; before each timed step (every build, every `cp -r`) the bench calls `sync`, so "
        "that no step is timed while the disk still writes out an earlier one, and it deletes "
        "no tree before one: the folder emptied for the second cold run and each copy wait "
        'in the workspace until the last size is done (bench/README.md, "Reading them").\n'
    )


def files_table(runs: Sequence[SizeRun]) -> str:
    """Files and bytes of the default site at each size, and the hosts it fits."""
    from versus.build.hosts import HOSTS, SiteSize

    rows = []
    for run in runs:
        size = SiteSize(run.out_files, run.out_bytes)
        fits = [host.name for host in HOSTS.values() if not size.over(host)]
        rows.append(
            [
                str(run.n),
                f"{run.out_files:,}",
                f"{run.out_bytes / MB:,.1f}",
                f"{run.pair_pages:,}",
                ", ".join(fits) or "none",
            ]
        )
    return markdown_table(
        ["N", "files", "MB", "pair pages", "fits (total size and file count)"], rows
    )


def report(options: Options, runs: Sequence[SizeRun]) -> str:
    sections = "\n".join(size_section(run) for run in runs)
    return (
        f"{header(options)}\n## Targets\n\n{targets_table(targets(runs))}\n\n"
        "## Files and bytes\n\nThe default site (`pairs: auto`) after the last step, at each "
        f"size:\n\n{files_table(runs)}\n\n## Steps\n\n{sections}"
    )


# --- the command ----------------------------------------------------------------


def parse(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="Benchmark versus builds on synthetic catalogs of N models.",
    )
    parser.add_argument(
        "--sizes",
        default="5,50,200,500",
        help="catalog sizes, comma-separated (default: 5,50,200,500)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="processes that render pages (default: versus's)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="generate and build in DIR/n<N> and keep them (default: a temporary folder)",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=BENCH / "RESULTS.md",
        help="where to write the Markdown report (default: bench/RESULTS.md)",
    )
    parser.add_argument("--seed", type=int, default=1, help="catalog seed (default: 1)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=2,
        help="runs of each step, each after its own edit; the fastest counts (default: 2)",
    )
    args = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes: expected numbers separated by commas; got {args.sizes!r}")
    if not sizes or any(size < 2 for size in sizes):
        parser.error("--sizes: every size must be at least 2")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs: must be at least 1")
    if args.repeats < 1:
        parser.error("--repeats: must be at least 1")
    return Options(sizes, args.jobs, args.keep, args.results, args.seed, args.repeats)


def iter_runs(options: Options) -> Iterator[SizeRun]:
    """Each size's run, in its own workspace; all of them are removed (or, kept, emptied of
    their trash) only after the last size, so that no timed step follows a large deletion."""
    spaces: list[Workspace] = []
    try:
        for n in options.sizes:
            spaces.append(workspace(options, n))
            yield run_size(options, n, spaces[-1])
    finally:
        for space in spaces:
            if options.keep is None:
                say(f"bench: removing {space.path}")
            space.cleanup()


def compile_package() -> None:
    """Byte-compile versus as ``pip install`` does, so that each timed process imports it
    as an installed copy would: with ``PYTHONDONTWRITEBYTECODE`` set and an editable
    install, every process would otherwise compile every module from source."""
    import compileall

    import versus

    compileall.compile_dir(Path(versus.__file__).parent, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    compile_package()
    runs: list[SizeRun] = []
    try:
        for run in iter_runs(options):
            runs.append(run)
            print(size_section(run), flush=True)
    except StoppedError as stopped:
        if stopped.steps:
            table = steps_table(stopped.steps, None)
            print(f"### N = {stopped.n} (stopped; no floor)\n\n{table}\n", flush=True)
        say(f"bench: a build failed, {options.results} was not changed: {stopped}")
        return 1
    text = report(options, runs)
    print(f"## Targets\n\n{targets_table(targets(runs))}\n", flush=True)
    options.results.parent.mkdir(parents=True, exist_ok=True)
    options.results.write_text(text, "utf-8")
    say(f"bench: wrote {options.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
