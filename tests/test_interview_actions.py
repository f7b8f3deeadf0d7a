"""Interview and result actions with JSON tracker fixtures and rasa_sdk's CollectingDispatcher."""

from __future__ import annotations

import pytest

from actions import interview as interview_actions
from actions import result as result_actions
from dteam.interview import flow, practices
from dteam.storage import database, results
from dteam.study import typology
from tests.support.actions import run_action


def run(action, fixture: str) -> tuple[list[dict], dict]:
    outcome = run_action(action, f"interview/{fixture}")
    return outcome.messages, outcome.slots


def validate(fixture: str) -> tuple[list[dict], dict]:
    return run(interview_actions.ValidateInterviewForm(), fixture)


@pytest.fixture(autouse=True)
def results_db(tmp_path, monkeypatch):
    monkeypatch.setenv("RESULTS_DB_URL", f"sqlite:///{tmp_path / 'results.db'}")
    monkeypatch.setenv("RESULTS_HASH_SECRET", "test-secret")
    database.forget_engines()
    yield tmp_path
    database.forget_engines()


# --- goals ------------------------------------------------------------------------------------


def test_free_text_goals_are_ranked_and_the_next_question_follows():
    messages, slots = validate("goals_free_text")
    assert slots["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]
    assert slots["requested_slot"] == "municipality_kind"
    assert [m["text"] for m in messages] == ["Notiert: 1. Effizienz, 2. Bürgernähe, 3. Fördermittel."]


def test_a_goal_answer_with_a_question_in_it_takes_the_goals_and_answers_the_question():
    messages, slots = validate("goals_with_a_question")
    assert slots["goals_draft"] == ["buergernaehe", "leistungsangebot"]
    assert slots["requested_slot"] == "goals"  # two goals: a third may follow
    assert "Quelle:" in messages[0]["text"] or "meine Quellen" in messages[0]["text"]


def test_a_single_goal_asks_once_for_more():
    _, slots = validate("goals_one_goal")
    assert slots["goals_draft"] == ["effizienz"]
    assert slots["goals_asked_more"] is True
    assert slots["requested_slot"] == "goals"
    assert "goals" not in slots


def test_no_more_goals_accepts_the_draft():
    _, slots = validate("goals_no_more")
    assert slots["goals"] == ["effizienz"]
    assert slots["requested_slot"] == "municipality_kind"


def test_goal_buttons_collect_one_goal_at_a_time():
    _, slots = validate("goals_button")
    assert slots["goals_draft"] == ["effizienz", "buergernaehe"]
    assert slots["requested_slot"] == "goals"


def test_a_question_instead_of_goals_is_left_to_the_rules():
    messages, slots = validate("goals_question")
    # Only the requested slot is (re)set: Rasa rejects the form and the question rule answers.
    assert slots == {"requested_slot": "goals"}
    assert messages == []


def test_goals_cannot_be_skipped():
    messages, slots = validate("goals_skip")
    assert slots["goals"] is None
    assert "Ohne Ziele" in messages[0]["text"]


# --- practice questions -------------------------------------------------------------------------


def test_free_text_practice_answer():
    _, slots = validate("strategy_free_text")
    assert slots["strategy"] == "in_entwicklung"
    assert slots["requested_slot"] == "responsibility"


def test_second_invalid_answer_points_to_the_buttons():
    messages, slots = validate("strategy_invalid_again")
    assert slots["strategy"] is None
    assert slots["interview_failures"] == 2.0
    assert "Schaltflächen" in messages[0]["text"]
    assert slots["requested_slot"] == "strategy"


def test_question_during_practice_is_left_to_the_rules():
    messages, slots = validate("strategy_question")
    assert slots == {"requested_slot": "strategy"}
    assert messages == []


def test_back_reopens_the_previous_question():
    _, slots = validate("strategy_back")
    assert slots["inhabitants"] is None
    assert slots["requested_slot"] == "inhabitants"


def test_result_now_skips_the_rest_and_ends_the_form():
    _, slots = validate("strategy_result_now")
    for slot in practices.PRACTICE_IDS:
        assert slots[slot] == practices.SKIPPED
    assert slots["requested_slot"] is None


def test_correction_midway_replaces_goals_and_keeps_the_question():
    messages, slots = validate("strategy_correction")
    assert slots["goals"][:2] == ["buergernaehe", "effizienz"]
    assert slots["requested_slot"] == "strategy"
    assert "Bürgernähe" in messages[0]["text"]


def test_multi_select_buttons_collect_until_done():
    _, slots = validate("components_button")
    assert slots["answer_draft"] == ["e_payment", "dms"]
    assert slots["requested_slot"] == "egov_components"
    _, slots = validate("components_finish")
    assert slots["egov_components"] == ["e_payment", "dms"]
    assert slots["requested_slot"] == "fim_known"


# --- questions ------------------------------------------------------------------------------------


def test_question_shows_progress_buttons_and_navigation():
    messages, _ = run(interview_actions.ASK_ACTIONS["strategy"](), "strategy_free_text")
    message = messages[0]
    assert message["text"].startswith("Frage 4 von 12:")
    assert "Abbrechen" not in message["text"]  # explained once at the start, not per question
    payloads = [b["payload"] for b in message["buttons"]]
    assert flow.answer_payload("in_entwicklung") in payloads
    assert flow.answer_payload(practices.SKIPPED) in payloads
    assert "/go_back" in payloads and "/result_now" in payloads


def test_goal_question_shows_the_draft_and_hides_chosen_goals():
    messages, _ = run(interview_actions.ASK_ACTIONS["goals"](), "goals_button")
    message = messages[0]
    assert "Bisher habe ich: 1. Effizienz" in message["text"]
    titles = [b["title"] for b in message["buttons"]]
    assert "Effizienz" not in titles and "Fertig" in titles


def test_start_clears_earlier_answers():
    messages, slots = run(interview_actions.ActionStartInterview(), "result_complete")
    assert all(slots[s] is None for s in list(flow.INTERVIEW_SLOTS))
    assert "11 kurze Fragen" in messages[0]["text"]


def test_start_takes_over_goals_named_before_the_test_ran():
    # "Effizienz und Bürgernähe sind uns wichtig" got the offer to start; "ja" starts with them.
    messages, slots = run(interview_actions.ActionStartInterview(), "start_after_goals_without_interview")
    assert slots["goals_draft"] == ["effizienz", "buergernaehe"]
    assert "Ihre Ziele von eben habe ich übernommen: 1. Effizienz, 2. Bürgernähe." in messages[0]["text"]
    # Started from scratch (no offer before), nothing is taken over.
    _, slots = run(interview_actions.ActionStartInterview(), "result_complete")
    assert slots["goals_draft"] is None


def test_start_takes_over_the_kind_named_earlier_in_the_conversation():
    # "Guten Morgen, ich bin Hauptamtsleiterin in einer kleinen Gemeinde in Hessen", a question, then
    # "Okay, dann legen wir los": the kind was asked again. Messages of an earlier, stopped test run
    # (there: "Wir sind eine Stadt mit 80.000 Einwohnern") are not looked at.
    messages, slots = run(interview_actions.ActionStartInterview(), "start_after_greeting_with_facts")
    assert slots["municipality_kind"] == "gemeinde" and slots["inhabitants"] is None
    assert "Aus Ihren Nachrichten übernommen: Gemeinde" in messages[0]["text"]
    assert "10 kurze Fragen" in messages[0]["text"]


# --- result -------------------------------------------------------------------------------------


def test_result_names_the_type_sends_the_chart_and_stores_anonymously():
    messages, slots = run(result_actions.ActionShowResult(), "result_complete")
    expected = typology.classify(["effizienz", "buergernaehe", "foerdermittel"])
    assert slots["municipality_type"] == expected.type_id
    assert expected.type_name in messages[0]["text"]
    assert any(str(m.get("image") or "").startswith("data:image/png;base64,") for m in messages)
    assert any("Tabelle" in (m.get("text") or "") for m in messages)
    assert messages[-1]["buttons"]
    (everyone,) = results.ResultsStore().type_distribution(by_kind=False)
    assert everyone.total == 1
    assert {share.type_id: share.count for share in everyone.shares}[expected.type_id] == 1


def test_result_without_goals_offers_the_interview():
    messages, slots = run(result_actions.ActionShowResult(), "result_without_goals")
    assert slots == {}
    assert "noch kein Ergebnis" in messages[0]["text"]


def test_correction_after_the_result_reclassifies():
    messages, slots = run(result_actions.ActionCorrectGoals(), "correct_after_result")
    assert slots["goals"][:2] == ["buergernaehe", "effizienz"]
    assert slots["municipality_type"] == "serviceorientierte"
    assert "neu aus" in messages[0]["text"]


def test_a_payload_cannot_set_goals_through_a_correction():
    messages, slots = run(result_actions.ActionCorrectGoals(), "correct_payload_without_result")
    assert slots == {}
    assert "noch kein Ergebnis" in messages[0]["text"]


def test_domain_lists_the_questions_in_interview_order():
    import yaml

    domain = yaml.safe_load(open("domain.yml", encoding="utf-8"))
    assert domain["forms"]["interview_form"]["required_slots"] == list(flow.INTERVIEW_SLOTS)
