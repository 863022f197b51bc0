"""Tags asked for, for the tests that judge tagging: the built-in tagging rules run only
when the configuration lists the tags it requires (`tags.required.<provider>`), or enables
them by id or category (govern/config/apply.py, `tags_asked_for`)."""

from __future__ import annotations

from govern.config import Config
from tests.conftest import REPO

REQUIRED = ("owner", "cost-center")
TAGS_ASKED = Config(required_tags={"aws": REQUIRED, "azure": REQUIRED, "gcp": REQUIRED})
TAGS_CONFIG = REPO / "tests" / "data" / "tags-required.yaml"  # the same, as a file
