"""Terraform and CloudFormation give the same canonical attributes for the services of the
encryption batch GOV-AWS-037..053 (Neptune, OpenSearch, MSK, Glue, load balancer
listeners, CloudFront, ...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.model.unknown import Unknown
from tests.adapters.cloudformation.test_parity import _cloudformation, _same, _terraform

CASES = {
    "neptune": ('''
resource "aws_neptune_cluster" "x" {
  cluster_identifier = "graph"
  storage_encrypted  = true
  tags               = { owner = "graph" }
}
''', '''
Resources:
  X:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: "true"
      Tags: [{Key: owner, Value: graph}]
''', {"name": "graph", "storage_encrypted": True, "iam_database_authentication": False,
      "backup_retention_period": 1, "deletion_protection": False,
      "copy_tags_to_snapshot": False, "tags": {"owner": "graph"}}),
    "opensearch": ('''
resource "aws_elasticsearch_domain" "x" {
  domain_name = "search"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = "alias/search"
  }
}
''', '''
Resources:
  X:
    Type: AWS::Elasticsearch::Domain
    Properties:
      DomainName: search
      EncryptionAtRestOptions: {Enabled: true, KmsKeyId: alias/search}
''', {"name": "search", "encrypt_at_rest": True, "kms_key": "alias/search",
      "node_to_node_encryption": False, "enforce_https": False,
      "fine_grained_access_control": False,
      "tls_security_policy": Unknown("the TLS policy is chosen by OpenSearch Service when not "
                                     "written (no documented default)"),
      "in_vpc": False, "dedicated_master_enabled": False,
      "tags": {}}),
    "msk": ('''
resource "aws_msk_cluster" "x" {
  cluster_name = "events"
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
    }
  }
  tags = { owner = "streaming" }
}
''', '''
Resources:
  X:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      EncryptionInfo:
        EncryptionInTransit: {ClientBroker: TLS_PLAINTEXT}
      Tags: {owner: streaming}
''', {"name": "events", "client_broker": "TLS_PLAINTEXT", "in_cluster": True,
      "broker_logs": {"cloudwatch_logs": False, "firehose": False, "s3": False},
      "public_access": "DISABLED", "tags": {"owner": "streaming"}}),
    "glue": ('''
resource "aws_glue_data_catalog_encryption_settings" "x" {
  catalog_id = "111122223333"
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
    }
  }
}
''', '''
Resources:
  X:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: "111122223333"
      DataCatalogEncryptionSettings:
        EncryptionAtRest: {CatalogEncryptionMode: SSE-KMS}
''', {"catalog_id": "111122223333", "catalog_encryption_mode": "SSE-KMS",
      "return_connection_password_encrypted": False}),
    "listener": ('''
resource "aws_lb_listener" "x" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/w/1"
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      status_code = "HTTP_301"
    }
  }
}
''', '''
Resources:
  X:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/w/1
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: {StatusCode: HTTP_301}
''', {"protocol": "HTTP", "default_action_type": "redirect",
      "redirect_protocol": "#{protocol}"}),
    "cloudfront": ('''
resource "aws_cloudfront_distribution" "x" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
  }
  ordered_cache_behavior {
    path_pattern           = "/a/*"
    viewer_protocol_policy = "allow-all"
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1"
  }
}
''', '''
Resources:
  X:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: {ViewerProtocolPolicy: https-only}
        CacheBehaviors:
          - {PathPattern: /a/*, ViewerProtocolPolicy: allow-all}
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1
''', {"cache_behaviors": [{"viewer_protocol_policy": "https-only"},
                          {"path_pattern": "/a/*", "viewer_protocol_policy": "allow-all"}],
      "acm_certificate": "arn:aws:acm:us-east-1:111122223333:certificate/1",
      "custom_certificate": True, "minimum_protocol_version": "TLSv1", "origins": [],
      "tags": {}}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_attributes(name: str, tmp_path: Path) -> None:
    tf_text, cfn_text, expected = CASES[name]
    tf = _terraform(tmp_path, tf_text)
    cfn = _cloudformation(tmp_path, cfn_text)
    (tf_resource,) = tf.values()
    assert _same(tf_resource, cfn["X"]) == expected


def test_listener_protocol_left_unwritten(tmp_path: Path) -> None:
    """Terraform cannot tell an ALB listener (HTTP) from a GWLB one; CloudFormation
    requires `Protocol` except on a GWLB."""
    tf = _terraform(tmp_path, 'resource "aws_lb_listener" "x" {}\n')
    cfn = _cloudformation(tmp_path, "Resources:\n  X:\n    Type: "
                          "AWS::ElasticLoadBalancingV2::Listener\n")
    assert isinstance(tf["aws_lb_listener.x"].attributes["protocol"], Unknown)
    assert "protocol" not in cfn["X"].attributes
