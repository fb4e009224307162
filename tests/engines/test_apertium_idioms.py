"""Spanish idioms Apertium translates into English word by word."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_idioms import english_idioms


def test_idioms_of_the_source_are_said_as_english_says_them():
    pairs = [("Se trata de una fase.", "It treats of a phase.", "It is a phase."),
             ("Se trataba de Higgs.", "It treated of Higgs.", "It was Higgs."),
             ("Llegaron a un acuerdo.", "They arrived to an agreement.",
              "They reached an agreement."),
             ("Cerca de 200.000 personas, cerca de tres.", "Near of 200,000 people, near of "
              "three.", "Nearly 200,000 people, nearly three."),
             ("Vive cerca de Madrid.", "It lives near of Madrid.", "It lives near Madrid."),
             ("No solo compran.", "No only they buy.", "Not only they buy."),
             ("Tan solo 16 estados.", "So alone 16 states.", "Only 16 states."),
             ("No todos vinieron.", "No all came.", "Not all came."),
             ("Un árbol del que hicieron la cruz.", "A tree of the that did the cross.",
              "A tree of which did the cross.")]
    for source, output, expected in pairs:
        assert english_idioms(source, output) == expected


def test_without_the_idiom_in_the_source_nothing_changes():
    # "llegó a ser" (came to be): before a verb, "arrive to" stays
    assert english_idioms("Llegó a ser presidente.", "It arrived to be president.") == \
        "It arrived to be president."
    # "treat of" that no "se trata de" gave ("tratan de": deal with)
    assert english_idioms("Los libros que tratan de Higgs.", "The books that treat of "
                          "Higgs.") == "The books that treat of Higgs."
    assert english_idioms("Llegó tarde.", "So only it arrived.") == "So only it arrived."
    # "al que" may be "to whom" or "the one that": only "of the that" is "of which"
    assert english_idioms("Un hombre al que le gusta.", "A man to the that likes.") == \
        "A man to the that likes."


@pytest.mark.slow
@needs_apertium
def test_real_apertium_says_spanish_idioms_in_english():
    out = translate("es", "en", ["Se trata de una medida temporal.",
                                 "Los manifestantes llegaron a la plaza.",
                                 "Cerca de 200 personas fueron detenidas.",
                                 "No solo protestaron, también votaron."])
    assert "treats of" not in out[0] and "is a" in out[0], out
    assert "reached the" in out[1], out
    assert "nearly 200" in out[2].lower(), out
    assert "not only" in out[3].lower(), out
