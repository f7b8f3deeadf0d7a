"""The Teams channel inside a real Rasa Sanic app (rasa.core.run.configure_app),
with Microsoft's token endpoint, OpenID metadata/JWKS and Bot Connector played
by a local aiohttp server. Activities are realistic Teams payloads (fixtures).

The dialogue side is a scripted agent that answers through the channel's
output channel exactly as Rasa's message processor does (send_response);
test_teams_rasa_server.py runs the real trained bot behind the channel.
"""

from __future__ import annotations

import asyncio
import base64
import time
from contextlib import asynccontextmanager

import aiohttp
import pytest

from bot.teams import (
    TOKEN_URL_TEMPLATE,
    TeamsInput,
    TeamsSettings,
    sender_id_for,
    service_url_allowed,
    user_text_from_activity,
)
from tests.channels.matrix_helpers import tiny_png
from tests.channels.teams_helpers import (
    APP_ID,
    APP_PASSWORD,
    TENANT_ID,
    FakeMicrosoft,
    SigningKey,
    load_activity,
)
from tests.support.stack import free_port

PNG = tiny_png()
PNG_DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()
BOT_ACCOUNT = {"id": "28:11111111-2222-3333-4444-555555555555", "name": "D-Team-Assistent"}


def scripted_replies(text: str) -> list[dict]:
    if text in ("Hallo", "/greet"):
        return [
            {
                "text": "Guten Tag! Womit möchten Sie beginnen?",
                "buttons": [
                    {"title": "Interview starten", "payload": "/start_interview"},
                    {"title": "Frage stellen", "payload": "/ask_question"},
                ],
            }
        ]
    if text == "ergebnis":
        return [{"text": "Ihre Kommune gleicht am ehesten den **Optimierern**."}, {"image": PNG_DATA_URL}]
    return [{"text": f"Sie schrieben: {text}"}]


