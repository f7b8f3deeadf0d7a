"""Matrix <-> Rasa bridge built on matrix-nio.

The bridge logs in as a bot user, joins rooms it is invited to, relays each
text message to Rasa's REST webhook and posts Rasa's replies back: text as
Markdown-formatted HTML with a plain-text fallback, buttons as numbered
choices, images uploaded to the homeserver as m.image.
"""

from __future__ import annotations

import asyncio
import io
import ipaddress
import logging
import re
import time
from typing import Any
from urllib.parse import urlparse

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinError,
    LoginError,
    MegolmEvent,
    RoomMessageMedia,
    RoomMessageText,
    RoomSendError,
    SyncError,
    UploadError,
    WhoamiError,
)

from bot.matrix.config import BridgeConfig
from bot.matrix.formatting import (
    MAX_IMAGE_BYTES,
    Choice,
    choices_from_buttons,
    decode_data_url,
    png_dimensions,
    render_message,
    resolve_choice,
    sender_id_for,
    sniff_image_type,
)
from bot.matrix.rasa_client import RasaUnavailable, send_to_rasa
from bot.matrix.report import MSG_REPORT_FAILED, fetch_report, file_content, report_from_reply
from bot.ratelimit import RATE_LIMITED_TEXT, BoundedMap, RateLimiter

logger = logging.getLogger(__name__)

MSG_RASA_UNAVAILABLE = (
    "Entschuldigung, der D-Team-Assistent ist im Moment nicht erreichbar. "
    "Bitte senden Sie Ihre Nachricht in einigen Minuten noch einmal."
)
MSG_TOO_LONG = (
    "Ihre Nachricht ist mit {length} Zeichen zu lang. Bitte fassen Sie sich kürzer "
    "(höchstens {limit} Zeichen) und senden Sie sie noch einmal."
)
MSG_EMPTY = "Ihre Nachricht war leer. Bitte schreiben Sie mir Ihre Frage oder Antwort als Text."
MSG_TEXT_ONLY = (
    "Ich kann bisher nur Textnachrichten verarbeiten. Bitte schreiben Sie mir Ihre Frage "
    "oder Antwort als Text."
)
MSG_IMAGE_FAILED = "Die Grafik konnte leider nicht übertragen werden."

SYNC_TIMEOUT_MS = 30_000
# Per-user state (offered choices, turn locks, rate counters) is kept for at most this many users.
MAX_TRACKED_USERS = 10_000
MAX_BACKOFF_SECONDS = 30.0


class FatalBridgeError(Exception):
    """The bridge cannot continue (e.g. credentials rejected)."""


