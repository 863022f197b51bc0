from __future__ import annotations

import pytest

from govern.parsers.arm.expression_lexer import ExpressionSyntaxError
from govern.parsers.arm.expression_parser import (
    Call,
    Index,
    Literal,
    Member,
    expression_text,
    literal_text,
    parse_expression,
    unparse,
)


def test_expression_strings_and_the_bracket_escape() -> None:
    assert expression_text("[parameters('a')]") == "parameters('a')"
    assert expression_text("plain") is None
    assert expression_text("[[not an expression]") is None
    assert literal_text("[[not an expression]") == "[not an expression]"
    assert expression_text("[x] ") is None  # must end with ]
    assert expression_text("[]") == ""


def test_calls_members_and_indexes() -> None:
    assert parse_expression("resourceGroup().location") == Member(
        Call("resourceGroup", (), None, 1), "location")
    assert parse_expression("variables('a')[1].b") == Member(
        Index(Call("variables", (Literal("a"),), None, 1), Literal(1)), "b")
    assert parse_expression("variables('m')[parameters('k')]") == Index(
        Call("variables", (Literal("m"),), None, 1),
        Call("parameters", (Literal("k"),), None, 16))


def test_nested_calls_and_literals() -> None:
    assert parse_expression("if(true, null, false())") == Call(
        "if", (Literal(True), Literal(None), Call("false", (), None, 16)), None, 1)


def test_user_defined_functions_have_a_namespace() -> None:
    assert parse_expression("contoso.uniqueName('x')") == Call(
        "uniqueName", (Literal("x"),), "contoso", 1)


def test_unparse_writes_the_canonical_text() -> None:
    node = parse_expression("concat( 'it''s' ,variables('a')[0].b, -1, null)")
    assert unparse(node) == "concat('it''s', variables('a')[0].b, -1, null)"


@pytest.mark.parametrize(("text", "message", "column"), [
    ("", "empty expression", 1),
    ("concat('a',)", "expected a value or a function call, found ')'", 12),
    ("concat('a'", "expected ',' or ')' in the arguments of concat(), found the end of the "
                   "expression", 11),
    ("parameters('a') 'b'", "text after the end of the expression: the string 'b'", 17),
    ("Application_Insights_Key", "'Application_Insights_Key' is not a function call (add "
                                 "parentheses, or quote a string with ')", 1),
    ("a().(", "expected a property name after '.', found '('", 5),
    ("a()[1", "expected ']' to close the index, found the end of the expression", 6),
])
def test_syntax_errors(text: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionSyntaxError) as caught:
        parse_expression(text)
    assert (caught.value.message, caught.value.column) == (message, column)
