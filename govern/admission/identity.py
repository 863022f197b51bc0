"""Identity: which live resource (ARN) a proposed resource stands for.

The mapping, in order:

1. the ARN a plan knows (`arn` of a resource that already exists), when it is live;
2. `aws.s3.bucket` by its name: `arn:aws:s3:::NAME`;
3. `aws.iam.role` / `user` / `group` / `policy` by name:
   `arn:aws:iam::<account>:role/NAME` (`user/`, `group/`, `policy/`), with the account
   taken from the inventory's ARNs (path `/` only);
4. `aws.ec2.security_group` by the group id a plan knows (`sg-...`): the live group whose
   ARN ends in `security-group/<id>`;
5. otherwise the proposed resource is new.

A plan's folded resources (`aws_s3_bucket_policy`, `aws_s3_bucket_acl`,
`aws_iam_role_policy_attachment`, ...) that name by a literal a bucket, role, user or
group the plan does not hold, but the inventory does, get a *stub* parent (a bare native
resource of that name) so the adapter folds them as usual; the merge then lays only what
the folded resources wrote onto the live resource.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

STUB_PREFIX = "live"  # stub addresses: `aws_s3_bucket.live["NAME"]`

# folded native type -> (attribute naming the parent, parent native type, canonical kind)
_PARENTS: dict[str, tuple[str, str, str]] = {
    **{t: ("bucket", "aws_s3_bucket", "aws.s3.bucket") for t in (
        "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
        "aws_s3_bucket_logging", "aws_s3_bucket_ownership_controls")},
    **{f"aws_iam_{who}_{what}": (who, f"aws_iam_{who}", f"aws.iam.{who}")
       for who in ("role", "user", "group") for what in ("policy", "policy_attachment")},
}
_PARENT_NAME = {"aws_s3_bucket": "bucket"}  # the native attribute holding the name
_IAM_KINDS = {"aws.iam.role": "role", "aws.iam.user": "user", "aws.iam.group": "group",
              "aws.iam.policy": "policy"}


@dataclass
class Identities:
    """What is known about the live account to map proposed resources onto it."""

    live: ResourceGraph
    account: str | None = None
    native_ids: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    stubs: set[str] = field(default_factory=set)  # addresses of stub natives
    stub_natives: list[NativeResource] = field(default_factory=list)

    @classmethod
    def of(cls, live: ResourceGraph) -> Identities:
        return cls(live, account_of(r.arn or r.id for r in live))

    def arn_of(self, resource: Resource) -> str | None:
        """The live resource id `resource` stands for, or None when it is new."""
        native_id, native_arn = self.native_ids.get(resource.address, (None, None))
        for candidate in (resource.arn, native_arn):
            if candidate and candidate in self.live:
                return candidate
        name = resource.attributes.get("name")
        if resource.kind == "aws.s3.bucket" and isinstance(name, str):
            return _live(self.live, f"arn:aws:s3:::{name}")
        if resource.kind in _IAM_KINDS and isinstance(name, str) and self.account:
            arn = f"arn:aws:iam::{self.account}:{_IAM_KINDS[resource.kind]}/{name}"
            return _live(self.live, arn)
        if resource.kind == "aws.ec2.security_group" and native_id:
            found = [r.id for r in self.live.of_kind(resource.kind)
                     if (r.arn or r.id).endswith(f"security-group/{native_id}")]
            return found[0] if len(found) == 1 else None
        return None

    def prepare(self, natives: list[NativeResource]) -> list[NativeResource]:
        """Remember the ids and ARNs a plan knows, and add a stub parent for each live
        bucket/role/user/group that folded resources name but the change does not hold."""
        names: set[tuple[str, str, str]] = set()
        for native in natives:
            ident = native.attributes.get("id")
            arn = native.attributes.get("arn")
            self.native_ids[native.address] = (ident if isinstance(ident, str) else None,
                                               arn if isinstance(arn, str) else None)
            attribute = _PARENT_NAME.get(native.native_type, "name")
            name = native.attributes.get(attribute)
            if isinstance(name, str):
                names.add((native.root, native.native_type, name))
        stubs: list[NativeResource] = []
        for native in natives:
            parent = _PARENTS.get(native.native_type)
            if parent is None or native.mode != "managed":
                continue
            attribute, parent_type, kind = parent
            name = native.attributes.get(attribute)
            if not isinstance(name, str) or (native.root, parent_type, name) in names:
                continue
            if not self._is_live(kind, name):
                continue
            names.add((native.root, parent_type, name))
            address = f'{parent_type}.{STUB_PREFIX}["{name}"]'
            self.stubs.add(address)
            stubs.append(NativeResource(
                format=native.format, native_type=parent_type, address=address,
                range=native.range, attributes={_PARENT_NAME.get(parent_type, "name"): name},
                provider=native.provider, provider_range=native.provider_range,
                root=native.root, actions=("no-op",)))
        self.stub_natives.extend(stubs)
        return [*natives, *stubs]

    def _is_live(self, kind: str, name: str) -> bool:
        probe = Resource(id="", kind=kind, address="", source_format="", native_type="",
                         range=None, attributes={"name": name})
        return self.arn_of(probe) is not None


def account_of(arns: Iterable[str]) -> str | None:
    """The account most of `arns` belong to (the fifth ARN field), or None."""
    counts = Counter(parts[4] for arn in arns
                     if len(parts := arn.split(":")) > 5 and parts[0] == "arn"
                     and parts[4].isdigit())
    return counts.most_common(1)[0][0] if counts else None


def _live(graph: ResourceGraph, arn: str) -> str | None:
    return arn if arn in graph else None
