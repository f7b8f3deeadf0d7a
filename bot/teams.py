"""Microsoft Teams input channel for Rasa (single-tenant Azure Bot).

Rasa's built-in ``botframework`` channel requests its token from the
multi-tenant botframework.com authority, which new (single-tenant) bots cannot
use. This channel asks the bot's own tenant instead, keeps the Bot Connector
JWT validation, talks HTTP with aiohttp (never blocking Sanic's event loop)
and only ever sends the bot token to allow-listed service URLs.

credentials.yml::

    bot.teams.TeamsInput:
      app_id: "<Microsoft App ID>"
      app_password: "<client secret>"
      tenant_id: "<Directory (tenant) ID>"

Webhook: ``POST /webhooks/teams/webhook``. See docs/channels-teams.md.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from http import HTTPStatus
from typing import Any
from urllib.parse import quote, urlparse

import aiohttp
import jwt
import yarl
from jwt.algorithms import RSAAlgorithm
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import remote_actions
from bot.matrix.formatting import decode_data_url
from bot.matrix.report import REPORT_PATH
from dteam.channel_ids import channel_secret, keyed_sender_id

logger = logging.getLogger(__name__)

TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
BOT_CONNECTOR_ISSUERS = ("https://api.botframework.com",)
# Where Teams' Bot Connector lives (public cloud, GCC, GCC High, DoD).
DEFAULT_SERVICE_URLS = (
    "https://smba.trafficmanager.net/",
    "https://smba.infra.gcc.teams.microsoft.com/",
    "https://smba.infra.gov.teams.microsoft.us/",
    "https://smba.infra.dod.teams.microsoft.us/",
)
TOKEN_REFRESH_MARGIN_SECONDS = 300
JWKS_MAX_AGE_SECONDS = 24 * 3600
JWKS_MIN_REFRESH_SECONDS = 300
# If Microsoft's key list cannot be fetched, old keys are trusted for at most this long (a retired
# key must not stay valid for ever).
JWKS_MAX_STALE_SECONDS = 3 * 24 * 3600
# Activities are small JSON documents; anything larger is refused before authentication is checked,
# so unauthenticated callers cannot make the bot parse big bodies.
MAX_ACTIVITY_BYTES = 256 * 1024
CLOCK_SKEW_SECONDS = 300
MAX_MESSAGE_CHARS = 5000
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=30)

MSG_TOO_LONG = (
    "Ihre Nachricht ist mit {length} Zeichen zu lang. Bitte fassen Sie sich kürzer "
    "(höchstens {limit} Zeichen) und senden Sie sie noch einmal."
)
MSG_TEXT_ONLY = (
    "Ich kann bisher nur Textnachrichten verarbeiten. Bitte schreiben Sie mir Ihre Frage "
    "oder Antwort als Text."
)
MSG_INTERNAL_ERROR = (
    "Entschuldigung, bei der Verarbeitung Ihrer Nachricht ist ein Fehler aufgetreten. "
    "Bitte versuchen Sie es in einigen Minuten noch einmal."
)

_MENTION = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


class TeamsAuthError(Exception):
    """The incoming request is not from the Bot Connector (-> 401/403)."""

    def __init__(self, message: str, status: int = HTTPStatus.UNAUTHORIZED) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class TeamsSettings:
    app_id: str
    app_password: str
    tenant_id: str
    token_url: str = ""
    openid_metadata_url: str = OPENID_METADATA_URL
    issuers: tuple[str, ...] = BOT_CONNECTOR_ISSUERS
    service_url_allowlist: tuple[str, ...] = DEFAULT_SERVICE_URLS
    greet_on_install: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # An overriding token_url may contain {tenant_id} as well.
        template = self.token_url or TOKEN_URL_TEMPLATE
        self.token_url = template.replace("{tenant_id}", quote(self.tenant_id, safe=""))

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any]) -> TeamsSettings:
        # Rasa does not expand ${VARS} in credentials.yml; we do, and fall back
        # to TEAMS_APP_ID / TEAMS_APP_PASSWORD / TEAMS_TENANT_ID, so the secret
        # need not be written into the file.
        credentials = dict(credentials)
        for key in ("app_id", "app_password", "tenant_id"):
            value = os.path.expandvars(str(credentials.get(key) or ""))
            if not value or "${" in value:
                value = os.environ.get(f"TEAMS_{key.upper()}", "")
            credentials[key] = value
        missing = [key for key in ("app_id", "app_password", "tenant_id") if not credentials.get(key)]
        if missing:
            raise ValueError(f"Teams channel: missing credentials {', '.join(missing)}")
        allowlist = credentials.get("service_url_allowlist") or DEFAULT_SERVICE_URLS
        issuers = credentials.get("issuers") or BOT_CONNECTOR_ISSUERS
        return cls(
            app_id=str(credentials["app_id"]),
            app_password=str(credentials["app_password"]),
            tenant_id=str(credentials["tenant_id"]),
            token_url=str(credentials.get("token_url") or ""),
            openid_metadata_url=str(credentials.get("openid_metadata_url") or OPENID_METADATA_URL),
            issuers=tuple(str(i) for i in ([issuers] if isinstance(issuers, str) else issuers)),
            service_url_allowlist=tuple(
                str(u) for u in ([allowlist] if isinstance(allowlist, str) else allowlist)
            ),
            greet_on_install=bool(credentials.get("greet_on_install", True)),
        )


def service_url_allowed(service_url: str, allowlist: Iterable[str]) -> bool:
    """Exact scheme/host/port match and path prefix: the bot token goes there."""
    target = urlparse(service_url or "")
    if target.scheme not in ("https", "http") or not target.hostname:
        return False
    for allowed in allowlist:
        pattern = urlparse(allowed)
        if (
            target.scheme == pattern.scheme
            and target.hostname == (pattern.hostname or "").lower()
            and target.port == pattern.port
            and target.path.startswith(pattern.path.rstrip("/"))
        ):
            return True
    return False


def sender_id_for(conversation_id: str, user_id: str, secret: bytes | None = None) -> str:
    """Stable Rasa sender id per (conversation, user): no AAD ids in the tracker, and keyed with
    CHANNEL_ID_SECRET (HMAC), because members of a shared chat know both ids."""
    return keyed_sender_id(
        "teams", [conversation_id, user_id], channel_secret() if secret is None else secret
    )


def user_text_from_activity(activity: dict[str, Any]) -> str:
    """The text a user meant: a card action's payload, else the typed text without @mentions."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        return value["payload"].strip()
    text = activity.get("text") or ""
    text = _MENTION.sub(" ", text)
    if re.search(r"</?(p|div|span|br)\b", text):  # Teams sometimes sends HTML
        text = unescape(_TAG.sub(" ", text))
    return re.sub(r"[ \t]+", " ", text).strip()


