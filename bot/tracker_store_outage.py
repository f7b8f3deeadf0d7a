"""A tracker store that is briefly unreachable must be noticed, not papered over.

Rasa wraps the configured tracker store in `FailSafeTrackerStore`: if reading fails it returns no
tracker (the conversation silently starts from scratch: "gerade läuft kein Selbsttest"), and if
saving fails it keeps the turn in process memory only. With the database gone for a few seconds
the user got answers from an empty conversation. Installed here, reading and saving raise instead
(after one immediate retry, which reconnects pooled connections that died with the server); the
REST channel turns the error into a German "please send that again" (bot/rest_channel.py), and
nothing that was saved before is touched.

Installed by the REST channel when Rasa builds its blueprint; importing this module changes nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.tracker_store import FailSafeTrackerStore

logger = logging.getLogger(__name__)


async def _twice(operation, *args: Any) -> Any:
    try:
        return await operation(*args)
    except Exception as error:  # a pooled connection may have died with the server: retry once
        logger.warning("Tracker store failed (%s); retrying once", error.__class__.__name__)
        return await operation(*args)


async def _retrieve(self: FailSafeTrackerStore, sender_id: str):
    return await _twice(self._tracker_store.retrieve, sender_id)


async def _retrieve_full_tracker(self: FailSafeTrackerStore, sender_id: str):
    return await _twice(self._tracker_store.retrieve_full_tracker, sender_id)


async def _save(self: FailSafeTrackerStore, tracker) -> None:
    await _twice(self._tracker_store.save, tracker)


def install() -> None:
    """Idempotent."""
    FailSafeTrackerStore.retrieve = _retrieve  # type: ignore[method-assign]
    FailSafeTrackerStore.retrieve_full_tracker = _retrieve_full_tracker  # type: ignore[method-assign]
    FailSafeTrackerStore.save = _save  # type: ignore[method-assign]
