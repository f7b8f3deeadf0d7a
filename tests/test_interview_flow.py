"""The interview's dialogue flow (dteam.interview.flow) as a pure state machine, without Rasa."""

from __future__ import annotations

import pytest

from dteam.interview import flow, practices
from dteam.interview.flow import Turn, step


def at(slot: str, **slots) -> dict:
    return {"requested_slot": slot, **slots}


def answered_goals(**slots) -> dict:
    return at("municipality_kind", goals=["effizienz", "buergernaehe", "innovation"], **slots)


def test_free_text_goals_are_ranked_and_the_next_question_is_named():
    updates, messages = step(
        at("goals"), Turn("inform", "Vor allem Effizienz, dann Bürgernähe und Fördermittel")
    )
    assert updates["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]
    assert updates["requested_slot"] == "municipality_kind"
    # Read from free text, the ranking is said back once, so a misreading shows at once.
    assert [m.text for m in messages] == ["Notiert: 1. Effizienz, 2. Bürgernähe, 3. Fördermittel."]


def test_buttons_skips_and_a_draft_already_shown_are_not_said_back():
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, messages = step(state, Turn("inform", "/inform", flow.FINISH_VALUE))
    assert updates["goals"] == ["effizienz", "buergernaehe"] and messages == []
    updates, messages = step(state, Turn("finish_goals", "Das wars"))
    assert updates["goals"] == ["effizienz", "buergernaehe"] and messages == []
    updates, messages = step(answered_goals(), Turn("inform", "/inform", "gemeinde"))
    assert updates["municipality_kind"] == "gemeinde" and messages == []
    updates, messages = step(answered_goals(), Turn("skip", "weiß ich nicht"))
    assert updates["municipality_kind"] == practices.SKIPPED and messages == []


def test_a_long_goal_answer_taken_for_finish_goals_is_read_as_an_answer():
    # After a retraining the classifier said finish_goals for these goal answers.
    updates, _ = step(
        at("goals"),
        Turn("finish_goals", "Die Kämmerei soll nicht mehr jede Rechnung von Hand abzeichnen müssen"),
    )
    assert updates.get("goals_draft") == ["effizienz"] or updates.get("goals") == ["effizienz"]
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, _ = step(state, Turn("finish_goals", "Mehr Ziele haben wir nicht"))
    assert updates["goals"] == ["effizienz"]
    updates, _ = step(state, Turn("finish_goals", "Nein, mehr fällt mir dazu jetzt wirklich nicht ein"))
    assert updates["goals"] == ["effizienz"]


def test_goals_named_with_the_finishing_word_count_before_the_end():
    # The classifier says finish_goals for "…, fertig"; the goal in front of it was lost.
    updates, _ = step(at("goals"), Turn("finish_goals", "Mehr Transparenz, fertig."))
    assert updates["goals"] == ["buergernaehe"]
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, _ = step(state, Turn("finish_goals", "Noch Fördermittel, das wars"))
    assert updates["goals"] == ["effizienz", "foerdermittel"]


def test_goals_typed_one_per_message_are_asked_on_until_three_like_buttons():
    # A second typed goal used to close the question with two: the third ("Innovation") then
    # landed at the municipality question.
    updates, _ = step(at("goals"), Turn("inform", "Effizienz"))
    assert updates["goals_draft"] == ["effizienz"] and updates["goals_asked_more"] is True
    assert updates["requested_slot"] == "goals"
    state = {**at("goals"), **updates}
    updates, _ = step(state, Turn("inform", "Bürgernähe"))
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"] and "goals" not in updates
    assert updates["requested_slot"] == "goals"
    state = {**state, **updates}
    updates, _ = step(state, Turn("inform", "Innovation"))
    assert updates["goals"] == ["effizienz", "buergernaehe", "innovation"]
    assert updates["requested_slot"] == "municipality_kind"


@pytest.mark.parametrize(
    "text", ["Bürgernähe, sonst nichts", "Und Bürgernähe, das war's", "Bürgernähe. Mehr nicht."]
)
def test_a_goal_answer_that_closes_the_list_ends_the_goal_question(text):
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", text))
    assert updates["goals"] == ["effizienz", "buergernaehe"]
    assert updates["requested_slot"] == "municipality_kind"
    updates, _ = step(at("goals"), Turn("inform", "Effizienz und Bürgernähe, das wars"))
    assert updates["goals"] == ["effizienz", "buergernaehe"]


def test_a_further_message_that_adds_no_goal_ends_the_goal_question():
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "Effizienz ist uns wirklich am wichtigsten"))
    assert updates["goals"] == ["effizienz", "buergernaehe"]


def test_goal_buttons_collect_until_three_or_finish():
    updates, _ = step(at("goals"), Turn("inform", "/inform", "innovation"))
    assert updates["goals_draft"] == ["innovation"] and "goals" not in updates
    state = {**at("goals"), **updates}
    updates, _ = step(state, Turn("inform", "/inform", flow.FINISH_VALUE))
    assert updates["goals"] == ["innovation"]


def test_unknown_goal_button_is_invalid_and_escalates_to_the_buttons():
    updates, messages = step(at("goals"), Turn("inform", "/inform", "kaiserwetter"))
    assert updates["goals"] is None and updates["interview_failures"] == 1.0
    assert "kenne ich nicht" in messages[0].text
    updates, messages = step(at("goals", interview_failures=1.0), Turn("nlu_fallback", "blubb"))
    assert updates["interview_failures"] == 2.0
    assert "Schaltflächen" in messages[0].text


def test_a_question_is_left_to_the_rules_and_the_interview_stays_at_its_question():
    updates, messages = step(at("goals"), Turn("ask_question", "Was bedeutet Daseinsvorsorge?"))
    assert updates == {"requested_slot": "goals"}
    assert messages == []


@pytest.mark.parametrize(
    "text",
    [
        # read by meaning as a reordering before the question check; "bzw." split the question in two
        "Wie viel Prozent der serviceorientierten Kommunen machen die Digitalisierung der Verwaltung zur "
        "Sache der Bürgermeisterin bzw. des Bürgermeisters?",
        # "ok" at the start was taken for "no more goals"
        "ok, und wie hat er die einfache BW-Variante nochmal etwas spöttisch genannt?",
        # hearsay naming goals ("OZG", "Papier"), then a question about it: taken as two goals before
        "Ich hab gelesen, das OZG hätte bloß die Außenseite aufgehübscht und dahinter läuft alles weiter "
        "auf Papier. Woher stammt dieses Bild?",
        # a practice told (Breitband: Daseinsvorsorge), then the types asked about it
        "Wir sind für den Breitbandausbau mit den Nachbargemeinden in einem Zweckverband. Machen die "
        "Community Manager so etwas häufiger als die Optimierer?",
    ],
)
def test_a_clear_question_at_the_goal_question_is_left_to_the_rules(text):
    state = at("goals", goals_draft=["effizienz"])
    assert step(state, Turn("ask_question", text)) == ({"requested_slot": "goals"}, [])


