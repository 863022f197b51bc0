"""scan_terraform end to end on a fixture tree: variables precedence, locals, modules,
count/for_each, dynamic blocks, providers, data sources, notices, exact lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.model.finding import Notice
from govern.model.source import SourceRange
from govern.model.unknown import PartialString, Unknown
from govern.parsers.native import NativeResource, ParseResult
from govern.parsers.terraform.project import scan_terraform

DATA = Path(__file__).parent / "data"

DEFAULT_PROVIDER = {"region": "us-east-1", "default_tags": [{"tags": {"Owner": "var-file"}}]}
WEST_PROVIDER = {"alias": "west", "region": "us-west-2",
                 "default_tags": [{"tags": {"Team": "west"}}]}


@pytest.fixture
def project(monkeypatch: pytest.MonkeyPatch) -> ParseResult:
    monkeypatch.chdir(DATA / "project")
    return scan_terraform(["."], ["extra.tfvars"],
                          {"replicas": "3", "from_cli": '{ k = "v" }'})


def by_address(result: ParseResult) -> dict[str, NativeResource]:
    return {r.address: r for r in result.resources}


def test_addresses_in_order(project: ParseResult) -> None:
    assert [r.address for r in project.resources] == [
        "aws_s3_bucket.from_json",
        "aws_s3_bucket.logs",
        "aws_s3_bucket.counted[0]",
        "aws_s3_bucket.counted[1]",
        "aws_s3_bucket.counted[2]",
        "aws_s3_bucket_policy.p",
        "aws_security_group.sg",
        "data.aws_availability_zones.az",
        "aws_instance.maybe",
        "aws_s3_bucket.uses_outputs",
        "data.aws_iam_policy_document.doc",
        "data.aws_iam_policy_document.unknown",
        'module.buckets["a"].aws_s3_bucket.b[0]',
        'module.buckets["a"].aws_s3_bucket.b[1]',
        'module.buckets["b"].aws_s3_bucket.b[0]',
        'module.buckets["b"].aws_s3_bucket.b[1]',
        "module.remote_ok.aws_s3_bucket.this",
    ]


def test_variable_precedence_and_locals(project: ParseResult) -> None:
    resources = by_address(project)
    # env: default "dev" < terraform.tfvars < a.auto.tfvars < b.auto.tfvars.json
    logs = resources["aws_s3_bucket.logs"]
    assert logs.attributes == {"bucket": "app-auto-b-logs", "tags": {"Env": "auto-b"},
                               "versioning": [{"enabled": True}]}
    # owner: terraform.tfvars < --var-file; replicas: tfvars 2 < --var "3" (a number)
    assert logs.provider == DEFAULT_PROVIDER
    assert [r.attributes["bucket"] for r in project.resources
            if r.address.startswith("aws_s3_bucket.counted")] == [
        "counted-0", "counted-1", "counted-2"]
    # --var of a map type is read as an HCL expression
    assert resources["aws_security_group.sg"].attributes["name"] == "sg-v"
    # a cycle between locals is Unknown, not a hang
    assert resources["aws_s3_bucket.counted[0]"].attributes["acl"] == Unknown(
        "local.loop_a refers to itself")


def test_without_cli_values_tfvars_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "project")
    result = scan_terraform(["."])
    resources = by_address(result)
    assert "aws_s3_bucket.counted[1]" in resources
    assert "aws_s3_bucket.counted[2]" not in resources
    assert resources["aws_s3_bucket.logs"].provider == {
        "region": "us-east-1", "default_tags": [{"tags": {"Owner": "team-a"}}]}
    assert resources["aws_security_group.sg"].attributes["name"] == Unknown(
        "cannot evaluate aws_security_group.sg.name: the map does not have an element with "
        "key 'k'")


def test_locations(project: ParseResult) -> None:
    logs = by_address(project)["aws_s3_bucket.logs"]
    assert logs.range == SourceRange("main.tf", 27, 36)
    assert logs.locations == {
        ("bucket",): SourceRange("main.tf", 28, 28),
        ("tags",): SourceRange("main.tf", 29, 31),
        ("tags", "Env"): SourceRange("main.tf", 30, 30),
        ("versioning",): SourceRange("main.tf", 33, 35),
        ("versioning", 0): SourceRange("main.tf", 33, 35),
        ("versioning", 0, "enabled"): SourceRange("main.tf", 34, 34),
    }
    assert logs.provider_range == SourceRange("main.tf", 1, 8)
    assert logs.module == ""
    assert logs.root == "."
    assert logs.mode == "managed"


def test_dynamic_blocks(project: ParseResult) -> None:
    sg = by_address(project)["aws_security_group.sg"]
    assert sg.attributes == {
        "name": "sg-v",
        "ingress": [{"from_port": 443, "to_port": 443, "description": "https"},
                    {"from_port": 22, "to_port": 22, "description": "ssh"}],
        "egress": [{"from_port": 0}],
    }
    assert sg.locations[("ingress",)] == SourceRange("main.tf", 52, 60)
    assert sg.locations[("ingress", 1)] == SourceRange("main.tf", 55, 59)
    assert sg.locations[("ingress", 1, "description")] == SourceRange("main.tf", 58, 58)
    assert sg.locations[("egress", 0, "from_port")] == SourceRange("main.tf", 63, 63)


def test_modules_with_for_each_count_inputs_outputs_and_providers(
        project: ParseResult) -> None:
    resources = by_address(project)
    first = resources['module.buckets["a"].aws_s3_bucket.b[0]']
    assert first.attributes == {"bucket": "app-auto-b-a-0", "tags": {"Label": "APP-AUTO-B-A"},
                                "versioning": [{"enabled": True}]}
    assert first.module == 'module.buckets["a"]'
    assert first.range == SourceRange("modules/bucket/main.tf", 18, 28)
    # the aliased provider passed through `providers = { aws = aws.west }`
    assert first.provider == WEST_PROVIDER
    assert first.provider_range == SourceRange("main.tf", 10, 18)
    # optional(bool, false) filled in from the object type
    assert resources['module.buckets["b"].aws_s3_bucket.b[1]'].attributes["versioning"] == [
        {"enabled": False}]
    # a downloaded registry module inherits the default provider configuration
    remote = resources["module.remote_ok.aws_s3_bucket.this"]
    assert remote.attributes == {"bucket": "downloaded"}
    assert remote.range == SourceRange(".terraform/modules/remote_ok/main.tf", 3, 5)
    assert remote.provider == DEFAULT_PROVIDER


def test_module_outputs_and_references(project: ParseResult) -> None:
    uses = by_address(project)["aws_s3_bucket.uses_outputs"]
    assert uses.attributes["bucket"] == "app-auto-b-a-0"
    assert uses.attributes["tags"] == {
        "Id": Unknown("known after apply", ref='module.buckets["b"].aws_s3_bucket.b[0]'),
        "Label": "APP-AUTO-B-A",
        "Remote": Unknown("module source git::https://example.com/vpc.git not downloaded"),
        "Time": Unknown("timestamp() is the time of the run"),
    }
    assert uses.attributes["force_destroy"] == Unknown(
        "cannot evaluate aws_s3_bucket.uses_outputs.force_destroy: division by zero")
    assert uses.attributes["policy"] == (
        '{"Resource": "arn:aws:s3:::app-auto-b/*", '
        '"Action": ["s3:GetObject","s3:PutObject","s3:ListBucket"]}\n')
    assert uses.references == ['module.buckets["a"].aws_s3_bucket.b[0]',
                               'module.buckets["b"].aws_s3_bucket.b[0]']
    policy = by_address(project)["aws_s3_bucket_policy.p"]
    assert policy.references == ["aws_s3_bucket.logs", "data.aws_iam_policy_document.doc"]


def test_unknown_count_gives_one_keyless_instance(project: ParseResult) -> None:
    maybe = by_address(project)["aws_instance.maybe"]
    assert maybe.attributes == {
        "ami": PartialString(
            ("ami-", Unknown("count of aws_instance.maybe is not known statically")),
            "count of aws_instance.maybe is not known statically"),
        "instance_type": "t3.micro",
    }
    assert maybe.references == ["data.aws_availability_zones.az"]


def test_policy_document_json(project: ParseResult) -> None:
    policy = by_address(project)["aws_s3_bucket_policy.p"].attributes["policy"]
    assert policy == """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObject"
      ],
      "Resource": "arn:aws:s3:::x/*",
      "Principal": {
        "AWS": "arn:aws:iam::111122223333:root"
      },
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true"
        }
      }
    },
    {
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": "*",
      "Principal": "*"
    }
  ]
}"""
    assert json.loads(policy)["Statement"][1]["Principal"] == "*"
    unknown = by_address(project)["data.aws_iam_policy_document.unknown"]
    assert unknown.mode == "data"
    assert unknown.attributes == {"statement": [{
        "actions": ["s3:GetObject"],
        "resources": [PartialString(
            (Unknown("known after apply", ref="aws_s3_bucket.logs"), "/*"),
            "known after apply", "aws_s3_bucket.logs")]}]}
    assert unknown.references == ["aws_s3_bucket.logs"]


def test_tf_json_file(project: ParseResult) -> None:
    from_json = by_address(project)["aws_s3_bucket.from_json"]
    assert from_json.attributes == {"bucket": "app-auto-b-json", "tags": {"Source": "json"}}
    assert from_json.range.file == "json.tf.json"


def test_notices(project: ParseResult) -> None:
    assert project.notices == [
        Notice("error", "expected an expression, found end of line", "broken.tf", 2,
               "a value is a string, number, bool, null, reference, function call, [list] "
               "or {object}", code="parse-error"),
        Notice("warning", "local.loop_a refers to itself", "main.tf", 23, code="eval-cycle"),
        Notice("warning", "count of aws_instance.maybe is not known statically (data source "
               "is read at plan time); evaluated as one instance", "main.tf", 70,
               code="unknown-expansion"),
        Notice("note", "module source git::https://example.com/vpc.git not downloaded",
               "main.tf", 92, "run terraform init (or terraform get) so that "
               ".terraform/modules/modules.json lists it", code="module-not-downloaded"),
        Notice("warning", "cannot evaluate aws_s3_bucket.uses_outputs.force_destroy: division "
               "by zero", "main.tf", 104, code="eval-error"),
    ]


def test_files_read(project: ParseResult) -> None:
    assert project.files == [
        ".terraform/modules/remote_ok/main.tf", "a.auto.tfvars", "b.auto.tfvars.json",
        "broken.tf", "extra.tfvars", "json.tf.json", "main.tf", "modules/bucket/main.tf",
        "modules/bucket/outputs.tf", "modules/label/main.tf", "policy.tf", "terraform.tfvars",
        "variables.tf"]


def test_called_directories_are_not_roots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "project")
    result = scan_terraform([".", "modules/bucket", "modules/label"], ["extra.tfvars"])
    assert {r.root for r in result.resources} == {"."}
    assert len([r for r in result.resources if r.address.startswith("module.buckets")]) == 4


def test_skip_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "project")
    result = scan_terraform(["."], skip_files={"broken.tf", "json.tf.json"})
    assert "aws_s3_bucket.from_json" not in by_address(result)
    assert all(n.code != "parse-error" for n in result.notices)


def scan_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> ParseResult:
    (tmp_path / "main.tf").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return scan_terraform(["."])


def test_resource_references_count_splat_and_whole_objects(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = scan_text(tmp_path, monkeypatch, """
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "b-${count.index}"

  lifecycle {
    prevent_destroy = true
  }
  depends_on = [aws_kms_key.k]
}

