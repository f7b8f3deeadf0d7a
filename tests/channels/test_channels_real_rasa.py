"""Both channels in front of the real, trained D-Team-Assistent.

Starts the action server and `rasa run` (trained model from models/, REST +
the Teams channel from a test credentials file) on free loopback ports, then
  - Matrix: a real Synapse + the bridge process; a user greets the bot and
    answers a button question with its number,
  - Teams: a signed Bot Framework activity goes to /webhooks/teams/webhook and
    the bot's reply arrives at the (local) Bot Connector with a tenant token.
Assertions are about the channel contract (what reaches Rasa, what comes
back), not about dialogue wording other engineers are still changing.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.matrix.formatting import sender_id_for as matrix_sender_id
from bot.teams import sender_id_for as teams_sender_id
from tests.channels.matrix_helpers import (
    MATRIX_VENV_SCRIPT,
    REPO_ROOT,
    SYNAPSE_SCRIPT,
    BridgeProcess,
    MatrixTestClient,
    SynapseServer,
    free_port,
    wait_until,
)
from tests.channels.teams_helpers import APP_ID, TENANT_ID, FakeMicrosoft, SigningKey, load_activity

pytestmark = pytest.mark.slow

MODEL = Path(os.environ.get("D_TEAM_MODEL", REPO_ROOT / "models" / "d-team.tar.gz"))
BOT_PASSWORD = "bot-secret-pw"
RASA_UNAVAILABLE_HINT = "nicht erreichbar"


def http_json(url: str, payload: dict | None = None, headers: dict | None = None, timeout: float = 60):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
        return response.status, (json.loads(body) if body else None)


def is_up(url: str) -> bool:
    try:
        return http_json(url, timeout=2)[0] == 200
    except OSError:
        return False


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
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.skip(f"no trained model at {MODEL} (run `make train`)")
    workdir = tmp_path_factory.mktemp("real_rasa")
    microsoft = ThreadedFakeMicrosoft()
    # the production REST channel (bot.rest_channel) next to the Teams channel under test
    credentials = {"bot.rest_channel.RestInput": None, "bot.teams.TeamsInput": microsoft.fake.channel_credentials()}
    (workdir / "credentials.yml").write_text(json.dumps(credentials), encoding="utf-8")  # JSON is YAML
    actions_port, rasa_port = free_port(), free_port()
    (workdir / "endpoints.yml").write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n', encoding="utf-8")
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(REPO_ROOT),
               SQLALCHEMY_SILENCE_UBER_WARNING="1", TF_CPP_MIN_LOG_LEVEL="2")
    rasa_bin = str(REPO_ROOT / ".venv" / "bin" / "rasa")
    processes = []
    synapse = bridge = None
    try:
        processes.append(subprocess.Popen(
            [rasa_bin, "run", "actions", "--port", str(actions_port), "--actions", "actions"],
            cwd=REPO_ROOT, env=env, stdout=open(workdir / "actions.log", "wb"), stderr=subprocess.STDOUT))
        processes.append(subprocess.Popen(
            [rasa_bin, "run", "--enable-api", "--interface", "127.0.0.1", "--port", str(rasa_port),
             "--model", str(MODEL), "--endpoints", str(workdir / "endpoints.yml"),
             "--credentials", str(workdir / "credentials.yml")],
            cwd=REPO_ROOT, env=env, stdout=open(workdir / "rasa.log", "wb"), stderr=subprocess.STDOUT))
        rasa_url = f"http://127.0.0.1:{rasa_port}"

        subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)
        subprocess.run(["bash", str(SYNAPSE_SCRIPT), "install"], check=True, timeout=900)
        synapse = SynapseServer(workdir / "synapse")
        synapse.prepare()
        synapse.start()

        async def register():
            return await synapse.register("erika", "erika-pw"), await synapse.register("assistent", BOT_PASSWORD)

        user, bot = asyncio.run(register())

        def rasa_ready() -> bool:
            if any(p.poll() is not None for p in processes):
                logs = "".join((workdir / name).read_text(errors="replace")[-1500:] for name in ("actions.log", "rasa.log"))
                raise RuntimeError(f"Rasa or the action server exited; see {workdir}\n{logs}")
            return is_up(f"{rasa_url}/status") and is_up(f"http://127.0.0.1:{actions_port}/health")

        assert wait_until(rasa_ready, timeout=400, interval=2), f"Rasa did not start; see {workdir}"

        bridge = BridgeProcess(workdir / "bridge.log", dict(
            os.environ, MATRIX_HOMESERVER=synapse.base_url, MATRIX_USER=bot["user_id"],
            MATRIX_PASSWORD=BOT_PASSWORD, RASA_URL=rasa_url))
        bridge.start()
        world = type("Stack", (), {})()
        world.rasa_url, world.microsoft, world.synapse = rasa_url, microsoft, synapse
        world.user, world.bot, world.rasa_port = user, bot, rasa_port
        yield world
    finally:
        if bridge:
            bridge.stop()
        if synapse:
            synapse.stop()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        microsoft.close()


def user_turns(rasa_url: str, sender_id: str) -> list[tuple[str, str]]:
    _, tracker = http_json(f"{rasa_url}/conversations/{sender_id}/tracker")
    return [(e.get("text"), (e.get("parse_data") or {}).get("intent", {}).get("name"))
            for e in tracker["events"] if e["event"] == "user"]


def test_matrix_conversation_with_the_real_bot(stack):
    async def scenario():
        async with MatrixTestClient(stack.synapse.base_url, stack.user["access_token"], stack.user["user_id"]) as erika:
            room = await erika.create_room(invite=[stack.bot["user_id"]], name="D-Team")
            await erika.wait_for_member(room, stack.bot["user_id"])
            await erika.send_text(room, "Hallo")
            [greeting] = await erika.messages_from(room, stack.bot["user_id"], 1, timeout=90)
            assert RASA_UNAVAILABLE_HINT not in greeting["body"]
            # the real greeting offers buttons; the bridge shows them numbered
            numbered = [line for line in greeting["body"].splitlines() if line[:2] in ("1.", "2.", "3.")]
            assert len(numbered) >= 2, greeting["body"]
            assert "<ol>" in greeting["formatted_body"]
            await erika.send_text(room, "1")
            [answer] = await erika.messages_from(room, stack.bot["user_id"], 1, timeout=90)
            assert answer["body"] and RASA_UNAVAILABLE_HINT not in answer["body"]
            return room, numbered[0][2:].strip()

    room, first_title = asyncio.run(scenario())
    turns = user_turns(stack.rasa_url, matrix_sender_id(room, stack.user["user_id"]))
    assert turns[0] == ("Hallo", "greet")
    # "1" reached Rasa as the first button's payload, i.e. an intent, not the digit
    assert turns[1][0].startswith("/") and turns[1][1] == turns[1][0][1:].split("{")[0], (first_title, turns)


def test_teams_activity_answered_by_the_real_bot(stack):
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
