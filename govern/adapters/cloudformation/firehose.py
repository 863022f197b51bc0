"""Kinesis Data Firehose: `AWS::KinesisFirehose::DeliveryStream` (`DeliveryStreamType`
defaults to `DirectPut`; server-side encryption is on when
`DeliveryStreamEncryptionConfigurationInput` is written, whose `KeyType` is required)."""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.reading import MISSING, located, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

_INPUT = "DeliveryStreamEncryptionConfigurationInput"


def _finish_stream(resource: Resource, native: NativeResource) -> None:
    """`sse_enabled` from whether the encryption input is written (an `Fn::If` between
    an input and `AWS::NoValue` is Unknown with both answers)."""
    written = value_at(native, _INPUT)
    if written is MISSING:
        set_default(resource, "sse_enabled", False)
    elif isinstance(written, Unknown):
        resource.set(("sse_enabled",), map_choices(written, lambda item: item is not None)
                     if has_choices(written) else written)
    else:
        set_at(resource, "sse_enabled", True, located(native, _INPUT))


MAPPINGS = {
    "AWS::KinesisFirehose::DeliveryStream": KindMapping("aws.firehose.delivery_stream", (
        field("name", "DeliveryStreamName"),
        field("delivery_stream_type", "DeliveryStreamType", default="DirectPut"),
        field("sse_key_type", _INPUT + ".KeyType", default="AWS_OWNED_CMK"),
        field("sse_key", _INPUT + ".KeyARN"),
    ), _finish_stream),
}
