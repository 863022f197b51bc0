"""Which function handles which native type: builders make a canonical resource, folders
merge a separate resource into the one it belongs to, linkers connect a finished resource
to others."""

from __future__ import annotations

from collections.abc import Callable

from govern.adapters.terraform import (
    azure_authorization,
    azure_network,
    azure_storage,
    compute,
    databases,
    iam,
    kms,
    s3,
    security_groups,
)
from govern.adapters.terraform.context import Folder, RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

Builder = Callable[[NativeResource], Resource]
Linker = Callable[[Resource, NativeResource, RootContext], None]

_MAPPINGS: dict[str, KindMapping] = {
    **databases.MAPPINGS,
    **compute.MAPPINGS,
    **kms.MAPPINGS,
    **azure_storage.MAPPINGS,
    **azure_authorization.MAPPINGS,
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
