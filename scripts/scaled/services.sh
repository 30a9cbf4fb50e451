# Scaled profile (PROFILE=scaled), sourced by scripts/run_all.sh, which provides start, wait_for,
# log_config, rasa_instance, action_server, api_server and the variables ROOT, VAR_DIR, LOG_DIR,
# RUN_DIR, PY, RASA_PORT, ACTIONS_PORT, API_PORT, PUBLIC_PORT. Layout: docs/deployment.md.
# shellcheck shell=bash

SCALE="${SCALE:-2}"                     # Rasa instances (≈1.1 GB resident each)
ACTION_SERVERS="${ACTION_SERVERS:-2}"   # rasa_sdk processes behind nginx
API_WORKERS="${API_WORKERS:-2}"         # uvicorn workers
NGINX_WORKERS="${NGINX_WORKERS:-1}"
LISTEN_HOST="${LISTEN_HOST:-127.0.0.1}" # nginx's public address (0.0.0.0 on a front machine)
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6380}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5433}"
PG_USER="${PG_USER:-digitalcheck}"
PG_TRACKER_DB="${PG_TRACKER_DB:-rasa}"
PG_API_DB="${PG_API_DB:-digitalcheck}"
LOCAL_STORES="${LOCAL_STORES:-1}"        # 0: Redis and PostgreSQL run elsewhere (REDIS_*, PG_*)
# Connection pools: per Rasa instance (SQLAlchemy QueuePool of the SQL tracker store).
export SQL_POOL_SIZE="${SQL_POOL_SIZE:-10}"
export SQL_MAX_OVERFLOW="${SQL_MAX_OVERFLOW:-10}"
SCALED_DIR="$VAR_DIR/scaled"

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# runas_prefix USER: sets the array `runas` to the prefix that runs a command as USER (setpriv
# execs, so a background service keeps its pid), or to nothing when we are not root.
runas_prefix() {
  runas=()
  if is_root; then runas=(setpriv "--reuid=$1" "--regid=$1" --init-groups --); fi
}

as_user() {  # as_user USER CMD...: a foreground command as USER
  local runas
  runas_prefix "$1"
  shift
  "${runas[@]}" "$@"
}

# service_dir USER PREFERRED FALLBACK: a directory USER owns; PREFERRED when USER can reach it
service_dir() {
  local user="$1" dir="$2" fallback="$3"
  mkdir -p "$dir"
  if is_root; then
    chown "$user:" "$dir"
    if ! setpriv "--reuid=$user" "--regid=$user" --init-groups -- test -w "$dir" 2>/dev/null; then
      mkdir -p "$fallback"
      chown "$user:" "$fallback"
      chmod 700 "$fallback"
      dir="$fallback"
    fi
  fi
  chmod 700 "$dir"
  echo "$dir"
}

port_list() {  # explicit list or FIRST..FIRST+COUNT-1
  local explicit="$1" first="$2" count="$3" i
  if [[ -n "$explicit" ]]; then echo "$explicit"; return; fi
  for ((i = 0; i < count; i++)); do printf '%s ' "$((first + i))"; done
}

secret() { "$PY" -c "from contract.secrets import get_secret; print(get_secret('$1'))"; }

start_redis() {
  REDIS_PASSWORD="${REDIS_PASSWORD:-$(secret REDIS_PASSWORD)}"
  local key dir
  key="$(echo -n "$VAR_DIR" | md5sum | cut -c1-8)"
  dir="$(service_dir redis "$SCALED_DIR/redis" "/var/lib/redis/digitalcheck-$key")"
  "$PY" scripts/render_config.py template config/scaled/redis.conf "$RUN_DIR/redis.conf" \
    "REDIS_BIND=$REDIS_HOST" "REDIS_PORT=$REDIS_PORT" "REDIS_PASSWORD=$REDIS_PASSWORD" \
    "REDIS_DIR=$dir"
  echo "Starting Redis (lock store) on $REDIS_HOST:$REDIS_PORT ..."
  local runas
  runas_prefix redis
  STDIN_FILE="$RUN_DIR/redis.conf" start redis TERM "${runas[@]}" redis-server -
  local i
  for ((i = 0; i < 40; i++)); do
    if REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping \
      2>/dev/null | grep -q PONG; then
      echo "  Redis ready"
      return 0
    fi
    sleep 0.25
  done
  echo "  Redis did not come up (see $LOG_DIR/redis.out)" >&2
  return 1
}

