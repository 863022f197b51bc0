"""Bytes of an input file to text, the same way for every format.

UTF-8 (with or without a byte order mark), UTF-16 and UTF-32 with a byte order mark, and
UTF-16 without one (half the first characters with a NUL high byte, on one side) are
decoded as such. Anything
else that is not valid UTF-8 (a Latin-1 "é" in a Description) is decoded as Windows-1252,
which maps every byte, and the result says so: the file is still judged, and the scan says
which byte was not UTF-8 (fail closed: never skipped in silence).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from govern.model.finding import Notice

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
FALLBACK_ENCODING = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """The text of a file, and where the fallback was used: the 1-based line and byte
    offset of the first byte that is not UTF-8 (None when the file decoded cleanly)."""

    text: str
    encoding: str
    bad_line: int | None = None
    bad_offset: int | None = None
    bad_byte: int | None = None

    @property
    def fell_back(self) -> bool:
        return self.bad_offset is not None

    def notice(self, path: str) -> Notice | None:
        """A warning naming the first byte that was not UTF-8, or None."""
        if self.bad_offset is None or self.bad_byte is None:
            return None
        return Notice("warning", f"not valid UTF-8 (byte 0x{self.bad_byte:02x} at offset "
                      f"{self.bad_offset}); read as {self.encoding}", file=path,
                      line=self.bad_line, hint="save the file as UTF-8",
                      code="decode-fallback")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `data` reads as UTF-16 text without a byte order
    mark: an even length, and among its first 32 characters at least half have a NUL high
    byte, always on the same side (text in a Latin script), else None. A stray NUL in a
    UTF-8 file is not enough: it stays UTF-8, and its parser reports it."""
    if len(data) < 2 or len(data) % 2:
        return None
    head = data[:64]
    pairs = len(head) // 2
    low_zeros = sum(1 for i in range(0, 2 * pairs, 2) if head[i] == 0)
    high_zeros = sum(1 for i in range(1, 2 * pairs, 2) if head[i] == 0)
    if high_zeros * 2 >= pairs and low_zeros == 0:
        return "utf-16-le"
    if low_zeros * 2 >= pairs and high_zeros == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """The text of `data`; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        # cp1252 leaves five bytes unmapped: keep them visible, never drop a character
        return Decoded(text.replace("\ufffd", "?"), FALLBACK_ENCODING, line, exc.start,
                       data[exc.start])
