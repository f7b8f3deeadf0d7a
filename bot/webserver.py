"""Intranet web chat: serves the chat page and proxies messages to Rasa's REST channel.

The page talks only to this server (same origin), so the intranet needs no CORS set-up
and the Rasa server can stay on loopback. Run with ``python -m bot.webserver``.

Environment:
    WEB_HOST              bind address (default 127.0.0.1; use 0.0.0.0 to serve the intranet)
    WEB_PORT              port (default 8080)
    RASA_URL              Rasa server base URL (default http://127.0.0.1:5005)
    RASA_TIMEOUT          seconds to wait for Rasa's answer (default 60)
    WEB_FRAME_ANCESTORS   CSP frame-ancestors sources allowed to embed the page
                          (default 'self'; e.g. "'self' https://intranet.example.de")
    WEB_MAX_MESSAGE_CHARS longest accepted user message (default 1000)
    WEB_SESSION_SECRET    key that signs the conversation cookie (default: generated once, kept in
                          data_store/web_session_secret; see dteam/channel_ids.py)
    WEB_SESSION_HOURS     the conversation cookie expires after this many idle hours (default 24)
    WEB_COOKIE_SECURE     1: cookie only over HTTPS (set it behind an HTTPS proxy; default 0)
    WEB_RATE_LIMIT        messages per minute and conversation (default 20)
    WEB_RATE_LIMIT_IP     messages per minute and client address (default 60)
    WEB_TRUST_FORWARDED_FOR  1: behind a reverse proxy, the client address is the last entry of
                          X-Forwarded-For (the one the proxy added), not the proxy's own (default 0)

Conversation ids: the server issues a random id in a signed HttpOnly, SameSite=Strict cookie; a
`sender` sent by the page is ignored. So nobody can read or continue someone else's conversation by
sending that person's id, and script on the page cannot read the id either.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.ratelimit import RATE_LIMITED_TEXT, RateLimiter
from bot.report_route import add_report_route, report_link
from dteam import channel_ids

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "web"

UNREACHABLE_TEXT = (
    "Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten noch einmal."
)
EMPTY_TEXT = "Bitte geben Sie eine Nachricht ein."
TOO_LONG_TEXT = "Ihre Nachricht ist zu lang. Bitte fassen Sie sich kürzer (höchstens {limit} Zeichen)."
BAD_REQUEST_TEXT = "Die Anfrage konnte nicht verarbeitet werden. Bitte laden Sie die Seite neu."

SESSION_COOKIE = "dteam_session"
RESTART_PAYLOAD = "/restart"
DELETE_PAYLOAD = "/delete_my_data"
DELETE_FAILED_TEXT = (
    "Das bisherige Gespräch konnte gerade nicht gelöscht werden. Bitte versuchen Sie es gleich noch "
    "einmal oder schreiben Sie „Meine Daten löschen“."
)
# Images must stay inline (no external fetches, no SVG with its own script surface).
ALLOWED_IMAGE_PREFIX = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")
MAX_BUTTONS_PER_MESSAGE = 30
MAX_BUTTON_TITLE_CHARS = 200
MAX_PAYLOAD_CHARS = 1000
# Control characters except tab/newline are stripped: they only confuse NLU and logs.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class WebChatConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_timeout: float = 60.0
    frame_ancestors: str = "'self'"
    max_message_chars: int = 1000
    session_hours: float = 24.0
    cookie_secure: bool = False
    rate_limit: int = 20
    rate_limit_ip: int = 60
    trust_forwarded_for: bool = False

    @classmethod
    def from_env(cls, env: dict | None = None) -> WebChatConfig:
        env = os.environ if env is None else env
        return cls(
            host=env.get("WEB_HOST", cls.host),
            port=int(env.get("WEB_PORT", cls.port)),
            rasa_url=env.get("RASA_URL", cls.rasa_url).rstrip("/"),
            rasa_timeout=float(env.get("RASA_TIMEOUT", cls.rasa_timeout)),
            frame_ancestors=sanitize_frame_ancestors(env.get("WEB_FRAME_ANCESTORS", cls.frame_ancestors)),
            max_message_chars=int(env.get("WEB_MAX_MESSAGE_CHARS", cls.max_message_chars)),
            session_hours=float(env.get("WEB_SESSION_HOURS", cls.session_hours)),
            cookie_secure=env.get("WEB_COOKIE_SECURE", "0").strip().lower() in ("1", "true", "yes"),
            rate_limit=int(env.get("WEB_RATE_LIMIT", cls.rate_limit)),
            rate_limit_ip=int(env.get("WEB_RATE_LIMIT_IP", cls.rate_limit_ip)),
            trust_forwarded_for=env.get("WEB_TRUST_FORWARDED_FOR", "0").strip().lower()
            in ("1", "true", "yes"),
        )


def sanitize_frame_ancestors(value: str) -> str:
    """Keep only tokens that are valid CSP sources, so the env var cannot inject other directives."""
    host = r"(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?"  # needs a dot, so directive names never pass
    allowed = re.compile(rf"^('self'|'none'|https?://({host}|localhost(:\d+)?)/?|{host})$")
    tokens = [token for token in value.replace(";", " ").replace(",", " ").split() if allowed.match(token)]
    if "'none'" in tokens:
        return "'none'"
    return " ".join(tokens) or "'self'"


def content_security_policy(frame_ancestors: str) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def normalize_message(raw: Any, max_chars: int) -> str:
    """Return the cleaned message text; raise ValueError with a German reason if it is unusable."""
    if not isinstance(raw, str):
        raise ValueError(EMPTY_TEXT)
    text = unicodedata.normalize("NFC", raw)
    text = CONTROL_CHARS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    if not text:
        raise ValueError(EMPTY_TEXT)
    if len(text) > max_chars:
        raise ValueError(TOO_LONG_TEXT.format(limit=max_chars))
    return text


def clean_bot_messages(raw_messages: Any) -> list:
    """Reduce Rasa's REST answer to the fields the page renders, with sane types and sizes."""
    if not isinstance(raw_messages, list):
        return []
    cleaned = []
    for raw in raw_messages:
        if not isinstance(raw, dict):
            continue
        message: dict = {}
        text = raw.get("text")
        if isinstance(text, str) and text.strip():
            message["text"] = text
        image = raw.get("image")
        if image is None and isinstance(raw.get("attachment"), dict):
            # Some actions send images as attachments instead of the image field.
            attachment = raw["attachment"]
            if attachment.get("type") == "image" and isinstance(attachment.get("payload"), dict):
                image = attachment["payload"].get("src")
        if isinstance(image, str) and ALLOWED_IMAGE_PREFIX.match(image):
            message["image"] = image
        buttons = []
        for button in raw.get("buttons") or []:
            if not isinstance(button, dict):
                continue
            title = button.get("title")
            payload = button.get("payload", title)
            if isinstance(title, str) and title.strip() and isinstance(payload, str) and payload.strip():
                buttons.append(
                    {"title": title[:MAX_BUTTON_TITLE_CHARS], "payload": payload[:MAX_PAYLOAD_CHARS]}
                )
        if buttons:
            message["buttons"] = buttons[:MAX_BUTTONS_PER_MESSAGE]
        custom = raw.get("custom")
        if isinstance(custom, dict) and custom.get("clear_history") is True:
            # Set by "Meine Daten löschen": the page must drop its local copy of the conversation.
            message["clearHistory"] = True
        report = report_link(custom)
        if report:
            message["report"] = report  # the PDF behind a return or team code (issue 12)
        if message:
            cleaned.append(message)
    return cleaned


