# Bouquet: `make demo` serves the French demo town, `make test` runs the lint and every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
PG_URL ?= $(shell scripts/postgres-url.sh)
# One BLAS/OpenMP thread per process: the engine works on small matrices, and on two busy cores idle threads
# spin instead of helping (the seeding ran 2-3 times slower with them; the test runs use two worker processes).
ONE_THREAD := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# Pure algorithms import no Django and touch no database: the PostgreSQL pass need not run them again.
# The browser crawl of every page at 320 px and on a desktop (layout, axe, third-party requests) checks what the
# browser draws, the same on both databases; the pages' queries run on PostgreSQL in tests/www/test_plain_language.py
# (decision 0010).
DB_FREE_TESTS := --ignore=tests/bouquets/engine --ignore=tests/budgets/counting --ignore=tests/conversations/opinion \
	--ignore=tests/e2e/test_crawl.py

.PHONY: help install demo dev test test-sqlite test-postgres lint fix browser messages bench clean

help:
	@echo "make demo   installe tout, crée la ville de démonstration et sert le site sur http://127.0.0.1:$(PORT)"
	@echo "make test   installe ce qu'il faut, lance le lint et tous les tests (SQLite puis PostgreSQL)"
	@echo "make dev    sert le site et lance le travailleur de tâches"
	@echo "make lint | fix | messages | bench | clean"

$(STAMP): pyproject.toml requirements.lock
	@PYBIN=$$(scripts/find-python.sh) || exit 1; \
	if [ ! -x $(PY) ]; then echo "Création de $(VENV) avec $$PYBIN"; "$$PYBIN" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

install: $(STAMP)

# The demo's texts are data files in bouquet/demo/data/. Its first regroupings work on small matrices, where a second
# BLAS/OpenMP thread gains little on a quiet machine and costs much on a busy one (idle threads spin).
demo: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.dev $(ONE_THREAD) $(PY) manage.py seed_demo --port $(PORT)
	@echo "Serveur : http://127.0.0.1:$(PORT)  (Ctrl+C pour arrêter ; un travailleur de tâches tourne à côté)"
	export DJANGO_SETTINGS_MODULE=config.settings.dev TASKS_BACKEND=django_tasks_db.DatabaseBackend; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	scripts/run-worker.sh $(PY) --no-reload --interval 1 & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

dev: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py migrate --noinput
	export DJANGO_SETTINGS_MODULE=config.settings.dev TASKS_BACKEND=django_tasks_db.DatabaseBackend; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	scripts/run-worker.sh $(PY) --interval 1 & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

browser:
	@scripts/ensure-chromium.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy bouquet config
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check
	$(VENV)/bin/bandit -c pyproject.toml -q -r bouquet scripts
	@# Known vulnerabilities fail; an unreachable vulnerability database is said loudly and does not fail.
	$(PY) scripts/audit-dependencies.py

fix: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Both passes require the browser and the shared data folder (../shared/data, or BOUQUET_SHARED_DATA): where
# either is missing, the tests that need it fail instead of skipping.
test: install browser lint
	@rm -f var/test-passes/*.ok; mkdir -p var/test-passes
	@echo "== Tests sur SQLite =="
	env -u DATABASE_URL $(ONE_THREAD) BOUQUET_REQUIRE_BROWSER=1 BOUQUET_REQUIRE_SHARED_DATA=1 $(PY) -m pytest -n 2
	@touch var/test-passes/sqlite.ok
	@if [ -n "$(PG_URL)" ]; then \
		echo "== Tests sur PostgreSQL ($(PG_URL)) =="; \
		DATABASE_URL="$(PG_URL)" $(ONE_THREAD) BOUQUET_REQUIRE_BROWSER=1 BOUQUET_REQUIRE_SHARED_DATA=1 \
			$(PY) -m pytest -n 2 $(DB_FREE_TESTS) \
			&& touch var/test-passes/postgresql.ok; \
	else \
		echo "!! PostgreSQL injoignable (ni DATABASE_URL ni 127.0.0.1:5432) : la passe PostgreSQL N'A PAS ÉTÉ LANCÉE."; \
		echo "!! PostgreSQL unreachable: the PostgreSQL pass DID NOT RUN."; \
	fi
	@test -f var/test-passes/sqlite.ok && { [ -z "$(PG_URL)" ] || test -f var/test-passes/postgresql.ok; }

messages: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py makemessages -l en -l fr --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests --ignore=bench
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py compilemessages --ignore=.venv

bench: install
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static var/test-passes
