# Warta: `make demo` to try it, `make test` to check it. See README.md.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell tools/find-python)

.PHONY: demo test lint format check pytest messages admin-messages serve clean help bench vnu \
	bench-search bench-wordpress-big soak

help:
	@echo "make demo [PORT=8000]  set up and serve the demo site on http://127.0.0.1:$(PORT)"
	@echo "make test              lint, checks and the test suite"
	@echo "make messages          update and compile the translation catalogues"
	@echo "make admin-messages    rebuild the admin's Indonesian catalogue (warta/backoffice)"
	@echo "make format            format the code with ruff"
	@echo "make soak              5 minutes of readers and editors behind nginx, checked"

$(BIN)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "No suitable Python found (see above)." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $@

venv: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/warta demo --port $(PORT)

test: lint check pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(BIN)/.installed
	DJANGO_SETTINGS_MODULE=warta.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=warta.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The suite runs in one process per core, at most four (PYTEST_WORKERS=0: in this one),
# slow tests first (conftest.py).
PYTEST_WORKERS ?= auto
pytest: $(BIN)/.installed
	$(BIN)/pytest -n $(PYTEST_WORKERS) --maxprocesses 4 $(PYTEST_ARGS)

# Loopback-only benchmarks; results with the machine description go to docs/benchmarks.md.
# scale.py: pages at 1,000 then 100,000 articles (PostgreSQL database warta_bench_scale);
# memory.py: worker RSS over 50,000 requests (SQLite demo); render.py: fresh rendering's
# CPU time in process, against the revision named by RENDER_BASELINE (default: HEAD);
# spread.py: readers spread over a 2,000-story archive against one story read again and again;
# logins.py: readers of a cached article during a flood of wrong passwords;
# pagecache_flood.py: the same during a flood of new query strings;
# wordpress_import.py: `warta import-wordpress` of a generated 50,000-post export, twice, on
# SQLite and on PostgreSQL (database bench_wordpress); soak.py: see `soak` below.
RENDER_BASELINE ?= HEAD
bench: $(BIN)/.installed
	$(BIN)/python bench/pages.py --database sqlite --write
	$(BIN)/python bench/render.py --against $(RENDER_BASELINE) --write
	$(BIN)/python bench/pages.py --database postgres --write
	$(BIN)/python bench/engagement.py --database sqlite,postgres --write
	$(BIN)/python bench/pagecache_flood.py --write
	$(BIN)/python bench/spread.py --database sqlite --write
	$(BIN)/python bench/spread.py --database postgres --write
	$(MAKE) bench-search
	$(BIN)/python bench/scale.py --write
	$(BIN)/python bench/memory.py --write
	$(BIN)/python bench/logins.py --write
	$(BIN)/python bench/wordpress_import.py --write
	$(BIN)/python bench/soak.py --write

# SOAK_MINUTES (setup included; the load runs at least a minute) of 50 readers with their view
# beacons and reactions, and 2 editors publishing, updating and unpublishing in the admin,
# against `warta serve` behind deploy/nginx.conf on loopback; fails on a 5xx, a view or
# reaction not stored, a change not shown, reader pages' p99 or worker memory growth.
# SOAK_ARGS: e.g. --write (docs/benchmarks.md), --postgres URL, --redis URL.
SOAK_MINUTES ?= 5
soak: $(BIN)/.installed
	$(BIN)/python bench/soak.py --minutes $(SOAK_MINUTES) $(SOAK_ARGS)

# 100,000 generated articles in PostgreSQL (database warta_bench_search), /cari/ timed.
bench-search: $(BIN)/.installed
	$(BIN)/python bench/search.py --articles 100000 --write

# wordpress_import.py as in `bench`, then a 1 GB export imported on SQLite for peak memory
# (about 7 minutes more, and a 1 GB file with its database in a temporary folder).
bench-wordpress-big: $(BIN)/.installed
	$(BIN)/python bench/wordpress_import.py --big --write

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(BIN)/.installed
	cd warta && ../$(BIN)/python ../manage.py makemessages --locale id --locale en --no-obsolete \
		--ignore 'tests/*' --ignore 'demo/*' --ignore 'backoffice/*'
	cd warta && ../$(BIN)/python ../manage.py compilemessages --locale id --locale en

# The admin's Indonesian: Wagtail's id_ID catalogues merged with warta/backoffice/sources/
# into warta/backoffice/locale/id/ (docs/development.md). Run again after upgrading Wagtail.
admin-messages: $(BIN)/.installed
	$(BIN)/python manage.py build_admin_catalogue

# The Nu HTML Checker for warta/discovery/tests/test_html_validity.py (needs Java and npm).
VNU_VERSION := 26.9.27
VNU_STAMP := var/tools/.vnu-jar-$(VNU_VERSION)

vnu: $(VNU_STAMP)

$(VNU_STAMP):
	mkdir -p var/tools
	npm install --prefix var/tools --no-save --no-audit --no-fund --ignore-scripts \
		vnu-jar@$(VNU_VERSION)
	@touch $@

clean:
	rm -rf $(VENV) var .pytest_cache
