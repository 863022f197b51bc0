"""boto3 sessions that share botocore's service-model loader.

Each boto3 session starts with a loader of its own, and every client it makes parses that
service's model (hundreds of kilobytes of JSON) again. One scan of an Organization opens a
session per account, and `govern serve` one per admission check, so the models would be
parsed again each time: about two thirds of a one-region scan's CPU. The models are
read-only data, so one loader per search path is shared by every session of the process.
"""

from __future__ import annotations

import threading
from typing import Any

_LOADERS: dict[str | None, Any] = {}
_LOCK = threading.Lock()


def new_session(**kwargs: Any) -> Any:
    """`boto3.Session(**kwargs)` whose clients load service models through the shared
    loader (kwargs as boto3.Session takes them: profile_name, region_name, keys)."""
    import boto3
    import botocore.loaders
    import botocore.session

    core = botocore.session.get_session()
    if kwargs.get("profile_name") is not None:
        core.set_config_variable("profile", kwargs["profile_name"])
    # AWS_DATA_PATH or the profile's data_path: extra model directories (reading it raises
    # ProfileNotFound for a missing profile, here as in boto3.Session)
    path = core.get_config_variable("data_path")
    with _LOCK:
        loader = _LOADERS.get(path)
        if loader is None:
            loader = _LOADERS[path] = botocore.loaders.create_loader(path)
    core.register_component("data_loader", loader)
    return boto3.Session(botocore_session=core, **kwargs)
