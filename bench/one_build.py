"""One measured build, in a process of its own: ``python bench/one_build.py PROJECT OUT [--jobs N]``.

Times ``import versus.build.pipeline`` and the ``build()`` call with ``time.perf_counter``
(the call includes what a build imports once it finds something changed: the loader,
the schemas, Jinja, Markdown; a no-op imports none of them) and prints one JSON line.
It imports no more than ``versus build`` does, so that the wall time the runner measures
around this process is the command's::

    {"import_s": ..., "build_s": ..., "pages": ..., "files": ...,
     "written": ..., "unchanged": ..., "removed": ...}

With ``--load-only`` it builds nothing: it does what every build that changes something
does before its first page, and nothing after (the imports of rendering too: the schemas,
Jinja, the views; the input files hashed; the whole catalog loaded from the project's
cache, every file validated, with the build's setting of the cycle collector), and
writes nothing, not even the cache. ``build_s`` is then that load, the counts 0: the
process's wall time is a floor under any rebuild after an edit.

Only public functions of versus are used (``versus.build.pipeline.build``; for the load,
``load_project`` and what the build hands it), so the benchmark keeps working while the
build's internals change. Problems in the input are printed as ``versus`` prints them,
and the exit code is 1.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("project", type=Path, help="the project folder (holds versus.yaml)")
    parser.add_argument("out", type=Path, help="the output folder")
    parser.add_argument("--jobs", type=int, default=None, help="processes that render pages")
    parser.add_argument(
        "--load-only", action="store_true", help="load the catalog as a build does; build nothing"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    import versus.build.pipeline
    from versus.inputs.problems import InputError

    imported = time.perf_counter()
    try:
        if args.load_only:
            counts = _load(args.project)
        else:
            report = versus.build.pipeline.build(args.project, args.out, jobs=args.jobs)
            counts = {
                "pages": report.pages,
                "files": report.files,
                "written": report.publish.written,
                "unchanged": report.publish.unchanged,
                "removed": report.publish.removed,
            }
    except InputError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        print(f"one_build: {len(error.problems)} problems; nothing was built", file=sys.stderr)
        return 1
    finished = time.perf_counter()
    line = {"import_s": round(imported - started, 6), "build_s": round(finished - imported, 6)}
    print(json.dumps({**line, **counts}), flush=True)
    return 0


def _load(project: Path) -> dict[str, Any]:
    """What a build that changes something does before its first page; nothing counted."""
    import versus.build.parallel  # the render workers, Jinja and the views
    from versus.build import fingerprint
    from versus.inputs.cache import DocumentCache
    from versus.inputs.load import load_project

    # the cycle collector as a build sets it (versus.build.pipeline._collector_tuned)
    gc.set_threshold(versus.build.pipeline.COLLECT_AFTER, *gc.get_threshold()[1:])
    load_project(
        project, DocumentCache.for_project(project), digests=fingerprint.input_files(project)
    )
    return dict.fromkeys(("pages", "files", "written", "unchanged", "removed"), 0)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no interpreter teardown, as the versus script ends (versus.cli.run)
