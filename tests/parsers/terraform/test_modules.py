"""Module loading and expansion: sources, count/for_each on modules, providers passed
down, recursion, override files, variable types (small trees written per test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.model.finding import Notice
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource, ParseResult
from govern.parsers.terraform.module_loader import (
    ModuleLoader,
    is_local_source,
    is_override,
    load_module,
    read_manifest,
)
from govern.parsers.terraform.project import find_roots, scan_terraform


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def scan(root: Path, monkeypatch: pytest.MonkeyPatch, dirs: tuple[str, ...] = (".",),
         **kwargs: object) -> ParseResult:
    monkeypatch.chdir(root)
    return scan_terraform(list(dirs), **kwargs)  # type: ignore[arg-type]


def by_address(result: ParseResult) -> dict[str, NativeResource]:
    return {r.address: r for r in result.resources}


BUCKET_MODULE = """
variable "name" {
  type = string
}

resource "aws_s3_bucket" "b" {
  count  = 1
  bucket = var.name
}

output "arn" {
  value = aws_s3_bucket.b[0].arn
}

output "name" {
  value = aws_s3_bucket.b[0].bucket
}
"""


def test_count_and_for_each_on_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": """
module "m" {
  source   = "./mod"
  for_each = toset(["a", "b"])
  name     = "bucket-${each.key}"
}

module "n" {
  source = "./mod"
  count  = 2
  name   = "n-${count.index}"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = module.m["b"].name
  policy = module.n[1].arn
}
""",
        "mod/main.tf": BUCKET_MODULE,
    })
    result = scan(tmp_path, monkeypatch)
    resources = by_address(result)
    assert list(resources) == [
        "aws_s3_bucket_policy.p",
        'module.m["a"].aws_s3_bucket.b[0]',
        'module.m["b"].aws_s3_bucket.b[0]',
        "module.n[0].aws_s3_bucket.b[0]",
        "module.n[1].aws_s3_bucket.b[0]",
    ]
    assert resources['module.m["a"].aws_s3_bucket.b[0]'].attributes == {"bucket": "bucket-a"}
    assert resources["module.n[1].aws_s3_bucket.b[0]"].module == "module.n[1]"
    policy = resources["aws_s3_bucket_policy.p"]
    assert policy.attributes == {
        "bucket": "bucket-b",
        "policy": Unknown("known after apply", ref="module.n[1].aws_s3_bucket.b[0]"),
    }
    assert policy.references == ['module.m["b"].aws_s3_bucket.b[0]',
                                 "module.n[1].aws_s3_bucket.b[0]"]
    assert result.notices == []


def test_nested_local_modules_and_provider_inheritance(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": """
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
}

module "outer" {
  source = "./outer"
  prefix = "x"
  providers = {
    aws      = aws
    aws.peer = aws.east
  }
}

output "deep" {
  value = module.outer.inner_name
}
""",
        "outer/main.tf": """
variable "prefix" {}

module "inner" {
  source = "../inner"
  name   = "${var.prefix}-inner"
}

resource "aws_s3_bucket" "peer" {
  provider = aws.peer
  bucket   = "peer"
}

output "inner_name" {
  value = module.inner.name
}
""",
        "inner/main.tf": """
variable "name" {}

resource "aws_s3_bucket" "b" {
  bucket = var.name
}

output "name" {
  value = aws_s3_bucket.b.bucket
}
""",
    })
    result = scan(tmp_path, monkeypatch, dirs=(".", "outer", "inner"))
    resources = by_address(result)
    assert list(resources) == ["module.outer.aws_s3_bucket.peer",
                               "module.outer.module.inner.aws_s3_bucket.b"]
    inner = resources["module.outer.module.inner.aws_s3_bucket.b"]
    assert inner.attributes == {"bucket": "x-inner"}
    assert inner.module == "module.outer.module.inner"
    assert inner.provider == {"region": "eu-west-1"}  # inherited through two levels
    assert inner.range.file == "inner/main.tf"
    assert resources["module.outer.aws_s3_bucket.peer"].provider == {
        "alias": "east", "region": "us-east-1"}
    assert {r.root for r in result.resources} == {"."}


def test_registry_module_through_manifest_with_nested_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": 'module "net" {\n  source = "acme/net/aws"\n  cidr = "10.0.0.0/16"\n}\n',
        ".terraform/modules/net/main.tf": """
