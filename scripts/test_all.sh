#!/usr/bin/env bash
# Everything `make test` runs after the set-up: ruff (lint + format), pytest (unit, action, conversation, channel,
# operations tests) and, beside it, Rasa's data validation, test stories and NLU evaluation.
# Runs all parts even if one fails and exits non-zero if any failed.
set -u
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
start=$(date +%s)
status=0
echo "== ruff (lint + format check)"
.venv/bin/ruff check . || status=1
.venv/bin/ruff format --check . || status=1
# Rasa's own checks (about a minute, mostly loading the model) run beside pytest, whose first
# modules mostly wait for servers to start; their output follows pytest's.
rasa_log=$(mktemp)
scripts/test_rasa.sh >"$rasa_log" 2>&1 &
rasa_checks=$!
echo "== pytest"
E2E_REQUIRE_RASA=1 .venv/bin/python -m pytest tests -q -p no:cacheprovider --durations=25 || status=1
wait $rasa_checks || status=1
cat "$rasa_log"
rm -f "$rasa_log"
echo "Testdauer: $(( $(date +%s) - start )) s"
if [ $status -ne 0 ]; then echo "TESTS FEHLGESCHLAGEN"; else echo "ALLE TESTS BESTANDEN"; fi
exit $status
