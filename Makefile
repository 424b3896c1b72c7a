# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations update-translations screenshots package bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files make the second `make run` start at once instead of re-running pip.
$(VENV)/.installed-app: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

translations: $(VENV)/.installed-app
	$(BIN)/python tools/build_translations.py

# Refreshes the .ts sources from the code (Qt's lupdate plus the core.text.tr() strings).
update-translations: $(VENV)/.installed-app
	$(BIN)/python tools/update_translations.py

screenshots: $(VENV)/.installed-app translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/take_screenshots.py

run: $(VENV)/.installed-app translations
	$(BIN)/python -m stepfun_studio

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(VENV)/.installed-test translations lint
	bash tests/run_pytest.sh $(BIN)/python

$(VENV)/.installed-package: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(VENV)/.installed-app

# The Linux one-folder bundle in packaging/dist/stepfun-studio (see packaging/stepfun_studio.spec).
package: $(VENV)/.installed-package translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath packaging/dist \
		--workpath packaging/build packaging/stepfun_studio.spec
	packaging/dist/stepfun-studio/stepfun-studio --self-test
	du -sh packaging/dist/stepfun-studio

bench: $(VENV)/.installed-test
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf build dist packaging/build packaging/dist .mypy_cache .ruff_cache .pytest_cache
