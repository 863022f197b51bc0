"""Regional services read with one listing call each: EBS volumes, EC2 instances, RDS
instances and clusters, KMS keys (customer managed only, with their key policy), CloudTrail
trails."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.cloudtrail_selectors import read_event_selectors
from govern.collect.aws.databases_deployment import set_deployment
from govern.collect.aws.databases_rds import (
    engine_cluster,
    has_own_kind,
    set_access_and_logs,
    set_performance_insights,
)
from govern.collect.aws.databases_recovery import set_recovery
from govern.collect.aws.kms_keys import CustomerKeys
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import (
    maybe_absent,
    set_maybe_absent,
    set_optional,
    set_policy,
    tag_map,
)
from govern.model.resource import Resource
from govern.model.unknown import Unknown


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    keys = CustomerKeys(clients("kms"), reader, account)
    volumes = _volumes(clients("ec2"), reader, keys, account, region)
    return [*volumes, *_instances(clients("ec2"), reader, account, region, volumes),
            *_rds_instances(clients("rds"), reader, account, region, keys),
            *_rds_clusters(clients("rds"), reader, account, region, keys),
            *_kms_keys(clients("kms"), reader, account, region),
            *_trails(clients("cloudtrail"), reader, account, region)]


def _volumes(ec2: Any, reader: Reader, keys: CustomerKeys, account: str,
             region: str) -> list[Resource]:
    """Volumes; `kms_key` only for a customer managed key (an AWS managed one, `aws/ebs`,
    is what a template that names no key gets)."""
    listed = reader.pages(ec2, "DescribeVolumes", region, "Volumes")
    if isinstance(listed, Failed):
        return []
    found = []
    for item in listed:
        arn = f"arn:aws:ec2:{region}:{account}:volume/{item['VolumeId']}"
        volume = live_resource(arn, "aws.ec2.volume", "AWS::EC2::Volume", account, region)
        volume.set("encrypted", bool(item.get("Encrypted", False)))
        set_optional(volume, "kms_key", keys.customer_key(item.get("KmsKeyId")))
        set_optional(volume, "size", item.get("Size"))
        set_optional(volume, "snapshot_id", item.get("SnapshotId"))
        volume.set("tags", tag_map(item.get("Tags")))
        found.append(volume)
    return found


def _instances(ec2: Any, reader: Reader, account: str, region: str,
               volumes: list[Resource]) -> list[Resource]:
    """Instances with their root and EBS devices' encryption (from the volumes read)."""
    listed = reader.pages(ec2, "DescribeInstances", region, "Reservations")
    if isinstance(listed, Failed):
        return []
    by_id = {v.id.rsplit("/", 1)[1]: v for v in volumes}
    found = []
    for reservation in listed:
        for item in reservation.get("Instances", []):
            if item.get("State", {}).get("Name") == "terminated":
                continue
            arn = f"arn:aws:ec2:{region}:{account}:instance/{item['InstanceId']}"
            instance = live_resource(arn, "aws.ec2.instance", "AWS::EC2::Instance", account,
                                     region)
            instance.set("instance_type", item.get("InstanceType"))
            set_optional(instance, "iam_instance_profile",
                         item.get("IamInstanceProfile", {}).get("Arn"))
            instance.set("associate_public_ip_address", bool(item.get("PublicIpAddress")))
            tokens = item.get("MetadataOptions", {}).get("HttpTokens")
            if tokens:
                instance.set("metadata_options.http_tokens", tokens)
            endpoint = item.get("MetadataOptions", {}).get("HttpEndpoint")
            if endpoint:
                instance.set("metadata_options.http_endpoint", endpoint)
            devices = []
            for mapping in item.get("BlockDeviceMappings", []):
                volume = by_id.get(mapping.get("Ebs", {}).get("VolumeId", ""))
                device: dict[str, Any] = {"device_name": mapping.get("DeviceName")}
                if volume is None:
                    device["encrypted"] = Unknown("the volume was not read")
                else:
                    device["encrypted"] = volume.get("encrypted")
                    if volume.get("kms_key") is not None:
                        device["kms_key"] = volume.get("kms_key")
                if mapping.get("DeviceName") == item.get("RootDeviceName"):
                    instance.set("root_block_device",
                                 {k: v for k, v in device.items() if k != "device_name"})
                else:
                    devices.append(device)
            instance.set("ebs_block_devices", devices)
            instance.set("tags", tag_map(item.get("Tags")))
            found.append(instance)
    return found


