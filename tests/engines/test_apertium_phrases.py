"""Ages, percentages and dates of English news, as Apertium translates them into Spanish
(ages are compounds joined to a number: ``apertium_compounds`` ungluing them)."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_phrases import (
    EnglishPhrases,
    english_beside_names,
    spanish_phrases,
)


def test_without_an_analyser_dates_and_per_cent_are_reworded():
    phrases = EnglishPhrases(None)
    chunks = [["On Dec. 6th, 2019, a 28-year-old man paid 40 per cent.",
               "During October 11-13 the May 25 death was mourned."]]
    assert phrases.reworded(chunks) == [[
        "On 6 December 2019, a 28-year-old man paid 40 percent.",  # no noun asked of
        "During October 11-13 the May 25 death was mourned."]]
    assert chunks[0][0].startswith("On Dec. 6th")  # the caller's chunks are not changed


def test_spanish_dates_get_their_de_and_march():
    assert spanish_phrases("Llegó 6 diciembre 2019 y en Marcha 2020, el 12 Marcha.") == \
        "Llegó 6 de diciembre de 2019 y en marzo de 2020, el 12 de marzo."
    assert spanish_phrases("La Marcha de 2019 y el 6 de diciembre de 2019.") == \
        "La Marcha de 2019 y el 6 de diciembre de 2019."
    assert spanish_phrases("Encima martes la corte falló; pasó encima noche de martes.") == \
        "El martes la corte falló; pasó el martes por la noche."
    assert spanish_phrases("En el 1990s, desde el 1960s y del 1830s.") == \
        "En los años 1990, desde los años 1960 y de los años 1830."


def test_last_year_is_el_ano_pasado():
    assert spanish_phrases("Último año vivimos; fueron heridas último año y la semana de "
                           "última semana, en mayo último año, a último mes.") == \
        "El año pasado vivimos; fueron heridas el año pasado y la semana de la semana " \
        "pasada, en mayo del año pasado, al mes pasado."
    assert spanish_phrases("Ganó último fin de semana.") == "Ganó el fin de semana pasado."
    # "earlier this year", "early next week" and "early last year"
    assert spanish_phrases("Más temprano este mes; temprano la semana que viene; temprano "
                           "último año; temprano en la guerra.") == \
        "A principios de este mes; a principios de la semana que viene; a principios del " \
        "año pasado; temprano en la guerra."
    # "Mr. Smith", "Mrs. May": the article and the lower case Spanish news gives a title
    assert spanish_phrases('Señor Smith dijo que Señora May y el Señor Bean, de Señor Hart, '
                           'a Señor Pence. "Gracias," Señor Trump dijo.') == \
        'El señor Smith dijo que la señora May y el señor Bean, del señor Hart, al señor ' \
        'Pence. "Gracias," el señor Trump dijo.'
    assert spanish_phrases("Señor, ¿por qué?") == "Señor, ¿por qué?"  # no name: as written
    # "his last year", "the last week" (the final ones) and Spanish's "por último" stay
    kept = "Su último año; en la última semana; por último año."
    assert spanish_phrases(kept) == kept


def test_on_before_a_noun_phrase_is_sobre_and_on_suspicion_bajo_sospecha():
    assert spanish_phrases("Votan encima si; el informe encima la obstrucción.") == \
        "Votan sobre si; el informe sobre la obstrucción."
    assert spanish_phrases("Arrestado encima sospecha de robo.") == \
        "Arrestado bajo sospecha de robo."
    # Spanish "encima de", a name after it ("on Twitter"), and the adverb stay
    kept = "Encima de la mesa; escribió encima Twitter; y encima llueve."
    assert spanish_phrases(kept) == kept


@pytest.mark.slow
@needs_apertium
def test_real_apertium_writes_ages_percentages_and_dates_as_spanish_does():
    out = translate("en", "es", [
        "A 28-year-old man was arrested.",
        "The 48-year-old said the ruling was unfair.",
        "Two 23-year-old men were arrested.",
        "Prices rose 50 per cent on December 6, 2019.",
        "It happened in March 2020.",
        "Jones has a 40 percent stake in the firm.",
        "A Moscow court ruled on Tuesday.",
        "The man was arrested by the police.",
        "Prices rose last year."])
    assert "hombre de 28 años" in out[0], out
    assert "persona de 48 años" in out[1], out
    assert "hombres de 23 años" in out[2], out
    assert "50 por ciento" in out[3] and "6 de diciembre de 2019" in out[3], out
    assert "marzo de 2020" in out[4], out
    assert "apuesta de 40 por ciento" in out[5] and "porcentaje" not in out[5], out
    assert "el martes" in out[6] and "encima" not in out[6], out
    assert "fue arrestado por la policía" in out[7], out
    assert "el año pasado" in out[8] and "último" not in out[8], out


def test_an_age_beside_a_name_is_written_as_english_news_writes_it():
    assert english_beside_names("Juan Pérez, of 45 years, was detained; Ana, of 21 years "
                                "and a student, said so.") == \
        "Juan Pérez, 45, was detained; Ana, aged 21 and a student, said so."
    # a span of years is no age
    assert english_beside_names("a period of 81 years in power") == "a period of 81 years in power"


def test_a_title_before_a_name_loses_the_spanish_article():
    assert english_beside_names(
        "The Mr. Pérez said that the president Obama met the judge Glynn.") == \
        "Mr. Pérez said that President Obama met Judge Glynn."
    assert english_beside_names("the president of Russia and the judge ruled") == \
        "the president of Russia and the judge ruled"


@pytest.mark.slow
@needs_apertium
def test_real_apertium_english_writes_ages_and_initials_as_english_news_does():
    out = translate("es", "en", ["Juan Pérez, de 45 años, fue detenido.",
                           "La Sra. A., de 89 años, quiere morir.",
                           "El Sr. Pérez habló con el presidente Obama."])
    assert "Juan Pérez, 45, was" in out[0], out
    assert "Mrs. A., 89," in out[1] and "To." not in out[1] and "The" not in out[1], out
    assert out[2].startswith("Mr. Pérez") and "President Obama" in out[2], out
