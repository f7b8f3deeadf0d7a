"""Two fixes to how the Rasa server calls the action server, installed once per process.

1. German notice instead of silence. Rasa's processor logs a failed custom action and sends
   nothing, so the user would wait for an answer that never comes. If the action server is
   unreachable or answers with an error, the action now returns a bot message saying that this
   function is briefly unavailable (once per turn, even if several actions fail). A failed form
   validation also sets the slot `action_server_unavailable`, so the form does not count the
   turn as "no answer" (which would let unrelated rules fire) but asks its current question
   again. The next message is tried as usual, so the bot recovers by itself.
2. Response validation without the per-call schema check. RemoteAction validates every action
   server response with `jsonschema.validate`, which checks the schema itself on every call
   (about 58 ms each, blocking the event loop; two calls per interview turn). A validator built
   once gives the same result in a fraction of that time.

Installed by the project's channels (bot/rest_channel.py, bot/teams.py) when Rasa builds their
blueprints at server start; importing a channel module changes nothing.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

UNAVAILABLE_TEXT = (
    "Diese Funktion ist gerade kurz nicht verfügbar – bitte versuchen Sie es in einer Minute noch einmal. "
    "Ihre bisherigen Angaben bleiben erhalten."
)
UNAVAILABLE_MARKER = "action_unavailable"
UNAVAILABLE_SLOT = "action_server_unavailable"

_original_run = RemoteAction.run


def _notice_sent_this_turn(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get("utter_action") == UNAVAILABLE_MARKER:
            return True
    return False


async def _run_with_notice(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any
) -> list[Event]:
    try:
        return await _original_run(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise  # a form rejecting the input is normal dialogue flow, not an outage
    except RasaException:
        logger.warning("Custom action %s failed; telling the user it is briefly unavailable", self.name())
        events: list[Event] = []
        if not _notice_sent_this_turn(tracker):
            events.append(
                BotUttered(text=UNAVAILABLE_TEXT, data={}, metadata={"utter_action": UNAVAILABLE_MARKER})
            )
        if self.name().startswith("validate_") and any(
            slot.name == UNAVAILABLE_SLOT for slot in domain.slots
        ):
            events.append(SlotSet(UNAVAILABLE_SLOT, True))
        return events


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    spec = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(spec)
    validator_class.check_schema(spec)
    return validator_class(spec)


def _validate_action_result_once_checked(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            "Action endpoint is valid."
        )
        raise error


def install() -> None:
    """Idempotent: wraps RemoteAction.run and replaces its response validation."""
    if RemoteAction.run is not _run_with_notice:
        RemoteAction.run = _run_with_notice  # type: ignore[method-assign]
    if RemoteAction._validate_action_result is not _validate_action_result_once_checked:
        RemoteAction._validate_action_result = _validate_action_result_once_checked  # type: ignore[method-assign]
