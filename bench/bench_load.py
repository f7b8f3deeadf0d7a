"""Load benchmark: N concurrent simulated users against our bot and, in the same run, the stock Rasa bot.

    .venv/bin/python bench/bench_load.py                      # 50 users, both bots
    .venv/bin/python bench/bench_load.py --users 20 --questions 3 --skip-reference
    .venv/bin/python bench/bench_load.py --tracker postgres    # throwaway PostgreSQL tracker store

Our bot: every user runs a whole interview (free text, buttons or mixed, goals from a rotating list)
and then asks follow-up knowledge questions. Reference: `rasa init --no-prompt` moodbot (built by
bench/reference/make_reference_bot.py with our venv) gets comparable conversations of the same length.
Both servers are started fresh, one after the other (2 cores: never at the same time), which also
gives the cold start: process start until /status answers and a first message is answered.

Prints per bot: messages/s, p50/p95/p99 latency of interview turns and knowledge answers (reference:
conversation turns and single questions), errors, wrong results, and RSS of the Rasa (+ action)
server processes from /proc (after start, peak under load). Then the targets:
interview p95 <= 1.5x stock p95, knowledge p95 <= 2x stock p95, no errors, cold start <= stock.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.load import client  # noqa: E402
from bench.reference import make_reference_bot  # noqa: E402
from tests.support import stack  # noqa: E402

LOOPBACK = stack.LOOPBACK
GOAL_TEXTS = [
    ("Vor allem Effizienz, dann Bürgernähe und Fördermittel", ["effizienz", "buergernaehe", "foerdermittel"]),
    (
        "Bürgernähe ist uns am wichtigsten, danach Zivilgesellschaft und Innovation",
        ["buergernaehe", "zivilgesellschaft", "innovation"],
    ),
    (
        "Wir müssen die rechtlichen Vorgaben erfüllen, außerdem Fördermittel und Effizienz",
        ["rechtliche_vorgaben", "foerdermittel", "effizienz"],
    ),
    (
        "Attraktivität als Standort, Wirtschaft und Daseinsvorsorge",
        ["attraktivitaet", "wirtschaft", "daseinsvorsorge"],
    ),
]
MODES = ["free_text", "buttons", "mixed", "skip"]
KNOWLEDGE_QUESTIONS = [
    "Was ist FIM?",
    "Was zeichnet die Optimierer aus?",
    "Was können wir von den anderen Typen lernen?",
    "Was ist ein CDO?",
    "Wie viele Kommunen haben eine Digitalisierungsstrategie?",
    "Was machen Community Manager anders?",
    "Was bedeutet Daseinsvorsorge?",
    "Was ist das OZG?",
]


@dataclass
class RunStats:
    name: str
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"interview": [], "knowledge": []})
    errors: list[str] = field(default_factory=list)
    wrong_results: int = 0
    completed: int = 0
    messages: int = 0
    wall: float = 0.0
    cold_status: float = 0.0
    cold_first_message: float = 0.0
    actions_ready: float | None = None
    rss_idle: float = 0.0
    rss_peak: float = 0.0
    rss_parts: str = ""


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


class MemorySampler(threading.Thread):
    def __init__(self, pids: list[int], interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pids, self.interval, self.peak = pids, interval, 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, sum(stack.rss_mb(pid) for pid in self.pids))
            self._stop_event.wait(self.interval)

    def stop(self) -> float:
        self._stop_event.set()
        self.join(timeout=5)
        return self.peak


async def _first_message(url: str, text: str) -> None:
    async with aiohttp.ClientSession() as session:
        turn = await client.send(session, url, f"cold-{uuid.uuid4().hex[:6]}", text)
        if not turn.replies:
            raise client.BotError(f"no reply to the first message {text!r}")


def cold_start(
    procs: list[stack.Proc],
    status_url: str,
    first_text: str,
    stats: RunStats,
    health_url: str | None = None,
) -> None:
    """Seconds from process start until /status answers, and until a first message is answered."""
    started = min(p.started_at for p in procs)
    rasa = procs[0]
    stack.wait_http(status_url, rasa, timeout=600, interval=0.1)
    stats.cold_status = time.monotonic() - started
    if health_url:
        stack.wait_http(health_url, procs[1], timeout=600, interval=0.1)
        stats.actions_ready = time.monotonic() - started
    asyncio.run(_first_message(status_url.rsplit("/", 1)[0], first_text))
    stats.cold_first_message = time.monotonic() - started


# --- our bot -----------------------------------------------------------------------------------------


async def our_user(session, url: str, index: int, questions: int, expected: dict[str, str], stats: RunStats):
    sender = f"load-{index}-{uuid.uuid4().hex[:6]}"
    goals_text, goal_ids = GOAL_TEXTS[index % len(GOAL_TEXTS)]
    mode = MODES[index % len(MODES)]
    try:
        outcome = await client.run_interview(session, lambda _t: url, sender, goals_text, mode)
    except (client.BotError, aiohttp.ClientError, asyncio.TimeoutError) as error:
        stats.errors.append(f"{sender} interview: {type(error).__name__}: {str(error)[:200]}")
        return
    for turn in outcome.turns:
        stats.latencies["interview"].append(turn.latency)
    stats.messages += len(outcome.turns)
    stats.completed += 1
    if outcome.type_id != expected[goals_text] or not outcome.has_image:
        stats.wrong_results += 1
        stats.errors.append(
            f"{sender}: Ergebnis {outcome.type_name!r}, erwartet {expected[goals_text]}, "
            f"Bild: {outcome.has_image}"
        )
    for q in range(questions):
        question = KNOWLEDGE_QUESTIONS[(index + q) % len(KNOWLEDGE_QUESTIONS)]
        try:
            turn = await client.send(session, url, sender, question, "knowledge")
        except (client.BotError, aiohttp.ClientError, asyncio.TimeoutError) as error:
            stats.errors.append(f"{sender} {question!r}: {type(error).__name__}: {str(error)[:200]}")
            continue
        stats.messages += 1
        stats.latencies["knowledge"].append(turn.latency)
        if not any(t.strip() for t in client.texts(turn.replies)):
            stats.errors.append(f"{sender} {question!r}: leere Antwort")


async def ref_user(session, url: str, index: int, questions: int, stats: RunStats):
    sender = f"ref-{index}-{uuid.uuid4().hex[:6]}"
    turns = make_reference_bot.MOODBOT_TURNS[index % 3 :] + make_reference_bot.MOODBOT_TURNS[: index % 3]
    plan = [(t, "interview") for t in turns]
    plan += [
        (
            make_reference_bot.MOODBOT_QUESTIONS[(index + q) % len(make_reference_bot.MOODBOT_QUESTIONS)],
            "knowledge",
        )
        for q in range(questions)
    ]
    for text, kind in plan:
        try:
            turn = await client.send(session, url, sender, text, kind)
        except (client.BotError, aiohttp.ClientError, asyncio.TimeoutError) as error:
            stats.errors.append(f"{sender} {text!r}: {type(error).__name__}: {str(error)[:200]}")
            continue
        stats.messages += 1
        stats.latencies[kind].append(turn.latency)
        if not turn.replies:
            stats.errors.append(f"{sender} {text!r}: keine Antwort")
    stats.completed += 1


async def load(users: int, user_coro) -> float:
    connector = aiohttp.TCPConnector(limit=users + 10)
    async with aiohttp.ClientSession(connector=connector) as session:
        start = time.perf_counter()
        await asyncio.gather(*(user_coro(session, i) for i in range(users)))
        return time.perf_counter() - start


def run_ours(args, workdir: Path) -> RunStats:
    stats = RunStats("D-Team-Assistent")
    expected = {text: stack.expected_type(ids) for text, ids in GOAL_TEXTS}
    action_port, rasa_port = stack.free_port(), stack.free_port()
    env = {
        "RESULTS_DB_URL": f"sqlite:///{workdir / 'results.db'}",
        "TRACKER_DB_URL": "",
        "RESULTS_HASH_SECRET": uuid.uuid4().hex * 2,
    }
    pg_cleanup = None
    if args.tracker == "postgres":
        tracker, pg_cleanup, tracker_url = _throwaway_postgres()
        env["TRACKER_DB_URL"] = tracker_url
    else:
        tracker = stack.sqlite_tracker(workdir / "tracker.db")
        env["TRACKER_DB_URL"] = f"sqlite:///{workdir / 'tracker.db'}"
    endpoints = stack.write_endpoints(
        workdir / "endpoints.yml", f"http://{LOOPBACK}:{action_port}/webhook", tracker
    )
    rasa = stack.rasa_server(rasa_port, endpoints, workdir, Path(args.model), env=env)
    actions = stack.action_server(action_port, workdir, env)
    url = f"http://{LOOPBACK}:{rasa_port}"
    try:
        rasa.start()
        actions.start()
        cold_start(
            [rasa, actions], f"{url}/status", "Hallo", stats, f"http://{LOOPBACK}:{action_port}/health"
        )
        # Warm-up like a real deployment after start: one full interview + one question.
        asyncio.run(load(1, lambda s, i: our_user(s, url, 10_000 + i, 1, expected, RunStats("warm-up"))))
        stats.rss_idle = stack.rss_mb(rasa.pid) + stack.rss_mb(actions.pid)
        sampler = MemorySampler([rasa.pid, actions.pid])
        sampler.start()
        stats.wall = asyncio.run(
            load(args.users, lambda s, i: our_user(s, url, i, args.questions, expected, stats))
        )
        stats.rss_peak = sampler.stop()
        stats.rss_parts = (
            f"Rasa {stack.rss_mb(rasa.pid):.0f} MiB + Actions {stack.rss_mb(actions.pid):.0f} MiB"
        )
    finally:
        rasa.stop()
        actions.stop()
        if pg_cleanup:
            pg_cleanup()
    return stats


def run_reference(args, workdir: Path) -> RunStats:
    stats = RunStats("Rasa-Referenzbot (moodbot)")
    rasa, url = make_reference_bot.reference_server(workdir)
    try:
        rasa.start()
        cold_start([rasa], f"{url}/status", "hello", stats)
        asyncio.run(load(1, lambda s, i: ref_user(s, url, 10_000 + i, 1, RunStats("warm-up"))))
        stats.rss_idle = stack.rss_mb(rasa.pid)
        sampler = MemorySampler([rasa.pid])
        sampler.start()
        stats.wall = asyncio.run(load(args.users, lambda s, i: ref_user(s, url, i, args.questions, stats)))
        stats.rss_peak = sampler.stop()
        stats.rss_parts = f"Rasa {stack.rss_mb(rasa.pid):.0f} MiB"
    finally:
        rasa.stop()
    return stats


def _throwaway_postgres():
    import psycopg2

    name = f"dteam_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(host=LOOPBACK, port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')

    def cleanup():
        cursor = admin.cursor()
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()

    return stack.postgres_tracker(name), cleanup, f"postgresql://postgres@{LOOPBACK}:5432/{name}"


def report(stats: RunStats) -> None:
    print(f"\n== {stats.name}")
    print(
        f"Kaltstart: /status nach {stats.cold_status:.1f} s, erste Antwort nach "
        f"{stats.cold_first_message:.1f} s"
        + (f" (Action-Server bereit nach {stats.actions_ready:.1f} s)" if stats.actions_ready else "")
    )
    print(
        f"Nutzer fertig: {stats.completed}, Nachrichten: {stats.messages}, Dauer: {stats.wall:.1f} s, "
        f"Durchsatz: {stats.messages / stats.wall if stats.wall else 0:.1f} Nachrichten/s"
    )
    labels = {"interview": "Interview-Züge", "knowledge": "Wissensantworten"}
    for kind, values in stats.latencies.items():
        if values:
            print(
                f"{labels[kind]:17s} n={len(values):5d}  p50 {percentile(values, 50):6.3f} s  "
                f"p95 {percentile(values, 95):6.3f} s  p99 {percentile(values, 99):6.3f} s  "
                f"mean {statistics.mean(values):6.3f} s"
            )
    print(f"Fehler: {len(stats.errors)}, falsche Ergebnisse: {stats.wrong_results}")
    for error in stats.errors[:10]:
        print("  ", error)
    print(
        f"Speicher (RSS): nach Start {stats.rss_idle:.0f} MiB, Spitze unter Last {stats.rss_peak:.0f} MiB "
        f"({stats.rss_parts} am Ende)"
    )


def targets(ours: RunStats, ref: RunStats) -> bool:
    ref_p95 = percentile(ref.latencies["interview"] + ref.latencies["knowledge"], 95)
    checks = [
        ("keine Fehler bei Last", not ours.errors, f"{len(ours.errors)} Fehler"),
        (
            "Interview p95 <= 1,5 x Referenz-p95",
            percentile(ours.latencies["interview"], 95) <= 1.5 * ref_p95,
            f"{percentile(ours.latencies['interview'], 95):.3f} s vs. 1,5 x {ref_p95:.3f} s",
        ),
        (
            "Wissen p95 <= 2 x Referenz-p95",
            percentile(ours.latencies["knowledge"], 95) <= 2 * ref_p95,
            f"{percentile(ours.latencies['knowledge'], 95):.3f} s vs. 2 x {ref_p95:.3f} s",
        ),
        (
            "Kaltstart <= Referenz",
            ours.cold_first_message <= ref.cold_first_message,
            f"{ours.cold_first_message:.1f} s vs. {ref.cold_first_message:.1f} s",
        ),
    ]
    print("\n== Ziele")
    for label, ok, detail in checks:
        print(f"{'OK  ' if ok else 'VERFEHLT'} {label}: {detail}")
    return all(ok for _, ok, _ in checks)


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Lasttest: gleichzeitige Nutzer gegen D-Team-Assistent und Referenzbot."
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=2, help="Wissensfragen je Nutzer nach dem Interview")
    parser.add_argument("--model", default=str(stack.DEFAULT_MODEL))
    parser.add_argument("--tracker", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--skip-reference", action="store_true")
    parser.add_argument("--only-reference", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="dteam-load-"))
    print(
        f"Lasttest mit {args.users} gleichzeitigen Nutzern, {args.questions} Wissensfragen je Nutzer; "
        f"Logs: {workdir}"
    )
    ours = None if args.only_reference else run_ours(args, workdir)
    if ours:
        report(ours)
    ref = None if args.skip_reference else run_reference(args, workdir)
    if ref:
        report(ref)
    if ours and ref:
        return 0 if targets(ours, ref) else 1
    return 0 if (ours or ref) and not (ours or ref).errors else 1


if __name__ == "__main__":
    sys.exit(main())
