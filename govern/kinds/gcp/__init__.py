"""The GCP kinds, one module per service."""

from __future__ import annotations

from govern.kinds.declare import Kind
from govern.kinds.gcp import (
    artifactregistry,
    bigquery,
    cloudfunctions,
    compute,
    container,
    dns,
    iam,
    kms,
    loadbalancing,
    network,
    pubsub,
    resourcemanager,
    run,
    sql,
    storage,
)

KINDS: tuple[Kind, ...] = (
    *artifactregistry.KINDS,
    *bigquery.KINDS,
    *cloudfunctions.KINDS,
    *compute.KINDS,
    *container.KINDS,
    *dns.KINDS,
    *iam.KINDS,
    *kms.KINDS,
    *loadbalancing.KINDS,
    *network.KINDS,
    *pubsub.KINDS,
    *resourcemanager.KINDS,
    *run.KINDS,
    *sql.KINDS,
    *storage.KINDS,
)
