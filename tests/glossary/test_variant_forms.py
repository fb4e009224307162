"""Plural and gender variants of a term word match as written, not through their lemma:
a lemmatiser that reads "soles" as a form of "soler" must not make "suelen" a "sol"."""

from __future__ import annotations

from glossary.model import Concept, Term
from glossary.service import Glossary


def test_a_variant_matches_its_own_form_but_not_another_word_sharing_its_lemma():
    glossary = Glossary([Concept(terms=[Term("es", "sol"), Term("en", "sun")])])
    found = [m.text for m in glossary.find("Los soles salen; suelen salir; el sol sale.", "es")]
    assert found == ["soles", "sol"]


def test_gender_and_plural_variants_still_match():
    glossary = Glossary([Concept(terms=[Term("es", "abogado"), Term("en", "lawyer")])])
    found = [m.text for m in glossary.find("Las abogadas y los abogados.", "es")]
    assert found == ["abogadas", "abogados"]
