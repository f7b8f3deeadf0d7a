"""The result turns of dteam/result/service.py without Rasa: what is shown, which slots follow,
what is stored (anonymous row with skipped answers as unknown, return code), and which part a
request gets."""

from __future__ import annotations

import pytest

from dteam.followup import messages as followup_messages
from dteam.result import chart, service, steps
from dteam.storage import database, results
from dteam.storage.codes import CodeStore
from dteam.study import typology

GOALS = ["effizienz", "buergernaehe", "foerdermittel"]
ANSWERS = {"municipality_kind": "stadt", "inhabitants": 45000, "strategy": "in_entwicklung"}


@pytest.fixture(autouse=True)
def results_db(tmp_path, monkeypatch):
    monkeypatch.setenv("RESULTS_DB_URL", f"sqlite:///{tmp_path / 'results.db'}")
    monkeypatch.setenv("RESULTS_HASH_SECRET", "result-service-test")
    database.forget_engines()
    yield
    database.forget_engines()


def state(goals=GOALS, **slots) -> dict:
    return {"goals": goals, **ANSWERS, **slots}


def texts(reply) -> list[str]:
    return [m.text for m in reply.messages if m.text]


def run_background(reply) -> None:
    for task in reply.background:
        task()


# --- presenting a step -----------------------------------------------------------------------------


def test_a_step_puts_the_chart_after_the_first_text_and_the_choices_under_the_last():
    step = steps.first_step(GOALS)
    first, second, *rest = service.step_messages(step)
    assert first.text == step.texts[0] and first.image.startswith("data:image/png;base64,")
    assert second.text.startswith(step.chart_text + "\n\n")
    assert all(not m.buttons for m in [first, second, *rest][:-1])
    last = [first, second, *rest][-1]
    assert [b["payload"] for b in last.buttons][:2] == [
        '/result_part{"result_part":"why"}',
        '/result_part{"result_part":"compare"}',
    ]
    assert service.choice_button(steps.PART_ASK, "Frage stellen")["payload"] == "/show_examples"


def test_without_a_chart_the_result_still_comes_with_the_chart_in_words(monkeypatch):
    def broken(goals):
        raise OSError("no fonts")

    monkeypatch.setattr(chart, "result_chart_data_url", broken)
    step = steps.first_step(GOALS)
    shown = service.step_messages(step)
    assert all(m.image is None for m in shown)
    assert [m.text for m in shown] == step.texts


# --- the result ------------------------------------------------------------------------------------


def test_the_result_sets_type_and_code_and_stores_the_anonymous_row_in_the_background():
    reply = service.show_result("conv-a", state())
    expected = typology.classify(GOALS)
    assert reply.slots["goals"] == GOALS and reply.slots["municipality_type"] == expected.type_id
    code = reply.slots["return_code"]
    assert CodeStore().load(code) is not None
    assert f"**{code}**" in reply.messages[-1].text  # the code comes last, after the result
    assert expected.type_name in reply.messages[0].text
    store = results.ResultsStore()
    assert store.results_for_conversation("conv-a") == []  # not written on the reply's path
    run_background(reply)
    (row,) = store.results_for_conversation("conv-a")
    assert row["municipality_type"] == expected.type_id and row["municipality_kind"] == "stadt"
    assert row["size_band"] is not None and row["practices"] == {"strategy": "in_entwicklung"}


def test_skipped_kind_and_size_are_stored_as_unknown():
    skipped = state(municipality_kind="skipped", inhabitants="skipped", strategy="skipped")
    run_background(service.show_result("conv-b", skipped))
    (row,) = results.ResultsStore().results_for_conversation("conv-b")
    assert row["municipality_kind"] is None and row["size_band"] is None
    assert row["practices"] == {"strategy": "skipped"}


def test_an_unreachable_results_store_costs_nothing(monkeypatch):
    monkeypatch.setenv("RESULTS_DB_URL", "postgresql://postgres@127.0.0.1:9/nothing")
    reply = service.show_result("conv-c", state())
    assert reply.slots["municipality_type"] and "return_code" not in reply.slots
    run_background(reply)  # logs only


def test_without_goals_the_self_test_is_offered():
    for reply in (
        service.show_result("c", state(goals=None)),
        service.correct_goals("c", state(goals=[]), "x"),
    ):
        assert texts(reply) == [service.NO_RESULT_YET] and reply.slots == {} and reply.background == []
        assert reply.messages[0].buttons == [service.BUTTON_START]


