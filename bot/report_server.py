"""Report service: only `GET /bericht/<code>.pdf` and `/health`, next to the results store.

For deployments where the chat page must not reach the databases (docker-compose `front`/`back`
networks, Kubernetes NetworkPolicies): the chat server forwards report requests here
(REPORT_SERVICE_URL) and this service, which may read the results store, renders the PDF. It
exposes nothing else. Run with ``python -m bot.report_server``.

Environment: REPORT_SERVER_HOST (default 127.0.0.1), REPORT_SERVER_PORT (default 8090),
RESULTS_DB_URL (the results store, as for the action server).
"""

from __future__ import annotations

import logging
import os

from aiohttp import web

from bot.report_route import add_report_route

logger = logging.getLogger(__name__)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@web.middleware
async def no_sniff(request: web.Request, handler):
    response = await handler(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Server"] = "d-team-report"
    return response


def create_app() -> web.Application:
    app = web.Application(middlewares=[no_sniff])
    add_report_route(app, service_url="")  # render here: this service is next to the store
    app.router.add_get("/health", health)
    return app


def main() -> None:
    logging.basicConfig(level=os.environ.get("REPORT_LOG_LEVEL", "INFO"))
    host = os.environ.get("REPORT_SERVER_HOST", "127.0.0.1")
    port = int(os.environ.get("REPORT_SERVER_PORT", "8090"))
    logger.info("Report service on http://%s:%s", host, port)
    web.run_app(create_app(), host=host, port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
