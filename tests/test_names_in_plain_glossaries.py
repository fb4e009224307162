"""A plain two-column glossary has no part of speech: its names are found by their spelling,
matched with their capitals and possessives, and protected; a person can say otherwise."""

from __future__ import annotations

import pytest

from glossary.model import Concept, Term
from glossary.names import is_name
from glossary.service import Glossary
from tests.conftest import run_cli
from tests.fake_engine import TableEngine
from translator.cache import TranslationCache
from translator.mt import MachineTranslator
from translator.stages import PROTECTED, make_jobs, translate_jobs
from translator.terminology import TermEnforcer


def pair(en: str, es: str, pos: str | None = None) -> Concept:
    return Concept(terms=[Term("en", en, pos=pos), Term("es", es, pos=pos)])


@pytest.mark.parametrize(("concept", "name"), [
    (pair("Donald Trump", "Donald Trump"), True),
    (pair("Games", "Juegos"), True),  # capitalised in both
    (pair("A1GP", "A1GP"), True),
    (pair("software", "software"), True),  # spelled the same in both
    (pair("facial recognition", "reconocimiento facial"), False),
    (pair("Stanford University School of Medicine",
          "facultad de medicina de la Universidad de Stanford"), False),
    (pair("Games", "Juegos", pos="noun"), False),  # the glossary says otherwise
    (pair("court", "tribunal", pos="properNoun"), True),
])
def test_names_are_told_by_their_spelling_unless_the_glossary_says_otherwise(concept, name):
    assert is_name(concept) is name


def found(glossary: Glossary, text: str) -> list[str]:
    return [m.text for m in glossary.find(text, "en")]


def test_a_capitalised_name_does_not_match_the_common_word():
    glossary = Glossary([pair("Games", "Juegos")])
    assert found(glossary, "He plays video games at the Games.") == ["Games"]
    marked = Glossary([pair("Games", "Juegos", pos="noun")])
    assert found(marked, "He plays video games at the Games.") == ["games", "Games"]


def test_names_match_in_their_english_possessive_forms():
    glossary = Glossary([pair("Earth", "Tierra"), pair("Milky Way", "Vía Láctea"),
                         Concept(terms=[Term("en", "Bush", dnt=True)])])
    assert found(glossary, "Bush's plan, Earth’s orbit and the Milky Way's arm.") == [
        "Bush's", "Earth’s", "Milky Way's"]


def test_a_name_of_a_plain_csv_glossary_plain_mt_mangled_is_protected(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("en,es\nShark Tank,Shark Tank\n", encoding="utf-8")
    table = {"She watched Shark Tank.": "Miró Tanque del Tiburón.",
             "Shark Tank": "Tanque Tiburón",  # MT of the name alone finds nothing
             "She watched <x1/>.": "Miró <x1/>."}
    jobs = make_jobs([("en", "es", "She watched Shark Tank.")])
    mt = MachineTranslator(TableEngine({("en", "es")}, table), TranslationCache(None))
    translate_jobs(jobs, mt, enforcer=TermEnforcer(Glossary.load(path)))
    (job,) = jobs
    assert job.translation == "Miró Shark Tank." and job.origin == PROTECTED


def test_a_person_marks_a_term_as_not_a_name_with_glossary_edit(tmp_path):
    termbase = tmp_path / "g.db"
    done = run_cli("glossary", "add", "--en", "Games", "--es", "Juegos", "--glossary",
                   str(termbase))
    assert done.returncode == 0, done.stderr
    assert Glossary.load(termbase).names
    done = run_cli("glossary", "edit", "c1", "--pos", "en", "Games", "noun",
                   "--glossary", str(termbase))
    assert done.returncode == 0, done.stderr
    assert not Glossary.load(termbase).names
