"""The Matrix bridge against a real Synapse homeserver.

Synapse (own venv, SQLite, loopback) and the bridge (own venv, matrix-nio) run
as real processes; the users are matrix-nio clients (NioTestClient); the Rasa
side is a scripted stand-in that implements the REST webhook contract
(test_channels_real_rasa.py covers the real Rasa server).
"""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess

import pytest

from bot.matrix.formatting import sender_id_for
from tests.channels.matrix_helpers import (
    MATRIX_VENV_SCRIPT,
    SYNAPSE_SCRIPT,
    BridgeProcess,
    NioTestClient,
    ScriptedRasa,
    SynapseServer,
    tiny_png,
)

pytestmark = pytest.mark.slow

PNG = tiny_png(5, 4)
PNG_DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()
BOT_PASSWORD = "bot-secret-pw"


def scripted_reply(sender: str, message: str) -> list[dict]:
    text = message.strip()
    if text.lower() == "hallo":
        return [
            {
                "recipient_id": sender,
                "text": "Guten Tag! Womit möchten Sie beginnen?",
                "buttons": [
                    {"title": "Interview starten", "payload": "/start_interview"},
                    {"title": "Frage stellen", "payload": "/ask_question"},
                ],
            }
        ]
    if text == "/start_interview":
        return [{"recipient_id": sender, "text": "Welche **Ziele** verfolgt Ihre Kommune?"}]
    if text == "/ask_question":
        return [{"recipient_id": sender, "text": "Was möchten Sie wissen?"}]
    if text == "ergebnis":
        return [
            {"recipient_id": sender, "text": "Ihre Kommune gleicht am ehesten den **Optimierern**."},
            {"recipient_id": sender, "image": PNG_DATA_URL},
        ]
    return [{"recipient_id": sender, "text": f"Sie schrieben: {text}"}]


