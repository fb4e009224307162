"""Numbers QA compares: the value a text states, however each language writes it."""

from __future__ import annotations

import pytest

from glossary.numbers import differences, normalise_number


@pytest.mark.parametrize("a, b", [("20,000", "20 000"), ("20,000", "20.000"), ("3.5", "3,5"),
                                  ("1\u00a0250", "1,250"), ("007", "7")])
def test_number_formats_of_the_three_languages_are_equal(a, b):
    assert normalise_number(a) == normalise_number(b)


def test_numbers_ignore_html_character_references():
    assert differences("Nadal&#39;s record was 7-2", "Надаль: 7-2") == ([], [])


@pytest.mark.parametrize(("source", "translation"), [
    # scale words: the value, not the digits
    ("Sales reached 10 billion euros.", "Las ventas llegaron a 10.000 millones de euros."),
    ("Sales reached 10 billion euros.", "Продажи достигли 10 млрд евро."),
    ("It cost 3.5 million dollars.", "Обошлось с 3,5 миллионами долларов."),
    ("About 7 тыс. жителей", "About 7,000 residents"),
    # a range shares the scale written after its second number
    ("between 300 and 400 million users", "entre 300 y 400 millones de usuarios"),
    # ordinals and decades are written as words or Roman numerals as often as not
    ("It was built in the 17th century.", "Se construyó en el siglo XVII."),
    ("Построен в XVII веке.", "It was built in the 17th century."),
    ("It opens on the 1st day of May.", "Abre el primer día de mayo."),
    ("his 40th goal of the season", "su gol número 40 de la temporada"),
    ("In the 1980s he moved to Lima.", "En los años ochenta se mudó a Lima."),
    ("в 1990-х годах", "in the 1990s"),
    # a year beside a count: four digits start no thousands group
    ("the 2019 500 Fastest Companies list", "la lista de 2019 de las 500 empresas"),
])
def test_a_translation_that_states_the_same_numbers_passes(source, translation):
    assert differences(source, translation) == ([], [])


@pytest.mark.parametrize(("source", "translation", "missing", "extra"), [
    ("It cost 2.5 billion dollars.", "Costó 2,5 millones de dólares.",
     ["2500000000"], ["2500000"]),  # MT dropped "mil": a thousand times less
    ("It was built in the 17th century.", "Se construyó en el siglo 18.", [], ["18"]),
    ("About 9,000 people came.", "Vinieron unas 900 personas.", ["9000"], ["900"]),
    ("They grounded the Il-76s.", "Приземлили Ил-Чакс.", ["76"], []),  # aircraft, no decade
])
def test_a_number_the_translation_changed_is_reported(source, translation, missing, extra):
    assert differences(source, translation) == (missing, extra)


@pytest.mark.parametrize(("source", "translation", "langs"), [
    ("Eighteen percent are unemployed.", "El 18 por ciento está desempleado.", ("en", "es")),
    ("Ganó doce medallas.", "She won 12 medals.", ("es", "en")),
    ("It lasted 6 months.", "Длилось шесть месяцев.", ("en", "ru")),
    ("Около двадцати пяти человек", "About 25 people", ("ru", "en")),
    ("twenty-four hours", "veinticuatro horas", ("en", "es")),
])
def test_a_number_written_as_a_word_on_one_side_is_the_same_number(source, translation, langs):
    assert differences(source, translation, *langs) == ([], [])


def test_a_number_word_with_another_value_is_still_reported():
    assert differences("It lasted 6 months.", "It lasted seven months.", "en", "en") == (
        ["6"], [])


@pytest.mark.parametrize(("source", "translation"), [
    # a clock time is one value, however it is written, on a twelve-hour dial
    ("It crashed at around 9:30 am local time (0230 UTC).",
     "Se estrelló hacia las 9:30 hora local (02:30 UTC)."),
    ("The rally starts at 2:30 p.m.", "El mitin empieza a las 14:30."),
    ("Doors open at 9.30am.", "Двери откроются в 9:30."),
    # money with its scale as a letter
    ("He joined for a reported fee of £27m.", "Он перешёл за 27 миллионов фунтов."),
    ("a grant of €50k", "una subvención de 50.000 euros"),
    # a scale word after "or more"
    ("more than twenty with 50 million or more speakers",
     "более двадцати, на которых говорят 50 и более миллионов человек"),
])
def test_times_money_and_scales_read_as_one_value(source, translation):
    assert differences(source, translation) == ([], [])


def test_a_changed_time_is_reported_as_a_time():
    assert differences("The vote closed at 02:30.", "La votación cerró a las 02:45.") == (
        ["2:30"], ["2:45"])


def test_metres_after_a_number_are_no_scale():
    assert differences("He ran the 100m in 10 seconds.", "Corrió los 100 m en 10 segundos.") \
        == ([], [])


@pytest.mark.parametrize(("source", "translation", "langs"), [
    ("During his 2 hour speech he said it.", "Во время своего двухчасового выступления он "
     "сказал это.", ("en", "ru")),
    ("The 100-metre ship was on its way.", "Стометровый корабль был в пути.", ("en", "ru")),
    ("a two-hour speech", "un discurso de 2 horas", ("en", "es")),
    ("A thousand people marched.", "Прошли 1000 человек.", ("en", "ru")),
])
def test_a_number_inside_a_word_of_measure_is_the_same_number(source, translation, langs):
    assert differences(source, translation, *langs) == ([], [])


def test_a_word_that_only_starts_like_a_number_states_none():
    # "столице" starts like "сто" (100); "семинаре" like "семи" (7)
    assert differences("100 people at a seminar in the capital",
                       "люди на семинаре в столице", "en", "ru") == (["100"], [])


@pytest.mark.parametrize(("source", "translation", "langs"), [
    ("Two million people voted.", "Votaron 2 millones de personas.", ("en", "es")),
    ("Проголосовали пять миллионов человек.", "Five million people voted.", ("ru", "en")),
    ("Llegaron veinticinco mil personas.", "25,000 people came.", ("es", "en")),
])
def test_a_number_word_multiplied_by_its_scale_word_is_one_number(source, translation, langs):
    assert differences(source, translation, *langs) == ([], [])


def test_millions_alone_are_no_number():
    # "millones de personas" states no million: the 1,000,000 is missing
    assert differences("1,000,000 people voted.", "Votaron millones de personas.",
                       "en", "es") == (["1000000"], [])
