"""docs/compliance.md's table of frameworks says how many controls each catalogue lists."""

from __future__ import annotations

import re

from govern.compliance.catalogues import FRAMEWORK_KEYS, load_framework
from tests.conftest import REPO

ROW = re.compile(r"^\| `(?P<key>[a-z0-9.-]+)` \| [^|]* \| [^|]* \| (?P<count>\d+) \|$", re.M)


def test_the_frameworks_table_counts_each_catalogues_controls() -> None:
    text = (REPO / "docs" / "compliance.md").read_text()
    listed = {m["key"]: int(m["count"]) for m in ROW.finditer(text)}
    assert listed == {key: len(load_framework(key).controls) for key in FRAMEWORK_KEYS}
