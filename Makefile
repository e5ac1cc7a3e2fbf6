# Aftersales: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test test-sqlite test-postgres bench lint format messages clean

setup: $(VENV)/.installed static/vendor/.copied locale/.compiled

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (see .python-version)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.copied: node_modules/.installed scripts/vendor.py
	$(BIN)/python scripts/vendor.py
	touch $@

locale/.compiled: $(VENV)/.installed $(wildcard locale/*/LC_MESSAGES/django.po)
	mkdir -p locale
	$(MANAGE) compilemessages --locale fa --locale it --ignore '.venv/*' --ignore 'node_modules/*' --verbosity 0
	touch $@

run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) load_warranty_defaults
	$(MANAGE) load_demo
	@echo "Aftersales on http://$(HOST):$(PORT)/ (demo logins in README.md)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker & \
	  $(MANAGE) runserver --noreload $(HOST):$(PORT)

test: setup
	$(BIN)/pytest

bench: setup
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: setup
	$(MANAGE) makemessages --locale fa --locale it --no-obsolete --add-location file \
	  --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --ignore 'static/*' --ignore 'tests/*' --ignore 'bench/*'

clean:
	rm -rf $(VENV) node_modules static/vendor locale/.compiled