def error_response(status: int, text: str) -> web.Response:
    return web.json_response({"error": text}, status=status)


@web.middleware
async def security_headers_middleware(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    config: WebChatConfig = request.app["config"]
    response.headers["Content-Security-Policy"] = content_security_policy(config.frame_ancestors)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Server"] = "d-team-webchat"  # no version banner
    if config.frame_ancestors in ("'self'", "'none'"):
        # Older browsers ignore frame-ancestors; X-Frame-Options can express only these two cases.
        response.headers["X-Frame-Options"] = "SAMEORIGIN" if config.frame_ancestors == "'self'" else "DENY"
    if request.path.startswith("/api/") or request.path == "/health":
        response.headers["Cache-Control"] = "no-store"
    else:
        response.headers.setdefault("Cache-Control", "no-cache")
    if isinstance(response, web.HTTPException):
        raise response
    return response


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})


def conversation_tag(sender_id: str, secret: bytes) -> str:
    """A short, non-secret label of the conversation: the page keeps its local copy per tag."""
    return channel_ids.sign("tag:" + sender_id, secret)[:16]


def session_sender(request: web.Request) -> str | None:
    return channel_ids.sender_from_token(request.cookies.get(SESSION_COOKIE), request.app["session_secret"])


def with_session(response: web.Response, request: web.Request, sender_id: str) -> web.Response:
    """(Re)issue the signed conversation cookie; every use extends its idle lifetime."""
    config: WebChatConfig = request.app["config"]
    response.set_cookie(
        SESSION_COOKIE,
        channel_ids.signed_token(sender_id, request.app["session_secret"]),
        max_age=int(config.session_hours * 3600),
        path="/api/",
        httponly=True,
        samesite="Strict",
        secure=config.cookie_secure or request.secure,
    )
    return response


