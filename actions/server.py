"""Action server that is ready when it says so: `python -m actions.server [rasa-sdk options]`.

It loads the knowledge index, the study tables and the result modules first and only then opens its
port – so `/health` (Kubernetes probes, tests/support/stack.py, scripts/actions.sh) answers only when
the first question can be answered at full speed. The options are rasa-sdk's own (`--port`,
`--actions`, `--cors`, …). `rasa run actions --actions actions` keeps working; it simply loads the
index on the first knowledge question instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from rasa_sdk import utils
from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser

logger = logging.getLogger(__name__)


def preload() -> float:
    """Everything the first turns would otherwise wait for; returns the seconds it took."""
    started = time.perf_counter()
    from dteam.interview.practices import QUESTIONS
    from dteam.kb import get_knowledge_base
    from dteam.result import chart, steps  # noqa: F401  (imports matplotlib once, here)
    from dteam.study import data

    knowledge_base = get_knowledge_base()
    # One real query: a prebuilt index loads without spaCy's lemmatizer, which the first question
    # would otherwise build (seconds) – and it warms the encoder's query path as well.
    knowledge_base.answer("Was ist FIM?", None, None, None)
    for type_id in data.TYPE_IDS:
        data.type_profile(type_id)
    for number in {1, 2, 3, *(q.table for q in QUESTIONS.values() if q.table)}:
        data.get_table(number)
    steps.first_step(["effizienz"])  # classification, texts and study tables on the hot path
    from dteam.interview import semantic_match

    semantic_match.warm_up()  # e5 encoder and option vectors (no-op on the lexical fallback)
    from dteam.interview import spelling

    spelling.warm_up()  # German word lists for repairing typos in goal answers (about 2 s)
    knowledge_base.comparison.row_vectors()  # the study's table rows (no-op on the lexical fallback)
    seconds = time.perf_counter() - started
    logger.info("Preloaded %d knowledge entries and the study tables in %.1f s", len(knowledge_base), seconds)
    return seconds


def main(argv: Sequence[str] | None = None) -> None:
    args = create_argument_parser().parse_args(argv)
    utils.configure_colored_logging(args.loglevel)
    preload()
    main_from_args(args)


if __name__ == "__main__":
    main()
