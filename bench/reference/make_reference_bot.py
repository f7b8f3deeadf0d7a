"""Creates the stock Rasa reference bot (moodbot from `rasa init --no-prompt`) for bench/bench_load.py.

It is generated at bench time with our own venv (same Rasa version, same machine) and never committed:
the project goes to build/bench-reference/ (git-ignored) and is reused while its model exists and the
Rasa version matches. `rasa init --no-prompt` writes the stock project and trains it with the stock
config (DIET + TEDPolicy + RulePolicy ...), which is exactly the reference we want.

    .venv/bin/python bench/reference/make_reference_bot.py [--force]

The moodbot messages used as comparable load are in MOODBOT_TURNS.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support import stack  # noqa: E402

REFERENCE_DIR = REPO_ROOT / "build" / "bench-reference"
VERSION_FILE = "rasa-version.txt"

# One "interview-like" conversation of the stock bot: 14 turns that each hit NLU + a rule/story
# (the moodbot's whole repertoire), comparable to the 13-15 turns of our interview.
MOODBOT_TURNS = [
    "hello",
    "I am sad",
    "no",
    "hi",
    "I am very happy",
    "are you a bot?",
    "good morning",
    "I am feeling down",
    "yes",
    "great",
    "are you a human?",
    "bye",
    "hey there",
    "very bad",
]
# Stand-ins for knowledge questions: single turns answered by a response (no action server).
MOODBOT_QUESTIONS = ["am I talking to a bot?", "how are you?", "I am unhappy", "good evening"]


def rasa_version() -> str:
    out = subprocess.run([str(stack.RASA), "--version"], capture_output=True, text=True, env=stack.base_env())
    for line in out.stdout.splitlines():
        if line.startswith("Rasa Version"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def model_path(directory: Path = REFERENCE_DIR) -> Path | None:
    models = sorted((directory / "models").glob("*.tar.gz"))
    return models[-1] if models else None


def ensure_reference_bot(force: bool = False, directory: Path = REFERENCE_DIR) -> tuple:
    """(project dir, model path, seconds spent creating it — 0 when reused)."""
    version = rasa_version()
    marker = directory / VERSION_FILE
    if not force and model_path(directory) and marker.exists() and marker.read_text().strip() == version:
        return directory, model_path(directory), 0.0
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    start = time.monotonic()
    result = subprocess.run(
        [str(stack.RASA), "init", "--no-prompt", "--init-dir", str(directory)],
        cwd=str(directory),
        env=stack.base_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or model_path(directory) is None:
        raise RuntimeError(f"rasa init fehlgeschlagen:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    marker.write_text(version + "\n")
    return directory, model_path(directory), time.monotonic() - start


def reference_server(workdir: Path) -> tuple[stack.Proc, str]:
    """The stock bot as a (not yet started) Rasa process on a free port, and its URL.

    Uses the stock project's own credentials.yml (rest:) and the default in-memory tracker store.
    """
    project, model, seconds = ensure_reference_bot()
    if seconds:
        print(f"Referenzbot erzeugt und trainiert in {seconds:.0f} s ({project})")
    port = stack.free_port()
    endpoints = stack.write_endpoints(workdir / "ref-endpoints.yml", None, {"type": "in_memory"})
    rasa = stack.rasa_server(
        port,
        endpoints,
        workdir,
        model,
        credentials=project / "credentials.yml",
        name="reference",
        cwd=project,
    )
    return rasa, f"http://{stack.LOOPBACK}:{port}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Erzeugt den Rasa-Referenzbot (moodbot) für den Lasttest.")
    parser.add_argument("--force", action="store_true", help="neu erzeugen, auch wenn schon vorhanden")
    args = parser.parse_args()
    directory, model, seconds = ensure_reference_bot(args.force)
    print(
        f"Referenzbot: {directory}\nModell: {model}\nErzeugt in {seconds:.0f} s"
        if seconds
        else f"Referenzbot vorhanden: {model}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
