# The README's two commands: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test test-all lint bench fuzz

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/streamlit run app.py

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# Everything, at full length: the slow cases too, and the fuzz tests with many more inputs (an hour or more).
test-all: lint
	MINIFIG_SLOW=1 HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider

# The fuzz tests (pytest -m fuzz) with many more generated and damaged inputs than `make test` gives them.
fuzz: $(INSTALLED)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -m fuzz -p no:cacheprovider

bench: $(INSTALLED)
	$(BIN)/python bench/train_speed.py
