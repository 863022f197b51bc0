"""The module directories a Terraform resource address goes through, for suppressions
written in a `module` block of any module (root or child).

`module.a["x"].module.logs.aws_s3_bucket.b` in the deployment (root module) `ROOT` is the
resource `aws_s3_bucket.b` of the call `logs` made in the directory that the call `a` of
`ROOT` reads. The directories are resolved as the Terraform evaluator resolves them
(`govern/parsers/terraform/instance.py`): a local `source` relative to the calling
module's directory, any other source through the root module's
`.terraform/modules/modules.json` (keyed by the call names joined with dots). A call that
cannot be resolved (no such call, a source that is not a literal string, a module not
downloaded) ends the walk: nothing below it is matched (fail closed).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govern.parsers.terraform.module_loader import ModuleLoader

# one `module.NAME` step of an address, with its instance key (`[0]`, `["key"]`) if any
_STEP = re.compile(r'module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.')


def call_steps(address: str) -> list[tuple[str, str]]:
    """The module calls at the start of a resource address, outermost first: (name,
    instance key as written or ""): `module.a[0].module.b.aws_x.y` -> [("a", "[0]"),
    ("b", "")]."""
    steps: list[tuple[str, str]] = []
    position = 0
    while (match := _STEP.match(address, position)) is not None:
        steps.append((match.group(1), match.group(2) or ""))
        position = match.end()
    return steps


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


class CallDirs:
    """Resolves module calls to directories, reading each module directory (and each root
    module's manifest) at most once."""

    def __init__(self) -> None:
        self._loader: ModuleLoader | None = None
        self._manifests: dict[str, dict[str, str]] = {}
        self._resolved: dict[tuple[str, str, str, str], str | None] = {}

    def find(self, deployment: str, steps: Sequence[tuple[str, str]], directory: str,
             name: str) -> int | None:
        """The index in `steps` (`call_steps` of a resource address of the root module
        `deployment`) of the call `name` made in the module `directory`: the resource is
        in that call (or in a call nested below it). None when it is not. Paths are
        compared normalised and absolute."""
        if all(step != name for step, _ in steps):
            return None
        current, target, key = _norm(deployment), _norm(directory), ""
        for index, (step, _) in enumerate(steps):
            if step == name and current == target:
                return index
            key = f"{key}.{step}" if key else step
            resolved = self._call_dir(current, step, _norm(deployment), key)
            if resolved is None:
                return None
            current = resolved
        return None

    def _call_dir(self, directory: str, name: str, deployment: str, key: str) -> str | None:
        """The directory the call `name` made in `directory` reads (None: unknown)."""
        cache_key = (directory, name, deployment, key)
        if cache_key in self._resolved:
            return self._resolved[cache_key]
        from govern.parsers.terraform.module_loader import (
            ModuleLoader,
            is_local_source,
            read_manifest,
            static_string,
        )

        if self._loader is None:
            self._loader = ModuleLoader()
        found: str | None = None
        decl = self._loader.load(directory).calls.get(name)
        attr = decl.block.body.attributes.get("source") if decl is not None else None
        source = static_string(attr.expr) if attr is not None else None
        if source is not None and is_local_source(source):
            found = _norm(os.path.join(directory, source))
        elif source is not None:
            if deployment not in self._manifests:
                self._manifests[deployment] = read_manifest(deployment)
            relative = self._manifests[deployment].get(key)
            if relative is not None:
                found = _norm(os.path.join(deployment, relative))
        self._resolved[cache_key] = found
        return found
