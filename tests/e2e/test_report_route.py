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
