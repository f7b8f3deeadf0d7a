"""The benchmark cases stay split: dev and held-out in their own folders, each case in its own split."""

from __future__ import annotations

import pytest
import yaml

from bench import cases

SETS = {"goal_answers.yml": "answers", "kb_questions.yml": "questions", "practice_answers.yml": "answers"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_set_has_dev_and_heldout_cases_in_their_own_folder(name):
    dev = cases.load(name, SETS[name], ("dev",))
    heldout = cases.load(name, SETS[name], ("heldout",))
    assert dev and heldout
    assert {c["split"] for c in dev} == {"dev"}
    assert {c["split"] for c in heldout} == {"heldout"}
    later_splits = cases.SPLITS[2:]  # the held-out sets written later (goals and knowledge only)
    later = [cases.load(name, SETS[name], (split,)) for split in later_splits]
    for split, held in zip(later_splits, later, strict=True):
        assert {c["split"] for c in held} <= {split}
    assert len(cases.load(name, SETS[name])) == len(dev) + len(heldout) + sum(map(len, later))


def test_a_case_in_the_wrong_folder_is_refused(tmp_path, monkeypatch):
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "x.yml").write_text(
        yaml.safe_dump({"answers": [{"text": "Effizienz", "split": "heldout"}]}), encoding="utf-8"
    )
    monkeypatch.setattr(cases, "DATA", tmp_path)
    with pytest.raises(ValueError, match="heldout"):
        cases.load("x.yml", "answers")


def test_a_numbered_dev_set_is_read_from_its_header_to_the_next(tmp_path, monkeypatch):
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "x.yml").write_text(
        "answers:\n"
        "- text: 'vorher'\n  split: dev\n"
        "# ---------------- set 7 (written blind; first contact 1/2) ----\n"
        "- text: 'eins'\n  split: dev\n"
        "# a comment inside the set\n"
        "- turns: ['zwei', 'drei']\n  split: dev\n"
        "# ---------------- set 8 (the next one) ----\n"
        "- text: 'danach'\n  split: dev\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(cases, "DATA", tmp_path)
    chosen = cases.dev_set("x.yml", "answers", 7)
    assert [c.get("text") or c["turns"] for c in chosen] == ["eins", ["zwei", "drei"]]
    assert [c["text"] for c in cases.dev_set("x.yml", "answers", 8)] == ["danach"]
    with pytest.raises(ValueError, match="no set 9"):
        cases.dev_set("x.yml", "answers", 9)


def test_the_newest_dev_sets_are_found_in_the_real_files():
    assert len(cases.dev_set("goal_answers.yml", "answers", 65)) == 60
    assert len(cases.dev_set("kb_questions.yml", "questions", 66)) == 50


@pytest.mark.parametrize(
    ("expected", "got", "kind"),
    [
        (["effizienz", "innovation"], ["effizienz", "innovation"], None),
        (["effizienz", "innovation"], ["innovation", "effizienz"], "same goals, other order"),
        (["effizienz"], ["effizienz", "wirtschaft"], "a goal too many"),
        ([], ["wirtschaft"], "a goal too many"),
        (["effizienz", "innovation"], ["innovation"], "a goal too few"),
        (["effizienz"], [], "none read"),
        (["effizienz", "innovation"], ["effizienz", "wirtschaft"], "a wrong goal"),
    ],
)
def test_a_missed_goal_ranking_is_told_by_its_kind(expected, got, kind):
    from bench.bench_understanding import goal_miss_kind

    assert goal_miss_kind(expected, got) == kind
