"""action_answer_question with JSON tracker fixtures and rasa_sdk's CollectingDispatcher."""

from pathlib import Path

import pytest
from rasa_sdk.events import SlotSet

from actions.knowledge import (
    BUTTON_START_INTERVIEW,
    BUTTONS_NOT_HELPFUL,
    TEXT_EMPTY_QUESTION,
    TEXT_NOT_HELPFUL,
    TEXT_NOT_HELPFUL_WITH_OPTIONS,
    TEXT_NOTHING_MORE,
    TEXT_OWN_TYPE_IN_INTERVIEW,
    TEXT_OWN_TYPE_UNKNOWN,
    ActionAnswerNotHelpful,
    ActionAnswerQuestion,
    ActionKnowledgeMore,
    ActionOutOfScope,
)
from dteam.followup import guide
from dteam.kb import build_knowledge_base
from tests.support.actions import run_action, tracker_state

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def action():
    kb = build_knowledge_base(
        entries_dir=FIXTURES / "kb_entries",
        synonyms_file=REPO / "knowledge" / "synonyms.yml",
        chunks_file=FIXTURES / "no-chunks.jsonl",
    )
    return ActionAnswerQuestion(knowledge_base=kb)


@pytest.fixture(scope="module")
def more_action(action):
    return ActionKnowledgeMore(knowledge_base=action._knowledge_base)


def run(action, fixture):
    outcome = run_action(action, fixture)
    return outcome.messages, outcome.events


def test_name(action):
    assert action.name() == "action_answer_question"


def test_answers_with_text_source_line_and_buttons(action):
    messages, events = run(action, "tracker_knowledge_question.json")
    assert len(messages) == 1
    text = messages[0]["text"]
    # the short form first, the body ("Testeintrag: …") only on "Mehr dazu"
    assert text.startswith("Kurzfassung: Nur 29,2 %") and "Testeintrag" not in text
    assert text.rstrip().endswith("Quelle: Studie *Digitale Kommune: Eine Typfrage?*, Kap. 5.2, Tabelle 10")
    more, related = messages[0]["buttons"][0], messages[0]["buttons"][1]
    assert more == {"title": "Mehr dazu", "payload": '/kb_more{"kb_entry":"fx-studie-fim-bekanntheit"}'}
    assert related["payload"] == "Was bedeutet Föderales Informationsmanagement?"
    assert events == [
        SlotSet("kb_topic", "fim"),
        SlotSet("kb_type", None),
        SlotSet("kb_entry", "fx-studie-fim-bekanntheit"),
    ]


def _more_request(entry_id=None, slot=None):
    state = tracker_state("tracker_knowledge_question.json")
    entities = [{"entity": "kb_entry", "value": entry_id}] if entry_id else []
    state["latest_message"] = {"text": "Mehr dazu", "intent": {"name": "kb_more"}, "entities": entities}
    state["slots"]["kb_entry"] = slot
    return state


def test_more_gives_the_full_body_with_source_and_related_questions(more_action):
    outcome = run_action(more_action, _more_request("fx-studie-fim-bekanntheit"))
    text = outcome.messages[0]["text"]
    assert text.startswith("Testeintrag: Insgesamt kennen 29,2 %") and "38,1 %" in text
    assert text.rstrip().endswith("Kap. 5.2, Tabelle 10")
    assert all(b["title"] != "Mehr dazu" for b in outcome.messages[0]["buttons"])
    assert outcome.slots == {"kb_entry": "fx-studie-fim-bekanntheit"}


def test_typed_more_uses_the_last_entry_and_without_one_asks_for_a_question(more_action):
    outcome = run_action(more_action, _more_request(slot="fx-studie-fim-bekanntheit"))
    assert "38,1 %" in outcome.messages[0]["text"]
    for request in (_more_request(), _more_request("erfunden")):
        outcome = run_action(more_action, request)
        assert outcome.messages[0]["text"] == TEXT_NOTHING_MORE and outcome.events == []


def test_entry_without_short_form_has_no_more_button(action):
    messages, _ = run(action, "tracker_knowledge_followup.json")
    assert all(b["title"] != "Mehr dazu" for b in messages[0]["buttons"] or [])


def test_follow_up_changes_the_type_and_keeps_the_topic(action):
    messages, events = run(action, "tracker_knowledge_followup.json")
    assert "59,6 %" in messages[0]["text"]  # the Bedächtige data-use entry
    assert events[:2] == [SlotSet("kb_topic", "daten"), SlotSet("kb_type", "bedaechtige")]


def test_a_follow_up_pointing_back_is_about_the_last_entry(action):
    # "Und wer hat das entwickelt?" right after the FIM definition (slot kb_entry).
    messages, events = run(action, "tracker_knowledge_previous_entry.json")
    assert SlotSet("kb_entry", "fx-studie-begriff-fim") in events
    assert "Quelle:" in messages[0]["text"]


def test_we_means_the_users_own_type(action):
    messages, events = run(action, "tracker_knowledge_own_type.json")
    assert "örtliche Gemeinschaft" in messages[0]["text"]
    assert SlotSet("kb_type", "community_manager") in events


def test_unknown_own_type_offers_the_interview(action):
    messages, events = run(action, "tracker_knowledge_own_type_unknown.json")
    assert messages[0]["text"] == TEXT_OWN_TYPE_UNKNOWN
    assert messages[0]["buttons"] == [BUTTON_START_INTERVIEW]
    assert events == [SlotSet("kb_topic", "lehren")]


