"""Recursive-descent parser for HCL2 native syntax, producing `hcl_ast` trees.

Follows HashiCorp's `hclsyntax` grammar: newlines end attributes except inside
parentheses, brackets, function calls, for-expressions and template sequences; object
constructors accept newlines or commas between items; operator precedence is
`||` < `&&` < `== !=` < `< > <= >=` < `+ -` < `* / %` < unary `! -` < traversals.
Errors raise `SourceError` with the line and a hint; nothing else escapes.

Bounded on any input: expressions, blocks and template directives nested deeper than the
evaluation budget's `nesting` limit (`govern.parsers.budget`), and numbers too large to
hold (an integer of more than 4,300 digits, `1e400`), are a `SourceError` at their line.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from govern.errors import SourceError
from govern.parsers.budget import current
from govern.parsers.terraform.hcl_ast import (
    Attribute,
    BinaryOp,
    Block,
    Body,
    Conditional,
    ConfigFile,
    Expr,
    ForExpr,
    FunctionCall,
    GetAttr,
    Index,
    Literal,
    ObjectExpr,
    ObjectItem,
    Parens,
    Splat,
    SplatItem,
    Template,
    TemplateFor,
    TemplateIf,
    TemplatePart,
    TupleExpr,
    UnaryOp,
    Variable,
)
from govern.parsers.terraform.hcl_lexer import Lexer, Token

_PRECEDENCE = {
    "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4,
    "+": 5, "-": 5, "*": 6, "/": 6, "%": 6,
}
_KEYWORDS: dict[str, bool | None] = {"true": True, "false": False, "null": None}
# Tokens that can follow a complete expression without continuing it.
_ENDS = frozenset({"nl", ",", "}", "]", ")", "eof", ":", "=>", "te", "...", "="})
_OPEN_TEXT = {"oq": '"', "ti": "${", "tc": "%{"}
_TOKEN_NAMES = {
    "nl": "end of line", "eof": "end of file", "oq": "a string", "str": "a string",
    "oh": "a heredoc", "ohf": "a heredoc", "te": '"}"', "ti": '"${"', "tc": '"%{"',
    "cq": "the closing quote", "ch": "the end of the heredoc", "lit": "template text",
}
_NO_LIMIT = 1 << 62
_T = TypeVar("_T")


@dataclass(frozen=True)
class _Directive:
    """A `%{ ... }` directive while a template is being assembled."""

    kind: str  # if, else, endif, for, endfor
    line: int
    expr: Expr | None = None
    key_var: str | None = None
    value_var: str = ""


_RawPart = str | Expr | _Directive


def describe(tok: Token) -> str:
    """A human name for a token in error messages."""
    kind = tok[0]
    if kind in _TOKEN_NAMES:
        return _TOKEN_NAMES[kind]
    if kind == "id":
        return f'"{tok[1]}"'
    if kind == "num":
        return f"the number {tok[1]}"
    return f'"{kind}"'


class Parser:
    """Parses one token list. `skip_nl` is True where newlines are insignificant."""

    def __init__(self, toks: list[Token], path: str) -> None:
        self.toks = toks
        self.path = path
        self.i = 0
        self.skip_nl = False
        self.opens: list[tuple[str, int]] = []  # unclosed brackets, for hints
        self.depth = 0  # expressions and blocks being parsed, one inside the other
        self.max_depth = current().limits.nesting

    # ----- helpers --------------------------------------------------------------------

    def peek(self) -> Token:
        toks = self.toks
        i = self.i
        if self.skip_nl:
            while toks[i][0] == "nl":
                i += 1
            self.i = i
        return toks[i]

    def fail(self, message: str, tok: Token, hint: str | None = None) -> SourceError:
        """An error at `tok`; at the end of the file, name the innermost unclosed bracket."""
        if tok[0] == "eof" and self.opens:
            kind, line = self.opens[-1]
            return SourceError("unexpected end of file", self.path, tok[2],
                               f'unclosed "{_OPEN_TEXT.get(kind, kind)}" opened at line {line}')
        return SourceError(message, self.path, tok[2], hint)

    def expect(self, kind: str, what: str, hint: str | None = None) -> Token:
        tok = self.peek()
        if tok[0] != kind:
            raise self.fail(f"expected {what}, found {describe(tok)}", tok, hint)
        self.i += 1
        return tok

    def expect_keyword(self, word: str, hint: str) -> Token:
        tok = self.peek()
        if tok[0] != "id" or tok[1] != word:
            raise self.fail(f'expected "{word}", found {describe(tok)}', tok, hint)
        self.i += 1
        return tok

    def enter(self, tok: Token) -> None:
        """One level deeper (the caller leaves with `self.depth -= 1`; a SourceError
        ends the whole parse, so no `finally` is needed)."""
        self.depth += 1
        if self.depth > self.max_depth:
            raise SourceError(f"nested more than {self.max_depth} levels deep", self.path,
                              tok[2], "govern stops here to stay bounded; flatten the "
                              "expression or block (docs/configuration.md, evaluation "
                              "limits)")

    def ident(self, what: str) -> str:
        tok = self.peek()
        if tok[0] != "id":
            raise self.fail(f"expected {what}, found {describe(tok)}", tok)
        self.i += 1
        return tok[1]

    # ----- structure ------------------------------------------------------------------

    def config_body(self) -> Body:
        attributes, blocks = self.body_items(closed=False)
        eof = self.toks[self.i]
        return Body(1, max(1, eof[2]), attributes, tuple(blocks))

    def body_items(self, closed: bool) -> tuple[dict[str, Attribute], list[Block]]:
        """Attributes and blocks up to `}` (closed) or the end of the file."""
        toks = self.toks
        attributes: dict[str, Attribute] = {}
        blocks: list[Block] = []
        while True:
            tok = toks[self.i]
            kind = tok[0]
            if kind == "nl":
                self.i += 1
                continue
            if kind == "id":
                if toks[self.i + 1][0] == "=":
                    self.attribute(tok, attributes)
                else:
                    blocks.append(self.block(tok))
                self.end_of_item(closed)
                continue
            if kind == "}":
                if closed:
                    return attributes, blocks
                raise self.fail('unexpected "}"', tok, 'there is no open "{" for it')
            if kind == "eof":
                if closed:
                    raise self.fail("unexpected end of file", tok)
                return attributes, blocks
            raise self.fail(f"expected an attribute or a block, found {describe(tok)}", tok,
                            "an attribute is written `name = value`, a block `type \"label\" {`")

    def end_of_item(self, closed: bool) -> None:
        tok = self.toks[self.i]
        kind = tok[0]
        if kind == "nl":
            self.i += 1
        elif kind != "eof" and not (closed and kind == "}"):
            raise self.fail(f"expected a newline, found {describe(tok)}", tok,
                            "put each attribute and block on its own line")

    def attribute(self, name_tok: Token, attributes: dict[str, Attribute]) -> None:
        name = name_tok[1]
        self.i += 2
        expr = self.expression()
        previous = attributes.get(name)
        if previous is not None:
            raise SourceError(f'duplicate attribute "{name}"', self.path, name_tok[2],
                              f"it is already defined at line {previous.line}; "
                              "an attribute can be set only once in a block")
        attributes[name] = Attribute(name_tok[2], expr.end_line, name, expr)

    def block(self, type_tok: Token) -> Block:
        self.i += 1
        labels: list[str] = []
        toks = self.toks
        while True:
            tok = toks[self.i]
            kind = tok[0]
            if kind == "{":
                break
            if kind == "str" or kind == "id":
                labels.append(tok[1])
                self.i += 1
            elif kind == "oq":
                labels.append(self.label_template(tok))
            elif not labels and kind in ("nl", "eof"):
                raise self.fail(f'expected "=" after attribute name "{type_tok[1]}"', tok,
                                f'write `{type_tok[1]} = value` for an attribute or '
                                f'`{type_tok[1]} {{ ... }}` for a block')
            else:
                raise self.fail(
                    f'expected a block label or "{{" after "{type_tok[1]}", '
                    f"found {describe(tok)}", tok,
                    'block labels are quoted strings or names, followed by "{"')
        self.i += 1
        self.opens.append(("{", tok[2]))
        self.enter(tok)
        attributes, blocks = self.body_items(closed=True)
        self.depth -= 1
        self.opens.pop()
        close = toks[self.i]
        self.i += 1
        body = Body(tok[2], close[2], attributes, tuple(blocks))
        return Block(type_tok[2], close[2], type_tok[1], tuple(labels), body)

    def label_template(self, tok: Token) -> str:
        self.i += 1
        expr = self.template(tok, "cq")
        if isinstance(expr, Literal) and isinstance(expr.value, str):
            return expr.value
        raise SourceError("block labels cannot contain interpolation", self.path, tok[2],
                          'write the label as a plain quoted string, like "name"')

    # ----- expressions ----------------------------------------------------------------

    def expression(self) -> Expr:
        toks = self.toks
        i = self.i
        tok = toks[i]
        if self.skip_nl and tok[0] == "nl":
            tok = self.peek()
            i = self.i
        nxt = toks[i + 1][0] if tok[0] != "eof" else "eof"
        if nxt in _ENDS and not (nxt == "nl" and self.skip_nl):  # fast path: a lone value
            kind = tok[0]
            if kind == "str":
                self.i = i + 1
                return Literal(tok[2], tok[2], tok[1])
            if kind == "num":
                self.i = i + 1
                return Literal(tok[2], tok[2], self.number(tok))
            if kind == "id" and nxt != "::":
                self.i = i + 1
                word = tok[1]
                if word in _KEYWORDS:
                    return Literal(tok[2], tok[2], _KEYWORDS[word])
                return Variable(tok[2], tok[2], word)
        self.enter(tok)
        cond = self.binary(1)
        tok = self.peek()
        if tok[0] != "?":
            self.depth -= 1
            return cond
        self.i += 1
        true_expr = self.expression()
        self.expect(":", 'the ":" of a conditional',
                    "a conditional is written `condition ? true_value : false_value`")
        false_expr = self.expression()
        self.depth -= 1
        return Conditional(cond.line, false_expr.end_line, cond, true_expr, false_expr)

    def binary(self, min_prec: int) -> Expr:
        left = self.unary()
        while True:
            tok = self.peek()
            prec = _PRECEDENCE.get(tok[0])
            if prec is None or prec < min_prec:
                return left
            self.i += 1
            right = self.binary(prec + 1)
            left = BinaryOp(left.line, right.end_line, tok[0], left, right)

    def unary(self) -> Expr:
        tok = self.peek()
        kind = tok[0]
        if kind == "-" or kind == "!":
            self.i += 1
            self.enter(tok)
            operand = self.unary()
            self.depth -= 1
            return UnaryOp(tok[2], operand.end_line, kind, operand)
        return self.traversals(self.term(), splat=True)

    def term(self) -> Expr:
        tok = self.peek()
        kind = tok[0]
        self.i += 1
        if kind == "id":
            return self.name(tok)
        if kind == "str":
            return Literal(tok[2], tok[2], tok[1])
        if kind == "num":
            return Literal(tok[2], tok[2], self.number(tok))
        if kind == "oq":
            return self.template(tok, "cq")
        if kind == "oh" or kind == "ohf":
            return self.template(tok, "ch")
        if kind == "(":
            return self.parens(tok)
        if kind == "[":
            return self.tuple_expr(tok)
        if kind == "{":
            return self.object_expr(tok)
        self.i -= 1
        raise self.fail(f"expected an expression, found {describe(tok)}", tok,
                        "a value is a string, number, bool, null, reference, function call, "
                        "[list] or {object}")

    def number(self, tok: Token) -> int | float:
        value = number(tok[1])
        if value is None:
            raise SourceError(f"the number {_shortened(tok[1])} is too large", self.path, tok[2],
                              "govern reads integers of up to 4,300 digits and numbers up "
                              "to about 1.8e308")
        return value

    def name(self, tok: Token) -> Expr:
        word = tok[1]
        nxt = self.peek()
        if nxt[0] == "(":
            return self.call(word, tok)
        if nxt[0] == "::":
            parts = [word]
            while self.peek()[0] == "::":
                self.i += 1
                parts.append(self.ident('a name after "::"'))
            if self.peek()[0] != "(":
                raise self.fail(f'expected "(" after function name "{"::".join(parts)}"',
                                self.peek(), 'a namespaced name like "provider::aws::f" '
                                'must be a function call')
            return self.call("::".join(parts), tok)
        if word in _KEYWORDS:
            return Literal(tok[2], tok[2], _KEYWORDS[word])
        return Variable(tok[2], tok[2], word)

    def call(self, name: str, tok: Token) -> Expr:
        open_tok = self.peek()
        self.i += 1
        saved = self.skip_nl
        self.skip_nl = True
        self.opens.append(("(", open_tok[2]))
        args: list[Expr] = []
        expand = False
        while True:
            close = self.peek()
            if close[0] == ")":
                break
            if expand:
                raise self.fail(f'expected ")" after "..." in the call to {name}()', close,
                                '"..." expands the last argument only')
            args.append(self.expression())
            close = self.peek()
            if close[0] == "...":
                expand = True
                self.i += 1
                close = self.peek()
            if close[0] == ",":
                self.i += 1
            elif close[0] != ")":
                raise self.fail(f'expected "," or ")" in the call to {name}(), found '
                                f"{describe(close)}", close,
                                "separate function arguments with commas")
        self.i += 1
        self.opens.pop()
        self.skip_nl = saved
        return FunctionCall(tok[2], close[2], name, tuple(args), expand)

    def parens(self, open_tok: Token) -> Expr:
        saved = self.skip_nl
        self.skip_nl = True
        self.opens.append(("(", open_tok[2]))
        inner = self.expression()
        close = self.expect(")", 'a closing ")"',
                            f'the "(" opened at line {open_tok[2]} is not closed')
        self.opens.pop()
        self.skip_nl = saved
        return Parens(open_tok[2], close[2], inner)

    def tuple_expr(self, open_tok: Token) -> Expr:
        saved = self.skip_nl
        self.skip_nl = True
        self.opens.append(("[", open_tok[2]))
        tok = self.peek()
        if tok[0] == "id" and tok[1] == "for":
            result: Expr = self.for_expr(open_tok, "]")
        else:
            items: list[Expr] = []
            while True:
                tok = self.peek()
                if tok[0] == "]":
                    break
                items.append(self.expression())
                tok = self.peek()
                if tok[0] == ",":
                    self.i += 1
                elif tok[0] != "]":
                    raise self.fail(f'expected "," or "]" in a list, found {describe(tok)}',
                                    tok, "separate list items with commas")
            self.i += 1
            result = TupleExpr(open_tok[2], tok[2], tuple(items))
        self.opens.pop()
        self.skip_nl = saved
        return result

    def object_expr(self, open_tok: Token) -> Expr:
        saved = self.skip_nl
        self.opens.append(("{", open_tok[2]))
        self.skip_nl = True
        tok = self.peek()
        if tok[0] == "id" and tok[1] == "for":
            result: Expr = self.for_expr(open_tok, "}")
        else:
            self.skip_nl = False
            result = self.object_items(open_tok)
        self.opens.pop()
        self.skip_nl = saved
        return result

    def object_items(self, open_tok: Token) -> ObjectExpr:
        toks = self.toks
        items: list[ObjectItem] = []
        while True:
            tok = toks[self.i]
            if tok[0] == "nl":
                self.i += 1
                continue
            if tok[0] == "}":
                break
            key = self.expression()
            if isinstance(key, Variable):
                key = Literal(key.line, key.end_line, key.name)
            sep = self.peek()
            if sep[0] != "=" and sep[0] != ":":
                raise self.fail(f'expected "=" or ":" after an object key, found '
                                f"{describe(sep)}", sep, "object items are `key = value`")
            self.i += 1
            value = self.expression()
            items.append(ObjectItem(key.line, value.end_line, key, value))
            tok = self.peek()
            if tok[0] == "," or tok[0] == "nl":
                self.i += 1
            elif tok[0] != "}":
                raise self.fail(f'expected "," or a newline after an object item, found '
                                f"{describe(tok)}", tok,
                                "put each object item on its own line or separate them "
                                "with commas")
        self.i += 1
        return ObjectExpr(open_tok[2], tok[2], tuple(items))

    def for_expr(self, open_tok: Token, close: str) -> Expr:
        """`[for ...]` / `{for ...}`; called with newlines skipped, `for` next."""
        self.i += 1
        key_var, value_var = self.for_vars("a for expression is written "
                                           "`for v in collection : ...`")
        collection = self.expression()
        self.expect(":", '":" after the collection of a for expression',
                    "a for expression is written `for v in collection : result`")
        key_expr: Expr | None = None
        value_expr = self.expression()
        group = False
        if close == "}":
            key_expr = value_expr
            self.expect("=>", '"=>" in an object for expression',
                        "an object for expression is written `{for k, v in m : k => v}`")
            value_expr = self.expression()
            if self.peek()[0] == "...":
                group = True
                self.i += 1
        condition: Expr | None = None
        tok = self.peek()
        if tok[0] == "id" and tok[1] == "if":
            self.i += 1
            condition = self.expression()
        end = self.expect(close, f'"{close}" to end the for expression')
        return ForExpr(open_tok[2], end[2], key_var, value_var, collection, value_expr,
                       key_expr, condition, group)

    def for_vars(self, hint: str) -> tuple[str | None, str]:
        """`k, v in` or `v in` after `for`: (key variable or None, value variable)."""
        first = self.ident('a variable name after "for"')
        second: str | None = None
        if self.peek()[0] == ",":
            self.i += 1
            second = self.ident('a second variable name after ","')
        self.expect_keyword("in", hint)
        return (first, second) if second is not None else (None, first)

    # ----- traversals -----------------------------------------------------------------

    def traversals(self, expr: Expr, splat: bool) -> Expr:
        """Apply `.name`, `.0`, `[key]`, `[*]` and `.*` steps after an expression."""
        toks = self.toks
        while True:
            tok = toks[self.i]
            kind = tok[0]
            if kind == "nl" and self.skip_nl:
                tok = self.peek()
                kind = tok[0]
            if kind == ".":
                expr = self.dot_step(expr, splat)
            elif kind == "[" and splat:
                expr = self.index_step(expr)
            else:
                return expr

    def dot_step(self, expr: Expr, splat: bool) -> Expr:
        self.i += 1
        tok = self.peek()
        kind = tok[0]
        self.i += 1
        if kind == "id":
            return GetAttr(expr.line, tok[2], expr, tok[1])
        if kind == "num":
            return self.legacy_index(expr, tok)
        if kind == "*" and splat:
            item = SplatItem(tok[2], tok[2])
            each = self.traversals(item, splat=False)
            return Splat(expr.line, each.end_line, expr, each, full=False)
        self.i -= 1
        raise self.fail(f'expected an attribute name after ".", found {describe(tok)}', tok)

    def legacy_index(self, expr: Expr, tok: Token) -> Expr:
        text = tok[1]
        if not text.isdigit():
            first, _, second = text.partition(".")
            raise self.fail(f'invalid legacy index ".{text}"', tok,
                            f"chained legacy indexes are not allowed; write "
                            f"[{first}][{second}] instead")
        return Index(expr.line, tok[2], expr, Literal(tok[2], tok[2], self.number(tok)))

    def index_step(self, expr: Expr) -> Expr:
        open_tok = self.toks[self.i]
        self.i += 1
        saved = self.skip_nl
        self.skip_nl = True
        self.opens.append(("[", open_tok[2]))
        tok = self.peek()
        if tok[0] == "*" and self.toks[self.i + 1][0] == "]":
            self.i += 2
            self.opens.pop()
            self.skip_nl = saved
            item = SplatItem(open_tok[2], self.toks[self.i - 1][2])
            each = self.traversals(item, splat=True)
            return Splat(expr.line, each.end_line, expr, each, full=True)
        key = self.expression()
        close = self.expect("]", 'a closing "]" after the index',
                            f'the "[" opened at line {open_tok[2]} is not closed')
        self.opens.pop()
        self.skip_nl = saved
        return Index(expr.line, close[2], expr, key)

    # ----- templates ------------------------------------------------------------------

    def template(self, open_tok: Token, close: str) -> Expr:
        """A quoted string or heredoc; the open token is already consumed."""
        self.opens.append(("oq" if close == "cq" else "<<", open_tok[2]))
        raw = self.template_parts(close)
        end = self.toks[self.i - 1][2]
        self.opens.pop()
        if open_tok[0] == "ohf":
            flush_heredoc(raw)
        parts = build_template(meld(raw), self.path, open_tok[2])
        if all(isinstance(part, str) for part in parts):
            return Literal(open_tok[2], end, "".join(part for part in parts
                                                     if isinstance(part, str)))
        return Template(open_tok[2], end, parts)

    def template_parts(self, close: str) -> list[_RawPart]:
        """Literal tokens, `${...}` expressions and directives, with `~` applied."""
        toks = self.toks
        parts: list[_RawPart] = []
        ltrim = False
        while True:
            tok = toks[self.i]
            self.i += 1
            kind = tok[0]
            if kind == "lit":
                parts.append(tok[1].lstrip() if ltrim else tok[1])
                ltrim = False
                continue
            if kind == close:
                return parts
            if kind != "ti" and kind != "tc":
                raise self.fail(f"unexpected {describe(tok)} in a template", tok)
            if tok[1] and parts and isinstance(parts[-1], str):
                parts[-1] = parts[-1].rstrip()
            parts.append(self.sequence(tok))
            ltrim = toks[self.i - 1][1] == "~"

    def sequence(self, tok: Token) -> Expr | _Directive:
        saved = self.skip_nl
        self.skip_nl = True
        self.opens.append((tok[0], tok[2]))
        if tok[0] == "ti":
            item: Expr | _Directive = self.expression()
            hint = 'an interpolation is written "${ expression }"'
        else:
            item = self.directive(tok)
            hint = 'a directive is written "%{ if condition }" or "%{ for v in list }"'
        self.expect("te", 'a closing "}"', hint)
        self.opens.pop()
        self.skip_nl = saved
        return item

    def directive(self, tok: Token) -> _Directive:
        word = self.peek()
        if word[0] != "id" or word[1] not in ("if", "else", "endif", "for", "endfor"):
            raise self.fail(f'expected if, else, endif, for or endfor after "%{{", found '
                            f"{describe(word)}", word, 'write "$${" or "%%{" for a literal')
        self.i += 1
        kind = word[1]
        if kind == "if":
            return _Directive("if", tok[2], self.expression())
        if kind == "for":
            key_var, value_var = self.for_vars('a template for is written "%{ for v in list }"')
            return _Directive("for", tok[2], self.expression(), key_var, value_var)
        return _Directive(kind, tok[2])


# ----- template assembly ---------------------------------------------------------------


def flush_heredoc(parts: list[_RawPart]) -> None:
    """Remove the common leading whitespace of a `<<-` heredoc's lines (HCL's rule)."""
    min_spaces = _NO_LIMIT
    at_line_start = True
    adjust: list[int] = []
    for index, part in enumerate(parts):
        if at_line_start:
            at_line_start = False
            if isinstance(part, str):
                trimmed = part.lstrip()
                if not trimmed and part.endswith("\n"):
                    spaces = _NO_LIMIT
                else:
                    spaces = len(part) - len(trimmed)
                    adjust.append(index)
            else:
                spaces = 0
            min_spaces = min(min_spaces, spaces)
        if isinstance(part, str) and part.endswith("\n"):
            at_line_start = True
    if min_spaces == _NO_LIMIT:
        return
    for index in adjust:
        text = parts[index]
        if isinstance(text, str):
            parts[index] = text[min_spaces:]


def meld(parts: list[_RawPart]) -> list[_RawPart]:
    """Join consecutive literal strings and drop empty ones."""
    out: list[_RawPart] = []
    run: list[str] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                run.append(part)
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(part)
    if run:
        out.append("".join(run))
    return out


def build_template(parts: list[_RawPart], path: str, line: int) -> tuple[TemplatePart, ...]:
    """Nest `%{if}`/`%{for}` directives into TemplateIf/TemplateFor parts."""
    _check_directive_depth(parts, path)
    built, _, stop = _build(parts, 0, path)
    if stop is not None:
        raise SourceError(f"unexpected %{{ {stop.kind} }}", path, stop.line,
                          _unexpected_directive_hint(stop.kind))
    return built


def _check_directive_depth(parts: list[_RawPart], path: str) -> None:
    limit = current().limits.nesting
    depth = 0
    for part in parts:
        if isinstance(part, _Directive):
            if part.kind in ("if", "for"):
                depth += 1
                if depth > limit:
                    raise SourceError(f"template directives nested more than {limit} levels "
                                      "deep", path, part.line, "govern stops here to stay "
                                      "bounded; flatten the template")
            elif part.kind in ("endif", "endfor"):
                depth -= 1


def _build(parts: list[_RawPart], index: int, path: str
           ) -> tuple[tuple[TemplatePart, ...], int, _Directive | None]:
    """Parts from `index` up to a closing directive (returned) or the end (None)."""
    out: list[TemplatePart] = []
    while index < len(parts):
        part = parts[index]
        index += 1
        if not isinstance(part, _Directive):
            out.append(part)
            continue
        if part.kind in ("else", "endif", "endfor"):
            return tuple(out), index, part
        if part.kind == "if":
            then_parts, index, stop = _build(parts, index, path)
            else_parts: tuple[TemplatePart, ...] = ()
            if stop is not None and stop.kind == "else":
                else_parts, index, stop = _build(parts, index, path)
            _expect_end(stop, "endif", part, path)
            assert part.expr is not None and stop is not None
            out.append(TemplateIf(part.line, stop.line, part.expr, then_parts, else_parts))
        else:
            body, index, stop = _build(parts, index, path)
            _expect_end(stop, "endfor", part, path)
            assert part.expr is not None and stop is not None
            out.append(TemplateFor(part.line, stop.line, part.key_var, part.value_var,
                                   part.expr, body))
    return tuple(out), index, None


def _expect_end(stop: _Directive | None, word: str, start: _Directive, path: str) -> None:
    if stop is None:
        raise SourceError(f"missing %{{ {word} }}", path, start.line,
                          f"the %{{ {start.kind} }} at line {start.line} is never closed")
    if stop.kind != word:
        raise SourceError(f"unexpected %{{ {stop.kind} }}", path, stop.line,
                          f"expected %{{ {word} }} to close the %{{ {start.kind} }} "
                          f"at line {start.line}")


def _unexpected_directive_hint(kind: str) -> str:
    opener = "for" if kind == "endfor" else "if"
    return f"there is no open %{{ {opener} }} for it"


def number(text: str) -> int | float | None:
    """The value of a number token; None when it is too large to hold (more digits than
    Python converts, or a float that would be infinite)."""
    try:
        if "." in text or "e" in text or "E" in text:
            value = float(text)
            return value if math.isfinite(value) else None
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return None


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text):,} characters)"


# ----- entry points --------------------------------------------------------------------


_FRAMES_PER_LEVEL = 16  # Python frames one nesting level may take (templates take most)


def _guarded(path: str, run: Callable[[], _T]) -> _T:
    """`run()` with room on the stack for the nesting the budget allows."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, current().limits.nesting * _FRAMES_PER_LEVEL + 1000))
    try:
        return run()
    except RecursionError:
        raise SourceError("expression nested too deeply", path, None,
                          "simplify the expression; nesting is limited to a few "
                          "hundred levels") from None
    finally:
        sys.setrecursionlimit(previous)


