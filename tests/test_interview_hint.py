"""One hint, not twelve (issue 11): skip/back/stop are explained at the start and in the help text,
not under every question."""

from dteam.followup.guide import GENERAL_HELP
from dteam.interview import flow

STATES = {
    "goals": {},
    "municipality_kind": {"goals": ["effizienz"]},
    "strategy": {"goals": ["effizienz"], "municipality_kind": "stadt", "inhabitants": 20000},
}


def test_the_start_explains_skip_back_result_now_and_stop_once():
    _, messages = flow.start()
    text = " ".join(m.text for m in messages)
    for word in ("»weiß nicht«", "»zurück«", "»Ergebnis jetzt«", "»Abbrechen«"):
        assert text.count(word) == 1, word


def test_questions_stay_short_without_the_hint():
    for slot, state in STATES.items():
        text = flow.ask(state, slot).text
        assert "»zurück«" not in text and "»Abbrechen«" not in text and "überspringen" not in text.lower()
        assert flow.NAVIGATION_HINT not in text


def test_help_explains_the_navigation():
    help_text = GENERAL_HELP
    for word in ("»weiß nicht«", "»zurück«", "»Abbrechen«"):
        assert word in help_text, word
