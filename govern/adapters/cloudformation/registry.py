"""Which function handles which CloudFormation type: builders make a canonical resource,
folders merge a separate resource into the one it belongs to, linkers connect a finished
resource to others. Types not listed (SAM resources among them: no rule tests what they
hold yet) produce nothing canonical."""

from __future__ import annotations

from collections.abc import Callable

from govern.adapters.cloudformation import (
    apigateway,
    apigateway_methods,
    apigatewayv2,
    athena,
    backup,
    cloudfront,
    codebuild,
    cognito,
    compute,
    config_service,
    databases,
    dax,
    dms,
    docdb,
    dynamodb,
    ecr,
    ecs,
    efs,
    eks,
    elasticache,
    elb,
    elb_classic,
    elbv2_attributes,
    emr,
    firehose,
    flow_logs,
    glacier,
    glue,
    iam,
    iam_certificates,
    kms,
    lambda_access,
    launch,
    logging,
    messaging,
    mq,
    msk,
    neptune,
    network_acls,
    opensearch,
    parameter_groups,
    rds_global,
    redshift,
    resource_policies,
    s3,
    s3_access_points,
    sagemaker,
    secretsmanager,
    security_groups,
    ssoadmin,
    vpc,
    workspaces,
)
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.model.resource import Path, Resource
from govern.parsers.native import NativeResource

Builder = Callable[[NativeResource], Resource]
Folder = Callable[[NativeResource, TemplateContext], None]
Linker = Callable[[Resource, NativeResource, TemplateContext], None]

_MAPPINGS: dict[str, KindMapping] = {
    **iam_certificates.MAPPINGS,
    **glacier.MAPPINGS,
    **apigateway_methods.MAPPINGS,
    **lambda_access.MAPPINGS,
    **mq.MAPPINGS,
    **vpc.MAPPINGS,
    **flow_logs.MAPPINGS,
    **databases.MAPPINGS,
    **rds_global.MAPPINGS,
    **compute.MAPPINGS,
    **launch.MAPPINGS,
    **ssoadmin.MAPPINGS,
    **kms.MAPPINGS,
    **logging.MAPPINGS,
    **messaging.MAPPINGS,
    **dynamodb.MAPPINGS,
    **efs.MAPPINGS,
    **elasticache.MAPPINGS,
    **redshift.MAPPINGS,
    **eks.MAPPINGS,
    **docdb.MAPPINGS,
    **config_service.MAPPINGS,
    **dax.MAPPINGS,
    **dms.MAPPINGS,
    **ecr.MAPPINGS,
    **ecs.MAPPINGS,
    **workspaces.MAPPINGS,
    **sagemaker.MAPPINGS,
    **cloudfront.MAPPINGS,
    **apigateway.MAPPINGS,
    **apigatewayv2.MAPPINGS,
    **athena.MAPPINGS,
    **backup.MAPPINGS,
    **codebuild.MAPPINGS,
    **elb.MAPPINGS,
    **elb_classic.MAPPINGS,
    **cognito.MAPPINGS,
    **elbv2_attributes.MAPPINGS,
    **glue.MAPPINGS,
    **firehose.MAPPINGS,
    **emr.MAPPINGS,
    **msk.MAPPINGS,
    **neptune.MAPPINGS,
    **network_acls.MAPPINGS,
    **opensearch.MAPPINGS,
    **parameter_groups.MAPPINGS,
    **secretsmanager.MAPPINGS,
}

# Types whose tags are not in `Tags`.
TAG_PROPERTIES: dict[str, str | Path] = {
    "AWS::EFS::FileSystem": efs.TAG_PROPERTY,
    "AWS::EC2::LaunchTemplate": launch.TAG_PROPERTY,
    "AWS::Backup::BackupVault": backup.TAG_PROPERTY,
    "AWS::Cognito::IdentityPool": cognito.TAG_PROPERTY,
}

BUILDERS: dict[str, Builder] = {
    "AWS::S3::Bucket": s3.build_bucket,
    **s3_access_points.BUILDERS,
    "AWS::EC2::SecurityGroup": security_groups.build_group,
    "AWS::IAM::Role": iam.build_identity(iam.ROLE),
    "AWS::IAM::User": iam.build_identity(iam.USER),
    "AWS::IAM::Group": iam.build_identity(iam.GROUP),
    "AWS::IAM::ManagedPolicy": iam.build_policy,
    **{native_type: mapping.build for native_type, mapping in _MAPPINGS.items()},
}

# Run after every resource is built and the identities' own managed policies are in.
FOLDERS: dict[str, Folder] = {
    **apigatewayv2.FOLDERS,
    **cloudfront.FOLDERS,
    "AWS::S3::BucketPolicy": s3.fold_policy,
    **security_groups.FOLDERS,
    **network_acls.FOLDERS,
    **logging.FOLDERS,
    **flow_logs.FOLDERS,
    **iam.FOLDERS,
    **resource_policies.FOLDERS,
    **compute.FOLDERS,
    **secretsmanager.FOLDERS,
}

# The identities' own ManagedPolicyArns: after building, before folding.
OWN_POLICIES: dict[str, Linker] = {
    "AWS::IAM::Role": iam.link_own_managed,
    "AWS::IAM::User": iam.link_own_managed,
    "AWS::IAM::Group": iam.link_own_managed,
}

LINKERS: dict[str, Linker] = {
    "AWS::S3::Bucket": s3.link_bucket,
    "AWS::EC2::Instance": security_groups.link_security_groups("SecurityGroupIds",
                                                               "SecurityGroups"),
    "AWS::RDS::DBInstance": security_groups.link_security_groups("VPCSecurityGroups",
                                                                 "DBSecurityGroups"),
    "AWS::RDS::DBCluster": security_groups.link_security_groups("VpcSecurityGroupIds"),
}
