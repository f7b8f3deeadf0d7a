"""Storage settings from the environment: database URLs, the hash secret, retention periods.

Environment:
  RESULTS_DB_URL             SQLAlchemy URL of the results store (default: SQLite file
                             data_store/results.db below the project root)
  RESULTS_HASH_SECRET        secret key for the conversation hash; if unset, a random key is generated
                             once and kept in RESULTS_HASH_SECRET_FILE
                             (default data_store/results_hash_secret below the project root)
  TRACKER_DB_URL             SQLAlchemy URL of Rasa's SQL tracker store (else read from endpoints.yml)
  STATS_MIN_GROUP_SIZE       smallest group whose type distribution is shown (default 5)
  TRACKER_RETENTION_DAYS, RESULTS_RETENTION_DAYS, RESULTS_LINK_RETENTION_DAYS   retention (days)
  TRACKER_DELETION_FOLLOWUP_SECONDS   delays of the repeated tracker deletion (comma-separated)
Relative paths are anchored at the project root, never at the working directory.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import sqlalchemy as sa
import yaml

from dteam.keys import load_or_create_secret
from dteam.paths import project_path

logger = logging.getLogger(__name__)

DEFAULT_RESULTS_DB_FILE = "data_store/results.db"
DEFAULT_SECRET_FILE = "data_store/results_hash_secret"
DEFAULT_MIN_GROUP_SIZE = 5
# A pending deletion is finished once a pass at least this long after the request found nothing:
# by then Rasa has long saved the turn in which the deletion was asked for.
DELETION_SETTLE_SECONDS = 60.0
# Rasa saves the tracker again after the deleting action, so the deletion is repeated in the
# background: first soon after the turn is saved, last after the settle time.
DEFAULT_FOLLOWUP_SECONDS = (15.0, DELETION_SETTLE_SECONDS + 15.0)


def anchored_db_url(url: str) -> str:
    """A SQLite URL with a relative file path made absolute against the project root."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return url
    if Path(parsed.database).is_absolute():
        return url
    return parsed.set(database=str(project_path(parsed.database))).render_as_string(hide_password=False)


def results_db_url(env: Mapping[str, str] = os.environ) -> str:
    return anchored_db_url(env.get("RESULTS_DB_URL") or f"sqlite:///{DEFAULT_RESULTS_DB_FILE}")


def hash_secret(env: Mapping[str, str] = os.environ) -> bytes:
    """The HMAC key: from RESULTS_HASH_SECRET, else a random key persisted in a local file."""
    secret_file = project_path(env.get("RESULTS_HASH_SECRET_FILE") or DEFAULT_SECRET_FILE)
    return load_or_create_secret(env.get("RESULTS_HASH_SECRET"), secret_file)


def conversation_hash(conversation_id: str, secret: bytes) -> str:
    return hmac.new(secret, conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()


def min_group_size(env: Mapping[str, str] = os.environ) -> int:
    try:
        return max(1, int(env.get("STATS_MIN_GROUP_SIZE", str(DEFAULT_MIN_GROUP_SIZE))))
    except ValueError:
        return DEFAULT_MIN_GROUP_SIZE


def retention_from_env(env: Mapping[str, str] = os.environ) -> dict[str, float | None]:
    """Retention settings (days); None means 'keep'."""

    def days(name: str, default: str | None) -> float | None:
        raw = env.get(name, default)
        if raw in (None, "", "0", "none", "never"):
            return None
        value = float(raw)
        if value < 0:
            raise ValueError(f"{name} must not be negative")
        return value

    tracker_days = days("TRACKER_RETENTION_DAYS", "30")
    return {
        "tracker_retention_days": tracker_days,
        "results_retention_days": days("RESULTS_RETENTION_DAYS", None),
        "results_link_retention_days": days(
            "RESULTS_LINK_RETENTION_DAYS", str(tracker_days) if tracker_days else "30"
        ),
    }


def followup_delays(env: Mapping[str, str] = os.environ) -> Sequence[float]:
    """Delays (seconds) after which a "Meine Daten löschen" tracker deletion is repeated."""
    raw = env.get("TRACKER_DELETION_FOLLOWUP_SECONDS")
    if not raw:
        return DEFAULT_FOLLOWUP_SECONDS
    try:
        delays = tuple(float(part) for part in raw.split(",") if part.strip())
    except ValueError:
        logger.warning("TRACKER_DELETION_FOLLOWUP_SECONDS=%r is not a list of numbers", raw)
        return DEFAULT_FOLLOWUP_SECONDS
    return delays or DEFAULT_FOLLOWUP_SECONDS


# --- Rasa's tracker store, as configured for the Rasa server ------------------------------------

_ENV_PATTERN = re.compile(r"\$\{([^}]+)\}")


def _expand_env(value: object, env: Mapping[str, str]) -> str | None:
    if value is None:
        return None
    return _ENV_PATTERN.sub(lambda m: env.get(m.group(1), ""), str(value)) or None


def tracker_db_url_from_endpoints(path: Path, env: Mapping[str, str] = os.environ) -> str | None:
    """SQLAlchemy URL of an SQL tracker store configured in a Rasa endpoints file, else None."""
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None
    store = config.get("tracker_store") or {}
    if str(store.get("type", "")).lower() != "sql":
        return None
    # Rasa passes the `url` key of the endpoint config as the host (`host` is accepted too).
    host = _expand_env(store.get("url") or store.get("host"), env)
    if host and "://" in host:
        return host
    dialect = _expand_env(store.get("dialect"), env) or "sqlite"
    port = _expand_env(store.get("port"), env)
    url = sa.engine.URL.create(
        drivername=dialect,
        username=_expand_env(store.get("username"), env),
        password=_expand_env(store.get("password"), env),
        host=host,
        port=int(port) if port else None,
        database=_expand_env(store.get("db"), env) or "rasa.db",
    )
    return anchored_db_url(url.render_as_string(hide_password=False))


def tracker_db_url(env: Mapping[str, str] = os.environ) -> str | None:
    """TRACKER_DB_URL, else the SQL tracker store of ENDPOINTS_FILE / build/endpoints.yml / endpoints.yml."""
    if env.get("TRACKER_DB_URL"):
        return anchored_db_url(env["TRACKER_DB_URL"])
    candidates = (
        [env["ENDPOINTS_FILE"]] if env.get("ENDPOINTS_FILE") else ["build/endpoints.yml", "endpoints.yml"]
    )
    for candidate in candidates:
        path = project_path(candidate)
        if path.exists():
            return tracker_db_url_from_endpoints(path, env)
    return None
