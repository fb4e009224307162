"""The notes of a catalog are in the user's language, and still read back in any other."""

from __future__ import annotations

from pathlib import Path

import polib

from tests.po.conftest import catalog, export
from translator.review.annotations import SegmentAnnotations, TermPair, TermSide
from translator.review.po.notes import glossary_findings

GLOSSARY = "en,ru,es\ncourt,суд,tribunal\nletter,письмо,carta\n"


def _notes(expected: str, dnt: bool = False) -> str:
    court = TermSide(0, 5, "court", "court", "preferred")
    pair = TermPair("c1", court, None, expected, expected_dnt=dnt)
    return "\n".join(SegmentAnnotations(terms=[pair]).glossary_notes())


def test_glossary_notes_written_in_russian_are_found_in_english(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "ru")
    notes = _notes("суд")
    assert notes == "глоссарий: court -> суд [c1]"
    monkeypatch.setenv("LANGUAGE", "en")
    assert glossary_findings(notes, "Решение принял районный судья.", "ru") == [notes]
    assert glossary_findings(notes, "Решение принял районный суд.", "ru") == []


def test_spanish_do_not_translate_and_no_term_notes_are_read_as_such(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "es")
    kept, missing = _notes("Meduza", dnt=True), _notes("")
    assert kept.endswith("[c1, no traducir]") and "(sin término)" in missing
    monkeypatch.setenv("LANGUAGE", "en")
    assert glossary_findings(kept, "Lo publicó Медуза.", "es") == [kept]
    assert glossary_findings(missing, "Lo publicó el tribunal.", "es") == []


def test_a_second_export_in_the_same_language_rewrites_no_catalog(fake_run: Path, tmp_path,
                                                                  monkeypatch):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setenv("LANGUAGE", "ru")
    first = export(fake_run, glossary=glossary)
    assert first.written
    entries = polib.pofile(str(catalog(fake_run, "en", "sud.po")))
    assert any("глоссарий: Суд -> court [" in e.comment for e in entries)
    again = export(fake_run, glossary=glossary)
    assert again.written == [] and again.catalogs == first.catalogs
    monkeypatch.setenv("LANGUAGE", "es")
    assert export(fake_run, glossary=glossary).written  # the notes are now in Spanish