start_postgres() {
  PG_PASSWORD="${PG_PASSWORD:-$(secret POSTGRES_PASSWORD)}"
  local bin key base data sock user
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  key="$(echo -n "$VAR_DIR" | md5sum | cut -c1-8)"
  user=postgres
  is_root || user="$(id -un)"
  base="$(service_dir "$user" "$SCALED_DIR/pg" "/var/lib/postgresql/digitalcheck-$key")"
  data="$base/data"
  sock="$base/run"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    echo "Creating a PostgreSQL cluster in $data ..."
    as_user "$user" "$bin/initdb" -D "$data" --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --no-locale >"$LOG_DIR/postgres-initdb.out" 2>&1
  fi
  as_user "$user" mkdir -p "$sock"
  echo "Starting PostgreSQL (tracker store, API tables) on $PG_HOST:$PG_PORT ..."
  # No statement text in the server log (a failed INSERT would show tracker events).
  local runas
  runas_prefix "$user"
  start postgres INT "${runas[@]}" "$bin/postgres" -D "$data" -c "port=$PG_PORT" \
    -c "listen_addresses=$PG_HOST" -c "unix_socket_directories=$sock" \
    -c max_connections=200 -c shared_buffers=256MB -c log_min_messages=warning \
    -c log_min_error_statement=panic -c log_connections=off -c log_statement=none \
    -c "synchronous_commit=${PG_SYNCHRONOUS_COMMIT:-on}"
  local i
  for ((i = 0; i < 120; i++)); do
    as_user "$user" "$bin/pg_isready" -q -h "$sock" -p "$PG_PORT" && break
    sleep 0.25
  done
  as_user "$user" "$bin/pg_isready" -q -h "$sock" -p "$PG_PORT" || {
    echo "  PostgreSQL did not come up (see $LOG_DIR/postgres.out)" >&2
    return 1
  }
  # Role and databases (idempotent); the password goes through stdin, not the command line.
  as_user "$user" "$bin/psql" -h "$sock" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -qtAX \
    >/dev/null <<SQL
SELECT 'CREATE ROLE "$PG_USER" LOGIN' WHERE NOT EXISTS
  (SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER') \\gexec
ALTER ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
SELECT 'CREATE DATABASE "$PG_TRACKER_DB" OWNER "$PG_USER"' WHERE NOT EXISTS
  (SELECT 1 FROM pg_database WHERE datname = '$PG_TRACKER_DB') \\gexec
SELECT 'CREATE DATABASE "$PG_API_DB" OWNER "$PG_USER"' WHERE NOT EXISTS
  (SELECT 1 FROM pg_database WHERE datname = '$PG_API_DB') \\gexec
SQL
  echo "  PostgreSQL ready"
}

start_nginx() {
  local servers="" api_servers actions_servers port user_line=""
  for port in "${rasa_ports[@]}"; do
    servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
  done
  api_servers="        server 127.0.0.1:$API_PORT;"
  actions_servers=""
  for port in "${action_ports[@]}"; do
    actions_servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
  done
  is_root && user_line="user www-data;"
  mkdir -p "$SCALED_DIR/nginx/tmp"
  "$PY" scripts/render_config.py template config/scaled/nginx.conf "$RUN_DIR/nginx.conf" \
    "USER_LINE=$user_line" "NGINX_WORKERS=$NGINX_WORKERS" "NGINX_DIR=$SCALED_DIR/nginx" \
    "LOG_DIR=$LOG_DIR" "RASA_SERVERS=${servers%$'\n'}" "API_SERVERS=$api_servers" \
    "ACTION_SERVERS=${actions_servers%$'\n'}" "PUBLIC_LISTEN=$LISTEN_HOST:$PUBLIC_PORT" \
    "ACTIONS_LISTEN=127.0.0.1:$ACTIONS_PORT"
  local nginx_cmd=(nginx -p "$SCALED_DIR/nginx/" -c "$RUN_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log")
  "${nginx_cmd[@]}" -t -q -g 'daemon off;' || { echo "nginx configuration is invalid" >&2; return 1; }
  echo "Starting nginx on $LISTEN_HOST:$PUBLIC_PORT (actions: 127.0.0.1:$ACTIONS_PORT) ..."
  start nginx TERM "${nginx_cmd[@]}" -g 'daemon off;'
}

run_scaled() {
  read -r -a rasa_ports <<<"$(port_list "${RASA_PORTS:-}" "$RASA_PORT" "$SCALE")"
  read -r -a action_ports <<<"$(port_list "${ACTION_SERVER_PORTS:-}" "$((ACTIONS_PORT + 1))" \
    "$ACTION_SERVERS")"
  local need_kb avail_kb
  need_kb=$((${#rasa_ports[@]} * 1200 * 1024 + 600 * 1024))
  avail_kb="$(awk '/MemAvailable/ {print $2}' /proc/meminfo)"
  if [[ "$avail_kb" -lt "$need_kb" ]]; then
    echo "Warning: ${#rasa_ports[@]} Rasa instances need about $((need_kb / 1024)) MB;" \
      "$((avail_kb / 1024)) MB available." >&2
  fi
  if [[ "$LOCAL_STORES" == 1 ]]; then
    scripts/install_scaleout.sh
    mkdir -p "$SCALED_DIR"
    start_postgres
    start_redis
  else
    command -v nginx >/dev/null || scripts/install_scaleout.sh
    : "${REDIS_PASSWORD:?LOCAL_STORES=0 needs REDIS_HOST, REDIS_PORT and REDIS_PASSWORD}"
    : "${PG_PASSWORD:?LOCAL_STORES=0 needs PG_HOST, PG_PORT, PG_USER and PG_PASSWORD}"
  fi

  export DATABASE_URL="postgresql+psycopg://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_API_DB"
  export API_URL="http://127.0.0.1:$API_PORT"
  if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
    echo "Migrating the API database ..."
    "$API_VENV/bin/python" -c "from api.core.migrate import upgrade_head; upgrade_head()" \
      >>"$LOG_DIR/api-migrate.out" 2>&1 || {
      echo "  migration failed (see $LOG_DIR/api-migrate.out)" >&2
      return 1
    }
    echo "Starting the API ($API_WORKERS workers) on 127.0.0.1:$API_PORT ..."
    api_server "$API_WORKERS"
  fi

  local i
  echo "Starting $ACTION_SERVERS action servers on ports ${action_ports[*]} ..."
  for ((i = 0; i < ${#action_ports[@]}; i++)); do
    action_server "actions-$((i + 1))" "${action_ports[$i]}"
  done
  start_nginx

  echo "Starting ${#rasa_ports[@]} Rasa instances on ports ${rasa_ports[*]} (takes a minute or two) ..."
  export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"
  export PG_HOST PG_PORT PG_USER PG_PASSWORD PG_TRACKER_DB REDIS_HOST REDIS_PORT REDIS_PASSWORD
  for ((i = 0; i < ${#rasa_ports[@]}; i++)); do
    rasa_instance "rasa-$((i + 1))" "${rasa_ports[$i]}" config/scaled/endpoints.yml
  done
  export -n PG_PASSWORD REDIS_PASSWORD

  if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
    wait_for "API" "http://127.0.0.1:$API_PORT/health" 60
  fi
  for port in "${action_ports[@]}"; do
    wait_for "Action server" "http://127.0.0.1:$port/health" 60
  done
  wait_for "Action endpoint (nginx)" "http://127.0.0.1:$ACTIONS_PORT/health" 30
  for port in "${rasa_ports[@]}"; do
    wait_for_rasa "Rasa instance" "$port" 400
  done
  wait_for "nginx" "http://$LISTEN_HOST:$PUBLIC_PORT/webhooks/rest/" 30
  echo
  echo "Digitalcheck (scaled: ${#rasa_ports[@]} Rasa instances, ${#action_ports[@]} action servers," \
    "$API_WORKERS API workers) is running."
  echo "Public entry (nginx): http://$LISTEN_HOST:$PUBLIC_PORT/  (demo page, widget, REST:" \
    "POST /webhooks/rest/webhook)"
  echo "Rasa instances (HTTP API with token): ${rasa_ports[*]}; PostgreSQL $PG_HOST:$PG_PORT;" \
    "Redis $REDIS_HOST:$REDIS_PORT"
}
