"""App Engine: versions of a service (standard and flexible environments)."""

from __future__ import annotations

from govern.kinds.declare import gcp, objects, string

KINDS = (
    gcp("gcp.appengine.version", "App Engine version of a service "
        "(`google_app_engine_standard_app_version`, "
        "`google_app_engine_flexible_app_version`)",
        string("environment", "The App Engine environment, from the resource type: "
               "`standard` or `flexible`.", values=("standard", "flexible")),
        string("service", "The service the version belongs to (`service`)."),
        string("version_id", "The version's id (`version_id`); absent when not written "
               "(App Engine generates one)."),
        objects("handlers", "The URL handlers, in order (the first whose `url_regex` "
                "matches a request handles it), one entry per `handlers` block; absent when "
                "none is written: App Engine then routes every URL to the app with its "
                "default handler, which answers both HTTP and HTTPS (a block not known "
                "statically is an Unknown element; a `dynamic` block over a collection not "
                "known statically makes the list Unknown).",
                string("url_regex", "The URL path pattern the handler matches "
                       "(`url_regex`), as written."),
                string("security_level", "Whether the handler requires HTTPS "
                       "(`security_level`): `SECURE_ALWAYS` (plain HTTP requests are "
                       "redirected to HTTPS), `SECURE_OPTIONAL` and `SECURE_DEFAULT` (both "
                       "HTTP and HTTPS are served), `SECURE_NEVER` (HTTPS requests are "
                       "redirected to HTTP); absent when not written (App Engine's default: "
                       "both HTTP and HTTPS are served, app.yaml `secure` omitted).",
                       values=("SECURE_DEFAULT", "SECURE_NEVER", "SECURE_OPTIONAL",
                               "SECURE_ALWAYS"))),
        taggable=False),
)
