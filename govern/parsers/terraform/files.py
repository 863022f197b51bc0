"""Read one Terraform configuration file, native or JSON syntax, chosen by its suffix.

Every file is size-checked before it is read (a sparse 2 GB file is never read): the
scan's `max_file_size` when the caller passes it, else `SIDE_FILE_LIMIT` (5 MiB). Bytes
that are not UTF-8 are decoded with the shared fallback (`govern.parsers.decoding`) and
the file is still judged, with a warning naming the first such byte.
"""

from __future__ import annotations

import os
import stat

from govern.errors import SourceError
from govern.parsers.decoding import decode_bytes
from govern.parsers.terraform.hcl_ast import ConfigFile
from govern.parsers.terraform.hcl_json import parse_tf_json, parse_tfvars_json
from govern.parsers.terraform.hcl_parser import parse_hcl

SUFFIXES = (".tf", ".tfvars", ".tf.json", ".tfvars.json")
SIDE_FILE_LIMIT = 5 * 1024 * 1024  # when the scan's max_file_size is not known


def size_error(path: str, size: int, limit: int) -> SourceError:
    return SourceError(f"the file is {size / 1048576:.1f} MiB, over the {limit / 1048576:.1f} "
                       "MiB limit for files govern reads; not read", path, None,
                       "raise max_file_size in the configuration, or exclude the file")


def read_bytes(path: str, limit: int | None = SIDE_FILE_LIMIT) -> bytes:
    """The bytes of a regular file no larger than `limit` (checked before reading; a FIFO
    or device is refused, never waited on). `None`: no limit."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise SourceError("not a regular file; not read", path, None,
                              "govern reads regular files only")
        if limit is not None and status.st_size > limit:
            raise size_error(path, status.st_size, limit)
        with open(path, "rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}", path) from None
    if limit is not None and len(data) > limit:  # grew while being read
        raise size_error(path, len(data), limit)
    return data


def read_text(path: str, limit: int | None = None) -> str:
    """The file as strict UTF-8 text, a leading byte order mark dropped (plan JSON)."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                          path, line, "Terraform files must be saved as UTF-8") from None


def parse_config_file(path: str, limit: int = SIDE_FILE_LIMIT) -> ConfigFile:
    """Parse a `.tf`, `.tfvars`, `.tf.json` or `.tfvars.json` file (decoded with the
    fallback; its warning, if any, in `ConfigFile.notices`)."""
    if not path.endswith(SUFFIXES):
        raise SourceError("not a Terraform configuration file", path, None,
                          f"expected one of the suffixes {', '.join(SUFFIXES)}")
    decoded = decode_bytes(read_bytes(path, limit))
    text = decoded.text
    if path.endswith(".tf.json"):
        config = parse_tf_json(text, path)
    elif path.endswith(".tfvars.json"):
        config = parse_tfvars_json(text, path)
    else:
        config = parse_hcl(text, path)
    notice = decoded.notice(path)
    return config if notice is None else ConfigFile(config.path, config.body, (notice,))
