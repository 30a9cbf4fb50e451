#!/usr/bin/env bash
# Starts Digitalcheck on 127.0.0.1. Ctrl-C stops everything. Logs go to var/log/.
#
#   make run                       PROFILE=default: Rasa server (5005), action server (5055),
#                                  API (8000); conversations and API tables in SQLite under var/.
#   make run PROFILE=scaled SCALE=2
#                                  nginx (8080) in front of SCALE Rasa instances (5005, 5006, ...),
#                                  ACTION_SERVERS action servers (5056, ...; balanced by nginx on
#                                  5055), the API with API_WORKERS workers (8000), PostgreSQL
#                                  (5433, tracker store + API tables) and Redis (6380, lock store),
#                                  all under var/scaled/. See docs/deployment.md.
#
# Closed by default: the Rasa HTTP API always needs a token (RASA_TOKEN, else generated once into
# var/secrets/RASA_TOKEN, mode 0600); CORS allows only ALLOWED_ORIGINS (comma-separated; default:
# the demo page's origins). Logs hold no message texts and are rotated (config/logging/).
#
# Environment: PROFILE, SCALE, ACTION_SERVERS, API_WORKERS, RASA_PORT, ACTIONS_PORT, API_PORT,
# PUBLIC_PORT, REDIS_PORT, PG_PORT, ALLOWED_ORIGINS, RASA_TOKEN, VAR_DIR (data, logs and rendered
# configs; default var/), LOCAL_STORES=0 (scaled: use the Redis/PostgreSQL given by REDIS_HOST,
# REDIS_PASSWORD, PG_HOST, PG_USER, PG_PASSWORD instead of starting them).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

PROFILE="${PROFILE:-default}"
case "$PROFILE" in
  default | scaled) ;;
  *) echo "unknown PROFILE=$PROFILE (default or scaled)" >&2; exit 2 ;;
esac
VAR_DIR="${VAR_DIR:-$ROOT/var}"
mkdir -p "$VAR_DIR"
VAR_DIR="$(cd "$VAR_DIR" && pwd)"
LOG_DIR="$VAR_DIR/log"
RUN_DIR="$VAR_DIR/run"
mkdir -p "$LOG_DIR" "$RUN_DIR" "$VAR_DIR/rasa"
chmod 700 "$RUN_DIR"
if [[ "$VAR_DIR" != "$ROOT/var" ]]; then
  export SECRETS_DIR="${SECRETS_DIR:-$VAR_DIR/secrets}"
  export DATABASE_URL="${DATABASE_URL:-sqlite:///$VAR_DIR/api.db}"
fi
SECRETS_DIR_SHOWN="${SECRETS_DIR:-$ROOT/var/secrets}"
PY="$BOT_VENV/bin/python"

RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
API_PORT="${API_PORT:-8000}"

# ---------------------------------------------------------------- processes and Ctrl-C
pids=()
sigs=()
names=()
stopping=0
is_store() { [[ "$1" == postgres || "$1" == redis ]]; }

wait_gone() {  # seconds pid...: waits until all pids have exited (or the time is up)
  local limit="$1" i pid alive
  shift
  for ((i = 0; i < limit * 4; i++)); do
    alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && return 0
    sleep 0.25
  done
  return 1
}

stop() {
  local code="${1:-0}" i clients=() stores=()
  trap - INT TERM EXIT
  [[ $stopping -eq 1 ]] && return
  stopping=1
  echo
  echo "Stopping Digitalcheck ..."
  # The load balancer and the services first (reverse start order), the stores when their
  # clients are gone: PostgreSQL with a fast shutdown (SIGINT), Redis with SIGTERM.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if is_store "${names[$i]}"; then stores+=("$i"); continue; fi
    kill -s "${sigs[$i]}" "${pids[$i]}" 2>/dev/null || true
    clients+=("${pids[$i]}")
  done
  wait_gone 30 ${clients[@]+"${clients[@]}"} || true
  for i in ${stores[@]+"${stores[@]}"}; do
    kill -s "${sigs[$i]}" "${pids[$i]}" 2>/dev/null || true
  done
  wait_gone 30 "${pids[@]}" || true
  for i in "${pids[@]}"; do kill -9 "$i" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
  exit "$code"
}
trap 'stop 0' INT TERM
trap 'stop $?' EXIT

