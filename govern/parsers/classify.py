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
import json
import re
from typing import TYPE_CHECKING, Literal

from govern.parsers.decoding import decode_bytes

if TYPE_CHECKING:
    import yaml

Kind = Literal["cloudformation", "arm", "arm-parameters", "tfplan", "cfn-parameters"]

_ARM_SCHEMA = re.compile(r'"\$schema"\s*:\s*"[^"]*/(?:subscription|managementGroup|tenant)?'
                         r'[dD]eploymentTemplate\.json', re.I)
_ARM_PARAMS_SCHEMA = re.compile(r'"\$schema"\s*:\s*"[^"]*deploymentParameters\.json', re.I)
_ARM_TYPE = re.compile(r'"type"\s*:\s*"Microsoft\.[A-Za-z]+/', re.I)
_Q = "[\"']?"  # a key or value, quoted either way (YAML) or not
_CFN_VERSION = re.compile(rf'(?:^|[{{,])[ \t]*{_Q}AWSTemplateFormatVersion{_Q}\s*:', re.M)
_SAM_TRANSFORM = re.compile(rf'{_Q}Transform{_Q}\s*:\s*(?:\[\s*)?{_Q}AWS::Serverless', re.M)
_CFN_RESOURCES = re.compile(rf'(?:^|[{{,])[ \t]*{_Q}Resources{_Q}\s*:', re.M)
_CFN_TYPE = re.compile(rf'(?<![A-Za-z0-9_]){_Q}Type{_Q}\s*:\s*(?:!!str\s+)?{_Q}'
                       r'(?:AWS|Alexa|Custom)::')
_PLAN_VERSION = re.compile(r'"format_version"\s*:')
_PLAN_BODY = re.compile(r'"(?:planned_values|resource_changes)"\s*:')
_ARM_SCHEMA_URL = re.compile(r"/(?:subscription|managementGroup|tenant)?deploymentTemplate"
                             r"\.json", re.I)
_ARM_PARAMS_SCHEMA_URL = re.compile(r"deploymentParameters\.json", re.I)
# YAML: top-level keys start at column 0
_CFN_VERSION_YAML = re.compile(r'^["\']?AWSTemplateFormatVersion["\']?\s*:', re.M)
_SAM_TRANSFORM_YAML = re.compile(r'^["\']?Transform["\']?\s*:\s*(?:\[\s*)?["\']?'
                                 r'AWS::Serverless', re.M)
_CFN_RESOURCES_YAML = re.compile(r'^["\']?Resources["\']?\s*:', re.M)
_CFN_PARAMS = re.compile(r'^\s*\[\s*\{\s*"ParameterKey"\s*:')
_HEAD_LIMIT = 65536
# Bytes that only a template or a plan holds (the discoverer looks for them in files too
# large or too odd to classify): CloudFormation's version key and `Type: AWS::...` (not AWS
# Config's `resourceType`), ARM's schema and `Microsoft.*` types, a plan's keys.
_MARKER_WORDS = (b"AWSTemplateFormatVersion", b"AWS::Serverless")
_MARKER_TYPE = re.compile(  # after a character that is no word character: checked apart
    rb'Type["\']?[ \t]*:[ \t]*(?:!!str[ \t]+)?["\']?(?:AWS|Alexa|Custom)::')
_MARKER_SCHEMAS = (b"deploymenttemplate.json", b"deploymentparameters.json")  # any case
_MARKER_KEYS = re.compile(
    rb'"type"[ \t]*:[ \t]*"(?i:Microsoft)\.[A-Za-z]+/'
    rb'|"(?:format_version|planned_values|resource_changes)"[ \t]*:')


def _has_marker(text: bytes) -> bool:
    """Whether `text` holds one of the markers above. Each is looked for on its own, from a
    literal, so that a large file costs one fast pass per marker rather than trying every
    alternative at every byte (a 1.3 MB JSON file: 0.05 s as one regular expression)."""
    if any(word in text for word in _MARKER_WORDS):
        return True
    for match in _MARKER_TYPE.finditer(text):
        before = text[match.start() - 1:match.start()]
        if not before or not (before.isalnum() or before == b"_"):
            return True
    if _MARKER_KEYS.search(text):
        return True
    lowered = text.lower()
    return any(schema in lowered for schema in _MARKER_SCHEMAS)


MARKER_OVERLAP = 128  # bytes to carry between chunks given to `has_template_marker`


