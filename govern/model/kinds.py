"""The canonical kinds: the vocabulary rules are written in, declared in `govern/kinds/`.

Each kind lists the formats that can produce it (for `rules list` and the parity tests),
whether it carries tags, and its attributes. Adapters must only emit kinds listed here.
"""

from __future__ import annotations

from govern.kinds import KINDS, boolean_paths
from govern.kinds.declare import Kind as KindInfo

__all__ = ["BOOLEAN_ATTRIBUTES", "KINDS", "KindInfo", "taggable_kinds"]


def taggable_kinds(provider: str | None = None) -> list[str]:
    return sorted(k for k, v in KINDS.items()
                  if v.taggable and (provider is None or k.startswith(provider + ".")))


# Canonical attributes declared boolean, for the kinds whose source formats may write a
# boolean as a string (ARM's `"true"`): adapters of such formats read a string boolean at
# these paths as the boolean it stands for.
BOOLEAN_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    name: paths for name, kind in KINDS.items()
    if "arm" in kind.formats and (paths := boolean_paths(kind))
}
