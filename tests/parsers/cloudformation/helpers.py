"""Parsing CloudFormation templates written on the fly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.parsers.cloudformation import parse_cloudformation
from govern.parsers.native import NativeResource, ParseResult


def parse(tmp_path: Path, text: str, name: str = "template.yaml",
          parameter_files: tuple[str, ...] = ()) -> ParseResult:
    path = tmp_path / name
    path.write_text(text)
    return parse_cloudformation([str(path)], parameter_files)


def resources(result: ParseResult) -> dict[str, NativeResource]:
    return {native.address: native for native in result.resources}


def properties(tmp_path: Path, body: str, header: str = "",
               parameter_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The evaluated Properties of resource `R` (of type AWS::S3::Bucket) whose
    properties are `body` (YAML indented by 6 spaces), after `header` sections."""
    text = f"{header}Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n{body}"
    result = parse(tmp_path, text, parameter_files=parameter_files)
    return resources(result)["R"].attributes


def messages(result: ParseResult) -> list[str]:
    return [f"{n.level} {n.code} {n.line}: {n.message}" for n in result.notices]
