"""Secret keys that must survive restarts: from the environment, else a random key kept in a 0600
file below the project root (created once, race-free across processes)."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path


def load_or_create_secret(configured: str | None, secret_file: Path) -> bytes:
    """`configured` if given, else the key in `secret_file`, created (0600) with a random key."""
    if configured:
        return configured.encode("utf-8")
    if not secret_file.exists():
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: if two processes race, the loser reads the winner's key instead of overwriting it.
            fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_hex(32) + "\n")
    for _ in range(50):  # the creating process may not have written the key yet
        content = secret_file.read_text(encoding="utf-8").strip()
        if content:
            return content.encode("utf-8")
        time.sleep(0.1)
    raise RuntimeError(f"secret file {secret_file} is empty")
