"""Accepted risks: inline suppressions (every format, and other tools' syntax), waivers, and
the baseline of findings that existed before govern was adopted.

Every source produces `SuppressionRule`s; `apply.apply_suppressions` marks the findings they
cover (`Finding.suppression`) and reports expired and unused ones as notices.
"""
