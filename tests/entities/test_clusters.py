"""Corpus clusters over the fixture: one entity per cluster, variants counted."""

from __future__ import annotations

from translator.entities.clusters import build_clusters
from translator.entities.extract import extract_segments

from .conftest import lines

FILES = ["court.ru.txt", "court.en.txt", "court.es.txt",
         "cameras.ru.txt", "cameras.en.txt", "cameras.es.txt"]


def _clusters():
    mentions = []
    for name in FILES:
        mentions.extend(extract_segments(lines(name), name.split(".")[1]))
    return build_clusters(mentions)


def _cluster_with(clusters, form):
    found = [c for c in clusters if any(f == form for _, f, _ in c.variants)]
    assert len(found) == 1, f"{form} is in {len(found)} clusters"
    return found[0]


def test_one_person_under_every_spelling_is_one_cluster_with_counts():
    popova = _cluster_with(_clusters(), "Alyona Popova")
    counts = {(lang, form): n for lang, form, n in popova.variants}
    # the fixture: two English articles spell her two ways, Spanish one way
    assert counts[("en", "Alyona Popova")] == 2
    assert counts[("en", "Alena Popova")] == 2
    assert counts[("es", "Aliona Popova")] == 4
    # Russian: inflected forms (Алёну Попову, Алёны Поповой) counted under the dictionary form
    assert counts[("ru", "Алёна Попова")] == 4
    assert popova.canonical["ru"] == "Алёна Попова"
    assert popova.type == "PER"


def test_court_and_city_cluster_across_scripts():
    clusters = _clusters()
    court = _cluster_with(clusters, "Tverskoy District Court")
    assert court.canonical["ru"] == "Тверской районный суд"
    assert "es" in court.canonical
    moscow = _cluster_with(clusters, "Moscow")
    assert moscow.canonical == {"en": "Moscow", "ru": "Москва", "es": "Moscú"}


def test_different_people_stay_apart():
    clusters = _clusters()
    assert _cluster_with(clusters, "Alyona Popova") is not _cluster_with(clusters,
                                                                         "Sergei Sobyanin")


def _mention(text, etype="ORG", origin="ner", lang="en"):
    from translator.entities.model import Mention

    return Mention(text, etype, 0, len(text), lang, text, 0, origin)


def test_a_shared_start_of_a_different_word_does_not_join():
    clusters = build_clusters([_mention(t) for t in (
        "Facebook", "Face ID", "Interfax", "Inter-American Commission on Human Rights",
        "Kommersant", "Vedomosti")])
    assert all(len(c.variants) == 1 for c in clusters), [c.variants for c in clusters]


def test_a_cluster_is_a_person_when_a_member_has_a_first_name():
    # the model called her an organisation twice and a person once
    mentions = [_mention("Alyona Popova"), _mention("Alena Popova"),
                _mention("Popova", "PER")]
    (cluster,) = build_clusters(mentions)
    assert cluster.type == "PER"


def test_a_cluster_type_is_its_members_majority():
    mentions = [_mention("Interfax", "LOC"), _mention("Interfax"), _mention("Interfax")]
    assert build_clusters(mentions)[0].type == "ORG"


def test_an_english_word_the_rules_call_misc_for_want_of_evidence_takes_the_models_type():
    """The rules type a lone capitalised word the model passed over MISC, a default, not
    evidence: the one sentence where the model saw "Facebook" as an organisation names it
    in all of them. With no model's type, the default stands."""
    mentions = [_mention("Facebook", "MISC", "rule") for _ in range(6)]
    assert build_clusters([*mentions, _mention("Facebook", "ORG")])[0].type == "ORG"
    assert build_clusters(mentions)[0].type == "MISC"
    phrases = [_mention("Bank Secrecy Act", "MISC", "rule") for _ in range(4)]
    assert build_clusters([*phrases, _mention("Bank Secrecy Act", "ORG")])[0].type == "MISC"


def test_a_spanish_name_typed_by_the_words_before_it_outweighs_its_shape():
    """The rules call a lone capitalised Spanish word a person by its shape; "la
    corporación Walmart" says what it is, for every mention of it in the document."""
    from translator.entities.clusters import document_types

    found = extract_segments(["Los empleados de Walmart protestaron.",
                              "Walmart paga poco, dijo la corporación Walmart.",
                              "Walmart no respondió a Ana Ruiz."], "es")
    types = document_types(found)
    assert {(m.text, types[id(m)]) for m in found} == {("Walmart", "ORG"), ("Ana Ruiz", "PER")}


def test_lone_words_of_one_undeclined_language_join_only_names_written_alike():
    """English and Spanish do not decline names: "Marte" is not Dr. "Martel", while
    Russian "Путин" and "Путина" are one name, as are the spellings of one name across
    languages."""
    spanish = build_clusters([_mention("Christiane Martel", "PER", "rule", "es"),
                              _mention("Martel", "PER", "rule", "es"),
                              _mention("Marte", "LOC", "rule-context", "es")])
    assert sorted(len(c.variants) for c in spanish) == [1, 2]
    russian = build_clusters([_mention("Путин", "PER", "ner", "ru"),
                              _mention("Путина", "PER", "ner", "ru"),
                              _mention("Putin", "PER", "ner", "en")])
    assert len(russian) == 1


def test_a_russian_organisation_named_after_a_person_stays_apart_from_him():
    """"основатель группы «Тинькофф» Олег Тиньков": the model calls the one word an
    organisation and the full name a person, so a founder does not become his company,
    however alike the words; a lone surname the model calls a person still joins."""
    founder = _mention("Олег Тиньков", "PER", "ner", "ru")
    clusters = build_clusters([_mention("Тинькофф", "ORG", "ner", "ru"), founder])
    assert sorted((c.type, c.canonical["ru"]) for c in clusters) == [
        ("ORG", "Тинькофф"), ("PER", "Олег Тиньков")]
    (person,) = build_clusters([_mention("Тиньков", "PER", "ner", "ru"), founder])
    assert person.type == "PER"


def test_a_lone_word_does_not_join_an_institution_by_a_word_inside_its_name():
    """"Libertad" is no short form of "Oficina para la Libertad de Expresión": an
    institution's inner words are not its name, as a person's surname is hers."""
    office = _mention("Oficina para la Libertad de Expresión", "ORG", "rule", "es")
    clusters = build_clusters([office, _mention("Libertad", "PER", "rule", "es")])
    assert len(clusters) == 2
    (person,) = build_clusters([_mention("Ana Libertad Torres", "PER", "rule", "es"),
                                _mention("Libertad", "PER", "rule", "es")])
    assert person.type == "PER"
