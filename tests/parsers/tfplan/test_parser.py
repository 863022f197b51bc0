"""parse_tfplan: addresses in child modules, count/for_each instances, actions (deletes
skipped), data sources, references through module inputs and outputs, providers, and bad
input (format_version, malformed JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from govern.model.finding import Notice
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.tfplan import parse_tfplan
from tests.parsers.tfplan.plans import by_address, parse, write

AFTER_APPLY = "known after apply"


def change(address: str, module: str, rtype: str, name: str, index: str, actions: str,
           after: str, unknown: str = "{}") -> str:
    """One resource_changes entry on one line (so each entry is one line of the plan)."""
    module_field = f'"module_address": {json.dumps(module)}, ' if module else ""
    index_field = f'"index": {index}, ' if index else ""
    mode = "data" if address.startswith("data.") else "managed"
    return (f'{{"address": {json.dumps(address)}, {module_field}"mode": "{mode}", '
            f'"type": "{rtype}", "name": "{name}", {index_field}"provider_name": '
            f'"registry.terraform.io/hashicorp/aws", "change": {{"actions": {actions}, '
            f'"before": null, "after": {after}, "after_unknown": {unknown}, '
            f'"before_sensitive": false, "after_sensitive": {{}}}}}}')


CHANGES = [
    change("aws_s3_bucket.logs[0]", "", "aws_s3_bucket", "logs", "0", '["create"]',
           '{"bucket": "logs-0"}', '{"id": true}'),
    change("aws_s3_bucket.logs[1]", "", "aws_s3_bucket", "logs", "1", '["no-op"]',
           '{"bucket": "logs-1", "id": "logs-1"}'),
    change("aws_s3_bucket_acl.logs[1]", "", "aws_s3_bucket_acl", "logs", "1", '["create"]',
           '{"acl": "private"}', '{"bucket": true, "id": true}'),
    change('aws_s3_bucket_policy.each["a.b"]', "", "aws_s3_bucket_policy", "each", '"a.b"',
           '["create", "delete"]', '{"policy": "{}"}', '{"bucket": true}'),
    change("aws_s3_bucket.old", "", "aws_s3_bucket", "old", "", '["delete"]', "null"),
    change("aws_s3_bucket.kept", "", "aws_s3_bucket", "kept", "", '["forget"]', "null"),
    change("data.aws_iam_policy_document.p", "", "aws_iam_policy_document", "p", "",
           '["read"]', '{"version": null}', '{"json": true}'),
    change('module.net["eu"].aws_security_group.web', 'module.net["eu"]',
           "aws_security_group", "web", "", '["update"]', '{"name": "web", "id": "sg-1"}',
           '{"vpc_id": true}'),
    change('module.net["eu"].module.sub.aws_s3_bucket.x', 'module.net["eu"].module.sub',
           "aws_s3_bucket", "x", "", '["create"]', '{"bucket": "x"}', '{"policy": true}'),
]

PLAN = """{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "resource_changes": [
    CHANGES
  ],
  "configuration": {
    "provider_config": {
      "aws": {
        "name": "aws",
        "full_name": "registry.terraform.io/hashicorp/aws",
        "expressions": {
          "region": {"constant_value": "eu-west-1"},
          "default_tags": [{"tags": {"constant_value": {"Team": "data"}}}]
        }
      },
      "aws.us": {
        "name": "aws",
        "full_name": "registry.terraform.io/hashicorp/aws",
        "alias": "us",
        "expressions": {"region": {"references": ["var.region"]}}
      },
      "module.net:aws": {
        "name": "aws",
        "full_name": "registry.terraform.io/hashicorp/aws",
        "module_address": "module.net",
        "expressions": {"region": {"constant_value": "eu-central-1"}}
      }
    },
    "root_module": {
      "resources": [
        {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket",
         "name": "logs", "provider_config_key": "aws",
         "expressions": {"bucket": {"references": ["count.index"]}},
         "count_expression": {"constant_value": 2}},
        {"address": "aws_s3_bucket_acl.logs", "mode": "managed", "type": "aws_s3_bucket_acl",
         "name": "logs", "provider_config_key": "aws.us",
         "expressions": {"acl": {"constant_value": "private"},
                         "bucket": {"references": ["aws_s3_bucket.logs", "count.index"]}},
         "count_expression": {"constant_value": 2}},
        {"address": "aws_s3_bucket_policy.each", "mode": "managed",
         "type": "aws_s3_bucket_policy", "name": "each", "provider_config_key": "aws",
         "expressions": {"bucket": {"references": ["module.net[\\"eu\\"].bucket_id",
                                                    "module.net[\\"eu\\"]"]},
                         "policy": {}},
         "for_each_expression": {"references": ["var.names"]}},
        {"address": "data.aws_iam_policy_document.p", "mode": "data",
         "type": "aws_iam_policy_document", "name": "p", "provider_config_key": "aws",
         "expressions": {"statement": [{"resources": {"references":
                         ["aws_s3_bucket.logs[0].arn", "aws_s3_bucket.logs[0]",
                          "aws_s3_bucket.logs"]}}]}}
      ],
      "module_calls": {
        "net": {
          "source": "./modules/net",
          "expressions": {"bucket": {"references": ["aws_s3_bucket.logs[1].id",
                                                    "aws_s3_bucket.logs[1]",
                                                    "aws_s3_bucket.logs"]}},
          "for_each_expression": {"constant_value": {"eu": 1}},
          "module": {
            "outputs": {"bucket_id": {"expression": {"references": [
              "module.sub.x_id", "module.sub"]}}},
            "resources": [
              {"address": "aws_security_group.web", "mode": "managed",
               "type": "aws_security_group", "name": "web",
               "provider_config_key": "module.net:aws",
               "expressions": {"name": {"references": ["var.bucket"]},
                               "vpc_id": {"references": ["var.bucket"]}}}
            ],
            "module_calls": {
              "sub": {
                "source": "./sub",
                "module": {
                  "outputs": {"x_id": {"expression": {"references": [
                    "aws_s3_bucket.x.id", "aws_s3_bucket.x"]}}},
                  "resources": [
                    {"address": "aws_s3_bucket.x", "mode": "managed",
                     "type": "aws_s3_bucket", "name": "x",
                     "provider_config_key": "module.net:aws",
                     "expressions": {"bucket": {"constant_value": "x"},
                                     "policy": {"references": ["aws_s3_bucket.x.arn",
                                                               "aws_s3_bucket.x"]}}}
                  ]
                }
              }
            }
          }
        }
      }
    }
  }
}
""".replace("CHANGES", ",\n    ".join(CHANGES))


def test_addresses_modules_and_actions(tmp_path: Path) -> None:
    result = parse(tmp_path, PLAN)
    assert [(n.address, n.module, n.mode, n.native_type, n.actions, n.format)
            for n in result.resources] == [
        ("aws_s3_bucket.logs[0]", "", "managed", "aws_s3_bucket", ("create",), "tfplan"),
        ("aws_s3_bucket.logs[1]", "", "managed", "aws_s3_bucket", ("no-op",), "tfplan"),
        ("aws_s3_bucket_acl.logs[1]", "", "managed", "aws_s3_bucket_acl", ("create",),
         "tfplan"),
        ('aws_s3_bucket_policy.each["a.b"]', "", "managed", "aws_s3_bucket_policy",
         ("create", "delete"), "tfplan"),
        ("data.aws_iam_policy_document.p", "", "data", "aws_iam_policy_document", ("read",),
         "tfplan"),
        ('module.net["eu"].aws_security_group.web', 'module.net["eu"]', "managed",
         "aws_security_group", ("update",), "tfplan"),
        ('module.net["eu"].module.sub.aws_s3_bucket.x', 'module.net["eu"].module.sub',
         "managed", "aws_s3_bucket", ("create",), "tfplan"),
    ]
    plan = str(tmp_path / "plan.json")
    assert {n.root for n in result.resources} == {plan}
    assert result.notices == [
        Notice("note", "aws_s3_bucket.old: planned to be destroyed: not checked", plan, 9,
               code="skipped-delete"),
        Notice("note", "aws_s3_bucket.kept: planned to be removed from the state (forgotten): "
               "not checked", plan, 10, code="skipped-forget"),
    ]
    assert by_address(result)["aws_s3_bucket.logs[1]"].range == SourceRange(plan, 6, 6)


def test_unknown_refs_follow_count_index_module_outputs_and_inputs(tmp_path: Path) -> None:
    natives = by_address(parse(tmp_path, PLAN))
    acl = natives["aws_s3_bucket_acl.logs[1]"]
    assert acl.attributes["bucket"] == Unknown(AFTER_APPLY, ref="aws_s3_bucket.logs[1]")
    policy = natives['aws_s3_bucket_policy.each["a.b"]']
    assert policy.attributes["bucket"] == Unknown(
        AFTER_APPLY, ref='module.net["eu"].module.sub.aws_s3_bucket.x')
    group = natives['module.net["eu"].aws_security_group.web']
    assert group.attributes == {"name": "web", "id": "sg-1",
                                "vpc_id": Unknown(AFTER_APPLY, ref="aws_s3_bucket.logs[1]")}
    inner = natives['module.net["eu"].module.sub.aws_s3_bucket.x']
    assert inner.attributes["policy"] == Unknown(
        AFTER_APPLY, ref='module.net["eu"].module.sub.aws_s3_bucket.x')


def test_references_are_full_addresses(tmp_path: Path) -> None:
    natives = by_address(parse(tmp_path, PLAN))
    assert natives["aws_s3_bucket_acl.logs[1]"].references == ["aws_s3_bucket.logs"]
    assert natives['aws_s3_bucket_policy.each["a.b"]'].references == [
        'module.net["eu"].module.sub.aws_s3_bucket.x']
    assert natives["data.aws_iam_policy_document.p"].references == ["aws_s3_bucket.logs[0]"]
    assert natives['module.net["eu"].aws_security_group.web'].references == [
        "aws_s3_bucket.logs[1]"]
    assert natives['module.net["eu"].module.sub.aws_s3_bucket.x'].references == []


def test_providers_from_the_configuration(tmp_path: Path) -> None:
    natives = by_address(parse(tmp_path, PLAN))
    plan = str(tmp_path / "plan.json")
    bucket = natives["aws_s3_bucket.logs[0]"]
    assert bucket.provider == {"region": "eu-west-1", "default_tags": [{"tags": {"Team": "data"}}]}
    assert bucket.provider_range == SourceRange(plan, 17, 24)
    acl = natives["aws_s3_bucket_acl.logs[1]"]
    assert acl.provider == {"alias": "us", "region": Unknown(
        "the provider's region is an expression the plan does not evaluate")}
    inner = natives['module.net["eu"].module.sub.aws_s3_bucket.x']
    assert inner.provider == {"region": "eu-central-1"}
    assert inner.provider_range == SourceRange(plan, 31, 36)


def test_unsupported_format_version(tmp_path: Path) -> None:
    good = write(tmp_path, '{"format_version": "1.0", "resource_changes": []}', "good.json")
    bad = write(tmp_path, '{\n  "terraform_version": "2.0.0",\n  "format_version": "2.0",\n'
                '  "resource_changes": []\n}\n', "bad.json")
    result = parse_tfplan([bad, good])
    assert result.notices == [Notice(
        "error", 'unsupported Terraform plan format_version "2.0"', bad, 3,
        "govern reads format 1.x, written by `terraform show -json` of Terraform 1.0 and "
        "later; re-create the JSON with a current Terraform", code="unsupported-format-version")]
    assert result.files == [bad, good]


def test_format_version_that_is_not_a_string(tmp_path: Path) -> None:
    path = write(tmp_path, '{"format_version": 1.2, "planned_values": {}}')
    notice = parse_tfplan([path]).notices[0]
    assert (notice.message, notice.line, notice.code) == (
        "unsupported Terraform plan format_version 1.2", 1, "unsupported-format-version")


def test_malformed_json(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}\n')
    assert parse_tfplan([path]).notices == [Notice(
        "error", 'invalid JSON: expected a JSON value, found ","', path, 3, None,
        code="parse-error")]


def test_a_document_that_is_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path, '[\n  {"format_version": "1.2"}\n]\n')
    assert parse_tfplan([path]).notices == [Notice(
        "error", "not a Terraform plan: the document is not a JSON object", path, 1,
        "create it with `terraform show -json PLANFILE`", code="parse-error")]


def test_an_entry_without_an_address_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, '{"format_version": "1.2",\n "resource_changes": [\n'
                 '  {"mode": "managed", "type": "aws_s3_bucket"}\n]}\n')
    assert parse_tfplan([path]).notices == [Notice(
        "warning", "resource change without address, mode, type, name or actions: skipped",
        path, 3, code="invalid-plan-entry")]


ARN_ARGUMENT_PLAN = """
{"format_version": "1.2",
 "resource_changes": [
  {"address": "aws_sns_topic.t", "mode": "managed", "type": "aws_sns_topic", "name": "t",
   "change": {"actions": ["create"], "after": {"name": "t"},
              "after_unknown": {"arn": true, "id": true}}},
  {"address": "aws_sns_topic_policy.p", "mode": "managed", "type": "aws_sns_topic_policy",
   "name": "p",
   "change": {"actions": ["create"], "after": {"policy": "{}"},
              "after_unknown": {"arn": true, "id": true}}}],
 "configuration": {"root_module": {"resources": [
  {"address": "aws_sns_topic.t", "mode": "managed", "type": "aws_sns_topic", "name": "t",
   "expressions": {"name": {"constant_value": "t"}}},
  {"address": "aws_sns_topic_policy.p", "mode": "managed", "type": "aws_sns_topic_policy",
   "name": "p", "expressions": {
     "arn": {"references": ["aws_sns_topic.t.arn", "aws_sns_topic.t"]},
     "policy": {"constant_value": "{}"}}}]}}}
"""


def test_an_arn_the_configuration_writes_keeps_its_reference(tmp_path: Path) -> None:
    """`arn` is kept for every resource (to recognise ARNs), and when the configuration
    writes it (the topic `aws_sns_topic_policy` names) the Unknown says where it comes
    from, so the policy folds into its topic."""
    natives = by_address(parse(tmp_path, ARN_ARGUMENT_PLAN))
    assert natives["aws_sns_topic_policy.p"].attributes["arn"] == Unknown(
        AFTER_APPLY, ref="aws_sns_topic.t")
    assert natives["aws_sns_topic.t"].attributes["arn"] == Unknown(AFTER_APPLY)
