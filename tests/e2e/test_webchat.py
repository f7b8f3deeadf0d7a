"""End-to-end: headless Chromium drives the real chat page against a real Rasa + action server.

The tests in the first block only need the web server (Rasa deliberately unreachable); the rest use the
`web_server` fixture, which starts Rasa with the newest model in models/ (or reuses E2E_RASA_URL) and
skips when no model exists.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from webchat_page import ChatPage

TYPE_NAMES = ("Bedächtige", "Optimierer", "Serviceorientierte", "Community Manager")
GREETING_BUTTONS = ("Selbsttest starten", "Frage stellen", "Hilfe")
# Buttons that steer the conversation rather than answer a question; the walk-through avoids them.
CONTROL_TITLES = re.compile(
    r"^(Fertig|Zurück|Abbrechen|Beenden|Hilfe|Neu starten|Ergebnis.*|Frage "
    r"stellen|Selbsttest.*)$|überspringen",
    re.IGNORECASE,
)
SKIP_TITLE = re.compile(r"überspringen", re.IGNORECASE)
HOSTILE_TEXT = '<img src=x onerror="window.__xss=1"><b>fett</b> & <script>window.__xss=2</script>'


def stored_state(driver) -> dict:
    return json.loads(
        driver.execute_script("return window.localStorage.getItem('dteam-webchat-v1') || '{}';")
    )


def fresh_conversation_tag(driver, base_url: str) -> str:
    """Let the browser get its conversation cookie and return the tag the page would store."""
    driver.get(base_url + "/api/session")
    return json.loads(driver.find_element(By.TAG_NAME, "body").text)["conversation"]


def outline_of_focused(driver) -> str:
    return driver.execute_script(
        "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;"
    )


# ---- without Rasa ------------------------------------------------------------------------


def test_unreachable_assistant_shows_german_error_and_keeps_input(browser, unreachable_web_server):
    chat = ChatPage(browser, unreachable_web_server).open()
    # The automatic greeting fails: a clear German notice with a retry button, no broken bubbles.
    assert chat.error_text().startswith("Der Assistent ist gerade nicht erreichbar")
    assert browser.find_element(By.CSS_SELECTOR, "#error-notice .retry-button").text == "Erneut versuchen"
    assert chat.row_count() == 0

    field = browser.find_element(By.ID, "message-input")
    field.send_keys("Wie digital ist unsere Gemeinde?")
    field.send_keys(Keys.ENTER)
    chat.wait_idle()
    assert chat.error_text().startswith("Der Assistent ist gerade nicht erreichbar")
    # Nothing is lost: the text is back in the field, no orphaned user bubble.
    assert chat.input_value() == "Wie digital ist unsere Gemeinde?"
    assert chat.row_count() == 0
    assert stored_state(browser)["entries"] == []


def test_empty_input_is_not_sent(browser, unreachable_web_server):
    chat = ChatPage(browser, unreachable_web_server).open()
    field = browser.find_element(By.ID, "message-input")
    field.send_keys("   ")
    field.send_keys(Keys.ENTER)
    assert chat.error_text() == "Bitte geben Sie eine Nachricht ein."
    assert not chat.is_busy() and chat.row_count() == 0
    # maxlength comes from the server's limit
    assert field.get_attribute("maxlength") == "1000"


def test_phone_layout_has_no_horizontal_scroll_and_labelled_controls(
    phone_browser, unreachable_web_server, screenshot_dir
):
    chat = ChatPage(phone_browser, unreachable_web_server).open()
    overflow = phone_browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
    )
    assert overflow <= 0
    label = phone_browser.find_element(By.CSS_SELECTOR, "label[for='message-input']")
    assert label.get_attribute("textContent").strip() == "Ihre Nachricht an den Assistenten"
    log = phone_browser.find_element(By.ID, "message-log")
    assert log.get_attribute("aria-live") == "polite" and log.get_attribute("role") == "log"
    phone_browser.save_screenshot(str(screenshot_dir / "webchat-phone-unreachable.png"))
    assert chat.error_text()


def test_stored_history_is_rendered_safely_with_simple_formatting(browser, unreachable_web_server):
    """Bot text from history goes through the same renderer as live answers.

    A small Markdown subset, no HTML."""
    history = {
        "conversation": fresh_conversation_tag(browser, unreachable_web_server),
        "savedAt": "NOW",
        "entries": [
            {"who": "user", "text": "Zeig mal"},
            {
                "who": "bot",
                "text": "**Ihr Ergebnis:** Optimierer\nZweite Zeile <b>kein HTML</b>\n\n- erstens\n- "
                "**zweitens**\n"
                "1. eins\n2. zwei\nMehr unter https://www.oeffentliche-it.de/ und javascript:alert(1)\n"
                "_Quelle: Studie *Digitale Kommune*, Tabelle 1_ – Typ-Id community_manager_x bleibt",
                "buttons": [{"title": "Fertig", "payload": "/finish_goals"}],
            },
            {"who": "bot", "image": "javascript:alert(1)"},
            {"who": "bot", "image": "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="},
        ],
    }
    chat = ChatPage(browser, unreachable_web_server)
    browser.get(unreachable_web_server + "/static/favicon.svg")  # same origin, without starting the chat
    browser.execute_script(
        "window.localStorage.setItem('dteam-webchat-v1', arguments[0].replace('\"NOW\"', Date.now()));",
        json.dumps(history),
    )
    chat.open()
    bubble = chat.rows()[1].find_element(By.CSS_SELECTOR, ".bubble-text")
    assert [b.text for b in bubble.find_elements(By.TAG_NAME, "strong")] == ["Ihr Ergebnis:", "zweitens"]
    assert [li.text for li in bubble.find_elements(By.CSS_SELECTOR, "ul > li")] == ["erstens", "zweitens"]
    assert [li.text for li in bubble.find_elements(By.CSS_SELECTOR, "ol > li")] == ["eins", "zwei"]
    assert "<b>kein HTML</b>" in bubble.text and not bubble.find_elements(By.TAG_NAME, "b")
    assert (
        len(bubble.find_elements(By.TAG_NAME, "p")) == 2 and len(bubble.find_elements(By.TAG_NAME, "br")) == 2
    )
    # Emphasis with _…_ / *…*, but underscores inside words (ids) stay text.
    assert [em.text for em in bubble.find_elements(By.TAG_NAME, "em")] == [
        "Quelle: Studie *Digitale Kommune*, Tabelle 1"
    ]
    assert "community_manager_x bleibt" in bubble.text
    links = bubble.find_elements(By.TAG_NAME, "a")
    assert [a.get_attribute("href") for a in links] == ["https://www.oeffentliche-it.de/"]
    assert links[0].get_attribute("rel") == "noopener noreferrer"
    assert not browser.find_elements(By.CSS_SELECTOR, "#message-log img")  # unsafe images dropped
    assert len([row for row in chat.rows() if row.is_displayed()]) == 2  # and their empty bubbles hidden
    # History restored, no new greeting (nothing was sent), the open question's button still usable.
    assert chat.texts("user") == ["Zeig mal"]
    assert chat.enabled_choice_titles() == ["Fertig"]
    assert not chat.error_text()


# ---- with the real assistant -------------------------------------------------------------


def walk_interview_to_result(chat: ChatPage, max_steps: int = 60) -> int:
    """Answer every question by buttons until the result (type name + image) arrives.

    Returns the row index where the result reply starts. The goal question gets two goals, other
    multi-select questions one answer, then "Fertig"; single-choice questions their first answer.
    """
    picked_in_question: list = []
    for _ in range(max_steps):
        titles = chat.enabled_choice_titles()
        assert titles, f"interview stalled without buttons; last texts: {chat.texts()[-2:]}"
        answers = [t for t in titles if not CONTROL_TITLES.match(t) and t not in picked_in_question]
        wanted = 2 if "ziel" in (chat.texts("bot") or [""])[-1].lower() else 1
        if "Fertig" in titles and (len(picked_in_question) + 1 >= wanted or not answers):
            choice = "Fertig"
        elif answers:
            choice = answers[0]
        else:
            skips = [t for t in titles if SKIP_TITLE.search(t)]
            assert skips, f"no answer and no skip button: {titles}"
            choice = skips[0]
        start = chat.click_choice(choice)
        picked_in_question = (
            picked_in_question + [choice] if "Fertig" in titles and choice != "Fertig" else []
        )
        replies = " ".join(chat.bot_texts_since(start))
        if any(name in replies for name in TYPE_NAMES) and chat.images_since(start):
            return start
    raise AssertionError(f"no result after {max_steps} steps; last texts: {chat.texts()[-3:]}")


def test_full_interview_by_buttons_then_question_and_reload(browser, web_server, screenshot_dir):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    assert not chat.error_text()

    start = chat.click_choice("Selbsttest starten")
    goal_titles = chat.enabled_choice_titles()
    assert len(goal_titles) >= 5, goal_titles  # one button per goal (ten in the study)
    assert any("ziel" in text.lower() for text in chat.bot_texts_since(start)), chat.bot_texts_since(start)
    # The clicked button's title is shown as the user's message, and the used group is disabled.
    assert chat.texts("user")[-1] == "Selbsttest starten"
    assert not any(b.text == "Selbsttest starten" for b in chat.enabled_choices())

    result_start = walk_interview_to_result(chat)
    result_text = " ".join(chat.bot_texts_since(result_start))
    type_shown = [name for name in TYPE_NAMES if name in result_text]
    assert type_shown
    chart = chat.images_since(result_start)[0]
    assert chart.get_attribute("src").startswith("data:image/png;base64,")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 100;", chart)
    assert chart.get_attribute("alt")
    browser.save_screenshot(str(screenshot_dir / "webchat-result.png"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", chart)
    browser.save_screenshot(str(screenshot_dir / "webchat-chart.png"))

    question = f"Was zeichnet den Typ {type_shown[0]} aus?"
    answer_start = chat.send_text(question)
    answer = "\n".join(chat.bot_texts_since(answer_start))
    assert "Quelle:" in answer, answer
    browser.save_screenshot(str(screenshot_dir / "webchat-answer.png"))

    rows_before_reload = chat.row_count()
    conversation_before = stored_state(browser)["conversation"]
    chat.reload()
    assert chat.row_count() == rows_before_reload
    assert question in chat.texts("user")
    assert any("Quelle:" in text for text in chat.texts("bot"))
    assert browser.find_elements(By.CSS_SELECTOR, ".bubble-image img[src^='data:image/png;base64,']")
    assert stored_state(browser)["conversation"] == conversation_before
    # Buttons answered before the reload stay disabled.
    assert not any(b.text == "Selbsttest starten" for b in chat.enabled_choices())

    # "Neu starten" asks whether to delete; "Nur neu starten" clears the view, starts a new
    # conversation and greets again.
    browser.find_element(By.ID, "restart-button").click()
    assert browser.find_element(By.ID, "restart-panel").is_displayed()
    browser.find_element(By.ID, "restart-keep").click()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.wait_idle()
    assert question not in chat.texts("user")
    assert not browser.find_elements(By.CSS_SELECTOR, ".bubble-image img")
    assert stored_state(browser)["conversation"] != conversation_before


def test_delete_my_data_clears_the_local_history(browser, web_server):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.send_text("Was ist FIM?")
    conversation_before = stored_state(browser)["conversation"]
    start = chat.send_text("Meine Daten löschen")
    # The view and the stored copy now hold only the deletion confirmation, under a new conversation.
    state = stored_state(browser)
    assert state["conversation"] != conversation_before
    assert [entry["who"] for entry in state["entries"]] == ["bot"] * len(state["entries"]) and state[
        "entries"
    ]
    assert chat.texts("user") == []
    assert "lösch" in " ".join(chat.texts("bot")).lower()
    chat.reload()
    assert "Was ist FIM?" not in chat.texts("user")
    assert start >= 0


def test_html_in_messages_is_shown_as_text(browser, web_server):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.send_text(HOSTILE_TEXT)
    user_bubble = browser.find_elements(By.CSS_SELECTOR, ".message-row.from-user .bubble-text")[-1]
    assert user_bubble.text == HOSTILE_TEXT
    assert not user_bubble.find_elements(By.CSS_SELECTOR, "img, b, script")
    assert browser.execute_script("return typeof window.__xss;") == "undefined"
    # The assistant still answers in German (whatever it makes of the input) and nothing broke.
    assert chat.texts("bot")[-1].strip()
    assert not chat.error_text()


def test_bot_lists_render_as_list_elements_and_page_does_not_overflow(browser, web_server):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    start = chat.click_choice("Hilfe")
    raw_texts = [entry.get("text", "") for entry in stored_state(browser)["entries"] if entry["who"] == "bot"]
    bullet_lines = [line for line in raw_texts[-1].splitlines() if re.match(r"^\s*([-*•]|\d+[.)])\s+", line)]
    assert bullet_lines, "the help text is expected to contain a list"
    reply_row = chat.rows()[start + 1]
    items = reply_row.find_elements(By.CSS_SELECTOR, ".bubble-text li")
    assert len(items) == len(bullet_lines)
    assert not any(item.text.startswith("•") for item in items)
    # Only the message log scrolls; the page itself keeps its size.
    overflow = browser.execute_script(
        "var e = document.documentElement; return [e.scrollHeight - e.clientHeight, e.scrollWidth - "
        "e.clientWidth];"
    )
    assert overflow[0] <= 0 and overflow[1] <= 0, overflow


def test_keyboard_only_use(browser, web_server):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "message-input"  # the page starts in the input field

    # Shift+Tab walks back from the input into the greeting's buttons.
    for _ in range(6):
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        if browser.switch_to.active_element.text == "Selbsttest starten":
            break
    assert browser.switch_to.active_element.text == "Selbsttest starten"
    assert outline_of_focused(browser).startswith("solid")  # visible focus
    before = chat.row_count()
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    chat.wait_reply(before)
    assert chat.texts("user")[-1] == "Selbsttest starten"
    assert len(chat.enabled_choice_titles()) >= 5  # the goal buttons

    # After a button answer, focus lands on the first answer of the new question: Space picks it.
    focused = browser.switch_to.active_element
    assert "choice" in focused.get_attribute("class") and focused.is_enabled()
    picked = focused.text
    before = chat.row_count()
    ActionChains(browser).send_keys(Keys.SPACE).perform()
    chat.wait_reply(before)
    assert chat.texts("user")[-1] == picked
    assert "Fertig" in chat.enabled_choice_titles()  # after a first goal the question offers "Fertig"

    # Typed answers: into the input field, Enter sends.
    field = browser.find_element(By.ID, "message-input")
    field.click()
    before = chat.row_count()
    ActionChains(browser).send_keys("Hilfe", Keys.ENTER).perform()
    chat.wait_reply(before)
    assert chat.texts("user")[-1] == "Hilfe"
    assert browser.switch_to.active_element.get_attribute("id") == "message-input"


def _write_host_page(tmp_path, chat_url: str) -> None:
    """An 'intranet' page on another loopback origin that embeds the chat via embed.js."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Intranet</title></head>'
        f'<body><h1>Intranet</h1><script src="{chat_url}/static/embed.js" defer></script></body></html>',
        encoding="utf-8",
    )


