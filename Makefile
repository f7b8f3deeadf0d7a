# D-Team-Assistent — set-up, training, running and testing.
# `make run` and `make test` do all of their own set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
RASA   := $(BIN)/rasa
STAMPS := .stamps
MODEL  := models/d-team.tar.gz

RASA_PORT    ?= 5005
ACTIONS_PORT ?= 5055
WEB_PORT     ?= 8080
export RASA_PORT ACTIONS_PORT WEB_PORT

TRAIN_INPUTS := config.yml domain.yml $(shell find data nlu_components -name '*.yml' -o -name '*.py' 2>/dev/null)

.PHONY: help install system-deps kb train channel-envs run shell actions matrix stats purge audit teams-app test pytest \
        validate lint format nlu-eval stories-test bench clean

help:
	@echo "make run    – alles einrichten, trainieren und den Assistenten starten (Chat: http://localhost:$(WEB_PORT)/)"
	@echo "make test   – alles einrichten und sämtliche Tests ausführen"
	@echo "weitere Ziele: install, train, kb, shell, matrix, stats, purge, teams-app, pytest, lint, format, validate, nlu-eval, stories-test, bench, clean"

# --- set-up ------------------------------------------------------------------------------
$(STAMPS)/venv:
	@mkdir -p $(STAMPS)
	@py=$$(scripts/find_python310.sh) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "Lege $(VENV) mit $$py an"; "$$py" -m venv $(VENV); fi
	@touch $@

$(STAMPS)/install: $(STAMPS)/venv requirements.txt requirements-dev.txt requirements-semantic.txt constraints.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-semantic.txt
	@touch $@

install: $(STAMPS)/install

# Debian packages the tests need (headless Chromium for the web chat, nginx for scale-out).
system-deps:
	@scripts/install_system_deps.sh

# --- knowledge base ----------------------------------------------------------------------
kb: install
	$(PY) -m dteam.kb.ingest

# --- training ----------------------------------------------------------------------------
$(MODEL): $(TRAIN_INPUTS) | $(STAMPS)/install
	@start=$$(date +%s); \
	$(RASA) train --fixed-model-name d-team --out models --quiet || exit 1; \
	echo "Training dauerte $$(( $$(date +%s) - start )) s"
	@touch $@

train: install $(MODEL)

# --- running -----------------------------------------------------------------------------
run: install kb train
	@scripts/run.sh

actions: install
	@scripts/actions.sh

# Matrix bridge alone (its own venv .venv-matrix; needs MATRIX_HOMESERVER etc., see docs/channels-matrix.md).
matrix: install
	@scripts/matrix_venv.sh
	$(PY) -m bot.matrix_bridge

# Anonymous results: type distribution next to the study's Table 2.
stats: install
	$(PY) scripts/stats.py

# Known vulnerabilities of the pinned dependencies (pip-audit in .venv-audit; needs its online service).
audit:
	@scripts/audit.sh

# Data protection: delete conversations older than TRACKER_RETENTION_DAYS (default 30).
purge: install
	$(PY) scripts/purge.py

# Teams app package (build/teams-app.zip): TEAMS_APP_ID=<App-ID> TEAMS_BOT_HOST=<host> make teams-app
teams-app: install
	$(PY) -m bot.teams_manifest.build_package

shell: install kb train
	@scripts/write_endpoints.sh build/endpoints.yml
	@scripts/actions.sh >build/actions-shell.log 2>&1 & \
	  trap "kill $$! 2>/dev/null" EXIT; sleep 8; \
	  $(RASA) shell --model $(MODEL) --endpoints build/endpoints.yml

# --- tests -------------------------------------------------------------------------------
# One step after the other: side by side on two cores, the index and the model took 350 s instead
# of about 280 s on a fresh clone.
test: install system-deps kb train channel-envs
	@scripts/test_all.sh

# The venvs of the Matrix tests (the bridge's matrix-nio, the test homeserver Synapse), made before
# pytest starts so that their pip runs do not count against the channel tests' timeouts.
channel-envs:
	@scripts/matrix_venv.sh
	@scripts/synapse_test_env.sh install

# pytest alone (the server tests need the trained model).
pytest: install kb train
	$(PY) -m pytest -q tests

# Lint and format check (config in pyproject.toml); `make format` fixes what it can.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

validate: install
	$(RASA) data validate --fail-on-warnings

stories-test nlu-eval: install kb train
	@scripts/test_rasa.sh

bench: install kb train
	$(PY) bench/bench_goals.py
	$(PY) bench/bench_kb.py
	$(PY) bench/bench_load.py
	$(PY) bench/bench_understanding.py
	$(PY) bench/bench_turns.py

clean:
	rm -rf $(STAMPS) models results build .pytest_cache
