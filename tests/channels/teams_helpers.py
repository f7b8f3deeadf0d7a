"""Local stand-ins for Microsoft's side of a Teams bot: the tenant's token
endpoint, the Bot Connector's OpenID metadata + JWKS, and the Bot Connector
conversation API that receives the bot's replies. Also signs Bot Connector
JWTs with a locally generated RSA key, exactly as Microsoft's are built
(RS256, kid, issuer https://api.botframework.com, audience = app id).
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
import uuid
from pathlib import Path

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

FIXTURES = Path(__file__).parent / "fixtures" / "teams"
APP_ID = "11111111-2222-3333-4444-555555555555"
APP_PASSWORD = "test-client-secret~value"
TENANT_ID = "0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7"
ISSUER = "https://api.botframework.com"


def load_activity(name: str, service_url: str) -> dict:
    activity = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    activity["serviceUrl"] = service_url
    return activity


class SigningKey:
    def __init__(self, kid: str | None = None) -> None:
        self.kid = kid or uuid.uuid4().hex
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self, endorsements=("msteams",)) -> dict:
        public = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {**public, "kid": self.kid, "use": "sig", "endorsements": list(endorsements)}

    def token(self, **overrides) -> str:
        now = int(time.time())
        claims = {"iss": ISSUER, "aud": APP_ID, "nbf": now - 10, "exp": now + 3600, "iat": now - 10}
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})


class FakeMicrosoft:
    """One aiohttp server playing login.microsoftonline.com, the OpenID
    metadata/JWKS host and the Bot Connector service URL."""

    def __init__(self, signing_key: SigningKey) -> None:
        self.signing_key = signing_key
        self.token_requests: list[dict] = []
        self.posted: list[dict] = []  # {"path", "authorization", "activity"}
        self.metadata_requests = 0
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        return f"{self.base_url}/connector/emea/"

    def channel_credentials(self, **extra) -> dict:
        return {
            "app_id": APP_ID,
            "app_password": APP_PASSWORD,
            "tenant_id": TENANT_ID,
            "token_url": f"{self.base_url}/{{tenant_id}}/oauth2/v2.0/token",
            "openid_metadata_url": f"{self.base_url}/v1/.well-known/openidconfiguration",
            "service_url_allowlist": [f"{self.base_url}/connector/"],
            **extra,
        }

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({"tenant": request.match_info["tenant"], **form})
        if form.get("client_secret") != APP_PASSWORD or request.match_info["tenant"] != TENANT_ID:
            return web.json_response({"error": "invalid_client"}, status=401)
        number = len(self.token_requests)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "access_token": f"bot-token-{number}"}
        )

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        return web.json_response(
            {
                "issuer": ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"{self.base_url}/v1/.well-known/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        return web.json_response({"keys": [self.signing_key.jwk()]})

    async def _activities(self, request: web.Request) -> web.Response:
        self.posted.append(
            {
                "path": request.path,
                "raw_path": request.raw_path,
                "authorization": request.headers.get("Authorization"),
                "activity": await request.json(),
            }
        )
        return web.json_response({"id": uuid.uuid4().hex})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        app.router.add_post("/connector/emea/v3/conversations/{conversation}/activities", self._activities)
        app.router.add_post(
            "/connector/emea/v3/conversations/{conversation}/activities/{reply_to}", self._activities
        )
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def wait_for_posts(self, count: int, timeout: float = 20) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.posted) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return copy.deepcopy(self.posted)
