"""Kinesis Data Firehose: `aws_kinesis_firehose_delivery_stream` (`server_side_encryption`
`enabled` defaults to false and `key_type` to `AWS_OWNED_CMK`; the stream's type follows
from its source block: `kinesis_source_configuration`, `msk_source_configuration` or
neither, `DirectPut`)."""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default
from govern.adapters.reading import blocks_in, located
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_SSE = "server_side_encryption.0."
_SOURCES = (("kinesis_source_configuration", "KinesisStreamAsSource"),
            ("msk_source_configuration", "MSKAsSource"))


def _finish_stream(resource: Resource, native: NativeResource) -> None:
    """The type from the source block written; Unknown when a source block's presence
    is (a `dynamic` block over an unknown list)."""
    for block, source in _SOURCES:
        found = blocks_in(native.attributes, block)
        if isinstance(found, Unknown):
            resource.set(("delivery_stream_type",), found)
            return
        if found:
            set_at(resource, "delivery_stream_type", source, located(native, block))
            return
    set_default(resource, "delivery_stream_type", "DirectPut")


MAPPINGS = {
    "aws_kinesis_firehose_delivery_stream": KindMapping("aws.firehose.delivery_stream", (
        field("name"),
        field("sse_enabled", _SSE + "enabled", default=False),
        field("sse_key_type", _SSE + "key_type", default="AWS_OWNED_CMK"),
        field("sse_key", _SSE + "key_arn"),
    ), _finish_stream),
}
