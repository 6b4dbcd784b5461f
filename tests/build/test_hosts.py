"""A site that fits its host (issue #19, item 4): the build weighs what it wrote, warns
when the site no longer fits a host it knows, refuses (before publishing) a site over the
limits of the host versus.yaml names, and re-plans the pairs when ``pairs`` changes.

Hosts' limits are replaced by tiny ones here: no test builds a big site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import tree, write
from versus import console
from versus.build import hosts
from versus.build.hosts import Host, SiteSize
from versus.build.pipeline import build, measure, render_site
from versus.inputs.load import load_project
from versus.inputs.problems import InputError


def configured(project: Path, *lines: str) -> Path:
    config = project / "versus.yaml"
    text = config.read_text()
    for line in lines:
        key = line.split(":", 1)[0]
        text = "\n".join(row for row in text.splitlines() if not row.startswith(f"{key}:"))
        text += f"\n{line}\n"
    config.write_text(text)
    return project


TINY = Host("tiny", "Tiny Pages", 100_000, 40, 50_000, "https://tiny.example.org/limits")


@pytest.fixture
def tiny(monkeypatch: pytest.MonkeyPatch) -> Host:
    """A host the sample site is over every limit of, in place of the real ones."""
    monkeypatch.setattr(hosts, "HOSTS", {"github-pages": TINY})
    return TINY


def test_the_build_weighs_what_it_wrote(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    full = build(project, out, jobs=1)
    assert full.size == measure(out)
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Longer now.\n", 1))
    changed = build(project, out, jobs=1)  # incremental: the changed files restated
    assert changed.publish.written
    assert changed.size == measure(out)
    assert changed.size is not None
    assert full.size is not None
    assert changed.size.bytes > full.size.bytes
    (project / "models" / "sam-clip.yaml").unlink()
    smaller = build(project, out, jobs=1)  # files removed
    assert smaller.size == measure(out)
    nothing = build(project, out, jobs=1)  # no-op: the recorded figures
    assert nothing.publish.written == 0
    assert nothing.size == measure(out)
    assert nothing.size is not None
    assert (
        nothing.size.line()
        == f"site: {nothing.size.files:,} files, {hosts.weight(nothing.size.bytes)}"
    )
    assert console.report_lines(nothing, console.NORMAL)[-1] == nothing.size.line()


def test_size_line_and_limits() -> None:
    size = SiteSize(20_143, 312_400_000, 30_000_000, "api/models.json")
    assert size.line() == "site: 20,143 files, 312.4 MB"
    assert [host.id for host in hosts.misfits(size)] == [
        "cloudflare-pages",
        "cloudflare-pages-paid",
    ]
    assert size.over(hosts.HOSTS["cloudflare-pages"]) == [
        "20,143 files, over its 20,000 per site",
        "api/models.json is 30.0 MB, over its 25 MiB per file",
    ]
    assert hosts.refusal(size, "github-pages") == ""
    big = SiteSize(251_017, 3_600_000_000)
    assert [host.id for host in hosts.misfits(big)] == list(hosts.HOSTS)
    assert "GitHub Pages" in hosts.warning(big)


def test_without_a_host_the_build_warns(project: Path, tmp_path: Path, tiny: Host) -> None:
    report = build(project, tmp_path / "site", jobs=1)
    (line,) = [w for w in report.warnings if "no longer fits" in w]
    assert "Tiny Pages" in line
    assert report.size is not None
    assert hosts.refusal(report.size, "github-pages")


def test_with_a_host_the_build_refuses_and_keeps_the_site(
    project: Path, tmp_path: Path, tiny: Host
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    before = tree(out)
    configured(project, "host: github-pages")
    with pytest.raises(InputError) as error:
        build(project, out, jobs=1)
    (problem,) = error.value.problems
    assert problem.file == "versus.yaml"
    assert problem.path == ("host",)
    assert problem.message.startswith("the site does not fit on Tiny Pages: ")
    assert "files, over its 40 per site" in problem.message
    assert "over its 0 MiB per file" in problem.message
    assert tree(out) == before  # refused before publishing
    # the incremental way refuses too: a card edit on a site versus knows
    card = project / "models" / "sam-clip.yaml"
    card.write_text(card.read_text().replace("summary: >-\n", "summary: >-\n  Edited.\n", 1))
    with pytest.raises(InputError):
        build(project, out, jobs=1)
    assert tree(out) == before
    # fewer pairs with a page: it fits
    configured(project, "host: github-pages", "pairs: {top: 2}")
    fits = Host("tiny", "Tiny Pages", 10_000_000, 200, 5_000_000, TINY.source)
    hosts.HOSTS["github-pages"] = fits
    report = build(project, out, jobs=1)
    assert report.size is not None
    assert hosts.refusal(report.size, "github-pages") == ""


def test_a_pairs_change_replans_and_removes_what_the_build_made(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(project, out, jobs=1)
    assert len(list((out / "compare").glob("*-vs-*"))) == 10
    configured(project, "pairs: {top: 2}")
    report = build(project, out, jobs=1)
    assert [p.name for p in (out / "compare").glob("*-vs-*")] == ["gemma-4-12b-vs-gemma-4-26b-a4b"]
    assert report.publish.removed >= 9
    assert tree(out) == {**render_site(load_project(project), project), **_kept(out)}
    # a result that changes the top 2 (paligemma ties the first, 46/67) moves the page
    lines = (project / "evals/vision-evals/gemma-4-26b-a4b.yaml").read_text().splitlines()
    kept = [row for row in lines if not row.startswith(("overall_percent", "cost_per_task"))]
    write(project, "evals/vision-evals/paligemma.yaml", "\n".join(kept) + "\n")
    build(project, out, jobs=1)
    assert [p.name for p in (out / "compare").glob("*-vs-*")] == ["gemma-4-26b-a4b-vs-paligemma"]
    assert tree(out) == {**render_site(load_project(project), project), **_kept(out)}
    configured(project, "pairs: all")
    build(project, out, jobs=1)
    assert len(list((out / "compare").glob("*-vs-*"))) == 10
    assert tree(out) == {**render_site(load_project(project), project), **_kept(out)}


def _kept(out: Path) -> dict[str, bytes]:
    """The search index: made by Pagefind in a build, by the test's render as well."""
    return {name: data for name, data in tree(out).items() if name.startswith("pagefind/")}
