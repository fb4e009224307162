"""What the words around a Russian name say about it, where natasha's spans do not.

- The noun before a name in quotation marks types it. Russian quotes the names of
  organisations, stations, newspapers and works, never those of people: "станции
  метро «Спортивная»", "газета «Коммерсантъ»", "партия «Яблоко»". A noun among the
  three words right before the quotation mark ("станции московского метро") says what
  the name is, where natasha calls most quoted names organisations. The nouns are the
  project's concept words (``institutions``).
- An organisation's abbreviation right before another organisation belongs to it:
  natasha cuts "ГУ МВД" (the ministry's Main Directorate) in two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from translator.entities.filters import COMMON_ABBREVIATIONS
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, concept_of
from translator.entities.model import Mention
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


def joined_directorates(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation abbreviation right before another organisation is part of its name:
    natasha splits "ГУ МВД" and "ГУ МЧС" (the Main Directorate of the ministry) in two."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (last is not None and last.type == mention.type == "ORG" and last.text.isupper()
                and len(last.text) <= 4 and last.text not in COMMON_ABBREVIATIONS
                and text[last.end:mention.start] == " "):
            joined[-1] = replace(last, text=text[last.start:mention.end], end=mention.end,
                                 normal=f"{last.normal} {mention.normal}")
            continue
        joined.append(mention)
    return joined


def typed_by_quotes(text: str, mention: Mention) -> Mention:
    """The mention typed by the noun before its quotation marks, if one says
    ("станции метро «Спортивная»": a place, not natasha's organisation)."""
    etype = quoted_type(text, mention.start, mention.end)
    if etype is None or etype == mention.type:
        return mention
    return replace(mention, type=etype, origin="rule-context")
