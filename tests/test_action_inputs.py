"""The Action's inputs that choose rules, paths and reports: each reaches `govern scan`
(and `govern config show`, so the blocking count follows the same selection); a
`diff-base` missing from a shallow clone says how to fetch it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.test_action import BIN, INSECURE, finding_annotations, run_action, workspace_with


def rule_ids(run_log: str) -> set[str]:
    return {line.split("title=")[1].split("::")[0] for line in finding_annotations(run_log)}


def test_check_and_skip_check_choose_the_rules(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    run = run_action(tmp_path, workspace, check="CKV_AWS_24, GOV-AWS-009\nGOV-AWS-012")
    assert rule_ids(run.logs["scan"]) == {"GOV-AWS-005", "GOV-AWS-009", "GOV-AWS-012"}
    assert run.outputs["blocking-count"] == "3"
    (tmp_path / "again").mkdir()
    skipped = run_action(tmp_path / "again", workspace_with(tmp_path / "again",
                                                            (INSECURE, "infra")),
                         skip_check="GOV-AWS-009 iam")
    ids = rule_ids(skipped.logs["scan"])
    assert ids and "GOV-AWS-009" not in ids and "GOV-AWS-012" not in ids


def test_skip_path_var_files_and_more_reports(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"), (INSECURE, "vendor"))
    (workspace / "prod.tfvars").write_text('admin_cidrs = ["10.0.0.0/8"]\n')
    (tmp_path / "bare").mkdir()
    bare = run_action(tmp_path / "bare", workspace)
    run = run_action(tmp_path, workspace, skip_path="vendor/", var_files="prod.tfvars",
                     outputs="junit=reports/govern.xml")
    assert run.outputs["exit-code"] == "1"
    files = {line.split("file=")[1].split(",")[0] for line in finding_annotations(
        run.logs["scan"])}
    assert files == {"infra/aws.tf", "infra/azure.tf", "infra/modules/bucket/main.tf"}
    assert (workspace / "reports" / "govern.xml").read_text().startswith("<?xml")
    # the variable file is read: SSH is no longer open to the internet
    assert "title=GOV-AWS-005::" in bare.logs["scan"]
    assert "title=GOV-AWS-005::" not in run.logs["scan"]


def test_baseline_and_waivers_reach_the_scan(tmp_path: Path) -> None:
    workspace = workspace_with(tmp_path, (INSECURE, "infra"))
    subprocess.run([str(BIN / "govern"), "baseline", "create", "infra", "-o", "base.json"],
                   cwd=workspace, check=True, capture_output=True)
    run = run_action(tmp_path, workspace, baseline="base.json")
    assert finding_annotations(run.logs["scan"]) == []
    assert run.outputs["exit-code"] == "0"
    (workspace / "waivers.yaml").write_text(
        "- rule: GOV-AWS-009\n  path: infra/*.tf\n  reason: test\n  owner: qa\n"
        "  expires: 2999-12-31\n")
    (tmp_path / "w").mkdir()
    waived = run_action(tmp_path / "w", workspace, waivers="waivers.yaml",
                        check="GOV-AWS-009")
    assert waived.outputs == {"sarif-file": "govern.sarif", "findings-count": "0",
                              "blocking-count": "0", "exit-code": "0"}


def test_a_diff_base_missing_from_a_shallow_clone_says_how_to_fetch_it(
        tmp_path: Path) -> None:
    origin = workspace_with(tmp_path, (INSECURE, "infra"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c",
           "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=origin, check=True)
    subprocess.run([*git, "add", "-A"], cwd=origin, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=origin, check=True)
    (origin / "infra" / "extra.tf").write_text('resource "aws_s3_bucket" "x" {}\n')
    subprocess.run([*git, "add", "-A"], cwd=origin, check=True)
    subprocess.run([*git, "commit", "-qm", "two"], cwd=origin, check=True)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)],
                   check=True)
    (tmp_path / "run").mkdir()
    run = run_action(tmp_path / "run", shallow, diff_base="HEAD~1")
    assert run.outputs["exit-code"] == "2"
    assert ("::error title=govern::diff-base is not in this clone, which is shallow: give "
            "actions/checkout fetch-depth: 0") in run.logs["scan"]
    assert "HEAD~1" not in run.logs["scan"]  # the value is never echoed
    (tmp_path / "full").mkdir()
    full = run_action(tmp_path / "full", origin, diff_base="HEAD~1")
    files = {line.split("file=")[1].split(",")[0]
             for line in finding_annotations(full.logs["scan"])}
    assert files == {"infra/extra.tf"}
