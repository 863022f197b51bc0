#!/usr/bin/env python3
"""Mutation-fuzz govern's scan with real files from the corpus, by the thousand.

    .venv/bin/python benchmarks/fuzz.py [--count N] [--seed S] [--jobs J] [--timeout SECONDS]
        [--memory-gib G] [--save DIR] [--only INDEX ...] [--corpus DIR]

Each input is one real file of ../shared/corpus (a Terraform file, a CloudFormation or an
ARM template of under --max-seed-size bytes that govern reads), mutated one to four times:
bit flips, deleted, duplicated or repeated slices, truncation, re-encoding (UTF-16/32, BOMs,
CRLF, Latin-1), very long lines, and hostile fragments, raw or in the place of a value or as
a whole block: deep nesting, huge numbers, lone surrogates, invalid UTF-8, NUL bytes, YAML
anchors and billion laughs, nested ARM expressions and doubling variables, HCL `${`/`%{`,
`count = 1e9`, `for_each` over huge sets, self-referencing modules, files like /dev/zero.
Inputs are reproducible: input I of seed S is the same on every run (`--only I`).

The mutated file is written (under its own name) into a fresh temporary directory beside a
sentinel Terraform file whose bucket has a public-read ACL, and the directory is scanned in
a worker process the way a default `govern scan DIR` does it (configuration resolved as the
CLI does with no option, `run_scan`, then the text, JSON and SARIF reports rendered), with a
per-input timeout (the worker is replaced) and an address-space limit. Each input is
classified; the failures are:

- crash: an exception other than govern's typed errors (`GovernError`, which the CLI turns
  into exit 2/3) escaping the scan or the rendering (the CLI's "internal error"), an
  `internal-error` notice (an exception govern caught on one resource or rule; the worker
  sets GOVERN_DEBUG to get its traceback), or a worker that died (a signal);
- hang: no result within --timeout seconds (where it was: a faulthandler dump);
- memory: MemoryError under the --memory-gib limit;
- silent-skip: the mutated file looks like IaC (a `.tf`/`.tf.json` name with content; a
  document govern's own classifier takes for a template, or holding a template's unambiguous
  marker such as `AWSTemplateFormatVersion` or the ARM deploymentTemplate schema) but was
  neither read by the scan nor named by an error notice;
- lost-finding: the sentinel's finding (the rule seen to fire on it alone) is not reported
  as failed, or a typed error aborted the scan (no report at all).

Prints the counts, inputs/second and the distinct failures; up to 5 reproducers per class
(distinct ones) go to --save DIR, each a directory to `govern scan` with a NOTE.txt. Exit
status 0 only when every failure count is 0 (1 otherwise, 2 without a corpus). Nothing here
is a test: the run takes minutes.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import faulthandler
import io
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_SAVE = Path("/tmp/govern-fuzz")

SENTINEL_FILE = "zz_govern_fuzz_sentinel.tf"
SENTINEL_ADDRESS = "aws_s3_bucket.govern_fuzz_sentinel"
SENTINEL_TEXT = b"""resource "aws_s3_bucket" "govern_fuzz_sentinel" {
  bucket = "govern-fuzz-sentinel-5e7d1c"
  acl    = "public-read"
}
"""
SENTINEL_RULE = "GOV-AWS-002"  # s3-bucket-public-acl; checked against a scan of it alone

CRASH, HANG, MEMORY, SKIP, LOST = "crash", "hang", "memory", "silent-skip", "lost-finding"
CLASSES = (CRASH, HANG, MEMORY, SKIP, LOST)
RENDER_FORMATS = ("text", "json", "sarif")
TEMPLATE_KINDS = ("cloudformation", "arm", "tfplan")
TERRAFORM_SUFFIXES = (".tf", ".tf.json")
DOCUMENT_SUFFIXES = (".json", ".yaml", ".yml", ".template")
SKIP_DIRS = {".git", ".terraform", "node_modules"}
KEEP_PER_CLASS = 5
_STRONG_MARKER = re.compile(
    rb"AWSTemplateFormatVersion|(?i:/(?:subscription|managementGroup|tenant)?"
    rb"deploymentTemplate\.json)")
_PLAN_MARKERS = (re.compile(rb'"format_version"\s*:'),
                 re.compile(rb'"(?:planned_values|resource_changes)"\s*:'))


# ---------------------------------------------------------------------------- the inputs

@dataclass(frozen=True)
class Seed:
    rel: str  # path inside the corpus
    fmt: str  # terraform | cloudformation | arm | tfplan
    data: bytes

    @property
    def name(self) -> str:
        return os.path.basename(self.rel)

    @property
    def flavour(self) -> str:
        """The syntax the structured mutations write: hcl, json or yaml."""
        if self.rel.endswith(".tf"):
            return "hcl"
        if self.fmt == "cloudformation" and not self.data.lstrip().startswith(b"{"):
            return "yaml"
        return "json"


@dataclass(frozen=True)
class Case:
    index: int
    run_seed: int  # --seed: with the index, all it takes to make the input again
    seed: str
    fmt: str
    name: str
    data: bytes
    steps: tuple[str, ...]

    def describe(self) -> str:
        return f"input {self.index}: {self.seed} ({len(self.data):,} bytes): " + "; ".join(
            self.steps)


def load_seeds(corpus: Path, max_size: int) -> list[Seed]:
    """The corpus files govern reads: `.tf`/`.tf.json` files, and documents its classifier
    takes for a template or a plan (not parameter files, policy definitions, CI files)."""
    from govern.parsers.classify import classify_text
    from govern.parsers.decoding import decode_bytes

    seeds: list[Seed] = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            path = os.path.join(root, name)
            if not name.endswith(TERRAFORM_SUFFIXES + DOCUMENT_SUFFIXES):
                continue
            size = os.path.getsize(path)
            if size < 64 or size > max_size:
                continue
            data = Path(path).read_bytes()
            rel = os.path.relpath(path, corpus)
            if name.endswith(TERRAFORM_SUFFIXES):
                seeds.append(Seed(rel, "terraform", data))
                continue
            kind = classify_text(decode_bytes(data).text, path)
            if kind in TEMPLATE_KINDS:
                seeds.append(Seed(rel, str(kind), data))
    return seeds


# ------------------------------------------------------------------ hostile fragments

def _nest(open_: str, inner: str, close: str, depth: int) -> bytes:
    return (open_ * depth + inner + close * depth).encode()


def _hcl_interp(depth: int) -> bytes:
    text = '"x"'
    for _ in range(depth):
        text = '"${' + text + '}"'
    return text.encode()


def _yaml_laughs() -> str:
    parts = ["&lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        parts.append(f"&lol{level} [{refs}]")
    return "[" + ", ".join(parts) + "]"


def _arm_concat(depth: int) -> bytes:
    return ('"[' + "concat(" * depth + "'x'" + ")" * depth + ']"').encode()


_A40 = "a" * 40 + "!"

# raw bytes, inserted anywhere
RAW_FRAGMENTS: list[tuple[str, bytes]] = [
    ("5000 '['", b"[" * 5000),
    ("5000 '{'", b"{" * 5000),
    ("5000 '('", b"(" * 5000),
    ("100000 '['", b"[" * 100000),
    ("5000-digit integer", b"9" * 5000),
    ("negative 5000-digit integer", b"-" + b"9" * 5000),
    ("1e999999", b"1e999999"),
    ("tiny float", b"0." + b"0" * 5000 + b"1"),
    ("JSON escape of a lone surrogate", b'"\\ud800"'),
    ("UTF-8-encoded lone surrogate", b"\xed\xa0\x80"),
    ("invalid UTF-8", b"\xff\xfe\xfd"),
    ("truncated UTF-8 sequence", b"\xc3"),
    ("overlong UTF-8", b"\xc0\xaf"),
    ("NUL byte", b"\x00"),
    ("Latin-1 e-acute", b"\xe9"),
    ("UTF-8 BOM", codecs.BOM_UTF8),
    ("UTF-16-LE BOM", codecs.BOM_UTF16_LE),
    ("UTF-16-BE BOM", codecs.BOM_UTF16_BE),
    ("UTF-32-BE BOM", codecs.BOM_UTF32_BE),
    ("carriage return", b"\r"),
    ("1000 CRLF", b"\r\n" * 1000),
    ("vertical tab and form feed", b"\x0b\x0c"),
    ("U+2028 line separator", "\u2028".encode()),
    ("U+FEFF in the middle", "\ufeff".encode()),
    ("ANSI escape", b"\x1b[31m"),
    ("2000 '${'", b"${" * 2000),
    ("2000 '%{'", b"%{" * 2000),
    ("'${' unclosed", b"${"),
    ("'%{' unclosed", b"%{ if true }"),
    ("nested concat x1000", _arm_concat(1000)[1:-1]),
    ("'[[' escape", b"[[["),
    ("unterminated string", b'"'),
    ("unterminated comment", b"/*"),
    ("heredoc unterminated", b"<<EOT\n"),
    ("backslash", b"\\"),
    ("recursive YAML alias", b"&govern_fuzz_rec [*govern_fuzz_rec]"),
    ("undefined YAML alias", b"*govern_fuzz_undefined"),
    ("YAML python tag", b"!!python/object/apply:os.system ['true']"),
    ("YAML document end", b"\n...\n---\n"),
    ("YAML billion laughs", _yaml_laughs().encode()),
    ("100 KB line", b"x" * 100_000),
    ("emoji", "\U0001f600".encode()),
    ("U+10FFFF", "\U0010ffff".encode()),
    ("tab", b"\t"),
]

HCL_VALUES: list[tuple[str, bytes]] = [
    ("1e9", b"1e9"),
    ("100000000", b"100000000"),
    ("5000-digit integer", b"9" * 5000),
    ("1e999999", b"1e999999"),
    ("-1", b"-1"),
    ("nested interpolation x200", _hcl_interp(200)),
    ("nested interpolation x3000", _hcl_interp(3000)),
    ("%{for} over range(1e9)", b'"%{ for i in range(1000000000) }x%{ endfor }"'),
    ("unclosed ${", b'"${'),
    ("unclosed %{ if", b'"%{ if true }'),
    ("for over range(1e9)", b"[for i in range(1000000000): i]"),
    ("object for over range(1e7)", b"{for i in range(10000000): tostring(i) => i}"),
    ("setproduct 1e9", b"setproduct(range(1000), range(1000), range(1000))"),
    ("format width 1e9", b'format("%0999999999d", 1)'),
    ("format %v of a deep list", b'format("%v", ' + _nest("[", "1", "]", 3000) + b")"),
    ("regex catastrophic backtracking", f'regex("(a+)+$", "{_A40}")'.encode()),
    ("regexall catastrophic", f'regexall("(a|aa)+$", "{_A40}")'.encode()),
    ("replace catastrophic", f'replace("{_A40}", "/(a|a)+$/", "b")'.encode()),
    ("file /dev/zero", b'file("/dev/zero")'),
    ("filebase64 /dev/urandom", b'filebase64("/dev/urandom")'),
    ("file /etc/passwd", b'file("/etc/passwd")'),
    ("file ../../..", b'file("${path.module}/../../../../../../etc/hostname")'),
    ("fileset /", b'fileset("/", "**")'),
    ("fileset ../", b'fileset("${path.module}/..", "**/*")'),
    ("templatefile /dev/zero", b'templatefile("/dev/zero", {})'),
    ("jsondecode deep", b'jsondecode("' + b"[" * 5000 + b"1" + b"]" * 5000 + b'")'),
    ("jsondecode lone surrogate", b'jsondecode("\\"\\\\ud800\\"")'),
    ("yamldecode billion laughs",
     b'yamldecode("' + _yaml_laughs().encode().replace(b'"', b'\\"') + b'")'),
    ("yamldecode recursive alias", b'yamldecode("&a [*a]")'),
    ("pow(10, 400)", b"pow(10, 400)"),
    ("pow(2, 99999999)", b"pow(2, 99999999)"),
    ("pow(99999999, 99999999)", b"pow(99999999, 99999999)"),
    ("cidrsubnet ipv6 huge", b'cidrsubnet("::/0", 127, 170141183460469231731687303715884105727)'),
    ("cidrsubnets 5000", b'cidrsubnets("10.0.0.0/8", ' + b", ".join([b"24"] * 5000) + b")"),
    ("cidrhost huge", b'cidrhost("10.0.0.0/8", 99999999999999999999999)'),
    ("substr huge", b'substr("abc", 0, 99999999999999999999)'),
    ("join 1e8 chars", b'join("", [for i in range(10000000): "aaaaaaaaaa"])'),
    ("formatlist 1e7", b'formatlist("%s", range(10000000))'),
    ("sum range 1e7", b"sum(range(10000000))"),
    ("lone surrogate escape", b'"\\ud800"'),
    ("surrogate pair escape", b'"\\uD83D\\uDE00\\U0010FFFF"'),
    ("undefined variable", b"var.govern_fuzz_undefined"),
    ("self reference", b"local.govern_fuzz_self"),
    ("index 1e20", b"[1, 2][99999999999999999999]"),
    ("index -1", b"[1][-1]"),
    ("division by zero", b"1 / 0"),
    ("modulo by zero", b"1 % 0"),
    ("5000 parentheses", _nest("(", "1", ")", 5000)),
    ("5000-deep list", _nest("[", "", "]", 5000)),
    ("2000-deep object", _nest("{a = ", "1", "}", 2000)),
    ("heredoc with a 1 MB line", b"<<EOT\n" + b"x" * 1_000_000 + b"\nEOT"),
    ("tonumber 5000 digits", b'tonumber("' + b"9" * 5000 + b'")'),
    ("parseint 5000 z", b'parseint("' + b"z" * 5000 + b'", 36)'),
    ("flatten 3000 deep", b"flatten(" + _nest("[", "", "]", 3000) + b")"),
    ("jsonencode 3000 deep", b"jsonencode(" + _nest("[", "1", "]", 3000) + b")"),
    ("base64decode invalid", b'base64decode("////\\u00e9")'),
    ("timeadd huge", b'timeadd("2024-01-01T00:00:00Z", "99999999999999999h")'),
    ("formatdate bad", b'formatdate("YYYY", "99999-99-99T99:99:99Z")'),
    ("strrev 1 MB", b'strrev("' + b"ab" * 500_000 + b'")'),
    ("regexall on 1 MB", b'regexall("(a|b)*c", "' + b"ab" * 500_000 + b'")'),
    ("try file /dev/zero", b'try(file("/dev/zero"), 1)'),
    ("conditional on unknown", b'timestamp() == "x" ? range(1000000000) : []'),
    ("100 KB name", b"a" * 100_000),
    ("splat index huge", b"aws_s3_bucket.govern_fuzz_missing[*].id[99999999999]"),
    ("lookup nested", b'lookup(lookup({}, "a", {}), "b", "c")'),
    ("tomap of a list", b"tomap([1, 2])"),
    ("merge 10000", b"merge(" + b", ".join([b"{a = 1}"] * 10000) + b")"),
    ("sensitive", b"sensitive(nonsensitive(sensitive(1)))"),
    ("coalescelist", b"coalescelist([], [], [])"),
    ("element huge", b"element([1, 2], 99999999999999999999)"),
    ("range step 0", b"range(0, 10, 0)"),
    ("range float", b"range(0, 1e9, 0.0000001)"),
    ("chunklist 0", b"chunklist([1, 2], 0)"),
    ("keys of string", b'keys("abc")'),
    ("null", b"null"),
]

HCL_BLOCKS: list[tuple[str, bytes]] = [
    ("resource count = 1e9",
     b'resource "aws_s3_bucket" "govern_fuzz_count" {\n  count = 1e9\n'
     b'  bucket = "b-${count.index}"\n}\n'),
    ("resource count = 99999999999999999999",
     b'resource "aws_s3_bucket" "govern_fuzz_count" {\n  count = 99999999999999999999\n}\n'),
    ("resource count = -1", b'resource "aws_s3_bucket" "govern_fuzz_count" {\n  count = -1\n}\n'),
    ("for_each over 1e7 keys",
     b'resource "aws_s3_bucket" "govern_fuzz_each" {\n'
     b'  for_each = toset([for i in range(10000000): tostring(i)])\n  bucket = each.key\n}\n'),
    ("for_each over a string", b'resource "aws_s3_bucket" "govern_fuzz_each" {\n'
     b'  for_each = "abc"\n  bucket = each.value\n}\n'),
    ("locals doubling 64 times",
     b"locals {\n  govern_fuzz_l0 = \"ab\"\n"
     + b"".join(f'  govern_fuzz_l{i} = "${{local.govern_fuzz_l{i - 1}}}'
                f'${{local.govern_fuzz_l{i - 1}}}"\n'.encode() for i in range(1, 65))
     + b'}\nresource "aws_s3_bucket" "govern_fuzz_double" {\n'
     b"  bucket = local.govern_fuzz_l64\n}\n"),
    ("locals list doubling 64 times",
     b"locals {\n  govern_fuzz_m0 = [1, 2]\n"
     + b"".join(f"  govern_fuzz_m{i} = concat(local.govern_fuzz_m{i - 1}, "
                f"local.govern_fuzz_m{i - 1})\n".encode() for i in range(1, 65))
     + b'}\nresource "aws_s3_bucket" "govern_fuzz_double" {\n'
     b"  tags = { n = length(local.govern_fuzz_m64) }\n}\n"),
    ("locals cycle",
     b"locals {\n  govern_fuzz_a = local.govern_fuzz_b\n  govern_fuzz_b = local.govern_fuzz_a\n"
     b"  govern_fuzz_self = local.govern_fuzz_self\n}\n"
     b'resource "aws_s3_bucket" "govern_fuzz_cycle" {\n  bucket = local.govern_fuzz_a\n}\n'),
    ("module sourcing its own directory",
     b'module "govern_fuzz_self" {\n  source = "./"\n}\n'),
    ("module sourcing the parent directory",
     b'module "govern_fuzz_up" {\n  source = "../"\n}\n'),
    ("module sourcing /", b'module "govern_fuzz_root" {\n  source = "/"\n}\n'),
    ("module sourcing /proc/self/cwd",
     b'module "govern_fuzz_proc" {\n  source = "/proc/self/cwd"\n}\n'),
    ("module with count 1e9",
     b'module "govern_fuzz_many" {\n  source = "./"\n  count = 1000000000\n}\n'),
    ("module from a remote source",
     b'module "govern_fuzz_remote" {\n  source = "git::https://example.invalid/x.git"\n}\n'),
    ("dynamic blocks nested 300 deep",
     b'resource "aws_security_group" "govern_fuzz_dyn" {\n'
     + b"".join(b'dynamic "ingress" {\nfor_each = range(2)\ncontent {\n' for _ in range(300))
     + b"}\n}\n" * 300 + b"}\n"),
    ("dynamic over range(1e9)",
     b'resource "aws_security_group" "govern_fuzz_dyn" {\n  dynamic "ingress" {\n'
     b"    for_each = range(1000000000)\n    content {\n      from_port = ingress.value\n"
     b"    }\n  }\n}\n"),
    ("blocks nested 5000 deep",
     b'resource "aws_instance" "govern_fuzz_deep" {\n' + b"a {\n" * 5000 + b"}\n" * 5001),
    ("variable with a 3000-deep default",
     b'variable "govern_fuzz_deep" {\n  default = ' + _nest("[", "1", "]", 3000) + b"\n}\n"),
    ("variable validation with catastrophic regex",
     f'variable "govern_fuzz_v" {{\n  default = "{_A40}"\n  validation {{\n'
     f'    condition = can(regex("^(a+)+$", var.govern_fuzz_v))\n'
     f'    error_message = "x"\n  }}\n}}\n'.encode()),
    ("provider default_tags", b'provider "aws" {\n  default_tags {\n    tags = { a = "b" }\n'
     b"  }\n}\n"),
    ("policy document with 100000 statements",
     b'data "aws_iam_policy_document" "govern_fuzz_p" {\n  dynamic "statement" {\n'
     b"    for_each = range(100000)\n    content {\n"
     b'      actions = ["s3:*"]\n      resources = ["*"]\n    }\n  }\n}\n'),
    ("resource with 50000 attributes",
     b'resource "aws_s3_bucket" "govern_fuzz_wide" {\n'
     + b"".join(f"  a{i} = {i}\n".encode() for i in range(50000)) + b"}\n"),
    ("one address declared twice",
     b'resource "aws_s3_bucket" "govern_fuzz_dup" {\n  bucket = "a"\n}\n'
     b'resource "aws_s3_bucket" "govern_fuzz_dup" {\n  bucket = "b"\n}\n'),
    ("terraform block with odd settings",
     b'terraform {\n  required_version = ">= 999.0"\n  backend "s3" {}\n'
     b"  experiments = [x]\n}\n"),
    ("moved/import/removed/check blocks",
     b"moved {\n  from = aws_s3_bucket.a\n  to = aws_s3_bucket.b\n}\n"
     b"import {\n  to = aws_s3_bucket.a\n  id = \"x\"\n}\nremoved {\n  from = aws_s3_bucket.c\n}\n"
     b'check "c" {\n  assert {\n    condition = 1 / 0 == 1\n    error_message = "x"\n  }\n}\n'),
    ("output referencing everything", b'output "govern_fuzz_all" {\n  value = [aws_s3_bucket, '
     b"module, var, local, data, path, terraform, each, count, self]\n}\n"),
    ("override of the sentinel bucket",
     b"# not an override file: the sentinel's file keeps its own attributes\n"
     b'resource "aws_s3_bucket_acl" "govern_fuzz_acl" {\n  bucket = "other"\n'
     b'  acl = "private"\n}\n'),
]

JSON_VALUES: list[tuple[str, bytes]] = [
    ("5000-deep array", _nest("[", "1", "]", 5000)),
    ("100000-deep array", _nest("[", "1", "]", 100_000)),
    ("3000-deep object", _nest('{"a": ', "1", "}", 3000)),
    ("5000-digit integer", b"9" * 5000),
    ("negative 5000-digit integer", b"-" + b"9" * 5000),
    ("1e999999", b"1e999999"),
    ("-1e999999", b"-1e999999"),
    ("NaN", b"NaN"),
    ("Infinity", b"-Infinity"),
    ("lone surrogate escape", b'"\\ud800"'),
    ("lone low surrogate escape", b'"a\\udfffb"'),
    ("escaped NUL", b'"\\u0000"'),
    ("invalid escape", b'"\\x41"'),
    ("1 MB string", b'"' + b"x" * 1_000_000 + b'"'),
    ("6 MB string", b'"' + b"y" * 6_000_000 + b'"'),
    ("true", b"true"),
    ("null", b"null"),
    ("empty object", b"{}"),
    ("list of 100000 strings", b"[" + b",".join([b'"s"'] * 100_000) + b"]"),
    ("duplicate keys", b'{"a": 1, "a": 2, "a": {"a": [1]}}'),
]

ARM_VALUES: list[tuple[str, bytes]] = [
    ("concat nested x50", _arm_concat(50)),
    ("concat nested x500", _arm_concat(500)),
    ("concat nested x5000", _arm_concat(5000)),
    ("undefined variable", b"\"[variables('govern_fuzz_undefined')]\""),
    ("undefined parameter", b"\"[parameters('govern_fuzz_undefined')]\""),
    ("copyIndex outside a loop", b'"[copyIndex()]"'),
    ("copyIndex huge", b"\"[copyIndex('nope', 99999999999)]\""),
    ("range(0, 2147483647)", b'"[range(0, 2147483647)]"'),
    ("length of range(1e8)", b'"[length(range(0, 100000000))]"'),
    ("string of range(1e7)", b'"[string(range(0, 10000000))]"'),
    ("json of 5000 '['", b"\"[json('" + b"[" * 5000 + b"')]\""),
    ("json of a lone surrogate", b"\"[json('\\\"\\\\ud800\\\"')]\""),
    ("padLeft 2147483647", b"\"[padLeft('a', 2147483647, 'x')]\""),
    ("replace to 1e9 chars",
     b"\"[replace(padLeft('a', 1000000, 'x'), 'x', padLeft('b', 1000, 'y'))]\""),
    ("int of 5000 digits", b"\"[int('" + b"9" * 5000 + b"')]\""),
    ("mul overflow", b'"[mul(9223372036854775807, 9223372036854775807)]"'),
    ("div by zero", b'"[div(1, 0)]"'),
    ("mod by zero", b'"[mod(1, 0)]"'),
    ("substring huge", b"\"[substring('abc', 0, 2147483647)]\""),
    ("substring negative", b"\"[substring('abc', -1)]\""),
    ("dateTimeAdd huge", b"\"[dateTimeAdd('2020-01-01', 'P99999999Y')]\""),
    ("base64ToString invalid", b"\"[base64ToString('%%%')]\""),
    ("split on empty", b"\"[split('abc', '')]\""),
    ("first of empty", b"\"[first('')]\""),
    ("last of empty array", b'"[last(createArray())]"'),
    ("take negative", b"\"[take('abc', -5)]\""),
    ("skip huge", b'"[skip(createArray(1), 99999999999999999999)]"'),
    ("union of object and array", b"\"[union(json('{}'), json('[]'))]\""),
    ("map over range(1e8)",
     b"\"[map(range(0, 100000000), lambda('x', lambdaVariables('x')))]\""),
    ("reduce growing a string",
     b"\"[reduce(range(0, 10000000), '', lambda('a', 'b', concat(lambdaVariables('a'), "
     b"'xxxxxxxxxx')))]\""),
    ("if with one argument", b'"[if(true())]"'),
    ("concat of nothing", b'"[concat()]"'),
    ("lone ')'", b'"[)]"'),
    ("unterminated call", b"\"[concat('a'\""),
    ("member of a literal", b"\"['x'.y]\""),
    ("bare identifiers", b'"[a.b.c]"'),
    ("escaped '[['", b'"[[x]"'),
    ("empty expression", b'"[]"'),
    ("blank expression", b'"[ ]"'),
    ("resourceGroup deep member", b'"[resourceGroup().nope.nope[99]]"'),
    ("environment index", b"\"[environment()['x'].y]\""),
    ("format width 999999999", b"\"[format('{0:D999999999}', 1)]\""),
    ("format index 999999999", b"\"[format('{999999999}', 1)]\""),
    ("format of an object", b"\"[format('{0}', json('{}'))]\""),
    ("guid of 10000 arguments", b'"[guid(' + b",".join([b"'a'"] * 10000) + b')]"'),
    ("createArray nested x1000", b'"[' + b"createArray(" * 1000 + b"1" + b")" * 1000 + b']"'),
    ("dataUri of 5 MB", b"\"[dataUri(padLeft('a', 5000000, 'x'))]\""),
    ("reference outputs", b"\"[reference('x').outputs.y.value]\""),
    ("listKeys", b"\"[listKeys('x', '2020-01-01').keys[0].value]\""),
    ("resourceId of 1 MB", b"\"[resourceId('" + b"a" * 1_000_000 + b"')]\""),
    ("concat of brackets", b"\"[concat('[', '[')]\""),
    ("toLower of a number", b'"[toLower(1)]"'),
    ("items of a string", b"\"[items('abc')]\""),
    ("uri with NUL", b"\"[uri('http://x', '\\u0000')]\""),
    ("string with lone surrogate", b"\"[concat('\\ud800', 'x')]\""),
    ("indexOf wrong arity", b"\"[indexOf('a', 'b', 'c')]\""),
    ("lambda outside a function", b"\"[lambda('x', 1)]\""),
    ("tryGet", b"\"[tryGet(json('{}'), 'a', 'b', 'c')]\""),
    ("intersection of scalars", b'"[intersection(1, 2)]"'),
    ("int float", b"\"[int('1e400')]\""),
    ("float overflow", b"\"[float('1e400')]\""),
    ("range negative", b'"[range(5, -1)]"'),
]

ARM_BLOCKS_AFTER_VARIABLES: list[tuple[str, bytes]] = [
    ("variables doubling 64 times",
     b'"govern_fuzz_v0": "ab", '
     + b"".join(f"\"govern_fuzz_v{i}\": \"[concat(variables('govern_fuzz_v{i - 1}'), "
                f"variables('govern_fuzz_v{i - 1}'))]\", ".encode() for i in range(1, 65))),
    ("variables array doubling 64 times",
     b"\"govern_fuzz_w0\": [1, 2], "
     + b"".join(f"\"govern_fuzz_w{i}\": \"[union(variables('govern_fuzz_w{i - 1}'), "
                f"concat(variables('govern_fuzz_w{i - 1}'), variables('govern_fuzz_w{i - 1}')))]"
                f"\", ".encode() for i in range(1, 65))),
    ("variables cycle",
     b"\"govern_fuzz_va\": \"[variables('govern_fuzz_vb')]\", "
     b"\"govern_fuzz_vb\": \"[variables('govern_fuzz_va')]\", "),
    ("variable copy of 1e9",
     b'"copy": [{"name": "govern_fuzz_c", "count": 1000000000, '
     b"\"input\": \"[copyIndex('govern_fuzz_c')]\"}], "),
]

ARM_BLOCKS_IN_RESOURCE: list[tuple[str, bytes]] = [
    ("resource copy count 1e9", b'"copy": {"name": "govern_fuzz_c", "count": 1000000000}, '),
    ("resource copy count expression",
     b'"copy": {"name": "govern_fuzz_c", "count": "[mul(100000, 100000)]"}, '),
    ("resource copy count -1", b'"copy": {"name": "govern_fuzz_c", "count": -1}, '),
    ("resource copy as an array",
     b'"copy": [{"name": "govern_fuzz_p", "count": 100000000, '
     b"\"input\": \"[copyIndex('govern_fuzz_p')]\"}], "),
    ("condition on an undefined variable",
     b"\"condition\": \"[variables('govern_fuzz_undefined')]\", "),
    ("dependsOn itself", b"\"dependsOn\": [\"[resourceId('Microsoft.Storage/storageAccounts', "
     b"'x')]\", \"x\", \"x\"], "),
    ("name of 1 MB", b'"name": "' + b"n" * 1_000_000 + b'", '),
]


def _arm_nested_deployments(depth: int) -> bytes:
    inner = b'{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2021-09-01", ' \
            b'"name": "govern-fuzz", "location": "x", "sku": {"name": "Standard_LRS"}, ' \
            b'"kind": "StorageV2"}'
    for level in range(depth):
        inner = (b'{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", '
                 b'"name": "govern-fuzz-' + str(level).encode() + b'", "properties": '
                 b'{"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"}, '
                 b'"template": {"$schema": "https://schema.management.azure.com/schemas/'
                 b'2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", '
                 b'"resources": [' + inner + b"]}}}")
    return inner


ARM_BLOCKS_IN_RESOURCES: list[tuple[str, bytes]] = [
    ("nested deployments 300 deep", _arm_nested_deployments(300) + b", "),
    ("nested deployments 20 deep", _arm_nested_deployments(20) + b", "),
    ("child resources 2000 deep",
     b'{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2021-05-01", '
     b'"name": "govern-fuzz", ' + b'"resources": [{"type": "subnets", "apiVersion": "1", '
     b'"name": "s", ' * 2000 + b'"location": "x"' + b"}]" * 2000 + b"}, "),
    ("a string for a resource", b'"govern-fuzz", '),
    ("a number for a resource", b"1e999999, "),
    ("resource with copy 1e9 of a nested deployment",
     b'{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", '
     b'"name": "[concat(\'d\', copyIndex())]", "copy": {"name": "c", "count": 1000000000}, '
     b'"properties": {"mode": "Incremental", "template": {"resources": []}}}, '),
    ("cyclic dependsOn pair",
     b'{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2021-09-01", '
     b'"name": "govern-fuzz-a", "dependsOn": ["govern-fuzz-b"]}, '
     b'{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2021-09-01", '
     b'"name": "govern-fuzz-b", "dependsOn": ["govern-fuzz-a"]}, '),
]

CFN_JSON_VALUES: list[tuple[str, bytes]] = [
    ("Fn::Join nested x1000", b'{"Fn::Join": ["", [' * 1000 + b'"x"' + b"]]}" * 1000),
    ("Ref undefined", b'{"Ref": "GovernFuzzUndefined"}'),
    ("Ref of a list", b'{"Ref": ["a", "b"]}'),
    ("Ref of a number", b'{"Ref": 1e999999}'),
    ("GetAtt undefined", b'{"Fn::GetAtt": ["GovernFuzzUndefined", "Arn"]}'),
    ("GetAtt dotted", b'{"Fn::GetAtt": "A.B.C.D"}'),
    ("GetAtt empty", b'{"Fn::GetAtt": []}'),
    ("Sub of 1000 '${'", b'{"Fn::Sub": "' + b"${" * 1000 + b'"}'),
    ("Sub nested x500", b'{"Fn::Sub": ["${a}", {"a": ' * 500 + b'"x"' + b"}]}" * 500),
    ("Sub with a lone surrogate", b'{"Fn::Sub": "\\ud800${AWS::Region}"}'),
    ("Cidr 256 subnets", b'{"Fn::Cidr": ["10.0.0.0/8", 256, 8]}'),
    ("Cidr ipv6 1e8", b'{"Fn::Cidr": ["::/0", 100000000, 64]}'),
    ("Cidr count 1e20", b'{"Fn::Cidr": ["10.0.0.0/8", 99999999999999999999, 1]}'),
    ("Cidr bad block", b'{"Fn::Cidr": ["10.0.0.0/99", 2, -1]}'),
    ("Select 1e20", b'{"Fn::Select": [99999999999999999999, ["a"]]}'),
    ("Select -1", b'{"Fn::Select": [-1, ["a"]]}'),
    ("Select of a string", b'{"Fn::Select": ["x", "y"]}'),
    ("Split on empty", b'{"Fn::Split": ["", "abc"]}'),
    ("Base64 nested x2000", b'{"Fn::Base64": ' * 2000 + b'"x"' + b"}" * 2000),
    ("FindInMap undefined", b'{"Fn::FindInMap": ["a", "b", "c"]}'),
    ("FindInMap with default", b'{"Fn::FindInMap": ["a", "b", "c", {"DefaultValue": '
     b'{"Fn::FindInMap": ["a", "b", "c"]}}]}'),
    ("If undefined condition", b'{"Fn::If": ["GovernFuzzUndefined", 1, 2]}'),
    ("If nested x1000", b'{"Fn::If": ["C", ' * 1000 + b"1" + b", 2]}" * 1000),
    ("Length of 100000", b'{"Fn::Length": [' + b",".join([b"1"] * 100_000) + b"]}"),
    ("ToJsonString deep", b'{"Fn::ToJsonString": ' + _nest("[", "1", "]", 3000) + b"}"),
    ("GetAZs of a number", b'{"Fn::GetAZs": 5}'),
    ("ImportValue nested", b'{"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-x"}}'),
    ("Condition reference", b'{"Condition": "GovernFuzzUndefined"}'),
    ("Transform", b'{"Fn::Transform": {"Name": "AWS::Include", "Parameters": '
     b'{"Location": "/dev/zero"}}}'),
    ("two intrinsics in one object", b'{"Ref": "A", "Fn::GetAtt": ["B", "C"]}'),
]

CFN_JSON_RESOURCES: list[tuple[str, bytes]] = [
    ("bucket under an exponential condition",
     b'"GovernFuzzR": {"Type": "AWS::S3::Bucket", "Condition": "GovernFuzzC90", '
     b'"Properties": {"BucketName": {"Fn::If": ["GovernFuzzC90", "a", "b"]}}}, '),
    ("ForEach over 100000 ids",
     b'"Fn::ForEach::GovernFuzz": ["X", [' + b",".join(
         f'"x{i}"'.encode() for i in range(100_000))
     + b'], {"GovernFuzz${X}": {"Type": "AWS::S3::Bucket"}}], '),
    ("ForEach nested 1000^3",
     b'"Fn::ForEach::A": ["A", {"Fn::Split": [",", "' + b",".join([b"a"] * 1000) + b'"]}, '
     b'{"Fn::ForEach::B": ["B", {"Fn::Split": [",", "' + b",".join([b"b"] * 1000) + b'"]}, '
     b'{"Fn::ForEach::C": ["C", {"Fn::Split": [",", "' + b",".join([b"c"] * 1000) + b'"]}, '
     b'{"R${A}${B}${C}": {"Type": "AWS::S3::Bucket"}}]}]}], '),
    ("nested stack from /dev/zero",
     b'"GovernFuzzStack": {"Type": "AWS::CloudFormation::Stack", '
     b'"Properties": {"TemplateURL": "/dev/zero"}}, '),
    ("nested stack from ../",
     b'"GovernFuzzStack": {"Type": "AWS::CloudFormation::Stack", '
     b'"Properties": {"TemplateURL": "../"}}, '),
    ("SAM function with CodeUri /dev/zero",
     b'"GovernFuzzFn": {"Type": "AWS::Serverless::Function", '
     b'"Properties": {"CodeUri": "/dev/zero", "Runtime": "python3.12", "Handler": "x"}}, '),
    ("resource that is a string", b'"GovernFuzzS": "AWS::S3::Bucket", '),
    ("resource with a list type", b'"GovernFuzzL": {"Type": ["AWS::S3::Bucket"]}, '),
    ("DependsOn cycle",
     b'"GovernFuzzA": {"Type": "AWS::S3::Bucket", "DependsOn": "GovernFuzzB", '
     b'"Properties": {"BucketName": {"Ref": "GovernFuzzB"}}}, '
     b'"GovernFuzzB": {"Type": "AWS::S3::Bucket", "DependsOn": "GovernFuzzA", '
     b'"Properties": {"BucketName": {"Fn::GetAtt": ["GovernFuzzA", "Arn"]}}}, '),
    ("Ref to a parameter with a ReDoS AllowedPattern",
     b'"GovernFuzzR": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": '
     b'{"Ref": "GovernFuzzP"}}}, '),
]

CFN_JSON_CONDITIONS = (
    b'"GovernFuzzC0": {"Fn::Equals": ["a", "a"]}, '
    + b"".join(f'"GovernFuzzC{i}": {{"Fn::And": [{{"Condition": "GovernFuzzC{i - 1}"}}, '
               f'{{"Condition": "GovernFuzzC{i - 1}"}}]}}, '.encode() for i in range(1, 91))
    + b'"GovernFuzzCa": {"Condition": "GovernFuzzCb"}, '
    b'"GovernFuzzCb": {"Fn::Not": [{"Condition": "GovernFuzzCa"}]}, ')
CFN_JSON_PARAMETERS = (
    f'"GovernFuzzP": {{"Type": "String", "AllowedPattern": "^(a+)+$", '
    f'"Default": "{_A40}"}}, '.encode())

YAML_VALUES: list[tuple[str, bytes]] = [
    ("!Ref undefined", b"!Ref GovernFuzzUndefined"),
    ("!GetAtt dotted", b"!GetAtt A.B.C"),
    ("!Sub of 100 '${'", b'!Sub "' + b"${" * 100 + b'"'),
    ("!Join nested x500", b'!Join ["", [' * 500 + b"x" + b"]]" * 500),
    ("!Cidr ipv6 1e8", b'!Cidr ["::/0", 100000000, 64]'),
    ("!Select 1e20", b"!Select [99999999999999999999, [a]]"),
    ("!Split on empty", b'!Split ["", abc]'),
    ("!If undefined", b"!If [GovernFuzzUndefined, a, b]"),
    ("!FindInMap undefined", b"!FindInMap [a, b, c]"),
    ("!Base64 chain x1000", b"!Base64 " * 1000 + b"x"),
    ("!Base64 flow chain x1000", b"{Fn::Base64: " * 1000 + b"x" + b"}" * 1000),
    ("!GetAZs 5", b"!GetAZs 5"),
    ("!Condition", b"!Condition GovernFuzzUndefined"),
    ("!Ref of a list", b"!Ref [a, b]"),
    ("!GetAtt of one item", b"!GetAtt [a]"),
    ("!Sub nested", b"!Sub [x, {a: !Sub [y, {b: !Sub [z, {}]}]}]"),
    ("undefined alias", b"*govern_fuzz_undefined"),
    ("recursive alias", b"&govern_fuzz_rec [*govern_fuzz_rec]"),
    ("recursive mapping alias", b"&govern_fuzz_map {a: *govern_fuzz_map}"),
    ("merge key of itself", b"&govern_fuzz_m {<<: *govern_fuzz_m}"),
    ("billion laughs", _yaml_laughs().encode()),
    ("5000-deep flow sequence", _nest("[", "", "]", 5000)),
    ("900-deep flow sequence", _nest("[", "1", "]", 900)),
    ("3000-deep flow mapping", _nest("{a: ", "1", "}", 3000)),
    ("python tag", b"!!python/object/apply:os.system ['true']"),
    ("binary tag", b'!!binary "////"'),
    ("set tag", b"!!set {a, b}"),
    ("omap tag", b"!!omap [a: 1]"),
    ("float .nan", b"!!float .nan"),
    ("int hex huge", b"!!int 0x" + b"f" * 5000),
    ("bad timestamp", b"!!timestamp 2001-13-99"),
    ("lone surrogate escape", b'"\\ud800"'),
    ("U+10FFFF escape", b'"\\U0010FFFF"'),
    ("NUL escape", b'"\\x00"'),
    ("5000 digits", b"9" * 5000),
    ("1e999999", b"1e999999"),
    ("tilde", b"~"),
    ("complex key", b"{? [a, b]: c}"),
    ("1 MB block scalar", b"|\n" + (b"  " + b"x" * 1000 + b"\n") * 1000),
    ("unknown tag", b"!GovernFuzz x"),
    ("Fn::ForEach", b"{Fn::ForEach::X: [X, [a, b], {R${X}: {Type: AWS::S3::Bucket}}]}"),
]

YAML_RESOURCES: list[tuple[str, bytes]] = [
    ("bucket under an exponential condition",
     b"GovernFuzzR:\n  Type: AWS::S3::Bucket\n  Condition: GovernFuzzC90\n  Properties:\n"
     b"    BucketName: !If [GovernFuzzC90, a, b]\n"),
    ("bucket with billion laughs tags",
     b"GovernFuzzR:\n  Type: AWS::S3::Bucket\n  Properties:\n    Tags: "
     + _yaml_laughs().encode() + b"\n"),
    ("bucket with 2000-deep block nesting",
     b"GovernFuzzR:\n  Type: AWS::S3::Bucket\n  Properties:\n"
     + b"".join(b"  " * (level + 2) + b"a:\n" for level in range(2000))
     + b"  " * 2002 + b"b: 1\n"),
    ("ForEach over 100000 ids",
     b"Fn::ForEach::GovernFuzz:\n  - X\n  - [" + b", ".join(
         f"x{i}".encode() for i in range(100_000))
     + b"]\n  - GovernFuzz${X}:\n      Type: AWS::S3::Bucket\n"),
    ("nested stack from /dev/zero",
     b"GovernFuzzStack:\n  Type: AWS::CloudFormation::Stack\n  Properties:\n"
     b"    TemplateURL: /dev/zero\n"),
    ("resource that is an alias of itself",
     b"GovernFuzzS: &govern_fuzz_self\n  Type: AWS::S3::Bucket\n  Properties:\n"
     b"    Nested: *govern_fuzz_self\n"),
    ("DependsOn cycle",
     b"GovernFuzzA:\n  Type: AWS::S3::Bucket\n  DependsOn: GovernFuzzB\n  Properties:\n"
     b"    BucketName: !Ref GovernFuzzB\nGovernFuzzB:\n  Type: AWS::S3::Bucket\n"
     b"  DependsOn: GovernFuzzA\n  Properties:\n    BucketName: !GetAtt GovernFuzzA.Arn\n"),
]

YAML_CONDITIONS = (
    b"GovernFuzzC0: !Equals [a, a]\n"
    + b"".join(f"GovernFuzzC{i}: !And [!Condition GovernFuzzC{i - 1}, "
               f"!Condition GovernFuzzC{i - 1}]\n".encode() for i in range(1, 91))
    + b"GovernFuzzCa: !Not [!Condition GovernFuzzCb]\nGovernFuzzCb: !Condition GovernFuzzCa\n")


# ------------------------------------------------------------------------ mutations

Mutation = Callable[[random.Random, bytes, Seed], tuple[bytes, str]]
_HCL_VALUE_SITE = re.compile(rb"(?m)^[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*=(?!=)[ \t]*(\S[^\n]*)$")
_JSON_VALUE_SITE = re.compile(
    rb':[ \t\r\n]*("(?:[^"\\\n]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)')
_ARM_EXPRESSION_SITE = re.compile(rb'"\[[^"\n]*\]"')
_YAML_VALUE_SITE = re.compile(rb"(?m)^[ \t]*(?:- )?[A-Za-z0-9_:.\"'-]+:[ \t]+([^\n#]\S*[^\n]*)$")
_HCL_TOP = re.compile(rb"(?m)^(?=[a-z])")
_LINE_START = re.compile(rb"(?m)^")


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = _pos(rng, data)
    length = min(len(data) - start, int(rng.expovariate(1 / 64)) + 1)
    return start, start + length


def m_flip(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    if not data:
        return data, "flip: empty"
    out = bytearray(data)
    where = sorted(rng.randrange(len(out)) for _ in range(rng.randint(1, 8)))
    for i in where:
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip bits at {','.join(map(str, where))}"


def m_byte(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    if not data:
        return data, "set byte: empty"
    i = rng.randrange(len(data))
    value = rng.choice([0, 0x7f, 0x80, 0xff, 0xc3, 0xed, ord('"'), ord("{"), ord("["),
                        ord("$"), ord("\\"), ord("\n"), rng.randrange(256)])
    return data[:i] + bytes([value]) + data[i + 1:], f"byte {i} := 0x{value:02x}"


def m_delete(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    a, b = _span(rng, data)
    return data[:a] + data[b:], f"delete [{a}:{b}]"


def m_duplicate(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    a, b = _span(rng, data)
    times = rng.choice([1, 1, 1, 2, 10, 100, 1000])
    at = rng.choice([b, _pos(rng, data)])
    chunk = data[a:b] * times
    if len(chunk) > 4_000_000:
        chunk = chunk[:4_000_000]
    return data[:at] + chunk + data[at:], f"duplicate [{a}:{b}] x{times} at {at}"


def m_truncate(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    at = _pos(rng, data)
    return data[:at], f"truncate at {at}"


def m_raw_fragment(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    label, fragment = rng.choice(RAW_FRAGMENTS)
    if rng.random() < 0.15:
        return fragment + data, f"prepend {label}"
    at = _pos(rng, data)
    if rng.random() < 0.5:  # at a line start: keeps more of the syntax around it
        starts = [m.start() for m in _LINE_START.finditer(data)]
        at = rng.choice(starts) if starts else at
    return data[:at] + fragment + data[at:], f"insert {label} at {at}"


def m_long_line(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    size = rng.choice([10_000, 100_000, 1_000_000, 4_000_000, 6_000_000])
    char = rng.choice([b"x", b" ", b"#", b"\t", b"9", b"\\"])
    if seed.flavour == "hcl":
        line = b"# " + char * size + b"\n"
    elif seed.flavour == "yaml":
        line = b"#" + char * size + b"\n"
    else:
        line = char * size
    at = _pos(rng, data)
    return data[:at] + line + data[at:], f"insert a {size:,}-byte line of {char!r} at {at}"


def m_encoding(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    choice = rng.randrange(9)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if choice == 0:
        return codecs.BOM_UTF8 + data, "prepend UTF-8 BOM"
    if choice == 1:
        return text.encode("utf-16"), "re-encode as UTF-16 with BOM"
    if choice == 2:
        return text.encode("utf-16-le"), "re-encode as UTF-16-LE without BOM"
    if choice == 3:
        return text.encode("utf-32"), "re-encode as UTF-32 with BOM"
    if choice == 4:
        return text.encode("latin-1", errors="replace"), "re-encode as Latin-1"
    if choice == 5:
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if choice == 6:
        return data.replace(b"\n", b"\r"), "CR line ends"
    if choice == 7:
        return codecs.BOM_UTF16_LE + data, "UTF-16 BOM before UTF-8 bytes"
    return data.replace(b"e", b"\xe9", rng.randint(1, 5)), "Latin-1 e-acute for 'e'"


def _replace_site(rng: random.Random, data: bytes, pattern: re.Pattern[bytes],
                  values: Sequence[tuple[str, bytes]], what: str
                  ) -> tuple[bytes, str] | None:
    sites = list(pattern.finditer(data))
    if not sites:
        return None
    site = rng.choice(sites)
    group = 1 if pattern.groups else 0
    label, value = rng.choice(values)
    a, b = site.span(group)
    return data[:a] + value + data[b:], f"{what} at {a} := {label}"


def _insert_after(rng: random.Random, data: bytes, anchor: re.Pattern[bytes], text: bytes,
                  label: str) -> tuple[bytes, str] | None:
    sites = list(anchor.finditer(data))
    if not sites:
        return None
    at = rng.choice(sites).end()
    return data[:at] + text + data[at:], f"insert {label} at {at}"


def m_value(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    """A value replaced with a hostile one in the seed's own syntax."""
    done: tuple[bytes, str] | None = None
    if seed.flavour == "hcl":
        done = _replace_site(rng, data, _HCL_VALUE_SITE, HCL_VALUES, "value")
    elif seed.flavour == "yaml":
        done = _replace_site(rng, data, _YAML_VALUE_SITE, YAML_VALUES, "value")
    elif seed.rel.endswith(".tf.json"):
        values = [(label, b'"${' + value.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'}"')
                  for label, value in HCL_VALUES] + JSON_VALUES
        done = _replace_site(rng, data, _JSON_VALUE_SITE, values, "value")
    elif seed.fmt == "arm":
        if rng.random() < 0.5:
            done = _replace_site(rng, data, _ARM_EXPRESSION_SITE, ARM_VALUES, "expression")
        if done is None:
            done = _replace_site(rng, data, _JSON_VALUE_SITE, ARM_VALUES + JSON_VALUES, "value")
    else:
        done = _replace_site(rng, data, _JSON_VALUE_SITE, CFN_JSON_VALUES + JSON_VALUES,
                             "value")
    return done if done is not None else m_raw_fragment(rng, data, seed)