def client_address(request: web.Request) -> str:
    config: WebChatConfig = request.app["config"]
    if config.trust_forwarded_for:
        # Only the last hop is trustworthy: earlier entries come from the client itself.
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.remote or "?"


def rate_limited(request: web.Request, sender_id: str) -> web.Response | None:
    waits = [
        request.app["rate_by_conversation"].retry_after(sender_id),
        request.app["rate_by_address"].retry_after(client_address(request)),
    ]
    wait = max(waits)
    if wait <= 0:
        return None
    response = error_response(429, RATE_LIMITED_TEXT)
    response.headers["Retry-After"] = str(max(1, int(wait + 0.999)))
    return response


async def read_json_object(request: web.Request) -> dict | web.Response:
    if request.content_type != "application/json":
        return error_response(415, BAD_REQUEST_TEXT)
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return error_response(400, BAD_REQUEST_TEXT)
    if not isinstance(body, dict):
        return error_response(400, BAD_REQUEST_TEXT)
    return body


async def ask_rasa(request: web.Request, sender_id: str, message: str) -> list | None:
    """Rasa's cleaned answer, or None if Rasa is unreachable or failed."""
    config: WebChatConfig = request.app["config"]
    session: aiohttp.ClientSession = request.app["rasa_session"]
    url = f"{config.rasa_url}/webhooks/rest/webhook"
    try:
        async with session.post(url, json={"sender": sender_id, "message": message}) as rasa_response:
            if rasa_response.status != 200:
                logger.warning("Rasa answered HTTP %s", rasa_response.status)
                return None
            return clean_bot_messages(await rasa_response.json(content_type=None))
    except (aiohttp.ClientError, asyncio.TimeoutError, json.JSONDecodeError) as exc:
        logger.warning("Rasa not reachable at %s: %s", url, exc.__class__.__name__)
        return None


async def post_message(request: web.Request) -> web.Response:
    config: WebChatConfig = request.app["config"]
    body = await read_json_object(request)
    if isinstance(body, web.Response):
        return body
    # Any "sender" in the body is ignored: the conversation is the one in the signed cookie.
    sender_id = session_sender(request) or channel_ids.new_web_sender_id()
    try:
        message = normalize_message(body.get("message"), config.max_message_chars)
    except ValueError as exc:
        return error_response(400, str(exc))
    limited = rate_limited(request, sender_id)
    if limited is not None:
        return limited
    messages = await ask_rasa(request, sender_id, message)
    if messages is None:
        return with_session(error_response(502, UNREACHABLE_TEXT), request, sender_id)
    if any(m.get("clearHistory") for m in messages):
        # "Meine Daten löschen": later messages go to a new conversation, apart from the deleted one.
        sender_id = channel_ids.new_web_sender_id()
    tag = conversation_tag(sender_id, request.app["session_secret"])
    return with_session(
        web.json_response({"messages": messages, "message": message, "conversation": tag}), request, sender_id
    )


