"""The result in steps (dteam/result/steps.py) and its Rasa adapter (action_result_part)."""

from __future__ import annotations

import copy
import re

import pytest

from actions import result as result_actions
from dteam.result import service, steps
from dteam.study import typology
from tests.support.actions import run_action, tracker_state

GOALS = ["effizienz", "buergernaehe", "foerdermittel"]
ANSWERS = {
    "municipality_kind": "stadt",
    "inhabitants": 45000,
    "strategy": "in_entwicklung",
    "responsibility": ["cdo", "fachbereich_it"],
    "egov_components": ["dms", "e_payment", "de_mail"],
    "fim_known": "nein",
    "data_use": ["prozessoptimierung", "open_data"],
    "training": "skipped",
    "participation": [],
    "fibre": ["foerdermittel"],
    "community_support": ["wlan"],
}


def words(text: str) -> int:
    return len(re.sub(r"Quelle:.*", "", text).split())


# --- pure parts -----------------------------------------------------------------------------------


def test_first_step_is_type_motto_reason_chart_and_choices():
    step = steps.first_step(GOALS)
    expected = typology.classify(GOALS)
    head = step.texts[0]
    assert f"**{expected.type_name}**" in head and "„" in head  # type and motto
    assert "wichtigstes Ziel „Effizienz“" in head and "Tabelle 1" in head
    assert words(head) <= 60
    assert step.chart_goals == GOALS
    assert step.choices == ["why", "compare", "learn", "ask", "all"]
    assert [title for _, title in step.choice_buttons()] == [
        "Warum dieser Typ?",
        "Vergleich mit anderen Kommunen",
        "Was können wir lernen?",
        "Frage stellen",
        "Alles auf einmal",
    ]


def test_chart_text_says_what_the_chart_shows():
    text = steps.chart_description(GOALS)
    assert "(Effizienz 3, Bürgernähe 2, Fördermittel 1;" in text
    assert "Am nächsten liegt Ihr Profil den Optimierern" in text
    assert all(name in text for name in ("Serviceorientierten", "Bedächtigen", "Community Managern"))


@pytest.mark.parametrize("part", ["why", "compare", "learn", "meaning"])
def test_each_part_is_short_and_cites_its_source(part):
    step = steps.part_step(part, GOALS, ANSWERS)
    assert len(step.texts) == 1
    assert "Quelle: Studie" in step.texts[0]
    assert words(step.texts[0]) <= 130, step.texts[0]
    assert part not in step.choices  # the choices offer the other parts


def test_why_uses_the_users_goals_and_corrects_a_wrong_type():
    text = steps.part_step("why", GOALS, ANSWERS, asked_type="serviceorientierte").texts[0]
    assert text.startswith(
        "Nach Ihren Zielen ähnelt Ihre Kommune am meisten den Optimierern, nicht den Servic"
    )
    assert "„Effizienz“" in text and "„Bürgernähe“" in text and "Tabelle 1" in text


def test_why_not_another_type_names_its_hallmark_goal_and_how_to_add_it():
    # "Warum nicht serviceorientiert?" after Effizienz alone: Bürgernähe is their hallmark, not named.
    text = steps.part_step("why", ["effizienz"], {}, asked_type="serviceorientierte").texts[0]
    assert "Kennzeichen der Serviceorientierten ist „Bürgernähe“ (Zentrum 2,74 von 3)" in text
    assert "nicht unter Ihren wichtigsten Zielen genannt" in text and "»Korrektur: Bürgernähe" in text
    named = steps.part_step("why", ["effizienz", "buergernaehe"], {}, asked_type="serviceorientierte")
    assert "„Bürgernähe“ (Zentrum 2,74 von 3) – Ihr zweitwichtigstes Ziel" in named.texts[0]
    # The own type asked about gets no such line.
    assert "Kennzeichen der Optimierer ist" not in steps.why_text(steps.build_content(["effizienz"], {}))


