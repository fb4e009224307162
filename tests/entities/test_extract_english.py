"""English extraction on spaCy's NER, cleaned and retyped (own texts, not the corpus)."""

from __future__ import annotations

import pytest

from translator.entities.extract import extract, extract_segments


def _found(text, lang="en"):
    return [(m.text, m.type) for m in extract(text, lang)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lawyer Ivan Petrov said the ruling would be appealed.", [("Ivan Petrov", "PER")]),
    ("Yesterday the court fined Popova for the protest.", [("Popova", "PER")]),
    ("Supporters of Navalny gathered outside the court.", [("Navalny", "PER")]),
    ("Russian police detained Alyona Popova.", [("Alyona Popova", "PER")]),
    ("Reuters and the Kremlin declined to comment.", [("Reuters", "ORG"), ("Kremlin", "ORG")]),
])
def test_people_are_typed_by_what_we_know_of_russian_names(text, expected):
    assert _found(text) == expected


def test_the_article_and_the_possessive_are_not_part_of_the_name():
    found = _found("The Moscow Times reported that Popova's lawyer will appeal.")
    assert [text for text, _ in found] == ["Moscow Times", "Popova"]


def test_offsets_point_at_the_trimmed_surface():
    text = "On Monday the Tverskoy District Court heard Alyona Popova’s appeal."
    mentions = extract(text, "en")
    assert [m.text for m in mentions] == ["Tverskoy District Court", "Alyona Popova"]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_boilerplate_lines_and_dates_yield_nothing_but_prose_does():
    lines = ["Moscow Court Backs City Over Face Recognition Cameras",
             "By Anna Smirnova", "Updated Sep 14, 2021, 10:31 a.m. UTC",
             "Alyona Popova said she would appeal to the Supreme Court.",
             "Leave a Reply"]
    found = extract_segments(lines, "en")
    assert [(m.segment, m.text) for m in found] == [(3, "Alyona Popova"), (3, "Supreme Court")]


def test_a_lone_common_word_opening_a_line_is_not_a_name():
    assert _found("Picture this: cameras on every platform.") == []


def test_spanish_rules_skip_common_words_and_honorifics():
    assert _found("Problema grave: el Congreso aprobó la ley.", "es") == [("Congreso", "ORG")]
    assert _found("Según el Sr. Juan Pérez, la ley es injusta.", "es") == [
        ("Juan Pérez", "PER")]
    assert _found("La reunión con D.ª María López terminó tarde.", "es") == [
        ("María López", "PER")]
    assert _found("Imagínese la escena en Madrid.", "es") == [("Madrid", "LOC")]


def test_the_model_runs_its_named_entity_component_only_and_loads_once():
    from translator.entities.extract_en_spacy import english_ner

    assert english_ner().pipe_names == ["ner"]
    assert english_ner() is english_ner()


@pytest.mark.parametrize(("text", "outlet"), [
    ("The newspaper Kommersant reported that the cameras were bought.", "Kommersant"),
    ("On Thursday, the Kommersant business daily reported it.", "Kommersant"),
    ("CoinDesk is a media outlet that strives for the highest journalistic standards.",
     "CoinDesk"),
])
def test_a_name_the_sentence_calls_a_newspaper_is_an_organisation(text, outlet):
    assert (outlet, "ORG") in _found(text)


def test_a_person_said_to_write_for_a_newspaper_stays_a_person():
    assert ("Alyona Popova", "PER") in _found("Alyona Popova is a newspaper columnist.")


def test_a_place_before_the_word_newspaper_stays_a_place():
    found = dict(_found("The Moscow newspaper Vedomosti wrote about Alyona Popova."))
    assert found["Moscow"] == "LOC" and found["Alyona Popova"] == "PER"


@pytest.mark.parametrize(("text", "law"), [
    ("Regulators said the exchange broke the Bank Secrecy Act last year.", "Bank Secrecy Act"),
    ("Lawmakers debated changes to the Patriot Act on Monday.", "Patriot Act"),
])
def test_a_name_headed_by_act_names_a_law_whatever_institution_word_it_holds(text, law):
    assert (law, "MISC") in _found(text)


def test_an_institution_named_after_its_head_word_stays_an_organisation():
    assert ("Bank of Russia", "ORG") in _found("Officials of the Bank of Russia met on Friday.")


def test_a_name_after_anti_or_pro_is_found_where_the_model_knows_it_as_a_name():
    lines = ["Vladimir Putin met the governors on Monday.",
             "Thousands joined the anti-Putin rally despite anti-Semitism in the crowd."]
    found = [(m.text, m.type) for m in extract_segments(lines, "en")]
    assert ("Putin", "PER") in found
    assert not any("Semitism" in text for text, _ in found)  # an adjective's capital


def test_a_person_in_quotation_marks_is_a_title_unless_a_name_is_beside_it():
    assert ("Joker", "MISC") in _found("His turn as a loner in “Joker” swept the awards.")
    assert ("Hans", "PER") in _found('"Hans" Geiger died in 1945.')  # a nickname

