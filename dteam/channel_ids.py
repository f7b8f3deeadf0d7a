"""Conversation ids for the channels, keyed with a secret so nobody can derive another person's id.

Matrix and Teams ids used to be plain SHA-256 hashes of room/conversation and user ids, which every
member of a shared room knows: whoever could post to the REST webhook could address someone else's
conversation. Keyed with a secret (HMAC), the ids cannot be computed from public facts. The web chat
issues random ids itself and signs them (bot/webserver.py).

Environment:
    CHANNEL_ID_SECRET    key for Matrix/Teams ids; if unset, a random key is generated once and kept
                         in data_store/channel_id_secret (mode 0600) below the project root
    WEB_SESSION_SECRET   key that signs the web chat's session cookie; same fallback
                         (data_store/web_session_secret)
Every replica of a deployment needs the same keys (set them from a secret store); changing a key
starts new conversations for everyone.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping, Sequence

from dteam.keys import load_or_create_secret
from dteam.paths import project_path

CHANNEL_SECRET_ENV = "CHANNEL_ID_SECRET"
CHANNEL_SECRET_FILE = "data_store/channel_id_secret"
WEB_SECRET_ENV = "WEB_SESSION_SECRET"
WEB_SECRET_FILE = "data_store/web_session_secret"
ID_HEX_CHARS = 32  # 128 bits


def channel_secret(env: Mapping[str, str] = os.environ) -> bytes:
    return load_or_create_secret(env.get(CHANNEL_SECRET_ENV), project_path(CHANNEL_SECRET_FILE))


def web_session_secret(env: Mapping[str, str] = os.environ) -> bytes:
    return load_or_create_secret(env.get(WEB_SECRET_ENV), project_path(WEB_SECRET_FILE))


def keyed_sender_id(channel: str, parts: Sequence[str], secret: bytes) -> str:
    """`<channel>-<32 hex>`: stable per (channel, parts), not computable without the secret."""
    message = "\n".join([channel, *parts]).encode("utf-8")
    return f"{channel}-{hmac.new(secret, message, hashlib.sha256).hexdigest()[:ID_HEX_CHARS]}"


def channel_of(sender_id: str) -> str | None:
    """ "matrix" or "teams" for ids made by those channels' id functions, else None (web, REST)."""
    for channel in ("matrix", "teams"):
        if sender_id.startswith(f"{channel}-"):
            return channel
    return None


def new_web_sender_id() -> str:
    return f"web-{secrets.token_hex(ID_HEX_CHARS // 2)}"


def sign(value: str, secret: bytes) -> str:
    return hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_token(sender_id: str, secret: bytes) -> str:
    return f"{sender_id}.{sign(sender_id, secret)}"


def sender_from_token(token: str | None, secret: bytes) -> str | None:
    """The web sender id inside a signed token, or None if the token is missing, forged or malformed."""
    if not token or token.count(".") != 1 or len(token) > 200:
        return None
    sender_id, signature = token.split(".")
    if not sender_id.startswith("web-") or not hmac.compare_digest(signature, sign(sender_id, secret)):
        return None
    return sender_id
