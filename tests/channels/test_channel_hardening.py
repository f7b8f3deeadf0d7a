"""Issue 13, items 3, 5 and 8: keyed channel ids, Matrix allow-list and limits, Teams checks."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time

import aiohttp
import pytest

from bot import teams
from bot.matrix.config import ConfigError, load_config
from bot.matrix.formatting import sender_id_for as matrix_sender_id
from bot.ratelimit import BoundedMap, RateLimiter
from dteam import channel_ids
from tests.channels.teams_helpers import TENANT_ID, SigningKey, load_activity
from tests.channels.test_teams import free_port, teams_world

ROOM, USER = "!raum:example.org", "@erika:example.org"


# --- keyed ids (item 3) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_id, channel",
    [(matrix_sender_id, "matrix"), (teams.sender_id_for, "teams")],
    ids=["matrix", "teams"],
)
def test_channel_ids_cannot_be_computed_from_the_room_and_user_ids(make_id, channel):
    unkeyed = f"{channel}-" + hashlib.sha256(f"{ROOM}\n{USER}".encode()).hexdigest()[:32]
    keyed = make_id(ROOM, USER, b"secret-one")
    assert keyed.startswith(f"{channel}-") and len(keyed) == len(unkeyed)
    assert keyed != unkeyed
    assert keyed == make_id(ROOM, USER, b"secret-one")  # stable per (room, user)
    assert keyed != make_id(ROOM, USER, b"secret-two")
    assert keyed != make_id(ROOM, "@max:example.org", b"secret-one")
    assert "erika" not in keyed


def test_channel_secret_from_env_or_a_private_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CHANNEL_ID_SECRET", "aus-dem-secret-store")
    assert channel_ids.channel_secret() == b"aus-dem-secret-store"
    assert matrix_sender_id(ROOM, USER) == matrix_sender_id(ROOM, USER, b"aus-dem-secret-store")
    secret_file = tmp_path / "sub" / "channel_id_secret"
    first = channel_ids.load_or_create_secret(None, secret_file)
    assert len(first) == 64 and (secret_file.stat().st_mode & 0o777) == 0o600
    assert channel_ids.load_or_create_secret(None, secret_file) == first  # stable across restarts


def test_web_tokens_are_signed():
    secret = b"k"
    sender = channel_ids.new_web_sender_id()
    token = channel_ids.signed_token(sender, secret)
    assert channel_ids.sender_from_token(token, secret) == sender
    assert channel_ids.sender_from_token(token, b"other") is None
    assert channel_ids.sender_from_token(token.replace("web-", "matrix-"), secret) is None
    assert channel_ids.sender_from_token(sender, secret) is None
    assert channel_ids.sender_from_token(None, secret) is None


# --- Matrix allow-list, rate limit, bounded state (item 5) ---------------------------------------

BASE_ENV = {"MATRIX_HOMESERVER": "https://matrix.example.org", "MATRIX_USER": "@bot:example.org"}


def test_matrix_allows_only_its_own_homeserver_by_default():
    config = load_config({**BASE_ENV, "MATRIX_PASSWORD": "pw"})
    assert config.is_allowed("@erika:example.org")
    assert not config.is_allowed("@mallory:evil.example")
    assert not config.is_allowed("nonsense")


def test_matrix_allow_list_from_environment():
    config = load_config(
        {
            **BASE_ENV,
            "MATRIX_PASSWORD": "pw",
            "MATRIX_ALLOWED_SERVERS": "kreis.example, Gemeinde.example",
            "MATRIX_ALLOWED_USERS": "@gast:extern.example",
            "MATRIX_RATE_LIMIT": "5",
        }
    )
    assert config.is_allowed("@a:kreis.example") and config.is_allowed("@b:gemeinde.example")
    assert config.is_allowed("@gast:extern.example") and not config.is_allowed("@other:extern.example")
    assert not config.is_allowed("@erika:example.org")  # an explicit list replaces the default
    assert config.rate_limit_per_minute == 5
    assert load_config({**BASE_ENV, "MATRIX_PASSWORD": "pw", "MATRIX_ALLOWED_SERVERS": "*"}).is_allowed(
        "@x:anywhere.example"
    )
    for bad in ({"MATRIX_ALLOWED_USERS": "gast"}, {"MATRIX_RATE_LIMIT": "0"}, {"MATRIX_RATE_LIMIT": "viele"}):
        with pytest.raises(ConfigError):
            load_config({**BASE_ENV, "MATRIX_PASSWORD": "pw", **bad})


def test_rate_limiter_counts_per_key_in_a_sliding_window():
    now = [1000.0]
    limiter = RateLimiter(3, 60.0, clock=lambda: now[0])
    assert [limiter.allow("erika") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("max")  # others are not affected
    assert 59 <= limiter.retry_after("erika") <= 60
    now[0] += 61
    assert limiter.allow("erika")


def test_per_user_state_stays_bounded():
    limiter = RateLimiter(1, 60.0, max_keys=100)
    for i in range(10_000):
        limiter.allow(f"@u{i}:example.org")
    assert len(limiter) == 100
    locks = BoundedMap(3, lambda lock: not lock.locked())
    held = asyncio.Lock()
    asyncio.run(held.acquire())
    locks["busy"] = held
    for i in range(10):
        locks.setdefault(f"idle{i}", asyncio.Lock())
    assert len(locks) == 3 and "busy" in locks  # a held lock is never dropped


# --- Teams (item 8) ------------------------------------------------------------------------------


def run(coroutine):
    return asyncio.run(coroutine)


def test_teams_token_without_service_url_claim_is_rejected():
    async def scenario():
        async with teams_world() as world:
            activity = load_activity("message_personal", world.microsoft.service_url)
            assert await world.post(activity, token=world.key.token()) == 401
            assert await world.post(activity) == 202
            assert len(world.agent.messages) == 1

    run(scenario())


def test_teams_activity_from_another_tenant_is_rejected():
    async def scenario():
        async with teams_world() as world:
            activity = load_activity("message_personal", world.microsoft.service_url)
            activity["channelData"]["tenant"]["id"] = "ffffffff-0000-0000-0000-000000000000"
            assert await world.post(activity) == 403
            del activity["channelData"]["tenant"]
            assert await world.post(activity) == 403
            assert world.agent.messages == []

    run(scenario())


def test_teams_refuses_large_or_unauthenticated_bodies_before_parsing():
    async def scenario():
        async with teams_world() as world:
            activity = load_activity("message_personal", world.microsoft.service_url)
            activity["text"] = "x" * (teams.MAX_ACTIVITY_BYTES + 1)
            async with aiohttp.ClientSession() as http:
                async with http.post(world.webhook, data=json.dumps(activity)) as response:
                    assert response.status == 413
                async with http.post(world.webhook, data=b"{not json") as response:
                    assert response.status == 401  # no token: refused before the body is parsed
            assert world.agent.messages == []

    run(scenario())


def test_teams_signing_keys_are_not_trusted_for_ever_when_refresh_fails():
    key = SigningKey()
    settings = teams.TeamsSettings(
        app_id="app",
        app_password="pw",
        tenant_id=TENANT_ID,
        openid_metadata_url=f"http://127.0.0.1:{free_port()}/metadata",  # nothing listens
    )
    activity = {
        "serviceUrl": "https://smba.trafficmanager.net/emea/",
        "channelData": {"tenant": {"id": TENANT_ID}},
    }
    token = key.token(aud="app", serviceUrl=activity["serviceUrl"])

    async def validate(age_seconds):
        auth = teams.BotConnectorAuth(settings)
        auth._keys = {key.kid: key.jwk()}
        auth._fetched_at = time.time() - age_seconds
        async with aiohttp.ClientSession() as http:
            activity["channelId"] = "msteams"
            return await auth.validate(http, f"Bearer {token}", activity)

    assert run(validate(2 * 24 * 3600))["aud"] == "app"  # refresh failed, keys still fresh enough
    with pytest.raises(teams.TeamsAuthError) as error:
        run(validate(teams.JWKS_MAX_STALE_SECONDS + 60))
    assert error.value.status == 503
