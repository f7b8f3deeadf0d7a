"""Browser end-to-end (issue 12): the result offers the report link, Chromium downloads the PDF from
the chat server, and pdftotext finds the type name and the return code in it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from webchat_page import ChatPage

from dteam.study import typology


def wait_for_download(directory: Path, timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in directory.glob("*.pdf") if p.stat().st_size > 0]
        if done and not list(directory.glob("*.crdownload")):
            return done[0]
        time.sleep(0.3)
    raise AssertionError(f"no PDF downloaded into {directory}: {list(directory.iterdir())}")


def test_result_report_pdf_downloads_and_names_type_and_code(
    browser, rasa_stack, web_server_factory, tmp_path
):
    # The chat server reads the same results store as the action server of the shared stack.
    base_url = web_server_factory(
        rasa_url=rasa_stack.url, extra_env={"RESULTS_DB_URL": rasa_stack.env["RESULTS_DB_URL"]}
    )
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )

    chat = ChatPage(browser, base_url).open()
    chat.send_text("Selbsttest starten")
    chat.send_text("Bürgernähe, dann Attraktivität")
    chat.send_text("Wir sind eine Gemeinde")
    chat.send_text("Ergebnis jetzt")
    link = WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "a.report-link"))[-1]
    href = link.get_attribute("href")
    code = href.rsplit("/", 1)[1].removesuffix(".pdf")
    assert href == f"{base_url}/bericht/{code}.pdf" and code.startswith("DT-")
    assert any(code in text for text in chat.texts("bot"))

    # The page scrolls to the end when the chart image has loaded; scroll the link into view after that.
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script(
            "return Array.from(document.images).every(function (i) { return i.complete; });"
        )
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    time.sleep(0.3)
    link.click()
    pdf = wait_for_download(downloads)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    expected = typology.classify(["buergernaehe", "attraktivitaet"]).type_name
    assert expected in text
    assert code in text
