"""The layout's rules, checked on the code's own imports (read with `ast`, nothing is run):

- the domain package `dteam/` imports neither Rasa nor rasa-sdk nor the adapters or channels;
- the channels in `bot/` never import the action package;
- the adapters in `actions/` import no database library (sqlalchemy, psycopg2, alembic);
- `actions/` defines nothing but adapters: every module imports rasa_sdk or is a named helper, and
  rasa-sdk registers no abstract base class as an action.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from dteam.paths import PROJECT_ROOT


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def python_files(folder: str) -> list[Path]:
    return sorted((PROJECT_ROOT / folder).rglob("*.py"))


def offending(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in python_files(folder):
        bad = sorted(m for m in imported_modules(path) if m.split(".")[0] in forbidden)
        if bad:
            found[str(path.relative_to(PROJECT_ROOT))] = bad
    return found


def test_the_domain_package_imports_no_rasa_and_no_adapter():
    assert python_files("dteam"), "no domain package found"
    assert offending("dteam", ("rasa", "rasa_sdk", "actions", "bot")) == {}


def test_the_channels_never_import_the_action_package():
    assert offending("bot", ("actions",)) == {}


def test_the_adapters_know_no_database():
    """Storage and its failures are the domain's business (German texts come from dteam/)."""
    assert python_files("actions"), "no adapter package found"
    assert offending("actions", ("sqlalchemy", "psycopg2", "alembic")) == {}


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom rasa_sdk import Action\nimport rasa.core.agent as agent\n")
    assert {m.split(".")[0] for m in imported_modules(sample)} == {"os", "rasa_sdk", "rasa"}


@pytest.fixture(scope="module")
def registered_actions():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    return executor.actions


def test_only_concrete_adapters_are_registered(registered_actions):
    from actions.interview import AskQuestion
    from dteam.interview import flow

    assert inspect.isabstract(AskQuestion)
    # one ask action per interview question; the abstract base is no phantom action
    asked = {name for name in registered_actions if name.startswith("action_ask_")}
    assert asked >= {f"action_ask_{slot}" for slot in flow.INTERVIEW_SLOTS}
    assert not [name for name in asked if "property" in name or name.endswith("_")]
    assert not [name for name, run in registered_actions.items() if inspect.isabstract(type(run.__self__))]
    for name in (
        "validate_interview_form",
        "action_ask_goals",
        "action_show_result",
        "action_answer_question",
    ):
        assert name in registered_actions


def test_importing_a_channel_patches_nothing_building_it_does():
    """Rasa is patched when it builds the channel (blueprint), never as a side effect of an import."""
    import subprocess
    import sys

    script = (
        "from rasa.core.actions.action import RemoteAction\n"
        "original = RemoteAction.run\n"
        "import bot.rest_channel, bot.teams\n"
        "assert RemoteAction.run is original, 'patched at import'\n"
        "bot.rest_channel.RestInput().blueprint(lambda message: None)\n"
        "assert RemoteAction.run is not original, 'not patched by the blueprint'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
