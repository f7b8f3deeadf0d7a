#!/usr/bin/env bash
# Starts the whole assistant on this machine: action server, Rasa server (REST channel,
# HTTP API), the chat page and, when configured, the Matrix bridge. Ctrl-C stops all of it.
set -u
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
# Start banner and real errors only: no TensorFlow info lines, no SQLAlchemy 2.0 banner, no library
# deprecation warnings (Rasa and the action server run through scripts/quiet.py, see there why).
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore::DeprecationWarning}
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export SQLALCHEMY_SILENCE_UBER_WARNING=1
RASA_PORT=${RASA_PORT:-5005}
# The chat page proxies to Rasa, so Rasa (with its HTTP API) stays on loopback unless told otherwise.
RASA_HOST=${RASA_HOST:-127.0.0.1}
ACTIONS_PORT=${ACTIONS_PORT:-5055}
WEB_PORT=${WEB_PORT:-8080}
export RASA_URL=${RASA_URL:-http://127.0.0.1:$RASA_PORT}
bin=.venv/bin
scripts/write_endpoints.sh build/endpoints.yml

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Beende den D-Team-Assistenten …"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  wait 2>/dev/null
  exit 0
}
trap stop_all INT TERM EXIT

scripts/actions.sh &
pids+=($!)
$bin/python scripts/quiet.py run --enable-api --interface "$RASA_HOST" --port "$RASA_PORT" --model models \
  ${RASA_AUTH_TOKEN:+--auth-token "$RASA_AUTH_TOKEN"} \
  --endpoints build/endpoints.yml --credentials "${CREDENTIALS_FILE:-credentials.yml}" &
pids+=($!)
$bin/python -m bot.webserver &
pids+=($!)
if [ -n "${MATRIX_HOMESERVER:-}" ]; then
  $bin/python -m bot.matrix_bridge &
  pids+=($!)
fi

echo "Warte, bis der Rasa-Server bereit ist …"
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$RASA_PORT/status" >/dev/null 2>&1; then break; fi
  sleep 1
done
echo
echo "D-Team-Assistent läuft:"
echo "  Chat im Browser:   http://localhost:$WEB_PORT/"
echo "  Rasa-Server (API): http://localhost:$RASA_PORT/  (Status: /status)"
echo "  Action-Server:     http://${ACTIONS_HOST:-127.0.0.1}:$ACTIONS_PORT/health"
echo "Beenden mit Strg+C."
wait -n "${pids[@]}"
echo "Ein Dienst wurde beendet; stoppe die übrigen."
stop_all
