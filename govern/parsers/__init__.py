"""Parsers: one per format. Each turns files into native resources with evaluated values."""
