"""Property tests: whatever a Terraform plan JSON file holds (`resource_changes`,
`planned_values`, `configuration` of any shape, broken text, any bytes), the plan parser
raises nothing (problems are notices at lines of the file), stays bounded, and a scan of
the plan beside the sentinel template (and, sometimes, beside the Terraform source the
plan names) still reports the sentinel's finding while the plan is read or named in an
error."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govern.errors import SourceError
from govern.parsers.tfplan import parse_tfplan
from govern.parsers.tfplan.reader import read_plan
from tests.parsers.robustness import alarm, edited, scan_fuzzed, write_content

ALARM = 15
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCAN_SETTINGS = settings(SETTINGS, max_examples=40)

ADDRESSES = ("aws_s3_bucket.b", "aws_s3_bucket.b[0]", 'aws_s3_bucket.b["k"]',
             "module.m.aws_s3_bucket.b", 'module.m["x"].module.n[0].aws_s3_bucket.b',
             "module.m[0].aws_s3_bucket.b[1]", "data.aws_iam_policy_document.p",
             "aws_security_group.g", "", "module.", "module.m", "aws_s3_bucket", "a.b.c.d",
             "module.m[", 'aws_s3_bucket.b["', "aws_s3_bucket.b[-1]", "\ud800.b",
             "aws_s3_bucket.b[99999999999999999999999]")
REFERENCES = ("aws_s3_bucket.b", "aws_s3_bucket.b.id", "aws_s3_bucket.b[0]", "var.x",
              "var.y", "module.m.o", "module.m", "module.m[0].o", "count.index", "each.key",
              "local.l", "data.aws_iam_policy_document.p.json", "", ".", "module.", "var.",
              "path.module", "aws_security_group.g.id")
ATTRIBUTES = ("bucket", "acl", "tags", "policy", "versioning", "logging",
              "server_side_encryption_configuration", "rule", "enabled", "ingress",
              "cidr_blocks", "from_port", "x", "")
POLICIES = ('{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", '
            '"Resource": "*"}]}', '{"Statement": {"Effect": "Allow"}}', '{"Statement": [',
            '[1e400]', '{"a":' * 300 + "1" + "}" * 300, "")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from(("public-read", "private", "0.0.0.0/0", "AES256", "x",
                                     "\ud800", "${var.x}", *POLICIES)),
                    st.text(max_size=6))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(ATTRIBUTES), inner, max_size=4),
    max_leaves=20)


def mostly(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`strategy` four times in five, else any value in its place."""
    return st.sampled_from((True, True, True, True, False)).flatmap(
        lambda good: strategy if good else VALUES)


MARKS = st.recursive(st.booleans(), lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.sampled_from(ATTRIBUTES), inner, max_size=3),
                     max_leaves=10) | VALUES
NONE_REQUIRED: dict[str, st.SearchStrategy[Any]] = {}  # objects whose keys are all optional
REFERENCE_LISTS = st.lists(st.sampled_from(REFERENCES), max_size=3)
EXPRESSION = st.one_of(
    st.fixed_dictionaries(NONE_REQUIRED, optional={
        "constant_value": VALUES, "references": mostly(REFERENCE_LISTS)}),
    st.lists(st.dictionaries(st.sampled_from(ATTRIBUTES), st.fixed_dictionaries(
        {"references": REFERENCE_LISTS})), max_size=2),
    VALUES)
EXPRESSIONS = mostly(st.dictionaries(st.sampled_from(ATTRIBUTES), EXPRESSION, max_size=4))
NAMES = mostly(st.sampled_from(("b", "g", "p", "m", "n", "", "\udc00")))
CONFIG_RESOURCE = st.fixed_dictionaries(
    {"address": mostly(st.sampled_from(ADDRESSES)),
     "mode": mostly(st.sampled_from(("managed", "data", "x"))),
     "type": mostly(st.sampled_from(("aws_s3_bucket", "aws_security_group"))),
     "name": NAMES},
    optional={"provider_config_key": mostly(st.sampled_from(("aws", "m:aws", "aws.east",
                                                             "x"))),
              "expressions": EXPRESSIONS, "count_expression": EXPRESSION,
              "for_each_expression": EXPRESSION})


def module_config() -> st.SearchStrategy[dict[str, Any]]:
    """A module of the configuration: resources, calls of child modules (recursively),
    outputs."""
    return st.fixed_dictionaries(NONE_REQUIRED, optional={
        "resources": mostly(st.lists(CONFIG_RESOURCE, max_size=3)),
        "module_calls": mostly(st.dictionaries(
            st.sampled_from(("m", "n", "")), st.fixed_dictionaries(
                {"source": mostly(st.sampled_from(("./m", "./", "../", "./m/../m", ".\\m",
                                                   "x/y", "git::https://x")))},
                optional={"module": mostly(MODULE), "expressions": EXPRESSIONS,
                          "count_expression": EXPRESSION}), max_size=2)),
        "outputs": mostly(st.dictionaries(st.sampled_from(("o", "p")), st.fixed_dictionaries(
            {"expression": EXPRESSION}), max_size=2)),
        "variables": VALUES})


