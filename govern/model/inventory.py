"""An inventory snapshot: a resource graph saved as JSON and read back.

`govern scan --aws --save-inventory FILE` writes one; `govern scan --inventory FILE` and
`govern admit --inventory FILE` evaluate rules against it without calling AWS. The file
holds canonical resources (kind, address, ARN, attributes, defaulted paths) and edges;
`Unknown` values are written as `{"$unknown": reason, "ref": ...}` so that what could not
be read stays unknown, never a guess.

The file is read as a user file (`govern.user_files`): no FIFOs or devices, at most 64 MiB,
nesting and integers bounded; any problem is a ConfigError (exit 2) naming the file.
"""

from __future__ import annotations

from typing import Any

from govern.errors import ConfigError
from govern.json_text import dumps_indented
from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource, split_path
from govern.model.unknown import Unknown
from govern.user_files import JsonLimitError, UserFileError, load_json, read_user_text

FORMAT_VERSION = 1


def dump_inventory(graph: ResourceGraph, meta: dict[str, Any] | None = None) -> str:
    """The graph as deterministic JSON text (resources sorted by id)."""
    resources = [{
        "id": r.id, "kind": r.kind, "address": r.address, "arn": r.arn,
        "source_format": r.source_format, "native_type": r.native_type,
        "context": r.context, "attributes": _encode(r.attributes),
        "defaulted": sorted(".".join(str(p) for p in path) for path in r.defaulted),
    } for r in sorted(graph, key=lambda r: r.id)]
    edges = [{"source": e.source, "target": e.target, "relation": e.relation}
             for e in graph.edges()]
    doc = {"govern_inventory": FORMAT_VERSION, "meta": meta or {}, "resources": resources,
           "edges": edges}
    return dumps_indented(doc) + "\n"


def load_inventory(path: str) -> ResourceGraph:
    """Read an inventory file. A file that is not one raises ConfigError (exit 2)."""
    try:
        doc = load_json(read_user_text(path))
    except UserFileError as exc:
        raise ConfigError(f"{path}: cannot read inventory: {exc.reason}") from None
    except JsonLimitError as exc:
        raise ConfigError(f"{path}{exc.where}: not an inventory file: {exc.reason}") from None
    if not isinstance(doc, dict) or doc.get("govern_inventory") != FORMAT_VERSION:
        raise ConfigError(f"{path}: not a govern inventory file (version "
                          f"{FORMAT_VERSION}; write one with --save-inventory)")
    graph = ResourceGraph()
    try:
        for item in doc["resources"]:
            resource = Resource(
                id=item["id"], kind=item["kind"], address=item["address"],
                source_format=item["source_format"], native_type=item["native_type"],
                range=None, attributes=_decode(item["attributes"]), arn=item.get("arn"),
                context=item.get("context", ""))
            resource.defaulted = {split_path(p) for p in item.get("defaulted", [])}
            graph.add(resource)
        for edge in doc["edges"]:
            graph.connect(Edge(edge["source"], edge["target"], edge["relation"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: malformed inventory entry ({exc})") from exc
    return graph


def _encode(value: Any) -> Any:
    if isinstance(value, Unknown):
        encoded: dict[str, Any] = {"$unknown": value.reason}
        if value.ref is not None:
            encoded["ref"] = value.ref
        if value.alternatives is not None:
            encoded["alternatives"] = [_encode(v) for v in value.alternatives]
        return encoded
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$unknown" in value:
            alternatives = value.get("alternatives")
            return Unknown(str(value["$unknown"]), ref=value.get("ref"),
                           alternatives=None if alternatives is None
                           else tuple(_decode(v) for v in alternatives))
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value
