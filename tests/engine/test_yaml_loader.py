"""Safe YAML loading with line numbers and without duplicate keys."""

from __future__ import annotations

import pytest

from govern.engine.yaml_loader import load_yaml
from govern.errors import SourceError

TEXT = """\
id: GOV-AWS-001
check:
  all:
    - attr: a
      op: exists
    - any:
        - {attr: b, op: absent}
anchor: &x {q: 1}
alias: *x
"""


def test_value_and_lines() -> None:
    doc = load_yaml(TEXT, "r.yaml")
    assert doc.value == {"id": "GOV-AWS-001",
                         "check": {"all": [{"attr": "a", "op": "exists"},
                                           {"any": [{"attr": "b", "op": "absent"}]}]},
                         "anchor": {"q": 1}, "alias": {"q": 1}}
    assert doc.lines[("id",)] == 1
    assert doc.lines[("check", "all", 0)] == 4
    assert doc.lines[("check", "all", 0, "op")] == 5
    assert doc.lines[("check", "all", 1, "any", 0, "op")] == 7
    assert doc.lines[("alias",)] == 9
    assert doc.line(("check", "all", 1, "any", 0, "missing")) == 7
    assert doc.line(("nowhere",)) == 1


@pytest.mark.parametrize(("text", "rendered"), [
    ("a: 1\nb:\n  c: 2\n  c: 3\n", "r.yaml:4: duplicate key 'c' (first defined on line 3)"),
    ("a: [1\n", "r.yaml:2: invalid YAML: did not find expected ',' or ']' "
                "(while parsing a flow sequence on line 1)"),
    ("a: !Ref b\n", "r.yaml:1: invalid YAML: could not determine a constructor for the tag "
                    "'!Ref'"),
    ("a: !!python/object:os.system x\n",
     "r.yaml:1: invalid YAML: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object:os.system'"),
    ("1: one\n", "r.yaml:1: key '1' is read as int (quote it to make it a string)"),
    ("when: 1\non: true\n", "r.yaml:2: key 'on' is read as bool (quote it to make it a string)"),
    ("base: &b {a: 1}\nx:\n  <<: *b\n", "r.yaml:3: merge keys (<<) are not supported "
                                        "(write the keys out)"),
    ("a: &a [*a]\n", "r.yaml:1: recursive alias"),
    ("a: 1\n---\nb: 2\n", "r.yaml:2: invalid YAML: but found another document (expected a "
                          "single document in the stream on line 1)"),
    ("a: b\x07\n", "r.yaml:1: invalid YAML: control characters are not allowed "
                   "(remove character 0x7)"),
])
def test_errors(text: str, rendered: str) -> None:
    with pytest.raises(SourceError) as caught:
        load_yaml(text, "r.yaml")
    assert caught.value.render() == rendered


def test_empty_document() -> None:
    assert load_yaml("", "r.yaml").value is None
    assert load_yaml("# only a comment\n", "r.yaml").value is None
