"""Scanning only what a change touched: `--changed-only` with the changed files as PATHs,
and `--diff-base REF` against a real temporary git repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from govern.suppress.changes import scan_dirs, split_paths
from tests.suppress.test_baseline import RDP, SSH, sg
from tests.suppress.test_waivers import stable
from tests.test_cli import run
from tests.test_precommit import isolated_env

BAD_VAR = '''variable "cidr" {
  default = "0.0.0.0/0"
}
'''


def two_files(root: Path) -> None:
    (root / "infra").mkdir()
    (root / "infra" / "web.tf").write_text(sg("web"))
    (root / "infra" / "admin.tf").write_text(sg("admin", 3389))


def test_split_paths_scans_the_directories_of_files(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    two_files(tmp_path)
    (tmp_path / "other").mkdir()
    targets, changed = split_paths(["infra/web.tf", "other", "infra/admin.tf"])
    assert targets == ("other", "infra")
    assert changed == {str(tmp_path / "infra" / "web.tf"), str(tmp_path / "infra" / "admin.tf")}
    assert scan_dirs(["a/b/x.tf", "a/y.tf", "c.tf"]) == (".",)


def test_changed_only_reports_the_changed_files(tmp_path: Path) -> None:
    two_files(tmp_path)
    code, out, _ = run("scan", "--compact", "--changed-only", "infra/web.tf", cwd=tmp_path)
    assert (code, stable(out)) == (1, (
        "infra/web.tf\n"
        f"  7  high  GOV-AWS-005  aws_security_group.web: {SSH}\n\n"
        "1 finding (1 high); 2 resources in 2 files, T s\n\n"
        "Exit 1: 1 finding blocks: status fail, severity low or above (--fail-on low).\n"))
    code, out, _ = run("scan", "--compact", "--changed-only", "infra/admin.tf", "--fail-on",
                       "critical", cwd=tmp_path)
    assert (code, stable(out)) == (0, (
        "infra/admin.tf\n"
        f"  7  high  GOV-AWS-006  aws_security_group.admin: {RDP}\n\n"
        "1 finding (1 high); 2 resources in 2 files, T s\n\n"
        "Exit 0: no finding blocks: 1 finding below --fail-on critical.\n"))


def test_changed_only_evaluates_the_whole_module(tmp_path: Path) -> None:
    """The CIDR comes from a variable in another file: evaluated, and the finding is in
    the changed file."""
    (tmp_path / "variables.tf").write_text(BAD_VAR)
    (tmp_path / "main.tf").write_text(sg("web").replace('["0.0.0.0/0"]', "[var.cidr]"))
    code, out, _ = run("scan", "--changed-only", "main.tf", "--format", "json", cwd=tmp_path)
    assert code == 1
    assert '"rule_id": "GOV-AWS-005"' in out
    code, out, _ = run("scan", "--compact", "--changed-only", "variables.tf", cwd=tmp_path)
    assert (code, stable(out)) == (0, "No findings.\n\n0 findings; 1 resource in 2 files, "
                                      "T s\n\n"
        "Exit 0: no finding blocks.\n")


def test_notices_of_unchanged_files_are_left_out_but_errors_are_kept(tmp_path: Path) -> None:
    two_files(tmp_path)
    (tmp_path / "infra" / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n')
    code, out, _ = run("scan", "--compact", "--changed-only", "infra/web.tf", cwd=tmp_path)
    assert code == 3
    assert "broken.tf" in out


def test_changed_only_needs_files(tmp_path: Path) -> None:
    two_files(tmp_path)
    code, out, err = run("scan", "--compact", "--changed-only", "infra", cwd=tmp_path)
    assert (code, out, err) == (2, "", "govern: error: --changed-only needs the changed "
                                       "files as PATH arguments (or --diff-base REF)\n")


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = isolated_env(tmp_path)
    env["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    return env


def git(cwd: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_diff_base(tmp_path: Path, git_env: dict[str, str]) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    two_files(repo)
    git(repo, git_env, "init", "-q")
    git(repo, git_env, "add", ".")
    git(repo, git_env, "commit", "-q", "-m", "start")
    git(repo, git_env, "checkout", "-q", "-b", "feature")
    (repo / "infra" / "admin.tf").write_text(sg("admin", 3389, comment="# committed\n"))
    git(repo, git_env, "commit", "-q", "-am", "change admin")
    (repo / "infra" / "db.tf").write_text(sg("db"))  # untracked
    code, out, _ = run("scan", "--compact", "--diff-base", "main", cwd=repo)
    assert (code, stable(out)) == (1, (
        "infra/admin.tf\n"
        f"  8  high  GOV-AWS-006  aws_security_group.admin: {RDP}\n\n"
        "infra/db.tf\n"
        f"  7  high  GOV-AWS-005  aws_security_group.db: {SSH}\n\n"
        "2 findings (2 high); 3 resources in 3 files, T s\n\n"
        "Exit 1: 2 findings block: status fail, severity low or above (--fail-on low).\n"))
    # an uncommitted edit of a committed file counts too; nothing changed: nothing reported
    (repo / "infra" / "db.tf").unlink()
    (repo / "infra" / "web.tf").write_text(sg("web", comment="# edited\n"))
    code, out, _ = run("scan", "--diff-base", "main", "infra", "--format", "json",
                       "--fail-on", "critical", cwd=repo)
    assert code == 0 and '"address": "aws_security_group.web"' in out
    git(repo, git_env, "checkout", "-q", "--", "infra/web.tf")
    code, out, _ = run("scan", "--compact", "--diff-base", "HEAD", cwd=repo)
    assert (code, stable(out)) == (0, "No findings.\n\n0 findings; 2 resources in 2 files, "
                                      "T s\n\n"
        "Exit 0: no finding blocks.\n")


def test_diff_base_outside_a_repository(tmp_path: Path, git_env: dict[str, str]) -> None:
    (tmp_path / "plain").mkdir()
    two_files(tmp_path / "plain")
    code, out, err = run("scan", "--compact", "--diff-base", "main", cwd=tmp_path / "plain")
    assert (code, out) == (2, "")
    assert err.startswith("govern: error: --diff-base: . is not in a git repository (")


def test_diff_base_unknown_revision(tmp_path: Path, git_env: dict[str, str]) -> None:
    two_files(tmp_path)
    git(tmp_path, git_env, "init", "-q")
    git(tmp_path, git_env, "add", ".")
    git(tmp_path, git_env, "commit", "-q", "-m", "start")
    code, out, err = run("scan", "--compact", "--diff-base", "nope", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"govern: error: --diff-base: nope is not a commit of {tmp_path} (")


@pytest.mark.parametrize("base", ["--output={out}", "-p", "--output", "-"])
def test_diff_base_that_looks_like_an_option_is_refused(
        tmp_path: Path, git_env: dict[str, str], base: str) -> None:
    two_files(tmp_path)
    git(tmp_path, git_env, "init", "-q")
    git(tmp_path, git_env, "add", ".")
    git(tmp_path, git_env, "commit", "-q", "-m", "start")
    written = tmp_path / "written"
    value = base.format(out=written)
    code, out, err = run("scan", "--compact", f"--diff-base={value}", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == (f"govern: error: --diff-base: {value!r} looks like an option, not a git "
                   f"revision; give a branch, tag or commit, e.g. origin/main\n")
    assert not list(tmp_path.glob("written*"))


def test_precommit_hook_reports_only_the_staged_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from govern.precommit import main

    two_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as done:
        main(["--fail-on", "high", "infra/admin.tf"])
    assert done.value.code == 1
    assert stable(capsys.readouterr().out) == (  # the hook shows each finding in full
        "infra/admin.tf:7  high  GOV-AWS-006  aws_security_group.admin\n"
        f"  {RDP}\n"
        '  7 │     cidr_blocks = ["0.0.0.0/0"]\n'
        "  https://github.com/govern-dev/govern/blob/main/docs/rules/GOV-AWS-006.md\n\n"
        "1 finding (1 high); 2 resources in 2 files, T s\n\n"
        "Exit 1: 1 finding blocks: status fail, severity high or above (--fail-on high).\n")
    with pytest.raises(SystemExit) as done:
        main(["--fail-on", "high"])  # nothing staged that govern reads
    assert done.value.code == 0
