"""The SSL negotiation of a Classic Load Balancer's HTTPS and SSL listeners, from the
policies set on each listener (`policy_names`) and the load balancer's `policies`: a
listener's `ssl_policy` and `ssl_protocols` (docs/canonical-model.md, `aws.elb.load_balancer`).
Shared by the Terraform and CloudFormation adapters and the live reader.

Of the listener's policies, the one of type `SSLNegotiationPolicyType` decides: its
`Reference-Security-Policy` attribute is `ssl_policy`, its `Protocol-*` attributes whose
value is true are `ssl_protocols`. A name that is no policy of the load balancer and starts
with `ELBSecurityPolicy-` is a predefined policy set directly (`ssl_policy` is the name).
What cannot be decided is Unknown: no negotiation policy (AWS then applies a default
unless one is set elsewhere), a name not found, several negotiation policies, protocol
attributes not written (configurations only), protocol attributes beside a reference
(configurations only: `effective` is False).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.model.unknown import Unknown

NEGOTIATION = "SSLNegotiationPolicyType"
REFERENCE = "Reference-Security-Policy"
PROTOCOL_PREFIX = "Protocol-"
PREDEFINED_PREFIX = "ELBSecurityPolicy-"
SECURE_PROTOCOLS = ("HTTPS", "SSL")
# the protocols a custom policy may leave unwritten that allow less than TLS 1.2
WEAK_PROTOCOLS = ("SSLv3", "TLSv1", "TLSv1.1")
DERIVED = ("ssl_policy", "ssl_protocols")
NO_POLICY = ("no SSL negotiation policy is set on this listener in the configuration: AWS "
             "then applies a default (ELBSecurityPolicy-2016-08 through the API) unless "
             "one is set outside it")
NO_POLICY_LIVE = "AWS reports no SSL negotiation policy on this listener"


def derive(listeners: Any, policies: Any, effective: bool) -> None:
    """Set `ssl_policy` / `ssl_protocols` on each HTTPS or SSL listener (or one whose
    protocol is not known) of `listeners`, replacing what an earlier call set.
    `effective`: the policies' attributes are those AWS applies (read live)."""
    if not isinstance(listeners, list):
        return
    for listener in listeners:
        if not isinstance(listener, dict):
            continue
        for name in DERIVED:
            listener.pop(name, None)
        protocol = listener.get("lb_protocol")
        if isinstance(protocol, str) and protocol not in SECURE_PROTOCOLS:
            continue
        if protocol is None and "policy_names" not in listener:
            continue
        listener.update(negotiation(listener.get("policy_names"), policies, effective))


def negotiation(names: Any, policies: Any, effective: bool) -> dict[str, Any]:
    """`ssl_policy` / `ssl_protocols` of a listener whose policies are `names`."""
    none = Unknown(NO_POLICY_LIVE if effective else NO_POLICY)
    if names is None or names == []:
        return {"ssl_policy": none}
    if not isinstance(names, list):
        return {"ssl_policy": _unknown(names, "the listener's policies are not known "
                                       "statically")}
    found: list[Any] = []  # the negotiation policies: a dict, or a predefined name
    doubts: list[Unknown] = []
    for name in names:
        kind = _classify(name, policies)
        if isinstance(kind, Unknown):
            doubts.append(kind)
        elif kind is not None:
            found.append(kind)
    if len(found) > 1:
        return {"ssl_policy": Unknown("several SSL negotiation policies are set on this "
                                      "listener")}
    if doubts:
        return {"ssl_policy": doubts[0]}
    if not found:
        return {"ssl_policy": none}
    chosen = found[0]
    if isinstance(chosen, str):
        return {"ssl_policy": chosen}
    return _from_attributes(chosen.get("attributes"), str(chosen.get("name")), effective)


def _classify(name: Any, policies: Any) -> Any:
    """The policy `name` designates when it is a negotiation policy (its dict, or the
    predefined name), None when it is a policy of another type, Unknown when not known."""
    if not isinstance(name, str):
        return _unknown(name, "a policy name is not known statically")
    known = policies if isinstance(policies, list) else []
    for policy in known:
        if isinstance(policy, Mapping) and policy.get("name") == name:
            kind = policy.get("type")
            if isinstance(kind, Unknown):
                return _unknown(kind, f"the type of policy {name} is not known statically")
            return policy if kind == NEGOTIATION else None
    if name.startswith(PREDEFINED_PREFIX):
        return name
    if isinstance(policies, Unknown):  # not read (live: access denied)
        return policies
    if not isinstance(policies, list) or any(isinstance(p, Unknown) for p in policies):
        return Unknown(f"policy {name} is not declared in the scanned code")
    return Unknown(f"policy {name} is not in the configuration")


def _from_attributes(attributes: Any, name: str, effective: bool) -> dict[str, Any]:
    if not isinstance(attributes, Mapping):
        doubt = _unknown(attributes, f"the attributes of policy {name} are not known")
        return {"ssl_policy": doubt, "ssl_protocols": [doubt]}
    derived: dict[str, Any] = {}
    reference = attributes.get(REFERENCE)
    if reference is not None:
        derived["ssl_policy"] = reference
    written = {key[len(PROTOCOL_PREFIX):]: value for key, value in attributes.items()
               if isinstance(key, str) and key.startswith(PROTOCOL_PREFIX)}
    if reference is not None and written and not effective:
        derived["ssl_protocols"] = [Unknown(
            f"policy {name} sets protocol attributes beside {REFERENCE}; which of the two "
            "AWS applies is not decided here")]
        return derived
    protocols: list[Any] = []
    for protocol, value in written.items():
        enabled = _flag(value)
        if enabled is None:
            protocols.append(_unknown(value, f"{PROTOCOL_PREFIX}{protocol} of policy "
                                      f"{name} is not known statically"))
        elif enabled:
            protocols.append(protocol)
    if reference is None and not effective:
        protocols.extend(Unknown(f"policy {name} does not set {PROTOCOL_PREFIX}{protocol}")
                         for protocol in WEAK_PROTOCOLS if protocol not in written)
    if written or protocols:
        derived["ssl_protocols"] = protocols
    return derived


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _unknown(value: Any, reason: str) -> Unknown:
    return value if isinstance(value, Unknown) else Unknown(reason)
