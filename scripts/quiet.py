"""Runs `rasa …` or `-m <module> …` with the libraries' deprecation warnings hidden.

Used by `make run` (scripts/run.sh) and scripts/actions.sh, so that a new user sees the start banner
and real errors only. PYTHONWARNINGS alone does not help: importing Sanic calls
`filterwarnings("once", category=DeprecationWarning)` and Rasa later `filterwarnings("once",
category=UserWarning)` (pyparsing's deprecation warnings are UserWarnings too); both go in front of
any filter set at start. So every later filter change puts the ignore filters back in front.
Only deprecation warnings are hidden; errors and other warnings still show.

    python scripts/quiet.py run --port 5005 …          # = rasa run --port 5005 …
    python scripts/quiet.py -m actions.server --port …  # = python -m actions.server --port …
"""

from __future__ import annotations

import logging
import runpy
import sys
import warnings
from pathlib import Path

# Like `python -m …` from the project root: the project's packages come first, not scripts/.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

QUIET_CATEGORIES = (DeprecationWarning, PendingDeprecationWarning)
_original_filterwarnings = warnings.filterwarnings
_original_simplefilter = warnings.simplefilter


def _deprecations_ignored_first() -> None:
    for category in QUIET_CATEGORIES:
        # Moves an existing identical filter to the front instead of adding a duplicate.
        _original_filterwarnings("ignore", category=category)


def _filterwarnings_keeping_quiet(*args, **kwargs) -> None:
    _original_filterwarnings(*args, **kwargs)
    _deprecations_ignored_first()


def _simplefilter_keeping_quiet(*args, **kwargs) -> None:
    _original_simplefilter(*args, **kwargs)
    _deprecations_ignored_first()


def main() -> None:
    _deprecations_ignored_first()
    warnings.filterwarnings = _filterwarnings_keeping_quiet
    warnings.simplefilter = _simplefilter_keeping_quiet
    # matplotlib reports pyparsing's deprecations in its style files through logging, not warnings.
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    if sys.argv[1:2] == ["-m"] and len(sys.argv) > 2:
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    sys.exit(rasa_main())


if __name__ == "__main__":
    main()
