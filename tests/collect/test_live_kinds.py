"""Every kind that lists `aws-live` among its formats is read by a live reader and
documented in docs/live-aws.md, and nothing else claims the format."""

from __future__ import annotations

import re

from govern.model.kinds import KINDS
from tests.conftest import REPO

LIVE = sorted(name for name, info in KINDS.items() if "aws-live" in info.formats)
SOURCES = "\n".join(p.read_text() for p in sorted((REPO / "govern" / "collect" / "aws")
                                                   .glob("*.py")))
DOC = (REPO / "docs" / "live-aws.md").read_text()


def test_every_aws_kind_is_read_live() -> None:
    aws = sorted(name for name in KINDS if name.startswith("aws."))
    assert aws == LIVE


def test_every_live_kind_has_a_reader_and_a_row_in_the_docs() -> None:
    unread = [k for k in LIVE if f'"{k}"' not in SOURCES]
    undocumented = [k for k in LIVE if not re.search(rf"^\|[^\n]*`{re.escape(k)}`", DOC,
                                                     re.M)]
    assert unread == [] and undocumented == []
