"""A file of many JSON documents, each read alone: the shipped AWS managed policies.

One gzipped JSON file of every AWS managed policy cost about 35 ms to decompress and parse
on first use, a fifth of a one-file scan that attaches one managed policy. Here each entry
is compressed on its own (zlib, with a shared preset dictionary of the strings the entries
use most, so the file stays near the size of the gzipped whole), after an index of where
each one lies: a scan reads the small index and inflates only the entries it asks for.

Layout (all offsets from the end of the header):

    govern-document-pack/1\\n
    <header length, decimal>\\n
    <header: JSON {"meta": {...}, "dictionary": [offset, length],
                   "entries": {name: [offset, length], ...}}>
    <dictionary bytes><entry bytes>...

`pack` writes it (scripts/update_aws_managed_policies.py), `DocumentPack` reads it. The
same entries give the same bytes.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

MAGIC = b"govern-document-pack/1\n"
_DICTIONARY_SIZE = 32 * 1024  # zlib's window: a longer preset dictionary is not used
_STRING = re.compile(r'"[^"\\]{3,80}"[:,\]}]?')


class DamagedPack(ValueError):
    """The bytes are not a document pack, or an entry does not inflate to JSON."""


def pack(entries: Mapping[str, Any], meta: Mapping[str, Any]) -> bytes:
    """The pack of `entries` (name -> JSON-serialisable value), with `meta` in its header."""
    texts = {name: _text(value) for name, value in sorted(entries.items())}
    dictionary = _dictionary(texts.values())
    body = bytearray(dictionary)
    index: dict[str, list[int]] = {}
    for name, text in texts.items():
        squeezer = zlib.compressobj(9, zdict=dictionary)
        blob = squeezer.compress(text) + squeezer.flush()
        index[name] = [len(body), len(blob)]
        body += blob
    header = _text({"meta": dict(meta), "dictionary": [0, len(dictionary)],
                    "entries": index})
    return MAGIC + b"%d\n" % len(header) + header + bytes(body)


class DocumentPack:
    """The entries of a pack, inflated one at a time on demand."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            raise DamagedPack("not a govern document pack")
        start = len(MAGIC)
        line_end = data.find(b"\n", start)
        try:
            size = int(data[start:line_end])
            header = json.loads(data[line_end + 1:line_end + 1 + size])
            offset, length = header["dictionary"]
            self.meta: dict[str, Any] = dict(header["meta"])
            self._index: dict[str, list[int]] = header["entries"]
        except (ValueError, TypeError, KeyError) as error:
            raise DamagedPack(f"damaged header: {error}") from None
        self._body = memoryview(data)[line_end + 1 + size:]
        self._dictionary = bytes(self._body[offset:offset + length])

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def __len__(self) -> int:
        return len(self._index)

    def names(self) -> Iterator[str]:
        return iter(self._index)

    def get(self, name: str) -> Any:
        """The entry `name`, parsed; None when the pack has none of that name."""
        where = self._index.get(name)
        if where is None:
            return None
        offset, length = where
        try:
            inflater = zlib.decompressobj(zdict=self._dictionary)
            text = inflater.decompress(self._body[offset:offset + length]) + inflater.flush()
            return json.loads(text)
        except (zlib.error, ValueError) as error:
            raise DamagedPack(f"damaged entry {name}: {error}") from None


def _text(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def _dictionary(texts: Any) -> bytes:
    """A preset dictionary: the quoted strings that save the most bytes (count x length),
    the most valuable last (zlib finds the nearest match first), ties by the string."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_STRING.findall(text.decode()))
    ranked = sorted(counts.items(), key=lambda item: (-item[1] * len(item[0]), item[0]))
    chosen: list[bytes] = []
    size = 0
    for string, count in ranked:
        if count < 2:
            break
        encoded = string.encode()
        if size + len(encoded) > _DICTIONARY_SIZE:
            continue
        chosen.append(encoded)
        size += len(encoded)
    return b"".join(reversed(chosen))