class ScriptedAgent:
    """Answers like Rasa's MessageProcessor: via output_channel.send_response."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_message(self, message):
        self.messages.append(message)
        for reply in scripted_replies(message.text):
            await message.output_channel.send_response(message.sender_id, dict(reply))


@asynccontextmanager
async def teams_world(**credential_overrides):
    from rasa.core.run import configure_app
    from sanic import Sanic

    Sanic.test_mode = True  # several apps with Rasa's app name in one test session
    key = SigningKey()
    microsoft = FakeMicrosoft(key)
    await microsoft.start()
    channel = TeamsInput.from_credentials(microsoft.channel_credentials(**credential_overrides))
    agent = ScriptedAgent()
    port = free_port()
    app = configure_app(input_channels=[channel], enable_api=False, route="/webhooks/", port=port)
    app.ctx.agent = agent
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.after_start()
    world = type("TeamsWorld", (), {})()
    world.key, world.microsoft, world.agent, world.channel = key, microsoft, agent, channel
    world.webhook = f"http://127.0.0.1:{port}/webhooks/teams/webhook"
    async with aiohttp.ClientSession() as http:

        async def post(activity: dict, token: str | None = "default") -> int:
            if token == "default":
                token = key.token(serviceUrl=activity.get("serviceUrl"))
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            async with http.post(world.webhook, json=activity, headers=headers) as response:
                return response.status

        world.post = post
        try:
            yield world
        finally:
            await server.before_stop()
            server.close()
            await server.wait_closed()
            await server.after_stop()
            if channel._session:
                await channel._session.close()
            await microsoft.stop()


def test_text_message_reply_goes_to_the_conversation_with_a_tenant_token():
    async def scenario():
        async with teams_world() as world:
            activity = load_activity("message_personal", world.microsoft.service_url)
            assert await world.post(activity) == 202
            [post] = await world.microsoft.wait_for_posts(1)

            [message] = world.agent.messages
            assert message.text == "Hallo"
            assert message.input_channel == "teams"
            assert message.sender_id == sender_id_for(
                activity["conversation"]["id"], activity["from"]["aadObjectId"]
            )

            [token_request] = world.microsoft.token_requests
            assert token_request == {
                "tenant": TENANT_ID,
                "grant_type": "client_credentials",
                "client_id": APP_ID,
                "client_secret": APP_PASSWORD,
                "scope": "https://api.botframework.com/.default",
            }
            assert post["authorization"] == "Bearer bot-token-1"
            # conversation id URL-encoded, reply threaded to the user's activity
            assert post["raw_path"] == (
                "/connector/emea/v3/conversations/"
                "a%3A1xYz0123AbCdEfGhIjKlMnOpQrStUvWxYz-9876543210_abcdefghijklmnop/activities/1758186761206"
            )
            reply = post["activity"]
            assert reply["type"] == "message"
            assert reply["text"] == "Guten Tag! Womit möchten Sie beginnen?"
            assert reply["textFormat"] == "markdown"
            assert reply["from"] == BOT_ACCOUNT
            assert reply["recipient"]["id"] == activity["from"]["id"]
            assert reply["conversation"] == {"id": activity["conversation"]["id"]}
            assert reply["replyToId"] == activity["id"]
            [card] = reply["attachments"]
            assert card["contentType"] == "application/vnd.microsoft.card.hero"
            assert card["content"]["buttons"] == [
                {
                    "type": "messageBack",
                    "title": "Interview starten",
                    "displayText": "Interview starten",
                    "text": "/start_interview",
                    "value": {"payload": "/start_interview"},
                },
                {
                    "type": "messageBack",
                    "title": "Frage stellen",
                    "displayText": "Frage stellen",
                    "text": "/ask_question",
                    "value": {"payload": "/ask_question"},
                },
            ]

    asyncio.run(scenario())


def test_button_click_image_reply_and_token_cache():
    async def scenario():
        async with teams_world() as world:
            click = load_activity("message_back", world.microsoft.service_url)
            assert await world.post(click) == 202
            await world.microsoft.wait_for_posts(1)
            assert world.agent.messages[0].text == "/start_interview"

            result = load_activity("message_personal", world.microsoft.service_url)
            result["text"], result["id"] = "ergebnis", "1758186799999"
            assert await world.post(result) == 202
            posts = await world.microsoft.wait_for_posts(3)
            text_post, image_post = posts[1]["activity"], posts[2]["activity"]
            assert text_post["text"] == "Ihre Kommune gleicht am ehesten den **Optimierern**."
            assert image_post["attachments"] == [
                {"contentType": "image/png", "contentUrl": PNG_DATA_URL, "name": "grafik.png"}
            ]
            # one token for all three replies: it is cached until shortly before expiry
            assert len(world.microsoft.token_requests) == 1
            assert {p["authorization"] for p in posts} == {"Bearer bot-token-1"}
            # the signing keys were fetched once, not per request
            assert world.microsoft.metadata_requests == 1

    asyncio.run(scenario())


def test_channel_mention_is_stripped_and_install_greets():
    async def scenario():
        async with teams_world() as world:
            mention = load_activity("message_channel_mention", world.microsoft.service_url)
            assert await world.post(mention) == 202
            install = load_activity("conversation_update_installed", world.microsoft.service_url)
            assert await world.post(install) == 202
            posts = await world.microsoft.wait_for_posts(2)
            texts = sorted(message.text for message in world.agent.messages)
            assert texts == ["/greet", "Was sind Serviceorientierte?"]
            channel_post = next(p for p in posts if "thread.tacv2" in p["path"])
            assert channel_post["raw_path"].startswith(
                "/connector/emea/v3/conversations/19%3Aa1b2c3d4e5f60718293a4b5c6d7e8f90%40thread.tacv2%3Bmessageid%3D"
            )

    asyncio.run(scenario())


def test_requests_without_a_valid_bot_connector_jwt_are_rejected():
    async def scenario():
        async with teams_world() as world:
            activity = load_activity("message_personal", world.microsoft.service_url)
            other_key = SigningKey(kid=world.key.kid)  # same key id, wrong key
            now = int(time.time())
            rejected = {
                "missing": await world.post(activity, token=None),
                "garbage": await world.post(activity, token="not.a.jwt"),
                "forged signature": await world.post(
                    activity, token=other_key.token(serviceUrl=activity["serviceUrl"])
                ),
                "wrong audience": await world.post(
                    activity, token=world.key.token(aud="someone-else", serviceUrl=activity["serviceUrl"])
                ),
                "wrong issuer": await world.post(
                    activity,
                    token=world.key.token(iss="https://evil.example", serviceUrl=activity["serviceUrl"]),
                ),
                "expired": await world.post(
                    activity,
                    token=world.key.token(
                        exp=now - 3600, nbf=now - 7200, iat=now - 7200, serviceUrl=activity["serviceUrl"]
                    ),
                ),
                "unknown key": await world.post(
                    activity, token=SigningKey().token(serviceUrl=activity["serviceUrl"])
                ),
            }
            assert rejected == {name: 401 for name in rejected}
            # a valid token for another service URL must not redirect our replies
            swapped = dict(activity, serviceUrl=world.microsoft.base_url + "/connector/other/")
            assert await world.post(swapped, token=world.key.token(serviceUrl=activity["serviceUrl"])) == 403
            # a correctly signed activity whose serviceUrl is not allow-listed never gets the bot token
            foreign = dict(activity, serviceUrl="https://attacker.example/")
            assert await world.post(foreign) == 403
            await asyncio.sleep(0.3)
            assert world.agent.messages == []
            assert world.microsoft.posted == [] and world.microsoft.token_requests == []

    asyncio.run(scenario())


def test_bad_input_gets_a_german_reply_without_reaching_the_bot():
    async def scenario():
        async with teams_world() as world:
            huge = load_activity("message_personal", world.microsoft.service_url)
            huge["text"] = "Bürgernähe " * 1000
            assert await world.post(huge) == 202
            attachment_only = load_activity("message_personal", world.microsoft.service_url)
            attachment_only["text"] = ""
            attachment_only["attachments"] = [
                {"contentType": "image/*", "contentUrl": "https://example.invalid/x.png"}
            ]
            assert await world.post(attachment_only) == 202
            posts = await world.microsoft.wait_for_posts(2)
            texts = sorted(p["activity"]["text"] for p in posts)
            assert texts[0].startswith("Ich kann bisher nur Textnachrichten")
            assert "zu lang" in texts[1] and "10999 Zeichen" in texts[1]  # trailing space stripped
            assert world.agent.messages == []
            async with aiohttp.ClientSession() as http:
                async with http.post(
                    world.webhook,
                    data=b"{kein json",
                    headers={
                        "Authorization": f"Bearer {world.key.token()}",
                        "Content-Type": "application/json",
                    },
                ) as response:
                    assert response.status in (400, 401)

    asyncio.run(scenario())


def test_secrets_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "aus-der-umgebung")
    monkeypatch.setenv("MY_TENANT", "tenant-42")
    settings = TeamsSettings.from_credentials(
        {"app_id": "a", "app_password": "${TEAMS_APP_PASSWORD}", "tenant_id": "${MY_TENANT}"}
    )
    assert settings.app_password == "aus-der-umgebung"
    assert settings.token_url == "https://login.microsoftonline.com/tenant-42/oauth2/v2.0/token"
    monkeypatch.delenv("TEAMS_APP_PASSWORD")
    with pytest.raises(ValueError, match="app_password"):
        TeamsSettings.from_credentials(
            {"app_id": "a", "app_password": "${TEAMS_APP_PASSWORD}", "tenant_id": "t"}
        )


def test_settings_and_pure_helpers(monkeypatch):
    for variable in ("TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID"):
        monkeypatch.delenv(variable, raising=False)
    settings = TeamsSettings.from_credentials({"app_id": "a", "app_password": "p", "tenant_id": "my-tenant"})
    assert settings.token_url == TOKEN_URL_TEMPLATE.format(tenant_id="my-tenant")
    assert settings.token_url == "https://login.microsoftonline.com/my-tenant/oauth2/v2.0/token"
    with pytest.raises(ValueError, match="tenant_id"):
        TeamsSettings.from_credentials({"app_id": "a", "app_password": "p"})

    allow = ["https://smba.trafficmanager.net/"]
    assert service_url_allowed("https://smba.trafficmanager.net/emea/", allow)
    assert not service_url_allowed("https://smba.trafficmanager.net.evil.example/emea/", allow)
    assert not service_url_allowed("http://smba.trafficmanager.net/emea/", allow)
    assert not service_url_allowed("https://evil.example/smba.trafficmanager.net/", allow)

    assert user_text_from_activity({"text": "<at>Bot</at> Hallo <at>Bot</at>"}) == "Hallo"
    assert user_text_from_activity({"text": "<p>Ziele &amp; Wege</p>"}) == "Ziele & Wege"
    assert user_text_from_activity({"text": "ignoriert", "value": {"payload": "/skip"}}) == "/skip"
