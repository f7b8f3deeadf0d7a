"""German notice instead of silence when the action server cannot be reached.

Rasa's processor logs a failed custom action and sends nothing, so the user would wait for an
answer that never comes. `install()` wraps RemoteAction.run once per process: if the action
server is unreachable or answers with an error, the action returns a bot message saying that
this function is briefly unavailable. The next message is tried again as usual, so the bot
recovers by itself when the action server is back.
"""
from __future__ import annotations

import logging
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

UNAVAILABLE_TEXT = (
    "Diese Funktion ist gerade kurz nicht verfügbar – bitte versuchen Sie es in einer Minute noch einmal. "
    "Ihre bisherigen Angaben bleiben erhalten."
)

_original_run = RemoteAction.run


async def _run_with_notice(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
    try:
        return await _original_run(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise  # a form rejecting the input is normal dialogue flow, not an outage
    except RasaException:
        logger.warning("Custom action %s failed; telling the user it is briefly unavailable", self.name())
        return [BotUttered(text=UNAVAILABLE_TEXT, data={}, metadata={"utter_action": "action_unavailable"})]


def install() -> None:
    """Idempotent: wraps RemoteAction.run with the German notice."""
    if RemoteAction.run is not _run_with_notice:
        RemoteAction.run = _run_with_notice  # type: ignore[method-assign]
