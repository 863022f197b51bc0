"""The rule engine: loads YAML rules, validates them in layers, evaluates them on a
resource graph with three-valued logic, and turns failures into findings.

Public entry points: `govern.engine.rule_loader.load_rules`, `govern.engine.evaluate.evaluate`
and the catalogue renderers in `govern.engine.catalogue`.
"""
