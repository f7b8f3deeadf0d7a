"""Issue 13, item 5, against a real Synapse: the bridge joins only invites from allowed users, answers
only them, and limits how fast one person can make it call Rasa."""

from __future__ import annotations

import asyncio
import os
import subprocess

import pytest

from tests.channels.matrix_helpers import (
    MATRIX_VENV_SCRIPT,
    SYNAPSE_SCRIPT,
    BridgeProcess,
    NioTestClient,
    ScriptedRasa,
    SynapseServer,
)

pytestmark = pytest.mark.slow
BOT_PASSWORD = "bot-secret-pw"
RATE_LIMIT = 3


class World:
    pass


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)
    subprocess.run(["bash", str(SYNAPSE_SCRIPT), "install"], check=True, timeout=900)
    workdir = tmp_path_factory.mktemp("synapse-allowlist")
    synapse = SynapseServer(workdir)
    synapse.prepare()
    synapse.start()
    rasa = ScriptedRasa(lambda sender, message: [{"recipient_id": sender, "text": f"Echo: {message}"}])
    rasa.start()
    bridge = None
    try:
        w = World()
        w.synapse, w.rasa = synapse, rasa

        async def register():
            w.alice = await synapse.register("alice", "alice-pw")
            w.mallory = await synapse.register("mallory", "mallory-pw")
            w.bot = await synapse.register("assistent", BOT_PASSWORD)

        asyncio.run(register())
        env = dict(
            os.environ,
            MATRIX_HOMESERVER=synapse.base_url,
            MATRIX_USER=w.bot["user_id"],
            MATRIX_PASSWORD=BOT_PASSWORD,
            RASA_URL=rasa.url,
            # Only Alice: the homeserver itself is not on the list.
            MATRIX_ALLOWED_SERVERS="partner.example",
            MATRIX_ALLOWED_USERS=w.alice["user_id"],
            MATRIX_RATE_LIMIT=str(RATE_LIMIT),
        )
        env.pop("MATRIX_ACCESS_TOKEN", None)
        bridge = BridgeProcess(workdir / "bridge.log", env)
        bridge.start()
        w.bridge = bridge
        yield w
    finally:
        if bridge:
            bridge.stop()
        rasa.close()
        synapse.stop()


def client(world, user) -> NioTestClient:
    return NioTestClient(world.synapse.base_url, user["access_token"], user["user_id"], user["device_id"])


def test_invite_from_a_user_outside_the_allow_list_is_declined(world):
    async def scenario():
        async with client(world, world.mallory) as mallory:
            room = await mallory.create_room(invite=[world.bot["user_id"]], name="Fremd")
            await mallory.send_text(room, "Hallo")
            assert await mallory.quiet_for(room, world.bot["user_id"], 6) == []
            return await mallory.joined_members(room)

    members = asyncio.run(scenario())
    assert world.bot["user_id"] not in members
    assert "declined" in world.bridge.log()
    assert world.rasa.messages() == []


def test_allowed_user_is_answered_and_rate_limited_with_one_notice(world):
    async def scenario():
        async with client(world, world.alice) as alice:
            room = await alice.create_room(
                invite=[world.bot["user_id"], world.mallory["user_id"]], name="Team"
            )
            await alice.wait_for_member(room, world.bot["user_id"])
            async with client(world, world.mallory) as mallory:
                await mallory.join(room)
                await mallory.send_text(room, "@assistent: Hallo von Mallory")
                assert await mallory.quiet_for(room, world.bot["user_id"], 4) == []
            for number in range(RATE_LIMIT + 2):
                await alice.send_text(room, f"@assistent: Nachricht {number}")
            return await alice.messages_from(room, world.bot["user_id"], RATE_LIMIT + 1, timeout=60)

    replies = asyncio.run(scenario())
    bodies = [reply["body"] for reply in replies]
    assert sum(body.startswith("Echo: ") for body in bodies) == RATE_LIMIT
    assert sum("sehr schnell hintereinander" in body for body in bodies) == 1
    received = world.rasa.messages()
    assert len(received) == RATE_LIMIT and not any("Mallory" in message for message in received)
