"""Smoke test on the real templates in ../shared/corpus/azure-docs-json-samples and
../shared/corpus/azurestack-quickstart-templates: no exception, and errors only for the
files Azure would reject too:

- `azure-resource-manager/scope/*` (18 files): documentation snippets with placeholders in
  place of JSON values (`resource-group-resources`, `subscription-resources`);
- `functions/date/datetimeadd-automation.json`: a snippet with `...` in a resource list;
- `application-insights/ServiceFabricCluster.json`: `"[Application_Insights_Key]"` is a
  placeholder, not a valid template expression;
- `101-vm-linux-create-passwordfromkv/azuredeploy.json`: JsonLogic (`"if": [...]` with
  `"==": ...` members inside an array) pasted into `osProfile`: not JSON.

Comments, trailing commas, multi-line strings (deployment scripts) and byte order marks,
which Azure accepts, are no errors.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from govern.adapters.arm import adapt_arm
from govern.parsers.arm import parse_arm
from govern.parsers.classify import classify_file
from tests.conftest import SHARED

DOCS = SHARED / "corpus" / "azure-docs-json-samples"
STACK = SHARED / "corpus" / "azurestack-quickstart-templates"

SCOPE_SNIPPETS = {
    f"azure-resource-manager/scope/{name}.json" for name in (
        "default-mg", "default-rg", "default-sub", "default-tenant",
        "different-sub-to-resource-group", "management-group-to-tenant",
        "mg-to-resource-group", "mg-to-subscription", "resource-group-to-subscription",
        "resource-group-to-tenant", "same-sub-to-resource-group", "scope-mg",
        "sub-to-resource-group", "sub-to-sub", "subscription-to-tenant", "tenant-to-mg",
        "tenant-to-rg", "tenant-to-subscription")}
INVALID = {
    DOCS: {("parse-error", f) for f in SCOPE_SNIPPETS} | {
        ("parse-error", "azure-resource-manager/functions/date/datetimeadd-automation.json"),
        ("expression-error", "application-insights/ServiceFabricCluster.json")},
    STACK: {("parse-error", "101-vm-linux-create-passwordfromkv/azuredeploy.json")},
}


def templates(corpus: Path) -> list[str]:
    return sorted(os.path.join(root, name) for root, _, names in os.walk(corpus)
                  for name in names if name.endswith(".json")
                  and classify_file(os.path.join(root, name)) == "arm")


@pytest.mark.parametrize("corpus", [DOCS, STACK], ids=[DOCS.name, STACK.name])
def test_corpus_parses_and_adapts(corpus: Path) -> None:
    if not corpus.is_dir():
        pytest.skip("the shared corpus is not here")
    files = templates(corpus)
    assert len(files) > 150
    started = time.perf_counter()
    parsed = parse_arm(files)
    adapted = adapt_arm(parsed.resources)
    elapsed = time.perf_counter() - started
    errors = {(n.code, os.path.relpath(n.file or "", corpus))
              for n in parsed.notices + adapted.notices if n.level == "error"}
    assert errors == INVALID[corpus]
    kinds = Counter(r.kind for r in adapted.resources)
    assert kinds["azure.storage.account"] > 40
    assert elapsed < 3  # about 0.1 s and 0.6 s on the development machine
