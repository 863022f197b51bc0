"""The CloudFormation (and SAM) parser: YAML and JSON templates -> native resources.

`parse_cloudformation(files, parameter_files)` reads templates already classified as
CloudFormation; modules: `yaml_loader` and `json_loader` (positioned nodes, short-form
tags), `parameters` (parameter files, defaults, pseudo parameters), `conditions`,
`intrinsics` (the evaluator), `template` (sections and resources).
"""

from govern.parsers.cloudformation.parser import parse_cloudformation

__all__ = ["parse_cloudformation"]
