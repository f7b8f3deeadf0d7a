"""Browser test (issue 11): the result in steps in the real chat page – chart with a describing alt
text, each choice, "Alles auf einmal", own-result follow-ups, what-if and "Mehr dazu"."""

from __future__ import annotations

from test_webchat import GREETING_BUTTONS, TYPE_NAMES, walk_interview_to_result
from webchat_page import ChatPage

CHOICES = ("Warum dieser Typ?", "Vergleich mit anderen Kommunen", "Was können wir lernen?", "Frage stellen")


def test_result_in_steps_follow_ups_and_more(browser, web_server, screenshot_dir):
    chat = ChatPage(browser, web_server).open()
    chat.wait_for_buttons(GREETING_BUTTONS)
    chat.click_choice("Selbsttest starten")
    result_start = walk_interview_to_result(chat)

    first = "\n".join(chat.bot_texts_since(result_start))
    type_name = next(name for name in TYPE_NAMES if f"Typ {name}" in first)
    chart = chat.images_since(result_start)[0]
    assert chart.get_attribute("alt").startswith("Das Diagramm zeigt Ihre Rangpunkte")
    assert set(CHOICES) | {"Alles auf einmal"} <= set(chat.enabled_choice_titles())
    assert "Von den anderen Typen lernen" not in first  # more only on request
    browser.save_screenshot(str(screenshot_dir / "webchat-result-steps.png"))

    why = "\n".join(chat.bot_texts_since(chat.click_choice("Warum dieser Typ?")))
    assert "Darum passt Ihre Kommune am besten" in why and "Tabelle 1" in why
    compare = "\n".join(chat.bot_texts_since(chat.click_choice("Vergleich mit anderen Kommunen")))
    assert "Quelle: Studie" in compare and "2019" in compare
    learn = "\n".join(chat.bot_texts_since(chat.click_choice("Was können wir lernen?")))
    assert "Quelle: Studie" in learn

    everything = "\n".join(chat.bot_texts_since(chat.send_text("Alles auf einmal")))
    assert "Von den anderen Typen lernen" in everything

    meaning = "\n".join(chat.bot_texts_since(chat.send_text("Was bedeutet das für uns?")))
    assert f"Als Kommune vom Typ {type_name}" in meaning
    what_if = "\n".join(chat.bot_texts_since(chat.send_text("Und wenn Daseinsvorsorge am wichtigsten wäre?")))
    assert "Mit der Rangfolge 1. Daseinsvorsorge" in what_if and "Community Manager" in what_if

    short = "\n".join(chat.bot_texts_since(chat.send_text("Was ist FIM?")))
    assert "Quelle:" in short
    more = "\n".join(chat.bot_texts_since(chat.click_choice("Mehr dazu")))
    assert "Quelle:" in more and more != short
    browser.save_screenshot(str(screenshot_dir / "webchat-more.png"))
