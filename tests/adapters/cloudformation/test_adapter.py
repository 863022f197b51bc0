"""The CloudFormation adapter: canonical values, folding, edges, locations."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.cloudformation import adapt_cloudformation
from govern.adapters.result import AdaptResult
from govern.model.graph import Edge
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.cloudformation import parse_cloudformation


def adapt(tmp_path: Path, text: str) -> tuple[dict[str, Resource], AdaptResult]:
    path = tmp_path / "template.yaml"
    path.write_text(text)
    parsed = parse_cloudformation([str(path)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    result = adapt_cloudformation(parsed.resources)
    return {r.address: r for r in result.resources}, result


def rid(tmp_path: Path, logical_id: str) -> str:
    return f"cloudformation:{tmp_path / 'template.yaml'}:{logical_id}"


def lines(resource: Resource, path: str) -> tuple[int, int]:
    found = resource.location(path)
    assert found is not None
    return found.start_line, found.end_line


def test_bucket_with_policy_logging_and_edges(tmp_path: Path) -> None:
    found, result = adapt(tmp_path, """\
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: data
      AccessControl: LogDeliveryWrite
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
        LogFilePrefix: data/
      VersioningConfiguration:
        Status: Suspended
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: logs
      PolicyDocument: '{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}'
  Stray:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: somebody-elses-bucket
      PolicyDocument: {}
""")
    data, logs = found["Data"], found["Logs"]
    assert data.id == rid(tmp_path, "Data")
    assert (data.kind, data.source_format, data.native_type, data.context) == (
        "aws.s3.bucket", "cloudformation", "AWS::S3::Bucket", str(tmp_path / "template.yaml"))
    assert data.attributes == {
        "name": "data", "acl": "log-delivery-write",
        "versioning": {"enabled": False},
        "logging": {"enabled": True, "target_bucket": Unknown("known after apply", ref="Logs"),
                    "target_prefix": "data/"},
        "tags": {}}
    assert lines(data, "logging.target_bucket") == (8, 8)
    assert lines(data, "versioning.enabled") == (11, 11)
    assert logs.attributes["policy"] == {"Statement": [{
        "Effect": "Deny", "Action": ["s3:*"], "Resource": ["*"], "Principal": "*",
        "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}}]}
    assert logs.native == ["Logs", "LogsPolicy"]
    assert lines(logs, "policy") == (20, 21)
    assert result.edges == sorted([
        Edge(rid(tmp_path, "Data"), rid(tmp_path, "Logs"), "logging_target"),
        Edge(rid(tmp_path, "Data"), rid(tmp_path, "Logs"), "references")])
    assert [n.render() for n in result.notices] == [
        f"{tmp_path / 'template.yaml'}:22: Stray: bucket somebody-elses-bucket is not "
        "declared in the scanned code; judged on a stand-in that holds what this resource "
        "sets (the rest is unknown)"]
    assert [n.code for n in result.notices] == ["external-parent"]


def test_encryption_locations_point_at_the_algorithm(tmp_path: Path) -> None:
    found, _ = adapt(tmp_path, """\
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - BucketKeyEnabled: "false"
            ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
""")
    data = found["Data"]
    assert data.attributes["encryption"] == {
        "enabled": True, "algorithm": "aws:kms",
        "kms_key": Unknown("known after apply", ref="Key"), "bucket_key_enabled": False}
    assert lines(data, "encryption.enabled") == (9, 9)
    assert lines(data, "encryption.kms_key") == (10, 10)
    assert lines(data, "encryption") == (5, 10)
    assert found["Key"].attributes == {"enable_key_rotation": False,
                                       "key_spec": "SYMMETRIC_DEFAULT", "tags": {}}
    assert found["Key"].defaulted == {("enable_key_rotation",), ("key_spec",)}


def test_blocks_chosen_by_an_unknown_condition(tmp_path: Path) -> None:
    found, _ = adapt(tmp_path, """\
Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: !If
        - IsProd
        - {BlockPublicAcls: true, RestrictPublicBuckets: "true"}
        - !Ref AWS::NoValue
      Tags: !If [IsProd, [{Key: a, Value: "1"}], [{Key: b, Value: "2"}]]
