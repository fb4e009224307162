"""Russian extraction on news-shaped text: no furniture, no titles, no common words, whole names."""

from __future__ import annotations

import pytest

from translator.entities.extract import extract, extract_many


def _texts(text: str) -> list[str]:
    return [m.text for m in extract(text, "ru")]


def test_a_headline_without_a_full_stop_does_not_make_the_next_line_mid_sentence():
    # natasha runs the two lines into one sentence; the capitalised title word must not count
    found = extract_many(["Новости дня без точки",
                          "Официальный представитель ведомства Иван Петров заявил."], "ru")
    assert [m.text for m in found[1]] == ["Иван Петров"]


@pytest.mark.parametrize("text", [
    "Бывший министр иностранных дел Иван Петров подал в отставку.",
    "Об этом заявил президент Иван Петров.",
])
def test_job_titles_are_not_part_of_the_name(text):
    assert _texts(text) == ["Иван Петров"]


def test_latin_names_start_at_the_word_and_common_compounds_are_skipped():
    assert _texts("Пользователи iPhone пожаловались на сбои в iOS 12.") == ["iPhone", "iOS 12"]
    assert _texts("Он сменил свой IP-адрес.") == []


def test_an_abbreviation_pymorphy_knows_as_a_common_noun_is_not_a_name():
    assert "ЧП" not in _texts("Прибывшие на место ЧП полицейские задержали Ивана Петрова.")


def test_a_quoted_title_is_one_name_and_a_bracketed_abbreviation_another():
    assert "Меж двух морей" in _texts('Жюри отметило фильм "Меж двух морей" Ивана Петрова.')
    assert "Легенда о времени" in _texts('Он снял в 2006 г. "Легенда о времени".')
    assert "Золотая жемчужина" in _texts('"Золотая жемчужина" за лучший фильм')
    assert _texts('"Все нормально", - сказал он.') == []
    found = _texts("Страна вышла из Евросоюза (ЕС) в прошлом году.")
    assert "Евросоюза" in found and "ЕС" in found and not any("(" in t for t in found)


@pytest.mark.parametrize("text", [
    "МОСКВА, 12 марта. /ТАСС/.",
    "САНКТ-ПЕТЕРБУРГ, 3 мая - РИА Новости.",
    "Фото: Reuters",
    "12 марта 2019 года",
])
def test_datelines_credits_and_dates_yield_no_names(text):
    assert _texts(text) == []


def test_a_name_after_a_dateline_is_still_found():
    assert _texts("МОСКВА, 12 марта. /ТАСС/. Иван Петров прибыл в Казань.") == [
        "Иван Петров", "Казань"]


@pytest.mark.corpus
def test_on_real_news_no_name_starts_with_a_title_or_mid_word(corpus_dir):
    from translator.entities.russian_morph import TITLES, lemma

    lines = (corpus_dir / "wmt" / "wmt19.ru").read_text(encoding="utf-8").splitlines()[:300]
    mentions = [(line, m) for line, found in zip(lines, extract_many(lines, "ru"), strict=True)
                for m in found]
    assert len(mentions) > 300
    for line, m in mentions:
        assert lemma(m.text.split()[0]) not in TITLES, m.text
        assert m.start == 0 or not line[m.start - 1].isalnum(), m.text
        assert m.text.count("(") == m.text.count(")"), m.text
