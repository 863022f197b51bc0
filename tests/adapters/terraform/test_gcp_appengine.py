"""App Engine versions (`google_app_engine_standard_app_version`,
`google_app_engine_flexible_app_version`) as `gcp.appengine.version` (GOV-GCP-112)."""

from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import native

STANDARD = "google_app_engine_standard_app_version"
FLEXIBLE = "google_app_engine_flexible_app_version"


def test_handlers_as_written_in_both_environments() -> None:
    standard = native(f"{STANDARD}.web", {
        "service": "default", "version_id": "v1",
        "handlers": [{"url_regex": "/static/(.*)", "security_level": "SECURE_ALWAYS",
                      "static_files": [{"path": "static/\\1"}]},
                     {"url_regex": "/.*", "script": [{"script_path": "auto"}]}]},
        locations={"handlers.1": (20, 25)})
    flexible = native(f"{FLEXIBLE}.flex", {
        "service": "flex", "handlers": [{"url_regex": "/.*",
                                         "security_level": "SECURE_OPTIONAL"}]})
    web, flex = adapt_terraform([standard, flexible]).resources
    assert web.kind == flex.kind == "gcp.appengine.version"
    assert web.attributes == {
        "environment": "standard", "service": "default", "version_id": "v1",
        "handlers": [{"url_regex": "/static/(.*)", "security_level": "SECURE_ALWAYS"},
                     {"url_regex": "/.*"}]}
    assert web.locations[("handlers", 1)].start_line == 20
    assert flex.attributes == {
        "environment": "flexible", "service": "flex",
        "handlers": [{"url_regex": "/.*", "security_level": "SECURE_OPTIONAL"}]}


def test_no_handlers_written_leaves_them_absent() -> None:
    version = native(f"{STANDARD}.bare", {"service": "worker"})
    (bare,) = adapt_terraform([version]).resources
    assert "handlers" not in bare.attributes


def test_handlers_not_known_statically() -> None:
    dynamic = native(f"{STANDARD}.dyn", {
        "service": "dyn", "handlers": Unknown("var.paths has no value")})
    element = native(f"{STANDARD}.el", {
        "service": "el", "handlers": [Unknown("known after apply")]})
    dyn, el = adapt_terraform([dynamic, element]).resources
    assert dyn.attributes["handlers"] == Unknown("var.paths has no value")
    assert el.attributes["handlers"] == [Unknown("known after apply")]