MODULE = st.deferred(module_config)
PROVIDERS = mostly(st.dictionaries(
    st.sampled_from(("aws", "m:aws", "aws.east")), st.fixed_dictionaries(
        {"name": mostly(st.sampled_from(("aws", "google")))},
        optional={"full_name": mostly(st.just("registry.terraform.io/hashicorp/aws")),
                  "alias": mostly(st.sampled_from(("east", ""))),
                  "module_address": mostly(st.sampled_from(("module.m", ""))),
                  "expressions": EXPRESSIONS}), max_size=2))
AFTER = st.dictionaries(st.sampled_from(ATTRIBUTES), VALUES, max_size=5)
ACTIONS = st.sampled_from((["create"], ["update"], ["no-op"], ["read"], ["delete", "create"],
                           ["create", "delete"], ["delete"], ["forget"], [], ["x"]))
CHANGE = st.fixed_dictionaries(
    {"actions": mostly(ACTIONS)},
    optional={"before": VALUES, "after": mostly(AFTER), "after_unknown": MARKS,
              "before_sensitive": MARKS, "after_sensitive": MARKS, "replace_paths": VALUES})


def resource_change(module: str, mode: str, kind: str, name: str, index: int | str | None,
                    change: Any) -> dict[str, Any]:
    """An entry whose address agrees with its module, mode, type, name and index."""
    key = "" if index is None else f"[{json.dumps(index)}]"
    prefix = f"{module}." if module else ""
    address = f"{prefix}{'data.' if mode == 'data' else ''}{kind}.{name}{key}"
    entry = {"address": address, "mode": mode, "type": kind, "name": name, "change": change,
             "provider_name": "registry.terraform.io/hashicorp/aws"}
    if module:
        entry["module_address"] = module
    if index is not None:
        entry["index"] = index
    return entry


# mostly the bucket the Terraform source beside the plan declares
CONSISTENT_CHANGE = st.builds(
    lambda module, mode, kind_name, index, change: resource_change(
        module, mode, kind_name[0], kind_name[1], index, change),
    st.sampled_from(("", "", "module.m", 'module.m["x"]', "module.m[0]")),
    st.sampled_from(("managed", "managed", "data")),
    st.sampled_from((("aws_s3_bucket", "b"), ("aws_s3_bucket", "b"),
                     ("aws_security_group", "g"), ("x", "p"))),
    st.none() | st.integers(0, 2) | st.just("k"), mostly(CHANGE))
RESOURCE_CHANGE = st.sampled_from((True, True, False)).flatmap(
    lambda consistent: CONSISTENT_CHANGE if consistent else st.fixed_dictionaries(
        {"address": mostly(st.sampled_from(ADDRESSES)),
         "mode": mostly(st.sampled_from(("managed", "data"))),
         "type": mostly(st.sampled_from(("aws_s3_bucket", "aws_security_group",
                                         "aws_iam_policy"))),
         "name": NAMES, "change": mostly(CHANGE)},
        optional={"index": mostly(st.integers() | st.text(max_size=3)),
                  "module_address": mostly(st.sampled_from(("module.m", 'module.m["x"]',
                                                            "module", ""))),
                  "provider_name": mostly(st.just("registry.terraform.io/hashicorp/aws"))}))


def planned_module() -> st.SearchStrategy[dict[str, Any]]:
    """A module of `planned_values`: resources and child modules (recursively)."""
    return st.fixed_dictionaries(NONE_REQUIRED, optional={
        "resources": mostly(st.lists(st.fixed_dictionaries(
            {"address": mostly(st.sampled_from(ADDRESSES))}, optional={
                "values": VALUES, "sensitive_values": MARKS, "type": NAMES, "name": NAMES}),
            max_size=2)),
        "child_modules": mostly(st.lists(PLANNED_MODULE, max_size=2))})


PLANNED_MODULE = st.deferred(planned_module)
PLANS = st.fixed_dictionaries(
    {"format_version": mostly(st.sampled_from(("1.2", "1.0", "1", "1.10.3") * 4
                                              + ("0.1", "2.0", "1.x"))),
     "resource_changes": mostly(st.lists(RESOURCE_CHANGE, min_size=1, max_size=4))},
    optional={"terraform_version": mostly(st.just("1.11.0")),
              "planned_values": mostly(st.fixed_dictionaries(NONE_REQUIRED, optional={
                  "root_module": PLANNED_MODULE})),
              "configuration": mostly(st.fixed_dictionaries(NONE_REQUIRED, optional={
                  "provider_config": PROVIDERS, "root_module": MODULE})),
              "prior_state": VALUES, "output_changes": VALUES,
              "relevant_attributes": VALUES})


