"""Return/team codes, then → now comparison, target type and team aggregation (pure domain)."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest

from dteam.followup import codes
from dteam.followup.compare import compare, comparison_text
from dteam.followup.measurement import Measurement
from dteam.followup.target import goal_leaders, target_result, target_text
from dteam.followup.team import MIN_TEAM_MEMBERS, team_result, team_text
from dteam.study.typology import classify, nearest_centre

RETURN_FORMAT = re.compile(r"^DT-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")
TEAM_FORMAT = re.compile(r"^TEAM-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")


# --- codes -----------------------------------------------------------------------------------


def test_codes_have_the_contract_format_and_at_least_50_random_bits() -> None:
    assert codes.RANDOM_BITS >= 50
    assert len(codes.CROCKFORD_ALPHABET) == 32
    made = {codes.new_return_code() for _ in range(2000)}
    assert len(made) == 2000
    assert all(RETURN_FORMAT.match(c) for c in made)
    assert all(TEAM_FORMAT.match(codes.new_team_code()) for _ in range(200))
    # every alphabet character turns up: the draw is not restricted to a subset
    assert set("".join(made).replace("DT-", "").replace("-", "")) == set(codes.CROCKFORD_ALPHABET)


@pytest.mark.parametrize(
    "text",
    [
        "DT-7K3QF-M2X9A",
        "dt-7k3qf-m2x9a",
        "Mein Rückkehrcode ist DT-7K3QF-M2X9A, bitte suchen.",
        "dt 7k3qf m2x9a",
        "DT7K3QFM2X9A",
        "DT–7K3QF–M2X9A",
    ],
)
def test_return_code_found_alone_in_a_sentence_and_in_other_spellings(text: str) -> None:
    assert codes.find_code(text) == codes.Code(codes.RETURN_KIND, "DT-7K3QF-M2X9A")


def test_crockford_confusables_are_read_as_digits() -> None:
    assert codes.find_code("DT-OOIIL-10LOK").value == "DT-00111-1010K"
    assert codes.parse_code("team-abcde-fghij") == "TEAM-ABCDE-FGH1J"


def test_team_code_is_told_apart_from_return_code() -> None:
    found = codes.find_codes("Team TEAM-ABCDE-12345 und Code DT-ZZZZZ-00000")
    assert [c.kind for c in found] == [codes.TEAM_KIND, codes.RETURN_KIND]
    assert codes.find_code("TEAM-ABCDE-12345", codes.RETURN_KIND) is None


@pytest.mark.parametrize(
    "text",
    ["", None, "DT-1234", "DT-UUUUU-00000", "ADT-12345-12345", "DT-12345-123456", "Stadt 12345 12345", 42],
)
def test_non_codes_are_not_taken_for_codes(text: object) -> None:
    assert codes.find_codes(text) == []


def test_malformed_codes_are_still_noticed_for_a_helpful_reply() -> None:
    assert codes.looks_like_code("Mein Code ist DT-1234")
    assert codes.looks_like_code("TEAM-ABC")
    assert not codes.looks_like_code("Wie geht es weiter?")


def test_without_codes_leaves_the_rest_of_the_message() -> None:
    assert codes.without_codes("Meine Daten löschen DT-7K3QF-M2X9A") == "Meine Daten löschen"
    assert codes.without_codes("team 9k8j7 h6g5f") == ""
    assert codes.without_codes(None) == ""


def test_parse_code_accepts_exactly_one_code() -> None:
    assert codes.parse_code(" DT-7K3QF-M2X9A ") == "DT-7K3QF-M2X9A"
    assert codes.parse_code("DT-7K3QF-M2X9A.pdf") is None
    assert codes.parse_code("x DT-7K3QF-M2X9A") is None
    assert codes.parse_code("DT-7K3QF-M2X9A", codes.TEAM_KIND) is None
    assert codes.parse_code("../../etc/passwd") is None


# --- measurement ----------------------------------------------------------------------------


def test_measurement_keeps_only_structured_answers_and_round_trips() -> None:
    answers = {
        "municipality_kind": "stadt",
        "inhabitants": 45_000,
        "strategy": "in_entwicklung",
        "egov_components": ["dms", "erfundenes_ding", "e_payment"],
        "training": "skipped",
        "participation": "irgendein Freitext",
    }
    m = Measurement.from_interview(["effizienz", "buergernaehe"], answers, dt.date(2026, 3, 1))
    assert m.type_id == classify(["effizienz", "buergernaehe"]).type_id
    assert m.answers == {
        "strategy": "in_entwicklung",
        "egov_components": ["dms", "e_payment"],
        "training": "skipped",
    }
    assert m.size_band == "10000_bis_49999" and m.municipality_kind == "stadt"
    assert Measurement.from_json(m.to_json()) == m
    assert "45000" not in str(m.to_json()) and "Freitext" not in str(m.to_json())


def test_broken_snapshot_is_rejected() -> None:
    with pytest.raises(ValueError):
        Measurement.from_json({"type": "kaiser", "goals": ["effizienz"], "completed_on": "2026-01-01"})
    with pytest.raises(ValueError):
        Measurement.from_json({"type": "optimierer", "goals": [], "completed_on": "2026-01-01"})


# --- then -> now -----------------------------------------------------------------------------


def _m(goals, answers=None, day=dt.date(2026, 1, 15)) -> Measurement:
    return Measurement.from_interview(goals, answers or {}, day)


def test_comparison_names_type_change_moved_goals_and_changed_practices() -> None:
    then = _m(
        ["effizienz", "leistungsangebot", "foerdermittel"],
        {"strategy": "in_entwicklung", "egov_components": ["dms"], "fim_known": "ja", "fibre": "skipped"},
    )
    now = _m(
        ["buergernaehe", "effizienz", "attraktivitaet"],
        {
            "strategy": "vorhanden",
            "egov_components": ["dms", "e_payment"],
            "fim_known": "ja",
            "fibre": ["eigenregie"],
        },
        dt.date(2027, 1, 20),
    )
    result = compare(then, now)
    assert result.type_changed
    moves = {m.goal: (m.before, m.after) for m in result.goal_moves}
    assert moves == {
        "buergernaehe": (None, 1),
        "effizienz": (1, 2),
        "attraktivitaet": (None, 3),
        "leistungsangebot": (2, None),
        "foerdermittel": (3, None),
    }
    changed = {c.question_id: c for c in result.practice_changes}
    assert set(changed) == {"strategy", "egov_components"}  # fibre was skipped then: no change claimed
    assert changed["egov_components"].added == ("e_payment",) and changed["egov_components"].removed == ()
    assert result.unchanged_practices == 1  # fim_known
    text = comparison_text(result, "DT-AAAAA-BBBBB")
    assert "15.01.2026" in text and "DT-AAAAA-BBBBB" in text
    assert "Optimierer" in text and "Serviceorientierte" in text
    assert "Bürgernähe ist neu dabei (Platz 1)" in text
    assert "Effizienz ist von Platz 1 auf Platz 2 abgerutscht" in text
    assert "E-Payment" in text


def test_comparison_of_identical_measurements_says_nothing_changed() -> None:
    answers = {"strategy": "keine", "data_use": ["open_data"]}
    result = compare(_m(["effizienz"], answers), _m(["effizienz"], answers))
    assert not result.type_changed and not result.goal_moves and not result.practice_changes
    text = comparison_text(result)
    assert "dieselben drei" in text and "unverändert" in text


# --- target ------------------------------------------------------------------------------------


def test_target_type_is_the_classification_of_the_target_goals() -> None:
    result = target_result(["buergernaehe", "attraktivitaet"], current_type="optimierer")
    assert result.type_id == classify(["buergernaehe", "attraktivitaet"]).type_id == "serviceorientierte"
    assert result.changes_type
    assert result.strong_types[0] == "serviceorientierte"
    assert result.lessons and all(lesson.type_id != "optimierer" for lesson in result.lessons)
    text = target_text(result)
    assert "Optimierer" in text and "Serviceorientierte" in text and "Quelle:" in text


def test_goal_leaders_follow_table_1() -> None:
    # Table 1: Effizienz is highest for the Optimierer, Zivilgesellschaft for the Community Manager
    assert goal_leaders(["effizienz", "zivilgesellschaft"]) == ["optimierer", "community_manager"]


def test_target_same_as_today_still_gives_lessons() -> None:
    result = target_result(["effizienz", "leistungsangebot"], current_type="optimierer")
    assert not result.changes_type
    assert result.lessons
    assert "nicht wechseln" in target_text(result)


def test_invalid_target_goals_raise_a_german_error() -> None:
    with pytest.raises(ValueError, match="Digitalisierungsziel"):
        target_result([])


# --- team ----------------------------------------------------------------------------------------


def test_team_result_needs_three_finished_members() -> None:
    members = [_m(["effizienz"]), _m(["buergernaehe"])]
    assert MIN_TEAM_MEMBERS == 3
    assert team_result(members) is None
    assert team_result(members + [_m(["daseinsvorsorge"])]) is not None


def test_team_type_is_the_nearest_centre_of_the_mean_rank_points() -> None:
    members = [
        _m(["effizienz", "leistungsangebot", "buergernaehe"]),
        _m(["effizienz", "buergernaehe", "innovation"]),
        _m(["rechtliche_vorgaben", "effizienz", "foerdermittel"]),
    ]
    result = team_result(members)
    assert result.members == 3
    assert math.isclose(result.mean_points["effizienz"], (3 + 3 + 2) / 3)
    assert math.isclose(result.mean_points["rechtliche_vorgaben"], 1.0)
    assert (result.type_id, result.distances) == nearest_centre(result.mean_points)
    assert sum(result.type_counts.values()) == 3
    assert result.agreement[0].goal == "effizienz"  # everybody ranks it first or second
    assert result.disagreement[0].goal not in {s.goal for s in result.agreement}
    assert result.lessons
    text = team_text(result)
    assert "3 Mitglieder" in text and result.type_name in text and "Effizienz" in text
    assert "3 Mitglieder (von 5 im Team)" in team_text(result, joined=5)


def test_team_lessons_come_from_types_missing_in_the_team() -> None:
    members = [_m(["effizienz", "leistungsangebot"])] * 3
    result = team_result(members)
    assert result.type_counts["optimierer"] == 3
    assert {lesson.type_id for lesson in result.lessons} <= {
        "bedaechtige",
        "serviceorientierte",
        "community_manager",
    }


def test_words_that_fill_a_codes_groups_are_no_code():
    # "im Team vorstellen" had been read as TEAM-V0RST-E11EN and sent to the team mode
    from dteam.followup.codes import find_codes

    assert (
        find_codes("Ich soll die Axians-Reihe im Team vorstellen – auf wie viele Kernaussagen komme ich?")
        == []
    )
    assert find_codes("Wir wollen das im Team besprechen") == []
    # typed codes still count, with dashes or with digits
    assert [c.value for c in find_codes("TEAM-ABCDE-FGHJK")] == ["TEAM-ABCDE-FGHJK"]
    assert [c.value for c in find_codes("dt 7k3qf m2x9a")] == ["DT-7K3QF-M2X9A"]


def test_a_return_code_of_letters_only_typed_with_blanks_is_found_when_it_is_the_whole_message() -> None:
    # About one code in 40 has no digit; typed back with blanks it was not recognised (a flaky store test).
    assert codes.find_code("dt kmnpq rstvw") == codes.Code(codes.RETURN_KIND, "DT-KMNPQ-RSTVW")
    assert codes.parse_code(" DT KMNPQ RSTVW ") == "DT-KMNPQ-RSTVW"
    # … but letters after "Team" or inside a sentence stay words
    assert codes.find_code("Team teilt alles") is None
    assert codes.find_code("Ich will das im Team besprechen") is None
