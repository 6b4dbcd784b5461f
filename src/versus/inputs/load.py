"""Reading a project from disk into a validated :class:`Catalog`.

The only module that reads input files. It reads every file, validates each one
and runs the cross-file checks, collecting every problem along the way; only
then does it either return the catalog or raise one :class:`InputError`
listing them all.

Layout of a project::

    versus.yaml                     site config and capability taxonomy
    models/<model-id>.yaml          one model card per file; the name is the id
    evals/<suite-id>/suite.yaml     one eval suite
    evals/<suite-id>/prompts.yaml   its prompts, optional (or prompts.jsonl, one per line)
    evals/<suite-id>/<model-id>.yaml  one model's run on that suite
    evals/<suite-id>/<model-id>.outcomes.jsonl  its outcome of each prompt, optional
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

import orjson
from pydantic import BaseModel

from versus.inputs import checks, inputfiles, promptchecks, richtext
from versus.inputs.cache import DocumentCache, Entry, strings
from versus.inputs.catalog import Catalog
from versus.inputs.fieldtypes import MAX_PROMPTS, is_slug, suggest_slug
from versus.inputs.inputfiles import (
    CONFIG_FILE,
    EVALS_DIR,
    JSONL_SUFFIX,
    MODELS_DIR,
    OUTCOMES_SUFFIX,
    PROMPT_FILES,
    SUITE_FILE,
    YAML_SUFFIXES,
    Kind,
    decode_text,
)
from versus.inputs.jsonlsource import JsonLines, parse_jsonl
from versus.inputs.outcomes import Outcome, Prompt, PromptImage
from versus.inputs.problems import (
    FieldPath,
    InputError,
    Problem,
    closest,
    did_you_mean,
    printable,
)
from versus.inputs.promptchecks import Records
from versus.inputs.schema import (
    Category,
    EarlierRun,
    ModelCard,
    OutcomeEntry,
    Pricing,
    PromptEntry,
    Result,
    SiteConfig,
    Source,
    Suite,
)
from versus.inputs.scores import OutcomeFigures, outcome_figures
from versus.inputs.validation import anything_but, salvage, validate, validate_items
from versus.inputs.yamlsource import Document, SourceMap, parse_yaml

MAX_FILE_BYTES = inputfiles.MAX_YAML_BYTES

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """One validated file: its id, model and source map."""

    id: str
    value: T
    source: SourceMap


class _Image(NamedTuple):
    digest: str
    width: int
    height: int


def _size_or_none(value: object) -> list[int] | None:
    """A remembered image size read back from the cache: two positive whole numbers, or
    ``[]`` for a file whose size cannot be read; anything else is not a remembered size."""
    if type(value) is not list or len(value) not in (0, 2):
        return None
    if not all(type(v) is int and 0 < v < 1 << 32 for v in value):
        return None
    return value


class _Reader:
    """Reads and validates files under one root, collecting problems."""

    def __init__(
        self, root: Path, cache: DocumentCache, known: Mapping[str, str] | None = None
    ) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.cache = cache
        self.known = known or {}
        """Digests of the files' bytes read moments ago (:func:`versus.build.fingerprint.input_files`)."""
        self.digests: dict[str, str] = {}
        self.entries: dict[str, Entry] = {}
        self.images: dict[str, _Image | tuple[str, str]] = {}
        """Each image read: its digest and size, or why it is refused (a message and a hint)."""
        self._prefix = f"{root}/"

    def raw_html(self, text: str) -> list[str]:
        return self.cache.memoize("raw-html", text, richtext.raw_html, strings)

    def name(self, path: Path) -> str:
        text = str(path)
        if os.sep == "/" and text.startswith(self._prefix):  # not relative_to: files x3
            return text[len(self._prefix) :]
        return path.relative_to(self.root).as_posix()

    def read(self, path: Path) -> Document | None:
        name = self.name(path)
        digest = self.known.get(name)
        entry = self.cache.get(name, digest) if digest is not None else None
        if entry is not None:  # parsed before: no need to read the file a second time
            self.digests[name] = entry.digest
            self.entries[name] = entry
            return entry.document
        raw = inputfiles.read_file(self.root, name, MAX_FILE_BYTES)
        if isinstance(raw, Problem):
            self.problems.append(raw)
            return None
        digest = hashlib.sha256(raw).hexdigest()
        self.digests[name] = digest
        entry = self.cache.get(name, digest)
        if entry is None:
            text = self._decode(raw, name)
            if text is None:
                return None
            try:
                entry = self.cache.put(name, digest, parse_yaml(text, name))
            except InputError as error:
                self.problems.extend(error.problems)
                return None
        self.entries[name] = entry
        return entry.document

    def read_raw(self, name: str) -> bytes | None:
        """The bytes of the JSON Lines file ``name``, its digest noted."""
        raw = inputfiles.read_file(self.root, name, inputfiles.MAX_JSONL_BYTES)
        if isinstance(raw, Problem):
            self.problems.append(raw)
            return None
        self.digests[name] = hashlib.sha256(raw).hexdigest()
        return raw

    def read_lines(self, name: str, raw: bytes | None = None) -> JsonLines | None:
        """The JSON Lines file ``name`` (its bytes ``raw`` when read already), parsed (its
        malformed lines are problems of it)."""
        raw = raw if raw is not None else self.read_raw(name)
        if raw is None:
            return None
        text = self._decode(raw, name, "JSON Lines text")
        if text is None:
            return None
        lines = parse_jsonl(text, name)
        self.problems.extend(lines.problems)
        return lines

    def image(self, name: str) -> _Image | tuple[str, str]:
        """The digest and size of the image file ``name``, or why it is refused (a message
        and a hint).

        A digest of the file read moments ago (:attr:`known`) saves reading all of it:
        its first bytes still tell whether it is the image its name says, and its size is
        remembered by its digest.
        """
        if name not in self.images:
            self.images[name] = self._image(name)
        found = self.images[name]
        if isinstance(found, _Image):
            self.digests[name] = found.digest
        return found

    def _image(self, name: str) -> _Image | tuple[str, str]:
        kind = inputfiles.inspect(self.root, name)
        if kind is None:
            return f"no image file {name}", "add the file, or correct the path"
        if isinstance(kind, Problem):
            return f"the image {name}: {kind.message}", kind.hint
        if kind is Kind.FOLDER:
            return f"the image {name} is a folder, not a file", ""
        limit = inputfiles.MAX_IMAGE_BYTES
        try:
            size = (self.root / name).stat().st_size
        except OSError as error:
            return f"the image {name}: cannot read it: {error.strerror}", ""
        if size > limit:
            return (
                f"the image {name} is {size} bytes; the limit is {limit} "
                f"({limit // (1024 * 1024)} MiB)",
                "make it smaller",
            )
        known = self.known.get(name)
        fresh = known is None or not _is_digest(known)
        head = None if fresh else promptchecks.IMAGE_HEAD
        raw = inputfiles.read_file(self.root, name, limit, head=head)
        if isinstance(raw, Problem):
            return f"the image {name}: {raw.message}", raw.hint
        fault = promptchecks.image_fault(name, raw[: promptchecks.IMAGE_HEAD])
        if fault is not None:
            return fault
        if known is None or fresh:
            digest = hashlib.sha256(raw).hexdigest()
            dimensions = promptchecks.image_size(raw)
        else:
            digest = known
            dimensions = self._remembered_size(name, digest)
        if dimensions is None:
            return (
                f"the image {name}: its width and height cannot be read (a damaged file?)",
                "save it again with an image editor",
            )
        return _Image(digest, *dimensions)

    def _remembered_size(self, name: str, digest: str) -> tuple[int, int] | None:
        """The size of the image ``name`` whose bytes have this digest, read once per digest."""

        def measure(_: str) -> list[int]:
            raw = inputfiles.read_file(self.root, name, inputfiles.MAX_IMAGE_BYTES)
            found = None if isinstance(raw, Problem) else promptchecks.image_size(raw)
            return list(found) if found is not None else []

        found = self.cache.memoize("image-size", digest, measure, _size_or_none)
        return (found[0], found[1]) if len(found) == 2 else None

    def _decode(self, raw: bytes, name: str, what: str = "YAML text") -> str | None:
        text = decode_text(raw, name, what)
        if isinstance(text, Problem):
            self.problems.append(text)
            return None
        return text

    def load(
        self, path: Path, model: type[M], id_: str
    ) -> tuple[Document | None, Loaded[M] | None]:
        """The parsed document (``None`` if it is not YAML) and the validated value."""
        document = self.read(path)
        if document is None:
            return None, None
        # Validated on every run, cached or not: the cache holds plain data only, which
        # must pass the schema as the file would (far cheaper than parsing it).
        value, problems = validate(model, document)
        self.problems.extend(problems)
        return document, None if value is None else Loaded(id_, value, document.source)

    def misplaced(self, folder: str, what: str, into: str = "") -> None:
        """A problem for each YAML or JSON Lines file under ``folder``, where versus reads
        none (``what`` says what it would be): left there, it would be ignored, and the
        model or run it gives missing from the site without a word. ``into`` is the folder
        it belongs in (the one holding ``folder`` when not given)."""
        names, _ = inputfiles.walk(self.root, folder)  # what it cannot read is never read
        into = into or folder.rsplit("/", 1)[0]
        for name in names:
            base = name.rsplit("/", 1)[-1]
            if base.endswith((*YAML_SUFFIXES, JSONL_SUFFIX)):
                self.problems.append(
                    Problem.of_file(
                        printable(name),
                        f"{what} is not read; versus reads the files of {into}/ only, "
                        "not of its folders",
                        f"move it to {printable(f'{into}/{base}')}",
                    )
                )

    def yaml_files(self, folder: Path, kind: str = "card") -> list[tuple[str, Path]]:
        """``(id, path)`` of each YAML file in ``folder``; bad names are problems, and so
        is a folder named like one (``kind`` is what such a file holds)."""
        found = []
        entries, refused = inputfiles.list_folder(self.root, self.name(folder))
        self.problems.extend(refused)
        for name, entry in entries:
            path = self.root / name
            if entry is Kind.FOLDER:
                if path.suffix in YAML_SUFFIXES:
                    self.problems.append(
                        Problem.of_file(
                            printable(name),
                            f"a folder, not a file: a {kind} is one YAML file",
                        )
                    )
                else:
                    self.misplaced(name, f"a {kind} in a folder inside {self.name(folder)}/")
                continue
            if path.suffix not in YAML_SUFFIXES:
                self.problems.append(
                    Problem.of_file(
                        printable(name),
                        "not a YAML file; only .yaml (or .yml) files belong here",
                    )
                )
                continue
            if not is_slug(path.stem):
                self.problems.append(
                    Problem.of_file(
                        printable(name),
                        f"the file name '{path.stem}' is not a valid id: use lowercase letters, "
                        "digits and single hyphens",
                        f"rename it to '{_suggest_slug(path.stem)}{path.suffix}'",
                    )
                )
                continue
            found.append((path.stem, path))
        return found


