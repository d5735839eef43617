# NQS Registry — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements/dev.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or set PYTHON=python3.x" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

.PHONY: install
install: $(STAMP) ## Create .venv and install the locked dependencies

CATALOGUES := $(wildcard api/locale/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

api/locale/%/LC_MESSAGES/messages.mo: api/locale/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile -i $< -o $@ -l $*

.PHONY: messages
messages: $(COMPILED) ## Compile the gettext catalogues (.po -> .mo)

.PHONY: messages-extract
messages-extract: $(STAMP) ## Re-extract the msgids (pages, templates, the domain's and API's messages) into messages.pot and merge them into each .po
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k translate:2 --no-location --sort-output --omit-header -o api/locale/messages.pot .
	$(BIN)/pybabel update -i api/locale/messages.pot -d api/locale --no-fuzzy-matching --ignore-obsolete

.PHONY: assets
assets: $(STAMP) ## Re-fetch the pinned front-end files (api/static/vendor/manifest.json) from the npm registry
	$(BIN)/python -m api.vendor refresh

.PHONY: run
run: $(STAMP) messages ## Migrate, load the catalogue, ensure an admin, serve on http://127.0.0.1:8000 (projections in-process)
	$(BIN)/nqs migrate
	$(BIN)/nqs catalogue load
	$(BIN)/nqs users ensure-admin
	$(BIN)/nqs serve --with-projections

.PHONY: test
test: $(STAMP) messages ## Run the whole test suite (SQLite and PostgreSQL; starts or installs PostgreSQL)
	@if ! .ci/ensure-postgres.sh >/dev/null; then \
	  if [ "$${NQS_REQUIRE_POSTGRES:-}" = "1" ]; then echo "PostgreSQL is required" >&2; exit 1; fi; \
	  echo "PostgreSQL unavailable: its half of the suite will be skipped" >&2; \
	fi
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: test-unit
test-unit: $(STAMP) ## Run the fast unit tests only (no I/O)
	$(BIN)/pytest tests/unit $(PYTEST_ARGS)

.PHONY: lint
lint: $(STAMP) ## Ruff and mypy
	$(BIN)/ruff check domain registry projections api tests
	$(BIN)/ruff format --check domain registry projections api tests
	$(BIN)/mypy

.PHONY: format
format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format domain registry projections api tests
	$(BIN)/ruff check --fix domain registry projections api tests

.PHONY: chaos
chaos: $(STAMP) ## The full crash suite: 100 server kills, 20 worker kills, 10 PostgreSQL restarts under load (docs/reliability.md)
	NQS_CHAOS_SERVER_KILLS=$${NQS_CHAOS_SERVER_KILLS:-100} NQS_CHAOS_WORKER_KILLS=$${NQS_CHAOS_WORKER_KILLS:-20} \
	NQS_CHAOS_DB_RESTARTS=$${NQS_CHAOS_DB_RESTARTS:-10} NQS_CHAOS_SECONDS=$${NQS_CHAOS_SECONDS:-3600} \
	NQS_CHAOS_REPORT=$${NQS_CHAOS_REPORT:-var/chaos-report.json} \
	$(BIN)/pytest tests/chaos -m chaos -s -q $(PYTEST_ARGS)

.PHONY: bench
bench: $(STAMP) ## Run the benchmarks against PostgreSQL and print the figures
	@.ci/ensure-postgres.sh >/dev/null
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
	  echo "wrk not installed: the HTTP enrolment figure will be missing" >&2
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

.PHONY: worker
worker: $(STAMP) ## Run the projection worker (production runs it as its own process)
	$(BIN)/nqs projections run

.PHONY: lock
lock: ## Re-resolve the pinned dependencies (needs network)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/runtime.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements/dev.lock pyproject.toml

.PHONY: clean
clean: ## Remove the virtualenv, caches and the local data directory
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache var $(COMPILED)
