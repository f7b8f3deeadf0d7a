"""Several wishes in one goal answer: the parts the rules do not understand go to the semantic
matcher, even when other parts named goals (issue 10). Sentences written for this test."""

import pytest

from dteam.interview import flow, goals, semantic_match
from dteam.interview.flow import (
    CONFIRM_VALUE,
    GOAL_SLOT,
    GOALS_DRAFT,
    PENDING_MATCH,
    REJECT_VALUE,
    REQUESTED_SLOT,
    Turn,
)


def open_parts(text):
    return [p.text for p in goals.answer_parts(text) if p.open]


def test_a_goal_free_wish_part_is_open():
    text = "Effizienz vor allem, und dass unsere Enkel hier noch eine Wohnung finden"
    assert open_parts(text) == ["dass unsere Enkel hier noch eine Wohnung finden"]
    parts = goals.answer_parts(text)
    assert parts[0].goals == ("effizienz",)


def test_technology_that_helps_someone_named_is_still_a_wish():
    assert open_parts("Die Technik soll den Bürgern helfen") == ["Die Technik soll den Bürgern helfen"]


def test_neighbouring_goal_free_parts_of_one_sentence_are_joined():
    text = "Dass man die Hundesteuer zahlen kann, ohne anzurufen, und dann Wirtschaft"
    assert open_parts(text) == ["Dass man die Hundesteuer zahlen kann, ohne anzurufen"]


@pytest.mark.parametrize(
    "text",
    [
        "Effizienz, das finden bei uns die meisten.",  # no wish
        "Bürgernähe. Unser Rathaus steht direkt am Marktplatz.",  # context
        "Innovation, Tourismus wollen wir nicht",  # dismissal
        "Fördermittel, alles andere ist nicht so wichtig",
        "Wirtschaft, das soll zuerst kommen",  # ranks the goal before it
        "Tourismus, ich meine, dass die Leute hier gern leben",  # self-correction: left to the rules
        "Wir haben zu wenig Personal, da muss die Technik helfen",  # the means, no goal of its own
        "Die Vereine im Ort sterben aus, da müssen wir was tun.",  # that something must happen, not what
        # what the goal before it is and needs: "die" are the clubs
        "Unsere Vereine, dat is dat Herz vom Dorf, die brauchen Hilfe, och digital.",
        "Die Ehrenamtlichen machen das in ihrer Freizeit, die wollen wir halten.",
        # a lead-in to the list after it, and what serves the goal before
        "Der Kreistagsbeschluss von 2023 nennt als Ziele: die Schulen mit WLAN ausstatten.",
        "Ein Ort, an den junge Familien gern ziehen. Die Digitalisierung soll genau dazu beitragen.",
        "Halb Pflichten, halb Online-Anträge. Wenn ich mich entscheiden muss, kommt das Gesetz zuerst.",
        # "Beide" are the goals named before
        "Uns sind die Vereine wichtiger als die Betriebe. Beide sollen digital unterstützt werden.",
    ],
)
def test_filler_context_dismissal_and_ranking_parts_are_not_open(text):
    assert open_parts(text) == []


def test_a_wish_in_unknown_words_is_not_dismissed_by_its_negation():
    # "nicht … stehen bleiben" / "keinen Ärger" state the wish; the rules' goal stays.
    assert goals.extract_goals("Das OZG umsetzen, und wir wollen nicht stehen bleiben") == [
        "rechtliche_vorgaben"
    ]
    assert goals.extract_goals("Dass wir keinen Ärger mit der Kommunalaufsicht kriegen") == [
        "rechtliche_vorgaben"
    ]


def sure(value, text):
    return semantic_match.Match(value, 0.95, 0.1, True, text)


def unsure(value, text):
    return semantic_match.Match(value, 0.87, 0.005, False, text)


@pytest.fixture
def parts(monkeypatch):
    results = {}
    monkeypatch.setattr(semantic_match, "match_goal_part", lambda text: results.get(text))
    monkeypatch.setattr(semantic_match, "match_goals", lambda text: [])
    return results


def goal_state(**state):
    return {REQUESTED_SLOT: GOAL_SLOT, **state}


def test_sure_wish_joins_the_rule_goals_in_order_of_mention(parts):
    wish = "Dass die Leute hier nicht mehr zwei Wochen auf einen Termin warten"
    parts[wish] = sure("effizienz", wish)
    updates, _ = flow.step(goal_state(), Turn("inform", wish + ", und dann Bürgernähe"))
    assert updates[GOALS_DRAFT] == ["effizienz", "buergernaehe"]
    wish = "dass die Grundschule im Ort bleibt"
    parts[wish] = sure("daseinsvorsorge", wish)
    updates, _ = flow.step(goal_state(), Turn("inform", "Effizienz und Bürgernähe, und " + wish))
    assert updates[GOAL_SLOT] == ["effizienz", "buergernaehe", "daseinsvorsorge"]


def test_a_stated_order_of_the_rules_is_kept_and_the_wish_follows(parts):
    wish = "dass die Grundschule im Ort bleibt"
    parts[wish] = sure("daseinsvorsorge", wish)
    updates, _ = flow.step(goal_state(), Turn("inform", "Effizienz, Bürgernähe am wichtigsten, und " + wish))
    assert updates[GOAL_SLOT] == ["buergernaehe", "effizienz", "daseinsvorsorge"]


