"""What a domain turn hands back to a channel adapter: messages to send and slot updates.

The Rasa adapters (actions/) send `messages` in order and turn `slots` into slot events; they run
`background` work (e.g. an anonymous statistics row) off the event loop after the reply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """One bot message: text with buttons, an image, or a custom payload for the channels (`json`)."""

    text: str | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)
    image: str | None = None
    json: dict[str, Any] | None = None


@dataclass(frozen=True)
class Reply:
    messages: list[Message] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    background: list[Callable[[], None]] = field(default_factory=list)

    def __add__(self, other: Reply) -> Reply:
        """This reply, then the other one (later slot updates win)."""
        return Reply(
            [*self.messages, *other.messages],
            {**self.slots, **other.slots},
            [*self.background, *other.background],
        )


def say(text: str, buttons: list[dict[str, str]] | tuple[dict[str, str], ...] = ()) -> Reply:
    return Reply([Message(text, list(buttons))])