_ARM_VARIABLES = re.compile(rb'"variables"\s*:\s*\{')
_ARM_RESOURCES = re.compile(rb'"resources"\s*:\s*\[')
_ARM_TYPE = re.compile(rb'(?="type"\s*:\s*"Microsoft\.)', re.I)
_FIRST_BRACE = re.compile(rb"^[^{]*\{")
_CFN_RESOURCES_JSON = re.compile(rb'"Resources"\s*:\s*\{')
_CFN_CONDITIONS_JSON = re.compile(rb'"Conditions"\s*:\s*\{')
_CFN_PARAMETERS_JSON = re.compile(rb'"Parameters"\s*:\s*\{')
_YAML_SECTION = {name: re.compile(rb"(?m)^" + name + rb":[ \t]*\r?\n")
                 for name in (b"Resources", b"Conditions")}


def _yaml_child_indent(data: bytes, after: int) -> bytes:
    match = re.compile(rb"(?m)^([ \t]+)\S").search(data, after)
    return match.group(1) if match else b"  "


def _indent(block: bytes, indent: bytes) -> bytes:
    return b"".join(indent + line if line.strip() else line
                    for line in block.splitlines(keepends=True))


def m_block(rng: random.Random, data: bytes, seed: Seed) -> tuple[bytes, str]:
    """A whole hostile construct where the seed's syntax takes one."""
    done: tuple[bytes, str] | None = None
    if seed.flavour == "hcl":
        label, block = rng.choice(HCL_BLOCKS)
        tops = [m.start() for m in _HCL_TOP.finditer(data)]
        at = rng.choice(tops) if tops and rng.random() < 0.5 else len(data)
        return data[:at] + b"\n" + block + b"\n" + data[at:], f"insert block '{label}' at {at}"
    if seed.flavour == "yaml":
        pick = rng.randrange(3)
        if pick == 0:
            label, block = rng.choice(YAML_RESOURCES)
            match = _YAML_SECTION[b"Resources"].search(data)
            if match:
                indent = _yaml_child_indent(data, match.end())
                text = _indent(block, indent)
                if b"Condition: GovernFuzzC90" in block and not \
                        _YAML_SECTION[b"Conditions"].search(data):
                    text += b"Conditions:\n" + _indent(YAML_CONDITIONS, b"  ")
                at = match.end()
                done = data[:at] + text + data[at:], f"insert resource '{label}' at {at}"
        elif pick == 1:
            match = _YAML_SECTION[b"Conditions"].search(data)
            if match:
                at = match.end()
                text = _indent(YAML_CONDITIONS, _yaml_child_indent(data, at))
                done = data[:at] + text + data[at:], f"insert exponential conditions at {at}"
            else:
                text = b"\nConditions:\n" + _indent(YAML_CONDITIONS, b"  ")
                done = data + text, "append exponential conditions"
        else:
            text = rng.choice([b"\nTransform: AWS::LanguageExtensions\n",
                               b"\nGovernFuzzLaughs: " + _yaml_laughs().encode() + b"\n",
                               b"\nParameters:\n  GovernFuzzP:\n    Type: String\n"
                               b"    AllowedPattern: ^(a+)+$\n    Default: " + _A40.encode()
                               + b"\n"])
            done = data + text, f"append top-level {text[1:30]!r}"
    elif seed.fmt == "arm":
        pick = rng.randrange(3)
        if pick == 0:
            label, text = rng.choice(ARM_BLOCKS_AFTER_VARIABLES)
            done = _insert_after(rng, data, _ARM_VARIABLES, text, f"variables '{label}'")
            if done is None:
                done = _insert_after(rng, data, _FIRST_BRACE,
                                     b'"variables": {' + text.rstrip(b", ") + b"}, ",
                                     f"variables '{label}'")
            if done is not None and b"govern_fuzz_v64" in text:
                ref = b"\"[variables('govern_fuzz_v64')]\""
                done = (_replace_site(rng, done[0], _JSON_VALUE_SITE, [("v64", ref)], "value")
                        or done)
        elif pick == 1:
            label, text = rng.choice(ARM_BLOCKS_IN_RESOURCE)
            done = _insert_after(rng, data, _ARM_TYPE, text, f"'{label}' in a resource")
        else:
            label, text = rng.choice(ARM_BLOCKS_IN_RESOURCES)
            done = _insert_after(rng, data, _ARM_RESOURCES, text, f"resource '{label}'")
    elif seed.fmt == "cloudformation":
        label, text = rng.choice(CFN_JSON_RESOURCES)
        done = _insert_after(rng, data, _CFN_RESOURCES_JSON, text, f"resource '{label}'")
        if done is not None and b"GovernFuzzC90" in text:
            more = _insert_after(rng, done[0], _CFN_CONDITIONS_JSON, CFN_JSON_CONDITIONS,
                                 "conditions")
            more = more or _insert_after(
                rng, done[0], _FIRST_BRACE,
                b'"Conditions": {' + CFN_JSON_CONDITIONS.rstrip(b", ") + b"}, ", "conditions")
            done = more or done
        if done is not None and b"GovernFuzzP" in text:
            more = _insert_after(rng, done[0], _CFN_PARAMETERS_JSON, CFN_JSON_PARAMETERS,
                                 "parameters")
            more = more or _insert_after(
                rng, done[0], _FIRST_BRACE,
                b'"Parameters": {' + CFN_JSON_PARAMETERS.rstrip(b", ") + b"}, ", "parameters")
            done = more or done
    return done if done is not None else m_value(rng, data, seed)


