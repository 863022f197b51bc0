"""Numeric functions, number/bool conversions and IP network functions."""

from __future__ import annotations

import ipaddress
import math
from typing import Any

from govern.parsers.budget import BudgetExceeded
from govern.parsers.terraform.fn_base import (
    FunctionContext,
    FunctionSpec,
    arg_int,
    arg_num,
    arg_str,
    fixed,
    variadic,
)
from govern.parsers.terraform.values import DIGITS, EvalError, normalize_number, to_bool, to_number

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _abs(args: list[Any], ctx: FunctionContext) -> Any:
    return abs(arg_num(args[0]))


def _ceil(args: list[Any], ctx: FunctionContext) -> Any:
    return math.ceil(arg_num(args[0]))


def _floor(args: list[Any], ctx: FunctionContext) -> Any:
    return math.floor(arg_num(args[0]))


def _min(args: list[Any], ctx: FunctionContext) -> Any:
    return min(arg_num(a, "min argument") for a in args)


def _max(args: list[Any], ctx: FunctionContext) -> Any:
    return max(arg_num(a, "max argument") for a in args)


def _pow(args: list[Any], ctx: FunctionContext) -> Any:
    return normalize_number(float(arg_num(args[0])) ** arg_num(args[1]))


def _log(args: list[Any], ctx: FunctionContext) -> Any:
    return normalize_number(math.log(arg_num(args[0]), arg_num(args[1])))


def _signum(args: list[Any], ctx: FunctionContext) -> Any:
    number = arg_num(args[0])
    return (number > 0) - (number < 0)


def _parseint(args: list[Any], ctx: FunctionContext) -> Any:
    text, base = arg_str(args[0]), arg_int(args[1], "base")
    if not 2 <= base <= 62:
        raise EvalError("parseint: base must be between 2 and 62")
    if len(text) > DIGITS:
        raise BudgetExceeded(f"a number of {len(text):,} digits", DIGITS, "parseint()")
    try:
        return int(text, base)
    except ValueError:
        raise EvalError(f"parseint: cannot parse {text!r} as a base {base} integer") from None


def _tonumber(args: list[Any], ctx: FunctionContext) -> Any:
    return None if args[0] is None else to_number(args[0])


def _tobool(args: list[Any], ctx: FunctionContext) -> Any:
    return None if args[0] is None else to_bool(args[0])


# ----- networks ------------------------------------------------------------------------


def _network(value: Any) -> Network:
    text = arg_str(value, "prefix")
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise EvalError(f"invalid CIDR prefix {text!r}") from None


def subnet(network: Network, newbits: int, netnum: int) -> Network:
    new_prefix = network.prefixlen + newbits
    if newbits < 0 or new_prefix > network.max_prefixlen:
        raise EvalError(f"cannot extend prefix /{network.prefixlen} by {newbits} bits")
    if netnum < 0 or netnum >= 2**newbits:
        raise EvalError(f"netnum {netnum} does not fit in {newbits} bits")
    base = int(network.network_address) + (netnum << (network.max_prefixlen - new_prefix))
    return ipaddress.ip_network((base, new_prefix))


def _cidrsubnet(args: list[Any], ctx: FunctionContext) -> Any:
    network = _network(args[0])
    return str(subnet(network, arg_int(args[1], "newbits"), arg_int(args[2], "netnum")))


def _cidrsubnets(args: list[Any], ctx: FunctionContext) -> Any:
    network = _network(args[0])
    out: list[str] = []
    current = int(network.network_address)
    for arg in args[1:]:
        newbits = arg_int(arg, "newbits")
        new_prefix = network.prefixlen + newbits
        if newbits < 1 or new_prefix > network.max_prefixlen:
            raise EvalError(f"cannot extend prefix /{network.prefixlen} by {newbits} bits")
        size = 1 << (network.max_prefixlen - new_prefix)
        current = (current + size - 1) // size * size
        child = ipaddress.ip_network((current, new_prefix))
        if not child.subnet_of(network):  # type: ignore[arg-type]
            raise EvalError("cidrsubnets: not enough space in the prefix")
        out.append(str(child))
        current += size
    return out


def _cidrhost(args: list[Any], ctx: FunctionContext) -> Any:
    network = _network(args[0])
    hostnum = arg_int(args[1], "hostnum")
    size = network.num_addresses
    if hostnum < 0:
        hostnum += size
    if not 0 <= hostnum < size:
        raise EvalError(f"host number {args[1]} does not fit in {network}")
    return str(network.network_address + hostnum)


def _cidrnetmask(args: list[Any], ctx: FunctionContext) -> Any:
    network = _network(args[0])
    if network.version != 4:
        raise EvalError("cidrnetmask: only IPv4 prefixes have a netmask")
    return str(network.netmask)


FUNCTIONS: dict[str, FunctionSpec] = {
    "abs": fixed(_abs, 1),
    "ceil": fixed(_ceil, 1),
    "floor": fixed(_floor, 1),
    "min": variadic(_min, 1),
    "max": variadic(_max, 1),
    "pow": fixed(_pow, 2),
    "log": fixed(_log, 2),
    "signum": fixed(_signum, 1),
    "parseint": fixed(_parseint, 2),
    "tonumber": fixed(_tonumber, 1),
    "tobool": fixed(_tobool, 1),
    "cidrsubnet": fixed(_cidrsubnet, 3),
    "cidrsubnets": variadic(_cidrsubnets, 1),
    "cidrhost": fixed(_cidrhost, 2),
    "cidrnetmask": fixed(_cidrnetmask, 1),
}