@pytest.mark.parametrize("allowed", [True, False])
def test_embedding_via_launcher_respects_frame_ancestors(browser, web_server_factory, tmp_path, allowed):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        host_port = probe.getsockname()[1]
    host_origin = f"http://127.0.0.1:{host_port}"
    chat_url = web_server_factory(
        extra_env={"WEB_FRAME_ANCESTORS": f"'self' {host_origin}"} if allowed else {}
    )
    _write_host_page(tmp_path, chat_url)
    host = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(host_port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                browser.get(host_origin + "/")
                if browser.find_elements(By.TAG_NAME, "h1"):
                    break
            except Exception:
                pass
            time.sleep(0.2)
        launcher = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "dteam-chat-launcher"))
        assert launcher.get_attribute("aria-expanded") == "false"
        launcher.click()
        assert launcher.get_attribute("aria-expanded") == "true"
        frame = browser.find_element(By.ID, "dteam-chat-frame")
        assert frame.is_displayed() and frame.get_attribute("title")
        browser.switch_to.frame(frame)
        chat_loaded = False
        for _ in range(20):  # a blocked frame never gets the chat page
            chat_loaded = bool(browser.find_elements(By.ID, "message-log"))
            if chat_loaded:
                break
            time.sleep(0.25)
        browser.switch_to.default_content()
        assert chat_loaded is allowed
    finally:
        host.terminate()
        host.wait(timeout=10)


