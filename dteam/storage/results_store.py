"""Anonymous store of completed assessments, statistics, and data-protection housekeeping.

Pure module (SQLAlchemy 1.4 + Alembic, no Rasa import). It covers three things:

* the results store: one row per completed assessment with structured values only (goal ids, type,
  distances, Mischform flag, kind of municipality, size band, practice answer codes, day of
  completion). The conversation id is never stored; a keyed hash (HMAC-SHA256) of it links a row to
  its conversation so that "Meine Daten löschen" works. After RESULTS_LINK_RETENTION_DAYS the link
  is cleared and the row is fully anonymous (see docs/data-protection.md);
* statistics: the distribution of types among stored results next to the study's Table 2 shares;
* housekeeping on Rasa's SQL tracker store (table ``events``): deleting one conversation's events
  and purging events older than the retention period.

Configuration (environment):
  RESULTS_DB_URL             SQLAlchemy URL of the results store (default sqlite:///data_store/results.db)
  RESULTS_HASH_SECRET        secret key for the conversation hash; if unset, a random key is generated
                             once and kept in RESULTS_HASH_SECRET_FILE
                             (default data_store/results_hash_secret)
  TRACKER_DB_URL             SQLAlchemy URL of Rasa's SQL tracker store (else read from endpoints.yml)
  STATS_MIN_GROUP_SIZE       smallest group whose type distribution is shown (default 5)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import yaml

from dteam.paths import PROJECT_ROOT as REPO_ROOT
from dteam.study import data as study_data

logger = logging.getLogger(__name__)

DEFAULT_RESULTS_DB_URL = "sqlite:///data_store/results.db"
DEFAULT_SECRET_FILE = "data_store/results_hash_secret"
MIGRATIONS_DIR = REPO_ROOT / "migrations"

KIND_IDS: tuple[str, ...] = ("gemeinde", "stadt", "kreis")
# Row ids of Table 2 (type shares by kind of municipality) for each kind; "alle" = all municipalities.
TABLE_2_ROW_FOR_KIND: Mapping[str, str] = {
    "kreis": "kreise",
    "stadt": "staedte",
    "gemeinde": "gemeinden",
    "alle": "alle",
}
KIND_GROUP_LABELS: Mapping[str, str] = {
    "alle": "Alle Kommunen",
    "gemeinde": "Gemeinden",
    "stadt": "Städte",
    "kreis": "Kreise",
}
TYPE_SHARES_TABLE = 2

# Size bands instead of exact inhabitant counts: a band cannot single out one municipality of a
# given kind as easily as an exact figure. (lower bound inclusive, band id)
SIZE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "unter_10000"),
    (10_000, "10000_bis_49999"),
    (50_000, "50000_bis_99999"),
    (100_000, "100000_bis_499999"),
    (500_000, "ab_500000"),
)

SKIPPED = "skipped"
# Allowed answer codes per practice slot (contract in domain.yml); anything else is not stored.
PRACTICE_SINGLE_VALUES: Mapping[str, tuple[str, ...]] = {
    "strategy": ("vorhanden", "in_entwicklung", "keine"),
    "fim_known": ("ja", "nein"),
}
PRACTICE_LIST_VALUES: Mapping[str, tuple[str, ...]] = {
    "responsibility": (
        "hvb",
        "cio",
        "cdo",
        "fachbereich_it",
        "fachbereich_organisation",
        "steuerungsunterstuetzung",
        "fachdezernate",
    ),
    "egov_components": (
        "chatbots",
        "mobile_apps",
        "dms",
        "de_mail",
        "formularserver",
        "e_payment",
        "servicekonto",
        "eid",
        "verwaltungspostfach",
        "suchfunktion",
    ),
    "data_use": (
        "bestandsaufnahme",
        "personaleinsatzplanung",
        "prozessoptimierung",
        "automatisierung",
        "open_data",
    ),
    "training": (
        "fachverfahren",
        "technologische_trends",
        "arbeitsweisen",
        "arbeitsorganisation",
        "fuehrungskraefte",
    ),
    "participation": (
        "buergerhaushalt",
        "befragungen",
        "maengelmelder",
        "planungsverfahren",
        "sprechstunden",
        "civic_tech",
    ),
    "fibre": ("eigenregie", "lokale_akteure", "gebietskoerperschaften", "foerdermittel"),
    "community_support": ("lokale_wirtschaft", "startups", "wlan", "ehrenamt"),
}
PRACTICE_SLOTS: tuple[str, ...] = tuple(PRACTICE_SINGLE_VALUES) + tuple(PRACTICE_LIST_VALUES)
MAX_GOALS = 3

# Table definitions mirror migrations/versions/0001_initial_schema.py; Alembic owns the schema.
metadata = sa.MetaData()
assessment_results = sa.Table(
    "assessment_results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_hash", sa.String(64), nullable=True, index=True),
    sa.Column("completed_on", sa.Date, nullable=False, index=True),
    sa.Column("municipality_type", sa.String(32), nullable=False),
    sa.Column("is_mixed", sa.Boolean, nullable=False),
    sa.Column("goals", sa.JSON, nullable=False),
    sa.Column("distances", sa.JSON, nullable=False),
    sa.Column("municipality_kind", sa.String(16), nullable=True),
    sa.Column("size_band", sa.String(32), nullable=True),
    sa.Column("practices", sa.JSON, nullable=False),
)
pending_tracker_deletions = sa.Table(
    "pending_tracker_deletions",
    metadata,
    sa.Column("conversation_hash", sa.String(64), primary_key=True),
    sa.Column("requested_at", sa.Float, nullable=False),
)

# Rasa's SQLTrackerStore table (rasa/core/tracker_store.py, SQLTrackerStore.SQLEvent). We only read
# and delete rows; Rasa creates the table.
tracker_metadata = sa.MetaData()
tracker_events = sa.Table(
    "events",
    tracker_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


class InvalidResult(ValueError):
    """A result that must not be stored (unknown type or goal ids)."""


# --------------------------------------------------------------------------------------------
# configuration helpers


def results_db_url(env: Mapping[str, str] = os.environ) -> str:
    return env.get("RESULTS_DB_URL") or DEFAULT_RESULTS_DB_URL


def _ensure_sqlite_dir(url: str) -> None:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def hash_secret(env: Mapping[str, str] = os.environ) -> bytes:
    """The HMAC key: from RESULTS_HASH_SECRET, else a random key persisted in a local file."""
    configured = env.get("RESULTS_HASH_SECRET")
    if configured:
        return configured.encode("utf-8")
    secret_file = Path(env.get("RESULTS_HASH_SECRET_FILE") or DEFAULT_SECRET_FILE)
    if secret_file.exists():
        return _read_secret_file(secret_file)
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    new_secret = secrets.token_hex(32)
    # O_EXCL: if two processes race, the loser reads the winner's key instead of overwriting it.
    try:
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret_file(secret_file)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(new_secret + "\n")
    return new_secret.encode("utf-8")


def _read_secret_file(secret_file: Path) -> bytes:
    # The creating process may not have written the key yet; an empty key must never be used.
    for _ in range(50):
        content = secret_file.read_text(encoding="utf-8").strip()
        if content:
            return content.encode("utf-8")
        time.sleep(0.1)
    raise RuntimeError(f"hash secret file {secret_file} is empty")


def conversation_hash(conversation_id: str, secret: bytes) -> str:
    return hmac.new(secret, conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()


def size_band(inhabitants: int | None) -> str | None:
    """Coarse size band of a municipality; None for unknown or implausible values."""
    if inhabitants is None or isinstance(inhabitants, bool):
        return None
    try:
        count = int(inhabitants)
    except (TypeError, ValueError):
        return None
    if count <= 0 or count > 100_000_000:
        return None
    band = SIZE_BANDS[0][1]
    for lower_bound, band_id in SIZE_BANDS:
        if count >= lower_bound:
            band = band_id
    return band


def clean_practices(practices: Mapping[str, object] | None) -> dict[str, object]:
    """Keeps only known practice slots and known answer codes (never free text)."""
    cleaned: dict[str, object] = {}
    for slot, value in (practices or {}).items():
        if value is None:
            continue
        if value == SKIPPED and slot in PRACTICE_SLOTS:
            cleaned[slot] = SKIPPED
        elif slot in PRACTICE_SINGLE_VALUES:
            if value in PRACTICE_SINGLE_VALUES[slot]:
                cleaned[slot] = value
        elif slot in PRACTICE_LIST_VALUES and isinstance(value, (list, tuple)):
            allowed = PRACTICE_LIST_VALUES[slot]
            cleaned[slot] = [code for code in allowed if code in value]
    return cleaned


def _rounded_day(moment: dt.datetime | None) -> dt.date:
    moment = moment or dt.datetime.now(dt.timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.date()


# --------------------------------------------------------------------------------------------
# schema migration


_engines: dict[str, sa.engine.Engine] = {}
_engines_lock = threading.Lock()
# Arbitrary constant key: serialises concurrent `upgrade head` runs of several replicas on PostgreSQL.
_PG_MIGRATION_LOCK_KEY = 7_351_924_001


def upgrade_schema(engine: sa.engine.Engine) -> None:
    """Runs the Alembic migrations up to head on the given database."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", str(engine.url).replace("%", "%%"))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def engine_for(url: str) -> sa.engine.Engine:
    """Engine for the results store, migrated to head on first use in this process."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            _ensure_sqlite_dir(url)
            engine = sa.create_engine(url, future=True, pool_pre_ping=True)
            upgrade_schema(engine)
            _engines[url] = engine
        return engine


def forget_engines() -> None:
    """Disposes cached engines (tests create and drop databases)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
    for engine in _tracker_engines.values():
        engine.dispose()
    _tracker_engines.clear()


