"""The `govern` program: its console script and `python -m govern` start here.

Importing govern's modules builds long-lived objects (classes, tables, compiled patterns)
and no garbage worth collecting, so the collector is off while they load; `cli.main()`
turns it back on, tuned for a batch program (`cli._batch_gc`).
"""

from __future__ import annotations

import gc
from typing import NoReturn


def run() -> NoReturn:
    gc.disable()
    from govern.cli import run as run_command

    run_command()
