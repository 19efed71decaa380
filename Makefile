# The two commands: `make lab` (set up and open the course) and `make test` (set up and run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root unless told to.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PORT ?= 8888
JOBS ?= auto
# The tested versions of every dependency (refresh with `make lock`).
CONSTRAINTS := constraints.txt
# What setup installs: the tutors' and developers' extras here; in the learner edition (no
# solutions/) only what learners need, so that its first `make lab` is quick.
comma := ,
EXTRAS := $(if $(wildcard solutions),dev$(comma)site,learner)
# jsonschema's optional IRI checker (pulled in by jupyter-events) builds a parser grammar on import:
# about 1.1 s of CPU in every process that imports nbformat (each nbgrader, papermill and Jupyter
# process). Nothing here validates IRIs, so it is removed after installing.
SLOW_IMPORTS_OUT = $(1)/python -m pip uninstall --quiet --yes rfc3987-syntax
# The inner loop is the unit tier: tests that need only the library (no kernel, server, browser,
# nbgrader build or autograde, executed notebook, wheel or property test); the grading logic's unit
# tests are in it. `make test` runs every tier. The tiers and the markers they are made from:
# pyproject.toml, tests/conftest.py, docs/test-suite.md.
FAST_MARKERS := unit

export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup system-deps lab test test-fast typecheck lock build learner-edition bench lint clean clean-gradebook

setup: $(STAMP)

# Reinstall only when the project's dependencies or their tested versions change.
$(STAMP): pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[$(EXTRAS)]'
	$(call SLOW_IMPORTS_OUT,$(BIN))
	touch $(STAMP)

# Course settings (no news pop-up); without solutions/ (the learner edition) nbgrader's tutor tools
# are off too. `qispread lab` starts the start notebook's kernel before it opens the browser, so
# JupyterLab never asks which kernel to use (src/qispread/cli_lab.py).
lab: setup
	@echo "Opening the course: the URL to open in your browser is printed below."
	JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter-config/course$(if $(wildcard solutions),,:$(CURDIR)/jupyter-config/learner)$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
		$(BIN)/qispread lab --root=$(CURDIR) --notebook=course/00_start_here/start_here.ipynb \
		-- $(ROOT_FLAG) --port=$(PORT)

# Debian/Ubuntu packages for the browser, PostgreSQL, sandbox and JupyterHub tests: installed when
# run as root; otherwise the script names the apt-get command and those tests skip.
system-deps:
	bash scripts/system-deps.sh

# As root (CI) the system packages are installed first so that every test runs; as another user
# the tests that need a missing package skip and say how to install it. Then the linter and the
# type check (the layering contracts are a test: tests/test_layering.py).
test: setup
	bash scripts/system-deps.sh
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -n $(JOBS) $(PYTEST_ARGS)

# The inner loop (aim: under 60 s on 2 cores): the unit tier.
test-fast: setup
	$(BIN)/python -m pytest -n $(JOBS) -m $(FAST_MARKERS) $(PYTEST_ARGS)

typecheck: setup
	$(BIN)/python -m mypy

# Re-resolve every dependency to the newest versions pyproject.toml allows and record them.
# Run `make test` afterwards and commit constraints.txt only if it passes.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[dev,site]'
	$(call SLOW_IMPORTS_OUT,.lock-venv/bin)
	{ echo "# The tested versions of every package the course, grading and development installs use."; \
	  echo "# make setup installs with -c constraints.txt. Refresh after changing pyproject.toml's ranges:"; \
	  echo "#   make lock"; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^qispread' ; } > $(CONSTRAINTS)
	rm -rf .lock-venv

build: setup
	$(BIN)/qispread build

# The folder learners receive (repository tooling: it copies this checkout), e.g.
# make learner-edition OUT=../qispread-learners
learner-edition: setup
	$(BIN)/python scripts/learner_edition.py --output $(OUT)

bench: setup
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/lint-imports

# Removes only what setup and the tests make. The tutors' gradebook/ (submissions, feedback,
# grades) is never touched here: see clean-gradebook.
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .hypothesis dist build \
		test-artifacts

# Deletes every submission, feedback file and grade in gradebook/, after asking.
clean-gradebook:
	@printf 'This deletes gradebook/: every submission, feedback file and grade. Type "delete" to go on: '; \
	read answer; \
	if [ "$$answer" = delete ]; then rm -rf gradebook && echo "gradebook/ deleted."; else echo "Nothing deleted."; fi

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
