"""Page object for the web chat: text-based selectors, waits on the page's own busy state."""

from __future__ import annotations

import time

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPLY_TIMEOUT = 90  # first answers can be slow while Rasa warms up on a busy 2-core machine
# Selenium looks every 0.5 s by default: a whole interview of turns waited seconds for nothing.
POLL_SECONDS = 0.1


class ChatPage:
    def __init__(self, driver, base_url: str):
        self.driver = driver
        self.base_url = base_url

    # ---- navigation / state -------------------------------------------------------------
    def open(self) -> ChatPage:
        self.driver.get(self.base_url + "/")
        self.wait_idle()
        return self

    def reload(self) -> None:
        self.driver.refresh()
        self.wait_idle()

    def is_busy(self) -> bool:
        return self.driver.execute_script("return !document.getElementById('typing-indicator').hidden;")

    def wait_idle(self, timeout: float = REPLY_TIMEOUT) -> None:
        # Wait until the script has run (log present) and no request is pending.
        WebDriverWait(self.driver, timeout, poll_frequency=POLL_SECONDS).until(
            lambda d: d.execute_script(
                "return document.readyState === 'complete' && !!document.getElementById('message-log');"
            )
        )
        time.sleep(0.2)  # let a just-started request show the indicator
        WebDriverWait(self.driver, timeout, poll_frequency=POLL_SECONDS).until(lambda d: not self.is_busy())

    # ---- reading -----------------------------------------------------------------------
    def rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#message-log .message-row")

    def row_count(self) -> int:
        return self.driver.execute_script(
            "return document.querySelectorAll('#message-log .message-row').length;"
        )

    # Reads go through one script call each: atomic, so a re-render cannot leave stale elements.
    _TEXTS_JS = """
        var who = arguments[0], start = arguments[1];
        var rows = Array.from(document.querySelectorAll('#message-log .message-row')).slice(start);
        return rows.filter(function (row) { return !who || row.classList.contains('from-' + who); })
            .map(function (row) {
                var body = row.querySelector('.bubble-text');  // not the screen-reader label
                return body ? body.innerText : '';
            });
    """

    def texts(self, who: str | None = None) -> list[str]:
        return self.driver.execute_script(self._TEXTS_JS, who, 0)

    def bot_texts_since(self, index: int) -> list[str]:
        return self.driver.execute_script(self._TEXTS_JS, "bot", index)

    def images_since(self, index: int):
        images = []
        for row in self.rows()[index:]:
            images.extend(row.find_elements(By.CSS_SELECTOR, ".bubble-image img"))
        return images

    def enabled_choices(self):
        return [
            b for b in self.driver.find_elements(By.CSS_SELECTOR, "#message-log .choice") if b.is_enabled()
        ]

    def enabled_choice_titles(self) -> list[str]:
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#message-log .choice:not([disabled])'))"
            ".map(function (b) { return b.textContent.trim(); });"
        )

    def choice(self, title: str):
        for button in self.enabled_choices():
            if button.text.strip() == title:
                return button
        raise AssertionError(f"no enabled button {title!r}; enabled: {self.enabled_choice_titles()}")

    def error_text(self) -> str:
        return self.driver.execute_script(
            "var n = document.getElementById('error-notice'); return n.hidden ? '' : n.innerText;"
        )

    def input_value(self) -> str:
        return self.driver.find_element(By.ID, "message-input").get_attribute("value")

    # ---- acting ------------------------------------------------------------------------
    def click_choice(self, title: str) -> int:
        """Click an enabled button by its title; returns the row index where the reply starts."""
        before = self.row_count()
        self.choice(title).click()
        self.wait_reply(before)
        return before

    def send_text(self, text: str) -> int:
        before = self.row_count()
        field = self.driver.find_element(By.ID, "message-input")
        field.clear()
        field.send_keys(text)
        self.driver.find_element(By.ID, "send-button").click()
        self.wait_reply(before)
        return before

    def wait_reply(self, rows_before: int, timeout: float = REPLY_TIMEOUT) -> None:
        """Wait until the request has finished and something new (answer or error) is shown."""

        def settled(_driver) -> bool:
            try:
                # While waiting the log holds exactly the old rows plus the user's bubble; any other
                # count means an answer arrived (or the history was cleared by a deletion).
                return not self.is_busy() and (self.row_count() != rows_before + 1 or bool(self.error_text()))
            except StaleElementReferenceException:
                return False

        try:
            WebDriverWait(self.driver, timeout, poll_frequency=POLL_SECONDS).until(settled)
        except TimeoutException:
            raise AssertionError(f"no reply within {timeout}s; last texts: {self.texts()[-3:]}") from None

    def wait_for_buttons(self, titles, timeout: float = REPLY_TIMEOUT) -> None:
        WebDriverWait(self.driver, timeout, poll_frequency=POLL_SECONDS).until(
            lambda d: set(titles) <= set(self.enabled_choice_titles()),
            message=f"buttons {titles} did not appear",
        )
