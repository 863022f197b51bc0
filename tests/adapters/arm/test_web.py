"""App Service sites, with their `web` configuration folded in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

SITES = "Microsoft.Web/sites"


def site(name: str = "app", **properties: Any) -> dict[str, Any]:
    return {"type": SITES, "apiVersion": "2022-09-01", "name": name,
            "location": "westeurope", "properties": properties}


def config(name: str, **properties: Any) -> dict[str, Any]:
    return {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01", "name": name,
            "properties": properties}


def test_defaults(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(site()))
    [app] = result.resources
    assert app.kind == "azure.web.app"
    assert {k: app.attributes[k] for k in ("https_only", "min_tls_version", "ftps_state")} == {
        "https_only": False, "min_tls_version": "1.2", "ftps_state": "AllAllowed"}
    assert app.attributes["remote_debugging_enabled"] is False
    assert app.defaulted == {("https_only",), ("min_tls_version",), ("ftps_state",),
                             ("remote_debugging_enabled",)}


def test_site_config(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(site(
        httpsOnly=True, siteConfig={"minTlsVersion": "1.0", "ftpsState": "FtpsOnly",
                                    "remoteDebuggingEnabled": True})))
    [app] = result.resources
    assert (app.attributes["https_only"], app.attributes["min_tls_version"],
            app.attributes["ftps_state"], app.attributes["remote_debugging_enabled"]) == (
        True, "1.0", "FtpsOnly", True)
    assert app.defaulted == set()


def test_nested_web_config_replaces_the_site_config(tmp_path: Path) -> None:
    body = site(siteConfig={"minTlsVersion": "1.2"}) | {"resources": [
        {"type": "config", "apiVersion": "2022-09-01", "name": "web",
         "properties": {"minTlsVersion": "1.0", "ftpsState": "Disabled",
                        "remoteDebuggingEnabled": True}},
        {"type": "config", "apiVersion": "2022-09-01", "name": "appsettings",
         "properties": {"ftpsState": "AllAllowed"}}]}
    result, path = adapt_template(tmp_path, template(body))
    [app] = result.resources
    assert (app.attributes["min_tls_version"], app.attributes["ftps_state"],
            app.attributes["remote_debugging_enabled"]) == ("1.0", "Disabled", True)
    assert app.defaulted == {("https_only",)}
    assert app.native == [f"{SITES}/app", f"{SITES}/config/app/web"]
    assert app.location("ftps_state").file == path  # type: ignore[union-attr]


def test_top_level_web_config(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        site(), config("app/web", ftpsState="Disabled"), config("other/web", ftpsState="x")))
    app, other = result.resources
    assert app.attributes["ftps_state"] == "Disabled"
    assert (other.external, other.address, other.attributes) == (
        True, f"{SITES}/other", {"name": "other", "ftps_state": "x"})
    assert [n.code for n in result.notices] == ["external-parent"]
