"""Configuration of the Matrix bridge from environment variables or a YAML file.

Environment variables win over the file, so a deployment can keep the
password out of the file. The file must not be Rasa's credentials.yml: Rasa
treats every top-level key there as an input channel.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse


class ConfigError(Exception):
    """Raised with a German message meant for the administrator."""


@dataclass(frozen=True)
class BridgeConfig:
    homeserver: str
    user_id: str
    password: str | None = None
    access_token: str | None = None
    rasa_url: str = "http://127.0.0.1:5005"
    device_name: str = "D-Team-Assistent"
    # Hosts (besides loopback) the bridge may download bot images from.
    image_hosts: tuple[str, ...] = field(default_factory=tuple)
    rasa_timeout_seconds: float = 60.0
    max_message_chars: int = 5000
    # In rooms with more than two members only messages that mention the bot
    # are answered, so the bot does not talk over a human discussion.
    require_mention_in_groups: bool = True
    # Who may invite the bot and talk to it: whole homeservers ("*" = any) and single users. By
    # default only users of the bot's own homeserver, so strangers cannot make it join their rooms.
    allowed_servers: tuple[str, ...] = field(default_factory=tuple)
    allowed_users: tuple[str, ...] = field(default_factory=tuple)
    rate_limit_per_minute: int = 20  # messages per user; more get one German notice per minute

    def is_allowed(self, user_id: str) -> bool:
        if user_id in self.allowed_users:
            return True
        server = user_id.split(":", 1)[1].lower() if ":" in user_id else ""
        return bool(server) and ("*" in self.allowed_servers or server in self.allowed_servers)


_ENV_KEYS = {
    "homeserver": "MATRIX_HOMESERVER",
    "user_id": "MATRIX_USER",
    "password": "MATRIX_PASSWORD",
    "access_token": "MATRIX_ACCESS_TOKEN",
    "rasa_url": "RASA_URL",
    "device_name": "MATRIX_DEVICE_NAME",
    "image_hosts": "MATRIX_IMAGE_HOSTS",
    "rasa_timeout_seconds": "MATRIX_RASA_TIMEOUT",
    "require_mention_in_groups": "MATRIX_REQUIRE_MENTION",
    "allowed_servers": "MATRIX_ALLOWED_SERVERS",
    "allowed_users": "MATRIX_ALLOWED_USERS",
    "rate_limit_per_minute": "MATRIX_RATE_LIMIT",
}
_FILE_ALIASES = {"user": "user_id", "rasa_timeout": "rasa_timeout_seconds"}


def _read_file_section(path: str) -> dict:
    import yaml  # only needed when a file is configured

    try:
        with open(path, encoding="utf-8") as handle:
            content = yaml.safe_load(handle) or {}
    except OSError as error:
        raise ConfigError(f"Konfigurationsdatei {path} ist nicht lesbar: {error}") from error
    section = content.get("matrix", content) if isinstance(content, dict) else None
    if not isinstance(section, dict):
        raise ConfigError(f"Konfigurationsdatei {path} enthält keinen Abschnitt 'matrix'.")
    return {_FILE_ALIASES.get(k, k): v for k, v in section.items()}


def _as_bool(value: object) -> bool:
    return str(value).strip().lower() not in {"0", "false", "no", "nein", "off", ""}


def load_config(env: Mapping[str, str] | None = None) -> BridgeConfig:
    env = os.environ if env is None else env
    values: dict = {}
    if env.get("MATRIX_CREDENTIALS_FILE"):
        values.update(_read_file_section(env["MATRIX_CREDENTIALS_FILE"]))
    for key, variable in _ENV_KEYS.items():
        if env.get(variable):
            values[key] = env[variable]

    missing = [
        name
        for name, key in (("MATRIX_HOMESERVER", "homeserver"), ("MATRIX_USER", "user_id"))
        if not values.get(key)
    ]
    if missing:
        raise ConfigError("Es fehlen Einstellungen: " + ", ".join(missing))
    if not values.get("password") and not values.get("access_token"):
        raise ConfigError("Bitte MATRIX_PASSWORD oder MATRIX_ACCESS_TOKEN setzen.")
    for key in ("homeserver", "rasa_url"):
        if key in values:
            parsed = urlparse(str(values[key]))
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise ConfigError(f"Ungültige URL für {key}: {values[key]!r}")
            values[key] = str(values[key]).rstrip("/")
    user_id = str(values["user_id"])
    if not (user_id.startswith("@") and ":" in user_id):
        raise ConfigError("MATRIX_USER muss eine vollständige Matrix-ID sein, z. B. @assistent:example.org")

    hosts = values.get("image_hosts") or ()
    if isinstance(hosts, str):
        hosts = [h for h in hosts.replace(",", " ").split() if h]
    try:
        timeout = float(values.get("rasa_timeout_seconds", 60.0))
    except ValueError as error:
        raise ConfigError("MATRIX_RASA_TIMEOUT muss eine Zahl (Sekunden) sein.") from error
    try:
        rate_limit = int(values.get("rate_limit_per_minute", BridgeConfig.rate_limit_per_minute))
    except ValueError as error:
        raise ConfigError("MATRIX_RATE_LIMIT muss eine ganze Zahl (Nachrichten pro Minute) sein.") from error
    if rate_limit < 1:
        raise ConfigError("MATRIX_RATE_LIMIT muss mindestens 1 sein.")
    own_server = user_id.split(":", 1)[1].lower()
    servers = _as_list(values.get("allowed_servers")) or [own_server]
    users = _as_list(values.get("allowed_users"))
    bad_users = [u for u in users if not (u.startswith("@") and ":" in u)]
    if bad_users:
        raise ConfigError("MATRIX_ALLOWED_USERS braucht vollständige Matrix-IDs: " + ", ".join(bad_users))
    return BridgeConfig(
        homeserver=str(values["homeserver"]),
        user_id=user_id,
        password=values.get("password") or None,
        access_token=values.get("access_token") or None,
        rasa_url=str(values.get("rasa_url", BridgeConfig.rasa_url)),
        device_name=str(values.get("device_name", BridgeConfig.device_name)),
        image_hosts=tuple(str(h).lower() for h in hosts),
        rasa_timeout_seconds=timeout,
        require_mention_in_groups=_as_bool(values.get("require_mention_in_groups", True)),
        allowed_servers=tuple(s.lower() for s in servers),
        allowed_users=tuple(users),
        rate_limit_per_minute=rate_limit,
    )


def _as_list(value: object) -> list[str]:
    """A comma/space separated string or a YAML list as a list of non-empty strings."""
    if value is None:
        return []
    items = value.replace(",", " ").split() if isinstance(value, str) else [str(v) for v in value]
    return [item.strip() for item in items if item.strip()]
