"""Extraction on the trilingual fixture, and Russian dictionary forms."""

from __future__ import annotations

import pytest

from translator.core.errors import TriglotError
from translator.entities.extract import extract, extract_by_passage, extract_segments

from .conftest import lines


def _texts(mentions, kind=None):
    return [m.text for m in mentions if kind is None or m.type == kind]


@pytest.mark.parametrize(("text", "surface", "normal"), [
    ("Суд оштрафовал Алёну Попову.", "Алёну Попову", "Алёна Попова"),
    ("Адвокат встретился с Алёной Поповой вчера.", "Алёной Поповой", "Алёна Попова"),
    ("Журналисты спросили Алексея Навального о суде.", "Алексея Навального", "Алексей Навальный"),
    # written with е, kept with е: the same form as the text's own "Алена Попова"
    ("Суд отклонил иск Алены Поповой к мэрии.", "Алены Поповой", "Алена Попова"),
    ("Приговор огласили в Тверском районном суде.", "Тверском районном суде",
     "Тверской районный суд"),
])
def test_russian_mentions_keep_surface_and_get_dictionary_form(text, surface, normal):
    found = {m.text: m.normal for m in extract(text, "ru")}
    assert found.get(surface) == normal


def test_russian_keeps_yo_and_the_womans_gender():
    # natasha alone gives "Алену Попов"; the surface gender and ё must survive
    (mention,) = [m for m in extract("Полиция задержала Алёну Попову.", "ru") if m.type == "PER"]
    assert mention.normal == "Алёна Попова"


def test_russian_fixture_finds_people_court_and_city():
    found = extract_segments(lines("court.ru.txt"), "ru")
    assert "Тверской районный суд" in {m.normal for m in found if m.type == "ORG"}
    assert {"Алёна Попова", "Михаил Беляев"} <= {m.normal for m in found if m.type == "PER"}
    assert "Москва" in {m.normal for m in found if m.type == "LOC"}


def test_latin_script_names_inside_russian_text_are_found():
    found = extract("Об этом сообщила газета The Guardian в понедельник.", "ru")
    assert "The Guardian" in _texts(found)


def test_english_fixture_finds_names_with_connectors():
    found = extract_segments(lines("court.en.txt"), "en")
    texts = _texts(found)
    assert "Tverskoy District Court" in texts
    assert "Alyona Popova" in texts
    assert "European Court of Human Rights" in texts


def test_spanish_fixture_joins_lower_case_institution_words():
    found = extract_segments(lines("court.es.txt"), "es")
    assert "Tribunal del distrito de Tverskói" in _texts(found)
    assert "Aliona Popova" in _texts(found)


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("The court fined Alyona Popova on Monday.", "en", ["Alyona Popova"]),
    ("However, Alyona Popova appealed.", "en", ["Alyona Popova"]),
    ("Russian police detained Alyona Popova.", "en", ["Alyona Popova"]),
    ("El tribunal multó a Aliona Popova.", "es", ["Aliona Popova"]),
])
def test_sentence_starts_weekdays_and_nationalities_are_not_names(text, lang, names):
    assert _texts(extract(text, lang)) == names


def test_titles_are_left_out_of_the_span():
    found = extract("The decision was announced by Dr. Carolyn Wilson.", "en")
    assert _texts(found) == ["Carolyn Wilson"]


def test_sentence_initial_name_is_kept():
    assert "Popova" in _texts(extract("Popova arrived at the court.", "en"))
    assert "Turkey" in _texts(extract("Turkey's courts are busy.", "en"))


def test_offsets_point_at_the_surface_form():
    text = "Тверской районный суд вызвал Алёну Попову."
    for mention in extract(text, "ru"):
        assert text[mention.start:mention.end] == mention.text


def test_unknown_language_is_refused():
    with pytest.raises(TriglotError, match="unsupported language 'de'"):
        extract("Das Gericht tagte.", "de")


def test_a_spanish_name_after_en_is_a_place_throughout_its_document():
    """The rules type a lone capitalised word a person by its shape; "en Montreal" says it
    is a place, and so it is where the document names it again ("el alcalde de Montreal")."""
    found = extract_segments(["Las protestas siguen en Montreal.",
                              "El alcalde de Montreal habló ayer con la prensa."], "es")
    assert [(m.text, m.type) for m in found] == [("Montreal", "LOC"), ("Montreal", "LOC")]


