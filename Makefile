# mechgraph: two commands. `make run` starts mechgraph on the bundled graph; `make test` runs every test.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install browser run test bench bench-scale load-test clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

run: install
	$(BIN)/mechgraph serve

browser:
	scripts/ensure-chromium

test: install browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Benchmarks print tables comparing mechgraph with the plain alternative, measured in the same run.
bench: install browser
	$(BIN)/python benchmarks/bench_queries.py
	$(BIN)/python benchmarks/bench_reasoning.py
	$(BIN)/python benchmarks/bench_export.py
	$(BIN)/python benchmarks/bench_dashboard.py
	$(BIN)/python benchmarks/bench_formats.py
	$(BIN)/python benchmarks/bench_layout.py
	$(BIN)/python benchmarks/eval_extract.py

# Literature scale: the store beside memory at 10k-1M relations, large views in the browser (minutes).
bench-scale: install browser
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_dashboard_scale.py

load-test: install
	$(BIN)/python benchmarks/load_test.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
