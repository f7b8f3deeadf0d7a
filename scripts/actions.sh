#!/usr/bin/env bash
# Starts the action server. It listens on loopback unless ACTIONS_HOST says otherwise: rasa-sdk's own
# default (SANIC_HOST=0.0.0.0) would let anyone on the network send forged action calls, e.g.
# "delete the data of conversation X". Containers set ACTIONS_HOST=0.0.0.0 and rely on network rules.
set -eu
cd "$(dirname "$0")/.."
export SANIC_HOST=${ACTIONS_HOST:-127.0.0.1}
# actions.server = rasa-sdk's server that loads the knowledge index before it opens the port.
exec .venv/bin/python scripts/quiet.py -m actions.server --port "${ACTIONS_PORT:-5055}" --actions actions "$@"
