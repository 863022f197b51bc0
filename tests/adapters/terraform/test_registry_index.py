"""The Terraform adapter tables resolved per type (lazy_registry.py) are registry.py's:
the generated index is up to date, and every lookup gives registry.py's function."""

from __future__ import annotations

import subprocess
import sys

from govern.adapters.terraform import lazy_registry, registry, registry_index


def test_the_index_is_generated_from_the_registry() -> None:
    assert lazy_registry.derive_index() == {
        "BUILDER_AT": registry_index.BUILDER_AT, "FOLDER_AT": registry_index.FOLDER_AT,
        "LINKER_AT": registry_index.LINKER_AT}, (
        "registry_index.py is out of date: run python scripts/gen_terraform_registry_index.py")


def test_every_lookup_is_the_registrys() -> None:
    for table, lookup in ((registry.BUILDERS, lazy_registry.builder_for),
                          (registry.FOLDERS, lazy_registry.folder_for),
                          (registry.LINKERS, lazy_registry.linker_for)):
        for native_type, function in table.items():
            assert lookup(native_type) == function, native_type
    assert lazy_registry.builder_for("aws_no_such_thing") is None
    assert lazy_registry.folder_for("aws_s3_bucket_versioning") == (
        registry.FOLDERS["aws_s3_bucket_versioning"])


def test_a_scan_of_one_bucket_imports_few_adapters() -> None:
    """The point of the index: the adapters of the types a scan meets, not all 120."""
    code = ("import sys\n"
            "from govern.adapters.terraform import adapt_terraform\n"
            "from govern.parsers.native import NativeResource\n"
            "from govern.model.source import SourceRange\n"
            "native = NativeResource(format='terraform', native_type='aws_s3_bucket',\n"
            "    address='aws_s3_bucket.b', range=SourceRange('main.tf', 1, 1),\n"
            "    attributes={'bucket': 'b'}, locations={}, references=[], provider={},\n"
            "    root='.')\n"
            "adapt_terraform([native])\n"
            "print(sum(1 for m in sys.modules if m.startswith('govern.adapters.terraform.')))\n")
    imported = int(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                  text=True, check=True).stdout)
    assert imported < 12, imported  # adapter, context, tags, the index, s3 (6 today)
