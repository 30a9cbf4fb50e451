# Digitalcheck – two commands do everything: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

BOT_VENV := .venv-bot
API_VENV := .venv-api
ENV := source scripts/env.sh &&

.PHONY: help run test bot-env api-env envs domain domain-check train answer-model lint validate \
	test-unit test-stories test-e2e test-api test-channels test-scaled chromium axe bench \
	bench-api bench-dashboard bench-load bench-cpu scaleout-deps staff-user purge clean

help:
	@echo "make run    – set up what is missing, train if needed, start all services"
	@echo "make run PROFILE=scaled [SCALE=2] – nginx, N Rasa instances, Redis, PostgreSQL"
	@echo "make test   – lint, validate, unit, API and end-to-end tests"
	@echo "make bench  – benchmarks (training, start-up, latency, NLU accuracy)"
	@echo "make bench-load – single process vs. scaled profile under load"
	@echo "make domain – regenerate the questionnaire blocks of domain.yml"
	@echo "make staff-user NAME=anna – create a login for the staff dashboard"

$(BOT_VENV)/.installed: requirements/bot.txt
	@echo "Creating the bot environment (Python 3.10, Rasa 3.6.21; takes a few minutes) ..."
	@test -x $(BOT_VENV)/bin/python || "$$(scripts/find_python.sh 3.10)" -m venv $(BOT_VENV)
	@$(BOT_VENV)/bin/pip install -q --disable-pip-version-check --upgrade pip==24.2
	@$(BOT_VENV)/bin/pip install -q --disable-pip-version-check -r requirements/bot.txt \
		2>&1 | grep -v "is ignored: it is neither" || true
	@$(BOT_VENV)/bin/python -c "import rasa, rasa_sdk, text_to_num, rapidfuzz" \
		|| { echo "bot environment is broken" >&2; exit 1; }
	@touch $@

$(API_VENV)/.installed: requirements/api.txt
	@echo "Creating the API environment (Python 3.11+) ..."
	@test -x $(API_VENV)/bin/python || "$$(scripts/find_python.sh 3.11+)" -m venv $(API_VENV)
	@$(API_VENV)/bin/pip install -q --disable-pip-version-check -r requirements/api.txt \
		2>&1 | grep -v "is ignored: it is neither" || true
	@$(API_VENV)/bin/python -c "import fastapi, sqlalchemy, alembic" \
		|| { echo "API environment is broken" >&2; exit 1; }
	@touch $@

bot-env: $(BOT_VENV)/.installed
api-env: $(API_VENV)/.installed
envs: bot-env api-env

domain: bot-env
	@$(ENV) $(BOT_VENV)/bin/python -m bot.domain_gen

domain-check: bot-env
	@$(ENV) $(BOT_VENV)/bin/python -m bot.domain_gen --check

train: bot-env domain-check answer-model
	@scripts/train_if_changed.sh

answer-model: bot-env       # the action server's answer model (seconds; cached under models/)
	@$(ENV) $(BOT_VENV)/bin/python -m bot.nlu.answer_model | tail -1

# PROFILE=scaled: nginx, SCALE Rasa instances (default 2), Redis, PostgreSQL (docs/deployment.md)
run: envs train
	@PROFILE="$(PROFILE)" SCALE="$(SCALE)" scripts/run_all.sh

lint: envs
	@echo "== ruff"
	@$(BOT_VENV)/bin/ruff check . && $(BOT_VENV)/bin/ruff format --check .

validate: bot-env domain-check
	@echo "== rasa data validate"
	@$(ENV) $(BOT_VENV)/bin/rasa data validate --fail-on-warnings --domain domain.yml \
		--data data/nlu data/stories data/rules --config config.yml 2>&1 \
		| grep -vE "^\s*$$|UserWarning|warnings.warn" ; exit $${PIPESTATUS[0]}

test-unit: bot-env answer-model
	@echo "== unit tests (bot)"
	@$(ENV) $(BOT_VENV)/bin/pytest -q -p no:cacheprovider tests/unit tests/contract

