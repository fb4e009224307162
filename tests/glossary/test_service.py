"""glossary.service: one way to load a glossary, find its terms and decide whether a
translation renders them, whatever the glossary is stored in."""

from __future__ import annotations

import pytest

from glossary.formats import write_glossary
from glossary.model import Concept, GlossaryError, Term
from glossary.qa import check_pairs
from glossary.service import Glossary, resolve_glossary, termbase_path


def _terms(glossary: Glossary) -> list[tuple]:
    return [(c.id, sorted((t.lang, t.text, t.status, t.dnt) for t in c.terms))
            for c in glossary.concepts()]


@pytest.mark.parametrize("name", ["terms.csv", "terms.tsv", "terms.xlsx", "terms.tbx"])
def test_a_glossary_file_loads_like_the_termbase(tmp_path, sample_db, sample_concepts, name):
    path = tmp_path / name
    write_glossary(path, sample_concepts)
    from_file, from_db = Glossary.load(path), Glossary.load(sample_db)
    assert _terms(from_file) == _terms(from_db)
    text = "Адвокаты пришли в Тверской районный суд."
    assert [(m.text, m.concept_id) for m in from_file.find(text, "ru")] == \
        [(m.text, m.concept_id) for m in from_db.find(text, "ru")] == \
        [("Адвокаты", "c3"), ("Тверской районный суд", "c2")]


def test_a_two_column_file_gets_concept_ids(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("source,target\ncourt,суд\nlawyer,адвокат\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="--from and --to"):
        Glossary.load(path)
    glossary = Glossary.load(path, source="en", target="ru")
    assert [c.id for c in glossary.concepts()] == ["c1", "c2"]
    assert glossary.get("2").terms[1].text == "адвокат"
    assert [(m.concept_id, t.text) for m, t in glossary.suggest("The lawyers", "en", "ru")] == \
        [("c2", "адвокат")]


def court_glossary() -> Glossary:
    return Glossary([
        Concept("c1", terms=[Term("en", "court"), Term("es", "tribunal"),
                             Term("es", "corte", "admitted"), Term("es", "juzgado", "forbidden")]),
        Concept("c2", terms=[Term("en", "facial recognition"),
                             Term("es", "reconocimiento facial")]),
        Concept("c3", terms=[Term("en", "recognition"), Term("es", "reconocimiento")]),
        Concept("c4", terms=[Term("en", "Telegram", dnt=True)]),
    ])


@pytest.mark.parametrize("translation, rendered", [
    ("Los tribunales fallaron.", "tribunal"),       # inflected preferred term
    ("La corte falló.", "corte"),                   # admitted: rendered, not expected
    ("La corte y el tribunal.", "tribunal"),        # the preferred one wins
    ("El juzgado falló.", None),                    # a forbidden term never counts
    ("Nadie falló.", None),
])
def test_rendered_is_the_best_accepted_term_found(translation, rendered):
    found = court_glossary().rendered("c1", translation, "es")
    assert (found.text if found else None) == rendered


def test_a_term_inside_a_longer_term_and_do_not_translate_forms():
    glossary = court_glossary()
    assert glossary.rendered("c3", "El reconocimiento facial llegó.", "es").text == \
        "reconocimiento"
    assert glossary.rendered("c4", "Escribió en Telegram.", "es").dnt
    assert glossary.rendered("c4", "Escribió en Telegrama.", "es") is None


def test_qa_and_eval_use_the_same_rule():
    from translator.evaluation import term_accuracy

    glossary = court_glossary()
    sources = ["Recognition came late.", "The court ruled."]
    translations = ["El reconocimiento facial llegó tarde.", "La corte falló."]
    findings = check_pairs(glossary, list(zip(sources, translations, strict=True)), "en", "es")
    assert findings == []  # nested term found; admitted term accepted by QA
    tally = term_accuracy(glossary, sources, translations, "en", "es")
    assert (tally.correct, tally.total) == (1, 2)  # eval asks for the preferred term
    assert [m.expected for m in tally.misses] == ["tribunal"]


def test_the_default_glossary_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRIGLOT_GLOSSARY", raising=False)
    assert resolve_glossary(None) is None
    (tmp_path / "glossary.db").write_bytes(b"")
    assert str(resolve_glossary(None)) == "glossary.db"
    (tmp_path / "story.csv").write_text("en,ru\ncourt,суд\n", encoding="utf-8")
    monkeypatch.setenv("TRIGLOT_GLOSSARY", "story.csv")
    assert str(resolve_glossary(None)) == "story.csv"
    assert str(resolve_glossary(tmp_path / "glossary.db")) == str(tmp_path / "glossary.db")
    with pytest.raises(GlossaryError, match="no such glossary"):
        resolve_glossary(tmp_path / "absent.db")
    monkeypatch.setenv("TRIGLOT_GLOSSARY", "absent.db")
    with pytest.raises(GlossaryError, match=r"TRIGLOT_GLOSSARY"):
        resolve_glossary(None)


def test_write_commands_need_a_termbase(tmp_path, monkeypatch):
    monkeypatch.delenv("TRIGLOT_GLOSSARY", raising=False)
    assert termbase_path(tmp_path / "new.db") == tmp_path / "new.db"
    with pytest.raises(GlossaryError, match="changes a termbase"):
        termbase_path(tmp_path / "terms.csv", "glossary add")
