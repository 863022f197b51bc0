"""`parse_tfplan`: Terraform plan JSON (`terraform show -json PLANFILE`) -> native resources.

One native per `resource_changes` entry that leaves an object behind (created, updated,
replaced, read, or unchanged), shaped as the configuration scan's: format `tfplan`, the
full address (module path and instance key), `root` = the plan file, the planned
attributes (`values.py`), the planned `actions`, the provider configuration and the
resources its configuration refers to. Objects planned only to be destroyed (or only to
be forgotten) are not checked: a `note` names each one (`skipped-delete`,
`skipped-forget`).

Locations: when the Terraform source is next to the plan (and, for child modules, in the
local module directories the plan names), the resource block and the attributes written in
it; otherwise the `resource_changes` entry and the `after` values in the plan file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.model.source import SourceRange
from govern.parsers.json_positions import JNode
from govern.parsers.native import NativeResource, ParseResult
from govern.parsers.tfplan.addresses import without_key
from govern.parsers.tfplan.configuration import Configuration, references_in
from govern.parsers.tfplan.provider import provider_entry
from govern.parsers.tfplan.reader import PlanError, read_plan
from govern.parsers.tfplan.source import Sources, load_sources
from govern.parsers.tfplan.source_locations import dynamic_names, source_locations
from govern.parsers.tfplan.values import plan_values

FORMAT = "tfplan"
_KEEPING = frozenset({"create", "update", "no-op", "read"})
_SKIPPED = {"delete": ("skipped-delete", "planned to be destroyed"),
            "forget": ("skipped-forget", "planned to be removed from the state (forgotten)")}


def parse_tfplan(files: Sequence[str]) -> ParseResult:
    """Parse plan JSON files. A file that cannot be read, is not JSON, or has a
    `format_version` other than 1.x gives an error notice and is skipped."""
    result = ParseResult()
    for path in files:
        result.files.append(path)
        try:
            document = read_plan(path, result.notices)
        except SourceError as exc:
            code = exc.code if isinstance(exc, PlanError) else "parse-error"
            result.notices.append(Notice("error", exc.message, exc.file, exc.line, exc.hint,
                                         code=code))
            continue
        plan = _PlanReader(path, document)
        result.resources.extend(plan.natives())
        result.notices.extend(plan.notices)
        result.files.extend(plan.sources.files)
    return result


class _PlanReader:
    def __init__(self, path: str, document: JNode) -> None:
        self.path = path
        self.notices: list[Notice] = []
        changes = document.get("resource_changes")
        self.entries: tuple[JNode, ...] = ()
        if changes is not None and changes.kind == "array":
            self.entries = changes.elements
        elif changes is not None:
            self.notices.append(Notice("error", "resource_changes is not a list", path,
                                       changes.line, "create the file with `terraform show "
                                       "-json PLANFILE`", code="parse-error"))
        configuration = document.get("configuration")
        self.providers = configuration.get("provider_config") if (
            configuration is not None and configuration.kind == "object") else None
        addresses = [a for e in self.entries
                     if isinstance(a := _field(e, "address"), str)]
        self.config = Configuration(configuration.value if configuration else None, addresses)
        self.sources: Sources = load_sources(path, self.config.root)
        self.notices.extend(self.sources.notices)

    def natives(self) -> list[NativeResource]:
        found: list[NativeResource] = []
        first: dict[str, int] = {}  # address -> line of the entry read for it
        for entry in self.entries:
            native = self._native(entry)
            if native is None:
                continue
            if native.address in first:  # never written by Terraform: the file was edited
                self.notices.append(Notice(
                    "error", f"duplicate resource change {native.address} (first on line "
                    f"{first[native.address]}); the first one is used", self.path,
                    entry.line, "`terraform show -json` lists each resource instance once",
                    code="invalid-plan-entry"))
                continue
            first[native.address] = entry.line
            found.append(native)
        return found

    def _native(self, entry: JNode) -> NativeResource | None:
        body = entry.value if entry.kind == "object" else {}
        address, mode, kind, name = (body.get(k) for k in ("address", "mode", "type", "name"))
        change = entry.get("change")
        actions = change.value.get("actions") if change and change.kind == "object" else None
        if not (isinstance(address, str) and isinstance(kind, str) and isinstance(name, str)
                and mode in ("managed", "data") and isinstance(actions, list)
                and all(isinstance(a, str) for a in actions) and change is not None):
            self.notices.append(Notice(
                "warning", "resource change without address, mode, type, name or actions: "
                "skipped", self.path, entry.line, code="invalid-plan-entry"))
            return None
        if not _KEEPING.intersection(actions):
            self._skipped(address, actions, entry)
            return None
        module_address, index = body.get("module_address"), body.get("index")
        module = module_address if isinstance(module_address, str) else ""
        index = index if isinstance(index, (int, str)) and not isinstance(index, bool) else None
        relative = f"data.{kind}.{name}" if mode == "data" else f"{kind}.{name}"
        config = self.config.resource(module, relative)
        expressions = _expressions(config)
        source_module = self.sources.module(module)
        located = source_module.resources.get((mode, kind, name)) if source_module else None
        values = plan_values(
            change.get("after"), change.get("after_unknown"), expressions, self.path,
            lambda expression: self.config.reference(expression, module, index),
            dynamic_names(located[1]) if located else frozenset(), "create" in actions,
            locate=located is None)
        if located is not None:
            file, block = located
            where = SourceRange(file, block.line, block.end_line)
            locations = source_locations(file, block, values.attributes)
        else:
            where = SourceRange(self.path, entry.line, entry.end_line)
            locations = values.locations
        provider, provider_range = self._provider(config)
        return NativeResource(
            format=FORMAT, native_type=kind, address=address, range=where,
            attributes=values.attributes, locations=locations,
            references=self._references(config, address, module), mode=mode,
            provider=provider, provider_range=provider_range, module=module, root=self.path,
            actions=tuple(actions))

    def _skipped(self, address: str, actions: list[str], entry: JNode) -> None:
        code, what = _SKIPPED.get(actions[0] if actions else "", ("skipped-no-action",
                                                                  "planned with no action"))
        self.notices.append(Notice("note", f"{address}: {what}: not checked", self.path,
                                   entry.line, code=code))

    def _references(self, config: dict[str, Any] | None, address: str,
                    module: str) -> list[str]:
        if config is None:
            return []
        refs = list(references_in([config.get("expressions"), config.get("count_expression"),
                                   config.get("for_each_expression")]))
        own = {address, without_key(address)}
        return sorted(a for a in self.config.resolve(refs, module) if a not in own)

    def _provider(self, config: dict[str, Any] | None
                  ) -> tuple[dict[str, Any] | None, SourceRange | None]:
        key = config.get("provider_config_key") if config else None
        entry = provider_entry(self.providers, key) if isinstance(key, str) else None
        if entry is None:
            return None, None
        module = self.sources.module(entry.module_address)
        located = module.providers.get((entry.name, entry.alias)) if module else None
        if located is not None:
            file, block = located
            return entry.values, SourceRange(file, block.line, block.end_line)
        return entry.values, SourceRange(self.path, entry.node.line, entry.node.end_line)


def _field(entry: JNode, key: str) -> Any:
    return entry.value.get(key) if entry.kind == "object" else None


def _expressions(config: dict[str, Any] | None) -> dict[str, Any] | None:
    if config is None:
        return None
    expressions = config.get("expressions")
    return expressions if isinstance(expressions, dict) else {}
