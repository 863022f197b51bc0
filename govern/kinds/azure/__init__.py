"""The AZURE kinds, one module per service."""

from __future__ import annotations

from govern.kinds.azure import (
    authorization,
    cognitive,
    compute,
    containerregistry,
    containerservice,
    cosmosdb,
    datafactory,
    eventhub,
    keyvault,
    mariadb,
    mysql,
    network,
    postgresql,
    redis,
    search,
    servicebus,
    sql,
    storage,
    synapse,
    web,
)
from govern.kinds.declare import Kind

KINDS: tuple[Kind, ...] = (
    *authorization.KINDS,
    *cognitive.KINDS,
    *compute.KINDS,
    *containerregistry.KINDS,
    *containerservice.KINDS,
    *cosmosdb.KINDS,
    *datafactory.KINDS,
    *eventhub.KINDS,
    *keyvault.KINDS,
    *mariadb.KINDS,
    *mysql.KINDS,
    *network.KINDS,
    *postgresql.KINDS,
    *redis.KINDS,
    *search.KINDS,
    *servicebus.KINDS,
    *sql.KINDS,
    *storage.KINDS,
    *synapse.KINDS,
    *web.KINDS,
)
