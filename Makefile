# Two commands do everything on a fresh machine with Python 3.11, Node.js and make:
#   make demo   set up, load the demo content and run the site with a Celery worker and beat
#   make test   set up what the tests need and run the whole suite
# Everything lands in .venv, node_modules, static_build and var/, all ignored by git.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
# The suite runs in one process per core (pytest-xdist), each handed tests in the order
# pytest-django puts them (transactional tests last), except that a module marked with an
# xdist_group runs in one process, so what it loads once (the demo) is loaded once.
# TEST_PROCESSES=0 runs the suite in a single process.
TEST_PROCESSES ?= auto
PARALLEL := --numprocesses $(TEST_PROCESSES) --dist loadgroup
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test bench lint check pytest browser-tests install install-test assets migrate lock clean help

help:
	@echo "make demo   run the site with demo content, a Celery worker and beat (PORT=$(PORT))"
	@echo "make test   lint, checks and the whole test suite"
	@echo "make bench  the benchmarks in benchmarks/, as one table (BENCH_DATABASE_URL for PostgreSQL)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	@touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base assets
install-test: $(VENV)/.installed-test assets

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# GOV.UK Frontend's prebuilt dist, less the GOV.UK typeface: the academy is not a GOV.UK service.
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
static_build/.built: node_modules/.package-lock.json
	rm -rf static_build && mkdir -p static_build/govuk
	cp $(GOVUK_DIST)/govuk-frontend.min.js static_build/govuk/
	sed -e 's/@font-face{font-family:GDS Transport[^}]*}//g' -e 's/GDS Transport,//g' \
		-e 's/font-family:GDS Transport;/font-family:arial,sans-serif;/g' \
		-e 's|/\*# sourceMappingURL=[^*]*\*/||' \
		$(GOVUK_DIST)/govuk-frontend.min.css > static_build/govuk/govuk-frontend.min.css
	@! grep -q 'GDS Transport' static_build/govuk/govuk-frontend.min.css || (echo "GOV.UK typeface still referenced" && exit 1)
	@touch $@

assets: static_build/.built

var:
	mkdir -p var/celery-broker var/media

migrate: $(VENV)/.installed-base assets | var
	$(MANAGE) migrate --no-input

DEMO_URL := http://127.0.0.1:$(PORT)

demo: migrate
	@SITE_URL=$(DEMO_URL) $(MANAGE) load_demo
	@echo
	@echo "The Digital Leadership Academy is starting at $(DEMO_URL)/"
	@echo "with a Celery worker and beat ($(DEMO_URL)/readyz shows them to admin@). Ctrl-C stops all three."
	@echo
	@PATH="$(abspath $(BIN)):$$PATH" SITE_URL=$(DEMO_URL) \
		$(BIN)/honcho --env /dev/null --procfile Procfile.demo start --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(VENV)/.installed-test assets | var
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) makemigrations --check --dry-run

pytest: $(VENV)/.installed-test assets | var
	$(BIN)/pytest -m "not browser" $(PARALLEL)

browser-tests: $(VENV)/.installed-test assets | var
ifeq ($(CHROMIUM),)
	@echo "*** No Chromium found: the browser lane (axe accessibility checks) did NOT run."
	@echo "*** Install Debian's chromium (apt-get install chromium) to run it; .ci/run does."
else
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest -m browser $(PARALLEL)
endif

test: lint check pytest browser-tests

# Speed targets, measured against a fresh database of their own (var/bench.sqlite3, or the
# PostgreSQL database in BENCH_DATABASE_URL, which is dropped and made again).
bench: $(VENV)/.installed-test assets | var
	DJANGO_SETTINGS_MODULE=academy.settings.bench $(BIN)/python -m benchmarks.run

# Regenerate the lock files after changing pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -q -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -q -o requirements/test.txt

clean:
	rm -rf $(VENV) node_modules static_build var
