"""The comment readers alone, and which files are read for suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.suppress.comments import (
    Comment,
    hcl_block_end,
    terraform_comments,
    yaml_block_end,
    yaml_comments,
)


def test_terraform_comments_skip_strings_and_heredocs() -> None:
    text = '''\
# one
# two
resource "x" "y" {
  a = "# not a comment"  // trailing
  policy = <<EOF
# inside a heredoc
EOF
  /* block
     over lines */
  b = 1
}
'''
    assert terraform_comments(text) == [
        Comment(" one", 1, 3), Comment(" two", 2, 3), Comment(" trailing", 4, 4, trailing=True),
        Comment(" block      over lines ", 8, 10),
    ]


def test_yaml_comments_skip_quoted_hashes() -> None:
    text = '''\
Resources:
  # above
  A:  # trailing
    Name: "x # y"
    Other: a#b
'''
    assert yaml_comments(text) == [Comment(" above", 2, 3),
                                   Comment(" trailing", 3, 3, trailing=True)]


def test_hcl_block_end_skips_brackets_in_strings_comments_and_heredocs() -> None:
    lines = """\
resource "x" "y" {
  name = "}{"  # }
  ports = [
    22,
  ]
  policy = <<EOT
}
EOT
  /* { */
  tags = { a = "b" }
}
after = 1
""".splitlines()
    assert hcl_block_end(lines, 1) == 11
    assert hcl_block_end(lines, 2) == 2  # an attribute on one line
    assert hcl_block_end(lines, 3) == 5  # a list over lines
    assert hcl_block_end(lines, 10) == 10
    assert hcl_block_end(lines[:4], 1) == 4  # unclosed: to the end of the file


def test_yaml_block_end_is_the_last_deeper_line_of_code() -> None:
    lines = """\
Resources:
  A:
    Type: x
    Properties:
      - one: 1
        two: 2
      # a comment below is not part of it

      - three: 3
  B:
    Type: y
""".splitlines()
    assert yaml_block_end(lines, 2) == 9
    assert yaml_block_end(lines, 5) == 6  # a list item and its own keys
    assert yaml_block_end(lines, 3) == 3
    assert yaml_block_end(lines, 10) == 11


def test_only_files_holding_a_marker_are_read_for_suppressions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The word "governing" of a licence header is no marker: such a template is not read
    a second time; govern's comment and metadata key are."""
    from govern.suppress import inline

    read: list[str] = []
    monkeypatch.setattr(inline, "_from_cloudformation",
                        lambda path, ids, found, text: read.append(Path(path).name))
    body = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
    files = {"licence.yaml": "# the License governing permissions and limitations\n" + body,
             "comment.yaml": body + "    # govern:ignore GOV-AWS-001 reason=\"x\"\n",
             "metadata.yaml": body + "    Metadata:\n      govern:\n        ignore: []\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    inline.collect([str(tmp_path / name) for name in files], [])
    assert sorted(read) == ["comment.yaml", "metadata.yaml"]


@pytest.mark.parametrize(("text", "expected"), [
    ("# govern:ignore GOV-AWS-001", True),
    ("#govern:ignore GOV-AWS-001", True),
    ("x_govern:ignore", True),  # govern's comment is read wherever it stands
    ('"Metadata": {"govern": {"ignore": []}}', True),
    ("Metadata:\n  govern :\n", True),
    ("mygovern: 1", False),  # a key that only ends in "govern"
    ("under_govern: 1", False),
    ("the License governing permissions", False),
    ("governance: strict", False),
    ("", False),
])
def test_govern_marker_is_exact(text: str, expected: bool) -> None:
    from govern.suppress.inline import _has_govern_marker

    assert _has_govern_marker(text) is expected