def test_a_full_name_after_en_stays_a_person():
    found = extract("Los activistas confían en Carlos Pérez, dijo la abogada.", "es")
    assert [(m.text, m.type) for m in found] == [("Carlos Pérez", "PER")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Los astronautas vieron la Tierra desde la Luna.", [("Tierra", "MISC"), ("Luna", "MISC")]),
    ("El Marsella ganó la Eurocopa, dijo Pedro Sánchez.",
     [("Marsella", "MISC"), ("Eurocopa", "MISC"), ("Pedro Sánchez", "PER")]),
])
def test_a_spanish_name_after_an_article_is_no_person(text, expected):
    """Spanish writes a person's name without an article: "la Tierra", "el Marsella" (the
    club), "la Eurocopa" name something else, which the shape rule alone called a person."""
    assert [(m.text, m.type) for m in extract(text, "es")] == expected


def test_an_english_title_in_spanish_text_is_no_person():
    """Spanish text quotes English titles, bands and papers with their "The": no person
    has one, whether or not Apertium's dictionaries are installed."""
    assert [(m.text, m.type) for m in extract("Según The Evening Courier, nadie lo vio.",
                                               "es")] == [("The Evening Courier", "MISC")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Los barcos cruzaron el mar Negro y el río Volga.",
     [("mar Negro", "LOC"), ("río Volga", "LOC")]),
    ("La marcha llegó a la calle Arbat, dijo Ana Torres.",
     [("calle Arbat", "LOC"), ("Ana Torres", "PER")]),
    # a city names the person after it in translated news: left to the shape rule
    ("Lo anunció el alcalde de la ciudad Sergei Sobyanin.", [("Sergei Sobyanin", "PER")]),
    ("Lo dijo la corporación Walmart y el banco Santander.",
     [("Walmart", "ORG"), ("Santander", "ORG")]),
    # a company designator is the head of its name: "Grupo Cementos", "Asiafield Limited"
    ("La deuda del Grupo Cementos creció.", [("Grupo Cementos", "ORG")]),
    ("Nevó en la región de Olomouc y en la provincia de Kapisa.",
     [("Olomouc", "LOC"), ("Kapisa", "LOC")]),
    ("El reino de Felipe Segundo duró décadas.", [("Felipe Segundo", "PER")]),
    ("Lo contó Marina Aksenova, de la Marina rusa.",
     [("Marina Aksenova", "PER"), ("Marina", "ORG")]),
    # the press, a thing, a work or an event before its name
    ("La consola Xbox y los sensores Kinect se venden juntos.",
     [("Xbox", "MISC"), ("Kinect", "MISC")]),
    ("Lo vio el telescopio Spitzer, según el periódico Kommersant.",
     [("Spitzer", "MISC"), ("Kommersant", "ORG")]),
    ("Trabaja en el centro Victor-Gadbois desde 2010.", [("Victor-Gadbois", "ORG")]),
])
def test_the_words_before_a_spanish_name_type_it(text, expected):
    """Spanish writes the noun of a sea, river or street in lower case before its name,
    and the noun belongs to the name ("río Volga", as English says "Volga River"); a
    region's noun with "de", a company's, an institution's or the press's noun, or that of
    a thing, a work or an event, type the name after it (``spanish_cues``); a first name
    and a Russian surname are a person."""
    assert [(m.text, m.type) for m in extract(text, "es")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('El cartel decía "Comprar ahora" y lo firmó Ana Ruiz.', ["Ana Ruiz"]),
    ("Publicó «Adiós a las armas» en la revista.", []),
    ("Llamó a su barco «Valiente», contó Ana Ruiz.", ["Valiente", "Ana Ruiz"]),
    ("Ud. dijo que Ud. vendría con Pedro Gil.", ["Pedro Gil"]),
    ("Jamás lo aceptará Pedro Gil.", ["Pedro Gil"]),
])
def test_a_common_word_opening_a_quotation_is_no_name(text, expected):
    """A quotation's first word has its capital from the quotation, as a sentence's has;
    a word alone in quotation marks stays a name; "Ud." is "usted", not a name."""
    assert _texts(extract(text, "es")) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ciudades como Berlín, Colonia y Hamburgo crecieron.",
     [("Berlín", "LOC"), ("Colonia", "LOC"), ("Hamburgo", "LOC")]),
    ("Los activistas viajaron a Varsovia y Cracovia.", [("Varsovia", "LOC"), ("Cracovia", "LOC")]),
    ("Lo dijeron Popova y Rusia.", [("Popova", "PER"), ("Rusia", "LOC")]),  # a Russian name
])
def test_a_spanish_name_listed_beside_a_place_is_a_place(text, expected):
    assert [(m.text, m.type) for m in extract(text, "es")] == expected


