"""The framework catalogues: they load, ids are unique, names resolve."""

from __future__ import annotations

import pytest

from govern.compliance.catalogues import FRAMEWORK_KEYS, load_framework, resolve
from govern.errors import UsageError


def test_keys() -> None:
    assert FRAMEWORK_KEYS == (
        "cis-aws-3.0", "cis-azure-2.1", "cis-gcp-2.0", "nist-800-53-r5", "pci-dss-4.0")


@pytest.mark.parametrize("key", FRAMEWORK_KEYS)
def test_framework_loads_with_unique_ids(key: str) -> None:
    framework = load_framework(key)
    ids = framework.ids()
    assert framework.key == key
    assert len(ids) == len(set(ids))
    assert all(c.id.strip() and c.title.strip() for c in framework.controls)
    assert framework.url.startswith("https://")


def test_titles_and_counts() -> None:
    assert [(k, load_framework(k).title, len(load_framework(k).controls))
            for k in FRAMEWORK_KEYS] == [
        ("cis-aws-3.0", "CIS Amazon Web Services Foundations Benchmark v3.0.0", 59),
        ("cis-azure-2.1", "CIS Microsoft Azure Foundations Benchmark v2.1.0", 51),
        ("cis-gcp-2.0", "CIS Google Cloud Platform Foundation Benchmark v2.0.0", 43),
        ("nist-800-53-r5", "NIST SP 800-53 Revision 5", 45),
        ("pci-dss-4.0", "Payment Card Industry Data Security Standard v4.0", 38),
    ]


def test_some_controls() -> None:
    def title(key: str, control: str) -> str:
        return next(c.title for c in load_framework(key).controls if c.id == control)

    assert title("cis-aws-3.0", "2.1.4") == (
        "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'")
    assert title("cis-aws-3.0", "3.6") == (
        "Ensure rotation for customer-created symmetric CMKs is enabled")
    assert title("cis-azure-2.1", "3.1") == (
        "Ensure that 'Secure transfer required' is set to 'Enabled'")
    assert title("nist-800-53-r5", "SC-28") == "Protection of Information at Rest"
    assert title("nist-800-53-r5", "SC-8(1)") == "Cryptographic Protection"


@pytest.mark.parametrize(("name", "key"), [
    ("cis-aws", "cis-aws-3.0"), ("cis-azure", "cis-azure-2.1"), ("cis-gcp", "cis-gcp-2.0"),
    ("nist", "nist-800-53-r5"), ("pci", "pci-dss-4.0"), ("PCI", "pci-dss-4.0"),
    ("cis-aws-3.0", "cis-aws-3.0"), ("nist-800-53-r5", "nist-800-53-r5"),
])
def test_resolve(name: str, key: str) -> None:
    assert resolve(name) == key


def test_resolve_unknown() -> None:
    with pytest.raises(UsageError) as info:
        resolve("cis-aws-1.4")
    assert str(info.value) == (
        "unknown compliance framework 'cis-aws-1.4' (known: cis-aws-3.0, cis-azure-2.1, "
        "cis-gcp-2.0, nist-800-53-r5, pci-dss-4.0; aliases: cis-aws, cis-azure, cis-gcp, "
        "nist, nist-800-53, pci, pci-dss)")