def test_an_answer_that_asks_for_agreement_is_an_answer_not_a_question():
    text = "Den Dorfladen erhalten und die Leute im Ort halten. Also Wirtschaft und Attraktivität, oder?"
    updates, _ = step(at("goals"), Turn("ask_question", text))
    assert updates["goals_draft"] == ["wirtschaft", "attraktivitaet"]
    updates, _ = step(at("goals"), Turn("ask_question", "Ist Daseinsvorsorge auch ein Ziel?"))
    assert updates == {"requested_slot": "goals"}
    # a tag question about what the sources say is a question for them
    text = (
        "Mike Weber tippt im Podcast doch darauf, dass die Serviceorientierten mit dem OZG vorn liegen, oder?"
    )
    assert step(at("goals"), Turn("ask_question", text)) == ({"requested_slot": "goals"}, [])


def test_a_hedged_answer_with_a_raised_voice_is_an_answer_not_a_question():
    text = "Keine Ahnung so richtig. Vermutlich eher schnellere Abläufe im Haus und mehr Transparenz?"
    updates, _ = step(at("goals"), Turn("ask_question", text))
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"]
    text = "Ich weiß es nicht genau, vielleicht, dass die Vereine digital Unterstützung bekommen?"
    updates, _ = step(at("goals"), Turn("ask_question", text))
    assert updates["goals_draft"] == ["zivilgesellschaft"]
    # a request that opens with "vielleicht" still asks
    text = "Vielleicht können Sie mir erklären, was mit Effizienz gemeint ist?"
    assert step(at("goals"), Turn("ask_question", text)) == ({"requested_slot": "goals"}, [])


def test_practice_answer_in_free_text_and_skip():
    updates, _ = step(
        answered_goals(requested_slot="strategy", municipality_kind="stadt", inhabitants=12000),
        Turn("inform", "Die Strategie ist in Arbeit"),
    )
    assert updates["strategy"] == "in_entwicklung"
    assert updates["requested_slot"] == "responsibility"
    updates, _ = step(answered_goals(), Turn("skip", "weiß nicht"))
    assert updates["municipality_kind"] == practices.SKIPPED


def test_dont_know_after_the_draft_keeps_the_goals_named_so_far():
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, _ = step(state, Turn("skip", "weiß nicht"))
    assert updates["goals"] == ["effizienz", "buergernaehe"]
    assert updates["requested_slot"] == "municipality_kind"
    # Without a draft the first goal is still needed.
    updates, messages = step(at("goals"), Turn("skip", "weiß nicht"))
    assert updates["goals"] is None and "Ohne Ziele" in messages[0].text


@pytest.mark.parametrize("text, kind", [("Stadt", "stadt"), ("Wir sind ein Landkreis", "kreis")])
def test_an_answer_to_the_next_question_after_the_draft_ends_the_goals(text, kind):
    # "Stadt" to "Gibt es ein weiteres wichtiges Ziel?" got "kein Digitalisierungsziel erkannt" until
    # the user found »Fertig«: they had gone on to the next question.
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, messages = step(state, Turn("inform", text))
    assert updates["goals"] == ["effizienz", "buergernaehe"] and updates["municipality_kind"] == kind
    assert updates["requested_slot"] == "inhabitants"
    assert messages[0].text.startswith("Notiert: 1. Effizienz, 2. Bürgernähe – und ")


@pytest.mark.parametrize(
    "text, inhabitants",
    [("Eine Gemeinde mit knapp 4500 Einwohnern", 4500), ("Kreis, ca. 250.000", 250_000)],
)
def test_a_head_count_given_with_the_kind_is_kept(text, inhabitants):
    # "Eine Gemeinde mit knapp 4500 Einwohnern" was noted as Gemeinde, then the size was asked again.
    updates, messages = step(answered_goals(), Turn("inform", text))
    assert updates["inhabitants"] == inhabitants and updates["requested_slot"] == "strategy"
    assert messages[0].text.startswith("Notiert: ") and "Einwohner:innen" in messages[0].text


@pytest.mark.parametrize("text", ["Stadt mit 3 Ortsteilen", "Gemeinde", "Wir sind Stadt seit 1998"])
def test_no_head_count_rides_along_without_one(text):
    updates, _ = step(answered_goals(), Turn("inform", text))
    assert "inhabitants" not in updates and updates["requested_slot"] == "inhabitants"


@pytest.mark.parametrize(
    "slot, text, advice",
    [
        ("egov_components", "hm, kommt drauf an", "Mehrere Angaben sind möglich"),
        ("strategy", "Das ist sehr unterschiedlich", "Wenn es bei Ihnen unterschiedlich ist"),
        ("inhabitants", "je nachdem", "Eine ungefähre Zahl genügt"),
    ],
)
def test_it_depends_is_asked_back_with_advice_not_met_with_not_understood(slot, text, advice):
    earlier = practices.QUESTION_ORDER[: practices.QUESTION_ORDER.index(slot)]
    state = at(slot, goals=["effizienz"], **{other: practices.SKIPPED for other in earlier})
    updates, messages = step(state, Turn("nlu_fallback", text))
    assert updates[slot] is None and updates["requested_slot"] == slot
    assert messages[0].text.startswith(advice) and "nicht" not in messages[0].text.split(".")[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("wir haben ein Papier vom Gemeinderat, aber keiner hält sich dran", "vorhanden"),
        ("Ja, aber die wird nicht gelebt", "vorhanden"),
        ("Nein, aber wir haben ein Leitbild", "keine"),
        ("Ja, aber nicht für die Digitalisierung", "keine"),
        ("Noch nicht, aber in Arbeit", "in_entwicklung"),
    ],
)
def test_a_strategy_that_exists_but_is_not_followed_still_exists(text, value):
    # "… aber keiner hält sich dran" was read as "Nein".
    assert practices.parse_answer("strategy", text).value == value


def test_a_yes_is_not_taken_for_the_next_yes_no_question_too():
    state = at("fim_known", goals=["effizienz"], municipality_kind="stadt", inhabitants=12000)
    updates, _ = step(state, Turn("inform", "Ja, kennen wir"))
    assert updates["fim_known"] and "data_use" not in updates


@pytest.mark.parametrize(
    "text, facts",
    [
        ("Wir sind ein Landkreis", {"municipality_kind": "kreis"}),
        ("ca. 180.000 Einwohner", {"inhabitants": 180000}),
        ("Kleine Gemeinde, so 3000 Leute", {"municipality_kind": "gemeinde", "inhabitants": 3000}),
    ],
)
def test_kind_and_size_at_the_goal_question_count_later_and_the_goal_question_comes_again(text, facts):
    # "Wir sind ein Landkreis" at the goal question got "kein Digitalisierungsziel erkannt" and was lost.
    updates, messages = step(at("goals"), Turn("inform", text))
    assert {k: updates[k] for k in facts} == facts and updates["requested_slot"] == "goals"
    assert updates["interview_failures"] == 0.0
    assert (
        messages[0].text.startswith("Notiert: ") and "Zuerst brauche ich aber Ihre Ziele" in messages[0].text
    )
    # Later, those questions are not asked again.
    state = {**at("goals"), **updates}
    updates, _ = step(state, Turn("inform", "Effizienz, Bürgernähe und Innovation"))
    assert updates["goals"] == ["effizienz", "buergernaehe", "innovation"]
    assert updates["requested_slot"] not in facts