def decode(data: bytes) -> str:
    """Text of a template: UTF-8 (with or without BOM) or UTF-16/32 with a BOM."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    return data.decode("utf-8")


def classify_text(text: str, name: str) -> Kind | None:
    first = _first_content(text)
    if first.startswith(("{", "[")):  # JSON, or YAML in flow style
        return _classify_json(text)
    top = _top_level_lines(text)
    if _CFN_VERSION_YAML.search(top) or _SAM_TRANSFORM_YAML.search(top):
        return "cloudformation"
    if _CFN_RESOURCES_YAML.search(top) and _CFN_TYPE.search(text):
        return "cloudformation"
    if _JSON_AFTER_JUNK.match(first) or _JSON_LINE.search(text, 0, _HEAD_LIMIT):
        # JSON behind something that is neither JSON nor YAML (`x{"$schema": ...}`): a
        # template the parser for what it looks like reports, never one skipped in silence
        return _sniff_json(text)
    return None


# a first line with a bracket before any colon: JSON with something in front of it (a
# YAML line has its key's colon first: `key: {a: 1}`)
_JSON_AFTER_JUNK = re.compile(r"[^:\n]*[{\[]")
# or a line that starts with an opening bracket at column 0, after lines that are not JSON
# (`License: MIT`, `<<EOF`; an indented one is a fragment, as in documentation samples)
_JSON_LINE = re.compile(r"^[{\[]", re.M)
# lines before the content that no parser reads as content: blank lines, YAML comments and
# directives, JSON comments (ARM templates may have them), a merge conflict's markers
_NOT_CONTENT = ("#", "%", "---", "//", "<<<<<<<", "|||||||", "=======", ">>>>>>>")


def _first_content(text: str) -> str:
    """The text from its first line that is not blank, a comment, a directive or a merge
    conflict marker (byte order marks dropped)."""
    start = 0
    in_comment = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip().lstrip("\ufeff").strip()
        if in_comment:
            in_comment = "*/" not in stripped
        elif stripped.startswith("/*"):
            in_comment = "*/" not in stripped[2:]
        elif stripped and not stripped.startswith(_NOT_CONTENT):
            return text[start:].lstrip().lstrip("\ufeff").lstrip()
        start += len(line)
        if start > _HEAD_LIMIT:
            break
    return text.lstrip().lstrip("\ufeff").lstrip()


def _top_level_lines(text: str) -> str:
    """The YAML lines at the indentation of the document's first key (documents are
    sometimes indented as a whole), with that indentation removed."""
    indent: int | None = None
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith(("#", "---", "%", "...", "\t")):
            continue  # (a line indented with a tab is no YAML: its parser says so)
        depth = len(line) - len(stripped)
        if indent is None:
            indent = depth
        if depth == indent:
            kept.append(stripped)
    return "\n".join(kept)


def _classify_json(text: str) -> Kind | None:
    """JSON is decided on its top-level keys (a template nested inside another document,
    such as a macro's event payload, is not a template). Invalid JSON is sniffed instead,
    so that the parser for what it looks like reports what is wrong with it."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):  # the parser says what is wrong with it
        return _sniff_json(text)
    if isinstance(doc, list):
        first = doc[0] if doc else None
        return "cfn-parameters" if isinstance(first, dict) and "ParameterKey" in first else None
    if not isinstance(doc, dict):
        return None
    schema = doc.get("$schema")
    if "format_version" in doc and ("planned_values" in doc or "resource_changes" in doc):
        return "tfplan"
    if isinstance(schema, str) and _ARM_PARAMS_SCHEMA_URL.search(schema):
        return "arm-parameters"
    if isinstance(schema, str) and _ARM_SCHEMA_URL.search(schema):
        return "arm"
    if "AWSTemplateFormatVersion" in doc or _is_sam_transform(doc.get("Transform")):
        return "cloudformation"
    resources = doc.get("Resources")
    if isinstance(resources, dict) and any(
            isinstance(r, dict) and isinstance(r.get("Type"), str)
            and r["Type"].startswith(("AWS::", "Alexa::", "Custom::"))
            for r in resources.values()):
        return "cloudformation"
    arm_resources = doc.get("resources")
    items: list[object] = []
    if isinstance(arm_resources, dict):  # languageVersion 2.0: symbolic names
        items = list(arm_resources.values())
    elif isinstance(arm_resources, list):
        items = arm_resources
    if any(isinstance(r, dict) and "apiVersion" in r and isinstance(r.get("type"), str)
           and r["type"].lower().startswith("microsoft.") for r in items):
        return "arm"
    return None


def _is_sam_transform(value: object) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and v.startswith("AWS::Serverless") for v in values)


def _sniff_json(text: str) -> Kind | None:
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
    if '"resources"' in text and '"apiVersion"' in text and _ARM_TYPE.search(text):
        return "arm"
    return None


