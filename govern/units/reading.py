"""Reading one unit of work into resources: parse, then adapt, format by format."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from govern.adapters.result import AdaptResult
from govern.model.finding import Notice
from govern.model.graph import ResourceGraph
from govern.parsers.native import NativeResource, ParseResult
from govern.units.plan import Unit

if TYPE_CHECKING:
    from govern.parsers.terraform.module_loader import SharedModules

Adapter = Callable[[Sequence[NativeResource]], AdaptResult]
NativeHook = Callable[[list[NativeResource]], list[NativeResource]]


@dataclass(frozen=True)
class Reading:
    """How the scan reads its inputs: what every unit needs besides its own paths."""

    var_files: tuple[str, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    cfn_parameter_files: tuple[str, ...] = ()
    arm_parameter_files: tuple[str, ...] = ()
    scan_paths: tuple[str, ...] = (".",)
    max_file_size: int | None = None
    terraform_skip: frozenset[str] = frozenset()
    explicit: frozenset[str] = frozenset()  # documents named on the command line


@dataclass
class UnitGraph:
    graph: ResourceGraph
    notices: list[Notice]
    files: set[str]


def read_unit(unit: Unit, reading: Reading, prepare: NativeHook | None = None,
              modules: SharedModules | None = None) -> UnitGraph:
    """The resources of `unit`, with the parsers' and adapters' notices and the files
    read. `prepare`, when given, sees each format's native resources before they are
    adapted and returns the list to adapt. `modules`: the Terraform modules this scan
    has read in this process (taken, and added to)."""
    notices: list[Notice] = []
    files: set[str] = set()
    graph = ResourceGraph()
    for parsed, adapt in _parsed(unit, reading, modules):
        notices.extend(parsed.notices)
        files.update(parsed.files)
        natives = parsed.resources if prepare is None else prepare(list(parsed.resources))
        if natives:
            adapted = adapt(natives)
            notices.extend(adapted.notices)
            graph.merge(ResourceGraph(adapted.resources, adapted.edges))
    return UnitGraph(graph, notices, files)


def _parsed(unit: Unit, reading: Reading, modules: SharedModules | None
            ) -> Iterator[tuple[ParseResult, Adapter]]:
    """Each format's parse result with the adapter for it. A parser is imported only when
    there are files for it (start-up time)."""
    from govern.parsers.classify import classify_file

    documents = unit.documents if unit.kind == "terraform" else unit.paths
    kinds = {path: classify_file(path) for path in documents}
    planned: dict[str, str] = {}
    plans = [p for p in documents if kinds[p] == "tfplan"]
    if plans:
        from govern.adapters.terraform import adapt_terraform
        from govern.parsers.tfplan import parse_tfplan

        parsed = parse_tfplan(plans)
        if unit.kind == "terraform":  # a plan beside a root may be the root's own
            from govern.parsers.tfplan.pairing import pair_plans

            rejected = {n.file for n in parsed.notices if n.level == "error"}
            planned, unpaired = pair_plans([p for p in plans if p not in rejected],
                                           unit.paths, reading.terraform_skip)
            parsed.notices.extend(unpaired)
        yield parsed, adapt_terraform
    yield from _templates([p for p in documents if kinds[p] != "tfplan"], kinds, reading)
    if unit.kind == "terraform":
        from govern.adapters.terraform import adapt_terraform
        from govern.parsers.terraform.project import scan_terraform

        yield (scan_terraform(unit.paths, reading.var_files, reading.variables,
                              skip_files=reading.terraform_skip, planned_roots=planned,
                              scan_paths=reading.scan_paths,
                              max_file_size=reading.max_file_size, roots=unit.paths[:1],
                              modules=modules),
               adapt_terraform)


def _templates(paths: Sequence[str], kinds: Mapping[str, str | None], reading: Reading
               ) -> Iterator[tuple[ParseResult, Adapter]]:
    """The CloudFormation and ARM templates among `paths` (by their `kinds`), and what to
    say about the documents no parser takes."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    unrecognised: list[Notice] = []
    for path in paths:
        kind = kinds[path]
        if kind is not None:
            by_kind[kind].append(path)
            continue
        notice = _unrecognised(path, path in reading.explicit)
        if notice is not None:
            unrecognised.append(notice)
    if unrecognised:
        yield ParseResult(notices=unrecognised), _adapt_nothing
    if by_kind["cloudformation"]:
        from govern.adapters.cloudformation import adapt_cloudformation
        from govern.parsers.cloudformation import parse_cloudformation

        yield (parse_cloudformation(by_kind["cloudformation"], reading.cfn_parameter_files),
               adapt_cloudformation)
    if by_kind["arm"]:
        from govern.adapters.arm import adapt_arm
        from govern.parsers.arm import parse_arm

        yield parse_arm(by_kind["arm"], reading.arm_parameter_files), adapt_arm


def _unrecognised(path: str, explicit: bool) -> Notice | None:
    """What to say about a document no parser takes (fail closed): an error when its bytes
    name a template's or a plan's kind outright (it is one, damaged or behind something
    govern does not read), a note when it was named on the command line, else nothing.
    Resource type strings alone (`Type: AWS::...`, `Microsoft.*` types) say nothing: Azure
    Policy files, Serverless Framework files and CloudFormation macro payloads hold them
    too, and a warning on each of them would drown the report."""
    from govern.parsers.classify import template_marker

    try:
        with open(path, "rb") as fh:
            strong = template_marker(fh.read()) == "strong"
    except OSError as exc:
        return Notice("error", f"cannot read: {exc.strerror or exc}", path, None,
                      "check its permissions", code="unreadable")
    if strong:
        return Notice(
            "error", "holds a CloudFormation or ARM template's or a Terraform plan's "
            "markers but is none govern can read (text before the document, a damaged key "
            "or encoding); not scanned", path, None,
            "fix the file so that it is one, or exclude it (exclude: in .govern.yaml)",
            code="unrecognised-template")
    if explicit:
        return Notice(
            "note", "not a CloudFormation or ARM template nor a Terraform plan; skipped",
            path, None, "govern reads .tf files per directory and classifies other files "
            "by content", code="skipped-unsupported")
    return None


def _adapt_nothing(natives: Sequence[NativeResource]) -> AdaptResult:
    return AdaptResult()