class MatrixWorld:
    """Everything the tests share: homeserver, users, scripted Rasa, bridge."""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)
    subprocess.run(["bash", str(SYNAPSE_SCRIPT), "install"], check=True, timeout=900)
    workdir = tmp_path_factory.mktemp("synapse")
    synapse = SynapseServer(workdir)
    synapse.prepare()
    synapse.start()
    rasa = ScriptedRasa(scripted_reply)
    rasa.start()
    bridge = None
    try:
        w = MatrixWorld()
        w.synapse, w.rasa = synapse, rasa

        async def setup_users_and_old_room():
            w.alice = await synapse.register("alice", "alice-pw")
            w.bob = await synapse.register("bob", "bob-pw")
            w.bot = await synapse.register("assistent", BOT_PASSWORD)
            # A room the bot is invited to, with a message, before the bridge runs.
            async with user_client(synapse.base_url, w.alice) as alice:
                w.old_room = await alice.create_room(invite=[w.bot["user_id"]], name="Vorher")
                await alice.send_text(w.old_room, "alte Nachricht vor dem Start")

        asyncio.run(setup_users_and_old_room())
        env = dict(
            os.environ,
            MATRIX_HOMESERVER=synapse.base_url,
            MATRIX_USER=w.bot["user_id"],
            MATRIX_PASSWORD=BOT_PASSWORD,
            RASA_URL=rasa.url,
            MATRIX_LOG_LEVEL="INFO",
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


def user_client(base_url: str, registered: dict) -> NioTestClient:
    return NioTestClient(base_url, registered["access_token"], registered["user_id"], registered["device_id"])


def alice_client(world: MatrixWorld) -> NioTestClient:
    return user_client(world.synapse.base_url, world.alice)


def test_joins_pending_invite_and_ignores_messages_from_before_start(world):
    async def scenario():
        async with alice_client(world) as alice:
            await alice.wait_for_member(world.old_room, world.bot["user_id"])
            assert await alice.quiet_for(world.old_room, world.bot["user_id"], 2) == []
            await alice.send_text(world.old_room, "Hallo")
            replies = await alice.messages_from(world.old_room, world.bot["user_id"], 1)
            assert replies and replies[0]["body"].startswith("Guten Tag!")

    asyncio.run(scenario())
    assert "alte Nachricht vor dem Start" not in world.rasa.messages()


def test_conversation_with_numbered_buttons_and_result_image(world):
    async def scenario():
        async with alice_client(world) as alice:
            room = await alice.create_room(invite=[world.bot["user_id"]], name="Beratung")
            await alice.wait_for_member(room, world.bot["user_id"])

            await alice.send_text(room, "Hallo")
            [greeting] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert greeting["msgtype"] == "m.text"
            assert "1. Interview starten\n2. Frage stellen" in greeting["body"]
            assert greeting["format"] == "org.matrix.custom.html"
            assert "<ol><li>Interview starten</li><li>Frage stellen</li></ol>" in greeting["formatted_body"]

            await alice.send_text(room, "1")  # numbered answer -> that button's payload
            [question] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert question["body"] == "Welche **Ziele** verfolgt Ihre Kommune?"
            assert "<strong>Ziele</strong>" in question["formatted_body"]

            await alice.send_text(room, "Hallo")
            await alice.messages_from(room, world.bot["user_id"], 1)
            await alice.send_text(room, "frage STELLEN")  # the button text, any case
            [ask] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert ask["body"] == "Was möchten Sie wissen?"

            await alice.send_text(room, "<script>alert(1)</script> **fett**")
            [echo] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert "<script>" not in echo["formatted_body"]
            assert "&lt;script&gt;" in echo["formatted_body"]

            await alice.send_text(room, "ergebnis")
            result_text, image = await alice.messages_from(room, world.bot["user_id"], 2)
            assert "<strong>Optimierern</strong>" in result_text["formatted_body"]
            assert image["msgtype"] == "m.image"
            assert image["url"].startswith("mxc://localhost/")
            assert image["info"] == {"mimetype": "image/png", "size": len(PNG), "w": 5, "h": 4}
            assert await alice.download(image["url"]) == PNG
            return room

    room = asyncio.run(scenario())
    sender = sender_id_for(room, world.alice["user_id"])
    sent = [message for who, message in world.rasa.received if who == sender]
    assert sent == [
        "Hallo",
        "/start_interview",
        "Hallo",
        "/ask_question",
        "<script>alert(1)</script> **fett**",
        "ergebnis",
    ]


def test_bad_input_gets_german_reply_without_reaching_rasa(world):
    async def scenario():
        async with alice_client(world) as alice:
            room = await alice.create_room(invite=[world.bot["user_id"]], name="Unsinn")
            await alice.wait_for_member(room, world.bot["user_id"])
            await alice.send_text(room, "x" * 6000)
            [too_long] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert "zu lang" in too_long["body"] and "6000" in too_long["body"]
            await alice.send(
                room, {"msgtype": "m.image", "body": "foto.png", "url": "mxc://localhost/nichtda"}
            )
            [text_only] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert "nur Textnachrichten" in text_only["body"]

    before = len(world.rasa.received)
    asyncio.run(scenario())
    assert len(world.rasa.received) == before


def test_group_room_answers_only_when_mentioned(world):
    async def scenario():
        async with alice_client(world) as alice, user_client(world.synapse.base_url, world.bob) as bob:
            room = await alice.create_room(invite=[world.bot["user_id"], world.bob["user_id"]], name="Team")
            await bob.join(room)
            await alice.wait_for_member(room, world.bot["user_id"])
            await bob.send_text(room, "Alice, wie war das Meeting?")
            assert await alice.quiet_for(room, world.bot["user_id"], 2) == []
            await bob.send_text(room, "assistent: Hallo")
            [reply] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert reply["body"].startswith("Guten Tag!")
            return room

    room = asyncio.run(scenario())
    bob_sender = sender_id_for(room, world.bob["user_id"])
    assert (bob_sender, "Hallo") in world.rasa.received
    assert "Alice, wie war das Meeting?" not in world.rasa.messages()


def test_rasa_unreachable_gets_german_apology(world):
    async def scenario():
        async with alice_client(world) as alice:
            room = await alice.create_room(invite=[world.bot["user_id"]], name="Ausfall")
            await alice.wait_for_member(room, world.bot["user_id"])
            world.rasa.stop()
            try:
                await alice.send_text(room, "Hallo")
                [apology] = await alice.messages_from(room, world.bot["user_id"], 1)
                assert "nicht erreichbar" in apology["body"]
            finally:
                world.rasa.start()
            await alice.send_text(room, "Hallo")
            [greeting] = await alice.messages_from(room, world.bot["user_id"], 1)
            assert greeting["body"].startswith("Guten Tag!")

    asyncio.run(scenario())


def test_bridge_recovers_after_synapse_restart(world):
    async def create_room():
        async with alice_client(world) as alice:
            room = await alice.create_room(invite=[world.bot["user_id"]], name="Neustart")
            await alice.wait_for_member(room, world.bot["user_id"])
            return room

    room = asyncio.run(create_room())
    world.synapse.stop()
    asyncio.run(asyncio.sleep(3))  # the bridge now sees connection errors
    world.synapse.start()

    async def after_restart():
        async with alice_client(world) as alice:
            await alice.send_text(room, "Hallo nach dem Neustart")
            [reply] = await alice.messages_from(room, world.bot["user_id"], 1, timeout=60)
            assert reply["body"] == "Sie schrieben: Hallo nach dem Neustart"

    asyncio.run(after_restart())
    assert world.bridge.process.poll() is None
    assert "Sync failed" in world.bridge.log() or "reconnecting" in world.bridge.log()
