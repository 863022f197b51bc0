"""`adapt_arm`: native ARM resources -> canonical resources, edges, notices.

The tables of ARM for the adapter pipeline (`govern/adapters/pipeline.py`), run per root
(one template file: one deployment, with its nested deployments). Native types are
matched case-insensitively (`builder_for`, `folder_for`):
1. build a canonical resource from every native resource of a mapped type (`BUILDERS`);
2. fold the separate child resources (`FOLDERS`: `securityRules` into their network
   security group, web and database server configurations, blob containers, database
   firewall rules, SQL auditing settings) in source order, then read
   string booleans (`"true"`) at the attributes declared boolean as booleans
   (`govern/adapters/arm/booleans.py`);
3. `references` edges from the natives' references (a reference to a folded native
   points at the resource it was folded into).

Resource ids are `arm:<template file>:<address>`.
"""

from __future__ import annotations

from collections.abc import Callable

from govern.adapters import pipeline
from govern.adapters.arm import (
    authorization,
    cognitive,
    compute,
    container_registry,
    cosmosdb,
    datafactory,
    dbservers,
    disk,
    firewall_rules,
    flow_logs,
    integration,
    keyvault,
    kubernetes,
    network,
    network_interface,
    private_endpoints,
    redis,
    search,
    security,
    server_parameters,
    servicebus,
    sql,
    sql_administrators,
    sql_auditing,
    sql_databases,
    sql_encryption,
    storage,
    storage_containers,
    synapse,
    web,
)
from govern.adapters.arm.booleans import read_booleans
from govern.adapters.arm.context import ArmContext
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

Builder = Callable[[NativeResource], Resource]
Folder = Callable[[NativeResource, ArmContext], None]

BUILDERS: dict[str, Builder] = {
    "microsoft.storage/storageaccounts": storage.build_account,
    "microsoft.network/networksecuritygroups": network.build_group,
    "microsoft.network/networkinterfaces": network_interface.MAPPING.build,
    flow_logs.TYPE: flow_logs.MAPPING.build,
    "microsoft.synapse/workspaces": synapse.MAPPING.build,
    "microsoft.authorization/roleassignments": authorization.build_assignment,
    "microsoft.authorization/roledefinitions": authorization.build_definition,
    "microsoft.keyvault/vaults": keyvault.MAPPING.build,
    "microsoft.keyvault/managedhsms": keyvault.MAPPING.build,
    "microsoft.keyvault/vaults/keys": keyvault.KEY.build,
    "microsoft.keyvault/managedhsms/keys": keyvault.KEY.build,
    "microsoft.keyvault/vaults/secrets": keyvault.SECRET.build,
    "microsoft.sql/servers": sql_administrators.build_server,
    "microsoft.sql/managedinstances": sql.MANAGED_INSTANCE.build,
    "microsoft.sql/servers/databases": sql_databases.DATABASE.build,
    "microsoft.web/sites": web.MAPPING.build,
    "microsoft.containerregistry/registries": container_registry.MAPPING.build,
    "microsoft.documentdb/databaseaccounts": cosmosdb.MAPPING.build,
    "microsoft.compute/disks": disk.MAPPING.build,
    "microsoft.containerservice/managedclusters": kubernetes.MAPPING.build,
    kubernetes.AGENT_POOL_TYPE: kubernetes.AGENT_POOL.build,
    "microsoft.cache/redis": redis.MAPPING.build,
    "microsoft.dbforpostgresql/servers": dbservers.POSTGRESQL.build,
    "microsoft.dbformysql/servers": dbservers.MYSQL.build,
    "microsoft.dbformariadb/servers": dbservers.MARIADB.build,
    "microsoft.cognitiveservices/accounts": cognitive.MAPPING.build,
    "microsoft.search/searchservices": search.MAPPING.build,
    "microsoft.datafactory/factories": datafactory.MAPPING.build,
    "microsoft.servicebus/namespaces": servicebus.MAPPING.build,
    "microsoft.eventhub/namespaces": servicebus.EVENTHUB.build,
    "microsoft.compute/virtualmachines": compute.MAPPING.build,
    "microsoft.compute/virtualmachinescalesets": compute.SCALE_SET.build,
    "microsoft.web/sites/slots": web.SLOT_MAPPING.build,
    "microsoft.dbforpostgresql/flexibleservers": dbservers.POSTGRESQL_FLEXIBLE.build,
    "microsoft.dbformysql/flexibleservers": dbservers.MYSQL_FLEXIBLE.build,
    **integration.BUILDERS,
    **security.BUILDERS,
}

FOLDERS: dict[str, Folder] = {
    network.RULE_TYPE: network.fold_rule,
    web.CONFIG_TYPE: web.fold_config,
    web.SLOT_CONFIG_TYPE: web.fold_slot_config,
    dbservers.POSTGRESQL_CONFIGURATION_TYPE: dbservers.fold_postgresql_configuration,
    dbservers.MYSQL_CONFIGURATION_TYPE: dbservers.fold_mysql_configuration,
    storage_containers.BLOB_SERVICES_TYPE: storage_containers.fold_blob_services,
    storage_containers.CONTAINER_TYPE: storage_containers.fold_container,
    **dict.fromkeys(firewall_rules.SERVER_KINDS, firewall_rules.fold_rule),
    **dict.fromkeys(sql_auditing.TYPES, sql_auditing.fold_auditing),
    sql_encryption.PROTECTOR_TYPE: sql_encryption.fold_encryption_protector,
    sql_administrators.ADMINISTRATOR_TYPE: sql_administrators.fold_administrator,
    sql_databases.TDE_TYPE: sql_databases.fold_tde,
    private_endpoints.TYPE: private_endpoints.fold_private_endpoint,
    server_parameters.CONFIGURATION_TYPE: server_parameters.fold_configuration,
}


def builder_for(native_type: str) -> Builder | None:
    lowered = native_type.lower()
    found = BUILDERS.get(lowered)
    if found is None and authorization.is_legacy_assignment(lowered):
        return authorization.build_assignment
    return found


def folder_for(native_type: str) -> Folder | None:
    return FOLDERS.get(native_type.lower())


def _context(root: str, natives: list[NativeResource]) -> ArmContext:
    return ArmContext(root)


TABLES: pipeline.FormatTables[ArmContext] = pipeline.FormatTables(
    context=_context,
    builder_for=builder_for,
    folder_for=folder_for,
    read_values=read_booleans,
)

adapt_arm = pipeline.adapt(TABLES)
