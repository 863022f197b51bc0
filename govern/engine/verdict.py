"""The outcome of one check on one resource: pass, fail or unknown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from govern.model.resource import Path

VerdictStatus = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True)
class Verdict:
    """`path` is the canonical path of the value that decided the outcome (absolute in
    condition results, relative to the tested value in predicate results); `detail` is a
    short text for the finding's message, e.g. `tcp 22 from 0.0.0.0/0`."""

    status: VerdictStatus
    path: Path = ()
    detail: str | None = None

    def under(self, prefix: Path) -> Verdict:
        """The same verdict with `prefix` put in front of its path."""
        if not prefix:
            return self
        return Verdict(self.status, prefix + self.path, self.detail)


def passed(path: Path = (), detail: str | None = None) -> Verdict:
    return Verdict("pass", path, detail)


def failed(path: Path = (), detail: str | None = None) -> Verdict:
    return Verdict("fail", path, detail)


def unknown(path: Path = (), detail: str | None = None) -> Verdict:
    return Verdict("unknown", path, detail)


def dotted(path: Path) -> str:
    """`("ingress", 2, "cidr_blocks")` -> `ingress.2.cidr_blocks`."""
    return ".".join(str(part) for part in path)
