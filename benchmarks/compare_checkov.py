"""Compare govern's findings with Checkov's on the same input, rule by rule, through each
rule's declared Checkov equivalents. Not a test: prints, per govern rule, the resources both
tools report, the ones only govern reports (with its status) and the ones only Checkov
reports, so that every difference can be looked at (a govern bug, a Checkov bug, or a
difference the rule's docs state).

    .venv/bin/python benchmarks/compare_checkov.py PATH [--checkov ../checkov-venv/bin/checkov]
        [--framework terraform|cloudformation|arm] [--rule GOV-AWS-001] [--show 5]

Resources are matched by address: a Terraform address, or a CloudFormation logical id /
an ARM `type/name` (Checkov's `AWS::S3::Bucket.Logs` is `Logs`). Checkov reports a
separate `aws_s3_bucket_public_access_block` where govern folds it into the bucket: such
pairs show as one-sided, which the listing makes plain.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CHECKOV = REPO.parent / "checkov-venv" / "bin" / "checkov"


def checkov_failures(checkov: str, path: str, framework: str) -> dict[str, set[str]]:
    """check id -> the resources it fails."""
    done = subprocess.run([checkov, "-d", path, "--framework", framework, "-o", "json",
                           "--compact", "--quiet", "--skip-download"],
                          capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        sys.exit(f"checkov printed nothing: {done.stderr.strip()[-500:]}")
    reports = json.loads(done.stdout)
    failed: dict[str, set[str]] = defaultdict(set)
    for report in reports if isinstance(reports, list) else [reports]:
        for check in report.get("results", {}).get("failed_checks", []):
            failed[check["check_id"]].add(_checkov_address(check["resource"], framework))
    return failed


_ARM_CHECKOV = re.compile(r"^((?:[A-Za-z0-9]+\.)+[A-Za-z0-9]+(?:/[A-Za-z0-9]+)+)\.(.*)$")
_ARM_TYPE_START = re.compile(r"(?:^|/)([A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+/[A-Za-z0-9]+/)")
_INSTANCE_KEY = re.compile(r"\[\d+\]$")


def _checkov_address(resource: str, framework: str) -> str:
    if framework == "cloudformation":
        return resource.rsplit(".", 1)[-1]
    if framework == "arm":  # `Microsoft.Web/sites.NAME` -> `Microsoft.Web/sites/NAME`
        match = _ARM_CHECKOV.match(resource)
        return f"{match.group(1)}/{match.group(2)}" if match else resource
    return resource


def _govern_address(address: str, framework: str) -> str:
    """ARM: the innermost `type/name` (a resource of a nested deployment is named after the
    deployment too), without a copy index."""
    if framework != "arm":
        return address
    starts = [m.start(1) for m in _ARM_TYPE_START.finditer(address)]
    return _INSTANCE_KEY.sub("", address[starts[-1]:] if starts else address)


def govern_findings(path: str, framework: str
                    ) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """rule id -> {address: status}, and rule id -> its Checkov equivalents."""
    govern = str(REPO / ".venv" / "bin" / "govern")
    done = subprocess.run([govern, "scan", path, "--format", "json", "--fail-on", "none"],
                          capture_output=True, text=True, check=False)
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for finding in json.loads(done.stdout)["findings"]:
        address = _govern_address(finding["resource"]["address"], framework)
        found[finding["rule_id"]][address] = finding["status"]
    listed = subprocess.run([govern, "rules", "list", "--format", "json"],
                            capture_output=True, text=True, check=True)
    equivalents = {rule["id"]: rule["equivalents"].get("checkov", [])
                   for rule in json.loads(listed.stdout)}
    return found, equivalents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--checkov", default=str(DEFAULT_CHECKOV))
    parser.add_argument("--framework", default="terraform")
    parser.add_argument("--rule", action="append", default=[])
    parser.add_argument("--show", type=int, default=5, help="addresses listed per side")
    args = parser.parse_args()
    if not os.path.exists(args.checkov):
        sys.exit(f"no checkov at {args.checkov} (install it in its own virtual environment)")
    ours, equivalents = govern_findings(args.path, args.framework)
    theirs = checkov_failures(args.checkov, args.path, args.framework)
    print(f"{'rule':<13} {'both':>5} {'only govern':>12} {'only checkov':>13}  checkov ids")
    for rule in sorted(equivalents):
        ids = equivalents[rule]
        if not ids or (args.rule and rule not in args.rule):
            continue
        reported = ours.get(rule, {})
        flagged = set().union(*(theirs.get(i, set()) for i in ids))
        if not reported and not flagged:
            continue
        both = flagged & set(reported)
        only_ours = {a: s for a, s in reported.items() if a not in flagged}
        only_theirs = flagged - set(reported)
        print(f"{rule:<13} {len(both):>5} {len(only_ours):>12} {len(only_theirs):>13}  "
              f"{', '.join(ids)}")
        for address, status in sorted(only_ours.items())[:args.show]:
            print(f"    govern only ({status}): {address}")
        for address in sorted(only_theirs)[:args.show]:
            print(f"    checkov only: {address}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
