"""Lines and spans that hold no name, whichever extractor looks at them (own texts)."""

from __future__ import annotations

import pytest

from translator.entities.filters import is_boilerplate_line, is_common_word, trim


@pytest.mark.parametrize(("line", "lang"), [
    ("Tbilisi Plans Wider Use Of Street Cameras After Protests", "en"),
    ("Related story: Court Orders City To Delete Protest Footage", "en"),
    ("By Nino Beridze and Tom Walsh", "en"),
    ("Updated Mar 3, 2022, 8:15 p.m. UTC", "en"),
    ("Leave a Reply", "en"),
    ("Read more", "en"),
    ("Advertising Notice", "en"),
    ("Por Carmen Ruiz", "es"),
    ("Leer más", "es"),
])
def test_lines_without_entities(line, lang):
    assert is_boilerplate_line(line, lang)


@pytest.mark.parametrize(("line", "lang"), [
    ("The Tbilisi City Court fined Nino Beridze on Monday.", "en"),
    ("Nino Beridze, a lawyer, said the cameras were illegal", "en"),
    ("El Tribunal de Tiflis multó a Nino Beridze.", "es"),
])
def test_prose_is_kept(line, lang):
    assert not is_boilerplate_line(line, lang)


@pytest.mark.parametrize(("word", "lang", "common"), [
    ("Leave", "en", True), ("Picture", "en", True), ("Tokens", "en", True),
    ("Problema", "es", True), ("Imagínese", "es", True), ("Normalmente", "es", True),
    ("Beridze", "en", False), ("YouTube", "en", False), ("Texas", "en", False),
    ("Tiflis", "es", False),
])
def test_common_words_by_the_lemma_dictionary(word, lang, common):
    assert is_common_word(word, lang) is common


def _pieces(text, lang="en", **kw):
    return [text[a:b] for a, b in trim(text, 0, len(text), lang, **kw)]


def test_articles_possessives_titles_and_punctuation_are_trimmed():
    assert _pieces("the Tbilisi City Court") == ["Tbilisi City Court"]
    assert _pieces("Beridze’s") == ["Beridze"]
    assert _pieces("Lawyer Nino Beridze") == ["Nino Beridze"]
    assert _pieces("Lawyer Nino Beridze", titles=False) == ["Lawyer Nino Beridze"]
    assert _pieces("pro-Beridze") == ["Beridze"]
    assert _pieces("Nino Beridze /") == ["Nino Beridze"]
    assert _pieces("el Tribunal Supremo", "es") == ["Tribunal Supremo"]


def test_an_inner_possessive_ends_a_name_only_after_an_owner():
    text = "Tbilisi’s Department of Transport"
    assert _pieces(text, owner=lambda words: words == "Tbilisi") == [
        "Tbilisi", "Department of Transport"]
    assert _pieces("Auditor General's Office", owner=lambda words: False) == [
        "Auditor General's Office"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The state broadcaster CCTV showed the protest in Beijing.", "en"),
    ("La cadena CCTV mostró la protesta en Pekín.", "es"),
])
def test_an_abbreviation_the_gazetteer_lists_as_a_name_is_kept(text, lang):
    """CCTV is a common noun in most news ("CCTV cameras") and a broadcaster's name in
    some: the filter of common abbreviations yields to the names a user listed."""
    from translator.entities.extract import extract

    assert ("CCTV", "ORG") in [(m.text, m.type) for m in extract(text, lang, gazetteer=["CCTV"])]
