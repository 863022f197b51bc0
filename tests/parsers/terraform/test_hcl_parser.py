"""The HCL native-syntax parser: exact trees, line ranges and error messages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govern.errors import SourceError
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.files import parse_config_file
from govern.parsers.terraform.hcl_parser import parse_expression, parse_hcl, parse_template

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


# ----- tree builders (line 1 unless given) ---------------------------------------------


def lit(value: str | int | float | bool | None, line: int = 1, end: int | None = None
        ) -> ast.Literal:
    return ast.Literal(line, end or line, value)


def var(name: str, line: int = 1) -> ast.Variable:
    return ast.Variable(line, line, name)


def get(obj: ast.Expr, name: str, line: int = 1) -> ast.GetAttr:
    return ast.GetAttr(obj.line, line, obj, name)


def ref(path: str, line: int = 1) -> ast.Expr:
    """`var.a.b` as nested GetAttr on one line."""
    root, *names = path.split(".")
    expr: ast.Expr = var(root, line)
    for name in names:
        expr = get(expr, name, line)
    return expr


def binop(op: str, left: ast.Expr, right: ast.Expr) -> ast.BinaryOp:
    return ast.BinaryOp(left.line, right.end_line, op, left, right)


def expr_of(source: str) -> ast.Expr:
    """The expression of `a = <source>`."""
    return parse_hcl(f"a = {source}\n", "main.tf").body.attributes["a"].expr


def error_of(text: str) -> SourceError:
    with pytest.raises(SourceError) as info:
        parse_hcl(text, "main.tf")
    return info.value


# ----- structure ------------------------------------------------------------------------


def test_blocks_attributes_and_lines() -> None:
    text = (
        '# a comment\n'
        'resource "aws_s3_bucket" "logs" {\n'
        '  bucket = "logs" // trailing comment\n'
        '  /* a block\n'
        '     comment */\n'
        '  versioning {\n'
        '    enabled = true\n'
        '  }\n'
        '}\n'
        'locals { x = 1 }\n'
        'terraform {}\n'
        'module mod { source = "./m" }\n'
    )
    config = parse_hcl(text, "main.tf")
    versioning = ast.Block(6, 8, "versioning", (), ast.Body(
        6, 8, {"enabled": ast.Attribute(7, 7, "enabled", lit(True, 7))}))
    assert config == ast.ConfigFile("main.tf", ast.Body(1, 12, {}, (
        ast.Block(2, 9, "resource", ("aws_s3_bucket", "logs"), ast.Body(
            2, 9, {"bucket": ast.Attribute(3, 3, "bucket", lit("logs", 3))}, (versioning,))),
        ast.Block(10, 10, "locals", (), ast.Body(
            10, 10, {"x": ast.Attribute(10, 10, "x", lit(1, 10))})),
        ast.Block(11, 11, "terraform", (), ast.Body(11, 11)),
        ast.Block(12, 12, "module", ("mod",), ast.Body(
            12, 12, {"source": ast.Attribute(12, 12, "source", lit("./m", 12))})),
    )))


def test_top_level_attributes_like_tfvars_and_empty_file() -> None:
    config = parse_hcl('region = "eu-west-1"\n\ncount = 3', "x.tfvars")
    assert config.body == ast.Body(1, 3, {
        "region": ast.Attribute(1, 1, "region", lit("eu-west-1")),
        "count": ast.Attribute(3, 3, "count", lit(3, 3)),
    })
    assert parse_hcl("", "e.tf").body == ast.Body(1, 1)
    assert parse_hcl("# only a comment", "e.tf").body == ast.Body(1, 1)


def test_multi_line_attribute_range() -> None:
    config = parse_hcl('tags = merge(\n  local.tags,\n  { Name = "x" },\n)\nz = 1\n', "m.tf")
    tags = config.body.attributes["tags"]
    assert (tags.line, tags.end_line) == (1, 4)
    assert tags.expr == ast.FunctionCall(1, 4, "merge", (
        ref("local.tags", 2),
        ast.ObjectExpr(3, 3, (ast.ObjectItem(3, 3, lit("Name", 3), lit("x", 3)),)),
    ))


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "main.tf"
    path.write_bytes(b'\xef\xbb\xbfa = "x"\r\nb = <<EOT\r\nline\r\nEOT\r\n')
    body = parse_config_file(str(path)).body
    assert body.attributes["a"].expr == lit("x")
    assert body.attributes["b"].expr == lit("line\r\n", 2, 4)


# ----- literals and templates ------------------------------------------------------------


@pytest.mark.parametrize(("source", "value"), [
    ("42", 42), ("0", 0), ("1.5", 1.5), ("1e3", 1000.0), ("2.5E-1", 0.25),
    ("true", True), ("false", False), ("null", None), ('""', ""),
])
def test_literals(source: str, value: object) -> None:
    assert expr_of(source) == lit(value)  # type: ignore[arg-type]


def test_string_escapes() -> None:
    source = r'"a\n\t\"\\\u00e9\U0001F600 $${x} %%{y} $ % $x"'
    assert expr_of(source) == lit('a\n\t"\\é\U0001F600 ${x} %{y} $ % $x')


def test_interpolation_and_nested_strings() -> None:
    assert expr_of('"x-${var.env}-${"in${1}"}"') == ast.Template(1, 1, (
        "x-", ref("var.env"), "-", ast.Template(1, 1, ("in", lit(1))),
    ))
    assert expr_of('"${var.x}"') == ast.Template(1, 1, (ref("var.x"),))


def test_strip_markers() -> None:
    assert expr_of('"a  ${~ var.b ~}  c"') == ast.Template(1, 1, ("a", ref("var.b"), "c"))
    assert expr_of('"a %{~ if x ~} b %{~ endif ~} c"') == ast.Template(1, 1, (
        "a", ast.TemplateIf(1, 1, var("x"), ("b",), ()), "c"))


def test_template_directives() -> None:
    source = '"%{ if a }yes%{ else }no%{ endif }:%{ for k, v in m }${k}=${v},%{ endfor }"'
    assert expr_of(source) == ast.Template(1, 1, (
        ast.TemplateIf(1, 1, var("a"), ("yes",), ("no",)),
        ":",
        ast.TemplateFor(1, 1, "k", "v", var("m"), (var("k"), "=", var("v"), ",")),
    ))
    assert expr_of('"%{for x in xs}${x}%{endfor}"') == ast.Template(1, 1, (
        ast.TemplateFor(1, 1, None, "x", var("xs"), (var("x"),)),))


def test_heredoc_plain_and_with_interpolation() -> None:
    text = "a = <<EOT\n  keep\n    ${var.x}\nEOT\nb = 1\n"
    body = parse_hcl(text, "m.tf").body
    assert body.attributes["a"] == ast.Attribute(1, 4, "a", ast.Template(1, 4, (
        "  keep\n    ", ref("var.x", 3), "\n")))
    assert body.attributes["b"].line == 5


def test_indented_heredoc_strips_common_whitespace() -> None:
    text = (
        "a = <<-EOT\n"
        "    first ${name}\n"
        "\n"
        "      second\n"
        "    EOT\n"
    )
    assert parse_hcl(text, "m.tf").body.attributes["a"].expr == ast.Template(1, 5, (
        "first ", var("name", 2), "\n\n  second\n"))


def test_indented_heredoc_with_directives_like_terraform() -> None:
    # Checked against `terraform console` 1.11: strip markers apply before the
    # indentation is measured, per line token.
    text = (
        "a = <<-EOT\n"
        "    %{~ for v in l ~}\n"
        "    - ${v}\n"
        "    %{~ endfor ~}\n"
        "  EOT\n"
    )
    assert parse_hcl(text, "m.tf").body.attributes["a"].expr == ast.Template(1, 5, (
        ast.TemplateFor(2, 4, None, "v", var("l", 2), ("    - ", var("v", 3), "\n")),))


def test_empty_heredoc_and_marker_at_end_of_file() -> None:
    assert parse_hcl("a = <<-EOT\n  EOT\n", "m.tf").body.attributes["a"].expr == lit("", 1, 2)
    assert parse_hcl("a = <<EOT\nx\nEOT", "m.tf").body.attributes["a"].expr == lit("x\n", 1, 3)


# ----- collections ------------------------------------------------------------------------


def test_tuples() -> None:
    assert expr_of("[]") == ast.TupleExpr(1, 1, ())
    assert expr_of("[1, 2,]") == ast.TupleExpr(1, 1, (lit(1), lit(2)))
    config = parse_hcl("a = [\n  1, # one\n  2\n]\n", "m.tf")
    assert config.body.attributes["a"].expr == ast.TupleExpr(1, 4, (lit(1, 2), lit(2, 3)))


def test_objects_separators_and_keys() -> None:
    text = (
        "a = {\n"
        "  name = 1, b: 2\n"
        '  "quoted" = 3\n'
        "  (var.k) = 4\n"
        '  "${var.p}-x" = 5,\n'
        "}\n"
    )
    assert parse_hcl(text, "m.tf").body.attributes["a"].expr == ast.ObjectExpr(1, 6, (
        ast.ObjectItem(2, 2, lit("name", 2), lit(1, 2)),
        ast.ObjectItem(2, 2, lit("b", 2), lit(2, 2)),
        ast.ObjectItem(3, 3, lit("quoted", 3), lit(3, 3)),
        ast.ObjectItem(4, 4, ast.Parens(4, 4, ref("var.k", 4)), lit(4, 4)),
        ast.ObjectItem(5, 5, ast.Template(5, 5, (ref("var.p", 5), "-x")), lit(5, 5)),
    ))
    assert expr_of("{}") == ast.ObjectExpr(1, 1, ())
    assert expr_of("{ a = 1 }") == ast.ObjectExpr(1, 1, (ast.ObjectItem(1, 1, lit("a"), lit(1)),))


def test_for_expressions() -> None:
    assert expr_of('[for s in var.l : upper(s) if s != ""]') == ast.ForExpr(
        1, 1, None, "s", ref("var.l"), ast.FunctionCall(1, 1, "upper", (var("s"),)),
        condition=binop("!=", var("s"), lit("")))
    assert expr_of("{for k, v in var.m : v => k...}") == ast.ForExpr(
        1, 1, "k", "v", ref("var.m"), var("k"), key_expr=var("v"), group=True)
    text = "a = [\n  for x in xs :\n  x\n  if x\n]\n"
    assert parse_hcl(text, "m.tf").body.attributes["a"].expr == ast.ForExpr(
        1, 5, None, "x", var("xs", 2), var("x", 3), condition=var("x", 4))


# ----- traversals, calls, operators ------------------------------------------------------


def test_full_splat_takes_every_following_step() -> None:
    item = ast.SplatItem(1, 1)
    assert expr_of("var.l[*].a.b[0]") == ast.Splat(
        1, 1, ref("var.l"),
        ast.Index(1, 1, get(get(item, "a"), "b"), lit(0)), full=True)
    assert expr_of("var.l[*]") == ast.Splat(1, 1, ref("var.l"), item, full=True)


def test_attribute_splat_takes_only_attributes() -> None:
    item = ast.SplatItem(1, 1)
    assert expr_of("var.l.*.a.0[1]") == ast.Index(1, 1, ast.Splat(
        1, 1, ref("var.l"), ast.Index(1, 1, get(item, "a"), lit(0)), full=False), lit(1))


def test_index_and_legacy_index() -> None:
    assert expr_of('x[0]["k"][var.i]') == ast.Index(1, 1, ast.Index(1, 1, ast.Index(
        1, 1, var("x"), lit(0)), lit("k")), ref("var.i"))
    assert expr_of("aws_instance.web.0.id") == get(
        ast.Index(1, 1, ref("aws_instance.web"), lit(0)), "id")


def test_function_calls() -> None:
    assert expr_of("f()") == ast.FunctionCall(1, 1, "f", ())
    assert expr_of("concat(a, b...)") == ast.FunctionCall(
        1, 1, "concat", (var("a"), var("b")), expand_final=True)
    assert expr_of('provider::aws::arn_parse("x").region') == get(
        ast.FunctionCall(1, 1, "provider::aws::arn_parse", (lit("x"),)), "region")


@pytest.mark.parametrize(("source", "expected"), [
    ("a || b && c", binop("||", var("a"), binop("&&", var("b"), var("c")))),
    ("a && b == c", binop("&&", var("a"), binop("==", var("b"), var("c")))),
    ("a == b < c", binop("==", var("a"), binop("<", var("b"), var("c")))),
    ("a >= b + c", binop(">=", var("a"), binop("+", var("b"), var("c")))),
    ("a - b * c", binop("-", var("a"), binop("*", var("b"), var("c")))),
    ("a - b - c", binop("-", binop("-", var("a"), var("b")), var("c"))),
    ("a / b % c", binop("%", binop("/", var("a"), var("b")), var("c"))),
    ("!a && b", binop("&&", ast.UnaryOp(1, 1, "!", var("a")), var("b"))),
    ("-a.b * 2", binop("*", ast.UnaryOp(1, 1, "-", get(var("a"), "b")), lit(2))),
    ("(a + b) * c", binop("*", ast.Parens(1, 1, binop("+", var("a"), var("b"))), var("c"))),
    ("a <= b != c > d", binop("!=", binop("<=", var("a"), var("b")),
                              binop(">", var("c"), var("d")))),
])
def test_operator_precedence(source: str, expected: ast.Expr) -> None:
    assert expr_of(source) == expected


def test_conditional_is_right_associative() -> None:
    assert expr_of("a ? 1 : b ? 2 : 3") == ast.Conditional(
        1, 1, var("a"), lit(1), ast.Conditional(1, 1, var("b"), lit(2), lit(3)))


def test_newlines_end_attributes_except_inside_brackets() -> None:
    text = "a = (\n  x\n  ? 1\n  : 2\n)\nb = f(\n  1\n  ,2)\n"
    body = parse_hcl(text, "m.tf").body
    assert body.attributes["a"].expr == ast.Parens(1, 5, ast.Conditional(
        2, 4, var("x", 2), lit(1, 3), lit(2, 4)))
    assert body.attributes["b"].expr == ast.FunctionCall(6, 8, "f", (lit(1, 7), lit(2, 8)))
    error = error_of("a = 1\n+ 2\n")
    assert (error.line, error.message) == (2, 'expected an attribute or a block, found "+"')


def test_parse_expression_and_template_helpers() -> None:
    assert parse_expression("list(string)", "v.tf.json", 7) == ast.FunctionCall(
        7, 7, "list", (var("string", 7),))
    assert parse_template("${var.a}-b", "v.tf.json", 3) == ast.Template(
        3, 3, (ref("var.a", 3), "-b"))
    assert parse_template("plain $ %", "v.tf.json", 3) == lit("plain $ %", 3)
    assert parse_template("plain $${x}", "v.tf.json", 3) == lit("plain ${x}", 3)
    assert parse_template("a $${x} ${y}", "v.tf.json", 3) == ast.Template(
        3, 3, ("a ${x} ", var("y", 3)))


# ----- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "message", "hint"), [
    ('resource "a" "b" {\n  x = 1\n', 2, "unexpected end of file",
     'unclosed "{" opened at line 1'),
    ("locals {\n  foo\n}\n", 2, 'expected "=" after attribute name "foo"',
     "write `foo = value` for an attribute or `foo { ... }` for a block"),
    ("a = 1\nb = 2\na = 3\n", 3, 'duplicate attribute "a"',
     "it is already defined at line 1; an attribute can be set only once in a block"),
    ('a = 1\nb = "abc\nc = 1\n', 2, "unterminated string",
     'a quoted string must be closed with " on the same line; use a heredoc (<<EOT) for '
     "text over several lines"),
    ("x = 1\na = <<EOT\nhello\n", 2, "unterminated heredoc",
     'no line "EOT" closes the heredoc opened at line 2'),
    ("a = 1\nb = @\n", 2, "unexpected character '@'",
     "this character cannot start any HCL token"),
    ("a = [\n  1\n  2\n]\n", 3, 'expected "," or "]" in a list, found the number 2',
     "separate list items with commas"),
    ("a = x ? 1\n", 1, 'expected the ":" of a conditional, found end of line',
     "a conditional is written `condition ? true_value : false_value`"),
    ("a = f(1,\n 2\n", 2, "unexpected end of file", 'unclosed "(" opened at line 1'),
    ('a = "a\\qb"\n', 1, 'invalid escape sequence "\\q" in string',
     'allowed escapes are \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN; write "\\\\" for a '
     "backslash"),
    ('a = "%{ if x }y"\n', 1, "missing %{ endif }", "the %{ if } at line 1 is never closed"),
    ("a = 1\n/* never\nclosed\n", 2, "unterminated comment",
     'the "/*" at line 2 is never closed with "*/"'),
    ("a = 1\n}\n", 2, 'unexpected "}"', 'there is no open "{" for it'),
    ("a = 1 b = 2\n", 1, 'expected a newline, found "b"',
     "put each attribute and block on its own line"),
    ('resource "${x}" "b" {}\n', 1, "block labels cannot contain interpolation",
     'write the label as a plain quoted string, like "name"'),
    ("a = x.0.1\n", 1, 'invalid legacy index ".0.1"',
     "chained legacy indexes are not allowed; write [0][1] instead"),
    ("a = (1 + 2\nb = 3\n", 2, 'expected a closing ")", found "b"',
     'the "(" opened at line 1 is not closed'),
    ("a = {\n  b\n}\n", 2, 'expected "=" or ":" after an object key, found end of line',
     "object items are `key = value`"),
    ('a = "%{ endfor }"\n', 1, "unexpected %{ endfor }", "there is no open %{ for } for it"),
    ("a = f(x..., y)\n", 1, 'expected ")" after "..." in the call to f()',
     '"..." expands the last argument only'),
])
def test_errors_have_line_and_hint(text: str, line: int, message: str, hint: str) -> None:
    error = error_of(text)
    assert (error.file, error.line, error.message, error.hint) == ("main.tf", line, message, hint)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    error = error_of("a = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    assert (error.line, error.message) == (1, "nested more than 256 levels deep")


def test_never_hangs_or_crashes_on_broken_input() -> None:
    sample = (
        'resource "aws_s3_bucket" "b" {\n'
        '  bucket = "x-${var.env}-%{ if a ~}y%{ endif }"\n'
        "  tags   = { for k, v in var.t : k => v... if v != null }\n"
        "  list   = [for x in var.l[*].id : x]\n"
        "  doc    = <<-EOT\n    ${jsonencode({a = [1, 2.5e3]})}\n  EOT\n"
        "  cond   = (var.a ? -1 : !var.b) /* c */ # d\n"
        "}\n"
    )
    rng = random.Random(7)
    alphabet = '{}[]()"$%~\\\n =:,.?*<-EOT#/ab01'
    inputs = [sample[:cut] for cut in range(len(sample))]
    inputs += ["".join(chr(rng.randrange(256)) for _ in range(80)) for _ in range(300)]
    inputs += ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(300)]
    for text in inputs:
        try:
            parse_hcl(text, "fuzz.tf")
        except SourceError as error:
            assert error.file == "fuzz.tf"


def test_undecodable_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bad.tf"
    path.write_bytes(b'a = "ok"\nb = "caf\xe9"\n')
    config = parse_config_file(str(path))
    assert config.body.attributes["b"].expr == ast.Literal(2, 2, "caf\u00e9")
    [notice] = config.notices
    assert (notice.level, notice.file, notice.line, notice.message) == (
        "warning", str(path), 2, "not valid UTF-8 (byte 0xe9 at offset 17); read as cp1252")


# ----- real-world corpus ---------------------------------------------------------------


def test_every_corpus_file_parses() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    paths = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".tf", ".tfvars"))
    assert paths
    for path in paths:
        config = parse_config_file(str(path))
        assert config.path == str(path)
