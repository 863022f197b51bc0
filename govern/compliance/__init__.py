"""Compliance frameworks (CIS AWS/Azure/GCP, NIST SP 800-53, PCI DSS) as data, and the
per-control report of a scan against them. See docs/compliance.md."""
