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
    problem: str | None = None  # what else was wrong (a byte order mark that lies)

    @property
    def fell_back(self) -> bool:
        return self.bad_offset is not None or self.problem is not None

    def notice(self, path: str) -> Notice | None:
        """A warning naming what was not as its encoding says, or None."""
        if self.problem is not None:
            message = self.problem
        elif self.bad_offset is not None and self.bad_byte is not None:
            message = (f"not valid UTF-8 (byte 0x{self.bad_byte:02x} at offset "
                       f"{self.bad_offset}); read as {self.encoding}")
        else:
            return None
        return Notice("warning", message, file=path, line=self.bad_line,
                      hint="save the file as UTF-8", code="decode-fallback")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `data` reads as UTF-16 text without a byte order
    mark: among its first 32 characters at least half have a NUL high byte, always on the
    same side (text in a Latin script), else None. A stray NUL in a
    UTF-8 file is not enough: it stays UTF-8, and its parser reports it."""
    if len(data) < 2:
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


def _after_a_wrong_bom(data: bytes, bom: bytes, encoding: str,
                       exc: UnicodeDecodeError) -> Decoded:
    """`data` starts with the byte order mark `bom` of `encoding` but is not `encoding`
    (8-bit text behind a UTF-16/32 mark is handled before): after a UTF-8 mark, the usual
    fallback; else `encoding` with the units it cannot read replaced. Each says what was
    wrong."""
    name = _BOM_NAMES[encoding]
    rest = data[len(bom):]
    if encoding == "utf-8-sig":
        decoded = decode_bytes(rest)
        if decoded.bad_offset is None:  # pragma: no cover - the whole decoded as UTF-8
            return decoded
        return Decoded(decoded.text, decoded.encoding, decoded.bad_line,
                       decoded.bad_offset + len(bom), decoded.bad_byte)
    line = data[:exc.start].decode(encoding, errors="replace").count("\n") + 1
    return Decoded(data.decode(encoding, errors="replace"), encoding, line, exc.start,
                   data[exc.start], problem=(
                       f"not valid {name} (offset {exc.start}: {exc.reason}); read as "
                       f"{name} with the units it could not read replaced"))


_SHOWN = {"utf-8": "UTF-8"}
_BOM_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


def decode_bytes(data: bytes) -> Decoded:
    """The text of `data`; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            rest = data[len(bom):]
            if encoding in ("utf-16", "utf-32") and rest and b"\x00" not in rest:
                # UTF-16/32 text in a Latin script has NUL bytes: 8-bit text behind a
                # wrong mark (UTF-8, or the usual fallback)
                inner = decode_bytes(rest)
                what = "UTF-8" if inner.encoding == "utf-8" else "text that is not UTF-8"
                return Decoded(inner.text, inner.encoding, 1, problem=(
                    f"starts with a {_BOM_NAMES[encoding]} byte order mark but holds "
                    f"{what}; read as {_SHOWN.get(inner.encoding, inner.encoding)}"))
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                return _after_a_wrong_bom(data, bom, encoding, exc)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError as exc:  # an odd length, or a lone surrogate
            return Decoded(data.decode(utf16, errors="replace"), utf16, None, exc.start,
                           data[exc.start], problem=(
                               f"not valid {utf16.upper()} (offset {exc.start}: "
                               f"{exc.reason}); read with what it could not read replaced"))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        # cp1252 leaves five bytes unmapped: keep them visible, never drop a character
        return Decoded(text.replace("\ufffd", "?"), FALLBACK_ENCODING, line, exc.start,
                       data[exc.start])
