"""Planned values: `after` with `after_unknown` as Unknown at every depth, sensitive values,
what the configuration writes, and the plan-file lines of every value."""

from __future__ import annotations

from pathlib import Path

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from tests.parsers.tfplan.plans import by_address, parse

PLAN = """
{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "resource_changes": [
    {
      "address": "aws_security_group.web",
      "mode": "managed",
      "type": "aws_security_group",
      "name": "web",
      "provider_name": "registry.terraform.io/hashicorp/aws",
      "change": {
        "actions": ["create"],
        "before": null,
        "after": {
          "description": "Managed by Terraform",
          "ingress": [
            {
              "cidr_blocks": ["10.0.0.0/8", null],
              "from_port": 22,
              "protocol": "tcp",
              "to_port": 22
            }
          ],
          "name": "web",
          "tags": {"Owner": "ops"},
          "timeouts": null
        },
        "after_unknown": {
          "arn": true,
          "egress": true,
          "id": true,
          "ingress": [{"cidr_blocks": [false, true]}],
          "owner_id": true,
          "tags": {},
          "tags_all": true,
          "vpc_id": true
        },
        "before_sensitive": false,
        "after_sensitive": {"ingress": [{"cidr_blocks": [false, false]}], "tags": {}}
      }
    },
    {
      "address": "aws_db_instance.db",
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "db",
      "provider_name": "registry.terraform.io/hashicorp/aws",
      "change": {
        "actions": ["create"],
        "before": null,
        "after": {
          "password": "hunter2",
          "storage_encrypted": true,
          "tags": {"Env": "prod"}
        },
        "after_unknown": {"kms_key_id": true, "tags": {"Name": true}},
        "before_sensitive": false,
        "after_sensitive": {"password": true, "tags": {}}
      }
    }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "aws_security_group.web",
          "mode": "managed",
          "type": "aws_security_group",
          "name": "web",
          "provider_config_key": "aws",
          "expressions": {
            "ingress": {"references": ["aws_vpc.main.cidr_block", "aws_vpc.main"]},
            "name": {"constant_value": "web"},
            "tags": {"constant_value": {"Owner": "ops"}},
            "vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}
          },
          "schema_version": 1
        },
        {
          "address": "aws_db_instance.db",
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "db",
          "provider_config_key": "aws",
          "expressions": {
            "kms_key_id": {"references": ["aws_kms_key.a.arn", "aws_kms_key.a",
                                          "aws_kms_key.b.arn", "aws_kms_key.b"]},
            "password": {"references": ["var.password"]},
            "storage_encrypted": {"constant_value": true},
            "tags": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}
          },
          "schema_version": 2
        }
      ]
    }
  }
}
"""


def test_unknowns_at_every_depth_computed_ones_left_out(tmp_path: Path) -> None:
    group = by_address(parse(tmp_path, PLAN))["aws_security_group.web"]
    main = Unknown("known after apply", ref="aws_vpc.main")
    assert group.attributes == {
        "ingress": [{"cidr_blocks": ["10.0.0.0/8", main], "from_port": 22,
                     "protocol": "tcp", "to_port": 22}],
        "name": "web",
        "tags": {"Owner": "ops"},
        "vpc_id": main,
        "arn": Unknown("known after apply"),
        "id": Unknown("known after apply"),
        "tags_all": Unknown("known after apply"),
    }


def test_a_reference_to_several_resources_gives_no_ref(tmp_path: Path) -> None:
    db = by_address(parse(tmp_path, PLAN))["aws_db_instance.db"]
    assert db.attributes["kms_key_id"] == Unknown("known after apply")
    assert db.attributes["tags"] == {
        "Env": "prod", "Name": Unknown("known after apply", ref="aws_vpc.main")}


def test_sensitive_values_are_kept(tmp_path: Path) -> None:
    db = by_address(parse(tmp_path, PLAN))["aws_db_instance.db"]
    assert db.attributes["password"] == "hunter2"
    assert db.attributes["storage_encrypted"] is True


