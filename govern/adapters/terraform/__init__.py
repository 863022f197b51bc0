"""The Terraform adapter: native Terraform resources -> canonical resources.

One module per family of resources (`s3`, `security_groups`, `iam`, `databases`,
`compute`, `kms`, `azure_storage`, `azure_network`, `azure_authorization`), the field
tables and builders they share (`building`, `mapping`, `reading`), effective tags
(`tags`), and Terraform's tables for the adapter pipeline (`adapter`, `registry`) with its
context (`context`).

`adapt_terraform` is imported on first use: the CloudFormation and ARM adapters share
helpers of single modules here, and importing one of them must not import the whole
registry of Terraform adapters (about 120 modules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govern.adapters.result import AdaptResult
    from govern.adapters.terraform.adapter import adapt_terraform

__all__ = ["AdaptResult", "adapt_terraform"]


def __getattr__(name: str) -> Any:
    if name == "adapt_terraform":
        from govern.adapters.terraform.adapter import adapt_terraform

        return adapt_terraform
    if name == "AdaptResult":
        from govern.adapters.result import AdaptResult

        return AdaptResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
