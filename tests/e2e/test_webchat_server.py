"""The web chat server as a real process: headers, static files, input validation, Rasa outage.

No Rasa needed: the server points at a loopback port where nothing listens. The proxy path to a real
Rasa server is covered by test_webchat.py.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.webserver import (
    clean_bot_messages,
    content_security_policy,
    normalize_message,
    sanitize_frame_ancestors,
)

VALID_SENDER = "web-0123456789abcdef0123456789abcdef"
STATIC_DIR = Path(__file__).resolve().parents[2] / "bot" / "web"


def post(url: str, body, content_type: str = "application/json") -> tuple:
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}"), dict(response.headers)
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = {"raw": raw.decode("utf-8", "replace")}
        return error.code, parsed, dict(error.headers)


def get_headers(url: str) -> tuple:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# ---- pure helpers -----------------------------------------------------------------------


def test_normalize_message_trims_and_strips_control_characters():
    assert normalize_message("  Hallo\u200b Welt\x07 \r\n", 100) == "Hallo Welt"
    assert normalize_message("Bu\u0308rger", 100) == "Bürger"  # NFC: one code point for ü


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\u200b\u200b", None, 42, ["x"]])
def test_normalize_message_rejects_empty_or_non_text(raw):
    with pytest.raises(ValueError, match="Bitte geben Sie eine Nachricht ein"):
        normalize_message(raw, 100)


def test_normalize_message_rejects_too_long_with_limit_in_german():
    with pytest.raises(ValueError, match="höchstens 10 Zeichen"):
        normalize_message("x" * 11, 10)
    assert normalize_message("x" * 10, 10) == "x" * 10


def test_clean_bot_messages_keeps_text_buttons_and_inline_png_only():
    png = "data:image/png;base64,iVBORw0KGgo="
    raw = [
        {
            "recipient_id": "a",
            "text": "Frage?",
            "buttons": [{"title": "Ja", "payload": "/affirm"}, {"title": ""}],
        },
        {"recipient_id": "a", "image": png},
        {"recipient_id": "a", "image": "https://evil.example/track.png"},
        {"recipient_id": "a", "image": "data:image/svg+xml;base64,PHN2Zz4="},
        {"recipient_id": "a", "attachment": {"type": "image", "payload": {"src": png}}},
        {"recipient_id": "a", "text": "   "},
        "not a message",
    ]
    assert clean_bot_messages(raw) == [
        {"text": "Frage?", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
        {"image": png},
        {"image": png},
    ]
    assert clean_bot_messages({"not": "a list"}) == []


def test_deletion_marker_is_passed_on_as_clear_history():
    raw = [
        {"text": "Gelöscht.", "custom": {"clear_history": True}},
        {"text": "x", "custom": {"clear_history": "yes"}},
    ]
    assert clean_bot_messages(raw) == [{"text": "Gelöscht.", "clearHistory": True}, {"text": "x"}]


def test_button_without_payload_sends_its_title():
    assert clean_bot_messages([{"buttons": [{"title": "Weiter"}]}]) == [
        {"buttons": [{"title": "Weiter", "payload": "Weiter"}]}
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("'self' https://intranet.example.de", "'self' https://intranet.example.de"),
        ("'self'; script-src *", "'self'"),  # cannot smuggle in another directive
        ("https://a.example.de, https://b.example.de:8443", "https://a.example.de https://b.example.de:8443"),
        ("'none' https://a.example.de", "'none'"),
        ("", "'self'"),
    ],
)
def test_frame_ancestors_are_sanitized(value, expected):
    assert sanitize_frame_ancestors(value) == expected


def test_csp_allows_inline_images_but_no_inline_script():
    policy = content_security_policy("'self'")
    assert "img-src 'self' data:" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'self'" in policy


def test_page_uses_no_external_resources_or_inline_script():
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "<script>" not in html  # only <script src=...>, the CSP forbids inline script
    js = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


# ---- the server as a process --------------------------------------------------------------


def test_page_and_security_headers(unreachable_web_server):
    status, headers, body = get_headers(unreachable_web_server + "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert 'lang="de"' in body.decode("utf-8")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "img-src 'self' data:" in csp and "frame-ancestors 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_static_files_served_and_traversal_blocked(unreachable_web_server):
    status, headers, body = get_headers(unreachable_web_server + "/static/app.js")
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _, _ = get_headers(unreachable_web_server + "/static/style.css")
    assert status == 200
    for path in ("/static/../webserver.py", "/static/%2e%2e/webserver.py", "/static/", "/nonexistent"):
        status, headers, _ = get_headers(unreachable_web_server + path)
        assert status in (403, 404), path
        assert "Content-Security-Policy" in headers  # headers also on error pages


def test_health_reports_rasa_unreachable(unreachable_web_server):
    status, _, body = get_headers(unreachable_web_server + "/health")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "rasa": "unreachable"}


def test_config_endpoint_reports_message_limit(unreachable_web_server):
    status, _, body = get_headers(unreachable_web_server + "/api/config")
    assert status == 200 and json.loads(body) == {"maxMessageChars": 1000}


def test_rasa_unreachable_gives_german_error(unreachable_web_server):
    status, body, headers = post(
        unreachable_web_server + "/api/message", {"sender": VALID_SENDER, "message": "Hallo"}
    )
    assert status == 502
    assert body["error"].startswith("Der Assistent ist gerade nicht erreichbar")
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "body, fragment",
    [
        ({"sender": VALID_SENDER, "message": "   "}, "Bitte geben Sie eine Nachricht ein"),
        ({"sender": VALID_SENDER}, "Bitte geben Sie eine Nachricht ein"),
        ({"sender": VALID_SENDER, "message": "ä" * 1001}, "höchstens 1000 Zeichen"),
        (["not", "an", "object"], "Seite neu"),
    ],
)
def test_bad_messages_are_rejected_in_german(unreachable_web_server, body, fragment):
    status, answer, _ = post(unreachable_web_server + "/api/message", body)
    assert status == 400
    assert fragment in answer["error"]


def test_non_json_and_huge_bodies_are_rejected(unreachable_web_server):
    status, _, _ = post(
        unreachable_web_server + "/api/message", b"message=hallo", "application/x-www-form-urlencoded"
    )
    assert status == 415
    status, _, _ = post(unreachable_web_server + "/api/message", b"{not json", "application/json")
    assert status == 400
    huge = json.dumps({"sender": VALID_SENDER, "message": "x" * 200_000}).encode()
    status, _, _ = post(unreachable_web_server + "/api/message", huge)
    assert status == 413


def test_get_on_message_endpoint_is_not_allowed(unreachable_web_server):
    status, _, _ = get_headers(unreachable_web_server + "/api/message")
    assert status == 405


def test_frame_ancestors_configurable_for_intranet_embedding(web_server_factory):
    base_url = web_server_factory(
        extra_env={
            "WEB_FRAME_ANCESTORS": "'self' https://intranet.example.de; script-src *",
            "WEB_MAX_MESSAGE_CHARS": "200",
        }
    )
    _, headers, _ = get_headers(base_url + "/")
    assert "frame-ancestors 'self' https://intranet.example.de" in headers["Content-Security-Policy"]
    assert "script-src *" not in headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers  # it cannot express an allow-list; CSP governs
    status, answer, _ = post(base_url + "/api/message", {"sender": VALID_SENDER, "message": "x" * 201})
    assert status == 400 and "höchstens 200 Zeichen" in answer["error"]