# --------------------------------------------------------------------------------------------
# results store


@dataclass(frozen=True)
class TypeShare:
    type_id: str
    type_name: str
    count: int
    share_percent: float | None  # None when the group is empty
    study_percent: float


@dataclass(frozen=True)
class GroupDistribution:
    group: str  # "alle" or a kind id
    label: str
    total: int
    mixed: int
    shares: tuple[TypeShare, ...]


class ResultsStore:
    def __init__(self, url: str | None = None, secret: bytes | None = None):
        self.url = url or results_db_url()
        self.engine = engine_for(self.url)
        self._secret = secret

    @property
    def secret(self) -> bytes:
        if self._secret is None:
            self._secret = hash_secret()
        return self._secret

    def hash_of(self, conversation_id: str) -> str:
        return conversation_hash(conversation_id, self.secret)

    def save_result(
        self,
        conversation_id: str,
        goals: Sequence[str],
        municipality_type: str,
        distances: Mapping[str, float],
        is_mixed: bool = False,
        municipality_kind: str | None = None,
        inhabitants: int | None = None,
        practices: Mapping[str, object] | None = None,
        completed_at: dt.datetime | None = None,
    ) -> int:
        """Stores one completed assessment and returns its row id.

        A conversation keeps only its latest result, so redoing the interview does not count twice.
        """
        if municipality_type not in study_data.TYPE_IDS:
            raise InvalidResult(f"unknown municipality type {municipality_type!r}")
        unknown_goals = [g for g in goals if g not in study_data.GOAL_IDS]
        if unknown_goals or not goals:
            raise InvalidResult(f"goals must be 1-{MAX_GOALS} known goal ids, got {list(goals)!r}")
        clean_distances = {t: round(float(distances[t]), 4) for t in study_data.TYPE_IDS if t in distances}
        row = {
            "conversation_hash": self.hash_of(conversation_id),
            "completed_on": _rounded_day(completed_at),
            "municipality_type": municipality_type,
            "is_mixed": bool(is_mixed),
            "goals": list(dict.fromkeys(goals))[:MAX_GOALS],
            "distances": clean_distances,
            "municipality_kind": municipality_kind if municipality_kind in KIND_IDS else None,
            "size_band": size_band(inhabitants),
            "practices": clean_practices(practices),
        }
        with self.engine.begin() as connection:
            connection.execute(
                assessment_results.delete().where(
                    assessment_results.c.conversation_hash == row["conversation_hash"]
                )
            )
            inserted = connection.execute(assessment_results.insert().values(**row))
            return int(inserted.inserted_primary_key[0])

    def results_for_conversation(self, conversation_id: str) -> list[dict]:
        query = sa.select(assessment_results).where(
            assessment_results.c.conversation_hash == self.hash_of(conversation_id)
        )
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def count_results(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(assessment_results)).scalar_one()
            )

    def delete_for_conversation(self, conversation_id: str) -> int:
        """Deletes the stored results of one conversation; returns how many rows went."""
        with self.engine.begin() as connection:
            deleted = connection.execute(
                assessment_results.delete().where(
                    assessment_results.c.conversation_hash == self.hash_of(conversation_id)
                )
            )
            return int(deleted.rowcount or 0)

    def purge_older_than(self, days: int, today: dt.date | None = None) -> int:
        """Deletes results completed more than `days` days ago; returns the number deleted."""
        cutoff = (today or _rounded_day(None)) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            deleted = connection.execute(
                assessment_results.delete().where(assessment_results.c.completed_on < cutoff)
            )
            return int(deleted.rowcount or 0)

    def unlink_older_than(self, days: int, today: dt.date | None = None) -> int:
        """Clears the conversation hash of results older than `days` days (they stay in the stats)."""
        cutoff = (today or _rounded_day(None)) - dt.timedelta(days=int(days))
        with self.engine.begin() as connection:
            updated = connection.execute(
                assessment_results.update()
                .where(assessment_results.c.completed_on < cutoff)
                .where(assessment_results.c.conversation_hash.isnot(None))
                .values(conversation_hash=None)
            )
            return int(updated.rowcount or 0)

    def type_distribution(self, by_kind: bool = True) -> list[GroupDistribution]:
        """Counts and shares of the types among stored results next to Table 2 of the study.

        The first group is always "alle" (every result, also those without a kind); with
        `by_kind` one group per kind of municipality follows.
        """
        query = sa.select(
            assessment_results.c.municipality_kind,
            assessment_results.c.municipality_type,
            assessment_results.c.is_mixed,
            sa.func.count().label("n"),
        ).group_by(
            assessment_results.c.municipality_kind,
            assessment_results.c.municipality_type,
            assessment_results.c.is_mixed,
        )
        counts: dict[str, dict[str, int]] = {
            g: {t: 0 for t in study_data.TYPE_IDS} for g in TABLE_2_ROW_FOR_KIND
        }
        mixed: dict[str, int] = {g: 0 for g in TABLE_2_ROW_FOR_KIND}
        with self.engine.connect() as connection:
            for kind, type_id, is_mixed, n in connection.execute(query):
                if type_id not in study_data.TYPE_IDS:
                    continue
                groups = ["alle"] + ([kind] if kind in KIND_IDS else [])
                for group in groups:
                    counts[group][type_id] += int(n)
                    if is_mixed:
                        mixed[group] += int(n)
        groups = ["alle"] + (["gemeinde", "stadt", "kreis"] if by_kind else [])
        return [_group_distribution(g, counts[g], mixed[g]) for g in groups]


