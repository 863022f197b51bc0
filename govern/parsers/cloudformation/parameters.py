"""Parameter values: parameter files given on the command line, template `Parameters`
(defaults, types, `NoEcho`, `AllowedValues`) and pseudo parameters.

Parameter files (`--parameters`/`--cfn-parameters`) apply to **every** template of the
scan: a key a template does not declare is ignored for that template, so one file can
serve several stacks. Later files win over earlier ones. Accepted forms (JSON or YAML):

- the AWS CLI list `[{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]`;
- `{"Parameters": {"Env": "prod"}}` (CodePipeline template configuration files, `rain`);
- a plain map `{"Env": "prod"}`.

Pseudo parameters may be given the same way (`"AWS::Region": "eu-west-1"`,
`"AWS::AccountId": "123456789012"`); otherwise `AWS::Region`, `AWS::AccountId`,
`AWS::StackName`, `AWS::StackId` and `AWS::NotificationARNs` are Unknown, `AWS::Partition`
is `aws` and `AWS::URLSuffix` `amazonaws.com` (their China and GovCloud values when the
region is given).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.model.unknown import Unknown
from govern.parsers.cloudformation.nodes import MAP, SCALAR, SEQ, Node, plain, scalar_text
from govern.parsers.cloudformation.reading import read_text
from govern.parsers.cloudformation.yaml_loader import read_yaml

PSEUDO_UNKNOWN = {
    "AWS::Region": "the region is not known statically (AWS::Region)",
    "AWS::AccountId": "the account id is not known statically (AWS::AccountId)",
    "AWS::StackName": "the stack name is not known statically (AWS::StackName)",
    "AWS::StackId": "the stack id is not known statically (AWS::StackId)",
    "AWS::NotificationARNs": "the notification ARNs are not known statically "
                             "(AWS::NotificationARNs)",
}
NO_VALUE_NAME = "AWS::NoValue"
PSEUDO_NAMES = frozenset({*PSEUDO_UNKNOWN, "AWS::Partition", "AWS::URLSuffix", NO_VALUE_NAME})


def read_parameter_files(paths: Sequence[str]) -> tuple[dict[str, Any], list[Notice]]:
    """The values given by parameter files (later files win), and notices for files that
    cannot be read or have another shape."""
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for path in paths:
        try:
            values.update(_read_file(path, notices))
        except SourceError as exc:
            notices.append(Notice("error", exc.message, exc.file, exc.line, exc.hint,
                                  code="parse-error"))
    return values, notices


def _read_file(path: str, notices: list[Notice]) -> dict[str, Any]:
    text = read_text(path, notices)
    try:
        root, _ = read_yaml(text, path)
    except SourceError as exc:
        raise SourceError(exc.message.replace("invalid YAML", "invalid parameter file", 1),
                          path, exc.line, exc.hint) from None
    data = plain(root) if root is not None else None
    hint = ('use [{"ParameterKey": "K", "ParameterValue": "V"}], {"Parameters": {"K": "V"}} '
            'or {"K": "V"}')
    if isinstance(data, list):
        found: dict[str, Any] = {}
        for entry in data:
            if not (isinstance(entry, dict) and isinstance(entry.get("ParameterKey"), str)):
                raise SourceError("invalid parameter file: every entry needs a ParameterKey",
                                  path, None, hint)
            if "ParameterValue" in entry:
                found[entry["ParameterKey"]] = _given(entry["ParameterValue"])
        return found
    if isinstance(data, dict):
        if isinstance(data.get("Parameters"), dict):
            data = data["Parameters"]
        return {str(key): _given(value) for key, value in data.items()}
    raise SourceError("invalid parameter file: expected a list or a mapping", path, 1, hint)


def _given(value: Any) -> Any:
    if isinstance(value, list):
        return [scalar_text(item) for item in value]
    return scalar_text(value)


def pseudo_parameters(given: dict[str, Any]) -> dict[str, Any]:
    """The value of every pseudo parameter but AWS::NoValue."""
    values: dict[str, Any] = {name: given.get(name, Unknown(reason))
                              for name, reason in PSEUDO_UNKNOWN.items()}
    region = values["AWS::Region"]
    partition, suffix = "aws", "amazonaws.com"
    if isinstance(region, str):
        if region.startswith("cn-"):
            partition, suffix = "aws-cn", "amazonaws.com.cn"
        elif region.startswith("us-gov-"):
            partition = "aws-us-gov"
    values["AWS::Partition"] = given.get("AWS::Partition", partition)
    values["AWS::URLSuffix"] = given.get("AWS::URLSuffix", suffix)
    return values


def parameter_values(declared: Node | None, given: dict[str, Any]) -> dict[str, Any]:
    """The value of each parameter the template declares: the given value, else the
    default, else Unknown (with the allowed values as alternatives when there are some).
    `NoEcho` parameters without a given value and SSM-resolved parameters are Unknown."""
    values: dict[str, Any] = {}
    if declared is None or declared.kind != MAP:
        return values
    for name, _, spec in declared.pairs:
        values[name] = _value(name, spec, given)
    return values


def _value(name: str, spec: Node, given: dict[str, Any]) -> Any:
    reason = f"parameter {name} has no value"
    origin = f"Ref({name})"
    if spec.kind != MAP:
        return _typed("", given[name]) if name in given else Unknown(reason, origin=origin)
    kind = _text(spec.get("Type"))
    default = spec.get("Default")
    if default is not None and default.kind == SCALAR and default.value is None:
        default = None
    if kind.startswith("AWS::SSM::Parameter::Value<"):
        source = given.get(name, plain(default) if default is not None else None)
        return Unknown(f"parameter {name} is read from the SSM parameter {source}"
                       if source is not None else reason, origin=origin)
    if name in given:
        return _typed(kind, given[name])
    if _text(spec.get("NoEcho")).lower() == "true":
        return Unknown(f"parameter {name} is NoEcho: its value is not in the template",
                       origin=origin)
    if default is not None:
        return _typed(kind, plain(default))
    allowed = spec.get("AllowedValues")
    if allowed is not None and allowed.kind == SEQ and allowed.items:
        return Unknown(reason, alternatives=tuple(_typed(kind, plain(item))
                                                  for item in allowed.items), origin=origin)
    return Unknown(reason, origin=origin)


def chosen_at_deploy(declared: Node | None, given: dict[str, Any]) -> dict[str, Unknown]:
    """The parameters whose value is a choice left to the deployer: a `Default` and at
    least two `AllowedValues`, and no value given. Each is an Unknown whose alternatives
    are the allowed values (the template is also read with the defaults: see
    template.read_template)."""
    found: dict[str, Unknown] = {}
    if declared is None or declared.kind != MAP:
        return found
    for name, _, spec in declared.pairs:
        if name in given or spec.kind != MAP or spec.get("Default") is None:
            continue
        kind = _text(spec.get("Type"))
        if kind.startswith(("AWS::SSM::Parameter::Value<", "List<")) or \
                kind == "CommaDelimitedList" or _text(spec.get("NoEcho")).lower() == "true":
            continue
        allowed = spec.get("AllowedValues")
        if allowed is None or allowed.kind != SEQ:
            continue
        values = tuple(dict.fromkeys(_typed(kind, plain(item)) for item in allowed.items
                                     if item.kind == SCALAR))
        if len(values) >= 2:
            found[name] = Unknown(f"parameter {name} is chosen at deploy time",
                                  alternatives=values)
    return found


def _text(node: Node | None) -> str:
    if node is None or node.kind != SCALAR:
        return ""
    return scalar_text(node.value)


def _typed(kind: str, value: Any) -> Any:
    """A parameter value as a template sees it: lists split, numbers as numbers, the
    rest as strings."""
    if kind == "CommaDelimitedList" or kind.startswith("List<"):
        if isinstance(value, list):
            items = [scalar_text(v) for v in value]
        else:
            text = scalar_text(value)
            items = [part.strip() for part in text.split(",")] if text else []
        if kind == "List<Number>":
            return [_number(item) for item in items]
        return items
    if kind == "Number":
        return _number(value)
    if isinstance(value, (list, dict)):
        return value
    return scalar_text(value)


def _number(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = scalar_text(value).strip()
    try:
        return int(text)
    except ValueError:  # also: more than 4,300 digits
        try:
            number = float(text)
        except ValueError:
            return text
        return number if math.isfinite(number) else text