def _suggest_slug(text: str) -> str:
    return suggest_slug(text) or "model"


def load_project(
    root: Path, cache: DocumentCache | None = None, digests: Mapping[str, str] | None = None
) -> Catalog:
    """Load and check the whole project; raise :class:`InputError` with every problem.

    With a ``cache``, files whose bytes it has seen are not parsed again; call
    its ``save()`` afterwards to keep what this run parsed. ``digests`` are the
    SHA-256 of files just read (by POSIX path under ``root``): a file the cache
    knows by that digest is not read again.
    """
    reader = _Reader(root, cache if cache is not None else DocumentCache(None), digests)
    config_path = root / CONFIG_FILE
    config_kind = inputfiles.inspect(root, CONFIG_FILE)
    if config_kind is None:
        raise InputError([Problem.of_file(CONFIG_FILE, f"no {CONFIG_FILE} in {root}")])
    config: Loaded[SiteConfig] | None = None
    taxonomy: Loaded[SiteConfig] | None = None
    if config_kind is Kind.FILE:
        document, config = reader.load(config_path, SiteConfig, "config")
        taxonomy = config if document is None else config or _taxonomy_of(document)
    else:
        reader.problems.append(
            config_kind
            if isinstance(config_kind, Problem)
            else Problem.of_file(
                CONFIG_FILE, "a folder, not a file: the site's config is one YAML file"
            )
        )
    if config is not None:
        reader.problems.extend(checks.check_config(config.value, config.source))
    elif taxonomy is not None:
        reader.problems.extend(checks.check_taxonomy(taxonomy.value, taxonomy.source))

    model_ids, cards, card_digests, partial = _load_models(reader, root / MODELS_DIR, taxonomy)
    evals = _load_evals(reader, root / EVALS_DIR, model_ids, {**partial, **cards})
    if config is not None:
        reader.problems.extend(checks.check_pair_list(config.value, model_ids, config.source))

    if reader.problems or config is None:
        raise InputError(reader.problems)
    return Catalog(
        config=config.value,
        models={id_: cards[id_] for id_ in sorted(cards)},
        suites={id_: evals.suites[id_] for id_ in sorted(evals.suites)},
        results={
            suite_id: {model_id: runs[model_id] for model_id in sorted(runs)}
            for suite_id, runs in sorted(evals.results.items())
        },
        digests=dict(sorted(reader.digests.items())),
        card_facts={id_: card_digests.facts[id_] for id_ in sorted(cards)},
        card_listed={id_: card_digests.listed[id_] for id_ in sorted(cards)},
        prompts=dict(sorted(evals.prompts.items())),
        outcomes=dict(sorted(evals.outcomes.items())),
    )


