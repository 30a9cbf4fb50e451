#!/usr/bin/env bash
# Starts the action server (5055), the API (8000) and the Rasa server (5005) on 127.0.0.1.
# Ctrl-C stops everything. Logs go to var/log/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mkdir -p var/log var/rasa
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
API_PORT="${API_PORT:-8000}"
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping Digitalcheck ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap stop INT TERM EXIT

wait_for() {  # name url seconds
  local name="$1" url="$2" limit="$3" i
  for ((i = 0; i < limit * 2; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "  $name ready: $url"; return 0; fi
    sleep 0.5
  done
  echo "  $name did not come up within ${limit}s (see var/log/)" >&2
  return 1
}

echo "Starting the action server ..."
"$BOT_VENV/bin/python" -m rasa_sdk --actions actions -p "$ACTIONS_PORT" --quiet \
  >var/log/actions.log 2>&1 &
pids+=($!)

if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
  echo "Starting the API ..."
  "$API_VENV/bin/uvicorn" api.main:app --host 127.0.0.1 --port "$API_PORT" --log-level warning \
    >var/log/api.log 2>&1 &
  pids+=($!)
fi

echo "Starting the Rasa server (takes about a minute) ..."
auth=()
[[ -n "${RASA_TOKEN:-}" ]] && auth=(--auth-token "$RASA_TOKEN")
"$BOT_VENV/bin/rasa" run --enable-api --cors "*" -i 127.0.0.1 -p "$RASA_PORT" \
  --model "$MODEL" --endpoints endpoints.yml --credentials credentials.yml \
  ${auth[@]+"${auth[@]}"} >var/log/rasa.log 2>&1 &
pids+=($!)

wait_for "Action server" "http://127.0.0.1:$ACTIONS_PORT/health" 60
if [[ -x "$API_VENV/bin/uvicorn" && -f api/main.py ]]; then
  wait_for "API" "http://127.0.0.1:$API_PORT/health" 60
fi
wait_for "Rasa server" "http://127.0.0.1:$RASA_PORT/" 300
echo
echo "Digitalcheck is running. Chat: POST http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook"
echo "Press Ctrl-C to stop."
wait -n "${pids[@]}" || true
echo "A service stopped unexpectedly; see var/log/." >&2
