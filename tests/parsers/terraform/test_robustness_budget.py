"""Unbounded evaluation in Terraform becomes an error notice naming the resource, local
or module (the scan unit's budget), never a hang; the sentinel root beside it is still
reported. Heavy cases run with small limits so that they stay fast."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.parsers.budget import Limits
from tests.parsers.terraform.sentinel import errors, scan_beside_sentinel, the_error

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  %s\n}\n'
LIMIT = "exceeds govern's evaluation limit of"


def resources(result: object) -> list[str]:
    return [r.address for r in result.resources]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("meta", "message"), [
    ("count = 1e9", f"aws_s3_bucket.b: 1,000,000,000 instances {LIMIT} 10,000"),
    ("count = 20000", f"aws_s3_bucket.b: 20,000 instances {LIMIT} 10,000"),
    ("for_each = toset([for i in range(20000): tostring(i)])",
     f"aws_s3_bucket.b: 20,000 instances {LIMIT} 10,000"),
])
def test_too_many_instances(tmp_path: Path, meta: str, message: str) -> None:
    result = scan_beside_sentinel(tmp_path, {"main.tf": BUCKET % meta})
    notice = the_error(result)
    assert (notice.file, notice.line, notice.message, notice.code) == (
        str(tmp_path / "bad" / "main.tf"), 3, message, "budget-exceeded")
    assert resources(result) == ["aws_s3_bucket.sentinel"]


def test_instances_in_all(tmp_path: Path) -> None:
    blocks = "".join(
        f'resource "aws_s3_bucket" "b{i}" {{\n  count = 400\n}}\n' for i in range(5))
    result = scan_beside_sentinel(tmp_path, {"main.tf": blocks},
                                  Limits(total_instances=1000))
    assert [(n.line, n.message) for n in errors(result)] == [
        (None, f"root module {tmp_path / 'bad'}: evaluation stopped at the budget; its "
         "remaining resources were not judged"),
        (8, f"aws_s3_bucket.b2: instances in all {LIMIT} 1,000")]
    assert len(resources(result)) == 800 + 1  # what was judged before is kept


def test_a_resource_referring_to_an_expansion_over_the_budget(tmp_path: Path) -> None:
    text = BUCKET % "count = 1e9" + ('resource "aws_s3_bucket_acl" "a" {\n'
                                     "  bucket = aws_s3_bucket.b[0].id\n}\n")
    result = scan_beside_sentinel(tmp_path, {"main.tf": text})
    assert [n.message for n in errors(result)] == [
        f"aws_s3_bucket.b: 1,000,000,000 instances {LIMIT} 10,000"]
    [acl] = [r for r in result.resources if r.address == "aws_s3_bucket_acl.a"]
    assert "aws_s3_bucket.b" in repr(acl.attributes["bucket"])


def test_nested_for_expressions_use_up_the_steps(tmp_path: Path) -> None:
    text = ("locals {\n  x = [for a in range(1000): [for b in range(1000): a * b]]\n}\n"
            + BUCKET % "tags = { a = length(local.x) }")
    result = scan_beside_sentinel(tmp_path, {"main.tf": text}, Limits(steps=50_000))
    assert [(n.line, n.message) for n in errors(result)] == [
        (None, f"root module {tmp_path / 'bad'}: evaluation stopped at the budget; its "
         "remaining resources were not judged"),
        (2, f"local.x: evaluation {LIMIT} 50,000")]


def test_nested_for_expressions_too_large(tmp_path: Path) -> None:
    text = ("locals {\n  x = [for a in range(1000): [for b in range(1000): a * b]]\n}\n"
            + BUCKET % "tags = { a = length(local.x) }")
    result = scan_beside_sentinel(tmp_path, {"main.tf": text}, Limits(value_size=10_000))
    notice = the_error(result)
    assert (notice.line, notice.message) == (
        2, f"local.x: a for expression: a value of 10,010 elements or characters {LIMIT} "
        "10,000")


@pytest.mark.parametrize(("local", "expected"), [
    ("concat(local.l{i}, local.l{i})",
     [(16, "local.l14: the result of concat(): a value of 16,384 elements or characters "
       f"{LIMIT} 10,000")]),
    ('"${{local.l{i}}}${{local.l{i}}}"',  # then the unknown parts double again
     [(16, f"local.l14: a string template: a value of 16,384 elements or characters {LIMIT} "
       "10,000"),
      (30, f"local.l28: a string template: a value of 16,384 elements or characters {LIMIT} "
       "10,000")]),
    # the whole size is given (3 * 2**12 - 2 items, each shared part counted as often as it
    # appears); then the Unknown in place of local.l12 doubles again (2**14 - 2)
    ("[local.l{i}, local.l{i}]",
     [(14, f"local.l12: a value of 12,286 elements or characters {LIMIT} 10,000"),
      (27, f"local.l25: a value of 16,382 elements or characters {LIMIT} 10,000"),
      (40, f"local.l38: a value of 16,382 elements or characters {LIMIT} 10,000")]),
    ("{{a = local.l{i}, b = local.l{i}}}",
     [(14, f"local.l12: a value of 12,286 elements or characters {LIMIT} 10,000"),
      (27, f"local.l25: a value of 16,382 elements or characters {LIMIT} 10,000"),
      (40, f"local.l38: a value of 16,382 elements or characters {LIMIT} 10,000")]),
], ids=["concat", "template", "shared-list", "shared-map"])
def test_locals_doubling_forty_times(tmp_path: Path, local: str,
                                     expected: list[tuple[int, str]]) -> None:
    start = '"x"' if "$" in local else "[1]"
    text = "locals {\n  l0 = " + start + "\n" + "".join(
        f"  l{i + 1} = {local.format(i=i)}\n" for i in range(40)) + "}\n"
    result = scan_beside_sentinel(
        tmp_path, {"main.tf": text + BUCKET % "tags = { a = jsonencode(local.l40) }"},
        Limits(value_size=10_000))
    assert [(n.line, n.message) for n in errors(result)] == expected
    assert {n.file for n in errors(result)} == {str(tmp_path / "bad" / "main.tf")}


@pytest.mark.parametrize(("expression", "message"), [
    ("length(range(1e9))",
     f"range(): a value of 1,000,001 elements or characters {LIMIT} 1,000,000"),
    ("length(range(0, 1, 1e-300))",
     f"range(): a value of 1,000,001 elements or characters {LIMIT} 1,000,000"),
    ('format("%0100000000d", 1)', f"format(): a width of 100000000 {LIMIT} 1,000,000"),
    ('format("%.100000000f", 1)', f"format(): a precision of 100000000 {LIMIT} 1,000,000"),
    ('join(",", [for i in range(100000): format("%010000d", i)])',
     f"a for expression: a value of 1,000,100 elements or characters {LIMIT} 1,000,000"),
    ('indent(100000000, "a\\nb")',
     f"indent(): a value of 200,000,000 elements or characters {LIMIT} 1,000,000"),
    ('replace(format("%0100000d", 1), "0", format("%0100d", 1))',
     f"replace(): a value of 9,999,901 elements or characters {LIMIT} 1,000,000"),
    ("length(setproduct(range(1000), range(1000), range(1000)))",
     f"setproduct(): a value of 1,000,001 elements or characters {LIMIT} 1,000,000"),
], ids=["range", "range-step", "format-width", "format-precision", "join", "indent",
        "replace", "setproduct"])
def test_functions_building_huge_values(tmp_path: Path, expression: str,
                                        message: str) -> None:
    result = scan_beside_sentinel(
        tmp_path, {"main.tf": BUCKET % f"tags = {{ a = {expression} }}"})
    notice = the_error(result)
    assert (notice.line, notice.message) == (3, f"aws_s3_bucket.b.tags: {message}")


def test_module_fan_out(tmp_path: Path) -> None:
    files = {"main.tf": 'module "m0" {\n  source = "./mods/m1"\n}\n'}
    for level in range(1, 26):
        files[f"mods/m{level}/main.tf"] = (
            f'module "a" {{\n  source = "../m{level + 1}"\n}}\n'
            f'module "b" {{\n  source = "../m{level + 1}"\n}}\n' if level < 25
            else 'resource "aws_s3_bucket" "leaf" {\n  bucket = "l"\n}\n')
    result = scan_beside_sentinel(tmp_path, files, Limits(total_instances=2_000))
    stopped, exceeded = errors(result)
    assert stopped.message == (f"root module {tmp_path / 'bad'}: evaluation stopped at the "
                               "budget; its remaining resources were not judged")
    assert exceeded.message.startswith("module.m0.module.a.module.a.")
    assert exceeded.message.endswith(f": instances in all {LIMIT} 2,000")
    assert exceeded.code == "budget-exceeded"
