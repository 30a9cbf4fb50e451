#!/usr/bin/env bash
# Idempotently install what the scaled profile needs from Debian: redis-server (lock store),
# nginx (load balancer) and postgresql (tracker store + API tables). Installs only what is missing
# and starts none of the system services: scripts/scaled/run_scaled.sh runs its own instances on
# their own ports with their own data directories under var/.
# Needs root (apt-get). Prints nothing on stdout when everything is already there.
set -euo pipefail
log() { echo "install_scaleout: $*" >&2; }

missing=()
command -v redis-server >/dev/null 2>&1 || [[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ "$(id -u)" -ne 0 ]]; then
  log "missing ${missing[*]}: run as root, or install them with: apt-get install ${missing[*]}"
  exit 1
fi

# Keep the packages' maintainer scripts from starting the system-wide services (port 6379, 80,
# 5432): the project starts its own instances. Debian's documented mechanism is policy-rc.d.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=1
fi
cleanup() { [[ $created_policy -eq 1 ]] && rm -f "$policy"; return 0; }
trap cleanup EXIT

log "installing ${missing[*]} (apt-get) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
log "installed ${missing[*]}"