def classify_file(path: str) -> Kind | None:
    """The kind of `path`, or None. Text that is not UTF-8 is classified through the
    fallback decoding (`decoding.decode_bytes`; the parser that reads the file warns about
    it). An unreadable file is None here: the discoverer has already reported it."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return classify_text(decode_bytes(data).text, path)


def classify_head(head: bytes) -> Kind | None:
    """The kind the first bytes of a file sniff as (a truncated document is sniffed, not
    parsed), or None."""
    return classify_text(decode_bytes(head[:_HEAD_LIMIT]).text, "")


# What names a file's kind outright, where a document's own keys are (a template's version
# key, an ARM schema, a plan's keys): at the start of a line indented at most four columns
# (after an opening brace), or the names alone in the first 512 bytes (minified JSON, a
# damaged key). A file holding one that
# no parser takes is an error, never skipped in silence. Deeper, it belongs to a document
# that embeds a template (an Azure Policy definition's deployment, a macro's payload).
_STRONG_KEYS = (rb'["\']?AWSTemplateFormatVersion["\']?[ \t]*:'
                rb'|"\$schema"[ \t]*:[ \t]*"[^"\n]*(?i:deploymentTemplate\.json)'
                rb'|"format_version"[ \t]*:')
_STRONG_AT_TOP = re.compile(rb"(?m)^[ \t]{0,4}(?:\{[ \t]*)?(?:" + _STRONG_KEYS + rb")")
_STRONG_IN_HEAD = re.compile(  # the names alone, in the first bytes (a key may be damaged)
    rb'AWSTemplateFormatVersion|(?i:deploymentTemplate\.json)|"format_version"[ \t]*:')
_STRONG_HEAD = 512


def template_marker(data: bytes) -> str | None:
    """For a file no parser takes: "strong" when its bytes name a template's or a plan's
    kind outright where a document's own keys are, "weak" when they only hold what
    templates hold (`Type: AWS::...`, a `Microsoft.*` type, a nested template: also found
    in documents that embed templates), else None. NUL bytes are dropped first (UTF-16/32
    text)."""
    text = data.replace(b"\x00", b"")
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = text.replace(bom, b"")  # a mark (UTF-16/32: NULs gone) in front of a key
    if not _may_be_strong(text):
        return "weak" if _has_marker(text) else None
    if _STRONG_AT_TOP.search(text) or _STRONG_IN_HEAD.search(text, 0, _STRONG_HEAD):
        return "strong"
    if _STRONG_IN_HEAD.search(text) and _names_its_kind(decode_bytes(data).text):
        return "strong"
    return "weak" if _has_marker(text) else None


def _may_be_strong(text: bytes) -> bool:
    """Whether `text` holds a literal every strong marker holds (a fast test first: the
    line-anchored expressions try every byte of a large file)."""
    return (b"AWSTemplateFormatVersion" in text or b'"format_version"' in text
            or b"deploymenttemplate.json" in text.lower())


def _names_its_kind(text: str) -> bool:
    """Whether `text`, which holds a template's or a plan's name somewhere, is a broken
    one: no valid JSON or YAML at all, or a document whose own top level names it (a key
    or a string value: `"$schem\u00e9a": ".../deploymentTemplate.json#"`). A valid document
    that only embeds a template further down (an Azure Policy definition) is not."""
    try:
        top: list[tuple[str, str]] = _json_top(json.loads(text))
    except (ValueError, RecursionError):
        import yaml

        from govern.errors import SourceError
        from govern.parsers.cloudformation.yaml_composer import compose

        try:
            node = compose(text, "")
        except (yaml.YAMLError, SourceError):
            return True  # neither JSON nor YAML
        top = _yaml_top(node)
    return any(_STRONG_IN_HEAD.search(f"{key}: {value}".encode("utf-8", "replace"))
               for key, value in top)


def _json_top(doc: object) -> list[tuple[str, str]]:
    if not isinstance(doc, dict):
        return []
    return [(str(k), v if isinstance(v, str) else "") for k, v in doc.items()]


def _yaml_top(node: yaml.Node | None) -> list[tuple[str, str]]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return []
    return [(str(k.value) if isinstance(k, yaml.ScalarNode) else "",
             str(v.value) if isinstance(v, yaml.ScalarNode) else "") for k, v in node.value]


def has_template_marker(chunk: bytes) -> bool:
    """Whether `chunk` (any part of a file) holds bytes only a CloudFormation or ARM
    template or a Terraform plan holds. NUL bytes are dropped first, so UTF-16/32 text and
    text inside a binary file are seen too."""
    return _has_marker(chunk.replace(b"\x00", b""))
