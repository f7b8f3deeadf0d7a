"""`GET /bericht/<code>.pdf` on the chat server, and the report link in bot messages.

The code is the only key: a return code gives the report of that self-test, a team code the team
summary (only from three finished members on). Unknown or malformed codes get a plain 404, a
store outage a 503 – never a stack trace. The PDF is rendered in a worker thread, so the chat keeps
answering meanwhile.

Where the chat server may not reach the results store (docker-compose, Kubernetes: the chat page
stays off the database network), REPORT_SERVICE_URL names the report service
(`python -m bot.report_server`, the same route next to the store) and this route only forwards the
checked code there.

Bot messages carry the report as a custom payload (see dteam/followup/service.py):
    {"report": {"path": "/bericht/DT-XXXXX-XXXXX.pdf", "filename": "...", "title": "..."}}
`report_link` checks it, so only a well-formed /bericht/ path ever reaches the page.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from typing import Any

import aiohttp
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
MAX_PDF_BYTES = 10 * 1024 * 1024
SERVICE_URL_KEY = "report_service_url"
SESSION_KEY = "report_service_session"


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


def _plain(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text, content_type="text/plain", charset="utf-8")


def _pdf_response(code: str, pdf: bytes) -> web.Response:
    return web.Response(
        body=pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="D-Team-{code}.pdf"',
            "Cache-Control": "no-store",  # the code is the secret: no shared caches
            "X-Robots-Tag": "noindex",
        },
    )


async def get_report(request: web.Request) -> web.Response:
    code = code_from_name(request.match_info.get("name", ""))
    if code is None:
        return _plain(404, NOT_FOUND_TEXT)
    service_url = request.app[SERVICE_URL_KEY]
    if service_url:
        return await _forward(request.app[SESSION_KEY], service_url, code)
    loop = asyncio.get_running_loop()
    try:
        pdf = await loop.run_in_executor(None, report_for_code, code)
    except SQLAlchemyError:
        logger.exception("Report store unavailable")
        return _plain(503, UNAVAILABLE_TEXT)
    except Exception:  # a broken stored row must not show a stack trace
        logger.exception("Report for a code could not be rendered")
        return _plain(404, NOT_FOUND_TEXT)
    if pdf is None:
        return _plain(404, NOT_FOUND_TEXT)
    return _pdf_response(code, pdf)


async def _read_limited(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """The whole body, but at most `limit` bytes. StreamReader.read(n) returns what has arrived so
    far, which cut PDFs that came in more than one chunk."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


async def _forward(session: aiohttp.ClientSession, service_url: str, code: str) -> web.Response:
    """Asks the report service; only a PDF or a 404 is passed on, anything else is a German 503."""
    try:
        async with session.get(f"{service_url}/bericht/{code}.pdf") as response:
            if response.status == 404:
                return _plain(404, NOT_FOUND_TEXT)
            body = await _read_limited(response, MAX_PDF_BYTES + 1)
            if response.status != 200 or len(body) > MAX_PDF_BYTES or not body.startswith(b"%PDF-"):
                logger.warning("Report service answered HTTP %s", response.status)
                return _plain(503, UNAVAILABLE_TEXT)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        logger.warning("Report service not reachable: %s", error.__class__.__name__)
        return _plain(503, UNAVAILABLE_TEXT)
    return _pdf_response(code, body)


async def _open_session(app: web.Application) -> None:
    app[SESSION_KEY] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=90))


async def _close_session(app: web.Application) -> None:
    await app[SESSION_KEY].close()


def add_report_route(app: web.Application, service_url: str | None = None) -> None:
    """GET /bericht/<code>.pdf: rendered here, or forwarded to REPORT_SERVICE_URL when set."""
    if service_url is None:
        service_url = os.environ.get("REPORT_SERVICE_URL", "")
    app[SERVICE_URL_KEY] = service_url.rstrip("/")
    if app[SERVICE_URL_KEY]:
        app.on_startup.append(_open_session)
        app.on_cleanup.append(_close_session)
    app.router.add_get(ROUTE, get_report)
