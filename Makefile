# triglot: `make demo` runs the main job on examples/articles/, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# argostranslate is installed without its declared dependencies: they pull
# stanza and torch, which triglot never imports (README, "No torch").
ARGOS := argostranslate==1.11.0
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint locales bench test-packages clean system-deps

# triglot's own modules are byte-compiled, as pip does when it installs a package:
# where PYTHONDONTWRITEBYTECODE is set (CI, this project's machines) every run would
# otherwise compile them again, 50-70 ms of a 1.5 s run. Only changed modules are redone.
install: $(STAMP)
	$(BIN)/python -m compileall -q translator glossary

$(STAMP): setup.cfg pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,ray]'
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps $(ARGOS)
	touch $(STAMP)

demo: install
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/demo.sh

test: install system-deps
	$(BIN)/python -m pytest -q

# The fast lane (well under a minute): everything but the tests marked slow, spread over
# the machine's cores by pytest-xdist (41-52 s on 2 busy cores; 53-62 s in one process).
# `make test` runs in one process: its end-to-end tests time real programs.
test-fast: install
	$(BIN)/python -m pytest -q -n auto -m "not slow"

lint: install
	$(BIN)/ruff check translator glossary tests benchmarks scripts

# triglot's own messages: refresh locales/triglot.pot from the marked strings (and
# click's), merge it into locales/{ru,es}/LC_MESSAGES/triglot.po and compile the .mo
# files; fails, naming them, while any message is untranslated (translate, rerun).
locales: install
	$(BIN)/python scripts/locales.py

# Benchmarks print ratios to a baseline run in the same process, the two sides
# interleaved (median ratio and its spread); the whole target takes about
# 6-9 minutes on a 2-core machine (5 min 54 s on 2026-12-03 at 20:33; 6 min 28 s to
# 8 min 22 s until 13:34; 10 min 20 s, 7 min 42 s and 7 min 19 s at 14:21-15:22 UTC, the
# host slowing it 1.4-1.6x; 7 min 5 s to 8 min 23 s on 2026-12-02). The Argos ones need
# the build venv (torch CPU build, argostranslate with its real dependencies) and
# a Transformer-base sized random model, which benchmarks/setup_env.sh makes once.
bench: install
	bash benchmarks/setup_env.sh
	$(BIN)/python -m benchmarks.cold_start
	$(BIN)/python -m benchmarks.pipeline_overhead
	.venv-build/bin/python -m benchmarks.argos_speedup
	$(BIN)/python -m benchmarks.apertium_speed
	$(BIN)/python -m benchmarks.glossary_matching
	$(BIN)/python -m benchmarks.glossary_scale --sizes 1000,50000 --rounds 3
	$(BIN)/python -m benchmarks.scaling --rounds 1
	$(BIN)/python -m benchmarks.entities_speed

# Rebuild the small real Argos packages in tests/data/packages (needs torch;
# uses a separate build environment so the product's .venv never gets it).
test-packages:
	bash scripts/build_test_packages.sh

clean:
	rm -rf $(VENV) .venv-build demo-out .pytest_cache

# Debian packages the tests use: gettext (msgfmt checks the PO catalogs),
# apertium + apertium-eng-spa (the second engine, en<->es) and chromium (renders
# the review page). Installed with apt where it is available (as root or with
# sudo); without them the tests that need them skip and say why.
DEBIAN_PACKAGES := gettext apertium apertium-eng-spa chromium

system-deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		echo "system-deps: installing $$missing"; \
		{ $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			$$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
		|| echo "system-deps: apt-get could not install $$missing; the tests that need them skip"; \
	else \
		echo "system-deps: no apt-get here; install $$missing by hand (their tests skip meanwhile)"; \
	fi
