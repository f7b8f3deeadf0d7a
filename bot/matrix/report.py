"""Report PDFs for Matrix: Rasa's custom payload {"report": {"path": "/bericht/<code>.pdf", ...}} is
fetched from the chat server and posted to the room as an m.file.

The bridge runs in its own venv, so this module needs only aiohttp and the standard library.
REPORT_FETCH_URL is the address under which the bridge reaches the chat server (default
REPORT_BASE_URL, else http://127.0.0.1:$WEB_PORT).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

import aiohttp

REPORT_PATH = re.compile(r"^/bericht/(?:DT|TEAM)-[0-9A-Z]{5}-[0-9A-Z]{5}\.pdf$")
MAX_REPORT_BYTES = 5 * 1024 * 1024
MSG_REPORT_FAILED = (
    "Der Bericht konnte leider nicht übertragen werden. Bitte versuchen Sie es später noch einmal."
)


def report_fetch_base(env: Mapping[str, str] = os.environ) -> str:
    base = env.get("REPORT_FETCH_URL") or env.get("REPORT_BASE_URL")
    return (base or f"http://127.0.0.1:{env.get('WEB_PORT', '8080')}").rstrip("/")


def report_from_reply(reply: Mapping[str, Any]) -> tuple[str, str] | None:
    """(path, filename) of a report payload in a Rasa reply, if well-formed."""
    custom = reply.get("custom")
    report = custom.get("report") if isinstance(custom, dict) else None
    path = report.get("path") if isinstance(report, dict) else None
    if not isinstance(path, str) or not REPORT_PATH.match(path):
        return None
    return path, "D-Team-" + path.rsplit("/", 1)[1]


async def fetch_report(http: aiohttp.ClientSession, path: str, base: str | None = None) -> bytes:
    """The PDF bytes; ValueError when the chat server has none or sends something else."""
    url = (base or report_fetch_base()) + path
    async with http.get(url, timeout=aiohttp.ClientTimeout(total=60)) as response:
        if response.status != 200:
            raise ValueError(f"report download answered HTTP {response.status}")
        # StreamReader.read(n) returns what has arrived so far, not n bytes: read to the end,
        # stopping as soon as the limit is passed.
        data = b""
        async for chunk in response.content.iter_chunked(64 * 1024):
            data += chunk
            if len(data) > MAX_REPORT_BYTES:
                break
    if len(data) > MAX_REPORT_BYTES or not data.startswith(b"%PDF-"):
        raise ValueError("downloaded report is no PDF or too large")
    return data


def file_content(filename: str, content_uri: str, size: int) -> dict[str, Any]:
    """m.room.message content of an uploaded PDF."""
    return {
        "msgtype": "m.file",
        "body": filename,
        "filename": filename,
        "url": content_uri,
        "info": {"mimetype": "application/pdf", "size": size},
    }
