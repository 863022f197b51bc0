from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, object], **kwargs: object) -> object:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources  # type: ignore[arg-type]
    return resource


# AWS's defaults when not written: minor upgrades on, one day of automated backups, no
# deletion protection, no Performance Insights, one Availability Zone, tags not copied to
# snapshots.
RDS_INSTANCE_DEFAULTS = {("auto_minor_version_upgrade",), ("backup_retention_period",),
                         ("deletion_protection",), ("performance_insights_enabled",),
                         ("multi_az",), ("copy_tags_to_snapshot",)}


def test_rds_instance_defaults() -> None:
    resource = adapt_one("aws_db_instance.db", {"identifier": "db", "engine": "postgres"})
    assert resource.kind == "aws.rds.instance"
    assert resource.attributes == {"name": "db", "engine": "postgres",
                                   "publicly_accessible": False, "storage_encrypted": False,
                                   "iam_database_authentication": False,
                                   "auto_minor_version_upgrade": True, "backup_retention_period": 1,
                                   "deletion_protection": False,
                                   "performance_insights_enabled": False, "multi_az": False,
                                   "copy_tags_to_snapshot": False, "tags": {}}
    assert resource.defaulted == {("publicly_accessible",), ("storage_encrypted",),
                                  ("iam_database_authentication",), *RDS_INSTANCE_DEFAULTS}


def test_rds_instance_explicit_values_and_locations() -> None:
    resource = adapt_one("aws_db_instance.db", {
        "publicly_accessible": True, "storage_encrypted": True, "kms_key_id": "arn:k"},
        locations={"publicly_accessible": 4})
    assert resource.attributes == {"publicly_accessible": True, "storage_encrypted": True,
                                   "kms_key": "arn:k", "iam_database_authentication": False,
                                   "auto_minor_version_upgrade": True, "backup_retention_period": 1,
                                   "deletion_protection": False,
                                   "performance_insights_enabled": False, "multi_az": False,
                                   "copy_tags_to_snapshot": False, "tags": {}}
    assert resource.defaulted == {("iam_database_authentication",), *RDS_INSTANCE_DEFAULTS}
    assert resource.location("publicly_accessible") == lines(4)


def test_rds_replica_inherits_encryption() -> None:
    resource = adapt_one("aws_db_instance.replica", {"replicate_source_db": "db"})
    assert resource.attributes["storage_encrypted"] == Unknown(
        "storage encryption is inherited from the source database")
    assert resource.attributes["engine"] == Unknown("the engine is the source database's")
    assert resource.defaulted == {("publicly_accessible",), ("iam_database_authentication",),
                                  ("auto_minor_version_upgrade",), ("deletion_protection",),
                                  ("performance_insights_enabled",), ("multi_az",),
                                  ("copy_tags_to_snapshot",)}


def test_rds_clusters() -> None:
    assert adapt_one("aws_rds_cluster.c", {"engine_mode": "serverless"}).attributes[
        "storage_encrypted"] is True
    assert adapt_one("aws_rds_cluster.c", {"engine": "aurora-mysql"}).attributes[
        "storage_encrypted"] is False
    mode = Unknown("from a variable")
    assert adapt_one("aws_rds_cluster.c", {"engine_mode": mode}).attributes[
        "storage_encrypted"] is mode


def test_ebs_volume() -> None:
    assert adapt_one("aws_ebs_volume.v", {"size": 10}).attributes == {
        "encrypted": False, "size": 10, "tags": {}}
    assert adapt_one("aws_ebs_volume.v", {"snapshot_id": "snap-1"}).attributes[
        "encrypted"] == Unknown("encryption is inherited from the snapshot")
    assert adapt_one("aws_ebs_volume.v", {"snapshot_id": "snap-1", "encrypted": True}
                     ).attributes["encrypted"] is True


def test_ec2_instance() -> None:
    resource = adapt_one("aws_instance.i", {
        "instance_type": "t3.micro", "associate_public_ip_address": True,
        "root_block_device": [{"encrypted": True}],
        "metadata_options": [{"http_tokens": "required"}],
        "ebs_block_device": [{"device_name": "/dev/sdb", "encrypted": False}],
    }, locations={"ebs_block_device.0.encrypted": 9})
    assert resource.attributes == {
        "associate_public_ip_address": True, "root_block_device": {"encrypted": True},
        "metadata_options": {"http_tokens": "required"}, "instance_type": "t3.micro",
        "ebs_block_devices": [{"device_name": "/dev/sdb", "encrypted": False}], "tags": {}}
    assert resource.location("ebs_block_devices.0.encrypted") == lines(9)


