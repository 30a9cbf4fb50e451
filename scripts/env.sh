# Shared environment for the project's scripts (sourced). Quiet logs, no telemetry.
export TF_CPP_MIN_LOG_LEVEL=2
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export RASA_TELEMETRY_ENABLED=false
export TQDM_DISABLE=1
export PYTHONWARNINGS="ignore"
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
BOT_VENV="$ROOT/.venv-bot"
API_VENV="$ROOT/.venv-api"
MODEL="$ROOT/models/digitalcheck.tar.gz"
export BOT_VENV API_VENV MODEL
