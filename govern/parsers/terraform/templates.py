"""Parse a standalone template (`templatefile()`) or expression (`--var` values) with the
HCL parser, and render templates."""

from __future__ import annotations

from typing import Any

from govern.errors import SourceError
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform import hcl_parser
from govern.parsers.terraform.evaluator import Evaluator, MappingScope, NoticeSink, RefRecorder
from govern.parsers.terraform.fn_base import FunctionContext, TemplateRenderer
from govern.parsers.terraform.values import EvalError


def parse_template(text: str, path: str) -> ast.Template:
    """A template file's text (`templatefile()`) as a Template.

    Raises EvalError when the text is not a valid template.
    """
    try:
        expr = hcl_parser.parse_template(text, path)
    except SourceError as exc:
        raise EvalError(f"templatefile: {exc.render()}") from None
    if isinstance(expr, ast.Template):
        return expr
    return ast.Template(expr.line, expr.end_line, (expr,))


def parse_expression(text: str) -> ast.Expr | None:
    """`text` as one HCL expression (a `--var` value), or None when it is not one."""
    try:
        return hcl_parser.parse_expression(text, "<command line>")
    except SourceError:
        return None


def template_renderer(ctx: FunctionContext, recorder: RefRecorder,
                      sink: NoticeSink) -> TemplateRenderer:
    """The `render_template` callback for `templatefile()` (parses each file once)."""
    cache: dict[str, ast.Template] = {}

    def render(text: str, path: str, variables: dict[str, Any]) -> Any:
        template = cache.get(path)
        if template is None:
            template = parse_template(text, path)
            cache[path] = template
        evaluator = Evaluator(MappingScope(variables), ctx, recorder, sink)
        return evaluator.render_template(template, variables)

    return render
