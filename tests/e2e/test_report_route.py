"""GET /bericht/<code>.pdf on the real chat server process (no Rasa needed)."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request

import pytest

from bot.report_route import report_link
from bot.webserver import clean_bot_messages
from dteam.followup.measurement import Measurement
from dteam.storage import database
from dteam.storage.codes import CodeStore

SECRET = "route-test-secret"


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture(scope="module")
def served(tmp_path_factory, web_server_factory):
    db_url = f"sqlite:///{tmp_path_factory.mktemp('report')}/results.db"
    store = CodeStore(db_url, secret=SECRET.encode())
    code = store.save_measurement(
        "conv-1", Measurement.from_interview(["buergernaehe", "attraktivitaet"], {"strategy": "vorhanden"})
    )
    small_team = store.create_team("m1")
    store.save_measurement("m1", Measurement.from_interview(["effizienz"], {}))
    base = web_server_factory(extra_env={"RESULTS_DB_URL": db_url, "RESULTS_HASH_SECRET": SECRET})
    yield base, code, small_team
    database.forget_engines()


def test_report_is_served_as_pdf_for_a_known_code(served) -> None:
    base, code, _ = served
    status, body, headers = fetch(f"{base}/bericht/{code}.pdf")
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Cache-Control"] == "no-store"
    assert body.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()
    assert "Serviceorientierte" in text and code in text


def test_lower_case_code_in_the_url_works_too(served) -> None:
    base, code, _ = served
    assert fetch(f"{base}/bericht/{code.lower()}.pdf")[0] == 200


@pytest.mark.parametrize(
    "name",
    [
        "DT-00000-00000.pdf",  # well-formed, unknown
        "DT-1234.pdf",
        "DT-UUUUU-UUUUU.pdf",
        "..%2F..%2Fetc%2Fpasswd",
        "%3Cscript%3E.pdf",
        "DT-00000-00000",
        "x" * 300 + ".pdf",
    ],
)
def test_unknown_or_malformed_codes_get_404_without_stack_trace(served, name) -> None:
    base, _, _ = served
    status, body, headers = fetch(f"{base}/bericht/{name}")
    assert status == 404
    text = body.decode("utf-8", "replace")
    assert "Traceback" not in text and "sqlalchemy" not in text.lower()
    assert headers.get("Content-Type", "").startswith("text/plain")


def test_team_summary_only_from_three_finished_members(served) -> None:
    base, _, small_team = served
    assert fetch(f"{base}/bericht/{small_team}.pdf")[0] == 404


def test_report_payload_reaches_the_page_only_as_a_checked_path() -> None:
    good = {"custom": {"report": {"path": "/bericht/DT-7K3QF-M2X9A.pdf", "title": "Bericht"}}}
    assert clean_bot_messages([good]) == [
        {
            "report": {
                "url": "/bericht/DT-7K3QF-M2X9A.pdf",
                "title": "Bericht",
                "filename": "D-Team-DT-7K3QF-M2X9A.pdf",
            }
        }
    ]
    for path in ("https://evil.example/x.pdf", "/bericht/../../x.pdf", "javascript:alert(1)", 42):
        assert report_link({"report": {"path": path}}) is None


def test_chat_server_forwards_to_the_report_service_when_configured(
    tmp_path, web_server_factory, e2e_log_dir
):
    """Deployment shape: the chat server has no store of its own, the report service has."""
    import sys

    from tests.support.stack import Proc, base_env, free_port, wait_http

    db_url = f"sqlite:///{tmp_path}/store.db"
    code = CodeStore(db_url, secret=SECRET.encode()).save_measurement(
        "conv-x", Measurement.from_interview(["rechtliche_vorgaben", "foerdermittel"], {})
    )
    database.forget_engines()
    port = free_port()
    env = base_env({"RESULTS_DB_URL": db_url, "REPORT_SERVER_PORT": str(port)})
    service = Proc(
        "report", [sys.executable, "-m", "bot.report_server"], e2e_log_dir / "report.log", env
    ).start()
    try:
        wait_http(f"http://127.0.0.1:{port}/health", service, timeout=60)
        base = web_server_factory(
            extra_env={
                "REPORT_SERVICE_URL": f"http://127.0.0.1:{port}",
                "RESULTS_DB_URL": f"sqlite:///{tmp_path}/empty-web.db",
            }
        )
        status, body, headers = fetch(f"{base}/bericht/{code}.pdf")
        assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF-")
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
        assert "Bedächtige" in text and code in text
        assert fetch(f"{base}/bericht/DT-00000-00000.pdf")[0] == 404
        assert fetch(f"http://127.0.0.1:{port}/api/message")[0] == 404  # the service offers nothing else
    finally:
        service.stop()
    status, body, _ = fetch(f"{base}/bericht/{code}.pdf")
    assert status == 503 and "nicht verfügbar" in body.decode()
