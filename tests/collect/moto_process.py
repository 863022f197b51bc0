"""moto's server in a process of its own on 127.0.0.1: the scans under test and moto's
answers then run on two cores instead of sharing one interpreter lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# the child starts moto's threaded server on a free port, prints the port, and serves
# until its standard input closes (the parent ended, cleanly or not)
_CHILD = """
import logging
import sys
logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
server.stop()
"""


@contextmanager
def moto_server_process() -> Iterator[str]:
    """Yields the endpoint (`http://127.0.0.1:PORT`) of a moto server in a child process,
    stopped on exit."""
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        port = child.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError(f"moto's server did not start (exit {child.poll()})")
        yield f"http://127.0.0.1:{port}"
    finally:
        assert child.stdin is not None
        child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
