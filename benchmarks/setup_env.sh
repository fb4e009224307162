#!/usr/bin/env bash
# The benchmark environment: the build venv (torch CPU build, transformers) plus
# argostranslate with its real dependencies and triglot itself, so Argos's own
# translation path can be timed against triglot's in one process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-build"
STAMP="$VENV/.bench-installed-v1"
test -x "$VENV/bin/python" || python3 -m venv "$VENV"
if [ ! -f "$STAMP" ]; then
  # torch pinned first: the local CPU build; anything unpinned would pull CUDA.
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "torch==2.13.0"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "torch==2.13.0" \
      "transformers>=4.40,<5" sentencepiece "ctranslate2>=4.5,<5" protobuf \
      "argostranslate==1.11.0" -e "$ROOT"
  touch "$STAMP"
fi
if [ ! -f "$ROOT/.cache/bench/triglot-bench-ru_en/model/model.bin" ]; then
  OMP_NUM_THREADS=2 HF_HUB_OFFLINE=1 TRANSFORMERS_VERBOSITY=error \
    "$VENV/bin/python" "$ROOT/benchmarks/build_base_model.py"
fi
