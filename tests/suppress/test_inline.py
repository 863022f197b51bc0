"""The comment readers alone."""

from __future__ import annotations

from govern.suppress.comments import Comment, terraform_comments, yaml_comments


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
