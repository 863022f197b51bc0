"""Virtual machine scale sets, App Service deployment slots (with their `web`
configuration folded in) and PostgreSQL/MySQL flexible servers (with their
`require_secure_transport` configuration folded in) in ARM."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.adapters.arm.test_services import GROUP, adapt, resource
from tests.parsers.arm.helpers import template

PASSWORDS = "password_authentication_enabled"
SSL = "ssl_enforcement_enabled"
PUBLIC = "public_network_access_enabled"


def adapt_all(tmp_path: Path, *bodies: dict[str, Any]) -> dict[str, Resource]:
    result, _ = adapt_template(tmp_path, template(*bodies))
    return {r.address: r for r in result.resources}


@pytest.mark.parametrize("os_profile, expected", [
    ({"linuxConfiguration": {"disablePasswordAuthentication": True}}, False),
    ({"linuxConfiguration": {"disablePasswordAuthentication": "false"}}, True),
    ({"linuxConfiguration": {"provisionVMAgent": True}}, True),
    ({"windowsConfiguration": {}}, None),
    ({}, None),
])
def test_scale_set_password_authentication(tmp_path: Path, os_profile: dict[str, Any],
                                           expected: bool | None) -> None:
    scale_set = adapt(tmp_path, resource(
        "Microsoft.Compute/virtualMachineScaleSets",
        {"virtualMachineProfile": {"osProfile": {"adminUsername": "u", **os_profile}}},
        tags={"owner": "x"}))
    assert scale_set.kind == "azure.compute.virtual_machine_scale_set"
    assert scale_set.attributes.get(PASSWORDS) is expected
    assert scale_set.attributes["tags"] == {"owner": "x"}
    assert scale_set.attributes["resource_group_name"] == GROUP


def test_scale_set_linux_configuration_not_known(tmp_path: Path) -> None:
    body = resource("Microsoft.Compute/virtualMachineScaleSets", {"virtualMachineProfile": {
        "osProfile": {"linuxConfiguration": "[parameters('linux')]"}}})
    document = template(body)
    document["parameters"] = {"linux": {"type": "object"}}
    result, _ = adapt_template(tmp_path, document)
    [scale_set] = result.resources
    assert isinstance(scale_set.attributes[PASSWORDS], Unknown)


SITE = {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "app",
        "location": "westeurope", "properties": {"httpsOnly": True}}


def slot(name: str, **properties: Any) -> dict[str, Any]:
    return {"type": "Microsoft.Web/sites/slots", "apiVersion": "2022-09-01", "name": name,
            "location": "westeurope", "properties": properties}


def test_slots_defaults_site_config_and_web_configuration(tmp_path: Path) -> None:
    nested = {**SITE, "resources": [
        {"type": "slots", "apiVersion": "2022-09-01", "name": "staging",
         "location": "westeurope", "properties": {},
         "resources": [{"type": "config", "apiVersion": "2022-09-01", "name": "web",
                        "properties": {"ftpsState": "Disabled"}}]}]}
    found = adapt_all(
        tmp_path, nested,
        slot("app/canary", httpsOnly=True, siteConfig={"minTlsVersion": 1.2,
                                                       "remoteDebuggingEnabled": True}),
        {"type": "Microsoft.Web/sites/slots/config", "apiVersion": "2022-09-01",
         "name": "app/canary/web", "properties": {"minTlsVersion": "1.0"}})
    app = found["Microsoft.Web/sites/app"]
    assert app.kind == "azure.web.app" and app.attributes["ftps_state"] == "AllAllowed"
    staging = found["Microsoft.Web/sites/slots/app/staging"]
    assert staging.kind == "azure.web.app_slot"
    assert {k: staging.attributes[k] for k in ("name", "https_only", "min_tls_version",
                                               "ftps_state", "remote_debugging_enabled")} == {
        "name": "app/staging", "https_only": False, "min_tls_version": "1.2",
        "ftps_state": "Disabled", "remote_debugging_enabled": False}
    assert ("ftps_state",) not in staging.defaulted
    canary = found["Microsoft.Web/sites/slots/app/canary"]
    assert (canary.attributes["https_only"], canary.attributes["min_tls_version"],
            canary.attributes["remote_debugging_enabled"]) == (True, "1.0", True)
    assert canary.native == ["Microsoft.Web/sites/slots/app/canary",
                             "Microsoft.Web/sites/slots/config/app/canary/web"]


def test_slot_web_configuration_of_a_slot_elsewhere(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        {"type": "Microsoft.Web/sites/slots/config", "apiVersion": "2022-09-01",
         "name": "app/staging/web", "properties": {"ftpsState": "AllAllowed"}}))
    [stand_in] = result.resources
    assert stand_in.external and stand_in.kind == "azure.web.app_slot"
    assert stand_in.attributes["ftps_state"] == "AllAllowed"
    assert [n.code for n in result.notices] == ["external-parent"]


FLEXIBLE = [("Microsoft.DBforPostgreSQL/flexibleServers", "azure.postgresql.flexible_server"),
            ("Microsoft.DBforMySQL/flexibleServers", "azure.mysql.flexible_server")]


@pytest.mark.parametrize("type_, kind", FLEXIBLE)
@pytest.mark.parametrize("network, expected", [
    (None, True),
    ({"publicNetworkAccess": "Disabled"}, False),
    ({"publicNetworkAccess": "Enabled", "delegatedSubnetResourceId": "/x/subnets/s"}, True),
    ({"delegatedSubnetResourceId": "/x/subnets/s"}, False),
    ({"delegatedSubnetResourceId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', "
                                   "'vnet', 'db')]"}, False),
])
def test_flexible_server_public_access(tmp_path: Path, type_: str, kind: str,
                                       network: dict[str, Any] | None,
                                       expected: bool) -> None:
    server = adapt(tmp_path, resource(type_, {} if network is None else {"network": network}))
    assert server.kind == kind
    assert server.attributes[PUBLIC] is expected
    assert server.attributes[SSL] is True and (SSL,) in server.defaulted


@pytest.mark.parametrize("type_, kind", FLEXIBLE)
def test_require_secure_transport_folded(tmp_path: Path, type_: str, kind: str) -> None:
    configurations = f"{type_}/configurations"
    found = adapt_all(
        tmp_path,
        {**resource(type_, {}, name="nested"), "resources": [
            {"type": "configurations", "apiVersion": "2023-01-01",
             "name": "require_secure_transport", "properties": {"value": "OFF"}}]},
        resource(type_, {}, name="top"),
        {"type": configurations, "apiVersion": "2023-01-01",
         "name": "top/require_secure_transport", "properties": {"value": "on"}},
        {"type": configurations, "apiVersion": "2023-01-01",
         "name": "top/log_checkpoints", "properties": {"value": "off"}},
        resource(type_, {}, name="odd"),
        {"type": configurations, "apiVersion": "2023-01-01",
         "name": "odd/require_secure_transport", "properties": {"value": "sometimes"}},
        {"type": configurations, "apiVersion": "2023-01-01",
         "name": "elsewhere/require_secure_transport", "properties": {"value": "off"}})
    nested = found[f"{type_}/nested"]
    assert nested.attributes[SSL] is False and (SSL,) not in nested.defaulted
    top = found[f"{type_}/top"]
    assert top.attributes[SSL] is True and (SSL,) not in top.defaulted
    assert top.native == [f"{type_}/top", f"{configurations}/top/require_secure_transport"]
    assert isinstance(found[f"{type_}/odd"].attributes[SSL], Unknown)
    elsewhere = found[f"{type_}/elsewhere"]
    assert elsewhere.external and elsewhere.kind == kind
    assert elsewhere.attributes[SSL] is False
