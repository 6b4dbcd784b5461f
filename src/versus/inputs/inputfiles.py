"""The project's input files: which they are, and how one is opened safely.

A project is data a pull request can change, so nothing in it is taken on
trust as a file: a card may be a link to ``/etc/passwd``, a FIFO, a link to
``/dev/zero`` or a folder named ``x.yaml``. Every reader of the project (the
loader, the fingerprint of a build, the parse-ahead pool, the Jinja loader of
the project's templates, the assets) goes through this module, which reads a file only
if, after resolving links, it is a regular file inside the project, and reads
at most a bounded number of bytes of it. Anything else is a :class:`Problem`
on the name the user wrote (never the link's target, never the contents), and
nothing that can block is opened: the kind of a file is known from ``stat``
before it is opened, and it is opened non-blocking and checked again by
``fstat``.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from enum import Enum
from pathlib import Path

from versus.inputs import theme
from versus.inputs.problems import Problem, printable

CONFIG_FILE = "versus.yaml"
MODELS_DIR = "models"
EVALS_DIR = "evals"
TEMPLATES_DIR = "templates"
ASSETS_DIR = "assets"
SUITE_FILE = "suite.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
PROMPTS_STEM = "prompts"
"""A suite's prompt list is ``prompts.yaml`` (or ``.yml``) or ``prompts.jsonl``."""
JSONL_SUFFIX = ".jsonl"
OUTCOMES_SUFFIX = ".outcomes.jsonl"
"""A run's outcomes, one per prompt, beside its result: ``<model-id>.outcomes.jsonl``."""
PROMPT_FILES = tuple(f"{PROMPTS_STEM}{suffix}" for suffix in (*YAML_SUFFIXES, JSONL_SUFFIX))
"""The names a suite's prompt list may have, the one read first when there are several."""
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
"""The kinds of image a prompt may show (by the file name's ending, in any case)."""
RESERVED_IDS = (PROMPTS_STEM, SUITE_FILE.removesuffix(".yaml"))
"""Names of a suite's own files: no model may have them, or its results would be misread."""
INPUT_PARTS = (CONFIG_FILE, MODELS_DIR, EVALS_DIR, TEMPLATES_DIR)
"""What a build reads, relative to the project (versus's own code and theme aside)."""
CACHE_DIR = ".versus-cache"
"""Where versus keeps what it parsed (:mod:`versus.inputs.cache`): no input, never output."""

MAX_YAML_BYTES = 1024 * 1024
"""The largest card, suite, result or ``versus.yaml``: a card is a page of text."""
MAX_TEMPLATE_BYTES = 1024 * 1024
"""The largest template of a project: the theme's largest is a few kilobytes."""
MAX_ASSET_BYTES = 16 * 1024 * 1024
"""The largest file of a project's ``templates/assets``: assets are held in memory."""
MAX_JSONL_BYTES = 16 * 1024 * 1024
"""The largest ``prompts.jsonl`` or outcomes file: thousands of prompts with their answers."""
MAX_IMAGE_BYTES = 5 * 1024 * 1024
"""The largest prompt image: a page shows it, so it must stay a reasonable download."""

OUTSIDE = "a link to a {} outside the project; versus reads only files inside it"
OUTSIDE_FOLDER = "a {} in a linked folder outside the project; versus reads only files inside it"


class Kind(Enum):
    """What a name in the project is, once its links are resolved."""

    FILE = "file"
    FOLDER = "folder"


def is_input_yaml(name: str) -> bool:
    """Whether the loader reads ``name`` (a project-relative POSIX path) as YAML."""
    if name == CONFIG_FILE:
        return True
    return name.startswith((f"{MODELS_DIR}/", f"{EVALS_DIR}/")) and name.endswith(YAML_SUFFIXES)


def _in_suite(name: str) -> str | None:
    """The file name of ``name`` if it lies directly in a suite's folder, else ``None``."""
    folder, _, rest = name.partition("/")
    if folder != EVALS_DIR or rest.count("/") != 1:
        return None
    return rest.rsplit("/", 1)[1]


