"""Paths anchored at the project root, so that nothing depends on the working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def project_path(path: str | Path) -> Path:
    """`path` as given when absolute, otherwise relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else PROJECT_ROOT / path
