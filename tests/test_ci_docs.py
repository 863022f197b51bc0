"""docs/ci.md: every pipeline snippet is valid YAML (where it is YAML), and every `govern`
command in it runs as written on an example and writes the reports it names."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, REPO

DOC = REPO / "docs" / "ci.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
GOVERN = Path(sys.executable).parent / "govern"
EXPECTED_EXIT = {"": 1, "none": 0}  # findings block unless --fail-on none


def blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


# the govern executable (bare, or a path ending in /govern, quoted or not), then `scan`
_RUN = re.compile(r"""(?:^|[\s/])govern"?\s+(scan\s.*)$""")


def commands() -> list[str]:
    """Each `govern scan` command of the snippets, as `govern scan ARGS` (comments cut)."""
    found = []
    for _, body in blocks():
        for line in body.splitlines():
            match = _RUN.search(line)
            if match and not line.lstrip().startswith(("#", "//")):
                found.append("govern " + match.group(1).split("   #")[0].strip())
    return found


def test_every_ci_system_has_a_snippet_and_the_readme_links_the_page() -> None:
    text = DOC.read_text(encoding="utf-8")
    for heading in ("## GitLab CI", "## Azure Pipelines", "## Jenkins", "## SonarQube"):
        assert heading in text
    assert "(docs/ci.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    assert len(commands()) == 4


@pytest.mark.parametrize(("lang", "body"), [b for b in blocks() if b[0] == "yaml"])
def test_yaml_snippets_parse(lang: str, body: str) -> None:
    doc = yaml.safe_load(body)
    assert isinstance(doc, dict) and doc


@pytest.mark.parametrize("command", commands())
def test_each_govern_command_runs_as_written(tmp_path: Path, command: str) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "examples" / "terraform-insecure", repo)
    staging = tmp_path / "staging"
    (staging / "CodeAnalysisLogs").mkdir(parents=True)
    line = command.replace("$(Build.ArtifactStagingDirectory)", str(staging))
    argv = shlex.split(line)
    assert argv[:2] == ["govern", "scan"]
    done = subprocess.run([str(GOVERN), *argv[1:]], cwd=repo, capture_output=True, text=True,
                          timeout=120)
    fail_on = argv[argv.index("--fail-on") + 1] if "--fail-on" in argv else ""
    assert done.returncode == EXPECTED_EXIT[fail_on], done.stderr
    outputs = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--output"]
    assert outputs
    for target in outputs:
        fmt, _, file = target.partition("=")
        written = (repo / file).read_text(encoding="utf-8")
        assert written.strip(), target
        if fmt in ("sarif", "sonarqube"):
            assert json.loads(written)
        if fmt == "junit":
            assert written.startswith("<?xml")
