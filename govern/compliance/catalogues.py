"""The framework catalogues in `frameworks/<key>.yaml`: name, version, url, controls.

Loaded lazily, one file at a time, and only when something needs it (validating a rule
that has compliance mappings, or `govern scan --compliance`). `FRAMEWORK_KEYS` and the
aliases are plain constants so that naming a framework needs no file access.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from govern.errors import UsageError

FRAMEWORK_KEYS: tuple[str, ...] = (
    "cis-aws-3.0", "cis-azure-2.1", "cis-gcp-2.0", "nist-800-53-r5", "pci-dss-4.0")
ALIASES: dict[str, str] = {
    "cis-aws": "cis-aws-3.0",
    "cis-azure": "cis-azure-2.1",
    "cis-gcp": "cis-gcp-2.0",
    "nist": "nist-800-53-r5",
    "nist-800-53": "nist-800-53-r5",
    "pci": "pci-dss-4.0",
    "pci-dss": "pci-dss-4.0",
}


@dataclass(frozen=True)
class Control:
    id: str
    title: str
    # why no template or configuration can show the control (it is about activity, people,
    # or what an account holds as a whole), for a control no rule can cover; "" otherwise
    beyond_code: str = ""


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    version: str
    url: str
    controls: tuple[Control, ...]

    @property
    def title(self) -> str:
        """`CIS Amazon Web Services Foundations Benchmark v3.0.0`."""
        version = self.version if self.version[:1].isalpha() else f"v{self.version}"
        return f"{self.name} {version}"

    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.controls)


class FrameworkError(Exception):
    """A framework file that is missing or malformed (a packaging bug)."""


def known_keys() -> str:
    """`cis-aws-3.0, cis-azure-2.1, ...` for error messages."""
    return ", ".join(FRAMEWORK_KEYS)


def resolve(name: str) -> str:
    """The framework key for `name` (a key or an alias, any case). Raises UsageError."""
    lowered = name.strip().lower()
    if lowered in FRAMEWORK_KEYS:
        return lowered
    if lowered in ALIASES:
        return ALIASES[lowered]
    aliases = ", ".join(sorted(ALIASES))
    raise UsageError(f"unknown compliance framework {name!r} (known: {known_keys()}; "
                     f"aliases: {aliases})")


@functools.cache
def load_framework(key: str) -> Framework:
    """The catalogue of framework `key` (one of `FRAMEWORK_KEYS`)."""
    import yaml

    if key not in FRAMEWORK_KEYS:
        raise FrameworkError(f"unknown compliance framework {key!r} (known: {known_keys()})")
    text = resources.files("govern.compliance").joinpath("frameworks", f"{key}.yaml"
                                                           ).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)
    try:
        controls = tuple(Control(id=str(c["id"]), title=str(c["title"]),
                                 beyond_code=str(c.get("beyond_code", "")))
                         for c in data["controls"])
        return Framework(key=key, name=str(data["name"]), version=str(data["version"]),
                         url=str(data["url"]), controls=controls)
    except (KeyError, TypeError) as exc:
        raise FrameworkError(f"framework file {key}.yaml is malformed: {exc}") from None


@functools.cache
def control_ids(key: str) -> frozenset[str]:
    return frozenset(load_framework(key).ids())