MUTATIONS: list[tuple[Mutation, int]] = [
    (m_flip, 10), (m_byte, 6), (m_delete, 8), (m_duplicate, 8), (m_truncate, 6),
    (m_raw_fragment, 14), (m_long_line, 2), (m_encoding, 5), (m_value, 22), (m_block, 16),
]
MAX_INPUT = 8_000_000


def make_case(index: int, seed_value: int, seeds_by_format: dict[str, list[Seed]]) -> Case:
    """Input `index` of the run with seed `seed_value`: the same on every run."""
    rng = random.Random(f"govern-fuzz:{seed_value}:{index}")
    fmt = rng.choice(sorted(seeds_by_format))
    seed = rng.choice(seeds_by_format[fmt])
    data = seed.data
    steps: list[str] = []
    functions = [m for m, _ in MUTATIONS]
    weights = [w for _, w in MUTATIONS]
    for _ in range(rng.choices([1, 2, 3, 4], [50, 30, 15, 5])[0]):
        mutation = rng.choices(functions, weights)[0]
        data, step = mutation(rng, data, seed)
        steps.append(step)
        if len(data) > MAX_INPUT:
            data = data[:MAX_INPUT]
            steps.append(f"cut to {MAX_INPUT:,} bytes")
    return Case(index, seed_value, seed.rel, seed.fmt, seed.name, data, tuple(steps))


