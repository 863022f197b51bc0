"""The `iam_bindings` attribute of the GCP kinds whose resource-level IAM resources
(`google_<service>_iam_binding`, `_member`, `_policy`) are folded into them."""

from __future__ import annotations

from govern.kinds.declare import Attribute, objects, string, strings


def iam_bindings(what: str, types: str, names: str) -> Attribute:
    """`iam_bindings` of a kind: `what` the parent is (`service`), `types` the IAM
    resource types (`google_pubsub_topic_iam_*`), `names` the attribute of theirs that
    names the parent, as markdown (`` `topic` ``)."""
    return objects(
        "iam_bindings", f"Who is granted which role on the {what}: one entry per "
        f"binding or member resource ({types}: `_binding`, `_member`) whose {names} "
        f"names the {what} (a reference to it, or its literal name), in source order, and "
        "one per binding of the `policy_data` of a `_policy` resource (the JSON of a "
        "`data.google_iam_policy` or a literal; one Unknown entry when it is not known "
        f"statically); absent when there is none. A {what} declared outside the scanned "
        "code starts with one Unknown element for the bindings declared elsewhere.",
        string("role", "The role granted (`role`)."),
        strings("members", "The members granted: a binding's `members`, a member "
                "resource's `member` as a one-element list (`allUsers` is anyone on the "
                "internet, `allAuthenticatedUsers` anyone with a Google account)."))
