"""Understanding benchmark through the running bot (issue 10): every case goes over the REST channel.

Sets (bench/data/dev/, heldout/ … heldout8/, bench/cases.py; written before tuning):
  goal_answers.yml      answers to the goal question inside a started interview; the ranking is read
                        from the tracker slot `goals` (when the bot then asks for more goals, the user
                        has nothing to add – the case text is the whole answer – and presses »Fertig«)
  practice_answers.yml  answers at their own question (earlier questions skipped with buttons)
  Both answer the bot's "… – stimmt das?" (tracker slot `pending_match`) like the user: "Ja" when the
  proposed option(s) are expected, else the »Nur …«/»Eher …« button of an expected one, else "Nein";
  the cases that needed it are counted per split.
  kb_questions.yml      knowledge questions in a fresh conversation each; every --mid-every-th one
                        also inside a running interview (answered, then the interview must resume)

Prints per split (dev / heldout / heldout2 / … / heldout8) and per semantic setting
(DTEAM_SEMANTIC=1 / 0, side by side):
goal rankings exact, practice answers understood, knowledge answers with the fact and "Quelle:" (also
counted without a close runner-up's "Auch passend:" line),
honest no-answers, false refusals (and how many offer an entry that gives the fact with one click),
wrong answers (and how many have a button under them – "Mehr dazu" or an entry ranked next – that gives
the fact),
questions misrouted by intent (tracker latest_message), and the
per-message latency p50/p95 of free-text vs. button turns.

Usage:
  .venv/bin/python bench/bench_understanding.py                 # own stacks, semantic on and off
  .venv/bin/python bench/bench_understanding.py --semantic on   # one stack only
  .venv/bin/python bench/bench_understanding.py --url http://127.0.0.1:5005   # a running bot
Options: --split dev|heldout|heldout2|…|heldout8|both|all|heldout-all (both = dev + heldout),
--sets kb,goals,practice, --concurrency 2, --show-failures, --json results.json, --dev-set N (only the
dev cases under the header of set N in each file: one fresh set's first contact and later figures).
A running bot needs Rasa's HTTP API (--enable-api) for the tracker reads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cases import SPLITS, load  # noqa: E402
from bench.cases import dev_set as dev_set_cases  # noqa: E402
from dteam.interview.flow import INSTEAD_PREFIX, ONLY_PREFIX  # noqa: E402
from dteam.interview.practices import QUESTION_ORDER  # noqa: E402
from dteam.kb.aspects import NEAREST_PREFIX  # noqa: E402
from dteam.kb.retrieval import ALSO_PREFIX  # noqa: E402

SOURCE_LINE = re.compile(r"^\s*\**Quelle:", re.MULTILINE)
# The bot's honest no-answers (utter_kb_no_answer and the aspect refusal) both speak of its sources.
NO_ANSWER = re.compile(r"(?:in meinen Quellen|meine Quellen|geben meine Quellen)", re.IGNORECASE)
QUESTION_ONE = re.compile(r"Frage 1 von \d+")
KNOWLEDGE_INTENT = "ask_question"
BUTTON_GOALS = ("effizienz", "buergernaehe", "innovation")  # three goals end the goal question


def payload(value: str) -> str:
    return "/inform" + json.dumps({"answer": value}, ensure_ascii=False)


# --- talking to the bot ---------------------------------------------------------------------------


@dataclass
class Latencies:
    free_text: list[float] = field(default_factory=list)
    button: list[float] = field(default_factory=list)
    # (message, seconds) per turn, for the --json dump: which turns make the p95.
    turns: list[tuple[str, float]] = field(default_factory=list)

    def add(self, message: str, seconds: float) -> None:
        (self.button if message.startswith("/") else self.free_text).append(seconds)
        self.turns.append((message[:200], round(seconds, 4)))


class Bot:
    def __init__(self, session: aiohttp.ClientSession, url: str, token: str | None, latencies: Latencies):
        self.session = session
        self.url = url.rstrip("/")
        self.token = token
        self.latencies = latencies

    async def say(self, sender: str, message: str) -> list[dict]:
        started = time.perf_counter()
        async with self.session.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=aiohttp.ClientTimeout(total=120),
        ) as response:
            response.raise_for_status()
            replies = await response.json()
        self.latencies.add(message, time.perf_counter() - started)
        return replies or []

    async def tracker(self, sender: str) -> dict:
        params = {"token": self.token} if self.token else {}
        async with self.session.get(
            f"{self.url}/conversations/{sender}/tracker",
            params=params,
            timeout=aiohttp.ClientTimeout(total=60),
        ) as response:
            response.raise_for_status()
            return await response.json()


def reply_text(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def latest_intent(tracker: dict) -> str:
    return ((tracker.get("latest_message") or {}).get("intent") or {}).get("name") or ""


def new_sender(prefix: str) -> str:
    return f"bench-{prefix}-{uuid.uuid4().hex[:12]}"


# --- the three kinds of cases ---------------------------------------------------------------------


async def answer_confirmations(bot: Bot, sender: str, wanted, asked: list[dict], replies: list[dict]) -> dict:
    """Answers the bot's yes/no question about an unsure match the way the case's user would.

    The question is detected from the tracker slot `pending_match` (not from its wording): "Ja" when
    `wanted(values)` holds for the proposed option(s); else the »Nur …« (one of several proposed) or
    »Eher …« (an alternative) button of a wanted option when the bot shows one (`replies`: its last
    messages); else "Nein" (a rejected proposal is not taken).
    Each question is recorded in `asked`. Returns the slots after the last answer.
    """
    slots = (await bot.tracker(sender)).get("slots") or {}
    for _ in range(3):  # one question per message; the guard only stops a bot that loops
        pending = slots.get("pending_match")
        if not (isinstance(pending, dict) and pending.get("values")):
            break
        values = list(pending["values"])
        buttons = {b["payload"]: b["title"] for r in replies for b in r.get("buttons") or []}
        # "Nur X" (one of several proposed) or "Eher X" (instead of the proposed one) for an expected X.
        offered = values + list(pending.get("alternatives") or [])
        wished = [
            payload(prefix + v) for v in offered if wanted([v]) for prefix in (ONLY_PREFIX, INSTEAD_PREFIX)
        ]
        other = [p for p in wished if p in buttons]
        if wanted(values):
            answer, message = "Ja", "Ja"
        elif other:
            answer, message = buttons[other[0]], other[0]
        else:
            answer, message = "Nein", "Nein"
        asked.append({"slot": pending.get("slot"), "values": values, "answer": answer})
        replies = await bot.say(sender, message)
        slots = (await bot.tracker(sender)).get("slots") or {}
    return slots


async def run_goal_case(bot: Bot, case: dict) -> dict:
    sender = new_sender("goal")
    expected = list(case["goals"])
    asked: list[dict] = []
    await bot.say(sender, "/start_interview")
    slots: dict = {}
    for message in case.get("turns") or [case["text"]]:
        replies = await bot.say(sender, message)
        slots = await answer_confirmations(bot, sender, lambda v: set(v) <= set(expected), asked, replies)
    if slots.get("requested_slot") == "goals" and slots.get("goals_draft"):
        # "Gibt es ein weiteres wichtiges Ziel?": the case's text is the whole answer, so the user has
        # nothing to add and presses the bot's »Fertig« button.
        await bot.say(sender, payload("fertig"))
        slots = (await bot.tracker(sender)).get("slots") or {}
    got = slots.get("goals") or []
    return {"ok": list(got) == expected, "got": got, "expected": expected, "confirmations": asked}


async def run_practice_case(bot: Bot, case: dict) -> dict:
    sender = new_sender("practice")
    target = case["question"]
    await bot.say(sender, "/start_interview")
    for goal in BUTTON_GOALS:
        await bot.say(sender, payload(goal))
    for _earlier in QUESTION_ORDER[: QUESTION_ORDER.index(target)]:
        await bot.say(sender, payload("skipped"))
    slots = (await bot.tracker(sender)).get("slots") or {}
    expected = case["value"]
    if slots.get("requested_slot") != target:
        return {
            "ok": False,
            "got": f"setup: bot asks {slots.get('requested_slot')!r}",
            "expected": expected,
        }
    asked: list[dict] = []
    replies = await bot.say(sender, case["text"])

    def wanted(values: list[str]) -> bool:
        if isinstance(expected, list):
            return set(values) <= set(expected)
        return values == [expected]

    got = (await answer_confirmations(bot, sender, wanted, asked, replies)).get(target)
    if isinstance(expected, list):
        ok = isinstance(got, list) and set(got) == set(expected)
    else:
        ok = got == expected
    return {"ok": ok, "got": got, "expected": expected, "confirmations": asked}


def judge_knowledge(case: dict, replies: list[dict], intent: str) -> dict:
    text = reply_text(replies)
    sourced = bool(SOURCE_LINE.search(text))
    refused = not sourced and bool(NO_ANSWER.search(text))
    answerable = bool(case["entries"])
    fact = bool(answerable and re.search(case["fact"], text, re.IGNORECASE))
    # The answer itself, without a close runner-up's "Auch passend: …" line under it.
    main = text.split(ALSO_PREFIX)[0]
    fact_in_main = bool(answerable and re.search(case["fact"], main, re.IGNORECASE))
    return {
        "answerable": answerable,
        "correct": answerable and sourced and fact,
        "correct_in_main": answerable and sourced and fact_in_main,
        "honest": (not answerable) and refused,
        "false_refusal": answerable and refused,
        "intent": intent,
        "misrouted": intent != KNOWLEDGE_INTENT,
        "reply": text[:300],
    }


async def run_kb_case(bot: Bot, case: dict, mid_interview: bool) -> dict:
    sender = new_sender("kb")
    replies = await bot.say(sender, case["q"])
    result = judge_knowledge(case, replies, latest_intent(await bot.tracker(sender)))
    offered = [b for r in replies for b in r.get("buttons") or [] if b["title"].startswith(NEAREST_PREFIX)]
    if result["false_refusal"] and offered:
        # A refusal that offers the nearest entry: does the user get the fact with that one click?
        clicked = judge_knowledge(case, await bot.say(sender, offered[0]["payload"]), KNOWLEDGE_INTENT)
        result["one_click"] = clicked["correct"]
    elif result["answerable"] and not result["correct"] and not result["false_refusal"]:
        # A wrong answer: does one of the buttons under it ("Mehr dazu", the entries ranked next)
        # give the fact? Each is tried in a fresh conversation, as if it were the only click.
        for button in [b for r in replies for b in r.get("buttons") or []]:
            clicker = new_sender("kbclick")
            await bot.say(clicker, case["q"])
            if judge_knowledge(case, await bot.say(clicker, button["payload"]), KNOWLEDGE_INTENT)["correct"]:
                result["wrong_one_click"] = True
                break
    if mid_interview:
        sender = new_sender("kbmid")
        await bot.say(sender, "/start_interview")
        replies = await bot.say(sender, case["q"])
        tracker = await bot.tracker(sender)
        inner = judge_knowledge(case, replies, latest_intent(tracker))
        answered_right = inner["correct"] or inner["honest"]
        resumed = bool(QUESTION_ONE.search(reply_text(replies))) and (
            (tracker.get("active_loop") or {}).get("name") == "interview_form"
        )
        result["mid"] = {"ok": answered_right, "resumed": resumed, "intent": inner["intent"]}
    return result


# --- running and reporting ------------------------------------------------------------------------


def cases_of(name: str, key: str, splits: set[str], dev_set: int | None) -> list[dict]:
    """The cases of one file: those of `splits`, or only dev set `dev_set` (none if it has none)."""
    if dev_set is None:
        return [case for case in load(name, key, splits) if case["split"] in splits]
    try:
        return dev_set_cases(name, key, dev_set)
    except ValueError:
        return []


async def run_all(
    url: str,
    token: str | None,
    sets: set[str],
    splits: set[str],
    concurrency: int,
    mid_every: int,
    dev_set: int | None = None,
):
    latencies = Latencies()
    results: dict[str, list[tuple[dict, dict]]] = {"goals": [], "practice": [], "kb": []}
    limit = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    async with aiohttp.ClientSession(connector=connector) as session:
        bot = Bot(session, url, token, latencies)

        async def one(kind: str, case: dict, coro_factory) -> None:
            async with limit:
                try:
                    outcome = await coro_factory()
                except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                    outcome = {"ok": False, "error": repr(error), "misrouted": False}
                results[kind].append((case, outcome))

        jobs = []
        if "goals" in sets:
            for case in cases_of("goal_answers.yml", "answers", splits, dev_set):
                jobs.append(one("goals", case, lambda c=case: run_goal_case(bot, c)))
        if "practice" in sets:
            for case in cases_of("practice_answers.yml", "answers", splits, dev_set):
                jobs.append(one("practice", case, lambda c=case: run_practice_case(bot, c)))
        if "kb" in sets:
            seen_in_split: dict[str, int] = {}
            for case in cases_of("kb_questions.yml", "questions", splits, dev_set):
                position = seen_in_split[case["split"]] = seen_in_split.get(case["split"], -1) + 1
                mid = mid_every > 0 and position % mid_every == 0
                jobs.append(one("kb", case, lambda c=case, m=mid: run_kb_case(bot, c, m)))
        started = time.perf_counter()
        await asyncio.gather(*jobs)
        elapsed = time.perf_counter() - started
    return results, latencies, elapsed


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ratio(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f} %" if total else "–"


GOAL_MISS_KINDS = (
    "same goals, other order",
    "a goal too many",
    "a goal too few",
    "none read",
    "a wrong goal",
)


def goal_miss_kind(expected: list[str], got: list[str]) -> str | None:
    """What went wrong with a goal ranking (None when it is exact), to see which part of the reading fails."""
    if list(got) == list(expected):
        return None
    wanted, read = set(expected), set(got)
    if read == wanted:
        return GOAL_MISS_KINDS[0]
    if read > wanted:
        return GOAL_MISS_KINDS[1]
    if not read:
        return GOAL_MISS_KINDS[3]
    if read < wanted:
        return GOAL_MISS_KINDS[2]
    return GOAL_MISS_KINDS[4]


def summarise(results: dict, latencies: Latencies, split: str) -> dict[str, str]:
    def of(kind: str) -> list[tuple[dict, dict]]:
        return [(c, o) for c, o in results[kind] if c["split"] == split]

    def confirmed(pairs: list[tuple[dict, dict]]) -> str:
        # Cases in which the bot asked "… – stimmt das?" (answered Ja / Nein), and how many passed.
        asked = [o for _, o in pairs if o.get("confirmations")]
        said_yes = sum(any(a["answer"] != "Nein" for a in o["confirmations"]) for o in asked)  # Ja/Nur/Eher
        passed = sum(bool(o.get("ok")) for o in asked)
        return f"{len(asked)} (not Nein {said_yes}, ok {passed})"

    goals = of("goals")
    practice = of("practice")
    kb = of("kb")
    answerable = [o for c, o in kb if c["entries"]]
    unanswerable = [o for c, o in kb if not c["entries"]]
    mid = [o["mid"] for c, o in kb if "mid" in o]
    rows = {
        "goal rankings exact": ratio(sum(o.get("ok", False) for _, o in goals), len(goals)),
        "goals: asked to confirm": confirmed(goals),
        **{
            f"goals missed: {kind}": str(
                sum(goal_miss_kind(o.get("expected", []), o.get("got") or []) == kind for _, o in goals)
            )
            for kind in GOAL_MISS_KINDS
        },
        "practice answers understood": ratio(sum(o.get("ok", False) for _, o in practice), len(practice)),
        "practice: asked to confirm": confirmed(practice),
        "KB: fact + source": ratio(sum(o.get("correct", False) for o in answerable), len(answerable)),
        "KB: … fact in the answer itself": ratio(
            sum(o.get("correct_in_main", False) for o in answerable), len(answerable)
        ),
        "KB: honest no-answer": ratio(sum(o.get("honest", False) for o in unanswerable), len(unanswerable)),
        "KB: false refusals": ratio(sum(o.get("false_refusal", False) for o in answerable), len(answerable)),
        "KB: … fact one click away": str(sum(o.get("one_click", False) for o in answerable)),
        "KB: wrong answers": str(
            sum(not o.get("correct", False) and not o.get("false_refusal", False) for o in answerable)
        ),
        "KB: … fact under a button": str(sum(o.get("wrong_one_click", False) for o in answerable)),
        "KB: misrouted (intent)": ratio(sum(o.get("misrouted", False) for _, o in kb), len(kb)),
        "KB: to start_interview": str(sum(o.get("intent") == "start_interview" for _, o in kb)),
        "KB: to show_statistics": str(sum(o.get("intent") == "show_statistics" for _, o in kb)),
        "KB mid-interview: right": ratio(sum(m["ok"] for m in mid), len(mid)),
        "KB mid-interview: resumed": ratio(sum(m["resumed"] for m in mid), len(mid)),
    }
    return rows


def latency_rows(latencies: Latencies) -> dict[str, str]:
    def fmt(values: list[float]) -> str:
        p50, p95 = 1000 * percentile(values, 0.5), 1000 * percentile(values, 0.95)
        return f"{p50:.0f} / {p95:.0f} ms (n={len(values)})"

    p95_free = percentile(latencies.free_text, 0.95)
    p95_button = percentile(latencies.button, 0.95)
    return {
        "latency free text p50/p95": fmt(latencies.free_text),
        "latency button p50/p95": fmt(latencies.button),
        "free-text p95 / button p95": f"{p95_free / p95_button:.2f}" if latencies.button else "–",
    }


def print_failures(results: dict, split: str) -> None:
    for kind, pairs in results.items():
        for case, outcome in pairs:
            if case["split"] != split:
                continue
            if kind == "kb":
                bad = not (outcome.get("correct") or outcome.get("honest")) or outcome.get("misrouted")
                label = case["q"]
            else:
                bad = not outcome.get("ok")
                label = case.get("text") or " | ".join(case.get("turns", []))
            if bad:
                shown = {k: v for k, v in outcome.items() if k not in ("answerable",)}
                print(f"  [{split}] {kind}: {label!r} -> {json.dumps(shown, ensure_ascii=False)[:400]}")


def start_stack(semantic: str):
    from tests.support.stack import RasaStack

    workdir = Path(tempfile.mkdtemp(prefix=f"bench-understanding-{semantic}-"))
    stack = RasaStack(workdir, extra_env={"DTEAM_SEMANTIC": "1" if semantic == "on" else "0"})
    return stack.start()


async def warm_up(url: str) -> None:
    # First calls load the KB index and lemma tables; they are no user's latency.
    async with aiohttp.ClientSession() as session:
        bot = Bot(session, url, None, Latencies())
        for message in ("Hallo", "Was ist FIM?", "/start_interview", "Effizienz"):
            await bot.say("bench-warmup", message)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", help="a running bot (Rasa server URL with --enable-api); default: own stacks"
    )
    parser.add_argument("--token", help="RASA_AUTH_TOKEN of the running bot, if set")
    parser.add_argument("--semantic", choices=("on", "off", "both"), default="both")
    parser.add_argument(
        "--split",
        choices=(*SPLITS, "both", "all", "heldout-all"),
        default="both",
        help="both = dev + heldout; all = every split; heldout-all = every held-out split",
    )
    parser.add_argument("--sets", default="kb,goals,practice")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--mid-every", type=int, default=4, help="every n-th KB question also mid-interview")
    parser.add_argument("--show-failures", action="store_true", help="dev failures")
    parser.add_argument("--show-heldout-failures", action="store_true", help="only for the final report")
    parser.add_argument("--json", type=Path, help="write all outcomes and each turn's latency to this file")
    parser.add_argument(
        "--dev-set",
        type=int,
        help="only the dev cases under the header '# ---- set N' of each file (one set's figures)",
    )
    args = parser.parse_args()
    if args.dev_set is not None:
        args.split = "dev"

    splits = {
        "both": {"dev", "heldout"},
        "all": set(SPLITS),
        "heldout-all": set(SPLITS) - {"dev"},
    }.get(args.split, {args.split})
    sets = {s.strip() for s in args.sets.split(",") if s.strip()}
    settings = (
        ["running bot"] if args.url else (["on", "off"] if args.semantic == "both" else [args.semantic])
    )

    columns: dict[str, dict[str, dict[str, str]]] = {}
    dump: dict = {}
    for setting in settings:
        stack = None
        try:
            if args.url:
                url = args.url
            else:
                print(f"starting the bot (DTEAM_SEMANTIC={'1' if setting == 'on' else '0'}) …", flush=True)
                stack = start_stack(setting)
                url = stack.url
            asyncio.run(warm_up(url))
            results, latencies, elapsed = asyncio.run(
                run_all(url, args.token, sets, splits, args.concurrency, args.mid_every, args.dev_set)
            )
        finally:
            if stack:
                stack.stop()
                shutil.rmtree(stack.workdir, ignore_errors=True)
        name = setting if args.url else f"semantic {setting}"
        columns[name] = {split: summarise(results, latencies, split) for split in sorted(splits)}
        columns[name]["latency"] = latency_rows(latencies)
        columns[name]["latency"]["wall time"] = f"{elapsed:.0f} s"
        dump[name] = {kind: [{"case": c, "outcome": o} for c, o in pairs] for kind, pairs in results.items()}
        dump[name]["latency_turns"] = latencies.turns
        if args.show_failures:
            print(f"--- failures ({name}) ---")
            # Held-out failures only on explicit request: whoever tunes must not see them.
            for split in sorted(splits):
                if split == "dev" or args.show_heldout_failures:
                    print_failures(results, split)

    names = list(columns)
    for block in [*sorted(splits), "latency"]:
        title = {
            "dev": "DEV",
            "heldout": "HELD-OUT",
            "heldout2": "HELD-OUT 2 (second set)",
            "heldout3": "HELD-OUT 3 (2026-12-02)",
            "heldout4": "HELD-OUT 4 (2026-12-02, written mid-session)",
            "heldout5": "HELD-OUT 5 (2026-12-02, written before the next session's tuning)",
            "heldout6": "HELD-OUT 6 (2026-12-02, written before the third session's tuning that day)",
            "heldout7": "HELD-OUT 7 (2026-12-05, written before that session's tuning)",
            "heldout8": "HELD-OUT 8 (2026-12-05, written after the next session's tuning)",
        }.get(block, "LATENCY (all turns of the run)")
        print(f"\n== {title}")
        print(f"{'':32}" + "".join(f"{n:>30}" for n in names))
        for row in columns[names[0]][block]:
            print(f"{row:32}" + "".join(f"{columns[n][block][row]:>30}" for n in names))
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
