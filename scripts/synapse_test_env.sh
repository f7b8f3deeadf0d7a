#!/usr/bin/env bash
# Test homeserver for the Matrix bridge: a local Synapse in its own venv.
#
#   scripts/synapse_test_env.sh install            # create/refresh .venv-synapse (idempotent)
#   scripts/synapse_test_env.sh config DIR PORT    # write a loopback-only test config into DIR
#   scripts/synapse_test_env.sh run DIR            # run Synapse in the foreground with DIR's config
#
# The config is for tests and local development only: SQLite, 127.0.0.1, no
# federation, registration only via the shared secret, rate limits relaxed.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SYNAPSE_VENV:-$repo_root/.venv-synapse}"
synapse_pin="matrix-synapse==1.163.2"
python_bin="${PYTHON:-python3.10}"
command -v "$python_bin" >/dev/null 2>&1 || python_bin=python3

install_venv() {
  local stamp="$venv/.installed-pin"
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$synapse_pin" ]]; then
    return 0
  fi
  [[ -x "$venv/bin/python" ]] || "$python_bin" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$synapse_pin"
  echo "$synapse_pin" > "$stamp"
  echo "Synapse venv ready: $venv" >&2
}

write_config() {
  local dir="$1" port="$2"
  mkdir -p "$dir/media_store"
  dir="$(cd "$dir" && pwd)"
  local shared_secret
  shared_secret="${SYNAPSE_SHARED_SECRET:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  cat > "$dir/log.yaml" <<LOG
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: $dir/homeserver.log
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
LOG
  cat > "$dir/homeserver.yaml" <<CONF
server_name: "localhost"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$dir/homeserver.pid"
listeners:
  - port: $port
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$dir/homeserver.db"
log_config: "$dir/log.yaml"
media_store_path: "$dir/media_store"
signing_key_path: "$dir/signing.key"
registration_shared_secret: "$shared_secret"
macaroon_secret_key: "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
form_secret: "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
url_preview_enabled: false
enable_metrics: false
presence:
  enabled: false
rc_message: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
  remote: {per_second: 1000, burst_count: 1000}
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
  per_issuer: {per_second: 1000, burst_count: 1000}
rc_media_create: {per_second: 1000, burst_count: 1000}
CONF
  if [[ ! -f "$dir/signing.key" ]]; then
    "$venv/bin/python" -m synapse.app.homeserver --config-path "$dir/homeserver.yaml" --generate-keys >/dev/null
  fi
  echo "$dir/homeserver.yaml"
}

case "${1:-install}" in
  install) install_venv ;;
  config)  install_venv; write_config "${2:?DIR}" "${3:?PORT}" ;;
  run)     install_venv; exec "$venv/bin/python" -m synapse.app.homeserver --config-path "${2:?DIR}/homeserver.yaml" ;;
  *) echo "usage: $0 install | config DIR PORT | run DIR" >&2; exit 2 ;;
esac