class TokenProvider:
    """Client-credentials token of the bot's own tenant, cached until shortly before expiry."""

    def __init__(self, settings: TeamsSettings) -> None:
        self.settings = settings
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self, session: aiohttp.ClientSession) -> str:
        async with self._lock:
            if self._token and time.time() < self._expires_at - TOKEN_REFRESH_MARGIN_SECONDS:
                return self._token
            form = {
                "grant_type": "client_credentials",
                "client_id": self.settings.app_id,
                "client_secret": self.settings.app_password,
                "scope": BOT_FRAMEWORK_SCOPE,
            }
            async with session.post(self.settings.token_url, data=form, timeout=HTTP_TIMEOUT) as resp:
                body = await resp.json(content_type=None)
                if resp.status != 200 or "access_token" not in body:
                    raise RuntimeError(
                        f"token request failed: HTTP {resp.status} "
                        f"{body.get('error_description') or body.get('error')}"
                    )
            self._token = body["access_token"]
            self._expires_at = time.time() + int(body.get("expires_in", 3600))
            return self._token


class BotConnectorAuth:
    """Validates the Bot Connector's JWT on incoming activities."""

    def __init__(self, settings: TeamsSettings) -> None:
        self.settings = settings
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def _refresh_keys(self, session: aiohttp.ClientSession) -> None:
        async with session.get(self.settings.openid_metadata_url, timeout=HTTP_TIMEOUT) as resp:
            resp.raise_for_status()
            metadata = await resp.json(content_type=None)
        async with session.get(metadata["jwks_uri"], timeout=HTTP_TIMEOUT) as resp:
            resp.raise_for_status()
            jwks = await resp.json(content_type=None)
        self._keys = {key["kid"]: key for key in jwks.get("keys", []) if "kid" in key}
        self._fetched_at = time.time()

    async def _key(self, session: aiohttp.ClientSession, kid: str) -> dict[str, Any]:
        async with self._lock:
            age = time.time() - self._fetched_at
            # Refresh daily, and early when an unknown key appears (key roll-over),
            # but not more than every few minutes so bad tokens cannot hammer Microsoft.
            if age > JWKS_MAX_AGE_SECONDS or (kid not in self._keys and age > JWKS_MIN_REFRESH_SECONDS):
                try:
                    await self._refresh_keys(session)
                except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as error:
                    if self._keys and age > JWKS_MAX_STALE_SECONDS:
                        logger.error(
                            "Bot Connector signing keys are %.0f h old; no longer trusted", age / 3600
                        )
                        self._keys = {}
                    if not self._keys:
                        raise TeamsAuthError(
                            f"signing keys unavailable: {error}", HTTPStatus.SERVICE_UNAVAILABLE
                        ) from error
                    logger.warning("Could not refresh Bot Connector signing keys: %s", error)
            if kid not in self._keys:
                raise TeamsAuthError("token signed with an unknown key")
            return self._keys[kid]

    async def validate(
        self, session: aiohttp.ClientSession, authorization: str | None, activity: dict[str, Any]
    ) -> dict[str, Any]:
        match = re.match(r"^Bearer\s+(\S+)$", authorization or "")
        if not match:
            raise TeamsAuthError("missing bearer token")
        token = match.group(1)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise TeamsAuthError(f"malformed token: {error}") from error
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise TeamsAuthError("unexpected token algorithm")
        jwk = await self._key(session, header["kid"])
        try:
            claims = jwt.decode(
                token,
                key=RSAAlgorithm.from_jwk(json.dumps(jwk)),
                algorithms=["RS256"],
                audience=self.settings.app_id,
                issuer=list(self.settings.issuers),
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except (jwt.PyJWTError, ValueError) as error:
            raise TeamsAuthError(f"invalid token: {error}") from error
        # Microsoft requires the claim: without it a token could be replayed against any service URL.
        if not claims.get("serviceUrl"):
            raise TeamsAuthError("token has no serviceUrl claim")
        if claims["serviceUrl"] != activity.get("serviceUrl"):
            raise TeamsAuthError("serviceUrl claim does not match the activity", HTTPStatus.FORBIDDEN)
        tenant = ((activity.get("channelData") or {}).get("tenant") or {}).get("id")
        if tenant != self.settings.tenant_id:
            raise TeamsAuthError("activity from another tenant", HTTPStatus.FORBIDDEN)
        endorsements = jwk.get("endorsements")
        if endorsements and activity.get("channelId") not in endorsements:
            raise TeamsAuthError("signing key is not endorsed for this channel", HTTPStatus.FORBIDDEN)
        return claims


class TeamsOutput(OutputChannel):
    """Sends Rasa's replies into one Teams conversation via the Bot Connector."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(
        self,
        session: aiohttp.ClientSession,
        tokens: TokenProvider,
        activity: dict[str, Any],
    ) -> None:
        self.session = session
        self.tokens = tokens
        self.service_url = activity["serviceUrl"].rstrip("/")
        self.conversation = activity["conversation"]
        self.bot_account = activity.get("recipient") or {}
        self.user_account = activity.get("from") or {}
        self.reply_to_id = activity.get("id")

    async def send_activity(self, fields: dict[str, Any]) -> None:
        activity = {
            "type": "message",
            "from": self.bot_account,
            "recipient": self.user_account,
            "conversation": {"id": self.conversation["id"]},
            **fields,
        }
        conversation = quote(self.conversation["id"], safe="")
        url = f"{self.service_url}/v3/conversations/{conversation}/activities"
        if self.reply_to_id:
            activity["replyToId"] = self.reply_to_id
            url += f"/{quote(str(self.reply_to_id), safe='')}"
        token = await self.tokens.token(self.session)
        async with self.session.post(
            # encoded=True: keep the percent-encoding of ids like "19:…@thread.tacv2;messageid=…"
            yarl.URL(url, encoded=True),
            json=activity,
            headers={"Authorization": f"Bearer {token}"},
            timeout=HTTP_TIMEOUT,
        ) as resp:
            if resp.status >= 300:
                logger.error(
                    "Teams rejected a bot message: HTTP %s %s", resp.status, (await resp.text())[:300]
                )

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_activity({"text": text, "textFormat": "markdown"})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        # messageBack shows the title in the chat but sends the payload to the bot.
        actions = [
            {
                "type": "messageBack",
                "title": str(button.get("title") or button.get("payload")),
                "displayText": str(button.get("title") or button.get("payload")),
                "text": str(button.get("payload") or button.get("title")),
                "value": {"payload": str(button.get("payload") or button.get("title"))},
            }
            for button in buttons
        ]
        await self.send_activity(
            {
                "text": text,
                "textFormat": "markdown",
                "attachments": [
                    {"contentType": "application/vnd.microsoft.card.hero", "content": {"buttons": actions}}
                ],
            }
        )

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        if image.startswith("data:"):
            try:
                content_type, _ = decode_data_url(image)
            except ValueError as error:
                logger.error("Bot image not usable: %s", error)
                await self.send_text_message(
                    recipient_id, "Die Grafik konnte leider nicht übertragen werden."
                )
                return
        else:
            content_type = "image/png"
        extension = content_type.split("/")[1].replace("jpeg", "jpg")
        await self.send_activity(
            {
                "attachments": [
                    {"contentType": content_type, "contentUrl": image, "name": f"grafik.{extension}"}
                ]
            }
        )

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        report = report_attachment(json_message)
        if report:
            await self.send_activity({"attachments": [report]})
        # Custom payloads may carry Teams attachments (e.g. an Adaptive Card).
        if isinstance(json_message.get("attachments"), list):
            await self.send_activity(
                {"attachments": json_message["attachments"], "text": json_message.get("text", "")}
            )


def report_attachment(json_message: dict[str, Any], env: dict | None = None) -> dict[str, str] | None:
    """Teams attachment for the report payload of dteam/followup/service.py (issue 12).

    Teams fetches the file itself, so the chat server must be reachable under REPORT_BASE_URL;
    without it the user still has the link in the message text.
    """
    env = os.environ if env is None else env
    report = json_message.get("report")
    path = report.get("path") if isinstance(report, dict) else None
    base = str(env.get("REPORT_BASE_URL", "")).rstrip("/")
    if not base.startswith(("https://", "http://")) or not isinstance(path, str):
        return None
    if not REPORT_PATH.match(path):
        return None
    name = "D-Team-" + path.rsplit("/", 1)[1]
    return {"contentType": "application/pdf", "contentUrl": base + path, "name": name}


class TeamsInput(InputChannel):
    """Rasa input channel for Microsoft Teams (single-tenant bot)."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(TeamsSettings.from_credentials(credentials))

    def __init__(self, settings: TeamsSettings) -> None:
        self.settings = settings
        self.tokens = TokenProvider(settings)
        self.auth = BotConnectorAuth(settings)
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set = set()

    def _http(self) -> aiohttp.ClientSession:
        # Created lazily inside Sanic's running loop.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def _handle_activity(
        self, activity: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        output = TeamsOutput(self._http(), self.tokens, activity)
        conversation_id = activity["conversation"]["id"]
        user = activity.get("from") or {}
        sender_id = sender_id_for(conversation_id, user.get("aadObjectId") or user.get("id", ""))
        kind = activity.get("type")
        if kind == "conversationUpdate":
            bot_id = (activity.get("recipient") or {}).get("id")
            added = [m.get("id") for m in activity.get("membersAdded") or []]
            if not (self.settings.greet_on_install and bot_id in added):
                return
            text = "/greet"
        elif kind == "message":
            text = user_text_from_activity(activity)
            if not text:
                await output.send_text_message(sender_id, MSG_TEXT_ONLY)
                return
            if len(text) > MAX_MESSAGE_CHARS:
                await output.send_text_message(
                    sender_id, MSG_TOO_LONG.format(length=len(text), limit=MAX_MESSAGE_CHARS)
                )
                return
        else:
            return
        try:
            await on_new_message(
                UserMessage(
                    text=text,
                    output_channel=output,
                    sender_id=sender_id,
                    input_channel=self.name(),
                    message_id=activity.get("id"),
                    metadata={
                        "teams": {
                            "locale": activity.get("locale"),
                            "tenant": (activity.get("channelData") or {}).get("tenant", {}).get("id"),
                        }
                    },
                )
            )
        except Exception:
            logger.exception("Handling a Teams message failed")
            await output.send_text_message(sender_id, MSG_INTERNAL_ERROR)

    def _run_in_background(self, coroutine: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # German notice if the action server is down; faster response checks (bot/remote_actions.py)
        remote_actions.install()
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if len(request.body or b"") > MAX_ACTIVITY_BYTES:
                return response.json(
                    {"error": "activity too large"}, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE
                )
            if not re.match(r"^Bearer\s+\S+$", request.headers.get("Authorization") or ""):
                return response.json({"error": "unauthorized"}, status=HTTPStatus.UNAUTHORIZED)
            try:
                activity = request.json
            except Exception:
                activity = None
            if not isinstance(activity, dict):
                return response.json({"error": "activity JSON expected"}, status=HTTPStatus.BAD_REQUEST)
            try:
                await self.auth.validate(self._http(), request.headers.get("Authorization"), activity)
            except TeamsAuthError as error:
                logger.warning("Rejected Teams request: %s", error)
                return response.json({"error": "unauthorized"}, status=error.status)
            service_url = activity.get("serviceUrl") or ""
            if not service_url_allowed(service_url, self.settings.service_url_allowlist):
                logger.warning("Rejected Teams activity for service URL %r", service_url)
                return response.json({"error": "service URL not allowed"}, status=HTTPStatus.FORBIDDEN)
            if not isinstance(activity.get("conversation"), dict) or "id" not in activity["conversation"]:
                return response.json({"error": "conversation missing"}, status=HTTPStatus.BAD_REQUEST)
            # The Bot Connector expects an answer within 15 s; the replies go out
            # through the Connector API anyway, so the work continues in the background.
            self._run_in_background(self._handle_activity(activity, on_new_message))
            return response.empty(status=HTTPStatus.ACCEPTED)

        return teams_webhook