# --------------------------------------------------------------------- the worker

@dataclass(frozen=True)
class Failure:
    cls: str
    signature: str  # what makes two failures the same
    detail: str  # traceback, notices, where it hung


@dataclass
class Outcome:
    index: int
    failures: list[Failure] = field(default_factory=list)
    exit_code: int | None = None  # the CLI's exit code for a scan that completed
    notice_codes: tuple[str, ...] = ()
    restart: bool = False  # the worker is not to be trusted any more


@dataclass(frozen=True)
class Settings:
    work_dir: str
    timeout: float
    memory_bytes: int


_READ_FILES: list[str] = []


def _install_capture() -> None:
    """Record the files a scan read (ScanReport only counts them): run_scan builds its
    graph through `govern.scan.build_graph`, which returns them."""
    import govern.scan as scan_module

    original = scan_module.build_graph

    def capturing(found: Any, options: Any, prepare: Any = None) -> Any:
        built = original(found, options, prepare)
        _READ_FILES[:] = [os.path.realpath(f) for f in built.files]
        return built

    scan_module.build_graph = capturing


def looks_like_iac(name: str, data: bytes) -> str | None:
    """Why the file is infrastructure as code to a reader, or None."""
    if name.endswith(TERRAFORM_SUFFIXES):
        body = data.replace(b"\x00", b"")
        for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            body = body.replace(bom, b"")
        return "a Terraform file name" if body.strip() else None
    from govern.parsers.classify import classify_text
    from govern.parsers.decoding import decode_bytes

    try:
        kind = classify_text(decode_bytes(data).text, name)
    except Exception:  # the scan itself reports what is wrong with it
        kind = None
    if kind in TEMPLATE_KINDS:
        return f"govern's classifier: {kind}"
    head = data[:1_048_576].replace(b"\x00", b"")
    if _STRONG_MARKER.search(head):
        return "a template marker"
    if all(p.search(head) for p in _PLAN_MARKERS):
        return "a plan marker"
    return None


