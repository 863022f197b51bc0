"""Inline expectations in rule fixtures: moved into the package as
`govern.engine.expectations` (which documents the annotation forms); re-exported here for
the tests that import them from this module."""

from govern.engine.expectations import FORMATS, Expectation, base_address, read_expectations

__all__ = ["FORMATS", "Expectation", "base_address", "read_expectations"]