def load_config(root: Path) -> SiteConfig | None:
    """The project's ``versus.yaml`` alone, read and checked against its schema as
    :func:`load_project` reads it; ``None`` when it is missing or has a problem (which a
    build names). For what needs the config without the catalog: ``versus serve`` serves
    the site under the path of its ``base_url``."""
    if inputfiles.inspect(root, CONFIG_FILE) is not Kind.FILE:
        return None
    reader = _Reader(root, DocumentCache(None), None)
    _, config = reader.load(root / CONFIG_FILE, SiteConfig, "config")
    return None if config is None or reader.problems else config.value


def _taxonomy_of(document: Document) -> Loaded[SiteConfig] | None:
    """What is well-formed of a config with field errors, when its taxonomy is: the cards'
    capabilities are checked against it all the same."""
    found, dropped = salvage(SiteConfig, document.data, anything_but(SiteConfig))
    if found is None or found.taxonomy is None or any(path[0] == "taxonomy" for path in dropped):
        return None  # no taxonomy, or one with mistakes: the capabilities are checked later
    return Loaded("config", found, document.source)


@dataclass(frozen=True)
class _Digests:
    """Each valid card's :func:`card_facts`: without its description (facts), without its
    prose (listed)."""

    facts: dict[str, str]
    listed: dict[str, str]


def _load_models(
    reader: _Reader, folder: Path, config: Loaded[SiteConfig] | None
) -> tuple[set[str], dict[str, ModelCard], _Digests, dict[str, ModelCard]]:
    """Every model id that has a card file, the cards that are valid, each valid card's
    :func:`card_facts`, and what is well-formed of each card with field errors (its
    pricing checks its results' costs: see :func:`~versus.inputs.validation.salvage`)."""
    kind = inputfiles.inspect(reader.root, MODELS_DIR)
    if kind is not Kind.FOLDER:
        problem = Problem.of_file(MODELS_DIR, "no models/ folder")
        reader.problems.append(kind if isinstance(kind, Problem) else problem)
        return set(), {}, _Digests({}, {}), {}
    files = reader.yaml_files(folder)
    loaded = []
    facts: dict[str, str] = {}
    listed: dict[str, str] = {}
    partial: dict[str, ModelCard] = {}
    for model_id, path in files:
        document, card = reader.load(path, ModelCard, model_id)
        if document is not None:
            source = document.source
            reader.problems.extend(checks.check_model_id(model_id, source))
            reader.problems.extend(
                checks.check_markdown(document.data, ("description",), source, reader.raw_html)
            )
            if config is not None:
                reader.problems.extend(
                    checks.check_capability_ids(document.data, config.value, source)
                )
        if card is not None and document is not None:
            loaded.append(card)
            digest = reader.digests[reader.name(path)]
            facts[card.id] = card_facts(document.data, digest)
            listed[card.id] = card_facts(document.data, digest, LISTED_LEAVE_OUT)
        elif document is not None:
            found, dropped = salvage(ModelCard, document.data, _CARD_STAND_INS)
            if found is not None and ("pricing",) in dropped:
                found = _with_prices(found, document.data)
            if found is not None:
                partial[model_id] = found
    reader.problems.extend(checks.check_unique([(c.id, c.source) for c in loaded], "model"))
    reader.problems.extend(checks.check_pair_paths({id_: reader.name(p) for id_, p in files}))
    cards = {card.id: card.value for card in loaded}
    return {model_id for model_id, _ in files}, cards, _Digests(facts, listed), partial