def encoding_of(data: bytes) -> str:
    """What the bytes hold that a decoder cares about, for the signatures."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32-LE BOM"), (codecs.BOM_UTF32_BE,
                      "UTF-32-BE BOM"), (codecs.BOM_UTF8, "UTF-8 BOM"),
                      (codecs.BOM_UTF16_LE, "UTF-16-LE BOM"), (codecs.BOM_UTF16_BE,
                                                                "UTF-16-BE BOM")):
        if data.startswith(bom):
            try:
                data.decode(name.split(" ")[0].lower().replace("-le", "").replace("-be", ""))
            except UnicodeDecodeError:
                return f"{name}, invalid after it"
            return name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8" + (", NUL bytes" if b"\x00" in data else "")
    return "UTF-8" + (", NUL bytes" if b"\x00" in data else "")


def _frames(tb: list[traceback.FrameSummary]) -> str:
    """The innermost frame in govern (else the innermost frame) as file:line in function."""
    ours = [f for f in tb if f"{os.sep}govern{os.sep}" in f.filename]
    frame = (ours or tb)[-1] if (ours or tb) else None
    if frame is None:
        return "?"
    where = frame.filename.split(f"{os.sep}govern{os.sep}", 1)[-1]
    return f"govern/{where}:{frame.lineno} in {frame.name}"


def _exception_failure(cls: str, stage: str, exc: BaseException) -> Failure:
    tb = traceback.extract_tb(exc.__traceback__)
    signature = f"{type(exc).__name__} at {_frames(tb)} ({stage})"
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    lines = text.splitlines()
    if len(lines) > 40:
        lines = [*lines[:2], "  ...", *lines[-36:]]
    return Failure(cls, signature, "\n".join(line[:300] for line in lines))


_TB_FRAME = re.compile(r'File "([^"]+)", line (\d+), in (\S+)')
_TB_TYPE = re.compile(r"\(([A-Za-z_][\w.]*(?:Error|Exception|Exit)\w*)[:)]")


def internal_failures(notices: Sequence[str], debug: str) -> list[Failure]:
    """Crashes govern caught itself (an `internal-error` notice: a builder or a rule's check
    raised on one resource, the rest of the scan went on), one per distinct traceback that
    GOVERN_DEBUG printed (else per notice)."""
    detail = "notices:\n" + "\n".join(n[:400] for n in notices) + "\n\n" + debug[-6000:]
    failures: list[Failure] = []
    for block in debug.split("Traceback (most recent call last):")[1:]:
        frames = _TB_FRAME.findall(block)
        ours = [f for f in frames if f"{os.sep}govern{os.sep}" in f[0]] or frames
        lines = [line for line in block.splitlines() if line and not line[0].isspace()]
        kind = lines[-1].split(":", 1)[0] if lines else "?"
        where = "?"
        if ours:
            path, line, func = ours[-1]
            where = f"govern/{path.split(f'{os.sep}govern{os.sep}', 1)[-1]}:{line} in {func}"
        failures.append(Failure(CRASH, f"{kind} at {where} (caught: internal-error notice)",
                                detail))
    if not failures:
        for notice in notices:
            match = _TB_TYPE.search(notice)
            kind = match.group(1) if match else notice[:80]
            failures.append(Failure(CRASH, f"{kind} (caught: internal-error notice)", detail))
    return failures


def scan_case(case: Case, work_dir: str) -> Outcome:
    """Scan the case's file beside the sentinel, as `govern scan DIR` does, and classify."""
    from govern.config import CliSettings, resolve_config
    from govern.errors import GovernError
    from govern.gate import exit_code
    from govern.report import render
    from govern.scan import ScanOptions, run_scan

    outcome = Outcome(case.index)
    directory = tempfile.mkdtemp(prefix=f"case{case.index}-", dir=work_dir)
    try:
        target = os.path.join(directory, case.name)
        Path(target).write_bytes(case.data)
        Path(directory, SENTINEL_FILE).write_bytes(SENTINEL_TEXT)
        _READ_FILES.clear()
        stage = "scan"
        debug = io.StringIO()  # GOVERN_DEBUG: the tracebacks of guarded internal errors
        try:
            with contextlib.redirect_stderr(debug):
                config = resolve_config((directory,), CliSettings())
                result = run_scan(ScanOptions(paths=(directory,), config=config))
                stage = "render"
                for fmt in RENDER_FORMATS:
                    render(fmt, result.report)
                code = exit_code(result.report, config.fail_on, config.fail_on_unknown)
        except GovernError as exc:
            outcome.failures.append(Failure(
                LOST, f"scan aborted by {type(exc).__name__} ({stage})",
                f"{type(exc).__name__}: {exc}"[:2000]))
            return outcome
        except MemoryError as exc:
            outcome.restart = True
            outcome.failures.append(_exception_failure(MEMORY, stage, exc))
            return outcome
        except (Exception, SystemExit) as exc:  # govern's "internal error"
            outcome.restart = isinstance(exc, RecursionError)
            outcome.failures.append(_exception_failure(CRASH, stage, exc))
            return outcome
        report = result.report
        outcome.exit_code = code
        outcome.notice_codes = tuple(n.code or n.level for n in report.notices)
        internal = [n for n in report.notices
                    if n.code == "internal-error" or "internal error in govern" in n.message]
        if internal:  # an exception govern caught for one resource or rule: still a crash
            outcome.failures.extend(internal_failures(
                [n.render() for n in internal], debug.getvalue()))
        mine = os.path.realpath(target)

        def names_it(file: str | None) -> bool:
            return file is not None and os.path.realpath(file) == mine

        read = mine in _READ_FILES
        errors = [n for n in report.notices if n.level == "error" and names_it(n.file)]
        why = looks_like_iac(case.name, case.data)
        if why and not read and not errors:
            said = sorted({f"{n.level}:{n.code}" for n in report.notices if names_it(n.file)})
            outcome.failures.append(Failure(
                SKIP, f"{case.fmt} file ({why}; {encoding_of(case.data)}) neither read nor "
                f"in an error notice"
                f"{'; only ' + ', '.join(said) if said else '; no notice at all'}",
                "notices:\n" + "\n".join(n.render()[:300] for n in report.notices)))
        kept = [f for f in report.findings if f.rule_id == SENTINEL_RULE
                and f.resource_address == SENTINEL_ADDRESS and f.status == "fail"]
        if not kept or all(f.suppression is not None for f in kept):
            state = "suppressed" if kept else "missing"
            codes = sorted({n.code for n in report.notices if n.level == "error"})
            outcome.failures.append(Failure(
                LOST, f"sentinel {SENTINEL_RULE} {state}"
                f"{' (error notices: ' + ', '.join(codes) + ')' if codes else ''}",
                "findings:\n" + "\n".join(f"{f.rule_id} {f.status} {f.resource_address}"
                                         for f in report.findings[:30])
                + "\nnotices:\n" + "\n".join(n.render()[:300] for n in report.notices)))
        return outcome
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _worker_main(conn: multiprocessing.connection.Connection, settings: Settings,
                 number: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run
    parent = os.getppid()
    os.environ["GOVERN_DEBUG"] = "1"  # tracebacks of the internal errors govern catches
    resource.setrlimit(resource.RLIMIT_AS, (settings.memory_bytes, settings.memory_bytes))
    os.chdir(settings.work_dir)  # no configuration file in the working directory
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    _install_capture()
    with open(_stack_path(settings, number), "w") as stacks:
        while True:
            try:
                while not conn.poll(1.0):  # the pipe's other end is open in the siblings
                    if os.getppid() != parent:  # too: watch for the parent's death
                        return
                case = conn.recv()
            except (EOFError, OSError):
                return
            if case is None:
                return
            stacks.seek(0)
            stacks.truncate()
            faulthandler.dump_traceback_later(settings.timeout * 0.8, file=stacks)
            try:
                outcome = scan_case(case, settings.work_dir)
            except MemoryError as exc:  # in the classification itself
                outcome = Outcome(case.index, [_exception_failure(MEMORY, "fuzzer", exc)],
                                  restart=True)
            faulthandler.cancel_dump_traceback_later()
            conn.send(outcome)


def _stack_path(settings: Settings, number: int) -> str:
    return os.path.join(settings.work_dir, f"worker{number}.stack")


def _hang_failure(settings: Settings, number: int, timeout: float) -> Failure:
    try:
        dump = Path(_stack_path(settings, number)).read_text(errors="replace")
    except OSError:
        dump = ""
    frames = re.findall(r'File "([^"]+)", line (\d+) in (\S+)', dump)
    ours = [f for f in frames if f"{os.sep}govern{os.sep}" in f[0]]
    if ours:  # faulthandler lists the most recent call first
        path, _line, func = ours[0]
        where = "govern/" + path.split(f"{os.sep}govern{os.sep}", 1)[-1]
        signature = f"no result in {timeout:g} s, in {func} ({where})"  # not the line:
        # where a loop is when the dump is taken is chance
    else:
        signature = f"no result in {timeout:g} s"
    return Failure(HANG, signature, dump[:6000] or "(no faulthandler dump)")


# ---------------------------------------------------------------------- the parent

class Slot:
    """One worker process and the case it is busy with."""

    def __init__(self, ctx: Any, settings: Settings, number: int) -> None:
        self.ctx = ctx
        self.settings = settings
        self.number = number
        self.case: Case | None = None
        self.deadline = 0.0
        self.process: Any = None
        self.conn: multiprocessing.connection.Connection | None = None
        self.start()

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_worker_main,
                                        args=(child, self.settings, self.number), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def restart(self) -> None:
        self.kill()
        self.start()

    def kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.case = None

    def assign(self, case: Case, timeout: float) -> None:
        assert self.conn is not None
        self.case = case
        self.deadline = time.monotonic() + timeout
        self.conn.send(case)

    def stop(self) -> None:
        if self.conn is not None and self.process is not None and self.process.is_alive():
            try:
                self.conn.send(None)
                self.process.join(5)
            except OSError:
                pass
        self.kill()


@dataclass
class Tally:
    inputs: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # class -> inputs
    signatures: dict[str, Counter[str]] = field(default_factory=dict)
    first: dict[tuple[str, str], int] = field(default_factory=dict)  # -> first input index
    saved: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # (dir, line)
    exit_codes: Counter[str] = field(default_factory=Counter)
    notice_codes: Counter[str] = field(default_factory=Counter)

    def failures(self) -> int:
        return sum(self.counts[c] for c in CLASSES)


def _save(save_dir: Path, case: Case, failure: Failure, number: int) -> Path:
    where = save_dir / failure.cls / f"{number:02d}-input{case.index}"
    where.mkdir(parents=True, exist_ok=True)
    (where / case.name).write_bytes(case.data)
    (where / SENTINEL_FILE).write_bytes(SENTINEL_TEXT)
    (where / "NOTE.txt").write_text(
        f"class: {failure.cls}\nsignature: {failure.signature}\n{case.describe()}\n"
        f"reproduce: govern scan {where}   (or: benchmarks/fuzz.py --only {case.index} "
        f"--seed {case.run_seed})\n\n{failure.detail}\n", encoding="utf-8", errors="replace")
    return where


def record(tally: Tally, case: Case, outcome: Outcome, save_dir: Path) -> None:
    tally.inputs += 1
    if outcome.exit_code is not None:
        tally.exit_codes[f"exit {outcome.exit_code}"] += 1
    tally.notice_codes.update(set(outcome.notice_codes))
    for cls in {f.cls for f in outcome.failures}:
        tally.counts[cls] += 1
    for failure in outcome.failures:
        seen = tally.signatures.setdefault(failure.cls, Counter())
        new = failure.signature not in seen
        seen[failure.signature] += 1
        if not new:
            continue
        tally.first[(failure.cls, failure.signature)] = case.index
        kept = tally.saved.setdefault(failure.cls, [])
        if len(kept) < KEEP_PER_CLASS:
            where = _save(save_dir, case, failure, len(kept) + 1)
            kept.append((str(where), f"{failure.signature} -- {case.seed}: "
                         f"{'; '.join(case.steps)}"[:400]))


def check_sentinel(work_dir: str) -> None:
    """The sentinel alone must give its finding, or the lost-finding count means nothing."""
    directory = os.path.join(work_dir, "sentinel-alone")
    os.mkdir(directory)
    Path(directory, SENTINEL_FILE).write_bytes(SENTINEL_TEXT)
    from govern.config import CliSettings, resolve_config
    from govern.scan import ScanOptions, run_scan

    config = resolve_config((directory,), CliSettings())
    report = run_scan(ScanOptions(paths=(directory,), config=config)).report
    fired = sorted({f.rule_id for f in report.findings
                    if f.resource_address == SENTINEL_ADDRESS and f.status == "fail"})
    shutil.rmtree(directory)
    if SENTINEL_RULE not in fired:
        sys.exit(f"the sentinel does not give {SENTINEL_RULE} (it gives: {fired})")
    print(f"sentinel {SENTINEL_ADDRESS}: {', '.join(fired)} fire on it alone; "
          f"{SENTINEL_RULE} (public-read ACL) is the finding checked")


def run(cases: Sequence[int] | range, make: Callable[[int], Case], settings: Settings,
        jobs: int, save_dir: Path) -> tuple[Tally, float]:
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    slots = [Slot(ctx, settings, n) for n in range(jobs)]
    tally = Tally()
    todo = iter(cases)
    remaining = len(cases)
    started = time.perf_counter()
    next_report = 500
    exhausted = False
    try:
        while tally.inputs < remaining:
            for slot in slots:
                if slot.case is None and not exhausted:
                    index = next(todo, None)
                    if index is None:
                        exhausted = True
                        break
                    slot.assign(make(index), settings.timeout)
            busy = [s for s in slots if s.case is not None]
            if not busy:
                break
            wait = max(0.0, min(s.deadline for s in busy) - time.monotonic())
            ready = multiprocessing.connection.wait(
                [s.conn for s in busy if s.conn is not None], timeout=wait)
            for slot in busy:
                case = slot.case
                assert case is not None
                if slot.conn in ready:
                    try:
                        outcome: Outcome = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.process.join(5)
                        code = slot.process.exitcode
                        name = (signal.Signals(-code).name if isinstance(code, int)
                                and code < 0 else f"exit {code}")
                        cls = MEMORY if code == -signal.SIGKILL else CRASH
                        outcome = Outcome(case.index, [Failure(
                            cls, f"worker died ({name})", f"worker exit code {code}")])
                        slot.restart()
                    else:
                        slot.case = None
                        if outcome.restart:
                            slot.restart()
                    record(tally, case, outcome, save_dir)
                elif time.monotonic() >= slot.deadline:
                    slot.kill()
                    time.sleep(0.05)
                    failure = _hang_failure(settings, slot.number, settings.timeout)
                    slot.start()
                    record(tally, case, Outcome(case.index, [failure]), save_dir)
            if tally.inputs >= next_report:
                next_report += 500
                elapsed = time.perf_counter() - started
                counts = " ".join(f"{c} {tally.counts[c]}" for c in CLASSES)
                print(f"  {tally.inputs:>6}/{remaining} inputs, {tally.inputs / elapsed:5.1f}/s,"
                      f" {counts}", file=sys.stderr, flush=True)
    finally:
        for slot in slots:
            slot.stop()
    return tally, time.perf_counter() - started


def print_summary(tally: Tally, seconds: float, save_dir: Path) -> None:
    print()
    print(f"{'class':<14} {'inputs':>7} {'distinct':>9}")
    for cls in CLASSES:
        print(f"{cls:<14} {tally.counts[cls]:>7} {len(tally.signatures.get(cls, {})):>9}")
    completed = sum(tally.exit_codes.values())
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(tally.exit_codes.items()))
    print(f"\n{tally.inputs} inputs in {seconds:.0f} s: {tally.inputs / seconds:.1f} inputs/s; "
          f"{completed} scans completed ({codes})")
    common = ", ".join(f"{k} {v}" for k, v in tally.notice_codes.most_common(12))
    print(f"inputs with a notice of code: {common}")
    for cls in CLASSES:
        signatures = tally.signatures.get(cls)
        if not signatures:
            continue
        print(f"\n{cls}: distinct failures (inputs, first input)")
        for signature, n in signatures.most_common():
            print(f"  {n:>5}  #{tally.first[(cls, signature)]:<6} {signature}")
        for where, line in tally.saved.get(cls, []):
            print(f"  reproducer {where}\n      {line}")
    if tally.failures():
        print(f"\nreproducers in {save_dir} (each: govern scan DIR; NOTE.txt says what)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: all cores)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--memory-gib", type=float, default=4.0,
                        help="address-space limit per worker (RLIMIT_AS)")
    parser.add_argument("--save", type=Path, default=DEFAULT_SAVE,
                        help=f"where reproducers go (default {DEFAULT_SAVE})")
    parser.add_argument("--only", type=int, action="append", default=[],
                        help="run only input INDEX of the seed (repeatable)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--max-seed-size", type=int, default=100_000,
                        help="largest corpus file taken, in bytes")
    args = parser.parse_args()

    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to fuzz with (see benchmarks/bench.py)",
              file=sys.stderr)
        return 2
    seeds = load_seeds(args.corpus, args.max_seed_size)
    if not seeds:
        print(f"no file govern reads under {args.corpus}", file=sys.stderr)
        return 2
    by_format: dict[str, list[Seed]] = {}
    for seed in seeds:
        by_format.setdefault(seed.fmt, []).append(seed)
    formats = ", ".join(f"{k} {len(v)}" for k, v in sorted(by_format.items()))
    for cls in CLASSES:  # this run's reproducers only
        shutil.rmtree(args.save / cls, ignore_errors=True)
    args.save.mkdir(parents=True, exist_ok=True)
    work_dir = tempfile.mkdtemp(prefix="govern-fuzz-work-")
    try:
        check_sentinel(work_dir)
        indices: Sequence[int] | range = args.only or range(args.count)
        jobs = max(1, min(args.jobs, len(indices)))
        print(f"{len(indices)} inputs from {len(seeds)} corpus files ({formats}), seed "
              f"{args.seed}, {jobs} workers, timeout {args.timeout:g} s, RLIMIT_AS "
              f"{args.memory_gib:g} GiB", flush=True)
        settings = Settings(work_dir, args.timeout, int(args.memory_gib * 2**30))
        tally, seconds = run(indices, lambda i: make_case(i, args.seed, by_format), settings,
                             jobs, args.save)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    print_summary(tally, seconds, args.save)
    return 0 if tally.failures() == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
