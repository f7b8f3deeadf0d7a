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
