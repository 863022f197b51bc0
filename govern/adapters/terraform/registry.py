"""Which function handles which native type: builders make a canonical resource, folders
merge a separate resource into the one it belongs to, linkers connect a finished resource
to others."""

from __future__ import annotations

from collections.abc import Callable

from govern.adapters.terraform import (
    azure_authorization,
    azure_container_registry,
    azure_cosmosdb,
    azure_disk,
    azure_keyvault,
    azure_kubernetes,
    azure_network,
    azure_sql,
    azure_storage,
    azure_web,
    compute,
    databases,
    dms,
    docdb,
    dynamodb,
    ecr,
    efs,
    eks,
    elasticache,
    gcp_bigquery,
    gcp_compute,
    gcp_gke,
    gcp_iam,
    gcp_kms,
    gcp_sql,
    gcp_storage,
    iam,
    kms,
    logging,
    messaging,
    redshift,
    s3,
    sagemaker,
    security_groups,
)
from govern.adapters.terraform.context import Folder, RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

Builder = Callable[[NativeResource], Resource]
Linker = Callable[[Resource, NativeResource, RootContext], None]

_MAPPINGS: dict[str, KindMapping] = {
    **gcp_storage.MAPPINGS,
    **gcp_compute.MAPPINGS,
    **gcp_sql.MAPPINGS,
    **gcp_gke.MAPPINGS,
    **gcp_kms.MAPPINGS,
    **gcp_iam.MAPPINGS,
    **gcp_bigquery.MAPPINGS,
    **databases.MAPPINGS,
    **compute.MAPPINGS,
    **kms.MAPPINGS,
    **logging.MAPPINGS,
    **messaging.MAPPINGS,
    **dynamodb.MAPPINGS,
    **efs.MAPPINGS,
    **elasticache.MAPPINGS,
    **redshift.MAPPINGS,
    **eks.MAPPINGS,
    **docdb.MAPPINGS,
    **dms.MAPPINGS,
    **ecr.MAPPINGS,
    **sagemaker.MAPPINGS,
    **azure_storage.MAPPINGS,
    **azure_authorization.MAPPINGS,
    **azure_keyvault.MAPPINGS,
    **azure_sql.MAPPINGS,
    **azure_web.MAPPINGS,
    **azure_container_registry.MAPPINGS,
    **azure_cosmosdb.MAPPINGS,
    **azure_disk.MAPPINGS,
    **azure_kubernetes.MAPPINGS,
}

BUILDERS: dict[str, Builder] = {
    "aws_s3_bucket": s3.build_bucket,
    "aws_security_group": security_groups.build_group,
    "aws_default_security_group": security_groups.build_group,
    "aws_iam_role": iam.build_role,
    "aws_iam_user": iam.build_user,
    "aws_iam_group": iam.build_group,
    "aws_iam_policy": iam.build_policy,
    "azurerm_network_security_group": azure_network.build_group,
    **{native_type: mapping.build for native_type, mapping in _MAPPINGS.items()},
}

FOLDERS: dict[str, Folder] = {
    **gcp_storage.FOLDERS,
    **s3.FOLDERS,
    **security_groups.FOLDERS,
    **iam.FOLDERS,
    **azure_network.FOLDERS,
}

LINKERS: dict[str, Linker] = {
    "aws_s3_bucket": s3.link_bucket,
    "aws_iam_role": iam.link_role,
    "aws_instance": security_groups.link_security_groups,
    "aws_db_instance": security_groups.link_security_groups,
    "aws_rds_cluster": security_groups.link_security_groups,
}
