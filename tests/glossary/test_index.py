"""The termbase's match index: loading only the concepts a text can hold finds the same
terms as loading them all, and the index follows every change to the termbase."""

from __future__ import annotations

import random
import re
import sqlite3

import pytest

from glossary import index
from glossary.model import Concept, Term
from glossary.service import Glossary
from glossary.store import Termbase
from tests.conftest import CORPUS

WORDS = {"en": r"[A-Za-z]+(?:-[A-Za-z]+)*", "ru": r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*",
         "es": r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+"}


def _grams(lines: list[str], lang: str, count: int, rng: random.Random) -> list[str]:
    """1-3 word sequences of real text, as a glossary of that text would hold."""
    found: set[str] = set()
    for line in lines:
        words = re.findall(WORDS[lang], line)
        for i in range(len(words)):
            for k in (1, 2, 3):
                if i + k <= len(words) and rng.random() < 0.05:
                    found.add(" ".join(words[i:i + k]))
    return sorted(found)[:count]


@pytest.fixture(autouse=True)
def focused_loads_of_any_size(monkeypatch):
    """The index is what these tests are about: small termbases use it too here."""
    monkeypatch.setattr("glossary.service.READ_WHOLE_UP_TO", 0)


def test_a_termbase_smaller_than_the_run_is_read_whole_and_serves_the_review(tmp_path,
                                                                            monkeypatch):
    """A focused load costs per text, a whole one per concept."""
    monkeypatch.setattr("glossary.service.READ_WHOLE_UP_TO", 5000)
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "court"), Term("es", "tribunal")]))
        tb.add_concept(Concept(terms=[Term("en", "camera"), Term("es", "cámara")]))
    run = ["The court sat.", "It rose.", "Nobody spoke."]
    enforced = Glossary.load(db, texts={"en": run})
    assert len(enforced) == 2 and enforced.focused_on is None
    assert enforced.including({"es": ["El tribunal."]}) is enforced
    one_text = Glossary.load(db, texts={"en": ["The court sat."]})  # ``glossary find``
    assert [c.id for c in one_text.concepts()] == ["c1"]


@pytest.mark.corpus
def test_a_focused_load_finds_what_a_full_load_finds_in_real_news(tmp_path):
    rng = random.Random(7)
    texts = {}
    for lang, name in (("en", "wmt19.en"), ("ru", "wmt19.ru"), ("es", "wmt13.es")):
        lines = (CORPUS / "wmt" / name).read_text(encoding="utf-8").splitlines()[:3000]
        texts[lang] = lines[-150:]  # matched against a glossary of the other lines' words
        grams = _grams(lines[:2850], lang, 1500, rng)
        texts[lang + "-terms"] = grams
    db = tmp_path / "news.db"
    with Termbase.open(db, create=True) as tb:
        for en, ru, es in zip(texts["en-terms"], texts["ru-terms"], texts["es-terms"],
                              strict=False):
            dnt = rng.random() < 0.05
            tb.add_concept(Concept(terms=[Term("en", en, dnt=dnt), Term("ru", ru),
                                          Term("es", es)]))
    full = Glossary.load(db)
    found = 0
    for lang in ("en", "ru", "es"):
        focused = Glossary.load(db, texts={lang: texts[lang]})
        assert len(focused) < len(full) / 2  # it really loaded less
        for line in texts[lang]:
            expected = full.search(line, [lang], "es" if lang != "es" else "en")
            assert focused.search(line, [lang], "es" if lang != "es" else "en") == expected
            found += len(expected)
    assert found > 300  # the comparison saw many matches, not an empty glossary


def test_the_index_follows_adds_updates_and_removals(tmp_path):
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        court = tb.add_concept(Concept(terms=[Term("en", "district court"),
                                              Term("ru", "районный суд")]))
        tb.add_concept(Concept(terms=[Term("en", "e-mail"), Term("es", "correo")]))
    text = "Районного суда не было; the e-mails went to the district courts"

    def ids(lang: str) -> list[str]:
        return [c.id for c in Glossary.load(db, texts={lang: [text]}).concepts()]

    assert ids("ru") == [court] and ids("en") == [court, "c2"]
    assert [c.id for c in Glossary.load(db, texts={"en": ["send an email"]}).concepts()] \
        == ["c2"]  # the glued form of a hyphenated term
    with Termbase.open(db) as tb:
        concept = tb.get(court)
        concept.terms = [Term("en", "regional court"), Term("ru", "областной суд")]
        tb.update(concept)
    assert ids("ru") == [] and ids("en") == ["c2"]
    with Termbase.open(db) as tb:
        tb.remove("c2")
        rows = tb._db.execute("SELECT count(*) FROM term_keys JOIN terms"
                              " ON terms.id = term_keys.term_id").fetchone()[0]
        orphans = tb._db.execute("SELECT count(*) FROM term_keys WHERE term_id NOT IN"
                                 " (SELECT id FROM terms)").fetchone()[0]
    assert rows > 0 and orphans == 0 and ids("en") == []


