"""Abuse/fuzz run against the bot's REST channel.

    .venv/bin/python bench/fuzz.py                 # starts its own Rasa + action server, 1,000 cases
    .venv/bin/python bench/fuzz.py --count 5000 --seed 7
    .venv/bin/python bench/fuzz.py --url http://127.0.0.1:5005 --actions-url http://127.0.0.1:5055

Cases: empty, whitespace, 100 kB and 1 MB texts, control characters, invalid UTF-8, lone surrogates,
SQL/HTML/template payloads, other languages, unknown intents as /payloads, slot injection
(/inform{"goals": [...]}, /start_interview{"municipality_type": ...}), entity spoofing, malformed
JSON, wrong content types and methods. Checks:
- the server keeps answering (health check of Rasa and the action server after every batch);
- malformed requests get a 4xx, nothing ever gets a 5xx;
- every well-formed message gets at least one German text reply;
- no interview slot is set from outside the interview (tracker via GET /conversations/<id>/tracker);
- every tracker parses into Rasa events and ends waiting for the user (action_listen).
Prints a summary and every failure; exit code 1 if anything failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import string
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from dteam.interview import flow  # noqa: E402
from tests.support import stack  # noqa: E402

# Slots that only the interview (validate_interview_form / action_show_result) may fill.
PROTECTED_SLOTS = (*flow.INTERVIEW_SLOTS, "goals_draft", "municipality_type")
GERMAN_WORDS = {
    "ich",
    "sie",
    "ihre",
    "ihr",
    "ihnen",
    "der",
    "die",
    "das",
    "und",
    "nicht",
    "bitte",
    "können",
    "kann",
    "ist",
    "sind",
    "eine",
    "einen",
    "ein",
    "mit",
    "zu",
    "für",
    "oder",
    "was",
    "wie",
    "gern",
    "gerne",
    "leider",
    "frage",
    "fragen",
    "kommune",
    "selbsttest",
    "hilfe",
    "verstanden",
    "danke",
    "auf",
    "noch",
}
GERMAN_CHARS = set("äöüÄÖÜß")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")

SQL_PAYLOADS = [
    "'; DROP TABLE events; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "admin'--",
    "'; SELECT pg_sleep(5); --",
    "UNION SELECT * FROM pg_user",
    "1; DELETE FROM results WHERE 1=1",
]
HTML_PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src='javascript:alert(1)'>",
    '"><svg/onload=alert(1)>',
    "{{7*7}}",
    "${jndi:ldap://127.0.0.1/a}",
    "{% raw %}{{ config }}{% endraw %}",
    "[Klick](javascript:alert(1))",
    "**fett** _kursiv_ `code`",
]
FOREIGN = [
    "What is the best municipality type?",
    "Bonjour, comment ça va ?",
    "¿Dónde está la biblioteca?",
    "Merhaba, nasılsın?",
    "Привет, как дела?",
    "你好，你是谁？",
    "مرحبا كيف حالك",
    "こんにちは",
    "Wat is FIM eigenlijk?",
    "Ciao, che tipo di comune siamo?",
]
NONSENSE = [
    "asdfghjkl",
    "qwertz uiopü",
    "😀😀😀🔥",
    "…",
    "???",
    "!!!",
    "42",
    "-1",
    "0",
    "NaN",
    "null",
    "true",
    "ääääääää",
    "ß" * 50,
    "\u200b\u200b\u200b",
    "\u202eevil",
    "a" * 5000,
    "Frage " * 400,
    "Effizienz " * 300,
    "🙂" * 1000,
]
NORMAL = [
    "Hallo",
    "Was ist FIM?",
    "Hilfe",
    "Wer bist du?",
    "Danke",
    "Tschüss",
    "Was zeichnet die Optimierer aus?",
    "Ergebnis jetzt",
    "zurück",
    "überspringen",
    "Abbrechen",
    "ja",
    "nein",
    "Statistik",
]
UNKNOWN_PAYLOADS = [
    "/",
    "//",
    "/foo",
    "/unknown_intent",
    "/__proto__",
    "/nlu_fallback",
    "/session_start",
    "/action_listen",
    "/utter_greet",
    "/EXTERNAL_reminder",
    "/start_interview{broken",
    '/inform{"answer": }',
    "/inform[1,2]",
    '/greet{"x": ' + "[" * 200 + "]" * 200 + "}",
    "/" + "a" * 3000,
    '/ask_question{"": ""}',
]
# (payload, slot -> value that must NOT appear in the tracker afterwards)
INJECTIONS = [
    ('/inform{"goals": ["innovation"]}', {"goals": ["innovation"]}),
    (
        '/inform{"goals": ["innovation", "effizienz", "wirtschaft"]}',
        {"goals": ["innovation", "effizienz", "wirtschaft"]},
    ),
    ('/start_interview{"municipality_type": "optimierer"}', {"municipality_type": "optimierer"}),
    (
        '/start_interview{"goals": ["innovation"], "strategy": "vorhanden"}',
        {"goals": ["innovation"], "strategy": "vorhanden"},
    ),
    (
        '/result_now{"goals": ["zivilgesellschaft", "innovation"]}',
        {"goals": ["zivilgesellschaft", "innovation"]},
    ),
    ('/correct_goals{"goals": ["wirtschaft"]}', {"goals": ["wirtschaft"]}),
    ('/inform{"answer": "effizienz"}', {"goals": ["effizienz"], "goals_draft": ["effizienz"]}),
    (
        '/inform{"municipality_type": "community_manager", "answer": "optimierer"}',
        {"municipality_type": "community_manager"},
    ),
    (
        '/ask_question{"municipality_type": "bedaechtige", "goals": ["foerdermittel"]}',
        {"municipality_type": "bedaechtige", "goals": ["foerdermittel"]},
    ),
    ('/show_statistics{"municipality_type": "optimierer"}', {"municipality_type": "optimierer"}),
    (
        '/inform{"requested_slot": "community_support", "community_support": ["wlan"]}',
        {"community_support": ["wlan"]},
    ),
    ('/inform{"fim_known": "ja", "inhabitants": 999999}', {"fim_known": "ja", "inhabitants": 999999}),
    ('/greet{"goals": "innovation"}', {"goals": "innovation"}),
]
# Injections sent while the interview waits for the goals answer: only real answers may count.
IN_INTERVIEW_INJECTIONS = [
    ('/inform{"goals": ["innovation"]}', {"goals": ["innovation"]}),
    ('/inform{"requested_slot": "community_support"}', {"requested_slot": "community_support"}),
    ('/skip{"goals": ["wirtschaft"]}', {"goals": ["wirtschaft"]}),
    ('/result_now{"municipality_type": "optimierer"}', {"municipality_type": "optimierer"}),
]


@dataclass
class FuzzCase:
    label: str
    expect: str  # "reply": 200 + German reply | "4xx" | "no5xx"
    body: bytes
    content_type: str | None = "application/json"
    method: str = "POST"
    sender: str | None = None
    must_not_set: dict[str, object] = field(default_factory=dict)
    prelude: Sequence[str] = ()  # messages sent first (same sender), e.g. "/start_interview"


@dataclass
class FuzzReport:
    cases: int = 0
    requests: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    health_checks: int = 0
    senders: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    trackers_checked: int = 0

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def summary(self) -> str:
        server_errors = sum(n for s, n in self.statuses.items() if s >= 500)
        lat = sorted(self.latencies) or [0.0]
        return (
            f"Fälle: {self.cases}, Anfragen: {self.requests}, HTTP-Status: "
            f"{dict(sorted(self.statuses.items()))}, "
            f"5xx: {server_errors}, Health-Checks: {self.health_checks}, geprüfte Tracker: "
            f"{self.trackers_checked}, "
            f"Latenz p50/p95/max: {lat[len(lat) // 2]:.3f}/"
            f"{lat[int(len(lat) * 0.95) - 1 if len(lat) > 1 else 0]:.3f}/"
            f"{lat[-1]:.3f} s, Fehler: {len(self.failures)}"
        )


def _json(sender: str, message, **extra) -> bytes:
    payload = {"sender": sender, "message": message, **extra}
    try:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates can only travel as \ud800 escapes
        return json.dumps(payload).encode("ascii")


def _random_text(rng: random.Random, length: int) -> str:
    alphabet = string.ascii_letters + string.digits + string.punctuation + " äöüßÄÖÜ€§\t\n"
    return "".join(rng.choice(alphabet) for _ in range(length))


def build_cases(count: int, seed: int = 1) -> list[FuzzCase]:
    """`count` cases: every fixed case once, the rest random variations; normal cases share a sender
    per group of ten (longer conversations), injections get a fresh one (clean slot check)."""
    rng = random.Random(seed)
    run = uuid.UUID(int=rng.getrandbits(128)).hex[:8]
    group = {"n": 0}

    def shared_sender() -> str:
        group["n"] += 1
        return f"fuzz-{run}-s{group['n'] // 10}"

    def fresh(tag: str) -> str:
        group["n"] += 1
        return f"fuzz-{run}-{tag}{group['n']}"

    fixed: list[FuzzCase] = []

    def reply_case(label: str, message, sender: str | None = None) -> FuzzCase:
        sender = sender or shared_sender()
        return FuzzCase(label, "reply", _json(sender, message), sender=sender)

    fixed += [
        reply_case("empty", ""),
        reply_case("whitespace", "   \n\t  "),
        reply_case("100 kB", "Effizienz " * 10240),
        reply_case("1 MB", "x" * 1_000_000),
        reply_case("control chars", "Hallo\x00\x01\x07\x1b[31m\x7f\x9f Welt"),
        reply_case("only control chars", "\x00\x01\x02\x03"),
        reply_case("lone surrogate", "Hallo \ud800 Welt"),
        reply_case("message null", None),
        reply_case("message number", 12345),
        reply_case("newlines", "\n" * 5000),
        reply_case("rtl override", "\u202eHallo"),
    ]
    fixed += [reply_case(f"sql {i}", p) for i, p in enumerate(SQL_PAYLOADS)]
    fixed += [reply_case(f"html {i}", p) for i, p in enumerate(HTML_PAYLOADS)]
    fixed += [reply_case(f"foreign {i}", p) for i, p in enumerate(FOREIGN)]
    fixed += [reply_case(f"nonsense {i}", p) for i, p in enumerate(NONSENSE)]
    fixed += [reply_case(f"normal {i}", p) for i, p in enumerate(NORMAL)]
    fixed += [reply_case(f"unknown payload {i}", p) for i, p in enumerate(UNKNOWN_PAYLOADS)]
    for i, (payload, forbidden) in enumerate(INJECTIONS):
        sender = fresh("inj")
        fixed.append(
            FuzzCase(
                f"injection {i} {payload[:40]}",
                "reply",
                _json(sender, payload),
                sender=sender,
                must_not_set=forbidden,
            )
        )
    for i, (payload, forbidden) in enumerate(IN_INTERVIEW_INJECTIONS):
        sender = fresh("injform")
        fixed.append(
            FuzzCase(
                f"in-interview injection {i} {payload[:40]}",
                "reply",
                _json(sender, payload),
                sender=sender,
                must_not_set=forbidden,
                prelude=("/start_interview",),
            )
        )
    # Malformed requests: 4xx, never 5xx.
    fixed += [
        FuzzCase("invalid json", "4xx", b'{"sender": "x", "message": '),
        FuzzCase("json array", "4xx", b'["sender", "message"]'),
        FuzzCase("json string", "4xx", b'"hallo"'),
        FuzzCase("json number", "4xx", b"42"),
        FuzzCase("json null", "4xx", b"null"),
        FuzzCase("empty body", "4xx", b""),
        FuzzCase("invalid utf-8 bytes", "4xx", b'{"sender": "fuzz-utf8", "message": "\xff\xfe\xc3\x28"}'),
        FuzzCase(
            "latin-1 body", "4xx", '{"sender": "fuzz-latin", "message": "Bürgernähe"}'.encode("latin-1")
        ),
        FuzzCase("no sender", "4xx", b'{"message": "Hallo"}'),
        FuzzCase("empty sender", "4xx", b'{"sender": "", "message": "Hallo"}'),
        FuzzCase("sender object", "4xx", b'{"sender": {"a": 1}, "message": "Hallo"}'),
        FuzzCase("sender list", "4xx", b'{"sender": ["a"], "message": "Hallo"}'),
        FuzzCase("sender control chars", "4xx", b'{"sender": "a\\u0000b", "message": "Hallo"}'),
        FuzzCase("sender 10 kB", "4xx", _json("s" * 10000, "Hallo")),
        FuzzCase("message object", "4xx", b'{"sender": "fuzz-obj", "message": {"text": "Hallo"}}'),
        FuzzCase("message list", "4xx", b'{"sender": "fuzz-list", "message": ["Hallo"]}'),
        FuzzCase("deeply nested", "4xx", b"[" * 100000 + b"]" * 100000),
        FuzzCase("wrong method GET", "4xx", b"", method="GET"),
        FuzzCase("wrong method PUT", "4xx", _json("fuzz-put", "Hallo"), method="PUT"),
        FuzzCase("wrong method DELETE", "4xx", b"", method="DELETE"),
        FuzzCase(
            "form encoded", "4xx", b"sender=fuzz-form&message=Hallo", "application/x-www-form-urlencoded"
        ),
        FuzzCase("xml", "4xx", b"<msg><sender>x</sender></msg>", "application/xml"),
        # Valid JSON with a wrong or missing content type: answering or rejecting are both fine.
        FuzzCase("json as text/plain", "no5xx", _json("fuzz-plain", "Hallo"), "text/plain"),
        FuzzCase("json without content type", "no5xx", _json("fuzz-noct", "Hallo"), None),
        FuzzCase("json as multipart", "no5xx", _json("fuzz-mp", "Hallo"), "multipart/form-data; boundary=x"),
        FuzzCase("metadata string", "no5xx", _json("fuzz-meta", "Hallo", metadata="x")),
        FuzzCase("duplicate keys", "no5xx", b'{"sender": "fuzz-dup", "message": "a", "message": "Hallo"}'),
    ]

    cases = list(fixed[:count]) if count < len(fixed) else list(fixed)
    generators = [
        lambda: reply_case("random text", _random_text(rng, rng.randint(1, 400))),
        lambda: reply_case(
            "random payload",
            "/"
            + rng.choice(
                ["inform", "start_interview", "greet", "x", "skip", "result_now", "go_back", "ask_question"]
            )
            + json.dumps(
                {
                    rng.choice(PROTECTED_SLOTS + ("answer", "kb_type")): rng.choice(
                        ["optimierer", ["innovation"], 7, None, "skipped", {"a": 1}]
                    )
                }
            ),
        ),
        lambda: reply_case("sql+german", rng.choice(SQL_PAYLOADS) + " " + rng.choice(NORMAL)),
        lambda: reply_case("html+german", rng.choice(NORMAL) + " " + rng.choice(HTML_PAYLOADS)),
        lambda: reply_case("normal", rng.choice(NORMAL)),
        lambda: reply_case("nonsense", rng.choice(NONSENSE + FOREIGN)),
        lambda: FuzzCase(
            "random bytes", "no5xx", bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
        ),
        lambda: FuzzCase(
            "truncated json", "4xx", _json("fuzz-trunc", rng.choice(NORMAL))[: rng.randint(1, 20)]
        ),
    ]
    while len(cases) < count:
        cases.append(rng.choice(generators)())
    return cases


def is_german(text: str) -> bool:
    words = {w.lower() for w in WORD.findall(text)}
    return bool(words & GERMAN_WORDS) or any(ch in GERMAN_CHARS for ch in text)


async def _post(session: aiohttp.ClientSession, url: str, case: FuzzCase, body: bytes | None = None):
    headers = {"Content-Type": case.content_type} if case.content_type else {}
    data = case.body if body is None else body
    start = time.perf_counter()
    async with session.request(
        case.method,
        url,
        data=data,
        headers=headers,
        timeout=aiohttp.ClientTimeout(total=180),
        skip_auto_headers=["Content-Type"],
    ) as resp:
        text = await resp.text(errors="replace")
        return resp.status, text, time.perf_counter() - start


async def _run_case(
    session: aiohttp.ClientSession, base_url: str, case: FuzzCase, report: FuzzReport
) -> None:
    url = f"{base_url}/webhooks/rest/webhook"
    for message in case.prelude:
        status, text, _ = await _post(
            session, url, FuzzCase("prelude", "reply", b""), _json(case.sender, message)
        )
        report.requests += 1
        if status != 200:
            report.fail(f"{case.label}: Vorlauf {message!r} -> HTTP {status}: {text[:200]}")
            return
    try:
        status, text, latency = await _post(session, url, case)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        report.fail(f"{case.label}: keine Antwort ({type(error).__name__}: {error})")
        return
    report.requests += 1
    report.statuses[status] = report.statuses.get(status, 0) + 1
    report.latencies.append(latency)
    if status >= 500:
        report.fail(f"{case.label}: HTTP {status}: {text[:200]}")
        return
    if case.expect == "4xx":
        if not 400 <= status < 500:
            report.fail(f"{case.label}: erwartet 4xx, bekam {status}: {text[:200]}")
        return
    if case.expect == "no5xx":
        return
    if status != 200:
        report.fail(f"{case.label}: erwartet 200, bekam {status}: {text[:200]}")
        return
    try:
        replies = json.loads(text)
    except ValueError:
        report.fail(f"{case.label}: Antwort ist kein JSON: {text[:200]}")
        return
    reply_texts = [r.get("text") or "" for r in replies if isinstance(r, dict)]
    if not any(t.strip() for t in reply_texts):
        report.fail(f"{case.label}: keine Textantwort auf {case.body[:80]!r}: {text[:200]}")
    elif not any(is_german(t) for t in reply_texts):
        report.fail(f"{case.label}: keine deutsche Antwort: {reply_texts}")
    if case.sender and case.sender not in report.senders:
        report.senders.append(case.sender)


async def health(session: aiohttp.ClientSession, urls: Sequence[str], report: FuzzReport) -> bool:
    healthy = True
    for url in urls:
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=30)) as resp:
                if resp.status != 200:
                    report.fail(f"Health-Check {url}: HTTP {resp.status}")
                    healthy = False
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            report.fail(f"Health-Check {url}: {type(error).__name__}")
            healthy = False
    report.health_checks += 1
    return healthy


def _violations(slots: dict, forbidden: dict[str, object]) -> list[str]:
    return [f"{slot}={slots.get(slot)!r}" for slot, value in forbidden.items() if slots.get(slot) == value]


async def check_trackers(
    session: aiohttp.ClientSession,
    base_url: str,
    cases: Sequence[FuzzCase],
    report: FuzzReport,
    parse_event=None,
) -> None:
    """Protected slots never hold an injected value; trackers parse and wait for the user."""
    forbidden_by_sender: dict[str, dict[str, object]] = {}
    for case in cases:
        if case.sender and case.expect == "reply":
            forbidden_by_sender.setdefault(case.sender, {}).update(case.must_not_set)
    for sender, forbidden in forbidden_by_sender.items():
        async with session.get(
            f"{base_url}/conversations/{sender}/tracker", timeout=aiohttp.ClientTimeout(total=60)
        ) as resp:
            if resp.status != 200:
                report.fail(f"Tracker {sender}: HTTP {resp.status}")
                continue
            tracker = await resp.json()
        report.trackers_checked += 1
        slots = tracker.get("slots", {})
        bad = _violations(slots, forbidden)
        if sender.split("-")[-1].startswith("inj") and not sender.split("-")[-1].startswith("injform"):
            # Outside the interview no protected slot may be filled at all.
            bad += [f"{s}={slots.get(s)!r}" for s in PROTECTED_SLOTS if slots.get(s) not in (None, [])]
        if bad:
            report.fail(f"Tracker {sender}: Slot von außen gesetzt: {sorted(set(bad))}")
        events = tracker.get("events") or []
        if not events:
            report.fail(f"Tracker {sender}: keine Events")
            continue
        for event in events:
            if not isinstance(event, dict) or "event" not in event:
                report.fail(f"Tracker {sender}: unlesbares Event {str(event)[:120]}")
                break
            if parse_event is not None and parse_event(event) is None:
                report.fail(f"Tracker {sender}: Event lässt sich nicht parsen: {str(event)[:160]}")
                break
        timestamps = [e.get("timestamp") or 0 for e in events]
        if timestamps != sorted(timestamps):
            report.fail(f"Tracker {sender}: Events nicht zeitlich geordnet")
        if tracker.get("latest_action_name") != "action_listen":
            report.fail(
                f"Tracker {sender}: endet nicht mit action_listen, sondern "
                f"{tracker.get('latest_action_name')}"
            )


def rasa_event_parser():
    """Rasa's own event parser (imported lazily: only the checks need Rasa, not the client)."""
    from rasa.shared.core.events import Event

    def parse(event: dict):
        try:
            return Event.from_parameters(event)
        except Exception:
            return None

    return parse


