#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs < 3.11), or explains what is missing.
set -u
candidates=()
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for p in "$root"/versions/3.10.*/bin/python3.10; do candidates+=("$p"); done
fi
for p in "$HOME"/.pyenv/versions/3.10.*/bin/python3.10; do candidates+=("$p"); done
if command -v python3.10 >/dev/null 2>&1; then candidates+=("$(command -v python3.10)"); fi
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)
for p in "${candidates[@]}"; do
  if [ -x "$p" ] && "$p" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
    echo "$p"
    exit 0
  fi
done
echo "Python 3.10 was not found. Rasa 3.6 needs Python 3.10 (3.11 and newer do not work)." >&2
echo "Install it with 'pyenv install 3.10.13' or your package manager (python3.10 + python3.10-venv)," >&2
echo "then run make again." >&2
exit 1
