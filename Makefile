# Phakhi — two commands: `make run` and `make test`. Needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/development.txt
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup install db demo messages lock lint format check clean bench load fuzz

run: setup
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py ensure_admin
	@echo "Serving Phakhi at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup
	DEBUG=$${DEBUG:-true} $(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed db demo

$(VENV)/.installed: $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	touch $@

install: $(VENV)/.installed

db: $(VENV)/.installed
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --noinput

demo: db
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load_demo

# Merge new strings into the .po files and compile them (no GNU gettext needed).
messages: $(VENV)/.installed
	DEBUG=true $(BIN)/python manage.py catalogue update

# Refresh the locks from pyproject.toml (needs the package index).
lock: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --upgrade -o requirements/production.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --upgrade --extra test -o requirements/development.txt pyproject.toml

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var/static

# Load-test the portal on a generated archive in PostgreSQL (database phakhi_bench) against a
# bare Django view, both under gunicorn: a table and var/bench/latest.json (no assertions).
# BENCH_SCALE=0.1 for a tenth of the archive; BENCH_ARGS="--duration 5 --rounds 3 --match /events/".
bench: setup
	DEBUG=$${DEBUG:-true} BENCH_SCALE=$${BENCH_SCALE:-1} $(BIN)/python manage.py benchmark $(BENCH_ARGS)

# Two gunicorn instances sharing PostgreSQL (database phakhi_load) and Redis (database 12),
# 64 connections for 60 s over the site map's pages and the public downloads, with wrk:
# prints errors (must be 0) and p99, and checks that an admin edit made through one instance
# is visible through the other on the next request. LOAD_DATABASE_URL, LOAD_REDIS_URL and
# LOAD_ARGS="--duration 10 --connections 16" choose other servers or a shorter run.
load: setup
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py load $(LOAD_ARGS)

# Send 10,000 hostile requests to the demo under gunicorn (production settings) over every URL
# pattern and print the counts by status; fails on any 5xx or reflected markup.
# FUZZ_ARGS="--requests 20000 --seed 7"; DATABASE_URL=postgres://… fuzzes PostgreSQL.
fuzz: setup
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py fuzz $(FUZZ_ARGS)