test-api: api-env
	@echo "== API tests (SQLite)"
	@$(ENV) TEST_DATABASE_URL= $(API_VENV)/bin/pytest -q -p no:cacheprovider tests/api tests/contract
	@if [ -n "$$TEST_DATABASE_URL_PG" ]; then \
		echo "== API tests (PostgreSQL)"; \
		$(ENV) TEST_DATABASE_URL="$$TEST_DATABASE_URL_PG" $(API_VENV)/bin/pytest -q -p no:cacheprovider tests/api; \
	else echo "(PostgreSQL not configured: set TEST_DATABASE_URL_PG to run the API suite on it too)"; fi

test-stories: train
	@echo "== test stories"
	@$(ENV) $(BOT_VENV)/bin/rasa test core --model models/digitalcheck.tar.gz \
		--stories tests/stories --fail-on-prediction-errors --out var/test-results \
		>var/log/test-stories.log 2>&1 || { tail -30 var/log/test-stories.log; exit 1; }
	@grep -E "Finished|Correct|accuracy" var/log/test-stories.log | tail -3 || true

test-e2e: train api-env
	@echo "== end-to-end tests (real Rasa + action server + API over HTTP)"
	@$(ENV) $(BOT_VENV)/bin/pytest -q -p no:cacheprovider tests/e2e

chromium:
	@scripts/install_chromium.sh >/dev/null

axe:                        # axe-core (npm, pinned in tests/browser/axe) for the accessibility audit
	@scripts/install_axe.sh >/dev/null

test-channels: train api-env chromium axe
	@echo "== website widget in headless Chromium (with the axe-core audit), socket.io channel, Telegram webhook"
	@$(ENV) $(BOT_VENV)/bin/pytest -q -p no:cacheprovider tests/browser tests/telegram

scaleout-deps:              # Debian's redis-server, nginx, postgresql (root; only if missing)
	@scripts/install_scaleout.sh

test-scaled: train api-env scaleout-deps
	@echo "== scaled profile (nginx, 2 Rasa instances, Redis, PostgreSQL) and closed-by-default run"
	@$(ENV) $(BOT_VENV)/bin/pytest -q -p no:cacheprovider --durations=3 tests/scaled

test: lint validate test-unit test-api test-stories test-e2e test-channels test-scaled
	@echo "All checks passed."

bench: envs train
	@$(ENV) $(BOT_VENV)/bin/python scripts/bench.py

bench-load: envs train scaleout-deps   # SCALE=N ACTION_SERVERS=M API_WORKERS=K to tune
	@$(ENV) $(BOT_VENV)/bin/python scripts/bench_load.py

bench-cpu: envs train         # CPU per turn per process (PROFILE=scaled for the scaled profile)
	@$(ENV) $(BOT_VENV)/bin/python scripts/bench_cpu.py --profile $(or $(PROFILE),default)

bench-api: api-env          # add DATABASE_URL=postgresql+psycopg://... for PostgreSQL
	@$(ENV) $(API_VENV)/bin/python scripts/bench_api.py

bench-dashboard: api-env    # add DATABASE_URL=postgresql+psycopg://... for PostgreSQL
	@$(ENV) $(API_VENV)/bin/python scripts/bench_dashboard.py

staff-user: api-env         # make staff-user NAME=anna  (asks for the password)
	@test -n "$(NAME)" || { echo "usage: make staff-user NAME=<login>" >&2; exit 2; }
	@$(ENV) $(API_VENV)/bin/python -m api.cli staff-user $(NAME)

purge: envs  # API data (RETENTION_MONTHS, 24) + conversations (CONVERSATION_RETENTION_DAYS, 30)
	@$(ENV) $(API_VENV)/bin/python -m api.cli purge
	@$(ENV) $(BOT_VENV)/bin/python -m bot.privacy.retention --endpoints endpoints.yml \
		$(if $(DAYS),--days $(DAYS)) $(if $(NOW),--now $(NOW)) $(if $(ERASE),--erase '$(ERASE)')

clean:
	rm -rf models/*.tar.gz models/.fingerprint var/test-results
