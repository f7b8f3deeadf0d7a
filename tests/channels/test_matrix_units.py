"""Fast tests of the Matrix bridge's pure parts (no homeserver needed)."""

from __future__ import annotations

import asyncio
import base64

import aiohttp
import pytest
from aiohttp import web

from bot.matrix.config import ConfigError, load_config
from bot.matrix.formatting import (
    Choice,
    choices_from_buttons,
    decode_data_url,
    markdown_to_html,
    png_dimensions,
    render_message,
    resolve_choice,
    sender_id_for,
)
from bot.matrix.rasa_client import RasaUnavailable, send_to_rasa
from tests.channels.matrix_helpers import free_port, tiny_png

CHOICES = [Choice("Ja", "/affirm"), Choice("Nein", "/deny"), Choice("Überspringen", "/skip")]


def test_sender_id_is_stable_per_room_and_user_and_hides_the_matrix_id():
    first = sender_id_for("!room:example.org", "@erika:example.org")
    assert first == sender_id_for("!room:example.org", "@erika:example.org")
    assert first != sender_id_for("!other:example.org", "@erika:example.org")
    assert first != sender_id_for("!room:example.org", "@max:example.org")
    assert "erika" not in first and first.startswith("matrix-")


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("2", "/deny"),
        (" 3. ", "/skip"),
        ("1)", "/affirm"),
        ("überspringen", "/skip"),
        ("NEIN", "/deny"),
        ("1, 3", "Ja, Überspringen"),
        ("1 und 2", "Ja, Nein"),
        ("4", "4"),
        ("25000", "25000"),
        ("1, 9", "1, 9"),
        ("vielleicht", "vielleicht"),
    ],
)
def test_resolve_choice(answer, expected):
    assert resolve_choice(answer, CHOICES) == expected


def test_resolve_choice_without_choices_passes_text_through():
    assert resolve_choice("2", []) == "2"


def test_buttons_without_payload_fall_back_to_title():
    assert choices_from_buttons([{"title": "Weiter"}, {"title": "X", "payload": "/x"}, {}]) == [
        Choice("Weiter", "Weiter"),
        Choice("X", "/x"),
    ]


def test_markdown_to_html_escapes_before_formatting():
    html = markdown_to_html('Die **Optimierer** <img src=x onerror=alert(1)> & "mehr"')
    assert html == (
        "<p>Die <strong>Optimierer</strong> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;mehr&quot;</p>"
    )
    assert markdown_to_html("- eins\n- *zwei*") == "<ul><li>eins</li><li><em>zwei</em></li></ul>"
    assert markdown_to_html("Zeile 1\nZeile 2\n\nAbsatz") == "<p>Zeile 1<br>Zeile 2</p><p>Absatz</p>"
    assert (
        markdown_to_html("[Studie](https://www.oeffentliche-it.de/x)")
        == '<p><a href="https://www.oeffentliche-it.de/x">Studie</a></p>'
    )
    assert "<a" not in markdown_to_html("[klick](javascript:alert(1))")
    assert markdown_to_html("snake_case_name und 2*3*4") == "<p>snake_case_name und 2*3*4</p>"


def test_render_message_numbers_choices_in_both_bodies():
    plain, html = render_message("Gibt es eine **Strategie**?", CHOICES[:2])
    assert plain.startswith("Gibt es eine **Strategie**?\n\n1. Ja\n2. Nein\n\n")
    assert "Nummer" in plain
    assert "<ol><li>Ja</li><li>Nein</li></ol>" in html


def test_decode_data_url_checks_type_and_content():
    png = tiny_png(7, 3)
    mime, data = decode_data_url("data:image/png;base64," + base64.b64encode(png).decode())
    assert (mime, data) == ("image/png", png)
    assert png_dimensions(data) == (7, 3)
    with pytest.raises(ValueError):
        decode_data_url("data:text/html;base64," + base64.b64encode(b"<b>x</b>").decode())
    with pytest.raises(ValueError):  # claims PNG, is not
        decode_data_url("data:image/png;base64," + base64.b64encode(b"GIF89a....").decode())
    with pytest.raises(ValueError):
        decode_data_url("data:image/png;base64,###")
    with pytest.raises(ValueError):
        decode_data_url("https://example.org/x.png")


def test_config_from_environment_and_file(tmp_path):
    config = load_config(
        {
            "MATRIX_HOMESERVER": "https://matrix.example.org/",
            "MATRIX_USER": "@assistent:example.org",
            "MATRIX_ACCESS_TOKEN": "syt_x",
            "MATRIX_IMAGE_HOSTS": "charts.example.org, intranet.local",
        }
    )
    assert config.homeserver == "https://matrix.example.org"
    assert config.rasa_url == "http://127.0.0.1:5005"
    assert config.image_hosts == ("charts.example.org", "intranet.local")
    assert config.password is None and config.access_token == "syt_x"

    file = tmp_path / "matrix.yml"
    file.write_text(
        "matrix:\n  homeserver: http://127.0.0.1:8008\n  user: '@bot:localhost'\n"
        "  password: aus-datei\n  rasa_url: http://127.0.0.1:5005\n",
        encoding="utf-8",
    )
    config = load_config({"MATRIX_CREDENTIALS_FILE": str(file), "MATRIX_PASSWORD": "aus-env"})
    assert (config.user_id, config.password) == ("@bot:localhost", "aus-env")

    with pytest.raises(ConfigError, match="MATRIX_PASSWORD oder MATRIX_ACCESS_TOKEN"):
        load_config({"MATRIX_HOMESERVER": "http://h", "MATRIX_USER": "@b:h"})
    with pytest.raises(ConfigError, match="vollständige Matrix-ID"):
        load_config({"MATRIX_HOMESERVER": "http://h", "MATRIX_USER": "bot", "MATRIX_PASSWORD": "x"})
    with pytest.raises(ConfigError, match="Ungültige URL"):
        load_config(
            {"MATRIX_HOMESERVER": "matrix.example.org", "MATRIX_USER": "@b:h", "MATRIX_PASSWORD": "x"}
        )


def test_rasa_client_against_a_local_server():
    async def scenario():
        seen = []

        async def webhook(request):
            body = await request.json()
            seen.append(body)
            if body["message"] == "kaputt":
                return web.Response(status=500, text="boom")
            return web.json_response([{"recipient_id": body["sender"], "text": "Hallo!"}, "kein dict"])

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            async with aiohttp.ClientSession() as session:
                url = f"http://127.0.0.1:{port}/"
                assert await send_to_rasa(session, url, "s1", "Hi") == [
                    {"recipient_id": "s1", "text": "Hallo!"}
                ]
                assert seen == [{"sender": "s1", "message": "Hi"}]
                with pytest.raises(RasaUnavailable, match="500"):
                    await send_to_rasa(session, url, "s1", "kaputt")
                with pytest.raises(RasaUnavailable):
                    await send_to_rasa(
                        session, f"http://127.0.0.1:{free_port()}", "s1", "Hi", timeout_seconds=2
                    )
        finally:
            await runner.cleanup()

    asyncio.run(scenario())
