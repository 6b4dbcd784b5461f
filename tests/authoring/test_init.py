"""``versus init DIR``: a new project that checks and builds with nothing but versus."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from htmltools import soup
from versus.authoring.jsonschema import stale_files
from versus.authoring.newproject import STARTER, init_project, starter_files
from versus.cli import main
from versus.inputs import theme
from versus.inputs.problems import InputError

PAIR = "compare/example-model-a-vs-example-model-b/index.html"


def versus(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def files_under(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_init_writes_a_project_that_checks_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "nested" / "mysite"
    outcome = versus("init", str(folder))
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.output.splitlines()
    assert lines[0] == f"versus: wrote a new project of {len(starter_files())} files in {folder}"
    assert f"  versus build -p {folder}    # build the site into {folder}/site/" in lines
    written = files_under(folder)
    assert set(written) == set(starter_files())
    assert {"versus.yaml", "README.md", "evals/my-evals/suite.yaml"} <= set(written)
    assert not (folder / "templates").exists()  # the theme serves every page
    assert stale_files(folder) == []  # the schemas the YAML files' first lines name
    check = versus("check", "-p", str(folder))
    assert check.exit_code == 0, check.output
    assert check.output == "versus: ok: 2 models, 1 suite, 2 results\n"
    built = versus("build", "-p", str(folder))
    assert built.exit_code == 0, built.output
    site = folder / "site"
    index = soup((site / "index.html").read_bytes())
    assert index.find("a", href="comparisons/") is not None
    comparisons = soup((site / "comparisons/index.html").read_bytes())
    assert comparisons.find("a", href="../" + PAIR.removesuffix("index.html")) is not None
    pair = soup((site / PAIR).read_bytes())
    assert pair.find("h1") is not None
    assert (site / "assets/style.css").read_bytes() == (
        theme.THEME / "assets/style.css"
    ).read_bytes()


def test_the_readme_says_what_to_edit_and_how_to_build(tmp_path: Path) -> None:
    init_project(tmp_path / "p")
    readme = (tmp_path / "p" / "README.md").read_text("utf-8")
    for command in ("versus check", "versus build", "versus serve", "versus import", "versus new"):
        assert command in readme
    assert "templates/assets/style.css" in readme


@pytest.mark.parametrize("hidden", [(), (".git",)])
def test_init_takes_a_new_an_empty_or_a_folder_of_hidden_entries(
    tmp_path: Path, hidden: tuple[str, ...]
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    for name in hidden:
        (folder / name).mkdir()
        (folder / name / "HEAD").write_text("ref: refs/heads/main\n")
    init_project(folder)
    assert (folder / "versus.yaml").is_file()
    for name in hidden:
        assert (folder / name / "HEAD").read_text() == "ref: refs/heads/main\n"


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    outcome = versus("init", str(folder))
    assert outcome.exit_code == 1
    assert f"{folder}: the folder is not empty (it holds notes.txt)" in outcome.output
    assert "Traceback" not in outcome.output
    assert files_under(folder) == {"notes.txt": b"mine\n"}


def test_init_refuses_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p"
    path.write_text("mine\n")
    with pytest.raises(InputError) as caught:
        init_project(path)
    assert [p.message for p in caught.value.problems] == ["not a folder"]
    assert path.read_text() == "mine\n"


def test_init_never_writes_over_a_file_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    real_mkdir = Path.mkdir

    def mkdir_then_a_file_appears(self: Path, *args: object, **kwargs: object) -> None:
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]
        if self == folder:
            (folder / "README.md").write_text("theirs\n")

    monkeypatch.setattr(Path, "mkdir", mkdir_then_a_file_appears)
    with pytest.raises(InputError) as caught:
        init_project(folder)
    (problem,) = caught.value.problems
    assert problem.file == f"{folder}/README.md"
    assert (folder / "README.md").read_text() == "theirs\n"


def test_init_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = versus("init", ".")
    assert outcome.exit_code == 0, outcome.output
    assert "  versus build    # build the site into site/" in outcome.output.splitlines()


def test_init_writes_no_cache_or_site_a_local_run_left_in_the_package() -> None:
    names = starter_files()
    assert not [name for name in names if name.startswith(("site/", ".")) or "/." in name]
    assert not (STARTER / "site").exists()
