"""Alignment of the fixture's translations: every name paired, or reported missing."""

from __future__ import annotations

import pytest

from translator.core.errors import TriglotError
from translator.entities.align import align_documents, align_segment
from translator.entities.model import Mention

from .conftest import lines


def _pairs(source: str, target: str, src_lang: str, tgt_lang: str):
    return align_documents(lines(source), lines(target), src_lang, tgt_lang)


def _rendering(pairs, normal: str, segment: int) -> str | None:
    for pair in pairs:
        if pair.source.normal == normal and pair.source.segment == segment:
            return pair.target.text if pair.target else None
    raise AssertionError(f"{normal} not extracted in segment {segment}")


def test_russian_court_article_aligns_with_english():
    pairs = _pairs("court.ru.txt", "court.en.txt", "ru", "en")
    assert _rendering(pairs, "Алёна Попова", 0) == "Alyona Popova"
    assert _rendering(pairs, "Тверской районный суд", 0) == "Tverskoy District Court"
    assert _rendering(pairs, "Тверской районный суд", 2) == "Tverskoy District Court"
    assert _rendering(pairs, "Москва", 0) == "Moscow"
    assert _rendering(pairs, "Михаил Беляев", 1) == "Mikhail Belyaev"


def test_english_court_article_aligns_with_spanish():
    pairs = _pairs("court.en.txt", "court.es.txt", "en", "es")
    assert _rendering(pairs, "Alyona Popova", 3) == "Aliona Popova"
    assert _rendering(pairs, "Mikhail Belyaev", 1) == "Mijaíl Beliáyev"
    assert _rendering(pairs, "Tverskoy District Court", 2) == "Tribunal del distrito de Tverskói"


def test_russian_aligns_with_spanish_across_scripts():
    pairs = _pairs("cameras.ru.txt", "cameras.es.txt", "ru", "es")
    assert _rendering(pairs, "Сергей Собянин", 2) == "Serguéi Sobianin"
    assert _rendering(pairs, "Алёна Попова", 1) == "Aliona Popova"


def test_a_name_dropped_by_the_translation_is_reported_missing():
    source = ["Алёна Попова подала жалобу, а Михаил Беляев её поддержал."]
    target = ["Alyona Popova filed a complaint, and her lawyer supported it."]
    pairs = align_documents(source, target, "ru", "en")
    missing = [p.source.normal for p in pairs if p.missing]
    assert missing == ["Михаил Беляев"]


def test_a_name_after_a_prefix_in_the_translation_is_found():
    source = ["Alexei Navalny is in jail.", "Police tracked the people at pro-Navalny protests."]
    target = ["Alexei Navalny está en la cárcel.",
              "La policía siguió a la gente en las protestas pro-Navalny."]
    pairs = align_documents(source, target, "en", "es")
    assert [(p.source.text, p.target.text if p.target else None) for p in pairs
            if p.source.segment == 1] == [("Navalny", "Navalny")]


def test_a_name_the_extractor_missed_is_looked_for_after_a_prefix():
    text = "La policía siguió a la gente en las protestas pro-Navalny."
    name = Mention("Navalny", "PER", 30, 37, "en", "Navalny")
    [pair] = align_segment([name], [], text, "es")
    assert pair.target is not None and pair.target.text == "Navalny"


def test_two_names_the_extractor_ran_together_in_the_translation_both_pair():
    source = ["The Kremlin critic Alexei Navalny was jailed in Moscow."]
    target = ["El crítico de Kremlin Alexei Navalny fue encarcelado en Moscú."]
    pairs = align_documents(source, target, "en", "es")
    assert [(p.source.text, p.target.text if p.target else None) for p in pairs] == [
        ("Kremlin", "Kremlin"), ("Alexei Navalny", "Alexei Navalny"), ("Moscow", "Moscú")]


def test_a_wrong_person_is_not_paired():
    source = ["Алёна Попова подала жалобу."]
    target = ["Tatiana Petrova filed a complaint against Popov's office."]
    pairs = align_documents(source, target, "ru", "en")
    assert all(p.target is None or p.target.text != "Tatiana Petrova" for p in pairs)


def test_segment_counts_must_match():
    with pytest.raises(TriglotError, match="3 segments but the translation has 2"):
        align_documents(["a", "b", "c"], ["a", "b"], "en", "es")


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("Los Angeles", "Los Ángeles", "Los Ángeles"),  # a capital makes "Los" the name's
    ("Pacino", "Al Pacino", "Al Pacino"),
    ("Bank", "del Banco", "Banco"),  # a lower-case "del" is not
])
def test_a_pair_is_cut_to_the_name_with_its_capitalised_article(source, target, expected):
    from translator.entities.model import AlignedPair
    from translator.entities.tighten import tightened

    pair = AlignedPair(Mention(source, "LOC", 0, len(source), "en", source),
                       Mention(target, "LOC", 0, len(target), "es", target), 1.0, "name")
    assert tightened(pair).target.text == expected


def _one_pair(source_name: str, source_start: int, target_name: str, text: str, etype: str):
    """The pair align_segment makes of one English name and the Spanish name in ``text``."""
    start = text.index(target_name)
    source = [Mention(source_name, etype, source_start, source_start + len(source_name), "en",
                      source_name)]
    target = [Mention(target_name, etype, start, start + len(target_name), "es", target_name)]
    (pair,) = align_segment(source, target, text, "es", source_length=len(text) + 5)
    return pair


def test_a_name_paired_by_place_is_kept_whole_on_both_sides():
    """A translated name shares no spelling with its source, so the only evidence is its
    place: both names stay whole, not cut to the one word that looks alike ("Bank" /
    "Banco")."""
    pair = _one_pair("Bank Secrecy Act", 16, "Ley de Clandestinidad del Banco",
                     "Violó la Ley de Clandestinidad del Banco en febrero.", "MISC")
    assert pair.method == "position"
    assert (pair.source.text, pair.target.text) == (
        "Bank Secrecy Act", "Ley de Clandestinidad del Banco")


def test_a_name_whose_one_word_projects_pairs_with_the_whole_name_that_holds_it():
    """"Group" alone is more like "Grupo" than the whole names are like each other, but
    the target name holding "Grupo" is the rendering: both stay whole."""
    pair = _one_pair("Digital Currency Group", 30, "Grupo de Moneda Digital",
                     "CoinDesk es una filial de Grupo de Moneda Digital, que invierte.", "ORG")
    assert (pair.source.text, pair.target.text if pair.target else None) == (
        "Digital Currency Group", "Grupo de Moneda Digital")
