"""Azure App Service: `Microsoft.Web/sites` (web and function apps), with its `web`
configuration (`Microsoft.Web/sites/config` named `web`, nested in the site or at the top
level named `<site>/web`) folded in.

- `https_only` <- `httpsOnly`; default false;
- `min_tls_version` <- `siteConfig.minTlsVersion`; default `"1.2"` (Azure's default for
  every app created since 2018);
- `ftps_state` <- `siteConfig.ftpsState`; default `AllAllowed` (Azure's default);
- `remote_debugging_enabled` <- `siteConfig.remoteDebuggingEnabled`; default false.

A `web` configuration resource replaces what the site's own `siteConfig` says (ARM applies
it after the site). Other configurations (`appsettings`, `logs`, ...) are not read.
"""

from __future__ import annotations

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

MAPPING = ArmMapping(KIND, (
    ArmField("https_only", "properties.httpsOnly", default=False),
    ArmField("min_tls_version", "properties.siteConfig.minTlsVersion", text, default="1.2"),
    ArmField("ftps_state", "properties.siteConfig.ftpsState", default="AllAllowed"),
    ArmField("remote_debugging_enabled", "properties.siteConfig.remoteDebuggingEnabled",
             default=False),
))

_CONFIG = (("min_tls_version", "minTlsVersion", text), ("ftps_state", "ftpsState", None),
           ("remote_debugging_enabled", "remoteDebuggingEnabled", None))


def fold_config(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a `web` configuration into its site."""
    site_name, config_name = split_rule_name(native.attributes.get("name"))
    if not (isinstance(config_name, str) and config_name.lower() == "web"):
        return
    site = ctx.owner((native.provider or {}).get("parent"))
    if site is None or site.kind != KIND:
        if site_name is MISSING:
            ctx.note(native, "site not known statically (the name is not <site>/web)",
                     "fold-target-unknown")
            return
        found = ctx.named(KIND, site_name)
        if len(found) != 1:
            if found:
                names = ", ".join(r.address for r in found)
                ctx.note(native, f"site is ambiguous (one of {names})",
                         "fold-target-ambiguous")
            else:
                ctx.note(native, "site not found in this template", "fold-target-not-found")
            return
        site = found[0]
    ctx.absorb(native, site)
    _apply(site, native)


def _apply(site: Resource, native: NativeResource) -> None:
    for canonical, prop, function in _CONFIG:
        value, written = find(native.attributes, ("properties", prop))
        if value is MISSING:
            continue
        path: Any = (canonical,)
        site.defaulted.discard(path)
        site.set(path, convert(value, function))
        carry(site, native, written, path)
