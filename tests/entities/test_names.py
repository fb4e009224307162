"""Russian first names and surnames recognised in Latin script through pymorphy3's dictionary."""

from __future__ import annotations

import pytest

from translator.entities.names import cyrillic_candidates, russian_name_kinds


@pytest.mark.parametrize(("word", "kind"), [
    ("Alyona", "first"), ("Alena", "first"), ("Georgy", "first"), ("Natalia", "first"),
    ("Popova", "surname"), ("Navalny", "surname"), ("Rajabov", "surname"),
    ("Radzhabov", "surname"), ("Sobyanin", "surname"),
])
def test_romanised_russian_names_are_known(word, kind):
    assert kind in russian_name_kinds(word)


@pytest.mark.parametrize("word", ["Moscow", "Kremlin", "Reuters", "Texas", "Facebook",
                                  "Amnesty", "Interfax", "popova", "UTC"])
def test_places_brands_and_lower_case_words_are_not_names(word):
    assert not russian_name_kinds(word)


def test_candidates_are_bounded_and_include_the_spelling():
    found = cyrillic_candidates("Navalny")
    assert "навальный" in found
    assert len(cyrillic_candidates("Shcherbakovskaya")) <= 400
    assert cyrillic_candidates("Müller") == []
