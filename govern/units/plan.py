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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from govern.discover import Discovery
from govern.model.finding import Notice

UnitKind = Literal["terraform", "documents"]
# documents are independent deployments: a few of them (in path order) make one unit, so
# that what a unit costs besides its documents is paid once for them
DOCUMENTS_PER_UNIT = 16


@dataclass(frozen=True)
class Unit:
    """`terraform`: `paths` are a root module's directory, then the scanned directories it
    calls (directly or not); `documents`: files to classify and read."""

    kind: UnitKind
    paths: tuple[str, ...]
    cost: int = 0  # bytes of its files: the largest units start first


@dataclass(frozen=True)
class Plan:
    units: tuple[Unit, ...]
    notices: tuple[Notice, ...] = ()  # about the split itself (plans not paired)
    planned: Mapping[str, str] = field(default_factory=dict)  # root -> its plan
    explicit: frozenset[str] = frozenset()  # documents named on the command line
    # the Terraform modules read to plan (directory -> ModuleDef): the units of this
    # process take them instead of reading them again (`ModuleLoader`'s `shared`)
    modules: dict[str, Any] = field(default_factory=dict)


def plan_units(found: Discovery, max_file_size: int | None = None) -> Plan:
    """The units of what `found` holds, largest first (ties in path order).
    `max_file_size`: the scan's limit on the Terraform files read."""
    from govern.parsers.classify import classify_file

    units: list[Unit] = []
    notices: list[Notice] = []
    planned: dict[str, str] = {}
    modules: dict[str, Any] = {}
    if found.terraform_dirs:
        tf_dirs = {os.path.normpath(d) for d in found.terraform_dirs}
        beside = [p for p in found.documents
                  if os.path.normpath(os.path.dirname(p) or ".") in tf_dirs
                  and classify_file(p) == "tfplan"]
        if beside:
            planned, unpaired = _pair(beside, found)
            notices.extend(unpaired)
        units.extend(_terraform_units(found, max_file_size, modules))
    for start in range(0, len(found.documents), DOCUMENTS_PER_UNIT):
        paths = tuple(found.documents[start:start + DOCUMENTS_PER_UNIT])
        units.append(Unit("documents", paths, sum(_size(p) for p in paths)))
    units.sort(key=lambda u: (-u.cost, u.kind, u.paths))
    return Plan(tuple(units), tuple(notices), planned, frozenset(found.explicit), modules)


def _pair(plans: Sequence[str], found: Discovery) -> tuple[dict[str, str], list[Notice]]:
    from govern.parsers.tfplan import parse_tfplan
    from govern.scan import pair_plans

    parsed = parse_tfplan(list(plans))
    rejected = {n.file for n in parsed.notices if n.level == "error"}
    return pair_plans([p for p in plans if p not in rejected], found)


def _terraform_units(found: Discovery, max_file_size: int | None,
                     modules: dict[str, Any]) -> list[Unit]:
    """One unit per root module (`project.find_roots`), with the directories it reaches."""
    from govern.parsers.terraform.files import SIDE_FILE_LIMIT
    from govern.parsers.terraform.module_loader import ModuleLoader
    from govern.parsers.terraform.project import root_groups

    limit = SIDE_FILE_LIMIT if max_file_size is None else max_file_size
    loader = ModuleLoader(found.terraform_skip, limit, modules)
    unique = list(dict.fromkeys(os.path.normpath(d) for d in found.terraform_dirs))
    return [Unit("terraform", group, sum(_dir_size(d) for d in group))
            for group in root_groups(unique, loader)]


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
