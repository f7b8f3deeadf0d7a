"""The matrix-nio test driver's protocol, without a homeserver: errors come back
as answers (the driver keeps serving), so a failing Matrix call fails the test
with matrix-nio's message instead of hanging it."""

from __future__ import annotations

import asyncio
import json
import subprocess

import pytest

from tests.channels.matrix_helpers import (
    MATRIX_VENV,
    MATRIX_VENV_SCRIPT,
    NIO_DRIVER,
    NioTestClient,
    free_port,
)


@pytest.fixture(scope="module", autouse=True)
def matrix_venv():
    subprocess.run(["bash", str(MATRIX_VENV_SCRIPT)], check=True, timeout=900)


def run_driver(requests: list[dict]) -> list[dict]:
    lines = "".join(json.dumps(request) + "\n" for request in requests)
    done = subprocess.run(
        [str(MATRIX_VENV / "bin" / "python"), str(NIO_DRIVER)],
        input=lines,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_operations_before_login_and_unknown_operations_are_refused():
    answers = run_driver(
        [
            {"id": 1, "op": "send_text", "args": {"room_id": "!r:localhost", "text": "Hallo"}},
            {"id": 2, "op": "format_disk", "args": {}},
        ]
    )
    assert [a["id"] for a in answers] == [1, 2]
    assert answers[0]["ok"] is False and "login first" in answers[0]["error"]
    assert answers[1]["ok"] is False and "unknown op 'format_disk'" in answers[1]["error"]


def test_login_against_an_unreachable_homeserver_fails_with_the_reason():
    homeserver = f"http://127.0.0.1:{free_port()}"  # nothing listens there

    async def scenario():
        async with NioTestClient(homeserver, "syt_token", "@erika:localhost"):
            pass

    with pytest.raises(AssertionError, match="matrix-nio login: .*Cannot connect to host 127.0.0.1"):
        asyncio.run(scenario())
