#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (idempotent; no Playwright browser download).
# Prints the executable path. Needs root or sudo when chromium is missing.
set -euo pipefail
if path="$(command -v chromium 2>/dev/null)"; then
  echo "$path"
  exit 0
fi
sudo=()
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null || { echo "chromium missing and no root/sudo: apt-get install -y chromium" >&2; exit 1; }
  sudo=(sudo)
fi
echo "Installing Debian's chromium (about 30 s, 480 MB) ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
