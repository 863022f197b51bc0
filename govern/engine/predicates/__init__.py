"""The predicate registry: named, pure functions rules reference by name.

Add a predicate by writing it (with a docstring: the first line is its summary) in the
module for its subject and listing it in that module's `PREDICATES`.
"""

from __future__ import annotations

from govern.engine.predicates import (
    azure_nsg,
    azure_rbac,
    cloudtrail_bucket,
    cloudtrail_events,
    dates,
    ecs_roles,
    gcp_network,
    iam,
    iam_access_levels,
    iam_escalation,
    iam_managed,
    iam_passrole,
    iam_sensitive,
    iam_wildcards,
    kms_keys,
    metric_alarms,
    network,
    network_acl,
    rds_tls,
    s3_transport,
    tags,
)
from govern.engine.predicates.base import ArgSpec, Predicate, PredicateContext

PREDICATES: dict[str, Predicate] = {
    p.name: p for p in (*network.PREDICATES, *iam.PREDICATES, *iam_passrole.PREDICATES,
                        *iam_escalation.PREDICATES, *iam_managed.PREDICATES,
                        *iam_sensitive.PREDICATES,
                        *iam_access_levels.PREDICATES,
                        *iam_wildcards.PREDICATES,
                        *tags.PREDICATES, *gcp_network.PREDICATES,
                        *network_acl.PREDICATES, *azure_nsg.PREDICATES,
                        *azure_rbac.PREDICATES, *metric_alarms.PREDICATES,
                        *s3_transport.PREDICATES, *cloudtrail_events.PREDICATES,
                        *cloudtrail_bucket.PREDICATES,
                        *kms_keys.PREDICATES, *ecs_roles.PREDICATES,
                        *dates.PREDICATES, *rds_tls.PREDICATES)
}

__all__ = ["PREDICATES", "ArgSpec", "Predicate", "PredicateContext"]
