#!/usr/bin/env bash
# Rasa's own checks: data validation, conversation test stories and the NLU evaluation on
# held-out German test data (intent macro-F1 must reach NLU_MIN_MACRO_F1, default 0.90).
set -u
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
rasa=.venv/bin/rasa
model=models/d-team.tar.gz
status=0

echo "== rasa data validate"
$rasa data validate --fail-on-warnings --quiet || { echo "FEHLER: rasa data validate"; status=1; }

echo "== rasa test core (tests/stories, --fail-on-prediction-errors)"
rm -rf results/core
$rasa test core --model "$model" --stories tests/stories --out results/core \
  --fail-on-prediction-errors --quiet || { echo "FEHLER: Test-Stories"; cat results/core/failed_test_stories.yml 2>/dev/null; status=1; }

echo "== rasa test nlu (tests/nlu, held out from training)"
rm -rf results/nlu
$rasa test nlu --model "$model" --nlu tests/nlu --out results/nlu --quiet || status=1
.venv/bin/python scripts/check_nlu_report.py results/nlu/intent_report.json "${NLU_MIN_MACRO_F1:-0.90}" || status=1
exit $status
