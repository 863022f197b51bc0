"""Locations in the Terraform source next to the plan (and in local module directories),
and the fall back to the plan file when the source is missing, partial or unreadable."""

from __future__ import annotations

from pathlib import Path

from govern.model.finding import Notice
from govern.model.source import SourceRange
from tests.parsers.tfplan.plans import by_address, parse, write

MAIN_TF = """
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_security_group" "web" {
  provider = aws.west
  name     = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  dynamic "egress" {
    for_each = var.egress
    content {
      from_port = egress.value
      to_port   = egress.value
      protocol  = "tcp"
    }
  }

  tags = {
    Owner = "ops"
    Env   = "prod"
  }
}

module "net" {
  source = "./modules/net"
}
"""

MODULE_TF = """
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
"""


def rule(port: int, cidr: str) -> str:
    return (f'{{"cidr_blocks": ["{cidr}"], "description": "", "from_port": {port}, '
            f'"ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp", '
            f'"security_groups": [], "self": false, "to_port": {port}}}')


PLAN = """
{
  "format_version": "1.2",
  "resource_changes": [
    {
      "address": "aws_security_group.web", "mode": "managed",
      "type": "aws_security_group", "name": "web",
      "change": {
        "actions": ["create"],
        "after": {
          "name": "web",
          "ingress": [RULE22, RULE443],
          "egress": [{"from_port": 80, "to_port": 80, "protocol": "tcp"}],
          "tags": {"Env": "prod", "Owner": "ops"},
          "tags_all": {"Env": "prod", "Owner": "ops", "Team": "data"}
        },
        "after_unknown": {"id": true}
      }
    },
    {
      "address": "aws_s3_bucket.gone_from_source", "mode": "managed",
      "type": "aws_s3_bucket", "name": "gone_from_source",
      "change": {"actions": ["create"], "after": {"bucket": "g"}, "after_unknown": {}}
    },
    {
      "address": "module.net.aws_s3_bucket.b", "module_address": "module.net",
      "mode": "managed", "type": "aws_s3_bucket", "name": "b",
      "change": {"actions": ["create"], "after": {"bucket": "b"}, "after_unknown": {}}
    }
  ],
  "configuration": {
    "provider_config": {
      "aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}},
      "aws.west": {"name": "aws", "alias": "west",
                   "expressions": {"region": {"constant_value": "us-west-2"}}}
    },
    "root_module": {
      "resources": [
        {"address": "aws_security_group.web", "mode": "managed",
         "type": "aws_security_group", "name": "web", "provider_config_key": "aws.west",
         "expressions": {"ingress": {"constant_value": []}, "name": {"constant_value": "web"},
                         "tags": {"constant_value": {}}}},
        {"address": "aws_s3_bucket.gone_from_source", "mode": "managed",
         "type": "aws_s3_bucket", "name": "gone_from_source", "provider_config_key": "aws",
         "expressions": {"bucket": {"constant_value": "g"}}}
      ],
      "module_calls": {
        "net": {
          "source": "./modules/net",
          "module": {"resources": [
            {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket",
             "name": "b", "provider_config_key": "aws",
             "expressions": {"bucket": {"constant_value": "b"}}}
          ]}
        }
      }
    }
  }
}
""".replace("RULE22", rule(22, "10.0.0.0/8")).replace("RULE443", rule(443, "0.0.0.0/0"))


def test_findings_point_at_the_source_next_to_the_plan(tmp_path: Path) -> None:
    main = write(tmp_path, MAIN_TF, "main.tf")
    module = write(tmp_path, MODULE_TF, "modules/net/main.tf")
    result = parse(tmp_path, PLAN)
    natives = by_address(result)
    web = natives["aws_security_group.web"]

    def at(start: int, end: int | None = None) -> SourceRange:
        return SourceRange(main, start, start if end is None else end)

    assert web.range == at(10, 41)
    assert web.locations == {
        ("name",): at(12),
        # the plan lists the 22 rule first: matched by its literal arguments
        ("ingress",): at(14, 26),
        ("ingress", 0): at(21, 26),
        ("ingress", 0, "cidr_blocks"): at(25),
        ("ingress", 0, "cidr_blocks", 0): at(25),
        ("ingress", 0, "from_port"): at(22),
        ("ingress", 0, "protocol"): at(24),
        ("ingress", 0, "to_port"): at(23),
        ("ingress", 1): at(14, 19),
        ("ingress", 1, "cidr_blocks"): at(18),
        ("ingress", 1, "cidr_blocks", 0): at(18),
        ("ingress", 1, "from_port"): at(15),
        ("ingress", 1, "protocol"): at(17),
        ("ingress", 1, "to_port"): at(16),
        # a dynamic block: every element points at it and its content
        ("egress",): at(28, 35),
        ("egress", 0): at(28, 35),
        ("egress", 0, "from_port"): at(31),
        ("egress", 0, "protocol"): at(33),
        ("egress", 0, "to_port"): at(32),
        ("tags",): at(37, 40),
        ("tags", "Env"): at(39),
        ("tags", "Owner"): at(38),
    }
    assert web.provider == {"region": "us-west-2", "alias": "west"}
    assert web.provider_range == at(5, 8)
    assert natives["module.net.aws_s3_bucket.b"].range == SourceRange(module, 1, 3)
    assert natives["module.net.aws_s3_bucket.b"].locations == {
        ("bucket",): SourceRange(module, 2, 2)}
    assert result.files == [str(tmp_path / "plan.json"), main, module]


def test_a_resource_missing_from_the_source_points_at_the_plan(tmp_path: Path) -> None:
    write(tmp_path, MAIN_TF, "main.tf")
    gone = by_address(parse(tmp_path, PLAN))["aws_s3_bucket.gone_from_source"]
    plan = str(tmp_path / "plan.json")
    assert gone.range == SourceRange(plan, 19, 23)
    assert gone.locations == {("bucket",): SourceRange(plan, 22, 22)}
    assert gone.provider_range == SourceRange(main_tf(tmp_path), 1, 3)


def main_tf(directory: Path) -> str:
    return str(directory / "main.tf")


def test_without_source_everything_points_at_the_plan(tmp_path: Path) -> None:
    natives = by_address(parse(tmp_path, PLAN))
    plan = str(tmp_path / "plan.json")
    web = natives["aws_security_group.web"]
    assert web.range == SourceRange(plan, 4, 18)
    assert web.locations[("ingress", 1, "from_port")] == SourceRange(plan, 11, 11)
    # `egress` is not in the configuration: kept as the expansion of a dynamic block
    assert web.attributes["egress"] == [{"from_port": 80, "to_port": 80, "protocol": "tcp"}]
    assert web.provider_range == SourceRange(plan, 33, 34)
    module = natives["module.net.aws_s3_bucket.b"]
    assert module.range == SourceRange(plan, 24, 28)


def test_an_unreadable_source_file_is_noted_and_the_plan_used(tmp_path: Path) -> None:
    broken = write(tmp_path, 'resource "aws_s3_bucket" "b" {\n', "main.tf")
    result = parse(tmp_path, PLAN)
    assert result.notices == [Notice(
        "note", "the Terraform source next to the plan cannot be read: unexpected end of "
        "file", broken, 1, "findings point at the plan instead",
        code="tfplan-source-skipped")]
    web = by_address(result)["aws_security_group.web"]
    assert web.range.file == str(tmp_path / "plan.json")