_CARD_STAND_INS = anything_but(ModelCard)
"""A card with field errors is read for its pricing only: its required fields may be
anything."""


def _with_prices(card: ModelCard, data: object) -> ModelCard | None:
    """``card`` with the prices of its pricing, whose other fields have mistakes: a
    result's cost is checked by its currency and prices alone; ``None`` when they cannot
    be read."""
    written = data.get("pricing") if isinstance(data, Mapping) else None
    prices, _ = salvage(Pricing, written, _PRICING_STAND_INS)
    return None if prices is None else card.model_copy(update={"pricing": prices})


_PRICING_STAND_INS = anything_but(Pricing, "currency", "input_per_million", "output_per_million")


FACTS_LEAVE_OUT = ("description",)
"""What :func:`card_facts` leaves out: only some pages print a card's description."""
LISTED_LEAVE_OUT = ("description", "summary")
"""What :func:`card_facts` leaves out for the pages that list every model by its figures
and facts, as rows (a suite's leaderboard, the capability matrix): the card's prose."""


def card_facts(data: object, digest: str, leave_out: tuple[str, ...] = FACTS_LEAVE_OUT) -> str:
    """A digest of a card's data but the fields ``leave_out`` names, which only some pages
    print: an edit of one of them leaves it as it is. ``digest`` (the file's) stands for
    data that is no JSON mapping; it changes with every edit."""
    if not isinstance(data, dict):
        return digest
    try:
        text = orjson.dumps(
            {key: value for key, value in data.items() if key not in leave_out},
            option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS,
        )
    except TypeError:
        return digest
    return hashlib.sha256(text).hexdigest()


def _is_digest(text: str) -> bool:
    return len(text) == 64 and all(char in "0123456789abcdef" for char in text)


_SUITE_FOLDER_HOLDS = (
    f"not an input file; a suite's folder holds {SUITE_FILE}, {PROMPT_FILES[0]} or "
    f"{PROMPT_FILES[-1]}, results (<model-id>{YAML_SUFFIXES[0]}), their outcomes "
    f"(<model-id>{OUTCOMES_SUFFIX}) and prompt images"
)


@dataclass
class _SuiteFiles:
    """The files of one suite's folder, by what they hold."""

    results: list[tuple[str, Path]] = field(default_factory=list)
    outcomes: dict[str, str] = field(default_factory=dict)
    """Model id -> its outcomes file."""
    prompt_lists: list[str] = field(default_factory=list)


def _suite_files(reader: _Reader, suite_dir: Path) -> _SuiteFiles:
    """What a suite's folder holds; a file of no kind versus reads is a problem (a prompt
    image may lie anywhere in the folder: a prompt names it)."""
    files = _SuiteFiles()
    entries, refused = inputfiles.list_folder(reader.root, reader.name(suite_dir))
    # An image versus will not read is the problem of the prompt naming it (if any:
    # no other image is read).
    reader.problems.extend(p for p in refused if not inputfiles.is_image(p.file))
    for name, entry in entries:
        base = name.rsplit("/", 1)[-1]
        path = reader.root / name
        if entry is Kind.FOLDER:
            if path.suffix in YAML_SUFFIXES or base.endswith(JSONL_SUFFIX):
                reader.problems.append(
                    Problem.of_file(
                        printable(name), "a folder, not a file: a result is one YAML file"
                    )
                )
            else:  # a folder of prompt images, which holds no data file
                reader.misplaced(name, "a data file in a folder of a suite", reader.name(suite_dir))
            continue
        if base == SUITE_FILE:
            continue
        if base in PROMPT_FILES:
            files.prompt_lists.append(name)
        elif base.endswith(OUTCOMES_SUFFIX):
            model_id = base.removesuffix(OUTCOMES_SUFFIX)
            if _valid_file_id(reader, name, model_id, OUTCOMES_SUFFIX):
                files.outcomes[model_id] = name
        elif path.suffix in YAML_SUFFIXES:
            if _valid_file_id(reader, name, path.stem, path.suffix):
                files.results.append((path.stem, path))
        elif not inputfiles.is_image(base):
            reader.problems.append(
                Problem.of_file(printable(name), _SUITE_FOLDER_HOLDS, _suite_file_hint(base))
            )
    files.prompt_lists.sort(key=lambda name: PROMPT_FILES.index(name.rsplit("/", 1)[-1]))
    return files


def _suite_file_hint(base: str) -> str:
    """A rename for a file of a suite's folder whose name is close to one versus reads
    (``x.outcome.jsonl``, ``promts.yaml``), or ""."""
    stem, dot, _ = base.partition(".")
    names = [SUITE_FILE, *PROMPT_FILES]
    if dot and is_slug(stem):
        names += [f"{stem}{OUTCOMES_SUFFIX}", *(stem + s for s in YAML_SUFFIXES)]
    found = closest(base, names)
    return f"rename it to '{found}'" if found else ""


def _valid_file_id(reader: _Reader, name: str, stem: str, suffix: str) -> bool:
    if is_slug(stem):
        return True
    reader.problems.append(
        Problem.of_file(
            printable(name),
            f"the file name '{stem}' is not a valid id: use lowercase letters, "
            "digits and single hyphens",
            f"rename it to '{_suggest_slug(stem)}{suffix}'",
        )
    )
    return False


