# triglot: `make demo` runs the main job on examples/, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# argostranslate is installed without its declared dependencies: they pull
# stanza and torch, which triglot never imports (README, "No torch").
ARGOS := argostranslate==1.11.0
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench test-packages clean

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps $(ARGOS)
	touch $(STAMP)

demo: install
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/demo.sh

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check translator glossary tests benchmarks scripts

bench: install
	$(BIN)/python -m benchmarks

# Rebuild the small real Argos packages in tests/data/packages (needs torch;
# uses a separate build environment so the product's .venv never gets it).
test-packages:
	bash scripts/build_test_packages.sh

clean:
	rm -rf $(VENV) .venv-build demo-out .pytest_cache
