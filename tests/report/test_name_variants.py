"""Issue 11 item 6: a name is flagged for real variants of the name itself, across and within
documents; the word after a name, or a lone surname that agrees, is no variant."""

from __future__ import annotations

import json
from pathlib import Path

from translator.review.report.consistency import run_consistency
from translator.summary import RunSummary


def write_run(run_dir: Path, documents: dict[str, list[tuple[str, str]]]) -> Path:
    """A run record of English articles translated into Spanish, sentence by sentence."""
    records = [{"source": f"/in/{name}", "relpath": name, "format": "txt", "lang": "en",
                "targets": {"es": [{"ref": f"p{i}", "unit": i, "lang": "en", "source": src,
                                    "mt": mt} for i, (src, mt) in enumerate(pairs)]}}
               for name, pairs in documents.items()]
    run_dir.mkdir()
    (run_dir / "triglot-run.json").write_text(json.dumps({"engine": "x", "documents": records}),
                                              encoding="utf-8")
    return run_dir


def name_rows(run_dir: Path) -> dict[str, dict]:
    return {row.label: row.to_dict() for row in run_consistency(run_dir, [])
            if row.kind == "entity"}


def test_a_lone_surname_rendered_otherwise_than_the_full_name_is_flagged(tmp_path):
    rows = name_rows(write_run(tmp_path / "run", {
        "a.txt": [("Opposition leader Alexei Navalny returned to Russia.",
                   "El líder opositor Alexéi Navalni regresó a Rusia.")],
        "b.txt": [("Police detained supporters of Navalny in Moscow.",
                   "La policía detuvo a partidarios de Navalny en Moscú.")],
    }))
    row = next(r for label, r in rows.items() if "Navalny" in label)
    assert row["two_ways"] and not row["within_document"]
    assert set(row["renderings"]) == {"Alexéi Navalni", "Navalny"}


def test_the_same_split_inside_one_article_says_so(tmp_path):
    rows = name_rows(write_run(tmp_path / "run", {"a.txt": [
        ("Opposition leader Alexei Navalny returned to Russia.",
         "El líder opositor Alexéi Navalni regresó a Rusia."),
        ("Police detained supporters of Navalny in Moscow.",
         "La policía detuvo a partidarios de Navalny en Moscú."),
    ]}))
    row = next(r for label, r in rows.items() if "Navalny" in label)
    assert row["two_ways"] and row["within_document"]
    summary = RunSummary("x", ["es"], consistency=list(rows.values()))
    assert any("within one document" in line and "Navalni" in line
               for line in summary.consistency_lines())


def test_a_surname_that_agrees_and_the_word_after_a_name_are_not_variants(tmp_path):
    rows = name_rows(write_run(tmp_path / "run", {
        "a.txt": [("Lawyer Alyona Popova filed a case in Moscow.",
                   "La abogada Aliona Popova presentó una demanda en Moscú.")],
        "b.txt": [("Popova was fined after the protest.",
                   "Popova Estuvo multada después de la protesta."),
                  ("Russia has expanded the system.", "Rusia Ha ampliado el sistema.")],
    }))
    assert not [label for label, row in rows.items() if row["two_ways"]], rows