def test_kms_key_defaults() -> None:
    resource = adapt_one("aws_kms_key.k", {"description": "data"})
    assert resource.attributes == {"description": "data", "enable_key_rotation": False,
                                   "key_spec": "SYMMETRIC_DEFAULT", "tags": {}}
    asymmetric = adapt_one("aws_kms_key.k", {"customer_master_key_spec": "RSA_2048",
                                             "key_usage": "SIGN_VERIFY",
                                             "policy": '{"Statement": []}'})
    assert asymmetric.attributes == {"enable_key_rotation": False, "key_spec": "RSA_2048",
                                     "key_usage": "SIGN_VERIFY", "policy": {"Statement": []},
                                     "tags": {}}


def test_storage_account_defaults_of_current_providers() -> None:
    resource = adapt_one("azurerm_storage_account.sa", {"name": "sa",
                                                        "resource_group_name": "rg"})
    assert resource.kind == "azure.storage.account"
    assert resource.attributes == {"name": "sa", "resource_group_name": "rg",
                                   "https_only": True, "min_tls_version": "TLS1_2",
                                   "allow_blob_public_access": True,
                                   "public_network_access_enabled": True,
                                   "shared_key_access_enabled": True,
                                   "infrastructure_encryption_enabled": False,
                                   "customer_managed_key_enabled": False,
                                   "account_kind": "StorageV2",
                                   "blob_soft_delete_enabled": False,
                                   "container_soft_delete_enabled": False,
                                   "cross_tenant_replication_enabled": Unknown(
                                       "cross_tenant_replication_enabled is not written: "
                                       "azurerm v2/v3 default it to true, v4 to false, and "
                                       "the provider version is not known"), "tags": {}}
    assert resource.defaulted == {("https_only",), ("min_tls_version",),
                                  ("allow_blob_public_access",), ("shared_key_access_enabled",),
                                  ("infrastructure_encryption_enabled",),
                                  ("public_network_access_enabled",),
                                  ("customer_managed_key_enabled",), ("account_kind",),
                                  ("blob_soft_delete_enabled",),
                                  ("container_soft_delete_enabled",)}


def test_storage_account_v3_and_v4_names() -> None:
    v3 = adapt_one("azurerm_storage_account.sa", {
        "enable_https_traffic_only": False, "allow_nested_items_to_be_public": False,
        "min_tls_version": "TLS1_0"}, locations={"enable_https_traffic_only": 6})
    assert v3.attributes == {"https_only": False, "min_tls_version": "TLS1_0",
                             "allow_blob_public_access": False,
                             "public_network_access_enabled": True,
                             "shared_key_access_enabled": True,
                             "infrastructure_encryption_enabled": False,
                             "customer_managed_key_enabled": False,
                             "account_kind": "StorageV2", "blob_soft_delete_enabled": False,
                             "container_soft_delete_enabled": False,
                             "cross_tenant_replication_enabled": True, "tags": {}}
    assert v3.location("https_only") == lines(6)
    v4 = adapt_one("azurerm_storage_account.sa", {"https_traffic_only_enabled": False,
                                                  "public_network_access_enabled": False})
    assert v4.attributes["https_only"] is False
    assert v4.attributes["public_network_access_enabled"] is False


def test_storage_account_written_for_v2() -> None:
    v2 = adapt_one("azurerm_storage_account.sa", {"allow_blob_public_access": True})
    assert v2.attributes["allow_blob_public_access"] is True
    assert v2.attributes["min_tls_version"] == "TLS1_0"
    assert ("min_tls_version",) in v2.defaulted


def test_role_assignment_scope_levels() -> None:
    sub = "/subscriptions/00000000-0000-0000-0000-000000000000"
    literal = adapt_one("azurerm_role_assignment.a", {
        "scope": sub, "role_definition_name": "Owner", "principal_id": "p"},
        locations={"scope": 3})
    assert literal.kind == "azure.authorization.role_assignment"
    assert literal.attributes == {"scope": sub, "role_definition_name": "Owner",
                                  "principal_id": "p", "scope_level": "subscription"}
    assert literal.location("scope_level") == lines(3)
    by_data = adapt_one("azurerm_role_assignment.a", {
        "scope": Unknown("known after apply", ref="data.azurerm_subscription.current")})
    assert by_data.attributes["scope_level"] == "subscription"
    by_group = adapt_one("module.m.azurerm_role_assignment.a", {
        "scope": Unknown("known after apply", ref="module.m.azurerm_resource_group.rg[0]")})
    assert by_group.attributes["scope_level"] == "resource_group"
    other = Unknown("known after apply", ref="azurerm_storage_account.sa")
    assert adapt_one("azurerm_role_assignment.a", {"scope": other}).attributes[
        "scope_level"] is other
