"""Terraform never reads outside the scanned tree, and checks the size of every side file
before reading it. A bad root module sits beside a sentinel root whose public bucket must
still be reported; an alarm turns a hang into a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govern.model.unknown import Unknown
from govern.parsers.native import ParseResult
from govern.parsers.terraform.project import scan_terraform
from govern.scan import ScanOptions, run_scan
from tests.parsers.terraform.sentinel import (
    SENTINEL,
    alarm,
    errors,
    scan_beside_sentinel,
    the_error,
)

BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  %s\n}\n'
OUTSIDE = "is outside the scanned tree"
TWO_GB = 2 * 1024 ** 3


def tags(result: ParseResult) -> object:
    [bucket] = [r for r in result.resources if r.address == "aws_s3_bucket.b"]
    return bucket.attributes["tags"]


def warnings(result: ParseResult) -> list[str]:
    return [n.message for n in result.notices if n.level == "warning"]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file beside (outside) the scanned tree `tmp_path/scan`."""
    path = tmp_path / "secret.txt"
    path.write_text("secret")
    return path


def scan(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> ParseResult:
    tree = tmp_path / "scan"
    tree.mkdir(exist_ok=True)
    return scan_beside_sentinel(tree, files, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [
    'file("../../secret.txt")', 'file("{secret}")', 'filebase64("{secret}")',
    'filesha256("{secret}")', 'templatefile("{secret}", {{}})', 'fileexists("{secret}")',
    'fileset("{tmp}", "*.txt")', 'try(file("{secret}"), "fallback")',
    'can(file("{secret}"))',
], ids=["relative", "absolute", "filebase64", "filesha256", "templatefile", "fileexists",
        "fileset", "try", "can"])
def test_paths_outside_the_tree_are_unknown_with_a_warning(tmp_path: Path, secret: Path,
                                                           call: str) -> None:
    expression = call.format(secret=secret, tmp=tmp_path)
    result = scan(tmp_path, {"main.tf": BUCKET % f"tags = {{ a = {expression} }}"})
    assert not errors(result)
    value = tags(result)
    assert isinstance(value, Unknown)
    assert OUTSIDE in value.reason
    [message] = warnings(result)
    assert message.startswith("cannot evaluate aws_s3_bucket.b.tags: ")
    assert f"{OUTSIDE} {tmp_path / 'scan'}; govern does not read it" in message


def test_a_symbolic_link_leaving_the_tree_is_not_followed(tmp_path: Path, secret: Path) -> None:
    bad = tmp_path / "scan" / "bad"
    bad.mkdir(parents=True)
    (bad / "link.txt").symlink_to(secret)
    (bad / "inside.txt").write_text("inside")
    text = BUCKET % ('tags = { a = file("${path.module}/link.txt"), '
                     'b = fileset(path.module, "*.txt"), c = file("inside.txt") }')
    result = scan(tmp_path, {"main.tf": text})
    value = tags(result)
    assert isinstance(value, Unknown) and OUTSIDE in value.reason
    [message] = warnings(result)
    assert "file(): " in message and f"link.txt {OUTSIDE}" in message
    text = BUCKET % 'tags = { b = join(",", fileset(path.module, "*.txt")) }'
    (bad / "main.tf").write_text(text)
    (tmp_path / "scan" / "good" / "main.tf").unlink()
    (tmp_path / "scan" / "good").rmdir()
    result = scan(tmp_path, {"main.tf": text})
    assert tags(result) == {"b": "inside.txt"}  # the link is left out of the listing


def test_a_file_inside_the_tree_is_read(tmp_path: Path) -> None:
    result = scan(tmp_path, {"main.tf": BUCKET % 'tags = { a = file("policy.json") }',
                             "policy.json": "{}"})
    assert tags(result) == {"a": "{}"}
    assert not warnings(result)


def test_a_huge_sparse_file_is_not_read(tmp_path: Path) -> None:
    scan(tmp_path, {"main.tf": BUCKET % 'tags = { a = file("huge.txt") }'})
    with open(tmp_path / "scan" / "bad" / "huge.txt", "wb") as handle:
        handle.truncate(TWO_GB)
    result = scan_again(tmp_path)
    value = tags(result)
    assert isinstance(value, Unknown)
    [message] = warnings(result)
    assert message == ("cannot evaluate aws_s3_bucket.b.tags: file(): huge.txt is 2048.0 MiB, "
                       "over the 5.0 MiB limit for files govern reads")


def scan_again(tmp_path: Path, **options: object) -> ParseResult:
    """Scan the tree written by an earlier `scan` (files added since included)."""
    tree = tmp_path / "scan"
    with alarm():
        result = scan_terraform([str(tree / "bad"), str(tree / "good")],
                                scan_paths=[str(tree)], **options)  # type: ignore[arg-type]
    assert [r.attributes["acl"] for r in result.resources
            if r.address == "aws_s3_bucket.sentinel"] == ["public-read"]
    return result


@pytest.mark.parametrize("name", ["terraform.tfvars", "terraform.tfvars.json"])
def test_a_huge_sparse_tfvars_is_an_error(tmp_path: Path, name: str) -> None:
    scan(tmp_path, {"main.tf": 'variable "v" {}\n' + BUCKET % "tags = { a = var.v }"})
    path = tmp_path / "scan" / "bad" / name
    with open(path, "wb") as handle:
        handle.truncate(TWO_GB)
    notice = the_error(scan_again(tmp_path, max_file_size=1024 * 1024))
    assert (notice.file, notice.message, notice.hint) == (
        str(path), "the file is 2048.0 MiB, over the 1.0 MiB limit for files govern reads; "
        "not read", "raise max_file_size in the configuration, or exclude the file")


def test_a_fifo_tfvars_is_refused_not_waited_on(tmp_path: Path) -> None:
    scan(tmp_path, {"main.tf": 'variable "v" {}\n' + BUCKET % "tags = { a = var.v }"})
    os.mkfifo(tmp_path / "scan" / "bad" / "terraform.tfvars")
    notice = the_error(scan_again(tmp_path))
    assert notice.message == "not a regular file; not read"


def test_a_huge_module_manifest_is_not_read(tmp_path: Path) -> None:
    files = {"main.tf": 'module "m" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n'}
    scan(tmp_path, files)
    manifest = tmp_path / "scan" / "bad" / ".terraform" / "modules" / "modules.json"
    manifest.parent.mkdir(parents=True)
    with open(manifest, "wb") as handle:
        handle.truncate(TWO_GB)
    result = scan_again(tmp_path)
    [notice] = [n for n in result.notices if n.code == "module-manifest"]
    assert (notice.level, notice.file, notice.message) == (
        "warning", str(manifest), "the file is 2048.0 MiB, over the 5.0 MiB limit for files "
        "govern reads; not read; downloaded modules are not evaluated")


def test_a_huge_module_file_outside_the_tree_is_an_error(tmp_path: Path) -> None:
    module = tmp_path / "shared"
    module.mkdir()
    with open(module / "main.tf", "wb") as handle:
        handle.truncate(TWO_GB)
    result = scan(tmp_path, {"main.tf": 'module "m" {\n  source = "../../shared"\n}\n'})
    notice = the_error(result)
    assert (notice.file, notice.message) == (
        str(module / "main.tf"), "the file is 2048.0 MiB, over the 5.0 MiB limit for files "
        "govern reads; not read")


def test_run_scan_reports_the_sentinel_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "main.tf").write_text(BUCKET % "count = 1e9")
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "main.tf").write_text(SENTINEL)
    with alarm(60):
        report = run_scan(ScanOptions(paths=(str(tmp_path),))).report
    assert [(n.level, n.line, n.message) for n in report.notices if n.level == "error"] == [
        ("error", 3, "aws_s3_bucket.b: 1,000,000,000 instances exceeds govern's evaluation "
         "limit of 10,000")]
    assert "GOV-AWS-002" in {f.rule_id for f in report.findings
                            if f.resource_address == "aws_s3_bucket.sentinel"}


def test_where_a_path_leads_is_asked_once_per_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """realpath stats every component of a path: asked once per path and context, the
    verdict (inside the tree or not) is kept, and a path outside stays refused."""
    from govern.parsers.terraform.fn_base import FunctionContext, NotRead

    (tmp_path / "a.txt").write_text("a")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret")
    asked: list[str] = []
    real = os.path.realpath

    def counting(path: str, *args: object, **kwargs: object) -> str:
        asked.append(str(path))
        return real(path)

    monkeypatch.setattr(os.path, "realpath", counting)
    ctx = FunctionContext(base_dir=str(tmp_path), tree=real(tmp_path))
    for _ in range(3):
        assert ctx.read_text("a.txt") == "a"
        with pytest.raises(NotRead, match="outside the scanned tree"):
            ctx.read_text(str(outside))
    assert sorted(asked) == sorted([str(tmp_path / "a.txt"), str(outside)])
