"""Romanisation schemes and the Latin key that lets spelling variants of one name meet."""

from __future__ import annotations

import pytest

from translator.entities.transliterate import latin_key, name_keys, romanise


@pytest.mark.parametrize(("scheme", "expected"), [
    ("bgn_pcgn", "Alena Popova"),  # ё written as e
    ("icao", "Alena Popova"),
    ("press_en", "Alyona Popova"),
    ("press_es", "Aliona Popova"),
])
def test_schemes_give_the_conventions_of_each_press(scheme, expected):
    assert romanise("Алёна Попова", scheme) == expected


def test_spanish_press_writes_j_for_kh_and_drops_the_final_y():
    assert romanise("Михаил Ходорковский", "press_es") == "Mijail Jodorkovski"
    assert romanise("Дмитрий", "press_es") == "Dmitri"
    assert romanise("Алексей Навальный", "press_es") == "Alekséi Navalni"
    assert romanise("Сергей", "press_es") == "Serguéi"
    assert romanise("Фёдор Горбачёв", "press_es") == "Fiodor Gorbachov"


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown romanisation scheme"):
        romanise("Попова", "klingon")


@pytest.mark.parametrize("variants", [
    ("Alyona Popova", "Alena Popova", "Aliona Popova"),
    ("Dmitry", "Dmitri", "Dmitriy", "Dmitrii"),
    ("Navalny", "Navalni", "Navalnyy", "Naval'nyy"),
    ("Yulia", "Yuliya", "Iuliia"),
    ("Serguéi", "Sergei", "Sergey"),
    ("Tallinn", "Tallin"),
])
def test_latin_spelling_variants_share_one_key(variants):
    assert len({latin_key(v) for v in variants}) == 1


def test_different_people_keep_different_keys():
    assert latin_key("Alyona Popova") != latin_key("Alyona Petrova")


def test_cyrillic_and_latin_forms_meet_through_their_keys():
    assert name_keys("Алёна Попова", "ru") & name_keys("Aliona Popova", "es")
    assert name_keys("Михаил Ходорковский", "ru") & name_keys("Mikhail Khodorkovsky", "en")
    # Spanish J for Russian Х: the Spanish spelling meets the English one
    assert name_keys("Mijaíl Jodorkovski", "es") & name_keys("Mikhail Khodorkovsky", "en")


def test_names_of_english_origin_match_their_cyrillic_spelling():
    from translator.entities.align import THRESHOLD
    from translator.entities.model import Mention
    from translator.entities.similarity import similarity

    ru = Mention("Кэролин Уилсон", "PER", 0, 14, "ru", "Кэролин Уилсон")
    en = Mention("Carolyn Wilson", "PER", 0, 14, "en", "Carolyn Wilson")
    other = Mention("Carolyn Watson", "PER", 0, 14, "en", "Carolyn Watson")
    assert similarity(ru, en)[0] >= THRESHOLD
    assert similarity(ru, other)[0] < THRESHOLD