def test_during_the_interview_no_second_interview_is_offered(action):
    messages, events = run(action, "tracker_knowledge_in_form.json")
    assert messages[0]["text"] == TEXT_OWN_TYPE_IN_INTERVIEW
    assert not messages[0]["buttons"]
    # Only knowledge slots: the form's own slots and requested_slot stay untouched.
    assert all(event["name"] in ("kb_topic", "kb_type") for event in events)


def test_out_of_scope_question_gets_the_honest_no_answer(action):
    messages, events = run(action, "tracker_knowledge_out_of_scope.json")
    assert messages == [
        {
            "text": None,
            "buttons": [],
            "elements": [],
            "custom": {},
            "template": "utter_kb_no_answer",
            "response": "utter_kb_no_answer",
            "image": None,
            "attachment": None,
        }
    ]
    assert events == []


def test_empty_question_gets_a_german_hint(action):
    messages, events = run(action, "tracker_knowledge_empty.json")
    assert messages[0]["text"] == TEXT_EMPTY_QUESTION
    assert events == []


def _said(text, intent):
    state = tracker_state("tracker_knowledge_question.json")
    state["latest_message"] = {"text": text, "intent": {"name": intent}, "entities": []}
    return state


@pytest.mark.parametrize("text", ["asdkjh qwe", "blabla", "sdfg hjkl?"])
def test_text_without_any_word_is_not_understood_rather_than_not_in_the_sources(action, text):
    for run_it in (action, ActionOutOfScope(knowledge_base=action._knowledge_base)):
        intent = "out_of_scope" if isinstance(run_it, ActionOutOfScope) else "ask_question"
        outcome = run_action(run_it, _said(text, intent))
        assert [m.get("response") for m in outcome.messages] == ["utter_default"]
        assert outcome.events == []


def test_out_of_scope_words_get_the_honest_no_answer():
    outcome = run_action(
        ActionOutOfScope(knowledge_base=None), _said("Wie wird das Wetter am Wochenende?", "out_of_scope")
    )
    assert [m.get("response") for m in outcome.messages] == ["utter_kb_no_answer"]


def test_a_complaint_after_an_answer_offers_the_next_ranked_questions_not_the_shown_one(action):
    outcome = run_action(
        ActionAnswerNotHelpful(knowledge_base=action._knowledge_base), "tracker_knowledge_complaint"
    )
    assert len(outcome.messages) == 1 and outcome.messages[0]["text"] == TEXT_NOT_HELPFUL_WITH_OPTIONS
    offered = [b["payload"] for b in outcome.messages[0]["buttons"]]
    assert offered and "Wie bekannt ist FIM in den Kommunen?" not in offered  # the entry shown before
    assert "Was ist FIM?" in offered
    assert outcome.events == []


def test_a_complaint_without_an_earlier_question_apologises_and_offers_the_ways_on(action):
    outcome = run_action(
        ActionAnswerNotHelpful(knowledge_base=action._knowledge_base),
        "tracker_knowledge_complaint_no_question",
    )
    assert outcome.messages[0]["text"] == TEXT_NOT_HELPFUL
    assert outcome.messages[0]["buttons"] == BUTTONS_NOT_HELPFUL


@pytest.mark.parametrize(
    "question, first",
    [
        ("Was mache ich jetzt mit dem Code?", "Geben Sie den Teamcode an Ihre Kolleg:innen weiter"),
        (
            "Kann ich später noch Leute hinzufügen?",
            "Ja – wer den Teamcode schreibt, gehört zum Team, auch später",
        ),
        ("Wie teile ich den Link?", ""),  # no answer of its own: the team help alone
    ],
)
def test_a_question_right_after_creating_a_team_is_about_the_team(action, question, first):
    # Got the sources' refusal: the question is about the feature just used. What it asks comes first.
    state = tracker_state("tracker_knowledge_after_team")
    state["latest_message"]["text"] = state["events"][-1]["text"] = question
    outcome = run_action(action, state)
    text = outcome.messages[0]["text"]
    assert text.startswith(first) and text.endswith(guide.topic_text(guide.TEAM))
    assert outcome.events == []


def test_a_question_on_the_sources_after_creating_a_team_goes_to_the_sources(action):
    state = tracker_state("tracker_knowledge_after_team")
    state["latest_message"]["text"] = state["events"][-1]["text"] = "Was ist FIM?"
    outcome = run_action(action, state)
    assert (
        outcome.messages[0]["text"] != guide.topic_text(guide.TEAM)
        and "Quelle:" in outcome.messages[0]["text"]
    )


def test_a_further_question_after_the_team_help_stays_with_the_team(action):
    # The second question after »Team anlegen« follows the team help, not the creation.
    state = tracker_state("tracker_knowledge_after_team")
    state["events"][-3] = {"event": "action", "name": "action_answer_question"}
    state["events"][-2] = {
        "event": "bot",
        "text": guide.follow_up_text(guide.TEAM, "Was mache ich jetzt mit dem Code?"),
    }
    state["latest_message"]["text"] = state["events"][-1]["text"] = (
        "Und wie sehen meine Kollegen dann das Ergebnis?"
    )
    outcome = run_action(action, state)
    assert outcome.messages[0]["text"].startswith("Sobald 3 Mitglieder den Selbsttest abgeschlossen haben")
