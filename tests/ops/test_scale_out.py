"""Scale-out on this machine, for real: two Rasa instances and two action servers share a throwaway
PostgreSQL tracker store and the Redis lock store, behind a round-robin nginx.

- A conversation whose turns alternate between the instances completes the interview with the type
  that `python -m dteam.study.typology` computes for its goals, and every answer is in the tracker.
- One Rasa instance is killed (SIGKILL) mid-interview; the other carries on: answers given before the
  crash are kept and the result is correct.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import aiohttp
import pytest

from bench.load import client
from tests.support import stack

LOOPBACK = stack.LOOPBACK


class ScaleOutStack:
    def __init__(
        self,
        root: Path,
        model: Path,
        tracker_db: str,
        results_url: str,
        tracker_url: str,
        redis_db: int,
        redis_prefix: str,
    ) -> None:
        self.root = root
        self.action_ports = [stack.free_port(), stack.free_port()]
        self.rasa_ports = [stack.free_port(), stack.free_port()]
        self.proxy_port = stack.free_port()
        env = {
            "RESULTS_DB_URL": results_url,
            "TRACKER_DB_URL": tracker_url,
            "RESULTS_HASH_SECRET": uuid.uuid4().hex * 2,
        }
        self.actions = [
            stack.action_server(port, root, env, name=f"actions{i}")
            for i, port in enumerate(self.action_ports)
        ]
        self.rasas = []
        for i, (rasa_port, action_port) in enumerate(zip(self.rasa_ports, self.action_ports, strict=True)):
            endpoints = stack.write_endpoints(
                root / f"endpoints{i}.yml",
                f"http://{LOOPBACK}:{action_port}/webhook",
                stack.postgres_tracker(tracker_db),
                stack.redis_lock_store(redis_db, redis_prefix),
            )
            self.rasas.append(stack.rasa_server(rasa_port, endpoints, root, model, env=env, name=f"rasa{i}"))
        self.nginx = stack.nginx_proxy(self.proxy_port, self.rasa_ports, root / "nginx")

    @property
    def proxy_url(self) -> str:
        return f"http://{LOOPBACK}:{self.proxy_port}"

    def rasa_url(self, index: int) -> str:
        return f"http://{LOOPBACK}:{self.rasa_ports[index]}"

    def start(self) -> None:
        for proc in self.actions + self.rasas:
            proc.start()
        # Rasa instances load their models in parallel; the action servers are ready long before.
        with ThreadPoolExecutor(4) as pool:
            waits = [
                pool.submit(stack.wait_http, f"http://{LOOPBACK}:{port}/health", proc, 300)
                for port, proc in zip(self.action_ports, self.actions, strict=True)
            ]
            waits += [
                pool.submit(stack.wait_http, f"http://{LOOPBACK}:{port}/status", proc, 300)
                for port, proc in zip(self.rasa_ports, self.rasas, strict=True)
            ]
            for wait in waits:
                wait.result()
        self.nginx.start()
        stack.wait_http(f"{self.proxy_url}/", self.nginx, 30)

    def stop(self) -> None:
        for proc in [self.nginx, *self.rasas, *self.actions]:
            proc.stop()

    def access_log_upstreams(self) -> list:
        """Upstream address of every webhook POST the proxy forwarded, in order."""
        log = (self.root / "nginx" / "logs" / "access.log").read_text()
        return re.findall(r'"POST /webhooks/rest/webhook[^"]*" \d+ upstream=(\S+)', log)

    def tracker(self, index: int, sender: str) -> dict:
        status, body = stack.http_get(f"{self.rasa_url(index)}/conversations/{sender}/tracker", timeout=30)
        assert status == 200, body[:300]
        return json.loads(body)

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.log_tail(2500)}" for p in [*self.rasas, *self.actions])


@pytest.fixture(scope="module")
def scale_out(tmp_path_factory, trained_model, nginx_available, postgres, redis_namespace):
    tracker_db = postgres.create("tracker")
    results_db = postgres.create("results")
    redis_db, redis_prefix, _ = redis_namespace
    deployment = ScaleOutStack(
        tmp_path_factory.mktemp("scaleout"),
        trained_model,
        tracker_db,
        postgres.url(results_db),
        postgres.url(tracker_db),
        redis_db,
        redis_prefix,
    )
    try:
        deployment.start()
        yield deployment
    except Exception:
        print(deployment.logs())
        raise
    finally:
        deployment.stop()


class RedisCommandRecorder:
    """Records the Redis commands that touch our key prefix (MONITOR), to prove the lock store is used."""

    def __init__(self, redis_client, prefix: str) -> None:
        self.prefix = prefix
        self._client = redis_client
        self.commands = []
        self._monitor = redis_client.monitor()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self._monitor as monitor:
            for command in monitor.listen():
                if self.prefix in command.get("command", ""):
                    self.commands.append(command["command"])
                if self._stop.is_set():
                    return

    def __enter__(self):
        self._thread.start()
        time.sleep(0.3)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        # MONITOR only returns with the next command; issue one so the thread ends.
        self._client.get(self.prefix + ":stop")
        self._thread.join(timeout=5)


def run(coro):
    return asyncio.run(coro)


async def _interview(url_for_turn, sender, goals_text, mode, stop_after_question=None, outcome=None):
    async with aiohttp.ClientSession() as session:
        if outcome is None:
            return await client.run_interview(
                session, url_for_turn, sender, goals_text, mode, stop_after_question=stop_after_question
            )
        return await client.continue_interview(session, url_for_turn, sender, goals_text, mode, outcome)


def slot_values(tracker: dict) -> dict:
    return tracker.get("slots", {})


def assert_free_text_answers_kept(slots: dict, up_to_question: int = 12) -> None:
    for number, (slot, _text, value) in client.FREE_TEXT_ANSWERS.items():
        if number > up_to_question:
            continue
        actual = slots.get(slot)
        if isinstance(value, list):
            assert sorted(actual or []) == sorted(value), f"{slot}: {actual!r} != {value!r}"
        else:
            assert actual == value, f"{slot}: {actual!r} != {value!r}"


def test_turns_alternate_between_instances_and_the_interview_completes(scale_out, redis_namespace):
    goals_text = "Vor allem Effizienz, dann Bürgernähe und Fördermittel"
    goal_ids = ["effizienz", "buergernaehe", "foerdermittel"]
    sender = f"scaleout-{uuid.uuid4().hex[:8]}"
    log_lines_before = len(scale_out.access_log_upstreams())
    _, prefix, redis_client = redis_namespace

    with RedisCommandRecorder(redis_client, prefix) as recorder:
        outcome = run(_interview(lambda _turn: scale_out.proxy_url, sender, goals_text, "free_text"))

    assert outcome.type_id == stack.expected_type(goal_ids), [
        client.texts(t.replies) for t in outcome.turns[-1:]
    ]
    assert outcome.has_image, "result without chart image"
    assert outcome.questions_seen == list(range(1, 13))

    upstreams = scale_out.access_log_upstreams()[log_lines_before:]
    assert len(upstreams) == len(outcome.turns)
    expected_addresses = {f"{LOOPBACK}:{port}" for port in scale_out.rasa_ports}
    assert set(upstreams) == expected_addresses
    assert all(a != b for a, b in zip(upstreams, upstreams[1:], strict=False)), upstreams

    # Both instances read the same tracker: every answer and the result are there.
    for index in (0, 1):
        slots = slot_values(scale_out.tracker(index, sender))
        assert slots["goals"] == goal_ids
        assert slots["municipality_type"] == outcome.type_id
        assert_free_text_answers_kept(slots)

    # Every turn took the conversation lock in Redis (set, then deleted) under our prefix.
    lock_sets = [c for c in recorder.commands if c.startswith("SET ") and sender in c]
    assert len(lock_sets) >= len(outcome.turns), recorder.commands[:10]


def test_killing_one_instance_mid_interview_loses_nothing(scale_out):
    goals_text = "Bürgernähe ist uns am wichtigsten, danach Zivilgesellschaft und Innovation"
    goal_ids = ["buergernaehe", "zivilgesellschaft", "innovation"]
    sender = f"failover-{uuid.uuid4().hex[:8]}"

    outcome = run(
        _interview(lambda _turn: scale_out.proxy_url, sender, goals_text, "free_text", stop_after_question=7)
    )
    assert outcome.questions_seen[-1] == 7
    before_crash = slot_values(scale_out.tracker(0, sender))
    assert before_crash["goals"] == goal_ids
    assert_free_text_answers_kept(before_crash, up_to_question=6)

    victim = scale_out.rasas[0]
    victim.kill_hard()
    assert not victim.alive()

    turns_before = len(outcome.turns)
    outcome = run(
        _interview(lambda _turn: scale_out.proxy_url, sender, goals_text, "free_text", outcome=outcome)
    )
    assert outcome.type_id == stack.expected_type(goal_ids)
    assert outcome.has_image
    assert outcome.questions_seen == list(range(1, 13)), "a question was repeated or skipped after the crash"
    assert len(outcome.turns) > turns_before

    survivor = slot_values(scale_out.tracker(1, sender))
    assert survivor["goals"] == goal_ids
    assert survivor["municipality_type"] == outcome.type_id
    assert_free_text_answers_kept(survivor)
    # After the crash every forwarded request went to the survivor.
    upstreams = scale_out.access_log_upstreams()
    assert upstreams[-1] == f"{LOOPBACK}:{scale_out.rasa_ports[1]}"
