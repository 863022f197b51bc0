"""Property tests: whatever the text of a `.tf`, `.tf.json` or tfvars file, the Terraform
reader raises nothing (problems are notices), stays bounded, and the sentinel root module
beside it is still reported."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govern.parsers.budget import Limits
from tests.parsers.terraform.sentinel import scan_beside_sentinel

FRAGMENTS = (
    'resource "aws_s3_bucket" "b" {', 'module "m" {', 'variable "v" {', "locals {",
    'dynamic "x" {', "content {", "}", "{", "[", "]", "(", ")", "\n", " ", ",", "=", ":",
    "?", "...", "=>", '"', "'", "${", "%{ if true }", "%{ endif }", "%{ for x in y }",
    "%{ endfor }", "<<EOF\n", "\nEOF\n", "#", "//", "/*", "*/", "\\", "é", "\x00", "\ufeff",
    "count = ", "for_each = ", "source = \"./\"", "source = \"../\"", "default = ",
    "acl = \"public-read\"", "local.a", "local.b", "var.v", "module.m.o", "each.key",
    "count.index", "aws_s3_bucket.b[0].id", "a = ", "b = ", "1e400", "1e9", "-1", "0.5",
    "9" * 60, "true", "null", "[for a in range(100): a]", "{for k, v in {a = 1}: k => v}",
    "range(1000000)", "concat(local.a, local.a)", 'format("%09999d", 1)',
    'file("../../etc/passwd")', 'fileset("/", "*")', 'templatefile("x", {})',
    'try(local.a, 1)', "can(local.b)", "tolist(", "jsonencode(", "merge(", "lookup(",
    "local.a[*].x", ".0", "-", "!", "+", "*", "/", "%", "&&", "||", "==",
)
TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(
        ["${local.a}", "${var.v}", "x", "${", "%{ if", "1e400"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["resource", "aws_s3_bucket", "b", "locals", "a", "variable", "v",
                         "count", "for_each", "dynamic", "content", "//"]),
        children, max_size=4),
    max_leaves=30)
LIMITS = Limits(instances=200, total_instances=1_000, value_size=20_000, steps=50_000)


def run(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        scan_beside_sentinel(Path(directory), files, LIMITS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(main=TEXT, tfvars=TEXT)
def test_any_hcl_text(main: str, tfvars: str) -> None:
    run({"main.tf": main, "terraform.tfvars": tfvars,
         "extra.tf": 'locals {\n  a = [1]\n  b = "x"\n}\nvariable "v" {}\n'})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    run({"main.tf": data, "terraform.tfvars": data, "b.tf.json": data})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=JSON, tfvars=JSON)
def test_any_json_document(document: object, tfvars: object) -> None:
    import json

    run({"main.tf.json": json.dumps(document), "terraform.tfvars.json": json.dumps(tfvars)})
