"""Matrix bridge of the D-Team-Assistent (runs in .venv-matrix, see bot/matrix/requirements.txt)."""