""")
    reason = "depends on condition IsProd: parameter Env has no value"
    data = found["Data"]
    assert data.attributes["public_access_block"] == Unknown(reason, alternatives=(
        {"block_public_acls": True, "block_public_policy": False, "ignore_public_acls": False,
         "restrict_public_buckets": True}, None))
    assert data.attributes["tags"] == Unknown(reason, alternatives=({"a": "1"}, {"b": "2"}))
    assert data.get("public_access_block.restrict_public_buckets") == Unknown(
        reason, alternatives=(True, None))


def test_security_groups_and_folded_rules(tmp_path: Path) -> None:
    found, result = adapt(tmp_path, """\
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: web
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref Lb}
  Lb:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: load balancer
  ByName:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupName: web
      IpProtocol: udp
      FromPort: 53
      ToPort: 53
      SourcePrefixListId: pl-1
  Out:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !Ref Lb
      IpProtocol: "-1"
      DestinationSecurityGroupId: !GetAtt Web.GroupId
  Server:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      NetworkInterfaces:
        - DeviceIndex: "0"
          AssociatePublicIpAddress: "true"
          GroupSet: [!Ref Web]
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: {VolumeSize: 8, Encrypted: true}
        - DeviceName: /dev/sdb
          VirtualName: ephemeral0
""")
    web, lb, server = found["Web"], found["Lb"], found["Server"]
    assert web.attributes["ingress"] == [
        {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": [],
         "ipv6_cidr_blocks": [], "source_security_groups": [
             Unknown("known after apply", ref="Lb")], "prefix_lists": []},
        {"protocol": "udp", "from_port": 53, "to_port": 53, "cidr_blocks": [],
         "ipv6_cidr_blocks": [], "source_security_groups": [], "prefix_lists": ["pl-1"]}]
    # without SecurityGroupEgress, AWS's rule for all traffic to 0.0.0.0/0 stays (defaulted),
    # also beside a separate AWS::EC2::SecurityGroupEgress
    aws_default = {"protocol": "-1", "from_port": 0, "to_port": 65535,
                   "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [],
                   "source_security_groups": [], "prefix_lists": []}
    assert web.attributes["egress"] == [aws_default]
    assert ("egress", 0) in web.defaulted
    assert lb.attributes["egress"] == [aws_default, {
        "protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": [],
        "ipv6_cidr_blocks": [], "source_security_groups": [
            Unknown("known after apply", ref="Web")], "prefix_lists": []}]
    assert "ingress" not in lb.attributes
    assert lines(web, "ingress.1") == (13, 20)  # the folded resource
    assert lines(web, "ingress.1.prefix_lists") == (20, 20)
    assert web.native == ["Web", "ByName"]
    assert server.attributes == {
        "instance_type": "t3.micro", "associate_public_ip_address": True,
        "ebs_block_devices": [{"device_name": "/dev/xvda", "encrypted": True}],
        # /dev/xvda is the name AWS reserves for the root volume
        "root_block_device": {"encrypted": True}, "tags": {}}
    web_id, lb_id, server_id = (rid(tmp_path, n) for n in ("Web", "Lb", "Server"))
    assert result.edges == sorted([
        Edge(web_id, lb_id, "references"), Edge(lb_id, web_id, "references"),
        Edge(server_id, web_id, "references"), Edge(server_id, web_id, "security_group")])


def test_iam(tmp_path: Path) -> None:
    found, result = adapt(tmp_path, """\
Resources:
  App:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument:
        Statement: {Effect: Allow, Action: sts:AssumeRole, Principal: {Service: ec2.amazonaws.com}}
      ManagedPolicyArns: [!Ref Shared, "arn:aws:iam::123456789012:policy/team/x"]
  Dev:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [!Ref AWS::NoValue]
  Devs:
    Type: AWS::IAM::Group
    Properties:
      GroupName: devs
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: shared
      Groups: [devs]
      PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
  Inline:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: inline
      Roles: [!Ref App]
      Users: [!Ref Dev]
      PolicyDocument: {Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]}
