"""The pre-commit hooks (`.pre-commit-hooks.yaml`), installed the way users install them.

The repository is copied (tracked and untracked-but-not-ignored files of what a hook
install needs) into a temporary git repository and committed there, so uncommitted work
in this checkout is what gets tested; a second temporary repository points `repo:` at that
copy and `rev:` at its commit, and the real `pre-commit` installs the hook (a virtualenv,
`pip install` of the copy) into a private `PRE_COMMIT_HOME`. Dependencies come from the
package index pip is configured with (PyPI here and in CI) or its cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from govern.precommit import scan_dirs
from tests.conftest import REPO

# what `pip install <copy>` needs
HOOK_REPO_PARTS = ("pyproject.toml", "setup.py", "README.md", ".pre-commit-hooks.yaml",
                   "govern/", "rules/")

OPEN_SSH = '''resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["CIDR"]
  }
}
'''


def git(cwd: Path, *args: str, env: dict[str, str], check: bool = True
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=check)


WHEELHOUSE = REPO / ".wheelhouse"  # filled by the README's test command (pip download)


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """No global or system git configuration (no hooksPath, signing, templates), and pip
    offline: the hook's virtualenv installs govern and its dependencies from the local
    wheelhouse only (tests send no traffic beyond loopback)."""
    global_config = tmp_path / "gitconfig"
    global_config.write_text("[user]\n\tname = govern tests\n\temail = tests@govern.invalid\n"
                             "[init]\n\tdefaultBranch = main\n"
                             "[commit]\n\tgpgsign = false\n")
    env = dict(os.environ)
    env.update({"GIT_CONFIG_GLOBAL": str(global_config), "GIT_CONFIG_NOSYSTEM": "1",
                "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
                "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
                "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELHOUSE),
                "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT"):
        env.pop(name, None)
    return env


def copy_of_this_checkout(dest: Path, env: dict[str, str]) -> str:
    """Copy the files a hook install needs into `dest`, commit them; the commit sha."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in listed:
        if not name or not name.startswith(HOOK_REPO_PARTS):
            continue
        source = REPO / name
        if not source.is_file():  # deleted in the working tree
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    git(dest, "init", "-q", env=env)
    git(dest, "add", "-A", env=env)
    git(dest, "commit", "-q", "-m", "govern under test", env=env)
    return git(dest, "rev-parse", "HEAD", env=env).stdout.strip()


def test_scan_dirs() -> None:
    assert scan_dirs(["main.tf", "infra/a.tf", "infra/b.tf"]) == (".",)
    assert scan_dirs(["infra/a.tf", "infra/b.tfvars", "infra/net/x.tf", "cfn/t.yaml",
                      "infrastructure/c.tf"]) == ("cfn", "infra", "infrastructure")
    assert scan_dirs([]) == ()


def test_hooks_file() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert list(by_id) == ["govern", "govern-all"]
    assert by_id["govern"]["pass_filenames"] is True
    assert by_id["govern-all"]["pass_filenames"] is False
    assert by_id["govern-all"]["always_run"] is True
    assert {hook["language"] for hook in hooks} == {"python"}


@pytest.mark.skipif(not WHEELHOUSE.is_dir(), reason="no .wheelhouse: run the README's test "
                    "command, which downloads it, to install the hook offline")
def test_hook_blocks_a_bad_commit_and_lets_a_good_one_through(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = isolated_env(tmp_path)
    hook_repo = tmp_path / "govern-copy"
    hook_repo.mkdir()
    sha = copy_of_this_checkout(hook_repo, env)

    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q", env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n"
        f"  - repo: {hook_repo}\n"
        f"    rev: {sha}\n"
        f"    hooks:\n"
        f"      - id: govern\n"
        f"        args: [--fail-on, high, --no-color]\n", encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=project, env=env, check=True,
                   capture_output=True, text=True)
    (project / "README.md").write_text("docs only\n", encoding="utf-8")
    git(project, "add", "-A", env=env)
    git(project, "commit", "-q", "-m", "config", env=env)  # installs the hook environment

    infra = project / "infra"
    infra.mkdir()
    (infra / "main.tf").write_text(OPEN_SSH.replace("CIDR", "0.0.0.0/0"), encoding="utf-8")
    git(project, "add", "-A", env=env)
    blocked = git(project, "commit", "-m", "open ssh", env=env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "GOV-AWS-005" in output, output
    assert "main.tf" in output, output
    assert git(project, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"

    (infra / "main.tf").write_text(OPEN_SSH.replace("CIDR", "10.0.0.0/8"), encoding="utf-8")
    git(project, "add", "-A", env=env)
    passed = git(project, "commit", "-m", "internal ssh", env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(project, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "2"