rotate_out() {  # keeps a process's console output (warnings, crashes) from growing without end
  local file="$1" n
  if [[ -f "$file" && $(stat -c %s "$file") -gt 5242880 ]]; then
    for n in 2 1; do [[ -f "$file.$n" ]] && mv -f "$file.$n" "$file.$((n + 1))"; done
    mv -f "$file" "$file.1"
  fi
  return 0
}

# start NAME SIGNAL CMD...: runs CMD in the background, console output to var/log/NAME.out,
# standard input from $STDIN_FILE (default /dev/null).
start() {
  local name="$1" sig="$2"
  shift 2
  rotate_out "$LOG_DIR/$name.out"
  "$@" <"${STDIN_FILE:-/dev/null}" >>"$LOG_DIR/$name.out" 2>&1 &
  pids+=($!)
  sigs+=("$sig")
  names+=("$name")
}

wait_for() {  # name url seconds: waits for url; fails early when a started process died
  local name="$1" url="$2" limit="$3" i j
  for ((i = 0; i < limit * 2; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "  $name ready: $url"; return 0; fi
    for ((j = 0; j < ${#pids[@]}; j++)); do
      if ! kill -0 "${pids[$j]}" 2>/dev/null; then
        echo "  ${names[$j]} exited during start-up; last lines of $LOG_DIR/${names[$j]}.out:" >&2
        tail -n 5 "$LOG_DIR/${names[$j]}.out" >&2
        return 1
      fi
    done
    sleep 0.5
  done
  echo "  $name did not come up within ${limit}s (see $LOG_DIR/)" >&2
  return 1
}

model_loaded() {  # port: the instance answers /status (409 while it has no model)
  curl -fsS -o /dev/null -K - 2>/dev/null <<<"url = \"http://127.0.0.1:$1/status?token=$RASA_TOKEN\""
}

wait_for_rasa() {  # name port seconds: up, and with the model loaded
  wait_for "$1" "http://127.0.0.1:$2/" "$3" || return 1
  local i j
  for ((i = 0; i < 240; i++)); do  # up to 2 minutes: loading the model is slow on a busy machine
    model_loaded "$2" && return 0
    for ((j = 0; j < ${#pids[@]}; j++)); do
      kill -0 "${pids[$j]}" 2>/dev/null || break 2
    done
    sleep 0.5
  done
  echo "  $1 on port $2 runs without a model: see $LOG_DIR/" >&2
  return 1
}

log_config() {  # kind name -> path of a rendered logging config writing to var/log/<name>.log
  local kind="$1" name="$2" out="$RUN_DIR/logging-$2.yml"
  "$PY" scripts/render_config.py template "config/logging/$kind.yml" "$out" \
    "LOG_FILE=$LOG_DIR/$name.log"
  echo "$out"
}

# ---------------------------------------------------------------- closed by default
if [[ -z "${RASA_TOKEN:-}" ]]; then
  eval "$("$PY" -m contract.secrets RASA_TOKEN)"
  token_source="$SECRETS_DIR_SHOWN/RASA_TOKEN (generated once, mode 0600)"
else
  token_source="the RASA_TOKEN environment variable"
fi
export RASA_TOKEN

if [[ "$PROFILE" == scaled ]]; then
  PUBLIC_PORT="${PUBLIC_PORT:-8080}"
  default_origins="http://127.0.0.1:$PUBLIC_PORT,http://localhost:$PUBLIC_PORT"
  default_origins+=",http://127.0.0.1:$API_PORT,http://localhost:$API_PORT"
  export RASA_PUBLIC_URL="${RASA_PUBLIC_URL:-http://127.0.0.1:$PUBLIC_PORT}"
else
  default_origins="http://127.0.0.1:$API_PORT,http://localhost:$API_PORT"
  export RASA_PUBLIC_URL="${RASA_PUBLIC_URL:-http://127.0.0.1:$RASA_PORT}"
fi
ALLOWED_ORIGINS="${ALLOWED_ORIGINS:-$default_origins}"
IFS=',' read -r -a origins <<<"$ALLOWED_ORIGINS"
cors=()
for origin in "${origins[@]}"; do
  origin="${origin// /}"
  [[ -z "$origin" ]] && continue
  if [[ "$origin" == "*" ]]; then
    echo "ALLOWED_ORIGINS must list origins; '*' is refused." >&2
    exit 2
  fi
  cors+=("$origin")
done
[[ ${#cors[@]} -gt 0 ]] || { echo "ALLOWED_ORIGINS is empty" >&2; exit 2; }
export ALLOWED_ORIGINS

# rasa_instance NAME PORT ENDPOINTS: one `rasa run` with the HTTP API behind the token
rasa_instance() {
  local name="$1" port="$2" endpoints="$3"
  start "$name" TERM "$BOT_VENV/bin/rasa" run --enable-api --auth-token="$RASA_TOKEN" \
    --cors "${cors[@]}" -i 127.0.0.1 -p "$port" --model "$MODEL" --endpoints "$endpoints" \
    --credentials credentials.yml --quiet --logging-config-file "$(log_config rasa "$name")"
}

# action_server NAME PORT
action_server() {
  start "$1" TERM "$BOT_VENV/bin/python" -m rasa_sdk --actions actions -p "$2" --quiet \
    --logging-config_file "$(log_config actions "$1")"
}

# api_server WORKERS
api_server() {
  [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]] || return 0
  start api TERM "$API_VENV/bin/uvicorn" api.main:app --host 127.0.0.1 --port "$API_PORT" \
    --workers "$1" --no-access-log --log-config "$(log_config api api)"
}

# ---------------------------------------------------------------- default profile
run_default() {
  # The action server calls the API on the port it really runs on (not a fixed 8000, where
  # another checkout's API may listen).
  export API_URL="${API_URL:-http://127.0.0.1:$API_PORT}"
  "$PY" scripts/render_config.py endpoints endpoints.yml "$RUN_DIR/endpoints.yml" \
    "http://127.0.0.1:$ACTIONS_PORT/webhook" "$VAR_DIR"
  echo "Starting the action server ..."
  action_server actions "$ACTIONS_PORT"
  if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
    echo "Starting the API ..."
    api_server 1
  fi
  echo "Starting the Rasa server (takes about a minute) ..."
  rasa_instance rasa "$RASA_PORT" "$RUN_DIR/endpoints.yml"

  wait_for "Action server" "http://127.0.0.1:$ACTIONS_PORT/health" 60
  if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
    wait_for "API" "http://127.0.0.1:$API_PORT/health" 60
  fi
  wait_for_rasa "Rasa server" "$RASA_PORT" 300
  echo
  echo "Digitalcheck is running. Chat: POST http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook"
  echo "Demo page: http://127.0.0.1:$API_PORT/"
}

# ---------------------------------------------------------------- scaled profile
if [[ "$PROFILE" == scaled ]]; then
  source "$ROOT/scripts/scaled/services.sh"
fi

if [[ "$PROFILE" == scaled ]]; then run_scaled; else run_default; fi
echo "Rasa HTTP API: token required; the token is in $token_source."
echo "CORS origins: ${cors[*]}"
echo "Logs: $LOG_DIR/ (no message texts; rotated at 10 MB)"
echo "Press Ctrl-C to stop."
set +e
wait -n "${pids[@]}"
if [[ $stopping -eq 0 ]]; then
  echo "A service stopped unexpectedly; see $LOG_DIR/." >&2
  exit 1
fi
