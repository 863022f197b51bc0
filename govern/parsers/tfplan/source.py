"""The Terraform source next to a plan: the `.tf`/`.tf.json` files in the plan's directory
and, for child modules, in the local module directories the plan's `configuration` names
(`source = "./modules/net"`, relative to the calling module's directory). Only syntax is
read (resource and provider blocks with their lines); nothing is evaluated.

A file that cannot be parsed is left out with a note: findings then point at the plan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.files import parse_config_file
from govern.parsers.tfplan.addresses import module_steps
from govern.parsers.tfplan.configuration import ModuleConfig

_SUFFIXES = (".tf", ".tf.json")
_LOCAL_SOURCE = ("./", "../", ".\\", "..\\")

Located = tuple[str, ast.Block]  # (file, block)


@dataclass
class SourceModule:
    """One module directory: its resource blocks by `(mode, type, name)`, its provider
    blocks by `(name, alias)`, and the modules it calls that were found."""

    directory: str
    resources: dict[tuple[str, str, str], Located] = field(default_factory=dict)
    providers: dict[tuple[str, str | None], Located] = field(default_factory=dict)
    children: dict[str, SourceModule] = field(default_factory=dict)


@dataclass
class Sources:
    root: SourceModule | None = None
    files: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def module(self, module_address: str) -> SourceModule | None:
        found = self.root
        for name, _key in module_steps(module_address):
            found = found.children.get(name) if found is not None else None
        return found


def load_sources(plan_path: str, config: ModuleConfig) -> Sources:
    """The source of the configuration a plan was made from, when it is next to the plan."""
    sources = Sources()
    directory = os.path.dirname(plan_path)
    sources.root = _load(directory, config, sources, frozenset({os.path.abspath(directory)}))
    return sources


def _load(directory: str, config: ModuleConfig, sources: Sources,
          seen: frozenset[str]) -> SourceModule | None:
    try:
        names = sorted(os.listdir(directory or "."))
    except OSError:
        return None
    paths = [os.path.join(directory, n) for n in names if n.endswith(_SUFFIXES)]
    paths = [p for p in paths if os.path.isfile(p)]
    if not paths:
        return None
    module = SourceModule(directory)
    for path in paths:
        try:
            parsed = parse_config_file(path)
        except SourceError as exc:
            sources.notices.append(Notice(
                "note", f"the Terraform source next to the plan cannot be read: {exc.message}",
                exc.file, exc.line, "findings point at the plan instead",
                code="tfplan-source-skipped"))
            continue
        sources.files.append(path)
        _index(module, path, parsed.body)
    for name, call in config.calls.items():
        if not call.source.startswith(_LOCAL_SOURCE):
            continue
        child_dir = os.path.normpath(os.path.join(directory, call.source))
        absolute = os.path.abspath(child_dir)
        if absolute in seen:
            continue
        child = _load(child_dir, call, sources, seen | {absolute})
        if child is not None:
            module.children[name] = child
    return module


def _index(module: SourceModule, path: str, body: ast.Body) -> None:
    for block in body.blocks:
        if block.type in ("resource", "data") and len(block.labels) == 2:
            mode = "managed" if block.type == "resource" else "data"
            module.resources.setdefault((mode, *block.labels), (path, block))
        elif block.type == "provider" and len(block.labels) == 1:
            alias = block.body.attributes.get("alias")
            name = literal_string(alias.expr) if alias is not None else None
            module.providers.setdefault((block.labels[0], name), (path, block))


def literal_string(expr: ast.Expr) -> str | None:
    """The text of a string written without interpolation, else None."""
    if isinstance(expr, ast.Literal) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.Template) and all(isinstance(p, str) for p in expr.parts):
        return "".join(p for p in expr.parts if isinstance(p, str))
    return None
