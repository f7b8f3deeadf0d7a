"""Ingest user documents into the knowledge base (`make kb`). See actions/kb/ingest.py for options."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions.kb.ingest import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
