"""Per-client rate limits for the channels (web chat proxy, Matrix bridge). Standard library only.

A sliding-window counter per key with a bounded number of keys: an attacker who rotates keys only
evicts the oldest entries, memory stays fixed.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

RATE_LIMITED_TEXT = (
    "Sie senden sehr schnell hintereinander Nachrichten. Bitte warten Sie einen Moment und "
    "versuchen Sie es dann noch einmal."
)


class RateLimiter:
    def __init__(
        self,
        max_events: int,
        window_seconds: float = 60.0,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_events < 1 or window_seconds <= 0 or max_keys < 1:
            raise ValueError("max_events, window_seconds and max_keys must be positive")
        self.max_events = max_events
        self.window_seconds = window_seconds
        self.max_keys = max_keys
        self._clock = clock
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._events)

    def retry_after(self, key: str) -> float:
        """0 if an event for `key` is allowed now (and counts it); else seconds until the next one is."""
        now = self._clock()
        events = self._events.pop(key, None)
        if events is None:
            events = deque()
        while events and events[0] <= now - self.window_seconds:
            events.popleft()
        self._events[key] = events  # most recently used last
        while len(self._events) > self.max_keys:
            self._events.popitem(last=False)
        if len(events) >= self.max_events:
            return max(0.0, events[0] + self.window_seconds - now)
        events.append(now)
        return 0.0

    def allow(self, key: str) -> bool:
        return self.retry_after(key) == 0.0


class BoundedMap(OrderedDict):
    """A dict that forgets its least recently set entries beyond `max_items`.

    Entries for which `can_evict(value)` is false (e.g. a lock that is held) are skipped, so only
    idle per-user state is dropped.
    """

    def __init__(self, max_items: int, can_evict: Callable[[object], bool] = lambda value: True) -> None:
        super().__init__()
        self.max_items = max_items
        self._can_evict = can_evict

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.max_items:
            for old_key in [k for k in self if k != key]:
                if len(self) <= self.max_items:
                    break
                if self._can_evict(self[old_key]):
                    del self[old_key]

    def setdefault(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        self[key] = default
        return default
