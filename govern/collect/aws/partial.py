"""What a live scan could not list: a failed listing (or a reader stopped by an answer it
could not read) makes the resources it lists unknown in that region. Each is a warning
naming the service, region, account, call and reason; unless `--allow-partial` is given,
one error says the scan is incomplete (exit 3). An exception a reader did not expect is
an error whatever the options."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from govern.collect.aws.listings import LISTINGS
from govern.collect.aws.locked import PicklesWithoutLock
from govern.model.finding import Notice

# exceptions that come from an answer shaped otherwise than the reader expects
MALFORMED = (LookupError, TypeError, ValueError, AttributeError)
DOCS = "docs/live-aws.md"


@dataclass(frozen=True)
class Lost:
    """One listing that failed: `action` is `<IAM prefix>:<operation>`."""

    prefix: str
    operation: str
    region: str
    reason: str
    hint: str


@dataclass(frozen=True)
class Crashed:
    """A reader stopped by an exception (`malformed`: one an odd answer explains)."""

    reader: str
    region: str
    error: str
    malformed: bool


class Partial(PicklesWithoutLock):
    """Records, thread-safely, the listings and readers that failed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lost: dict[Lost, list[str]] = {}  # -> the subjects (parents of the listing)
        self._crashed: set[Crashed] = set()

    def lose(self, lost: Lost, subject: str) -> None:
        with self._lock:
            self._lost.setdefault(lost, []).append(subject)

    def crash(self, reader: str, region: str, exc: BaseException) -> None:
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        with self._lock:
            self._crashed.add(Crashed(reader, region, error, isinstance(exc, MALFORMED)))

    def absorb(self, other: Partial) -> None:
        """Add what `other` recorded (`Reader.absorb`)."""
        with self._lock:
            for lost, subjects in other._lost.items():
                self._lost.setdefault(lost, []).extend(subjects)
            self._crashed |= other._crashed

    def __bool__(self) -> bool:
        return bool(self._lost or self._crashed)

    def notices(self, account: str, allow_partial: bool) -> list[Notice]:
        where = f" (account {account})" if account else ""
        found = [_lost_notice(lost, subjects, where)
                 for lost, subjects in sorted(self._lost.items(), key=_lost_order)]
        found.extend(_crash_notice(crash, where) for crash in sorted(
            self._crashed, key=lambda c: (c.reader, c.region, c.error)))
        incomplete = sorted({(lost.prefix, lost.region) for lost in self._lost}
                            | {(crash.reader, crash.region) for crash in self._crashed
                               if crash.malformed})
        if incomplete and not allow_partial:
            found.append(_incomplete(incomplete, where))
        return found


def _lost_order(pair: tuple[Lost, list[str]]) -> tuple[str, str, str, str]:
    lost = pair[0]
    return (lost.prefix, lost.region, lost.operation, lost.reason)


def _lost_notice(lost: Lost, subjects: list[str], where: str) -> Notice:
    parents = sorted({s for s in subjects if s.startswith("arn:")})
    under = ""
    if parents:
        more = f" and {len(parents) - 1} more" if len(parents) > 1 else ""
        under = f" ({parents[0]}{more})"
    kinds = tuple(LISTINGS.get((lost.prefix, lost.operation), ()))
    return Notice("warning", f"{lost.prefix or 'AWS'} in {lost.region}{where}: {lost.reason}"
                  f"{under}; its {', '.join(kinds)} resources there are unknown",
                  hint=lost.hint, code="aws-listing-failed", kinds=kinds)


def _crash_notice(crash: Crashed, where: str) -> Notice:
    if crash.malformed:
        return Notice("warning", f"reader {crash.reader} in {crash.region}{where}: an answer "
                      f"it could not read ({crash.error}); the resources it reads there are "
                      "unknown", hint="AWS answered otherwise than documented: scan again, "
                      f"and report it if it persists ({DOCS})", code="aws-malformed-answer")
    return Notice("error", f"reader {crash.reader} in {crash.region}{where} failed: "
                  f"{crash.error}; the resources it reads there are unknown",
                  hint="an internal error in govern: please report it with the output of "
                  "--debug", code="aws-reader-error")


def _incomplete(incomplete: list[tuple[str, str]], where: str) -> Notice:
    regions: dict[str, list[str]] = {}
    for service, region in incomplete:
        regions.setdefault(service, []).append(region)
    services = ", ".join(f"{service} ({', '.join(names)})"
                         for service, names in sorted(regions.items()))
    return Notice("error", f"the live scan{where} is incomplete: could not list {services}; "
                  "the resources there are unknown",
                  hint="give the permissions the warnings name and scan again, or give "
                  "--allow-partial to accept an incomplete scan (the exit code then comes "
                  "from the findings)", code="aws-scan-incomplete")
