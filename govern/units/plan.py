"""Splitting a scan into units of work.

A unit parses, adapts and judges on its own: a Terraform root module with the local
modules it calls, or a few documents (CloudFormation and ARM templates, plans; each
classified by content in the unit). What the units share is the `ScanJob`: the rules and
every setting of the scan. Planning reads only what decides the split: the Terraform
module calls (which directories are roots) and the plans beside Terraform files (a root
with its plan is scanned through the plan).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from govern.discover import Discovery

if TYPE_CHECKING:  # the Terraform parser is imported only for a scan that meets Terraform
    from govern.parsers.terraform.module_loader import SharedModules

UnitKind = Literal["terraform", "documents"]
# documents are independent deployments: a few of them (in path order) make one unit, so
# that what a unit costs besides its documents is paid once for them
DOCUMENTS_PER_UNIT = 16


@dataclass(frozen=True)
class Unit:
    """`terraform`: `paths` are a root module's directory, then the scanned directories it
    calls (directly or not), and `documents` the documents in those directories (a plan
    there may be the root's own: then the root is scanned through it); `documents`:
    `paths` are files to classify and read."""

    kind: UnitKind
    paths: tuple[str, ...]
    cost: int = 0  # bytes of its files: the largest units start first
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    units: tuple[Unit, ...]
    explicit: frozenset[str] = frozenset()  # documents named on the command line
    # the Terraform modules read to plan: the units of this process take them instead of
    # reading them again (`ModuleLoader`'s `shared`), and keep for each other only the
    # modules of directories more than one unit reads
    modules: SharedModules | None = None


def plan_units(found: Discovery, max_file_size: int | None = None) -> Plan:
    """The units of what `found` holds, largest first (ties in path order).
    `max_file_size`: the scan's limit on the Terraform files read. Only the directories
    whose files hold the word `module` are parsed here (to find the roots)."""
    units: list[Unit] = []
    modules: SharedModules | None = None
    documents = list(found.documents)
    if found.terraform_dirs:
        from govern.parsers.terraform.module_loader import SharedModules

        reused: set[str] = set()
        modules = SharedModules()
        groups = _root_groups(found, max_file_size, modules)
        owner: dict[str, int] = {}
        for index, group in enumerate(groups):
            for directory in group:
                if owner.setdefault(os.path.normpath(directory), index) != index:
                    reused.add(os.path.abspath(directory))
        attached: dict[int, list[str]] = {}
        rest: list[str] = []
        for path in documents:
            index = owner.get(os.path.normpath(os.path.dirname(path) or "."), -1)
            if index < 0:
                rest.append(path)
            else:
                attached.setdefault(index, []).append(path)
        documents = rest
        for index, group in enumerate(groups):
            beside = tuple(attached.get(index, ()))
            cost = sum(_dir_size(d) for d in group) + sum(_size(p) for p in beside)
            units.append(Unit("terraform", group, cost, beside))
        modules = modules.for_units(reused)
    for start in range(0, len(documents), DOCUMENTS_PER_UNIT):
        paths = tuple(documents[start:start + DOCUMENTS_PER_UNIT])
        units.append(Unit("documents", paths, sum(_size(p) for p in paths)))
    units.sort(key=lambda u: (-u.cost, u.kind, u.paths))
    return Plan(tuple(units), frozenset(found.explicit), modules)


def _root_groups(found: Discovery, max_file_size: int | None,
                 modules: SharedModules) -> list[tuple[str, ...]]:
    """`project.root_groups` of the scanned Terraform directories."""
    from govern.parsers.terraform.files import SIDE_FILE_LIMIT
    from govern.parsers.terraform.module_loader import ModuleLoader, may_call_modules
    from govern.parsers.terraform.project import root_groups

    limit = SIDE_FILE_LIMIT if max_file_size is None else max_file_size
    loader = ModuleLoader(found.terraform_skip, limit, modules)
    skipped = frozenset(os.path.abspath(f) for f in found.terraform_skip)
    unique = list(dict.fromkeys(os.path.normpath(d) for d in found.terraform_dirs))
    return root_groups(unique, loader,
                       lambda directory: may_call_modules(directory, skipped))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _dir_size(directory: str) -> int:
    try:
        with os.scandir(directory) as entries:
            return sum(e.stat().st_size for e in entries
                       if e.name.endswith((".tf", ".tf.json")) and e.is_file())
    except OSError:
        return 0
