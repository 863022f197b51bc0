"""Classify a `.json`/`.yaml`/`.yml`/`.template` file by what it holds, not by its name.

A cheap sniff of the text decides, without a full parse (the parser that takes the file
parses it once, properly, and reports what is wrong with it):

- Terraform plan JSON: `format_version` and `planned_values` or `resource_changes`.
- ARM deployment template: a `$schema` naming a deployment template, or `resources`
  holding `Microsoft.*` types with an `apiVersion`. ARM parameter files are recognised
  and not scanned on their own.
- CloudFormation (and SAM): `AWSTemplateFormatVersion`, a `Transform` of
  `AWS::Serverless-*`, or `Resources` whose entries have `Type: AWS::...`/`Alexa::`/
  `Custom::`.
- Anything else (a `package.json`, a Kubernetes manifest, a CI workflow) is none of these
  and is skipped quietly.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

Kind = Literal["cloudformation", "arm", "arm-parameters", "tfplan", "cfn-parameters"]

_ARM_SCHEMA = re.compile(r'"\$schema"\s*:\s*"[^"]*/(?:subscription|managementGroup|tenant)?'
                         r'[dD]eploymentTemplate\.json', re.I)
_ARM_PARAMS_SCHEMA = re.compile(r'"\$schema"\s*:\s*"[^"]*deploymentParameters\.json', re.I)
_ARM_TYPE = re.compile(r'"type"\s*:\s*"Microsoft\.[A-Za-z]+/', re.I)
_CFN_VERSION = re.compile(r'(?:^|[{,])\s*"?AWSTemplateFormatVersion"?\s*:', re.M)
_SAM_TRANSFORM = re.compile(r'"?Transform"?\s*:\s*(?:\[\s*)?["\']?AWS::Serverless', re.M)
_CFN_RESOURCES = re.compile(r'(?:^|[{,])\s*"?Resources"?\s*:', re.M)
_CFN_TYPE = re.compile(r'"?Type"?\s*:\s*["\']?(?:AWS|Alexa|Custom)::')
_PLAN_VERSION = re.compile(r'"format_version"\s*:')
_PLAN_BODY = re.compile(r'"(?:planned_values|resource_changes)"\s*:')
_CFN_PARAMS = re.compile(r'^\s*\[\s*\{\s*"ParameterKey"\s*:')


def decode(data: bytes) -> str:
    """Text of a template: UTF-8 (with or without BOM) or UTF-16/32 with a BOM."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    return data.decode("utf-8")


def classify_text(text: str, name: str) -> Kind | None:
    is_json = text.lstrip().startswith(("{", "["))
    if is_json:
        if _PLAN_VERSION.search(text) and _PLAN_BODY.search(text):
            return "tfplan"
        if _ARM_PARAMS_SCHEMA.search(text):
            return "arm-parameters"
        if _ARM_SCHEMA.search(text):
            return "arm"
        if _CFN_PARAMS.match(text):
            return "cfn-parameters"
    if _CFN_VERSION.search(text) or _SAM_TRANSFORM.search(text):
        return "cloudformation"
    if _CFN_RESOURCES.search(text) and _CFN_TYPE.search(text):
        return "cloudformation"
    if is_json and '"resources"' in text and '"apiVersion"' in text and _ARM_TYPE.search(text):
        return "arm"
    return None


def classify_file(path: str) -> Kind | None:
    """The kind of `path`, or None. Unreadable or undecodable files are None here: the
    discoverer has already reported files it could not read."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        text = decode(data)
    except (OSError, UnicodeDecodeError):
        return None
    return classify_text(text, path)
