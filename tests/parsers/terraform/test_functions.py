"""Terraform's built-in functions: exact results, errors, and Unknown propagation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import PartialJson, Unknown
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.functions import FUNCTIONS, call_function, is_supported
from govern.parsers.terraform.values import EvalError

U = Unknown("known after apply", ref="aws_s3_bucket.b")


def call(name: str, *args: Any, base_dir: str = ".") -> Any:
    return call_function(name, list(args), FunctionContext(base_dir=base_dir))


@pytest.mark.parametrize(("name", "args", "expected"), [
    # strings
    ("format", ["%s-%d", "a", 5], "a-5"),
    ("format", ["%q", "x\"y"], '"x\\"y"'),
    ("format", ["%v|%v|%v", 1.5, True, None], "1.5|true|null"),
    ("format", ["%v", {"b": 1, "a": [1]}], '{"a":[1],"b":1}'),
    ("format", ["%5s|%-5s|%05d|%.2f|%%", "ab", "cd", 42, 3.14159], "   ab|cd   |00042|3.14|%"),
    ("format", ["%f %e", 1, 1500], "1.000000 1.500000e+03"),
    ("format", ["%[2]s %[1]s", "a", "b"], "b a"),
    ("format", ["%x %X %o %b", 255, 255, 8, 5], "ff FF 10 101"),
    ("format", ["%t", True], "true"),
    ("format", ["%g %g", 100000, 1234567], "100000 1.234567e+06"),
    ("formatlist", ["%s-%s", ["a", "b"], "x"], ["a-x", "b-x"]),
    ("join", [",", ["a", "b"], ["c"]], "a,b,c"),
    ("join", ["-", [1, True]], "1-true"),
    ("split", [",", "a,b,,c"], ["a", "b", "", "c"]),
    ("split", [",", ""], [""]),
    ("lower", ["AbC"], "abc"),
    ("upper", ["AbC"], "ABC"),
    ("title", ["hello world-wide o'neil"], "Hello World-Wide O'Neil"),
    ("trimspace", ["  a b \n"], "a b"),
    ("trim", ["?!hello?!", "!?"], "hello"),
    ("trimprefix", ["helloworld", "hello"], "world"),
    ("trimsuffix", ["helloworld", "world"], "hello"),
    ("chomp", ["a\n\r\n"], "a"),
    ("indent", [2, "a\nb"], "a\n  b"),
    ("strrev", ["abc"], "cba"),
    ("replace", ["a-b-c", "-", "+"], "a+b+c"),
    ("replace", ["hello world", "/w(or)ld/", "W$1${1}$$"], "hello Woror$"),
    ("replace", ["a1b22", "/[0-9]+/", "#"], "a#b#"),
    ("substr", ["hello world", 1, 4], "ello"),
    ("substr", ["hello world", -5, -1], "world"),
    ("substr", ["hello", 0, 10], "hello"),
    ("startswith", ["hello", "he"], True),
    ("endswith", ["hello", "he"], False),
    ("strcontains", ["hello", "ll"], True),
    ("regex", ["[a-z]+", "123abc456"], "abc"),
    ("regex", ["(\\d+)-(\\d+)", "10-20"], ["10", "20"]),
    ("regex", ["(?P<y>\\d{4})-(?<m>\\d{2})", "2024-05"], {"y": "2024", "m": "05"}),
    ("regexall", ["\\d", "a1b2"], ["1", "2"]),
    ("regexall", ["x", "abc"], []),
    ("tostring", [5], "5"),
    ("tostring", [None], None),
    # collections
    ("merge", [{"a": 1, "b": 2}, None, {"b": 3}], {"a": 1, "b": 3}),
    ("concat", [[1], [], [2, 3]], [1, 2, 3]),
    ("lookup", [{"a": 1}, "a"], 1),
    ("lookup", [{"a": 1}, "b", "d"], "d"),
    ("length", [[1, 2]], 2),
    ("length", [{"a": 1}], 1),
    ("length", ["héllo"], 5),
    ("element", [["a", "b", "c"], 4], "b"),
    ("index", [["a", "b"], "b"], 1),
    ("contains", [["a", "b"], "b"], True),
    ("contains", [[1, 2], "1"], False),
    ("keys", [{"b": 1, "a": 2}], ["a", "b"]),
    ("values", [{"b": 1, "a": 2}], [2, 1]),
    ("zipmap", [["a", "b"], [1, 2]], {"a": 1, "b": 2}),
    ("range", [3], [0, 1, 2]),
    ("range", [1, 4], [1, 2, 3]),
    ("range", [10, 0, -4], [10, 6, 2]),
    ("range", [0, 1, 0.5], [0, 0.5]),
    ("slice", [["a", "b", "c", "d"], 1, 3], ["b", "c"]),
    ("reverse", [[1, 2, 3]], [3, 2, 1]),
    ("sort", [["b", "a", "c"]], ["a", "b", "c"]),
    ("sort", [[10, 9]], ["10", "9"]),
    ("distinct", [["a", "b", "a", "c", "b"]], ["a", "b", "c"]),
    ("flatten", [[["a", ["b"]], [], "c"]], ["a", "b", "c"]),
    ("compact", [["a", "", None, "b"]], ["a", "b"]),
    ("coalesce", [None, "", "b", "c"], "b"),
    ("coalesce", [None, 1, "x"], "1"),
    ("coalesce", [None, 2], 2),
    ("coalescelist", [[], ["a"], ["b"]], ["a"]),
    ("one", [[]], None),
    ("one", [["x"]], "x"),
    ("alltrue", [[True, "true"]], True),
    ("alltrue", [[]], True),
    ("anytrue", [[False, True]], True),
    ("anytrue", [[]], False),
    ("tolist", [["a"]], ["a"]),
    ("toset", [["b", "a", "b"]], ["a", "b"]),
    ("toset", [[2, "1", 1]], ["1", "2"]),
    ("tomap", [{"a": 1}], {"a": 1}),
    ("chunklist", [[1, 2, 3], 2], [[1, 2], [3]]),
    ("setunion", [["b"], ["a", "b"]], ["a", "b"]),
    ("setintersection", [["a", "b"], ["b", "c"]], ["b"]),
    ("setsubtract", [["a", "b"], ["b"]], ["a"]),
    ("setproduct", [["a", "b"], [1]], [["a", 1], ["b", 1]]),
    ("matchkeys", [["i1", "i2"], ["us", "eu"], ["eu"]], ["i2"]),
    ("transpose", [{"a": ["1", "2"], "b": ["2"]}], {"1": ["a"], "2": ["a", "b"]}),
    ("sum", [[1, 2.5, "3"]], 6.5),
    ("sensitive", ["s"], "s"),
    ("nonsensitive", ["s"], "s"),
    # numbers
    ("min", [3, 1.5, "2"], 1.5),
    ("max", [3, 10], 10),
    ("abs", [-2.5], 2.5),
    ("ceil", [1.2], 2),
    ("floor", [-1.2], -2),
    ("pow", [2, 10], 1024),
    ("log", [8, 2], 3),
    ("signum", [-7], -1),
    ("parseint", ["ff", 16], 255),
    ("tonumber", ["1.50"], 1.5),
    ("tonumber", ["12"], 12),
    ("tobool", ["true"], True),
    ("cidrsubnet", ["10.0.0.0/16", 8, 2], "10.0.2.0/24"),
    ("cidrsubnet", ["fd00::/56", 8, 3], "fd00:0:0:3::/64"),
    ("cidrsubnets", ["10.1.0.0/16", 4, 4, 8], ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24"]),
    ("cidrhost", ["10.0.0.0/24", 5], "10.0.0.5"),
    ("cidrhost", ["10.0.0.0/24", -2], "10.0.0.254"),
    ("cidrnetmask", ["172.16.0.0/12"], "255.240.0.0"),
    # encoding
    ("jsonencode", [{"b": [1, 2.5, None], "a": "<&>", "c": True}],
     '{"a":"\\u003c\\u0026\\u003e","b":[1,2.5,null],"c":true}'),
    ("jsonencode", ["héllo"], '"héllo"'),
    ("jsondecode", ['{"a": [1, 2.0, "x"], "b": null}'], {"a": [1, 2, "x"], "b": None}),
    ("yamldecode", ["a: 1\nb: [x, y]\nc: 1.5\n"], {"a": 1, "b": ["x", "y"], "c": 1.5}),
    ("base64encode", ["hello"], "aGVsbG8="),
    ("base64decode", ["aGVsbG8="], "hello"),
    ("md5", ["hello"], "5d41402abc4b2a76b9719d911017c592"),
    ("sha1", ["hello"], "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"),
    ("sha256", ["hello"], "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
    ("base64sha256", ["hello"], "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="),
    ("urlencode", ["a b&c"], "a+b%26c"),
    ("uuidv5", ["dns", "example.com"], "cfbff0d1-9375-5685-968c-48ce8b15ae17"),
    # paths
    ("basename", ["foo/bar/baz.txt"], "baz.txt"),
    ("basename", ["foo/bar/"], "bar"),
    ("dirname", ["foo/bar/baz.txt"], "foo/bar"),
    ("dirname", ["baz.txt"], "."),
    ("pathexpand", ["/etc/x"], "/etc/x"),
])
def test_function(name: str, args: list[Any], expected: Any) -> None:
    result = call(name, *args)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(("name", "args"), [
    ("lookup", [{"a": 1}, "b"]),
    ("element", [[], 0]),
    ("index", [["a"], "b"]),
    ("regex", ["x", "abc"]),
    ("regex", ["(", "abc"]),
    ("tonumber", ["abc"]),
    ("tobool", ["yes"]),
    ("one", [[1, 2]]),
    ("format", ["%s %s", "a"]),
    ("format", ["%s", "a", "b"]),
    ("format", ["%d", 1.5]),
    ("join", [",", [None]]),
    ("merge", [{"a": 1}, ["x"]]),
    ("zipmap", [["a"], [1, 2]]),
    ("slice", [[1], 0, 2]),
    ("cidrsubnet", ["10.0.0.0/30", 4, 0]),
    ("cidrsubnet", ["not-a-cidr", 1, 0]),
    ("cidrhost", ["10.0.0.0/30", 4]),
    ("jsondecode", ["{"]),
    ("base64decode", ["!!"]),
    ("sum", [[]]),
    ("coalesce", [None, ""]),
    ("length", [5]),
    ("upper", []),
    ("substr", ["abc", 5, 1]),
])
def test_function_errors(name: str, args: list[Any]) -> None:
    with pytest.raises(EvalError):
        call(name, *args)


def test_jsonencode_of_a_structure_with_unknown_parts_keeps_the_structure() -> None:
    """The text is unknown (anything that needs it sees an Unknown), but a policy document
    reader can still see `Principal: "*"` beside an ARN known only after apply."""
    encoded = call("jsonencode", {"a": [U]})
    assert isinstance(encoded, Unknown) and encoded.ref == U.ref
    assert encoded == PartialJson({"a": [U]}, U.reason, U.ref)
    assert call("jsonencode", U) is U
    assert call("jsonencode", {"a": 1}) == '{"a":1}'


def test_unknown_anywhere_makes_deep_functions_unknown() -> None:
    assert call("upper", U) is U
    assert call("join", ",", ["a", U]) is U
    assert call("format", "%s", U) is U
    assert call("contains", ["a", U], "a") is U
    assert call("toset", ["a", U]) is U
    assert call("cidrsubnet", U, 8, 1) is U


def test_shallow_functions_keep_nested_unknowns() -> None:
    assert call("merge", {"a": U}, {"b": 1}) == {"a": U, "b": 1}
    assert call("concat", [U], ["x"]) == [U, "x"]
    assert call("length", [U, U]) == 2
    assert call("keys", {"b": U, "a": 1}) == ["a", "b"]
    assert call("values", {"b": U, "a": 1}) == [1, U]
    assert call("lookup", {"a": U, "b": 2}, "b") == 2
    assert call("lookup", {"a": 1}, U) is U
    assert call("element", ["x", U], 0) == "x"
    assert call("zipmap", ["a"], [U]) == {"a": U}
    assert call("zipmap", [U], [1]) is U
    assert call("merge", U, {"a": 1}) is U
    assert call("length", U) is U


def test_custom_unknown_handling() -> None:
    assert call("coalesce", None, "a", U) == "a"
    assert call("coalesce", None, U, "a") is U
    assert call("coalescelist", [], U, ["a"]) is U
    assert call("coalescelist", ["a"], U) == ["a"]
    assert call("compact", ["a", U]) is U
    assert call("flatten", [["a"], [U]]) is U
    assert call("flatten", [["a"], [{"k": U}]]) == ["a", {"k": U}]


def test_never_known_functions() -> None:
    assert call("uuid") == Unknown("uuid() is a new random value on every run")
    assert call("timestamp") == Unknown("timestamp() is the time of the run")
    assert isinstance(call("bcrypt", "x"), Unknown)


def test_unsupported_function_is_unknown_not_a_crash() -> None:
    assert call("nosuchfunction", 1) == Unknown("function nosuchfunction not supported")
    assert call("provider::aws::arn_parse", "x") == Unknown(
        "function provider::aws::arn_parse not supported")
    assert is_supported("try") and is_supported("merge") and not is_supported("nosuch")


def test_wrong_arity_is_an_error() -> None:
    with pytest.raises(EvalError, match=r"lookup\(\) takes 2 to 3 arguments, got 1"):
        call("lookup", {})


def test_file_functions(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text('{"a": 1}\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.yaml").write_text("k: v\n", encoding="utf-8")
    (tmp_path / "sub" / "y.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin").write_bytes(b"\xff\xfe")
    base = str(tmp_path)
    assert call("file", "policy.json", base_dir=base) == '{"a": 1}\n'
    assert call("file", "./sub/../policy.json", base_dir=base) == '{"a": 1}\n'
    assert call("file", "missing.zip", base_dir=base) == Unknown(
        "file missing.zip is not readable text at scan time")
    assert isinstance(call("file", "bin", base_dir=base), Unknown)
    assert call("fileexists", "policy.json", base_dir=base) is True
    assert call("fileexists", "nope", base_dir=base) is False
    assert call("fileset", ".", "**/*.yaml", base_dir=base) == ["sub/x.yaml"]
    assert call("fileset", "sub", "*", base_dir=base) == ["x.yaml", "y.txt"]
    assert call("fileset", "nowhere", "*", base_dir=base) == []
    assert call("filemd5", "sub/y.txt", base_dir=base) == "d41d8cd98f00b204e9800998ecf8427e"
    assert call("abspath", "sub", base_dir=base) == str(tmp_path / "sub")
    assert call("templatefile", "missing.tpl", {}, base_dir=base) == Unknown(
        "file missing.tpl is not readable text at scan time")


def test_every_function_has_a_spec_with_sane_arity() -> None:
    for name, spec in FUNCTIONS.items():
        assert spec.min_args >= 0, name
        assert spec.max_args is None or spec.max_args >= spec.min_args, name


LAUGHS = "[&l0 [x, x, x, x, x, x, x, x, x, x], " + ", ".join(
    f"&l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)) + "]"


@pytest.mark.parametrize(("text", "message"), [
    # found by benchmarks/fuzz.py: 10^10 values; it ran until killed
    (LAUGHS, "expands (aliases counted as the nodes they name) to more than"),
    ("&a [*a]", "is used inside the node anchored"),
    ("[" * 2000 + "]" * 2000, "nested deeper than"),
    ("a: [1\n", "invalid YAML"),
])
def test_yamldecode_is_bounded(text: str, message: str) -> None:
    from tests.parsers.robustness import alarm

    with alarm(10), pytest.raises(EvalError, match=re.escape(message)):
        call("yamldecode", text)


def test_yamldecode_keeps_aliases_dates_and_numbers() -> None:
    assert call("yamldecode", "e: &x [1, 2.0]\nf: *x\nd: 2026-01-01\n") == {
        "e": [1, 2], "f": [1, 2], "d": "2026-01-01"}