def test_kind_and_size_with_the_goals_are_kept_and_said_back():
    updates, messages = step(
        at("goals"),
        Turn("inform", "Wir sind eine Stadt mit 20.000 Einwohnern und wollen vor allem effizienter werden"),
    )
    assert updates["goals_draft"] == ["effizienz"]
    assert updates["municipality_kind"] == "stadt" and updates["inhabitants"] == 20000
    assert [m.text for m in messages] == ["Notiert: Stadt und rund 20.000 Einwohner:innen."]


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinden im Kreis sollen schneller ans Netz",  # about other municipalities
        "Wir wollen, dass 5.000 Bürger:innen das Online-Portal nutzen",  # a number of users, no head count
    ],
)
def test_goal_answers_about_other_municipalities_or_users_set_no_kind_or_size(text):
    updates, _ = step(at("goals"), Turn("inform", text))
    assert "municipality_kind" not in updates and "inhabitants" not in updates


def test_another_bodys_wish_with_the_own_goals_left_open_sets_no_kind_and_asks_again():
    # "Der Landkreis" is the body that pushes, not the municipality's kind; no goal is the speaker's.
    updates, messages = step(
        at("goals"),
        Turn(
            "inform",
            "Der Landkreis drängt auf Smart Region und Fördermittel, aber was wir selbst wollen, haben "
            "wir im Rat noch gar nicht besprochen.",
        ),
    )
    assert "municipality_kind" not in updates and not updates.get("goals_draft")
    assert updates["goals"] is None
    assert "Ihre eigene Einschätzung" in messages[0].text


def test_a_head_count_to_the_question_for_more_goals_ends_the_goals():
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, messages = step(state, Turn("inform", "Wir haben knapp 180.000 Einwohner"))
    assert updates["goals"] == ["effizienz"] and updates["inhabitants"] == 180000
    assert [m.text for m in messages] == ["Notiert: 1. Effizienz – und rund 180.000 Einwohner:innen."]


@pytest.mark.parametrize(
    "state, text, ahead, value",
    [
        (answered_goals(), "so um die 4500", "inhabitants", 4500),
        (
            at("strategy", goals=["effizienz"], municipality_kind="gemeinde", inhabitants=4500),
            "Das macht bei uns der Hauptamtsleiter nebenher",
            "responsibility",
            ["fachbereich_organisation"],
        ),
    ],
)
def test_an_answer_one_question_early_counts_there_and_this_question_comes_again(state, text, ahead, value):
    # "so um die 4500" at the kind of municipality got "nicht verstanden" and was lost.
    asked = state["requested_slot"]
    updates, messages = step(state, Turn("inform", text))
    assert updates[ahead] == value and updates["requested_slot"] == asked
    assert messages[0].text.startswith("Das gehört schon zur nächsten Frage – notiert: ")
    # Not a failure: the buttons-only hint does not come sooner.
    assert "interview_failures" not in updates


@pytest.mark.parametrize(
    "text",
    [
        "Haben Kommunen mit 20.000 Einwohnern eher eine Strategie?",
        "Sind Städte mit 50.000 Einwohnern eher Optimierer?",
        "Das ist seit 2015 so",
    ],
)
def test_a_question_or_a_year_is_no_early_answer(text):
    updates, _ = step(answered_goals(), Turn("inform", text))
    assert "inhabitants" not in updates


@pytest.mark.parametrize(
    "intent, text",
    [
        ("request_report", "Können Sie mir den Bericht per Mail schicken?"),
        ("create_team", "Team anlegen"),
        ("set_target", "Ziel in drei Jahren"),
    ],
)
def test_an_offer_of_the_result_asked_for_mid_interview_says_when_it_comes(intent, text):
    # "Können Sie mir den Bericht per Mail schicken?" got "Das habe ich leider nicht verstanden".
    state = at("strategy", goals=["effizienz"], municipality_kind="kreis", inhabitants=300_000)
    updates, messages = step(state, Turn(intent, text))
    assert updates == {"strategy": None, "requested_slot": "strategy"}
    assert [m.text for m in messages] == [flow.AFTER_RESULT_TEXT]


