"""Annotations are found once per run: ``translate`` stores them, later steps reuse them.

A report or an export with the glossary the run was annotated with reads the
stored annotations; with another glossary they are found again for it.
"""

from __future__ import annotations

import json

import pytest

from translator.review.after_run import review_run
from translator.review.annotator import Annotator
from translator.review.report import build_report
from translator.review.report.page import ReportStats
from translator.review.tm import TranslationMemory
from translator.run_record import load
from translator.summary import RunSummary

OTHER_GLOSSARY = """id,en,en_status,es,es_status
w1,witness,preferred,testigo,preferred
"""


@pytest.fixture
def annotated(run_dir, glossary_csv):
    """The recorded run after ``translate --glossary glossary.csv``'s post-run step."""
    summary = RunSummary(engine="fake", targets=["es", "en"], outputs=["x"])
    with TranslationMemory(None) as memory:
        review_run(run_dir, summary, memory, glossary_csv, consistency=True, write_po=False)
    assert summary.errors == [] and summary.consistency
    return run_dir


def concepts_of(path):
    from translator.review.glossary_source import load_concepts

    return load_concepts(path)


def test_translate_stores_the_annotations_in_the_run_record(annotated):
    data = json.loads((annotated / "triglot-run.json").read_text(encoding="utf-8"))
    for document in data["documents"]:
        assert document["annotated_with"]
        for segments in document["targets"].values():
            assert all("annotations" in s for s in segments)
    court = data["documents"][0]["targets"]["es"][2]["annotations"]["terms"][0]
    assert (court["source"]["text"], court["expected"]) == ("court", "tribunal")


def test_a_report_with_the_same_glossary_reuses_the_terms_and_adds_the_names(
        annotated, glossary_csv, monkeypatch):
    """``translate --glossary`` checks terms only (names need NER over every sentence);
    the report finds the names and keeps the stored terms and findings."""
    def refuse(*args, **kwargs):
        raise AssertionError("annotated again")

    monkeypatch.setattr(Annotator, "annotate", refuse)
    page, stats = build_report(annotated, concepts_of(glossary_csv))
    assert stats.terms > 0 and stats.inconsistent == 2 and stats.entities > 0
    assert "glossary: court → tribunal" in page


def test_a_run_with_review_catalogs_stores_the_names_too(run_dir, glossary_csv, monkeypatch,
                                                           tmp_path):
    summary = RunSummary(engine="fake", targets=["es", "en"], outputs=["x"])
    with TranslationMemory(None) as memory:
        review_run(run_dir, summary, memory, glossary_csv, consistency=True, write_po=True)
    assert any(row["kind"] == "entity" for row in summary.consistency)

    def refuse(*args, **kwargs):
        raise AssertionError("annotated again")

    monkeypatch.setattr(Annotator, "annotate", refuse)
    monkeypatch.setattr(Annotator, "mentions", refuse)
    _page, stats = build_report(run_dir, concepts_of(glossary_csv))
    assert stats.terms > 0 and stats.entities > 0


def test_a_report_with_another_glossary_finds_its_terms(annotated, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text(OTHER_GLOSSARY, encoding="utf-8")
    page, stats = build_report(annotated, concepts_of(other))
    assert "glossary: witness → testigo" in page
    assert "glossary: court" not in page
    assert stats.terms == 1
    # ... and the record keeps what translate stored
    assert load(annotated).documents[0].annotated_with


def test_the_stored_annotations_give_the_page_a_fresh_annotation_gives(annotated, glossary_csv,
                                                                       tmp_path):
    stored_page, stored = build_report(annotated, concepts_of(glossary_csv))
    data = json.loads((annotated / "triglot-run.json").read_text(encoding="utf-8"))
    for document in data["documents"]:
        del document["annotated_with"]
    fresh_dir = tmp_path / "copy" / annotated.name
    fresh_dir.mkdir(parents=True)
    (fresh_dir / "triglot-run.json").write_text(json.dumps(data), encoding="utf-8")
    fresh_page, fresh = build_report(fresh_dir, concepts_of(glossary_csv))
    assert isinstance(fresh, ReportStats) and fresh == stored
    assert fresh_page.replace(str(fresh_dir), "RUN") == stored_page.replace(str(annotated), "RUN")


def test_damaged_stored_annotations_are_found_again(annotated, glossary_csv):
    path = annotated / "triglot-run.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][0]["targets"]["es"][0]["annotations"] = {"terms": [{"bogus": 1}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    page, stats = build_report(annotated, concepts_of(glossary_csv))
    assert stats.terms > 0 and "glossary: court → tribunal" in page


def _changed(value):
    """Another valid value of the same kind, for any field of a concept or a term."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return {"preferred": "admitted", "approved": "proposed", "noun": "verb", "en": "ru",
            None: "noun"}.get(value, f"{value}x")


@pytest.mark.parametrize("owner", ["concept", "term"])
def test_a_change_to_any_field_of_a_concept_finds_the_annotations_again(owner):
    """Stored annotations are reused while the glossary digest is the same. The digest
    names the fields it reads (``concepts_digest``), so a field added to ``Concept`` or
    ``Term`` and left out there would let a report show findings of the old glossary."""
    from dataclasses import fields, replace

    from glossary.model import Concept, Term
    from translator.review.glossary_source import concepts_digest

    def concept(**changes):
        term = Term("en", "court", pos="noun", note="n", source="s", created="c",
                    updated="u")
        if owner == "term":
            term = replace(term, **changes)
        made = Concept("c1", "law", "d", "n", [term, Term("es", "tribunal")], "c", "u",
                       occurrences=2, context="ctx")
        return replace(made, **changes) if owner == "concept" else made

    before = concepts_digest([concept()])
    kind = Concept if owner == "concept" else Term
    content = [f.name for f in fields(kind) if f.compare and f.name != "terms"]
    assert content
    for name in content:
        value = getattr(concept() if owner == "concept" else concept().terms[0], name)
        assert concepts_digest([concept(**{name: _changed(value)})]) != before, name
