"""One measured build, in a process of its own: ``python bench/one_build.py PROJECT OUT [--jobs N]``.

Times ``import versus.build.pipeline`` and the ``build()`` call with ``time.perf_counter``
(the call includes what a build imports once it finds something changed: the loader,
the schemas, Jinja, Markdown; a no-op imports none of them) and prints one JSON line.
It imports no more than ``versus build`` does, so that the wall time the runner measures
around this process is the command's::

    {"import_s": ..., "build_s": ..., "pages": ..., "files": ...,
     "written": ..., "unchanged": ..., "removed": ...}

Only the public ``versus.build.pipeline.build`` function is used, so the benchmark keeps
working while the build's internals change. Problems in the input are printed
as ``versus`` prints them, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("project", type=Path, help="the project folder (holds versus.yaml)")
    parser.add_argument("out", type=Path, help="the output folder")
    parser.add_argument("--jobs", type=int, default=None, help="processes that render pages")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    import versus.build.pipeline
    from versus.inputs.problems import InputError

    imported = time.perf_counter()
    try:
        report = versus.build.pipeline.build(args.project, args.out, jobs=args.jobs)
    except InputError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        print(f"one_build: {len(error.problems)} problems; nothing was built", file=sys.stderr)
        return 1
    finished = time.perf_counter()
    line = {
        "import_s": round(imported - started, 6),
        "build_s": round(finished - imported, 6),
        "pages": report.pages,
        "files": report.files,
        "written": report.publish.written,
        "unchanged": report.publish.unchanged,
        "removed": report.publish.removed,
    }
    print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no interpreter teardown, as the versus script ends (versus.cli.run)