def test_why_says_when_a_goal_the_user_claims_is_not_among_the_ranked_ones():
    # "Warum Optimierer? Wir sind doch eher bürgerorientiert" after Leistungsangebot and Effizienz
    goals = ["leistungsangebot", "effizienz"]
    text = steps.part_step("why", goals, {}, claimed_goals=["buergernaehe"]).texts[0]
    assert "„Bürgernähe“ haben Sie nicht unter Ihren wichtigsten Zielen genannt" in text
    assert "»Korrektur: Bürgernähe als zweites Ziel«" in text
    # A claimed goal that is ranked needs no such line.
    ranked = steps.part_step("why", goals, {}, claimed_goals=["effizienz"]).texts[0]
    assert "nicht unter Ihren wichtigsten Zielen" not in ranked


def test_compare_is_short_and_the_rest_comes_on_request():
    short = steps.part_step("compare", GOALS, ANSWERS)
    complete = steps.part_step("compare_all", GOALS, ANSWERS)
    assert "compare_all" in short.choices and "compare_all" not in complete.choices
    assert short.texts[0].count("•") == steps.COMPARE_SHORT_LINES
    assert complete.texts[0].count("•") > steps.COMPARE_SHORT_LINES
    assert "2019" in short.texts[0]  # the figures may be dated


def test_yes_and_scale_are_not_mixed_in_one_line():
    text = steps.part_step("compare_all", GOALS, ANSWERS).texts[0]
    for line in text.splitlines():
        assert not ("Sie ja" in line and "Skala" in line), line
    assert "Open Data: bei Ihnen vorhanden. Wie weit" in text


def test_learn_gives_two_or_three_concrete_steps_with_table_and_source():
    text = steps.part_step("learn", GOALS, ANSWERS).texts[0]
    bullets = [line for line in text.splitlines() if line.startswith("•")]
    assert 2 <= len(bullets) <= 3
    assert all(re.search(r"\(Tabelle \d+\)", line) for line in bullets)
    closing = [re.sub(r"\s*\(Tabelle \d+\)$", "", line).rsplit(". ", 1)[-1] for line in bullets]
    assert len(set(closing)) == len(closing), "every suggestion ends with the same sentence"
    assert "De-Mail" not in text  # discontinued: never suggested
    assert "Quelle: Studie" in text and "2019" in text


def test_all_at_once_keeps_the_complete_result():
    step = steps.part_step("all", GOALS, ANSWERS)
    joined = "\n".join(step.texts)
    for title in ("Warum dieser Typ?", "Ihre Verwaltung im Vergleich", "Von den anderen Typen lernen"):
        assert title in joined


def test_de_mail_is_marked_as_discontinued_in_the_comparison():
    text = steps.part_step("compare_all", GOALS, ANSWERS).texts[0]
    line = next(line for line in text.splitlines() if "De-Mail" in line)
    assert "eingestellt" in line


@pytest.mark.parametrize(
    "question, expected_goals, expected_type",
    [
        (
            "Und wenn Bürgernähe wichtiger wäre als Effizienz?",
            ["buergernaehe", "effizienz", "foerdermittel"],
            None,
        ),
        (
            "Was wäre, wenn Daseinsvorsorge am wichtigsten wäre?",
            ["daseinsvorsorge", "effizienz", "buergernaehe"],
            None,
        ),
        ("Und wenn uns Effizienz am wichtigsten wäre?", GOALS, None),
    ],
)
def test_what_if_starts_from_the_users_ranking(question, expected_goals, expected_type):
    assert steps.what_if_goals(GOALS, question) == expected_goals


def test_what_if_names_the_type_of_that_ranking_and_why():
    text = steps.what_if_step(GOALS, "Und wenn Bürgernähe wichtiger wäre als Effizienz?").texts[0]
    expected = typology.classify(["buergernaehe", "effizienz", "foerdermittel"])
    assert expected.type_id == "serviceorientierte"
    assert "**Serviceorientierte**" in text and "bisher: Optimierer" in text
    assert "„Bürgernähe“" in text and "Tabelle 1" in text and "Korrektur" in text
    same = steps.what_if_step(GOALS, "Und wenn Effizienz am wichtigsten wäre?").texts[0]
    assert "bisherigen Rangfolge" in same
    assert steps.what_if_step(GOALS, "Und was wäre wenn?").texts == [steps.WHAT_IF_UNCLEAR]


