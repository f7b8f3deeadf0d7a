"""Tests for the result content (dteam/result/content.py): texts must carry the study's figures."""

import pytest

from dteam.result.content import build_result, fmt, learn_suggestions

ANSWERS = {
    "strategy": "in_entwicklung",
    "data_use": ["prozessoptimierung"],
    "participation": [],
    "egov_components": ["dms", "e_payment"],
    "fim_known": "nein",
    "fibre": "skipped",
    "community_support": ["wlan"],
}


def test_a_minor_goal_is_not_called_a_types_hallmark():
    # Fördermittel leads at the Bedächtigen with 0,24 of 3: all types rarely rank it, the Bedächtigen
    # relatively most (Table 1 is read relatively, Kap. 3).
    result = build_result(["rechtliche_vorgaben", "foerdermittel"], ANSWERS, "gemeinde", 4000)
    why = result.section("why").text()
    assert "„Rechtliche Vorgaben“ ist das Kennzeichen der Bedächtigen (Zentrum 2,91" in why
    assert "„Fördermittel“ steht bei allen Typen selten vorn, relativ am häufigsten bei den Bedächtigen" in (
        why
    )
    assert "„Fördermittel“ ist das Kennzeichen" not in why


def test_the_headline_reason_does_not_rest_on_a_minor_top_goal():
    from dteam.result.steps import reason_sentence
    from dteam.study.typology import classify

    goals = ["innovation", "effizienz"]
    sentence = reason_sentence(classify(goals), goals)
    assert "Kennzeichen" not in sentence and "„Innovation“ steht bei keinem Typ im Mittelpunkt" in sentence


def test_german_number_format():
    assert fmt(33.3) == "33,3" and fmt(2.75, 2) == "2,75" and fmt(0.0) == "0,0"


def test_optimierer_result_texts_contain_figures():
    result = build_result(["effizienz", "buergernaehe"], ANSWERS, "kreis", 120000)
    assert result.type_id == "optimierer" and not result.is_mixed
    why = result.section("why").text()
    assert "Ihr wichtigstes Ziel „Effizienz“ ist das Kennzeichen der Optimierer (Zentrum 2,75" in why
    assert "zieht eher zu den Serviceorientierten (Zentrum 2,74" in why
    assert "Optimierer 1,69" in why and "Tabelle 1" in why
    compare = result.section("compare_admin").text()
    assert "Datennutzung zur Prozessoptimierung: Sie ja — Optimierer 33,3 %, alle Befragten 31,2 %" in compare
    assert "FIM bekannt: Sie nein — Optimierer 24,2 %, alle Befragten 29,2 %" in compare
    assert "Sie 2 von 10" in compare and "3,82" in compare
    assert "Tabellen 5, 9, 10, 11" in compare
    context = result.section("context").text()
    assert "Unter den befragten Kreisen gehören 39,4 % zu den Optimierern" in context
    assert "178.571" in context and "120.000" in context
    # Skipped answers are not compared.
    assert "Glasfaser" not in result.section("compare_community").text()


def test_learn_suggestions_point_to_leading_other_type():
    suggestions = learn_suggestions("optimierer", ANSWERS)
    assert 2 <= len(suggestions) <= 3
    assert all(s.leader != "optimierer" for s in suggestions)
    by_option = {s.option: s for s in suggestions}
    # No participation formats -> Community Manager lead in online planning participation (Table 16).
    assert by_option["planungsverfahren"].leader == "community_manager"
    assert by_option["planungsverfahren"].leader_value == 30.8
    assert (
        "30,8 %" in by_option["planungsverfahren"].text
        and "Tabelle 16" in by_option["planungsverfahren"].text
    )
    assert len({s.question_id for s in suggestions}) == len(suggestions)


def test_no_gaps_when_everything_is_done():
    full = {
        "participation": [
            "buergerhaushalt",
            "befragungen",
            "maengelmelder",
            "planungsverfahren",
            "sprechstunden",
            "civic_tech",
        ],
        "strategy": "vorhanden",
        "fim_known": "ja",
    }
    assert learn_suggestions("community_manager", full) == []
    # The section then falls back to the study's own advice for the type (types.yml).
    section = build_result(["daseinsvorsorge"], full).section("learn")
    assert "von den Bedächtigen" in section.text()


def test_mischform_wording():
    result = build_result(["attraktivitaet", "leistungsangebot"])
    assert result.is_mixed
    headline = result.section("headline").text()
    assert "Mischform" in headline and "Serviceorientierte" in headline
    assert "Tendenz" in result.section("why").text()


@pytest.mark.parametrize(
    "goals",
    [
        ["rechtliche_vorgaben"],
        ["effizienz"],
        ["buergernaehe", "effizienz"],
        ["daseinsvorsorge", "wirtschaft", "innovation"],
    ],
)
def test_messages_are_few_and_readable(goals):
    result = build_result(goals, ANSWERS, "gemeinde", 8000)
    messages = result.messages()
    assert 2 <= len(messages) <= 5
    assert all(len(m) < 1500 for m in messages)
    assert any("Quelle: Studie" in m for m in messages)
    assert result.type_name in messages[0]


def test_without_answers_only_type_sections():
    result = build_result(["effizienz"])
    assert result.section("compare_admin") is None and result.section("context") is None
    assert len(result.messages()) >= 2


def test_invalid_goals_raise():
    with pytest.raises(ValueError):
        build_result([])