def test_a_new_goal_said_to_be_more_important_than_a_drafted_one_goes_before_it():
    # "Innovation ist wichtiger als Effizienz" after the draft was added as third goal.
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "Innovation ist wichtiger als Effizienz"))
    assert updates["goals"] == ["innovation", "effizienz", "buergernaehe"]
    updates, _ = step(state, Turn("inform", "Fördermittel"))
    assert updates["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]


def test_a_place_of_the_draft_moved_ahead_reorders_the_draft():
    # "Moment, das Zweite zuerst" named no goal and no correction word: it was no answer at all.
    state = at("goals", goals_draft=["effizienz", "attraktivitaet"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "Moment, das Zweite zuerst."))
    assert updates.get("goals", updates.get("goals_draft")) == ["attraktivitaet", "effizienz"]


@pytest.mark.parametrize("text", ["Hm, schwer zu sagen. Alles irgendwie.", "Eigentlich alle gleich wichtig"])
def test_a_vague_everything_answer_is_asked_for_the_first_goal(text):
    # Got "Darin habe ich kein Digitalisierungsziel erkannt" with examples.
    updates, messages = step(at("goals"), Turn("nlu_fallback", text))
    assert updates["goals"] is None and updates["requested_slot"] == "goals"
    assert "wenn Sie nur eines nennen dürften" in messages[0].text


@pytest.mark.parametrize(
    "text, intent", [("so halb", "greet"), ("teilweise", "inform"), ("zum Teil schon", "inform")]
)
def test_a_strategy_that_exists_in_part_is_asked_once_as_in_development(text, intent):
    # "so halb" (taken for a greeting) got "Weiter mit dem Selbsttest" and the question again.
    state = at("strategy", goals=["effizienz"], municipality_kind="stadt", inhabitants=45_000)
    updates, _ = step(state, Turn(intent, text))
    assert updates["pending_match"] == {"slot": "strategy", "values": ["in_entwicklung"], "text": text}
    assert "strategy" not in updates and updates["requested_slot"] == "strategy"


@pytest.mark.parametrize(
    "slot, text",
    [("strategy", "nichts"), ("fim_known", "keine"), ("egov_components", "ja"), ("strategy", "alle")],
)
def test_a_bare_yes_no_or_all_is_no_early_answer_to_the_next_question(slot, text):
    # "nichts" at the strategy question means no strategy, not "no one is responsible" one question early.
    earlier = flow.INTERVIEW_SLOTS[: flow.INTERVIEW_SLOTS.index(slot)]
    state = at(slot, **{s: ["effizienz"] if s == "goals" else "skipped" for s in earlier})
    updates, _ = step(state, Turn("inform", text))
    later = flow.INTERVIEW_SLOTS[flow.INTERVIEW_SLOTS.index(slot) + 1 :]
    assert not any(s in updates for s in later)


def test_taking_back_the_strategy_answer_one_question_later_corrects_it():
    state = at(
        "responsibility", goals=["effizienz"], municipality_kind="stadt", inhabitants=12000, strategy="keine"
    )
    updates, messages = step(
        state, Turn("inform", "Moment, doch: wir haben eine, die ist nur nicht beschlossen")
    )
    assert updates["strategy"] == "in_entwicklung" and updates["requested_slot"] == "responsibility"
    assert messages[0].text == "Verstanden, korrigiert: In Entwicklung."


def test_an_unclear_answer_after_the_draft_still_asks_for_a_goal():
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, messages = step(state, Turn("inform", "Der Himmel ist blau"))
    assert updates.get("goals") is None and updates["requested_slot"] == "goals"
    assert "kein Digitalisierungsziel" in messages[0].text


def test_taking_back_the_order_of_the_draft_reranks_it_instead_of_adding():
    # "Bürgernähe", then "Ach nee, eigentlich eher Effizienz zuerst und dann Bürgernähe" was noted as
    # 1. Bürgernähe, 2. Effizienz.
    state = at("goals", goals_draft=["buergernaehe"], goals_asked_more=True)
    updates, _ = step(
        state, Turn("correct_goals", "Ach nee, eigentlich eher Effizienz zuerst und dann Bürgernähe")
    )
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"] and updates["requested_slot"] == "goals"
    # Adding stays adding: a further goal without taking back, or a take-back naming only a new goal.
    for text, expected in (
        ("Und Fördermittel", ["buergernaehe", "foerdermittel"]),
        ("Nee, noch Fördermittel", ["buergernaehe", "foerdermittel"]),
    ):
        updates, _ = step(state, Turn("inform", text))
        assert (updates.get("goals") or updates.get("goals_draft")) == expected, text


def test_a_question_at_the_goal_question_is_left_to_the_knowledge_base_even_without_its_last_mark():
    text = "Liegt es bei kleinen Gemeinden nur am Geld? Was meint Mike Weber dazu"
    updates, messages = step(at("goals"), Turn("ask_question", text))
    assert messages == [] and not updates.get("goals") and not updates.get("goals_draft")


@pytest.mark.parametrize(
    "text",
    [
        # no mark and no question word, but it asks what the study says
        "ham eigentlich viele kommunen schon ne ausgearbeitete digitalstrategie oder basteln alle noch dran "
        "(laut öfit-studie)",
        # a question, then why it is asked ("Bürgerservice" there is no goal)
        "nutzt eigentlich schon irgendeine verwaltung chatbots? frage für unseren bürgerservice",
    ],
)
def test_a_question_on_the_sources_at_the_goal_question_sets_no_goal(text):
    updates, messages = step(at("goals"), Turn("ask_question", text))
    assert messages == [] and not updates.get("goals_draft") and not updates.get("pending_match")


def test_a_complaint_mid_interview_is_left_to_the_rules_unless_it_answers():
    # "Das war nicht meine Frage" after an answer given mid-interview was read as "no more goals".
    updates, messages = step(at("goals"), Turn("complain", "Das war nicht meine Frage"))
    assert messages == [] and updates == {"requested_slot": "goals"}
    updates, _ = step(at("goals"), Turn("complain", "Stimmt nicht, Effizienz ist wichtiger"))
    assert updates["goals_draft"] == ["effizienz"]
    updates, _ = step(at("strategy", goals=["effizienz"]), Turn("complain", "Wir haben doch eine Strategie"))
    assert updates["strategy"] == "vorhanden"


def test_after_result_now_the_skipped_questions_can_still_be_answered():
    state = at("strategy", goals=["effizienz"], municipality_kind="gemeinde", inhabitants=4000)
    updates, _ = step(state, Turn("result_now", "Ergebnis jetzt"))
    assert updates["requested_slot"] is None and updates["strategy"] == "skipped"
    remaining = list(flow.practices.QUESTION_ORDER[2:])  # all but kind and size
    assert updates[flow.SKIPPED_AT_RESULT] == remaining
    after_result = {**state, **updates}
    reopened, messages = flow.resume(after_result)
    assert all(reopened[slot] is None for slot in remaining) and reopened[flow.SKIPPED_AT_RESULT] is None
    assert f"die {len(remaining)} offenen Fragen" in messages[0].text
    assert flow.next_question({**after_result, **reopened}) == "strategy"
    # A test finished without »Ergebnis jetzt« has nothing to reopen.
    updates, _ = step(
        at("community_support", **{s: "skipped" for s in remaining[:-1]}), Turn("skip", "weiß nicht")
    )
    assert not updates.get(flow.SKIPPED_AT_RESULT)


def test_a_bare_yes_to_another_goal_asks_which_without_counting_a_failure():
    state = at("goals", goals_draft=["effizienz"], goals_asked_more=True)
    updates, messages = step(state, Turn("affirm", "ja"))
    assert updates["requested_slot"] == "goals" and updates.get("goals") is None
    assert "welches Ziel kommt hinzu" in messages[0].text
    assert not updates.get(flow.FAILURES)
    # A yes that names the goal adds it.
    updates, _ = step(state, Turn("affirm", "Ja, Bürgernähe"))
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"] and not updates.get(flow.FAILURES)


def test_multi_select_buttons_build_a_draft_until_finish():
    state = answered_goals(
        requested_slot="responsibility", municipality_kind="stadt", inhabitants=1, strategy="keine"
    )
    updates, _ = step(state, Turn("inform", "/inform", "cio"))
    assert updates["answer_draft"] == ["cio"] and "responsibility" not in updates
    updates, _ = step({**state, **updates}, Turn("inform", "/inform", flow.FINISH_VALUE))
    assert updates["responsibility"] == ["cio"] and updates["answer_draft"] is None


def test_finish_without_a_selection_says_what_is_missing():
    state = answered_goals(
        requested_slot="responsibility", municipality_kind="stadt", inhabitants=1, strategy="keine"
    )
    updates, messages = step(state, Turn("inform", "fertig"))
    assert updates["responsibility"] is None
    assert "noch nichts ausgewählt" in messages[0].text
    # Words that end a list are still answers when they choose something or nothing at all.
    components = {**state, "requested_slot": "egov_components", "responsibility": ["cio"]}
    updates, _ = step(components, Turn("inform", "De-Mail haben wir, sonst nichts"))
    assert updates["egov_components"] == ["de_mail"]
    updates, _ = step(components, Turn("inform", "Keine"))
    assert updates["egov_components"] == []


def test_an_unsure_answer_with_a_question_mark_is_an_answer():
    state = answered_goals(requested_slot="inhabitants", municipality_kind="gemeinde")
    updates, _ = step(state, Turn("ask_question", "weiß ich nicht genau, so 8000?"))
    assert updates["inhabitants"] == 8000
    # A real question is left to the knowledge base (the interview resumes after its answer).
    updates, messages = step(state, Turn("ask_question", "Wie viele Einwohner hat eine typische Gemeinde?"))
    assert "inhabitants" not in updates and messages == []


def test_start_with_three_earlier_goals_answers_the_goal_question():
    updates, messages = flow.start("Effizienz, Bürgernähe und Innovation")
    assert updates["goals"] == ["effizienz", "buergernaehe", "innovation"]
    assert "übernommen: 1. Effizienz, 2. Bürgernähe, 3. Innovation." in messages[0].text
    updates, messages = flow.start("Wie geht das hier?")
    assert updates["goals"] is None and "übernommen" not in messages[0].text


def test_taking_back_the_previous_answer_corrects_it_and_asks_again():
    state = answered_goals(requested_slot="inhabitants", municipality_kind="gemeinde")
    updates, messages = step(state, Turn("inform", "ach nee, wir sind ja seit letztem Jahr Stadt"))
    assert updates["municipality_kind"] == "stadt"
    assert updates["requested_slot"] == "inhabitants"
    assert messages[0].text == "Verstanden, korrigiert: Stadt."
    # Without a take-back word an answer that fits only the previous question is no correction.
    updates, messages = step(state, Turn("inform", "Stadt"))
    assert "municipality_kind" not in updates and updates["requested_slot"] == "inhabitants"


def test_an_answer_the_classifier_took_for_dont_know_is_still_the_answer():
    state = answered_goals(requested_slot="strategy", municipality_kind="stadt", inhabitants=5000)
    updates, _ = step(state, Turn("skip", "Noch nicht, aber wir fangen nächsten Monat an"))
    assert updates["strategy"] == "in_entwicklung"
    for dont_know in ("keine Ahnung", "weiß nicht"):
        updates, _ = step(state, Turn("skip", dont_know))
        assert updates["strategy"] == practices.SKIPPED


def test_go_back_clears_the_previous_answer():
    state = answered_goals(requested_slot="inhabitants", municipality_kind="stadt")
    updates, messages = step(state, Turn("go_back", "zurück"))
    assert updates["municipality_kind"] is None
    assert updates["requested_slot"] == "municipality_kind"
    assert "zurück" in messages[0].text
    updates, messages = step(at("goals"), Turn("go_back", "zurück"))
    assert "erste Frage" in messages[0].text


def test_result_now_skips_the_rest_but_needs_a_goal():
    updates, _ = step(
        at("municipality_kind", goals_draft=None, goals=["effizienz"]), Turn("result_now", "Ergebnis jetzt")
    )
    assert all(updates[s] == practices.SKIPPED for s in practices.QUESTION_ORDER)
    assert updates["requested_slot"] is None
    updates, messages = step(at("goals"), Turn("result_now", "Ergebnis jetzt"))
    assert "mindestens Ihr wichtigstes" in messages[0].text and updates["requested_slot"] == "goals"


def test_goal_correction_midway_keeps_the_current_question():
    state = answered_goals(requested_slot="strategy", municipality_kind="stadt", inhabitants=5000)
    updates, messages = step(
        state, Turn("correct_goals", "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz")
    )
    assert updates["goals"][0] == "buergernaehe"
    assert updates["requested_slot"] == "strategy"
    assert "Ihre Ziele lauten jetzt" in messages[0].text


def test_a_goal_correction_the_classifier_missed_is_still_applied_at_a_later_question():
    state = answered_goals(requested_slot="strategy", municipality_kind="stadt", inhabitants=5000)
    goals = state["goals"]
    updates, messages = step(
        state, Turn("inform", f"{flow.goal_parser.goal_label(goals[1])} bitte wieder raus")
    )
    assert updates["goals"] == [goals[0], *goals[2:]]
    assert updates["requested_slot"] == "strategy"
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    # an answer to the question itself is no goal correction
    updates, _ = step(state, Turn("inform", "Nein, wir haben noch keine Strategie"))
    assert updates.get("goals", goals) == goals


def test_a_goal_in_the_place_of_one_struck_at_a_later_question_is_added():
    state = at("municipality_kind", goals=["zivilgesellschaft", "effizienz"])
    text = "Dafür noch: die Förderaufrufe vom Bund für Digitalisierung nutzen."
    updates, messages = step(state, Turn("inform", text))
    assert updates["goals"] == ["zivilgesellschaft", "effizienz", "foerdermittel"]
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    # with three goals there is no place left: no silent change
    full = at("municipality_kind", goals=["zivilgesellschaft", "effizienz", "innovation"])
    updates, _ = step(full, Turn("inform", text))
    assert updates.get("goals", full["goals"]) == full["goals"]


def test_the_list_reversed_at_a_later_question_is_a_correction():
    state = at("municipality_kind", goals=["foerdermittel", "buergernaehe", "effizienz"])
    updates, messages = step(state, Turn("inform", "Reihenfolge genau umgekehrt bitte."))
    assert updates["goals"] == ["effizienz", "buergernaehe", "foerdermittel"]
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    # an answer to the question stays an answer
    updates, _ = step(state, Turn("inform", "Eine Stadt"))
    assert updates.get("goals", state["goals"]) == state["goals"]


def test_fewer_of_the_chosen_goals_at_the_next_question_is_a_correction():
    state = at("municipality_kind", goals=["leistungsangebot", "zivilgesellschaft", "wirtschaft"])
    updates, messages = step(state, Turn("inform", "Nein, nur die Online-Anträge."))
    assert updates["goals"] == ["leistungsangebot"]
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    # an answer to the question is no correction
    updates, _ = step(state, Turn("inform", "Wir sind nur eine kleine Gemeinde"))
    assert updates.get("goals", state["goals"]) == state["goals"]


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Nein warte, {old} raus, Zivilgesellschaft rein", 1, "zivilgesellschaft"),
        ("Nee, {old} ersetzen durch rechtliche Vorgaben", 1, "rechtliche_vorgaben"),
    ],
)
def test_a_goal_swapped_at_the_next_question_is_a_correction(text, old, new):
    state = answered_goals()  # now at the question on the kind of municipality
    goals = list(state["goals"])
    updates, messages = step(state, Turn("inform", text.format(old=flow.goal_parser.goal_label(goals[old]))))
    expected = list(goals)
    expected[old] = new
    assert updates["goals"] == expected
    assert "Ihre Ziele lauten jetzt" in messages[0].text