def is_input_jsonl(name: str) -> bool:
    """Whether the loader reads ``name`` as JSON Lines: a suite's ``prompts.jsonl`` or a
    run's ``<model-id>.outcomes.jsonl``."""
    base = _in_suite(name)
    return base is not None and (
        (base in PROMPT_FILES and base.endswith(JSONL_SUFFIX))
        or (base.endswith(OUTCOMES_SUFFIX) and len(base) > len(OUTCOMES_SUFFIX))
    )


def is_prompt_list(name: str) -> bool:
    """Whether ``name`` is a suite's ``prompts.yaml`` (or ``.yml``): the one YAML file that is
    a list, not a mapping."""
    base = _in_suite(name)
    return base is not None and base in PROMPT_FILES and base.endswith(YAML_SUFFIXES)


def is_image(name: str) -> bool:
    """Whether ``name`` ends as a prompt image does (:data:`IMAGE_SUFFIXES`)."""
    return name.lower().endswith(IMAGE_SUFFIXES)


def model_of(name: str) -> str | None:
    """The model id a card (``models/<id>.yaml``), a result (``evals/<suite>/<id>.yaml``) or
    a run's outcomes (``evals/<suite>/<id>.outcomes.jsonl``) is of; ``None`` for every other
    input (the config, a suite, its prompt list and images), which all pages read."""
    folder, _, rest = name.partition("/")
    stem = rest.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if folder == MODELS_DIR:
        return stem
    base = _in_suite(name)
    if base is None:
        return None
    if base.endswith(OUTCOMES_SUFFIX):
        return base.removesuffix(OUTCOMES_SUFFIX) or None
    if base.endswith(YAML_SUFFIXES) and stem not in RESERVED_IDS:
        return stem
    return None


def limit_of(name: str) -> int:
    """The size limit of the input file ``name`` (a project-relative POSIX path)."""
    if name.startswith(f"{TEMPLATES_DIR}/{ASSETS_DIR}/"):
        return MAX_ASSET_BYTES
    if name.startswith(f"{TEMPLATES_DIR}/"):
        return MAX_TEMPLATE_BYTES
    if name.startswith(f"{EVALS_DIR}/"):
        if is_input_jsonl(name):
            return MAX_JSONL_BYTES
        if is_image(name):
            return MAX_IMAGE_BYTES
    return MAX_YAML_BYTES


def _problem(name: str, message: str, hint: str = "") -> Problem:
    return Problem.of_file(printable(name), message, hint)


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str:
    kind = next((what for test, what in _SPECIAL if test(mode)), "a special file")
    return f"not a regular file ({kind}); versus reads only regular files"


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip("/") + "/")


def writable_folder(root: Path, name: str) -> Problem | None:
    """Why versus may not write into the project's folder ``name`` (a project-relative
    POSIX path), or ``None``: a folder that is, or lies behind, a link out of the
    project would put the file outside it."""
    real = os.path.realpath(f"{root}/{name}")
    if _inside(real, _real_root(root)):
        return None
    return _problem(name, "a link to a folder outside the project; versus writes only inside it")


def _real_root(root: Path) -> str:
    """The project folder with every link resolved."""
    return os.path.realpath(root)


def _fd_path(handle: int, fallback: str) -> str:
    """Where the open file ``handle`` is, every link resolved (Linux says it at once)."""
    try:
        return os.readlink(f"/proc/self/fd/{handle}")  # noqa: PTH115 - a plain string, no Path
    except OSError:
        return os.path.realpath(fallback)


def _resolved(root: Path, name: str) -> tuple[str, os.stat_result] | Problem | None:
    """The real path of ``name`` under ``root`` and its ``stat``, ``None`` if there is
    nothing there, or why it is refused."""
    path = f"{root}/{name}"
    try:
        linked = stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError:
        return None
    except PermissionError as error:  # no search permission: the folder is what is refused
        folder = name.rpartition("/")[0] or "."
        return _problem(folder, f"cannot read the folder: {error.strerror}")
    except OSError as error:
        return _problem(name, f"cannot read it: {error.strerror}")
    try:
        real = os.path.realpath(path, strict=True)
        info = os.lstat(real)  # as stat: every link on the way is resolved
    except FileNotFoundError:
        return _problem(name, "a link to nothing: its target does not exist")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return _problem(name, "a link that leads back to itself; versus cannot follow it")
        return _problem(name, f"cannot read it: {error.strerror}")
    if not _inside(real, _real_root(root)):
        what = "folder" if stat.S_ISDIR(info.st_mode) else "file"
        return _problem(name, OUTSIDE.format(what) if linked else OUTSIDE_FOLDER.format(what))
    return real, info


