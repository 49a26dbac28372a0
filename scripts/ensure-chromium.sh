#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it when missing and we are root; otherwise says exactly what to run.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $browser; installing Debian's chromium package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $browser. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
exit 1
