"""The GCP kinds, one module per service."""

from __future__ import annotations

from govern.kinds.declare import Kind
from govern.kinds.gcp import (
    appengine,
    artifactregistry,
    bigquery,
    cloudfunctions,
    compute,
    container,
    dataproc,
    dns,
    iam,
    kms,
    loadbalancing,
    logging,
    network,
    pubsub,
    redis,
    resourcemanager,
    run,
    sql,
    storage,
)

KINDS: tuple[Kind, ...] = (
    *appengine.KINDS,
    *artifactregistry.KINDS,
    *bigquery.KINDS,
    *cloudfunctions.KINDS,
    *compute.KINDS,
    *container.KINDS,
    *dataproc.KINDS,
    *dns.KINDS,
    *iam.KINDS,
    *kms.KINDS,
    *loadbalancing.KINDS,
    *logging.KINDS,
    *network.KINDS,
    *pubsub.KINDS,
    *redis.KINDS,
    *resourcemanager.KINDS,
    *run.KINDS,
    *sql.KINDS,
    *storage.KINDS,
)
