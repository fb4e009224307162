"""Term extraction proposes what people write: surface forms, no furniture, no names."""

from __future__ import annotations

import pytest

from glossary.extract import extract_candidates

LINES = [
    "Critics say social media spread the rumours about human rights groups.",
    "Human rights lawyers told Reuters the rules on social media were vague.",
    "Social media firms said they respect human rights, Reuters reported.",
    "The newsletter: the best crypto stories for Thursday. Read more",
    "The best crypto stories for Thursday, a lawyer told Reuters. Read more",
    "Acme Wire - Unknown author",
    "Acme Wire - Unknown source",
]


def _texts(lines=LINES, **options) -> list[str]:
    return [c.text for c in extract_candidates(lines, "en", **options)]


def test_the_commonest_written_form_is_proposed_not_the_lemma():
    found = _texts()
    assert "social media" in found and "human rights" in found
    assert "social medium" not in found and "human right" not in found
    assert "Social media" not in found  # a capital that only opens a sentence is dropped


def test_reporting_verbs_boilerplate_and_weekdays_make_no_term():
    found = _texts()
    assert not any(w in t.lower().split() for t in found
                   for w in ("told", "tell", "reported", "thursday", "read", "newsletter"))


def test_a_spaced_dash_ends_a_term():
    assert not any("Unknown" in t for t in _texts())


def test_names_found_by_the_name_finder_are_left_out():
    def finder(lines, lang):
        return [[(m.start(), m.end())] if (m := __import__("re").search("Acme Wire", line))
                else [] for line in lines]

    assert "Acme Wire" in _texts()
    assert "Acme Wire" not in _texts(find_names=finder)


def test_links_owners_headlines_and_fragments_propose_nothing_of_their_own():
    """A URL's slug is no term; "Harbor Council's" counts as "Harbor Council"; a title-case
    headline does not capitalise a term; a phrase that cuts a hyphenated word ("lethal
    weapons" of "less-lethal weapons") is not one."""
    lines = ["Read https://example.org/city-expands-street-camera-network today.",
             "See https://example.org/city-expands-street-camera-network now.",
             "The Harbor Council's budget grew.", "The Harbor Council met twice.",
             "City Expands Street Camera Network Across Districts",
             "Its street camera network grew.", "The street camera network failed.",
             "Police used less-lethal weapons.", "Less-lethal weapons hurt.",
             "The less-lethal weapons were new."]
    found = _texts(lines)
    assert not any("expands" in text for text in found)
    assert "Harbor Council" in found and not any("'s" in text for text in found)
    assert "street camera network" in found and "Street Camera Network" not in found
    assert "lethal weapons" not in found


def test_a_russian_abbreviation_keeps_its_capitals_in_the_dictionary_form():
    lines = ["Об этом сообщили в пресс-службе ВМФ России в понедельник.",
             "Командование ВМФ России провело учения на Балтике.",
             "Представитель ВМФ России отказался от комментариев."]
    found = [c.text for c in extract_candidates(lines, "ru")]
    assert "ВМФ России" in found and "Вмф России" not in found


def test_a_russian_term_keeps_the_capital_of_a_name_inside_it():
    lines = ["Морская блокада России обсуждалась в Брюсселе.",
             "Эксперты назвали морскую блокаду России маловероятной.",
             "О морской блокаде России заговорили снова."]
    found = [c.text for c in extract_candidates(lines, "ru")]
    assert "морская блокада России" in found


@pytest.mark.corpus
def test_seed_articles_propose_written_forms_and_no_furniture(corpus_dir):
    from glossary.extract import extract_from_files
    from translator.entities.extract import extract_many

    def finder(lines, lang):
        return [[(m.start, m.end) for m in found] for found in extract_many(lines, lang)]

    files = sorted((corpus_dir / "seed-articles").glob("*.txt"))
    found = [c.text for c in extract_from_files(files, "en", find_names=finder, top=500)]
    assert "social media" in found and "human rights" in found
    for wrong in ("social medium", "human right", "tell reuters", "crypto story for thursday",
                  "CoinDesk Unknown"):
        assert wrong not in found


def test_a_russian_term_does_not_stop_before_its_noun():
    lines = ["В День Военно-морского флота прошёл парад.",
             "Празднование Дня Военно-морского флота началось.",
             "Празднование Дня Военно-морского флота закончилось.",
             "Военно-морской флот получил корабли.", "Корабли передали Военно-морскому флоту."]
    found = [c.text for c in extract_candidates(lines, "ru")]
    assert not any(text.endswith("Военно-морского") for text in found)  # its noun cut off
    assert any(text.lower().startswith("день военно-морского флот") for text in found)
