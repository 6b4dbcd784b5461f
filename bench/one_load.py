"""The least a build that changes something does, in a process of its own:
``python bench/one_load.py PROJECT OUT [--jobs N]``.

What every such build does before its first page, and nothing after: the imports of
``versus build`` and of rendering (the schemas, Jinja, the views), the input files hashed,
and the whole catalog loaded from the project's cache, every file validated, as
``versus.build.pipeline.build`` does (with its setting of the cycle collector). It
renders, writes and saves nothing (``OUT`` and ``--jobs`` are taken only to be called as
``one_build.py`` is). It prints one JSON line in ``one_build.py``'s shape, ``build_s``
the load and nothing counted::

    {"import_s": ..., "build_s": ..., "pages": 0, "files": 0,
     "written": 0, "unchanged": 0, "removed": 0}

Its wall time, from process start, is a floor under any rebuild after an edit.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("project", type=Path, help="the project folder (holds versus.yaml)")
    parser.add_argument("out", type=Path, help="not used: one_build.py's arguments")
    parser.add_argument("--jobs", type=int, default=None, help="not used")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    import versus.build.pipeline  # what one_build.py times as its imports
    from versus.inputs.problems import InputError

    imported = time.perf_counter()
    import versus.build.parallel  # the render workers, Jinja and the views
    from versus.build import fingerprint
    from versus.inputs.cache import DocumentCache
    from versus.inputs.load import load_project

    # the cycle collector as a build sets it (versus.build.pipeline._collector_tuned)
    gc.set_threshold(versus.build.pipeline.COLLECT_AFTER, *gc.get_threshold()[1:])
    try:
        load_project(
            args.project,
            DocumentCache.for_project(args.project),
            digests=fingerprint.input_files(args.project),
        )
    except InputError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        print(f"one_load: {len(error.problems)} problems", file=sys.stderr)
        return 1
    finished = time.perf_counter()
    counts = dict.fromkeys(("pages", "files", "written", "unchanged", "removed"), 0)
    line = {"import_s": round(imported - started, 6), "build_s": round(finished - imported, 6)}
    print(json.dumps({**line, **counts}), flush=True)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no interpreter teardown, as the versus script ends (versus.cli.run)
