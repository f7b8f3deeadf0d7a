#!/usr/bin/env bash
# `make audit`: known vulnerabilities of the pinned dependencies (constraints.txt) via pip-audit.
# pip-audit runs in its own venv (.venv-audit) so it cannot change the project's pins. Accepted
# findings (explained in docs/operations.md, section "Sicherheitsprüfung") are listed, one ID per
# line with a comment, in deploy/audit-accepted.txt. Needs the PyPI/OSV vulnerability service.
set -u
cd "$(dirname "$0")/.."
venv=.venv-audit
version=2.10.1
if [ ! -x "$venv/bin/pip-audit" ]; then
  py=$(scripts/find_python310.sh) || exit 1
  "$py" -m venv "$venv" && "$venv/bin/python" -m pip install --quiet "pip-audit==$version" || {
    echo "Sicherheitsprüfung nicht möglich: pip-audit $version ließ sich nicht installieren." >&2
    exit 2
  }
fi
ignores=()
while read -r id _; do
  [ -n "$id" ] && [ "${id#\#}" = "$id" ] && ignores+=(--ignore-vuln "$id")
done < deploy/audit-accepted.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# --strict: a package the service does not know fails the run instead of counting as "no findings".
"$venv/bin/pip-audit" --requirement constraints.txt --no-deps --disable-pip --strict --progress-spinner off \
  --vulnerability-service "${AUDIT_SERVICE:-pypi}" "${ignores[@]}" 2>"$log"
status=$?
if grep -q "could not be audited" "$log" || { [ $status -ne 0 ] && grep -qiE "connection|resolve|timed out|max retries|unreachable|ssl|http|not found on pypi" "$log"; }; then
  cat "$log" >&2
  echo "Sicherheitsprüfung nicht möglich: Der Schwachstellendienst (${AUDIT_SERVICE:-pypi}) ist von hier" \
       "nicht erreichbar. Bitte auf einem Rechner mit Internetzugang wiederholen." >&2
  exit 2
fi
cat "$log" >&2
exit $status
