"""Azure App Service: `Microsoft.Web/sites` (web and function apps), with its `web`
configuration (`Microsoft.Web/sites/config` named `web`, nested in the site or at the top
level named `<site>/web`) folded in; and its deployment slots, `Microsoft.Web/sites/slots`
-> `azure.web.app_slot`, read the same way, with their `web` configuration
(`Microsoft.Web/sites/slots/config`, `<site>/<slot>/web`) folded in.

- `https_only` <- `httpsOnly`; default false;
- `min_tls_version` <- `siteConfig.minTlsVersion`; default `"1.2"` (Azure's default for
  every app created since 2018);
- `ftps_state` <- `siteConfig.ftpsState`; default `AllAllowed` (Azure's default);
- `remote_debugging_enabled` <- `siteConfig.remoteDebuggingEnabled`; default false.

- `identity_type` <- `identity.type` (of the resource, not of `properties`);
- `client_certificates_enabled` <- `clientCertEnabled`; default false;
- `public_network_access_enabled` <- `publicNetworkAccess`, else
  `siteConfig.publicNetworkAccess` (`Enabled`/`Disabled`; empty is enabled); default true;
  Unknown when both are written and disagree;
- `authentication_enabled` <- the `authsettings` configuration's `properties.enabled` or
  the `authsettingsV2` configuration's `properties.platform.enabled`, true when either is;
  default false.

A `web` configuration resource replaces what the site's own `siteConfig` says (ARM applies
it after the site); one of a site that is not in the template is judged on an external
parent (`govern.adapters.external`) that has only the settings it writes. The
`authsettings` and `authsettingsV2` configurations are folded the same way. Other
configurations (`appsettings`, `logs`, ...) are not read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govern.adapters.arm.booleans import arm_boolean
from govern.adapters.arm.building import carry, convert, set_default
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.mapping import ArmField, ArmMapping, text
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

KIND = "azure.web.app"
CONFIG_TYPE = "microsoft.web/sites/config"
SLOT_KIND = "azure.web.app_slot"
SLOT_CONFIG_TYPE = "microsoft.web/sites/slots/config"

AUTH = "authentication_enabled"
# configuration name (lowercase) -> the property path of its authentication flag
_AUTH_CONFIGS = {"authsettings": ("properties", "enabled"),
                 "authsettingsv2": ("properties", "platform", "enabled")}

PUBLIC = "public_network_access_enabled"
_PUBLIC_PATHS = (("properties", "publicNetworkAccess"),
                 ("properties", "siteConfig", "publicNetworkAccess"))


def _public_access(value: Any) -> Any:
    """`Enabled`/`Disabled` (any case) -> a boolean; empty is enabled (Azure's default)."""
    if isinstance(value, Unknown):
        return map_choices(value, _public_access) if has_choices(value) else value
    if isinstance(value, str) and value.strip().lower() in ("", "enabled"):
        return True
    if isinstance(value, str) and value.strip().lower() == "disabled":
        return False
    return Unknown(f"publicNetworkAccess {value!r} is neither Enabled nor Disabled")


def _public_network_access(resource: Resource, native: NativeResource) -> None:
    found = [(find(native.attributes, path)) for path in _PUBLIC_PATHS]
    written = [(convert(value, _public_access), where) for value, where in found
               if value is not MISSING]
    if not written:
        set_default(resource, (PUBLIC,), True)
        return
    value, where = written[0]
    if len(written) == 2 and not (isinstance(value, bool) and value is written[1][0]):
        unknowns = [v for v, _ in written if isinstance(v, Unknown)]
        value = unknowns[0] if unknowns else Unknown(
            "publicNetworkAccess and siteConfig.publicNetworkAccess disagree, and Azure "
            "does not document which wins")
    resource.set((PUBLIC,), value)
    carry(resource, native, where, (PUBLIC,))


def _site_finish(resource: Resource, native: NativeResource) -> None:
    set_default(resource, (AUTH,), False)
    _public_network_access(resource, native)


MAPPING = ArmMapping(KIND, (
    ArmField("identity_type", "identity.type"),
    ArmField("client_certificates_enabled", "properties.clientCertEnabled", default=False),
    ArmField("https_only", "properties.httpsOnly", default=False),
    ArmField("min_tls_version", "properties.siteConfig.minTlsVersion", text, default="1.2"),
    ArmField("ftps_state", "properties.siteConfig.ftpsState", default="AllAllowed"),
    ArmField("remote_debugging_enabled", "properties.siteConfig.remoteDebuggingEnabled",
             default=False),
), _site_finish)

# A deployment slot (`Microsoft.Web/sites/slots`) has the same properties and defaults.
SLOT_MAPPING = replace(MAPPING, kind=SLOT_KIND)

_CONFIG = (("min_tls_version", "minTlsVersion", text), ("ftps_state", "ftpsState", None),
           ("remote_debugging_enabled", "remoteDebuggingEnabled", None))


def fold_config(native: NativeResource, ctx: ArmContext, kind: str = KIND,
                what: str = "site") -> None:
    """Fold a `web`, `authsettings` or `authsettingsV2` configuration into its site (or,
    with `kind` and `what`, slot)."""
    site_name, config_name = split_rule_name(native.attributes.get("name"))
    if not (isinstance(config_name, str) and config_name.lower() in ("web", *_AUTH_CONFIGS)):
        return
    site = ctx.owner((native.provider or {}).get("parent"))
    if site is None or site.kind != kind:
        if site_name is MISSING:
            ctx.note(native, f"{what} not known statically (the name is not "
                     f"<{what}>/{config_name})", "fold-target-unknown")
            return
        found = ctx.named(kind, site_name)
        if len(found) != 1:
            if found:
                names = ", ".join(r.address for r in found)
                ctx.note(native, f"{what} is ambiguous (one of {names})",
                         "fold-target-ambiguous")
                return
            site = ctx.external_parent(native, kind, site_name, what, _named)
        else:
            site = found[0]
    ctx.absorb(native, site)
    if config_name.lower() == "web":
        _apply(site, native)
    else:
        _apply_auth(site, native, _AUTH_CONFIGS[config_name.lower()])


def fold_slot_config(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a slot's `web` (or authentication) configuration (`<site>/<slot>/web`) into
    its slot."""
    fold_config(native, ctx, SLOT_KIND, "slot")


def _named(site: Resource, name: Any) -> None:
    site.set(("name",), name)


def _either(first: Any, second: Any) -> Any:
    """Three-valued OR of two authentication flags (string booleans read as Azure does)."""
    flags = [arm_boolean(first), arm_boolean(second)]
    if any(f is True for f in flags):
        return True
    undecided = next((f for f in flags if isinstance(f, Unknown)), None)
    if undecided is not None:
        return undecided
    if all(f is False for f in flags):
        return False
    return Unknown(f"authentication flag {flags!r} is not a boolean")


def _apply_auth(site: Resource, native: NativeResource, flag: tuple[str, ...]) -> None:
    """An `authsettings` / `authsettingsV2` configuration: on when it or another one is."""
    value, written = find(native.attributes, flag)
    if value is MISSING:  # a configuration that does not enable authentication
        value, written = False, flag[:1]
    path: Any = (AUTH,)
    if path in site.defaulted or AUTH not in site.attributes:
        site.defaulted.discard(path)
    else:
        value = _either(site.attributes[AUTH], value)
    site.set(path, value)
    carry(site, native, written, path)


def _apply(site: Resource, native: NativeResource) -> None:
    for canonical, prop, function in _CONFIG:
        value, written = find(native.attributes, ("properties", prop))
        if value is MISSING:
            continue
        path: Any = (canonical,)
        site.defaulted.discard(path)
        site.set(path, convert(value, function))
        carry(site, native, written, path)
