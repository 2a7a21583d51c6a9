# Two commands for a new user: `make demo` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo.duckdb
PORT   ?= 8501

.PHONY: install demo demo-data test lint bench clean

$(BIN)/healthclaims: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/healthclaims

demo-data: install
	$(BIN)/healthclaims run --db $(DEMO_DB)

demo: demo-data
	$(BIN)/healthclaims dashboard --db $(DEMO_DB) --port $(PORT)

lint: install
	$(BIN)/ruff check .

test: install lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) *.egg-info build demo.duckdb* warc
