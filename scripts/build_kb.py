"""Ingest user documents into the knowledge base (`make kb`). See dteam/kb/ingest.py for options."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dteam.kb.ingest import main

if __name__ == "__main__":
    sys.exit(main())