@dataclass
class _PromptList:
    """A suite's prompt list as read: its prompts, and whether they can be relied on."""

    name: str
    prompts: dict[str, Prompt]
    usable: bool
    """Whether the list has no problem: only then do its counts and ids check other files."""
    written: frozenset[str] | None = None
    """The ids its lines write, well-formed or not, when each line writes one that reads as
    an id: a list with problems checks its outcomes' prompt ids by them."""
    repeated: int = 0
    """How many of its lines write an id a line before them writes already."""

    @property
    def base(self) -> str:
        return self.name.rsplit("/", 1)[-1]


def _load_prompt_list(
    reader: _Reader, name: str, suite_id: str, suite_data: object, label: str
) -> _PromptList:
    """Read, validate and check the prompt list ``name`` against its suite file's data."""
    before = len(reader.problems)
    per_line = name.endswith(JSONL_SUFFIX)
    document: Document | None
    if per_line:
        lines = reader.read_lines(name)
        document = lines.document if lines is not None else None
    else:
        document = reader.read(reader.root / name)
    if document is None:
        return _PromptList(name, {}, usable=False)
    entries, problems = validate_items(PromptEntry, document, per_line=per_line)
    reader.problems.extend(problems)
    records: list[Any] = document.data if isinstance(document.data, list) else []
    if isinstance(document.data, list) and not records and len(reader.problems) == before:
        reader.problems.append(Problem.of_file(name, "the file lists no prompts"))
    listed = Records(records, document.source, per_line)
    reader.problems.extend(promptchecks.check_prompts(listed, _category_ids(suite_data), label))
    prompts: dict[str, Prompt] = {}
    for index, entry in enumerate(entries):
        if entry is None:
            # its image is checked all the same: one run names every mistake of the line
            found, _ = salvage(PromptEntry, records[index], _PROMPT_STAND_INS)
            if found is not None:
                _prompt_image(reader, listed, index, suite_id, found.image)
            continue
        image = _prompt_image(reader, listed, index, suite_id, entry.image)
        prompts.setdefault(entry.id, promptchecks.prompt_of(entry, image))
    ids = [listed.text(index, "id") for index in range(len(records))]
    given = [id_ for id_ in ids if id_ is not None]
    written = None if None in ids else frozenset(given)
    repeated = len(given) - len(set(given))
    return _PromptList(name, prompts, len(reader.problems) == before, written, repeated)


_PROMPT_STAND_INS = anything_but(PromptEntry)
"""A prompt with field errors is read for its image only."""


def _prompt_image(
    reader: _Reader, listed: Records, index: int, suite_id: str, image: str | None
) -> PromptImage | None:
    if image is None:
        return None
    if image.startswith("https://"):
        return PromptImage(None, image, None)
    name = f"{EVALS_DIR}/{suite_id}/{image}"
    found = reader.image(name)
    if not isinstance(found, _Image):
        message, hint = found
        if inputfiles.inspect(reader.root, name) is None:  # no such file: one like it?
            hint = _image_hint(reader.root, suite_id, image) or hint
        reader.problems.append(listed.problem(index, "image", message, hint))
        return None
    return PromptImage(name, None, found.digest, found.width, found.height)


def _image_hint(root: Path, suite_id: str, image: str) -> str:
    """A did-you-mean naming the image file of the suite's folder closest to ``image``."""
    folder = f"{EVALS_DIR}/{suite_id}"
    found, _ = inputfiles.walk(root, folder)
    images = [name[len(folder) + 1 :] for name in found if inputfiles.is_image(name)]
    return did_you_mean(image, images)


