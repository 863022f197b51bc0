from __future__ import annotations

from pathlib import Path

import pytest

from govern.report.paths import (
    SRCROOT,
    ArtifactUri,
    artifact_uri,
    display_path,
    is_remote,
    relative_to_root,
    root_uri,
)

ROOT = "/srv/repo"


@pytest.mark.parametrize(("file", "expected"), [
    ("/srv/repo/main.tf", "main.tf"),
    ("/srv/repo/modules/net/main.tf", "modules/net/main.tf"),
    ("/srv/repo/./modules/../main.tf", "main.tf"),
    ("/srv/repo2/main.tf", None),  # a sibling sharing the prefix is outside
    ("/srv/main.tf", None),
    ("/opt/x.tf", None),
    ("git::https://example.com/net.git//main.tf", None),
    ("", None),
])
def test_relative_to_root(file: str, expected: str | None) -> None:
    assert relative_to_root(file, ROOT) == expected
    assert relative_to_root(file, ROOT + "/") == expected


def test_relative_paths_are_taken_from_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    root = str(tmp_path / "repo")
    assert relative_to_root("modules/net/main.tf", root) == "modules/net/main.tf"
    assert relative_to_root("./main.tf", root) == "main.tf"
    assert relative_to_root("../other/main.tf", root) is None
    assert display_path("../other/main.tf", root) == "../other/main.tf"
    assert artifact_uri("../other/main.tf", root) == ArtifactUri(
        (tmp_path / "other" / "main.tf").as_uri(), None)
    # the root itself may be given relative to the working directory too
    monkeypatch.chdir(tmp_path)
    assert relative_to_root("repo/main.tf", "repo") == "main.tf"


@pytest.mark.parametrize(("file", "expected"), [
    ("/srv/repo/main.tf", "main.tf"),
    ("/opt/shared/main.tf", "/opt/shared/main.tf"),
    ("git::https://example.com/net.git//main.tf", "git::https://example.com/net.git//main.tf"),
    ("C:\\work\\main.tf", "C:/work/main.tf"),  # outside root: as given, forward slashes
])
def test_display_path(file: str, expected: str, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the Windows-style path is relative on POSIX
    assert display_path(file, ROOT) == expected


@pytest.mark.parametrize(("file", "remote"), [
    ("git::https://example.com/net.git", True),
    ("s3::https://s3.amazonaws.com/bucket/net.zip", True),
    ("https://example.com/module.zip", True),
    ("main.tf", False),
    ("/srv/repo/main.tf", False),
    ("modules/a::b/main.tf", False),
])
def test_is_remote(file: str, remote: bool) -> None:
    assert is_remote(file) is remote


def test_artifact_uri_inside_root_is_relative_to_srcroot_and_percent_encoded() -> None:
    assert artifact_uri("/srv/repo/main.tf", ROOT) == ArtifactUri("main.tf", SRCROOT)
    assert artifact_uri("/srv/repo/my net/[x]#1.tf", ROOT) == ArtifactUri(
        "my%20net/%5Bx%5D%231.tf", SRCROOT)


def test_artifact_uri_outside_root_is_an_absolute_file_uri_never_dotdot() -> None:
    uri = artifact_uri("/srv/other/main.tf", ROOT)
    assert uri == ArtifactUri("file:///srv/other/main.tf", None)
    assert uri is not None and ".." not in uri.uri
    assert artifact_uri("/opt/my net/x.tf", ROOT) == ArtifactUri(
        "file:///opt/my%20net/x.tf", None)


def test_artifact_uri_of_a_remote_source_is_none() -> None:
    assert artifact_uri("git::https://example.com/net.git//main.tf", ROOT) is None
    assert artifact_uri("", ROOT) is None


def test_root_uri_ends_with_a_slash() -> None:
    assert root_uri("/srv/repo") == "file:///srv/repo/"
    assert root_uri("/srv/repo/") == "file:///srv/repo/"
    assert root_uri("/srv/my repo") == "file:///srv/my%20repo/"
    assert root_uri("/") == "file:///"
