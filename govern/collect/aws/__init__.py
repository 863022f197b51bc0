"""Live AWS: canonical resources read with boto3 (imported only inside this package).

`collect_aws(options)` returns a ResourceGraph of the same canonical kinds and attribute
paths the Terraform and CloudFormation adapters produce, identified by ARN, and notices
about what could not be read (those attributes are Unknown, never a guess).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govern.collect.aws.options import AwsOptions

if TYPE_CHECKING:
    from govern.model.finding import Notice
    from govern.model.graph import ResourceGraph

__all__ = ["AwsOptions", "collect_aws"]


def collect_aws(options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
    """Read the account `options` name. UsageError when boto3 is not installed."""
    from govern.collect.aws.collector import collect

    return collect(options)
