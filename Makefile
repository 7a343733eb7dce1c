# hireloop: `make run` serves the demo workspace; `make test` runs lint, types and the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The screening engine is compiled at install (setup.py): editing it means building it again.
COMPILED_SOURCES := $(wildcard src/hireloop/screening/*.py)

.PHONY: install run test lint types pytest bench clean

$(STAMP): pyproject.toml constraints.txt setup.py $(COMPILED_SOURCES)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hireloop needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	rm -f src/*__mypyc*.so src/hireloop/screening/*.so
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/hireloop db upgrade
	$(BIN)/hireloop demo load
	$(BIN)/hireloop serve

lint: install
	$(BIN)/ruff check setup.py src tests bench
	$(BIN)/ruff format --check setup.py src tests bench

types: install
	$(BIN)/mypy --strict src

pytest: install
	$(BIN)/pytest

test: lint types pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build
	rm -f src/*__mypyc*.so src/hireloop/screening/*.so