def test_locations_are_the_lines_of_the_planned_values(tmp_path: Path) -> None:
    result = parse(tmp_path, PLAN)
    group = by_address(result)["aws_security_group.web"]
    plan = str(tmp_path / "plan.json")
    assert group.range == SourceRange(plan, 5, 41)
    assert group.locations == {
        ("ingress",): SourceRange(plan, 16, 23),
        ("ingress", 0): SourceRange(plan, 17, 22),
        ("ingress", 0, "cidr_blocks"): SourceRange(plan, 18, 18),
        ("ingress", 0, "cidr_blocks", 0): SourceRange(plan, 18, 18),
        ("ingress", 0, "cidr_blocks", 1): SourceRange(plan, 18, 18),
        ("ingress", 0, "from_port"): SourceRange(plan, 19, 19),
        ("ingress", 0, "protocol"): SourceRange(plan, 20, 20),
        ("ingress", 0, "to_port"): SourceRange(plan, 21, 21),
        ("name",): SourceRange(plan, 24, 24),
        ("tags",): SourceRange(plan, 25, 25),
        ("tags", "Owner"): SourceRange(plan, 25, 25),
        ("arn",): SourceRange(plan, 29, 29),
        ("id",): SourceRange(plan, 31, 31),
        ("tags_all",): SourceRange(plan, 35, 35),
        ("vpc_id",): SourceRange(plan, 36, 36),
    }
    assert group.references == ["aws_vpc.main"]
    assert result.files == [plan]


def test_without_configuration_every_value_is_kept(tmp_path: Path) -> None:
    text = PLAN[:PLAN.index('  "configuration"')].rstrip().rstrip(",") + "\n}\n"
    group = by_address(parse(tmp_path, text))["aws_security_group.web"]
    unknown = Unknown("known after apply")
    assert group.attributes == {
        "description": "Managed by Terraform",
        "ingress": [{"cidr_blocks": ["10.0.0.0/8", unknown], "from_port": 22,
                     "protocol": "tcp", "to_port": 22}],
        "name": "web", "tags": {"Owner": "ops"},
        "arn": unknown, "egress": unknown, "id": unknown, "owner_id": unknown,
        "tags_all": unknown, "vpc_id": unknown,
    }
    assert group.references == []
    assert group.provider is None


NESTED = """
{
  "format_version": "1.1",
  "resource_changes": [
    {
      "address": "aws_s3_bucket_server_side_encryption_configuration.b",
      "mode": "managed",
      "type": "aws_s3_bucket_server_side_encryption_configuration",
      "name": "b",
      "change": {
        "actions": ["update"],
        "before": {},
        "after": {
          "bucket": "example",
          "expected_bucket_owner": "",
          "id": "example",
          "rule": [
            {
              "apply_server_side_encryption_by_default": [
                {"kms_master_key_id": null, "sse_algorithm": "aws:kms"}
              ],
              "bucket_key_enabled": false
            }
          ]
        },
        "after_unknown": {
          "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": true}]}]
        }
      }
    },
    {
      "address": "aws_security_group.dyn",
      "mode": "managed",
      "type": "aws_security_group",
      "name": "dyn",
      "change": {
        "actions": ["delete", "create"],
        "after": {
          "ingress": [{"from_port": 22, "to_port": 22}],
          "egress": [],
          "name": "dyn",
          "revoke_rules_on_delete": false
        },
        "after_unknown": {"ingress": [{}], "egress": []}
      }
    }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket_server_side_encryption_configuration.b",
          "mode": "managed",
          "type": "aws_s3_bucket_server_side_encryption_configuration",
          "name": "b",
          "expressions": {
            "bucket": {"constant_value": "example"},
            "rule": [
              {
                "apply_server_side_encryption_by_default": [
                  {
                    "kms_master_key_id": {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]},
                    "sse_algorithm": {"constant_value": "aws:kms"}
                  }
                ]
              }
            ]
          }
        },
        {
          "address": "aws_security_group.dyn",
          "mode": "managed",
          "type": "aws_security_group",
          "name": "dyn",
          "expressions": {"name": {"constant_value": "dyn"}}
        }
      ]
    }
  }
}
"""


def test_nested_blocks_keep_what_the_configuration_writes(tmp_path: Path) -> None:
    sse = by_address(parse(tmp_path, NESTED))[
        "aws_s3_bucket_server_side_encryption_configuration.b"]
    assert sse.attributes == {
        "bucket": "example",
        "id": "example",
        "rule": [{"apply_server_side_encryption_by_default": [
            {"kms_master_key_id": Unknown("known after apply", ref="aws_kms_key.k"),
             "sse_algorithm": "aws:kms"}]}],
    }
    assert sse.actions == ("update",)


def test_blocks_of_a_dynamic_block_are_kept_for_a_new_resource(tmp_path: Path) -> None:
    group = by_address(parse(tmp_path, NESTED))["aws_security_group.dyn"]
    assert group.attributes == {"ingress": [{"from_port": 22, "to_port": 22}], "name": "dyn"}
    assert group.actions == ("delete", "create")
