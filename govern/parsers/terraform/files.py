"""Read one Terraform configuration file, native or JSON syntax, chosen by its suffix."""

from __future__ import annotations

from govern.errors import SourceError
from govern.parsers.terraform.hcl_ast import ConfigFile
from govern.parsers.terraform.hcl_json import parse_tf_json, parse_tfvars_json
from govern.parsers.terraform.hcl_parser import parse_hcl

SUFFIXES = (".tf", ".tfvars", ".tf.json", ".tfvars.json")


def read_text(path: str) -> str:
    """The file as text: UTF-8, a leading byte order mark dropped."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}", path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                          path, line, "Terraform files must be saved as UTF-8") from None


def parse_config_file(path: str) -> ConfigFile:
    """Parse a `.tf`, `.tfvars`, `.tf.json` or `.tfvars.json` file."""
    if path.endswith(".tf.json"):
        return parse_tf_json(read_text(path), path)
    if path.endswith(".tfvars.json"):
        return parse_tfvars_json(read_text(path), path)
    if path.endswith((".tf", ".tfvars")):
        return parse_hcl(read_text(path), path)
    raise SourceError("not a Terraform configuration file", path, None,
                      f"expected one of the suffixes {', '.join(SUFFIXES)}")
