"""Table-driven AWS service kinds in CloudFormation, and their parity with Terraform where
the defaults are the same."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.cloudformation import adapt_cloudformation
from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.cloudformation import parse_cloudformation
from govern.parsers.terraform.project import scan_terraform


def adapt(tmp_path: Path, text: str) -> dict[str, Resource]:
    path = tmp_path / "template.yaml"
    path.write_text(text)
    parsed = parse_cloudformation([str(path)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    return {r.address: r for r in adapt_cloudformation(parsed.resources).resources}


def terraform(tmp_path: Path, text: str) -> dict[str, Resource]:
    directory = tmp_path / "tf"
    directory.mkdir()
    (directory / "main.tf").write_text(text)
    parsed = scan_terraform([str(directory)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    return {r.address: r for r in adapt_terraform(parsed.resources).resources}


def test_defaults(tmp_path: Path) -> None:
    found = adapt(tmp_path, """\
Resources:
  Trail: {Type: AWS::CloudTrail::Trail, Properties: {S3BucketName: logs, IsLogging: true}}
  Logs: {Type: AWS::Logs::LogGroup}
  Queue: {Type: AWS::SQS::Queue}
  Topic: {Type: AWS::SNS::Topic}
  Stream: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
  Table: {Type: AWS::DynamoDB::Table}
  Files: {Type: AWS::EFS::FileSystem}
  Cache: {Type: AWS::ElastiCache::ReplicationGroup}
  Warehouse: {Type: AWS::Redshift::Cluster}
  Cluster: {Type: AWS::EKS::Cluster}
  Docs: {Type: AWS::DocDB::DBCluster}
  Migration: {Type: AWS::DMS::ReplicationInstance}
  Images: {Type: AWS::ECR::Repository}
  Notebook: {Type: AWS::SageMaker::NotebookInstance}
""")
    attributes = {address: (r.kind, r.attributes) for address, r in found.items()}
    assert attributes == {
        "Trail": ("aws.cloudtrail.trail", {"is_multi_region_trail": False,
                                           "log_file_validation": False,
                                           "is_logging": True, "s3_bucket_name": "logs",
                                           "tags": {}}),
        "Logs": ("aws.logs.log_group", {"tags": {}}),
        "Queue": ("aws.sqs.queue", {"sqs_managed_sse_enabled": True, "tags": {}}),
        "Topic": ("aws.sns.topic", {"tags": {}}),
        "Stream": ("aws.kinesis.stream", {"encryption_type": "NONE", "tags": {}}),
        "Table": ("aws.dynamodb.table", {"server_side_encryption": {"enabled": False},
                                         "point_in_time_recovery": False, "tags": {}}),
        "Files": ("aws.efs.file_system", {"encrypted": False, "tags": {}}),
        "Cache": ("aws.elasticache.replication_group", {
            "engine": "redis", "at_rest_encryption_enabled": False,
            "transit_encryption_enabled": False, "snapshot_retention_limit": 0,
            "automatic_failover_enabled": False, "tags": {}}),
        "Warehouse": ("aws.redshift.cluster", {"encrypted": True,
                                               "publicly_accessible": False,
                                               "allow_version_upgrade": True,
                                               "automated_snapshot_retention_period": 1,
                                               "enhanced_vpc_routing": False,
                                               "audit_logging": False, "tags": {}}),
        "Cluster": ("aws.eks.cluster", {"endpoint_public_access": True,
                                        "endpoint_private_access": False, "tags": {}}),
        "Docs": ("aws.docdb.cluster", {"storage_encrypted": False, "backup_retention_period": 1,
                                       "tags": {}}),
        "Migration": ("aws.dms.replication_instance", {"publicly_accessible": True,
                                                       "auto_minor_version_upgrade": True,
                                                       "tags": {}}),
        "Images": ("aws.ecr.repository", {"encryption_type": "AES256",
                                          "image_tag_mutability": "MUTABLE",
                                          "scan_on_push": False, "tags": {}}),
        "Notebook": ("aws.sagemaker.notebook_instance", {"direct_internet_access": "Enabled",
                                                         "root_access": "Enabled",
                                                         "tags": {}}),
    }


def test_values_strings_and_inherited_encryption(tmp_path: Path) -> None:
    found = adapt(tmp_path, """\
Resources:
  Key: {Type: AWS::KMS::Key}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification: {SSEEnabled: "true", KMSMasterKeyId: !GetAtt Key.Arn}
      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: "true"}
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {Engine: valkey, TransitEncryptionEnabled: "true"}
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties: {SnapshotIdentifier: final, PubliclyAccessible: "true"}
  Restored:
    Type: AWS::DocDB::DBCluster
    Properties: {SourceDBClusterIdentifier: !Ref Docs}
  Docs: {Type: AWS::DocDB::DBCluster, Properties: {StorageEncrypted: true}}
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      EncryptionConfig:
        - Resources: [secrets]
          Provider: {KeyArn: !GetAtt Key.Arn}
""")
    table = found["Table"].attributes
    assert table["server_side_encryption"]["enabled"] is True
    assert isinstance(table["server_side_encryption"]["kms_key"], Unknown)
    assert table["point_in_time_recovery"] is True
    cache = found["Cache"].attributes
    assert isinstance(cache["at_rest_encryption_enabled"], Unknown)
    assert cache["transit_encryption_enabled"] is True
    warehouse = found["Warehouse"].attributes
    assert warehouse["encrypted"] == Unknown("encryption is inherited from the snapshot")
    assert warehouse["publicly_accessible"] is True
    restored = found["Restored"].attributes["storage_encrypted"]
    assert isinstance(restored, Unknown) and restored.ref == "Docs"
    cluster = found["Cluster"]
    assert cluster.attributes["encrypted_resources"] == ["secrets"]
    assert isinstance(cluster.attributes["encryption_kms_key"], Unknown)
    location = cluster.location("encrypted_resources")
    assert location is not None and location.start_line == 22


def test_efs_tags_come_from_file_system_tags(tmp_path: Path) -> None:
    found = adapt(tmp_path, """\
Resources:
  Files:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemTags:
        - {Key: owner, Value: platform}
""")
    assert found["Files"].attributes["tags"] == {"owner": "platform"}


def test_parity_with_terraform(tmp_path: Path) -> None:
    tf = terraform(tmp_path, '''
resource "aws_sqs_queue" "q" {
  sqs_managed_sse_enabled = false
}
resource "aws_kinesis_stream" "s" {
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}
resource "aws_efs_file_system" "f" {
  encrypted = true
}
resource "aws_eks_cluster" "c" {
  vpc_config {
    endpoint_public_access = false
  }
}
''')
    cfn = adapt(tmp_path, """\
Resources:
  Q: {Type: AWS::SQS::Queue, Properties: {SqsManagedSseEnabled: false}}
  S:
    Type: AWS::Kinesis::Stream
    Properties: {StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}}
  F: {Type: AWS::EFS::FileSystem, Properties: {Encrypted: true}}
  C: {Type: AWS::EKS::Cluster, Properties: {ResourcesVpcConfig: {EndpointPublicAccess: false}}}
""")
    for tf_address, logical_id in (("aws_sqs_queue.q", "Q"), ("aws_kinesis_stream.s", "S"),
                                   ("aws_efs_file_system.f", "F"),
                                   ("aws_eks_cluster.c", "C")):
        same = (tf[tf_address].kind, tf[tf_address].attributes, tf[tf_address].defaulted)
        assert same == (cfn[logical_id].kind, cfn[logical_id].attributes,
                        cfn[logical_id].defaulted)
