# The one way to install, run, test and lint the portal. CI (.ci/run) calls these targets.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
# pyenv reads .python-version; fall back to whatever python3.12+ is on PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo $$p; break; fi; done)
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
SEED_REGIONS := 33.74 64.71 36.73 19.71

.PHONY: install run test lint format migrate messages makemessages seed bench clean backup restore

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12+ is required (pyenv install 3.13)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing into $(VENV) (takes a minute the first time) ..."
	@# The full pip log goes to .venv/pip.log; it is shown only when the install fails.
	@$(PY) -m pip install --upgrade pip > $(VENV)/pip.log 2>&1 || { tail -n 40 $(VENV)/pip.log; exit 1; }
	@$(PY) -m pip install -e '.[dev]' >> $(VENV)/pip.log 2>&1 || { tail -n 40 $(VENV)/pip.log; exit 1; }
	@touch $(STAMP)

install: $(STAMP)

messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

makemessages: install
	$(PY) manage.py makemessages --locale id --ignore=.venv --ignore=tests --ignore=benchmarks --no-obsolete

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

seed: migrate
	$(PY) manage.py import_regions $(SEED_REGIONS)
	$(PY) manage.py seed_demo
	$(PY) manage.py rebuild_search_index

run: export DJANGO_DEBUG ?= 1
run: messages seed
	$(PY) manage.py runserver $(HOST)

test: messages
	$(PY) -m pytest $(PYTEST_ARGS)

# Benchmark and load test on PostgreSQL databases of their own (docs/benchmarks.md):
# bench: national data at S=0.1 (bawaslu_bench_small) and S=1.0 (bawaslu_bench), every page
# against a bare baseline view; bench-quick: the CI guard at S=0.002 and 0.01 (bawaslu_benchq);
# loadtest: gunicorn + locust on bawaslu_bench (LOADTEST_WORKERS, LOADTEST_WORKER_CLASS, ...).
.PHONY: bench bench-quick loadtest
bench: messages
	$(PY) -m benchmarks bench

bench-quick: messages
	$(PY) -m benchmarks quick

loadtest: messages
	$(PY) -m benchmarks loadtest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Backups (docs/backups.md): the database and the uploaded files in one dated folder under
# BACKUP_DIR; restore verifies the checksums first and refuses a non-empty database.
BACKUP_DIR ?= backups
backup: install
	$(PY) manage.py backup --output "$(BACKUP_DIR)"

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/bawaslu-backup-YYYYMMDD-HHMMSS [RESTORE_ARGS='--force']"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" $(RESTORE_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
