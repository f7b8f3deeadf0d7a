"""Tests for the nearest-centroid classifier and its CLI (dteam/study/typology.py)."""

import csv
import io
import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from dteam.study import typology
from dteam.study.data import GOAL_IDS, TYPE_IDS, cluster_centres

REPO = Path(__file__).resolve().parent.parent


def test_table1_centres_loaded_in_goal_order():
    centres = cluster_centres()
    assert set(centres) == set(TYPE_IDS)
    assert centres["bedaechtige"][0] == 2.91  # Rechtliche Vorgaben
    assert centres["optimierer"][2] == 2.75  # Effizienz
    assert centres["serviceorientierte"][4] == 2.74  # Bürgernähe
    assert centres["community_manager"][6] == 2.52  # Daseinsvorsorge


def test_each_centre_vector_is_nearest_to_itself():
    # Feed the centre itself through the distance computation (bypassing rank points).
    centres = cluster_centres()
    for own, vector in centres.items():
        distances = {t: math.dist(vector, c) for t, c in centres.items()}
        assert min(distances, key=distances.get) == own
        assert distances[own] == 0.0


@pytest.mark.parametrize(
    "goals, expected",
    [
        (["rechtliche_vorgaben"], "bedaechtige"),
        (["effizienz"], "optimierer"),
        (["buergernaehe"], "serviceorientierte"),
        (["daseinsvorsorge"], "community_manager"),
        (["rechtliche_vorgaben", "foerdermittel", "effizienz"], "bedaechtige"),
        (["effizienz", "leistungsangebot", "buergernaehe"], "optimierer"),
        (["buergernaehe", "attraktivitaet", "effizienz"], "serviceorientierte"),
        (["daseinsvorsorge", "wirtschaft", "zivilgesellschaft"], "community_manager"),
    ],
)
def test_dominant_goal_decides(goals, expected):
    assert typology.classify(goals).type_id == expected


def test_golden_distances_computed_by_hand():
    # Effizienz first (3 points), Bürgernähe second (2 points), nothing else.
    # Optimierer: (0.35, 0.03, 0.25, 1.08, 1.10, 0.43, 0.32, 0.03, 0.01, 0.05) differences
    result = typology.classify(["effizienz", "buergernaehe"])
    opt = math.sqrt(
        0.35**2
        + 0.03**2
        + (3 - 2.75) ** 2
        + 1.08**2
        + (2 - 0.90) ** 2
        + 0.43**2
        + 0.32**2
        + 0.03**2
        + 0.01**2
        + 0.05**2
    )
    svc = math.sqrt(
        0.35**2
        + 0.06**2
        + (3 - 1.00) ** 2
        + 0.79**2
        + (2 - 2.74) ** 2
        + 0.60**2
        + 0.15**2
        + 0.17**2
        + 0.04**2
        + 0.04**2
    )
    assert result.distances["optimierer"] == pytest.approx(opt)
    assert result.distances["serviceorientierte"] == pytest.approx(svc)
    assert result.type_id == "optimierer"
    assert result.runner_up == "serviceorientierte"
    assert result.points["effizienz"] == 3 and result.points["buergernaehe"] == 2
    assert sum(result.points.values()) == 5
    assert not result.is_mixed


def test_order_matters():
    assert typology.classify(["buergernaehe", "effizienz"]).type_id == "serviceorientierte"
    assert typology.classify(["effizienz", "buergernaehe"]).type_id == "optimierer"


def test_mischform_when_two_centres_almost_equally_near():
    # Attraktivität + Leistungsangebot: Community Manager 3.987 vs Serviceorientierte 3.989.
    result = typology.classify(["attraktivitaet", "leistungsangebot"])
    assert result.is_mixed
    assert {result.type_id, result.runner_up} == {"community_manager", "serviceorientierte"}
    assert result.relative_gap < typology.MIXED_MARGIN
    assert result.weak_fit  # nearest centre is far away as well


def test_mixed_flag_follows_documented_margin_for_all_rankings():
    mixed = 0
    total = 0
    for n in (1, 2, 3):
        for goals in itertools.permutations(GOAL_IDS, n):
            result = typology.classify(goals)
            ordered = sorted(result.distances.values())
            gap = (ordered[1] - ordered[0]) / ordered[1]
            assert result.is_mixed == (gap < typology.MIXED_MARGIN)
            assert result.distances[result.type_id] == ordered[0]
            mixed += result.is_mixed
            total += 1
    assert total == 820
    assert 0 < mixed < total * 0.25  # a minority of rankings, not none


