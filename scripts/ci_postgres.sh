#!/usr/bin/env bash
# Idempotently provide a local PostgreSQL for the API tests (Debian/Ubuntu, run as root).
# Installs Debian's postgresql only if missing, starts the cluster, creates user and database
# if missing, and prints the DSN on stdout (everything else goes to stderr):
#   export TEST_DATABASE_URL_PG="$(scripts/ci_postgres.sh)"
# Override with PG_USER / PG_PASSWORD / PG_DB.
set -euo pipefail
PG_USER="${PG_USER:-digitalcheck}"
PG_PASSWORD="${PG_PASSWORD:-digitalcheck}"
PG_DB="${PG_DB:-digitalcheck_test}"
log() { echo "ci_postgres: $*" >&2; }

if [[ "$(id -u)" -ne 0 ]]; then
  log "must run as root (installs packages and starts the cluster)"; exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [[ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]]; then
  log "installing postgresql (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  log "creating cluster $version/main ..."
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  log "starting cluster $version/main ..."
  pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtAX "$@"; }
for _ in $(seq 1 30); do psql_admin -c "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done

if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]]; then
  log "creating user $PG_USER ..."
  psql_admin -c "CREATE USER \"$PG_USER\" PASSWORD '$PG_PASSWORD'" >&2
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]]; then
  log "creating database $PG_DB ..."
  psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
fi
log "PostgreSQL $version ready on 127.0.0.1:$port"
echo "postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB"