def test_typed_requests_find_their_part():
    assert steps.part_from_text("Vergleich mit anderen Kommunen") == "compare"
    assert steps.part_from_text("Zeig alle Vergleiche") == "compare_all"
    assert steps.part_from_text("Alles auf einmal") == "all"
    assert steps.part_from_text("Was können wir lernen?") == "learn"
    assert steps.part_from_text("Wie war noch mal unser Ergebnis?") == ""


def test_named_type():
    assert steps.named_type("Warum sind wir Serviceorientierte?") == "serviceorientierte"
    assert steps.named_type("warum sind wir community-manager") == "community_manager"
    assert steps.named_type("Warum sind wir so?") is None


# --- adapter --------------------------------------------------------------------------------------


def request(intent: str, text: str = "", part: str | None = None, goals=GOALS, active_loop=None) -> dict:
    state = copy.deepcopy(tracker_state("interview/result_complete"))
    state["slots"]["goals"] = goals
    state["slots"]["data_use"] = ["prozessoptimierung", "open_data"]
    entities = [{"entity": "result_part", "value": part}] if part else []
    state["latest_message"] = {"text": text or f"/{intent}", "intent": {"name": intent}, "entities": entities}
    state["active_loop"] = {"name": active_loop} if active_loop else {}
    return state


def run(state: dict):
    return run_action(result_actions.ActionResultPart(), state).messages


def payloads(message: dict) -> list[str]:
    return [b["payload"] for b in message.get("buttons") or []]


def test_result_shows_first_step_with_chart_and_choices(tmp_path, monkeypatch):
    monkeypatch.setenv("RESULTS_DB_URL", f"sqlite:///{tmp_path / 'results.db'}")
    monkeypatch.setenv("RESULTS_HASH_SECRET", "test-secret")
    messages = run_action(result_actions.ActionShowResult(), "interview/result_complete").messages
    assert "**Optimierer**" in messages[0]["text"]
    assert messages[0]["image"].startswith("data:image/png;base64,")
    assert messages[1]["text"].startswith("Das Diagramm zeigt")
    assert payloads(messages[1]) == [
        '/result_part{"result_part":"why"}',
        '/result_part{"result_part":"compare"}',
        '/result_part{"result_part":"learn"}',
        "/show_examples",
        '/result_part{"result_part":"all"}',
    ]
    assert sum(len((m.get("text") or "").split()) for m in messages[:2]) < 150


@pytest.mark.parametrize("part", ["why", "compare", "learn", "all"])
def test_each_choice_answers_with_its_part(part):
    messages = run(request("result_part", part=part))
    assert messages and "Quelle: Studie" in "\n".join(m["text"] for m in messages)
    assert messages[-1]["buttons"]


def test_own_result_questions_use_the_own_answers():
    why = run(request("own_result_why", "Warum sind wir Serviceorientierte?"))[0]["text"]
    assert "nicht den Serviceorientierten" in why
    meaning = run(request("own_result_meaning", "Was bedeutet das für uns?"))[0]["text"]
    assert "Optimierer" in meaning and "Stärken" in meaning
    nxt = run(request("own_result_next", "Was sollten wir als Nächstes tun?"))[0]["text"]
    assert "Tabelle" in nxt and nxt.count("•") >= 2


def test_typed_part_request_through_the_adapter():
    messages = run(request("result_part", "Alles auf einmal"))
    assert "Von den anderen Typen lernen" in "\n".join(m["text"] for m in messages)
    (overview, *_rest) = run(request("result_part", "Wie war noch mal unser Ergebnis?"))
    assert "**Optimierer**" in overview["text"] and overview["image"]


def test_what_if_through_the_adapter():
    text = run(request("own_result_what_if", "Und wenn Bürgernähe wichtiger wäre als Effizienz?"))[0]["text"]
    assert "**Serviceorientierte**" in text


def test_without_a_finished_self_test_the_test_is_offered():
    for intent in ("own_result_why", "own_result_next", "own_result_what_if", "result_part"):
        (message,) = run(request(intent, "Was sollten wir tun?", part="why", goals=None))
        assert message["text"] == steps.NO_RESULT
        assert payloads(message) == ["/start_interview"]


def test_during_the_interview_the_result_comes_at_the_end():
    (message,) = run(request("own_result_why", "Warum sind wir so?", active_loop="interview_form"))
    assert message["text"] == service.TEXT_RESULT_AT_END
