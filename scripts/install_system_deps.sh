#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, if they are missing:
#   chromium + chromium-driver (web chat end-to-end test), nginx (scale-out test),
#   docker-compose (static check of docker-compose.yml; no Docker engine runs here),
#   poppler-utils (pdftotext: the browser test reads the downloaded report PDF).
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Fehlende Systempakete: ${need[*]} — bitte mit apt-get installieren (root nötig)." >&2
  exit 1
fi
sudo_cmd=""; [ "$(id -u)" != 0 ] && sudo_cmd="sudo"
echo "Installiere Systempakete: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq >/dev/null && $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
status=$?
# Debian starts nginx after installing it; the tests run their own instances on other ports.
if command -v systemctl >/dev/null 2>&1; then $sudo_cmd systemctl disable --now nginx >/dev/null 2>&1 || true; fi
$sudo_cmd pkill -x nginx >/dev/null 2>&1 || true
exit $status
