"""Compute Engine disk encryption: the key of persistent disks and of the disks a VM
creates, and whether a raw key is in the scanned code."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import native

CMEK = "projects/p/locations/l/keyRings/r/cryptoKeys/k"


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def test_a_disk_without_a_key_block_is_google_managed() -> None:
    for native_type in ("google_compute_disk", "google_compute_region_disk"):
        disk = adapt_one(f"{native_type}.d", {"name": "d"})
        assert disk.kind == "gcp.compute.disk"
        assert (disk.attributes["key"], disk.attributes["raw_key_in_code"]) == (
            "google-managed", False)
        assert {("key",), ("raw_key_in_code",)} <= disk.defaulted


def test_a_disk_key_is_customer_managed_or_supplied() -> None:
    cmek = adapt_one("google_compute_disk.c", {
        "disk_encryption_key": [{"kms_key_self_link": CMEK}]})
    assert (cmek.attributes["key"], cmek.attributes["raw_key_in_code"]) == (
        "customer-managed", False)
    literal = adapt_one("google_compute_disk.l", {"disk_encryption_key": [{"raw_key": "a2V5"}]})
    assert (literal.attributes["key"], literal.attributes["raw_key_in_code"]) == (
        "customer-supplied", True)
    runtime = adapt_one("google_compute_disk.r", {
        "disk_encryption_key": [{"rsa_encrypted_key": Unknown("var.k")}]})
    assert (runtime.attributes["key"], runtime.attributes["raw_key_in_code"]) == (
        "customer-supplied", False)


def test_a_plan_cannot_tell_whether_a_raw_key_is_in_the_code() -> None:
    planned = replace(native("google_compute_disk.p", {
        "disk_encryption_key": [{"raw_key": "a2V5"}]}), format="tfplan")
    [disk] = adapt_terraform([planned]).resources
    assert disk.attributes["key"] == "customer-supplied"
    assert isinstance(disk.attributes["raw_key_in_code"], Unknown)


def test_an_instance_lists_the_boot_disk_it_creates_but_not_an_existing_one() -> None:
    created = adapt_one("google_compute_instance.i", {"boot_disk": [{
        "initialize_params": [{"image": "debian"}], "disk_encryption_key_raw": "a2V5"}]})
    assert created.attributes["disks"] == [
        {"boot": True, "key": "customer-supplied", "raw_key_in_code": True}]
    existing = adapt_one("google_compute_instance.e", {"boot_disk": [{"source": "d"}]})
    assert existing.attributes["disks"] == []


def test_a_template_lists_its_new_disks_with_their_kms_keys() -> None:
    template = adapt_one("google_compute_instance_template.t", {"disk": [
        {"boot": True, "source_image": "debian",
         "disk_encryption_key": [{"kms_key_self_link": CMEK}]},
        {"disk_size_gb": 10},
        {"source": "existing"}]})
    assert template.attributes["disks"] == [
        {"boot": True, "key": "customer-managed", "raw_key_in_code": False},
        {"boot": False, "key": "google-managed", "raw_key_in_code": False}]
