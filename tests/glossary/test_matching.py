"""Finding glossary terms in inflected ru/es/en text, longest match first."""

from __future__ import annotations

import pytest

from glossary.matching import TermMatcher
from glossary.model import Concept, Term
from glossary.morphology import phrase_lemma


def matcher(lang: str, *terms: Term) -> TermMatcher:
    return TermMatcher.from_concepts(
        [Concept(f"c{i}", terms=[t]) for i, t in enumerate(terms, start=1)], lang)


def found(m: TermMatcher, text: str) -> list[tuple[str, str]]:
    matches = m.find(text)
    for match in matches:  # spans point into the original text
        assert text[match.start:match.end] == match.text
    return [(x.text, x.term.text) for x in matches]


@pytest.mark.parametrize("text, surface", [
    ("Власти расширяют распознавание лиц в метро.", "распознавание лиц"),
    ("Город следит за людьми с помощью распознавания лиц.", "распознавания лиц"),
    ("Москва пользуется распознаванием лиц с 2020 года.", "распознаванием лиц"),
    ("Споры о распознавании лиц продолжаются.", "распознавании лиц"),
])
def test_russian_inflected_forms_match_the_dictionary_form(text, surface):
    m = matcher("ru", Term("ru", "распознавание лиц"))
    assert found(m, text) == [(surface, "распознавание лиц")]


def test_russian_adjective_noun_phrase_in_genitive():
    m = matcher("ru", Term("ru", "Тверской районный суд"), Term("ru", "суд"))
    text = "Решение Тверского районного суда обжаловали в другом суде."
    assert found(m, text) == [("Тверского районного суда", "Тверской районный суд"),
                              ("суде", "суд")]


def test_phrase_lemma_restores_the_dictionary_form():
    assert phrase_lemma(["Тверского", "районного", "суда"], "ru") == "тверской районный суд"
    assert phrase_lemma(["распознаванием", "лиц"], "ru") == "распознавание лиц"
    assert phrase_lemma(["правозащитной", "организации"], "ru") == \
        "правозащитная организация"
    assert phrase_lemma(["cámaras", "de", "reconocimiento", "facial"], "es") == \
        "cámara de reconocimiento facial"


def test_spanish_plural_and_gender_variants():
    m = matcher("es", Term("es", "abogado"), Term("es", "cámara de reconocimiento facial"),
                Term("es", "defensor de derechos humanos"))
    text = ("Las abogadas y los abogados pidieron retirar las cámaras de reconocimiento "
            "facial; las defensoras de derechos humanos apoyaron a la abogada.")
    assert [f for f, _ in found(m, text)] == [
        "abogadas", "abogados", "cámaras de reconocimiento facial",
        "defensoras de derechos humanos", "abogada"]


def test_english_plurals_hyphens_and_case():
    m = matcher("en", Term("en", "facial recognition camera"), Term("en", "lawyer"),
                Term("en", "policy"))
    text = "Facial-recognition cameras worry lawyers; new Policies and a facial recognition camera."
    assert found(m, text) == [("Facial-recognition cameras", "facial recognition camera"),
                              ("lawyers", "lawyer"), ("Policies", "policy"),
                              ("facial recognition camera", "facial recognition camera")]


def test_longest_match_wins():
    m = matcher("en", Term("en", "court"), Term("en", "District Court"),
                Term("en", "Tverskoy District Court"), Term("en", "facial recognition"),
                Term("en", "recognition"))
    text = "The Tverskoy District Court cited facial recognition data; another court agreed."
    assert [t for _, t in found(m, text)] == ["Tverskoy District Court", "facial recognition",
                                              "court"]


def test_terms_do_not_span_punctuation():
    m = matcher("en", Term("en", "court order"))
    assert found(m, "They went to court. Order was restored.") == []
    assert found(m, "a court-order was issued") == [("court-order", "court order")]


def test_case_sensitive_terms_need_the_same_capitals():
    m = matcher("en", Term("en", "US", case_sensitive=True))
    assert found(m, "Let us see what the US says.") == [("US", "US")]


def test_do_not_translate_terms_match_only_their_exact_form():
    m = matcher("ru", Term("ru", "Telegram", dnt=True))
    assert found(m, "Решение опубликовали в Telegram и в Телеграме.") == [("Telegram", "Telegram")]


def test_a_name_is_found_however_its_accents_are_written_and_a_word_is_not():
    m = matcher("es", Term("es", "Serguéi Sobianin", pos="properNoun"), Term("es", "caso"),
                Term("es", "cámara"))
    text = "Serguei Sobianin se casó; el caso de las cámaras llegó a Serguéi Sobianin."
    assert found(m, text) == [("Serguei Sobianin", "Serguéi Sobianin"), ("caso", "caso"),
                              ("cámaras", "cámara"), ("Serguéi Sobianin", "Serguéi Sobianin")]


def test_training_is_not_a_train():
    m = matcher("en", Term("en", "train"))
    assert found(m, "Staff training starts when the trains arrive.") == [("trains", "train")]


def test_empty_glossary_and_empty_text():
    assert TermMatcher.from_concepts([], "en").find("any text") == []
    assert matcher("en", Term("en", "court")).find("") == []
