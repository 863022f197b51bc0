"""docs/canonical-model.md's kinds section is generated from govern/kinds/: it must not
drift (regenerate with scripts/gen_canonical_model.py)."""

from __future__ import annotations

import importlib.util

from govern.kinds import CHANGE, KINDS
from tests.conftest import REPO


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_canonical_model", REPO / "scripts" / "gen_canonical_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_kinds_section_is_generated_and_current() -> None:
    generator = _generator()
    current = (REPO / "docs" / "canonical-model.md").read_text(encoding="utf-8")
    assert generator.rendered(current) == current, \
        "docs/canonical-model.md drifted: run python scripts/gen_canonical_model.py"


def test_every_kind_and_attribute_is_in_the_docs() -> None:
    text = (REPO / "docs" / "canonical-model.md").read_text(encoding="utf-8")
    for name, kind in KINDS.items():
        assert f"### `{name}`" in text
        for attribute in kind.attributes:
            if attribute is CHANGE:  # shared by every kind, described once
                continue
            assert f"| `{attribute.name}` |" in text
