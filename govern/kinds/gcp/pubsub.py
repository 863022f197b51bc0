"""Pub/Sub: topics and subscriptions."""

from __future__ import annotations

from govern.kinds.declare import gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.pubsub.topic", "Pub/Sub topic (`google_pubsub_topic`), with its topic IAM "
        "bindings and members folded in",
        string("name", "The topic's name (`name`)."),
        string("kms_key", "The Cloud KMS key that protects the topic's messages "
               "(`kms_key_name`); absent: Google-managed keys."),
        iam_bindings("topic", "`google_pubsub_topic_iam_*`", "`topic`"),
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.pubsub.subscription", "Pub/Sub subscription (`google_pubsub_subscription`), "
        "with its subscription IAM bindings and members folded in",
        string("name", "The subscription's name (`name`)."),
        string("topic", "The topic it receives messages from (`topic`, as written)."),
        iam_bindings("subscription", "`google_pubsub_subscription_iam_*`", "`subscription`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
