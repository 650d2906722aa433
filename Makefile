# The collection's commands. The README documents `make lab` and `make test`;
# the rest are for maintainers.
#
# Everything runs inside .venv, which is created on first use, and every file
# Jupyter, IPython and matplotlib would write to the home folder goes to
# .cache/ inside the clone (gitignored), so nothing is written outside it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STATE  := $(CURDIR)/.cache

export JUPYTER_RUNTIME_DIR := $(STATE)/jupyter/runtime
export JUPYTER_CONFIG_DIR  := $(STATE)/jupyter/config
export JUPYTER_DATA_DIR    := $(STATE)/jupyter/data
export JUPYTER_PLATFORM_DIRS := 1
export IPYTHONDIR          := $(STATE)/ipython
export MPLCONFIGDIR        := $(STATE)/matplotlib
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

NBVAL     := --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg

.PHONY: link lab present test test-fast bench notebooks check-notebooks instructor handouts class-view sources clean-env help

help:
	@echo "make lab        open JupyterLab at the start notebook"
	@echo "make present    projector mode: the notebooks as clean apps (Voila)"
	@echo "make test       create the environment and run every test"
	@echo "make notebooks  build notebooks/ from lessons/ (after editing a lesson, data or the package)"
	@echo "make check-notebooks  fail if a fresh build differs from the committed notebooks"
	@echo "make instructor build the instructor edition into build/instructor/"
	@echo "make link REPO=<address> [HUB=<hub>]  launch links: nbgitpuller, Binder, Colab"
	@echo "make handouts   printable packets (HTML, and PDF with Chromium) into build/handouts/"
	@echo "                (LEVEL=basic|advanced overrides data/class.yaml's reading level)"
	@echo "make class-view CLASS=folder  the class's forecasts (07), answers and quiz scores in build/class-view/"
	@echo "make bench      benchmarks, report in bench/results/"
	@echo "make sources    report on every cited source, in build/sources/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The folders that take the tools' state (see the top of this file).
$(STATE)/.made:
	@umask 077 && mkdir -p $(JUPYTER_RUNTIME_DIR) $(JUPYTER_CONFIG_DIR) $(JUPYTER_DATA_DIR) $(IPYTHONDIR) $(MPLCONFIGDIR)
	@touch $@

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.installed-run: requirements.txt requirements-kernel.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@


# Launch links for a hosted copy: make link REPO=<git address> [HUB=<hub address>]
# [NOTEBOOK=notebooks/NN_name.ipynb] [BRANCH=main] prints the nbgitpuller link
# for the hub, and for a GitHub repository Binder and Colab links.
link: | $(BIN)/python
	$(BIN)/python -m roundtable.tooling.links --repo "$(REPO)" $(if $(HUB),--hub "$(HUB)") \
	    $(if $(NOTEBOOK),--notebook "$(NOTEBOOK)") $(if $(BRANCH),--branch "$(BRANCH)")

# JupyterLab rooted at the clone (the file browser reaches my-work/exports),
# opening the start notebook; Jupyter's folders private (0700, umask 077).
lab: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.launch lab

# Projector mode: Voila serves every notebook as an app without code, in the
# collection's "projector" template (voila/templates/projector: large type, no
# stylesheets fetched from the internet). JUPYTER_PATH lets Voila find it.
# Jupytext's JupyterLab extension is left out: Voila cannot load it.
PRESENT_PORT ?= 8866
present: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.launch present --port=$(PRESENT_PORT)

# axe-core (npm) for the accessibility checks of the browser tests, pinned,
# installed inside .cache/ (npm's own cache too), never in the home folder.
AXE_VERSION := 4.14.1
AXE := $(STATE)/node/node_modules/axe-core/axe.min.js
$(AXE):
	@mkdir -p $(STATE)/node
	npm_config_cache=$(STATE)/npm npm install --prefix $(STATE)/node --no-audit --no-fund --silent \
	    axe-core@$(AXE_VERSION)

# The whole suite: package tests and strict nbval on every notebook. xdist
# keeps each notebook on one worker (--dist loadfile).
test: $(VENV)/.installed-test $(AXE) | $(STATE)/.made
	$(BIN)/python -m pytest -n 2 --dist loadfile --basetemp=$(STATE)/pytest $(NBVAL) tests notebooks instructor

# Package tests only, without the notebooks: quick feedback while editing.
test-fast: $(VENV)/.installed-test | $(STATE)/.made
	$(BIN)/python -m pytest -q --basetemp=$(STATE)/pytest tests

# Benchmarks: nbval against its floor, widget latency, Voila end to end and
# the answer store; report in bench/results/ (gitignored). Takes a few minutes.
bench: $(VENV)/.installed-test | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.bench --out bench/results

# Build notebooks/NN_name.ipynb from lessons/NN_name.md: insert the shared
# setup and export cells, execute in a fresh kernel, store the outputs without
# widget state or timings. The same inputs give the same bytes, so running it
# twice leaves `git status` clean. LESSONS=02_iran builds one.
LESSONS ?=
notebooks: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.build $(LESSONS)

# Fails, naming the notebook and its first differing cell, if a fresh build
# differs from what is committed (make test runs the same check).
check-notebooks: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.build --check

# Lesson plans, answer keys, facilitation notes and ground rules, built from
# exercises/ into build/instructor/ (gitignored: it holds the answer keys).
instructor: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.instructor

# Printable packets: each notebook's readings and questions (students' and
# instructor's), the role-play's handouts, as print-ready HTML in
# build/handouts/, and as PDF when Chromium is there (printed by Playwright).
handouts: $(VENV)/.installed-test | $(STATE)/.made
	$(if $(LEVEL),ROUNDTABLE_READING_LEVEL=$(LEVEL) )$(BIN)/python -m roundtable.tooling.handouts

# The class view of notebook 07: the students' forecast exports (collected in
# one folder) beside the panel's and the outcomes, for the instructor only.
# CLASS defaults to the made-up sample class.
CLASS ?= exercises/sample-class
class-view: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.classreport $(CLASS)

# Every citation in the data counted by publisher, with re-hosts, hosts that
# do not match the publisher, undated sources and re-host-only events flagged.
sources: $(VENV)/.installed-run | $(STATE)/.made
	$(BIN)/python -m roundtable.tooling.sourcereport --out build/sources

clean-env:
	rm -rf $(VENV) $(STATE)