def _strip_reply_fallback(body: str) -> str:
    """Remove the quoted "> <@user> ..." lines Matrix clients prepend to replies."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith("> "):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).strip()


def _is_loopback_host(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class MatrixBridge:
    def __init__(self, config: BridgeConfig) -> None:
        self.config = config
        self.client = AsyncClient(
            config.homeserver,
            config.user_id,
            config=AsyncClientConfig(
                # Bounded retries per request; the sync loop below does the
                # long-term reconnecting with its own backoff.
                max_timeouts=2,
                backoff_factor=0.5,
                max_timeout_retry_wait_time=5,
                request_timeout=30,
            ),
        )
        self._http: aiohttp.ClientSession | None = None
        self._choices: BoundedMap = BoundedMap(MAX_TRACKED_USERS)
        self._sender_locks: BoundedMap = BoundedMap(MAX_TRACKED_USERS, lambda lock: not lock.locked())
        self._rate = RateLimiter(config.rate_limit_per_minute, 60.0, MAX_TRACKED_USERS)
        self._rate_notices = RateLimiter(1, 60.0, MAX_TRACKED_USERS)  # one notice per user and minute
        self._tasks: set[asyncio.Task] = set()
        self._stopping = asyncio.Event()
        self._started_ms = 0
        self._logged_in_with_password = False
        self.ready = asyncio.Event()  # set after the first successful sync

    # --- lifecycle -------------------------------------------------------------

    async def run(self) -> None:
        self._http = aiohttp.ClientSession()
        try:
            await self._login()
            self._started_ms = int(time.time() * 1000)
            await self._sync_loop()
        finally:
            await self._shutdown()

    def stop(self) -> None:
        self._stopping.set()

    async def _shutdown(self) -> None:
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=10)
        if self._logged_in_with_password:
            try:
                await asyncio.wait_for(self.client.logout(), timeout=5)
            except Exception:
                logger.info("Could not log out the bridge device", exc_info=True)
        await self.client.close()
        if self._http:
            await self._http.close()

    async def _sleep_or_stop(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            pass

    async def _login(self) -> None:
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                if self.config.access_token:
                    self.client.access_token = self.config.access_token
                    whoami = await self.client.whoami()
                    if isinstance(whoami, WhoamiError):
                        raise FatalBridgeError(f"access token rejected: {whoami.message}")
                    self.client.restore_login(
                        whoami.user_id, whoami.device_id or "", self.config.access_token
                    )
                else:
                    response = await self.client.login(
                        self.config.password, device_name=self.config.device_name
                    )
                    if isinstance(response, LoginError):
                        raise FatalBridgeError(f"login rejected: {response.message}")
                    self._logged_in_with_password = True
                logger.info("Logged in to %s as %s", self.config.homeserver, self.client.user_id)
                return
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                logger.warning("Homeserver not reachable (%s); retrying in %.0fs", error, backoff)
                await self._sleep_or_stop(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def _sync_loop(self) -> None:
        backoff = 1.0
        first = True
        while not self._stopping.is_set():
            try:
                sync = self.client.sync(
                    timeout=0 if first else SYNC_TIMEOUT_MS,
                    full_state=first,
                    # The first sync only tells us where "now" is; old
                    # timeline events are never answered.
                    sync_filter={"room": {"timeline": {"limit": 1}}} if first else None,
                )
                sync_task = asyncio.ensure_future(sync)
                stop_task = asyncio.ensure_future(self._stopping.wait())
                done, _ = await asyncio.wait({sync_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
                if sync_task not in done:
                    sync_task.cancel()
                    break
                stop_task.cancel()
                response = sync_task.result()
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
                logger.warning("Sync failed (%s); reconnecting in %.0fs", error, backoff)
                await self._sleep_or_stop(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            if isinstance(response, SyncError):
                if response.status_code in ("M_UNKNOWN_TOKEN", "M_FORBIDDEN"):
                    raise FatalBridgeError(f"homeserver rejected the session: {response.message}")
                logger.warning(
                    "Sync error %s (%s); retrying in %.0fs", response.status_code, response.message, backoff
                )
                await self._sleep_or_stop(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            backoff = 1.0
            await self._handle_sync(response, initial=first)
            if first:
                first = False
                self.ready.set()
                logger.info("Bridge ready; relaying to %s", self.config.rasa_url)

    # --- incoming ----------------------------------------------------------------

    def _inviter(self, invite_info: Any) -> str | None:
        for event in getattr(invite_info, "invite_state", None) or []:
            if getattr(event, "state_key", None) == self.client.user_id and (
                getattr(event, "membership", None) == "invite"
            ):
                return getattr(event, "sender", None)
        return None

    async def _handle_sync(self, response: Any, initial: bool) -> None:
        for room_id, invite_info in list(response.rooms.invite.items()):
            inviter = self._inviter(invite_info)
            if inviter is None or not self.config.is_allowed(inviter):
                logger.warning("Invite to %s from %s declined: not in the allow-list", room_id, inviter)
                await self.client.room_leave(room_id)
                continue
            result = await self.client.join(room_id)
            if isinstance(result, JoinError):
                logger.warning("Could not join %s: %s", room_id, result.message)
            else:
                logger.info("Joined %s", room_id)
        if initial:
            return
        for room_id, room_info in response.rooms.join.items():
            for event in room_info.timeline.events:
                if getattr(event, "sender", None) == self.client.user_id:
                    continue
                if getattr(event, "server_timestamp", 0) < self._started_ms:
                    continue
                if not self.config.is_allowed(getattr(event, "sender", "")):
                    continue  # e.g. a user of a foreign homeserver in a shared room
                if isinstance(event, RoomMessageText):
                    if self._is_edit(event):
                        continue
                    self._spawn(self._handle_text(room_id, event))
                elif isinstance(event, RoomMessageMedia):
                    self._spawn(self._send_text(room_id, MSG_TEXT_ONLY))
                elif isinstance(event, MegolmEvent):
                    logger.warning(
                        "Encrypted message in %s ignored: the bridge supports unencrypted rooms only", room_id
                    )

    @staticmethod
    def _is_edit(event: RoomMessageText) -> bool:
        relates = event.source.get("content", {}).get("m.relates_to") or {}
        return relates.get("rel_type") == "m.replace"

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception():
            logger.error("Message handling failed", exc_info=task.exception())

    def _addressed_text(self, room_id: str, event: RoomMessageText) -> str | None:
        """The message text meant for the bot, or None if it is not for us."""
        body = _strip_reply_fallback(event.body or "")
        room = self.client.rooms.get(room_id)
        if not (self.config.require_mention_in_groups and room and room.joined_count > 2):
            return body
        localpart = self.client.user_id.split(":")[0].lstrip("@")
        names = {self.client.user_id, localpart}
        if room.user_name(self.client.user_id):
            names.add(room.user_name(self.client.user_id))
        content = event.source.get("content", {})
        mentioned = self.client.user_id in (content.get("m.mentions") or {}).get("user_ids", [])
        mentioned |= f"matrix.to/#/{self.client.user_id}" in (event.formatted_body or "")
        for name in sorted(names, key=len, reverse=True):
            prefix = re.match(rf"^\s*@?{re.escape(name)}\s*[:,]?\s*", body, re.IGNORECASE)
            if prefix:
                return body[prefix.end() :]
            mentioned |= name.casefold() in body.casefold()
        return body if mentioned else None

    async def _handle_text(self, room_id: str, event: RoomMessageText) -> None:
        text = self._addressed_text(room_id, event)
        if text is None:
            return
        if not self._rate.allow(event.sender):
            if self._rate_notices.allow(event.sender):
                await self._send_text(room_id, RATE_LIMITED_TEXT)
            return
        sender_id = sender_id_for(room_id, event.sender)
        lock = self._sender_locks.setdefault(sender_id, asyncio.Lock())
        async with lock:  # keep each user's turns in order
            text = text.strip()
            if not text:
                await self._send_text(room_id, MSG_EMPTY)
                return
            if len(text) > self.config.max_message_chars:
                await self._send_text(
                    room_id, MSG_TOO_LONG.format(length=len(text), limit=self.config.max_message_chars)
                )
                return
            message = resolve_choice(text, self._choices.get(sender_id, []))
            await self._set_typing(room_id, True)
            try:
                replies = await send_to_rasa(
                    self._http, self.config.rasa_url, sender_id, message, self.config.rasa_timeout_seconds
                )
            except RasaUnavailable as error:
                logger.error("Rasa unavailable: %s", error)
                await self._send_text(room_id, MSG_RASA_UNAVAILABLE)
                return
            finally:
                await self._set_typing(room_id, False)
            await self._post_replies(room_id, sender_id, replies)

    # --- outgoing ----------------------------------------------------------------

    async def _post_replies(self, room_id: str, sender_id: str, replies: list[dict]) -> None:
        latest_choices: list[Choice] = []
        for reply in replies:
            choices = choices_from_buttons(reply.get("buttons") or reply.get("quick_replies"))
            if reply.get("text") or choices:
                await self._send_text(room_id, reply.get("text") or "", choices)
                latest_choices = choices or latest_choices
            if reply.get("image"):
                await self._send_image(room_id, str(reply["image"]))
            report = report_from_reply(reply)
            if report:
                await self._send_report(room_id, *report)
        # Only the choices of this turn are valid answers; stale ones would map
        # a number the user types later to the wrong question.
        if latest_choices:
            self._choices[sender_id] = latest_choices
        else:
            self._choices.pop(sender_id, None)

    async def _room_send(self, room_id: str, content: dict) -> bool:
        response = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        if isinstance(response, RoomSendError):
            logger.error("Sending to %s failed: %s", room_id, response.message)
            return False
        return True

    async def _send_text(self, room_id: str, text: str, choices: list[Choice] | None = None) -> bool:
        plain, formatted = render_message(text, choices or [])
        return await self._room_send(
            room_id,
            {
                "msgtype": "m.text",
                "body": plain,
                "format": "org.matrix.custom.html",
                "formatted_body": formatted,
            },
        )

    async def _set_typing(self, room_id: str, typing: bool) -> None:
        try:
            await self.client.room_typing(room_id, typing, timeout=30_000)
        except Exception:
            logger.debug("typing notification failed", exc_info=True)

    async def _image_bytes(self, url: str) -> tuple[str, bytes] | None:
        """Image content for a data URL or an allowed http(s) URL; None -> send as link."""
        if url.startswith("data:"):
            return decode_data_url(url)
        parsed = urlparse(url)
        host = (parsed.hostname or "").lower()
        if parsed.scheme not in ("http", "https") or not (
            _is_loopback_host(host) or host in self.config.image_hosts
        ):
            return None
        async with self._http.get(url, timeout=aiohttp.ClientTimeout(total=20)) as response:
            if response.status != 200:
                raise ValueError(f"image download answered HTTP {response.status}")
            data = await response.content.read(MAX_IMAGE_BYTES + 1)
        if len(data) > MAX_IMAGE_BYTES:
            raise ValueError("image too large")
        mime = sniff_image_type(data)
        if not mime:
            raise ValueError("downloaded file is not an image")
        return mime, data

    async def _send_report(self, room_id: str, path: str, filename: str) -> None:
        """The report PDF behind a return or team code as an m.file (issue 12)."""
        try:
            data = await fetch_report(self._http, path)
        except (ValueError, aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("Report not usable: %s", error)
            await self._send_text(room_id, MSG_REPORT_FAILED)
            return
        upload, _ = await self.client.upload(
            io.BytesIO(data), content_type="application/pdf", filename=filename, filesize=len(data)
        )
        if isinstance(upload, UploadError):
            logger.error("Upload failed: %s", upload.message)
            await self._send_text(room_id, MSG_REPORT_FAILED)
            return
        await self._room_send(room_id, file_content(filename, upload.content_uri, len(data)))

    async def _send_image(self, room_id: str, url: str) -> None:
        try:
            image = await self._image_bytes(url)
        except (ValueError, aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("Bot image not usable: %s", error)
            await self._send_text(room_id, MSG_IMAGE_FAILED)
            return
        if image is None:
            await self._send_text(room_id, f"Grafik: {url}")
            return
        mime, data = image
        extension = mime.split("/")[1].replace("jpeg", "jpg")
        filename = f"grafik.{extension}"
        upload, _ = await self.client.upload(
            io.BytesIO(data), content_type=mime, filename=filename, filesize=len(data)
        )
        if isinstance(upload, UploadError):
            logger.error("Upload failed: %s", upload.message)
            await self._send_text(room_id, MSG_IMAGE_FAILED)
            return
        info: dict[str, Any] = {"mimetype": mime, "size": len(data)}
        dimensions = png_dimensions(data)
        if dimensions:
            info["w"], info["h"] = dimensions
        await self._room_send(
            room_id,
            {
                "msgtype": "m.image",
                "body": filename,
                "filename": filename,
                "url": upload.content_uri,
                "info": info,
            },
        )
