"""Rasa's REST channel with the input checks a public intranet endpoint needs.

Configured in credentials.yml as `bot.rest_channel.RestInput`; it keeps the standard URL
`/webhooks/rest/webhook`, so the web chat, the Matrix bridge and scripts use it unchanged.

Compared with the built-in channel it
- answers malformed requests (no JSON object, sender or message of the wrong type, no sender)
  with 400 instead of a 500 or a shared "default" conversation;
- removes control characters and caps very long messages, so a pasted document cannot slow the
  NLU down for everyone (the user is told that only the beginning was read);
- installs the German notice for an unreachable action server and the faster response
  validation (bot/remote_actions.py);
- never answers with silence: a turn that produced no message (e.g. Rasa's internal
  `/session_start`) gets a short German prompt with the main options;
- tells the user in German when the turn failed, e.g. because the tracker store's database is
  briefly gone: the turn was not saved, so replies made before the failure are dropped and the
  user is asked to send the message again (everything saved before stays as it was).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage as BadRequest  # sanic 21.12: 400
from sanic.request import Request

from bot import remote_actions, tracker_store_outage

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 200
# C0/C1 control characters except tab and newline; plus lone surrogates from broken encodings.
TRUNCATED_FLAG = "input_truncated"
_MAX_CHARS_GERMAN = f"{MAX_MESSAGE_CHARS:,}".replace(",", ".")
TRUNCATED_TEXT = (
    f"Hinweis: Ihre Nachricht ist sehr lang. Ich lese nur die ersten {_MAX_CHARS_GERMAN} Zeichen – "
    "am besten stellen Sie Ihre Frage in ein, zwei Sätzen."
)
# Sent when a turn produced no message at all, so a user never waits for nothing.
SILENT_TURN_TEXT = (
    "Ich bin bereit. Möchten Sie den Selbsttest machen, eine Frage stellen oder die Hilfe sehen?"
)
SILENT_TURN_BUTTONS = [
    {"title": "Selbsttest starten", "payload": "/start_interview"},
    {"title": "Frage stellen", "payload": "/show_examples"},
    {"title": "Hilfe", "payload": "/help"},
]
STORE_UNAVAILABLE_TEXT = (
    "Der Datenspeicher des Assistenten ist gerade nicht erreichbar. Ihre bisherigen Antworten sind "
    "gespeichert; bitte senden Sie Ihre letzte Nachricht in einigen Augenblicken noch einmal."
)
TURN_FAILED_TEXT = (
    "Entschuldigung, bei der Verarbeitung Ihrer Nachricht ist ein Fehler aufgetreten. Bitte senden "
    "Sie sie gleich noch einmal."
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_message(text: str) -> str:
    """NFC-normalised text without control characters, at most MAX_MESSAGE_CHARS long."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[:MAX_MESSAGE_CHARS]
    return text


def _is_storage_outage(error: BaseException) -> bool:
    """A database or lock store that cannot be reached (checked along the exception chain)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (OperationalError, DBAPIError, ConnectionError)):
            return True
        if type(error).__module__.startswith(("redis", "psycopg2", "sqlite3")):
            return True
        error = error.__cause__ or error.__context__
    return False


class RestInput(RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        remote_actions.install()  # when Rasa builds the channel, not when the module is imported
        tracker_store_outage.install()  # a database outage raises instead of starting from scratch

        async def handle_and_never_stay_silent(message: UserMessage) -> None:
            output = message.output_channel
            if (message.metadata or {}).get(TRUNCATED_FLAG):
                await output.send_text_message(message.sender_id, TRUNCATED_TEXT)
            try:
                await on_new_message(message)
            except Exception as error:  # Rasa would log it and answer with silence
                storage_down = _is_storage_outage(error)
                logger.error(
                    "Turn failed (%s): %s", "storage unavailable" if storage_down else "error", error
                )
                if type(output) is not CollectingOutputChannel:
                    raise
                output.messages.clear()  # the turn was not saved: its replies would mislead
                await output.send_text_message(
                    message.sender_id, STORE_UNAVAILABLE_TEXT if storage_down else TURN_FAILED_TEXT
                )
                return
            # Only the plain collector: the streaming channel (a subclass) sends as it goes.
            if type(output) is CollectingOutputChannel and not output.messages:
                await output.send_text_with_buttons(message.sender_id, SILENT_TURN_TEXT, SILENT_TURN_BUTTONS)

        return super().blueprint(handle_and_never_stay_silent)

    @staticmethod
    def _json_object(req: Request) -> dict[str, Any]:
        try:
            body = req.json
        except Exception as error:  # sanic raises on undecodable JSON
            raise BadRequest("Die Anfrage enthält kein gültiges JSON.") from error
        if not isinstance(body, dict):
            raise BadRequest("Erwartet wird ein JSON-Objekt mit »sender« und »message«.")
        return body

    async def _extract_sender(self, req: Request) -> str | None:
        sender = self._json_object(req).get("sender")
        if not isinstance(sender, (str, int)) or not str(sender).strip():
            raise BadRequest("Das Feld »sender« fehlt oder ist leer.")
        sender = str(sender).strip()
        if len(sender) > MAX_SENDER_CHARS or _CONTROL.search(sender):
            raise BadRequest("Das Feld »sender« ist ungültig.")
        return sender

    def _extract_message(self, req: Request) -> str | None:
        message = self._json_object(req).get("message")
        if message is None:
            message = ""
        if not isinstance(message, (str, int, float)) or isinstance(message, bool):
            raise BadRequest("Das Feld »message« muss Text sein.")
        return clean_message(str(message))

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        body = self._json_object(request)
        metadata = body.get("metadata")
        metadata = dict(metadata) if isinstance(metadata, dict) else {}
        metadata.pop(TRUNCATED_FLAG, None)  # only this channel may set it
        message = body.get("message")
        if isinstance(message, str) and len(message) > MAX_MESSAGE_CHARS:
            metadata[TRUNCATED_FLAG] = True
        return metadata or None
