# The two commands a new user needs: `make demo` and `make test`.
# Everything is installed into .venv from the pinned lock file.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEMO_DB ?= demo.db

.PHONY: install install-test demo test eval bench lock clean services

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# The package and its runtime dependencies, as pinned in requirements.lock.
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# Test-only dependencies, the distribution's Chromium and a PostgreSQL server.
$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	touch $@

install-test: $(VENV)/.installed-test

services:
	@bash scripts/ensure-services.sh

demo: install
	$(BIN)/tidings demo --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: install-test services
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/tidings eval all --markdown docs/evaluation.md

bench: install-test
	$(BIN)/python bench/extract_speed.py

# Re-pin every dependency (needs the package index).
lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra server --extra postgres --extra scale -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra server --extra postgres --extra scale --extra test -o requirements-test.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DEMO_DB)
