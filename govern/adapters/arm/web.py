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

A `web` configuration resource replaces what the site's own `siteConfig` says (ARM applies
it after the site); one of a site that is not in the template is judged on an external
parent (`govern.adapters.external`) that has only the settings it writes. Other
configurations (`appsettings`, `logs`, ...) are not read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govern.adapters.arm.building import carry, convert
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.mapping import ArmField, ArmMapping, text
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

KIND = "azure.web.app"
CONFIG_TYPE = "microsoft.web/sites/config"
SLOT_KIND = "azure.web.app_slot"
SLOT_CONFIG_TYPE = "microsoft.web/sites/slots/config"

MAPPING = ArmMapping(KIND, (
    ArmField("https_only", "properties.httpsOnly", default=False),
    ArmField("min_tls_version", "properties.siteConfig.minTlsVersion", text, default="1.2"),
    ArmField("ftps_state", "properties.siteConfig.ftpsState", default="AllAllowed"),
    ArmField("remote_debugging_enabled", "properties.siteConfig.remoteDebuggingEnabled",
             default=False),
))

# A deployment slot (`Microsoft.Web/sites/slots`) has the same properties and defaults.
SLOT_MAPPING = replace(MAPPING, kind=SLOT_KIND)

_CONFIG = (("min_tls_version", "minTlsVersion", text), ("ftps_state", "ftpsState", None),
           ("remote_debugging_enabled", "remoteDebuggingEnabled", None))


def fold_config(native: NativeResource, ctx: ArmContext, kind: str = KIND,
                what: str = "site") -> None:
    """Fold a `web` configuration into its site (or, with `kind` and `what`, slot)."""
    site_name, config_name = split_rule_name(native.attributes.get("name"))
    if not (isinstance(config_name, str) and config_name.lower() == "web"):
        return
    site = ctx.owner((native.provider or {}).get("parent"))
    if site is None or site.kind != kind:
        if site_name is MISSING:
            ctx.note(native, f"{what} not known statically (the name is not <{what}>/web)",
                     "fold-target-unknown")
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
    _apply(site, native)


def fold_slot_config(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a slot's `web` configuration (`<site>/<slot>/web`) into its slot."""
    fold_config(native, ctx, SLOT_KIND, "slot")


def _named(site: Resource, name: Any) -> None:
    site.set(("name",), name)


def _apply(site: Resource, native: NativeResource) -> None:
    for canonical, prop, function in _CONFIG:
        value, written = find(native.attributes, ("properties", prop))
        if value is MISSING:
            continue
        path: Any = (canonical,)
        site.defaulted.discard(path)
        site.set(path, convert(value, function))
        carry(site, native, written, path)
