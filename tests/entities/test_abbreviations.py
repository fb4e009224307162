"""An abbreviation a text defines in brackets names the same entity as the name before it."""

from __future__ import annotations

import pytest

from translator.entities.abbreviations import initials_of
from translator.entities.clusters import build_clusters
from translator.entities.extract import extract_many, extract_segments


@pytest.mark.parametrize(("short", "name"), [
    ("FEC", "Federal Election Commission"),
    ("PUCP", "Pontificia Universidad Católica del Perú"),  # "del" left out
    ("OECD", "Organisation for Economic Cooperation and Development"),
    ("МВД", "Министерство внутренних дел"),  # lower-case words count
    ("КПРФ", "Коммунистическая партия Российской Федерации"),
    # one letter past the first may stand for no initial: inside a word, or a word left out
    ("DMZ", "Demilitarised Zone"),
    ("DIT", "Department of Technology"),  # Department of Information Technology
])
def test_the_letters_of_a_defined_abbreviation_are_its_names_initials(short, name):
    assert initials_of(short, name)


@pytest.mark.parametrize(("short", "name"), [
    ("AP", "PARIS"),  # a dateline's agency
    ("AMISOM", "Somalia"),
    ("FC", "Federal Election Commission"),  # a capitalised word is never skipped
    ("CBSLA", "LOS ANGELES"),  # a dateline: three letters spare
    ("XDT", "Department of Technology"),  # the first letter is always the first initial
])
def test_other_words_in_brackets_are_not_abbreviations_of_the_name(short, name):
    assert not initials_of(short, name)


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_the_abbreviation_takes_the_names_type_there_and_wherever_it_stands_alone():
    found = extract_many(["The Pakistan Cricket Board (PCB) banned two players on Monday.",
                          "A PCB spokesman declined to comment."], "en")
    first = by_text(found[0])
    assert first["PCB"].expands == "Pakistan Cricket Board"
    assert first["PCB"].type == first["Pakistan Cricket Board"].type == "ORG"
    assert [m.type for m in found[1] if m.text == "PCB"] == ["ORG"]
    assert all(not m.expands for m in found[1])


def test_a_dateline_is_left_alone():
    found = by_text(extract_segments(["LIMA (AP) — Protesters gathered outside the court."],
                                     "en"))
    assert all(not m.expands for m in found.values())


@pytest.mark.parametrize(("lang", "text", "name", "short"), [
    ("es", "El Banco Central Europeo (BCE) mantuvo los tipos. Después el BCE publicó sus "
           "previsiones.", "Banco Central Europeo", "BCE"),
    ("ru", "Министерство внутренних дел (МВД) опубликовало заявление. В МВД отказались от "
           "комментариев.", "Министерство внутренних дел", "МВД"),
])
def test_the_name_and_its_abbreviation_are_one_cluster_named_by_the_full_name(
        lang, text, name, short):
    mentions = extract_segments([text], lang)
    assert any(m.text == short and m.expands for m in mentions)
    (cluster,) = [c for c in build_clusters(mentions)
                  if any(form == short for _, form, _ in c.variants)]
    assert cluster.canonical[lang] == name
    assert {form for _, form, _ in cluster.variants} == {name, short}


def test_an_abbreviation_defined_two_ways_joins_neither_name():
    mentions = extract_segments([
        "The Crown Prosecution Service (CPS) dropped the charges.",
        "In Texas, Child Protective Services (CPS) opened an inquiry."], "en")
    clusters = build_clusters(mentions)
    cps = [c for c in clusters if any(form == "CPS" for _, form, _ in c.variants)]
    assert len(cps) == 1 and {form for _, form, _ in cps[0].variants} == {"CPS"}