def inspect(root: Path, name: str) -> Kind | Problem | None:
    """What ``name`` (a project-relative POSIX path) is once its links are resolved:
    a file, a folder, ``None`` when there is nothing there, or a :class:`Problem` when
    versus must not read it (a link out of the project or a loop, a FIFO, a socket,
    a device)."""
    found = _resolved(root, name)
    if found is None or isinstance(found, Problem):
        return found
    mode = found[1].st_mode
    if stat.S_ISREG(mode):
        return Kind.FILE
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    return _problem(name, _not_regular(mode))


def read_file(
    root: Path, name: str, limit: int | None = None, head: int | None = None
) -> bytes | Problem:
    """The bytes of the input file ``name`` (a project-relative POSIX path), at most
    ``limit`` of them (by default :func:`limit_of` the name), or why it is not read.

    With ``head``, only the first ``head`` bytes of it are read (and the rest of the
    file is checked as ever: its kind, its place, its size against ``limit``)."""
    limit = limit_of(name) if limit is None else limit
    path = f"{root}/{name}"
    try:
        # Only a regular file is opened at all (opening a device may do something);
        # anything else is looked at closely, for the reason to give.
        info = os.stat(path)  # noqa: PTH116 - every input file, every build: no Path object
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        return _refusal(root, name)
    try:
        # Non-blocking: whatever replaced the file since the stat above cannot make the
        # open wait; fstat below says what was opened.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        return _problem(name, f"cannot read the file: {error.strerror}")
    try:
        opened = os.fstat(handle)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino) or not stat.S_ISREG(
            opened.st_mode
        ):
            return _problem(name, "the file changed while versus read it", "run it again")
        real = _fd_path(handle, path)
        # A file whose real path is the path it was opened by has no link on its way, so
        # it is inside the project: the root is resolved (a system call per part of its
        # path) only for the others. Every input file of every build comes through here.
        if real != path and not _inside(real, _real_root(root)):
            # Nothing of it read: the reason is found as for any other refusal.
            refused = _refusal(root, name)
            return (
                refused if refused.message != _VANISHED else _problem(name, OUTSIDE.format("file"))
            )
        if opened.st_size > limit:
            return _size_problem(name, opened.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        wanted = limit if head is None else min(head, limit)
        while size <= wanted:
            chunk = os.read(handle, min(1 << 20, wanted + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return _problem(name, f"cannot read the file: {error.strerror}")
    finally:
        os.close(handle)
    if size > limit:  # it grew since the fstat
        return _size_problem(name, size, limit)
    return b"".join(chunks)[:wanted]


def decode_text(raw: bytes, name: str, what: str = "YAML text") -> str | Problem:
    """A file's bytes as text (UTF-8, a byte-order mark allowed), or why they are not."""
    if _looks_like_utf16(raw):
        return _problem(
            name, "not UTF-8 text: the file is encoded as UTF-16", "save the file as UTF-8"
        )
    if b"\x00" in raw:
        return _problem(name, f"this is a binary file, not {what} (it holds NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return Problem(
            printable(name),
            line,
            column,
            (),
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded",
            "save the file as UTF-8",
        )


def _looks_like_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or text whose every other byte is zero."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(raw) < 8 or len(raw) % 2:
        return False
    even, odd = raw[0::2], raw[1::2]
    return (odd.count(0) == len(odd) and 0 not in even) or (
        even.count(0) == len(even) and 0 not in odd
    )


_VANISHED = "cannot read the file: No such file or directory"


def _refusal(root: Path, name: str) -> Problem:
    """Why the input ``name``, which is no regular file inside the project, is not read."""
    found = _resolved(root, name)
    if found is None:
        return _problem(name, _VANISHED)
    if isinstance(found, Problem):
        return found
    mode = found[1].st_mode
    if stat.S_ISDIR(mode):
        return _problem(name, "a folder, not a file")
    if stat.S_ISREG(mode):  # it is one now: it changed while versus looked
        return _problem(name, "the file changed while versus read it", "run it again")
    return _problem(name, _not_regular(mode))


def _size_problem(name: str, size: int, limit: int) -> Problem:
    return _problem(name, f"the file is {size} bytes; the limit is {limit}")


def list_folder(root: Path, name: str) -> tuple[list[tuple[str, Kind]], list[Problem]]:
    """The entries of folder ``name`` (hidden ones left out), sorted, each as its
    project-relative POSIX path and kind; entries versus must not read are problems."""
    try:
        with os.scandir(f"{root}/{name}") as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        return [], [_problem(name, f"cannot read the folder: {error.strerror}")]
    # Within a folder inside the project, an entry that is no link is inside too: only
    # links are resolved, and the kind of the others comes with the listing.
    inside = _inside(os.path.realpath(f"{root}/{name}"), _real_root(root))
    found: list[tuple[str, Kind]] = []
    problems: list[Problem] = []
    for entry in entries:
        if entry.name.startswith("."):  # an editor's swap file, .git, the cache: no input
            continue
        child = f"{name}/{entry.name}"
        kind: Kind | Problem | None
        try:
            if not inside or entry.is_symlink():
                kind = inspect(root, child)
            elif entry.is_file(follow_symlinks=False):
                kind = Kind.FILE
            elif entry.is_dir(follow_symlinks=False):
                kind = Kind.FOLDER
            else:
                kind = _problem(child, _not_regular(entry.stat(follow_symlinks=False).st_mode))
        except FileNotFoundError:
            kind = None
        except OSError as error:
            kind = _problem(child, f"cannot read it: {error.strerror}")
        if isinstance(kind, Problem):
            problems.append(kind)
        elif kind is not None:  # None: removed while we looked
            found.append((child, kind))
    return found, problems


def walk(root: Path, name: str) -> tuple[list[str], list[Problem]]:
    """Every file under folder ``name``, by project-relative POSIX path, in name order.

    Folders reached through links inside the project are walked once each (a link
    back to a parent is no loop); links out of the project are problems.
    """
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def visit(folder: str) -> None:
        real = os.path.realpath(f"{root}/{folder}")
        if real in seen:
            return
        seen.add(real)
        entries, found = list_folder(root, folder)
        problems.extend(found)
        for child, kind in entries:
            if kind is Kind.FOLDER:
                visit(child)
            else:
                files.append(child)

    visit(name)
    return sorted(files), problems


def input_names(root: Path) -> tuple[list[str], list[Problem]]:
    """Every input file of the project (:data:`INPUT_PARTS`), and the problems of the
    entries there that versus will not read."""
    names: list[str] = []
    problems: list[Problem] = []
    for part in INPUT_PARTS:
        kind = inspect(root, part)
        if isinstance(kind, Problem):
            problems.append(kind)
        elif kind is Kind.FILE:
            names.append(part)
        elif kind is Kind.FOLDER:
            found, refused = walk(root, part)
            names += found
            problems += refused
    return sorted(names), problems


def _bad_name_part(part: str) -> str:
    """Why one part of an asset's name cannot be published, or ""."""
    for char in part:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return "its name is not UTF-8"
        if char == "\\":
            return "its name holds a backslash"
        if unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}:
            return f"its name holds a control character (U+{code:04X})"
    return ""


def read_assets(root: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The assets by the path they are published at (``assets/...``): the theme's, each
    replaced by the project's file of the same name in ``templates/assets`` and joined by
    the project's others; and a problem for each project file that cannot be read or
    published."""
    prefix = f"{ASSETS_DIR}/"
    found = {name: theme.read(name) or b"" for name in theme.names() if name.startswith(prefix)}
    folder = f"{TEMPLATES_DIR}/{ASSETS_DIR}"
    kind = inspect(root, folder)
    if isinstance(kind, Problem):
        return found, [kind]
    if kind is not Kind.FOLDER:
        return found, []
    names, problems = walk(root, folder)
    for name in names:
        relative = name[len(TEMPLATES_DIR) + 1 :]
        why = next((w for part in relative.split("/") if (w := _bad_name_part(part))), "")
        if why:
            problems.append(
                _problem(
                    name,
                    f"cannot be published: {why}",
                    "rename it to letters, digits, '-', '_' and '.'",
                )
            )
            continue
        data = read_file(root, name, MAX_ASSET_BYTES)
        if isinstance(data, Problem):
            problems.append(data)
        else:
            found[relative] = data
    return dict(sorted(found.items())), problems
