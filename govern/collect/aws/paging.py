"""Listings the live AWS readers follow themselves: operations botocore cannot paginate
(a `NextToken` or a marker), items under a nested key, tag listings, and requests that
take a limited number of names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from govern.collect.aws.listings import Malformed, items_at
from govern.collect.aws.reader import REPEATED_TOKEN, Failed, Reader, action_prefix
from govern.collect.aws.values import Tags, tag_map
from govern.model.unknown import Unknown


def listed(answer: Iterator[Any] | Failed) -> Iterator[Any]:
    """The items of a listing; none when it failed (the Reader reports it)."""
    return iter(()) if isinstance(answer, Failed) else answer


def token_pages(reader: Reader, client: Any, operation: str, subject: str, key: str,
                absent: frozenset[str] = frozenset(), **params: Any) -> list[Any] | Failed:
    """Every item under `key` of an operation, following `NextToken` (for operations
    botocore has no paginator for, or whose errors `absent` must read as "none"); a map
    under `key` (such as Backup's `Tags`) gives its `(key, value)` pairs. Failed when a
    page cannot be read, is malformed, or names a token already followed (no partial
    list)."""
    items: list[Any] = []
    seen: set[str] = set()
    prefix = action_prefix(client)
    extra: dict[str, Any] = {}
    while True:
        answer = reader.call(client, operation, subject, absent, **params, **extra)
        if isinstance(answer, Failed):
            return answer
        answer = answer or {}
        found = answer.get(key)
        try:
            items.extend(found.items() if isinstance(found, dict)
                         else items_at(answer, key, prefix, operation))
        except Malformed as exc:
            return reader.fail(client, operation, subject, f"malformed answer: {exc}")
        token = answer.get("NextToken")
        if not token:
            return items
        failed = _next(reader, client, operation, subject, token, seen)
        if failed is not None:
            return failed
        extra = {"NextToken": token}


def _next(reader: Reader, client: Any, operation: str, subject: str, token: Any,
          seen: set[str]) -> Failed | None:
    """Failed when `token` is not text or was followed before; else remembers it."""
    if not isinstance(token, str):
        return reader.fail(client, operation, subject, "malformed answer: a pagination "
                           f"token that is a {type(token).__name__}")
    if token in seen:
        return reader.fail(client, operation, subject, REPEATED_TOKEN)
    seen.add(token)
    return None


def dig(answer: Any, path: tuple[str, ...]) -> Any:
    """The value at `path` of nested dicts, None when a key is missing."""
    for key in path:
        if not isinstance(answer, dict):
            return None
        answer = answer.get(key)
    return answer


def marker_pages(reader: Reader, client: Any, operation: str, subject: str,
                 items: tuple[str, ...], marker: tuple[str, tuple[str, ...]],
                 absent: frozenset[str] = frozenset(),
                 **params: Any) -> list[Any] | Failed | None:
    """Every item at `items` of every answer, following the marker: `marker` is the request
    parameter and the path of the next marker in the answer. None when the call answers one
    of the `absent` codes; Failed when a page cannot be read, holds something else than a
    list at `items`, or names a marker already followed (no partial list)."""
    parameter, next_path = marker
    found: list[Any] = []
    seen: set[str] = set()
    token: Any = None
    while True:
        page = dict(params, **{parameter: token}) if token else params
        answer = reader.call(client, operation, subject, absent, **page)
        if answer is None and not found:
            return None
        if not isinstance(answer, dict):
            return answer if isinstance(answer, Failed) else found
        listed_here = dig(answer, items)
        if listed_here is not None and not isinstance(listed_here, list):
            return reader.fail(client, operation, subject, "malformed answer: "
                               f"{'.'.join(items)} is a {type(listed_here).__name__}")
        found.extend(listed_here or [])
        token = dig(answer, next_path)
        if not token:
            return found
        failed = _next(reader, client, operation, subject, token, seen)
        if failed is not None:
            return failed


def paged_tags(reader: Reader, client: Any, operation: str, arn: str,
               convert: Callable[[Any], Tags] = tag_map, **params: Any) -> Tags | Unknown:
    """The tags of `arn` from a paginated `operation` answering under `Tags`; Unknown
    when the call fails."""
    answer = reader.pages(client, operation, arn, "Tags", **params)
    if isinstance(answer, Failed):
        return answer.unknown
    return convert(list(answer))


def in_batches(names: list[str], size: int) -> Iterable[list[str]]:
    """`names` in consecutive lists of at most `size` (for calls taking a few names)."""
    for start in range(0, len(names), size):
        yield names[start:start + size]
