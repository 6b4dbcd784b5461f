import sys
from pathlib import Path

# `python -m versus` puts the current folder first on the import path: a file of the
# project (a pull request's `yaml.py`) must never be imported as code.
if sys.path and sys.path[0] in ("", str(Path.cwd())):
    del sys.path[0]

from versus.cli import run

run()
