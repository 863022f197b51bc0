"""Admission latency: one decision on a Terraform plan of 100 resources merged onto a live
inventory of 300, with the rules loaded once (as `govern serve` does). Prints timings; not
a test.

    .venv/bin/python benchmarks/admission.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from govern.admission.decide import Admitter
from govern.config import Config
from govern.model.graph import ResourceGraph
from govern.model.inventory import dump_inventory
from tests.admission.helpers import PUBLIC_POLICY, change, live_resource

RUNS = 20


def plan_changes() -> list[str]:
    changes = []
    for index in range(50):
        changes.append(change("aws_s3_bucket", f"b{index}", {
            "bucket": f"bucket-{index}", "tags": {"owner": "a", "cost-center": "1"}}))
        changes.append(change("aws_s3_bucket_policy", f"p{index}", {
            "bucket": f"live-{index}", "policy": PUBLIC_POLICY}))
    return changes


def live() -> ResourceGraph:
    return ResourceGraph(
        live_resource("aws.s3.bucket", f"arn:aws:s3:::live-{index}", "AWS::S3::Bucket",
                      name=f"live-{index}", acl="private") for index in range(300))


def main() -> None:
    started = time.perf_counter()
    admitter = Admitter(Config())
    print(f"rules loaded once: {len(admitter.rules)} in "
          f"{time.perf_counter() - started:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "change.json"
        plan.write_text('{"format_version": "1.2", "resource_changes": [\n'
                        + ",\n".join(plan_changes()) + "\n]}\n")
        inventory = Path(tmp) / "inventory.json"
        inventory.write_text(dump_inventory(live()))
        content, inventory_doc = plan.read_text(), json.loads(inventory.read_text())
        for label, run in (
                ("plan alone (file)", lambda: admitter.admit_file(str(plan))),
                ("plan + inventory (file)",
                 lambda: admitter.admit_file(str(plan), str(inventory))),
                ("plan + inventory (as the server)",
                 lambda: admitter.admit_text(content, "tfplan", inventory_doc))):
            times = []
            for _ in range(RUNS):
                began = time.perf_counter()
                decision = run()
                times.append(time.perf_counter() - began)
            print(f"{label}: decision {decision.decision}, {len(decision.reasons)} reasons; "
                  f"median {statistics.median(times) * 1000:.1f} ms, "
                  f"max {max(times) * 1000:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
