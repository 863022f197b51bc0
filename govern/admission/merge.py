"""The account as it would be after a change: proposed canonical resources laid onto the
live graph by identity (see `identity`), and the resources the change touches.

- A proposed resource with a live identity replaces the live resource's attributes key by
  key: every top-level attribute the change *wrote* (not filled from a provider default)
  overrides the live value; the others stay live. The merged resource keeps the live id
  (the ARN) and takes the proposed address, format and location.
- A stub parent (see `identity`) contributes only what its folded resources changed:
  values that differ from the bare stub's; a list that was empty on the bare stub (an
  identity's `policies`) is added to the live list.
- Managed policies attached by the ARN of a live policy get the live document (and an
  `attached_policy` edge).
- Touched: the proposed resources (merged or new) and both ends of every proposed edge.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Any

from govern.admission.identity import Identities
from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource

_IDENTITY_KINDS = ("aws.iam.role", "aws.iam.user", "aws.iam.group")


@dataclass
class Merged:
    graph: ResourceGraph
    touched: set[str]


def merge(live: ResourceGraph, proposed: ResourceGraph, identities: Identities,
          bare: ResourceGraph | None = None) -> Merged:
    """`proposed` laid onto `live` (neither is modified). `bare` holds the stub parents
    adapted alone (what a stub is before anything is folded into it)."""
    bare_by_address = {r.address: r for r in bare or ()}
    mapping: dict[str, str] = {}
    merged: dict[str, Resource] = {}
    new: list[Resource] = []
    for resource in proposed:
        target = identities.arn_of(resource)
        live_resource = live.get(target) if target else None
        if live_resource is None or live_resource.kind != resource.kind:
            new.append(resource)
            continue
        mapping[resource.id] = live_resource.id
        if resource.address in identities.stubs:
            merged[live_resource.id] = _merge_stub(
                live_resource, resource, bare_by_address.get(resource.address))
        else:
            merged[live_resource.id] = _merge_written(live_resource, resource)
    graph = ResourceGraph()
    for resource in live:
        graph.add(merged.get(resource.id, resource))
    for resource in new:
        graph.add(resource)
    for edge in live.edges():
        graph.connect(edge)
    touched = set(merged) | {r.id for r in new}
    for edge in proposed.edges():
        moved = Edge(mapping.get(edge.source, edge.source),
                     mapping.get(edge.target, edge.target), edge.relation)
        graph.connect(moved)
        touched.update((moved.source, moved.target))
    for resource_id in sorted(touched):
        holder = graph.get(resource_id)
        if (holder is not None and holder.kind in _IDENTITY_KINDS
                and live.get(resource_id) is not holder):  # never change the live graph
            _resolve_live_policies(holder, live, graph, touched)
    return Merged(graph, touched)


def _merge_written(live: Resource, proposed: Resource) -> Resource:
    attributes = copy.deepcopy(live.attributes)
    locations = dict(live.locations)
    defaulted = {p for p in live.defaulted}
    for key, value in proposed.attributes.items():
        if (key,) in proposed.defaulted and key in live.attributes:
            continue
        attributes[key] = value
        defaulted = {p for p in defaulted if p[:1] != (key,)}
        defaulted |= {p for p in proposed.defaulted if p[:1] == (key,)}
    locations.update(proposed.locations)
    return _as_merged(live, proposed, attributes, locations, defaulted)


def _merge_stub(live: Resource, stub: Resource, bare: Resource | None) -> Resource:
    attributes = copy.deepcopy(live.attributes)
    bare_attributes = bare.attributes if bare is not None else {}
    defaulted = set(live.defaulted)
    for key, value in stub.attributes.items():
        before = bare_attributes.get(key, _ABSENT)
        if before == value:
            continue
        if before == [] and isinstance(value, list) and isinstance(attributes.get(key), list):
            attributes[key] = [*attributes[key], *value]
        else:
            attributes[key] = value
            defaulted = {p for p in defaulted if p[:1] != (key,)}
    locations = {**live.locations, **stub.locations}
    merged = _as_merged(live, stub, attributes, locations, defaulted)
    merged.address = live.address  # the stub's made-up address means nothing to users
    return merged


def _as_merged(live: Resource, proposed: Resource, attributes: dict[str, Any],
               locations: dict[Any, Any], defaulted: set[Any]) -> Resource:
    return replace(live, address=proposed.address, source_format=proposed.source_format,
                   native_type=proposed.native_type, range=proposed.range,
                   attributes=attributes, locations=locations, defaulted=defaulted,
                   native=[*proposed.native], context=proposed.context)


def _resolve_live_policies(identity: Resource, live: ResourceGraph, graph: ResourceGraph,
                           touched: set[str]) -> None:
    policies = identity.attributes.get("policies")
    if not isinstance(policies, list):
        return
    for index, entry in enumerate(policies):
        if not isinstance(entry, dict) or entry.get("source") != "managed":
            continue
        arn = entry.get("arn")
        policy = live.get(arn) if isinstance(arn, str) else None
        if policy is None or policy.kind != "aws.iam.policy":
            continue
        document = policy.attributes.get("document")
        if document is not None:
            policies[index] = {**entry, "document": copy.deepcopy(document)}
        graph.connect(Edge(identity.id, policy.id, "attached_policy"))
        touched.add(policy.id)


_ABSENT = object()