async def get_session(request: web.Request) -> web.Response:
    """The tag of this browser's conversation (a new one if it has none), for the page's local copy."""
    sender_id = session_sender(request) or channel_ids.new_web_sender_id()
    tag = conversation_tag(sender_id, request.app["session_secret"])
    return with_session(web.json_response({"conversation": tag}), request, sender_id)


async def post_restart(request: web.Request) -> web.Response:
    """Start a new conversation; with {"deleteData": true} the old one is deleted first."""
    body = await read_json_object(request)
    if isinstance(body, web.Response):
        return body
    delete = body.get("deleteData") is True
    old_sender = session_sender(request)
    deleted_messages: list = []
    if old_sender is not None:
        limited = rate_limited(request, old_sender)
        if limited is not None:
            return limited
        answer = await ask_rasa(request, old_sender, DELETE_PAYLOAD if delete else RESTART_PAYLOAD)
        if delete and (answer is None or not any(m.get("clearHistory") for m in answer)):
            # Keep the old cookie: nothing was deleted, the person can try again.
            return error_response(502, DELETE_FAILED_TEXT)
        deleted_messages = [m for m in answer or [] if delete and "text" in m]
    new_sender = channel_ids.new_web_sender_id()
    tag = conversation_tag(new_sender, request.app["session_secret"])
    payload = {"conversation": tag, "deleted": delete and old_sender is not None}
    if deleted_messages:
        payload["notice"] = deleted_messages[0]["text"]
    return with_session(web.json_response(payload), request, new_sender)


async def health(request: web.Request) -> web.Response:
    """Liveness of this server plus a quick look whether Rasa answers (status 200 either way)."""
    config: WebChatConfig = request.app["config"]
    session: aiohttp.ClientSession = request.app["rasa_session"]
    rasa_state = "unreachable"
    try:
        async with session.get(config.rasa_url + "/", timeout=aiohttp.ClientTimeout(total=3)) as response:
            if response.status == 200:
                rasa_state = "ok"
    except (aiohttp.ClientError, asyncio.TimeoutError):
        pass
    return web.json_response({"status": "ok", "rasa": rasa_state})


async def config_endpoint(request: web.Request) -> web.Response:
    config: WebChatConfig = request.app["config"]
    return web.json_response({"maxMessageChars": config.max_message_chars})


async def _open_rasa_session(app: web.Application) -> None:
    config: WebChatConfig = app["config"]
    app["rasa_session"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=config.rasa_timeout))


async def _close_rasa_session(app: web.Application) -> None:
    await app["rasa_session"].close()


def create_app(config: WebChatConfig | None = None) -> web.Application:
    config = config or WebChatConfig.from_env()
    # Small bodies only: a message is at most a few KB even with multi-byte characters.
    app = web.Application(
        client_max_size=max(16 * 1024, config.max_message_chars * 8),
        middlewares=[security_headers_middleware],
    )
    app["config"] = config
    app["session_secret"] = channel_ids.web_session_secret()
    app["rate_by_conversation"] = RateLimiter(config.rate_limit, 60.0)
    app["rate_by_address"] = RateLimiter(config.rate_limit_ip, 60.0)
    app.on_startup.append(_open_rasa_session)
    app.on_cleanup.append(_close_rasa_session)
    app.router.add_get("/", index)
    app.router.add_get("/health", health)
    app.router.add_get("/api/config", config_endpoint)
    app.router.add_post("/api/message", post_message)
    app.router.add_get("/api/session", get_session)
    app.router.add_post("/api/restart", post_restart)
    add_report_route(app)  # GET /bericht/<code>.pdf
    app.router.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False)
    return app


def main() -> None:
    logging.basicConfig(
        level=os.environ.get("WEB_LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    config = WebChatConfig.from_env()
    logger.info("Web chat on http://%s:%s, Rasa at %s", config.host, config.port, config.rasa_url)
    web.run_app(create_app(config), host=config.host, port=config.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