def test_a_concept_is_loaded_when_one_text_holds_all_its_words(tmp_path):
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "facial recognition"), Term("es", "x")]))
    apart = ["Facial expressions matter.", "Recognition came late."]
    assert len(Glossary.load(db, texts={"en": apart})) == 0
    assert len(Glossary.load(db, texts={"en": [*apart, "facial recognitions"]})) == 1


def test_the_review_adds_what_the_translations_hold_to_what_enforcement_loaded(tmp_path):
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        for en, es in (("court", "tribunal"), ("camera", "cámara"), ("protest", "protesta"),
                       ("metro", "metro")):
            tb.add_concept(Concept(terms=[Term("en", en), Term("es", es)]))
    sources = ["The court heard the case.", "Cameras watch the metro."]
    translations = ["El tribunal oyó la protesta.", "Las cámaras vigilan."]
    enforced = Glossary.load(db, texts={"en": sources})
    matcher = enforced.renderings("c1", "el tribunal", "es") and enforced._accepted[("es", "c1")]
    review = enforced.including({"en": sources, "es": translations})
    fresh = Glossary.load(db, texts={"en": sources, "es": translations})
    assert [c.id for c in review.concepts()] == [c.id for c in fresh.concepts()] \
        == ["c1", "c2", "c3", "c4"]
    assert review._accepted[("es", "c1")] is matcher  # built once, kept
    assert review.including({"en": sources}) is review  # nothing new to read
    assert Glossary.load(db).including({"en": sources}).concepts()[0].id == "c1"


def test_in_translations_only_rejected_terms_are_looked_up(tmp_path):
    """QA reports a forbidden term wherever a translation uses it; a glossary term the
    source does not hold is not loaded for the translation alone, and when nothing is
    added the review keeps enforcement's glossary and matchers."""
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "court"), Term("es", "tribunal")]))
        tb.add_concept(Concept(terms=[Term("en", "protest"), Term("es", "protesta")]))
        tb.add_concept(Concept(terms=[Term("en", "police"), Term("es", "policía"),
                                      Term("es", "pasma", "forbidden")]))
    sources = ["The court heard the case."]
    enforced = Glossary.load(db, texts={"en": sources})
    english = enforced.matcher("en")
    review = enforced.including({"en": sources},
                                rejected_in={"es": ["El tribunal oyó la protesta."]})
    assert review is enforced and review.matcher("en") is english
    review = enforced.including({"en": sources}, rejected_in={"es": ["La pasma llegó."]})
    fresh = Glossary.load(db, texts={"en": sources}, rejected_in={"es": ["La pasma llegó."]})
    assert [c.id for c in review.concepts()] == [c.id for c in fresh.concepts()] \
        == ["c1", "c3"]
    assert [m.term.status for m in review.find("La pasma llegó.", "es")] == ["forbidden"]
    assert review.including({"en": sources}, rejected_in={"es": ["La pasma llegó."]}) \
        is review  # nothing more to add


def test_an_index_made_with_other_lemmatisers_is_rebuilt_before_use(tmp_path):
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("ru", "районный суд")]))
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE meta SET value = 'keys=0;pymorphy3=0' WHERE name = 'index'")
        raw.execute("DELETE FROM term_keys")
    found = Glossary.load(db, texts={"ru": ["в районном суде"]})
    assert [c.id for c in found.concepts()] == ["c1"]
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT value FROM meta").fetchone()[0] == index.signature()


@pytest.mark.parametrize("package", ["pymorphy3", "pymorphy3-dicts-ru", "simplemma",
                                     "PyYAML", "no-such-package-here"])
def test_the_index_names_the_lemmatisers_versions_as_pip_knows_them(package):
    """The signature's versions come from folder names: they must be the installed ones,
    or a new pymorphy3 dictionary would leave an old index trusted."""
    from importlib import metadata

    try:
        expected = metadata.version(package)
    except metadata.PackageNotFoundError:
        expected = "?"
    assert index.installed_version(package) == expected


def test_a_read_only_termbase_with_a_stale_index_falls_back_to_a_full_load(tmp_path,
                                                                        monkeypatch):
    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("ru", "районный суд")]))
        tb.add_concept(Concept(terms=[Term("ru", "прокурор")]))
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE meta SET value = 'stale' WHERE name = 'index'")

    def read_only(db):  # what SQLite says on a read-only file or folder
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(index, "rebuild", read_only)
    found = Glossary.load(db, texts={"ru": ["в районном суде"]})
    assert len(found) == 2  # everything: correct, if not lean
    assert [m.concept_id for m in found.find("в районном суде", "ru")] == ["c1"]


def test_find_searches_only_the_language_a_text_plainly_is_in():
    from glossary.stopwords import plain_language

    assert plain_language("Суд обязал мэрию прекратить распознавание лиц") == "ru"
    assert plain_language("The court ordered the city to stop using the cameras") == "en"
    assert plain_language("El tribunal ordenó a la ciudad dejar de usar las cámaras") == "es"
    for unsure in ("court", "Суд и court", "Apple iPhone"):  # every language is searched
        assert plain_language(unsure) is None
