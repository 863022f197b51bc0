"""Reading template and parameter files: bytes -> text, the same way for every format
(`govern.parsers.decoding`): a file that is not UTF-8 is read as Windows-1252, and a
warning names the first byte that was not UTF-8 (never skipped in silence)."""

from __future__ import annotations

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.decoding import decode_bytes


def read_text(path: str, notices: list[Notice] | None = None) -> str:
    """The text of `path`; the decoding warning goes to `notices` when given. Raises
    SourceError when the file cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from None
    decoded = decode_bytes(data)
    notice = decoded.notice(path)
    if notice is not None and notices is not None:
        notices.append(notice)
    return decoded.text
