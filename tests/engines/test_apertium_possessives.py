"""English possessives Apertium would miss keep their link between owner and noun."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, raw_apertium, translate
from translator.engines.apertium_possessives import names_before_genitives, possessives_marked

GENITIVE = "^'s/'s<gen>/be<vbser><pri><p3><sg>$"


@pytest.mark.parametrize(("before", "after"), [
    ("^Navalny/*Navalny$ ", "^Navalny/Navalny<np><cog><sg>$ "),
    # a run of unknown capitalised words is one name; the known word before it is not
    ("^the/the<det><def><sp>$ ^Yulia/*Yulia$ ^Navalnaya/*Navalnaya$ ",
     "^the/the<det><def><sp>$ ^Yulia/Yulia<np><cog><sg>$ ^Navalnaya/Navalnaya<np><cog><sg>$ "),
    ("^Алексей/*Алексей$ ", "^Алексей/Алексей<np><cog><sg>$ "),
])
def test_unknown_capitalised_words_before_a_genitive_become_names(before, after):
    assert names_before_genitives(before + GENITIVE) == after + GENITIVE


@pytest.mark.parametrize("stream", [
    "^anti/*anti$ " + GENITIVE,                     # lower case: not a name
    "^Putin/Putin<np><cog><sg>$ " + GENITIVE,       # known: Apertium links it itself
    "^court/court<n><sg>$ " + GENITIVE,
    "^Navalny/*Navalny$ ^said/say<vblex><past>$",  # no genitive after it
    "^Navalny/*Navalny$[<b>]" + GENITIVE,          # markup between: left as it is
])
def test_other_words_are_left_as_the_analyser_gave_them(stream):
    assert names_before_genitives(stream) == stream


@needs_apertium
@pytest.mark.parametrize(("sentence", "linked"), [
    ("Navalny's supporters gathered in Moscow.", "seguidores de Navalny"),
    ("The court rejected Popova's appeal.", "apelación de Popova"),
    ("Alexei Navalny’s supporters gathered.", "seguidores de Alexei Navalny"),
])
def test_the_noun_of_an_unknown_name_is_translated_as_its_own(sentence, linked):
    assert linked not in raw_apertium("eng-spa", sentence)  # Apertium alone loses the link
    [ours] = translate("en", "es", [sentence])
    assert linked in ours
    assert "  " not in ours


@needs_apertium
def test_sentences_without_an_unknown_name_before_a_genitive_are_apertiums_own():
    sentences = ["Putin's spokesman said nothing.", "The court's ruling was final."]
    assert translate("en", "es", sentences) == [raw_apertium("eng-spa", s) for s in sentences]


PLURAL = "^the/the<det><def><sp>$ ^protesters/protester<n><pl>$"


@pytest.mark.parametrize(("after", "marked"), [
    (" ^lawyers/lawyer<n><pl>$", True),
    (" ^new/new<adj><sint>$ ^lawyers/lawyer<n><pl>$", True),
    (" ^said/say<vblex><past>/say<vblex><pp>$", False),  # a closing quote, not "of"
    ("", False),
])
def test_a_plurals_bare_apostrophe_before_a_noun_becomes_a_genitive(after, marked):
    stream = PLURAL + "^'/'<apos>$" + after
    expected = PLURAL + " ^'s/'s<gen>$" + after if marked else stream
    assert possessives_marked(stream) == expected


@needs_apertium
@pytest.mark.parametrize(("sentence", "linked"), [
    ("The protesters' lawyers appealed.", "abogados de los manifestantes"),
    ("The judges’ decision angered the activists' families.", "familias de los activistas"),
])
def test_a_plural_owner_is_linked_to_its_noun(sentence, linked):
    assert linked not in raw_apertium("eng-spa", sentence)
    [ours] = translate("en", "es", [sentence])
    assert linked in ours
    assert "'" not in ours and "’" not in ours
