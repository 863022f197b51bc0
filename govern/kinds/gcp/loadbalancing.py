"""Google Cloud load balancing: SSL policies, the target proxies that use them, and backend
services."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string, strings

KINDS = (
    gcp("gcp.compute.ssl_policy", "SSL policy of HTTPS and SSL proxy load balancers (global "
        "`google_compute_ssl_policy` or regional `google_compute_region_ssl_policy`)",
        string("name", "The policy's name (`name`)."),
        string("profile", "The set of TLS features offered (`profile`): `COMPATIBLE` (the "
               "widest, with RSA key exchange), `MODERN`, `RESTRICTED` (only forward-secret "
               "AES-GCM and ChaCha20 suites, which need TLS 1.2) or `CUSTOM` "
               "(`custom_features`); `COMPATIBLE` when not written.",
               default="COMPATIBLE",
               values=("COMPATIBLE", "MODERN", "RESTRICTED", "CUSTOM")),
        string("min_tls_version", "The oldest TLS version accepted (`min_tls_version`): "
               "`TLS_1_0`, `TLS_1_1`, `TLS_1_2` or `TLS_1_3`; `TLS_1_0` when not written.",
               default="TLS_1_0", values=("TLS_1_0", "TLS_1_1", "TLS_1_2", "TLS_1_3")),
        strings("custom_features", "The cipher suites of a `CUSTOM` profile "
                "(`custom_features`, e.g. `TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256`); absent "
                "when not written."),
        taggable=False),
    gcp("gcp.compute.target_proxy", "Target proxy of an HTTPS or SSL proxy load balancer, "
        "where TLS is terminated (`google_compute_target_https_proxy`, "
        "`google_compute_region_target_https_proxy`, `google_compute_target_ssl_proxy`)",
        string("name", "The proxy's name (`name`)."),
        string("ssl_policy", "The SSL policy the proxy applies (`ssl_policy`, as written: a "
               "self link or a reference); absent when not written: Google Cloud's default "
               "policy (`COMPATIBLE`, TLS 1.0 and later)."),
        taggable=False),
    gcp("gcp.compute.backend_service", "Backend service of a load balancer (global "
        "`google_compute_backend_service` or regional "
        "`google_compute_region_backend_service`)",
        string("name", "The backend service's name (`name`)."),
        string("protocol", "The protocol to the backends (`protocol`): `HTTP`, `HTTPS`, "
               "`HTTP2`, `TCP`, `SSL`, `UDP`, `GRPC`, `UNSPECIFIED`; `HTTP` when not "
               "written, as the provider documents."),
        string("load_balancing_scheme", "The kind of load balancer "
               "(`load_balancing_scheme`): `EXTERNAL`, `EXTERNAL_MANAGED`, "
               "`INTERNAL_MANAGED`, `INTERNAL_SELF_MANAGED` or `INTERNAL`; `EXTERNAL` when "
               "not written (global), `INTERNAL` for a regional one."),
        boolean("logging_enabled", "Whether request logs are written to Cloud Logging "
                "(`log_config.enable`); false when not written.", default=False),
        taggable=False),
)
