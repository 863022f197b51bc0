"""Preloaded into the Dask workers of the live tests (`dask worker --preload`): the APIs
moto does not serve are answered on the client side there too, empty, as the session
fixtures of conftest.py answer them in the test process (emr_api.py, serverless_api.py);
and DescribeRegions is narrowed to the regions `GOVERN_TEST_DESCRIBE_REGIONS` names, if
any (narrow_regions.py)."""

from __future__ import annotations

import os
from typing import Any

import boto3

from tests.collect import emr_api, narrow_regions, serverless_api

# Dask imports a preload file twice (it copies it and reloads it): wrap the real one once
_original = getattr(boto3.Session, "_govern_unpatched_client", boto3.Session.client)
setattr(boto3.Session, "_govern_unpatched_client", _original)  # noqa: B010
_EMR = emr_api.SecurityConfigurations()
_SERVERLESS = serverless_api.ServerlessApi()


def _client(self: Any, *args: Any, **kwargs: Any) -> Any:
    made = _original(self, *args, **kwargs)
    emr_api.register(made, _EMR)
    serverless_api.register(made, _SERVERLESS)
    regions = os.environ.get(narrow_regions.ENV)
    if regions:
        narrow_regions.register(made, regions.split(","))
    return made


boto3.Session.client = _client  # type: ignore[method-assign]
