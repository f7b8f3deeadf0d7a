#!/usr/bin/env bash
# Create/refresh the Matrix bridge venv (.venv-matrix). Idempotent: re-installs
# only when bot/matrix/requirements.txt changed since the last successful run.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${MATRIX_VENV:-$repo_root/.venv-matrix}"
requirements="$repo_root/bot/matrix/requirements.txt"
python_bin="${PYTHON:-python3.10}"
command -v "$python_bin" >/dev/null 2>&1 || python_bin=python3

stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi
[[ -x "$venv/bin/python" ]] || "$python_bin" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$wanted" > "$stamp"
echo "Matrix bridge venv ready: $venv"