def _rds_instances(rds: Any, reader: Reader, account: str, region: str,
                   keys: CustomerKeys) -> list[Resource]:
    listed = reader.pages(rds, "DescribeDBInstances", region, "DBInstances")
    if isinstance(listed, Failed):
        return []
    found = []
    for item in listed:
        if has_own_kind(item):  # a DocumentDB or Neptune instance: no canonical kind
            continue
        arn = item.get("DBInstanceArn") or (
            f"arn:aws:rds:{region}:{account}:db:{item['DBInstanceIdentifier']}")
        db = live_resource(arn, "aws.rds.instance", "AWS::RDS::DBInstance", account, region)
        db.set("name", item["DBInstanceIdentifier"])
        db.set("engine", item.get("Engine"))
        db.set("publicly_accessible", bool(item.get("PubliclyAccessible", False)))
        db.set("storage_encrypted", bool(item.get("StorageEncrypted", False)))
        set_optional(db, "kms_key", item.get("KmsKeyId"))
        set_access_and_logs(db, item)
        set_performance_insights(db, item, keys)
        set_recovery(db, item)
        set_deployment(db, item)
        db.set("tags", tag_map(item.get("TagList")))
        found.append(db)
    return found


def _rds_clusters(rds: Any, reader: Reader, account: str, region: str,
                  keys: CustomerKeys) -> list[Resource]:
    listed = reader.pages(rds, "DescribeDBClusters", region, "DBClusters")
    if isinstance(listed, Failed):
        return []
    found = []
    for item in listed:
        own = engine_cluster(item, account, region, keys)
        if own is not None:  # DocumentDB or Neptune (databases_rds.py)
            set_recovery(own, item)
            set_deployment(own, item)
            found.append(own)
            continue
        arn = item.get("DBClusterArn") or (
            f"arn:aws:rds:{region}:{account}:cluster:{item['DBClusterIdentifier']}")
        cluster = live_resource(arn, "aws.rds.cluster", "AWS::RDS::DBCluster", account,
                                region)
        cluster.set("name", item["DBClusterIdentifier"])
        cluster.set("engine", item.get("Engine"))
        set_optional(cluster, "engine_mode", item.get("EngineMode"))
        cluster.set("storage_encrypted", bool(item.get("StorageEncrypted", False)))
        if item.get("StorageEncrypted"):  # `aws/rds`, AWS managed, is the omitted key
            set_optional(cluster, "kms_key", keys.customer_key(item.get("KmsKeyId")))
        set_access_and_logs(cluster, item)
        set_performance_insights(cluster, item, keys)
        set_recovery(cluster, item)
        set_deployment(cluster, item)
        cluster.set("tags", tag_map(item.get("TagList")))
        found.append(cluster)
    return found


