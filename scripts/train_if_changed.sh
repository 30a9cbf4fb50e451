#!/usr/bin/env bash
# Trains the Rasa model only when data, config, domain or the custom NLU code changed.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
fingerprint="$(cat 2>/dev/null config.yml domain.yml $(find data/nlu data/stories data/rules data/lookup bot/nlu -type f \( -name '*.yml' -o -name "*.py" \) 2>/dev/null | sort) requirements/bot.txt | sha256sum | cut -d' ' -f1)"
stamp="models/.fingerprint"
if [[ -f "$MODEL" && -f "$stamp" && "$(cat "$stamp")" == "$fingerprint" ]]; then
  echo "Model is up to date ($MODEL)."
  exit 0
fi
mkdir -p models var/log
echo "Training the model (log: var/log/train.log) ..."
start=$(date +%s)
if ! "$BOT_VENV/bin/rasa" train --fixed-model-name digitalcheck --out models --force \
      --config config.yml --domain domain.yml --data data/nlu data/stories data/rules >var/log/train.log 2>&1; then
  tail -40 var/log/train.log
  echo "Training failed (see var/log/train.log)." >&2
  exit 1
fi
echo "$fingerprint" >"$stamp"
echo "Model trained in $(( $(date +%s) - start )) s: $MODEL"
