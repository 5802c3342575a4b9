# The README's two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: train-ties install run serve observatory fuzz soak backup restore audit migrate import test test-postgres test-browser lint format migrations-check accuracy bench bench-import bench-pages bench-data bench-export bench-deps ci clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

migrate: install
	$(BIN)/python manage.py migrate --noinput

import: migrate
	$(BIN)/python manage.py import_profiles fixtures/

run: import
	$(BIN)/python manage.py runserver $(HOST)

# Production: debug off (DJANGO_SECRET_KEY required), the schema brought up to date, the
# static files collected (hashed and compressed), then gunicorn (gunicorn.conf.py).
serve: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} exec $(BIN)/gunicorn --config gunicorn.conf.py

test: install
	$(BIN)/pytest -q

# Only the browser tests (also part of `make test`; they skip without /usr/bin/chromium).
test-browser: install
	$(BIN)/pytest -q -m browser

# The same suite on the local PostgreSQL server (as CI runs it).
test-postgres: install
	DATABASE_URL=$${PG_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/pgmd} $(BIN)/pytest -q

# Precision and recall of the parser per field, on each annotated corpus (seeds, practice,
# practice/real, our held-out sets), with every wrong or missing value; floors in
# tests/test_accuracy.py. `make accuracy ARGS=heldout/blind` reads one corpus.
accuracy: install
	$(BIN)/python -m profiles.accuracy $(ARGS)

# Retrain the learned tie and mention models from the tuned corpora (never the blind ones),
# after cross-validating them; profiles/parsing/data/{tie,mention}_model.json are committed.
train-ties: install
	$(BIN)/python -m profiles.parsing.train_ties

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

# The importer and JSON views on PostgreSQL and SQLite, then the pages on a generated
# archive of 50,000 groups and 1,000,000 events in PostgreSQL (bench/out/).
bench: bench-import bench-pages

# `make bench-import ARGS="--skip-sqlite --files 10000"`: options of bench/run.py.
bench-import: install
	$(BIN)/python -m bench.run $(ARGS)

bench-pages: install bench-deps
	$(BIN)/python -m bench.pages

# The files of /data/ and two releases, written from the same 50,000-group archive (in
# its own database): time, size and peak memory (bench/out/data.json).
bench-data: install
	$(BIN)/python -m bench.data

# The static export (manage.py export_site) of the generated archive of 50,000 groups (its
# own database), twice: the first run writes every file, the second after one group's
# edit only what it changed (bench/out/export.json). ARGS="--groups 2000 --events 40000"
# for a quick one.
bench-export: install
	$(BIN)/python -m bench.export $(ARGS)

# wrk measures requests/s under gunicorn (Debian/Ubuntu package).
bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO apt-get install -y wrk; }

# Known vulnerabilities in the pinned dependencies (pip-audit, PyPI's advisories); says
# plainly when the advisories cannot be read rather than failing on the network.
audit: install
	$(BIN)/python -m scripts.audit

# Mozilla's HTTP Observatory scan of the home page, a profile and the admin login, over
# TLS on 127.0.0.1 (needs node, npm and openssl); fails below A+.
observatory: install
	$(BIN)/python -m scripts.observatory

# 10,000 generated paths and query strings against every public page, in-process, on
# SQLite and on PostgreSQL (FUZZ_DATABASE_URL); fails on any 5xx. Under 3 minutes.
FUZZ_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/pgmd_fuzz
FUZZ_SECONDS ?= 85
fuzz: install
	DATABASE_URL=sqlite:///$(CURDIR)/var/fuzz.sqlite3 FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python -m scripts.fuzz 10000
	DATABASE_URL=$(FUZZ_DATABASE_URL) FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python -m scripts.fuzz 10000

# 200 concurrent clients for 60 s on gunicorn and PostgreSQL (SOAK_DATABASE_URL); prints
# requests/s and the p50/p95/p99 latency, fails on any error. Not in CI (over a minute).
soak: install
	$(BIN)/python -m scripts.soak

# The whole database to one file (pg_dump, or SQLite's backup API), and back:
# `make backup` writes var/backups/archive-DATE.backup; `make restore BACKUP=FILE` asks first.
BACKUP_DIR ?= var/backups
backup: install
	mkdir -p $(BACKUP_DIR)
	$(BIN)/python manage.py backup_archive $(BACKUP_DIR)/archive-$$(date -u +%Y%m%dT%H%M%SZ).backup

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/archive-....backup"; exit 2; }
	$(BIN)/python manage.py restore_archive $(BACKUP)

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts
