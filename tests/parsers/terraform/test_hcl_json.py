"""Terraform JSON syntax (`.tf.json`, `.tfvars.json`) to the HCL syntax tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.errors import SourceError
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.files import parse_config_file
from govern.parsers.terraform.hcl_json import parse_tf_json, parse_tfvars_json

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


def lit(value: str | int | float | bool | None, line: int) -> ast.Literal:
    return ast.Literal(line, line, value)


def ref(path: str, line: int) -> ast.Expr:
    root, *names = path.split(".")
    expr: ast.Expr = ast.Variable(line, line, root)
    for name in names:
        expr = ast.GetAttr(line, line, expr, name)
    return expr


RESOURCE = """{
  "//": "a comment",
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "logs-${var.env}",
        "count": 2,
        "force_destroy": true,
        "acl": null,
        "tags": {"Name": "x", "//": "kept: not a body"},
        "cors_rule": [{"allowed_methods": ["GET"]}],
        "depends_on": ["aws_kms_key.k"],
        "provider": "aws.west",
        "lifecycle": {"prevent_destroy": true, "ignore_changes": ["tags"]},
        "dynamic": {
          "grant": {
            "for_each": "${var.grants}",
            "content": {"id": "${grant.value}"}
          }
        },
        "provisioner": [{"local-exec": {"command": "echo", "connection": {"host": "h"}}}]
      }
    }
  }
}
"""


def test_resource_body_attributes_and_meta_blocks() -> None:
    config = parse_tf_json(RESOURCE, "main.tf.json")
    (block,) = config.body.blocks
    assert (block.type, block.labels, block.line, block.end_line) == (
        "resource", ("aws_s3_bucket", "logs"), 5, 22)
    body = block.body
    assert list(body.attributes) == [
        "bucket", "count", "force_destroy", "acl", "tags", "cors_rule", "depends_on",
        "provider"]
    attrs = body.attributes
    assert attrs["bucket"] == ast.Attribute(6, 6, "bucket", ast.Template(
        6, 6, ("logs-", ref("var.env", 6))))
    assert attrs["count"].expr == lit(2, 7)
    assert attrs["force_destroy"].expr == lit(True, 8)
    assert attrs["acl"].expr == lit(None, 9)
    assert attrs["tags"].expr == ast.ObjectExpr(10, 10, (
        ast.ObjectItem(10, 10, lit("Name", 10), lit("x", 10)),
        ast.ObjectItem(10, 10, lit("//", 10), lit("kept: not a body", 10)),
    ))
    assert attrs["cors_rule"].expr == ast.TupleExpr(11, 11, (ast.ObjectExpr(11, 11, (
        ast.ObjectItem(11, 11, lit("allowed_methods", 11),
                       ast.TupleExpr(11, 11, (lit("GET", 11),))),)),))
    assert attrs["depends_on"].expr == ast.TupleExpr(12, 12, (ref("aws_kms_key.k", 12),))
    assert attrs["provider"].expr == ref("aws.west", 13)

    lifecycle, dynamic, provisioner = body.blocks
    assert lifecycle == ast.Block(14, 14, "lifecycle", (), ast.Body(14, 14, {
        "prevent_destroy": ast.Attribute(14, 14, "prevent_destroy", lit(True, 14)),
        "ignore_changes": ast.Attribute(14, 14, "ignore_changes", ast.TupleExpr(
            14, 14, (ast.Variable(14, 14, "tags"),))),
    }))
    content = ast.Block(18, 18, "content", (), ast.Body(18, 18, {
        "id": ast.Attribute(18, 18, "id", ast.Template(18, 18, (ref("grant.value", 18),))),
    }))
    assert dynamic == ast.Block(16, 19, "dynamic", ("grant",), ast.Body(16, 19, {
        "for_each": ast.Attribute(17, 17, "for_each", ast.Template(
            17, 17, (ref("var.grants", 17),))),
    }, (content,)))
    assert provisioner == ast.Block(21, 21, "provisioner", ("local-exec",), ast.Body(
        21, 21, {"command": ast.Attribute(21, 21, "command", lit("echo", 21))},
        (ast.Block(21, 21, "connection", (), ast.Body(21, 21, {
            "host": ast.Attribute(21, 21, "host", lit("h", 21))})),),
    ))


def test_other_top_level_blocks() -> None:
    text = """{
  "terraform": {
    "required_version": ">= 1.5",
    "required_providers": {"aws": {"source": "hashicorp/aws"}},
    "backend": {"s3": {"bucket": "state"}}
  },
  "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "west", "region": "us-west-2"}]},
  "variable": {"names": {"type": "list(string)", "default": ["${not_a_ref}"]}},
  "locals": {"n": 1},
  "output": {"o": {"value": "${local.n}", "depends_on": ["module.m"]}},
  "module": {"m": {"source": "./m", "providers": {"aws": "aws.west"}}},
  "data": {"aws_caller_identity": {"me": {}}}
}"""
    blocks = parse_tf_json(text, "main.tf.json").body.blocks
    assert [(b.type, b.labels, b.line) for b in blocks] == [
        ("terraform", (), 2),
        ("provider", ("aws",), 7), ("provider", ("aws",), 7),
        ("variable", ("names",), 8), ("locals", (), 9), ("output", ("o",), 10),
        ("module", ("m",), 11), ("data", ("aws_caller_identity", "me"), 12),
    ]
    terraform, aws, west, variable, _, output, module, data = blocks
    assert [(b.type, b.labels) for b in terraform.body.blocks] == [
        ("required_providers", ()), ("backend", ("s3",))]
    assert terraform.body.blocks[0].body.attributes["aws"].expr == ast.ObjectExpr(4, 4, (
        ast.ObjectItem(4, 4, lit("source", 4), lit("hashicorp/aws", 4)),))
    assert aws.body.attributes["region"].expr == lit("eu-west-1", 7)
    assert west.body.attributes["alias"].expr == lit("west", 7)
    assert variable.body.attributes["type"].expr == ast.FunctionCall(
        8, 8, "list", (ast.Variable(8, 8, "string"),))
    assert variable.body.attributes["default"].expr == ast.TupleExpr(
        8, 8, (lit("${not_a_ref}", 8),))
    assert output.body.attributes["depends_on"].expr == ast.TupleExpr(
        10, 10, (ref("module.m", 10),))
    assert module.body.attributes["providers"].expr == ast.ObjectExpr(11, 11, (
        ast.ObjectItem(11, 11, lit("aws", 11), ref("aws.west", 11)),))
    assert data.body == ast.Body(12, 12)


def test_tfvars_json_values_are_literal() -> None:
    text = '{\n  "region": "eu-${x}",\n  "sizes": [1, 2.5],\n  "tags": {"a": "b"}\n}'
    assert parse_tfvars_json(text, "x.tfvars.json").body == ast.Body(1, 5, {
        "region": ast.Attribute(2, 2, "region", lit("eu-${x}", 2)),
        "sizes": ast.Attribute(3, 3, "sizes", ast.TupleExpr(3, 3, (lit(1, 3), lit(2.5, 3)))),
        "tags": ast.Attribute(4, 4, "tags", ast.ObjectExpr(4, 4, (
            ast.ObjectItem(4, 4, lit("a", 4), lit("b", 4)),))),
    })


def test_object_keys_are_templates() -> None:
    text = '{"locals": {"m": {"${local.k}": 1}}}'
    (block,) = parse_tf_json(text, "main.tf.json").body.blocks
    assert block.body.attributes["m"].expr == ast.ObjectExpr(1, 1, (ast.ObjectItem(
        1, 1, ast.Template(1, 1, (ref("local.k", 1),)), lit(1, 1)),))


@pytest.mark.parametrize(("text", "line", "message"), [
    ("[1]", 1, "expected a JSON object for the top level of a .tf.json file, found an array"),
    ('{\n"resource": {"aws_s3_bucket": {"b": "x"}}}', 2,
     "expected a JSON object for a block body, found a string"),
    ('{\n"resource": {"aws_s3_bucket": 3}}', 2,
     'expected a JSON object for the labels of a "resource" block, found a number'),
    ('{"locals": {\n"a": 1,\n"a": 2}}', 3, 'duplicate property "a"'),
    ('{"locals": {\n"a": "${var.}"}}', 2, 'expected an attribute name after ".", found "}"'),
    ('{"variable": {"v": {\n"type": "list(string"}}}', 2, "unexpected end of file"),
    ('{\n"locals": {"a": 1,}}', 2, 'invalid JSON: expected a quoted object key, found "}"'),
])
def test_errors(text: str, line: int, message: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_tf_json(text, "main.tf.json")
    assert (info.value.file, info.value.line, info.value.message) == (
        "main.tf.json", line, message)


def test_files_choose_the_syntax_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text('x = "${var.a}"\n')
    (tmp_path / "a.tfvars").write_text('x = "v"\n')
    (tmp_path / "a.tf.json").write_text('{"locals": {"x": "${var.a}"}}')
    (tmp_path / "a.tfvars.json").write_bytes(b'\xef\xbb\xbf{"x": "${var.a}"}')
    (tmp_path / "a.txt").write_text("x = 1\n")
    template = ast.Template(1, 1, (ref("var.a", 1),))
    assert parse_config_file(str(tmp_path / "a.tf")).body.attributes["x"].expr == template
    assert parse_config_file(str(tmp_path / "a.tfvars")).body.attributes["x"].expr == lit("v", 1)
    tf_json = parse_config_file(str(tmp_path / "a.tf.json"))
    assert tf_json.body.blocks[0].body.attributes["x"].expr == template
    tfvars_json = parse_config_file(str(tmp_path / "a.tfvars.json"))
    assert tfvars_json.body.attributes["x"].expr == lit("${var.a}", 1)
    with pytest.raises(SourceError, match="not a Terraform configuration file"):
        parse_config_file(str(tmp_path / "a.txt"))
    with pytest.raises(SourceError, match="cannot read the file"):
        parse_config_file(str(tmp_path / "missing.tf"))


def test_corpus_json_files_parse() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    paths = sorted(CORPUS.rglob("*.tf.json")) + sorted(CORPUS.rglob("*.tfvars.json"))
    if not paths:
        pytest.skip("no .tf.json files in the corpus")
    for path in paths:
        config = parse_config_file(str(path))
        assert config.body.blocks or config.body.attributes