resource "aws_kms_key" "k" {
  for_each    = { main = "x" }
  description = each.value
}

resource "aws_thing" "t" {
  names    = aws_s3_bucket.b[*].bucket
  ids      = aws_s3_bucket.b[*].id
  n        = length(aws_s3_bucket.b)
  key      = aws_kms_key.k["main"].arn
  desc     = aws_kms_key.k["main"].description
  keys     = keys(aws_kms_key.k)
  whole    = aws_s3_bucket.b[1]
  ws       = terraform.workspace
  mod      = path.module
  nested   = aws_s3_bucket.b[0].lifecycle
}
""")
    resources = by_address(result)
    assert resources["aws_s3_bucket.b[0]"].attributes == {"bucket": "b-0"}
    assert resources['aws_kms_key.k["main"]'].attributes == {"description": "x"}
    thing = resources["aws_thing.t"]
    after_apply = Unknown("known after apply", ref="aws_s3_bucket.b[0]")
    assert thing.attributes == {
        "names": ["b-0", "b-1"],
        "ids": [after_apply, Unknown("known after apply", ref="aws_s3_bucket.b[1]")],
        "n": 2,
        "key": Unknown("known after apply", ref='aws_kms_key.k["main"]'),
        "desc": "x",
        "keys": ["main"],
        "whole": {"bucket": "b-1"},
        "ws": "default",
        "mod": ".",
        "nested": Unknown("known after apply", ref="aws_s3_bucket.b[0]"),
    }
    assert thing.references == ['aws_kms_key.k["main"]', "aws_s3_bucket.b[0]",
                                "aws_s3_bucket.b[1]"]
    assert resources["aws_s3_bucket.b[0]"].references == []


def test_dynamic_blocks_nested_and_unknown(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    result = scan_text(tmp_path, monkeypatch, """
data "aws_vpc" "v" {}

