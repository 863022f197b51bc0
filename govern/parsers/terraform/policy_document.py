"""`data "aws_iam_policy_document"`: its `json` / `minified_json`, computed as the AWS
provider does (statements merged with `source_policy_documents` and
`override_policy_documents` by Sid; single-element lists written as a string, longer
set-typed lists sorted in reverse order; `&{...}` turned into `${...}`)."""

from __future__ import annotations

import json
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.terraform.values import EvalError, first_unknown, to_string

_STATEMENT_KEYS = ("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
                   "Principal", "NotPrincipal", "Condition")
_LISTS = (("actions", "Action"), ("not_actions", "NotAction"),
          ("resources", "Resource"), ("not_resources", "NotResource"))
POLICY_INPUTS = ("version", "policy_id", "statement", "source_policy_documents",
           "override_policy_documents", "source_json", "override_json")


def policy_json(attributes: dict[str, Any], minified: bool, ref: str) -> str | Unknown:
    """The policy document text, or Unknown when any input is not known."""
    inputs = {k: attributes[k] for k in POLICY_INPUTS if k in attributes}
    found = first_unknown(inputs)
    if found is not None:
        return Unknown(f"the policy document depends on an unknown value ({found.reason})",
                       ref=ref)
    try:
        document = build_document(inputs)
    except (EvalError, ValueError, TypeError, AttributeError) as exc:
        return Unknown(f"the policy document cannot be built: {exc}", ref=ref)
    if minified:
        text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def build_document(inputs: dict[str, Any]) -> dict[str, Any]:
    version = inputs.get("version") or "2012-10-17"
    merged: dict[str, Any] = {"Version": "", "Id": "", "Statement": []}
    sources = list(inputs.get("source_policy_documents") or [])
    if inputs.get("source_json"):
        sources.insert(0, inputs["source_json"])
    for text in sources:
        if text is not None:
            _merge(merged, _decode(text))
    own_statements = [_statement(s, version) for s in inputs.get("statement") or []]
    sids = [s["Sid"] for s in own_statements if s.get("Sid")]
    if len(sids) != len(set(sids)):
        raise EvalError("duplicate Sid in the statements")
    own: dict[str, Any] = {"Version": version, "Id": inputs.get("policy_id") or "",
                           "Statement": own_statements}
    _merge(merged, own)
    overrides = list(inputs.get("override_policy_documents") or [])
    if inputs.get("override_json"):
        overrides.append(inputs["override_json"])
    for text in overrides:
        if text is not None:
            _merge(merged, _decode(text))
    out: dict[str, Any] = {}
    if merged["Version"]:
        out["Version"] = merged["Version"]
    if merged["Id"]:
        out["Id"] = merged["Id"]
    if merged["Statement"]:
        out["Statement"] = merged["Statement"]
    return out


def _merge(into: dict[str, Any], doc: dict[str, Any]) -> None:
    if doc.get("Version"):
        into["Version"] = doc["Version"]
    if doc.get("Id"):
        into["Id"] = doc["Id"]
    statements: list[dict[str, Any]] = into["Statement"]
    for statement in doc.get("Statement") or []:
        sid = statement.get("Sid")
        position = next((i for i, s in enumerate(statements) if sid and s.get("Sid") == sid),
                        None)
        if position is None:
            statements.append(statement)
        else:
            statements[position] = statement


def _decode(text: Any) -> dict[str, Any]:
    doc = json.loads(to_string(text))
    if not isinstance(doc, dict):
        raise EvalError("a policy document must be a JSON object")
    statements = doc.get("Statement") or []
    if isinstance(statements, dict):
        statements = [statements]
    ordered = [{k: s[k] for k in _STATEMENT_KEYS if k in s} for s in statements]
    return {"Version": doc.get("Version") or "", "Id": doc.get("Id") or "",
            "Statement": ordered}


def _strings(values: Any, version: str, reverse_sort: bool) -> str | list[str]:
    items = [_vars(to_string(v), version) for v in values]
    if len(items) == 1:
        return items[0]
    return sorted(items, reverse=True) if reverse_sort else items


def _vars(text: str, version: str) -> str:
    return text.replace("&{", "${") if version == "2012-10-17" else text


def _statement(block: dict[str, Any], version: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if block.get("sid"):
        out["Sid"] = to_string(block["sid"])
    out["Effect"] = to_string(block.get("effect") or "Allow")
    for source, target in _LISTS:
        values = block.get(source)
        if values:
            out[target] = _strings(values, version, reverse_sort=True)
    for source, target in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        if block.get(source):
            out[target] = _principals(block[source], version)
    if block.get("condition"):
        out["Condition"] = _conditions(block["condition"], version)
    return out


def _principals(blocks: list[dict[str, Any]], version: str) -> Any:
    if len(blocks) == 1:
        only = blocks[0]
        if only.get("type") == "*" and list(only.get("identifiers") or []) == ["*"]:
            return "*"
    raw: dict[str, Any] = {}
    for block in blocks:
        kind = to_string(block.get("type"))
        identifiers = _strings(block.get("identifiers") or [], version, reverse_sort=True)
        current = raw.get(kind)
        if current is None:
            raw[kind] = identifiers
        else:
            merged = [current] if isinstance(current, str) else list(current)
            merged += [identifiers] if isinstance(identifiers, str) else identifiers
            raw[kind] = merged
    return {k: raw[k] for k in sorted(raw)}


def _conditions(blocks: list[dict[str, Any]], version: str) -> dict[str, Any]:
    raw: dict[str, dict[str, Any]] = {}
    for block in blocks:
        test, variable = to_string(block.get("test")), to_string(block.get("variable"))
        values = _strings(block.get("values") or [], version, reverse_sort=False)
        by_variable = raw.setdefault(test, {})
        current = by_variable.get(variable)
        if current is None:
            by_variable[variable] = values
        else:
            merged = [current] if isinstance(current, str) else list(current)
            merged += [values] if isinstance(values, str) else values
            by_variable[variable] = merged
    return {t: {v: raw[t][v] for v in sorted(raw[t])} for t in sorted(raw)}
