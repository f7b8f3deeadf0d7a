"""`GET /bericht/<code>.pdf` on the chat server, and the report link in bot messages.

The code is the only key: a return code gives the report of that self-test, a team code the team
summary (only from three finished members on). Unknown or malformed codes get a plain 404, a
store outage a 503 – never a stack trace. The PDF is rendered in a worker thread, so the chat keeps
answering meanwhile.

Bot messages carry the report as a custom payload (see actions/followup.py):
    {"report": {"path": "/bericht/DT-XXXXX-XXXXX.pdf", "filename": "...", "title": "..."}}
`report_link` checks it, so only a well-formed /bericht/ path ever reaches the page.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from dteam.followup import codes as code_format
from dteam.report.service import report_for_code

logger = logging.getLogger(__name__)

ROUTE = "/bericht/{name}"
NOT_FOUND_TEXT = "Zu diesem Code gibt es keinen Bericht."
UNAVAILABLE_TEXT = "Der Bericht ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal."
_NAME = re.compile(r"^(?P<code>[A-Za-z0-9-]{1,40})\.pdf$")
MAX_TITLE_CHARS = 200


def code_from_name(name: str) -> str | None:
    match = _NAME.match(name or "")
    return code_format.parse_code(match.group("code")) if match else None


def report_link(custom: Any) -> dict[str, str] | None:
    """The report entry of a bot message's custom payload, reduced to a safe path and title."""
    report = custom.get("report") if isinstance(custom, dict) else None
    if not isinstance(report, dict) or not isinstance(report.get("path"), str):
        return None
    path = report["path"]
    if not path.startswith("/bericht/") or code_from_name(path[len("/bericht/") :]) is None:
        return None
    code = code_from_name(path[len("/bericht/") :])
    title = report.get("title") if isinstance(report.get("title"), str) else "Bericht (PDF)"
    return {"url": f"/bericht/{code}.pdf", "title": title[:MAX_TITLE_CHARS], "filename": f"D-Team-{code}.pdf"}


async def get_report(request: web.Request) -> web.Response:
    code = code_from_name(request.match_info.get("name", ""))
    if code is None:
        return web.Response(status=404, text=NOT_FOUND_TEXT, content_type="text/plain", charset="utf-8")
    loop = asyncio.get_running_loop()
    try:
        pdf = await loop.run_in_executor(None, report_for_code, code)
    except SQLAlchemyError:
        logger.exception("Report store unavailable")
        return web.Response(status=503, text=UNAVAILABLE_TEXT, content_type="text/plain", charset="utf-8")
    except Exception:  # a broken stored row must not show a stack trace
        logger.exception("Report for a code could not be rendered")
        return web.Response(status=404, text=NOT_FOUND_TEXT, content_type="text/plain", charset="utf-8")
    if pdf is None:
        return web.Response(status=404, text=NOT_FOUND_TEXT, content_type="text/plain", charset="utf-8")
    return web.Response(
        body=pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="D-Team-{code}.pdf"',
            "Cache-Control": "no-store",  # the code is the secret: no shared caches
            "X-Robots-Tag": "noindex",
        },
    )


def add_report_route(app: web.Application) -> None:
    app.router.add_get(ROUTE, get_report)
