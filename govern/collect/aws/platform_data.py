"""Data and ML services read live: Athena workgroups, the Glue Data Catalog encryption
settings (one per account and region) and SageMaker notebook instances."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed, paged_tags, token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_unknown, tag_map
from govern.model.resource import Resource
from govern.model.unknown import Unknown

# what a call gives: always (`..._VALUES`), or only when configured (`..._OPTIONAL`)
ATHENA_OPTIONAL = ("result_encryption_option", "result_kms_key")
GLUE_VALUES = ("catalog_encryption_mode", "return_connection_password_encrypted")
GLUE_OPTIONAL = ("catalog_kms_key", "password_kms_key")
NOTEBOOK_VALUES = ("direct_internet_access", "root_access")
NOTEBOOK_OPTIONAL = ("kms_key",)


def athena_workgroups(athena: Any, reader: Reader, account: str,
                      region: str) -> list[Resource]:
    """Every workgroup (the `primary` one included): `name`, `result_encryption_option`
    and `result_kms_key` (absent without an encryption configuration),
    `enforce_workgroup_configuration` (Unknown when the answer omits it), `tags`."""
    listing = token_pages(reader, athena, "ListWorkGroups", region, "WorkGroups")
    if isinstance(listing, Failed):
        return []
    found = []
    for summary in listing:
        name = str(summary["Name"])
        arn = f"arn:aws:athena:{region}:{account}:workgroup/{name}"
        workgroup = live_resource(arn, "aws.athena.workgroup", "AWS::Athena::WorkGroup",
                                  account, region)
        workgroup.set("name", name)
        answer = reader.call(athena, "GetWorkGroup", arn, WorkGroup=name)
        if isinstance(answer, Failed):
            set_maybe_absent(workgroup, answer.unknown, *ATHENA_OPTIONAL)
            workgroup.set("enforce_workgroup_configuration", answer.unknown)
        else:
            configuration = (answer or {}).get("WorkGroup", {}).get("Configuration", {})
            enforced = configuration.get("EnforceWorkGroupConfiguration")
            workgroup.set("enforce_workgroup_configuration",
                          Unknown("GetWorkGroup did not answer it") if enforced is None
                          else bool(enforced))
            encryption = (configuration.get("ResultConfiguration", {})
                          .get("EncryptionConfiguration", {}))
            set_optional(workgroup, "result_encryption_option",
                         encryption.get("EncryptionOption"))
            set_optional(workgroup, "result_kms_key", encryption.get("KmsKey"))
        workgroup.set("tags", _athena_tags(athena, reader, arn))
        found.append(workgroup)
    return found


def _athena_tags(athena: Any, reader: Reader, arn: str) -> dict[str, str] | Unknown:
    """moto answers InvalidRequestException for a workgroup without tags (AWS: an empty
    list): read as no tags, which fails a tag rule rather than passing it."""
    tags = token_pages(reader, athena, "ListTagsForResource", arn, "Tags",
                       frozenset({"InvalidRequestException"}), ResourceARN=arn)
    return tags.unknown if isinstance(tags, Failed) else tag_map(tags)


def glue_catalog_arn(account: str, region: str) -> str:
    """The id of the settings: the ARN of the Data Catalog they belong to."""
    return f"arn:aws:glue:{region}:{account}:catalog"


def glue_catalog_encryption(glue: Any, reader: Reader, account: str,
                            region: str) -> list[Resource]:
    """The region's Data Catalog encryption settings, which always exist (`DISABLED` and
    false until turned on); every value Unknown when the call fails; none where Glue is
    not offered."""
    arn = glue_catalog_arn(account, region)
    settings = live_resource(arn, "aws.glue.data_catalog_encryption",
                             "AWS::Glue::DataCatalogEncryptionSettings", account, region)
    settings.set("catalog_id", account)
    answer = reader.call(glue, "GetDataCatalogEncryptionSettings", arn, CatalogId=account)
    if answer is None:  # the only None: Glue is not offered in the region
        return []
    if isinstance(answer, Failed):
        set_unknown(settings, answer.unknown, *GLUE_VALUES)
        set_maybe_absent(settings, answer.unknown, *GLUE_OPTIONAL)
        return [settings]
    configured = (answer or {}).get("DataCatalogEncryptionSettings", {})
    at_rest = configured.get("EncryptionAtRest", {})
    passwords = configured.get("ConnectionPasswordEncryption", {})
    settings.set("catalog_encryption_mode", at_rest.get("CatalogEncryptionMode") or "DISABLED")
    set_optional(settings, "catalog_kms_key", at_rest.get("SseAwsKmsKeyId"))
    settings.set("return_connection_password_encrypted",
                 bool(passwords.get("ReturnConnectionPasswordEncrypted", False)))
    set_optional(settings, "password_kms_key", passwords.get("AwsKmsKeyId"))
    return [settings]


def notebook_instances(sagemaker: Any, reader: Reader, account: str,
                       region: str) -> list[Resource]:
    """`name`, `kms_key` (absent: a key AWS manages), `direct_internet_access` and
    `root_access` (`Enabled`/`Disabled` as SageMaker answers), `tags`."""
    listing = listed(reader.pages(sagemaker, "ListNotebookInstances", region,
                                  "NotebookInstances"))
    found = []
    for summary in listing:
        name = str(summary["NotebookInstanceName"])
        arn = summary.get("NotebookInstanceArn") or (
            f"arn:aws:sagemaker:{region}:{account}:notebook-instance/{name.lower()}")
        answer = reader.call(sagemaker, "DescribeNotebookInstance", arn,
                             NotebookInstanceName=name)
        notebook = live_resource(arn, "aws.sagemaker.notebook_instance",
                                 "AWS::SageMaker::NotebookInstance", account, region)
        notebook.set("name", name)
        if isinstance(answer, Failed):
            set_unknown(notebook, answer.unknown, *NOTEBOOK_VALUES)
            set_maybe_absent(notebook, answer.unknown, *NOTEBOOK_OPTIONAL)
        else:
            described = answer or {}
            set_optional(notebook, "kms_key", described.get("KmsKeyId"))
            notebook.set("direct_internet_access",
                         described.get("DirectInternetAccess") or "Enabled")
            notebook.set("root_access", described.get("RootAccess") or "Enabled")
        notebook.set("tags", paged_tags(reader, sagemaker, "ListTags", arn, ResourceArn=arn))
        found.append(notebook)
    return found
