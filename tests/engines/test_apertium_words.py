"""Spanish words Apertium picks where Spanish says another: "aquello" and "para"."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_words import spanish_said, spanish_senses, spanish_words


def test_the_pronoun_that_is_eso_and_the_relative_que():
    assert spanish_words("Aquello es todo. Y aquello era el gol, pero aquello no.") == \
        "Eso es todo. Y eso era el gol, pero eso no."
    # before a punctuation mark it is a pronoun whatever comes before it
    assert spanish_words("Ha sido exactamente aquello. ¿Cómo cambiamos aquello?") == \
        "Ha sido exactamente eso. ¿Cómo cambiamos eso?"
    # after a noun or "una" it is a relative clause's "that"
    assert spanish_words("Un tsunami aquello pegó; es una aquello está; algo aquello pasa") \
        == "Un tsunami que pegó; es una que está; algo que pasa"


def test_an_infinitive_after_parecer_como_and_empezar():
    assert spanish_words("Parece para ser feliz; aprendió cómo para nadar.") == \
        "Parece ser feliz; aprendió cómo nadar."
    assert spanish_words("Empezaron para llorar y comenzó para llover.") == \
        "Empezaron a llorar y comenzó a llover."
    # purpose stays: "viajó para ver" is "travelled to see"
    assert spanish_words("Viajó para ver a su madre.") == "Viajó para ver a su madre."


def test_said_is_dijo_unless_a_verb_before_makes_it_the_participle():
    source = "Larry Giles said officials said it was said."
    assert spanish_said(source, "Larry Giles dicho que los oficiales dicho que fue dicho.") \
        == "Larry Giles dijo que los oficiales dijeron que fue dicho."
    for kept in ("La policía ha dicho que sí.", "Es también dicho que sí.", "Lo dicho."):
        assert spanish_said(source, kept) == kept
    # no "said" in the source: "dicho" is another word's ("that said", "the saying")
    assert spanish_said("That is the saying.", "Aquel es dicho.") == "Aquel es dicho."


def test_authorities_a_political_party_and_the_person_told_as_news_says_them():
    assert spanish_senses("The authorities said.", "Las potestades dijeron.") == \
        "Las autoridades dijeron."
    assert spanish_senses("The Conservative Party and other parties.",
                          "La Fiesta Conservadora y las otras fiestas.") == \
        "El Partido Conservador y los otros partidos."
    # a party at a school stays a "fiesta"
    assert spanish_senses("Clothes at a high school party.", "Ropa en una fiesta.") == \
        "Ropa en una fiesta."
    assert spanish_senses("He told Reuters and the Senate.", "Dijo Reuters y dijo el Senado.") \
        == "Dijo a Reuters y dijo al Senado."
    # with "said" in the source, "dijo el presidente" may be "said the president"
    kept = "Dijo Reuters, dijo el presidente."
    assert spanish_senses("He told Reuters, said the president.", kept) == kept


@pytest.mark.slow
@needs_apertium
def test_real_apertium_writes_that_and_to_as_spanish_does():
    out = translate("en", "es", ["And that was the goal.",
                                 "A tsunami that hit the city killed hundreds.",
                                 "The system seems to be illegal.",
                                 "They began to cry.",
                                 "Larry Giles said in a statement that it was over.",
                                 "The authorities told Reuters the Labour Party lost."])
    assert "eso era" in out[0].lower() and "aquello" not in out[0].lower(), out
    assert "tsunami que" in out[1], out
    assert "parece ser" in out[2], out
    assert "empezaron a llorar" in out[3].lower(), out
    assert "Larry Giles dijo" in out[4], out
    assert "autoridades" in out[5] and "a Reuters" in out[5] and "Partido" in out[5], out
