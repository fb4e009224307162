"""Corpus consistency in the run summary: each term and name, its renderings, two ways flagged."""

from __future__ import annotations

import json

import pytest

from glossary.model import Concept, Term
from tests.conftest import EXAMPLES, run_cli
from tests.test_translate_e2e import argos_dir  # noqa: F401 - the installed test packages
from translator.review.report.consistency import run_consistency
from translator.summary import RunSummary

GLOSSARY = """id,subject,en,en_status,ru,ru_status,es,es_status,en_pos,ru_pos,es_pos
c1,law,Tverskoy District Court,preferred,Тверской районный суд,preferred,\
Tribunal del distrito de Tverskói,preferred,,,
c2,people,Alyona Popova,preferred,Алёна Попова,preferred,Aliona Popova,preferred,\
properNoun,properNoun,properNoun
"""


@pytest.mark.slow
def test_translate_with_a_glossary_lists_each_term_with_its_renderings(argos_dir, tmp_path):  # noqa: F811
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    done = run_cli("translate", str(EXAMPLES), "--to", "en,es", "--out", str(tmp_path / "out"),
                   "--no-cache", "--glossary", str(glossary), "--json",
                   env={"ARGOS_PACKAGES_DIR": str(argos_dir)})
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["consistency"]
    court = [r for r in rows if r["kind"] == "term" and r["to"] == "en"
             and r["expected"] == "Tverskoy District Court"]
    assert court and set(court[0]["renderings"]) == {"Tverskoy District Court"}
    assert not court[0]["two_ways"]
    assert all(sum(r["renderings"].values()) + r["missing"] > 0 for r in rows)


def write_run(run_dir, renderings: list[str]) -> None:
    """A run record with one article per rendering of the same English sentence."""
    documents = [
        {"source": f"/in/{n}.txt", "relpath": f"{n}.txt", "format": "txt", "lang": "en",
         "targets": {"es": [{"ref": "p1", "unit": 0, "lang": "en",
                             "source": "The court rejected the appeal.", "mt": mt}]}}
        for n, mt in enumerate(renderings)
    ]
    run_dir.mkdir()
    (run_dir / "triglot-run.json").write_text(
        json.dumps({"engine": "x", "documents": documents}), encoding="utf-8")


def court_concept() -> Concept:
    return Concept(id="c1", terms=[
        Term(lang="en", text="court", status="preferred"),
        Term(lang="es", text="tribunal", status="preferred"),
        Term(lang="es", text="corte", status="forbidden"),
    ])


def test_a_term_rendered_two_ways_across_articles_is_flagged(tmp_path):
    write_run(tmp_path / "run", ["El tribunal rechazó el recurso.", "La corte rechazó el recurso.",
                                 "Los tribunales rechazaron el recurso."])
    rows = [r for r in run_consistency(tmp_path / "run", [court_concept()]) if r.kind == "term"]
    assert len(rows) == 1 and rows[0].inconsistent
    summary = RunSummary(engine="x", targets=["es"], consistency=[r.to_dict() for r in rows])
    lines = summary.consistency_lines()
    assert "1 rendered two ways" in lines[0]
    assert lines[1].startswith("  TWO WAYS: court (en->es): tribunal x2, corte x1")


def test_one_rendering_in_every_article_is_not_flagged(tmp_path):
    write_run(tmp_path / "run", ["El tribunal rechazó el recurso.", "Los tribunales lo vieron."])
    rows = [r for r in run_consistency(tmp_path / "run", [court_concept()]) if r.kind == "term"]
    assert len(rows) == 1 and not rows[0].inconsistent


def test_a_large_termbase_finds_a_forbidden_term_no_source_holds(tmp_path, monkeypatch):
    """A termbase read for the run's texts only (as one of 50,000 concepts is): the
    translations are searched for rejected terms of any concept, and QA reports them."""
    from glossary.store import Termbase
    from translator.review.annotator import annotate
    from translator.review.glossary_source import load_concepts
    from translator.run_record import load

    monkeypatch.setattr("glossary.service.READ_WHOLE_UP_TO", 0)
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as termbase:
        termbase.add_concept(court_concept())
        termbase.add_concept(Concept(terms=[Term("en", "police"), Term("es", "policía"),
                                            Term("es", "pasma", "forbidden")]))
        termbase.add_concept(Concept(terms=[Term("en", "appeal"), Term("es", "apelación"),
                                            Term("es", "recurso", "admitted")]))
        termbase.add_concept(Concept(terms=[Term("en", "dismiss"), Term("es", "rechazar")]))
    write_run(tmp_path / "run", ["El tribunal rechazó el recurso de la pasma."])
    record = load(tmp_path / "run")
    concepts = load_concepts(db, record)
    # the court and the appeal are in the source; "pasma" is forbidden; "rechazar" is in
    # the translation only, and approved
    assert sorted(c.id for c in concepts) == ["c1", "c2", "c3"]
    segment = annotate(record, concepts, entities=False).of(record.documents[0], "es")[0]
    assert [(f.check, f.found) for f in segment.findings] == [("rejected-term", "pasma")]
