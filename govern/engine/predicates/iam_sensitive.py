"""IAM policies that allow, on every resource, actions that return credentials or read
stored secrets and data.

What "allowed on every resource" means, and what is left to other predicates, is
`iam_actions.py`'s (an `Allow` statement without a `Condition` whose `Resource` is `*`
or that uses `NotResource`; `*`, `NotAction` and service-wide wildcards are the
administrator and full-service-access predicates' grants).

Choices:
- Credentials: the actions cloudsplaining (Checkov CKV_AWS_287 / CKV_AWS_107) lists as
  returning credentials, kept when the Service Authorization Reference gives them a
  resource type (so that `*` is a choice, not the only way to grant them) and IAM checks
  the caller's permission for them. Left out: actions without resource-level permissions
  (`ecr:GetAuthorizationToken`, `sts:GetSessionToken`, `appsync:CreateApiKey`,
  `chime:CreateApiKey`, `license-manager:GetAccessToken`,
  `lightsail:DownloadDefaultKeyPair`, `ecr-public:GetAuthorizationToken`,
  `cognito-identity:GetCredentialsForIdentity`, `cognito-identity:GetOpenIdToken`);
  `sts:AssumeRoleWithSAML` and `sts:AssumeRoleWithWebIdentity`, which need no
  credentials (the role's trust policy decides); `sso:GetRoleCredentials`, authorized by
  an IAM Identity Center token, not by IAM; `iam:CreateAccessKey` and
  `iam:CreateLoginProfile`, privilege escalation methods reported by
  `iam_escalation.py`; and names that are no action (`connect:GetFederationTokens`,
  cloudsplaining's misspelt `gamelist:` ones, kept here as `gamelift:`).
- Data: the read actions cloudsplaining lists as data exfiltration risks (Checkov
  CKV_AWS_288 / CKV_AWS_108): `s3:GetObject`, `ssm:GetParameter`, `ssm:GetParameters`,
  `ssm:GetParametersByPath`, `secretsmanager:GetSecretValue`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam_actions import (
    document_verdict,
    lowercase_names,
    policies_verdict,
)
from govern.engine.verdict import Verdict

CREDENTIAL_ACTIONS = lowercase_names((
    "airflow:CreateCliToken", "airflow:CreateWebLoginToken",
    "cloud9:CreateEnvironmentToken", "codeartifact:GetAuthorizationToken",
    "codepipeline:PollForJobs", "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-idp:GetSigningCertificate", "connect:GetFederationToken",
    "ec2:GetPasswordData", "emr-containers:GetManagedEndpointSessionCredentials",
    "finspace-api:GetProgrammaticAccessCredentials", "gamelift:GetComputeAccess",
    "gamelift:GetComputeAuthToken", "gamelift:GetInstanceAccess",
    "gamelift:RequestUploadCredentials", "grafana:CreateWorkspaceApiKey",
    "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey", "lightsail:CreateBucketAccessKey",
    "lightsail:GetInstanceAccessDetails", "lightsail:GetRelationalDatabaseMasterUserPassword",
    "mediapackage:RotateChannelCredentials", "mediapackage:RotateIngestEndpointCredentials",
    "rds-db:connect", "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM", "redshift-serverless:GetCredentials",
    "sts:AssumeRole", "sts:GetFederationToken",
))
DATA_ACTIONS = lowercase_names((
    "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
))


def iam_document_no_credentials_on_any_resource(value: Any, args: Mapping[str, Any],
                                                ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow, on every resource, an action that returns
    credentials (`sts:AssumeRole`, `ec2:GetPasswordData`, `redshift:GetClusterCredentials`,
    ...; the list is in `govern/engine/predicates/iam_sensitive.py`).

    Detail names the statement and the actions: `Statement[0] allows sts:AssumeRole on *`.
    """
    return document_verdict(value, CREDENTIAL_ACTIONS)


def iam_policies_no_credentials_on_any_resource(value: Any, args: Mapping[str, Any],
                                                ctx: PredicateContext) -> Verdict:
    """None of a role's, user's, group's or permission set's policies allows, on every
    resource, an action that returns credentials.

    As `iam_document_no_credentials_on_any_resource`, for each document of the canonical
    `policies` list. Detail: `inline policy 'ci': Statement[0] allows sts:AssumeRole on *`.
    """
    return policies_verdict(value, CREDENTIAL_ACTIONS)


def iam_document_no_data_reads_on_any_resource(value: Any, args: Mapping[str, Any],
                                               ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow reading objects, parameters or secrets
    (`s3:GetObject`, `ssm:GetParameter*`, `secretsmanager:GetSecretValue`) on every
    resource.

    Detail: `Statement[0] allows s3:GetObject, secretsmanager:GetSecretValue on *`.
    """
    return document_verdict(value, DATA_ACTIONS)


def iam_policies_no_data_reads_on_any_resource(value: Any, args: Mapping[str, Any],
                                               ctx: PredicateContext) -> Verdict:
    """None of a role's, user's, group's or permission set's policies allows reading
    objects, parameters or secrets on every resource.

    As `iam_document_no_data_reads_on_any_resource`, for each document of the canonical
    `policies` list. Detail: `managed policy 'app': Statement[1] allows s3:GetObject on *`.
    """
    return policies_verdict(value, DATA_ACTIONS)


PREDICATES = (
    declare(iam_document_no_credentials_on_any_resource),
    declare(iam_policies_no_credentials_on_any_resource),
    declare(iam_document_no_data_reads_on_any_resource),
    declare(iam_policies_no_data_reads_on_any_resource),
)