@pytest.mark.parametrize(("lang", "text", "union", "place"), [
    ("en", "The European Union and Russia traded sanctions.", "European Union", "Russia"),
    ("es", "La Unión Europea y Rusia intercambiaron sanciones.", "Unión Europea", "Rusia"),
    ("ru", "ЕС и Россия обменялись санкциями.", "ЕС", "Россия"),
])
def test_unions_of_states_are_organisations_and_countries_places(lang, text, union, place):
    from translator.entities.gazetteer import territory_code

    types = {m.text: m.type for m in extract(text, lang)}
    assert (types[union], types[place]) == ("ORG", "LOC")
    assert territory_code(union, lang) == "EU"  # still one code in every language


def test_a_spanish_name_after_pro_or_anti_is_its_own_word():
    found = [(m.text, m.type) for m in extract(
        "Miles marcharon en las protestas pro-Navalny y anti-Putin de Moscú.", "es")]
    assert [text for text, _ in found] == ["Navalny", "Putin", "Moscú"]


@pytest.mark.parametrize(("text", "expected"), [
    # common words capitalised after an institution's noun and "de": its name
    ("Lo anunció ayer el departamento de Transportes de la ciudad.", [("Transportes", "ORG")]),
    # a name after the same words is whoever it is
    ("Lo anunció ayer el partido de Navalny en Moscú.", [("Navalny", "PER"), ("Moscú", "LOC")]),
])
def test_a_spanish_institution_with_de_names_the_common_words_after_it(text, expected):
    assert [(m.text, m.type) for m in extract(text, "es")] == expected


def test_a_month_beside_a_number_is_a_date_and_alone_a_name():
    text = "Lima, 23 Set 2021 (EFE). Después llegó Julio, el 5 de Mayo."
    found = [m.text for m in extract(text, "es")]
    assert found == ["Lima", "EFE", "Julio"]


def test_each_line_of_a_document_is_read_in_its_own_language():
    lines = ["English version: Why Moscow Watches Its Commuters Through Cameras at Stations",
             "Мэр Москвы Сергей Собянин открыл три новые станции метро в Москве."]
    found = [(m.segment, m.lang, m.text) for mentions in extract_by_passage(lines, "ru")
             for m in mentions]
    assert found == [(1, "ru", "Москвы"), (1, "ru", "Сергей Собянин"), (1, "ru", "Москве")]


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Его задержали на станции московского метро «Спортивная» вечером.", "Спортивная", "LOC"),
    ("Матч прошёл на стадионе «Юбилейный» в Саратове.", "Юбилейный", "LOC"),
    ("Деньги выделили в рамках федерального проекта «Чистый воздух».", "Чистый воздух",
     "MISC"),  # "федерального" is no noun: a project is no federation
])
def test_the_noun_before_a_quoted_russian_name_types_it(text, name, etype):
    found = {m.text: m.type for m in extract(text, "ru")}
    assert found.get(name) == etype


def test_a_russian_directorate_abbreviation_stays_with_its_ministry():
    found = [(m.text, m.type) for m in extract(
        "Сотрудники ГУ МВД по Москве задержали активиста, а СМИ МЧС молчали.", "ru")]
    assert ("ГУ МВД", "ORG") in found
    assert not any(text.startswith("СМИ") for text, _ in found)  # media: no part of a name


@pytest.mark.parametrize(("text", "expected"), [
    ("El premio fue para Corea del Sur el domingo.", [("Corea del Sur", "LOC")]),  # a place
    ("El Banco de España subió los tipos.", [("Banco de España", "ORG")]),  # "El" opens it
    ("Lo anunció el Gremio de Actores de la Pantalla.", [("Gremio de Actores de la Pantalla",
                                                         "ORG")]),
])
def test_a_spanish_name_joined_across_de(text, expected):
    assert [(m.text, m.type) for m in extract(text, "es")] == expected

