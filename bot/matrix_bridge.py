"""Start the Matrix bridge: ``python -m bot.matrix_bridge`` (inside .venv-matrix).

Configuration: MATRIX_HOMESERVER, MATRIX_USER, MATRIX_PASSWORD or
MATRIX_ACCESS_TOKEN, RASA_URL (default http://127.0.0.1:5005), optionally
MATRIX_CREDENTIALS_FILE (YAML with a ``matrix:`` section). See
docs/channels-matrix.md.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BRIDGE_VENV_PYTHON = REPO_ROOT / ".venv-matrix" / "bin" / "python"


def _reexec_in_bridge_venv() -> None:
    """Started with the Rasa venv's Python: continue in .venv-matrix.

    matrix-nio cannot live in the Rasa venv (aiohttp/h11 pins), so the bridge
    has its own venv; this keeps `python -m bot.matrix_bridge` working from
    either. The venv is created on first use by scripts/matrix_venv.sh.
    """
    if os.environ.get("D_TEAM_MATRIX_REEXEC"):
        return
    if subprocess.run(["bash", str(REPO_ROOT / "scripts" / "matrix_venv.sh")]).returncode != 0:
        return
    os.environ["D_TEAM_MATRIX_REEXEC"] = "1"
    os.chdir(REPO_ROOT)
    os.execv(str(BRIDGE_VENV_PYTHON), [str(BRIDGE_VENV_PYTHON), "-m", "bot.matrix_bridge"])


def main() -> int:
    logging.basicConfig(
        level=os.environ.get("MATRIX_LOG_LEVEL", "INFO").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # matrix-nio logs every room event at INFO; keep the bridge's own log readable.
    logging.getLogger("nio").setLevel(logging.WARNING)
    try:
        from bot.matrix.bridge import FatalBridgeError, MatrixBridge
    except ImportError as error:
        _reexec_in_bridge_venv()  # returns only if that is not possible
        print(
            f"Die Matrix-Anbindung braucht matrix-nio ({error}). Bitte mit `make matrix` "
            "starten oder scripts/matrix_venv.sh ausführen und .venv-matrix/bin/python verwenden.",
            file=sys.stderr,
        )
        return 2
    from bot.matrix.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as error:
        print(f"Konfigurationsfehler: {error}", file=sys.stderr)
        return 2

    async def run() -> int:
        bridge = MatrixBridge(config)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, bridge.stop)
        try:
            await bridge.run()
        except FatalBridgeError as error:
            logging.getLogger("bot.matrix_bridge").error("Bridge stopped: %s", error)
            return 1
        return 0

    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
