"""Parsing ARM template expressions into a small syntax tree.

A JSON string is an expression when it starts with `[` and ends with `]`; a string that
starts with `[[` is the literal text without its first `[` (the escape). Grammar of the
text between the brackets:

    expression := primary ( "." name | "[" expression "]" )*
    primary    := string | number | call | "true" | "false" | "null"
    call       := name ( "." name )? "(" ( expression ( "," expression )* )? ")"

(`namespace.function(...)` calls a user-defined function.) Parsed expressions are cached
by their text: templates repeat the same expressions many times.
"""

from __future__ import annotations

from dataclasses import dataclass

from govern.parsers.arm.expression_lexer import ExpressionSyntaxError, Token, tokenize
from govern.parsers.budget import current


@dataclass(frozen=True, slots=True)
class Literal:
    value: object


@dataclass(frozen=True, slots=True)
class Call:
    name: str  # as written
    args: tuple[Node, ...]
    namespace: str | None = None  # user-defined functions: `ns.name(...)`
    column: int = 1


@dataclass(frozen=True, slots=True)
class Member:
    target: Node
    name: str


@dataclass(frozen=True, slots=True)
class Index:
    target: Node
    index: Node


Node = Literal | Call | Member | Index

_BARE_LITERALS: dict[str, object] = {"true": True, "false": False, "null": None}
_CACHE: dict[str, Node | ExpressionSyntaxError] = {}
_CACHE_LIMIT = 50_000


def expression_text(value: str) -> str | None:
    """The expression inside a template string, or None when the string is a literal."""
    if len(value) >= 2 and value[0] == "[" and value[-1] == "]" and value[1] != "[":
        return value[1:-1]
    return None


def literal_text(value: str) -> str:
    """A literal string as ARM reads it: a leading `[[` stands for `[`."""
    if value.startswith("[["):
        return value[1:]
    return value


def parse_expression(text: str) -> Node:
    """The syntax tree of an expression's text (without the outer brackets). Raises
    ExpressionSyntaxError with a 1-based column."""
    cached = _CACHE.get(text)
    if cached is None:
        try:
            cached = _Parser(tokenize(text)).parse()
        except ExpressionSyntaxError as exc:
            cached = exc
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[text] = cached
    if isinstance(cached, ExpressionSyntaxError):
        raise cached
    return cached


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0  # nested calls and indexes being parsed
        self.max_depth = current().limits.nesting

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ExpressionSyntaxError("empty expression", 1)
        node = self.expression()
        tok = self.peek()
        if tok.kind != "end":
            raise ExpressionSyntaxError(f"text after the end of the expression: {_describe(tok)}",
                                        tok.column)
        return node

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    def take(self, kind: str, what: str) -> Token:
        tok = self.peek()
        if tok.kind != kind:
            raise ExpressionSyntaxError(f"expected {what}, found {_describe(tok)}", tok.column)
        self.pos += 1
        return tok

    def expression(self) -> Node:
        self.depth += 1  # not restored on errors: they end the parse
        if self.depth > self.max_depth:
            raise ExpressionSyntaxError(f"calls and indexes nested deeper than "
                                        f"{self.max_depth} levels", self.peek().column)
        node = self.primary()
        while True:
            tok = self.peek()
            if tok.kind == ".":
                self.pos += 1
                name = self.take("ident", "a property name after '.'")
                node = Member(node, name.text)
            elif tok.kind == "[":
                self.pos += 1
                index = self.expression()
                self.take("]", "']' to close the index")
                node = Index(node, index)
            else:
                self.depth -= 1
                return node

    def primary(self) -> Node:
        tok = self.peek()
        if tok.kind in ("string", "number"):
            self.pos += 1
            return Literal(tok.value)
        if tok.kind != "ident":
            raise ExpressionSyntaxError(f"expected a value or a function call, found "
                                        f"{_describe(tok)}", tok.column)
        self.pos += 1
        namespace = None
        name = tok
        if self.peek().kind == "." and self.peek(1).kind == "ident" and (
                self.peek(2).kind == "("):
            namespace = tok.text
            self.pos += 1
            name = self.take("ident", "a function name")
        if self.peek().kind != "(":
            if namespace is None and tok.text.lower() in _BARE_LITERALS:
                return Literal(_BARE_LITERALS[tok.text.lower()])
            raise ExpressionSyntaxError(f"'{tok.text}' is not a function call (add "
                                        f"parentheses, or quote a string with ')",
                                        tok.column)
        self.pos += 1
        args: list[Node] = []
        if self.peek().kind != ")":
            while True:
                args.append(self.expression())
                if self.peek().kind == ",":
                    self.pos += 1
                    continue
                break
        self.take(")", f"',' or ')' in the arguments of {name.text}()")
        return Call(name.text, tuple(args), namespace, tok.column)


def _describe(tok: Token) -> str:
    if tok.kind == "end":
        return "the end of the expression"
    if tok.kind == "string":
        return f"the string {tok.text}"
    if tok.kind == "number":
        return f"the number {tok.text}"
    if tok.kind == "ident":
        return f"'{tok.text}'"
    return f"'{tok.kind}'"


def unparse(node: Node) -> str:
    """The text of a syntax tree, written the canonical way (`concat('a', 'b')`)."""
    if isinstance(node, Literal):
        value = node.value
        if isinstance(value, str):
            return "'" + value.replace("'", "''") + "'"
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)
    if isinstance(node, Call):
        name = f"{node.namespace}.{node.name}" if node.namespace else node.name
        return f"{name}({', '.join(unparse(a) for a in node.args)})"
    if isinstance(node, Member):
        return f"{unparse(node.target)}.{node.name}"
    return f"{unparse(node.target)}[{unparse(node.index)}]"