async def run_fuzz(
    base_url: str,
    cases: Sequence[FuzzCase],
    health_urls: Sequence[str],
    batch_size: int = 50,
    concurrency: int = 4,
    parse_event=None,
) -> FuzzReport:
    report = FuzzReport()
    semaphore = asyncio.Semaphore(concurrency)
    # Cases of one sender run in order (a conversation), different senders concurrently.
    async with aiohttp.ClientSession() as session:
        for start in range(0, len(cases), batch_size):
            batch = cases[start : start + batch_size]
            by_sender: dict[str, list[FuzzCase]] = {}
            for index, case in enumerate(batch):
                by_sender.setdefault(case.sender or f"anon{index}", []).append(case)

            async def conversation(sender_cases: list[FuzzCase]) -> None:
                async with semaphore:
                    for case in sender_cases:
                        await _run_case(session, base_url, case, report)

            await asyncio.gather(*(conversation(c) for c in by_sender.values()))
            report.cases += len(batch)
            if not await health(session, health_urls, report):
                report.fail(f"Server antwortet nach Fall {start + len(batch)} nicht mehr")
                break
        await check_trackers(session, base_url, cases, report, parse_event)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Missbrauchs-/Fuzz-Lauf gegen den REST-Kanal des Bots.")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--url", help="laufender Rasa-Server (sonst wird einer gestartet)")
    parser.add_argument(
        "--actions-url", help="Action-Server des laufenden Rasa-Servers (für den Health-Check)"
    )
    parser.add_argument("--model", default=str(stack.DEFAULT_MODEL))
    args = parser.parse_args(argv)

    cases = build_cases(args.count, args.seed)
    procs = []
    workdir = Path(tempfile.mkdtemp(prefix="dteam-fuzz-"))
    try:
        if args.url:
            base_url, health_urls = args.url.rstrip("/"), [args.url.rstrip("/") + "/status"]
            if args.actions_url:
                health_urls.append(args.actions_url.rstrip("/") + "/health")
        else:
            action_port, rasa_port = stack.free_port(), stack.free_port()
            env = {
                "RESULTS_DB_URL": f"sqlite:///{workdir / 'results.db'}",
                "TRACKER_DB_URL": f"sqlite:///{workdir / 'tracker.db'}",
                "RESULTS_HASH_SECRET_FILE": str(workdir / "secret"),
            }
            endpoints = stack.write_endpoints(
                workdir / "endpoints.yml",
                f"http://{stack.LOOPBACK}:{action_port}/webhook",
                stack.sqlite_tracker(workdir / "tracker.db"),
            )
            actions = stack.action_server(action_port, workdir, env).start()
            rasa = stack.rasa_server(rasa_port, endpoints, workdir, Path(args.model), env=env).start()
            procs = [rasa, actions]
            stack.wait_http(f"http://{stack.LOOPBACK}:{action_port}/health", actions)
            stack.wait_http(f"http://{stack.LOOPBACK}:{rasa_port}/status", rasa)
            base_url = f"http://{stack.LOOPBACK}:{rasa_port}"
            health_urls = [f"{base_url}/status", f"http://{stack.LOOPBACK}:{action_port}/health"]
        start = time.monotonic()
        report = asyncio.run(
            run_fuzz(
                base_url, cases, health_urls, concurrency=args.concurrency, parse_event=rasa_event_parser()
            )
        )
        print(report.summary())
        print(f"Dauer: {time.monotonic() - start:.1f} s")
        for failure in report.failures:
            print("FEHLER:", failure)
        return 1 if report.failures else 0
    finally:
        for proc in procs:
            proc.stop()
        if procs:
            print(f"Logs: {workdir}")


if __name__ == "__main__":
    sys.exit(main())
