#!/usr/bin/env bash
# Installs axe-core for the accessibility audit of the browser tests (idempotent) from the npm
# registry, at the version pinned in tests/browser/axe/package-lock.json (`npm ci`); nothing is
# loaded from a CDN at run time. Installs Debian's nodejs/npm first when missing (root or sudo).
# Prints the path of axe.min.js.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/tests/browser/axe"
AXE="$DIR/node_modules/axe-core/axe.min.js"
want="$(sed -n 's/.*"axe-core": *"\([0-9][0-9.]*\)".*/\1/p' "$DIR/package.json" | head -1)"
have="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$DIR/node_modules/axe-core/package.json" 2>/dev/null | head -1 || true)"
if [[ -f "$AXE" && -n "$want" && "$have" == "$want" ]]; then
  echo "$AXE"
  exit 0
fi
if ! command -v npm >/dev/null; then
  sudo=()
  if [[ "$(id -u)" != "0" ]]; then
    command -v sudo >/dev/null || { echo "npm missing and no root/sudo: apt-get install -y nodejs npm" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "Installing Debian's nodejs and npm ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "Installing axe-core $want (npm ci in tests/browser/axe) ..." >&2
(cd "$DIR" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null)
test -f "$AXE" || { echo "axe-core was not installed: $AXE missing" >&2; exit 1; }
echo "$AXE"
