"""`govern serve`: the admission decision over HTTP, with the standard library
(docs/decisions/0004-admission-server.md).

- `GET /healthz` -> 200 `{"status": "ok"}` (no token needed).
- `POST /v1/admit` -> 200 with the decision document (allow, warn and deny alike; the
  decision is in the body). The body is `{"change": {"format": "tfplan"|"cloudformation"|
  "arm", "content": "<text>"}, "inventory": <inventory document, optional>}`, or a raw
  Terraform plan JSON (an object with `format_version`), judged alone.
- 401 when a token is set and the request has no `Authorization: Bearer <token>` or a
  wrong one; 400 for a body that is not one of the above (JSON `{"error": ...}`); 404 for
  other paths; 411 without a Content-Length; 413 over `MAX_BODY` bytes.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from govern.admission.decide import CHANGE_FORMATS, Admitter
from govern.errors import UsageError

MAX_BODY = 10 * 1024 * 1024
_LOG = logging.getLogger("govern.serve")


class AdmissionServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], admitter: Admitter,
                 token: str | None) -> None:
        super().__init__(address, _Handler)
        self.admitter = admitter
        self.token = token


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(admitter: Admitter, host: str = "127.0.0.1", port: int = 8080,
                token: str | None = None) -> AdmissionServer:
    """A server bound to `host:port` (not yet serving). UsageError when `host` is not a
    loopback address and there is no token."""
    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} is not a loopback address: give --token (or set "
                         f"GOVERN_TOKEN) so that only callers with the token are answered")
    return AdmissionServer((host, port), admitter, token or None)


class _Handler(BaseHTTPRequestHandler):
    server: AdmissionServer
    server_version = "govern"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path == "/healthz":
            self._send(200, {"status": "ok"})
        else:
            self._send(404, {"error": f"no such path {self.path}"})

    def do_POST(self) -> None:
        if self.path != "/v1/admit":
            self._send(404, {"error": f"no such path {self.path}"})
            return
        if not self._authorized():
            self._send(401, {"error": "missing or wrong bearer token"},
                       {"WWW-Authenticate": "Bearer"})
            return
        length = self.headers.get("Content-Length")
        if length is None or not (length.isascii() and length.isdigit()):
            self._send(411, {"error": "a Content-Length is required"})
            return
        if len(length) > 18 or int(length) > MAX_BODY:
            self._send(413, {"error": f"the body is over {MAX_BODY} bytes"})
            return
        body = self.rfile.read(int(length))
        try:
            content, fmt, inventory = parse_request(body)
        except ValueError as exc:
            self._send(400, {"error": str(exc)})
            return
        decision = self.server.admitter.admit_text(content, fmt, inventory)
        self._send(200, decision.to_dict())

    def _authorized(self) -> bool:
        token = self.server.token
        if token is None:
            return True
        given = self.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())

    def _send(self, status: int, document: dict[str, Any],
              headers: dict[str, str] | None = None) -> None:
        data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        _LOG.info("%s " + format, self.address_string(), *args)


def parse_request(body: bytes) -> tuple[str, str, Any]:
    """(content, format, inventory document or None) of a request body; ValueError with
    what is wrong."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the body is not UTF-8 (byte 0x{body[exc.start]:02x} at offset "
                         f"{exc.start})") from None
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"the body is not JSON ({exc})") from None
    except RecursionError:
        raise ValueError("the body nests too deeply to read") from None
    if not isinstance(doc, dict):
        raise ValueError("the body must be a JSON object")
    if "change" not in doc and "format_version" in doc:
        return text, "tfplan", None
    change = doc.get("change")
    if not isinstance(change, dict):
        raise ValueError('give {"change": {"format": ..., "content": ...}} or a raw '
                         'Terraform plan JSON')
    fmt, content = change.get("format"), change.get("content")
    if fmt not in CHANGE_FORMATS:
        raise ValueError(f"change.format must be one of {', '.join(CHANGE_FORMATS)}")
    if not isinstance(content, str):
        raise ValueError("change.content must be the change as text")
    inventory = doc.get("inventory")
    if inventory is not None and not isinstance(inventory, dict):
        raise ValueError("inventory must be an inventory document (an object)")
    return content, str(fmt), inventory
