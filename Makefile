# spasmcourse: `make lab` opens the course, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# JupyterLab refuses to run as root (containers, CI) unless told it is intended.
LAB_ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test check html slides build lint vendor clean venv chromium graphviz screenshots bench

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11 or similar)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	mkdir -p $(VENV)/share/jupyter/lab/settings && cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

lab: venv graphviz
	$(BIN)/jupyter lab --ip=127.0.0.1 $(LAB_ROOT_FLAG) --ServerApp.root_dir=$(CURDIR) notebooks/00-start-here.ipynb

test: venv chromium graphviz
	$(BIN)/ruff check src tests tools
	$(BIN)/python -m pytest -n 2 --dist loadfile

chromium:
	@bash tools/ensure-chromium.sh

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

lint: venv
	$(BIN)/ruff check src tests tools

# Retake the README's screenshots (assets/screenshots/) with the browser tests that produce them.
screenshots: venv chromium graphviz
	SPASMCOURSE_SCREENSHOTS=1 $(BIN)/python -m pytest -n 2 --dist loadfile tests/test_live_lab.py \
		tests/test_export_browser.py tests/test_site_browser.py -k "answered_live or quiz_works_offline or flowchart_page_works"

vendor: venv
	$(BIN)/python tools/vendor_frontend.py

# Measure validation, builds, page weight, time to interactive and import time (about 20 minutes); writes benchmarks/results.md.
bench: venv chromium graphviz
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf _build .pytest_cache