def parse_hcl(text: str, path: str) -> ConfigFile:
    """Parse HCL native syntax (`.tf`, `.tfvars`) into a ConfigFile."""
    if text.startswith("\ufeff"):
        text = text[1:]

    def run() -> Body:
        parser = Parser(Lexer(text, path).tokenize(), path)
        return parser.config_body()

    return ConfigFile(path, _guarded(path, run))


def parse_expression(text: str, path: str, line: int = 1) -> Expr:
    """Parse one expression (used by the JSON syntax for `type`, `depends_on`, ...).
    Every node gets `line`."""

    def run() -> Expr:
        toks = [(kind, value, line) for kind, value, _ in Lexer(text, path).tokenize()]
        parser = Parser(toks, path)
        parser.skip_nl = True
        expr = parser.expression()
        tok = parser.peek()
        if tok[0] != "eof":
            raise parser.fail(f"unexpected {describe(tok)} after the expression", tok)
        return expr

    return _guarded(path, run)


def parse_template(text: str, path: str, line: int = 1) -> Expr:
    """Parse the content of a JSON string as a template (`"${var.x}-a"`); a string
    without `${`/`%{` is a Literal. Every node gets `line`."""
    if "${" not in text and "%{" not in text:
        return Literal(line, line, text)

    def run() -> Expr:
        lexer = Lexer(text, path, line)
        toks = [(kind, value, line) for kind, value, _ in lexer.tokenize_template()]
        parser = Parser(toks, path)
        return parser.template(("oh", "", line), "ch")

    return _guarded(path, run)
