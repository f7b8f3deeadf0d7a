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
import sys


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