def test_a_correction_reclassifies_and_a_payload_or_no_change_does_not():
    reply = service.correct_goals("c", state(), "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz")
    assert reply.messages[0].text.startswith("Verstanden, ich werte mit diesen Zielen neu aus: 1. Bürgernähe")
    assert reply.slots["goals"][:2] == ["buergernaehe", "effizienz"]
    assert reply.slots["municipality_type"] == "serviceorientierte"
    for unchanged in ('/correct_goals{"goals":["innovation"]}', "Korrektur: ach, doch nichts"):
        refused = service.correct_goals("c", state(), unchanged)
        assert texts(refused) == [service.NO_CORRECTION_FOUND] and refused.slots == {}


def test_a_correction_after_the_result_keeps_the_return_code_and_stores_the_corrected_goals():
    code = service.show_result("conv-k", state()).slots["return_code"]
    corrected = service.correct_goals(
        "conv-k", state(return_code=code), "Korrektur: am wichtigsten ist Bürgernähe, dann Effizienz"
    )
    assert corrected.slots["return_code"] == code and code in "\n".join(texts(corrected))
    assert CodeStore().load(code).measurement.goals[0] == "buergernaehe"


def test_the_result_keeps_team_and_earlier_code_in_the_follow_up():
    earlier = service.show_result("conv-d", state()).slots["return_code"]
    again = service.show_result("conv-d", state(previous_code=earlier, team_code="TEAM-AAAAA-BBBBB"))
    joined = "\n".join(texts(again))
    assert "**Damals → heute**" in joined and earlier in joined
    assert followup_messages.result_counts_for_team("TEAM-AAAAA-BBBBB") in joined


# --- parts of the result ---------------------------------------------------------------------------


def test_during_the_interview_the_result_waits():
    reply = service.result_part(state(), "own_result_why", "Warum?", active_loop="interview_form")
    assert texts(reply) == [service.TEXT_RESULT_AT_END]


def test_asked_whether_the_result_is_good_or_bad_no_type_is_better():
    # "Ist das gut oder schlecht?" right after the result got an apology for a wrong answer.
    judged = texts(service.result_part(state(), "own_result_meaning", "Ist das gut oder schlecht?"))
    assert judged[0].startswith(steps.NO_BETTER_TYPE)
    assert "typischen Stärken" in judged[0]
    plain = texts(service.result_part(state(), "own_result_meaning", "Was bedeutet das für uns?"))
    assert steps.NO_BETTER_TYPE not in plain[0] and "typischen Stärken" in plain[0]


def test_asked_about_becoming_another_type_no_type_is_better_and_its_strength_is_named():
    reply = texts(
        service.result_part(state(), "own_result_meaning", "Sollten wir lieber Community Manager werden?")
    )
    assert reply[0].startswith(steps.NO_BETTER_TYPE)
    assert "Sie müssen nicht Community Manager werden, um von den Community Managern zu lernen" in reply[0]


def test_why_with_a_claimed_goal_names_it_but_not_a_goal_read_from_a_type_name():
    goals = ["leistungsangebot", "effizienz"]
    claimed = texts(
        service.result_part(
            state(goals), "own_result_why", "Hm, warum denn Optimierer? Wir sind doch eher bürgerorientiert"
        )
    )
    assert "„Bürgernähe“ haben Sie nicht unter Ihren wichtigsten Zielen genannt" in claimed[0]
    # "Optimierer" reads as Effizienz to the goal parser; a type's name claims no goal.
    plain = texts(service.result_part(state(["leistungsangebot"]), "own_result_why", "Warum Optimierer?"))
    assert "nicht unter Ihren wichtigsten Zielen" not in plain[0]


def test_what_the_other_types_do_better_is_the_part_on_learning_from_them():
    better = texts(service.result_part(state(), "result_part", "Und was machen die anderen Typen besser?"))
    assert better == texts(service.result_part(state(), "result_part", "", named_part="learn"))


def test_a_named_part_wins_over_the_intent_and_the_text():
    named = service.result_part(state(), "own_result_why", "Alles auf einmal", named_part="learn")
    assert texts(named) == texts(service.result_part(state(), "result_part", "", named_part="learn"))
    assert texts(named) != texts(service.result_part(state(), "own_result_why", "Warum?"))
    unknown = service.result_part(state(), "own_result_why", "Warum sind wir so?", named_part="nonsense")
    assert texts(unknown) == texts(service.result_part(state(), "own_result_why", "Warum sind wir so?"))


def test_a_payload_text_is_no_request_and_what_if_compares():
    overview = service.result_part(state(), "result_part", "/result_part")
    assert overview.messages[0].image  # no part named: the overview with its chart again
    what_if = service.result_part(
        state(), "own_result_what_if", "Und wenn Bürgernähe wichtiger wäre als Effizienz?"
    )
    assert "**Serviceorientierte**" in what_if.messages[0].text
    assert texts(service.result_part(state(goals=None), "own_result_what_if", "Und wenn?")) == [
        steps.NO_RESULT
    ]
