#!/usr/bin/env bash
# `make demo`: translate the example articles into the other two languages, offline.
# Uses the Argos packages installed on this machine (installing ru/en/es ones
# from the Argos index when online); when that is impossible it says so and
# runs on triglot's own small test packages instead.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=demo-out
PAIRS="ru:en en:ru en:es es:en"

have_all_pairs() {
  triglot models list --json 2>/dev/null | python3 -c '
import json, sys
have = {(p["from_code"], p["to_code"]) for p in json.load(sys.stdin)}
need = {tuple(p.split(":")) for p in sys.argv[1].split()}
sys.exit(0 if need <= have else 1)' "$PAIRS"
}

if ! have_all_pairs; then
  for pair in $PAIRS; do
    triglot models list --json 2>/dev/null | grep -q "\"${pair%%:*}\".*\"${pair##*:}\"" && continue
    if ! triglot models install "${pair%%:*}" "${pair##*:}" >/dev/null 2>&1; then
      break
    fi
  done
fi

if ! have_all_pairs; then
  echo "demo: real Argos packages are not installed and cannot be downloaded here (offline); running on triglot's own small TEST packages (tests/data/packages), which know only the sentences of examples/articles/."
  export ARGOS_PACKAGES_DIR="$PWD/.cache/demo-packages"
  mkdir -p "$ARGOS_PACKAGES_DIR"
  for archive in tests/data/packages/*.argosmodel; do
    triglot models install --file "$archive" >/dev/null || exit 2
  done
fi

triglot translate examples/articles --to en,es,ru --out "$OUT" --cache .cache/demo-cache.sqlite3
status=$?
echo
echo "Translated articles are in $OUT/<lang>/. For example, $OUT/en/ru/:"
ls "$OUT"/en/ru 2>/dev/null | sed 's/^/  /'
exit $status
