"""Turn latency of our bot against stock Rasa in the same run, sequential, one user (issue 11).

    .venv/bin/python bench/bench_turns.py                  # 8 interviews, then the stock bot
    .venv/bin/python bench/bench_turns.py --interviews 4 --skip-reference

Our bot (actions.server + Rasa, SQLite stores, through the REST channel): after one warm-up
interview, N whole interviews (free text and buttons alternating, four goal rankings), each followed
by the result parts ("Warum dieser Typ?", "Vergleich …", "Was können wir lernen?") and two knowledge
questions. Stock bot: the `rasa init` moodbot (bench/reference/make_reference_bot.py), the same
number of conversations of comparable length. Both servers run side by side but never answer at the
same time: our conversation i, then the stock bot's conversation i, one request in flight (2 cores;
background load from other processes then hits both alike).

Turn kinds: interview = every interview message except the one that brings the result;
result = the message that brings the result (type, chart, choices); parts = result parts on request;
knowledge = knowledge questions. Targets: interview-turn p95 <= 1.5x stock p95; result turn
<= 2x a normal (interview) turn, at the median and at p95.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.bench_load import GOAL_TEXTS, KNOWLEDGE_QUESTIONS, percentile  # noqa: E402
from bench.load import client  # noqa: E402
from bench.reference import make_reference_bot  # noqa: E402
from tests.support import stack  # noqa: E402

PART_TITLES = ("Warum dieser Typ?", "Vergleich mit anderen Kommunen", "Was können wir lernen?")
MODES = ("free_text", "buttons")


async def our_conversation(session, url: str, index: int, latencies: dict[str, list[float]]) -> str:
    goals_text, goal_ids = GOAL_TEXTS[index % len(GOAL_TEXTS)]
    sender = f"turns-{index}-{uuid.uuid4().hex[:6]}"
    outcome = await client.run_interview(session, lambda _t: url, sender, goals_text, MODES[index % 2])
    if outcome.type_id != stack.expected_type(goal_ids) or not outcome.has_image:
        raise client.BotError(f"{sender}: result {outcome.type_name!r}, image {outcome.has_image}")
    latencies["interview"].extend(turn.latency for turn in outcome.turns[:-1])
    latencies["result"].append(outcome.turns[-1].latency)
    payloads = {b["title"]: b["payload"] for b in client.buttons(outcome.turns[-1].replies)}
    for title in PART_TITLES:
        turn = await client.send(session, url, sender, payloads[title], "part")
        latencies["parts"].append(turn.latency)
    for q in range(2):
        question = KNOWLEDGE_QUESTIONS[(index + q) % len(KNOWLEDGE_QUESTIONS)]
        turn = await client.send(session, url, sender, question, "knowledge")
        latencies["knowledge"].append(turn.latency)
    return sender


async def reference_conversation(session, url: str, index: int, latencies: dict[str, list[float]]) -> None:
    sender = f"ref-{index}-{uuid.uuid4().hex[:6]}"
    turns = make_reference_bot.MOODBOT_TURNS[index % 3 :] + make_reference_bot.MOODBOT_TURNS[: index % 3]
    for text in turns:
        turn = await client.send(session, url, sender, text, "interview")
        # The moodbot stays silent on some turns out of its stories ("no" after a greeting); the
        # turn still went through NLU and the policies, so it counts like in bench_load.py.
        latencies["interview"].append(turn.latency)


def start_reference(workdir: Path) -> tuple[stack.Proc, str]:
    rasa, url = make_reference_bot.reference_server(workdir)
    rasa.start()
    stack.wait_http(f"{url}/status", rasa, timeout=600)
    return rasa, url


async def interleaved(count: int, ours_url: str, ref_url: str | None, ours: dict, reference: dict) -> None:
    """Our conversation i, then the stock bot's conversation i: one request in flight at a time, so
    load from other processes on the machine hits both bots alike."""
    async with aiohttp.ClientSession() as session:
        for index in range(count):
            await our_conversation(session, ours_url, index, ours)
            if ref_url:
                await reference_conversation(session, ref_url, index, reference)


def run(interviews: int, workdir: Path, with_reference: bool) -> tuple[dict, dict]:
    workdir.mkdir(parents=True, exist_ok=True)
    bot = stack.RasaStack(workdir, extra_env={"RESULTS_HASH_SECRET": uuid.uuid4().hex * 2})
    reference_proc, ref_url = None, None
    try:
        # The servers start one after the other (2 cores); then both idle while the other answers.
        bot.start()
        if with_reference:
            reference_proc, ref_url = start_reference(workdir)
        ours: dict[str, list[float]] = {k: [] for k in ("interview", "result", "parts", "knowledge")}
        reference: dict[str, list[float]] = {"interview": []}
        asyncio.run(interleaved(1, bot.url, ref_url, {k: [] for k in ours}, {"interview": []}))  # warm-up
        asyncio.run(interleaved(interviews, bot.url, ref_url, ours, reference))
        return ours, reference
    finally:
        bot.stop()
        if reference_proc:
            reference_proc.stop()


def line(name: str, values: list[float]) -> str:
    if not values:
        return f"  {name:<30} –"
    return (
        f"  {name:<30} n={len(values):<4} p50 {percentile(values, 50) * 1000:6.0f} ms   "
        f"p95 {percentile(values, 95) * 1000:6.0f} ms   max {max(values) * 1000:6.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interviews", type=int, default=8)
    parser.add_argument("--skip-reference", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-turns-") as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        ours, reference = run(args.interviews, workdir, not args.skip_reference)
        print(f"D-Team-Assistent ({args.interviews} Interviews nacheinander, ein Nutzer):")
        for kind, label in (
            ("interview", "Interview-Schritt"),
            ("result", "Ergebnis-Schritt"),
            ("parts", "Ergebnis-Teil auf Wunsch"),
            ("knowledge", "Wissensfrage"),
        ):
            print(line(label, ours[kind]))
        ok = True
        for stat in (50, 95):
            normal, result = percentile(ours["interview"], stat), percentile(ours["result"], stat)
            passed = result <= 2 * normal
            ok &= passed
            print(
                f"Ziel Ergebnis-Schritt p{stat} <= 2x Interview-Schritt p{stat}: "
                f"{result * 1000:.0f} ms vs. {2 * normal * 1000:.0f} ms ({result / normal:.2f}x) – "
                + ("erfüllt" if passed else "NICHT erfüllt")
            )
        if not args.skip_reference:
            print("Rasa-Referenzbot (moodbot), gleiche Anzahl Gespräche, abwechselnd mit unseren:")
            print(line("Gesprächsschritt", reference["interview"]))
            ours_p95, ref_p95 = percentile(ours["interview"], 95), percentile(reference["interview"], 95)
            passed = ours_p95 <= 1.5 * ref_p95
            ok &= passed
            print(
                f"Ziel Interview-Schritt p95 <= 1,5x Referenz p95: {ours_p95 * 1000:.0f} ms vs. "
                f"{1.5 * ref_p95 * 1000:.0f} ms ({ours_p95 / ref_p95:.2f}x) – "
                + ("erfüllt" if passed else "NICHT erfüllt")
            )
        print(f"Dauer {time.perf_counter() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