def _category_ids(data: object) -> list[str]:
    """The category ids a suite file writes, as far as it writes them as text."""
    categories = data.get("categories") if isinstance(data, Mapping) else None
    if not isinstance(categories, list):
        return []
    return [
        item["id"]
        for item in categories
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _suite_label(suite_id: str, data: object) -> str:
    """How messages name a suite: by its name, as far as its file gives one."""
    name = data.get("name") if isinstance(data, Mapping) else None
    return name.strip() if isinstance(name, str) and name.strip() else suite_id


@dataclass
class _Run:
    """One result's outcomes as read: the figures they give, or ``None`` when they cannot
    be relied on (problems of their own, or no prompt list to check them against)."""

    outcomes: dict[str, Outcome]
    figures: OutcomeFigures | None


def _load_outcomes(
    reader: _Reader,
    name: str,
    suite_id: str,
    prompt_list: _PromptList | None,
    suite: Suite | None,
    label: str,
) -> _Run:
    before = len(reader.problems)
    raw = None
    if prompt_list is not None and prompt_list.usable and suite is not None:
        digest = reader.known.get(name)
        if digest is None:  # not read moments ago: read (and hashed) now
            raw = reader.read_raw(name)
            if raw is None:
                return _Run({}, None)
            digest = reader.digests[name]
        prompts = prompt_list.prompts
        key = _outcomes_key(reader, name, digest, prompt_list, suite_id)
        found = reader.cache.checked(
            key, name, lambda value: promptchecks.accept_checked(value, prompts)
        )
        if found is not None:  # checked before, against the same files: not parsed again
            reader.digests[name] = digest
            return _run_of(found, prompt_list, suite)
    lines = reader.read_lines(name, raw)
    if lines is None:
        return _Run({}, None)
    records = lines.records
    source = lines.document.source
    columns = promptchecks.quick_outcomes(
        records, prompt_list.prompts if prompt_list is not None else {}
    )
    listed = Records(records, source, per_line=True)
    if columns is None:  # the schema says what is wrong
        entries, problems = validate_items(OutcomeEntry, lines.document, per_line=True)
        reader.problems.extend(problems)
        if prompt_list is not None and prompt_list.usable:
            reader.problems.extend(promptchecks.check_scores(listed, entries, label))
        if not problems:
            columns = promptchecks.columns_of([e for e in entries if e is not None])
    if not records and len(reader.problems) == before:
        reader.problems.append(
            Problem.of_file(name, "the file holds no outcomes; expected one JSON object per line")
        )
    if prompt_list is None:
        reader.problems.append(
            Problem.of_file(
                name,
                f"outcomes need the suite's prompts, and suite '{suite_id}' lists none",
                f"list them in {EVALS_DIR}/{suite_id}/{PROMPT_FILES[0]} or "
                f"{EVALS_DIR}/{suite_id}/{PROMPT_FILES[-1]}",
            )
        )
        return _Run({}, None)
    if not prompt_list.usable or suite is None:
        # their prompts are not known for sure: checked against the ids the list writes
        if prompt_list.written is not None:
            reader.problems.extend(
                promptchecks.check_prompt_ids(
                    listed, prompt_list.written, label, prompt_list.repeated
                )
            )
        return _Run({}, None)
    if columns is None:  # lines with problems: their prompt ids are checked as written
        reader.problems.extend(promptchecks.check_prompt_ids(listed, prompt_list.prompts, label))
        reader.problems.extend(promptchecks.check_figures_given(listed))
        return _Run({}, None)
    checked, problems = promptchecks.check_outcomes(listed, columns, prompt_list.prompts, label)
    reader.problems.extend(problems)
    if checked is None or len(reader.problems) != before:
        return _Run({}, None)
    # Only a file without problems is kept: a file's problems are found again every run.
    digest = reader.digests[name]
    reader.cache.keep_checked(
        _outcomes_key(reader, name, digest, prompt_list, suite_id),
        name,
        checked.plain(prompt_list.prompts),
    )
    return _run_of(checked, prompt_list, suite)


def _outcomes_key(
    reader: _Reader, name: str, digest: str, prompt_list: _PromptList, suite_id: str
) -> str:
    """What a run's checked outcomes follow from: its file, the prompt list and the suite
    file it is checked against (read by now), and the code that checks them."""
    suite_file = f"{EVALS_DIR}/{suite_id}/{SUITE_FILE}"
    parts = (
        _checking_code(),
        name,
        digest,
        prompt_list.name,
        reader.digests.get(prompt_list.name, ""),
        suite_file,
        reader.digests.get(suite_file, ""),
    )
    return hashlib.sha256("\0".join(parts).encode(errors="surrogatepass")).hexdigest()


@cache
def _checking_code() -> str:
    """The digest of the loader's own source (this package): checks may change with it."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _run_of(checked: promptchecks.CheckedOutcomes, prompt_list: _PromptList, suite: Suite) -> _Run:
    prompts = prompt_list.prompts
    figures = outcome_figures(
        [category.id for category in suite.categories],
        checked.categories(prompts),
        checked.passed,
        checked.seconds,
        checked.input_tokens,
        checked.output_tokens,
    )
    return _Run(checked.outcomes(prompts), figures)


def _load_evals(
    reader: _Reader, folder: Path, model_ids: set[str], cards: dict[str, ModelCard]
) -> _Evals:
    evals = _Evals()
    entries = _evals_entries(reader)
    folders = [reader.root / name for name, entry in entries if entry is Kind.FOLDER]
    for name, entry in entries:
        if entry is Kind.FILE and name.endswith((*YAML_SUFFIXES, JSONL_SUFFIX)):
            base = name.rsplit("/", 1)[-1]
            named = sorted(f.name for f in folders if is_slug(f.name))
            into = named[0] if len(named) == 1 else "<suite-id>"
            reader.problems.append(
                Problem.of_file(
                    printable(name),
                    f"a file directly in {EVALS_DIR}/ is not read; a suite, its prompts and "
                    "its results go in the suite's own folder, named by its id",
                    f"move it to {printable(f'{EVALS_DIR}/{into}/{base}')}",
                )
            )
    for suite_id, suite_path in _suite_paths(reader, folders):
        _load_suite(reader, suite_id, suite_path, model_ids, cards, evals)
    return evals


def _evals_entries(reader: _Reader) -> list[tuple[str, Kind]]:
    """What ``evals/`` holds (nothing when it is no folder), its refusals problems."""
    kind = inputfiles.inspect(reader.root, EVALS_DIR)
    if isinstance(kind, Problem):
        reader.problems.append(kind)
    if kind is not Kind.FOLDER:
        return []
    entries, refused = inputfiles.list_folder(reader.root, EVALS_DIR)
    reader.problems.extend(refused)
    return entries


def _suite_paths(reader: _Reader, folders: list[Path]) -> list[tuple[str, Path]]:
    """The id and suite file of each of ``folders`` (of ``evals/``) that is a suite: named
    by an id and holding its suite file; every other one is a problem."""
    found = []
    for suite_dir in folders:
        suite_id = suite_dir.name
        if not is_slug(suite_id):
            reader.problems.append(
                Problem.of_file(
                    reader.name(suite_dir),
                    f"the folder name '{suite_id}' is not a valid id",
                    f"rename it to '{_suggest_slug(suite_id)}'",
                )
            )
            continue
        suite_path = suite_dir / SUITE_FILE
        suite_kind = inputfiles.inspect(reader.root, reader.name(suite_path))
        if suite_kind is not Kind.FILE:
            reader.problems.append(
                suite_kind
                if isinstance(suite_kind, Problem)
                else Problem.of_file(
                    reader.name(suite_path),
                    "a folder, not a file: a suite is one YAML file",
                )
                if suite_kind is Kind.FOLDER
                else Problem.of_file(
                    reader.name(suite_dir),
                    f"an eval folder needs a {SUITE_FILE}",
                    _suite_file_rename(reader, suite_dir)
                    or did_you_mean(suite_id, [f.name for f in folders if f != suite_dir])
                    or f"write one: versus new suite {suite_id}",
                )
            )
            continue
        found.append((suite_id, suite_path))
    return found


def project_model_ids(root: Path) -> list[str]:
    """The ids of the project's cards, as :func:`load_project` finds them: each YAML file
    of ``models/`` named by an id, valid or not (hidden entries, links and files versus
    will not read by :mod:`~versus.inputs.inputfiles`' rules)."""
    if inputfiles.inspect(root, MODELS_DIR) is not Kind.FOLDER:
        return []
    reader = _Reader(root, DocumentCache(None))
    return sorted(model_id for model_id, _ in reader.yaml_files(root / MODELS_DIR))


def project_suite_ids(root: Path) -> list[str]:
    """The ids of the project's eval suites, as :func:`load_project` finds them: each
    folder of ``evals/`` named by an id and holding its suite file, valid or not."""
    reader = _Reader(root, DocumentCache(None))
    entries = _evals_entries(reader)
    folders = [root / name for name, entry in entries if entry is Kind.FOLDER]
    return sorted(suite_id for suite_id, _ in _suite_paths(reader, folders))


def _suite_file_rename(reader: _Reader, suite_dir: Path) -> str:
    """For a suite's folder without ``suite.yaml``: the rename of a file in it that was
    meant to be it (``suite.yml``, ``suit.yaml``, ``Suite.yaml``), or ""."""
    entries, _ = inputfiles.list_folder(reader.root, reader.name(suite_dir))
    names = {
        name.rsplit("/", 1)[-1]: name
        for name, entry in entries
        if entry is Kind.FILE and name.endswith(YAML_SUFFIXES)
    }
    stems = {base.rsplit(".", 1)[0].lower(): base for base in names}
    found = stems.get("suite") or next(
        (base for stem, base in stems.items() if closest(stem, ["suite"]) == "suite"), None
    )
    if found is None:
        return ""
    return f"rename {printable(found)} to {SUITE_FILE}"


@dataclass
class _Evals:
    """What the eval folders hold, by suite id."""

    suites: dict[str, Suite] = field(default_factory=dict)
    results: dict[str, dict[str, Result]] = field(default_factory=dict)
    prompts: dict[str, dict[str, Prompt]] = field(default_factory=dict)
    outcomes: dict[str, dict[str, dict[str, Outcome]]] = field(default_factory=dict)


def _suite_of(
    reader: _Reader, suite_id: str, suite_path: Path, files: _SuiteFiles
) -> tuple[Loaded[Suite] | None, _PromptList | None, str, Loaded[Suite] | None]:
    """The suite, with the counts of its prompt list; the list; how messages name it; and,
    for a suite file with field errors whose categories are well-formed, what is
    well-formed of it, to check its results against (see
    :func:`~versus.inputs.validation.salvage`)."""
    suite_document = reader.read(suite_path)
    suite_data = suite_document.data if suite_document is not None else None
    label = _suite_label(suite_id, suite_data)
    prompt_list = None
    if files.prompt_lists:
        first, *others = files.prompt_lists
        for other in others:
            reader.problems.append(
                Problem.of_file(
                    other,
                    f"the suite lists its prompts in {first.rsplit('/', 1)[-1]} already",
                    "keep one of the two files",
                )
            )
        prompt_list = _load_prompt_list(reader, first, suite_id, suite_data, label)
    suite: Loaded[Suite] | None = None
    partial: Loaded[Suite] | None = None
    if suite_document is not None:
        source = suite_document.source
        reader.problems.extend(
            checks.check_markdown(
                suite_document.data, ("description", "methodology"), source, reader.raw_html
            )
        )
        data = suite_document.data
        if prompt_list is not None:
            counts = promptchecks.counts_of(prompt_list.prompts)
            data, problems = promptchecks.reconcile_suite(
                data, counts, prompt_list.base, source, compare=prompt_list.usable
            )
            reader.problems.extend(problems)
        value, problems = validate(Suite, Document(data, source))
        reader.problems.extend(problems)
        if value is not None:
            suite = Loaded(suite_id, value, source)
            reader.problems.extend(checks.check_suite(value, source))
        else:
            found, _ = salvage(Suite, data, {**_SUITE_STAND_INS, "name": label})
            categories = _categories_to_check(data)
            if found is not None and categories is not None:
                partial = Loaded(
                    suite_id, found.model_copy(update={"categories": categories}), source
                )
                reader.problems.extend(checks.check_category_ids(categories, source))
    return suite, prompt_list, label, partial


def _categories_to_check(data: object) -> list[Category] | None:
    """The categories of a suite file with field errors, as far as its results can be
    checked against them: each well-formed one, and each other one whose id reads as an
    id, with no bound on its totals; ``None`` when the list, or one of its ids, cannot be
    read (a result's category could not then be told unknown)."""
    written = data.get("categories") if isinstance(data, Mapping) else None
    if not isinstance(written, list) or not written:
        return None
    categories = []
    for item in written:
        found, _ = salvage(Category, item)
        if found is None:
            id_ = item.get("id") if isinstance(item, Mapping) else None
            if not isinstance(id_, str) or not is_slug(id_):
                return None
            found = Category.model_construct(id=id_, label=id_, prompts=MAX_PROMPTS)
        categories.append(found)
    return categories


_SUITE_STAND_INS = anything_but(Suite)
"""A suite with field errors checks its results by its categories only: its other
required fields may be anything."""


def load_suite(root: Path, suite_id: str) -> Suite:
    """The suite ``evals/<suite_id>/``, its counts taken from its prompt list when it has
    one; :class:`InputError` with the problems of its files (results aside)."""
    return load_suite_prompts(root, suite_id)[0]


def load_suite_prompts(root: Path, suite_id: str) -> tuple[Suite, Mapping[str, Prompt] | None]:
    """The suite ``evals/<suite_id>/`` and its prompts by id (``None`` when it lists
    none); :class:`InputError` with the problems of its files (results aside)."""
    reader = _Reader(root, DocumentCache(None))
    folder = root / EVALS_DIR / suite_id
    suite, prompts, _, _ = _suite_of(
        reader, suite_id, folder / SUITE_FILE, _suite_files(reader, folder)
    )
    if suite is None or (prompts is not None and not prompts.usable):
        raise InputError(reader.problems)
    return suite.value, prompts.prompts if prompts is not None else None


def _load_suite(
    reader: _Reader,
    suite_id: str,
    suite_path: Path,
    model_ids: set[str],
    cards: dict[str, ModelCard],
    evals: _Evals,
) -> None:
    """One suite's folder: its suite file, its prompt list, its results and their outcomes."""
    files = _suite_files(reader, suite_path.parent)
    suite, prompt_list, label, partial = _suite_of(reader, suite_id, suite_path, files)
    # Results are checked against a suite only when its prompt list, if any, holds; a
    # suite file's field errors do not hide its results' mistakes.
    usable = suite or partial if prompt_list is None or prompt_list.usable else None
    runs: list[Loaded[Result]] = []
    outcomes: dict[str, dict[str, Outcome]] = {}
    for model_id, path in files.results:
        outcomes_name = files.outcomes.pop(model_id, None)
        run = None
        if outcomes_name is not None:
            run = _load_outcomes(
                reader,
                outcomes_name,
                suite_id,
                prompt_list,
                usable.value if usable is not None else None,
                label,
            )
        loaded = _load_result(reader, path, model_id, suite_id, usable, run, model_ids, cards)
        if loaded is not None:
            runs.append(loaded)
            if run is not None:
                outcomes[model_id] = run.outcomes
    for model_id, name in sorted(files.outcomes.items()):
        result = f"{EVALS_DIR}/{suite_id}/{model_id}.yaml"
        reader.problems.append(
            Problem.of_file(
                name,
                f"outcomes of no result: {result} does not exist",
                f"write the result too: versus new result {suite_id} {model_id}",
            )
        )
    reader.problems.extend(checks.check_unique([(r.id, r.source) for r in runs], "result"))
    if suite is not None:
        evals.suites[suite_id] = suite.value
        evals.results[suite_id] = {run.id: run.value for run in runs}
        if prompt_list is not None:
            evals.prompts[suite_id] = prompt_list.prompts
            evals.outcomes[suite_id] = {
                model_id: outcomes[model_id] for model_id in sorted(outcomes)
            }


def _load_result(
    reader: _Reader,
    path: Path,
    model_id: str,
    suite_id: str,
    suite: Loaded[Suite] | None,
    run: _Run | None,
    model_ids: set[str],
    cards: dict[str, ModelCard],
) -> Loaded[Result] | None:
    """One result, with the figures of its outcomes (``run``) when it gives them."""
    document = reader.read(path)
    source = document.source if document is not None else SourceMap(reader.name(path))
    reader.problems.extend(
        checks.check_result_refs(
            model_id,
            document.data if document is not None else None,
            suite_id,
            suite.value if suite is not None else None,
            model_ids,
            source,
        )
    )
    if document is None:
        return None
    data = document.data
    figures = run.figures if run is not None else None
    stated: list[Problem] = []
    if figures is not None and suite is not None:
        data, stated = promptchecks.reconcile_result(
            data, figures, [c.id for c in suite.value.categories], source
        )
        reader.problems.extend(stated)
    value, problems = validate(Result, Document(data, source))
    if run is not None and figures is None:
        # The outcomes, which would give the categories, have problems of their own:
        # a result leaving its categories to them is not blamed for it too.
        problems = [p for p in problems if p.path != ("categories",) or p.hint != _ADD_CATEGORIES]
    reader.problems.extend(problems)
    if suite is None or (run is not None and figures is None):
        return None
    dropped: frozenset[FieldPath] = frozenset()
    salvaged = value is None
    if value is None:
        # Its field errors must not hide the mistakes of its well-formed parts: their
        # figures are checked too, in the same run.
        value, dropped = salvage(Result, data, _RESULT_STAND_INS, {EarlierRun: _RUN_STAND_INS})
        if value is None:
            return None
    card = cards.get(model_id)
    if card is None and model_id in model_ids:
        # A card with problems of its own whose pricing cannot be read: the cost is
        # checked once the card is right, not said to have no price.
        value = value.model_copy(update={"cost_per_task": None})
    basis = "the categories"
    if figures is not None:
        # The figures of the outcomes, exact, and the stated ones checked against them.
        value = value.model_copy(update=promptchecks.outcome_updates(value, figures))
        basis = "the outcomes"
    reader.problems.extend(
        checks.check_result_figures(value, suite.value, card, source, basis, dropped)
    )
    return None if stated or salvaged else Loaded(model_id, value, source)


_ADD_CATEGORIES = "add 'categories:' here"
_RESULT_STAND_INS: dict[str, object] = {
    "provenance": "measured",
    "source": Source(title="the result's source"),
    "categories": {},
}
"""What a result with field errors is checked with in place of a required field that is
not well-formed: none of them is a figure the checks compare."""
_RUN_STAND_INS: dict[str, object] = {"date": None, "categories": {}}
"""The same for an earlier run, so that one with a mistake there hides none after it: its
dates are then not compared, its overall figure not checked."""
