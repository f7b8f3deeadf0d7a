"""Both channels in front of the real, trained D-Team-Assistent.

- Matrix: the session's shared real stack (`rasa_stack`: action server +
  `rasa run` with the trained model), a real Synapse and the bridge process.
  A matrix-nio client (NioTestClient) holds a whole conversation: greeting,
  numbered button answers, a free-text answer, "Ergebnis jetzt" with the
  result image (m.image, downloaded and checked as PNG) and a knowledge
  question answered with its source.
- Teams: needs the Teams channel in Rasa's credentials, which the shared
  stack does not open, so this module starts its own Rasa for it: a signed
  Bot Framework activity goes to /webhooks/teams/webhook and the bot's reply
  arrives at the (local) Bot Connector with a tenant token.
"""

from __future__ import annotations

import asyncio
import json
import os
import struct
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.matrix.formatting import sender_id_for as matrix_sender_id
from bot.teams import sender_id_for as teams_sender_id
from tests.channels.matrix_helpers import (
    MATRIX_VENV_SCRIPT,
    REPO_ROOT,
    SYNAPSE_SCRIPT,
    BridgeProcess,
    NioTestClient,
    SynapseServer,
    free_port,
    wait_until,
)
from tests.channels.teams_helpers import APP_ID, TENANT_ID, FakeMicrosoft, SigningKey, load_activity

pytestmark = pytest.mark.slow

MODEL = Path(os.environ.get("D_TEAM_MODEL", REPO_ROOT / "models" / "d-team.tar.gz"))
BOT_PASSWORD = "bot-secret-pw"
RASA_UNAVAILABLE_HINT = "nicht erreichbar"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# generous: the first turns load the model's pipelines and the action server's knowledge base
TURN_TIMEOUT = 90


def http_json(url: str, payload: dict | None = None, headers: dict | None = None, timeout: float = 60):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
        return response.status, (json.loads(body) if body else None)


def is_up(url: str) -> bool:
    try:
        return http_json(url, timeout=2)[0] == 200
    except OSError:
        return False


def require_model() -> None:
    if not MODEL.exists():
        pytest.skip(f"no trained model at {MODEL} (run `make train`)")


def tracker(rasa_url: str, sender_id: str) -> dict:
    return http_json(f"{rasa_url}/conversations/{sender_id}/tracker")[1]


def user_turns(rasa_url: str, sender_id: str) -> list[tuple[str, str]]:
    return [
        (e.get("text"), (e.get("parse_data") or {}).get("intent", {}).get("name"))
        for e in tracker(rasa_url, sender_id)["events"]
        if e["event"] == "user"
    ]


# --- Matrix against the shared real stack ------------------------------------------------


@pytest.fixture(scope="module")
def matrix_world(request, tmp_path_factory):
    require_model()
    rasa_stack = request.getfixturevalue("rasa_stack")  # only after the model check: it cannot skip
    subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)
    subprocess.run(["bash", str(SYNAPSE_SCRIPT), "install"], check=True, timeout=900)
    workdir = tmp_path_factory.mktemp("matrix_real_rasa")
    synapse = SynapseServer(workdir / "synapse")
    bridge = None
    try:
        synapse.prepare()
        synapse.start()

        async def register():
            return await synapse.register("erika", "erika-pw"), await synapse.register(
                "assistent", BOT_PASSWORD
            )

        user, bot = asyncio.run(register())
        env = dict(
            os.environ,
            MATRIX_HOMESERVER=synapse.base_url,
            MATRIX_USER=bot["user_id"],
            MATRIX_PASSWORD=BOT_PASSWORD,
            RASA_URL=rasa_stack.url,
        )
        env.pop("MATRIX_ACCESS_TOKEN", None)
        bridge = BridgeProcess(workdir / "bridge.log", env)
        bridge.start()
        yield SimpleNamespace(rasa_url=rasa_stack.url, synapse=synapse, bridge=bridge, user=user, bot=bot)
    finally:
        if bridge:
            bridge.stop()
        synapse.stop()


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR", data[:32]
    return struct.unpack(">II", data[16:24])


def bodies(messages: list[dict]) -> str:
    return "\n".join(str(m.get("body", "")) for m in messages)


