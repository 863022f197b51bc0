"""App Service sites, with their `web` configuration folded in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
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
    assert app.attributes["authentication_enabled"] is False
    assert "identity_type" not in app.attributes
    assert app.attributes["client_certificates_enabled"] is False
    assert app.attributes["public_network_access_enabled"] is True
    assert app.defaulted == {("https_only",), ("min_tls_version",), ("ftps_state",),
                             ("remote_debugging_enabled",), ("authentication_enabled",),
                             ("client_certificates_enabled",),
                             ("public_network_access_enabled",)}


def test_site_config(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(site(
        httpsOnly=True, siteConfig={"minTlsVersion": "1.0", "ftpsState": "FtpsOnly",
                                    "remoteDebuggingEnabled": True})))
    [app] = result.resources
    assert (app.attributes["https_only"], app.attributes["min_tls_version"],
            app.attributes["ftps_state"], app.attributes["remote_debugging_enabled"]) == (
        True, "1.0", "FtpsOnly", True)
    assert app.defaulted == {("authentication_enabled",), ("client_certificates_enabled",),
                             ("public_network_access_enabled",)}


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
    assert app.defaulted == {("https_only",), ("authentication_enabled",),
                             ("client_certificates_enabled",),
                             ("public_network_access_enabled",)}
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


def test_identity_and_client_certificates(tmp_path: Path) -> None:
    body = site(clientCertEnabled="true") | {
        "identity": {"type": "SystemAssigned, UserAssigned"}}
    result, _ = adapt_template(tmp_path, template(body))
    [app] = result.resources
    assert app.attributes["identity_type"] == "SystemAssigned, UserAssigned"
    assert app.attributes["client_certificates_enabled"] is True


def test_authentication_configurations(tmp_path: Path) -> None:
    nested = site("nested") | {"resources": [
        {"type": "config", "apiVersion": "2022-09-01", "name": "authsettingsV2",
         "properties": {"platform": {"enabled": "true"}}}]}
    result, _ = adapt_template(tmp_path, template(
        nested,
        site("v1"), config("v1/authsettings", enabled=True),
        site("off"), config("off/authsettings", enabled=False),
        config("off/authsettingsV2", platform={"enabled": False}),
        site("both"), config("both/authsettings", enabled=False),
        config("both/authsettingsV2", platform={"enabled": True}),
        site("bare"), config("bare/authsettingsV2", globalValidation={}),
        config("elsewhere/authsettings", enabled=True)))
    found = {r.attributes["name"]: r for r in result.resources}
    assert {name: r.attributes["authentication_enabled"] for name, r in found.items()} == {
        "nested": True, "v1": True, "off": False, "both": True, "bare": False,
        "elsewhere": True}
    assert all(("authentication_enabled",) not in r.defaulted for r in found.values())
    assert found["elsewhere"].external
    assert found["nested"].native == [f"{SITES}/nested",
                                      f"{SITES}/config/nested/authsettingsV2"]


def test_authentication_from_a_parameter(tmp_path: Path) -> None:
    document = template(site(), config("app/authsettings", enabled="[parameters('auth')]"),
                        config("app/authsettingsV2", platform={"enabled": False}))
    document["parameters"] = {"auth": {"type": "bool"}}
    result, _ = adapt_template(tmp_path, document)
    [app] = result.resources
    assert isinstance(app.attributes["authentication_enabled"], Unknown)


@pytest.mark.parametrize("properties, expected", [
    ({"publicNetworkAccess": "Disabled"}, False),
    ({"publicNetworkAccess": "enabled"}, True),
    ({"publicNetworkAccess": ""}, True),
    ({"siteConfig": {"publicNetworkAccess": "Disabled"}}, False),
    ({"publicNetworkAccess": "Disabled", "siteConfig": {"publicNetworkAccess": "disabled"}},
     False),
    ({"publicNetworkAccess": "Disabled", "siteConfig": {"publicNetworkAccess": "Enabled"}},
     None),
    ({"publicNetworkAccess": "Sometimes"}, None),
])
def test_public_network_access(tmp_path: Path, properties: dict[str, Any],
                               expected: bool | None) -> None:
    result, _ = adapt_template(tmp_path, template(site(**properties)))
    [app] = result.resources
    value = app.attributes["public_network_access_enabled"]
    assert isinstance(value, Unknown) if expected is None else value is expected
