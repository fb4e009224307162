"""Abbreviations a text defines: "the Federal Election Commission (FEC) said...".

News gives an organisation's full name once, its abbreviation in brackets after it, and
then the abbreviation alone. Both name one entity, so the pair gets one type and the
abbreviation records the name it stands for (``Mention.expands``), which clusters follow
("FEC" joins the "Federal Election Commission"). A bracketed word in capitals counts as
the name's abbreviation only when its letters are the initials of the name's words, in
order, lower-case words optional, one letter past the first maybe standing for none
("Pontificia Universidad Católica del Perú (PUCP)", "Министерство внутренних дел (МВД)",
"Department of Technology (DIT)"); a dateline ("PARIS (AP)") or another name in
brackets ("Somalia (AMISOM)") does not match.

The type of the pair is the full name's, which the extractor read with its words, not
the bare capitals' (spaCy calls most unknown abbreviations MISC): measured on the WMT
news sets, the two disagreed in 27 of 43 English pairs. A full name typed as a person is
an organisation when it defines an abbreviation ("All Nippon Airways (ANA)", "Neumann
Kaffee Gruppe (NKG)"): news hardly ever abbreviates a person's name that way. The
abbreviation standing alone elsewhere in the batch takes the same type.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from translator.entities.model import Mention

#: An abbreviation in brackets right after a name: capitals, maybe digits, "&" or dots.
_BRACKETED = re.compile(r"[ \t]*\(([^\W\d_a-zа-яё][^\W_a-zа-яё]{1,9})\)")
_WORD = re.compile(r"[^\W\d_]+")


def initials_of(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation``'s letters are the initials of ``name``'s words in order:
    each capitalised word gives one, a lower-case word ("of", "del", "внутренних") one or
    none. One letter past the first of an abbreviation of three or more may stand for
    no initial: a letter from inside a word ("Demilitarised Zone (DMZ)", "Problemas
    Biomédicos (IPBM)") or a word the text leaves out ("Department of Technology (DIT)"
    for Information Technology). Measured on the WMT news sets: 4 more definitions, all
    right; a dateline ("NEW YORK (AP)") still does not match."""
    letters = [c.casefold() for c in abbreviation if c.isalpha()]
    words = _WORD.findall(name)
    if len(letters) < 2 or len(words) < 2:
        return False

    @cache
    def match(word: int, letter: int, spare: int) -> bool:
        if word == len(words):
            return letter == len(letters) or (letter == len(letters) - 1 and spare > 0)
        first = words[word][0]
        if letter < len(letters) and first.casefold() == letters[letter] \
                and match(word + 1, letter + 1, spare):
            return True
        if spare and 0 < letter < len(letters) and match(word, letter + 1, spare - 1):
            return True
        return first.islower() and match(word + 1, letter, spare)

    return match(0, 0, 1 if len(letters) >= 3 else 0)


def defined_abbreviations(segments: list[str], found: list[list[Mention]], lang: str
                          ) -> list[list[Mention]]:
    """``found`` (the mentions of each segment) with each defined abbreviation typed as its
    name and marked with it (``expands``); one the extractor missed is added. The same
    abbreviation elsewhere in the batch gets the name's type too."""
    typed: dict[str, str] = {}  # abbreviation -> its name's type
    result: list[list[Mention]] = []
    for text, mentions in zip(segments, found, strict=True):
        by_start = {m.start: m for m in mentions}
        changed: dict[int, Mention] = {}
        for name in mentions:
            bracket = _BRACKETED.match(text, name.end)
            if bracket is None or not bracket[1].isupper() \
                    or not initials_of(bracket[1], name.text):
                continue
            etype = _pair_type(name)
            start, end = bracket.span(1)
            short = by_start.get(start)
            if short is None or short.end != end:
                short = Mention(bracket[1], etype, start, end, lang, bracket[1], name.segment,
                                "rule")
            changed[start] = replace(short, type=etype, expands=name.normal)
            if name.type != etype:
                changed[name.start] = replace(name, type=etype)
            typed.setdefault(short.text, etype)
        kept = [changed.pop(m.start, m) for m in mentions]
        result.append(sorted(kept + list(changed.values()), key=lambda m: m.start))
    if not typed:
        return result
    return [[replace(m, type=typed[m.text]) if m.text in typed and m.type != typed[m.text]
             else m for m in mentions] for mentions in result]


def _pair_type(name: Mention) -> str:
    """The full name's type; a "person" that defines an abbreviation is an organisation."""
    return "ORG" if name.type == "PER" else name.type
