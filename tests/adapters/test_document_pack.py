"""Document packs: entries compressed one by one, read one at a time."""

from __future__ import annotations

import pytest

from govern.adapters.document_pack import MAGIC, DamagedPack, DocumentPack, pack

ENTRIES = {
    f"Policy{n}": {"arn": f"arn:aws:iam::aws:policy/Policy{n}",
                   "document": {"Statement": [{"Action": [f"s3:Get{n}", "s3:List*"],
                                               "Effect": "Allow", "Resource": "*"}]}}
    for n in range(40)
}


def test_every_entry_reads_back_as_written() -> None:
    data = DocumentPack(pack(ENTRIES, {"updated": "2026-01-02"}))
    assert data.meta == {"updated": "2026-01-02"}
    assert len(data) == 40 and set(data.names()) == set(ENTRIES)
    for name, entry in ENTRIES.items():
        assert name in data
        assert data.get(name) == entry
    assert data.get("Policy40") is None and "Policy40" not in data


def test_the_same_entries_give_the_same_bytes() -> None:
    reordered = dict(reversed(list(ENTRIES.items())))
    assert pack(ENTRIES, {"a": 1}) == pack(reordered, {"a": 1})


def test_entries_share_a_dictionary_of_their_common_strings() -> None:
    packed = pack(ENTRIES, {})
    # each entry alone repeats "Statement", "Effect", "Allow", "Resource", "s3:List*"
    alone = sum(len(pack({name: entry}, {})) for name, entry in ENTRIES.items())
    assert len(packed) < alone / 2


@pytest.mark.parametrize("damage", [
    lambda b: b"not a pack" + b,
    lambda b: MAGIC + b"12x\n" + b[len(MAGIC):],
    lambda b: b[:len(MAGIC) + 20],
])
def test_a_damaged_header_is_an_error_of_its_own(damage: object) -> None:
    assert callable(damage)
    with pytest.raises(DamagedPack):
        DocumentPack(damage(pack(ENTRIES, {})))


def test_a_damaged_entry_is_an_error_of_its_own() -> None:
    data = bytearray(pack(ENTRIES, {}))
    data[-10:] = b"\x00" * 10  # the last entry (names sorted: Policy9)
    damaged = DocumentPack(bytes(data))
    assert damaged.get("Policy0") == ENTRIES["Policy0"]
    with pytest.raises(DamagedPack, match="Policy9"):
        damaged.get("Policy9")