# ---- shared PCs: the local copy expires and belongs to one conversation (issue 13, item 10) --------


def _store(browser, base_url: str, conversation: str, age_hours: float) -> None:
    history = {
        "conversation": conversation,
        "savedAt": "SAVED_AT",
        "entries": [{"who": "user", "text": "Vertrauliche Frage"}, {"who": "bot", "text": "Antwort"}],
    }
    browser.execute_script(
        "window.localStorage.setItem('dteam-webchat-v1', "
        "arguments[0].replace('\"SAVED_AT\"', String(Date.now() - arguments[1] * 3600 * 1000)));",
        json.dumps(history),
        age_hours,
    )


@pytest.mark.parametrize("age_hours, same_conversation", [(25, True), (1, False)])
def test_old_or_foreign_local_copy_is_not_shown(
    browser, unreachable_web_server, age_hours, same_conversation
):
    tag = fresh_conversation_tag(browser, unreachable_web_server)
    _store(browser, unreachable_web_server, tag if same_conversation else "0123456789abcdef", age_hours)
    chat = ChatPage(browser, unreachable_web_server).open()
    assert "Vertrauliche Frage" not in chat.texts("user")
    assert chat.row_count() == 0
    assert stored_state(browser)["entries"] == []


def test_restart_offers_deletion_and_deletes_the_old_conversation(browser, web_server, rasa_url):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.send_text("Was ist FIM?")
    browser.get(web_server + "/api/session")  # the cookie is HttpOnly: only the driver can read it
    old_sender = browser.get_cookie("dteam_session")["value"].split(".")[0]
    assert browser.get_cookie("dteam_session")["httpOnly"] is True
    chat.open()
    assert "Was ist FIM?" in chat.texts("user")  # same conversation after navigating back

    browser.find_element(By.ID, "restart-button").click()
    panel = browser.find_element(By.ID, "restart-panel")
    assert panel.is_displayed() and "gelöscht" in panel.text
    assert browser.switch_to.active_element.get_attribute("id") == "restart-delete"
    browser.find_element(By.ID, "restart-delete").click()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.wait_idle()
    assert chat.texts("user") == []
    assert "gelöscht" in " ".join(chat.texts("bot"))
    # The tracker rows go at once and again after Rasa's own save of the turn (follow-up deletion).
    deadline = time.monotonic() + 45
    while True:
        with urllib.request.urlopen(f"{rasa_url}/conversations/{old_sender}/tracker", timeout=30) as response:
            still_there = "Was ist FIM?" in response.read().decode("utf-8")
        if not still_there or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert not still_there
