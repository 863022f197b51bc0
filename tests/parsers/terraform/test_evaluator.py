"""The expression evaluator, on hand-built syntax trees (Terraform semantics)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.finding import Notice
from govern.model.unknown import PartialString, Unknown
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.evaluator import Evaluator, MappingScope, NoticeSink
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.values import EvalError, InstanceList, ResourceObject

U = Unknown("known after apply", ref="aws_s3_bucket.b")


def lit(value: Any) -> ast.Literal:
    return ast.Literal(1, 1, value)


def var(name: str) -> ast.Variable:
    return ast.Variable(1, 1, name)


def attr(obj: ast.Expr, name: str) -> ast.GetAttr:
    return ast.GetAttr(1, 1, obj, name)


def index(obj: ast.Expr, key: ast.Expr) -> ast.Index:
    return ast.Index(1, 1, obj, key)


def op(left: ast.Expr, operator: str, right: ast.Expr) -> ast.BinaryOp:
    return ast.BinaryOp(1, 1, operator, left, right)


def tpl(*parts: ast.TemplatePart) -> ast.Template:
    return ast.Template(1, 1, parts)


def fn(name: str, *args: ast.Expr, expand: bool = False) -> ast.FunctionCall:
    return ast.FunctionCall(1, 1, name, args, expand)


def tup(*items: ast.Expr) -> ast.TupleExpr:
    return ast.TupleExpr(1, 1, items)


def obj(**items: ast.Expr) -> ast.ObjectExpr:
    return ast.ObjectExpr(1, 1, tuple(ast.ObjectItem(1, 1, lit(k), v) for k, v in items.items()))


def cond(c: ast.Expr, t: ast.Expr, f: ast.Expr) -> ast.Conditional:
    return ast.Conditional(1, 1, c, t, f)


SCOPE = {
    "var": {"name": "app", "n": 3, "tags": {"env": "prod"}, "list": ["a", "b", "c"],
            "unknown": U, "nothing": None, "flag": True, "objs": [{"id": 1}, {"id": 2}]},
    "local": {"half": 1.5},
}


def evaluate(expr: ast.Expr, scope: dict[str, Any] | None = None,
             env: dict[str, Any] | None = None) -> Any:
    evaluator = Evaluator(MappingScope(scope if scope is not None else SCOPE),
                          FunctionContext(base_dir="."))
    return evaluator.value(expr, env or {})


@pytest.mark.parametrize(("expr", "expected"), [
    (lit(5), 5),
    (tpl("a-", attr(var("var"), "name"), "-", attr(var("var"), "n")), "a-app-3"),
    (tpl(attr(var("var"), "tags")), {"env": "prod"}),  # a lone interpolation keeps its type
    (tpl(lit(True), "!"), "true!"),
    (tpl(), ""),
    (index(attr(var("var"), "list"), lit(1)), "b"),
    (index(attr(var("var"), "list"), lit("2")), "c"),
    (index(attr(var("var"), "tags"), lit("env")), "prod"),
    (attr(attr(var("var"), "tags"), "env"), "prod"),
    (op(lit(7), "/", lit(2)), 3.5),
    (op(lit(6), "/", lit(2)), 3),
    (op(lit(1.5), "*", lit(2)), 3),
    (op(lit("2"), "+", lit(3)), 5),
    (op(lit(-7), "%", lit(3)), -1),
    (op(lit(1), "==", lit(1.0)), True),
    (op(lit("1"), "==", lit(1)), False),
    (op(lit(True), "==", lit(1)), False),
    (op(tup(lit(1), lit("a")), "==", tup(lit(1), lit("a"))), True),
    (op(lit(None), "!=", lit(None)), False),
    (op(lit(2), "<", lit("10")), True),
    (op(lit(True), "&&", lit(False)), False),
    (op(lit(False), "||", lit("true")), True),
    (ast.UnaryOp(1, 1, "!", lit(True)), False),
    (ast.UnaryOp(1, 1, "-", attr(var("local"), "half")), -1.5),
    (cond(attr(var("var"), "flag"), lit("y"), lit("n")), "y"),
    (cond(lit(False), fn("nosuch_error_here", lit(1)), lit("n")), "n"),
    (ast.Parens(1, 1, lit(1)), 1),
    (obj(a=lit(1), b=tup(lit(2))), {"a": 1, "b": [2]}),
    (fn("upper", attr(var("var"), "name")), "APP"),
    (fn("concat", tup(lit(1)), tup(tup(lit(2)), tup(lit(3))), expand=True), [1, 2, 3]),
    (fn("max", tup(lit(1), lit(5), lit(3)), expand=True), 5),
])
def test_expressions(expr: ast.Expr, expected: Any) -> None:
    result = evaluate(expr)
    assert result == expected
    assert type(result) is type(expected)


def test_object_keys_in_parentheses_are_evaluated() -> None:
    key = ast.Parens(1, 1, attr(var("var"), "name"))
    expr = ast.ObjectExpr(1, 1, (ast.ObjectItem(1, 1, key, lit(1)),
                                 ast.ObjectItem(1, 1, lit("k"), lit(2))))
    assert evaluate(expr) == {"app": 1, "k": 2}
    unknown_key = ast.ObjectExpr(1, 1, (ast.ObjectItem(1, 1, ast.Parens(1, 1, attr(
        var("var"), "unknown")), lit(1)),))
    assert evaluate(unknown_key) is U


def test_splat() -> None:
    item = ast.SplatItem(1, 1)
    objs = attr(var("var"), "objs")
    assert evaluate(ast.Splat(1, 1, objs, attr(item, "id"))) == [1, 2]
    assert evaluate(ast.Splat(1, 1, attr(var("var"), "tags"), attr(item, "env"))) == ["prod"]
    assert evaluate(ast.Splat(1, 1, attr(var("var"), "nothing"), attr(item, "id"))) == []
    assert evaluate(ast.Splat(1, 1, attr(var("var"), "unknown"), attr(item, "id"))) is U
    assert evaluate(ast.Splat(1, 1, objs, item, full=False)) == [{"id": 1}, {"id": 2}]


def test_for_expressions() -> None:
    lst = attr(var("var"), "list")
    upper = ast.ForExpr(1, 1, None, "s", lst, fn("upper", var("s")))
    assert evaluate(upper) == ["A", "B", "C"]
    filtered = ast.ForExpr(1, 1, "i", "s", lst, var("s"), condition=op(var("i"), ">", lit(0)))
    assert evaluate(filtered) == ["b", "c"]
    to_map = ast.ForExpr(1, 1, None, "s", lst, var("i"), key_expr=var("s"))
    with pytest.raises(EvalError, match="unknown variable 'i'"):
        evaluate(to_map)
    to_map = ast.ForExpr(1, 1, "i", "s", lst, var("i"), key_expr=var("s"))
    assert evaluate(to_map) == {"a": 0, "b": 1, "c": 2}
    over_map = ast.ForExpr(1, 1, "k", "v", obj(b=lit(2), a=lit(1)),
                           tpl(var("k"), "=", var("v")))
    assert evaluate(over_map) == ["a=1", "b=2"]  # maps iterate in key order
    group = ast.ForExpr(1, 1, None, "o", tup(obj(k=lit("x"), v=lit(1)), obj(k=lit("x"), v=lit(2)),
                                             obj(k=lit("y"), v=lit(3))),
                        attr(var("o"), "v"), key_expr=attr(var("o"), "k"), group=True)
    assert evaluate(group) == {"x": [1, 2], "y": [3]}
    duplicate = ast.ForExpr(1, 1, None, "s", tup(lit("a"), lit("a")), lit(1), key_expr=var("s"))
    with pytest.raises(EvalError, match="duplicate key 'a'"):
        evaluate(duplicate)
    unknown = ast.ForExpr(1, 1, None, "s", attr(var("var"), "unknown"), var("s"))
    assert evaluate(unknown) is U


def test_template_directives() -> None:
    if_part = ast.TemplateIf(1, 1, attr(var("var"), "flag"), ("yes",), ("no",))
    assert evaluate(tpl("[", if_part, "]")) == "[yes]"
    for_part = ast.TemplateFor(1, 1, "k", "v", attr(var("var"), "tags"),
                               (var("k"), ":", var("v"), ";"))
    assert evaluate(tpl(for_part)) == "env:prod;"
    unknown_if = ast.TemplateIf(1, 1, attr(var("var"), "unknown"), ("yes",), ())
    assert evaluate(tpl("x", unknown_if)) is U


def test_unknown_propagation() -> None:
    unknown = attr(var("var"), "unknown")
    partial = evaluate(tpl("arn:", unknown, "/*"))
    assert partial == PartialString(("arn:", U, "/*"), U.reason, U.ref)
    assert evaluate(attr(unknown, "anything")) is U
    assert evaluate(index(unknown, lit(0))) is U
    assert evaluate(index(attr(var("var"), "list"), unknown)) is U
    assert evaluate(op(unknown, "+", lit(1))) is U
    assert evaluate(op(unknown, "==", lit(1))) is U
    assert evaluate(op(lit(False), "&&", unknown)) is False
    assert evaluate(op(unknown, "&&", lit(False))) is False
    assert evaluate(op(unknown, "||", lit(True))) is True
    assert evaluate(op(unknown, "&&", lit(True))) is U
    assert evaluate(ast.UnaryOp(1, 1, "!", unknown)) is U
    assert evaluate(tup(unknown, lit(1))) == [U, 1]
    assert evaluate(fn("length", tup(unknown, lit(1)))) == 2


def test_a_template_keeps_its_known_parts() -> None:
    """Unknown as a whole (anything that needs the string sees an Unknown with the first
    unknown part's ref), but the known text stays readable."""
    unknown = attr(var("var"), "unknown")
    nested = evaluate(tpl("a-", tpl(unknown, "-b"), "-c"))
    assert isinstance(nested, PartialString) and nested.ref == U.ref
    assert nested.text("?") == "a-?-b-c"
    chosen = evaluate(tpl("x", cond(unknown, lit("a"), lit("b"))))
    assert isinstance(chosen, PartialString) and chosen.text("?") == "x?"
    assert evaluate(tpl("x", tup(unknown))) is U  # an unknown inside a list: all unknown


def test_conditional_with_unknown_condition() -> None:
    unknown = attr(var("var"), "unknown")
    assert evaluate(cond(unknown, lit("a"), lit("b"))) is U
    assert evaluate(cond(unknown, lit("same"), lit("same"))) == "same"
    assert evaluate(cond(unknown, lit(1), fn("tonumber", lit("x")))) is U


def test_try_and_can() -> None:
    missing = attr(attr(var("var"), "tags"), "missing")
    assert evaluate(fn("try", missing, lit("fallback"))) == "fallback"
    assert evaluate(fn("try", attr(var("var"), "name"), lit("fallback"))) == "app"
    assert evaluate(fn("try", attr(var("var"), "unknown"), lit("fallback"))) is U
    assert evaluate(fn("can", missing)) is False
    assert evaluate(fn("can", attr(var("var"), "tags"))) is True
    assert evaluate(fn("can", fn("regex", lit("^a"), lit("abc")))) is True
    assert evaluate(fn("can", attr(var("var"), "unknown"))) is U
    with pytest.raises(EvalError, match="no argument could be evaluated"):
        evaluate(fn("try", missing))


@pytest.mark.parametrize(("expr", "message"), [
    (op(lit(1), "/", lit(0)), "division by zero"),
    (op(lit("a"), "+", lit(1)), "cannot convert 'a' to a number"),
    (op(lit(True), "+", lit(1)), "a bool value cannot be used as a number"),
    (attr(attr(var("var"), "tags"), "nope"), "does not have an attribute named 'nope'"),
    (index(attr(var("var"), "list"), lit(5)), "index 5 out of range"),
    (index(attr(var("var"), "tags"), lit("x")), "does not have an element with key 'x'"),
    (attr(attr(var("var"), "nothing"), "x"), "from a null value"),
    (attr(attr(var("var"), "list"), "x"), "does not have attributes"),
    (tpl("a", attr(var("var"), "nothing")), "cannot interpolate a null value"),
    (tpl("a", attr(var("var"), "tags")), "cannot interpolate a object value"),
    (cond(lit(None), lit(1), lit(2)), "condition must not be null"),
    (var("nope"), "unknown variable 'nope'"),
    (fn("upper", lit(1), lit(2)), r"upper\(\) takes 1 arguments, got 2"),
])
def test_errors(expr: ast.Expr, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        evaluate(expr)


def test_attribute_value_turns_errors_into_unknown_and_a_warning() -> None:
    sink = NoticeSink()
    evaluator = Evaluator(MappingScope(SCOPE), FunctionContext(base_dir="."), sink=sink)
    expr = ast.BinaryOp(7, 7, "/", lit(1), lit(0))
    value = evaluator.attribute_value(expr, {}, "main.tf", "aws_s3_bucket.b.x")
    assert value == Unknown("cannot evaluate aws_s3_bucket.b.x: division by zero")
    assert sink.notices == [Notice("warning", "cannot evaluate aws_s3_bucket.b.x: division by "
                                   "zero", "main.tf", 7, code="eval-error")]


def test_env_names_shadow_the_scope() -> None:
    assert evaluate(attr(var("count"), "index"), env={"count": {"index": 2}}) == 2
    assert evaluate(attr(var("each"), "value"), env={"each": {"key": "k", "value": "v"}}) == "v"


def test_resource_objects_and_instance_lists() -> None:
    bucket = ResourceObject({"bucket": "logs"}, ref="aws_s3_bucket.b")
    scope = {"res": bucket, "many": InstanceList([bucket], "aws_s3_bucket.b"),
             "var": {"unknown": U}}
    assert evaluate(attr(var("res"), "bucket"), scope) == "logs"
    assert evaluate(attr(var("res"), "arn"), scope) == Unknown("known after apply",
                                                               ref="aws_s3_bucket.b")
    assert evaluate(fn("lookup", var("res"), lit("id"), lit("x")), scope) == Unknown(
        "known after apply", ref="aws_s3_bucket.b")
    assert evaluate(index(var("many"), attr(var("var"), "unknown")), scope) == Unknown(
        "known after apply", ref="aws_s3_bucket.b")


def test_numbers_stay_integral() -> None:
    assert evaluate(op(lit(0.5), "+", lit(0.5))) == 1
    assert type(evaluate(op(lit(0.5), "+", lit(0.5)))) is int
    assert evaluate(tpl(op(lit(10), "/", lit(4)), "")) == "2.5"


# ----- real HCL text -------------------------------------------------------------------


def hcl(text: str, scope: dict[str, Any] | None = None) -> Any:
    from govern.parsers.terraform.hcl_parser import parse_expression

    return evaluate(parse_expression(text, "test.tf"), scope)


@pytest.mark.parametrize(("text", "expected"), [
    ('"${var.name}-${var.n * 2}"', "app-6"),
    ("var.objs[*].id", [1, 2]),
    ("var.objs.*.id", [1, 2]),
    ("[for o in var.objs : o.id if o.id > 1]", [2]),
    ("{for i, s in var.list : s => i...}", {"a": [0], "b": [1], "c": [2]}),
    ('{ for k, v in var.tags : upper(k) => "${v}!" }', {"ENV": "prod!"}),
    ("var.flag ? var.n : 0", 3),
    ("!var.flag || var.n >= 3 && var.n < 4", True),
    ("-var.n % 2", -1),
    ('lookup(var.tags, "env", "none")', "prod"),
    ("try(var.tags.missing, var.list[9], \"d\")", "d"),
    ('can(regex("^[a-z]+$", var.name))', True),
    ('"%{ if var.flag }on%{ else }off%{ endif }"', "on"),
    ('"%{ for s in var.list ~} ${s} %{~ endfor }"', "abc"),
    ("<<-EOT\n    x=${var.n}\n      y\n    EOT\n", "x=3\n  y\n"),
    ('merge(var.tags, { extra = "1" })', {"env": "prod", "extra": "1"}),
    ("concat(var.list, [\"d\"])[3]", "d"),
    ("length(var.objs) + 0.5", 2.5),
    ("jsonencode({ b = [var.n], a = var.flag })", '{"a":true,"b":[3]}'),
    ("var.list[var.n - 1]", "c"),
    ("var.unknown == null", Unknown("known after apply", ref="aws_s3_bucket.b")),
    ("{ a = var.unknown } == null", False),
    ("[var.unknown, 1] == [2, 1]", Unknown("known after apply", ref="aws_s3_bucket.b")),
    ("[var.unknown, 1] == [2, 2]", False),
])
def test_real_hcl(text: str, expected: Any) -> None:
    assert hcl(text) == expected
