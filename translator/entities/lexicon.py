"""Names as Apertium's dictionaries know them: the type of a Spanish or English name
the rules found by its capitals, and the verb that only opens a sentence.

The rules (``extract_latin``, and ``extract_en_spacy`` for a lone word) see a run of
capitalised words and type it by its shape: in Spanish one to four such words were a
person ("Qatar", "San Petersburgo", "Xbox", "Clínica"), and a sentence's opening verb
joined the name after it ("Abrí Twitter", "Finaliza Cumbre"). Apertium's analysers,
installed with its en-es pair (``make system-deps``), list tens of thousands of proper
nouns with a kind (``<np><loc>`` a place, ``<np><ant>`` a given name, ``<np><cog>`` a
surname, ``<np><al>`` any other: firms, media, bodies, "Naciones Unidas") and every
common word's class. One ``lt-proc`` process per language answers every name of a run,
each asked once (``apertium_analyser``). Where Apertium is not installed, the types stay
as the rules gave them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from translator.engines.apertium_analyser import UNIT, Analyser
from translator.engines.apertium_stream import escape
from translator.entities.model import Mention

#: A proper noun's kind in Apertium's dictionaries, as a mention's type.
KIND_TYPES = {"loc": "LOC", "al": "ORG", "ant": "PER", "cog": "PER"}
#: Word classes that never begin a name: a sentence's opening verb, preposition,
#: conjunction or pronoun ("Abrí Twitter", "A México"); an adverb may ("Tan Wei Ming").
OPENING_ONLY = frozenset({"vblex", "vbser", "vbhaver", "vbmod", "pr", "cnjcoo", "cnjsub",
                          "cnjadv", "prn", "rel", "ij"})
#: Words before a number that make no name of it: "Casi 57", "Aproximadamente 2".
BEFORE_NUMBERS = OPENING_ONLY | {"adv", "preadv"}
_JOINING = frozenset({"guio"})
#: Endings of the abstract nouns no person is called by ("Historia", "Aviación",
#: "Sanidad", "Cultura", "Neurociencia"): such a word typed a person by its capital alone
#: is MISC (a department, a subject, a title's word).
ABSTRACT_ENDINGS = ("ción", "sión", "dad", "tad", "ía", "ura", "ismo", "encia", "ancia")
#: Where a mention's type came from the rules' view of its shape (not from a cue before
#: it, a gazetteer or a model), so the dictionary's kind is better evidence.
SHAPED = frozenset({"rule", "rule-initial"})


class Unit(NamedTuple):
    """One word (or a name the dictionary has whole) and its readings: each the tags of
    one analysis, ``()`` for a word the dictionary does not know."""

    surface: str
    readings: tuple[tuple[str, ...], ...]

    @property
    def known(self) -> bool:
        return bool(self.readings) and all(self.readings)

    def kinds(self) -> set[str]:
        """The types its proper-noun readings give; empty if it has another reading too."""
        if not self.known or any(r[0] != "np" for r in self.readings):
            return set()
        return {KIND_TYPES.get(r[1], "") if len(r) > 1 else "" for r in self.readings}

    def is_only(self, classes: frozenset[str]) -> bool:
        """A known word every reading of which is of ``classes``."""
        return self.known and all(r[0] in classes for r in self.readings)

    def in_name(self) -> bool:
        """A word a person's name may go on with: a name, an initial, a hyphen, or a word
        the dictionary does not know (most surnames)."""
        return (not self.known or self.kinds() == {"PER"} or self.is_only(_JOINING)
                or (len(self.surface) == 1 and self.surface.isupper()))


def parse_units(analysis: str) -> list[Unit]:
    """The units of one line of ``lt-proc``'s output."""
    units = []
    for found in UNIT.finditer(analysis):
        readings = tuple(() if reading.startswith("*") else tuple(
            tag.rstrip(">") for tag in reading.split("<")[1:])
            for reading in found[2].split("/"))
        units.append(Unit(_ESCAPED.sub(r"\1", found[1]), readings))
    return units


_ESCAPED = re.compile(r"\\(.)")


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> _Lexicon | None:
    from translator.engines.apertium import installed_modes

    mode = next((path for (source, _), path in sorted(installed_modes().items())
                 if source == lang), None)
    analyser = Analyser.for_mode(mode) if mode is not None else None
    return _Lexicon(analyser) if analyser is not None else None


