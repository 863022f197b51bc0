"""`govern serve`: started on 127.0.0.1:0 in a thread; health, decisions over HTTP equal
to the CLI's, 401/400/404/411/413, and no non-loopback bind without a token."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govern.admission import server as server_module
from govern.admission.decide import Admitter
from govern.admission.server import AdmissionServer, make_server
from govern.cli import cli
from govern.config import Config
from govern.errors import UsageError
from tests.admission.helpers import PUBLIC_POLICY, change, write_inventory, write_plan

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def admitter() -> Admitter:
    return Admitter(Config())


def start(admitter: Admitter, token: str | None) -> Iterator[AdmissionServer]:
    server = make_server(admitter, "127.0.0.1", 0, token)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def open_server(admitter: Admitter) -> Iterator[AdmissionServer]:
    yield from start(admitter, None)


@pytest.fixture
def token_server(admitter: Admitter) -> Iterator[AdmissionServer]:
    yield from start(admitter, TOKEN)


def call(server: AdmissionServer, method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, Any]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def admit_body(directory: Path, inventory: bool = True) -> bytes:
    plan = write_plan(directory, change("aws_s3_bucket_policy", "shared",
                                        {"bucket": "shared-data", "policy": PUBLIC_POLICY}))
    doc: dict[str, Any] = {"change": {"format": "tfplan", "content": Path(plan).read_text()}}
    if inventory:
        doc["inventory"] = json.loads(Path(write_inventory(directory)).read_text())
    return json.dumps(doc).encode()


def test_healthz(open_server: AdmissionServer) -> None:
    assert call(open_server, "GET", "/healthz") == (200, {"status": "ok"})


def test_admit_over_http_equals_the_cli_decision(open_server: AdmissionServer,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    status, decision = call(open_server, "POST", "/v1/admit", admit_body(tmp_path))
    assert status == 200
    assert decision["decision"] == "deny"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["admit", "change.json", "--inventory",
                                      "inventory.json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == decision


def test_a_raw_plan_body_is_judged_alone(open_server: AdmissionServer,
                                         tmp_path: Path) -> None:
    plan = write_plan(tmp_path, change("aws_s3_bucket_policy", "shared",
                                       {"bucket": "shared-data", "policy": PUBLIC_POLICY}))
    status, decision = call(open_server, "POST", "/v1/admit", Path(plan).read_bytes(),
                            {"Content-Type": "application/json"})
    assert (status, decision["decision"]) == (200, "allow")


def test_a_token_is_required_when_set(token_server: AdmissionServer, tmp_path: Path) -> None:
    body = admit_body(tmp_path)
    assert call(token_server, "POST", "/v1/admit", body)[0] == 401
    assert call(token_server, "POST", "/v1/admit", body,
                {"Authorization": "Bearer wrong"})[0] == 401
    status, decision = call(token_server, "POST", "/v1/admit", body,
                            {"Authorization": f"Bearer {TOKEN}"})
    assert (status, decision["decision"]) == (200, "deny")
    assert call(token_server, "GET", "/healthz") == (200, {"status": "ok"})


@pytest.mark.parametrize(("body", "error"), [
    (b"not json", "the body is not JSON"),
    (b"[]", "the body must be a JSON object"),
    (b'{"change": {"format": "helm", "content": ""}}', "change.format must be one of"),
    (b'{"change": {"format": "arm", "content": 1}}', "change.content must be"),
    (b'{"inventory": {}}', 'give {"change"'),
    (b"[" * 100_000 + b"]" * 100_000, "the body nests too deeply to read"),
    ('{"format_version": "1.2"}'.encode("utf-16"), "the body is not UTF-8 (byte 0xff"),
])
def test_bad_requests_get_400_with_a_json_error(open_server: AdmissionServer, body: bytes,
                                                error: str) -> None:
    status, document = call(open_server, "POST", "/v1/admit", body)
    assert status == 400
    assert document["error"].startswith(error)


def test_unknown_paths_get_404(open_server: AdmissionServer) -> None:
    assert call(open_server, "GET", "/v2/admit")[0] == 404


def test_over_the_size_limit_gets_413(open_server: AdmissionServer,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "MAX_BODY", 100)
    status, document = call(open_server, "POST", "/v1/admit", b"{" + b" " * 200 + b"}")
    assert status == 413
    assert "over 100 bytes" in document["error"]


def test_a_non_loopback_bind_needs_a_token(admitter: Admitter) -> None:
    with pytest.raises(UsageError, match="not a loopback address"):
        make_server(admitter, "0.0.0.0", 0, None)


def test_serve_refuses_a_non_loopback_bind_without_a_token(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVERN_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "not a loopback address" in result.output


# --- fail closed: a change govern could not read is denied, with the reason ---------------

def test_a_change_padded_past_max_file_size_is_denied(open_server: AdmissionServer,
                                                      tmp_path: Path) -> None:
    plan = Path(write_plan(tmp_path, change("aws_s3_bucket", "data", {"bucket": "data"})))
    content = plan.read_text()
    body = {"change": {"format": "tfplan", "content": content}}
    status, decision = call(open_server, "POST", "/v1/admit", json.dumps(body).encode())
    assert (status, decision["decision"]) == (200, "warn")  # the same change, not padded
    body["change"]["content"] = content[:-2] + " " * (5 * 1024 * 1024) + "}\n"
    status, decision = call(open_server, "POST", "/v1/admit", json.dumps(body).encode())
    assert (status, decision["decision"], decision["reasons"]) == (200, "deny", [])
    [error] = decision["errors"]
    assert error["file"] == "change.json"
    assert "over the 5242880-byte limit (max-file-size); not judged" in error["message"]


@pytest.mark.parametrize("content, expected", [
    ('{"format_version": "1.2", "resource_changes": [], "x": "\ud800"}',
     "change.json: the change holds text that is not valid Unicode (a lone surrogate at "
     "character 56)"),
    ('{"format_version": "1.2", "resource_changes": [', "invalid JSON: unexpected end of file"),
    ("[" * 50_000 + "]" * 50_000, "change.yaml"),
])
def test_a_change_that_cannot_be_read_is_denied(open_server: AdmissionServer, content: str,
                                                expected: str) -> None:
    body = json.dumps({"change": {"format": "tfplan", "content": content}}).encode()
    status, decision = call(open_server, "POST", "/v1/admit", body)
    assert (status, decision["decision"]) == (200, "deny")
    assert any(expected in e["message"] or e["file"] == expected for e in decision["errors"])
