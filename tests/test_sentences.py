"""Sentence splitting: lossless pieces, abbreviations repaired, codes never torn apart."""

from __future__ import annotations

import pytest

from translator.core.inline_codes import codes_intact
from translator.sentences import split_sentences


def split(text: str, lang: str) -> list[str]:
    pieces = split_sentences(text, lang)
    assert "".join(pieces) == text
    return pieces


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Суд начался 12 янв. 2021 г. в Москве. Приговор огласят позже.",
         ["Суд начался 12 янв. 2021 г. в Москве. ", "Приговор огласят позже."]),
        ("ru", "Это было, т. е. почти всё, ясно! Что дальше? Никто не знает.",
         ["Это было, т. е. почти всё, ясно! ", "Что дальше? ", "Никто не знает."]),
        ("ru", "Выступил проф. Иванов. Зал молчал.",
         ["Выступил проф. Иванов. ", "Зал молчал."]),
        ("en", "The ferry leaves at 5 p. m. today. Tickets cost $2.50 each.",
         ["The ferry leaves at 5 p. m. today. ", "Tickets cost $2.50 each."]),
        ("en", "Dr. Smith met Mr. Jones, e.g. at the U.S. embassy. They talked.",
         ["Dr. Smith met Mr. Jones, e.g. at the U.S. embassy. ", "They talked."]),
        ("es", "El Sr. García llegó a las 3 p. m. y se fue. ¿Qué pasó? ¡Nada!",
         ["El Sr. García llegó a las 3 p. m. y se fue. ", "¿Qué pasó? ", "¡Nada!"]),
        ("es", "«Bien», dijo la Dra. López. Luego se marchó.",
         ["«Bien», dijo la Dra. López. ", "Luego se marchó."]),
    ],
)
def test_splits_sentences(lang, text, expected):
    assert split(text, lang) == expected


def test_whitespace_between_sentences_stays_with_the_previous_piece():
    assert split("One thing.   Another thing.\n", "en") == ["One thing.   ", "Another thing.\n"]


def test_leading_whitespace_is_kept():
    assert split("  First one. Second one.", "en") == ["  First one. ", "Second one."]


def test_never_splits_inside_a_paired_code():
    text = "He said <g1>stop. Then go</g1> and left. Next sentence."
    pieces = split(text, "en")
    assert pieces == ["He said <g1>stop. Then go</g1> and left. ", "Next sentence."]
    assert all(codes_intact(p, p) for p in pieces)


def test_closing_codes_end_a_sentence_and_opening_codes_begin_the_next():
    text = "<g1>Bold sentence.</g1> <g2>Linked</g2> one. <x3/>Image first."
    assert split(text, "en") == ["<g1>Bold sentence.</g1> ", "<g2>Linked</g2> one. ",
                                 "<x3/>Image first."]


def test_lower_case_after_a_full_stop_continues_the_sentence():
    assert split("Цена выросла на 5 проц. по сравнению с прошлым годом.", "ru") == [
        "Цена выросла на 5 проц. по сравнению с прошлым годом."
    ]


def test_other_languages_fall_back_to_generic_rules():
    assert split("Erster Satz. Zweiter Satz.", "de") == ["Erster Satz. ", "Zweiter Satz."]


@pytest.mark.parametrize("text", ["", "   ", "No full stop at all", "<x1/>"])
def test_degenerate_inputs(text):
    assert "".join(split_sentences(text, "en")) == text


def test_german_abbreviations_use_sentencex_rules():
    assert split("Es kam z. B. Herr Dr. Müller. Dann ging er.", "de") == [
        "Es kam z. B. Herr Dr. Müller. ", "Dann ging er.",
    ]
