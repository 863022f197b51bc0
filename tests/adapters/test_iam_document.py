from __future__ import annotations

import json

from govern.adapters.aws_managed_policies import (
    ADMINISTRATOR_ACCESS_DOCUMENT,
    aws_managed_policy_document,
    aws_managed_policy_name,
)
from govern.adapters.iam_document import normalize_policy_document
from govern.model.unknown import Unknown


def test_json_text_is_decoded_and_single_values_become_lists() -> None:
    text = json.dumps({"Version": "2012-10-17", "Statement": {
        "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
        "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
        "Condition": {"Bool": {"aws:SecureTransport": "true"}}}})
    assert normalize_policy_document(text) == {"Version": "2012-10-17", "Statement": [{
        "Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"],
        "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]},
        "Condition": {"Bool": {"aws:SecureTransport": ["true"]}}}]}


def test_mapping_with_not_forms_and_star_principal() -> None:
    assert normalize_policy_document({"Statement": [
        {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:x"],
         "NotPrincipal": "*"}]}) == {"Statement": [
        {"Effect": "Deny", "NotAction": ["iam:*"], "NotResource": ["arn:x"],
         "NotPrincipal": "*"}]}


def test_unknown_pieces_stay_where_they_are() -> None:
    actions = Unknown("from a variable")
    statement = Unknown("from a data source")
    assert normalize_policy_document({"Statement": [
        {"Effect": "Allow", "Action": actions, "Resource": "*"}, statement]}) == {
        "Statement": [{"Effect": "Allow", "Action": actions, "Resource": ["*"]}, statement]}


def test_undecodable_or_unknown_documents_are_unknown() -> None:
    unknown = Unknown("known after apply", ref="data.aws_iam_policy_document.x")
    assert normalize_policy_document(unknown) is unknown
    assert normalize_policy_document("{not json") == Unknown(
        "the policy document is not valid JSON")
    assert normalize_policy_document("[1]") == Unknown("the policy document is not a JSON object")


def test_document_without_statements_has_an_empty_list() -> None:
    assert normalize_policy_document("{}") == {"Statement": []}


def test_aws_managed_policies() -> None:
    assert aws_managed_policy_name("arn:aws:iam::aws:policy/AdministratorAccess") == (
        "AdministratorAccess")
    assert aws_managed_policy_name("arn:aws-us-gov:iam::aws:policy/job-function/Billing") == (
        "Billing")
    assert aws_managed_policy_name("arn:aws:iam::123456789012:policy/Admin") is None
    assert aws_managed_policy_document("AdministratorAccess") == ADMINISTRATOR_ACCESS_DOCUMENT
    assert isinstance(aws_managed_policy_document("GovernNotYetPublishedAccess"), Unknown)
