"""The GitHub Actions workflow in examples/: valid for GitHub, and its shard commands,
run here as its jobs would run them, give the site one machine builds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.catalog import generate
from support import REPO

WORKFLOW = REPO / "examples" / "github-actions" / "versus.yml"
BIN = Path(sys.executable).parent


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _run_step(job: dict[str, Any], name: str) -> str:
    return str(next(step["run"] for step in job["steps"] if step.get("name") == name))


def _expand(command: str, values: dict[str, str]) -> str:
    """``${{ ... }}`` expressions replaced as GitHub would, for the ones the tests know."""

    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", value, command)


def _bash(command: str, cwd: Path, env: dict[str, str]) -> None:
    path = f"{BIN}{os.pathsep}{os.environ['PATH']}"
    subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=cwd,
        env={**os.environ, **env, "PATH": path},
        check=True,
        stdin=subprocess.DEVNULL,
    )


def _files(root: Path) -> dict[str, bytes]:
    """The files a Pages artifact holds: upload-artifact leaves hidden files out (the
    marker versus keeps in every folder it builds)."""
    found = {}
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in name.split("/")):
            found[name] = path.read_bytes()
    return found


def test_the_workflow_is_valid_for_github() -> None:
    checker = BIN / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_share_has_a_job() -> None:
    workflow = _workflow()
    shards = int(workflow["env"]["SHARDS"])
    assert workflow["jobs"]["build"]["strategy"]["matrix"]["shard"] == list(range(1, shards + 1))
    assert workflow["jobs"]["publish"]["needs"] == "build"
    assert workflow["jobs"]["build"]["needs"] == "check"


@pytest.mark.parametrize("models", [200])
def test_the_shards_merge_into_the_one_machine_site(models: int, tmp_path: Path) -> None:
    workflow = _workflow()
    env = {name: str(value) for name, value in workflow["env"].items()}
    build_job, publish_job = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    project = tmp_path / "project"
    generate(project, models)

    # each build job, in its own checkout of the catalog
    for shard in build_job["strategy"]["matrix"]["shard"]:
        checkout = tmp_path / f"runner-{shard}"
        shutil.copytree(project, checkout)
        command = _expand(_run_step(build_job, "Build one share"), {"matrix.shard": str(shard)})
        _bash(command, checkout, env)
        # actions/download-artifact with a pattern: each artifact in a folder of its name
        upload = next(s for s in build_job["steps"] if "upload-artifact" in s.get("uses", ""))
        name = _expand(upload["with"]["name"], {"matrix.shard": str(shard)})
        path = _expand(upload["with"]["path"], {"matrix.shard": str(shard)})
        artifact = tmp_path / "publish" / "parts" / name
        artifact.parent.mkdir(parents=True, exist_ok=True)
        (checkout / path).rename(artifact)
        for hidden in artifact.glob(".*"):  # upload-artifact leaves hidden files out
            hidden.unlink()

    _bash(_run_step(publish_job, "Merge the shares"), tmp_path / "publish", env)
    _bash("versus build -o one-machine", project, env)
    merged = _files(tmp_path / "publish" / "site")
    assert merged == _files(project / "one-machine")
    assert sum(1 for name in merged if name.startswith("compare/")) >= models * (models - 1) // 2
