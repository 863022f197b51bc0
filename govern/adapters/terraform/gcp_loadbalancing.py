"""Load balancing: SSL policies (`google_compute_ssl_policy`,
`google_compute_region_ssl_policy`: `profile` defaults to `COMPATIBLE`, `min_tls_version`
to `TLS_1_0`, as in Google Cloud) and target proxies (`google_compute_target_https_proxy`,
`google_compute_region_target_https_proxy`, `google_compute_target_ssl_proxy`: `ssl_policy`
as written, absent when not: Google Cloud's default policy)."""

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

MAPPINGS = {
    "google_compute_ssl_policy": _POLICY,
    "google_compute_region_ssl_policy": _POLICY,
    "google_compute_target_https_proxy": _PROXY,
    "google_compute_region_target_https_proxy": _PROXY,
    "google_compute_target_ssl_proxy": _PROXY,
}