def test_ranking_lists_all_types_nearest_first():
    result = typology.classify(["daseinsvorsorge", "attraktivitaet"])
    ranking = result.ranking()
    assert ranking[0] == result.type_id and ranking[1] == result.runner_up
    assert sorted(ranking) == sorted(TYPE_IDS)
    assert [result.distances[t] for t in ranking] == sorted(result.distances.values())


@pytest.mark.parametrize(
    "goals, fragment",
    [
        ([], "mindestens ein"),
        (["", "  "], "mindestens ein"),
        (["effizienz", "effizienz"], "nur einmal"),
        (["effizienz", "buergernaehe", "innovation", "wirtschaft"], "höchstens 3"),
        (["smart_city"], "Unbekanntes Ziel"),
    ],
)
def test_invalid_goals_raise_german_value_error(goals, fragment):
    with pytest.raises(ValueError, match=fragment):
        typology.classify(goals)


def test_goal_ids_are_normalised():
    assert typology.classify([" Effizienz "]).type_id == "optimierer"


def _run_cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "dteam.study.typology", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_prints_json_contract():
    proc = _run_cli("buergernaehe", "attraktivitaet")
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert set(payload) == {"type", "distances"}
    assert payload["type"] == "serviceorientierte"
    assert set(payload["distances"]) == set(TYPE_IDS)
    expected = typology.classify(["buergernaehe", "attraktivitaet"]).distances
    for t in TYPE_IDS:
        assert payload["distances"][t] == pytest.approx(expected[t], abs=1e-6)


@pytest.mark.parametrize("args", [(), ("effizienz", "effizienz"), ("unbekannt",), ("a", "b", "c", "d")])
def test_cli_bad_args_exit_non_zero(args):
    proc = _run_cli(*args)
    assert proc.returncode != 0
    assert proc.stdout == ""


def test_cli_csv_with_bad_rows_continues(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "kommune,goal_1,goal_2,goal_3\n"
        "A,rechtliche_vorgaben,foerdermittel,\n"
        "B,effizienz,effizienz,\n"
        "C,daseinsvorsorge,,\n"
        "D,blockchain,,\n"
        "E,,,\n"
        "F,buergernaehe,effizienz,innovation\n",
        encoding="utf-8",
    )
    proc = _run_cli("--csv", str(source))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["kommune"] for r in rows] == list("ABCDEF")
    assert [r["type"] for r in rows] == ["bedaechtige", "", "community_manager", "", "", "serviceorientierte"]
    assert "doppelt" in rows[1]["error"]
    assert "Unbekanntes Ziel" in rows[3]["error"]
    assert "mindestens ein" in rows[4]["error"]
    assert rows[0]["error"] == "" and rows[5]["error"] == ""
    expected = typology.classify(["buergernaehe", "effizienz", "innovation"]).distances
    for t in TYPE_IDS:
        assert float(rows[5][f"distance_{t}"]) == pytest.approx(expected[t], abs=1e-6)


def test_cli_csv_from_stdin_and_missing_column():
    proc = _run_cli("--csv", "-", stdin="goal_1,goal_2,goal_3\neffizienz,,\n")
    assert proc.returncode == 0
    assert list(csv.DictReader(io.StringIO(proc.stdout)))[0]["type"] == "optimierer"
    bad = _run_cli("--csv", "-", stdin="ziel\neffizienz\n")
    assert bad.returncode != 0
    assert "goal_1" in bad.stderr


def test_csv_gap_in_ranking_is_an_error():
    out = io.StringIO()
    errors = typology.classify_csv(io.StringIO("goal_1,goal_2,goal_3\n,effizienz,\n"), out)
    assert errors == 1
    assert "Rangfolge" in list(csv.DictReader(io.StringIO(out.getvalue())))[0]["error"]


def test_a_goal_a_type_weights_above_all_others_sets_it_apart():
    assert typology.characteristic_goals("community_manager") == [
        "daseinsvorsorge",
        "effizienz",
        "buergernaehe",
        "wirtschaft",
        "zivilgesellschaft",
    ]
    # innovation: Community Managers 0.08, Bedächtige 0.07 – too small a weight to set anyone apart
    assert not any("innovation" in typology.characteristic_goals(t) for t in typology.TYPE_IDS)


def test_each_types_strongest_goals_classify_as_that_type():
    # A target "wie die Community Manager" (dteam.followup.service) must lead to that type.
    assert typology.type_goals("community_manager") == ["daseinsvorsorge", "effizienz", "buergernaehe"]
    for type_id in typology.TYPE_IDS:
        assert typology.classify(typology.type_goals(type_id)).type_id == type_id
