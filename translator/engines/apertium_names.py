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

from translator.engines.apertium_analyser import UNIT
from translator.engines.apertium_phrases import DAYS, MONTHS, SPANISH_DAYS, SPANISH_MONTHS

#: Bump when what is changed changes: it is part of the Apertium cache key.
NAME_RULE = 1

#: What may stand between two units of one phrase: blanks and word-bound blanks.
_BETWEEN = re.compile(r"(?:[ \t]|\[\[[^\]]*\]\])*")
#: Titles a surname follows ("Mr. Smith", "President Trump", "el señor Moreno").
_TITLE_WORDS = """
    Mr. Mrs. Ms. Mr Mrs Ms Dr. Dr Sen. Rep. Gov. Prof. President Senator Governor Mayor
    Judge Professor Chancellor Premier señor señora Sr. Sra. presidente presidenta
"""
TITLES = frozenset(_TITLE_WORDS.split())
#: Months and days: "May" after "Theresa" is a surname, "in May" is not.
CALENDAR = frozenset((*MONTHS, *DAYS, *(word.capitalize() for word in (*SPANISH_MONTHS,
                                                                          *SPANISH_DAYS))))
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
#: A first-name reading; the start of a title's unit (two searches: one with both
#: alternatives takes three times as long).
_FIRST_NAME = re.compile(r"<ant>")
_TITLE = re.compile(r"\^(?:" + "|".join(map(re.escape, sorted(TITLES))) + r")/")


def names_marked(stream: str, lang: str) -> str:
    """``stream`` (lt-proc's analyses of ``lang``) with people's surnames read as names.

    The first names and titles are found with C-speed searches (a stream of 4,000 news
    lines holds 100,000 units, a few hundred of them first names); only the unit after
    each is read in Python."""
    marked: dict[int, re.Match[str]] = {}  # start -> the unit read as a surname
    read_up_to = 0  # a unit has a first-name reading or two: read once
    namers = sorted([*_FIRST_NAME.finditer(stream), *_TITLE.finditer(stream)],
                    key=lambda found: found.start())
    for namer in namers:
        if namer.start() < read_up_to:
            continue
        start = stream.rfind("^", 0, namer.start() + 1)
        first = UNIT.match(stream, start) if start >= 0 else None
        if first is None or first.end() < namer.end():
            continue
        read_up_to = first.end()
        if first[1] not in TITLES and not _all_first_names(first[2]):
            continue  # also a place ("Paris") or a word
        unit = _next_unit(stream, first.end())
        # after a first name or a title, or after such a surname: "Peña Nieto"
        while unit is not None and _may_be_surname(unit) and not _named_after(stream, unit):
            marked[unit.start()] = unit
            unit = _next_unit(stream, unit.end())
    if not marked:
        return stream
    surnames = {unit[1] for unit in marked.values()} - CALENDAR  # not "in May"
    if surnames:  # the same word elsewhere: "Trump said"
        elsewhere = re.compile(r"\^(?:" + "|".join(map(re.escape, sorted(surnames)))
                               + r")/[^^$]*\$")
        for found in elsewhere.finditer(stream):
            unit = UNIT.match(stream, found.start())
            if unit is not None and _may_be_surname(unit) and "<adj>" not in unit[2]:
                marked.setdefault(unit.start(), unit)
    pieces, done = [], 0
    for start in sorted(marked):
        pieces += [stream[done:start], _as_surname(marked[start], lang)]
        done = marked[start].end()
    return "".join([*pieces, stream[done:]])


def _next_unit(stream: str, position: int) -> re.Match[str] | None:
    """The unit right after ``position`` in one phrase (only blanks between), if any."""
    between = _BETWEEN.match(stream, position)
    return UNIT.match(stream, between.end() if between else position)


def _named_after(stream: str, unit: re.Match[str]) -> bool:
    """Whether ``unit`` is followed, in one phrase, by a noun that ends names of places
    and bodies: "Land" of "Idaho Land Board" is no surname, though the analyser reads
    "Idaho" only as a first name; "Peña" of "Peña Nieto" is one."""
    after = _next_unit(stream, unit.end())
    return after is not None and after[1] in DESIGNATORS


def _all_first_names(readings: str) -> bool:
    """Every reading a first name: "Donald", not "Paris" (also a place)."""
    return all("<ant>" in reading for reading in readings.split("/"))


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
