"""Proposed glossary entries: stored apart, never matched, decided on by a person."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from glossary.formats import read_glossary, write_glossary
from glossary.formats.cells import neutralise as safe_cell
from glossary.formats.cells import restore as unsafe_cell
from glossary.model import Concept, GlossaryError, Term
from glossary.review import (
    apply_review_csv,
    approve,
    edit_and_approve,
    pending,
    reject,
    review_csv,
)
from glossary.service import Glossary
from glossary.store import SCHEMA_VERSION, Termbase

V1_SCHEMA = """
CREATE TABLE concepts (id TEXT PRIMARY KEY, subject TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE terms (id INTEGER PRIMARY KEY, concept_id TEXT NOT NULL REFERENCES concepts(id)
    ON DELETE CASCADE ON UPDATE CASCADE, lang TEXT NOT NULL, text TEXT NOT NULL,
    fold TEXT NOT NULL, status TEXT NOT NULL, pos TEXT, case_sensitive INTEGER NOT NULL
    DEFAULT 0, dnt INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0, UNIQUE (concept_id, lang, fold));
INSERT INTO concepts VALUES ('c1', '', '', '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
INSERT INTO terms (concept_id, lang, text, fold, status, created, updated)
    VALUES ('c1', 'en', 'court', 'court', 'preferred', '2024-01-01T00:00:00Z',
            '2024-01-01T00:00:00Z');
PRAGMA user_version = 1;
"""


def proposal(en: str, *others: str, count: int = 3, context: str = "") -> Concept:
    terms = [Term("en", en, "preferred", "noun")]
    terms += [Term("en", other, "admitted", "noun") for other in others]
    return Concept(subject="named entity (PER)", terms=terms, review="proposed",
                   occurrences=count, context=context or f"{en} said so.")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "g.db"
    with Termbase.open(path, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "court"), Term("es", "tribunal")]))
        tb.add_concept(proposal("Yulia Volkova", "Yuliya Volkova", count=5))
        tb.add_concept(proposal("Ivan Petrov", count=2))
    return path


def test_a_version_1_termbase_is_migrated_and_its_concepts_stay_approved(tmp_path):
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.executescript(V1_SCHEMA)
    connection.close()
    with Termbase.open(path) as tb:
        assert [(c.id, c.review) for c in tb.concepts()] == [("c1", "approved")]
        tb.add_concept(proposal("Ivan Petrov"))
        assert tb.get("c2").proposed
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_proposed_concepts_are_listed_but_never_matched_until_approved(db):
    glossary = Glossary.load(db)
    assert len(glossary.concepts()) == 3
    assert [m.text for m in glossary.find("Yuliya Volkova went to court", "en")] == ["court"]
    assert [m.text for m in glossary.find_proposed("Yuliya Volkova went", "en")] == \
        ["Yuliya Volkova"]
    with Termbase.open(db) as tb:
        assert [c.label() for c in pending(tb)] == ["Yulia Volkova", "Ivan Petrov"]
        approve(tb, ["c2"])
        assert [c.id for c in pending(tb)] == ["c3"]
    found = Glossary.load(db).find("Yuliya Volkova went to court", "en")
    assert [m.text for m in found] == ["Yuliya Volkova", "court"]


def test_a_rejected_proposal_is_kept_and_not_proposed_again(db):
    with Termbase.open(db) as tb:
        reject(tb, ["c3"])
        again = tb.merge_concept(proposal("Ivan Petrov", "Iwan Petrow"))
        assert again.action == "unchanged"
        assert tb.get("c3").review == "rejected" and len(tb.get("c3").terms) == 1
        assert pending(tb)[0].id == "c2"
    assert Glossary.load(db).find("Ivan Petrov", "en") == []


def test_a_proposal_never_changes_the_terms_an_approved_concept_has(db):
    with Termbase.open(db) as tb:
        tb.merge_concept(Concept(terms=[Term("en", "court", "admitted"),
                                        Term("es", "corte")], review="proposed"))
        concept = tb.get("c1")
        assert [(t.text, t.status, t.proposed) for t in concept.terms] == [
            ("court", "preferred", False), ("tribunal", "preferred", False)]
        assert concept.target_term("es").text == "tribunal"


def test_proposing_again_merges_into_the_proposal_and_keeps_the_larger_count(db):
    with Termbase.open(db) as tb:
        tb.merge_concept(proposal("Yulia Volkova", "Julia Volkova", count=9))
        concept = tb.get("c2")
        assert concept.proposed and concept.occurrences == 9
        assert "Julia Volkova" in [t.text for t in concept.terms]


def test_deciding_on_a_concept_that_is_not_proposed_changes_nothing(db):
    with Termbase.open(db) as tb, pytest.raises(GlossaryError, match="c1 is not proposed"):
        approve(tb, ["c2", "c1"])
    with Termbase.open(db) as tb:
        assert tb.get("c2").proposed


def test_edit_sets_the_preferred_spelling_keeps_the_old_one_and_approves(db):
    with Termbase.open(db) as tb:
        concept = edit_and_approve(tb, "c2", {"en": "Yuliya Volkova", "es": "Yulia Vólkova"})
    assert concept.approved
    assert concept.target_term("en").text == "Yuliya Volkova"
    assert concept.target_term("es").text == "Yulia Vólkova"
    assert concept.find_term("en", "Yulia Volkova").status == "admitted"


@pytest.mark.parametrize("name", ["g.csv", "g.tbx"])
def test_review_state_round_trips_through_csv_and_tbx(tmp_path, db, name):
    with Termbase.open(db) as tb:
        reject(tb, ["c3"])
        concepts = tb.concepts()
    write_glossary(tmp_path / name, concepts)
    back = read_glossary(tmp_path / name)
    assert [(c.id, c.review, c.occurrences, c.context) for c in back] == \
        [(c.id, c.review, c.occurrences, c.context) for c in concepts]
    other = tmp_path / "other.db"
    with Termbase.open(other, create=True) as tb:
        tb.import_concepts(back)
        assert [c.id for c in pending(tb)] == ["c2"]


def test_cells_that_a_spreadsheet_would_run_are_quoted_and_come_back():
    for text in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text and unsafe_cell(safe_cell(text)) == text
    assert safe_cell("Yulia") == "Yulia" and unsafe_cell("'quoted'") == "'quoted'"


def test_the_review_csv_round_trip_approves_edits_and_rejects(tmp_path, db):
    with Termbase.open(db) as tb:
        tb.add_concept(proposal("Anna Ivanova", context="=cmd|' /C calc'!A0"))
        text = review_csv(pending(tb))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["id"] == "c2" and rows[0]["count"] == "5"
    assert rows[0]["variants"] == "en:Yuliya Volkova"
    assert next(r for r in rows if r["id"] == "c4")["context"].startswith("'=")
    decisions = {"c2": ("edit", "Yuliya Volkova"), "c3": ("reject", None), "c4": ("", None)}
    for row in rows:
        row["decision"], new_name = decisions[row["id"]]
        row["en"] = new_name or row["en"]
    path = tmp_path / "review.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with Termbase.open(db) as tb:
        outcome = apply_review_csv(tb, path)
        assert outcome.done["edit"] == ["c2"] and outcome.done["reject"] == ["c3"]
        assert outcome.undecided == 1
        assert tb.get("c2").target_term("en").text == "Yuliya Volkova"
        assert tb.get("c4").context == "=cmd|' /C calc'!A0"
        assert [c.id for c in pending(tb)] == ["c4"]


def test_a_bad_decision_in_the_review_csv_changes_nothing(tmp_path, db):
    with Termbase.open(db) as tb:
        text = review_csv(pending(tb))
    lines = text.splitlines()
    lines[1] = lines[1].replace("c2,,", "c2,approve,", 1)
    lines[2] = lines[2].replace("c3,,", "c3,maybe,", 1)
    path = tmp_path / "review.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Termbase.open(db) as tb:
        with pytest.raises(GlossaryError, match="line 3: decision 'maybe'"):
            apply_review_csv(tb, path)
        assert [c.id for c in pending(tb)] == ["c2", "c3"]


def test_a_proposal_adds_new_terms_to_an_approved_concept_only_as_proposed_terms(db):
    with Termbase.open(db) as tb:
        result = tb.merge_concept(Concept(terms=[Term("en", "court"), Term("ru", "суд")],
                                          review="proposed", occurrences=4))
        assert result.action == "merged"
        concept = tb.get("c1")
        assert concept.approved and concept.find_term("ru", "суд").proposed
        assert concept.target_term("ru") is None  # not used until approved
        assert [c.id for c in pending(tb)] == ["c2", "c1", "c3"]  # by mentions
    assert Glossary.load(db).find("суд", "ru") == []
    with Termbase.open(db) as tb:
        approve(tb, ["c1"])
        assert tb.get("c1").target_term("ru").text == "суд"
    assert [m.text for m in Glossary.load(db).find("суд", "ru")] == ["суд"]


def test_rejecting_the_proposed_terms_of_an_approved_concept_removes_only_them(db):
    with Termbase.open(db) as tb:
        tb.merge_concept(Concept(terms=[Term("en", "court"), Term("ru", "суд")],
                                 review="proposed"))
        reject(tb, ["c1"])
        concept = tb.get("c1")
        assert concept.approved and [t.text for t in concept.terms] == ["court", "tribunal"]


def test_approving_a_name_with_no_spanish_term_says_spanish_output_will_not_change(db):
    from tests.conftest import run_cli

    approved = run_cli("glossary", "review", "-g", str(db), "--approve", "c2")
    assert approved.returncode == 0, approved.stderr
    assert "approved 1 (c2)" in approved.stdout
    (warning,) = approved.stderr.strip().splitlines()
    assert "c2 has no ru/es term" in warning and "--add-term ru preferred" in warning
    edited = run_cli("glossary", "review", "-g", str(db), "--edit", "c3",
                     "--en", "Ivan Petrov", "--es", "Iván Petrov", "--ru", "Иван Петров")
    assert edited.returncode == 0 and edited.stderr == ""
