"""Collectors: canonical resources read from live cloud accounts (not from templates)."""
