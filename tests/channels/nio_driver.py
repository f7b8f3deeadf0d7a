"""A matrix-nio test client, driven over JSON lines on stdin/stdout.

Runs with `.venv-matrix/bin/python` (matrix-nio cannot live in the Rasa venv);
the tests start it as a subprocess through `NioTestClient` in matrix_helpers.py.

Protocol: one request per line, `{"id": 1, "op": "send_text", "args": {...}}`;
one answer per line, `{"id": 1, "ok": true, "result": ...}` or
`{"id": 1, "ok": false, "error": "..."}`. The first request must be `login`.
Message events are returned as their raw `content` dicts, so the tests see
exactly what a Matrix client receives. Diagnostics go to stderr.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import time
import uuid
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    MemoryDownloadResponse,
    RoomPreset,
    SyncResponse,
)


class DriverError(Exception):
    pass


def _check(response: Any, what: str) -> Any:
    if isinstance(response, ErrorResponse):
        raise DriverError(f"{what} failed: {response.status_code} {response.message}")
    return response


class NioDriver:
    def __init__(self) -> None:
        self.client: AsyncClient | None = None
        self.since: str | None = None

    async def close(self) -> None:
        if self.client:
            await self.client.close()

    # --- operations -----------------------------------------------------------------

    async def op_login(self, homeserver: str, user_id: str, access_token: str, device_id: str = "") -> dict:
        # A test client gives up after a few connection errors instead of nio's endless retries.
        config = AsyncClientConfig(
            store_sync_tokens=False, encryption_enabled=False, max_timeouts=3, max_timeout_retry_wait_time=2
        )
        self.client = AsyncClient(homeserver, user_id, config=config)
        self.client.restore_login(user_id, device_id or "NIOTEST", access_token)
        whoami = _check(await self.client.whoami(), "whoami")
        # Start the timeline "now": later reads only see what happens from here on.
        await self._sync(timeout_ms=0)
        return {"user_id": whoami.user_id}

    async def op_create_room(self, invite: list[str], name: str = "Test") -> str:
        response = _check(
            await self.client.room_create(name=name, invite=invite, preset=RoomPreset.private_chat),
            "room_create",
        )
        return response.room_id

    async def op_join(self, room_id: str) -> str:
        return _check(await self.client.join(room_id), "join").room_id

    async def op_joined_members(self, room_id: str) -> list[str]:
        response = _check(await self.client.joined_members(room_id), "joined_members")
        return sorted(member.user_id for member in response.members)

    async def op_wait_for_member(self, room_id: str, user_id: str, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if user_id in await self.op_joined_members(room_id):
                return True
            await asyncio.sleep(0.3)
        raise DriverError(f"{user_id} did not join {room_id} within {timeout}s")

    async def op_send(self, room_id: str, content: dict) -> str:
        response = _check(
            await self.client.room_send(room_id, "m.room.message", content, tx_id=uuid.uuid4().hex),
            "room_send",
        )
        return response.event_id

    async def op_send_text(self, room_id: str, text: str) -> str:
        return await self.op_send(room_id, {"msgtype": "m.text", "body": text})

    async def op_messages_from(
        self,
        room_id: str,
        sender: str,
        count: int | None = None,
        timeout: float = 30,
        until_msgtype: str | None = None,
        until_body_contains: str | None = None,
        settle: float = 0,
    ) -> list[dict]:
        """Collect the next m.room.message contents `sender` posts in the room.

        Stops when `count` messages arrived; or, with `until_msgtype` and/or
        `until_body_contains`, once a message matching them arrived and then
        `settle` seconds passed without another one (so replies that follow it
        are collected too); at the latest at `timeout`.
        """
        waiting_for_match = until_msgtype is not None or until_body_contains is not None

        def matches(content: dict) -> bool:
            return (until_msgtype is None or content.get("msgtype") == until_msgtype) and (
                until_body_contains is None or until_body_contains in str(content.get("body", ""))
            )

        found: list[dict] = []
        deadline = time.monotonic() + timeout
        last_arrival_after_match: float | None = None
        while time.monotonic() < deadline:
            if count is not None and len(found) >= count:
                break
            if last_arrival_after_match is not None and time.monotonic() - last_arrival_after_match >= settle:
                break
            wait_ms = 1000 if last_arrival_after_match is None else max(100, int(settle * 500))
            new = await self._room_messages(room_id, sender, wait_ms)
            found.extend(new)
            if waiting_for_match and new and any(matches(content) for content in found):
                last_arrival_after_match = time.monotonic()
        return found

    async def op_download(self, mxc_url: str) -> dict:
        response = _check(await self.client.download(mxc=mxc_url), "download")
        if not isinstance(response, MemoryDownloadResponse):
            raise DriverError(f"unexpected download response {type(response).__name__}")
        return {
            "content_type": response.content_type,
            "base64": base64.b64encode(response.body).decode("ascii"),
        }

    # --- sync -----------------------------------------------------------------------

    async def _sync(self, timeout_ms: int) -> SyncResponse:
        # full_state=False and an explicit since token: each sync returns only new events.
        response = _check(await self.client.sync(timeout=timeout_ms, since=self.since), "sync")
        self.since = response.next_batch
        return response

    async def _room_messages(self, room_id: str, sender: str, timeout_ms: int) -> list[dict]:
        response = await self._sync(timeout_ms)
        room = response.rooms.join.get(room_id)
        if room is None:
            return []
        return [
            event.source["content"]
            for event in room.timeline.events
            if event.source.get("type") == "m.room.message" and event.source.get("sender") == sender
        ]


async def serve() -> None:
    driver = NioDriver()
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            request = json.loads(line)
            answer: dict = {"id": request.get("id")}
            try:
                handler = getattr(driver, "op_" + request["op"], None)
                if handler is None:
                    raise DriverError(f"unknown op {request['op']!r}")
                if request["op"] != "login" and driver.client is None:
                    raise DriverError("login first")
                answer.update(ok=True, result=await handler(**request.get("args", {})))
            except Exception as error:  # reported to the test, which fails with the message
                answer.update(ok=False, error=f"{type(error).__name__}: {error}")
            sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    finally:
        await driver.close()


if __name__ == "__main__":
    asyncio.run(serve())
