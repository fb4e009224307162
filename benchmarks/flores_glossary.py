"""A plain two-column glossary (``en,es``, nothing else) from the FLORES dev gold entities.

This is the glossary a new user brings: no part of speech, no status, one row per
English name with its commonest Spanish form (the rows an export from Weblate or
DeepL would have). ``term_enforcement`` imports it as is.

    .venv/bin/python -m benchmarks.flores_glossary OUT.csv
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLORES = ROOT.parent / "shared" / "corpus" / "flores-dev"


def entity_rows(path: Path = FLORES / "entities.jsonl") -> list[tuple[str, str]]:
    """(en, es) per distinct English form (case and spacing ignored), commonest es first."""
    forms: dict[str, Counter[str]] = {}
    spelled: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for entity in json.loads(line)["entities"]:
            en, es = entity.get("en"), entity.get("es")
            if en and es:
                key = " ".join(en.lower().split())
                spelled.setdefault(key, " ".join(en.split()))
                forms.setdefault(key, Counter())[" ".join(es.split())] += 1
    return [(spelled[key], forms[key].most_common(1)[0][0]) for key in sorted(forms)]


def csv_text(rows: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["en", "es"])
    writer.writerows(rows)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the CSV to write (outside the repository)")
    out = parser.parse_args().out
    if not (FLORES / "entities.jsonl").is_file():
        sys.exit(f"needs {FLORES} (the shared corpus beside the project)")
    out.write_text(csv_text(entity_rows()), encoding="utf-8")


if __name__ == "__main__":
    main()
