"""Discovery fails closed: what looks like IaC but cannot be read is an error, only what is
clearly not IaC is skipped with a note; the walk is bounded, never opens a FIFO and never
leaves the tree through a symbolic link."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govern.discover
from govern.discover import Discovery, discover
from govern.model.finding import Notice
from govern.scan import ScanOptions, run_scan

BUCKET_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n'
BUCKET_CFN = '{"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}'
LIMIT = 4096


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    """A FIFO opened by mistake blocks forever: fail instead of hanging CI."""
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError("discovery blocked")


def notices(found: Discovery) -> list[tuple[str, str, str]]:
    return [(n.level, n.code, os.path.basename(n.file or "")) for n in found.notices]


def only(found: Discovery, code: str) -> Notice:
    [notice] = [n for n in found.notices if n.code == code]
    return notice


# --- too large ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("big.tf", BUCKET_TF + "#" * LIMIT),
    ("big.tf.json", '{"resource": {}}' + " " * LIMIT),
    ("head.json", BUCKET_CFN + " " * LIMIT),
    ("tail.json", "{" + " " * LIMIT + BUCKET_CFN[1:]),
    # the template hidden in the middle of a padded document
    ("middle.json", '{"Description": "' + "x" * LIMIT + '", "Resources": {"B": {"Type": '
     '"AWS::S3::Bucket"}}, "Metadata": "' + "y" * LIMIT + '"}'),
    ("stack.yaml", "Resources:\n  B:\n    'Type': 'AWS::S3::Bucket'\n" + "#\n" * LIMIT),
    ("plan.json", '{"format_version": "1.2", "resource_changes": []' + " " * LIMIT + "}"),
    ("arm.json", '{"resources": [{"type": "Microsoft.Storage/storageAccounts"}]'
     + " " * LIMIT + "}"),
])
def test_file_over_the_limit_that_looks_like_iac_is_an_error(tmp_path: Path, name: str,
                                                             content: str) -> None:
    (tmp_path / name).write_text(content)
    found = discover([str(tmp_path)], max_file_size=LIMIT)
    notice = only(found, "too-large")
    assert (notice.level, notice.file) == ("error", str(tmp_path / name))
    assert notice.message.startswith("file is 0.0 MiB, over the 0.0 MiB limit (max-file-size)"
                                     ", and looks like infrastructure as code; not scanned")
    assert notice.hint is not None and notice.hint.startswith("raise max-file-size")
    assert found.documents == []


def test_file_over_the_limit_that_is_clearly_not_iac_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "package-lock.json").write_text(
        '{"name": "app", "packages": {"aws-sdk": {}}' + " " * LIMIT + "}")
    found = discover([str(tmp_path)], max_file_size=LIMIT)
    assert notices(found) == [("note", "skipped-too-large", "package-lock.json")]
    assert "raise max-file-size" in (found.notices[0].hint or "")


def test_padded_public_bucket_fails_the_scan(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_TF + "#" * (6 * 1024 * 1024))
    report = run_scan(ScanOptions(paths=(str(tmp_path),))).report
    assert [(n.level, n.code) for n in report.notices] == [("error", "too-large")]


# --- NUL bytes ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, level, code", [
    ("main.tf", BUCKET_TF.encode() + b"\x00", "error", "binary"),
    ("stack.json", b'{"AWSTemplateFormatVersion": "2010-09-09", "x": "\x00"}', "error",
     "binary"),
    ("stack.yaml", b"\x00\x01Resources:\n  B:\n    Type: AWS::S3::Bucket\n", "error",
     "binary"),
    ("blob.json", b'{"a": "\x00\x01\x02"}', "note", "skipped-binary"),
])
def test_nul_bytes(tmp_path: Path, name: str, content: bytes, level: str, code: str) -> None:
    (tmp_path / name).write_bytes(content)
    found = discover([str(tmp_path)])
    assert notices(found) == [(level, code, name)]
    assert found.documents == []
    if level == "error":
        assert only(found, code).message.startswith("binary content (a NUL byte at offset ")


def test_utf16_without_byte_order_mark_is_text(tmp_path: Path) -> None:
    (tmp_path / "stack.json").write_bytes(BUCKET_CFN.encode("utf-16-le"))
    found = discover([str(tmp_path)])
    assert (found.documents, found.notices) == ([str(tmp_path / "stack.json")], [])


# --- not UTF-8 ---------------------------------------------------------------------------

def test_template_with_a_latin1_byte_named_on_the_command_line_is_judged(
        tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_bytes(b"Description: caf\xe9\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
    report = run_scan(ScanOptions(paths=(str(path),))).report
    # judged (findings on the bucket) or said why not: never a silent exit 0
    judged = [f for f in report.findings if f.resource_address == "Logs"]
    said = [n for n in report.notices if n.file == str(path) and n.level != "note"]
    assert judged or said


# --- explicit files ----------------------------------------------------------------------

def test_explicit_file_of_another_name_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "bucket.cfn").write_text(BUCKET_CFN)
    (tmp_path / "notes.txt").write_text("hello\n")
    found = discover([str(tmp_path / "bucket.cfn"), str(tmp_path / "notes.txt")])
    assert found.documents == [str(tmp_path / "bucket.cfn")]
    assert notices(found) == [("note", "skipped-unsupported", "notes.txt")]


def test_explicit_file_of_another_name_fails_closed_too(tmp_path: Path) -> None:
    (tmp_path / "big.cfn").write_text(BUCKET_CFN + " " * LIMIT)
    (tmp_path / "blob.cfn").write_bytes(b"\x00" + BUCKET_CFN.encode())
    (tmp_path / "wide.cfn").write_bytes(BUCKET_CFN.encode("utf-16-le"))
    (tmp_path / "data.bin").write_bytes(b"\x00\x01" * 10)
    found = discover([str(tmp_path / n) for n in ("big.cfn", "blob.cfn", "wide.cfn",
                                                   "data.bin")], max_file_size=LIMIT)
    assert found.documents == [str(tmp_path / "wide.cfn")]
    assert notices(found) == [("error", "too-large", "big.cfn"), ("error", "binary", "blob.cfn"),
                              ("note", "skipped-binary", "data.bin")]


def test_explicit_document_that_is_not_a_template_is_said(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "app"}')
    report = run_scan(ScanOptions(paths=(str(tmp_path / "package.json"),))).report
    assert [(n.level, n.code, n.file) for n in report.notices] == [
        ("note", "skipped-unsupported", str(tmp_path / "package.json"))]
    # inside a directory it is skipped quietly (most JSON files are not templates)
    assert run_scan(ScanOptions(paths=(str(tmp_path),))).report.notices == ()


# --- the walk ----------------------------------------------------------------------------

def make_deep(root: Path, levels: int) -> Path:
    path = root
    for _ in range(levels):
        path = path / "d"
        os.mkdir(path)
    return path


def test_deep_tree_is_walked_without_recursion(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(govern.discover, "MAX_DEPTH", 5000)
    deep = make_deep(tmp_path, 400)
    (deep / "main.tf").write_text(BUCKET_TF)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)  # a tree deeper than the recursion limit (kept small: fast)
    try:
        found = discover([str(tmp_path)])
    finally:
        sys.setrecursionlimit(limit)
    assert (found.terraform_dirs, found.notices) == ([str(deep)], [])


def test_tree_deeper_than_the_bound_is_an_error(tmp_path: Path) -> None:
    deep = make_deep(tmp_path, govern.discover.MAX_DEPTH + 3)
    (deep / "main.tf").write_text(BUCKET_TF)
    found = discover([str(tmp_path)])
    assert found.terraform_dirs == []
    notice = only(found, "too-deep")
    assert notice.level == "error"
    assert notice.file == str(tmp_path.joinpath(*["d"] * (govern.discover.MAX_DEPTH + 1)))
    assert notice.message == (f"directory nested more than {govern.discover.MAX_DEPTH} "
                              f"levels below {tmp_path}; not scanned")


def test_symbolic_links_leaving_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tf").write_text(BUCKET_TF)
    tree = tmp_path / "tree"
    (tree / "inner").mkdir(parents=True)
    (tree / "inner" / "main.tf").write_text(BUCKET_TF)
    (tree / "linked-dir").symlink_to(outside)
    (tree / "inner" / "linked.tf").symlink_to(outside / "secret.tf")
    (tree / "z-again").symlink_to(tree / "inner")  # inside: followed (once)
    found = discover([str(tree)])
    assert found.terraform_dirs == [str(tree / "inner")]
    assert found.terraform_skip == {str(tree / "inner" / "linked.tf")}
    assert notices(found) == [("note", "symlink-outside", "linked.tf"),
                              ("note", "symlink-outside", "linked-dir"),
                              ("note", "symlink-loop", "z-again")]
    messages = [n.message for n in found.notices if n.code == "symlink-outside"]
    assert messages[0] == (f"symbolic link to {outside / 'secret.tf'}, outside the scanned "
                           f"tree {tree}; not followed")
    # the module loader lists the directory itself: the link is not read there either
    report = run_scan(ScanOptions(paths=(str(tree),))).report
    assert str(outside / "secret.tf") not in {
        f.location.file for f in report.findings if f.location is not None}


def test_fifos_are_never_opened(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_TF)
    os.mkfifo(tmp_path / "pipe.tf")
    os.mkfifo(tmp_path / "stack.json")
    found = discover([str(tmp_path), str(tmp_path / "stack.json")])
    assert notices(found) == [("note", "skipped-special", "pipe.tf"),
                              ("note", "skipped-special", "stack.json")]
    assert found.notices[0].message == "not a regular file (a FIFO); skipped, never opened"
    report = run_scan(ScanOptions(paths=(str(tmp_path),))).report  # the parsers neither
    assert [f.resource_address for f in report.findings if f.rule_id == "GOV-AWS-001"] == [
        "aws_s3_bucket.logs"]


def test_device_named_on_the_command_line_is_not_read() -> None:
    found = discover(["/dev/zero"])
    assert notices(found) == [("note", "skipped-special", "zero")]
    assert found.notices[0].message == "not a regular file (a device); skipped, never opened"
