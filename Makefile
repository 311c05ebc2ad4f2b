# spasmcourse: `make lab` opens the course, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A learner's setup (runtime dependencies) and the test tools are installed separately.
STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
PIP := $(BIN)/python -m pip install --disable-pip-version-check --progress-bar on
# JupyterLab refuses to run as root (containers, CI) unless told it is intended.
LAB_ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

LINT_PATHS := src tests benchmarks tools notebooks
ESLINT := tools/jslint/node_modules/.bin/eslint --config tools/jslint/eslint.config.mjs "src/spasmcourse/**/*.js" "tests/js/**/*.mjs"

.PHONY: lab test test-hub hub-proxy jslint check html slides build lint vendor clean venv test-venv chromium graphviz screenshots bench fuzz

venv: $(STAMP)

test-venv: $(TEST_STAMP)

$(STAMP): pyproject.toml binder/overrides.json binder/server-config.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11 or similar)")'
	@echo "Setting up $(VENV) with the course and JupyterLab (a few minutes the first time; pip lists each package)."
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings $(VENV)/etc/jupyter
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	cp binder/server-config.json $(VENV)/etc/jupyter/jupyter_server_config.json
	@touch $(STAMP)
	@echo "$(VENV) is ready."

$(TEST_STAMP): $(STAMP)
	@echo "Adding the test tools to $(VENV)."
	$(PIP) -e '.[test]'
	@touch $(TEST_STAMP)

# .venv/bin comes first on PATH for the server, its kernels and its terminals (spasmcourse progress works there).
# Terminals run the learner's shell as it is: a login shell (the default when make's output is not a terminal)
# would reset PATH from /etc/profile. LAB_ARGS adds JupyterLab options (the tests set a port and a token).
LAB_ARGS ?=
lab: venv graphviz
	@echo "Starting JupyterLab on http://127.0.0.1 at lesson 00; press Ctrl+C twice here to stop it."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/jupyter lab --ip=127.0.0.1 $(LAB_ROOT_FLAG) --ServerApp.root_dir=$(CURDIR) \
		--ServerApp.terminado_settings=shell_command="$${SHELL:-/bin/sh}" $(LAB_ARGS) notebooks/00-start-here.ipynb

test: test-venv chromium graphviz jslint
	$(BIN)/ruff check $(LINT_PATHS)
	$(ESLINT)
	$(BIN)/python -m pytest -n 2 --dist loadfile

chromium:
	@bash tools/ensure-chromium.sh

# A real JupyterHub on 127.0.0.1 with six students at once (tests/test_hub.py, about a minute); prints the
# time from login to first saved answer and the memory of each student's server. Not part of `make test`.
test-hub: test-venv chromium graphviz hub-proxy
	$(BIN)/python -m pytest -m hub -s -p no:xdist tests/test_hub.py

# JupyterHub's proxy (configurable-http-proxy, pinned by tools/proxy/package-lock.json) into .hub/proxy.
hub-proxy:
	@bash tools/install-proxy.sh

# Graphviz's dot lays out the flowchart diagrams (lessons in JupyterLab, pages, the build).
graphviz:
	@bash tools/ensure-graphviz.sh

check: venv
	$(BIN)/spasmcourse check

build: venv graphviz
	$(BIN)/spasmcourse build

html: venv graphviz
	$(BIN)/spasmcourse build --only html

slides: venv graphviz
	$(BIN)/spasmcourse build --only slides

# Python (notebooks included) and the course's own JavaScript (not vendored files), by ruff and ESLint.
lint: test-venv jslint
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(ESLINT)

# ESLint, pinned by tools/jslint/package-lock.json, into tools/jslint/node_modules.
jslint:
	@bash tools/install-jslint.sh

# Retake the README's screenshots (assets/screenshots/) with the browser tests that produce them.
screenshots: test-venv chromium graphviz
	SPASMCOURSE_SCREENSHOTS=1 $(BIN)/python -m pytest -n 2 --dist loadfile tests/test_live_lab.py \
		tests/test_export_browser.py tests/test_site_browser.py tests/test_class_report.py \
		-k "answered_live or quiz_works_offline or flowchart_page_works or report_page_offline"

vendor: venv
	$(BIN)/python tools/vendor_frontend.py

# Measure validation, builds, page weight, time to interactive and import time (about 20 minutes); writes benchmarks/results.md.
bench: test-venv chromium graphviz
	$(BIN)/python benchmarks/run.py

# Seeded mutations of copies of the course, each checked and classified; prints a summary line (make fuzz N=1000 SEED=7).
N ?= 1000
SEED ?= 19
fuzz: test-venv chromium
	$(BIN)/python tests/fuzz.py --count $(N) --seed $(SEED) --build-every 100

clean:
	rm -rf _build .pytest_cache .hub tools/jslint/node_modules
