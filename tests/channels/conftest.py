import sys
from pathlib import Path

# The channel tests import the bot package and their helpers by full name.
REPO_ROOT = str(Path(__file__).resolve().parents[2])
if REPO_ROOT not in sys.path:
    sys.path.insert(0, REPO_ROOT)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: starts real servers (Synapse, Rasa); takes tens of seconds")