variable "cidr" {}

module "sub" {
  source = "acme/subnet/aws"
  cidr   = cidrsubnet(var.cidr, 8, 1)
}
""",
        ".terraform/modules/net.sub/main.tf": """
variable "cidr" {}

resource "aws_subnet" "s" {
  cidr_block = var.cidr
}
""",
        ".terraform/modules/modules.json": json.dumps({"Modules": [
            {"Key": "", "Source": "", "Dir": "."},
            {"Key": "net", "Source": "registry.terraform.io/acme/net/aws",
             "Dir": ".terraform/modules/net"},
            {"Key": "net.sub", "Source": "registry.terraform.io/acme/subnet/aws",
             "Dir": ".terraform/modules/net.sub"},
        ]}),
    })
    result = scan(tmp_path, monkeypatch)
    subnet = by_address(result)["module.net.module.sub.aws_subnet.s"]
    assert subnet.attributes == {"cidr_block": "10.0.1.0/24"}
    assert subnet.range.file == ".terraform/modules/net.sub/main.tf"
    assert read_manifest(".") == {"net": ".terraform/modules/net",
                                  "net.sub": ".terraform/modules/net.sub"}


def test_remote_module_not_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"main.tf": """
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  count  = 2
}

resource "aws_instance" "i" {
  subnet_id = module.vpc[0].private_subnets[0]
  vpc       = module.vpc
}
"""})
    result = scan(tmp_path, monkeypatch)
    reason = "module source terraform-aws-modules/vpc/aws not downloaded"
    assert by_address(result)["aws_instance.i"].attributes == {
        "subnet_id": Unknown(reason), "vpc": Unknown(reason)}
    assert result.notices == [Notice(
        "note", reason, "main.tf", 2,
        "run terraform init (or terraform get) so that .terraform/modules/modules.json "
        "lists it", code="module-not-downloaded")]


def test_module_calling_itself_is_an_error_not_a_hang(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": 'module "loop" {\n  source = "./a"\n}\n',
        "a/main.tf": 'module "again" {\n  source = "../a"\n}\n\nresource "null_resource" "r" {}\n',
    })
    result = scan(tmp_path, monkeypatch)
    assert [r.address for r in result.resources] == ["module.loop.null_resource.r"]
    assert result.notices == [Notice(
        "error", "module.loop.module.again calls a module that is already being expanded "
        "(../a): recursion", "a/main.tf", 1, code="module-recursion")]


def test_missing_local_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"main.tf": 'module "gone" {\n  source = "./nowhere"\n}\n'})
    result = scan(tmp_path, monkeypatch)
    assert result.resources == []
    assert result.notices == [Notice("warning", "module source ./nowhere has no Terraform files",
                                     "main.tf", 1, code="module-unavailable")]


def test_unknown_for_each_on_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": """
data "aws_regions" "all" {}

module "m" {
  source   = "./mod"
  for_each = toset(data.aws_regions.all.names)
  name     = each.key
}
""",
        "mod/main.tf": BUCKET_MODULE,
    })
    result = scan(tmp_path, monkeypatch)
    bucket = by_address(result)["module.m.aws_s3_bucket.b[0]"]
    assert bucket.attributes == {"bucket": Unknown("for_each of module.m is not known statically")}
    assert bucket.module == "module.m"
    assert [n.code for n in result.notices] == ["unknown-expansion"]


def test_variables_types_nullable_and_required(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": """
variable "count_text" {
  type    = number
  default = "3"
}

variable "names" {
  type    = set(string)
  default = ["b", "a", "b"]
}

variable "flag" {
  type     = bool
  default  = true
  nullable = false
}

variable "required" {
  type = string
}

variable "bad" {
  type    = number
  default = "x"
}