def _kms_keys(kms: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """Customer managed keys; AWS managed keys (and keys pending deletion) are skipped."""
    listed = reader.pages(kms, "ListKeys", region, "Keys")
    if isinstance(listed, Failed):
        return []
    found = []
    for entry in listed:
        key_id = entry["KeyId"]
        arn = entry.get("KeyArn") or f"arn:aws:kms:{region}:{account}:key/{key_id}"
        described = reader.call(kms, "DescribeKey", arn, KeyId=key_id)
        if isinstance(described, dict):
            meta = described.get("KeyMetadata", {})
            if meta.get("KeyManager") == "AWS" or meta.get("KeyState") == "PendingDeletion":
                continue
        key = live_resource(arn, "aws.kms.key", "AWS::KMS::Key", account, region)
        if isinstance(described, Failed):
            # an AWS managed key is no resource: whether this key is one is unknown
            key.set("key_spec", maybe_absent(described.unknown))
        elif described is not None:
            meta = described.get("KeyMetadata", {})
            set_optional(key, "description", meta.get("Description"))
            key.set("key_spec", meta.get("KeySpec") or meta.get("CustomerMasterKeySpec")
                    or "SYMMETRIC_DEFAULT")
            set_optional(key, "key_usage", meta.get("KeyUsage"))
            set_optional(key, "multi_region", meta.get("MultiRegion"))
        if key.get("key_spec") in (None, "SYMMETRIC_DEFAULT") or isinstance(
                described, Failed):
            rotation = reader.call(kms, "GetKeyRotationStatus", arn, KeyId=key_id)
            key.set("enable_key_rotation", rotation.unknown if isinstance(rotation, Failed)
                    else bool((rotation or {}).get("KeyRotationEnabled", False)))
        else:
            key.set("enable_key_rotation", False)  # rotation exists only for symmetric keys
        # the key policy, normalized as `policy`/`KeyPolicy` of a template; every key has
        # one ("default" is its only name), so a failed read may hide a public statement
        policy = reader.call(kms, "GetKeyPolicy", arn, KeyId=key_id, PolicyName="default")
        if isinstance(policy, Failed):
            set_maybe_absent(key, policy.unknown, "policy")
        else:
            set_policy(key, (policy or {}).get("Policy"))
        tags = reader.call(kms, "ListResourceTags", arn, KeyId=key_id)
        key.set("tags", tags.unknown if isinstance(tags, Failed) else {
            str(t["TagKey"]): str(t.get("TagValue", "")) for t in (tags or {}).get("Tags", [])})
        found.append(key)
    return found


def _trails(cloudtrail: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """The trails whose home is this region (a multi-region trail is read once)."""
    trails = reader.listing(cloudtrail, "DescribeTrails", region, "trailList",
                            includeShadowTrails=False)
    if not isinstance(trails, list):
        return []
    found = []
    for item in trails:
        arn = item.get("TrailARN") or f"arn:aws:cloudtrail:{region}:{account}:trail/" \
            f"{item['Name']}"
        trail = live_resource(arn, "aws.cloudtrail.trail", "AWS::CloudTrail::Trail",
                              account, item.get("HomeRegion") or region)
        trail.set("name", item["Name"])
        set_optional(trail, "kms_key", item.get("KmsKeyId"))
        trail.set("is_multi_region_trail", bool(item.get("IsMultiRegionTrail", False)))
        trail.set("log_file_validation", bool(item.get("LogFileValidationEnabled", False)))
        set_optional(trail, "cloud_watch_logs_group_arn", item.get("CloudWatchLogsLogGroupArn"))
        set_optional(trail, "sns_topic", item.get("SnsTopicARN") or item.get("SnsTopicName"))
        set_optional(trail, "s3_bucket_name", item.get("S3BucketName"))
        read_event_selectors(cloudtrail, reader, trail, arn)
        status = reader.call(cloudtrail, "GetTrailStatus", arn, Name=arn)
        trail.set("is_logging", status.unknown if isinstance(status, Failed)
                  else bool((status or {}).get("IsLogging", False)))
        tags = reader.call(cloudtrail, "ListTags", arn, ResourceIdList=[arn])
        if isinstance(tags, Failed):
            trail.set("tags", tags.unknown)
        else:
            lists = (tags or {}).get("ResourceTagList", [])
            trail.set("tags", tag_map(lists[0].get("TagsList") if lists else ()))
        found.append(trail)
    return found
