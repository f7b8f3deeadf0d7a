"""Shared fixtures: one real assistant stack per test session (see tests/support/stack.py)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.stack import RasaStack


@pytest.fixture(scope="session")
def rasa_stack() -> Iterator[RasaStack]:
    workdir = Path(tempfile.mkdtemp(prefix="d-team-stack-"))
    stack = RasaStack(workdir)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)
