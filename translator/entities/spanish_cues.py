"""What the words before a Spanish name say about its type, where its shape says person.

The rules (``extract_latin``) call a run of capitalised words a person by its shape
alone. Spanish tells more in the lower-case words before a name:
- a noun of a sea, river or street, which belongs to the name: "el mar Rojo", "el río
  Mara", "la calle Arbat" (English says "Red Sea", "Mara River");
- a noun of a region or a city with "de": "la región de Olomouc", "la provincia de
  Kapisa", "la ciudad de Boston";
- a noun of a company, an institution or the press: "la corporación Walmart", "el banco
  Santander", "el centro Victor-Gadbois", "el periódico Kommersant"; or one with "de"
  before common words, which only an institution's name capitalises: "el departamento
  de Transportes", "la comisión de Derechos Humanos";
- a noun of a thing, a work or an event: "la consola Xbox", "el telescopio Hubble", "la
  película Argo", "el huracán Sandy" (MISC);
- "en": "en Quebec", "en Montreal" name a place (a name of two words or more, "en Carlos
  Pérez", stays one);
- an article, which a person's name goes without: "la Tierra", "el Marsella" (the club).
A city or a state without "de" is left out: translated news writes "el alcalde de la
ciudad Bill de Blasio". The nouns are the project's concept words
(``institutions.word_concept``).
"""

from __future__ import annotations

from typing import NamedTuple

from translator.entities.filters import is_common_word
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, word_concept

#: Tokens as ``extract_latin`` cuts them: text, start, end.
Token = tuple[str, int, int]

_PLACE_NOUNS = frozenset({"sea", "ocean", "river", "lake", "mountain", "island", "bay",
                          "valley", "street", "square"})
_REGION_NOUNS = LOC_CONCEPTS - {"empire", "kingdom", "federation"}  # "el reino de Felipe II"
_ORG_NOUNS = frozenset({"company", "bank", "agency", "party", "university", "museum",
                        "theatre", "hospital", "foundation", "association", "court",
                        "centre", "institute", "organisation", "school", "college"})
#: Nouns of the press, before its title: "el periódico Kommersant", "la cadena CNN".
_PRESS_NOUNS = frozenset({"periódico", "periódicos", "diario", "semanario", "revista",
                          "cadena", "canal", "emisora", "portal"})
#: Nouns of a thing, a work or an event, before its name: "la consola Xbox", "los
#: sensores Kinect", "la red Bitcoin", "la película Argo", "el telescopio Hubble".
_THING_NOUNS = frozenset({
    "consola", "consolas", "sensor", "sensores", "red", "plataforma", "aplicación",
    "moneda", "criptomoneda", "videojuego", "juego", "programa", "sistema", "software",
    "buque", "barco", "submarino", "portaaviones", "misil", "misiles", "cohete", "avión",
    "aviones", "satélite", "telescopio", "sonda", "nave", "operación", "proyecto",
    "festival", "premio", "película", "libro", "novela", "serie", "álbum", "canción",
    "disco", "documental", "obra", "ópera", "exposición", "campaña", "huracán", "tormenta",
    "ciclón", "tifón", "vacuna", "virus", "variante"})
_ARTICLES = {"el", "la", "los", "las", "del", "al"}


class Cue(NamedTuple):
    """The type the words before a name give it, and where the name then starts (the
    noun of "río Mara" is part of it)."""

    type: str
    start: int


def spanish_cue(tokens: list[Token], index: int, words: int) -> Cue | None:
    """The cue before the name of ``words`` words starting at token ``index``, if any."""
    if index == 0:
        return None
    before, start = tokens[index - 1], tokens[index][1]
    adjacent = start - before[2] <= 1
    concept = word_concept(before[0], "es") if adjacent and before[0].islower() else None
    if concept in _PLACE_NOUNS:
        return Cue("LOC", before[1])
    if concept in _ORG_NOUNS or (adjacent and before[0] in _PRESS_NOUNS):
        return Cue("ORG", start)
    if adjacent and before[0] in _THING_NOUNS:
        return Cue("MISC", start)
    if before[0] in ("de", "del") and index >= 2 and tokens[index - 2][0].islower():
        noun = word_concept(tokens[index - 2][0], "es")
        if noun in _REGION_NOUNS:
            return Cue("LOC", start)
        if noun in ORG_CONCEPTS and all(is_common_word(t[0], "es") for t in
                                        tokens[index:index + words] if not t[0].islower()):
            return Cue("ORG", start)  # "el departamento de Transportes", not "el partido
            # de Navalny"
    if before[0].lower() == "en" and words == 1:
        return Cue("LOC", start)
    if before[0].lower() in _ARTICLES:
        return Cue("MISC", start)
    return None
