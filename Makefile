# The two commands: `make lab` (set up and open the course) and `make test` (set up and run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root unless told to.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PORT ?= 8888
JOBS ?= auto

export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup system-deps lab test build bench lint clean

setup: $(STAMP)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,site]'
	touch $(STAMP)

lab: setup
	@echo "Opening the course: the URL to open in your browser is printed below."
	$(BIN)/jupyter lab $(ROOT_FLAG) --port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
		--ServerApp.default_url=/lab/tree/course/00_start_here/start_here.ipynb

# Debian packages for the browser, PostgreSQL and JupyterHub tests (installed when run as root).
system-deps:
	bash scripts/system-deps.sh

test: setup system-deps
	$(BIN)/python -m pytest -n $(JOBS) $(PYTEST_ARGS)

build: setup
	$(BIN)/qispread build

bench: setup
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) .pytest_cache gradebook

# The course as a static website at build/site/ (docs/site.md). An academy sets QISPREAD_SITE_HUB
# and QISPREAD_SITE_REPO for the "open in JupyterLab" links.
SITE_AXE := build/axe/node_modules/axe-core/axe.min.js
.PHONY: site
site: setup
	cd site && $(abspath $(BIN))/python -m sitebuild

# axe-core (npm registry) for the website's accessibility tests
$(SITE_AXE):
	npm install --prefix build/axe --no-audit --no-fund axe-core@4

test: $(SITE_AXE)
