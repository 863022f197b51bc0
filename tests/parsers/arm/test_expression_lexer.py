from __future__ import annotations

import pytest

from govern.parsers.arm.expression_lexer import ExpressionSyntaxError, tokenize


def kinds(text: str) -> list[tuple[str, object]]:
    return [(t.kind, t.value) for t in tokenize(text)]


def test_tokens_of_a_call_with_member_and_index() -> None:
    assert kinds("concat(parameters('a').b[0], -12, 1.5)") == [
        ("ident", "concat"), ("(", None), ("ident", "parameters"), ("(", None),
        ("string", "a"), (")", None), (".", None), ("ident", "b"), ("[", None),
        ("number", 0), ("]", None), (",", None), ("number", -12), (",", None),
        ("number", 1.5), (")", None), ("end", None)]


def test_strings_double_single_quotes() -> None:
    assert kinds("'it''s'") == [("string", "it's"), ("end", None)]
    assert kinds("''") == [("string", ""), ("end", None)]
    assert kinds("''''") == [("string", "'"), ("end", None)]


def test_columns_are_one_based() -> None:
    assert [t.column for t in tokenize("a( 'x' )")] == [1, 2, 4, 8, 9]


@pytest.mark.parametrize(("text", "message", "column"), [
    ("concat('a", "unterminated string (close it with ')", 8),
    ('concat("a")', "unexpected character '\"' (strings use single quotes)", 8),
    ("a + b", "unexpected character '+'", 3),
])
def test_errors_say_what_and_where(text: str, message: str, column: int) -> None:
    with pytest.raises(ExpressionSyntaxError) as caught:
        tokenize(text)
    assert (caught.value.message, caught.value.column) == (message, column)
