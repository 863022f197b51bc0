"""The CloudFormation adapter: native CloudFormation (and SAM) resources -> canonical
resources, the same kinds and attribute paths the Terraform adapter produces.

One module per family (`s3`, `security_groups`, `iam`, `databases`, `compute`, `kms`),
CloudFormation value conversions (`values`), building helpers (`building`), and
CloudFormation's tables for the adapter pipeline (`adapter`, `registry`) with its context
(`context`).
"""

from govern.adapters.cloudformation.adapter import adapt_cloudformation
from govern.adapters.result import AdaptResult

__all__ = ["AdaptResult", "adapt_cloudformation"]
