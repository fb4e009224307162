"""Names typed by Apertium's dictionaries where the rules had only their shape."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium
from translator.entities import lexicon
from translator.entities.extract import extract
from translator.entities.lexicon import dictionary_type, parse_units


def typed(analysis: str, ruled: str, lang: str = "es") -> str | None:
    return dictionary_type(parse_units(analysis), ruled, lang)


@pytest.mark.parametrize(("analysis", "ruled", "expected"), [
    # a place is a place, whatever the rules made of it
    ("^Villarejo/Villarejo<np><loc><m><sg>$", "PER", "LOC"),
    ("^Villarejo/Villarejo<np><loc><m><sg>$", "MISC", "LOC"),
    # a firm or a body: an organisation where the shape alone said person ...
    ("^Acmesoft/Acmesoft<np><al><m><sg>$", "PER", "ORG"),
    # ... but not over what the rules knew ("la Segunda Guerra Mundial" is MISC)
    ("^Acmesoft/Acmesoft<np><al><m><sg>$", "MISC", None),
    # two kinds of proper noun: the dictionary says nothing sure
    ("^Pera/Pera<np><al><m><sg>/Pera<np><cog><mf><sg>$", "PER", None),
    ("^Xbax/*Xbax$", "PER", None),
    # an abstract noun is no person; a noun that is also a surname ("Reyes") stays one
    ("^Sociología/Sociología<n><f><sg>$", "PER", "MISC"),
    ("^Reyes/Rey<n><m><pl>$", "PER", None),
    # a given name, then an initial or a word the dictionary lacks: a person
    ("^Brian/Brian<np><ant><m><sg>$ ^E/*E$", "MISC", "PER"),
    ("^Marie/Marie<np><ant><f><sg>$^-/-<guio>$^Chantal/*Chantal$", "MISC", "PER"),
    ("^Brian/Brian<np><ant><m><sg>$ ^Fondo/Fondo<n><m><sg>$", "MISC", None),
    # a place and what it is said to be ("Europa Central"); a place's team is not one
    ("^Villarejo/Villarejo<np><loc><m><sg>$ ^Central/Central<adj><mf><sg>$", "PER", "LOC"),
    ("^Villarejo/Villarejo<np><loc><m><sg>$ ^Club/Club<n><m><sg>$", "PER", None),
])
def test_the_dictionary_types_what_the_rules_typed_by_shape(analysis, ruled, expected):
    assert typed(analysis, ruled) == expected


def test_english_lone_words_the_model_passed_over_are_the_unknown_ones():
    """English rules call a lone word MISC for want of evidence: that is what a firm's
    proper noun replaces; the Spanish abstract-noun test is Spanish only."""
    assert typed("^Acmesoft/Acmesoft<np><al><sg>$", "MISC", "en") == "ORG"
    assert typed("^Acmesoft/Acmesoft<np><al><sg>$", "PER", "en") is None
    assert typed("^Sociology/Sociology<n><sg>$", "PER", "en") is None


@needs_apertium
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Abrí Twitter para escribir lo que pienso.", "es", [("Twitter", "ORG")]),
    ("Visitó Nueva Orleans y Seattle en verano.", "es",
     [("Nueva Orleans", "LOC"), ("Seattle", "LOC")]),
    ("Es profesora de Sociología en una universidad.", "es", [("Sociología", "MISC")]),
    ("Casi 57.000 personas votaron ayer.", "es", []),
    ("A 31 años de la primera ley, nada cambió.", "es", []),
    ("- Imaginémonos por un momento que no hay cámaras.", "es", []),  # a verb, no name
    ("El Marsella ganó la liga.", "es", [("Marsella", "MISC")]),  # the club, not the city
    ("He wrote on Facebook that he was detained.", "en", [("Facebook", "ORG")]),
])
def test_names_found_by_rule_get_the_dictionarys_type(text, lang, expected):
    assert [(m.text, m.type) for m in extract(text, lang)] == expected


def test_without_apertium_the_rules_types_stand(monkeypatch):
    """No analyser for the language: nothing is asked and nothing changes."""
    monkeypatch.setattr(lexicon, "_lexicon", lambda lang: None)
    assert [(m.text, m.type) for m in extract("Abrí Twitter para escribir.", "es")] == [
        ("Abrí Twitter", "PER")]

