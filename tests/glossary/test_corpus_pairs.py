"""The FLORES dev gold entity pairs as a plain ``source,target`` CSV import as is (issue 11).

Real gold pairs share targets ("United States" and "U.S." -> "EE. UU."), repeat
with other capitalisation ("Sun" -> "Sol"/"sol") and give a term two renderings;
none of it may stop the import, and every pair must survive as a concept that
holds both of its terms.
"""

from __future__ import annotations

import csv
import json

import pytest

from glossary.formats import read_glossary


@pytest.mark.corpus
def test_flores_gold_pairs_import_as_is(corpus_dir, tmp_path):
    pairs = [(entity["en"], entity["es"])
             for line in (corpus_dir / "flores-dev" / "entities.jsonl").open(encoding="utf-8")
             for entity in json.loads(line)["entities"] if entity.get("en") and entity.get("es")]
    path = tmp_path / "flores-en-es.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("source", "target"), *pairs])
    warnings: list[str] = []
    concepts = read_glossary(path, source="en", target="es", warn=warnings.append)
    for source, target in pairs:
        concept = next(c for c in concepts if c.find_term("en", source))
        assert concept.find_term("es", target) is not None, (source, target)
    assert len(concepts) < len(set(pairs))  # shared targets joined concepts
    assert len(warnings) < len(pairs) - len(set(pairs))  # exact repeats: one line for all