def test_matrix_interview_to_result_image_and_knowledge_answer(matrix_world):
    world = matrix_world
    bot_id = world.bot["user_id"]

    async def scenario():
        async with NioTestClient(
            world.synapse.base_url, world.user["access_token"], world.user["user_id"], world.user["device_id"]
        ) as erika:
            room = await erika.create_room(invite=[bot_id], name="D-Team")
            await erika.wait_for_member(room, bot_id)

            await erika.send_text(room, "Hallo")
            [greeting] = await erika.messages_from(room, bot_id, 1, timeout=TURN_TIMEOUT)
            assert RASA_UNAVAILABLE_HINT not in greeting["body"]
            # the real greeting offers buttons; the bridge shows them numbered
            numbered = [line for line in greeting["body"].splitlines() if line[:2] in ("1.", "2.", "3.")]
            assert len(numbered) >= 2, greeting["body"]
            assert "<ol>" in greeting["formatted_body"]

            await erika.send_text(room, "1")  # first button: start the self-test
            intro = await erika.messages_until(
                room, bot_id, body_contains="Frage 1 von 12", timeout=TURN_TIMEOUT
            )
            assert "Frage 1 von 12" in bodies(intro), bodies(intro)

            await erika.send_text(room, "Vor allem Effizienz, dann Bürgernähe und Fördermittel")
            second = await erika.messages_until(
                room, bot_id, body_contains="Frage 2 von 12", timeout=TURN_TIMEOUT
            )
            question_2 = next(m for m in second if "Frage 2 von 12" in m["body"])
            first_option = next(line for line in question_2["body"].splitlines() if line.startswith("1. "))

            await erika.send_text(room, "1")  # numbered answer to question 2
            third = await erika.messages_until(
                room, bot_id, body_contains="Frage 3 von 12", timeout=TURN_TIMEOUT
            )
            assert "Frage 3 von 12" in bodies(third), bodies(third)

            await erika.send_text(room, "Ergebnis jetzt")
            result = await erika.messages_until(
                room, bot_id, msgtype="m.image", settle=3, timeout=TURN_TIMEOUT
            )
            texts = [m for m in result if m.get("msgtype") == "m.text"]
            images = [m for m in result if m.get("msgtype") == "m.image"]
            assert len(result) >= 3 and len(images) == 1, result
            assert any("Optimierer" in m["body"] for m in texts), bodies(texts)
            assert any("<strong>Optimierer</strong>" in m.get("formatted_body", "") for m in texts), texts
            image = images[0]
            assert image["url"].startswith("mxc://"), image
            png = await erika.download(image["url"])
            assert png.startswith(PNG_SIGNATURE)
            assert image["info"]["mimetype"] == "image/png" and image["info"]["size"] == len(png)
            assert (image["info"]["w"], image["info"]["h"]) == png_size(png)
            assert png_size(png) >= (200, 150)  # a real chart, not a placeholder pixel

            await erika.send_text(room, "Was ist FIM?")
            answer = await erika.messages_until(room, bot_id, body_contains="Quelle:", timeout=TURN_TIMEOUT)
            fim = next(m for m in answer if "Quelle:" in m["body"])
            assert "Informationsmanagement" in fim["body"], fim["body"]
            return room, first_option

    room, first_option = asyncio.run(scenario())

    # What reached Rasa: numbers became the buttons' payloads, text stayed text.
    sender = matrix_sender_id(room, world.user["user_id"])
    turns = user_turns(world.rasa_url, sender)
    texts = [text for text, _ in turns]
    assert texts[0] == "Hallo" and texts[1] == "/start_interview", turns
    assert texts[2] == "Vor allem Effizienz, dann Bürgernähe und Fördermittel", turns
    assert texts[3].startswith("/inform") and turns[3][1] == "inform", (first_option, turns)
    assert texts[4] == "/result_now" and texts[5] == "Was ist FIM?", turns
    assert "1" not in texts, turns
    slots = tracker(world.rasa_url, sender)["slots"]
    assert slots["goals"][:3] == ["effizienz", "buergernaehe", "foerdermittel"], slots
    assert slots["municipality_type"] == "optimierer", slots
    # the first option of question 2 was stored as that question's answer
    assert slots["municipality_kind"] not in (None, "skipped"), slots
    assert first_option[3:].strip().lower() in slots["municipality_kind"], (first_option, slots)


# --- Teams against its own Rasa (the shared stack has no Teams channel) ------------------


class ThreadedFakeMicrosoft:
    """FakeMicrosoft on its own event loop, so a separate Rasa process can reach it."""

    def __init__(self) -> None:
        self.key = SigningKey()
        self.fake = FakeMicrosoft(self.key)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.fake.start(), self.loop).result(10)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.fake.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture(scope="module")