@pytest.mark.parametrize(
    ("goals", "text", "expected_goals"),
    [
        # the chosen goals in a new order, without a correction word
        (
            ["innovation", "wirtschaft", "attraktivitaet"],
            "ach, und bitte Innovation ganz ans Ende, Wirtschaft nach vorn",
            ["wirtschaft", "attraktivitaet", "innovation"],
        ),
        # places instead of goals
        (
            ["effizienz", "buergernaehe", "leistungsangebot"],
            "nee, doch nur die ersten zwei",
            ["effizienz", "buergernaehe"],
        ),
        (
            ["effizienz", "buergernaehe", "leistungsangebot"],
            "das letzte bitte streichen",
            ["effizienz", "buergernaehe"],
        ),
        # "X lassen wir weg" takes a goal back, and "da ist der Landkreis zuständig" is no answer
        (
            ["zivilgesellschaft", "attraktivitaet", "daseinsvorsorge"],
            "Ach nee, die Pflege lassen wir weg, da ist der Landkreis zuständig.",
            ["zivilgesellschaft", "attraktivitaet"],
        ),
        # "als drittes" places a goal one almost forgot
        (
            ["leistungsangebot", "wirtschaft", "attraktivitaet"],
            "Und noch die Vereine als drittes, die hätte ich fast vergessen.",
            ["leistungsangebot", "wirtschaft", "zivilgesellschaft"],
        ),
        # a new goal given a place in the ranking
        (
            ["effizienz", "buergernaehe"],
            "und dafür die Wirtschaft an die erste Stelle",
            ["wirtschaft", "effizienz", "buergernaehe"],
        ),
        # a place moved ahead without a verb (the classifier took it for a restart before)
        (
            ["attraktivitaet", "effizienz", "innovation"],
            "Das Letzte bitte nach vorne",
            ["innovation", "attraktivitaet", "effizienz"],
        ),
    ],
)
def test_a_reorder_or_a_place_edit_at_the_next_question_corrects_the_goals(goals, text, expected_goals):
    updates, messages = step(at("municipality_kind", goals=goals), Turn("inform", text))
    assert updates["goals"] == expected_goals
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    assert not updates.get("municipality_kind")


