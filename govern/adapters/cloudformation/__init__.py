"""The CloudFormation adapter: native CloudFormation (and SAM) resources -> canonical
resources, the same kinds and attribute paths the Terraform adapter produces.

One module per family (`s3`, `security_groups`, `iam`, `databases`, `compute`, `kms`),
CloudFormation value conversions (`values`), building helpers (`building`), and
CloudFormation's tables for the adapter pipeline (`adapter`, `registry`) with its context
(`context`).

`adapt_cloudformation` is imported on first use: the other formats' adapters share helpers
of single modules here, and importing one must not import this format's whole registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govern.adapters.cloudformation.adapter import adapt_cloudformation
    from govern.adapters.result import AdaptResult

__all__ = ["AdaptResult", "adapt_cloudformation"]


def __getattr__(name: str) -> Any:
    if name == "adapt_cloudformation":
        from govern.adapters.cloudformation.adapter import adapt_cloudformation

        return adapt_cloudformation
    if name == "AdaptResult":
        from govern.adapters.result import AdaptResult

        return AdaptResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
