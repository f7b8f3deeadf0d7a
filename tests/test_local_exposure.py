"""Issue 13, items 1 and 2 for real: what the action server and the nginx template actually expose."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support import stack

REPO = Path(__file__).resolve().parent.parent


def _listen_addresses(port: int) -> set[str]:
    """Local IPv4/IPv6 addresses with a listening TCP socket on `port` (from /proc/net/tcp*)."""
    addresses = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                if width == 8:
                    addresses.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    raw = b"".join(bytes.fromhex(address[i : i + 8])[::-1] for i in range(0, 32, 8))
                    addresses.add(socket.inet_ntop(socket.AF_INET6, raw))
    return addresses


def test_action_server_started_by_make_run_listens_on_loopback_only(tmp_path):
    port = stack.free_port()
    proc = stack.Proc(
        "actions",
        [str(REPO / "scripts" / "actions.sh")],
        tmp_path / "actions.log",
        stack.base_env({"ACTIONS_PORT": str(port)}),
    ).start()
    try:
        stack.wait_http(f"http://127.0.0.1:{port}/health", proc, 120)
        assert _listen_addresses(port) == {"127.0.0.1"}
    finally:
        proc.stop()
    # `make run` shows the start banner and real errors, not the libraries' deprecation warnings.
    log = (tmp_path / "actions.log").read_text(errors="replace")
    assert "Action endpoint is up and running" in log
    assert "DeprecationWarning" not in log and "deprecated" not in log, log[-3000:]
    # run.sh and the Makefile start the action server only through this script.
    assert "scripts/actions.sh" in (REPO / "scripts" / "run.sh").read_text()
    makefile = (REPO / "Makefile").read_text()
    assert "rasa run actions" not in makefile.replace("$(RASA) run actions", "rasa run actions")


class _RecordingUpstream(http.server.BaseHTTPRequestHandler):
    """Stands in for Rasa: answers every request and records which paths reached it."""

    seen: list[str] = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        _RecordingUpstream.seen.append(f"{self.command} {self.path}")
        body = b"[]"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args):
        pass


def _request(url: str, method: str = "GET", body: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_nginx_template_forwards_only_the_channel_webhooks(tmp_path):
    if stack.nginx_binary() is None:
        pytest.fail("nginx missing (scripts/install_system_deps.sh installs it)")
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingUpstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    listen_port = stack.free_port()
    nginx = stack.nginx_proxy(listen_port, [upstream.server_address[1]], tmp_path / "nginx").start()
    base = f"http://127.0.0.1:{listen_port}"
    try:
        stack.wait_http(base + "/", nginx, 30)
        _RecordingUpstream.seen.clear()
        message = b'{"sender": "x", "message": "Hallo"}'
        assert _request(base + "/webhooks/rest/webhook", "POST", message) == 200
        assert _request(base + "/webhooks/teams/webhook", "POST", b"{}") == 200
        for method, path in [
            ("GET", "/conversations/someone/tracker"),
            ("POST", "/conversations/someone/tracker/events"),
            ("PUT", "/model"),
            ("DELETE", "/model"),
            ("GET", "/status"),
            ("GET", "/socket.io/?EIO=4&transport=polling"),
            ("GET", "/webhooks/rest/webhook/../../conversations/someone/tracker"),
            ("POST", "/webhooks/rest/webhookx"),
        ]:
            assert _request(base + path, method, b"{}" if method != "GET" else None) in (403, 404), path
        assert _RecordingUpstream.seen == ["POST /webhooks/rest/webhook", "POST /webhooks/teams/webhook"]
    finally:
        nginx.stop()
        upstream.shutdown()