def dumped(plan: Any, indent: int | None) -> str:
    """The plan's JSON text; lone surrogates (no file holds them raw) as escapes."""
    text = json.dumps(plan, indent=indent, ensure_ascii=False)
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group(0)):04x}", text)


PIECES = ("{", "}", "[", "]", ",", ":", '"', "\\", "\\ud800", "1e400", "9" * 4301, "-",
          "NaN", "//", "\x00", "\n", "\ufeff", '"resource_changes": [', '"after": {',
          '"format_version": "1.2", ', "[" * 300, '{"a":' * 300, "null", "true")
EDITS = st.lists(st.tuples(st.floats(min_value=0, max_value=1),
                           st.integers(min_value=0, max_value=8), st.sampled_from(PIECES)),
                 min_size=1, max_size=3)
PLAN_TEXT = st.builds(dumped, PLANS, st.sampled_from([None, 1]))
TEXT = st.one_of(PLAN_TEXT, PLAN_TEXT, st.builds(edited, PLAN_TEXT, EDITS))
BYTES = st.builds(lambda head, data: head + data,
                  st.sampled_from([b'{"format_version": "1.2", "resource_changes": [',
                                   b'\xff\xfe{\x00"\x00', b"", b"\xef\xbb\xbf{"]),
                  st.binary(max_size=200))

# Terraform source beside the plan, for the plan's locations and for the pairing of a
# plan with its configuration
SOURCES = {
    "none": {},
    "bucket": {"main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = '
                          '"public-read"\n}\n'},
    "module": {"main.tf": 'module "m" {\n  source = "./m"\n}\nprovider "aws" {\n  region = '
                          '"us-east-1"\n}\n',
               "m/main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "y"\n}\n'},
    "broken": {"main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = \n'},
}

SOURCE_NAMES = st.sampled_from(("bucket", "bucket", "module", "none", "broken"))


def write(directory: Path, files: dict[str, str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def parse(path: Path) -> None:
    """Parse `path` directly: never an exception, notices and locations in the files
    read. Reading the plan alone raises nothing but SourceError."""
    lines = path.read_bytes().count(b"\n") + 1
    with alarm(ALARM):
        try:
            read_plan(str(path))
        except SourceError as error:
            assert error.file == str(path)
            assert error.line is None or 1 <= error.line <= lines, error
        result = parse_tfplan([str(path)])
    read = set(result.files)
    assert str(path) in read
    for notice in result.notices:
        assert notice.level in ("error", "warning", "note") and notice.message
        assert notice.file in read or (  # a source file beside it that cannot be read
            notice.code == "tfplan-source-skipped"), notice
        if notice.file == str(path):
            assert notice.line is None or 1 <= notice.line <= lines, notice
    for native in result.resources:
        assert native.format == "tfplan" and native.root == str(path)
        for where in (native.range, *native.locations.values()):
            assert where.file in read and 1 <= where.start_line <= where.end_line
            if where.file == str(path):
                assert where.end_line <= lines, (native.address, where)


def run(content: str | bytes, source: str = "none") -> None:
    with tempfile.TemporaryDirectory() as directory:
        plans = Path(directory) / "a" / "b"  # module sources `../` stay inside
        write(plans, SOURCES[source])
        path = plans / "plan.json"
        write_content(path, content)
        parse(path)


@SETTINGS
@given(PLANS, st.sampled_from([None, 1]), SOURCE_NAMES)
def test_any_plan_document(plan: dict[str, Any], indent: int | None, source: str) -> None:
    run(dumped(plan, indent), source)


@SETTINGS
@given(st.builds(edited, PLAN_TEXT, EDITS))
def test_any_plan_text(text: str) -> None:
    run(text)


@SETTINGS
@given(BYTES)
def test_any_bytes(data: bytes) -> None:
    run(data)


# found by this test: two entries of one address made the scan fail (duplicate resource id)
TWICE = json.dumps({"format_version": "1.2", "resource_changes": [{
    "address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
    "change": {"actions": ["create"]}}] * 2}, indent=1)


@SCAN_SETTINGS
@given(TEXT | BYTES, SOURCE_NAMES)
@example(TWICE, "none")
@example(TWICE, "bucket")
def test_any_plan_beside_the_sentinel(content: str | bytes, source: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        plans = Path(directory) / "a" / "b"
        write(plans, SOURCES[source])
        scan_fuzzed(plans, "plan.json", content)
