"""boto3 clients for the collector: made once per service and region under a lock (a boto3
session is not thread-safe, its clients are), and a stand-in for a service that AWS does
not offer in a region, which answers every call with ServiceNotInRegion at once instead
of connection attempts retried for minutes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from botocore.exceptions import BotoCoreError


class ServiceNotInRegion(BotoCoreError):  # type: ignore[misc]
    """The service has no endpoint in the region (botocore's endpoint data)."""

    fmt = "{service} is not offered in {region}"


class _Unavailable:
    """Every operation (and paginator) of a service missing from a region raises."""

    def __init__(self, service: str, region: str) -> None:
        self._service = service
        self._region = region

    def _raise(self, *args: Any, **kwargs: Any) -> Any:
        raise ServiceNotInRegion(service=self._service, region=self._region)

    def get_paginator(self, operation: str) -> Any:
        return self

    def paginate(self, **kwargs: Any) -> Any:
        self._raise()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._raise


class ClientFactory:
    """`factory(service, region)`: the one client of that service and region."""

    def __init__(self, session: Any, endpoint_url: str | None, config: Any) -> None:
        self._session = session
        self._endpoint_url = endpoint_url
        self._config = config
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str], Any] = {}
        self._offered: dict[str, frozenset[str]] = {}

    def __call__(self, service: str, region: str) -> Any:
        with self._lock:
            key = (service, region)
            if key not in self._clients:
                self._clients[key] = (
                    self._session.client(service, region_name=region,
                                         endpoint_url=self._endpoint_url,
                                         config=self._config)
                    if self._offered_in(service, region) else _Unavailable(service, region))
            return self._clients[key]

    def _offered_in(self, service: str, region: str) -> bool:
        """False only when botocore lists the service's regions and this one is not among
        them (global services and services it has no data for count as offered; an
        emulator at --endpoint-url offers everything)."""
        if self._endpoint_url:
            return True
        if service not in self._offered:
            self._offered[service] = frozenset(self._session.get_available_regions(service))
        regions = self._offered[service]
        return not regions or region in regions

    def in_region(self, region: str) -> Callable[[str], Any]:
        """`clients(service)` for one region, as the service readers take it."""
        return lambda service: self(service, region)
