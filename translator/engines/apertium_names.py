"""People's surnames Apertium would translate as words, marked as names before its tagger.

Apertium's dictionaries know "Trump", "Smith", "May", "Casado" and "Iglesias" as words
("triunfo", "herrero", "mayo", "married", "churches"), and its tagger picks the word even
where the analyser also offers a surname: "Donald Trump" came out "Donald Triunfo",
"Theresa May" "Theresa mayo", "Mr. Smith" "Señor Herrero", and from Spanish "Pablo
Casado y Pablo Iglesias" "Pablo Married and Pablo Churches" (98 times "Triunfo" in
WMT19-21's 5,001 lines).

A capitalised word right after a first name (what the analyser reads only as one:
"Donald", "Theresa", "Pablo"), after a title that comes before a surname ("Mr.", "Sen.",
"President", "señor") or after such a surname ("Enrique Peña Nieto") is a surname: its
readings become the analyser's name readings if it has any, else a surname's. Not a
surname: a noun that ends names of places and bodies ("John Street", "Sydney Airport";
not "Hill", "Park" or "Hall", surnames as often) or a word before one ("Idaho Land
Board", the analyser's "Idaho" a first name), a gerund, a modal, a function word or a
word read only as a verb ("Rosa Threatening", "Warren Will", "Salvador Over", "Arthur
Says" of headlines). The same word capitalised elsewhere in the
stream is the same person ("Trump said"), but not a month or a day ("in May") nor an
adjective ("Johnny English", not "en inglés").

Like the possessives (``apertium_possessives``) this changes the analyser's output
between the kept pipeline's analyser and its tagger (Apertium 3.8+).

Measured on WMT19-21 English news, WMT13 Spanish news and FLORES dev: see the README.
"""

from __future__ import annotations

import re
from itertools import pairwise

#: Bump when what is changed changes: it is part of the Apertium cache key.
NAME_RULE = 1

#: One lexical unit of the analyser's stream: ``^surface/reading/reading$``.
_UNIT = re.compile(r"\^((?:\\.|[^/^$\\])*)/((?:\\.|[^^$\\])*)\$")
#: What may stand between two units of one phrase: blanks and word-bound blanks.
_BETWEEN = re.compile(r"(?:[ \t]|\[\[[^\]]*\]\])*")
#: Titles a surname follows ("Mr. Smith", "President Trump", "el señor Moreno").
_TITLE_WORDS = """
    Mr. Mrs. Ms. Mr Mrs Ms Dr. Dr Sen. Rep. Gov. Prof. President Senator Governor Mayor
    Judge Professor Chancellor Premier señor señora Sr. Sra. presidente presidenta
"""
TITLES = frozenset(_TITLE_WORDS.split())
#: Months and days: "May" after "Theresa" is a surname, "in May" is not.
_CALENDAR_WORDS = """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre
    Diciembre Lunes Martes Miércoles Jueves Viernes Sábado Domingo
"""
CALENDAR = frozenset(_CALENDAR_WORDS.split())
#: The nouns English names of places, bodies and events end in, which a first name may
#: come before ("John Street", "Sydney Airport", "Ryder Cup"): not surnames.
_DESIGNATOR_WORDS = """
    Street St Avenue Road Boulevard Lane Drive Square Place Bridge Station Airport Harbour
    Harbor Port Beach Bay Island Lake River Valley Mountain Hills County Police
    City Town School College University Academy Institute Hospital Cathedral Center
    Centre Museum Gallery Library Theatre Theater Stadium Arena Cup Trophy Prize Award
    Awards Agreement Accord Treaty Act Bill Bureau Agency Department Ministry Office
    Council Court Commission Committee Party Group Company Corporation Bank Foundation Fund
    Association Society Union Club League Post Times News Herald Journal Examiner Tribune
    Week Day Festival Games Prison Tower Building Hotel Market Trains Airways Airlines
    Christian Catholic Memorial Palace Castle Garden Gardens Forest National International
    Sea Ocean Gulf Desert Canyon Falls Creek Fashion Area Region Province State District
    Property Constitution Buses Board
"""
DESIGNATORS = frozenset(_DESIGNATOR_WORDS.split())
#: Readings that make a word no surname here: a gerund, a modal, a function word ("Rosa
#: Threatening", "Warren Will", "Salvador Over" of headlines), but for the month
#: ("Theresa May"). A few surnames are lost ("Darren Till", "Brad Little").
_NOT_A_NAME = re.compile(r"<(?:ger|vaux|pr|det|prn|cnj\w*)>")
#: A surname is read at least once as a noun, an adjective or a name ("Trump", "Lawless"),
#: not only as a verb ("Says" of a headline).
_NOUN_OR_NAME = re.compile(r"<(?:n|adj|np)>")
SURNAME = {"en": "<np><cog><sg>", "es": "<np><cog><mf><sg>"}


def names_marked(stream: str, lang: str) -> str:
    """``stream`` (lt-proc's analyses of ``lang``) with people's surnames read as names."""
    units = list(_UNIT.finditer(stream))
    after_name: set[int] = set()
    for number, (before, unit) in enumerate(pairwise(units), 1):
        # after a first name or a title, or after a surname: "Peña Nieto", "López Obrador"
        if (_names_next(before) or number - 1 in after_name) and _may_be_surname(unit) \
                and _BETWEEN.fullmatch(stream, before.end(), unit.start()) \
                and not _named_after(units, number, stream):
            after_name.add(number)
    if not after_name:
        return stream
    surnames = {units[number][1] for number in after_name} - CALENDAR  # not "in May"
    elsewhere = {number for number, unit in enumerate(units)
                 if unit[1] in surnames and _may_be_surname(unit) and "<adj>" not in unit[2]}
    pieces, done = [], 0
    for number, unit in enumerate(units):
        if number in after_name or number in elsewhere:
            pieces += [stream[done:unit.start()], _as_surname(unit, lang)]
            done = unit.end()
    return "".join([*pieces, stream[done:]])


def _named_after(units: list[re.Match[str]], number: int, stream: str) -> bool:
    """Whether unit ``number`` is followed, in one phrase, by a noun that ends names of
    places and bodies: "Land" of "Idaho Land Board" is no surname, though the analyser
    reads "Idaho" only as a first name; "Peña" of "Peña Nieto" is one."""
    if number + 1 >= len(units):
        return False
    unit, after = units[number], units[number + 1]
    return after[1] in DESIGNATORS and bool(_BETWEEN.fullmatch(stream, unit.end(),
                                                                 after.start()))


def _names_next(unit: re.Match[str]) -> bool:
    """A first name (every reading one: not "Paris", also a place) or a title before a
    surname."""
    readings = unit[2].split("/")
    return unit[1] in TITLES or all("<ant>" in reading for reading in readings)


def _may_be_surname(unit: re.Match[str]) -> bool:
    """Capitalised ("Trump", not "said" or "CBS"), known to the analyser, and read as a
    word at least once (a name only is left as it is, unknown words too)."""
    surface, readings = unit[1], unit[2]
    return (len(surface) > 1 and surface[0].isupper() and not surface[1:].isupper()
            and _NOUN_OR_NAME.search(readings) is not None
            and not readings.startswith("*") and surface not in TITLES
            and surface not in DESIGNATORS
            and (surface in CALENDAR or not _NOT_A_NAME.search(readings))
            and any("<np>" not in reading for reading in readings.split("/")))


def _as_surname(unit: re.Match[str], lang: str) -> str:
    names = [reading for reading in unit[2].split("/") if "<np>" in reading]
    return f"^{unit[1]}/{'/'.join(names) or unit[1] + SURNAME[lang]}$"
