"""A rule's attribute paths must be declared by its kinds (govern/kinds/): a typo is an
error at rule load with file:line and a suggestion, never a silent "absent"."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.engine.rule_loader import load_rules
from govern.errors import RuleError
from tests.engine.helpers import rule_text, write_rule

NAME = "s3-bucket-without-encryption.yaml"


def error_of(tmp_path: Path, text: str) -> str:
    path = write_rule(tmp_path, text, NAME)
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    return str(caught.value).replace(str(path), "FILE")


def loads(tmp_path: Path, text: str) -> bool:
    write_rule(tmp_path, text, NAME)
    return len(load_rules([str(tmp_path)])) == 1


@pytest.mark.parametrize(("text", "message"), [
    (rule_text("check:\n  attr: encrypted_at_rest\n  op: is_true\n",
               kinds="[aws.rds.instance]", id="GOV-AWS-001"),
     "FILE:9: unknown attribute 'encrypted_at_rest' of aws.rds.instance "
     "(did you mean 'storage_encrypted'?)"),
    (rule_text("check:\n  attr: encryption.enabeld\n  op: is_true\n"),
     "FILE:9: unknown attribute 'encryption.enabeld' of aws.s3.bucket "
     "(did you mean 'encryption.enabled'?)"),
    (rule_text("check:\n  attr: encrypted_storage\n  op: is_true\n",
               kinds="[aws.rds.instance, aws.rds.cluster]"),
     "FILE:9: unknown attribute 'encrypted_storage' of aws.rds.instance or aws.rds.cluster"
     " (did you mean 'storage_encrypted'?)"),
    (rule_text("check:\n  some: grants\n  check: {attr: permision, op: exists}\n"),
     "FILE:10: unknown attribute 'permision' of aws.s3.bucket grants "
     "(did you mean 'permission'?)"),
    (rule_text("check:\n  each: encryption\n  check: {attr: enabled, op: exists}\n"),
     "FILE:9: 'encryption' of aws.s3.bucket is object, not a list"),
    (rule_text("check:\n  predicate: has_required_tags\n  attr: tag\n"
               "  args: {required: [owner]}\n"),
     "FILE:10: unknown attribute 'tag' of aws.s3.bucket (did you mean 'tags'?)"),
    (rule_text("check:\n  related: {relation: logging_target, kind: aws.s3.bucket}\n"
               "  every: {attr: versioning.enbled, op: is_true}\n"),
     "FILE:10: unknown attribute 'versioning.enbled' of aws.s3.bucket "
     "(did you mean 'versioning.enabled'?)"),
])
def test_undeclared_attribute_is_a_load_error(tmp_path: Path, text: str, message: str
                                              ) -> None:
    assert error_of(tmp_path, text) == message


@pytest.mark.parametrize("check", [
    "check:\n  attr: encryption.kms_key\n  op: exists\n",
    # below a policy document, a map or `any`, paths are not declared per kind
    "check:\n  attr: policy.Statement\n  op: exists\n",
    "check:\n  attr: tags.owner\n  op: exists\n",
    "check:\n  some: grants\n  check: {attr: permission, op: equals, value: READ}\n",
    "check:\n  attr: change.actions\n  op: exists\n",
    # a related resource of any kind: not checked
    "check:\n  related: {relation: references}\n  every: {attr: anything, op: exists}\n",
])
def test_declared_paths_load(tmp_path: Path, check: str) -> None:
    assert loads(tmp_path, rule_text(check))


def test_the_example_from_the_docs_points_at_the_attr_line(tmp_path: Path) -> None:
    """The line is the `attr:` line of the condition, also deep in the check."""
    text = rule_text("check:\n  all:\n    - attr: name\n      op: exists\n"
                     "    - not:\n        attr: acll\n        op: exists\n")
    assert error_of(tmp_path, text) == (
        "FILE:13: unknown attribute 'acll' of aws.s3.bucket (did you mean 'acl'?)")
