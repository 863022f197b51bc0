"""Resource policies written as separate resources, folded into every resource they name:
`AWS::SQS::QueuePolicy` (`Queues`, a list of queue URLs) into each queue and
`AWS::SNS::TopicPolicy` (`Topics`, a list of topic ARNs) into each topic. The
`PolicyDocument` becomes the target's `policy` (normalized), as `AWS::S3::BucketPolicy`
does for a bucket. A target list that is not known folds into nothing (with a note); an
entry naming a queue or topic outside the template (a parameter, `Fn::ImportValue`, a
literal URL or ARN) is an external parent (`govern.adapters.external`)."""

from __future__ import annotations

from collections.abc import Callable

from govern.adapters.building import clear, copy
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.external import opened
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import value_at
from govern.parsers.native import NativeResource

Folder = Callable[[NativeResource, TemplateContext], None]


def _folder(kind: str, prop: str, what: str, native_type: str) -> Folder:
    def fold(native: NativeResource, ctx: TemplateContext) -> None:
        targets = value_at(native, prop)
        if not isinstance(targets, list):
            ctx.note(native, f"{prop} is not a list known in this template",
                     "fold-target-not-found")
            return
        for index, entry in enumerate(targets):
            target = ctx.single(native, entry, [kind], what,
                                external=(kind, native_type, opened()),
                                prop=f"{prop}[{index}]")
            if target is None:
                continue
            ctx.absorb(native, target)
            clear(target, "policy")
            copy(target, native, "PolicyDocument", "policy", normalize_policy_document,
                 folded=True)
    return fold


FOLDERS: dict[str, Folder] = {
    "AWS::SQS::QueuePolicy": _folder("aws.sqs.queue", "Queues", "queue", "AWS::SQS::Queue"),
    "AWS::SNS::TopicPolicy": _folder("aws.sns.topic", "Topics", "topic", "AWS::SNS::Topic"),
}