resource "aws_thing" "t" {
  a = var.count_text
  b = var.names
  c = var.flag
  d = var.required
  e = var.bad
}
""",
        "terraform.tfvars.json": '{"flag": null}',
    })
    result = scan(tmp_path, monkeypatch)
    assert by_address(result)["aws_thing.t"].attributes == {
        "a": 3, "b": ["a", "b"], "c": True,
        "d": Unknown("variable required has no value (no default, tfvars or --var)"),
        "e": "x",
    }
    assert result.notices == [Notice(
        "warning", "var.bad: value does not match its type: cannot convert 'x' to a number",
        "main.tf", 22, code="eval-error")]


def test_cli_values_follow_the_variable_type(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"main.tf": """
variable "text" {
  type = string
}
variable "untyped" {}
variable "tags" {
  type = map(string)
}
variable "list" {
  type = list(string)
}

resource "aws_thing" "t" {
  a = var.text
  b = var.untyped
  c = var.tags
  d = var.list
}
"""})
    result = scan(tmp_path, monkeypatch, variables={
        "text": "1 + 2", "untyped": "[1]", "tags": '{ a = "b" }', "list": "not-hcl!"})
    assert by_address(result)["aws_thing.t"].attributes == {
        "a": "1 + 2", "b": "[1]", "c": {"a": "b"},
        "d": "not-hcl!"}


def test_override_files_merge(tmp_path: Path) -> None:
    write(tmp_path, {
        "main.tf": """
resource "aws_s3_bucket" "b" {
  bucket = "base"
  acl    = "private"

  versioning {
    enabled = false
  }
}
""",
        "main_override.tf": """
resource "aws_s3_bucket" "b" {
  acl = "public-read"

  versioning {
    enabled = true
  }
}
""",
    })
    module = load_module(str(tmp_path))
    block = module.resources["aws_s3_bucket.b"].block
    assert sorted(block.body.attributes) == ["acl", "bucket"]
    assert block.body.attributes["acl"].line == 3  # from the override file
    assert block.body.attributes["bucket"].line == 3  # from main.tf
    assert [b.line for b in block.body.blocks] == [5]  # the override's versioning block
    assert module.notices == []


def test_duplicates_are_reported(tmp_path: Path) -> None:
    write(tmp_path, {"a.tf": 'locals {\n  x = 1\n}\n', "b.tf": 'locals {\n  x = 2\n}\n'})
    module = load_module(str(tmp_path))
    assert module.notices == [Notice("error", "duplicate local value 'x'; the first one is used",
                                     str(tmp_path / "b.tf"), 2, code="duplicate-declaration")]


def test_find_roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "app/main.tf": 'module "m" {\n  source = "../lib"\n}\n',
        "lib/main.tf": 'resource "null_resource" "r" {}\n',
        "other/main.tf": 'resource "null_resource" "r" {}\n',
        "x/main.tf": 'module "y" {\n  source = "../y"\n}\n',
        "y/main.tf": 'module "x" {\n  source = "../x"\n}\n',
    })
    monkeypatch.chdir(tmp_path)
    assert find_roots(["app", "lib", "other", "x", "y"], ModuleLoader()) == ["app", "other", "x"]


@pytest.mark.parametrize(("source", "local"), [
    ("./a", True), ("../a", True), ("..", True), ("hashicorp/consul/aws", False),
    ("git::https://example.com/x.git", False), ("s3::https://b/x.zip", False),
])
def test_is_local_source(source: str, local: bool) -> None:
    assert is_local_source(source) is local


@pytest.mark.parametrize(("name", "override"), [
    ("override.tf", True), ("x_override.tf", True), ("x_override.tf.json", True),
    ("override.tf.json", True), ("main.tf", False), ("overrides.tf", False),
])
def test_is_override(name: str, override: bool) -> None:
    assert is_override(name) is override


def test_expansions_that_refer_to_themselves(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {
        "main.tf": """
resource "null_resource" "r" {
  count = length(null_resource.r)
}

module "m" {
  source   = "./mod"
  for_each = module.m
}
""",
        "mod/main.tf": 'resource "null_resource" "inner" {}\n',
    })
    result = scan(tmp_path, monkeypatch)
    assert [r.address for r in result.resources] == ["null_resource.r",
                                                     "module.m.null_resource.inner"]
    assert [(n.line, n.code) for n in result.notices] == [
        (3, "eval-error"), (3, "unknown-expansion"), (8, "eval-error"),
        (8, "unknown-expansion")]
