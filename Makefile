# Briefing on AI in Morocco: `make report` builds it, `make test` checks it.
# Every target creates the environment first if it is missing: the runtime (requirements.lock)
# and the development tools (requirements-dev.lock, a superset with the same versions).

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAW_DIR ?= data/raw
OUT_DIR ?= .
KERNEL := ai-maroc-briefing
# Bytecode is compiled once at install (uv --compile-bytecode) and for src/ by the targets:
# with PYTHONDONTWRITEBYTECODE set and no .pyc, every run recompiles ~2,000 modules (~20 s).
unexport PYTHONDONTWRITEBYTECODE
# System libraries WeasyPrint needs (Pango, HarfBuzz subsetting) and a font with French glyphs.
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils

.PHONY: help env sysdeps report test eval bench lint lock clean

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

## env: create .venv from requirements-dev.lock (runtime + dev tools), install the package and its Jupyter kernel
env: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml | sysdeps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -r requirements-dev.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q src
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (briefing IA Maroc)" >/dev/null
	touch $(STAMP)

## sysdeps: install the system libraries the PDF renderer needs (apt, when root and missing)
sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; fi; \
	fi

## report: run the four notebooks on RAW_DIR (default data/raw) and write the briefing under OUT_DIR (default .)
report: env
	$(BIN)/briefing --raw-dir "$(RAW_DIR)" --out-dir "$(OUT_DIR)"

## test: run the whole test suite (unit + end-to-end)
test: env
	$(BIN)/python -m pytest -q

## eval: run the pipeline on tests/eval/pages and score it with ../shared/eval's scorers -> reports/eval/
eval: env
	$(BIN)/python tests/eval/run.py --out reports/eval

## bench: wall time, CPU time and peak memory per stage, seeds and generated corpora -> reports/bench/
bench: env
	$(BIN)/python tools/bench.py --out-dir reports/bench

## lint: ruff (checks and formatting) on src/, tests/ and tools/, mypy on src/ and tools/
lint: env
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/mypy src tools

## lock: re-resolve requirements.in (runtime) and requirements-dev.in into their locks and environment.yml
lock: env
	$(BIN)/uv pip compile -q requirements.in --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile -q requirements-dev.in --python-version 3.11 -o requirements-dev.lock
	$(BIN)/python tools/envfile.py requirements.lock environment.yml

## clean: delete generated tables, reports and the per-article cache (not the environment)
clean:
	rm -rf data/interim/* data/processed/* reports/*
	touch data/interim/.gitkeep data/processed/.gitkeep reports/.gitkeep