def test_unsure_wish_is_asked_once_with_its_place(parts):
    wish = "dass die Knirpse vormittags einen Platz haben"
    parts[wish] = unsure("daseinsvorsorge", wish)
    state = goal_state()
    updates, _ = flow.step(state, Turn("inform", wish + ", und Fördermittel"))
    assert updates[GOALS_DRAFT] == ["foerdermittel"]
    assert updates[PENDING_MATCH]["values"] == ["daseinsvorsorge"]
    assert updates[REQUESTED_SLOT] == GOAL_SLOT
    state = {**state, **updates}
    question = flow.ask(state, GOAL_SLOT).text
    assert "Knirpse" in question and "Daseinsvorsorge" in question
    yes, _ = flow.step(state, Turn("inform", "/inform", CONFIRM_VALUE))
    assert yes[GOALS_DRAFT] == ["daseinsvorsorge", "foerdermittel"]
    assert yes[PENDING_MATCH] is None
    no, messages = flow.step(state, Turn("inform", "/inform", REJECT_VALUE))
    assert no[PENDING_MATCH] is None
    after = {**state, **no}
    # The other goal stands: the interview goes on to "noch ein Ziel?" instead of asking anew.
    assert after[GOALS_DRAFT] == ["foerdermittel"] and after[flow.GOALS_ASKED_MORE]
    assert messages[0].text == "Gut, das lasse ich weg."
    done, _ = flow.step(after, Turn("inform", "/inform", flow.FINISH_VALUE))
    assert done[GOAL_SLOT] == ["foerdermittel"]


def test_no_match_leaves_the_rule_goals_alone(parts):
    updates, _ = flow.step(goal_state(), Turn("inform", "Effizienz, und dass es irgendwie besser wird"))
    assert updates[GOALS_DRAFT] == ["effizienz"]
    assert not updates.get(PENDING_MATCH)


def test_three_goals_the_rules_read_are_not_pushed_out_by_a_wish_read_by_meaning(parts):
    wish = "die online buchbar sein müssen"
    parts[wish] = sure("leistungsangebot", wish)
    text = (
        "Vor allem Tourismus. Dann die Wirte, "
        + wish
        + ", und als Drittes mehr Transparenz für die Einwohner."
    )
    assert goals.extract_goals(text) == ["attraktivitaet", "wirtschaft", "buergernaehe"]
    updates, _ = flow.step(goal_state(), Turn("inform", text))
    assert updates[GOAL_SLOT] == ["attraktivitaet", "wirtschaft", "buergernaehe"]


def test_a_wish_read_by_meaning_takes_the_first_place_the_rules_leave_free(parts):
    wish = "Wichtiger ist eigentlich, dass die Leute uns erreichen und sehen können, was im Rathaus passiert"
    parts[wish] = sure("buergernaehe", wish)
    text = (
        "Zuerst dachte ich an die gesetzlichen Pflichten. "
        + wish
        + ". Die Pflichten kommen an zweiter Stelle."
    )
    updates, _ = flow.step(goal_state(), Turn("inform", text))
    assert updates[GOALS_DRAFT] == ["buergernaehe", "rechtliche_vorgaben"]


def test_a_goal_with_a_question_whether_it_can_be_done_answers_both():
    # "…? Schaffen wir das?" mid-interview: the goal was noted, the question lost
    text = "Wir wollen bis nächstes Jahr alle Anträge online anbieten. Schaffen wir das?"
    assert flow.side_question(text) == text
    assert goals.goals_beside_question(text) == ["leistungsangebot"]


def test_a_wish_said_to_matter_more_goes_before_the_goals_named_before_it(parts):
    wish = "wichtiger ist uns, dass die Leute sich im Rathaus willkommen fühlen"
    parts[wish] = sure("buergernaehe", wish)
    updates, _ = flow.step(
        goal_state(), Turn("inform", "Fördergeld abholen ist natürlich wichtig, aber " + wish)
    )
    assert updates[GOALS_DRAFT] == ["buergernaehe", "foerdermittel"]
    # "genauso wichtig" ranks nothing: the order of mention stands
    wish = "genauso wichtig ist uns, dass die Leute sich im Rathaus willkommen fühlen"
    parts[wish] = sure("buergernaehe", wish)
    updates, _ = flow.step(
        goal_state(), Turn("inform", "Fördergeld abholen ist natürlich wichtig, aber " + wish)
    )
    assert updates[GOALS_DRAFT] == ["foerdermittel", "buergernaehe"]


def test_goals_of_one_part_keep_the_rules_order_beside_a_wish(parts):
    # "Uns sind die Vereine wichtiger als die Betriebe": both in one part – not sorted by name
    wish = "dass die Leute hier nicht mehr zwei Wochen auf einen Termin warten"
    parts[wish] = sure("effizienz", wish)
    text = "Uns sind die Vereine wichtiger als die Betriebe, und " + wish
    updates, _ = flow.step(goal_state(), Turn("inform", text))
    assert updates[GOAL_SLOT] == ["zivilgesellschaft", "wirtschaft", "effizienz"]