resource "aws_lb_listener" "l" {
  dynamic "default_action" {
    for_each = ["forward", "redirect"]
    content {
      type = default_action.value
      dynamic "condition" {
        for_each = default_action.key == 0 ? [1, 2] : []
        content {
          n = condition.value * 10
        }
      }
    }
  }
}

resource "aws_security_group" "s" {
  ingress {
    from_port = 1
  }
  dynamic "ingress" {
    for_each = data.aws_vpc.v.cidr_block_associations
    content {
      from_port = 2
    }
  }
}
""")
    resources = by_address(result)
    assert resources["aws_lb_listener.l"].attributes == {"default_action": [
        {"type": "forward", "condition": [{"n": 10}, {"n": 20}]},
        {"type": "redirect", "condition": []},
    ]}
    locations = resources["aws_lb_listener.l"].locations
    assert locations[("default_action", 0, "condition", 1, "n")] == SourceRange("main.tf", 12, 12)
    assert locations[("default_action", 1)] == SourceRange("main.tf", 7, 15)
    sg = resources["aws_security_group.s"]
    assert sg.attributes == {"ingress": Unknown("data source is read at plan time",
                                                ref="data.aws_vpc.v")}
    assert sg.locations == {("ingress",): SourceRange("main.tf", 20, 28)}
    assert sg.references == ["data.aws_vpc.v"]


def test_policy_document_merges_source_and_override_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = scan_text(tmp_path, monkeypatch, """
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "A"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "B"
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({
    Statement = [{ Sid = "B", Effect = "Deny", Action = "s3:*", Resource = "*" }]
  })]

  statement {
    sid     = "C"
    actions = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::b"]
    not_principals {
      type        = "Service"
      identifiers = ["b.amazonaws.com", "a.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:username"
      values   = ["&{aws:username}", "x"]
    }
  }
}

resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.merged.minified_json
}
""")
    policy = by_address(result)["aws_iam_policy.p"].attributes["policy"]
    assert policy == (
        '{"Version":"2012-10-17","Statement":['
        '{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},'
        '{"Sid":"B","Effect":"Deny","Action":"s3:*","Resource":"*"},'
        '{"Sid":"C","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b",'
        '"NotPrincipal":{"Service":["b.amazonaws.com","a.amazonaws.com"]},'
        '"Condition":{"StringEquals":{"aws:username":["${aws:username}","x"]}}}]}')


def test_computed_attributes_inside_nested_blocks(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    result = scan_text(tmp_path, monkeypatch, """
resource "aws_eks_cluster" "c" {
  for_each = { one = 1 }
  vpc_config {
    subnet_ids = ["s-1"]
  }
}

resource "aws_thing" "t" {
  for_each = { for k, v in aws_eks_cluster.c : k => v }
  sg       = each.value.vpc_config[0].cluster_security_group_id
  subnets  = each.value.vpc_config[0].subnet_ids
  direct   = aws_eks_cluster.c["one"].vpc_config[0].cluster_security_group_id
}
""")
    computed = Unknown("known after apply", ref='aws_eks_cluster.c["one"]')
    assert by_address(result)['aws_thing.t["one"]'].attributes == {
        "sg": computed, "subnets": ["s-1"], "direct": computed}
    assert result.notices == []
