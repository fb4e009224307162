"""What the word before a Russian name in quotation marks says about its type.

Russian quotes the names of organisations, stations, newspapers and works, never
those of people: "станции метро «Спортивная»", "газета «Коммерсантъ»", "партия
«Яблоко»". A noun among the three words right before the quotation mark ("станции
московского метро") is then what the name is, where natasha tends to call every
quoted name an organisation. The nouns are the project's concept words
(``institutions``).
"""

from __future__ import annotations

import re

from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, concept_of
from translator.entities.russian_morph import parses

_OPENING = "«\"“„"
_CLOSING = "»\"”“"
_WORDS = re.compile(r"[а-яё]+", re.IGNORECASE)
_BEFORE = 40  # characters looked back at: "станции московского метро «"
_NOUNS = 3  # words looked back at, the nearest first


def quoted_type(text: str, start: int, end: int) -> str | None:
    """LOC or ORG for a name in quotation marks after a place's or an institution's noun
    ("станции московского метро «Спортивная»"); None when nothing before it says."""
    if start == 0 or end >= len(text) or text[start - 1] not in _OPENING \
            or text[end] not in _CLOSING:
        return None
    before = text[max(0, start - 1 - _BEFORE):start - 1]
    if not before[-1:].isspace():
        return None  # "Центра «Э»" and the like are found whole
    words = _WORDS.findall(re.split(r"[^\w\s-]", before)[-1])  # within the clause
    for word in reversed(words[-_NOUNS:]):
        best = parses(word)[0]
        if best.tag.POS != "NOUN":
            continue  # "федерального проекта «Чистая вода»": a project, not a federation
        concept = concept_of(best.normal_form, "ru")
        if concept in LOC_CONCEPTS:
            return "LOC"
        if concept in ORG_CONCEPTS:
            return "ORG"
    return None
