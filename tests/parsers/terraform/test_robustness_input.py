"""Robustness of the Terraform reader on hostile input: numbers too large to hold,
nesting thousands deep, bytes that are not UTF-8. Each bad root module sits beside a
sentinel root whose public bucket must still be reported; an alarm turns a hang into a
failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.parsers.terraform.project import scan_terraform
from tests.parsers.terraform.sentinel import alarm, errors, scan_beside_sentinel, the_error

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  %s\n}\n'
VARIABLE = 'variable "v" {}\n' + BUCKET % "tags = { a = var.v }"
BIG = "1" + "0" * 5000
DEEP = 5000


@pytest.mark.parametrize(("files", "file", "line", "message"), [
    ({"main.tf": BUCKET % f"tags = {{ a = {BIG} }}"}, "main.tf", 3,
     "the number 10000000000000000000...0000000000 (5,001 characters) is too large"),
    ({"main.tf": BUCKET % "count = 1e400"}, "main.tf", 3, "the number 1e400 is too large"),
    ({"main.tf": BUCKET % f"tags = {{ a = local.x.{'9' * 5000} }}"}, "main.tf", 3,
     "the number 99999999999999999999...9999999999 (5,000 characters) is too large"),
    ({"main.tf": VARIABLE, "terraform.tfvars": f"v = {BIG}\n"}, "terraform.tfvars", 1,
     "the number 10000000000000000000...0000000000 (5,001 characters) is too large"),
    ({"main.tf.json": '{"resource": {"aws_s3_bucket": {"b": {"bucket": ' + BIG + "}}}}"},
     "main.tf.json", 1, "invalid JSON: the number 100000000000...000000 (5,001 characters) "
     "is too large to read"),
    ({"main.tf": VARIABLE, "terraform.tfvars.json": '{"v": ' + BIG + "}"},
     "terraform.tfvars.json", 1, "invalid JSON: the number 100000000000...000000 "
     "(5,001 characters) is too large to read"),
], ids=["hcl", "float", "legacy-index", "tfvars", "tf-json", "tfvars-json"])
def test_numbers_too_large_are_a_parse_error(tmp_path: Path, files: dict[str, str],
                                             file: str, line: int, message: str) -> None:
    notice = the_error(scan_beside_sentinel(tmp_path, files))
    assert (notice.file, notice.line, notice.message) == (
        str(tmp_path / "bad" / file), line, message)


@pytest.mark.parametrize(("expression", "message"), [
    (f'parseint("{"9" * 5000}", 10)',
     "aws_s3_bucket.b.tags: parseint(): a number of 5,000 digits exceeds govern's "
     "evaluation limit of 4,300"),
    (f'tonumber("{BIG}")',
     "aws_s3_bucket.b.tags: tonumber(): a number of 5,001 characters exceeds govern's "
     "evaluation limit of 4,300"),
    ('parseint("' + "z" * 2000 + '", 36) * parseint("' + "z" * 2000 + '", 36)',
     "aws_s3_bucket.b.tags: a number of 20,680 bits exceeds govern's evaluation limit of "
     "14,000"),
], ids=["parseint", "tonumber", "arithmetic"])
def test_numbers_too_large_while_evaluating(tmp_path: Path, expression: str,
                                            message: str) -> None:
    notice = the_error(scan_beside_sentinel(
        tmp_path, {"main.tf": BUCKET % f"tags = {{ a = {expression} }}"}))
    assert (notice.line, notice.message, notice.code) == (3, message, "budget-exceeded")


def test_infinite_count_is_not_a_crash(tmp_path: Path) -> None:
    result = scan_beside_sentinel(tmp_path, {"main.tf": BUCKET % "count = 1e308 * 10"})
    notice = the_error(result)
    assert (notice.line, notice.message) == (
        3, "aws_s3_bucket.b: 10,001 instances exceeds govern's evaluation limit of 10,000")
    assert [r.address for r in result.resources] == ["aws_s3_bucket.sentinel"]


def test_large_number_from_the_command_line(tmp_path: Path) -> None:
    variable = 'variable "v" {\n  type = number\n}\n' + BUCKET % "tags = { a = var.v }"
    result = scan_beside_sentinel(tmp_path, {"main.tf": variable}, variables={"v": BIG})
    notice = the_error(result)
    assert (notice.file, notice.line, notice.message) == (
        str(tmp_path / "bad" / "main.tf"), 1,
        "var.v: a number of 5,001 characters exceeds govern's evaluation limit of 4,300")


NESTED_TF = {
    "list": "[" * DEEP + "]" * DEEP,
    "object": "{a=" * DEEP + "1" + "}" * DEEP,
    "parentheses": "(" * DEEP + "1" + ")" * DEEP,
    "calls": "tolist(" * DEEP + "[]" + ")" * DEEP,
    "unary": "-" * DEEP + "1",
    "conditional": "true ? 1 : " * DEEP + "1",
    "interpolation": '"' + '${"' * DEEP + '"}' * DEEP + '"',
    "directive": '"' + "%{if true}" * DEEP + "%{endif}" * DEEP + '"',
    "for": "[for a in [1]: " * DEEP + "1" + "]" * DEEP,
    "index": "{}" + "[{}" * DEEP + "]" * DEEP,
}


@pytest.mark.parametrize("kind", sorted(NESTED_TF))
def test_deep_expressions_are_a_parse_error_at_their_line(tmp_path: Path, kind: str) -> None:
    notice = the_error(scan_beside_sentinel(
        tmp_path, {"main.tf": BUCKET % f"tags = {{ a = {NESTED_TF[kind]} }}"}))
    assert (notice.file, notice.line, notice.code) == (
        str(tmp_path / "bad" / "main.tf"), 3, "parse-error")
    assert notice.message in ("nested more than 256 levels deep",
                              "template directives nested more than 256 levels deep")


@pytest.mark.parametrize(("files", "file", "line", "message"), [
    ({"main.tf": 'resource "aws_s3_bucket" "b" {\n' + "x {\n" * DEEP + "}\n" * DEEP + "}\n"},
     "main.tf", 257, "nested more than 256 levels deep"),
    ({"main.tf": VARIABLE, "terraform.tfvars": "v = " + "[" * DEEP + "]" * DEEP + "\n"},
     "terraform.tfvars", 1, "nested more than 256 levels deep"),
    ({"main.tf.json": '{"resource": {"aws_s3_bucket": {"b": {"tags": '
      + "[" * DEEP + "]" * DEEP + "}}}}"},
     "main.tf.json", 1, "invalid JSON: arrays and objects nested deeper than 256 levels"),
    ({"main.tf": VARIABLE, "terraform.tfvars.json": '{"v": ' + '{"a":' * DEEP + "1"
      + "}" * DEEP + "}"},
     "terraform.tfvars.json", 1, "invalid JSON: arrays and objects nested deeper than 256 "
     "levels"),
], ids=["blocks", "tfvars", "tf-json", "tfvars-json"])
def test_deep_files_are_a_parse_error(tmp_path: Path, files: dict[str, str], file: str,
                                      line: int, message: str) -> None:
    notice = the_error(scan_beside_sentinel(tmp_path, files))
    assert (notice.file, notice.line, notice.message) == (
        str(tmp_path / "bad" / file), line, message)


def test_long_chain_of_locals_is_an_error_not_a_recursion(tmp_path: Path) -> None:
    chain = "locals {\n  l0 = 1\n" + "".join(
        f"  l{i + 1} = [local.l{i}]\n" for i in range(3000)) + "}\n"
    result = scan_beside_sentinel(
        tmp_path, {"main.tf": chain + BUCKET % "tags = { a = local.l3000 }"})
    [notice] = [n for n in errors(result) if n.code == "budget-exceeded"]
    assert notice.message.startswith("local.l")
    assert notice.message.endswith("nesting deeper than 256 exceeds govern's evaluation "
                                   "limit of 256")
    assert notice.file == str(tmp_path / "bad" / "main.tf")


def test_bytes_not_utf8_are_read_with_a_warning(tmp_path: Path) -> None:
    files = {"main.tf": (BUCKET % 'tags = { a = "caf\xe9" }').encode("latin-1")}
    result = scan_beside_sentinel(tmp_path, files)
    assert not errors(result)
    [notice] = [n for n in result.notices if n.code == "decode-fallback"]
    assert (notice.level, notice.file, notice.line) == (
        "warning", str(tmp_path / "bad" / "main.tf"), 3)
    [bucket] = [r for r in result.resources if r.address == "aws_s3_bucket.b"]
    assert bucket.attributes["tags"] == {"a": "caf\u00e9"}


def test_tfvars_not_utf8_are_read_with_a_warning(tmp_path: Path) -> None:
    files = {"main.tf": VARIABLE, "terraform.tfvars": 'v = "\xe9t\xe9"\n'.encode("latin-1")}
    result = scan_beside_sentinel(tmp_path, files)
    [notice] = [n for n in result.notices if n.code == "decode-fallback"]
    assert (notice.level, notice.file) == ("warning", str(tmp_path / "bad" / "terraform.tfvars"))
    [bucket] = [r for r in result.resources if r.address == "aws_s3_bucket.b"]
    assert bucket.attributes["tags"] == {"a": "\u00e9t\u00e9"}


def test_the_process_recursion_limit_is_restored(tmp_path: Path) -> None:
    import sys

    before = sys.getrecursionlimit()
    (tmp_path / "main.tf").write_text(BUCKET % ("tags = " + "[" * DEEP + "]" * DEEP))
    with alarm():
        scan_terraform([str(tmp_path)])
    assert sys.getrecursionlimit() == before
