"""Paths not to scan: gitignore-style patterns (`exclude`, `GOVERN_EXCLUDE`, `--skip-path`),
matched by where a path is, however it was spelled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govern.discover import discover
from govern.skip_paths import PathFilter, SkipPattern, patterns

TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """app/main.tf, app/main.test.tf, vendor/x/main.tf, examples/main.tf,
    app/examples/main.tf, keep/old.bak.tf; the working directory is the repository."""
    for name in ("app/main.tf", "app/main.test.tf", "vendor/x/main.tf", "examples/main.tf",
                 "app/examples/main.tf", "keep/old.bak.tf", "keep/new.tf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TF)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def scanned(repo: Path, paths: list[str], given: list[str], base: str = ".") -> list[str]:
    """The Terraform files discovery lets the parsers read, relative to `repo`."""
    found = discover(paths, skip=PathFilter(patterns(given, base, "cli --skip-path")))
    out = []
    for directory in found.terraform_dirs:
        for name in sorted(os.listdir(directory)):
            path = os.path.normpath(os.path.join(directory, name))
            if name.endswith(".tf") and path not in found.terraform_skip:
                out.append(os.path.relpath(os.path.abspath(path), repo))
    return sorted(out)


ALL = ["app/examples/main.tf", "app/main.test.tf", "app/main.tf", "examples/main.tf",
       "keep/new.tf", "keep/old.bak.tf", "vendor/x/main.tf"]


@pytest.mark.parametrize("spelled", [".", "./", "./.", "{repo}", "{repo}/", "../{name}"])
def test_the_same_patterns_however_the_path_is_spelled(repo: Path, spelled: str) -> None:
    path = spelled.format(repo=repo, name=repo.name)
    assert scanned(repo, [path], []) == ALL
    assert scanned(repo, [path], ["vendor/", "*.test.tf", "/examples"]) == [
        "app/examples/main.tf", "app/main.tf", "keep/new.tf", "keep/old.bak.tf"]


def test_a_subdirectory_named_to_scan_keeps_the_patterns_anchored_to_the_base(
        repo: Path) -> None:
    # `/examples` is the top-level examples only; `examples/` any of them
    assert scanned(repo, ["./app"], ["/examples"]) == [
        "app/examples/main.tf", "app/main.test.tf", "app/main.tf"]
    assert scanned(repo, ["app/"], ["examples/"]) == ["app/main.test.tf", "app/main.tf"]
    assert scanned(repo, [str(repo / "app")], ["app/main.tf"]) == [
        "app/examples/main.tf", "app/main.test.tf"]


def test_negation_keeps_a_file_an_earlier_pattern_skipped(repo: Path) -> None:
    assert scanned(repo, ["keep"], ["*.tf", "!new.tf"]) == ["keep/new.tf"]


def test_patterns_of_a_configuration_file_are_relative_to_its_directory(repo: Path) -> None:
    # anchored: app/main.tf only; paths outside app/ are matched below the scanned path
    assert scanned(repo, ["."], ["/main.tf"], base="app") == [
        "app/examples/main.tf", "app/main.test.tf", "examples/main.tf", "keep/new.tf",
        "keep/old.bak.tf", "vendor/x/main.tf"]
    assert scanned(repo, ["."], ["/examples/"], base="app") == [
        "app/main.test.tf", "app/main.tf", "keep/new.tf", "keep/old.bak.tf",
        "vendor/x/main.tf"]
    assert scanned(repo, ["app"], ["examples/main.tf"], base="app") == [
        "app/main.test.tf", "app/main.tf"]


def test_outside_the_base_a_path_is_matched_below_the_scanned_path(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = repo.parent / f"{repo.name}-elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    found = discover([str(repo)], skip=PathFilter(patterns(["vendor/", "app"], ".", "cli")))
    assert sorted(os.path.relpath(d, repo) for d in found.terraform_dirs) == [
        "examples", "keep"]


def test_an_absolute_path_as_a_pattern_names_that_path(repo: Path) -> None:
    assert patterns([str(repo / "vendor")], "/elsewhere", "cli") == (
        SkipPattern("/vendor", str(repo), "cli"),)
    assert "vendor/x/main.tf" not in scanned(repo, ["."], [str(repo / "vendor/")])
    # a leading slash that names no path of the file system anchors the pattern
    assert patterns(["/vendor"], ".", "cli") == (SkipPattern("/vendor", str(repo), "cli"),)


def test_a_path_named_to_scan_that_a_pattern_skips_is_noted(repo: Path) -> None:
    found = discover(["app/main.test.tf", "app/main.tf"],
                     skip=PathFilter(patterns(["*.test.tf"], ".", "cli --skip-path")))
    [note] = [n for n in found.notices if n.code == "excluded"]
    assert (note.level, note.file) == ("note", "app/main.test.tf")
    assert note.message == ("matches the pattern '*.test.tf' of paths not to scan "
                            "(cli --skip-path); not scanned")
    assert found.terraform_dirs == ["app"]


def test_no_pattern_no_pathspec(repo: Path) -> None:
    empty = PathFilter(())
    assert not empty and not empty.skipped("app/main.tf", False, ".")
