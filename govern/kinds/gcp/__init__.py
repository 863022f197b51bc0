"""The GCP kinds, one module per service."""

from __future__ import annotations

from govern.kinds.declare import Kind
from govern.kinds.gcp import (
    bigquery,
    compute,
    container,
    iam,
    kms,
    sql,
    storage,
)

KINDS: tuple[Kind, ...] = (
    *bigquery.KINDS,
    *compute.KINDS,
    *container.KINDS,
    *iam.KINDS,
    *kms.KINDS,
    *sql.KINDS,
    *storage.KINDS,
)
