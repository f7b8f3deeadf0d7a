"""Teams gets the report PDF as an attachment the Teams client fetches from REPORT_BASE_URL."""

from __future__ import annotations

from bot.teams import report_attachment

PAYLOAD = {"report": {"path": "/bericht/DT-7K3QF-M2X9A.pdf", "title": "Bericht"}}


def test_report_becomes_a_pdf_attachment_with_public_url() -> None:
    assert report_attachment(PAYLOAD, {"REPORT_BASE_URL": "https://chat.kreis.example/"}) == {
        "contentType": "application/pdf",
        "contentUrl": "https://chat.kreis.example/bericht/DT-7K3QF-M2X9A.pdf",
        "name": "D-Team-DT-7K3QF-M2X9A.pdf",
    }


def test_no_attachment_without_public_url_or_with_a_foreign_path() -> None:
    assert report_attachment(PAYLOAD, {}) is None  # the text still carries the link
    base = {"REPORT_BASE_URL": "https://chat.kreis.example"}
    for path in ("/etc/passwd", "https://evil.example/x.pdf", "/bericht/../../x.pdf", None):
        assert report_attachment({"report": {"path": path}}, base) is None
    assert report_attachment({"attachments": []}, base) is None
    assert report_attachment(PAYLOAD, {"REPORT_BASE_URL": "javascript:alert(1)"}) is None