class _Lexicon:
    """One analyser and the units of every phrase it was asked, kept for the process."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyser: Analyser | None = analyser
        self.units: dict[str, list[Unit]] = {}

    def ask(self, phrases: Iterable[str]) -> dict[str, list[Unit]]:
        new = sorted({" ".join(p.split()) for p in phrases} - self.units.keys())
        if new and self.analyser is not None:
            try:
                lines = self.analyser.analyses([escape(phrase) for phrase in new])
            except OSError:
                self.analyser.close()
                self.analyser, lines = None, []
            if len(lines) == len(new):
                self.units.update(zip(new, map(parse_units, lines), strict=True))
        return self.units


def phrase_units(phrases: Iterable[str], lang: str) -> dict[str, list[Unit]]:
    """The units of each phrase (its words joined by single spaces) the dictionary of
    ``lang`` gives; empty where Apertium has no analyser for ``lang``."""
    lexicon = _lexicon(lang)
    return lexicon.ask(phrases) if lexicon is not None else {}


def dictionary_type(units: Sequence[Unit], ruled: str, lang: str) -> str | None:
    """The type the dictionary gives a name the rules typed ``ruled`` by its shape; None
    when it says nothing sure. A place is a place. Another proper noun (a firm, a medium,
    a body, but also a war or a book) is an organisation only where the rules knew
    nothing of it (``UNKNOWN``). A given name followed by names, initials or unknown words
    is a person ("Brian E", "Marie-Chantal Miller", "Mohamed El-Baradei"), a place followed
    by adjectives a place. A Spanish abstract noun is no person."""
    if len(units) == 1:
        kinds = units[0].kinds()
        if kinds == {"LOC"} or (kinds == {"ORG"} and ruled == UNKNOWN[lang]):
            return kinds.pop()
        if (not kinds and lang == "es" and ruled == "PER" and units[0].is_only(_COMMON)
                and units[0].surface.lower().endswith(ABSTRACT_ENDINGS)):
            return "MISC"
        return None
    if units[0].kinds() == {"PER"} and all(unit.in_name() for unit in units[1:]):
        return "PER"
    if units[0].kinds() == {"LOC"} and all(
            any(reading[:1] == ("adj",) for reading in unit.readings) for unit in units[1:]):
        return "LOC"  # a place and what it is said to be: "América Latina", "Europa del Este"
    return None


#: The type the rules give a name they know nothing of: Spanish runs of capitalised
#: words are persons by their shape, a lone English word the model passed over is MISC.
UNKNOWN = {"es": "PER", "en": "MISC"}
_COMMON = frozenset({"n", "adj"})
_NUMBERS = frozenset({"num"})


def dictionary_typed(segments: Sequence[str], found: list[list[Mention]], lang: str
                     ) -> list[list[Mention]]:
    """``found`` (per segment) with each name the rules typed by its shape given the
    dictionary's type (``dictionary_type``); in Spanish, a sentence's opening verb,
    preposition or pronoun cut off the name after it ("Abrí Twitter": "Twitter"), and such
    a word alone ("- Imaginémonos...") or a number the opening word made a name of ("A 31
    años", "Casi 57.000") dropped."""
    units = phrase_units([m.text for mentions in found for m in mentions
                          if m.origin in SHAPED], lang)
    if not units:
        return found
    return [[typed for mention in mentions for typed in _typed(segment, mention, units, lang)]
            for segment, mentions in zip(segments, found, strict=True)]


def _typed(segment: str, mention: Mention, units: dict[str, list[Unit]], lang: str
           ) -> list[Mention]:
    own = units.get(" ".join(mention.text.split()))
    if mention.origin not in SHAPED or not own:
        return [mention]
    if lang == "es" and len(own) == 1 and own[0].is_only(OPENING_ONLY) \
            and _initial(segment, mention.start):
        return []  # a sentence's opening verb alone: "- Imaginémonos por un momento..."
    if lang == "es" and len(own) > 1 and _opening(own) and _initial(segment, mention.start):
        cut = segment.find(own[1].surface.split()[0], mention.start + len(own[0].surface))
        if cut < 0 or cut >= mention.end:
            return [mention]
        if not any(ch.isalpha() for ch in segment[cut:mention.end]):
            return []
        rest = replace(mention, text=segment[cut:mention.end], start=cut,
                       normal=segment[cut:mention.end])
        if len(own) == 2:  # one word left: what the dictionary says of it alone
            return _typed(segment, rest, phrase_units([rest.text], lang), lang)
        return [rest]
    kind = dictionary_type(own, mention.type, lang)
    return [replace(mention, type=kind)] if kind and kind != mention.type else [mention]


def _opening(units: Sequence[Unit]) -> bool:
    """A first word no name starts with, or an adverb before a number ("Casi 57")."""
    return units[0].is_only(OPENING_ONLY) or (
        units[0].is_only(BEFORE_NUMBERS) and all(u.is_only(_NUMBERS) for u in units[1:]))


def _initial(segment: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (after any opening quotes or brackets)."""
    before = segment[:start].rstrip(" \"'«“‘(¿¡-–—")
    return not before or before[-1] in ".!?:;…"
