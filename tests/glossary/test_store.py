"""The SQLite termbase: transactions, concurrency, schema versions and clear errors."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from glossary.model import Concept, GlossaryError, Term
from glossary.store import SCHEMA_VERSION, Termbase


def _concept(en: str, ru: str, es: str = "") -> Concept:
    terms = [Term("en", en), Term("ru", ru)] + ([Term("es", es)] if es else [])
    return Concept(terms=terms)


def test_add_get_lookup_and_remove(tmp_path):
    path = tmp_path / "g.db"
    with Termbase.open(path, create=True) as tb:
        cid = tb.add_concept(_concept("facial recognition", "распознавание лиц",
                                      "reconocimiento facial"))
        assert cid == "c1"
        assert tb.add_concept(_concept("court", "суд")) == "c2"
    with Termbase.open(path) as tb:  # reopened: the data persisted
        concept = tb.get("c1")
        assert [t.text for t in concept.terms] == ["facial recognition", "распознавание лиц",
                                                   "reconocimiento facial"]
        assert concept.created and concept.terms[0].created
        assert [c.id for c in tb.lookup("en", "Facial-Recognition")] == ["c1"]
        assert tb.get("2").id == "c2"  # the bare number is accepted too
        tb.remove("c1")
        assert [c.id for c in tb.concepts()] == ["c2"]
        with pytest.raises(GlossaryError, match="no concept with id 'c1'"):
            tb.get("c1")


def test_update_keeps_created_and_stamps_changed_terms(tmp_path):
    with Termbase.open(tmp_path / "g.db", create=True) as tb:
        cid = tb.add_concept(_concept("lawyer", "адвокат"))
        before = tb.get(cid)
        concept = tb.get(cid)
        concept.terms[1].status = "admitted"
        concept.terms.append(Term("es", "abogado"))
        tb.update(concept)
        after = tb.get(cid)
    assert after.terms[1].status == "admitted"
    assert after.terms[0] == before.terms[0]  # untouched term unchanged, timestamps included
    assert after.terms[1].created == before.terms[1].created
    assert [t.text for t in after.terms] == ["lawyer", "адвокат", "abogado"]


def test_missing_database_is_an_error_for_readers(tmp_path):
    with pytest.raises(GlossaryError, match="no such glossary"), \
            Termbase.open(tmp_path / "none.db"):
        pass
    assert not (tmp_path / "none.db").exists()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(GlossaryError, match="newer than this triglot supports"), \
            Termbase.open(path, create=True):
        pass


@pytest.mark.parametrize("content", [b"hello, this is not sqlite at all" * 10,
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_non_database_file_is_refused(tmp_path, content):
    path = tmp_path / "fake.db"
    path.write_bytes(content)
    with pytest.raises(GlossaryError, match="not a glossary database"), \
            Termbase.open(path, create=True):
        pass
    assert path.read_bytes() == content


def test_locked_database_gives_a_clear_error_after_the_timeout(tmp_path):
    path = tmp_path / "g.db"
    with Termbase.open(path, create=True) as tb:
        tb.add_concept(_concept("court", "суд"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Termbase.open(path, timeout=0.2) as tb, \
                pytest.raises(GlossaryError, match="locked by another process"):
            tb.add_concept(_concept("police", "полиция"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Termbase.open(path) as tb:
        assert len(tb) == 1


def test_failed_batch_changes_nothing(tmp_path):
    path = tmp_path / "g.db"
    with Termbase.open(path, create=True) as tb:
        tb.add_concept(_concept("court", "суд"))
        with pytest.raises(GlossaryError, match="already in the glossary"):
            tb.import_concepts([_concept("police", "полиция"), _concept("Court", "судилище")])
        assert [c.label() for c in tb.concepts()] == ["court"]


def _writer(args) -> None:
    path, worker, count = args
    for i in range(count):
        with Termbase.open(path, create=True, timeout=60) as tb:
            tb.add_concept(_concept(f"term {worker} {i}", f"термин {worker} {i}"))


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.db"
    workers, count = 4, 25
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(_writer, [(path, w, count) for w in range(workers)])
    with Termbase.open(path) as tb:
        concepts = tb.concepts()
    assert len(concepts) == workers * count
    assert len({c.id for c in concepts}) == workers * count
    assert {c.terms[0].text for c in concepts} == {
        f"term {w} {i}" for w in range(workers) for i in range(count)}


def test_merge_concept_keeps_existing_entries_and_reports_conflicts(tmp_path):
    with Termbase.open(tmp_path / "g.db", create=True) as tb:
        cid = tb.add_concept(Concept(subject="law", terms=[Term("en", "lawyer"),
                                                           Term("ru", "адвокат")]))
        result = tb.merge_concept(Concept(subject="justice", terms=[
            Term("en", "lawyer", "admitted"), Term("ru", "юрист"), Term("es", "abogado")]))
        assert result.concept_id == cid and result.action == "merged"
        assert [t.text for t in result.added_terms] == ["abogado"]
        assert any("subject differs" in c for c in result.conflicts)
        assert any("status 'preferred' vs 'admitted'" in c for c in result.conflicts)
        assert any("preferred term is 'адвокат'" in c for c in result.conflicts)
        stored = tb.get(cid)
        assert stored.subject == "law"
        assert stored.find_term("en", "lawyer").status == "preferred"
        assert stored.find_term("ru", "юрист") is None
        assert stored.find_term("es", "abogado") is not None
        new = tb.merge_concept(Concept(terms=[Term("en", "police")]))
        assert new.action == "added" and tb.get(new.concept_id or "").label() == "police"


def test_import_numbers_new_concepts_with_one_id_query(tmp_path):
    """Issue 13: numbering read every id per new concept (10,000 rows took 54 s)."""
    with Termbase.open(tmp_path / "g.db", create=True) as tb:
        tb.add_concepts([Concept("c10", terms=[Term("en", "ten")]),
                         Concept("c3x", terms=[Term("en", "odd id")]),
                         Concept("x99", terms=[Term("en", "other id")])])
        id_reads: list[str] = []
        tb._db.set_trace_callback(
            lambda sql: id_reads.append(sql) if "FROM concepts" in sql
            and "WHERE id =" not in sql and "id IN" not in sql else None)
        batch = [_concept(f"term {n}", f"термин {n}") for n in range(300)]
        batch[1].id = "c400"  # a given id: later generated ones go past it
        ids = tb.import_concepts(batch)
        tb._db.set_trace_callback(None)
        assert ids == ["c11", "c400"] + [f"c{n}" for n in range(401, 699)]
        assert len(id_reads) <= 1, id_reads
        assert tb.add_concept(_concept("next", "следующий")) == "c699"
        tb.remove("c699")
        assert tb.add_concept(_concept("again", "снова")) == "c699"