def teams_stack(tmp_path_factory):
    require_model()
    workdir = tmp_path_factory.mktemp("teams_real_rasa")
    microsoft = ThreadedFakeMicrosoft()
    # the production REST channel (bot.rest_channel) next to the Teams channel under test
    credentials = {
        "bot.rest_channel.RestInput": None,
        "bot.teams.TeamsInput": microsoft.fake.channel_credentials(),
    }
    (workdir / "credentials.yml").write_text(json.dumps(credentials), encoding="utf-8")  # JSON is YAML
    actions_port, rasa_port = free_port(), free_port()
    (workdir / "endpoints.yml").write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n', encoding="utf-8"
    )
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        PYTHONPATH=str(REPO_ROOT),
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        TF_CPP_MIN_LOG_LEVEL="2",
        RESULTS_DB_URL=f"sqlite:///{workdir / 'results.db'}",
    )
    rasa_bin = str(REPO_ROOT / ".venv" / "bin" / "rasa")
    processes = []
    try:
        processes.append(
            subprocess.Popen(
                [rasa_bin, "run", "actions", "--port", str(actions_port), "--actions", "actions"],
                cwd=REPO_ROOT,
                env=env,
                stdout=open(workdir / "actions.log", "wb"),
                stderr=subprocess.STDOUT,
            )
        )
        processes.append(
            subprocess.Popen(
                [
                    rasa_bin,
                    "run",
                    "--enable-api",
                    "--interface",
                    "127.0.0.1",
                    "--port",
                    str(rasa_port),
                    "--model",
                    str(MODEL),
                    "--endpoints",
                    str(workdir / "endpoints.yml"),
                    "--credentials",
                    str(workdir / "credentials.yml"),
                ],
                cwd=REPO_ROOT,
                env=env,
                stdout=open(workdir / "rasa.log", "wb"),
                stderr=subprocess.STDOUT,
            )
        )
        rasa_url = f"http://127.0.0.1:{rasa_port}"

        def rasa_ready() -> bool:
            rasa_log = (workdir / "rasa.log").read_text(errors="replace")
            # `rasa run` keeps serving without an agent when the model cannot be loaded
            # (e.g. models/ rewritten by a training run at that moment): fail at once.
            if any(p.poll() is not None for p in processes) or "Could not load model" in rasa_log:
                logs = (workdir / "actions.log").read_text(errors="replace")[-1500:] + rasa_log[-3000:]
                raise RuntimeError(f"Rasa or the action server failed; see {workdir}\n{logs}")
            return is_up(f"{rasa_url}/status") and is_up(f"http://127.0.0.1:{actions_port}/health")

        assert wait_until(rasa_ready, timeout=400, interval=2), f"Rasa did not start; see {workdir}"
        yield SimpleNamespace(rasa_url=rasa_url, microsoft=microsoft)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        microsoft.close()


def test_teams_activity_answered_by_the_real_bot(teams_stack):
    stack = teams_stack
    fake = stack.microsoft.fake
    activity = load_activity("message_personal", fake.service_url)
    token = stack.microsoft.key.token(serviceUrl=activity["serviceUrl"])
    webhook = f"{stack.rasa_url}/webhooks/teams/webhook"
    status, _ = http_json(webhook, activity, {"Authorization": f"Bearer {token}"})
    assert status == 202
    assert wait_until(lambda: len(fake.posted) >= 1, timeout=90), "no reply reached the Bot Connector"
    post = fake.posted[0]
    assert post["authorization"] == "Bearer bot-token-1"
    assert fake.token_requests[0]["tenant"] == TENANT_ID and fake.token_requests[0]["client_id"] == APP_ID
    reply = post["activity"]
    assert reply["text"] and reply["textFormat"] == "markdown"
    buttons = reply["attachments"][0]["content"]["buttons"]
    assert buttons and all(b["type"] == "messageBack" and b["value"]["payload"] == b["text"] for b in buttons)
    sender = teams_sender_id(activity["conversation"]["id"], activity["from"]["aadObjectId"])
    assert user_turns(stack.rasa_url, sender) == [("Hallo", "greet")]

    # unsigned requests are refused by the running server as well
    with pytest.raises(urllib.error.HTTPError) as refused:
        http_json(webhook, activity)
    assert refused.value.code == 401
    time.sleep(0.5)
    assert len(fake.posted) == 1
