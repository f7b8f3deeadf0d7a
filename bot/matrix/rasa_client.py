"""Talks to Rasa's REST channel (POST /webhooks/rest/webhook)."""

from __future__ import annotations

import asyncio
import logging

import aiohttp

logger = logging.getLogger(__name__)


class RasaUnavailable(Exception):
    """Rasa could not be reached or answered with an error."""


async def send_to_rasa(
    session: aiohttp.ClientSession,
    rasa_url: str,
    sender_id: str,
    message: str,
    timeout_seconds: float = 60.0,
) -> list[dict]:
    """Send one user message and return Rasa's bot messages (may be empty)."""
    url = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
    try:
        async with session.post(
            url,
            json={"sender": sender_id, "message": message},
            timeout=aiohttp.ClientTimeout(total=timeout_seconds),
        ) as response:
            if response.status != 200:
                body = (await response.text())[:300]
                raise RasaUnavailable(f"Rasa answered HTTP {response.status}: {body}")
            replies = await response.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
    if not isinstance(replies, list):
        raise RasaUnavailable(f"unexpected reply from Rasa: {str(replies)[:200]}")
    return [reply for reply in replies if isinstance(reply, dict)]
