"""The Terraform adapter: native Terraform resources -> canonical resources.

One module per family of resources (`s3`, `security_groups`, `iam`, `databases`,
`compute`, `kms`, `azure_storage`, `azure_network`, `azure_authorization`), the field
tables and builders they share (`building`, `mapping`, `reading`), effective tags
(`tags`), and Terraform's tables for the adapter pipeline (`adapter`, `registry`) with its
context (`context`).
"""

from govern.adapters.result import AdaptResult
from govern.adapters.terraform.adapter import adapt_terraform

__all__ = ["AdaptResult", "adapt_terraform"]
