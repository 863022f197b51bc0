"""Load balancing: SSL policies (`google_compute_ssl_policy`,
`google_compute_region_ssl_policy`: `profile` defaults to `COMPATIBLE`, `min_tls_version`
to `TLS_1_0`, as in Google Cloud) and target proxies (`google_compute_target_https_proxy`,
`google_compute_region_target_https_proxy`, `google_compute_target_ssl_proxy`: `ssl_policy`
as written, absent when not: Google Cloud's default policy) and backend services
(`google_compute_backend_service`: `protocol` defaults to `HTTP` and
`load_balancing_scheme` to `EXTERNAL`; `google_compute_region_backend_service`: to `HTTP`
and `INTERNAL`, as the provider documents; `logging_enabled` is `log_config.enable`, false
when not written)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

_POLICY = KindMapping("gcp.compute.ssl_policy", (
    field("name"),
    field("profile", default="COMPATIBLE"),
    field("min_tls_version", default="TLS_1_0"),
    field("custom_features"),
))
_PROXY = KindMapping("gcp.compute.target_proxy", (
    field("name"),
    field("ssl_policy"),
))

_LOGGING = field("logging_enabled", "log_config.0.enable", default=False)

MAPPINGS = {
    "google_compute_backend_service": KindMapping("gcp.compute.backend_service", (
        field("name"),
        field("protocol", default="HTTP"),
        field("load_balancing_scheme", default="EXTERNAL"),
        _LOGGING,
    )),
    "google_compute_region_backend_service": KindMapping("gcp.compute.backend_service", (
        field("name"),
        field("protocol", default="HTTP"),
        field("load_balancing_scheme", default="INTERNAL"),
        _LOGGING,
    )),
    "google_compute_ssl_policy": _POLICY,
    "google_compute_region_ssl_policy": _POLICY,
    "google_compute_target_https_proxy": _PROXY,
    "google_compute_region_target_https_proxy": _PROXY,
    "google_compute_target_ssl_proxy": _PROXY,
}