@pytest.mark.parametrize(
    ("goals", "text", "expected_goals", "kind"),
    [
        (
            ["rechtliche_vorgaben", "foerdermittel", "daseinsvorsorge"],
            "Stadt. Ach so, bei den Zielen: Fördermittel komplett raus.",
            ["rechtliche_vorgaben", "daseinsvorsorge"],
            "stadt",
        ),
        (
            ["effizienz", "leistungsangebot", "rechtliche_vorgaben"],
            "Wir sind eine Gemeinde. Und bei den Zielen bitte Effizienz und Leistungsangebot tauschen.",
            ["leistungsangebot", "effizienz", "rechtliche_vorgaben"],
            "gemeinde",
        ),
    ],
)
def test_an_answer_and_a_goal_correction_in_one_message_are_both_taken(goals, text, expected_goals, kind):
    updates, messages = step(at("municipality_kind", goals=goals), Turn("inform", text))
    assert updates["goals"] == expected_goals
    assert updates["municipality_kind"] == kind
    assert updates["requested_slot"] == "inhabitants"
    assert "Ihre Ziele lauten jetzt" in messages[0].text


@pytest.mark.parametrize(
    ("goals", "text", "expected_goals", "inhabitants"),
    [
        (
            ["buergernaehe", "effizienz", "leistungsangebot"],
            "knapp 45.000. Ach, und Effizienz vor Bürgernähe bitte",
            ["effizienz", "buergernaehe", "leistungsangebot"],
            45000,
        ),
        (
            ["rechtliche_vorgaben", "effizienz", "buergernaehe"],
            "rund 210000 einwohner, und bürgernähe sollte eigentlich ganz oben stehen",
            ["buergernaehe", "rechtliche_vorgaben", "effizienz"],
            210000,
        ),
    ],
)
def test_a_goal_edit_after_the_answer_to_a_later_question_is_taken_too(
    goals, text, expected_goals, inhabitants
):
    state = at("inhabitants", goals=goals, municipality_kind="stadt")
    updates, _ = step(state, Turn("inform", text))
    assert updates["goals"] == expected_goals
    assert updates["inhabitants"] == inhabitants


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("strategy", "Wir schreiben gerade an einer, und Bürgernähe ist darin zentral"),
        (
            "responsibility",
            "Das macht bei uns der Hauptamtsleiter nebenher, und die Innovation treibt der Bürgermeister",
        ),
    ],
)
def test_a_goal_named_in_passing_in_a_later_answer_leaves_the_goals_alone(slot, text):
    goals = ["effizienz", "buergernaehe", "innovation"]
    updates, _ = step(
        at(slot, goals=goals, municipality_kind="stadt", inhabitants=5000), Turn("inform", text)
    )
    assert updates.get("goals", goals) == goals
    assert updates[slot]


def test_the_same_goal_in_other_words_keeps_the_goal_question_open():
    state = at("goals", goals_draft=["attraktivitaet"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "ich meine als Wohnort für junge Familien"))
    assert updates["requested_slot"] == "goals"
    assert updates["goals_draft"] == ["attraktivitaet"]


def test_a_goal_struck_in_words_taken_for_a_complaint_is_still_struck():
    state = at("goals", goals_draft=["innovation", "effizienz"], goals_asked_more=True)
    updates, _ = step(state, Turn("complain", "Innovation raus, das passt nicht zu uns"))
    assert updates["goals_draft"] == ["effizienz"]


def test_a_button_payload_cannot_carry_answer_text():
    updates, _ = step(at("goals"), Turn("inform", '/inform{"goals": ["effizienz"]}'))
    assert updates["goals"] is None  # only the answer entity counts, never a slot set from outside


def test_ask_shows_progress_draft_and_navigation():
    message = flow.ask(at("responsibility", goals=["effizienz"], answer_draft=["cio"]), "responsibility")
    assert message.text.startswith(f"Frage 5 von {len(flow.INTERVIEW_SLOTS)}")
    titles = [b["title"] for b in message.buttons]
    assert titles[0] == "Fertig" and "Zurück" in titles and "Ergebnis jetzt" in titles
    assert flow.answer_payload("cio") not in [b["payload"] for b in message.buttons]


def test_start_clears_answers_and_helper_slots():
    updates, messages = flow.start()
    assert all(updates[s] is None for s in flow.INTERVIEW_SLOTS)
    assert updates["interview_failures"] == 0.0
    assert "Digitalisierungszielen" in messages[0].text


