"""Issue 13, items 3, 6 and 10: the web chat server owns the conversation id (signed HttpOnly cookie),
limits requests per client and deletes the old conversation on request when restarting.

A recording stand-in for Rasa's REST webhook shows which sender id and text really reach Rasa.
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
import urllib.request

import pytest

VICTIM = "matrix-0123456789abcdef0123456789abcdef"


class RecordingRasa(http.server.BaseHTTPRequestHandler):
    received: list[dict] = []
    confirm_deletion = True

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        RecordingRasa.received.append(body)
        if body["message"] == "/delete_my_data" and RecordingRasa.confirm_deletion:
            answer = [{"text": "Ihre Daten wurden gelöscht.", "custom": {"clear_history": True}}]
        else:
            answer = [{"text": "Antwort"}]
        raw = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def fake_rasa():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def chat_server(fake_rasa, web_server_factory):
    RecordingRasa.received.clear()
    RecordingRasa.confirm_deletion = True
    return web_server_factory(
        rasa_url=fake_rasa, extra_env={"WEB_RATE_LIMIT": "5", "WEB_RATE_LIMIT_IP": "50"}
    )


def call(url: str, body: dict | None = None, cookie: str | None = None) -> tuple[int, dict, dict]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    request.add_header("Content-Type", "application/json")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers


def session_cookie(headers) -> str:
    (set_cookie,) = [v for k, v in headers.items() if k.lower() == "set-cookie"]
    return set_cookie


def cookie_value(set_cookie: str) -> str:
    return set_cookie.split(";", 1)[0]


def test_client_chosen_sender_is_ignored_and_the_cookie_is_signed_and_httponly(chat_server):
    status, answer, headers = call(chat_server + "/api/message", {"sender": VICTIM, "message": "Hallo"})
    assert status == 200 and answer["messages"] == [{"text": "Antwort"}]
    sent_as = RecordingRasa.received[-1]["sender"]
    assert sent_as != VICTIM and sent_as.startswith("web-")
    set_cookie = session_cookie(headers)
    attributes = {part.strip().split("=")[0].lower() for part in set_cookie.split(";")[1:]}
    assert {"httponly", "path", "max-age", "samesite"} <= attributes
    assert "SameSite=Strict" in set_cookie and "Path=/api/" in set_cookie

    # The same cookie keeps the conversation; another client (no cookie) gets another one.
    call(chat_server + "/api/message", {"message": "Weiter"}, cookie_value(set_cookie))
    assert RecordingRasa.received[-1]["sender"] == sent_as
    call(chat_server + "/api/message", {"sender": sent_as, "message": "Ich bin jemand anderes"})
    assert RecordingRasa.received[-1]["sender"] not in (sent_as, VICTIM)


def test_forged_or_foreign_cookies_do_not_open_a_conversation(chat_server):
    for forged in (
        f"dteam_session={VICTIM}.{'0' * 64}",
        "dteam_session=web-0123456789abcdef0123456789abcdef.deadbeef",
        "dteam_session=web-0123456789abcdef0123456789abcdef",
        "dteam_session=" + "x" * 5000,
    ):
        status, _, headers = call(chat_server + "/api/message", {"message": "Hallo"}, forged)
        assert status == 200
        sent_as = RecordingRasa.received[-1]["sender"]
        assert sent_as.startswith("web-") and sent_as not in forged
        assert cookie_value(session_cookie(headers)) != forged


def test_messages_per_client_are_rate_limited_with_a_german_429(chat_server):
    _, _, headers = call(chat_server + "/api/message", {"message": "Hallo"})
    cookie = cookie_value(session_cookie(headers))
    statuses = [call(chat_server + "/api/message", {"message": f"Nr. {i}"}, cookie) for i in range(6)]
    assert [s for s, _, _ in statuses[:4]] == [200] * 4
    status, answer, headers = statuses[-1]
    assert status == 429
    assert answer["error"].startswith("Sie senden sehr schnell hintereinander Nachrichten")
    assert int(headers["Retry-After"]) >= 1
    assert len(RecordingRasa.received) == 5  # refused messages never reach Rasa
    # Another client is not affected by this one's limit.
    assert call(chat_server + "/api/message", {"message": "Hallo"})[0] == 200


def test_restart_with_deletion_deletes_the_old_conversation_and_issues_a_new_one(chat_server):
    _, first, headers = call(chat_server + "/api/message", {"message": "Hallo"})
    cookie = cookie_value(session_cookie(headers))
    old_sender = RecordingRasa.received[-1]["sender"]

    status, answer, headers = call(chat_server + "/api/restart", {"deleteData": True}, cookie)
    assert status == 200 and answer["deleted"] is True and "gelöscht" in answer["notice"]
    assert RecordingRasa.received[-1] == {"sender": old_sender, "message": "/delete_my_data"}
    new_cookie = cookie_value(session_cookie(headers))
    assert new_cookie != cookie and answer["conversation"] != first["conversation"]
    call(chat_server + "/api/message", {"message": "Neu"}, new_cookie)
    assert RecordingRasa.received[-1]["sender"] not in (old_sender, VICTIM)

    # Plain restart: the old conversation is reset, not deleted.
    status, answer, _ = call(chat_server + "/api/restart", {"deleteData": False}, new_cookie)
    assert status == 200 and answer["deleted"] is False
    assert RecordingRasa.received[-1]["message"] == "/restart"


def test_failed_deletion_keeps_the_conversation_and_says_so(chat_server):
    RecordingRasa.confirm_deletion = False
    _, _, headers = call(chat_server + "/api/message", {"message": "Hallo"})
    cookie = cookie_value(session_cookie(headers))
    status, answer, headers = call(chat_server + "/api/restart", {"deleteData": True}, cookie)
    assert status == 502 and "nicht gelöscht" in answer["error"]
    assert not [k for k in headers if k.lower() == "set-cookie"]  # still the old conversation


def test_deleting_via_chat_moves_the_browser_to_a_new_conversation(chat_server):
    _, _, headers = call(chat_server + "/api/message", {"message": "Hallo"})
    cookie = cookie_value(session_cookie(headers))
    old_sender = RecordingRasa.received[-1]["sender"]
    _, answer, headers = call(chat_server + "/api/message", {"message": "/delete_my_data"}, cookie)
    assert answer["messages"][0]["clearHistory"] is True
    call(chat_server + "/api/message", {"message": "Hallo"}, cookie_value(session_cookie(headers)))
    assert RecordingRasa.received[-1]["sender"] != old_sender


def test_per_address_limit_uses_the_proxy_supplied_address_only_when_told(fake_rasa, web_server_factory):
    """Behind a reverse proxy every request comes from the proxy: count the client it names instead."""
    RecordingRasa.received.clear()
    behind_proxy = web_server_factory(
        rasa_url=fake_rasa,
        extra_env={"WEB_RATE_LIMIT": "50", "WEB_RATE_LIMIT_IP": "2", "WEB_TRUST_FORWARDED_FOR": "1"},
    )

    def from_client(address: str, spoofed: str = "") -> int:
        request = urllib.request.Request(
            behind_proxy + "/api/message", data=json.dumps({"message": "Hallo"}).encode(), method="POST"
        )
        request.add_header("Content-Type", "application/json")
        request.add_header("X-Forwarded-For", ", ".join(filter(None, [spoofed, address])))
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    assert [from_client("10.0.0.1") for _ in range(3)] == [200, 200, 429]
    assert from_client("10.0.0.2") == 200  # another client behind the same proxy
    assert from_client("10.0.0.1", spoofed="192.0.2.99") == 429  # a client-sent entry does not help
