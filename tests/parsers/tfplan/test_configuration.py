"""Reference strings of the plan's configuration -> full resource addresses."""

from __future__ import annotations

from typing import Any

from govern.parsers.tfplan.addresses import (
    Reference,
    instance_key,
    module_steps,
    parent_module,
    parse_reference,
    without_key,
)
from govern.parsers.tfplan.configuration import Configuration, most_specific


def test_parse_reference() -> None:
    assert parse_reference('aws_s3_bucket.b["k"].id') == Reference(
        "resource", address='aws_s3_bucket.b["k"]')
    assert parse_reference("data.aws_iam_policy_document.p.json") == Reference(
        "resource", address="data.aws_iam_policy_document.p")
    assert parse_reference("module.net[0].vpc_id") == Reference(
        "output", name="net", key="[0]", output="vpc_id")
    assert parse_reference("var.name") == Reference("variable", name="name")
    for other in ("module.net", "local.x", "count.index", "each.key", "path.module", "self.id"):
        assert parse_reference(other) is None


def test_module_addresses() -> None:
    assert module_steps('module.a["x.y"].module.b') == [("a", '["x.y"]'), ("b", "")]
    assert parent_module('module.a["x.y"].module.b[2]') == 'module.a["x.y"]'
    assert parent_module("module.a") == ""
    assert instance_key(3) == "[3]"
    assert instance_key('say "hi"') == '["say \\"hi\\""]'
    assert without_key('aws_s3_bucket.b["k"]') == "aws_s3_bucket.b"
    assert most_specific(["a.b", "a.b[0]", "c.d", "a.b[0]"]) == ["a.b[0]", "c.d"]


def expression(*refs: str) -> dict[str, Any]:
    return {"references": list(refs)}


CONFIG = {
    "root_module": {
        "resources": [{"address": "aws_s3_bucket.b", "mode": "managed"}],
        "module_calls": {
            "m": {"source": "./m",
                  "expressions": {"loop": expression("module.m.out", "module.m.out2")},
                  "module": {"outputs": {
                      "out": {"expression": expression("var.loop", "aws_s3_bucket.x")},
                      "out2": {"expression": expression("var.loop")}}}},
        },
    },
}


def test_reference_to_the_instance_of_the_same_key() -> None:
    config = Configuration(CONFIG, ['aws_s3_bucket.b["x"]', 'aws_s3_bucket.b["y"]'])
    each = expression("aws_s3_bucket.b", "each.key")
    assert config.reference(each, "", "x") == 'aws_s3_bucket.b["x"]'
    assert config.reference(each, "", "z") == "aws_s3_bucket.b"
    assert config.reference(expression("aws_s3_bucket.b"), "", "x") == "aws_s3_bucket.b"


def test_no_reference_when_several_or_none() -> None:
    config = Configuration(CONFIG, [])
    assert config.reference(expression("aws_s3_bucket.a.id", "aws_s3_bucket.b.id"), "",
                            None) is None
    assert config.reference(expression("var.at_root", "local.x"), "", None) is None
    assert config.reference({"constant_value": "x"}, "", None) is None


def test_module_input_and_output_loops_end() -> None:
    config = Configuration(CONFIG, [])
    assert config.resolve(["module.m.out"], "") == ["module.m.aws_s3_bucket.x"]
