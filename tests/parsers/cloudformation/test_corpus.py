"""Smoke test on the real templates in ../shared/corpus/aws-cloudformation-templates: no
exception, and errors only for the files that are not valid templates (each checked with
cfn-lint: E1028 Fn::If given an inline condition and a `Fn::GetAtt:` key). Macro event
payloads that hold a template fragment are not classified as templates at all."""

from __future__ import annotations

import os
from collections import Counter

import pytest

from govern.adapters.cloudformation import adapt_cloudformation
from govern.parsers.classify import classify_file
from govern.parsers.cloudformation import parse_cloudformation
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "aws-cloudformation-templates"
INVALID = {"community/codestar/python-webservice-lambda/template.yml"}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_corpus_parses_and_adapts() -> None:
    files = sorted(
        os.path.join(root, name) for root, _, names in os.walk(CORPUS) for name in names
        if name.endswith((".json", ".yaml", ".yml", ".template"))
        and classify_file(os.path.join(root, name)) == "cloudformation")
    assert len(files) > 150
    parsed = parse_cloudformation(files)
    adapted = adapt_cloudformation(parsed.resources)
    errors = {os.path.relpath(n.file or "", CORPUS) for n in parsed.notices + adapted.notices
              if n.level == "error"}
    assert errors == INVALID
    assert len(parsed.resources) > 1000
    kinds = Counter(r.kind for r in adapted.resources)
    assert kinds["aws.s3.bucket"] > 30 and kinds["aws.iam.role"] > 50
