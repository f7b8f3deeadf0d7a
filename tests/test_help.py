"""Questions about the assistant's features get that feature explained (dteam.followup.guide,
service.feature_help, action_help); everything else gets the general help."""

from __future__ import annotations

import copy

import pytest

from actions.followup import ActionHelp
from dteam.followup import guide, service
from dteam.routing import route
from tests.support.actions import run_action, tracker_state


@pytest.mark.parametrize(
    "text, topic",
    [
        ("Wie funktioniert der Teammodus?", guide.TEAM),
        ("Können mehrere Kolleg:innen aus unserer Verwaltung mitmachen?", guide.TEAM),
        ("Ich möchte mit meinen Kollegen zusammen den Test machen", guide.TEAM),
        ("Wie trete ich einem Team bei?", guide.TEAM),
        # Right after »Team anlegen« this got a knowledge answer on change management.
        ("Wie können meine Kollegen mitmachen?", guide.TEAM),
        ("Wie lade ich meine Kolleginnen ein?", guide.TEAM),
        # Got a knowledge answer on the study's conclusions.
        ("Wie war das nochmal mit dem Bericht?", guide.REPORT),
        ("Wie funktioniert das mit dem Rückkehrcode?", guide.RETURN_CODE),
        ("Was steht in meinem Bericht?", guide.REPORT),
        ("Bekomme ich am Ende einen Bericht?", guide.REPORT),
        ("Kann ich das Ergebnis für den Gemeinderat ausdrucken?", guide.REPORT),
        # After the result these got the sources' refusal.
        ("Kann ich das meinem Bürgermeister irgendwie zeigen?", guide.REPORT),
        ("Wie stelle ich das Ergebnis dem Gemeinderat vor?", guide.REPORT),
        ("Wofür ist der Rückkehrcode?", guide.RETURN_CODE),
        ("Wozu brauche ich den Code?", guide.RETURN_CODE),
        ("Was bringt mir der Code?", guide.RETURN_CODE),
        ("Was nützt uns der Teammodus?", guide.TEAM),
        ("Kann ich das dem Gemeinderat vorlegen?", guide.REPORT),
        # Right after a recalled code this got a knowledge answer on cultural change.
        ("Was hat sich denn verändert?", guide.RETURN_CODE),
        ("Was bedeutet Ist/Soll?", guide.TARGET),
        ("Steht der Zielzustand auch im Bericht?", guide.TARGET),
    ],
)
def test_a_feature_question_names_its_topic(text, topic):
    assert guide.help_topic(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        "Wie kann ich meine Kollegen zum Mitmachen motivieren?",
        "Sollten unsere Mitarbeitenden bei der Strategie mitmachen?",
        "Wie sollten wir Kollegen an der Digitalisierung beteiligen?",
    ],
)
def test_questions_on_involving_colleagues_in_the_change_are_no_team_help(text):
    assert guide.help_topic(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Was ist das D-Team?",  # the study's idea, not the team mode
        "Was steht im Bericht der Studie zu FIM?",
        "Wie arbeiten Kommunen bei der Digitalisierung zusammen?",
        "Was hat sich seit der Studie verändert?",
        # Persuading those who decide, and what a type does, are knowledge questions.
        "Wie zeige ich dem Rat, dass Digitalisierung wichtig ist?",
        "Wie präsentieren Community Manager das dem Stadtrat?",
        "Welche Ziele verfolgen die Optimierer?",
        "Hilfe",
        "/help",
        "",
    ],
)
def test_other_messages_name_no_topic(text):
    assert guide.help_topic(text) is None


def test_feature_help_offers_the_next_step_that_fits_the_conversation():
    before = service.feature_help("Wie funktioniert der Teammodus?")
    assert "Teamcode" in before.messages[0].text
    assert before.messages[0].buttons == [service.BUTTON_TEAM, service.BUTTON_START]
    in_team = service.feature_help("Wie funktioniert der Teammodus?", "DT-AAAAA-BBBBB", "TEAM-AAAAA-BBBBB")
    assert in_team.messages[0].buttons == [service.BUTTON_TEAM_RESULT]
    report_after = service.feature_help("Was steht in meinem Bericht?", "DT-AAAAA-BBBBB")
    assert report_after.messages[0].buttons == [service.BUTTON_REPORT]
    target_before = service.feature_help("Was bedeutet Ist/Soll?")
    assert "Zielzustand" in target_before.messages[0].text
    assert target_before.messages[0].buttons == [service.BUTTON_START]
    assert service.feature_help("Was kannst du?") is None


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Können mehrere Kolleg:innen aus unserer Verwaltung mitmachen?", "ask_question"),
        ("Wofür ist der Rückkehrcode?", "nlu_fallback"),
        ("Wie war das nochmal mit dem Bericht?", "request_report"),  # got a knowledge answer
        ("Wie funktioniert das mit dem Rückkehrcode?", "give_code"),
        ("Wofür ist eigentlich der Rückkehrcode?", "give_code"),
        ("Ich möchte mit meinen Kollegen zusammen den Test machen", "start_interview"),
        ("Ich habe meinen Code verloren", "nlu_fallback"),
        ("Wie bekomme ich mein altes Ergebnis wieder?", "nlu_fallback"),
        ("Kann ich den Test später fortsetzen?", "nlu_fallback"),
        ("Was bringt mir der Code?", "ask_question"),  # got the sources' refusal
        # Taken for the report command or an answer; a question about showing the result names no report.
        ("Kann ich das dem Gemeinderat vorlegen?", "request_report"),
        ("Kann ich das meinem Bürgermeister zeigen?", "inform"),
    ],
)
def test_feature_questions_are_routed_to_the_help(text, intent):
    assert route(text, intent, 0.9) == "help"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Kann ich den Bericht für den Gemeinderat bekommen?", "request_report"),  # a request
        ("Team anlegen", "create_team"),
        ("Was ist das D-Team?", "ask_question"),
        ("Ich möchte den Selbsttest starten", "start_interview"),
    ],
)
def test_requests_and_knowledge_questions_keep_their_intent(text, intent):
    assert route(text, intent, 0.9) == intent