""")
    shared_doc = {"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}]}
    inline_doc = {"Statement": [{"Effect": "Allow", "Action": ["sqs:*"], "Resource": ["*"]}]}
    app, dev, devs = found["App"], found["Dev"], found["Devs"]
    assert app.attributes["trust_policy"] == {"Statement": [{
        "Effect": "Allow", "Action": ["sts:AssumeRole"],
        "Principal": {"Service": ["ec2.amazonaws.com"]}}]}
    assert app.attributes["policies"] == [
        {"source": "managed", "name": "shared", "arn": Unknown("known after apply",
                                                               ref="Shared"),
         "document": shared_doc},
        {"source": "managed", "name": "x", "arn": "arn:aws:iam::123456789012:policy/team/x",
         "document": Unknown("the policy is not defined in this template")},
        {"source": "inline", "name": "inline", "document": inline_doc}]
    assert app.attributes["managed_policy_arns"] == [
        Unknown("known after apply", ref="Shared"), "arn:aws:iam::123456789012:policy/team/x"]
    assert dev.attributes == {"policies": [{"source": "inline", "name": "inline",
                                            "document": inline_doc}],
                              "console_password": False, "active_access_keys": 0,
                              "tags": {}}
    assert devs.attributes == {"name": "devs", "policies": [{
        "source": "managed", "name": "shared",
        "arn": Unknown("known after apply", ref="Shared"), "document": shared_doc}]}
    attached = [e for e in result.edges if e.relation == "attached_policy"]
    assert attached == sorted([Edge(rid(tmp_path, "App"), rid(tmp_path, "Shared"),
                                    "attached_policy"),
                               Edge(rid(tmp_path, "Devs"), rid(tmp_path, "Shared"),
                                    "attached_policy")])
    # CloudFormation cannot tag a managed policy: no `tags`, so tagging rules skip it
    assert found["Shared"].attributes == {"name": "shared", "document": shared_doc}


def test_databases(tmp_path: Path) -> None:
    found, result = adapt(tmp_path, """\
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
      VpcSecurityGroupIds: [!GetAtt Db.GroupId]
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
      Tags: [{Key: owner, Value: data}]
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
""")
    assert found["Cluster"].attributes == {"engine": "aurora-postgresql",
                                           "storage_encrypted": True,
                                           "iam_database_authentication": False,
                                           "backup_retention_period": 1,
                                           "deletion_protection": False,
                                           "performance_insights_enabled": False,
                                           "copy_tags_to_snapshot": False,
                                           "backtrack_window": 0, "tags": {}}
    # a member's IAM authentication and log exports are the cluster's: not set
    assert found["Member"].attributes == {
        "engine": "aurora-postgresql", "publicly_accessible": False,
        "auto_minor_version_upgrade": True, "performance_insights_enabled": False,
        "cluster": found["Member"].attributes["cluster"],
        "storage_encrypted": Unknown("storage encryption is inherited from the DB cluster",
                                     ref="Cluster"),
        "tags": {"owner": "data"}}
    assert found["Member"].attributes["cluster"].ref == "Cluster"
    assert found["Member"].defaulted == {("publicly_accessible",), ("auto_minor_version_upgrade",),
                                         ("performance_insights_enabled",)}
    assert Edge(rid(tmp_path, "Cluster"), rid(tmp_path, "Db"), "security_group") in (
        result.edges)


def test_sam_and_unmapped_types_give_nothing_canonical(tmp_path: Path) -> None:
    found, result = adapt(tmp_path, """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Policies:
        - AmazonS3ReadOnlyAccess
        - S3CrudPolicy: {BucketName: !Ref Table}
        - Statement: [{Effect: Allow, Action: "*", Resource: "*"}]
      Events:
        Api: {Type: Api, Properties: {Path: /, Method: get}}
  Table:
    Type: AWS::Serverless::SimpleTable
  Api:
    Type: AWS::Serverless::Api
    Properties: {StageName: prod}
  Parameter:
    Type: AWS::SSM::Parameter
""")
    assert found == {}
    assert result.edges == [] and result.notices == []
