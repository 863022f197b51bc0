"""What the members of a Google IAM grant are: `member_types` (the principal type of each
member), `default_service_account` (whether one is a default service account) and
`consumer_account` (whether one is a personal Google account, `user:...@gmail.com`).

A member is `<type>:<identifier>` (`user:a@example.com`, `serviceAccount:...`,
`group:...`, `domain:...`, `principal://...`, `deleted:user:...`) or a bare
`allUsers` / `allAuthenticatedUsers`, which is then its own type. A member known only in
part (`"serviceAccount:${google_service_account.app.email}"`) has the type its known
prefix says. A whole member read from another resource is the `member` of a
`google_service_account` or of the data sources of the default service accounts (the only
attributes of theirs that are members): type `serviceAccount`.

The default service accounts are the Compute Engine one
(`<project number>-compute@developer.gserviceaccount.com`) and the App Engine one
(`<project id>@appspot.gserviceaccount.com`), also when their email or member is read
from `data.google_compute_default_service_account` or
`data.google_app_engine_default_service_account`. A `google_service_account` of the
configuration is not one.
"""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.reading import resource_type_of
from govern.model.unknown import PartialString, Unknown

_TYPE = re.compile(r"^([A-Za-z]+):")
_BARE = ("allUsers", "allAuthenticatedUsers")
_DEFAULT_EMAIL = re.compile(
    r"(-compute@developer\.gserviceaccount\.com|@appspot\.gserviceaccount\.com)\Z")
_DEFAULT_SOURCES = ("data.google_compute_default_service_account",
                    "data.google_app_engine_default_service_account")
_ACCOUNT_SOURCES = ("google_service_account", *_DEFAULT_SOURCES)
# The domains of consumer (personal) Google accounts: Gmail's two.
_CONSUMER_EMAIL = re.compile(r"@(gmail|googlemail)\.com\s*\Z", re.IGNORECASE)


def _source(value: Unknown) -> str:
    return resource_type_of(value.ref) if value.ref else ""


def member_type(member: Any) -> Any:
    """The principal type of one member, or an Unknown."""
    if isinstance(member, str):
        if member in _BARE:
            return member
        match = _TYPE.match(member)
        return match.group(1) if match else Unknown(f"unrecognised IAM member {member!r}")
    if isinstance(member, PartialString) and isinstance(member.parts[0], str):
        match = _TYPE.match(member.parts[0])
        if match:
            return match.group(1)
    if isinstance(member, Unknown):
        if not isinstance(member, PartialString) and _source(member) in _ACCOUNT_SOURCES:
            return "serviceAccount"
        return Unknown(f"the member is not known statically ({member.reason})", member.ref)
    return Unknown("an IAM member is not a string")


def _default_account(member: Any) -> Any:
    """Whether one member is a default service account (a bool or an Unknown)."""
    kind = member_type(member)
    if isinstance(kind, str) and kind != "serviceAccount":
        return False
    if isinstance(member, str):
        return bool(_DEFAULT_EMAIL.search(member))
    if isinstance(member, PartialString):
        tail = member.parts[-1]
        if isinstance(tail, str) and _DEFAULT_EMAIL.search(tail):
            return True
        sources = {_source(part) for part in member.parts if isinstance(part, Unknown)}
        if sources & set(_DEFAULT_SOURCES):
            return True
        if sources == {"google_service_account"} or (
                isinstance(tail, str) and tail.endswith(".gserviceaccount.com")):
            return False
    elif isinstance(member, Unknown):
        source = _source(member)
        if source in _ACCOUNT_SOURCES:
            return source != "google_service_account"
    return Unknown(f"the member is not known statically ({member.reason})"
                   if isinstance(member, Unknown) else "an IAM member is not a string",
                   member.ref if isinstance(member, Unknown) else None)


def member_types(members: Any) -> Any:
    """`member_types` of a grant's members (a list, or an Unknown for the whole list)."""
    if isinstance(members, Unknown) or not isinstance(members, list):
        return members if isinstance(members, Unknown) else Unknown("members is not a list")
    return [member_type(member) for member in members]


def default_service_account(members: Any) -> Any:
    """True when a member is a default service account, else Unknown when one may be,
    else false."""
    if isinstance(members, Unknown) or not isinstance(members, list):
        return members if isinstance(members, Unknown) else Unknown("members is not a list")
    found = [_default_account(member) for member in members]
    if any(value is True for value in found):
        return True
    return next((value for value in found if isinstance(value, Unknown)), False)


def _consumer(member: Any) -> Any:
    """Whether one member is a consumer Google account (a bool or an Unknown)."""
    kind = member_type(member)
    if isinstance(kind, str):
        if kind != "user":
            return False
        if isinstance(member, str):
            return bool(_CONSUMER_EMAIL.search(member))
        tail = member.parts[-1] if isinstance(member, PartialString) else None
        if isinstance(tail, str) and "@" in tail:  # the domain is known
            return bool(_CONSUMER_EMAIL.search(tail))
    return Unknown(f"the member is not known statically ({member.reason})"
                   if isinstance(member, Unknown) else "an IAM member is not a string",
                   member.ref if isinstance(member, Unknown) else None)


def consumer_account(members: Any) -> Any:
    """True when a member is a `user:` with a Gmail address, else Unknown when one may
    be, else false."""
    if isinstance(members, Unknown) or not isinstance(members, list):
        return members if isinstance(members, Unknown) else Unknown("members is not a list")
    found = [_consumer(member) for member in members]
    if any(value is True for value in found):
        return True
    return next((value for value in found if isinstance(value, Unknown)), False)
