"""What a build's fingerprints follow: the input files, versus's code and theme, the
build date, and in a site's state which model, kind or listing each edit reaches."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from support import override, write
from versus.build import fingerprint
from versus.build.state import SiteState
from versus.inputs.cache import DocumentCache
from versus.inputs.load import load_project

CARD = "models/paligemma.yaml"
RESULT = "evals/vision-evals/gemma-4-12b.yaml"


def _state(project: Path) -> SiteState:
    catalog = load_project(project, DocumentCache(None))
    return fingerprint.site_state(catalog, project, None, {})


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the input files -------------------------------------------------------------------


def test_input_files_are_every_file_a_build_reads_with_its_sha256(project: Path) -> None:
    write(project, "templates/pair.html", "{{ title }}\n")
    write(project, "README.md", "not an input\n")
    write(project, "models/.paligemma.yaml.swp", "an editor's file\n")
    write(project, ".versus-cache/x.json", "{}\n")
    write(project, "site/index.html", "an output\n")
    files = fingerprint.input_files(project)
    assert list(files) == sorted(files)
    assert "versus.yaml" in files
    assert {CARD, RESULT, "evals/vision-evals/suite.yaml", "templates/pair.html"} <= set(files)
    assert not any(
        name.startswith(("site/", ".versus-cache/")) or name == "README.md" or "/." in name
        for name in files
    )
    assert files[CARD] == hashlib.sha256((project / CARD).read_bytes()).hexdigest()


def test_a_file_versus_will_not_read_is_an_input_too(project: Path) -> None:
    (project / "models" / "broken.yaml").write_bytes(b"name: \xff\n" + b"x" * 2_000_000)
    files = fingerprint.input_files(project)
    assert files["models/broken.yaml"].startswith("refused: ")


def test_the_input_digest_follows_every_part(project: Path) -> None:
    files = fingerprint.input_files(project)
    base = fingerprint.input_digest(files, None, "code", "theme")
    assert fingerprint.input_digest(dict(files), None, "code", "theme") == base
    edited = {**files, CARD: "0" * 64}
    renamed = {("models/x.yaml" if k == CARD else k): v for k, v in files.items()}
    others = [
        fingerprint.input_digest(edited, None, "code", "theme"),
        fingerprint.input_digest(renamed, None, "code", "theme"),
        fingerprint.input_digest(files, date(2026, 12, 7), "code", "theme"),
        fingerprint.input_digest(files, None, "other code", "theme"),
        fingerprint.input_digest(files, None, "code", "other theme"),
    ]
    assert len({base, *others}) == 1 + len(others)


# --- a site's state: which edit reaches what ---------------------------------------------


def test_a_description_edit_reaches_its_model_but_not_its_facts_or_listing(
    project: Path,
) -> None:
    before = _state(project)
    _edit(project, CARD, "PaliGemma, released by Google", "PaliGemma, published by Google")
    after = _state(project)
    assert {m for m in after.models if after.models[m] != before.models[m]} == {"paligemma"}
    assert after.facts == before.facts
    assert after.listed == before.listed
    assert (after.names, after.dates, after.data) == (before.names, before.dates, before.data)


def test_a_summary_edit_reaches_the_facts_but_not_the_listing(project: Path) -> None:
    before = _state(project)
    _edit(project, CARD, "Google's 3B vision-language model", "Google's small vision model")
    after = _state(project)
    assert {m for m in after.facts if after.facts[m] != before.facts[m]} == {"paligemma"}
    assert after.listed == before.listed


def test_a_result_edit_reaches_its_model_alone_and_all_it_shows(project: Path) -> None:
    before = _state(project)
    _edit(project, RESULT, "avg_response_seconds: 6.88", "avg_response_seconds: 6.9")
    after = _state(project)
    for field in ("models", "facts", "listed"):
        old, new = getattr(before, field), getattr(after, field)
        assert {m for m in new if new[m] != old[m]} == {"gemma-4-12b"}, field
    assert after.data == before.data  # the suite did not change


def test_a_name_edit_reaches_every_page_that_lists_the_names(project: Path) -> None:
    before = _state(project)
    _edit(project, CARD, "name: PaliGemma", "name: PaliGemma 1")
    assert _state(project).names != before.names


def test_a_suite_edit_reaches_every_page(project: Path) -> None:
    before = _state(project)
    _edit(project, "evals/vision-evals/suite.yaml", "name: ", "name: The ")
    after = _state(project)
    assert after.data != before.data
    assert after.models == before.models


def _kinds_reached(project: Path, template: str) -> set[str]:
    """The kinds whose fingerprint an edited override of the theme's ``template`` changes."""
    before = _state(project)
    path = override(project, template)
    path.write_text(path.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    after = _state(project)
    return {kind for kind in after.kinds if after.kinds[kind] != before.kinds.get(kind)}


def test_a_template_override_reaches_the_kinds_that_use_it_alone(project: Path) -> None:
    assert _kinds_reached(project, "pair.html") == {"pair"}


def test_a_partial_override_reaches_every_kind_that_includes_it(project: Path) -> None:
    changed = _kinds_reached(project, "partials/scores.html")
    assert "pair" in changed
    assert "feed" not in changed
