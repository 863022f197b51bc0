"""What `govern scan --aws` reads: the profile, regions, role and endpoint (no boto3 here)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TIMEOUT = 1800.0  # seconds a live scan may take (--aws-timeout)


@dataclass(frozen=True)
class AwsOptions:
    profile: str | None = None
    regions: tuple[str, ...] = ()  # empty: the profile's region; ("all",): every enabled one
    role_arn: str | None = None
    endpoint_url: str | None = None  # an API emulator (moto) or a VPC endpoint
    max_workers: int = 4  # concurrent calls per region
    org_role: str | None = None  # --org: read every ACTIVE account through this role name
    org_concurrency: int = 4  # --org: accounts read at the same time
    # --allow-partial: listings that failed are warnings only (the scan does not exit 3)
    allow_partial: bool = False
    timeout: float = DEFAULT_TIMEOUT  # --aws-timeout: seconds for the whole live scan
    # the time.monotonic() after which no call is made (set once per scan; None: from
    # `timeout` when the scan starts)
    deadline: float | None = None
    # --scheduler: with --org, each account is read by a worker of this Dask cluster
    # (which assumes the role itself)
    scheduler: str | None = None
    # which readers run (`collector.read_account`): None every one; "global" the
    # account-wide ones (S3, IAM, the account's settings, the global services); a region
    # name that region's. The parts of an account are read apart on a Dask cluster.
    part: str | None = None