def study_type_shares(group: str) -> dict[str, float]:
    """Table 2: share (per cent) of each type among the municipalities of one kind (or all)."""
    row = study_data.get_row(TYPE_SHARES_TABLE, TABLE_2_ROW_FOR_KIND[group])
    return {t: row.value(t) for t in study_data.TYPE_IDS}


def _group_distribution(group: str, counts: Mapping[str, int], mixed: int) -> GroupDistribution:
    total = sum(counts.values())
    study_shares = study_type_shares(group)
    shares = tuple(
        TypeShare(
            type_id=t,
            type_name=study_data.TYPE_NAMES[t],
            count=counts[t],
            share_percent=(100.0 * counts[t] / total) if total else None,
            study_percent=study_shares[t],
        )
        for t in study_data.TYPE_IDS
    )
    return GroupDistribution(
        group=group, label=KIND_GROUP_LABELS[group], total=total, mixed=mixed, shares=shares
    )


def _percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " %"


def min_group_size(env: Mapping[str, str] = os.environ) -> int:
    try:
        return max(1, int(env.get("STATS_MIN_GROUP_SIZE", "5")))
    except ValueError:
        return 5


def format_statistics(distributions: Sequence[GroupDistribution], min_group: int = 5) -> str:
    """German text of the distribution, one block per group, for chat and terminal alike.

    Groups smaller than `min_group` show only their size: with very few results a distribution
    could reveal the answer of a single, identifiable municipality.
    """
    table_info = study_data.get_table(TYPE_SHARES_TABLE).info
    overall = distributions[0]
    lines = [
        f"Verteilung der Kommunentypen unter den hier abgeschlossenen Einschätzungen "
        f"(insgesamt {overall.total}), daneben die Anteile aus der Studie "
        f"(Tabelle {table_info.number}: {table_info.title}):",
    ]
    for group in distributions:
        lines.append("")
        size = f"{group.total} Einschätzung{'' if group.total == 1 else 'en'}"
        if group.total < min_group:
            study = ", ".join(f"{s.type_name} {_percent(s.study_percent)}" for s in group.shares)
            lines.append(
                f"{group.label} – {size}; eine Verteilung zeige ich aus Datenschutzgründen "
                f"erst ab {min_group}. Studie: {study}"
            )
            continue
        lines.append(f"{group.label} – {size}:")
        for share in group.shares:
            lines.append(
                f"  • {share.type_name}: {share.count} ({_percent(share.share_percent)}) "
                f"– Studie {_percent(share.study_percent)}"
            )
        if group.mixed:
            lines.append(f"  davon als Mischform eingestuft: {group.mixed}")
    lines.append("")
    lines.append(
        "Die Einschätzungen hier sind keine repräsentative Stichprobe; die Studie beruht auf "
        "325 typisierten von 412 befragten Kommunen."
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# pending tracker deletions ("Meine Daten löschen")


def request_tracker_deletion(
    store: ResultsStore, conversation_id: str, requested_at: float | None = None
) -> float:
    """Remembers that this conversation's tracker must go (only its hash is kept)."""
    requested_at = time.time() if requested_at is None else float(requested_at)
    key = store.hash_of(conversation_id)
    with store.engine.begin() as connection:
        connection.execute(
            pending_tracker_deletions.delete().where(pending_tracker_deletions.c.conversation_hash == key)
        )
        connection.execute(
            pending_tracker_deletions.insert().values(conversation_hash=key, requested_at=requested_at)
        )
    return requested_at


def pending_deletions(store: ResultsStore) -> dict[str, float]:
    with store.engine.connect() as connection:
        return {
            h: at
            for h, at in connection.execute(
                sa.select(
                    pending_tracker_deletions.c.conversation_hash, pending_tracker_deletions.c.requested_at
                )
            )
        }


def _finish_pending(store: ResultsStore, key: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            pending_tracker_deletions.delete().where(pending_tracker_deletions.c.conversation_hash == key)
        )


# --------------------------------------------------------------------------------------------
# Rasa SQL tracker store housekeeping

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
    return url.render_as_string(hide_password=False)


def tracker_db_url(env: Mapping[str, str] = os.environ) -> str | None:
    """TRACKER_DB_URL, else the SQL tracker store of ENDPOINTS_FILE / build/endpoints.yml / endpoints.yml."""
    if env.get("TRACKER_DB_URL"):
        return env["TRACKER_DB_URL"]
    candidates = (
        [env["ENDPOINTS_FILE"]] if env.get("ENDPOINTS_FILE") else ["build/endpoints.yml", "endpoints.yml"]
    )
    for candidate in candidates:
        path = Path(candidate)
        if path.exists():
            return tracker_db_url_from_endpoints(path, env)
    return None


_tracker_engines: dict[str, sa.engine.Engine] = {}


def tracker_engine(url: str) -> sa.engine.Engine:
    engine = _tracker_engines.get(url)
    if engine is None:
        engine = _tracker_engines.setdefault(url, sa.create_engine(url, future=True, pool_pre_ping=True))
    return engine


def _tracker_table_exists(engine: sa.engine.Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def delete_tracker_events(url: str, sender_id: str, up_to_timestamp: float | None = None) -> int:
    """Deletes a conversation's tracker events (all, or those up to a timestamp)."""
    engine = tracker_engine(url)
    if not _tracker_table_exists(engine):
        return 0
    condition = tracker_events.c.sender_id == sender_id
    if up_to_timestamp is not None:
        condition = sa.and_(
            condition,
            sa.or_(tracker_events.c.timestamp <= up_to_timestamp, tracker_events.c.timestamp.is_(None)),
        )
    with engine.begin() as connection:
        return int(connection.execute(tracker_events.delete().where(condition)).rowcount or 0)


def count_tracker_events(url: str, sender_id: str | None = None) -> int:
    engine = tracker_engine(url)
    if not _tracker_table_exists(engine):
        return 0
    query = sa.select(sa.func.count()).select_from(tracker_events)
    if sender_id is not None:
        query = query.where(tracker_events.c.sender_id == sender_id)
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


@dataclass(frozen=True)
class TrackerPurgeResult:
    events_deleted: int
    conversations_affected: int


def purge_trackers_older_than(url: str, days: float, now: float | None = None) -> TrackerPurgeResult:
    """Deletes every tracker event older than `days` days (events without timestamp count as old).

    Event-wise rather than conversation-wise: a long-running conversation (e.g. a Matrix room)
    keeps its recent events but nothing beyond the retention period.
    """
    engine = tracker_engine(url)
    if not _tracker_table_exists(engine):
        return TrackerPurgeResult(0, 0)
    cutoff = (time.time() if now is None else now) - float(days) * 86400.0
    is_old = sa.or_(tracker_events.c.timestamp < cutoff, tracker_events.c.timestamp.is_(None))
    with engine.begin() as connection:
        affected = connection.execute(
            sa.select(sa.func.count(sa.distinct(tracker_events.c.sender_id))).where(is_old)
        ).scalar_one()
        deleted = connection.execute(tracker_events.delete().where(is_old)).rowcount
    return TrackerPurgeResult(int(deleted or 0), int(affected or 0))


# Events up to this many seconds after the deletion request belong to the deletion turn itself
# (the bot's confirmation, action_listen) and go too.
DELETION_GRACE_SECONDS = 10.0
# A pending deletion is finished once a pass at least this long after the request found nothing:
# by then Rasa has long saved the turn in which the deletion was asked for.
DELETION_SETTLE_SECONDS = 60.0


def run_pending_tracker_deletions(
    store: ResultsStore, tracker_url: str, now: float | None = None, known_sender_ids: Iterable[str] = ()
) -> int:
    """Deletes the tracker events of all conversations whose deletion is pending.

    Rasa saves the tracker again after the deleting action has run (and a turn that was in flight
    during a deletion re-saves its events too), so deletion is repeated here until it sticks.
    Sender ids are found by hashing the distinct sender ids of the tracker store, so no clear-text
    conversation id is ever kept for this. Returns the number of events deleted.
    """
    now = time.time() if now is None else now
    pending = pending_deletions(store)
    if not pending:
        return 0
    engine = tracker_engine(tracker_url)
    sender_ids = set(known_sender_ids)
    if _tracker_table_exists(engine):
        with engine.connect() as connection:
            sender_ids.update(
                s for (s,) in connection.execute(sa.select(sa.distinct(tracker_events.c.sender_id)))
            )
    by_hash = {store.hash_of(s): s for s in sender_ids}
    deleted_total = 0
    for key, requested_at in pending.items():
        sender_id = by_hash.get(key)
        deleted = 0
        if sender_id is not None:
            deleted = delete_tracker_events(
                tracker_url, sender_id, up_to_timestamp=requested_at + DELETION_GRACE_SECONDS
            )
            deleted_total += deleted
        if deleted == 0 and now >= requested_at + DELETION_SETTLE_SECONDS:
            _finish_pending(store, key)
    return deleted_total


def delete_conversation_data(
    store: ResultsStore,
    conversation_id: str,
    tracker_url: str | None,
    requested_at: float | None = None,
) -> tuple[int, int]:
    """ "Meine Daten löschen": the conversation's results and (if configured) tracker events.

    Returns (results deleted, tracker events deleted now). The tracker deletion is also recorded as
    pending, to be repeated by `run_pending_tracker_deletions` after Rasa has saved the turn.
    """
    results_deleted = store.delete_for_conversation(conversation_id)
    events_deleted = 0
    if tracker_url:
        requested_at = request_tracker_deletion(store, conversation_id, requested_at)
        events_deleted = delete_tracker_events(tracker_url, conversation_id)
    return results_deleted, events_deleted


def schedule_followup_deletions(
    store: ResultsStore, tracker_url: str, conversation_id: str, delays: Sequence[float]
) -> threading.Thread:
    """Repeats the pending deletion in a background thread after the given delays (seconds)."""

    def repeat() -> None:
        started = time.monotonic()
        for delay in delays:
            time.sleep(max(0.0, started + delay - time.monotonic()))
            try:
                run_pending_tracker_deletions(store, tracker_url, known_sender_ids=[conversation_id])
            except Exception:
                logger.exception("Follow-up tracker deletion failed; `make purge` will retry it")

    thread = threading.Thread(target=repeat, name="tracker-deletion", daemon=True)
    thread.start()
    return thread


def settings_from_env(env: Mapping[str, str] = os.environ) -> dict[str, float | None]:
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
