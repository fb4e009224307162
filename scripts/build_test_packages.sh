#!/usr/bin/env bash
# Rebuild the tiny real Argos packages in tests/data/packages from
# tests/data/corpus/parallel.tsv.
#
# Training needs torch and transformers, which the product never imports, so
# they live in a separate, git-ignored build environment (.venv-build); the
# product's .venv stays free of torch. torch is pinned to the local CPU build:
# an unpinned torch would pull several GB of CUDA libraries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-build"
PYTHON="${PYTHON:-python3}"
STAMP="$VENV/.installed-v1"

if [ ! -f "$STAMP" ]; then
    test -x "$VENV/bin/python" || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
        "torch==2.13.0" \
        "transformers>=4.40,<5" \
        "sentencepiece>=0.2" \
        "ctranslate2>=4.5,<5" \
        "protobuf"
    touch "$STAMP"
fi

# One thread: the build shares the machine with other work.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export TOKENIZERS_PARALLELISM=false
export TRANSFORMERS_VERBOSITY=error
export HF_HUB_OFFLINE=1
exec "$VENV/bin/python" "$ROOT/scripts/build_test_packages.py" "$@"
