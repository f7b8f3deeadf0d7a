"""Report PDFs reach Matrix as m.file: real Synapse, real bridge, a scripted Rasa that sends the
report payload of dteam/followup/service.py, and a chat-server stand-in serving a real report PDF."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.matrix.report import report_fetch_base, report_from_reply
from dteam.followup.measurement import Measurement
from dteam.report.pdf import result_report
from tests.channels.matrix_helpers import (
    MATRIX_VENV_SCRIPT,
    SYNAPSE_SCRIPT,
    BridgeProcess,
    NioTestClient,
    ScriptedRasa,
    SynapseServer,
)

pytestmark = pytest.mark.slow

CODE = "DT-7K3QF-M2X9A"
PDF = result_report(CODE, Measurement.from_interview(["effizienz"], {}, dt.date(2026, 11, 30)))
BOT_PASSWORD = "bot-secret-pw"


def scripted_reply(sender: str, message: str) -> list[dict]:
    if message.strip().lower() == "bericht":
        return [
            {"recipient_id": sender, "text": f"Ihr Bericht: /bericht/{CODE}.pdf"},
            {
                "recipient_id": sender,
                "custom": {"report": {"path": f"/bericht/{CODE}.pdf", "title": "Bericht"}},
            },
        ]
    if message.strip().lower() == "kaputt":
        return [{"recipient_id": sender, "custom": {"report": {"path": "/bericht/DT-00000-00000.pdf"}}}]
    return [{"recipient_id": sender, "text": "?"}]


class ChatServerStandIn(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == f"/bericht/{CODE}.pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(PDF)))
            self.end_headers()
            self.wfile.write(PDF)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_report_payload_parsing_and_fetch_base() -> None:
    assert report_from_reply({"custom": {"report": {"path": f"/bericht/{CODE}.pdf"}}}) == (
        f"/bericht/{CODE}.pdf",
        f"D-Team-{CODE}.pdf",
    )
    for path in ("/etc/passwd", "https://evil.example/x.pdf", "/bericht/../x.pdf", None):
        assert report_from_reply({"custom": {"report": {"path": path}}}) is None
    assert report_from_reply({"text": "x"}) is None
    assert report_fetch_base({"WEB_PORT": "9000"}) == "http://127.0.0.1:9000"
    assert report_fetch_base({"REPORT_BASE_URL": "https://chat.example/"}) == "https://chat.example"
    assert report_fetch_base({"REPORT_FETCH_URL": "http://web:8080", "REPORT_BASE_URL": "https://x"}) == (
        "http://web:8080"
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)
    subprocess.run(["bash", str(SYNAPSE_SCRIPT), "install"], check=True, timeout=900)
    workdir = tmp_path_factory.mktemp("synapse-report")
    synapse = SynapseServer(workdir)
    synapse.prepare()
    synapse.start()
    rasa = ScriptedRasa(scripted_reply)
    rasa.start()
    chat_server = ThreadingHTTPServer(("127.0.0.1", 0), ChatServerStandIn)
    threading.Thread(target=chat_server.serve_forever, daemon=True).start()
    bridge = None
    try:

        async def users():
            return await synapse.register("alice", "alice-pw"), await synapse.register(
                "assistent", BOT_PASSWORD
            )

        alice, bot = asyncio.run(users())
        env = dict(
            os.environ,
            MATRIX_HOMESERVER=synapse.base_url,
            MATRIX_USER=bot["user_id"],
            MATRIX_PASSWORD=BOT_PASSWORD,
            RASA_URL=rasa.url,
            REPORT_FETCH_URL=f"http://127.0.0.1:{chat_server.server_address[1]}",
        )
        env.pop("MATRIX_ACCESS_TOKEN", None)
        bridge = BridgeProcess(workdir / "bridge.log", env)
        bridge.start()
        yield synapse, alice, bot
    finally:
        if bridge:
            bridge.stop()
        chat_server.shutdown()
        rasa.close()
        synapse.stop()


def test_report_arrives_as_pdf_file_and_failure_gets_german_notice(world) -> None:
    synapse, alice_user, bot = world

    async def scenario():
        async with NioTestClient(
            synapse.base_url, alice_user["access_token"], alice_user["user_id"], alice_user["device_id"]
        ) as alice:
            room = await alice.create_room(invite=[bot["user_id"]], name="Bericht")
            await alice.wait_for_member(room, bot["user_id"])
            await alice.send_text(room, "Bericht")
            text, file = await alice.messages_from(room, bot["user_id"], 2)
            assert CODE in text["body"]
            assert file["msgtype"] == "m.file"
            assert file["filename"] == f"D-Team-{CODE}.pdf"
            assert file["info"] == {"mimetype": "application/pdf", "size": len(PDF)}
            assert await alice.download(file["url"]) == PDF
            await alice.send_text(room, "kaputt")
            [notice] = await alice.messages_from(room, bot["user_id"], 1)
            assert "Bericht konnte leider nicht übertragen werden" in notice["body"]

    asyncio.run(scenario())
