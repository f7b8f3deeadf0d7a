"""The benchmark cases of bench/data/: dev and held-out kept in separate folders.

bench/data/dev/<name>      may be looked at while tuning
bench/data/heldout/<name>  only read by the benchmarks; never opened or used for tuning
bench/data/heldout2/<name> a second held-out set (goals, knowledge), written later by someone who saw
                           neither the rules nor the other sets; read by the benchmarks only
bench/data/heldout3/<name> a third one (goals, knowledge), written on 2026-12-02 the same way; read by the
                           benchmarks only
bench/data/heldout4/<name> a fourth one (goals, knowledge), written on 2026-12-02 the same way while that
                           day's later tuning went on (after its first fixes); read by the benchmarks only
bench/data/heldout5/<name> a fifth one (goals, knowledge), written at the start of the next session, before
                           its tuning, the same way; read by the benchmarks only
bench/data/heldout6/<name> a sixth one (goals, knowledge), written at the start of the session after that,
                           before its tuning, the same way; read by the benchmarks only
bench/data/heldout7/<name> a seventh one (goals, knowledge), written on 2026-12-05 at the start of a session,
                           before its tuning, the same way; read by the benchmarks only
bench/data/heldout8/<name> an eighth one (goals, knowledge), written on 2026-12-05 at the end of the next
                           session, after its tuning and before its final measurement; read by the
                           benchmarks only
Each case keeps its `split` field as well, so a case moved by mistake is caught (see load()).
"""

from __future__ import annotations

import re
from pathlib import Path

from dteam.yaml_files import SAFE_LOADER, read_yaml

DATA = Path(__file__).resolve().parent / "data"
SPLITS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
)


def load(name: str, key: str, splits: tuple[str, ...] | set[str] = SPLITS) -> list[dict]:
    """The cases of `name` (e.g. "kb_questions.yml") under `key` from the given splits, dev first."""
    cases: list[dict] = []
    for split in SPLITS:
        if split not in splits:
            continue
        path = DATA / split / name
        if not path.is_file():
            continue
        for case in (read_yaml(path) or {}).get(key) or []:
            if case.get("split") != split:
                raise ValueError(f"{path}: case with split {case.get('split')!r} in the {split} file")
            cases.append(case)
    return cases


# "# ---------------- set 65 (2026-12-06, …) ----": the header above each numbered dev set
_SET_HEADER = re.compile(r"^# -+ set (\d+)\b", re.MULTILINE)


def dev_set(name: str, key: str, number: int) -> list[dict]:
    """The dev cases of `name` under the header of set `number` (up to the next numbered header).

    Lets a benchmark print one set's figures – its first contact and its figures after tuning – from
    the committed data instead of a one-off script.
    """
    text = (DATA / "dev" / name).read_text(encoding="utf-8")
    headers = [(text.count("\n", 0, m.start()), int(m.group(1))) for m in _SET_HEADER.finditer(text)]
    if number not in {n for _, n in headers}:
        raise ValueError(f"dev/{name} has no set {number}")
    # One parse: the nodes give each case's line, the loader builds the cases from the same nodes.
    loader = SAFE_LOADER(text)
    try:
        root = loader.get_single_node()
        sequence = next(v for k, v in root.value if k.value == key)
        cases = loader.construct_document(sequence)
    finally:
        loader.dispose()
    chosen = []
    for node, case in zip(sequence.value, cases, strict=True):
        line = node.start_mark.line
        owner = next((n for header_line, n in reversed(headers) if header_line < line), None)
        if owner == number:
            chosen.append(case)
    return chosen
