"""Language detection of texts, documents and mixed-language units."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.ingest import load_document, parse_text
from translator.langdetect import detect_document, detect_language, passage_language

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Городские власти выделили деньги на ремонт трёх станций метро.", "ru"),
        ("Рекорд в схватках один на один с канадцем — семь к двум.", "ru"),  # no ы/э/ё
        ("The city council approved the budget for public transport on Tuesday.", "en"),
        ("El ayuntamiento aprobó el martes el presupuesto para el transporte público.", "es"),
        ("Der Stadtrat hat am Dienstag den Haushalt für den Nahverkehr beschlossen.", "de"),
        ("Міська рада у вівторок ухвалила бюджет на громадський транспорт.", "uk"),
        ("Le conseil municipal a approuvé mardi le budget des transports publics.", "fr"),
    ],
)
def test_detects_the_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "Hi there", "OK!", "12:30 — 14:00", "<g1>Да</g1>"])
def test_too_short_to_tell(text):
    assert detect_language(text) is None


def test_codes_and_urls_do_not_count_as_text():
    text = "<g1>https://example.org/a/very/long/path/to/an/english/page</g1> <x2/>"
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("name", "lang"),
    [("news-en.txt", "en"), ("news-es.txt", "es"), ("news-de.txt", "de"),
     ("article-ru.md", "ru"), ("article-en.html", "en"), ("page-es.html", "es")],
)
def test_detects_document_language(name, lang):
    doc = load_document(DATA / name, DATA)
    assert detect_document(doc) == lang
    assert doc.lang == lang


def test_mixed_article_marks_the_english_quote():
    doc = load_document(DATA / "mixed-ru-en.txt", DATA)
    assert detect_document(doc) == "ru"
    langs = [u.lang for u in doc.units]
    assert langs == ["ru", "ru", "en", "ru"]


def test_short_units_keep_the_document_language():
    doc = parse_text(
        "Москва\n\nГородские власти выделили деньги на ремонт трёх станций метро и "
        "закупку новых вагонов.\n\nOK, thanks\n",
        "txt", Path("a.txt"),
    )
    detect_document(doc)
    assert [u.lang for u in doc.units] == ["ru", "ru", "ru"]


RUSSIAN_WITH_AN_ENGLISH_TITLE = (
    "Дата публикации: 3 марта 2022\n\n"
    "English version: Why Moscow Watches Its Commuters Through Cameras at Stations\n\n"
    "Городские власти выделили деньги на ремонт трёх станций метро и закупку новых "
    "вагонов, а также на новые камеры.\n")


def test_a_line_in_latin_letters_in_a_russian_article_is_not_russian():
    doc = parse_text(RUSSIAN_WITH_AN_ENGLISH_TITLE, "txt", Path("a.txt"))
    assert detect_document(doc) == "ru"
    assert [u.lang for u in doc.units] == ["ru", "en", "ru"]  # however unsure en vs es
    lines = RUSSIAN_WITH_AN_ENGLISH_TITLE.split("\n\n")
    assert [passage_language(line, "ru") for line in lines] == ["ru", "en", "ru"]
    assert passage_language("Reuters, AP and AFP reported", "ru") == "ru"  # too short


def test_document_without_enough_text():
    doc = parse_text("Hi\n", "txt", Path("a.txt"))
    assert detect_document(doc) is None
    assert doc.units[0].lang is None


@pytest.mark.corpus
def test_seed_articles_are_english(corpus_dir):
    folder = corpus_dir / "seed-articles"
    files = sorted(folder.glob("en-*.txt"))
    if not files:
        pytest.skip(f"no seed articles in {folder}")
    for path in files:
        doc = load_document(path, folder)
        assert detect_document(doc) == "en", path.name
        share = sum(u.lang == "en" for u in doc.units) / len(doc.units)
        assert share > 0.9, path.name
