"""Resource policies written as separate resources, folded into the resource they name:
`aws_sqs_queue_policy` (`queue_url`) into the queue, `aws_sns_topic_policy` (`arn`) into the
topic, `aws_ecr_repository_policy` (`repository`) into the repository. Each replaces the
target's `policy` (normalized), as `aws_s3_bucket_policy` does for a bucket. A target
not declared in the configuration is an external parent (`govern.adapters.external`)
whose `policy` is known."""

from __future__ import annotations

from govern.adapters.building import clear, copy
from govern.adapters.external import Setup, named, opened
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.context import Folder, RootContext
from govern.parsers.native import NativeResource


def _folder(kind: str, attribute: str, what: str, native_type: str, setup: Setup) -> Folder:
    def fold(native: NativeResource, ctx: RootContext) -> None:
        target = ctx.fold_target(native, attribute, [kind], what,
                                 external=(kind, native_type, setup))
        if target is None:
            return
        ctx.absorb(native, target)
        clear(target, "policy")
        copy(target, native, "policy", "policy", normalize_policy_document, folded=True)
    return fold


FOLDERS: dict[str, Folder] = {
    "aws_sqs_queue_policy": _folder("aws.sqs.queue", "queue_url", "queue", "aws_sqs_queue",
                                    opened()),
    "aws_sns_topic_policy": _folder("aws.sns.topic", "arn", "topic", "aws_sns_topic",
                                    opened()),
    "aws_ecr_repository_policy": _folder("aws.ecr.repository", "repository", "repository",
                                         "aws_ecr_repository", named()),
}
