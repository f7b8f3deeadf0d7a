"""Cross-validation: do more staff questions per entry teach the entry classifier new questions?

The entry classifier (dteam/kb/semantic.py) learns from the dev questions; its hit rate on them is a
training figure. This script measures on questions it did not see. The dev questions after a header line
(`--added-after`, e.g. "set 35b", questions written for entries that had few) are split into five folds,
one question per entry in each fold when they come in blocks per entry; each fold is answered by a
classifier fitted on the questions before the header, once without and once with the other four folds.
`--also-earlier` also runs five folds over the earlier questions, with and without the added ones in
training (do they cost the other entries anything?). Only the classifier's first entry is judged, not the
whole answer (bench_understanding.py does that through the bot). Dev questions only; held-out are never read.

Usage: DTEAM_SEMANTIC=1 .venv/bin/python bench/cv_kb_training.py --added-after "set 35b" [--also-earlier]
(make kb first: the vectors come from its cache; several minutes on two cores)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEV_FILE = REPO / "bench" / "data" / "dev" / "kb_questions.yml"
FOLDS = 5


def answerable(text: str) -> list[tuple[str, list[str]]]:
    cases = (yaml.safe_load(text) or {}).get("questions") or []
    return [(str(c["q"]), list(c["entries"])) for c in cases if c.get("entries")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--added-after", required=True, help="text of the header line that starts the added set"
    )
    parser.add_argument("--also-earlier", action="store_true")
    args = parser.parse_args()

    from dteam.kb import config, load_prebuilt_index
    from dteam.kb import semantic as kb_semantic
    from dteam.semantic import VectorCache, get_encoder
    from dteam.semantic.vectors import QUERY

    encoder = get_encoder()
    kb = load_prebuilt_index()
    if encoder is None or kb is None or not kb_semantic.attach_vectors(kb):
        print("needs the semantic layer (DTEAM_SEMANTIC=1) and make kb")
        return 1
    vectors = kb.semantic
    text = DEV_FILE.read_text(encoding="utf-8")
    header = next(
        (line for line in text.splitlines() if line.startswith("#") and args.added_after in line), None
    )
    if header is None:
        print(f"no header line with {args.added_after!r} in {DEV_FILE}")
        return 1
    earlier = answerable(text[: text.index(header)])
    seen = {q for q, _ in earlier}
    added = [pair for pair in answerable(text)[len(earlier) :] if pair[0] not in seen]
    cache = VectorCache(config.vector_cache_file())

    def training(pairs):
        texts = [q for q, _ in pairs]
        return kb_semantic.TrainingQuestions(
            texts, [ids for _, ids in pairs], cache.encode(encoder, texts, QUERY)
        )

    def hits(train, test) -> int:
        classifier = kb_semantic.fit_entry_classifier(vectors, training(train))
        found = 0
        for (_, ids), vector in zip(test, training(test).vectors, strict=True):
            found += vectors.entry_ids[int(np.argmax(classifier.probabilities(vector)))] in ids
        return found

    print(f"{len(earlier)} earlier answerable dev questions, {len(added)} added after {header[:60]!r}")
    for with_others in (False, True):
        found = 0
        for k in range(FOLDS):
            test = added[k::FOLDS]
            others = [pair for i, pair in enumerate(added) if i % FOLDS != k] if with_others else []
            found += hits(earlier + others, test)
        label = "with the other added questions" if with_others else "earlier questions only"
        print(f"added questions, classifier top-1 ({label}): {found}/{len(added)} = {found / len(added):.3f}")
    if args.also_earlier:
        order = np.random.default_rng(0).permutation(len(earlier))
        for with_added in (False, True):
            found = 0
            for fold in np.array_split(order, FOLDS):
                test = [earlier[i] for i in fold]
                held = set(fold.tolist())
                train = [pair for i, pair in enumerate(earlier) if i not in held] + (
                    added if with_added else []
                )
                found += hits(train, test)
            label = "with the added questions" if with_added else "without them"
            share = found / len(earlier)
            print(f"earlier questions, classifier top-1 ({label}): {found}/{len(earlier)} = {share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
