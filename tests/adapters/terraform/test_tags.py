from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native

PROVIDER_AT = lines(1, 8, "providers.tf")


def provider(tags: object) -> dict[str, object]:
    return {"region": "eu-west-1", "default_tags": [{"tags": tags}]}


def bucket(tags: object = None, provider_config: dict[str, object] | None = None) -> object:
    attributes = {"bucket": "b"} if tags is None else {"bucket": "b", "tags": tags}
    return native("aws_s3_bucket.b", attributes, line=10, end=16,
                  locations={} if tags is None else {"tags": (12, 15), "tags.owner": 13},
                  provider=provider_config, provider_range=PROVIDER_AT)


def test_default_tags_are_merged_under_the_resource_tags() -> None:
    resource = adapt_terraform([bucket(
        {"owner": "data-team", "env": "prod"},
        provider({"env": "dev", "cost-center": "cc-42"}))]).resources[0]
    assert resource.attributes["tags"] == {
        "cost-center": "cc-42", "env": "prod", "owner": "data-team"}
    assert resource.location("tags.owner") == lines(13)
    assert resource.location("tags.env") == lines(12, 15)
    assert resource.location("tags.cost-center") == PROVIDER_AT


def test_default_tags_alone() -> None:
    resource = adapt_terraform([bucket(None, provider({"owner": "x"}))]).resources[0]
    assert resource.attributes["tags"] == {"owner": "x"}
    assert resource.location("tags") == lines(10, 16)
    assert resource.location("tags.owner") == PROVIDER_AT


def test_no_provider_and_no_tags_gives_an_empty_map() -> None:
    resource = adapt_terraform([bucket()]).resources[0]
    assert resource.attributes["tags"] == {}
    assert resource.location("tags") == lines(10, 16)


def test_null_tags_are_not_set() -> None:
    resource = adapt_terraform([bucket({"owner": None}, provider({"env": None}))]).resources[0]
    assert resource.attributes["tags"] == {}


def test_unknown_tag_values_keep_their_keys() -> None:
    value = Unknown("from a variable without a value")
    resource = adapt_terraform([bucket({"owner": value}, provider({"cost-center": value}))]
                               ).resources[0]
    assert resource.attributes["tags"] == {"cost-center": value, "owner": value}


def test_unknown_default_tag_map_makes_the_tags_unknown() -> None:
    defaults = Unknown("from a data source")
    resource = adapt_terraform([bucket({"owner": "x"}, provider(defaults))]).resources[0]
    assert resource.attributes["tags"] is defaults


def test_unknown_resource_tag_map_makes_the_tags_unknown() -> None:
    tags = Unknown("merge() of an unknown map")
    resource = adapt_terraform([bucket(tags, provider({"owner": "x"}))]).resources[0]
    assert resource.attributes["tags"] is tags


def test_unknown_default_tags_block() -> None:
    block = Unknown("dynamic")
    resource = adapt_terraform([bucket({"owner": "x"}, {"default_tags": block})]).resources[0]
    assert resource.attributes["tags"] is block


def test_azure_resources_ignore_provider_settings() -> None:
    account = native("azurerm_storage_account.sa", {"name": "sa", "tags": {"owner": "x"}},
                     provider={"features": [{}], "default_tags": [{"tags": {"env": "x"}}]})
    resource = adapt_terraform([account]).resources[0]
    assert resource.attributes["tags"] == {"owner": "x"}


def test_kinds_that_are_not_taggable_have_no_tags() -> None:
    group = native("aws_iam_group.g", {"name": "g"}, provider=provider({"owner": "x"}))
    assignment = native("azurerm_role_assignment.r", {"scope": "/"})
    assert [("tags" in r.attributes) for r in adapt_terraform([group, assignment]).resources] == [
        False, False]