def _tracker(text, **slots):
    state = copy.deepcopy(tracker_state("ops/tracker_statistics"))
    state["latest_message"] = {"text": text, "intent": {"name": "help", "confidence": 0.9}, "entities": []}
    state["slots"].update(slots)
    return state


def test_action_help_explains_the_asked_feature():
    outcome = run_action(ActionHelp(), _tracker("Wie funktioniert der Teammodus?"))
    assert len(outcome.messages) == 1
    assert "Teammodus" in outcome.messages[0]["text"]
    assert [b["payload"] for b in outcome.messages[0]["buttons"]] == ["/create_team", "/start_interview"]


def test_action_help_without_a_feature_gives_the_overview():
    outcome = run_action(ActionHelp(), _tracker("/help"))
    assert outcome.messages[0]["text"] == guide.GENERAL_HELP
    assert [b["payload"] for b in outcome.messages[0]["buttons"]] == ["/start_interview", "/show_examples"]
    assert "Teammodus" in guide.GENERAL_HELP and "»zurück«" in guide.GENERAL_HELP
    assert outcome.events == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wofür ist der Rückkehrcode?", "Rückkehrcode (DT-XXXXX-XXXXX)"),
        ("Ich habe meinen Code vergessen", "nur über den Code wieder"),
        ("Wie funktioniert das mit dem Teamcode?", "Teammodus"),
    ],
)
def test_a_code_message_without_a_code_is_answered_not_called_malformed(text, expected):
    # The classifier takes the word "Rückkehrcode" for give_code; no store is needed without a code.
    reply = service.handle_code("conv", text, None, store=None)
    assert expected in reply.messages[0].text
    assert "unvollständig" not in reply.messages[0].text


def test_an_incomplete_code_is_still_called_incomplete():
    assert "unvollständig" in service.handle_code("conv", "Mein Code ist DT-12", None).messages[0].text


def test_a_team_wish_the_classifier_gave_up_on_gets_the_team_mode():
    assert route("Wir würden gern mit mehreren Kollegen am Test teilnehmen", "nlu_fallback", 0.4) == "help"


def test_a_lost_user_gets_the_help_and_a_complaint_stays_a_complaint():
    assert route("Ich verstehe nicht, was ich tun soll", "complain", 0.62) == "help"
    assert route("Das war nicht meine Frage", "complain", 0.95) == "complain"
    assert route("Du verstehst mich nicht", "complain", 0.95) == "complain"


def test_a_goal_answer_that_mentions_a_feature_is_not_taken_for_help():
    # Inside the interview a fallback is read as the answer; the goal must not be lost to the help.
    assert route("Mehr Bürgernähe, und den Bericht bekommt unser Gemeinderat", "nlu_fallback", 0.4) != "help"


def test_a_negated_wish_to_go_on_stops_and_a_question_about_pausing_gets_the_help():
    assert route("Stopp, ich will nicht weitermachen", "resume_interview", 0.81) == "stop_interview"
    answer = "Wir wollen nicht so weitermachen wie bisher, sondern effizienter werden"
    assert route(answer, "resume_interview", 0.8) == "nlu_fallback"
    assert route("Ach nein, doch weitermachen", "resume_interview", 0.9) == "resume_interview"
    assert route("Kann ich den Test später fortsetzen?", "resume_interview", 0.9) == "help"


@pytest.mark.parametrize(
    "text",
    [
        "Bürger sollen zusammen mit der Verwaltung an Projekten teilnehmen",
        "Dass alle gemeinsam mitmachen können, Jung und Alt",
    ],
)
def test_an_answer_about_taking_part_is_no_question_about_the_team_mode(text):
    # Goal paraphrases the rules may not find: inside the interview the form must read them.
    assert route(text, "nlu_fallback", 0.4) == "nlu_fallback"