def test_kind_and_size_named_when_starting_are_taken_over_and_not_asked_again():
    updates, messages = flow.start(
        None, "Moin, wir sind eine kleine Gemeinde in Niedersachsen mit 4.500 Einwohnern – wo stehen wir?"
    )
    assert updates["municipality_kind"] == "gemeinde" and updates["inhabitants"] == 4500
    assert "übernommen: Gemeinde, rund 4.500 Einwohner:innen" in messages[0].text
    assert "9 kurze Fragen" in messages[0].text
    state = {**updates, "goals": ["effizienz"]}
    assert flow.next_question(state) == "strategy"
    # A start without a fact, a button, or a municipality named in passing takes nothing over.
    for text in ("Test starten", "/start_interview", "Welcher Typ ist die Stadt Salach?", "Ich weiß nicht"):
        updates, _ = flow.start(None, text)
        assert updates["municipality_kind"] is None and updates["inhabitants"] is None, text


def test_every_intent_the_rules_handle_mid_interview_interrupts_the_form():
    # The form must let go of these turns, or its rule never runs: "Ist das hier anonym?" and
    # "Mehr dazu" mid-interview were read as (failed) answers.
    import yaml

    from dteam.paths import PROJECT_ROOT

    handled = set()
    for path in (PROJECT_ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            if {"active_loop": "interview_form"} in (rule.get("condition") or []):
                handled |= {step["intent"] for step in rule["steps"] if "intent" in step}
    assert handled and handled <= flow.INTERRUPTING_INTENTS


def test_resume_after_stopping_keeps_the_answers_and_a_resume_without_answers_starts_fresh():
    state = {**answered_goals(), "municipality_kind": "stadt"}
    updates, messages = flow.resume(state)
    assert messages[0].text == flow.RESUMED
    assert "goals" not in updates and "municipality_kind" not in updates
    assert flow.next_question({**state, **updates}) == "inhabitants"
    updates, messages = flow.resume({})
    assert "Gern! Zuerst frage ich" in messages[0].text and updates["goals"] is None


def test_goals_in_the_message_that_starts_the_test_are_taken_over():
    updates, messages = flow.start(None, "Vor allem Bürgernähe, dann Effizienz und dass wir attraktiv sind")
    assert updates["goals"] == ["buergernaehe", "effizienz", "attraktivitaet"]
    updates, _ = flow.start("Bei uns geht es um Effizienz", "Bürgernähe ist auch wichtig")
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"]
    updates, _ = flow.start("Effizienz und Bürgernähe sind uns wichtig", "ja")
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"]


def test_a_chosen_goal_struck_at_a_later_question_is_a_correction_not_an_answer():
    # "vom Kreis" used to answer the question about the municipality's kind.
    state = answered_goals()
    state["goals"] = ["innovation", "wirtschaft", "effizienz"]
    updates, messages = step(
        state,
        Turn(
            "inform",
            "Streichen Sie die Wirtschaft, das macht bei uns die Wirtschaftsförderungsgesellschaft vom "
            "Kreis.",
        ),
    )
    assert updates["goals"] == ["innovation", "effizienz"] and "municipality_kind" not in updates
    assert "Innovation" in messages[0].text
    updates, _ = step(state, Turn("inform", "Wir sind ein Kreis"))
    assert updates["municipality_kind"] == "kreis"


def test_a_correction_inside_the_first_goal_answer_is_read_by_the_parser():
    # With no draft yet there is nothing earlier to edit: "an erster Stelle" decides the order.
    text = "Nur die Vereine. Hm, nein, doch noch was: an erster Stelle die Zuschüsse vom Land, dann Vereine."
    updates, _ = step(at("goals"), Turn("inform", text))
    assert updates["goals_draft"][:2] == ["foerdermittel", "zivilgesellschaft"]


def test_a_side_question_with_a_modal_verb_is_answered_and_one_that_points_back_keeps_its_context():
    text = (
        "Wir sind ein Kreis und digitalisieren vor allem interne Abläufe für unsere kreisangehörigen "
        "Gemeinden. Müssen wir solche Prozesse trotzdem mit Bürgerinnen und Bürgern testen?"
    )
    updates, _ = step(at("goals"), Turn("ask_question", text))
    assert updates["goals_draft"] == ["effizienz"]
    # "solche Prozesse" points back: the knowledge base gets the sentence it points at, too.
    assert flow.side_question(text) == text
    assert flow.side_question(
        "Fördermittel. Was zählt zu Daseinsvorsorge? Egal, nehmen Sie die auch mit rein."
    ) == ("Was zählt zu Daseinsvorsorge?")


@pytest.mark.parametrize(
    "text",
    [
        "fim bekanntheit bedächtige %",
        "lunch & learn salach beteiligung prozent",
        "Sehr geehrte Damen und Herren, bitte teilen Sie mir mit, wie viel Prozent der Kommunen ihren "
        "Bürger:innen einen Online-Mängelmelder anbieten.",
    ],
)
def test_keywords_asking_the_sources_for_a_figure_are_no_goal_answer(text):
    updates, messages = step(at("goals"), Turn("ask_question", text))
    assert messages == [] and not updates.get("goals_draft")


def test_goals_weighted_in_percent_stay_an_answer():
    updates, _ = step(at("goals"), Turn("ask_question", "Effizienz 60 Prozent, Bürgernähe 40 Prozent."))
    assert updates["goals_draft"] == ["effizienz", "buergernaehe"]


@pytest.mark.parametrize(
    "draft, text, expected",
    [
        (
            ["daseinsvorsorge"],
            "ach ja, und dass wir mal was Neues wagen, als Pilotkommune. "
            "Das ist sogar wichtiger als der Bus.",
            ["innovation", "daseinsvorsorge"],
        ),
        (
            ["effizienz", "zivilgesellschaft"],
            "Ach, und dass junge Familien zuziehen, das ist unserem Bürgermeister total wichtig – eigentlich "
            "sogar das Wichtigste von allen.",
            ["attraktivitaet", "effizienz", "zivilgesellschaft"],
        ),
        # without such a pointer the added goal follows
        (
            ["daseinsvorsorge"],
            "Und Fördermittel, das ist aber nicht so wichtig.",
            ["daseinsvorsorge", "foerdermittel"],
        ),
    ],
)
def test_a_goal_added_later_goes_where_the_message_points_back(draft, text, expected):
    state = at("goals", goals_draft=draft, goals_asked_more=True)
    updates, _ = step(state, Turn("inform", text))
    assert (updates.get("goals") or updates.get("goals_draft")) == expected


def test_a_later_message_that_adds_a_goal_more_important_than_the_draft_puts_it_first():
    state = at("goals", goals_draft=["leistungsangebot"], goals_asked_more=True)
    updates, _ = step(
        state,
        Turn(
            "inform",
            "Ach, und das mit dem Personal: Uns laufen die Leute weg. Das ist eigentlich noch wichtiger als "
            "die Online-Dienste.",
        ),
    )
    assert updates["goals_draft"] == ["effizienz", "leistungsangebot"]


def test_a_strike_with_a_reorder_at_the_next_question_edits_the_goals_not_the_kind():
    state = at("municipality_kind", goals=["zivilgesellschaft", "foerdermittel", "daseinsvorsorge"])
    updates, _ = step(
        state,
        Turn(
            "inform",
            "Streichen Sie das mit den Vereinen, das macht der Landkreis. Und Glasfaser nach vorne, das ist "
            "das Wichtigste. Die Fördermittel danach.",
        ),
    )
    assert updates["goals"] == ["daseinsvorsorge", "foerdermittel"] and "municipality_kind" not in updates


def test_a_later_message_more_important_than_a_drafted_goal_before_a_colon_goes_first():
    state = at("goals", goals_draft=["wirtschaft"], goals_asked_more=True)
    updates, _ = step(
        state,
        Turn(
            "inform",
            "Ja, und eigentlich noch wichtiger als die Händler: dass wir für junge Familien als Wohnort "
            "interessant werden.",
        ),
    )
    assert updates["goals_draft"] == ["attraktivitaet", "wirtschaft"]


def test_a_second_message_giving_the_own_view_replaces_a_colleagues():
    state = at("goals", goals_draft=["innovation"], goals_asked_more=True)
    updates, _ = step(
        state,
        Turn(
            "inform",
            "Sorry, das eben war die Meinung meines Kollegen aus der IT. Ich selbst sehe das anders: "
            "Mir geht es darum, dass die Einwohner besser informiert werden und mitreden können.",
        ),
    )
    assert (updates.get("goals") or updates.get("goals_draft")) == ["buergernaehe"]


def test_a_later_message_going_on_with_the_list_keeps_the_goal_question_open():
    state = at("goals", goals_draft=["leistungsangebot"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "Und Anträge online stellen."))
    assert updates["goals_draft"] == ["leistungsangebot"] and "goals" not in updates
    state = {**state, **updates}
    updates, _ = step(
        state, Turn("inform", "Und das Personal entlasten – das ist eigentlich das Allerwichtigste.")
    )
    assert updates["goals_draft"] == ["effizienz", "leistungsangebot"]


def test_a_place_struck_at_the_next_question_with_a_reason_edits_the_goals_not_the_kind():
    state = at("municipality_kind", goals=["leistungsangebot", "daseinsvorsorge", "zivilgesellschaft"])
    updates, _ = step(state, Turn("inform", "Punkt 2 streichen, das macht der Landkreis schon."))
    assert (
        updates["goals"] == ["leistungsangebot", "zivilgesellschaft"] and "municipality_kind" not in updates
    )


def test_striking_the_last_goal_read_as_going_back_strikes_it():
    # "Das Letzte kann weg." at the next question was classified as go_back: the goals were emptied and the
    # goal question asked again.
    state = at("municipality_kind", goals=["rechtliche_vorgaben", "foerdermittel", "innovation"])
    updates, messages = step(state, Turn("go_back", "Das Letzte kann weg."))
    assert updates["goals"] == ["rechtliche_vorgaben", "foerdermittel"]
    assert updates["requested_slot"] == "municipality_kind" and "Ziele" in messages[0].text
    # a plain step back stays one
    updates, _ = step(state, Turn("go_back", "Zurück bitte"))
    assert updates["requested_slot"] == "goals"


def test_swapping_the_two_goals_of_the_draft():
    state = at("goals", goals_draft=["effizienz", "buergernaehe"], goals_asked_more=True)
    updates, _ = step(state, Turn("inform", "Tausch die beiden."))
    assert (updates.get("goals") or updates.get("goals_draft")) == ["buergernaehe", "effizienz"]


@pytest.mark.parametrize("intent", ["inform", "nlu_fallback"])
def test_a_no_that_goes_on_to_reweight_the_draft_reorders_it_instead_of_ending_the_list(intent):
    state = at("goals", goals_draft=["wirtschaft", "effizienz"], goals_asked_more=True)
    text = "Nee, ehrlich gesagt eher 70 zu 30 für die Bearbeitung im Rathaus."
    updates, _ = step(state, Turn(intent, text))
    assert "goals" not in updates
    assert updates["goals_draft"] == ["effizienz", "wirtschaft"]
    # a bare "Nein" still ends the list
    updates, _ = step(state, Turn(intent, "Nein."))
    assert updates["goals"] == ["wirtschaft", "effizienz"]


def test_a_goal_replaced_at_a_later_question_with_another_bodys_job_as_reason():
    # "der Kreis" is the reason, no answer to the question about the municipality's kind
    state = at("municipality_kind", goals=["rechtliche_vorgaben", "effizienz", "daseinsvorsorge"])
    text = "statt Glasfaser lieber den Tourismus, Glasfaser macht eh der Kreis"
    updates, messages = step(state, Turn("inform", text))
    assert updates["goals"] == ["rechtliche_vorgaben", "effizienz", "attraktivitaet"]
    assert "Ihre Ziele lauten jetzt" in messages[0].text
    updates, _ = step(state, Turn("inform", "Wir sind ein Kreis"))
    assert updates.get("goals", state["goals"]) == state["goals"]


def test_the_list_started_again_at_a_later_question():
    state = at("municipality_kind", goals=["attraktivitaet", "daseinsvorsorge", "zivilgesellschaft"])
    updates, _ = step(state, Turn("inform", "ne, alles zurück. Nur das OZG, sonst nichts"))
    assert updates["goals"] == ["rechtliche_vorgaben"]


def test_the_funding_struck_as_the_money_at_a_later_question():
    state = at("municipality_kind", goals=["buergernaehe", "foerdermittel", "innovation"])
    updates, _ = step(state, Turn("inform", "das mit dem Geld streichen, das macht die Kämmerei"))
    assert updates["goals"] == ["buergernaehe", "innovation"]


def test_a_goal_added_at_a_later_question_when_fewer_than_three_were_chosen():
    state = at("municipality_kind", goals=["effizienz", "wirtschaft"])
    updates, messages = step(state, Turn("inform", "ach, und Fördermittel noch dazu"))
    assert updates["goals"] == ["effizienz", "wirtschaft", "foerdermittel"]
    assert messages[0].text.startswith("Verstanden, Ihre Ziele lauten jetzt")
    # an answer to the question asked is no addition
    updates, _ = step(state, Turn("inform", "Gemeinde"))
    assert updates["municipality_kind"] == "gemeinde" and "goals" not in updates


def test_und_noch_adds_a_goal_at_a_later_question():
    state = at("municipality_kind", goals=["attraktivitaet", "wirtschaft"])
    updates, _ = step(state, Turn("inform", "und noch: Zuschüsse vom Bund holen"))
    assert updates["goals"] == ["attraktivitaet", "wirtschaft", "foerdermittel"]


def test_a_chosen_goal_put_aside_at_a_later_question_keeps_the_rest():
    state = at("municipality_kind", goals=["zivilgesellschaft", "innovation", "attraktivitaet"])
    updates, _ = step(state, Turn("inform", "Innovation eher nicht, der Rest stimmt"))
    assert updates["goals"] == ["zivilgesellschaft", "attraktivitaet"]
